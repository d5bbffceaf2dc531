//! Command-line arguments (clap derive); each flag's doc line is its `--help`.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use vanban::{DocumentKind, EngineOptions};

/// Official Vietnamese documents (Decree 30/2020/NĐ-CP) from a year of structured data.
#[derive(Debug, Parser)]
#[command(name = "vanban", version, about)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Render a document from year data (PDF, PNG page previews, or the Typst source).
    Render(RenderArgs),
    /// Check year data and list every problem with its JSON path.
    Validate(ValidateArgs),
    /// List the signature fields of a PDF: name, party, page, rectangle, signed or not.
    Fields(FieldsArgs),
    /// Render every ward's report, and the city's roll-up, into one ZIP.
    Batch(BatchArgs),
    /// Print the JSON Schema of the year data.
    Schema,
}

/// Where templates and fonts come from.
#[derive(Debug, Args)]
pub struct EngineArgs {
    /// Use the templates in DIR instead of the built-in ones of the same name.
    #[arg(long, value_name = "DIR", env = "VANBAN_TEMPLATES")]
    pub templates: Option<PathBuf>,
    /// Also load the fonts in DIR; a "Times New Roman" family there is preferred to Tinos.
    #[arg(long = "font-dir", value_name = "DIR", env = "VANBAN_FONT_DIR")]
    pub font_dirs: Vec<PathBuf>,
}

impl EngineArgs {
    pub fn options(&self) -> EngineOptions {
        EngineOptions {
            templates: self.templates.clone(),
            font_dirs: self.font_dirs.clone(),
        }
    }
}

#[derive(Debug, Args)]
pub struct RenderArgs {
    /// The document to write.
    pub kind: DocumentKind,
    /// Year data (JSON); `-` reads standard input.
    pub input: PathBuf,
    /// Output file; `-` writes to standard output. Default: INPUT's name with the kind and
    /// format, in the current directory.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Output format.
    #[arg(short, long, value_enum, default_value_t = Format::Pdf)]
    pub format: Format,
    /// Write PDF/A-2b (archival PDF).
    #[arg(long)]
    pub pdf_a: bool,
    /// Leave out the empty signature fields the agreement has for each party.
    #[arg(long)]
    pub no_sign_fields: bool,
    /// Also write the signature fields (name, party, page, rectangle) as JSON to FILE.
    #[arg(long, value_name = "FILE")]
    pub fields_json: Option<PathBuf>,
    /// With --format png: only this page (1-based); otherwise every page, as FILE-1.png, ….
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub page: Option<u32>,
    /// With --format png: resolution in dots per inch (10 to 1200).
    #[arg(long, default_value_t = 144, value_parser = clap::value_parser!(u16).range(10..=1200))]
    pub dpi: u16,
    #[command(flatten)]
    pub engine: EngineArgs,
}

#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// Year data (JSON); `-` reads standard input.
    pub input: PathBuf,
    #[command(flatten)]
    pub engine: EngineArgs,
}

#[derive(Debug, Args)]
pub struct FieldsArgs {
    /// A PDF file; `-` reads standard input.
    pub input: PathBuf,
    /// Print JSON instead of a table.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct BatchArgs {
    /// A batch file (JSON): shared year data, the city's roll-up changes, and the wards; or a
    /// sheet (.xlsx or .csv) with one row per ward, or a directory with one year-data .json
    /// file per ward; these two need --shared.
    pub input: PathBuf,
    /// With a sheet or a directory of ward files: the batch file with the shared data and
    /// roll-up (its wards are not used).
    #[arg(long, value_name = "FILE")]
    pub shared: Option<PathBuf>,
    /// The ZIP to write. Default: INPUT's name with `.zip`, in the current directory.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Also write each ward's coordination program.
    #[arg(long = "with", value_enum, value_name = "DOCUMENT")]
    pub with: Vec<Extra>,
    /// Stop at the first ward that fails, and write no ZIP.
    #[arg(long, conflicts_with = "allow_partial")]
    pub strict: bool,
    /// Exit with 0 even when some wards fail (they are listed in the manifest).
    #[arg(long)]
    pub allow_partial: bool,
    /// Write PDF/A-2b.
    #[arg(long)]
    pub pdf_a: bool,
    /// Worker threads (default: one per core).
    #[arg(short, long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=256))]
    pub jobs: Option<u16>,
    /// No progress bar and no summary line (they are shown only on a terminal anyway).
    #[arg(short, long)]
    pub quiet: bool,
    #[command(flatten)]
    pub engine: EngineArgs,
}

/// Documents a batch can add to each ward's report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Extra {
    /// The ward's coordination program (from its `next_program`).
    Agreement,
}

/// Output formats of `render`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// PDF document.
    Pdf,
    /// PNG page previews.
    Png,
    /// The generated Typst source (see README: it compiles with the official typst CLI).
    Typ,
}

impl Format {
    pub fn extension(self) -> &'static str {
        match self {
            Format::Pdf => "pdf",
            Format::Png => "png",
            Format::Typ => "typ",
        }
    }
}
