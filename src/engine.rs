//! The engine: templates, fonts and the Typst library built once, then documents rendered from
//! year data on any thread.

use std::path::PathBuf;

use chrono::Datelike;
use serde_json::Value as Json;
use typst::foundations::Datetime;
use typst_layout::PagedDocument;

use crate::context::ReportContext;
use crate::model::{DataError, InvalidData, YearData};
use crate::pdf::{self, ExportOptions};
use crate::template::{TemplateError, Templates};
use crate::typeset::{Diagnostic, TypesetError, Typesetter};

/// How many compilations an entry of Typst's memoization cache survives unused. Evicting
/// after each document keeps memory flat; 10 keeps the house style warm between documents.
const CACHE_MAX_AGE: usize = 10;

/// The kinds of document vanban writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum DocumentKind {
    /// The year-end summary report (báo cáo sơ kết/tổng kết).
    Report,
}

impl DocumentKind {
    /// The template that writes this kind.
    pub fn template(self) -> &'static str {
        match self {
            DocumentKind::Report => "report.typ.j2",
        }
    }
}

/// Where the engine finds templates and extra fonts.
#[derive(Debug, Clone, Default)]
pub struct EngineOptions {
    /// A directory whose templates replace the built-in ones of the same name.
    pub templates: Option<PathBuf>,
    /// Directories with extra fonts; a "Times New Roman" family found there is preferred.
    pub font_dirs: Vec<PathBuf>,
}

/// A problem building the engine.
#[derive(Debug, thiserror::Error)]
pub enum SetupError {
    /// The templates could not be loaded.
    #[error(transparent)]
    Template(#[from] TemplateError),
    /// The fonts could not be loaded.
    #[error(transparent)]
    Typeset(#[from] TypesetError),
}

/// Why a document could not be rendered.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    /// The data cannot be printed (e.g. a character no font has).
    #[error(transparent)]
    Data(#[from] InvalidData),
    /// A template failed.
    #[error(transparent)]
    Template(#[from] TemplateError),
    /// Typst rejected the generated document.
    #[error("typesetting failed: {}", diagnostics.first().map(ToString::to_string).unwrap_or_default())]
    Typst { diagnostics: Vec<Diagnostic> },
}

/// Templates, fonts and the Typst library, shared by every document. `Send + Sync`.
pub struct Engine {
    templates: Templates,
    typesetter: Typesetter,
    fonts: Vec<&'static str>,
}

impl Engine {
    /// Loads templates and fonts.
    pub fn new(options: &EngineOptions) -> Result<Self, SetupError> {
        let templates = Templates::load(options.templates.as_deref())?;
        let typesetter = Typesetter::new(&options.font_dirs, templates.typst_modules())?;
        let fonts = if typesetter.has_family("Times New Roman") {
            vec!["Times New Roman", "Tinos"]
        } else {
            vec!["Tinos"]
        };
        Ok(Engine {
            templates,
            typesetter,
            fonts,
        })
    }

    /// The generated Typst source of a document.
    pub fn source(&self, kind: DocumentKind, data: &YearData) -> Result<String, RenderError> {
        self.check(data)?;
        let context = match kind {
            DocumentKind::Report => minijinja::Value::from(minijinja::value::Serde(
                ReportContext::new(data, &self.fonts),
            )),
        };
        Ok(self.templates.render(kind.template(), context)?)
    }

    /// Lays a document out.
    pub fn typeset(
        &self,
        kind: DocumentKind,
        data: &YearData,
    ) -> Result<PagedDocument, RenderError> {
        let source = self.source(kind, data)?;
        let date = data.document.date;
        let today = Datetime::from_ymd(date.year(), date.month() as u8, date.day() as u8);
        let document = self.typesetter.compile(source, today);
        comemo::evict(CACHE_MAX_AGE);
        document.map_err(|diagnostics| RenderError::Typst { diagnostics })
    }

    /// Renders a document to PDF bytes.
    pub fn pdf(
        &self,
        kind: DocumentKind,
        data: &YearData,
        options: ExportOptions,
    ) -> Result<Vec<u8>, RenderError> {
        let document = self.typeset(kind, data)?;
        pdf::export_pdf(&document, options).map_err(|error| RenderError::Typst {
            diagnostics: self
                .typesetter
                .diagnostics("", std::slice::from_ref(&error)),
        })
    }

    /// Every character of the data must have a glyph in the loaded fonts: Typst would
    /// otherwise print an empty box without complaint.
    pub fn check(&self, data: &YearData) -> Result<(), InvalidData> {
        let value = serde_json::to_value(data).unwrap_or(Json::Null);
        let mut errors = Vec::new();
        self.collect_missing_glyphs(&value, "$".to_owned(), &mut errors);
        if errors.is_empty() {
            Ok(())
        } else {
            Err(InvalidData::Fields { errors })
        }
    }

    fn collect_missing_glyphs(&self, value: &Json, path: String, errors: &mut Vec<DataError>) {
        match value {
            Json::String(text) => {
                let mut seen = Vec::new();
                for c in text
                    .chars()
                    .filter(|c| !c.is_control() && !c.is_whitespace())
                {
                    if !seen.contains(&c) && !self.typesetter.covers(c) {
                        seen.push(c);
                        errors.push(DataError::new(
                            path.clone(),
                            format!(
                                "character '{c}' (U+{:04X}) has no glyph in the fonts; remove it or add a font with --font-dir",
                                c as u32
                            ),
                        ));
                    }
                }
            }
            Json::Array(items) => {
                for (index, item) in items.iter().enumerate() {
                    self.collect_missing_glyphs(item, format!("{path}[{index}]"), errors);
                }
            }
            Json::Object(map) => {
                for (key, item) in map {
                    self.collect_missing_glyphs(item, format!("{path}.{key}"), errors);
                }
            }
            _ => {}
        }
    }
}
