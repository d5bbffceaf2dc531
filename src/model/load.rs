//! Turning untrusted bytes into a validated [`YearData`], with every problem reported at once.
//!
//! The steps: UTF-8 check, JSON syntax (line and column), NFC normalisation of every string,
//! structure against the generated JSON Schema (unknown fields, types, ranges, dates), then the
//! rules a schema cannot say (see `validate`).

use std::collections::HashSet;
use std::fmt;
use std::sync::LazyLock;

use jsonschema::error::{TypeKind, ValidationErrorKind};
use serde_json::Value;
use unicode_normalization::char::is_combining_mark;

use super::{YearData, breaks, duplicates, limits, validate, year_data_schema};
use crate::errors::{DataError, Expected, Found, Kind, Location, Place};
use crate::vn;

/// Why input could not be turned into year data.
#[derive(Debug, Clone, PartialEq)]
pub enum InvalidData {
    /// The bytes are not UTF-8.
    NotUtf8 { line: usize, column: usize },
    /// The text is not JSON: the character where it goes wrong, `None` when it ends early.
    Syntax {
        line: usize,
        column: usize,
        found: Option<char>,
    },
    /// The JSON does not describe valid year data.
    Fields { errors: Vec<DataError> },
}

/// `value`, valid when there are no `errors`.
pub fn valid<T>(value: T, errors: Vec<DataError>) -> Result<T, InvalidData> {
    if errors.is_empty() {
        Ok(value)
    } else {
        Err(InvalidData::Fields { errors })
    }
}

impl InvalidData {
    /// What is wrong, as a whole.
    pub fn kind(&self) -> Kind {
        match self {
            InvalidData::NotUtf8 { line, column } => Kind::NotUtf8 {
                line: *line,
                column: *column,
            },
            InvalidData::Syntax {
                line,
                column,
                found,
            } => Kind::JsonSyntax {
                line: *line,
                column: *column,
                found: *found,
            },
            InvalidData::Fields { errors } => Kind::DataProblems {
                count: errors.len(),
            },
        }
    }

    /// The kind when the data is a batch file rather than one year's data.
    pub fn batch_kind(&self) -> Kind {
        match self {
            InvalidData::Fields { errors } => Kind::BatchFileProblems {
                count: errors.len(),
            },
            _ => self.kind(),
        }
    }

    /// The problems one by one (none for malformed input).
    pub fn errors(&self) -> &[DataError] {
        match self {
            InvalidData::Fields { errors } => errors,
            _ => &[],
        }
    }
}

impl fmt::Display for InvalidData {
    /// In English.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.kind().fmt(f)
    }
}

impl std::error::Error for InvalidData {}

static VALIDATOR: LazyLock<jsonschema::Validator> = LazyLock::new(|| {
    jsonschema::options()
        .should_validate_formats(true)
        .build(&year_data_schema())
        .expect("the generated schema is valid")
});

/// Fields that hold paragraphs, where a longer word fits than in a one-line field.
const MULTILINE_FIELDS: &[&str] = &[
    "text",
    "overview",
    "advantages",
    "difficulties",
    "general_results",
    "shortcomings",
    "causes",
    "lessons",
    "directions",
    "proposals",
    "reason",
    "purposes",
    "requirements",
    "tasks",
];

/// Parses and validates year data from raw bytes (a file or an HTTP body).
pub fn parse_year_data(bytes: &[u8]) -> Result<YearData, InvalidData> {
    year_data_from_value(parse_json(bytes)?)
}

/// Parses JSON from raw bytes, skipping a UTF-8 byte-order mark; errors give line and column.
/// A field written twice in one object is refused (JSON parsers keep the last silently).
pub fn parse_json(bytes: &[u8]) -> Result<Value, InvalidData> {
    let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|error| {
        let (line, column) = line_column(&bytes[..error.valid_up_to()]);
        InvalidData::NotUtf8 { line, column }
    })?;
    let value = serde_json::from_str(text).map_err(|error| {
        let column = error.column().max(1);
        let found = match error.classify() {
            serde_json::error::Category::Eof => None,
            _ => character_at(text, error.line(), column),
        };
        InvalidData::Syntax {
            line: error.line(),
            column,
            found,
        }
    })?;
    let errors = duplicates::fields_twice(text);
    valid(value, errors)
}

