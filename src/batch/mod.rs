//! Batches: every ward's report (and agreement) and the roll-up, rendered on dedicated worker
//! threads sharing one engine and streamed into one ZIP with a manifest.
//!
//! A batch runs one way: its input is read and checked ([`input`], [`sheet`], [`directory`]),
//! each ward's year data derived from it ([`ward`]), the roll-up's from the wards' figures
//! ([`rollup`]), and the documents written into the ZIP ([`archive`], [`manifest`]).
//!
//! Every ward's data is checked first ([`prepare`]), so that bad input is known before any
//! output. The wards then render in ZIP order, with only a few documents in memory at a time
//! ([`Prepared::write`]). The roll-up comes last: it adds up the figures of the wards whose
//! reports rendered and names those it leaves out, and it renders alone, being the one large
//! document.

mod archive;
mod cancel;
mod directory;
mod input;
mod manifest;
mod ordered;
mod rollup;
mod shared;
mod sheet;
mod size;
mod template;
mod unpack;
mod ward;

pub use cancel::Cancel;
pub use directory::DirectoryError;
pub use input::{Batch, Ward, WardEntry};
pub use manifest::{FileEntry, Manifest};
pub use sheet::{SheetError, SheetFormat};
pub use size::{MAX_WARDS, count_wards};

use std::collections::{BTreeMap, HashMap};
use std::io::Write;

use archive::Archive;
use ordered::for_each_in_order;
use shared::Figure;

use crate::context::Rollup;
use crate::errors::{DataError, Item, Kind, Language, Location};
use crate::model::YearData;
use crate::pdf::ExportOptions;
use crate::{DocumentKind, Engine, RenderError};

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
    /// The most wards the batch may have ([`MAX_WARDS`] by default).
    pub max_wards: usize,
    /// Stops the batch between wards and documents when cancelled.
    pub cancel: Cancel,
}

impl Default for BatchOptions {
    /// One worker, reports only, wards left out when they fail, at most [`MAX_WARDS`] wards.
    fn default() -> Self {
        BatchOptions {
            workers: 1,
            agreements: false,
            strict: false,
            export: ExportOptions::default(),
            max_wards: MAX_WARDS,
            cancel: Cancel::default(),
        }
    }
}

/// Why a batch stopped without a ZIP.
#[derive(Debug, thiserror::Error)]
pub enum BatchError {
    /// The batch has more wards than the options allow; no ward was checked.
    #[error("{wards} wards, more than the limit of {limit}")]
    TooManyWards { wards: usize, limit: usize },
    /// A ward failed and the options say to stop.
    #[error("{} ({}) failed", ward.name, ward.slug)]
    Ward { ward: Ward, errors: Vec<DataError> },
    /// No ward is valid, so there is no roll-up either: every ward with its errors.
    #[error("no ward is valid")]
    NoValidWard { failed: Vec<(Ward, Vec<DataError>)> },
    /// Agreements were asked for, but no ward has next year's program, so no ward is valid.
    #[error("no ward has next year's program")]
    NoProgram,
    /// The roll-up cannot be made, so neither can the batch.
    #[error("the city's roll-up report cannot be made")]
    Rollup(#[source] RenderError),
    /// The ZIP could not be written.
    #[error("cannot write the ZIP")]
    Write(#[from] zip::result::ZipError),
    /// The batch was cancelled ([`BatchOptions::cancel`]).
    #[error("the batch was cancelled")]
    Cancelled,
}

/// A finished batch.
#[derive(Debug)]
pub struct Outcome<W> {
    /// The output the ZIP was written to.
    pub out: W,
    /// What the ZIP holds.
    pub manifest: Manifest,
    /// The wards left out, with their errors.
    pub failed: Vec<(Ward, Vec<DataError>)>,
    /// Pages over all documents.
    pub pages: usize,
}

/// One ward document to render.
struct Job {
    index: usize,
    kind: DocumentKind,
    file: String,
}

/// A ward's figures by quantity key, or why its data is not valid.
type Checked = Result<BTreeMap<String, Figure>, Vec<DataError>>;

/// Renders `batch` into a ZIP written to `out`; `progress(done, total)` follows the documents.
pub fn run<W: Write>(
    engine: &Engine,
    batch: &Batch,
    options: &BatchOptions,
    out: W,
    progress: impl FnMut(usize, usize),
) -> Result<Outcome<W>, BatchError> {
    prepare(engine, batch, options)?.write(out, progress)
}

/// A batch whose wards' data is checked: what is left is to render its documents into the
/// ZIP.
pub struct Prepared<'a> {
    engine: &'a Engine,
    batch: &'a Batch,
    options: &'a BatchOptions,
    wards: Vec<Ward>,
    checked: Vec<Checked>,
    kinds: BTreeMap<String, bool>,
}

/// Checks every ward's data as rendering would (including a glyph for every character), that
/// no two files in the ZIP have one name, and the roll-up's data with the valid wards'
/// figures. With `options.strict`, the first invalid ward in ZIP order stops the batch; when
/// no ward is valid, the batch stops with every ward's errors.
pub fn prepare<'a>(
    engine: &'a Engine,
    batch: &'a Batch,
    options: &'a BatchOptions,
) -> Result<Prepared<'a>, BatchError> {
    if batch.wards.len() > options.max_wards {
        return Err(BatchError::TooManyWards {
            wards: batch.wards.len(),
            limit: options.max_wards,
        });
    }
    let wards = batch.wards();
    let kinds = batch.quantity_kinds();
    let mut checked: Vec<Checked> = Vec::with_capacity(wards.len());
    for_each_in_order(
        &wards,
        options.workers,
        |ward| {
            unless_cancelled(options, || {
                check_ward(engine, batch, ward.index, options, &kinds)
            })
        },
        |_, result| {
            checked.push(result.ok_or(BatchError::Cancelled)?);
            Ok::<(), BatchError>(())
        },
    )?;
    for (index, error) in name_clashes(&wards, options.agreements) {
        match &mut checked[index] {
            Ok(_) => checked[index] = Err(vec![error]),
            Err(errors) => errors.push(error),
        }
    }
    if options.strict {
        let jobs = jobs(&wards, options.agreements);
        let first_failed = jobs
            .iter()
            .find_map(|job| checked[job.index].as_ref().err().map(|e| (job.index, e)));
        if let Some((index, errors)) = first_failed {
            return Err(BatchError::Ward {
                ward: wards[index].clone(),
                errors: errors.clone(),
            });
        }
    }
    let no_program = |checked: &Checked| {
        checked
            .as_ref()
            .is_err_and(|errors| errors.iter().any(|e| e.kind == Kind::NoProgram))
    };
    if options.agreements && checked.iter().all(Result::is_err) && checked.iter().any(no_program) {
        return Err(BatchError::NoProgram);
    }
    no_valid_ward(&wards, &checked)?;
    rollup_data(batch, &wards, &checked, &kinds)?;
    Ok(Prepared {
        engine,
        batch,
        options,
        wards,
        checked,
        kinds,
    })
}

