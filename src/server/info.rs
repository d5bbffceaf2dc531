//! What the service says about itself: the JSON Schema, the document kinds, liveness,
//! readiness, metrics, and the problems for unknown routes and methods.

use std::sync::{Arc, LazyLock};

use axum::Json;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};

use super::AppState;
use super::metrics::Gauges;
use super::problem::Problem;
use super::request;
use crate::DocumentKind;
use crate::errors::Kind;

/// The JSON Schema of the year data, as `vanban schema` prints it; made once.
static SCHEMA: LazyLock<String> = LazyLock::new(|| {
    serde_json::to_string_pretty(&crate::model::year_data_schema()).unwrap_or_default()
});

/// `GET /v1/schema`.
pub async fn schema() -> Response {
    (
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/schema+json"),
        )],
        SCHEMA.as_str(),
    )
        .into_response()
}

/// `GET /v1/openapi.json`: the API's OpenAPI 3.1 description, every route with its
/// parameters, bodies, answers and problems.
pub async fn openapi() -> Response {
    (
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        )],
        include_str!("openapi.json"),
    )
        .into_response()
}

/// `GET /v1/templates`: the document kinds, each with its route, and the batch route.
pub async fn templates() -> Json<Value> {
    let kinds: Vec<Value> = DocumentKind::ALL
        .iter()
        .map(|kind| {
            json!({
                "kind": kind.name(),
                "title": kind.title(),
                "description": kind.description(),
                "template": kind.template(),
                "route": format!("/v1/documents/{}", kind.name()),
            })
        })
        .collect();
    Json(json!({
        "kinds": kinds,
        "batch": {
            "title": "Báo cáo theo phường, xã",
            "description": "Every ward's report and the city's roll-up in one ZIP, from a batch file or a sheet of wards.",
            "route": "/v1/batches",
            "sheet_template": "/v1/batches/template",
        },
    }))
}

/// `GET /healthz`: the process serves.
pub async fn health() -> Json<Value> {
    Json(json!({ "status": "ok" }))
}

/// `GET /readyz`: fonts and templates are loaded (the engine and the workers are ready
/// before the server listens), some renderer can take work soon (not every worker is stuck on
/// a render past half its time limit, or being replaced after one past the limit), and the
/// server is not shutting down.
pub async fn ready(State(state): State<Arc<AppState>>) -> Response {
    let status = if state.draining() {
        "shutting down"
    } else if !state.renderers.ready(state.limits.timeout()) {
        "no renderer free: every one is stuck or being replaced"
    } else {
        ""
    };
    if !status.is_empty() {
        return (
            StatusCode::SERVICE_UNAVAILABLE,
            Json(json!({ "status": status })),
        )
            .into_response();
    }
    Json(json!({
        "status": "ready",
        "kinds": DocumentKind::ALL.map(DocumentKind::name),
    }))
    .into_response()
}

/// `GET /metrics`, in the Prometheus text format.
pub async fn metrics(State(state): State<Arc<AppState>>) -> Response {
    let text = state.metrics.text(Gauges {
        in_progress: state.limits.in_progress(),
        waiting: state.limits.waiting(),
    });
    (
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("text/plain; version=0.0.4; charset=utf-8"),
        )],
        text,
    )
        .into_response()
}

/// Any other path.
pub async fn not_found(request: Request) -> Problem {
    let uri = request.uri().clone();
    request::drain(request.into_body().into_data_stream()).await;
    Problem::new(Kind::NoRoute {
        path: uri.path().to_owned(),
    })
}

/// A known path with a method it does not take.
pub async fn method_not_allowed(request: Request) -> Problem {
    request::drain(request.into_body().into_data_stream()).await;
    Problem::new(Kind::MethodNotAllowed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::server::{AppState, ServerOptions};
    use crate::{Engine, EngineOptions};

    #[test]
    fn not_ready_once_shutting_down() {
        let engine = Engine::new(&EngineOptions::default()).unwrap();
        let state = AppState::new(engine, &ServerOptions::default());
        let runtime = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        let status = |state: &Arc<AppState>| runtime.block_on(ready(State(state.clone()))).status();
        assert_eq!(status(&state), StatusCode::OK);
        state.drain();
        assert_eq!(status(&state), StatusCode::SERVICE_UNAVAILABLE);
    }
}
