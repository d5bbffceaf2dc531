//! `vanban batch`: every ward's report and the city's roll-up in one ZIP, with a progress bar
//! on a terminal and a one-line summary.

use std::io::{BufWriter, IsTerminal};
use std::path::{Path, PathBuf};
use std::time::Instant;

use indicatif::{ProgressBar, ProgressStyle};
use vanban::batch::{self, Batch, BatchError, BatchOptions, Outcome, SheetFormat, Ward};
use vanban::errors::{DataError, IoReason, Kind, Language};
use vanban::request::BatchRequest;

use super::args::{BatchArgs, Extra};
use super::output::{self, AtomicFile};
use super::{Failure, engine, read_input};

pub fn batch(args: &BatchArgs, language: Language) -> Result<(), Failure> {
    let started = Instant::now();
    let batch = load(args)?;
    let engine = engine(&args.engine.options())?;
    let target = args
        .output
        .clone()
        .unwrap_or_else(|| default_output(&args.input));
    let request = BatchRequest {
        agreements: args.with.contains(&Extra::Agreement),
        pdf_a: args.pdf_a,
        allow_partial: args.allow_partial,
    };
    let options = BatchOptions {
        workers: args.jobs.map_or_else(
            || std::thread::available_parallelism().map_or(1, |n| n.get()),
            usize::from,
        ),
        agreements: request.agreements,
        strict: args.strict,
        export: request.export(),
        max_wards: args.max_wards,
        ..BatchOptions::default()
    };
    let show = !args.quiet && std::io::stderr().is_terminal();
    let bar = if show {
        ProgressBar::new(0).with_style(
            ProgressStyle::with_template("{bar:40} {pos}/{len} documents, {per_sec}, {eta} left")
                .expect("the template is valid"),
        )
    } else {
        ProgressBar::hidden()
    };

    let mut file = AtomicFile::create(&target)?;
    let out = BufWriter::new(file.file());
    let outcome = batch::run(&engine, &batch, &options, out, |done, total| {
        bar.set_length(total as u64);
        bar.set_position(done as u64);
    });
    bar.finish_and_clear();
    let Outcome {
        out,
        manifest,
        failed,
        pages,
    } = outcome.map_err(|error| batch_failure(&args.input, error, language))?;
    let flushed = out.into_inner().map(drop).map_err(|e| e.into_error());
    flushed.map_err(|error| file.failure(error))?;
    file.commit()?;

    for (ward, errors) in &failed {
        print_ward(ward, errors, language);
    }
    let wards = manifest.wards.len();
    if show {
        stderr!(
            "{wards} wards, {} failed, {pages} pages in {:.2} s → {}",
            failed.len(),
            started.elapsed().as_secs_f64(),
            target.display()
        );
    }
    if failed.is_empty() || request.allow_partial {
        Ok(())
    } else {
        Err(Kind::WardsLeftOut {
            failed: failed.len(),
            wards,
        }
        .into())
    }
}

/// Spreadsheet formats vanban does not read, so that they are not taken for batch files.
const OTHER_SHEETS: [&str; 4] = ["xls", "xlsb", "xlsm", "ods"];

/// The batch file INPUT, or the sheet INPUT with the batch file `--shared` names.
fn load(args: &BatchArgs) -> Result<Batch, Failure> {
    let input = &args.input;
    let file = input.display().to_string();
    let extension = input.extension().and_then(|e| e.to_str());
    if extension.is_some_and(|e| OTHER_SHEETS.contains(&e.to_ascii_lowercase().as_str())) {
        return Err(Kind::OtherSheetFormat { file }.into());
    }
    if input.is_dir() {
        let Some(shared) = &args.shared else {
            return Err(Kind::DirectoryNeedsShared { file }.into());
        };
        return Batch::from_directory(load_shared(shared)?, input).map_err(|error| {
            let failure = Failure::from(error.kind(input));
            match error {
                vanban::batch::DirectoryError::Names { errors } => {
                    failure.in_file(input).details(&errors)
                }
                _ => failure,
            }
        });
    }
    match (SheetFormat::from_path(input), &args.shared) {
        (None, None) => {
            let bytes = read_input(input)?;
            // Counted first, so that a batch too large is refused before its wards are parsed.
            let wards = batch::count_wards(&bytes).unwrap_or(0);
            if wards > args.max_wards {
                let limit = args.max_wards;
                return Err(Failure::from(Kind::TooManyWards { wards, limit }).in_file(input));
            }
            Batch::parse(&bytes).map_err(|error| Failure::batch_data(input, error))
        }
        (None, Some(_)) => Err(Kind::SharedWithBatchFile { file }.into()),
        (Some(_), None) => Err(Kind::SheetNeedsShared { file }.into()),
        (Some(format), Some(shared)) => {
            Batch::from_sheet(load_shared(shared)?, format, &read_input(input)?).map_err(|error| {
                Failure::from(error.kind())
                    .in_file(input)
                    .details(error.errors())
            })
        }
    }
}

/// The batch file `--shared` names, for its shared data and roll-up.
fn load_shared(path: &Path) -> Result<Batch, Failure> {
    Batch::parse_shared(&read_input(path)?).map_err(|error| Failure::batch_data(path, error))
}

fn print_ward(ward: &Ward, errors: &[DataError], language: Language) {
    match language {
        Language::English => stderr!("error: ward {} ({}):", ward.name, ward.slug),
        Language::Vietnamese => stderr!("error: {} ({}):", ward.name, ward.slug),
    }
    for error in errors {
        stderr!("  {}", error.say(language));
    }
}

fn batch_failure(input: &Path, error: BatchError, language: Language) -> Failure {
    match error {
        BatchError::Ward { ward, errors } => {
            print_ward(&ward, &errors, language);
            Failure::from(Kind::StoppedAtWard { ward: ward.name }).in_file(input)
        }
        BatchError::TooManyWards { wards, limit } => {
            Failure::from(Kind::TooManyWards { wards, limit }).in_file(input)
        }
        BatchError::NoValidWard { failed } => {
            for (ward, errors) in &failed {
                print_ward(ward, errors, language);
            }
            let wards = failed.len();
            Failure::from(Kind::NoValidWard { wards }).in_file(input)
        }
        // The command line never cancels its batch.
        BatchError::Cancelled => Failure::internal(error),
        BatchError::Rollup(error) => Failure::from(Kind::RollupFailed)
            .in_file(input)
            .details(&error.errors()),
        BatchError::Write(error) => {
            let file = "ZIP".to_owned();
            let reason = match &error {
                zip::result::ZipError::Io(io) => IoReason::from(io),
                _ => IoReason::Other,
            };
            Failure::from(Kind::CannotWrite { file, reason }).because(error)
        }
        BatchError::NoProgram => Failure::from(Kind::WardsWithoutProgram).in_file(input),
    }
}

/// `tam-ky-wards-2022.json` → `tam-ky-wards-2022.zip` in the current directory.
fn default_output(input: &Path) -> PathBuf {
    output::default_output(input, ".zip")
}