/// The character at 1-based `line` and byte `column`, as serde_json counts them.
fn character_at(text: &str, line: usize, column: usize) -> Option<char> {
    let line = text.split('\n').nth(line.checked_sub(1)?)?;
    let start = (column - 1).min(line.len());
    let start = (0..=start).rev().find(|&i| line.is_char_boundary(i))?;
    line[start..].chars().next()
}

/// Validates year data already parsed as JSON (e.g. assembled from a batch file).
pub fn year_data_from_value(value: Value) -> Result<YearData, InvalidData> {
    let data: YearData = checked(value, &VALIDATOR)?;
    let errors = validate::check(&data);
    valid(data, errors)
}

/// `value` tidied ([`normalize_strings`]), checked against `validator`'s schema, its text and
/// its length, and deserialized.
pub(super) fn checked<T: serde::de::DeserializeOwned>(
    mut value: Value,
    validator: &jsonschema::Validator,
) -> Result<T, InvalidData> {
    normalize_strings(&mut value);
    let mut errors = schema_errors(validator, &value);
    let mut length = 0;
    let mut text_errors = Vec::new();
    let mut empty = HashSet::new();
    walk_strings(&value, "$", &mut |text, path| {
        length += text.chars().count();
        if let Some(problem) = text_problem(text, path) {
            if problem == Kind::TextEmpty {
                empty.insert(Location::from(path));
            }
            text_errors.push(DataError::new(path, problem));
        }
    });
    // An empty text is one problem: the pattern or format it then fails says nothing more.
    errors.retain(|error| !empty.contains(&error.at));
    errors.append(&mut text_errors);
    if length > limits::DOCUMENT_CHARS {
        errors.push(DataError::new(
            "$",
            Kind::DocumentTooLong {
                length,
                limit: limits::DOCUMENT_CHARS,
            },
        ));
    }
    if !errors.is_empty() {
        return Err(InvalidData::Fields { errors });
    }
    deserialize(&value)
}

/// `data`, valid on its own, with `program` as this year's program: checked again, for the
/// program against the report's figures.
pub fn with_program(data: YearData, program: super::Program) -> Result<YearData, InvalidData> {
    let data = YearData {
        program: Some(program),
        ..data
    };
    let errors = validate::check(&data);
    valid(data, errors)
}

/// Calls `visit(text, path)` for every string in `value`, with its JSONPath.
pub fn walk_strings(value: &Value, path: &str, visit: &mut impl FnMut(&str, &str)) {
    match value {
        Value::String(text) => visit(text, path),
        Value::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                walk_strings(item, &format!("{path}[{index}]"), visit);
            }
        }
        Value::Object(map) => {
            for (key, item) in map {
                walk_strings(item, &child_path(path, key), visit);
            }
        }
        _ => {}
    }
}

/// Fields printed in narrow table cells.
const TABLE_CELL_FIELDS: &[&str] = &["unit", "short_name"];

/// The longest word (characters between two places a line may break) that fits: a paragraph line (35 of the widest
/// capitals fill a 14 pt line), a header or signature line, a table cell. Longer words would
/// run past the margin or the cell.
pub(super) const LONGEST_WORD: [(usize, Place); 3] = [
    (35, Place::Paragraph),
    (20, Place::OneLineField),
    (10, Place::TableCell),
];

/// Every text carries meaning, so none may be blank (white space, control, invisible format
/// characters or lone combining marks only); direction controls could reorder what prints and
/// other invisible characters would vanish from it; only paragraph fields may span several
/// lines; every word (a run Typst cannot break) must fit where it is printed.
fn text_problem(text: &str, path: &str) -> Option<Kind> {
    let invisible = |c: char| {
        c.is_whitespace() || c.is_control() || is_format_character(c) || is_combining_mark(c)
    };
    if text.chars().all(invisible) {
        return Some(Kind::TextEmpty);
    }
    if let Some(character) = text.chars().find(|&c| is_direction_control(c)) {
        return Some(Kind::DirectionControl { character });
    }
    if let Some(character) = text.chars().find(|&c| is_unprintable(c)) {
        return Some(Kind::InvisibleCharacter { character });
    }
    // Longer text is refused by the schema; its words need not be measured.
    if text.len() > 4 * limits::PARAGRAPH_CHARS as usize {
        return None;
    }
    let field = path.trim_end_matches(|c: char| c == ']' || c.is_ascii_digit() || c == '[');
    let field = field.rsplit('.').next().unwrap_or(field);
    let multiline = MULTILINE_FIELDS.contains(&field);
    let (limit, place) = match (multiline, TABLE_CELL_FIELDS.contains(&field)) {
        (true, _) => LONGEST_WORD[0],
        (false, false) => LONGEST_WORD[1],
        (false, true) => LONGEST_WORD[2],
    };
    let longest = breaks::longest_unbreakable(text);
    (longest > limit).then_some(Kind::WordTooLong {
        length: longest,
        limit,
        place,
    })
}

