//! Command-line arguments (clap derive); each flag's doc line is its `--help`.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
use clap::{Args, Parser, Subcommand, ValueEnum};
use vanban::errors::Language;
use vanban::request::Format;

use vanban::server::{ConnectionOptions, DEFAULT_MAX_CONNECTIONS};
use vanban::{DocumentKind, EngineOptions};

/// Official Vietnamese documents (Decree 30/2020/NĐ-CP) from a year of structured data.
#[derive(Debug, Parser)]
#[command(name = "vanban", version, about)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    /// The language of error messages: en or vi. Default: vi when LC_ALL, LC_MESSAGES or LANG
    /// (the first one set) names a Vietnamese locale, else en.
    #[arg(long, global = true, value_name = "LANG", value_parser = ["en", "vi"])]
    pub lang: Option<String>,
}

impl Cli {
    /// The language errors are said in.
    pub fn language(&self) -> Language {
        let locale = || {
            ["LC_ALL", "LC_MESSAGES", "LANG"]
                .into_iter()
                .find_map(|name| std::env::var(name).ok().filter(|value| !value.is_empty()))
        };
        match self.lang.clone().or_else(locale) {
            Some(locale) => Language::of_locale(&locale),
            None => Language::English,
        }
    }
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
    /// Spreadsheets for batches: `vanban sheet template BATCH.json -o wards.xlsx`.
    #[command(subcommand)]
    Sheet(SheetCommand),
    /// Print the JSON Schema of the year data.
    Schema,
    /// Serve documents, batches and validation over HTTP, with a page for office staff.
    Serve(ServeArgs),
    /// Offices whose data the server keeps: `vanban office add CODE --name NAME`.
    #[command(subcommand)]
    Office(OfficeCommand),
    /// The people who log in and their tokens: `vanban user
    /// add|passwd|token|tokens|revoke|disable|enable`.
    #[command(subcommand)]
    User(UserCommand),
    /// Copy the SQLite database to a new file, consistent even while the server writes to it.
    Backup(BackupArgs),
    /// A render worker of `serve`: jobs on standard input, replies on standard output.
    #[command(hide = true)]
    Worker(WorkerArgs),
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
    #[arg(value_parser = kinds())]
    pub kind: DocumentKind,
    /// Year data (JSON); `-` reads standard input.
    pub input: PathBuf,
    /// Last year's data (JSON): its next year's program (`next_program`) is this year's,
    /// which the report measures; INPUT must then have no `program` of its own.
    #[arg(long, value_name = "LAST-YEAR.json")]
    pub program: Option<PathBuf>,
    /// Output file; `-` writes to standard output. Default: INPUT's name with the kind and
    /// format, in the current directory.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Output format.
    #[arg(short, long, default_value = "pdf", value_parser = formats())]
    pub format: Format,
    /// Write PDF/A-2b (archival PDF).
    #[arg(long)]
    pub pdf_a: bool,
    /// Write PDF/UA-1 (accessible PDF); with --pdf-a, both.
    #[arg(long)]
    pub pdf_ua: bool,
    /// Leave out the empty signature fields the agreement has for each party.
    #[arg(long)]
    pub no_sign_fields: bool,
    /// Also write the signature fields (name, party, page, rectangle) as JSON to FILE.
    #[arg(long, value_name = "FILE")]
    pub fields_json: Option<PathBuf>,
    /// With --format png: only this page (1-based); otherwise every page, as FILE-1.png, ….
    #[arg(long, value_name = "N")]
    pub page: Option<usize>,
    /// With --format png: resolution in dots per inch, 10 to 300 (default 144).
    #[arg(long)]
    pub dpi: Option<u16>,
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
    /// A PDF file; `-` reads standard input. Any PDF is read as if hostile: one larger than
    /// 64 MB, whose form nests fields more than 32 levels deep, has more than 10000 fields
    /// and widgets, a field name longer than 1000 characters, or a field inside itself, is
    /// refused.
    pub input: PathBuf,
    /// Print JSON instead of a table.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct BatchArgs {
    /// A batch file (JSON): shared year data, the city's roll-up changes, and the wards; or a
    /// sheet (.xlsx or .csv, at most 32 MB, 30000 rows and columns A to BL) with one row per
    /// ward, or a directory with one year-data .json file per ward (plain files of at most
    /// 8 MB, no links); these two need --shared. Ward names have at most 100 characters.
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
    /// The most wards the batch may have; a larger one is refused before its wards are checked.
    #[arg(long, value_name = "N", default_value_t = vanban::batch::MAX_WARDS,
          value_parser = clap::value_parser!(u64).range(1..).map(|n| n as usize))]
    pub max_wards: usize,
    /// No progress bar and no summary line (they are shown only on a terminal anyway).
    #[arg(short, long)]
    pub quiet: bool,
    #[command(flatten)]
    pub engine: EngineArgs,
}

