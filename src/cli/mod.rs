//! Subcommands, one file each, and how their failures are shown.

/// `eprintln!` that never panics: writes a line to standard error, if it can (see
/// [`output::stderr_line`]).
macro_rules! stderr {
    ($($arg:tt)*) => {
        $crate::cli::output::stderr_line(format_args!($($arg)*))
    };
}

mod accounts;
mod args;
mod batch;
mod failure;
mod fields;
mod output;
mod render;
mod serve;
mod sheet;
mod temporary;
mod worker;

pub use args::Cli;
pub use failure::Failure;

use std::path::Path;

use args::Command;
use vanban::errors::Language;
use vanban::model::{YearData, parse_year_data};
use vanban::{Engine, EngineOptions};

/// Runs the parsed command; `language` is that of its errors.
pub fn run(cli: Cli, language: Language) -> Result<(), Failure> {
    match cli.command {
        Command::Render(args) => render::render(&args),
        Command::Validate(args) => validate(&args.input, &args.engine.options()),
        Command::Fields(args) => fields::fields(&args),
        Command::Batch(args) => batch::batch(&args, language),
        Command::Sheet(command) => sheet::sheet(&command),
        Command::Schema => schema(),
        Command::Serve(args) => serve::serve(&args),
        Command::Office(command) => accounts::office(&command),
        Command::User(command) => accounts::user(&command),
        Command::Backup(args) => accounts::backup(&args),
        Command::Worker(args) => worker::worker(&args),
    }
}

/// Reads a file, or standard input for `-`.
fn read_input(input: &Path) -> Result<Vec<u8>, Failure> {
    if input == Path::new("-") {
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut bytes)
            .map_err(|error| Failure::unreadable(input, &error))?;
        Ok(bytes)
    } else {
        std::fs::read(input).map_err(|error| Failure::unreadable(input, &error))
    }
}

/// Reads and validates year data from a file, or standard input for `-`.
fn load(input: &Path) -> Result<YearData, Failure> {
    parse_year_data(&read_input(input)?).map_err(|error| Failure::data(input, error))
}

fn engine(options: &EngineOptions) -> Result<Engine, Failure> {
    Engine::new(options).map_err(Failure::setup)
}

/// `vanban validate`: checks the data and lays out the report (and the agreement, when the
/// data has next year's program), without writing anything.
fn validate(input: &Path, options: &EngineOptions) -> Result<(), Failure> {
    let data = load(input)?;
    let engine = engine(options)?;
    let laid_out = engine
        .validate(&data)
        .map_err(|error| Failure::render(input, error))?;
    for (_, warnings) in laid_out {
        render::print_warnings(&warnings);
    }
    let figures: usize = data
        .organizations
        .iter()
        .flat_map(|o| &o.activities)
        .map(|a| a.quantities.len())
        .sum();
    let program = match &data.next_program {
        Some(program) => format!(
            "; program for {}: {} parties, {} items",
            data.year + 1,
            program.parties.len(),
            program.items.len()
        ),
        None => String::new(),
    };
    output::stdout(
        format!(
            "{}: valid year data for {} ({} organizations, {figures} figures{program})\n",
            input.display(),
            data.year,
            data.organizations.len()
        )
        .as_bytes(),
    )
}

/// `vanban schema`: prints the JSON Schema of the year data.
fn schema() -> Result<(), Failure> {
    let mut text = serde_json::to_string_pretty(&vanban::model::year_data_schema())
        .map_err(Failure::internal)?;
    text.push('\n');
    output::stdout(text.as_bytes())
}
