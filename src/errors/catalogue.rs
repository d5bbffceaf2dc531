//! The catalogue: every problem, location and hint put into words from `locales/en.ftl` and
//! `locales/vi.ftl`, Fluent files whose message ids are the kinds' codes. This module only
//! gives each message the values it quotes.

use std::sync::LazyLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

use super::kind::{
    CellValue, Expected, Figures, Found, Hint, IoReason, Kind, Measure, Part, Place, SpecialFile,
};
use super::{Language, Location, column_letter};

const ENGLISH: &str = include_str!("../../locales/en.ftl");
const VIETNAMESE: &str = include_str!("../../locales/vi.ftl");

/// The English and the Vietnamese bundle, in the order of [`Language`].
static BUNDLES: LazyLock<[FluentBundle<FluentResource>; 2]> =
    LazyLock::new(|| [bundle("en", ENGLISH), bundle("vi", VIETNAMESE)]);

fn bundle(locale: &str, source: &str) -> FluentBundle<FluentResource> {
    let resource = FluentResource::try_new(source.to_owned()).expect("the catalogue parses");
    let mut bundle = FluentBundle::new_concurrent(vec![locale.parse().expect("a language tag")]);
    bundle.set_use_isolating(false);
    bundle
        .add_resource(resource)
        .expect("each message is in the catalogue once");
    bundle
}

/// Message `id` in `language` with `args`. An error (a message or an argument missing) holds
/// the message as far as it could be said.
pub(super) fn message(language: Language, id: &str, args: &FluentArgs) -> Result<String, String> {
    let bundle = &BUNDLES[language as usize];
    let pattern = bundle
        .get_message(id)
        .and_then(|message| message.value())
        .ok_or_else(|| id.to_owned())?;
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, Some(args), &mut errors);
    if errors.is_empty() {
        Ok(text.into_owned())
    } else {
        Err(text.into_owned())
    }
}

/// Message `id` in `language` with `args`, or as far as it could be said.
fn said(language: Language, id: &str, args: &FluentArgs) -> String {
    message(language, id, args).unwrap_or_else(|partial| partial)
}

/// A message without values, such as a part of another.
fn word(language: Language, id: &str) -> String {
    said(language, id, &FluentArgs::new())
}

/// The values a message quotes, by name: `name` alone is the variable of that name as text.
macro_rules! args {
    ($($name:ident $(= $value:expr)?),* $(,)?) => {{
        let mut args = FluentArgs::new();
        $(args.set(stringify!($name), args!(@value $name $(, $value)?));)*
        args
    }};
    (@value $name:ident) => { $name.to_string() };
    (@value $name:ident, $value:expr) => { $value };
}

/// A number a message selects on (a plural, a 0): Fluent compares numbers only.
fn number(value: f64) -> FluentValue<'static> {
    FluentValue::from(value)
}

/// Message `id` that quotes `value`, if there is one, as `$value`.
fn said_of(language: Language, id: &str, value: Option<impl ToString>) -> String {
    let args = value.map_or_else(FluentArgs::new, |value| args!(value));
    said(language, id, &args)
}

impl Kind {
    /// The problem in words; an error holds it as far as the catalogue could say it (a
    /// message or a value missing).
    pub fn try_say(&self, language: Language) -> Result<String, String> {
        let id = match self {
            Kind::Within { .. } => "within".to_owned(),
            _ => self.code(),
        };
        message(language, &id, &self.args(language))
    }

