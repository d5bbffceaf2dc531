//! `POST /v1/documents/{kind}` (year data in, a PDF, or a PNG or SVG page out),
//! `POST /v1/validate` and `POST /v1/readings`.

use std::sync::Arc;

use axum::Json;
use axum::extract::{Path, Request, State};
use axum::http::{HeaderValue, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};

use super::AppState;
use super::language;
use super::metrics::Failure;
use super::observe::RenderLog;
use super::problem::Problem;
use super::renderers::{Job, Output, Route, Warning};
use super::request;
use crate::DocumentKind;
use crate::errors::Kind;
use crate::model::parse_json;
use crate::request::RenderRequest;

/// An SVG page may draw with its own inline styles and `data:` images, and nothing else: no
/// script, no request.
const SVG_CONTENT_SECURITY_POLICY: &str =
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox";

/// `POST /v1/documents/{kind}`: the year data in the body, the document in the response.
pub async fn document(
    State(state): State<Arc<AppState>>,
    Path(name): Path<String>,
    uri: Uri,
    request: Request,
) -> Result<Response, Problem> {
    let language = language::accepted(request.headers());
    let body = request::json_body(request, state.body_limit, |media| Kind::NotJson { media }).await;
    let kind = DocumentKind::named(&name)?;
    let query = request::query(&uri)?;
    // Checked here, so that a bad query takes no renderer; the renderer reads it again.
    RenderRequest::from_query(kind, &query)?;
    let route = Route::Document {
        kind: kind.name().to_owned(),
        query,
    };
    let job = Job {
        route,
        language,
        body: body?,
    };
    let label = kind.name();
    let output = render(&state, label, job).await?;
    let mut response = answer(output.media_type.as_str(), output.bytes)?;
    let headers = response.headers_mut();
    if let Some(disposition) = &output.disposition {
        let disposition = HeaderValue::from_str(disposition).map_err(Problem::internal)?;
        headers.insert(header::CONTENT_DISPOSITION, disposition);
    }
    if output.media_type == "image/svg+xml" {
        // Shown as an image, an SVG runs nothing; opened on its own, this keeps it so.
        headers.insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(SVG_CONTENT_SECURITY_POLICY),
        );
    }
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    if let Some(pages) = output.document_pages {
        headers.insert("x-document-pages", HeaderValue::from(pages as u64));
    }
    response.extensions_mut().insert(RenderLog {
        kind: label,
        pages: output.pages,
    });
    Ok(response)
}

/// Does `job` on a renderer; counts it as `label`'s render or failure, and logs Typst's
/// warnings.
pub(super) async fn render(
    state: &AppState,
    label: &'static str,
    job: Job,
) -> Result<Output, Problem> {
    let counted = |problem: Problem| {
        if let Some(failure) = failure(&problem) {
            state.metrics.failure(label, failure);
        }
        problem
    };
    let rendered = state
        .renderers
        .render(&state.limits, job)
        .await
        .map_err(counted)?;
    log_warnings(&rendered.warnings);
    let output = rendered.outcome.map_err(counted)?;
    state
        .metrics
        .render(label, rendered.elapsed.as_secs_f64(), output.pages);
    Ok(output)
}

/// A 200 with `bytes` of `media_type`.
fn answer(media_type: &str, bytes: Vec<u8>) -> Result<Response, Problem> {
    let media_type = HeaderValue::from_str(media_type).map_err(Problem::internal)?;
    Ok(([(header::CONTENT_TYPE, media_type)], bytes).into_response())
}

/// How a failed render is counted, if it is one (a full queue is not).
pub fn failure(problem: &Problem) -> Option<Failure> {
    match problem.status() {
        StatusCode::BAD_REQUEST | StatusCode::UNPROCESSABLE_ENTITY => Some(Failure::InvalidData),
        StatusCode::GATEWAY_TIMEOUT => Some(Failure::Timeout),
        StatusCode::SERVICE_UNAVAILABLE => None,
        _ => Some(Failure::Internal),
    }
}

/// Typst's warnings (e.g. an unknown font in a custom template) go to the log.
fn log_warnings(warnings: &[Warning]) {
    for warning in warnings {
        tracing::warn!(warning = %warning.text, hints = ?warning.hints, "typst warning");
    }
}

/// `POST /v1/validate`: `200 {"valid": true, …}`, or the problems (400, 422) as the CLI's
/// `vanban validate` lists them.
pub async fn validate(
    State(state): State<Arc<AppState>>,
    request: Request,
) -> Result<Response, Problem> {
    let language = language::accepted(request.headers());
    let body =
        request::json_body(request, state.body_limit, |media| Kind::NotJson { media }).await?;
    let job = Job {
        route: Route::Validate,
        language,
        body,
    };
    let output = state.renderers.render(&state.limits, job).await?.outcome?;
    answer(&output.media_type, output.bytes)
}

/// `POST /v1/readings`: how each text with `{key}` placeholders will read, its figures filled
/// in, as `{"readings": {"organizations.0.activities.0.text": "…"}}`. Any JSON object is read,
/// valid year data or not, so that a form being filled in gets the readings of what it has.
pub async fn readings(
    State(state): State<Arc<AppState>>,
    request: Request,
) -> Result<Json<serde_json::Value>, Problem> {
    let body =
        request::json_body(request, state.body_limit, |media| Kind::NotJson { media }).await?;
    let data = parse_json(&body)?;
    let readings = crate::template::readings(&data);
    Ok(Json(serde_json::json!({ "readings": readings })))
}
