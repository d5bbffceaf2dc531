//! Around every request: an id (the client's `X-Request-Id` when it is sane, else a new one),
//! a tracing span, one log line when answered (status, kind, pages, milliseconds), the
//! request counters, and a 500 instead of a dropped connection if a handler panics.

use std::fmt::Write as _;
use std::hash::{BuildHasher, RandomState};
use std::panic::AssertUnwindSafe;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;

use axum::extract::{MatchedPath, Request, State};
use axum::http::HeaderValue;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use futures_util::FutureExt;
use tracing::Instrument;

use super::AppState;
use super::problem::{Problem, panic_message};

/// The header that carries the request id, both ways.
pub const REQUEST_ID: &str = "x-request-id";

/// What a handler rendered, for the log line; handlers put it in the response's extensions.
#[derive(Debug, Clone, Copy)]
pub struct RenderLog {
    /// `report`, `agreement` or `batch`.
    pub kind: &'static str,
    /// Pages rendered.
    pub pages: usize,
}

/// Request ids: a random prefix per process and a counter.
#[derive(Debug)]
pub struct RequestIds {
    prefix: String,
    next: AtomicU64,
}

impl RequestIds {
    /// Ids with a fresh random prefix.
    pub fn new() -> Self {
        let random = RandomState::new().hash_one(std::process::id());
        RequestIds {
            prefix: format!("{:06x}", random & 0xff_ffff),
            next: AtomicU64::new(1),
        }
    }

    /// The client's id if it is 1 to 64 letters, digits, `-`, `_` or `.`, else a new one.
    fn for_request(&self, request: &Request) -> String {
        let given = request
            .headers()
            .get(REQUEST_ID)
            .and_then(|value| value.to_str().ok())
            .filter(|id| {
                (1..=64).contains(&id.len())
                    && id
                        .bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b))
            });
        match given {
            Some(id) => id.to_owned(),
            None => {
                let mut id = self.prefix.clone();
                let _ = write!(id, "-{}", self.next.fetch_add(1, Ordering::Relaxed));
                id
            }
        }
    }
}

/// The middleware: see the module's documentation.
pub async fn observe(State(state): State<Arc<AppState>>, request: Request, next: Next) -> Response {
    let id = state.requests.for_request(&request);
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map_or("(unmatched)", MatchedPath::as_str)
        .to_owned();
    let span = tracing::info_span!("request", id = %id, method = %request.method(), route = %route);
    let started = Instant::now();
    let answered = AssertUnwindSafe(next.run(request))
        .catch_unwind()
        .instrument(span.clone())
        .await;
    let _entered = span.enter();
    let mut response = answered.unwrap_or_else(|panic| {
        let message = panic_message(panic.as_ref());
        Problem::internal(format_args!("handler panicked: {message}")).into_response()
    });
    let status = response.status().as_u16();
    state.metrics.request(&route, status);
    let ms = (started.elapsed().as_secs_f64() * 10_000.0).round() / 10.0;
    let quiet = matches!(route.as_str(), "/healthz" | "/readyz" | "/metrics");
    match response.extensions().get::<RenderLog>() {
        Some(rendered) => tracing::info!(
            status,
            kind = rendered.kind,
            pages = rendered.pages,
            ms,
            "answered"
        ),
        None if quiet => tracing::debug!(status, ms, "answered"),
        None => tracing::info!(status, ms, "answered"),
    }
    if let Ok(value) = HeaderValue::from_str(&id) {
        response.headers_mut().insert(REQUEST_ID, value);
    }
    response
}
