//! One render and what it gives back, the same whether it runs in process or in a worker:
//! a [`Job`] in, a [`Rendered`] out.

use std::time::{Duration, Instant};

use axum::body::Bytes;
use serde::{Deserialize, Serialize};
use serde_json::json;

use super::super::problem::Problem;
use crate::errors::{Kind, Language};
use crate::model::parse_year_data;
use crate::pdf::{export_png, export_svg};
use crate::request::{Format, RenderRequest};
use crate::typeset::Diagnostic;
use crate::{DocumentKind, Engine};

/// What a job asks for: the route it came in by, with its parameters.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub enum Route {
    /// `POST /v1/documents/{kind}`: the kind's name and the query's parameters, both checked
    /// by the handler already.
    Document {
        kind: String,
        query: Vec<(String, String)>,
    },
    /// `POST /v1/validate`.
    Validate,
}

/// A render to do: the route, the language its problems are said in, and the request's body.
#[derive(Debug, Clone)]
pub struct Job {
    pub route: Route,
    pub language: Language,
    pub body: Bytes,
}

/// A rendered file and how to answer with it.
#[derive(Debug)]
pub struct Output {
    pub bytes: Vec<u8>,
    /// Pages made: the document's, or 1 for a page's image, or 0 for a validation.
    pub pages: usize,
    /// The document's pages, sent as `x-document-pages` (none for a validation).
    pub document_pages: Option<usize>,
    pub media_type: String,
    pub disposition: Option<String>,
}

/// A warning of Typst's (e.g. an unknown font in a custom template), for the log.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Warning {
    pub text: String,
    pub hints: Vec<String>,
}

/// What a job gave: the output or the problem, how long it took, and Typst's warnings.
#[derive(Debug)]
pub struct Rendered {
    pub outcome: Result<Output, Problem>,
    pub elapsed: Duration,
    pub warnings: Vec<Warning>,
}

/// Does `job` with `engine`; CPU-bound, run it off the threads that serve connections.
pub fn execute(engine: &Engine, job: &Job) -> Rendered {
    let started = Instant::now();
    let mut warnings = Vec::new();
    let outcome = match &job.route {
        Route::Document { kind, query } => document(engine, kind, query, &job.body, &mut warnings),
        Route::Validate => validate(engine, &job.body),
    };
    Rendered {
        outcome,
        elapsed: started.elapsed(),
        warnings,
    }
}

/// Parses, validates and renders a document.
fn document(
    engine: &Engine,
    kind: &str,
    query: &[(String, String)],
    body: &[u8],
    warnings: &mut Vec<Warning>,
) -> Result<Output, Problem> {
    let kind = DocumentKind::named(kind)?;
    let query = RenderRequest::from_query(kind, query)?;
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
            warnings.extend(rendered.warnings.iter().map(Warning::of));
            Ok(Output {
                pages: rendered.pages,
                document_pages: Some(rendered.pages),
                bytes: rendered.pdf,
                media_type: "application/pdf".to_owned(),
                disposition: Some(format!("attachment; filename=\"{stem}-{year}.pdf\"")),
            })
        }
        Format::Png | Format::Svg => {
            let typeset = engine.typeset(kind, &data)?;
            warnings.extend(typeset.warnings.iter().map(Warning::of));
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
                document_pages: Some(pages),
                media_type: media_type.to_owned(),
                disposition: Some(format!(
                    "inline; filename=\"{stem}-{year}-trang-{page}.{extension}\""
                )),
            })
        }
    }
}

/// Checks year data and lays out its documents: `{"valid": true, …}` as JSON.
fn validate(engine: &Engine, body: &[u8]) -> Result<Output, Problem> {
    let data = parse_year_data(body)?;
    let laid_out = engine.validate(&data)?;
    let documents: Vec<&str> = laid_out.iter().map(|(kind, _)| kind.name()).collect();
    let warnings: Vec<String> = laid_out
        .iter()
        .flat_map(|(_, warnings)| warnings.iter().map(ToString::to_string))
        .collect();
    let answer = json!({
        "valid": true,
        "year": data.year,
        "documents": documents,
        "warnings": warnings,
    });
    Ok(Output {
        bytes: serde_json::to_vec(&answer).map_err(Problem::internal)?,
        pages: 0,
        document_pages: None,
        media_type: "application/json".to_owned(),
        disposition: None,
    })
}

impl Warning {
    fn of(diagnostic: &Diagnostic) -> Self {
        Warning {
            text: diagnostic.to_string(),
            hints: diagnostic.hints.clone(),
        }
    }
}
