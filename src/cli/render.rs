//! `vanban render`: one document from year data, as PDF, PNG pages or Typst source.

use std::path::{Path, PathBuf};

use vanban::pdf::{ExportOptions, export_png};
use vanban::typeset::Diagnostic;

use super::args::{Format, RenderArgs};
use super::{Failure, engine, load, output};

pub fn render(args: &RenderArgs) -> Result<(), Failure> {
    if args.format != Format::Png && args.page.is_some() {
        return Err(Failure::usage("--page goes with --format png"));
    }
    if args.format != Format::Pdf && (args.fields_json.is_some() || args.no_sign_fields) {
        return Err(Failure::usage(
            "--fields-json and --no-sign-fields go with --format pdf",
        ));
    }
    if args.fields_json.is_some() && args.no_sign_fields {
        return Err(Failure::usage(
            "--fields-json lists the fields --no-sign-fields leaves out",
        ));
    }
    let data = load(&args.input)?;
    let engine = engine(&args.engine.options())?;
    let target = args.output.clone().unwrap_or_else(|| default_output(args));
    let failed = |error| Failure::render(&args.input, error);
    match args.format {
        Format::Typ => write(
            &target,
            engine.source(args.kind, &data).map_err(failed)?.as_bytes(),
        ),
        Format::Pdf => {
            let options = ExportOptions {
                pdf_a: args.pdf_a,
                pdf_ua: args.pdf_ua,
                signature_fields: !args.no_sign_fields,
            };
            let rendered = engine.pdf(args.kind, &data, options).map_err(failed)?;
            print_warnings(&rendered.warnings);
            if let Some(path) = &args.fields_json {
                let mut json = serde_json::to_vec_pretty(&rendered.fields)
                    .map_err(|error| Failure::internal(error.to_string()))?;
                json.push(b'\n');
                write(path, &json)?;
            }
            write(&target, &rendered.pdf)
        }
        Format::Png => {
            let typeset = engine.typeset(args.kind, &data).map_err(failed)?;
            print_warnings(&typeset.warnings);
            let document = typeset.document;
            let pages: Vec<usize> = match args.page {
                Some(page) => vec![page as usize - 1],
                None => (0..document.pages().len()).collect(),
            };
            if pages.len() > 1 && target == Path::new("-") {
                return Err(Failure::usage("PNG to standard output needs --page"));
            }
            for index in pages {
                let png = export_png(&document, index, f32::from(args.dpi))
                    .ok_or_else(|| {
                        Failure::usage(format!(
                            "the document has {} page(s)",
                            document.pages().len()
                        ))
                    })?
                    .map_err(Failure::internal)?;
                let path = if args.page.is_some() {
                    target.clone()
                } else {
                    numbered(&target, index + 1)
                };
                write(&path, &png)?;
            }
            Ok(())
        }
    }
}

/// Typst's warnings go to standard error; they do not fail the command.
pub fn print_warnings(warnings: &[Diagnostic]) {
    for warning in warnings {
        eprintln!("warning: {warning}");
        for hint in &warning.hints {
            eprintln!("hint: {hint}");
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
    let stem = args
        .input
        .file_stem()
        .and_then(|s| s.to_str())
        .filter(|s| *s != "-")
        .unwrap_or("vanban");
    let kind = args.kind.template().trim_end_matches(".typ.j2");
    PathBuf::from(format!("{stem}-{kind}.{}", args.format.extension()))
}

/// `report.png`, 2 → `report-2.png`.
fn numbered(path: &Path, page: usize) -> PathBuf {
    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("page");
    let extension = path.extension().and_then(|s| s.to_str()).unwrap_or("png");
    path.with_file_name(format!("{stem}-{page}.{extension}"))
}
