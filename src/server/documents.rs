//! `POST /v1/documents/{kind}` (year data in, a PDF, or a PNG or SVG page out) and
//! `POST /v1/validate`.

use std::sync::Arc;
use std::time::Instant;

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, Request, State};
use axum::http::{HeaderValue, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use clap::ValueEnum;
use serde::Deserialize;
use serde_json::{Value, json};

use super::AppState;
use super::metrics::Failure;
use super::observe::RenderLog;
use super::problem::Problem;
use super::request;
use crate::model::parse_year_data;
use crate::pdf::{ExportOptions, export_png, export_svg};
use crate::typeset::Diagnostic;
use crate::{DocumentKind, Engine};

/// The largest PNG resolution served: an A4 page at 300 dpi is 35 MB of pixels.
const MAX_DPI: u16 = 300;

/// An SVG page may draw with its own inline styles and `data:` images, and nothing else: no
/// script, no request.
const SVG_CONTENT_SECURITY_POLICY: &str =
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox";

/// The query of `POST /v1/documents/{kind}`.
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentQuery {
    /// `pdf` (default), `png` or `svg`.
    #[serde(default)]
    format: Format,
    /// With `png` or `svg`: the page, from 1 (default 1).
    page: Option<usize>,
    /// With `png`: dots per inch, 10 to 300 (default 144).
    dpi: Option<u16>,
    /// Write PDF/A-2b.
    #[serde(default)]
    pdf_a: bool,
    /// Add the agreement's empty signature fields (default true).
    #[serde(default = "yes")]
    sign_fields: bool,
}

fn yes() -> bool {
    true
}

/// What `POST /v1/documents/{kind}` answers with.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
enum Format {
    #[default]
    Pdf,
    Png,
    /// One page as SVG: several times faster than PNG, for the page's live preview.
    Svg,
}

impl DocumentQuery {
    /// Refuses combinations that mean nothing, as `vanban render` does.
    fn check(&self) -> Result<(), Problem> {
        if self.format == Format::Pdf && (self.page.is_some() || self.dpi.is_some()) {
            return Err(Problem::bad_request("page and dpi go with format=png"));
        }
        if self.format == Format::Svg && self.dpi.is_some() {
            return Err(Problem::bad_request("dpi goes with format=png"));
        }
        if self.format != Format::Pdf && (self.pdf_a || !self.sign_fields) {
            return Err(Problem::bad_request(
                "pdf_a and sign_fields go with format=pdf",
            ));
        }
        if self.page == Some(0) {
            return Err(Problem::bad_request("page counts from 1"));
        }
        if self.dpi.is_some_and(|dpi| !(10..=MAX_DPI).contains(&dpi)) {
            return Err(Problem::bad_request(format!(
                "dpi must be from 10 to {MAX_DPI}"
            )));
        }
        Ok(())
    }
}

/// The document kind named in a path, or a 404 that lists the kinds.
fn kind(name: &str) -> Result<DocumentKind, Problem> {
    DocumentKind::from_str(name, false).map_err(|_| {
        let kinds: Vec<&str> = DocumentKind::value_variants()
            .iter()
            .map(|kind| kind_name(*kind))
            .collect();
        Problem::not_found(format!(
            "no document kind \"{name}\"; the kinds are: {}",
            kinds.join(", ")
        ))
    })
}

/// The kind's name in URLs, logs and metrics.
pub fn kind_name(kind: DocumentKind) -> &'static str {
    match kind {
        DocumentKind::Report => "report",
        DocumentKind::Agreement => "agreement",
    }
}

/// The kind's Vietnamese title, as the page and `/v1/templates` show it.
pub fn kind_title(kind: DocumentKind) -> &'static str {
    match kind {
        DocumentKind::Report => "Báo cáo sơ kết/tổng kết",
        DocumentKind::Agreement => "Chương trình phối hợp",
    }
}

/// The ASCII start of the kind's file names: `bao-cao-2022.pdf`.
fn file_stem(kind: DocumentKind) -> &'static str {
    match kind {
        DocumentKind::Report => "bao-cao",
        DocumentKind::Agreement => "chuong-trinh-phoi-hop",
    }
}

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
    let body = request::json_body(request, state.body_limit, "the year data").await;
    let kind = kind(&name)?;
    let query: DocumentQuery = request::query(&uri)?;
    query.check()?;
    let body = body?;
    let engine = state.engine.clone();
    let label = kind_name(kind);
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
    query: DocumentQuery,
) -> Result<Output, Problem> {
    let data = parse_year_data(body)?;
    let stem = file_stem(kind);
    let year = match kind {
        DocumentKind::Report => data.year,
        DocumentKind::Agreement => data.year + 1,
    };
    match query.format {
        Format::Pdf => {
            let options = ExportOptions {
                pdf_a: query.pdf_a,
                pdf_ua: false,
                signature_fields: query.sign_fields,
            };
            let rendered = engine.pdf(kind, &data, options)?;
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
            let missing = || {
                Problem::bad_request(format!(
                    "page {page} does not exist: the document has {pages} page(s)"
                ))
            };
            let (bytes, media_type, extension) = if query.format == Format::Svg {
                let svg = export_svg(&typeset.document, page - 1).ok_or_else(missing)?;
                (svg.into_bytes(), "image/svg+xml", "svg")
            } else {
                let dpi = f32::from(query.dpi.unwrap_or(144));
                let png = export_png(&typeset.document, page - 1, dpi)
                    .ok_or_else(missing)?
                    .map_err(Problem::internal)?;
                (png, "image/png", "png")
            };
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
    let body = request::json_body(request, state.body_limit, "the year data").await?;
    let engine = state.engine.clone();
    state
        .limits
        .run(move || {
            let data = parse_year_data(&body)?;
            let laid_out = engine.validate(&data)?;
            let documents: Vec<&str> = laid_out.iter().map(|(kind, _)| kind_name(*kind)).collect();
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