    /// The values its message quotes, those that are words in `language`'s.
    fn args(&self, language: Language) -> FluentArgs<'static> {
        let list = |items: &[String]| match items {
            [] => word(language, "none"),
            _ => items.join(", "),
        };
        match self {
            Kind::DirectionControl { character }
            | Kind::InvisibleCharacter { character }
            | Kind::NoGlyph { character } => {
                args!(character, code_point = format!("{:04X}", *character as u32))
            }
            Kind::WordTooLong {
                length,
                limit,
                place,
            } => args!(length, limit, place = place.say(language)),
            Kind::WrongType { expected, found } => args!(
                expected = or(language, expected.iter().map(|item| item.say(language))),
                found = found.say(language)
            ),
            Kind::TooSmall { limit, found } | Kind::TooLarge { limit, found } => {
                args!(limit, found)
            }
            Kind::TooFewItems { limit } | Kind::TooManyItems { limit } => {
                args!(limit = number(*limit as f64))
            }
            Kind::TooLong { limit } | Kind::MoneyTotalTooLarge { limit } => args!(limit),
            Kind::PdfTooLarge { limit_mb } => args!(limit_mb),
            Kind::DocumentTooLong { length, limit } => args!(length, limit),
            Kind::TooManyFigures { found, limit } => args!(found, limit),
            Kind::TooManyWards { wards, limit } => args!(wards, limit),
            Kind::FieldTwice {
                first_line,
                first_column,
                line,
                column,
            } => args!(first_line, first_column, line, column),
            Kind::NotASymbol { found }
            | Kind::NotADate { found }
            | Kind::NotValid { found }
            | Kind::NotAnOfficeCode { found }
            | Kind::NotALogin { found } => args!(found),
            Kind::NotOneOf { options, found } => args!(options, found),
            Kind::DuplicateId { id } => args!(id),
            Kind::OutsideReviewYears { year, found } => {
                args!(year, next_year = (year + 1).to_string(), found)
            }
            Kind::OutsideProgramYear { year, found } => args!(year, found),
            Kind::DuplicateKey { key }
            | Kind::TargetMeasuredTwice { key }
            | Kind::PlaceholderKey { key }
            | Kind::NotShared { key }
            | Kind::KeyUsedTwice { key } => args!(key),
            Kind::UnknownPlaceholder {
                name,
                figures,
                keys,
            } => args!(
                name,
                figures = match figures {
                    Figures::Quantities => "quantities",
                    Figures::Targets => "targets",
                },
                keys = list(keys)
            ),
            Kind::PartOverWhole { part, whole } => args!(part, whole),
            Kind::RepeatedUnit { name, words, unit } => args!(name, words, unit),
            Kind::FirstYearNotBefore { year, found } => args!(year, found),
            Kind::ProgramAfterReport { date } => {
                args!(date, date_short = crate::vn::date_short(*date))
            }
            Kind::PlaceNotAlone { suggestion } => args!(suggestion),
            Kind::OnBehalfOfMissing { authority } => args!(authority = authority.prefix()),
            Kind::PartnerLeads { party }
            | Kind::PartnerTwice { party }
            | Kind::ResponsibilityTwice { party } => args!(party),
            Kind::NotASigningParty { party, parties } => {
                args!(party, parties = parties.join(", "))
            }
            Kind::TargetMeasureMismatch { key, target, found } => args!(
                key,
                target = target.say(language),
                found = found.say(language)
            ),
            Kind::ProgramFileYear { file, year, found } => {
                args!(file, year, found, last_year = (year - 1).to_string())
            }
            Kind::ProgramFileWithoutProgram { file, year } => args!(file, year),
            Kind::ProgramGivenTwice { file }
            | Kind::OtherSheetFormat { file }
            | Kind::SheetNeedsShared { file }
            | Kind::DirectoryNeedsShared { file }
            | Kind::SharedWithBatchFile { file }
            | Kind::NoStaticFile { file } => args!(file),
            Kind::NotUtf8 { line, column } => args!(line, column),
            Kind::JsonSyntax {
                line,
                column,
                found,
            } => args!(
                line,
                column,
                problem = match found {
                    Some(character) => said(
                        language,
                        "json_misplaced",
                        &args!(character = quoted(*character))
                    ),
                    None => word(language, "json_ends_early"),
                }
            ),
            Kind::DataProblems { count }
            | Kind::BatchFileProblems { count }
            | Kind::DirectoryProblems { count }
            | Kind::SheetProblems { count } => args!(count = number(*count as f64)),
            Kind::NoUnitKind { kinds } => args!(kinds),
            Kind::ReservedFileName { slug } => args!(slug),
            Kind::SameFileName { slug, other } => args!(slug, other = other.say(language)),
            Kind::UnknownFigure { key, keys } => args!(key, keys = list(keys)),
            Kind::FileUnreadable { file, reason } => args!(file, reason = reason.say(language)),
            Kind::WardsFailed { failed, wards } | Kind::WardsLeftOut { failed, wards } => {
                args!(failed, wards)
            }
            Kind::StoppedAtWard { ward } => args!(ward),
            Kind::NoValidWard { wards } => args!(wards),
            Kind::NotAPlainFile { what } => args!(what = what.say(language)),
            Kind::WardFileTooLarge { limit_mb }
            | Kind::SheetFileTooLarge { limit_mb }
            | Kind::WorkbookTooLarge { limit_mb } => args!(limit_mb),
            Kind::WorkbookTooCompressed { ratio } => args!(ratio),
            Kind::NotCsv { line } => args!(line = number(line.unwrap_or(0) as f64)),
            Kind::SheetTooLarge { rows, last_column } => args!(rows, last_column),
            Kind::NotAHeader { found }
            | Kind::NotText { found }
            | Kind::NotWholeNumber { found }
            | Kind::NotADateCell { found } => args!(found = found.say(language)),
            Kind::UnknownColumn { columns, keys } => {
                args!(columns = columns.join(", "), keys = keys.join(", "))
            }
            Kind::SameHeader { column } => args!(column),
            Kind::MissingColumn { header } => args!(header),
            Kind::DpiOutOfRange { min, max } => args!(min, max),
            Kind::NoPage { page, pages } => args!(page, pages = number(*pages as f64)),
            Kind::NoDocumentKind { kind, kinds } => args!(kind, kinds = kinds.join(", ")),
            Kind::UnknownParameter { name, known } => args!(name, known = known.join(", ")),
            Kind::ParameterTwice { name } => args!(name),
            Kind::BadParameter {
                name,
                expected,
                found,
            } => args!(name, expected = expected.say(language), found),
            Kind::CannotWrite { file, reason } => args!(
                file,
                reason = match reason {
                    IoReason::NotFound => "not_found",
                    _ => "other",
                },
                reason_words = reason.say(language)
            ),
            Kind::PdfFieldsTooDeep { limit }
            | Kind::PdfFieldsTooMany { limit }
            | Kind::PdfFieldNameTooLong { limit }
            | Kind::BodyTooLarge { limit }
            | Kind::UriTooLong { limit } => args!(limit),
            Kind::CannotServe { addr } => args!(addr),
            Kind::NotJson { media } | Kind::BatchNotJson { media } => args!(
                media = media
                    .clone()
                    .unwrap_or_else(|| word(language, "no_content_type"))
            ),
            Kind::BodyTimedOut { seconds } | Kind::TimedOut { seconds } => args!(seconds),
            Kind::ContentEncoding { encoding } => args!(encoding),
            Kind::HeadersTooLarge { bytes, count } => args!(bytes, count),
            Kind::FormPartTwice { part } | Kind::FormPartUnexpected { part } => args!(part),
            Kind::NoRoute { path } => args!(path),
            Kind::DatabaseUnavailable { location } => args!(location),
            Kind::TooManyLogins { minutes } => args!(minutes),
            Kind::OfficeExists { code }
            | Kind::NoSuchOffice { code }
            | Kind::ReadOnlyOffice { code } => args!(code),
            Kind::LoginExists { login }
            | Kind::NoSuchLogin { login }
            | Kind::UserDisabled { login } => args!(login),
            Kind::NoSuchToken { login, label } => args!(login, label),
            Kind::PasswordTooShort { min } => args!(min),
            Kind::NoSuchDraft { year } | Kind::NoSubordinateDrafts { year } => args!(year),
            Kind::NoSuchRevision { year, revision } => args!(year, revision),
            Kind::RevisionConflict {
                year,
                base,
                current,
                saved_by,
            } => args!(year, base = number(*base as f64), current, saved_by),
            Kind::ChangedSince { revision } => args!(revision),
            Kind::DraftYearMismatch { year, found } => args!(year, found),
            Kind::NumberTaken {
                number,
                series,
                earlier,
                dated,
                issued_by,
                next,
            } => args!(
                number = format!("{number:02}"),
                series,
                earlier,
                dated,
                date_short = crate::vn::date_short(*dated),
                issued_by,
                next = format!("{next:02}")
            ),
            Kind::NoSuchDocument { id } => args!(id),
            Kind::NoSuchVersion { symbol, version }
            | Kind::NotTheIssuedDocument { symbol, version } => args!(symbol, version),
            Kind::SignedFromOlderVersion {
                symbol,
                based_on,
                latest,
            } => args!(symbol, based_on, latest),
            Kind::NoNewSignature { symbol, signed } => {
                args!(symbol, signed = number(*signed as f64))
            }
            Kind::Template { detail } | Kind::Typesetting { detail } => args!(detail),
            Kind::Within { part, problem } => args!(
                part = match part {
                    Part::SharedFile => "shared_file",
                    Part::Rollup => "rollup",
                    Part::Sheet => "sheet",
                },
                problem = problem.say(language),
                problem_code = problem.code()
            ),
            _ => FluentArgs::new(),
        }
    }
}

