//! The kinds of problem, with their parameters, stable codes and classes.

use chrono::NaiveDate;
use serde_json::Value;

use super::Class;
use crate::model::Authority;

/// Every problem vanban reports. Values a problem quotes (text, numbers, keys) are kept as
/// they are; the wording is `english` and `vietnamese`, the code the variant's name.
#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    // Text in the year data.
    /// Blank text (spaces, invisible characters only).
    TextEmpty,
    /// A bidirectional control character.
    DirectionControl {
        character: char,
    },
    /// A word longer than fits where it prints.
    WordTooLong {
        length: usize,
        limit: usize,
        place: Place,
    },
    /// A character that never prints and that tidying keeps: a control character (NUL and
    /// the other C0 and C1 controls), an invisible operator, a tag character, a noncharacter.
    InvisibleCharacter {
        character: char,
    },

    // The year data against its schema.
    UnknownField,
    MissingField,
    WrongType {
        expected: Vec<Expected>,
        found: Found,
    },
    /// Below the minimum; both numbers as JSON.
    TooSmall {
        limit: String,
        found: String,
    },
    /// Above the maximum; both numbers as JSON.
    TooLarge {
        limit: String,
        found: String,
    },
    TooFewItems {
        limit: u64,
    },
    TooManyItems {
        limit: u64,
    },
    TooLong {
        limit: u64,
    },
    /// More text in all than one document may hold (`length` characters, at most `limit`).
    DocumentTooLong {
        length: usize,
        limit: usize,
    },
    /// More figures in all than one document may hold.
    TooManyFigures {
        found: usize,
        limit: usize,
    },
    /// A field written a second time in the same object (JSON keeps only the last); where
    /// each of the two is, by line and column.
    FieldTwice {
        first_line: usize,
        first_column: usize,
        line: usize,
        column: usize,
    },
    /// Not a document symbol (ký hiệu) part such as "BCHQS".
    NotASymbol {
        found: String,
    },
    /// Not a real date as YYYY-MM-DD; `found` as JSON.
    NotADate {
        found: String,
    },
    /// Not one of the allowed values; both as JSON.
    NotOneOf {
        options: String,
        found: String,
    },
    /// Any other schema violation; `found` as JSON.
    NotValid {
        found: String,
    },

    // The rules a schema cannot say.
    BadId,
    DuplicateId {
        id: String,
    },
    MoneyTotalTooLarge {
        limit: u64,
    },
    /// A date outside the year under review and the next.
    OutsideReviewYears {
        year: i32,
        found: NaiveDate,
    },
    BadKey,
    DuplicateKey {
        key: String,
    },
    /// `{name}` in a text names no figure of the list `figures`, whose keys are `keys`.
    UnknownPlaceholder {
        name: String,
        figures: Figures,
        keys: Vec<String>,
    },
    /// More than one of `amount`, `count`, `percent` and `ratio`.
    MoreThanOneValue,
    /// None of `amount`, `count`, `percent` and `ratio`.
    NoValue,
    /// A `unit` on money or a percentage.
    UnitNotCounted,
    UnitMissing,
    TableUnitWithoutUnit,
    /// A ratio's part larger than its whole.
    PartOverWhole {
        part: u64,
        whole: u64,
    },
    /// `{name}` in a text followed by `words`, which its `unit` already prints.
    RepeatedUnit {
        name: String,
        words: String,
        unit: String,
    },
    /// A report on a period (`tong_ket_giai_doan`) without its first year.
    FirstYearMissing,
    /// A period's first year not before its last, the year under review.
    FirstYearNotBefore {
        year: i32,
        found: i32,
    },
    /// A first year on a report that is not on a period.
    FirstYearWithoutPeriod,
    /// A program reference's symbol without its number.
    NotAProgramNumber,
    /// A program issued after the report on it.
    ProgramAfterReport {
        date: NaiveDate,
    },
    /// The date line's place with more than the place name; `suggestion` is the name alone.
    PlaceNotAlone {
        suggestion: String,
    },
    OnBehalfOfWithActing,
    OnBehalfOfMissing {
        authority: Authority,
    },
    AuthorityMissing,
    PartnerLeads {
        party: String,
    },
    PartnerTwice {
        party: String,
    },
    ResponsibilityTwice {
        party: String,
    },
    MidyearNotBeforeYearEnd,
    NotASigningParty {
        party: String,
        parties: Vec<String>,
    },
    OutsideProgramYear {
        year: i32,
        found: NaiveDate,
    },

    // This year's program against the report.
    /// A report figure that answers a target of this year's program but measures something
    /// else: money against a count, another unit.
    TargetMeasureMismatch {
        key: String,
        target: Box<Measure>,
        found: Box<Measure>,
    },
    /// A percentage or ratio target answered by more than one figure of the report
    /// (percentages and ratios are never added).
    TargetMeasuredTwice {
        key: String,
    },
    /// `--program FILE`: the file's year is not the one before the report's.
    ProgramFileYear {
        file: String,
        year: i32,
        found: i32,
    },
    /// `--program FILE`: the file has no next year's program.
    ProgramFileWithoutProgram {
        file: String,
        year: i32,
    },
    /// `--program FILE` with year data that has its own `program`.
    ProgramGivenTwice {
        file: String,
    },

    // What rendering checks.
    NoProgram,
    NoGlyph {
        character: char,
    },

    // Input that is not year data.
    NotUtf8 {
        line: usize,
        column: usize,
    },
    /// Malformed JSON: the character found where it does not fit, `None` when the text ends
    /// too early.
    JsonSyntax {
        line: usize,
        column: usize,
        found: Option<char>,
    },
    DataProblems {
        count: usize,
    },
    /// A batch file (its wards and shared data) that is not a valid batch.
    BatchFileProblems {
        count: usize,
    },

    // Batches.
    NoWards,
    WardUnnamed,
    /// A ward's name that does not start with the kind of unit; `kinds` lists the kinds and
    /// their abbreviations.
    NoUnitKind {
        kinds: String,
    },
    /// A figure keyed as a placeholder a batch fills in (`level`, `unit`).
    PlaceholderKey {
        key: String,
    },
    ReservedFileName {
        slug: String,
    },
    SameFileName {
        slug: String,
        other: super::Location,
    },
    UnknownFigure {
        key: String,
        keys: Vec<String>,
    },
    NotShared {
        key: String,
    },
    KeyUsedTwice {
        key: String,
    },
    FileUnreadable {
        file: String,
        reason: IoReason,
    },
    WardsFailed {
        failed: usize,
        wards: usize,
    },
    /// The command line's: some wards were left out of the ZIP.
    WardsLeftOut {
        failed: usize,
        wards: usize,
    },
    StoppedAtWard {
        ward: String,
    },
    RollupFailed,
    /// No ward of the batch is valid, so there is no roll-up; each ward's errors follow.
    NoValidWard {
        wards: usize,
    },
    /// A batch with more wards than one batch may have (`--max-wards`).
    TooManyWards {
        wards: usize,
        limit: usize,
    },
    /// Agreements asked for, and no ward has next year's program.
    WardsWithoutProgram,
    /// Agreements asked for in a stored batch, and neither the batch file's shared data nor
    /// any office's stored data has next year's program.
    OfficesWithoutProgram,
    DirectoryEmpty,
    DirectoryProblems {
        count: usize,
    },
    /// A `.json` entry of a directory batch that is not a plain file in it (a link, a folder,
    /// a pipe, a device): it is refused rather than followed or skipped.
    NotAPlainFile {
        what: SpecialFile,
    },
    /// A ward's year-data file larger than the limit, refused before it is read.
    WardFileTooLarge {
        limit_mb: usize,
    },

    // Sheets of wards.
    NotAWorkbook,
    NoWorksheet,
    /// Not CSV in UTF-8; the line where reading stopped, when known.
    NotCsv {
        line: Option<u64>,
    },
    SheetProblems {
        count: usize,
    },
    /// A sheet file (.xlsx or .csv) larger than the limit.
    SheetFileTooLarge {
        limit_mb: usize,
    },
    /// A workbook whose parts unpack to more than the limit.
    WorkbookTooLarge {
        limit_mb: usize,
    },
    /// A workbook with a part packed more tightly than any spreadsheet program writes (a ZIP
    /// bomb).
    WorkbookTooCompressed {
        ratio: usize,
    },
    /// A cell with a value past the last row or column a sheet of wards may have.
    SheetTooLarge {
        rows: usize,
        last_column: String,
    },
    NotAHeader {
        found: CellValue,
    },
    UnknownColumn {
        columns: Vec<String>,
        keys: Vec<String>,
    },
    SameHeader {
        column: String,
    },
    MissingColumn {
        header: String,
    },
    SheetEmpty,
    SheetWithoutWards,
    ValueWithoutHeader,
    NotText {
        found: CellValue,
    },
    NotWholeNumber {
        found: CellValue,
    },
    NotADateCell {
        found: CellValue,
    },

    // A render or batch request, from the command line or HTTP.
    PageNeedsPng,
    /// A resolution asked for an SVG page.
    DpiNeedsPng,
    PdfOptionsNeedPdf,
    PageFromOne,
    DpiOutOfRange {
        min: u16,
        max: u16,
    },
    NoPage {
        page: usize,
        pages: usize,
    },
    NoDocumentKind {
        kind: String,
        kinds: Vec<String>,
    },
    UnknownParameter {
        name: String,
        known: Vec<String>,
    },
    ParameterTwice {
        name: String,
    },
    BadParameter {
        name: String,
        expected: Expected,
        found: String,
    },

    // The command line's own.
    FieldsJsonWithoutFields,
    PngToStdoutNeedsPage,
    OtherSheetFormat {
        file: String,
    },
    SheetNeedsShared {
        file: String,
    },
    DirectoryNeedsShared {
        file: String,
    },
    SharedWithBatchFile {
        file: String,
    },
    CannotWrite {
        file: String,
        reason: IoReason,
    },
    /// A file `vanban fields` cannot read as a PDF.
    NotAPdf,
    /// A PDF larger than `vanban fields` reads.
    PdfTooLarge {
        limit_mb: u64,
    },
    /// A PDF whose form fields nest deeper than `vanban fields` follows.
    PdfFieldsTooDeep {
        limit: usize,
    },
    /// A PDF whose form has more fields and widgets than `vanban fields` looks at.
    PdfFieldsTooMany {
        limit: usize,
    },
    /// A PDF form field whose full name is longer than `vanban fields` reads.
    PdfFieldNameTooLong {
        limit: usize,
    },
    /// A PDF form field among its own ancestors (a loop in `/Kids`).
    PdfFieldLoop,
    CannotServe {
        addr: String,
    },

    // The HTTP service's own.
    NotJson {
        media: Option<String>,
    },
    /// The batch file of `POST /v1/batches/template` not sent as JSON.
    BatchNotJson {
        media: Option<String>,
    },
    NotABatch,
    BodyTooLarge {
        limit: usize,
    },
    BodyUnreadable,
    /// A request body that did not arrive whole within the body timeout (a trickle).
    BodyTimedOut {
        seconds: f64,
    },
    /// A body sent compressed (`Content-Encoding` other than `identity`).
    ContentEncoding {
        encoding: String,
    },
    /// A request target longer than the limit, in bytes.
    UriTooLong {
        limit: usize,
    },
    /// Request headers larger in all than `bytes`, or more than `count` of them.
    HeadersTooLarge {
        bytes: usize,
        count: usize,
    },
    /// A request the service cannot read that no other kind names (a path segment that is
    /// not UTF-8 once decoded, …).
    MalformedRequest,
    FormUnreadable,
    FormPartTwice {
        part: String,
    },
    FormPartUnexpected {
        part: String,
    },
    FormWithoutShared,
    FormWithoutSheet,
    SheetPartFormat,
    NoRoute {
        path: String,
    },
    MethodNotAllowed,
    NoStaticFile {
        file: String,
    },
    Busy,
    TimedOut {
        seconds: f64,
    },

    // Stored data: offices, accounts, drafts.
    /// A stored-data route on a server started without `--database`.
    NoDatabase,
    /// A database that cannot be opened or migrated, by its location (a URL's password is
    /// never part of it).
    DatabaseUnavailable {
        location: String,
    },
    /// `vanban backup` on a PostgreSQL database (PostgreSQL has `pg_dump`).
    BackupNeedsSqlite,
    /// A request to stored data without a valid session or token.
    NotLoggedIn,
    /// A login and password that do not match (or a login that does not exist).
    WrongLogin,
    /// Too many failed logins in a short while: try again after `minutes` at most.
    TooManyLogins {
        minutes: i64,
    },
    /// A change asked for with a session cookie but without its CSRF token.
    CsrfTokenMissing,
    /// An office's code that is not lowercase letters and digits joined by `-`, `_` or `.`.
    NotAnOfficeCode {
        found: String,
    },
    OfficeExists {
        code: String,
    },
    /// An office that does not exist, or that the person asking may not read.
    NoSuchOffice {
        code: String,
    },
    NotALogin {
        found: String,
    },
    LoginExists {
        login: String,
    },
    NoSuchLogin {
        login: String,
    },
    /// A token asked for a person who is disabled.
    UserDisabled {
        login: String,
    },
    /// No token of `login`'s has the label `label`.
    NoSuchToken {
        login: String,
        label: String,
    },
    PasswordTooShort {
        min: usize,
    },
    /// A new password typed twice, differently.
    PasswordsDiffer,
    /// A year no draft was saved for.
    NoSuchDraft {
        year: i64,
    },
    NoSuchRevision {
        year: i64,
        revision: i64,
    },
    /// A save from revision `base` when `current` (saved by `saved_by`) is the latest.
    RevisionConflict {
        year: i64,
        base: i64,
        current: i64,
        saved_by: String,
    },
    /// A place changed since the revision an edit started from, in revision `revision`.
    ChangedSince {
        revision: i64,
    },
    /// Year data saved under a year that is not its own.
    DraftYearMismatch {
        year: i64,
        found: i64,
    },
    /// An office's stored data that the person may read but not change (a subordinate's).
    ReadOnlyOffice {
        code: String,
    },
    /// A number of the office's series for `series` (a year) already given to the document
    /// `earlier`, dated `dated`; `next` is the next number not given.
    NumberTaken {
        number: i64,
        series: i64,
        earlier: String,
        dated: NaiveDate,
        issued_by: String,
        next: i64,
    },
    /// No office directly under the caller's has data stored for `year`.
    NoSubordinateDrafts {
        year: i64,
    },
    /// No document `id` in the office's register.
    NoSuchDocument {
        id: i64,
    },
    /// An issued document has no version `version`.
    NoSuchVersion {
        symbol: String,
        version: i64,
    },
    /// An upload that is not version `version` of the issued document with signatures added
    /// after its bytes.
    NotTheIssuedDocument {
        symbol: String,
        version: i64,
    },
    /// A signed copy made from version `based_on` when version `latest` was added since.
    SignedFromOlderVersion {
        symbol: String,
        based_on: i64,
        latest: i64,
    },
    /// A copy that adds no signature to the `signed` fields signed before.
    NoNewSignature {
        symbol: String,
        signed: usize,
    },

    // Faults.
    /// A template, or the Typst it writes, fails; `detail` is the template engine's or
    /// Typst's own report (file, line, what), kept as it is.
    Template {
        detail: String,
    },
    /// Typst refuses what a template wrote; `detail` is Typst's report.
    Typesetting {
        detail: String,
    },
    Internal,

    /// `problem` in one part of a request (the shared batch file, the roll-up, the sheet).
    Within {
        part: Part,
        problem: Box<Kind>,
    },
}

