//! The kinds of problem, with their parameters, stable codes and classes.

use chrono::NaiveDate;
use serde_json::Value;

use super::Class;
use crate::model::Authority;

/// Every problem vanban reports. Values a problem quotes (text, numbers, keys) are kept as
/// they are; the wording is `english` and `vietnamese`.
#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    // Text in the year data.
    /// Blank text (spaces, invisible characters only).
    TextEmpty,
    /// A bidirectional control character.
    DirectionControl { character: char },
    /// A line break in a one-line field.
    MultipleLines,
    /// A word longer than fits where it prints.
    WordTooLong {
        length: usize,
        limit: usize,
        place: Place,
    },

    // The year data against its schema.
    UnknownField,
    MissingField,
    WrongType { expected: Vec<Expected>, found: Found },
    /// Below the minimum; both numbers as JSON.
    TooSmall { limit: String, found: String },
    /// Above the maximum; both numbers as JSON.
    TooLarge { limit: String, found: String },
    TooFewItems { limit: u64 },
    TooManyItems { limit: u64 },
    TooLong { limit: u64 },
    /// Not a document symbol (ký hiệu) part such as "BCHQS".
    NotASymbol { found: String },
    /// Not a real date as YYYY-MM-DD; `found` as JSON.
    NotADate { found: String },
    /// Not one of the allowed values; both as JSON.
    NotOneOf { options: String, found: String },
    /// Any other schema violation; `found` as JSON.
    NotValid { found: String },

    // The rules a schema cannot say.
    BadId,
    DuplicateId { id: String },
    MoneyTotalTooLarge { limit: u64 },
    /// A date outside the year under review and the next.
    OutsideReviewYears { year: i32, found: NaiveDate },
    BadKey,
    DuplicateKey { key: String },
    /// `{name}` in a text names no figure of the list `figures`, whose keys are `keys`.
    UnknownPlaceholder {
        name: String,
        figures: Figures,
        keys: Vec<String>,
    },
    AmountAndCount,
    NoAmountOrCount,
    UnitWithAmount,
    UnitMissing,
    OnBehalfOfWithActing,
    OnBehalfOfMissing { authority: Authority },
    AuthorityMissing,
    PartnerLeads { party: String },
    PartnerTwice { party: String },
    ResponsibilityTwice { party: String },
    MidyearNotBeforeYearEnd,
    NotASigningParty { party: String, parties: Vec<String> },
    OutsideProgramYear { year: i32, found: NaiveDate },

    // What rendering checks.
    NoProgram,
    NoGlyph { character: char },

    // Input that is not year data.
    NotUtf8 { line: usize, column: usize },
    /// Malformed JSON: the character found where it does not fit, `None` when the text ends
    /// too early.
    JsonSyntax {
        line: usize,
        column: usize,
        found: Option<char>,
    },
    DataProblems { count: usize },

    // Batches.
    NoWards,
    WardUnnamed,
    ReservedFileName { slug: String },
    SameFileName { slug: String, other: super::Location },
    UnknownFigure { key: String, keys: Vec<String> },
    NotShared { key: String },
    KeyUsedTwice { key: String },
    FileUnreadable { file: String, reason: IoReason },
    WardsFailed { failed: usize, wards: usize },
    /// The command line's: some wards were left out of the ZIP.
    WardsLeftOut { failed: usize, wards: usize },
    StoppedAtWard { ward: String },
    RollupFailed,
    DirectoryEmpty,
    DirectoryProblems { count: usize },

    // Sheets of wards.
    NotAWorkbook,
    NoWorksheet,
    /// Not CSV in UTF-8; the line where reading stopped, when known.
    NotCsv { line: Option<u64> },
    SheetProblems { count: usize },
    NotAHeader { found: CellValue },
    UnknownColumn {
        columns: Vec<String>,
        keys: Vec<String>,
    },
    SameHeader { column: String },
    MissingColumn { header: String },
    SheetEmpty,
    SheetWithoutWards,
    ValueWithoutHeader,
    NotText { found: CellValue },
    NotWholeNumber { found: CellValue },
    NotADateCell { found: CellValue },

    // A render or batch request, from the command line or HTTP.
    PageNeedsPng,
    PdfOptionsNeedPdf,
    PageFromOne,
    DpiOutOfRange { min: u16, max: u16 },
    NoPage { page: usize, pages: usize },
    NoDocumentKind { kind: String, kinds: Vec<String> },
    UnknownParameter { name: String, known: Vec<String> },
    ParameterTwice { name: String },
    BadParameter {
        name: String,
        expected: Expected,
        found: String,
    },

    // The command line's own.
    FieldsJsonWithoutFields,
    PngToStdoutNeedsPage,
    OtherSheetFormat { file: String },
    SheetNeedsShared { file: String },
    DirectoryNeedsShared { file: String },
    SharedWithBatchFile { file: String },
    CannotWrite { file: String, reason: IoReason },
    /// A file `vanban fields` cannot read as a PDF.
    NotAPdf,
    CannotServe { addr: String },

    // The HTTP service's own.
    NotJson { media: Option<String> },
    NotABatch,
    BodyTooLarge { limit: usize },
    BodyUnreadable,
    FormUnreadable,
    FormPartTwice { part: String },
    FormPartUnexpected { part: String },
    FormWithoutShared,
    FormWithoutSheet,
    SheetPartFormat,
    NoRoute { path: String },
    MethodNotAllowed,
    NoStaticFile { file: String },
    Busy,
    TimedOut { seconds: f64 },

    // Faults.
    /// A template, or the Typst it writes, fails; `detail` is the template engine's or
    /// Typst's own report (file, line, what), kept as it is.
    Template { detail: String },
    /// Typst refuses what a template wrote; `detail` is Typst's report.
    Typesetting { detail: String },
    Internal,

    /// `problem` in one part of a request (the shared batch file, the roll-up, the sheet).
    Within { part: Part, problem: Box<Kind> },
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
    NotFound,
    PermissionDenied,
    Other,
}

