//! Batches: every ward's report (and agreement) and the city's roll-up, rendered on dedicated
//! worker threads sharing one engine and streamed into one ZIP with a manifest.
//!
//! Ward documents render in ZIP order, and only a few are in memory at a time. The roll-up
//! comes last: it sums the wards whose reports rendered and names those it leaves out, and it
//! renders alone, so that its long table is not slowed by the cache eviction of the short
//! documents around it.

mod archive;
mod directory;
mod input;
mod manifest;
mod ordered;
mod sheet;

pub use directory::DirectoryError;
use input::figures_of;
pub use input::{Batch, Ward, WardEntry};
pub use manifest::{ErrorEntry, FileEntry, Manifest};
pub use sheet::{SheetError, SheetFormat};

use std::collections::BTreeMap;
use std::io::Write;

use archive::Archive;
use manifest::{data_errors, render_errors};
use ordered::for_each_in_order;

use crate::context::WardRow;
use crate::model::InvalidData;
use crate::model::YearData;
use crate::pdf::ExportOptions;
use crate::{DocumentKind, Engine, RenderError, Rendered};

/// The roll-up's file name in the ZIP.
pub const ROLLUP_FILE: &str = "tong-hop.pdf";
/// The manifest's file name in the ZIP; it is the last entry.
pub const MANIFEST_FILE: &str = "manifest.json";

/// How to run a batch.
#[derive(Debug, Clone)]
pub struct BatchOptions {
    /// Worker threads rendering documents.
    pub workers: usize,
    /// Also write each ward's coordination program (`<ward>-chuong-trinh.pdf`).
    pub agreements: bool,
    /// Stop at the first ward that fails instead of leaving it out.
    pub strict: bool,
    /// PDF options for every document.
    pub export: ExportOptions,
}