/// Unicode format characters (category Cf) that print nothing: zero-width spaces and joiners,
/// direction marks, the byte-order mark, soft hyphens.
fn is_format_character(c: char) -> bool {
    matches!(c, '\u{00AD}' | '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}')
}

/// Characters that never print and that tidying does not turn into a space or drop: control
/// characters (C0 and C1, NUL included, once tabs and line breaks are spaces), invisible
/// operators, interlinear annotation marks, tag characters and noncharacters.
fn is_unprintable(c: char) -> bool {
    c.is_control()
        || matches!(c,
            '\u{2061}'..='\u{2064}'
            | '\u{FFF9}'..='\u{FFFB}'
            | '\u{E0000}'..='\u{E007F}'
            | '\u{FDD0}'..='\u{FDEF}')
        || (c as u32) & 0xFFFE == 0xFFFE
}

/// Bidirectional embedding, override and isolate controls.
fn is_direction_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Deserializes what the schema has checked. JSON Schema counts `5.0` as an integer, so only
/// serde finds a whole number written as a fraction.
pub fn deserialize<T: serde::de::DeserializeOwned>(value: &Value) -> Result<T, InvalidData> {
    T::deserialize(value).map_err(|_| {
        let mut at = "$".to_owned();
        let error = serde_path_to_error::deserialize::<_, T>(value)
            .err()
            .expect("the same value fails the same way");
        let mut found = value;
        for segment in error.path().iter() {
            match segment {
                serde_path_to_error::Segment::Seq { index } => {
                    at = format!("{at}[{index}]");
                    found = &found[*index];
                }
                serde_path_to_error::Segment::Map { key } => {
                    at = child_path(&at, key);
                    found = &found[key.as_str()];
                }
                _ => {}
            }
        }
        let kind = match found {
            Value::Number(number) if number.is_f64() => Kind::WrongType {
                expected: vec![Expected::WholeNumber],
                found: Found::of(found),
            },
            _ => Kind::NotValid {
                found: found.to_string(),
            },
        };
        InvalidData::Fields {
            errors: vec![DataError::new(at, kind)],
        }
    })
}

/// 1-based line and column just after `prefix`.
fn line_column(prefix: &[u8]) -> (usize, usize) {
    let line = prefix.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = prefix
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let column = String::from_utf8_lossy(&prefix[line_start..])
        .chars()
        .count()
        + 1;
    (line, column)
}

/// Normalises every string (and object key) to NFC, in place, and tidies every string as pasted
/// text ([`vn::tidy`]); text already in that form (nearly all of it) is left as it is.
fn normalize_strings(value: &mut Value) {
    match value {
        Value::String(text) => {
            if !vn::is_nfc(text) {
                *text = vn::nfc(text);
            }
            if let Some(tidy) = vn::tidy(text) {
                *text = tidy;
            }
        }
        Value::Array(items) => items.iter_mut().for_each(normalize_strings),
        Value::Object(map) if map.keys().all(|key| vn::is_nfc(key)) => {
            map.values_mut().for_each(normalize_strings);
        }
        Value::Object(map) => {
            let entries = std::mem::take(map);
            for (key, mut item) in entries {
                normalize_strings(&mut item);
                map.insert(vn::nfc(&key), item);
            }
        }
        _ => {}
    }
}

/// `$.a.b` for plain keys, `$["odd key"]` otherwise.
pub fn child_path(parent: &str, key: &str) -> String {
    if !key.is_empty() && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        format!("{parent}.{key}")
    } else {
        format!("{parent}[{}]", serde_json::Value::from(key))
    }
}