impl From<&std::io::Error> for IoReason {
    fn from(error: &std::io::Error) -> Self {
        match error.kind() {
            std::io::ErrorKind::NotFound => IoReason::NotFound,
            std::io::ErrorKind::PermissionDenied => IoReason::PermissionDenied,
            _ => IoReason::Other,
        }
    }
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
    /// The stable code programs match on (listed in README).
    pub fn code(&self) -> &'static str {
        match self {
            Kind::TextEmpty => "text_empty",
            Kind::DirectionControl { .. } => "text_direction_control",
            Kind::MultipleLines => "text_multiple_lines",
            Kind::WordTooLong { .. } => "text_word_too_long",
            Kind::UnknownField => "unknown_field",
            Kind::MissingField => "missing_field",
            Kind::WrongType { .. } => "wrong_type",
            Kind::TooSmall { .. } => "too_small",
            Kind::TooLarge { .. } => "too_large",
            Kind::TooFewItems { .. } => "too_few_items",
            Kind::TooManyItems { .. } => "too_many_items",
            Kind::TooLong { .. } => "too_long",
            Kind::NotASymbol { .. } => "not_a_symbol",
            Kind::NotADate { .. } => "not_a_date",
            Kind::NotOneOf { .. } => "not_one_of",
            Kind::NotValid { .. } => "not_valid",
            Kind::BadId => "bad_id",
            Kind::DuplicateId { .. } => "duplicate_id",
            Kind::MoneyTotalTooLarge { .. } => "money_total_too_large",
            Kind::OutsideReviewYears { .. } => "outside_review_years",
            Kind::BadKey => "bad_key",
            Kind::DuplicateKey { .. } => "duplicate_key",
            Kind::UnknownPlaceholder { .. } => "unknown_placeholder",
            Kind::AmountAndCount => "amount_and_count",
            Kind::NoAmountOrCount => "no_amount_or_count",
            Kind::UnitWithAmount => "unit_with_amount",
            Kind::UnitMissing => "unit_missing",
            Kind::OnBehalfOfWithActing => "on_behalf_of_with_acting",
            Kind::OnBehalfOfMissing { .. } => "on_behalf_of_missing",
            Kind::AuthorityMissing => "authority_missing",
            Kind::PartnerLeads { .. } => "partner_leads",
            Kind::PartnerTwice { .. } => "partner_twice",
            Kind::ResponsibilityTwice { .. } => "responsibility_twice",
            Kind::MidyearNotBeforeYearEnd => "midyear_not_before_year_end",
            Kind::NotASigningParty { .. } => "not_a_signing_party",
            Kind::OutsideProgramYear { .. } => "outside_program_year",
            Kind::NoProgram => "no_program",
            Kind::NoGlyph { .. } => "no_glyph",
            Kind::NotUtf8 { .. } => "not_utf8",
            Kind::JsonSyntax { .. } => "json_syntax",
            Kind::DataProblems { .. } => "data_problems",
            Kind::NoWards => "no_wards",
            Kind::WardUnnamed => "ward_unnamed",
            Kind::ReservedFileName { .. } => "reserved_file_name",
            Kind::SameFileName { .. } => "same_file_name",
            Kind::UnknownFigure { .. } => "unknown_figure",
            Kind::NotShared { .. } => "not_shared",
            Kind::KeyUsedTwice { .. } => "key_used_twice",
            Kind::FileUnreadable { .. } => "file_unreadable",
            Kind::WardsFailed { .. } => "wards_failed",
            Kind::WardsLeftOut { .. } => "wards_left_out",
            Kind::StoppedAtWard { .. } => "stopped_at_ward",
            Kind::RollupFailed => "rollup_failed",
            Kind::DirectoryEmpty => "directory_empty",
            Kind::DirectoryProblems { .. } => "directory_problems",
            Kind::NotAWorkbook => "not_a_workbook",
            Kind::NoWorksheet => "no_worksheet",
            Kind::NotCsv { .. } => "not_csv",
            Kind::SheetProblems { .. } => "sheet_problems",
            Kind::NotAHeader { .. } => "not_a_header",
            Kind::UnknownColumn { .. } => "unknown_column",
            Kind::SameHeader { .. } => "same_header",
            Kind::MissingColumn { .. } => "missing_column",
            Kind::SheetEmpty => "sheet_empty",
            Kind::SheetWithoutWards => "sheet_without_wards",
            Kind::ValueWithoutHeader => "value_without_header",
            Kind::NotText { .. } => "not_text",
            Kind::NotWholeNumber { .. } => "not_whole_number",
            Kind::NotADateCell { .. } => "not_a_date_cell",
            Kind::PageNeedsPng => "page_needs_png",
            Kind::PdfOptionsNeedPdf => "pdf_options_need_pdf",
            Kind::PageFromOne => "page_from_one",
            Kind::DpiOutOfRange { .. } => "dpi_out_of_range",
            Kind::NoPage { .. } => "no_page",
            Kind::NoDocumentKind { .. } => "no_document_kind",
            Kind::UnknownParameter { .. } => "unknown_parameter",
            Kind::ParameterTwice { .. } => "parameter_twice",
            Kind::BadParameter { .. } => "bad_parameter",
            Kind::FieldsJsonWithoutFields => "fields_json_without_fields",
            Kind::PngToStdoutNeedsPage => "png_to_stdout_needs_page",
            Kind::OtherSheetFormat { .. } => "other_sheet_format",
            Kind::SheetNeedsShared { .. } => "sheet_needs_shared",
            Kind::DirectoryNeedsShared { .. } => "directory_needs_shared",
            Kind::SharedWithBatchFile { .. } => "shared_with_batch_file",
            Kind::CannotWrite { .. } => "cannot_write",
            Kind::NotAPdf => "not_a_pdf",
            Kind::CannotServe { .. } => "cannot_serve",
            Kind::NotJson { .. } => "not_json",
            Kind::NotABatch => "not_a_batch",
            Kind::BodyTooLarge { .. } => "body_too_large",
            Kind::BodyUnreadable => "body_unreadable",
            Kind::FormUnreadable => "form_unreadable",
            Kind::FormPartTwice { .. } => "form_part_twice",
            Kind::FormPartUnexpected { .. } => "form_part_unexpected",
            Kind::FormWithoutShared => "form_without_shared",
            Kind::FormWithoutSheet => "form_without_sheet",
            Kind::SheetPartFormat => "sheet_part_format",
            Kind::NoRoute { .. } => "no_route",
            Kind::MethodNotAllowed => "method_not_allowed",
            Kind::NoStaticFile { .. } => "no_static_file",
            Kind::Busy => "busy",
            Kind::TimedOut { .. } => "timed_out",
            Kind::Template { .. } => "template",
            Kind::Typesetting { .. } => "typesetting",
            Kind::Internal => "internal",
            Kind::Within { problem, .. } => problem.code(),
        }
    }

    /// Whose fault the problem is.
    pub fn class(&self) -> Class {
        match self {
            Kind::Template { .. } | Kind::Typesetting { .. } => Class::Template,
            Kind::Internal
            | Kind::Busy
            | Kind::TimedOut { .. }
            | Kind::CannotWrite { .. }
            | Kind::CannotServe { .. } => Class::Internal,
            Kind::PageNeedsPng
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
            | Kind::NotABatch
            | Kind::BodyTooLarge { .. }
            | Kind::BodyUnreadable
            | Kind::FormUnreadable
            | Kind::FormPartTwice { .. }
            | Kind::FormPartUnexpected { .. }
            | Kind::FormWithoutShared
            | Kind::FormWithoutSheet
            | Kind::SheetPartFormat
            | Kind::NoRoute { .. }
            | Kind::MethodNotAllowed
            | Kind::NoStaticFile { .. } => Class::Request,
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