impl Location {
    /// The location in words.
    pub fn say(&self, language: Language) -> String {
        let (id, args) = match self {
            Location::Json(path) | Location::File(path) => return path.clone(),
            Location::Cell {
                row,
                column,
                header: Some(header),
            } => (
                "location_cell_headed",
                args!(row, column = column_letter(*column), header),
            ),
            Location::Cell { row, column, .. } => {
                ("location_cell", args!(row, column = column_letter(*column)))
            }
            Location::Row(row) => ("location_row", args!(row)),
            Location::Sheet => ("location_sheet", FluentArgs::new()),
        };
        said(language, id, &args)
    }
}

impl Hint {
    /// The hint in words.
    pub fn say(self, language: Language) -> String {
        word(
            language,
            match self {
                Hint::Schema => "hint_schema",
                Hint::JsonInUtf8 => "hint_json_in_utf8",
                Hint::SheetCommand => "hint_sheet_command",
                Hint::AllowPartial => "hint_allow_partial",
            },
        )
    }
}

impl Place {
    fn say(self, language: Language) -> String {
        word(
            language,
            match self {
                Place::Paragraph => "place_paragraph",
                Place::OneLineField => "place_one_line_field",
                Place::TableCell => "place_table_cell",
            },
        )
    }
}

impl Expected {
    fn say(&self, language: Language) -> String {
        word(
            language,
            match self {
                Expected::WholeNumber => "expected_whole_number",
                Expected::Number => "expected_number",
                Expected::Text => "expected_text",
                Expected::List => "expected_list",
                Expected::Object => "expected_object",
                Expected::TrueOrFalse => "expected_true_or_false",
                Expected::Null => "expected_null",
                Expected::OneOf(words) => {
                    return or(language, words.iter().map(|word| format!("`{word}`")));
                }
            },
        )
    }
}

