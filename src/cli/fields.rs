//! `vanban fields`: the signature fields of a PDF, as a table or JSON.

use std::fmt::Write as _;

use vanban::fields::{FieldInfo, read_signature_fields};

use super::args::FieldsArgs;
use super::{Failure, output, read_input};

pub fn fields(args: &FieldsArgs) -> Result<(), Failure> {
    let pdf = read_input(&args.input)?;
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