/// Where a word must fit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    Paragraph,
    OneLineField,
    TableCell,
}

/// The list of figures a placeholder names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Figures {
    Quantities,
    Targets,
}

/// What a figure measures, as a problem about a program's target names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Measure {
    Money,
    /// A count of things in this unit.
    Count(String),
    Percent,
    /// A part of a whole counted in this unit.
    Ratio(String),
}

/// A part of a request that has problems of its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    SharedFile,
    Rollup,
    Sheet,
}

/// What a value must be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expected {
    WholeNumber,
    Number,
    Text,
    List,
    Object,
    TrueOrFalse,
    Null,
    /// One of these words.
    OneOf(Vec<String>),
}

/// A JSON value, as a problem describes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    Null,
    Bool(bool),
    Number(String),
    Fraction(String),
    /// Text, quoted as JSON.
    Text(String),
    List,
    Object,
}

impl Found {
    /// How `value` is described.
    pub fn of(value: &Value) -> Found {
        match value {
            Value::Null => Found::Null,
            Value::Bool(value) => Found::Bool(*value),
            Value::Number(n) if n.is_f64() => Found::Fraction(n.to_string()),
            Value::Number(n) => Found::Number(n.to_string()),
            Value::String(_) => Found::Text(value.to_string()),
            Value::Array(_) => Found::List,
            Value::Object(_) => Found::Object,
        }
    }
}

