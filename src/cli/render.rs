//! `vanban render`: one document from year data, as PDF, PNG pages or Typst source.

use std::path::{Path, PathBuf};

use vanban::errors::{DataError, Kind};
use vanban::model::{InvalidData, YearData, with_program};
use vanban::pdf::{export_png, export_svg};
use vanban::request::{Format, RenderRequest};
use vanban::typeset::Diagnostic;

use super::args::RenderArgs;
use super::{Failure, engine, load, output};

pub fn render(args: &RenderArgs) -> Result<(), Failure> {
    let request = RenderRequest {
        kind: args.kind,
        format: args.format,
        page: args.page,
        dpi: args.dpi,
        pdf_a: args.pdf_a,
        pdf_ua: args.pdf_ua,
        sign_fields: !args.no_sign_fields,
    };
    request.check()?;
    if args.fields_json.is_some() {
        match args.format {
            Format::Pdf if args.no_sign_fields => Err(Kind::FieldsJsonWithoutFields),
            Format::Pdf => Ok(()),
            _ => Err(Kind::PdfOptionsNeedPdf),
        }?;
    }
    let data = match &args.program {
        Some(last_year) => load_with_program(&args.input, last_year)?,
        None => load(&args.input)?,
    };
    let engine = engine(&args.engine.options())?;
    let target = args.output.clone().unwrap_or_else(|| default_output(args));
    let failed = |error| Failure::render(&args.input, error);
    match args.format {
        Format::Typ => write(
            &target,
            engine.source(args.kind, &data).map_err(failed)?.as_bytes(),
        ),
        Format::Pdf => {
            let rendered = engine
                .pdf(args.kind, &data, request.export())
                .map_err(failed)?;
            print_warnings(&rendered.warnings);
            if let Some(path) = &args.fields_json {
                let mut json =
                    serde_json::to_vec_pretty(&rendered.fields).map_err(Failure::internal)?;
                json.push(b'\n');
                write(path, &json)?;
            }
            write(&target, &rendered.pdf)
        }
        Format::Png | Format::Svg => {
            let typeset = engine.typeset(args.kind, &data).map_err(failed)?;
            print_warnings(&typeset.warnings);
            let document = typeset.document;
            let pages: Vec<usize> = match args.page {
                Some(page) => vec![page - 1],
                None => (0..document.pages().len()).collect(),
            };
            if pages.len() > 1 && target == Path::new("-") {
                return Err(Kind::PngToStdoutNeedsPage.into());
            }
            for index in pages {
                let missing = Kind::NoPage {
                    page: index + 1,
                    pages: document.pages().len(),
                };
                let image = match args.format {
                    Format::Svg => export_svg(&document, index).ok_or(missing)?.into_bytes(),
                    _ => export_png(&document, index, request.dpi())
                        .ok_or(missing)?
                        .map_err(Failure::internal)?,
                };
                let path = if args.page.is_some() {
                    target.clone()
                } else {
                    numbered(&target, index + 1)
                };
                write(&path, &image)?;
            }
            Ok(())
        }
    }
}

/// The year data in `input` with this year's program taken from `last_year`, last year's
/// data (`--program`). A problem of the program against the report is shown in the file it
/// is in: the program's own in `last_year` (at its `next_program`), the figures' in `input`.
fn load_with_program(input: &Path, last_year: &Path) -> Result<YearData, Failure> {
    let data = load(input)?;
    let last = load(last_year)?;
    let file = last_year.display().to_string();
    if data.program.is_some() {
        return Err(Failure::from(Kind::ProgramGivenTwice { file }).in_file(input));
    }
    if last.year + 1 != data.year {
        return Err(Kind::ProgramFileYear {
            file,
            year: data.year,
            found: last.year,
        }
        .into());
    }
    let Some(program) = last.next_program else {
        return Err(Kind::ProgramFileWithoutProgram {
            file,
            year: data.year,
        }
        .into());
    };
    with_program(data, program).map_err(|error| {
        let (in_program, in_data): (Vec<DataError>, Vec<DataError>) = error
            .errors()
            .iter()
            .cloned()
            .partition(|problem| problem.at.path().starts_with("$.program"));
        if in_data.is_empty() {
            let moved = in_program.into_iter().map(|problem| {
                let path = problem.at.path().replacen("$.program", "$.next_program", 1);
                DataError::new(path, problem.kind)
            });
            let errors = moved.collect();
            Failure::data(last_year, InvalidData::Fields { errors })
        } else {
            Failure::data(input, InvalidData::Fields { errors: in_data })
        }
    })
}

/// Typst's warnings go to standard error; they do not fail the command.
pub fn print_warnings(warnings: &[Diagnostic]) {
    for warning in warnings {
        stderr!("warning: {warning}");
        for hint in &warning.hints {
            stderr!("hint: {hint}");
        }
    }
}

fn write(target: &Path, bytes: &[u8]) -> Result<(), Failure> {
    if target == Path::new("-") {
        output::stdout(bytes)
    } else {
        output::write_atomic(target, bytes)
    }
}

/// `tam-ky-2022.json` → `tam-ky-2022-report.pdf` in the current directory.
fn default_output(args: &RenderArgs) -> PathBuf {
    let ending = format!("-{}.{}", args.kind.name(), args.format.extension());
    output::default_output(&args.input, &ending)
}

/// `report.png`, 2 → `report-2.png`.
fn numbered(path: &Path, page: usize) -> PathBuf {
    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("page");
    let extension = path.extension().and_then(|s| s.to_str()).unwrap_or("png");
    path.with_file_name(format!("{stem}-{page}.{extension}"))
}