impl Prepared<'_> {
    /// The wards whose data is not valid, with their errors, in the batch's order.
    pub fn invalid(&self) -> impl Iterator<Item = (&Ward, &[DataError])> {
        self.wards
            .iter()
            .zip(&self.checked)
            .filter_map(|(ward, checked)| checked.as_ref().err().map(|e| (ward, e.as_slice())))
    }

    /// Renders the valid wards' documents on the worker threads, then the roll-up, and writes
    /// the ZIP to `out`: the ward documents in ZIP order, the roll-up, the manifest.
    /// `progress(done, total)` follows the documents.
    pub fn write<W: Write>(
        self,
        out: W,
        mut progress: impl FnMut(usize, usize),
    ) -> Result<Outcome<W>, BatchError> {
        let Prepared {
            engine,
            batch,
            options,
            wards,
            mut checked,
            kinds,
        } = self;
        let jobs: Vec<Job> = jobs(&wards, options.agreements)
            .into_iter()
            .filter(|job| checked[job.index].is_ok())
            .collect();
        let total = jobs.len() + 1;
        let mut entries: Vec<manifest::WardEntry> = wards
            .iter()
            .map(|ward| manifest::WardEntry {
                name: ward.name.clone(),
                status: "ok",
                files: Vec::new(),
                errors: Vec::new(),
            })
            .collect();
        let mut failures: Vec<Vec<DataError>> = checked
            .iter()
            .map(|checked| checked.as_ref().err().cloned().unwrap_or_default())
            .collect();
        let mut archive = Archive::new(out);
        let mut pages = 0;
        for_each_in_order(
            &jobs,
            options.workers,
            |job| {
                unless_cancelled(options, || {
                    engine.pdf(job.kind, &batch.ward_data(job.index)?, options.export)
                })
            },
            |done, rendered| {
                let Job { index, kind, file } = &jobs[done];
                match rendered.ok_or(BatchError::Cancelled)? {
                    Ok(rendered) => {
                        archive.add(file, &rendered.pdf)?;
                        pages += rendered.pages;
                        entries[*index]
                            .files
                            .push(FileEntry::new(file, kind.name(), &rendered));
                    }
                    Err(error) => {
                        let errors = error.errors();
                        if options.strict {
                            return Err(BatchError::Ward {
                                ward: wards[*index].clone(),
                                errors,
                            });
                        }
                        // A report that fails although its data is valid (a template or
                        // Typst error) leaves its ward out of the roll-up too.
                        if *kind == DocumentKind::Report {
                            checked[*index] = Err(errors.clone());
                        }
                        let failure = &mut failures[*index];
                        for error in errors {
                            if !failure.contains(&error) {
                                failure.push(error);
                            }
                        }
                    }
                }
                progress(done + 1, total);
                Ok(())
            },
        )?;

        no_valid_ward(&wards, &checked)?;
        let (data, rollup) = rollup_data(batch, &wards, &checked, &kinds)?;
        let rendered = engine
            .rollup_pdf(&data, &rollup, options.export)
            .map_err(BatchError::Rollup)?;
        archive.add(ROLLUP_FILE, &rendered.pdf)?;
        pages += rendered.pages;
        progress(total, total);

        // The manifest is in English, whoever asks: the same batch gives the same bytes.
        for (entry, errors) in entries.iter_mut().zip(&failures) {
            if !errors.is_empty() {
                entry.status = "failed";
                entry.errors = errors
                    .iter()
                    .map(|error| Item::new(error, Language::English))
                    .collect();
            }
        }
        let manifest = Manifest {
            year: data.year,
            generator: concat!("vanban ", env!("CARGO_PKG_VERSION")),
            wards: entries,
            rollup: FileEntry::new(ROLLUP_FILE, "report", &rendered),
        };
        let mut json = serde_json::to_vec_pretty(&manifest).expect("the manifest serializes");
        json.push(b'\n');
        archive.add(MANIFEST_FILE, &json)?;
        let failed = wards
            .into_iter()
            .zip(failures)
            .filter(|(_, errors)| !errors.is_empty())
            .collect();
        Ok(Outcome {
            out: archive.finish()?,
            manifest,
            failed,
            pages,
        })
    }
}

