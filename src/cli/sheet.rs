//! `vanban sheet template`: the Excel workbook a clerk fills in for a batch's wards.

use std::path::{Path, PathBuf};

use vanban::batch::Batch;

use super::args::{SheetCommand, SheetTemplateArgs};
use super::{Failure, output, read_input};

pub fn sheet(command: &SheetCommand) -> Result<(), Failure> {
    match command {
        SheetCommand::Template(args) => template(args),
    }
}

fn template(args: &SheetTemplateArgs) -> Result<(), Failure> {
    let bytes = read_input(&args.input)?;
    let batch = Batch::parse_for_template(&bytes)
        .map_err(|error| Failure::batch_data(&args.input, error))?;
    let workbook = batch
        .sheet_template()
        .map_err(|error| Failure::internal(format!("cannot write the workbook: {error}")))?;
    let target = args
        .output
        .clone()
        .unwrap_or_else(|| default_output(&args.input));
    output::write_atomic(&target, &workbook)
}

/// `wards.json` → `wards-mau.xlsx` ("mẫu": template), in the current directory.
fn default_output(input: &Path) -> PathBuf {
    output::default_output(input, "-mau.xlsx")
}