#[derive(Debug, Subcommand)]
pub enum SheetCommand {
    /// Write the Excel workbook to fill in for a batch's wards: a column per shared figure,
    /// labels in Vietnamese, cells Excel checks, and instructions.
    Template(SheetTemplateArgs),
}

#[derive(Debug, Args)]
pub struct SheetTemplateArgs {
    /// A batch file (JSON): its shared figures give the columns; the wards it lists, if any,
    /// are filled in by name.
    pub input: PathBuf,
    /// The workbook to write. Default: INPUT's name with `-mau.xlsx`, in the current directory.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Address and port to listen on (port 0 picks a free one).
    #[arg(
        long,
        value_name = "ADDR",
        default_value = "127.0.0.1:8080",
        env = "VANBAN_ADDR"
    )]
    pub addr: SocketAddr,
    /// Documents rendered at once (default: one per core).
    #[arg(long, value_name = "N", env = "VANBAN_CONCURRENCY",
          value_parser = clap::value_parser!(u16).range(1..=256))]
    pub concurrency: Option<u16>,
    /// Requests that may wait for a renderer; beyond them the answer is 503 with Retry-After.
    #[arg(long, value_name = "N", default_value_t = 64, env = "VANBAN_QUEUE")]
    pub queue: usize,
    /// Seconds one render (or one wait in the queue) may take; fractions allowed.
    #[arg(long, value_name = "SECONDS", default_value = "30", env = "VANBAN_RENDER_TIMEOUT",
          value_parser = seconds)]
    pub render_timeout: Duration,
    /// Largest request body: bytes, or with KB or MB (1024-based), e.g. 10MB.
    #[arg(long, value_name = "SIZE", default_value = "10MB", env = "VANBAN_BODY_LIMIT",
          value_parser = size)]
    pub body_limit: usize,
    /// The most wards one batch may have; a larger one is answered 413 before its wards are
    /// checked.
    #[arg(long, value_name = "N", default_value_t = vanban::batch::MAX_WARDS,
          env = "VANBAN_MAX_WARDS",
          value_parser = clap::value_parser!(u64).range(1..).map(|n| n as usize))]
    pub max_wards: usize,
    /// Connections open at once; more wait in the listen backlog until one closes (also
    /// capped below the limit on open files).
    #[arg(long, value_name = "N", default_value_t = DEFAULT_MAX_CONNECTIONS as u32,
          env = "VANBAN_MAX_CONNECTIONS",
          value_parser = clap::value_parser!(u32).range(1..=1_000_000))]
    pub max_connections: u32,
    /// Seconds a client has to send a request's headers (from opening the connection, or
    /// from the first byte of a later request); then the connection is closed.
    #[arg(long, value_name = "SECONDS", default_value = "10", env = "VANBAN_HEADER_TIMEOUT",
          value_parser = seconds)]
    pub header_timeout: Duration,
    /// Seconds a kept-alive connection may stay silent between requests; then it is closed.
    #[arg(long, value_name = "SECONDS", default_value = "30", env = "VANBAN_IDLE_TIMEOUT",
          value_parser = seconds)]
    pub idle_timeout: Duration,
    /// Seconds a client has to send a whole request body, from the end of its headers;
    /// past it the answer is 408 (body_timed_out).
    #[arg(long, value_name = "SECONDS", default_value = "60", env = "VANBAN_BODY_TIMEOUT",
          value_parser = seconds)]
    pub body_timeout: Duration,
    /// Seconds a shutdown (SIGTERM, Ctrl-C) waits for the requests in flight; then their
    /// connections are dropped and the server exits.
    #[arg(long, value_name = "SECONDS", default_value = "10", env = "VANBAN_SHUTDOWN_TIMEOUT",
          value_parser = seconds)]
    pub shutdown_timeout: Duration,
    /// Keep offices, accounts and drafts in this database: an SQLite file (created and
    /// migrated on start) or a postgres:// URL. Without it the service keeps nothing.
    #[arg(long, value_name = "FILE-OR-URL", env = "VANBAN_DATABASE")]
    pub database: Option<String>,
    #[command(flatten)]
    pub engine: EngineArgs,
}