/// Converts a JSON Pointer (`/organizations/2/name`) to a JSONPath (`$.organizations[2].name`).
fn json_path(pointer: &str) -> String {
    let mut path = "$".to_owned();
    for segment in pointer.split('/').skip(1) {
        let segment = segment.replace("~1", "/").replace("~0", "~");
        if segment.parse::<usize>().is_ok() {
            path = format!("{path}[{segment}]");
        } else {
            path = child_path(&path, &segment);
        }
    }
    path
}

/// Every violation of `validator`'s schema in `value`.
pub fn schema_errors(validator: &jsonschema::Validator, value: &Value) -> Vec<DataError> {
    validator
        .iter_errors(value)
        .flat_map(|error| describe(&error))
        .collect()
}

/// One schema violation, said the way a person fixing the file needs it.
fn describe(error: &jsonschema::ValidationError<'_>) -> Vec<DataError> {
    let path = json_path(error.instance_path().as_str());
    let value = error.instance();
    let found = value.to_string();
    let kind = match error.kind() {
        ValidationErrorKind::AdditionalProperties { unexpected } => {
            return unexpected
                .iter()
                .map(|field| DataError::new(child_path(&path, field), Kind::UnknownField))
                .collect();
        }
        ValidationErrorKind::Required { property } => {
            let field = property.as_str().unwrap_or_default();
            return vec![DataError::new(child_path(&path, field), Kind::MissingField)];
        }
        ValidationErrorKind::Type { kind } => Kind::WrongType {
            expected: match kind {
                TypeKind::Single(t) => vec![expected(*t)],
                TypeKind::Multiple(types) => types.iter().map(expected).collect(),
            },
            found: Found::of(value),
        },
        ValidationErrorKind::Minimum { limit } => Kind::TooSmall {
            limit: limit.to_string(),
            found,
        },
        ValidationErrorKind::Maximum { limit } => Kind::TooLarge {
            limit: limit.to_string(),
            found,
        },
        ValidationErrorKind::MinItems { limit } => Kind::TooFewItems { limit: *limit },
        ValidationErrorKind::MaxItems { limit } => Kind::TooManyItems { limit: *limit },
        ValidationErrorKind::MaxLength { limit } => Kind::TooLong { limit: *limit },
        // The schema's one pattern is that of a document symbol's parts.
        ValidationErrorKind::Pattern { .. } => Kind::NotASymbol { found },
        ValidationErrorKind::Format { format } if format == "date" => Kind::NotADate { found },
        ValidationErrorKind::Enum { options } => Kind::NotOneOf {
            options: options.to_string(),
            found,
        },
        ValidationErrorKind::OneOfNotValid { context } => match constants(context) {
            Some(options) => Kind::NotOneOf {
                options: options.to_string(),
                found,
            },
            None => Kind::NotValid { found },
        },
        _ => Kind::NotValid { found },
    };
    vec![DataError::new(path, kind)]
}

/// The values a `oneOf` of constants allows (the schema's enums with a description per value),
/// as a JSON list; `None` when a branch is not a constant.
fn constants(branches: &[Vec<jsonschema::ValidationError<'_>>]) -> Option<Value> {
    let values = branches.iter().map(|errors| {
        errors.iter().find_map(|error| match error.kind() {
            ValidationErrorKind::Constant { expected_value } => Some((**expected_value).clone()),
            _ => None,
        })
    });
    values.collect::<Option<Vec<Value>>>().map(Value::Array)
}

fn expected(kind: jsonschema::JsonType) -> Expected {
    use jsonschema::JsonType;
    match kind {
        JsonType::Integer => Expected::WholeNumber,
        JsonType::Number => Expected::Number,
        JsonType::String => Expected::Text,
        JsonType::Array => Expected::List,
        JsonType::Object => Expected::Object,
        JsonType::Boolean => Expected::TrueOrFalse,
        JsonType::Null => Expected::Null,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_and_keys_become_nfc() {
        // "Kỳ" as a "y" followed by a combining grave accent (NFD).
        let decomposed = "Tam Ky\u{300}";
        let mut value = serde_json::json!({
            "place": decomposed,
            "list": ["Tam Kỳ", decomposed],
            "e\u{301}": 1,
        });
        normalize_strings(&mut value);
        assert_eq!(
            value,
            serde_json::json!({ "place": "Tam Kỳ", "list": ["Tam Kỳ", "Tam Kỳ"], "é": 1 })
        );
    }
}
