//! Batches: every ward's report (and agreement) and the city's roll-up, rendered on dedicated
//! worker threads sharing one engine and streamed into one ZIP with a manifest.
//!
//! Two passes: the first checks every ward's data (so that the roll-up, which sums the valid
//! wards, can say which it leaves out); the second renders, in ZIP order, and keeps only a few
//! documents in memory at a time.

mod archive;
mod input;
mod manifest;
mod ordered;
mod sheet;

pub use input::{Batch, Ward, WardEntry};
pub use manifest::{ErrorEntry, FileEntry, Manifest};
pub use sheet::{SheetError, SheetFormat};

use std::collections::BTreeMap;
use std::io::{Seek, Write};

use archive::Archive;
use manifest::{data_errors, render_errors};
use ordered::for_each_in_order;

use crate::context::WardRow;
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

/// One document to render.
enum Job {
    Ward {
        index: usize,
        kind: DocumentKind,
        file: String,
    },
    Rollup {
        file: String,
    },
}

impl Job {
    fn file(&self) -> &str {
        match self {
            Job::Ward { file, .. } | Job::Rollup { file } => file,
        }
    }
}

/// Renders `batch` into a ZIP written to `out`; `progress(done, total)` follows the documents.
pub fn run<W: Write + Seek>(
    engine: &Engine,
    batch: &Batch,
    options: &BatchOptions,
    out: W,
    mut progress: impl FnMut(usize, usize),
) -> Result<Outcome<W>, BatchError> {
    let wards = batch.wards();

    // Pass 1: which wards have valid data.
    let mut checked: Vec<Result<(), Vec<ErrorEntry>>> = Vec::with_capacity(wards.len());
    for_each_in_order(
        &wards,
        options.workers,
        |ward| check_ward(engine, batch, ward, options.agreements),
        |index, result| {
            if let (true, Err(errors)) = (options.strict, &result) {
                return Err(BatchError::Ward {
                    ward: wards[index].clone(),
                    errors: errors.clone(),
                });
            }
            checked.push(result);
            Ok(())
        },
    )?;

    let (rollup, rows) = rollup(batch, &wards, &checked)?;
    let mut jobs: Vec<Job> = wards
        .iter()
        .filter(|ward| checked[ward.index].is_ok())
        .flat_map(|ward| {
            let mut kinds = vec![(DocumentKind::Report, format!("{}.pdf", ward.slug))];
            if options.agreements {
                kinds.push((
                    DocumentKind::Agreement,
                    format!("{}-chuong-trinh.pdf", ward.slug),
                ));
            }
            kinds.into_iter().map(|(kind, file)| Job::Ward {
                index: ward.index,
                kind,
                file,
            })
        })
        .chain([Job::Rollup {
            file: ROLLUP_FILE.to_owned(),
        }])
        .collect();
    jobs.sort_by(|a, b| a.file().cmp(b.file()));

    // Pass 2: render, and write each document as soon as those before it are written.
    let mut entries: Vec<manifest::WardEntry> = wards
        .iter()
        .zip(&checked)
        .map(|(ward, checked)| manifest::WardEntry {
            name: ward.name.clone(),
            status: if checked.is_ok() { "ok" } else { "failed" },
            files: Vec::new(),
            errors: checked.clone().err().unwrap_or_default(),
        })
        .collect();
    let mut rollup_entry = None;
    let mut archive = Archive::new(out);
    let mut pages = 0;
    let total = jobs.len();
    for_each_in_order(
        &jobs,
        options.workers,
        |job| render(engine, batch, job, &rollup, &rows, options.export),
        |done, rendered| {
            let job = &jobs[done];
            match (job, rendered) {
                (Job::Ward { index, kind, file }, Ok(rendered)) => {
                    archive.add(file, &rendered.pdf)?;
                    pages += rendered.pages;
                    let kind = if *kind == DocumentKind::Report {
                        "report"
                    } else {
                        "agreement"
                    };
                    entries[*index]
                        .files
                        .push(FileEntry::new(file, kind, &rendered));
                }
                (Job::Ward { index, .. }, Err(error)) => {
                    let errors = render_errors(&error);
                    if options.strict {
                        return Err(BatchError::Ward {
                            ward: wards[*index].clone(),
                            errors,
                        });
                    }
                    entries[*index].status = "failed";
                    entries[*index].errors.extend(errors);
                }
                (Job::Rollup { file }, Ok(rendered)) => {
                    archive.add(file, &rendered.pdf)?;
                    pages += rendered.pages;
                    rollup_entry = Some(FileEntry::new(file, "report", &rendered));
                }
                (Job::Rollup { .. }, Err(error)) => {
                    return Err(BatchError::Rollup {
                        errors: render_errors(&error),
                    });
                }
            }
            progress(done + 1, total);
            Ok(())
        },
    )?;

    let manifest = Manifest {
        year: rollup.year,
        generator: concat!("vanban ", env!("CARGO_PKG_VERSION")),
        wards: entries,
        rollup: rollup_entry.expect("the roll-up is one of the jobs"),
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

/// Checks one ward's data as rendering would, without rendering.
fn check_ward(
    engine: &Engine,
    batch: &Batch,
    ward: &Ward,
    agreements: bool,
) -> Result<(), Vec<ErrorEntry>> {
    let data = batch
        .ward_data(ward.index)
        .map_err(|error| data_errors(&error))?;
    engine.check(&data).map_err(|error| data_errors(&error))?;
    if agreements && data.next_program.is_none() {
        return Err(vec![ErrorEntry {
            path: "$.next_program".to_owned(),
            message: "missing: agreements need each ward's program".to_owned(),
        }]);
    }
    Ok(())
}

/// The city's roll-up data, its figures the sums over the valid wards, and its table of wards.
fn rollup(
    batch: &Batch,
    wards: &[Ward],
    checked: &[Result<(), Vec<ErrorEntry>>],
) -> Result<(YearData, Vec<WardRow>), BatchError> {
    let money = batch.money_keys();
    let mut sums: BTreeMap<String, u64> = BTreeMap::new();
    let mut rows = Vec::with_capacity(wards.len());
    for (ward, checked) in wards.iter().zip(checked) {
        let figures = &batch.wards[ward.index].figures;
        let included = checked.is_ok();
        if included {
            for (key, figure) in figures {
                let sum = sums.entry(key.clone()).or_default();
                *sum = sum.saturating_add(*figure);
            }
        }
        let mut ward_money = figures
            .iter()
            .filter(|(key, _)| money.contains(key.as_str()))
            .map(|(_, figure)| *figure)
            .peekable();
        let has_money = ward_money.peek().is_some();
        let total = ward_money.fold(0u64, u64::saturating_add);
        rows.push(WardRow {
            name: ward.name.clone(),
            money: has_money.then_some(total),
            included,
        });
    }
    let data = batch
        .rollup_data(&sums)
        .map_err(|error| BatchError::Rollup {
            errors: data_errors(&error),
        })?;
    Ok((data, rows))
}

fn render(
    engine: &Engine,
    batch: &Batch,
    job: &Job,
    rollup: &YearData,
    rows: &[WardRow],
    export: ExportOptions,
) -> Result<Rendered, RenderError> {
    match job {
        Job::Ward { index, kind, .. } => {
            let data = batch.ward_data(*index)?;
            engine.pdf(*kind, &data, export)
        }
        Job::Rollup { .. } => engine.rollup_pdf(rollup, rows, export),
    }
}