/// The database of stored data.
#[derive(Debug, Args)]
pub struct DatabaseArgs {
    /// An SQLite file (created if missing) or a postgres:// URL.
    #[arg(long, value_name = "FILE-OR-URL", env = "VANBAN_DATABASE")]
    pub database: String,
}

#[derive(Debug, Subcommand)]
pub enum OfficeCommand {
    /// Add an office (an issuing body), under the office that supervises it.
    Add(OfficeAddArgs),
}

#[derive(Debug, Args)]
pub struct OfficeAddArgs {
    /// Its short code: lowercase letters and digits joined by -, _ or . (e.g. tam-ky).
    pub code: String,
    /// Its name, e.g. "Ban Chỉ huy Quân sự thành phố Tam Kỳ".
    #[arg(long)]
    pub name: String,
    /// The code of the office that supervises it (a city over its wards), which may then
    /// read its data.
    #[arg(long, value_name = "CODE")]
    pub parent: Option<String>,
    #[command(flatten)]
    pub database: DatabaseArgs,
}

#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Add a person to an office; the password is read from standard input (asked for
    /// twice, unseen, on a terminal).
    Add(UserAddArgs),
    /// Change a person's password, read as for `add`.
    Passwd(UserArgs),
    /// Make a bearer token for scripts (`Authorization: Bearer …`), printed once.
    Token(TokenArgs),
    /// List a person's tokens: each one's label and when it was made.
    Tokens(UserArgs),
    /// Revoke a person's tokens with one label (a lost one), keeping their others.
    Revoke(RevokeArgs),
    /// Stop a person from logging in (they left the office): ends their sessions and
    /// revokes their tokens at once; the audit log keeps their changes under their name.
    Disable(UserArgs),
    /// Let a disabled person log in again, with their password; their old tokens stay
    /// revoked.
    Enable(UserArgs),
}

#[derive(Debug, Args)]
pub struct UserAddArgs {
    /// The login: lowercase letters and digits joined by -, _ or . (e.g. nguyen.van.a).
    pub login: String,
    /// The code of the person's office.
    #[arg(long, value_name = "CODE")]
    pub office: String,
    #[command(flatten)]
    pub database: DatabaseArgs,
}

#[derive(Debug, Args)]
pub struct UserArgs {
    /// The login.
    pub login: String,
    #[command(flatten)]
    pub database: DatabaseArgs,
}

#[derive(Debug, Args)]
pub struct TokenArgs {
    /// The login the token acts as.
    pub login: String,
    /// What the token is for, shown in the audit log.
    #[arg(long, default_value = "script")]
    pub label: String,
    #[command(flatten)]
    pub database: DatabaseArgs,
}

#[derive(Debug, Args)]
pub struct RevokeArgs {
    /// The login whose token to revoke.
    pub login: String,
    /// The label the token was made with (`vanban user tokens LOGIN` lists them).
    #[arg(long)]
    pub label: String,
    #[command(flatten)]
    pub database: DatabaseArgs,
}

#[derive(Debug, Args)]
pub struct BackupArgs {
    /// The copy to write (replaced if it exists).
    #[arg(short, long, value_name = "FILE")]
    pub output: PathBuf,
    #[command(flatten)]
    pub database: DatabaseArgs,
}

#[derive(Debug, Args)]
pub struct WorkerArgs {
    /// The worker's number, shown in its log lines.
    #[arg(long, value_name = "N")]
    pub id: u64,
    #[command(flatten)]
    pub engine: EngineArgs,
}

