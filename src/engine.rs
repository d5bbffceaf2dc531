//! The engine: templates, fonts and the Typst library built once, then documents rendered from
//! year data on any thread.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

use chrono::{Datelike, NaiveDate};
use typst::foundations::Datetime;

use crate::context::{AgreementContext, ReportContext, Rollup};
use crate::errors::{Class, Kind};
use crate::fields::{self, LocateError, SignatureField, WriteError};
use crate::model::{DataError, InvalidData, YearData, valid, walk_strings};
use crate::pdf::{self, ExportOptions};
use crate::template::{TemplateError, Templates};
use crate::typeset::{Diagnostic, Typeset, TypesetError, Typesetter};

/// How many documents pass between two evictions of Typst's memoization cache.
const EVICT_EVERY: usize = 2;

/// How many evictions an unused cache entry survives: entries unused for 4–6 documents go,
/// which keeps the house style warm and memory flat.
const CACHE_MAX_AGE: usize = 2;

/// The kinds of document vanban writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocumentKind {
    /// The year-end summary report (báo cáo sơ kết/tổng kết).
    Report,
    /// Next year's coordination program (chương trình phối hợp), for every party to sign.
    Agreement,
}

impl DocumentKind {
    /// Every kind, in the order lists show them.
    pub const ALL: [DocumentKind; 2] = [DocumentKind::Report, DocumentKind::Agreement];

