//! The connections, served by an accept loop of our own around hyper, so that clients that
//! open connections and send little or nothing cannot hold the server's file descriptors or
//! memory: a cap on open connections, a time for each request's headers, for a kept-alive
//! connection's silence and for a whole body, and a deadline for shutting down.
//!
//! At the cap, the server stops accepting: further connections wait in the kernel's backlog
//! and are taken as others close (each within the header or idle timeout), rather than being
//! accepted and closed at once. A client that waits is served late instead of failing, and a
//! flood costs the server nothing while it waits. The cap is kept below the process's limit
//! on open files (raised to its hard limit at start), so that accepting never fails for want
//! of a descriptor, and a failed accept backs off instead of spinning.

mod activity;
mod deadline;
mod descriptors;

use std::convert::Infallible;
use std::io;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper::service::{Service as _, service_fn};
use hyper_util::rt::TokioIo;
use hyper_util::service::TowerToHyperService;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{OwnedSemaphorePermit, Semaphore, watch};

use super::guard;
use activity::{Activity, Watched};
pub use deadline::BodyTimedOut;
use deadline::{Deadline, Tracked};

/// The default for [`ConnectionOptions::header_timeout`].
pub const DEFAULT_HEADER_TIMEOUT: Duration = Duration::from_secs(10);
/// The default for [`ConnectionOptions::idle_timeout`].
pub const DEFAULT_IDLE_TIMEOUT: Duration = Duration::from_secs(30);
/// The default for [`ConnectionOptions::body_timeout`].
pub const DEFAULT_BODY_TIMEOUT: Duration = Duration::from_secs(60);
/// The default for [`ConnectionOptions::max_connections`].
pub const DEFAULT_MAX_CONNECTIONS: usize = 4096;
/// The default for [`ConnectionOptions::shutdown_timeout`].
pub const DEFAULT_SHUTDOWN_TIMEOUT: Duration = Duration::from_secs(10);

/// File descriptors kept for what is not a connection (the listener, fonts and templates
/// read at start, standard streams) when the open-files limit caps the connections.
const RESERVED_DESCRIPTORS: u64 = 64;

/// hyper's own cap on header lines, above [`guard::MAX_HEADER_COUNT`] so that a request
/// between the two is answered by the guard, with a problem, not by hyper with an empty 431.
const HYPER_MAX_HEADERS: usize = 4 * guard::MAX_HEADER_COUNT;

/// The first wait after an accept that failed for want of descriptors or memory; it doubles
/// with each failure in a row, up to [`ACCEPT_BACKOFF_MAX`].
const ACCEPT_BACKOFF_MIN: Duration = Duration::from_millis(10);
/// The longest wait between two accepts that fail.
const ACCEPT_BACKOFF_MAX: Duration = Duration::from_secs(1);

/// How connections are taken on and how long each may keep the server waiting.
#[derive(Debug, Clone)]
pub struct ConnectionOptions {
    /// How long a client has to send a request's headers: from the connection's opening
    /// for its first request, from the first byte for the next ones.
    pub header_timeout: Duration,
    /// How long a kept-alive connection may stay silent between two requests.
    pub idle_timeout: Duration,
    /// How long a client has to send a whole request body, from the end of its headers;
    /// past it the answer is 408.
    pub body_timeout: Duration,
    /// Connections open at once; more wait in the backlog.
    pub max_connections: usize,
    /// How long a shutdown waits for the requests in flight before it drops their
    /// connections.
    pub shutdown_timeout: Duration,
}

impl Default for ConnectionOptions {
    fn default() -> Self {
        ConnectionOptions {
            header_timeout: DEFAULT_HEADER_TIMEOUT,
            idle_timeout: DEFAULT_IDLE_TIMEOUT,
            body_timeout: DEFAULT_BODY_TIMEOUT,
            max_connections: DEFAULT_MAX_CONNECTIONS,
            shutdown_timeout: DEFAULT_SHUTDOWN_TIMEOUT,
        }
    }
}

/// Where the server is in its life, as the connections see it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stage {
    Serving,
    /// Finish the request in flight, then close.
    Draining,
    /// Close now.
    Closing,
}