/// Why a batch stopped without a ZIP.
#[derive(Debug, thiserror::Error)]
pub enum BatchError {
    /// A ward failed and the options say to stop.
    #[error("{} ({}) failed", ward.name, ward.slug)]
    Ward { ward: Ward, errors: Vec<ErrorEntry> },
    /// The city's roll-up cannot be made, so neither can the batch.
    #[error("the city's roll-up report cannot be made")]
    Rollup { errors: Vec<ErrorEntry> },
    /// The ZIP could not be written.
    #[error("cannot write the ZIP")]
    Write(#[from] zip::result::ZipError),
}

/// A finished batch.
#[derive(Debug)]
pub struct Outcome<W> {
    /// The output the ZIP was written to.
    pub out: W,
    /// What the ZIP holds.
    pub manifest: Manifest,
    /// The wards left out, with their errors.
    pub failed: Vec<(Ward, Vec<ErrorEntry>)>,
    /// Pages over all documents.
    pub pages: usize,
}

/// One ward document to render.
struct Job {
    index: usize,
    kind: DocumentKind,
    file: String,
}

/// Renders `batch` into a ZIP written to `out`; `progress(done, total)` follows the documents.
pub fn run<W: Write>(
    engine: &Engine,
    batch: &Batch,
    options: &BatchOptions,
    out: W,
    mut progress: impl FnMut(usize, usize),
) -> Result<Outcome<W>, BatchError> {
    let wards = batch.wards();
    let mut jobs: Vec<Job> = wards
        .iter()
        .flat_map(|ward| {
            let mut kinds = vec![(DocumentKind::Report, format!("{}.pdf", ward.slug))];
            if options.agreements {
                kinds.push((
                    DocumentKind::Agreement,
                    format!("{}-chuong-trinh.pdf", ward.slug),
                ));
            }
            kinds.into_iter().map(|(kind, file)| Job {
                index: ward.index,
                kind,
                file,
            })
        })
        .collect();
    jobs.sort_by(|a, b| a.file.cmp(&b.file));

    let mut entries: Vec<manifest::WardEntry> = wards
        .iter()
        .map(|ward| manifest::WardEntry {
            name: ward.name.clone(),
            status: "ok",
            files: Vec::new(),
            errors: Vec::new(),
        })
        .collect();
    // The figures of each ward whose report rendered, for the roll-up to add up.
    let kinds = batch.quantity_kinds();
    let mut reported: Vec<Option<BTreeMap<String, u64>>> = vec![None; wards.len()];
    let mut archive = Archive::new(out);
    let mut pages = 0;
    let total = jobs.len() + 1;
    for_each_in_order(
        &jobs,
        options.workers,
        |job| render_ward(engine, batch, job, &kinds, options.export),
        |done, rendered| {
            let Job { index, kind, file } = &jobs[done];
            match rendered {
                Ok((rendered, figures)) => {
                    archive.add(file, &rendered.pdf)?;
                    pages += rendered.pages;
                    let kind = match kind {
                        DocumentKind::Report => {
                            reported[*index] = Some(figures);
                            "report"
                        }
                        DocumentKind::Agreement => "agreement",
                    };
                    entries[*index]
                        .files
                        .push(FileEntry::new(file, kind, &rendered));
                }
                Err(error) => {
                    let errors = render_errors(&error);
                    if options.strict {
                        return Err(BatchError::Ward {
                            ward: wards[*index].clone(),
                            errors,
                        });
                    }
                    let entry = &mut entries[*index];
                    entry.status = "failed";
                    for error in errors {
                        if !entry.errors.contains(&error) {
                            entry.errors.push(error);
                        }
                    }
                }
            }
            progress(done + 1, total);
            Ok(())
        },
    )?;

    let (rollup, rows) = rollup(batch, &wards, &reported, &kinds)?;
    let rendered = engine
        .rollup_pdf(&rollup, &rows, options.export)
        .map_err(|error| BatchError::Rollup {
            errors: render_errors(&error),
        })?;
    archive.add(ROLLUP_FILE, &rendered.pdf)?;
    pages += rendered.pages;
    progress(total, total);

    let manifest = Manifest {
        year: rollup.year,
        generator: concat!("vanban ", env!("CARGO_PKG_VERSION")),
        wards: entries,
        rollup: FileEntry::new(ROLLUP_FILE, "report", &rendered),
    };
    let mut json = serde_json::to_vec_pretty(&manifest).expect("the manifest serializes");
    json.push(b'\n');
    archive.add(MANIFEST_FILE, &json)?;
    let failed = manifest
        .wards
        .iter()
        .zip(&wards)
        .filter(|(entry, _)| entry.status == "failed")
        .map(|(entry, ward)| (ward.clone(), entry.errors.clone()))
        .collect();
    Ok(Outcome {
        out: archive.finish()?,
        manifest,
        failed,
        pages,
    })
}

/// The city's roll-up data, its figures the sums over the wards whose reports rendered (their
/// `reported` figures), and its table of wards.
fn rollup(
    batch: &Batch,
    wards: &[Ward],
    reported: &[Option<BTreeMap<String, u64>>],
    kinds: &BTreeMap<String, bool>,
) -> Result<(YearData, Vec<WardRow>), BatchError> {
    let mut sums: BTreeMap<String, u64> = BTreeMap::new();
    let mut rows = Vec::with_capacity(wards.len());
    for (ward, figures) in wards.iter().zip(reported) {
        let mut money = None;
        for (key, figure) in figures.iter().flatten() {
            let sum = sums.entry(key.clone()).or_default();
            *sum = sum.saturating_add(*figure);
            if kinds.get(key) == Some(&true) {
                money = Some(money.unwrap_or(0u64).saturating_add(*figure));
            }
        }
        rows.push(WardRow {
            name: ward.name.clone(),
            money,
            included: figures.is_some(),
        });
    }
    let data = batch
        .rollup_data(&sums)
        .map_err(|error| BatchError::Rollup {
            errors: data_errors(&error),
        })?;
    Ok((data, rows))
}

/// Renders one ward document and returns it with the ward's figures by key.
fn render_ward(
    engine: &Engine,
    batch: &Batch,
    job: &Job,
    kinds: &BTreeMap<String, bool>,
    export: ExportOptions,
) -> Result<(Rendered, BTreeMap<String, u64>), RenderError> {
    let data = batch.ward_data(job.index)?;
    let figures = figures_of(&data, kinds).map_err(|errors| InvalidData::Fields { errors })?;
    Ok((engine.pdf(job.kind, &data, export)?, figures))
}