    /// The kind's name on the command line, in URLs, logs, metrics and the manifest.
    pub fn name(self) -> &'static str {
        match self {
            DocumentKind::Report => "report",
            DocumentKind::Agreement => "agreement",
        }
    }

    /// The kind named `name`, or the problem that lists the kinds.
    pub fn named(name: &str) -> Result<DocumentKind, Kind> {
        DocumentKind::ALL
            .into_iter()
            .find(|kind| kind.name() == name)
            .ok_or_else(|| Kind::NoDocumentKind {
                kind: name.to_owned(),
                kinds: DocumentKind::ALL.map(|kind| kind.name().to_owned()).into(),
            })
    }

    /// What the kind is, as `vanban render --help` and `/v1/templates` say it.
    pub fn description(self) -> &'static str {
        match self {
            DocumentKind::Report => "The year-end summary report (báo cáo sơ kết/tổng kết)",
            DocumentKind::Agreement => {
                "Next year's coordination program (chương trình phối hợp), for every party to sign"
            }
        }
    }

    /// The kind's Vietnamese title, as the page and `/v1/templates` show it.
    pub fn title(self) -> &'static str {
        match self {
            DocumentKind::Report => "Báo cáo sơ kết/tổng kết",
            DocumentKind::Agreement => "Chương trình phối hợp",
        }
    }

    /// The ASCII start of the kind's file names for people: `bao-cao-2022.pdf`.
    pub fn file_stem(self) -> &'static str {
        match self {
            DocumentKind::Report => "bao-cao",
            DocumentKind::Agreement => "chuong-trinh-phoi-hop",
        }
    }

    /// The template that writes this kind.
    pub fn template(self) -> &'static str {
        match self {
            DocumentKind::Report => "report.typ.j2",
            DocumentKind::Agreement => "agreement.typ.j2",
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
    /// A template marked a signing space wrongly.
    #[error(transparent)]
    SigningSpace(#[from] LocateError),
    /// The signature fields could not be written into the PDF.
    #[error("cannot add the signature fields")]
    SignatureFields(#[from] WriteError),
}

impl RenderError {
    /// Whose fault the failure is: the data's, a template's (Typst's errors are the
    /// template's, whose output Typst compiles), or vanban's.
    pub fn class(&self) -> Class {
        match self {
            RenderError::Data(_) => Class::Data,
            RenderError::Template(_) | RenderError::Typst { .. } | RenderError::SigningSpace(_) => {
                Class::Template
            }
            RenderError::SignatureFields(_) => Class::Internal,
        }
    }

    /// The problems one by one, each said as a kind: the data's, or the template's report.
    pub fn errors(&self) -> Vec<DataError> {
        match self {
            RenderError::Data(error) => error.errors().to_vec(),
            RenderError::Typst { diagnostics } => diagnostics
                .iter()
                .map(|diagnostic| {
                    let detail = diagnostic.to_string();
                    DataError::new("$", Kind::Typesetting { detail })
                })
                .collect(),
            RenderError::Template(_) | RenderError::SigningSpace(_) => {
                let detail = self.to_string();
                vec![DataError::new("$", Kind::Template { detail })]
            }
            RenderError::SignatureFields(_) => vec![DataError::new("$", Kind::Internal)],
        }
    }

    /// What is wrong, as a whole.
    pub fn kind(&self) -> Kind {
        match self {
            RenderError::Data(error) => error.kind(),
            RenderError::Typst { diagnostics } => Kind::Typesetting {
                detail: diagnostics
                    .first()
                    .map(ToString::to_string)
                    .unwrap_or_default(),
            },
            RenderError::SignatureFields(_) => Kind::Internal,
            RenderError::Template(_) | RenderError::SigningSpace(_) => Kind::Template {
                detail: self.to_string(),
            },
        }
    }
}

/// A rendered PDF.
#[derive(Debug)]
pub struct Rendered {
    /// The PDF file.
    pub pdf: Vec<u8>,
    /// How many pages it has.
    pub pages: usize,
    /// Typst's warnings, e.g. an unknown font family in a custom template.
    pub warnings: Vec<Diagnostic>,
    /// The empty signature fields added (none unless the template marks signing spaces and
    /// the options ask for them).
    pub fields: Vec<SignatureField>,
}

/// Templates, fonts and the Typst library, shared by every document. `Send + Sync`.
pub struct Engine {
    templates: Templates,
    typesetter: Typesetter,
    fonts: Vec<&'static str>,
    documents: AtomicUsize,
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
            documents: AtomicUsize::new(0),
        })
    }

    /// The generated Typst source of a document.
    pub fn source(&self, kind: DocumentKind, data: &YearData) -> Result<String, RenderError> {
        self.check(kind, data)?;
        let context = match (kind, &data.next_program) {
            (DocumentKind::Agreement, Some(program)) => minijinja::Value::from(
                minijinja::value::Serde(AgreementContext::new(data, program, &self.fonts)),
            ),
            _ => minijinja::Value::from(minijinja::value::Serde(ReportContext::new(
                data,
                &self.fonts,
            ))),
        };
        Ok(self.templates.render(kind.template(), context)?)
    }

    /// Lays a document out.
    pub fn typeset(&self, kind: DocumentKind, data: &YearData) -> Result<Typeset, RenderError> {
        let source = self.source(kind, data)?;
        let date = match (kind, &data.next_program) {
            (DocumentKind::Agreement, Some(program)) => program.document.date,
            _ => data.document.date,
        };
        self.compile(source, date)
    }

    /// Checks year data as rendering would, writing nothing: lays out the report and, when
    /// the data has next year's program, the agreement. Returns each kind laid out with
    /// Typst's warnings for it.
    pub fn validate(
        &self,
        data: &YearData,
    ) -> Result<Vec<(DocumentKind, Vec<Diagnostic>)>, RenderError> {
        let mut kinds = vec![DocumentKind::Report];
        if data.next_program.is_some() {
            kinds.push(DocumentKind::Agreement);
        }
        kinds
            .into_iter()
            .map(|kind| Ok((kind, self.typeset(kind, data)?.warnings)))
            .collect()
    }

    /// Compiles generated source dated `date` (Typst's "today").
    fn compile(&self, source: String, date: NaiveDate) -> Result<Typeset, RenderError> {
        let today = Datetime::from_ymd(date.year(), date.month() as u8, date.day() as u8);
        let document = self.typesetter.compile(source, today);
        self.document_done();
        document.map_err(|diagnostics| RenderError::Typst { diagnostics })
    }

    /// Renders a document to PDF, with an empty signature field over each signing space
    /// when `options.signature_fields` asks for them.
    pub fn pdf(
        &self,
        kind: DocumentKind,
        data: &YearData,
        options: ExportOptions,
    ) -> Result<Rendered, RenderError> {
        let typeset = self.typeset(kind, data)?;
        self.export(typeset, options)
    }

    /// Renders a roll-up report: `data` holds the sums over its wards, and `rollup` what it
    /// says of them.
    pub fn rollup_pdf(
        &self,
        data: &YearData,
        rollup: &Rollup,
        options: ExportOptions,
    ) -> Result<Rendered, RenderError> {
        self.check(DocumentKind::Report, data)?;
        let context = minijinja::Value::from(minijinja::value::Serde(ReportContext::rollup(
            data,
            &self.fonts,
            rollup,
        )));
        let source = self
            .templates
            .render(DocumentKind::Report.template(), context)?;
        let typeset = self.compile(source, data.document.date)?;
        self.export(typeset, options)
    }

    fn export(&self, typeset: Typeset, options: ExportOptions) -> Result<Rendered, RenderError> {
        let Typeset { document, warnings } = typeset;
        let pdf = pdf::export_pdf(&document, options).map_err(|errors| RenderError::Typst {
            diagnostics: errors.iter().map(Diagnostic::export).collect(),
        })?;
        let (pdf, fields) = if options.signature_fields {
            let fields = fields::locate(&document)?;
            (fields::add_signature_fields(&pdf, &fields)?, fields)
        } else {
            (pdf, Vec::new())
        };
        Ok(Rendered {
            pdf,
            pages: document.pages().len(),
            warnings,
            fields,
        })
    }

    /// Checks what validation of the data alone cannot, for a document of `kind`: an
    /// agreement needs next year's program, and every character a glyph in the loaded fonts
    /// (Typst would print an empty box without complaint).
    pub fn check(&self, kind: DocumentKind, data: &YearData) -> Result<(), InvalidData> {
        if kind == DocumentKind::Agreement && data.next_program.is_none() {
            return Err(InvalidData::Fields {
                errors: vec![DataError::new("$.next_program", Kind::NoProgram)],
            });
        }
        self.check_glyphs(data)
    }

    /// Checks that every character of `data` has a glyph in the loaded fonts.
    fn check_glyphs(&self, data: &YearData) -> Result<(), InvalidData> {
        let value = serde_json::to_value(data).unwrap_or_default();
        let mut errors = Vec::new();
        // The built-in Tinos covers ASCII, and escaping drops control characters; every other
        // character is looked up once per document.
        let mut covered: HashMap<char, bool> = HashMap::new();
        walk_strings(&value, "$", &mut |text, path| {
            let mut missing: Vec<char> = Vec::new();
            for c in text.chars().filter(|c| !c.is_ascii() && !c.is_control()) {
                let has_glyph = *covered
                    .entry(c)
                    .or_insert_with(|| self.typesetter.covers(c));
                if !has_glyph && !missing.contains(&c) {
                    missing.push(c);
                }
            }
            for character in missing {
                errors.push(DataError::new(path, Kind::NoGlyph { character }));
            }
        });
        valid((), errors)
    }

    /// Ages Typst's memoization cache once every [`EVICT_EVERY`] documents, from whichever
    /// thread finishes that document: memory stays flat and the scan cost is shared.
    fn document_done(&self) {
        if self.documents.fetch_add(1, Ordering::Relaxed) % EVICT_EVERY == EVICT_EVERY - 1 {
            comemo::evict(CACHE_MAX_AGE);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn engine_is_shared_across_threads() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Engine>();
    }
}