impl Found {
    fn say(&self, language: Language) -> String {
        let (id, value) = match self {
            Found::Bool(value) => return value.to_string(),
            Found::Null => ("found_null", None),
            Found::Number(number) => ("found_number", Some(number)),
            Found::Fraction(number) => ("found_fraction", Some(number)),
            Found::Text(text) => ("found_text", Some(text)),
            Found::List => ("found_list", None),
            Found::Object => ("found_object", None),
        };
        said_of(language, id, value)
    }
}

impl CellValue {
    fn say(&self, language: Language) -> String {
        let (id, value) = match self {
            CellValue::Number(number) => return number.to_string(),
            CellValue::Bool(true) => return "TRUE".into(),
            CellValue::Bool(false) => return "FALSE".into(),
            CellValue::Empty => ("cell_empty", None),
            CellValue::Text(text) => ("cell_text", Some(text.clone())),
            CellValue::Date(date) => ("cell_date", Some(date.to_string())),
            CellValue::DateTime(time) => ("cell_date_time", Some(time.clone())),
            CellValue::Duration => ("cell_duration", None),
            CellValue::Error(error) => ("cell_error", Some(error.clone())),
        };
        said_of(language, id, value)
    }
}

impl IoReason {
    fn say(self, language: Language) -> String {
        word(
            language,
            match self {
                IoReason::NotFound => "io_not_found",
                IoReason::PermissionDenied => "io_permission_denied",
                IoReason::DiskFull => "io_disk_full",
                IoReason::ReadOnly => "io_read_only",
                IoReason::Folder => "io_folder",
                IoReason::Other => "io_other",
            },
        )
    }
}

impl SpecialFile {
    fn say(self, language: Language) -> String {
        word(
            language,
            match self {
                SpecialFile::Link => "special_link",
                SpecialFile::Folder => "special_folder",
                SpecialFile::Pipe => "special_pipe",
                SpecialFile::Device => "special_device",
                SpecialFile::Socket => "special_socket",
            },
        )
    }
}

