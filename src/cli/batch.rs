//! `vanban batch`: every ward's report and the city's roll-up in one ZIP, with a progress bar
//! on a terminal and a one-line summary.

use std::io::{BufWriter, IsTerminal};
use std::path::{Path, PathBuf};
use std::time::Instant;

use indicatif::{ProgressBar, ProgressStyle};
use vanban::batch::{
    self, Batch, BatchError, BatchOptions, DirectoryError, ErrorEntry, Outcome, SheetError,
    SheetFormat, Ward,
};
use vanban::pdf::ExportOptions;

use super::args::{BatchArgs, Extra};
use super::output::AtomicFile;
use super::{Failure, engine, read_input};

pub fn batch(args: &BatchArgs) -> Result<(), Failure> {
    let started = Instant::now();
    let batch = load(args)?;
    let engine = engine(&args.engine.options())?;
    let target = args
        .output
        .clone()
        .unwrap_or_else(|| default_output(&args.input));
    let options = BatchOptions {
        workers: args.jobs.map_or_else(
            || std::thread::available_parallelism().map_or(1, |n| n.get()),
            usize::from,
        ),
        agreements: args.with.contains(&Extra::Agreement),
        strict: args.strict,
        export: ExportOptions {
            pdf_a: args.pdf_a,
            ..ExportOptions::default()
        },
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
    } = outcome.map_err(|error| batch_failure(&args.input, error))?;
    let flushed = out.into_inner().map(drop).map_err(|e| e.into_error());
    flushed.map_err(|error| file.failure(error))?;
    file.commit()?;

    for (ward, errors) in &failed {
        print_ward(ward, errors);
    }
    let wards = manifest.wards.len();
    if show {
        eprintln!(
            "{wards} wards, {} failed, {pages} pages in {:.2} s → {}",
            failed.len(),
            started.elapsed().as_secs_f64(),
            target.display()
        );
    }
    if failed.is_empty() || args.allow_partial {
        Ok(())
    } else {
        Err(Failure::bad_input(format!(
            "{} of {wards} wards failed; their errors are listed above and in the manifest",
            failed.len()
        ))
        .hint("--allow-partial exits with 0 when some wards fail"))
    }
}

/// Spreadsheet formats vanban does not read, so that they are not taken for batch files.
const OTHER_SHEETS: [&str; 4] = ["xls", "xlsb", "xlsm", "ods"];

/// The batch file INPUT, or the sheet INPUT with the batch file `--shared` names.
fn load(args: &BatchArgs) -> Result<Batch, Failure> {
    let input = &args.input;
    let extension = input.extension().and_then(|e| e.to_str());
    if extension.is_some_and(|e| OTHER_SHEETS.contains(&e.to_ascii_lowercase().as_str())) {
        return Err(Failure::usage(format!(
            "{}: vanban reads sheets saved as .xlsx or .csv",
            input.display()
        )));
    }
    if input.is_dir() {
        let Some(shared) = &args.shared else {
            return Err(Failure::usage(format!(
                "{} is a directory of ward files: --shared must name the batch file with the shared data",
                input.display()
            )));
        };
        return Batch::from_directory(load_shared(shared)?, input).map_err(|error| {
            let message = format!("{}: {error}", input.display());
            match error {
                DirectoryError::Read(cause) => Failure::io(message, cause),
                DirectoryError::Names { errors } => Failure::bad_input(message)
                    .details(errors.iter().map(ToString::to_string).collect()),
                DirectoryError::Empty => Failure::bad_input(message),
            }
        });
    }
    match (SheetFormat::from_path(input), &args.shared) {
        (None, None) => {
            Batch::parse(&read_input(input)?).map_err(|error| Failure::data(input, error))
        }
        (None, Some(_)) => Err(Failure::usage(format!(
            "--shared goes with a sheet (.xlsx or .csv); {} is a batch file",
            input.display()
        ))),
        (Some(_), None) => Err(Failure::usage(format!(
            "{} is a sheet: --shared must name the batch file with the shared data",
            input.display()
        ))
        .hint("vanban batch WARDS.xlsx --shared BATCH.json -o OUT.zip")),
        (Some(format), Some(shared)) => {
            Batch::from_sheet(load_shared(shared)?, format, &read_input(input)?)
                .map_err(|error| sheet_failure(input, error))
        }
    }
}

/// The batch file `--shared` names, for its shared data and roll-up.
fn load_shared(path: &Path) -> Result<Batch, Failure> {
    Batch::parse_shared(&read_input(path)?).map_err(|error| Failure::data(path, error))
}

fn sheet_failure(input: &Path, error: SheetError) -> Failure {
    let failure = Failure::bad_input(format!("{}: {error}", input.display()));
    match error {
        SheetError::Cells { errors } => {
            failure.details(errors.iter().map(ToString::to_string).collect())
        }
        SheetError::Workbook(cause) => failure
            .details(vec![cause.to_string()])
            .hint("save the sheet as an Excel workbook (.xlsx)"),
        SheetError::Csv(cause) => failure
            .details(vec![cause.to_string()])
            .hint("save the sheet as CSV UTF-8, comma- or semicolon-separated"),
        SheetError::NoWorksheet => failure,
    }
}

fn print_ward(ward: &Ward, errors: &[ErrorEntry]) {
    eprintln!("error: ward {} ({}):", ward.name, ward.slug);
    for error in errors {
        eprintln!("  {}: {}", error.path, error.message);
    }
}

fn batch_failure(input: &Path, error: BatchError) -> Failure {
    match error {
        BatchError::Ward { ward, errors } => {
            print_ward(&ward, &errors);
            Failure::bad_input(format!(
                "{}: stopped at {} (--strict)",
                input.display(),
                ward.name
            ))
        }
        BatchError::Rollup(error) => Failure::bad_input(format!(
            "{}: the city's roll-up report cannot be made",
            input.display()
        ))
        .details(
            batch::render_errors(&error)
                .iter()
                .map(|e| format!("{}: {}", e.path, e.message))
                .collect(),
        ),
        BatchError::NoProgram => Failure::bad_input(format!("{}: {error}", input.display())),
        BatchError::Write(error) => Failure::output(format!("cannot write the ZIP: {error}")),
    }
}

/// `tam-ky-wards-2022.json` → `tam-ky-wards-2022.zip` in the current directory.
fn default_output(input: &Path) -> PathBuf {
    let stem = input
        .file_stem()
        .and_then(|s| s.to_str())
        .filter(|s| *s != "-")
        .unwrap_or("vanban");
    PathBuf::from(format!("{stem}.zip"))
}
