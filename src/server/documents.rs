//! `POST /v1/documents/{kind}` (year data in, a PDF, or a PNG or SVG page out) and
//! `POST /v1/validate`.

use std::sync::Arc;
use std::time::Instant;

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, Request, State};
use axum::http::{HeaderValue, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};

use super::AppState;
use super::metrics::Failure;
use super::observe::RenderLog;
use super::problem::Problem;
use super::request;
use crate::errors::Kind;
use crate::model::parse_year_data;
use crate::pdf::{export_png, export_svg};
use crate::request::{Format, RenderRequest};
use crate::typeset::Diagnostic;
use crate::{DocumentKind, Engine};

/// An SVG page may draw with its own inline styles and `data:` images, and nothing else: no
/// script, no request.
const SVG_CONTENT_SECURITY_POLICY: &str =
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox";

/// A rendered file and how to answer with it.
struct Output {
    bytes: Vec<u8>,
    /// Pages made: the document's, or 1 for a PNG.
    pages: usize,
    /// The document's pages.
    document_pages: usize,
    media_type: &'static str,
    disposition: String,
}

/// `POST /v1/documents/{kind}`: the year data in the body, the document in the response.
pub async fn document(
    State(state): State<Arc<AppState>>,
    Path(name): Path<String>,
    uri: Uri,
    request: Request,
) -> Result<Response, Problem> {
    let body = request::json_body(request, state.body_limit, |media| Kind::NotJson { media }).await;
    let kind = DocumentKind::named(&name)?;
    let query = RenderRequest::from_query(kind, &request::query(&uri)?)?;
    let body = body?;
    let engine = state.engine.clone();
    let label = kind.name();
    let outcome = state
        .limits
        .run(move || {
            let started = Instant::now();
            (render(&engine, kind, &body, query), started.elapsed())
        })
        .await;
    let output = match outcome {
        Ok((Ok(output), elapsed)) => {
            state
                .metrics
                .render(label, elapsed.as_secs_f64(), output.pages);
            output
        }
        Ok((Err(problem), _)) | Err(problem) => {
            if let Some(failure) = failure(&problem) {
                state.metrics.failure(label, failure);
            }
            return Err(problem);
        }
    };
    let mut response = (
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static(output.media_type),
            ),
            (
                header::CONTENT_DISPOSITION,
                HeaderValue::from_str(&output.disposition).map_err(Problem::internal)?,
            ),
        ],
        output.bytes,
    )
        .into_response();
    if output.media_type == "image/svg+xml" {
        // Shown as an image, an SVG runs nothing; opened on its own, this keeps it so.
        response.headers_mut().insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(SVG_CONTENT_SECURITY_POLICY),
        );
    }
    response.headers_mut().insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    response.headers_mut().insert(
        "x-document-pages",
        HeaderValue::from(output.document_pages as u64),
    );
    response.extensions_mut().insert(RenderLog {
        kind: label,
        pages: output.pages,
    });
    Ok(response)
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

/// Parses, validates and renders; runs on the blocking pool.
fn render(
    engine: &Engine,
    kind: DocumentKind,
    body: &Bytes,
    query: RenderRequest,
) -> Result<Output, Problem> {
    let data = parse_year_data(body)?;
    let stem = kind.file_stem();
    let year = match kind {
        DocumentKind::Report => data.year,
        DocumentKind::Agreement => data.year + 1,
    };
    match query.format {
        // A query never asks for the Typst source.
        Format::Pdf | Format::Typ => {
            let rendered = engine.pdf(kind, &data, query.export())?;
            log_warnings(&rendered.warnings);
            Ok(Output {
                pages: rendered.pages,
                document_pages: rendered.pages,
                bytes: rendered.pdf,
                media_type: "application/pdf",
                disposition: format!("attachment; filename=\"{stem}-{year}.pdf\""),
            })
        }
        Format::Png | Format::Svg => {
            let typeset = engine.typeset(kind, &data)?;
            log_warnings(&typeset.warnings);
            let pages = typeset.document.pages().len();
            let page = query.page.unwrap_or(1);
            let missing = Kind::NoPage { page, pages };
            let (bytes, media_type) = if query.format == Format::Svg {
                let svg = export_svg(&typeset.document, page - 1).ok_or(missing)?;
                (svg.into_bytes(), "image/svg+xml")
            } else {
                let png = export_png(&typeset.document, page - 1, query.dpi())
                    .ok_or(missing)?
                    .map_err(Problem::internal)?;
                (png, "image/png")
            };
            let extension = query.format.extension();
            Ok(Output {
                bytes,
                pages: 1,
                document_pages: pages,
                media_type,
                disposition: format!("inline; filename=\"{stem}-{year}-trang-{page}.{extension}\""),
            })
        }
    }
}

/// Typst's warnings (e.g. an unknown font in a custom template) go to the log.
fn log_warnings(warnings: &[Diagnostic]) {
    for warning in warnings {
        tracing::warn!(warning = %warning, hints = ?warning.hints, "typst warning");
    }
}

/// `POST /v1/validate`: `200 {"valid": true, …}`, or the problems (400, 422) as the CLI's
/// `vanban validate` lists them.
pub async fn validate(
    State(state): State<Arc<AppState>>,
    request: Request,
) -> Result<Json<Value>, Problem> {
    let body =
        request::json_body(request, state.body_limit, |media| Kind::NotJson { media }).await?;
    let engine = state.engine.clone();
    state
        .limits
        .run(move || {
            let data = parse_year_data(&body)?;
            let laid_out = engine.validate(&data)?;
            let documents: Vec<&str> = laid_out.iter().map(|(kind, _)| kind.name()).collect();
            let warnings: Vec<String> = laid_out
                .iter()
                .flat_map(|(_, warnings)| warnings.iter().map(ToString::to_string))
                .collect();
            Ok(Json(json!({
                "valid": true,
                "year": data.year,
                "documents": documents,
                "warnings": warnings,
            })))
        })
        .await?
}