impl ServeArgs {
    /// How the server takes on connections.
    pub fn connections(&self) -> ConnectionOptions {
        ConnectionOptions {
            header_timeout: self.header_timeout,
            idle_timeout: self.idle_timeout,
            body_timeout: self.body_timeout,
            max_connections: self.max_connections as usize,
            shutdown_timeout: self.shutdown_timeout,
        }
    }
}

/// A positive number of seconds, e.g. `30` or `0.5`.
fn seconds(text: &str) -> Result<Duration, String> {
    let seconds: f64 = text
        .trim()
        .parse()
        .map_err(|_| format!("`{text}` is not a number of seconds"))?;
    if seconds.is_finite() && seconds > 0.0 && seconds <= 86_400.0 {
        Ok(Duration::from_secs_f64(seconds))
    } else {
        Err("must be more than 0 and at most 86400 seconds".to_owned())
    }
}

/// A size in bytes: `1000`, `512KB`, `10MB` (units 1024-based, any case).
fn size(text: &str) -> Result<usize, String> {
    let text = text.trim();
    let lower = text.to_ascii_lowercase();
    let (number, unit) = match lower.find(|c: char| !c.is_ascii_digit()) {
        Some(index) => lower.split_at(index),
        None => (lower.as_str(), ""),
    };
    let unit = match unit.trim() {
        "" | "b" => 1,
        "k" | "kb" | "kib" => 1024,
        "m" | "mb" | "mib" => 1024 * 1024,
        _ => return Err(format!("`{text}`: use bytes, KB or MB, e.g. 10MB")),
    };
    number
        .parse::<usize>()
        .ok()
        .and_then(|n| n.checked_mul(unit))
        .filter(|n| *n > 0)
        .ok_or_else(|| format!("`{text}` is not a size; e.g. 10MB"))
}

/// Documents a batch can add to each ward's report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Extra {
    /// The ward's coordination program (from its `next_program`).
    Agreement,
}

/// The document kinds, by name.
fn kinds() -> impl TypedValueParser<Value = DocumentKind> {
    let names =
        DocumentKind::ALL.map(|kind| PossibleValue::new(kind.name()).help(kind.description()));
    PossibleValuesParser::new(names)
        .map(|name| DocumentKind::named(&name).expect("clap checked the name"))
}

/// The output formats of `render`.
fn formats() -> impl TypedValueParser<Value = Format> {
    PossibleValuesParser::new([
        PossibleValue::new("pdf").help("PDF document"),
        PossibleValue::new("png").help("PNG page previews"),
        PossibleValue::new("svg").help("SVG page previews"),
        PossibleValue::new("typ").help(
            "The generated Typst source (see README: it compiles with the official typst CLI)",
        ),
    ])
    .map(|name| match name.as_str() {
        "png" => Format::Png,
        "svg" => Format::Svg,
        "typ" => Format::Typ,
        _ => Format::Pdf,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes() {
        assert_eq!(size("1000"), Ok(1000));
        assert_eq!(size("512KB"), Ok(512 * 1024));
        assert_eq!(size("10mb"), Ok(10 * 1024 * 1024));
        assert_eq!(size("10 MB"), Ok(10 * 1024 * 1024));
        assert!(size("0").is_err());
        assert!(size("10GB").is_err());
        assert!(size("MB").is_err());
    }

    #[test]
    fn connection_defaults_are_the_library_s() {
        let args = Cli::parse_from(["vanban", "serve"]);
        let Command::Serve(serve) = args.command else {
            panic!("not serve");
        };
        let defaults = ConnectionOptions::default();
        let given = serve.connections();
        assert_eq!(given.header_timeout, defaults.header_timeout);
        assert_eq!(given.idle_timeout, defaults.idle_timeout);
        assert_eq!(given.body_timeout, defaults.body_timeout);
        assert_eq!(given.max_connections, defaults.max_connections);
        assert_eq!(given.shutdown_timeout, defaults.shutdown_timeout);
    }

    #[test]
    fn timeouts() {
        assert_eq!(seconds("30"), Ok(Duration::from_secs(30)));
        assert_eq!(seconds("0.5"), Ok(Duration::from_millis(500)));
        assert!(seconds("0").is_err());
        assert!(seconds("-1").is_err());
        assert!(seconds("soon").is_err());
    }
}