/// A sheet's cell, as a problem describes it.
#[derive(Debug, Clone, PartialEq)]
pub enum CellValue {
    Empty,
    Text(String),
    Number(f64),
    Date(NaiveDate),
    /// A date with a time of day, as `2022-10-28 12:00`.
    DateTime(String),
    Duration,
    Bool(bool),
    /// A formula's error, `#DIV/0!`.
    Error(String),
}

/// Why a file cannot be read or written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IoReason {
    /// The file, or for a file to write its folder, does not exist.
    NotFound,
    PermissionDenied,
    /// The disk (or the user's quota) is full.
    DiskFull,
    ReadOnly,
    /// A folder where a file was expected.
    Folder,
    Other,
}

impl From<&std::io::Error> for IoReason {
    fn from(error: &std::io::Error) -> Self {
        match error.kind() {
            std::io::ErrorKind::NotFound => IoReason::NotFound,
            std::io::ErrorKind::PermissionDenied => IoReason::PermissionDenied,
            std::io::ErrorKind::StorageFull | std::io::ErrorKind::QuotaExceeded => {
                IoReason::DiskFull
            }
            std::io::ErrorKind::ReadOnlyFilesystem => IoReason::ReadOnly,
            std::io::ErrorKind::IsADirectory => IoReason::Folder,
            _ => IoReason::Other,
        }
    }
}

