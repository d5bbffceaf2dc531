//! The HTTP service (`vanban serve`): documents, batches and validation over HTTP, a page for
//! office staff, health, readiness and metrics.
//!
//! Documents render in worker processes (`vanban serve`) or in process (an embedded router),
//! behind [`limits::Limits`] ([`renderers`]); batches render with the server's own
//! [`Engine`]; every error is a [`problem::Problem`], said in Vietnamese when the
//! request's `Accept-Language` prefers it ([`language`]).

mod batches;
mod connections;
mod documents;
mod guard;
mod info;
mod language;
mod limits;
mod metrics;
mod observe;
mod page;
mod problem;
mod register;
mod renderers;
mod request;
mod stored;

pub use connections::{ConnectionOptions, DEFAULT_MAX_CONNECTIONS};
pub use problem::Problem;
pub use renderers::serve_jobs;

use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};
use tokio::net::TcpListener;

use crate::store::Store;
use crate::{Engine, EngineOptions};
use limits::Limits;
use metrics::Metrics;
use renderers::Renderers;

/// How the server listens and how much it takes on.
#[derive(Debug, Clone)]
pub struct ServerOptions {
    /// Where to listen; port 0 picks a free port.
    pub addr: SocketAddr,
    /// Renders at once.
    pub concurrency: usize,
    /// Requests that may wait for a renderer; more are answered 503.
    pub queue: usize,
    /// How long one render, or one wait in the queue, may take.
    pub render_timeout: Duration,
    /// The largest request body, in bytes.
    pub body_limit: usize,
    /// The most wards one batch may have.
    pub max_wards: usize,
    /// How connections are taken on and how long each may keep the server waiting.
    pub connections: ConnectionOptions,
    /// Where offices, accounts and drafts are kept; without one the service keeps nothing
    /// and its stored-data routes answer 404.
    pub store: Option<Store>,
}

impl Default for ServerOptions {
    /// Loopback port 8080, one render per core, 64 waiting, 30 s, 10 MB, 5,000 wards.
    fn default() -> Self {
        ServerOptions {
            addr: SocketAddr::from(([127, 0, 0, 1], 8080)),
            concurrency: std::thread::available_parallelism().map_or(1, |n| n.get()),
            queue: 64,
            render_timeout: Duration::from_secs(30),
            body_limit: 10 * 1024 * 1024,
            max_wards: crate::batch::MAX_WARDS,
            connections: ConnectionOptions::default(),
            store: None,
        }
    }
}

/// What every request shares: the engine, the renderers, the limits, the counters.
pub struct AppState {
    /// Batches' engine, and the in-process renderers'.
    engine: Arc<Engine>,
    renderers: Renderers,
    limits: Limits,
    metrics: Metrics,
    body_limit: usize,
    max_wards: usize,
    requests: observe::RequestIds,
    draining: AtomicBool,
    store: Option<Store>,
}

impl AppState {
    /// The state of a server rendering in process with `engine` within `options`' limits.
    pub fn new(engine: Engine, options: &ServerOptions) -> Arc<Self> {
        let engine = Arc::new(engine);
        let renderers = Renderers::InProcess(engine.clone());
        AppState::with(engine, renderers, options)
    }

    /// The state of a server rendering documents in `options.concurrency` worker processes
    /// started with `workers`' engine options (batches use `engine`); ready once they are.
    pub async fn with_workers(
        engine: Engine,
        workers: &EngineOptions,
        options: &ServerOptions,
    ) -> std::io::Result<Arc<Self>> {
        let renderers = Renderers::workers(options.concurrency.max(1), workers).await?;
        Ok(AppState::with(Arc::new(engine), renderers, options))
    }

    fn with(engine: Arc<Engine>, renderers: Renderers, options: &ServerOptions) -> Arc<Self> {
        Arc::new(AppState {
            engine,
            renderers,
            limits: Limits::new(options.concurrency, options.queue, options.render_timeout),
            metrics: Metrics::default(),
            body_limit: options.body_limit,
            max_wards: options.max_wards,
            requests: observe::RequestIds::new(),
            draining: AtomicBool::new(false),
            store: options.store.clone(),
        })
    }