/// Serves `router` on `listener` until `shutdown` resolves; then stops accepting, lets the
/// connections finish their requests within the shutdown timeout, and drops the rest.
pub async fn serve(
    listener: TcpListener,
    router: Router,
    options: &ConnectionOptions,
    shutdown: impl Future<Output = ()>,
) -> io::Result<()> {
    let cap = descriptors::connection_cap(options.max_connections, RESERVED_DESCRIPTORS);
    let permits = Arc::new(Semaphore::new(cap));
    let (stage, stages) = watch::channel(Stage::Serving);
    let mut http = http1::Builder::new();
    http.max_headers(HYPER_MAX_HEADERS);
    let app = TowerToHyperService::new(router);
    tokio::pin!(shutdown);
    let mut backoff = ACCEPT_BACKOFF_MIN;
    loop {
        let permit = tokio::select! {
            () = &mut shutdown => break,
            permit = permits.clone().acquire_owned() => permit.map_err(io::Error::other)?,
        };
        let stream = tokio::select! {
            () = &mut shutdown => break,
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => stream,
                Err(error) => {
                    back_off(&error, &mut backoff).await;
                    continue;
                }
            },
        };
        backoff = ACCEPT_BACKOFF_MIN;
        let connection = Connection {
            http: http.clone(),
            app: app.clone(),
            options: options.clone(),
            stages: stages.clone(),
            _permit: permit,
        };
        tokio::spawn(connection.serve(stream));
    }
    drop(listener);
    let _ = stage.send(Stage::Draining);
    let all = u32::try_from(cap).unwrap_or(u32::MAX);
    match tokio::time::timeout(options.shutdown_timeout, permits.acquire_many(all)).await {
        Ok(_) => tracing::info!("every connection closed"),
        Err(_) => {
            let open = cap - permits.available_permits();
            tracing::warn!(
                open,
                shutdown_timeout_s = options.shutdown_timeout.as_secs_f64(),
                "shutdown deadline reached: dropping the open connections"
            );
            let _ = stage.send(Stage::Closing);
        }
    }
    Ok(())
}

/// Waits after a failed accept: not at all when one connection failed on its own (it was
/// reset before it was taken), else [`ACCEPT_BACKOFF_MIN`] doubling to
/// [`ACCEPT_BACKOFF_MAX`] while the failures go on (out of descriptors or memory).
async fn back_off(error: &io::Error, backoff: &mut Duration) {
    use io::ErrorKind::{ConnectionAborted, ConnectionRefused, ConnectionReset, Interrupted};
    if matches!(
        error.kind(),
        ConnectionAborted | ConnectionReset | ConnectionRefused | Interrupted
    ) {
        return;
    }
    tracing::warn!(%error, wait_ms = backoff.as_millis(), "cannot accept a connection");
    tokio::time::sleep(*backoff).await;
    *backoff = (*backoff * 2).min(ACCEPT_BACKOFF_MAX);
}

/// One accepted connection and what it needs; its permit is given back when it closes.
struct Connection {
    http: http1::Builder,
    app: TowerToHyperService<Router>,
    options: ConnectionOptions,
    stages: watch::Receiver<Stage>,
    _permit: OwnedSemaphorePermit,
}

impl Connection {
    /// Serves the connection's requests until the client closes it, a timeout closes it, or
    /// the server shuts down.
    async fn serve(mut self, stream: TcpStream) {
        let activity = Arc::new(Activity::new());
        let io = TokioIo::new(Watched::new(stream, activity.clone()));
        let (app, body_timeout) = (self.app, self.options.body_timeout);
        let requests = activity.clone();
        let service = service_fn(move |request: axum::http::Request<Incoming>| {
            let busy = requests.begin();
            let request = request.map(|body| Body::new(Deadline::new(body, body_timeout)));
            let answered = app.call(request);
            async move {
                let response = answered.await?;
                Ok::<_, Infallible>(response.map(|body| Body::new(Tracked::new(body, busy))))
            }
        });
        let connection = self.http.serve_connection(io, service);
        tokio::pin!(connection);
        loop {
            tokio::select! {
                served = connection.as_mut() => {
                    if let Err(error) = served {
                        tracing::debug!(%error, "connection closed");
                    }
                    return;
                }
                () = activity.expired(&self.options) => {
                    tracing::debug!("closing a connection that sent nothing in time");
                    return;
                }
                changed = self.stages.changed() => match changed.map(|()| *self.stages.borrow()) {
                    Ok(Stage::Draining) => connection.as_mut().graceful_shutdown(),
                    Ok(Stage::Serving) => {}
                    Ok(Stage::Closing) | Err(_) => return,
                },
            }
        }
    }
}