/// What a directory entry is when it is not a plain file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpecialFile {
    /// A symbolic link, wherever it points (or to nothing).
    Link,
    Folder,
    /// A named pipe (FIFO).
    Pipe,
    /// A character or block device.
    Device,
    Socket,
}

/// What to do next, printed after a problem.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hint {
    /// `vanban schema` lists the fields.
    Schema,
    /// The input must be JSON in UTF-8.
    JsonInUtf8,
    /// How to run a batch from a sheet.
    SheetCommand,
    /// `--allow-partial`.
    AllowPartial,
}

impl Kind {
    /// The code programs match on: the kind's name in snake case (`text_empty`), listed in
    /// README; the code of a problem in a part of a request is its problem's.
    pub fn code(&self) -> String {
        if let Kind::Within { problem, .. } = self {
            return problem.code();
        }
        let debug = format!("{self:?}");
        let name = debug.split(|c: char| !c.is_ascii_alphanumeric()).next();
        let mut code = String::new();
        for c in name.unwrap_or_default().chars() {
            if c.is_ascii_uppercase() && !code.is_empty() {
                code.push('_');
            }
            code.push(c.to_ascii_lowercase());
        }
        code
    }

    /// Whose fault the problem is.
    pub fn class(&self) -> Class {
        match self {
            Kind::Template { .. } | Kind::Typesetting { .. } => Class::Template,
            Kind::Internal
            | Kind::Busy
            | Kind::TimedOut { .. }
            | Kind::CannotWrite { .. }
            | Kind::CannotServe { .. }
            | Kind::DatabaseUnavailable { .. } => Class::Internal,
            Kind::PageNeedsPng
            | Kind::DpiNeedsPng
            | Kind::PdfOptionsNeedPdf
            | Kind::PageFromOne
            | Kind::DpiOutOfRange { .. }
            | Kind::NoPage { .. }
            | Kind::NoDocumentKind { .. }
            | Kind::UnknownParameter { .. }
            | Kind::ParameterTwice { .. }
            | Kind::BadParameter { .. }
            | Kind::FieldsJsonWithoutFields
            | Kind::PngToStdoutNeedsPage
            | Kind::OtherSheetFormat { .. }
            | Kind::SheetNeedsShared { .. }
            | Kind::DirectoryNeedsShared { .. }
            | Kind::SharedWithBatchFile { .. }
            | Kind::NotJson { .. }
            | Kind::BatchNotJson { .. }
            | Kind::NotABatch
            | Kind::BodyTooLarge { .. }
            | Kind::BodyUnreadable
            | Kind::BodyTimedOut { .. }
            | Kind::ContentEncoding { .. }
            | Kind::UriTooLong { .. }
            | Kind::HeadersTooLarge { .. }
            | Kind::MalformedRequest
            | Kind::FormUnreadable
            | Kind::FormPartTwice { .. }
            | Kind::FormPartUnexpected { .. }
            | Kind::FormWithoutShared
            | Kind::FormWithoutSheet
            | Kind::SheetPartFormat
            | Kind::NoRoute { .. }
            | Kind::MethodNotAllowed
            | Kind::NoStaticFile { .. }
            | Kind::NoDatabase
            | Kind::BackupNeedsSqlite
            | Kind::NotLoggedIn
            | Kind::WrongLogin
            | Kind::TooManyLogins { .. }
            | Kind::CsrfTokenMissing
            | Kind::NotAnOfficeCode { .. }
            | Kind::OfficeExists { .. }
            | Kind::NoSuchOffice { .. }
            | Kind::NotALogin { .. }
            | Kind::LoginExists { .. }
            | Kind::NoSuchLogin { .. }
            | Kind::UserDisabled { .. }
            | Kind::NoSuchToken { .. }
            | Kind::PasswordTooShort { .. }
            | Kind::PasswordsDiffer
            | Kind::NoSuchDraft { .. }
            | Kind::NoSuchRevision { .. }
            | Kind::RevisionConflict { .. }
            | Kind::ReadOnlyOffice { .. }
            | Kind::NumberTaken { .. }
            | Kind::NoSuchDocument { .. }
            | Kind::NoSuchVersion { .. }
            | Kind::NoSubordinateDrafts { .. }
            | Kind::SignedFromOlderVersion { .. } => Class::Request,
            Kind::FileUnreadable { .. } => Class::Internal,
            Kind::Within { problem, .. } => problem.class(),
            _ => Class::Data,
        }
    }

    /// What to do next, when there is more to say than the problem.
    pub fn hint(&self) -> Option<Hint> {
        match self {
            Kind::DataProblems { .. } => Some(Hint::Schema),
            Kind::NotUtf8 { .. } | Kind::JsonSyntax { .. } => Some(Hint::JsonInUtf8),
            Kind::SheetNeedsShared { .. } => Some(Hint::SheetCommand),
            Kind::WardsLeftOut { .. } => Some(Hint::AllowPartial),
            Kind::Within { problem, .. } => problem.hint(),
            _ => None,
        }
    }
}
