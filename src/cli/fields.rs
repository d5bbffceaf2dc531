//! `vanban fields`: the signature fields of a PDF, as a table or JSON.

use std::fmt::Write as _;

use std::io::Read;
use std::path::Path;

use vanban::fields::{FieldInfo, MAX_PDF_BYTES, ReadError, read_signature_fields};

use super::args::FieldsArgs;
use super::{Failure, output};

pub fn fields(args: &FieldsArgs) -> Result<(), Failure> {
    let pdf = read_pdf(&args.input)?;
    let fields = read_signature_fields(&pdf).map_err(|error| Failure::pdf(&args.input, error))?;
    let text = if args.json {
        let mut json = serde_json::to_string_pretty(&fields).map_err(Failure::internal)?;
        json.push('\n');
        json
    } else {
        table(&fields)
    };
    output::stdout(text.as_bytes())
}

/// Reads the PDF in `input` (`-`: standard input), refusing one larger than [`MAX_PDF_BYTES`]
/// before reading it, or as soon as the bytes read pass it.
fn read_pdf(input: &Path) -> Result<Vec<u8>, Failure> {
    let unreadable = |error| Failure::unreadable(input, &error);
    let reader: Box<dyn Read> = if input == Path::new("-") {
        Box::new(std::io::stdin().lock())
    } else {
        let file = std::fs::File::open(input).map_err(unreadable)?;
        if file.metadata().map_err(unreadable)?.len() > MAX_PDF_BYTES {
            return Err(Failure::pdf(input, ReadError::TooLarge));
        }
        Box::new(file)
    };
    let mut pdf = Vec::new();
    reader
        .take(MAX_PDF_BYTES + 1)
        .read_to_end(&mut pdf)
        .map_err(unreadable)?;
    Ok(pdf)
}

/// One line per field: name, page, rectangle in points, signed or empty, party.
fn table(fields: &[FieldInfo]) -> String {
    if fields.is_empty() {
        return "no signature fields\n".to_owned();
    }
    let width = fields
        .iter()
        .map(|f| f.name.chars().count())
        .max()
        .unwrap_or(0);
    let mut out = format!(
        "{:width$}  page  rectangle (pt)              state   party\n",
        "name"
    );
    for field in fields {
        let [x0, y0, x1, y1] = field.rect;
        let _ = writeln!(
            out,
            "{:width$}  {:>4}  {:<26}  {:<6}  {}",
            field.name,
            field.page.map_or("-".to_owned(), |page| page.to_string()),
            format!("{x0:.1} {y0:.1} {x1:.1} {y1:.1}"),
            if field.signed { "signed" } else { "empty" },
            field.label.as_deref().unwrap_or("")
        );
    }
    out
}