    /// Marks the server as shutting down: `/readyz` answers 503 from now on.
    pub fn drain(&self) {
        self.draining.store(true, Ordering::SeqCst);
    }

    fn draining(&self) -> bool {
        self.draining.load(Ordering::SeqCst)
    }
}

/// Every route of the service.
pub fn app(state: Arc<AppState>) -> Router {
    Router::new()
        .route("/", get(page::index))
        .route("/static/{file}", get(page::asset))
        .route("/v1/documents/{kind}", post(documents::document))
        .route("/v1/validate", post(documents::validate))
        .route("/v1/readings", post(documents::readings))
        .route("/v1/batches", post(batches::batch))
        .route("/v1/batches/template", post(batches::template))
        .route("/v1/batches/stored", post(batches::stored))
        .route("/v1/login", post(stored::log_in))
        .route("/v1/logout", post(stored::log_out))
        .route("/v1/me", get(stored::me))
        .route("/v1/office", get(stored::office).put(stored::save_office))
        .route("/v1/drafts", get(stored::drafts))
        .route("/v1/drafts/{year}", get(stored::draft).put(stored::save))
        .route("/v1/drafts/{year}/revisions", get(stored::revisions))
        .route("/v1/audit", get(stored::audit))
        .route("/v1/register", get(register::list).post(register::issue))
        .route("/v1/register/{id}", get(register::show))
        .route("/v1/register/{id}/pdf", get(register::pdf))
        .route("/v1/register/{id}/signed", post(register::signed))
        .route("/v1/openapi.json", get(info::openapi))
        .route("/v1/schema", get(info::schema))
        .route("/v1/templates", get(info::templates))
        .route("/healthz", get(info::health))
        .route("/readyz", get(info::ready))
        .route("/metrics", get(info::metrics))
        .fallback(info::not_found)
        .method_not_allowed_fallback(info::method_not_allowed)
        .layer(DefaultBodyLimit::max(state.body_limit))
        .layer(axum::middleware::from_fn(guard::guard))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            observe::observe,
        ))
        .layer(axum::middleware::from_fn(language::localize))
        .with_state(state)
}

/// Serves on `options.addr` until SIGTERM or Ctrl-C, then stops taking connections and
/// finishes the requests in flight within the shutdown timeout. Documents render in worker
/// processes started with `workers`' engine options.
pub async fn serve(
    engine: Engine,
    workers: &EngineOptions,
    options: ServerOptions,
) -> std::io::Result<()> {
    let listener = TcpListener::bind(options.addr).await?;
    let state = AppState::with_workers(engine, workers, &options).await?;
    let connections = &options.connections;
    tracing::info!(
        addr = %listener.local_addr()?,
        concurrency = options.concurrency,
        queue = options.queue,
        render_timeout_s = options.render_timeout.as_secs_f64(),
        body_limit = options.body_limit,
        max_connections = connections.max_connections,
        header_timeout_s = connections.header_timeout.as_secs_f64(),
        idle_timeout_s = connections.idle_timeout.as_secs_f64(),
        body_timeout_s = connections.body_timeout.as_secs_f64(),
        shutdown_timeout_s = connections.shutdown_timeout.as_secs_f64(),
        "listening"
    );
    let shutdown = {
        let state = state.clone();
        async move {
            shutdown_signal().await;
            state.drain();
            tracing::info!("shutting down: finishing the requests in flight");
        }
    };
    connections::serve(listener, app(state), connections, shutdown).await?;
    tracing::info!("stopped");
    Ok(())
}

/// Resolves at the first SIGTERM or Ctrl-C (SIGINT).
async fn shutdown_signal() {
    let interrupt = async {
        if let Err(error) = tokio::signal::ctrl_c().await {
            tracing::error!(%error, "cannot listen for Ctrl-C");
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(error) => {
                tracing::error!(%error, "cannot listen for SIGTERM");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = interrupt => {},
        () = terminate => {},
    }
}