/// The documents to render, in ZIP order: each ward's report and, with `agreements`, its
/// coordination program.
fn jobs(wards: &[Ward], agreements: bool) -> Vec<Job> {
    let mut jobs: Vec<Job> = wards
        .iter()
        .flat_map(|ward| {
            let mut kinds = vec![(DocumentKind::Report, format!("{}.pdf", ward.slug))];
            if agreements {
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
    jobs
}

/// `work`'s result, or none when the batch is cancelled (then the work is not done).
fn unless_cancelled<R>(options: &BatchOptions, work: impl FnOnce() -> R) -> Option<R> {
    (!options.cancel.is_cancelled()).then(work)
}

/// The wards whose ZIP entries would take a name an earlier ward's entry, or the batch's own
/// ([`ROLLUP_FILE`], [`MANIFEST_FILE`]), has: ward "X" with its agreement
/// `x-chuong-trinh.pdf` and a ward whose report is named so. Each such ward gets the error.
fn name_clashes(wards: &[Ward], agreements: bool) -> Vec<(usize, DataError)> {
    let mut taken: HashMap<String, Option<usize>> = [ROLLUP_FILE, MANIFEST_FILE]
        .into_iter()
        .map(|name| (name.to_owned(), None))
        .collect();
    let mut clashes = Vec::new();
    for job in jobs(wards, agreements) {
        let path = format!("$.wards[{}].name", job.index);
        match taken.get(&job.file) {
            None => {
                taken.insert(job.file, Some(job.index));
            }
            Some(None) => clashes.push((
                job.index,
                DataError::new(path, Kind::ReservedFileName { slug: job.file }),
            )),
            Some(Some(other)) => {
                let (first, second) = (job.index.min(*other), job.index.max(*other));
                let other = Location::Json(format!("$.wards[{first}]"));
                let error = Kind::SameFileName {
                    slug: job.file,
                    other,
                };
                clashes.push((
                    second,
                    DataError::new(format!("$.wards[{second}].name"), error),
                ));
            }
        }
    }
    clashes
}

/// Stops the batch with every ward's errors when no ward is valid: the roll-up, having no
/// ward to add up, would otherwise hide them behind its own.
fn no_valid_ward(wards: &[Ward], checked: &[Checked]) -> Result<(), BatchError> {
    if checked.iter().any(Result::is_ok) {
        return Ok(());
    }
    let failed = wards
        .iter()
        .zip(checked)
        .filter_map(|(ward, checked)| checked.as_ref().err().map(|e| (ward.clone(), e.clone())))
        .collect();
    Err(BatchError::NoValidWard { failed })
}

/// Checks ward `index`'s year data for each of its documents as rendering would (including a
/// glyph for every character) and returns its figures by key.
fn check_ward(
    engine: &Engine,
    batch: &Batch,
    index: usize,
    options: &BatchOptions,
    kinds: &BTreeMap<String, bool>,
) -> Checked {
    let data = batch.ward_data(index).map_err(data_errors)?;
    // An agreement's check (its program, then the glyphs) covers the report's (the glyphs).
    let checked_as = if options.agreements {
        DocumentKind::Agreement
    } else {
        DocumentKind::Report
    };
    engine.check(checked_as, &data).map_err(data_errors)?;
    rollup::figures_of(&data, kinds)
}

/// The problems of invalid data, one by one; malformed input is one problem at `$`.
fn data_errors(error: crate::model::InvalidData) -> Vec<DataError> {
    match error {
        crate::model::InvalidData::Fields { errors } => errors,
        other => vec![DataError::new("$", other.kind())],
    }
}

/// The roll-up's data, its figures the sums over the wards `checked` as valid, and what it says
/// of its wards.
fn rollup_data(
    batch: &Batch,
    wards: &[Ward],
    checked: &[Checked],
    kinds: &BTreeMap<String, bool>,
) -> Result<(YearData, Rollup), BatchError> {
    let wards: Vec<_> = wards
        .iter()
        .zip(checked)
        .map(|(ward, checked)| (ward, checked.as_ref().ok()))
        .collect();
    rollup::rollup(batch, &wards, kinds).map_err(|error| BatchError::Rollup(error.into()))
}