impl Measure {
    fn say(&self, language: Language) -> String {
        let (id, args) = match self {
            Measure::Money => ("measure_money", FluentArgs::new()),
            Measure::Count(unit) => ("measure_count", args!(unit)),
            Measure::Percent => ("measure_percent", FluentArgs::new()),
            Measure::Ratio(unit) => ("measure_ratio", args!(unit)),
        };
        said(language, id, &args)
    }
}

/// A character as a message quotes it: `x`, or its code point when it does not print.
fn quoted(character: char) -> String {
    if character.is_control() || character.is_whitespace() {
        format!("U+{:04X}", character as u32)
    } else {
        format!("`{character}`")
    }
}

/// "a", "a or b", "a, b or c", with `language`'s "or".
fn or(language: Language, items: impl Iterator<Item = String>) -> String {
    let items: Vec<String> = items.collect();
    match items.split_last() {
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} {} {last}", rest.join(", "), word(language, "or")),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;

    /// The ids of a catalogue's messages.
    fn ids(catalogue: &str) -> BTreeSet<&str> {
        let messages = catalogue.lines().filter_map(|line| line.split_once(" ="));
        messages
            .map(|(id, _)| id)
            .filter(|id| id.starts_with(|c: char| c.is_ascii_lowercase()))
            .collect()
    }

    #[test]
    fn both_languages_say_the_same_messages() {
        let (english, vietnamese) = (ids(ENGLISH), ids(VIETNAMESE));
        let only: Vec<_> = english.symmetric_difference(&vietnamese).collect();
        assert!(only.is_empty(), "in one language only: {only:?}");
    }

    #[test]
    fn every_kind_has_its_message() {
        let source = include_str!("kind.rs");
        let start = source.find("pub enum Kind {").unwrap();
        let end = start + source[start..].find("\n}\n").unwrap();
        let variants = source[start..end]
            .lines()
            .filter_map(|line| line.strip_prefix("    "))
            .filter(|line| line.starts_with(|c: char| c.is_ascii_uppercase()));
        let ids = ids(ENGLISH);
        for variant in variants {
            let name: String = variant
                .chars()
                .take_while(char::is_ascii_alphanumeric)
                .collect();
            let code = name
                .chars()
                .enumerate()
                .fold(String::new(), |mut code, (i, c)| {
                    if c.is_ascii_uppercase() && i > 0 {
                        code.push('_');
                    }
                    code.push(c.to_ascii_lowercase());
                    code
                });
            assert!(ids.contains(code.as_str()), "no message {code}");
        }
    }

    #[test]
    fn plurals_and_zeros_select_their_words() {
        let said = |kind: Kind| kind.try_say(Language::English).unwrap();
        assert_eq!(
            said(Kind::SheetProblems { count: 1 }),
            "1 problem in the sheet"
        );
        assert_eq!(
            said(Kind::SheetProblems { count: 2 }),
            "2 problems in the sheet"
        );
        assert_eq!(
            said(Kind::TooFewItems { limit: 1 }),
            "must list at least 1 item"
        );
        assert_eq!(
            said(Kind::NotCsv { line: None }),
            "cannot read the CSV: save it as CSV UTF-8, comma- or semicolon-separated"
        );
        let unsigned = Kind::NoNewSignature {
            symbol: "01/BC".into(),
            signed: 0,
        };
        assert_eq!(said(unsigned), "this copy of 01/BC has no signature");
    }

    /// The kinds the corpus of `tests/vanban` cannot make, said whole in both languages.
    #[test]
    fn kinds_no_input_makes_are_said_whole() {
        let within = |part| Kind::Within {
            part,
            problem: Box::new(Kind::SheetProblems { count: 2 }),
        };
        let kinds = [
            Kind::NotValid { found: "1".into() },
            within(Part::SharedFile),
            within(Part::Rollup),
            within(Part::Sheet),
        ];
        for kind in kinds {
            for language in [Language::English, Language::Vietnamese] {
                assert!(kind.try_say(language).is_ok(), "{kind:?}");
            }
        }
        let sheet = within(Part::Sheet).try_say(Language::Vietnamese);
        assert_eq!(sheet.as_deref(), Ok("bảng tính có 2 lỗi"));
    }
}
