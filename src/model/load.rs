//! Turning untrusted bytes into a validated [`YearData`], with every problem reported at once.
//!
//! The steps: UTF-8 check, JSON syntax (line and column), NFC normalisation of every string,
//! structure against the generated JSON Schema (unknown fields, types, ranges, dates), then the
//! rules a schema cannot say (see `validate`).

use std::fmt;
use std::sync::LazyLock;

use jsonschema::error::{TypeKind, ValidationErrorKind};
use serde_json::Value;
use unicode_normalization::char::is_combining_mark;

use super::{YearData, validate, year_data_schema};
use crate::vn;

/// One problem in the data: where it is (a JSON path such as `$.organizations[2].name`) and
/// what was expected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataError {
    /// JSONPath of the offending value, `$` for the whole document.
    pub path: String,
    /// What is wrong and what was expected.
    pub message: String,
}

impl DataError {
    /// Makes an error at `path`.
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        DataError {
            path: path.into(),
            message: message.into(),
        }
    }
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// Why input could not be turned into year data.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InvalidData {
    /// The bytes are not UTF-8.
    #[error("input is not valid UTF-8 at line {line}, column {column}")]
    NotUtf8 { line: usize, column: usize },
    /// The text is not JSON.
    #[error("malformed JSON at line {line}, column {column}: {message}")]
    Syntax {
        line: usize,
        column: usize,
        message: String,
    },
    /// The JSON does not describe valid year data.
    #[error("{} problem(s) in the year data", errors.len())]
    Fields { errors: Vec<DataError> },
}

static VALIDATOR: LazyLock<jsonschema::Validator> = LazyLock::new(|| {
    jsonschema::options()
        .should_validate_formats(true)
        .build(&year_data_schema())
        .expect("the generated schema is valid")
});

/// Fields that hold paragraphs and may contain line breaks; every other text is one line.
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
pub fn parse_json(bytes: &[u8]) -> Result<Value, InvalidData> {
    let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|error| {
        let (line, column) = line_column(&bytes[..error.valid_up_to()]);
        InvalidData::NotUtf8 { line, column }
    })?;
    serde_json::from_str(text).map_err(|error| InvalidData::Syntax {
        line: error.line(),
        column: error.column().max(1),
        message: syntax_message(&error),
    })
}

/// Validates year data already parsed as JSON (e.g. assembled from a batch file).
pub fn year_data_from_value(mut value: Value) -> Result<YearData, InvalidData> {
    normalize_strings(&mut value);

    let mut errors: Vec<DataError> = VALIDATOR
        .iter_errors(&value)
        .flat_map(|error| describe(&error))
        .collect();
    walk_strings(&value, "$", &mut |text, path| {
        if let Some(problem) = text_problem(text, path) {
            errors.push(DataError::new(path, problem));
        }
    });
    if !errors.is_empty() {
        return Err(InvalidData::Fields { errors });
    }
    let data: YearData = serde_path_to_error::deserialize(value).map_err(|error| {
        let path = json_path_from_serde(&error.path().to_string());
        InvalidData::Fields {
            errors: vec![DataError::new(path, serde_message(&error.into_inner()))],
        }
    })?;
    let errors = validate::check(&data);
    if errors.is_empty() {
        Ok(data)
    } else {
        Err(InvalidData::Fields { errors })
    }
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

/// The longest word (characters between spaces) that fits: a paragraph line (35 of the widest
/// capitals fill a 14 pt line), a header or signature line, a table cell. Longer words would
/// run past the margin or the cell.
const LONGEST_WORD: [(usize, &str); 3] = [
    (35, "a paragraph"),
    (20, "a one-line field"),
    (10, "a table cell"),
];

/// Every text carries meaning, so none may be blank (white space, control, invisible format
/// characters or lone combining marks only); direction controls could reorder what prints;
/// only paragraph fields may span several lines; every word must fit where it is printed.
fn text_problem(text: &str, path: &str) -> Option<String> {
    let invisible = |c: char| {
        c.is_whitespace() || c.is_control() || is_format_character(c) || is_combining_mark(c)
    };
    if text.chars().all(invisible) {
        return Some("must not be empty".to_owned());
    }
    if let Some(c) = text.chars().find(|&c| is_direction_control(c)) {
        return Some(format!(
            "must not contain the direction control character U+{:04X}",
            c as u32
        ));
    }
    let field = path.trim_end_matches(|c: char| c == ']' || c.is_ascii_digit() || c == '[');
    let field = field.rsplit('.').next().unwrap_or(field);
    let multiline = MULTILINE_FIELDS.contains(&field);
    if !multiline && text.contains(['\n', '\r', '\u{2028}', '\u{2029}']) {
        return Some("must be a single line".to_owned());
    }
    let (limit, place) = match (multiline, TABLE_CELL_FIELDS.contains(&field)) {
        (true, _) => LONGEST_WORD[0],
        (false, false) => LONGEST_WORD[1],
        (false, true) => LONGEST_WORD[2],
    };
    let longest = text
        .split_whitespace()
        .map(|word| word.chars().count())
        .max()
        .unwrap_or(0);
    (longest > limit).then(|| {
        format!(
            "has a word of {longest} characters, more than the {limit} that fit {place}: add spaces"
        )
    })
}

/// Unicode format characters (category Cf) that print nothing: zero-width spaces and joiners,
/// direction marks, the byte-order mark, soft hyphens.
fn is_format_character(c: char) -> bool {
    matches!(c, '\u{00AD}' | '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}')
}

/// Bidirectional embedding, override and isolate controls.
fn is_direction_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// serde's message, said as the schema errors are. JSON Schema counts `5.0` as an integer, so
/// only serde catches a whole number written as a fraction.
fn serde_message(error: &serde_json::Error) -> String {
    let text = error.to_string();
    match text.strip_prefix("invalid type: floating point `") {
        Some(rest) => format!(
            "expected a whole number, found {}",
            rest.split('`').next().unwrap_or(rest)
        ),
        None => text,
    }
}

/// serde_path_to_error's `a.b[2].c` (or `.` for the root) as a JSONPath.
fn json_path_from_serde(path: &str) -> String {
    if path == "." {
        "$".to_owned()
    } else {
        format!("$.{path}")
    }
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

/// serde_json's message without its own " at line L column C" suffix.
fn syntax_message(error: &serde_json::Error) -> String {
    let text = error.to_string();
    match text.rfind(" at line ") {
        Some(index) => text[..index].to_owned(),
        None => text,
    }
}

/// Normalises every string (and object key) to NFC, in place; text already in NFC (nearly
/// all of it) is left as it is.
fn normalize_strings(value: &mut Value) {
    match value {
        Value::String(text) if !vn::is_nfc(text) => *text = vn::nfc(text),
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

/// One schema violation, said the way a person fixing the file needs it.
fn describe(error: &jsonschema::ValidationError<'_>) -> Vec<DataError> {
    let path = json_path(error.instance_path().as_str());
    let found = error.instance();
    let message = match error.kind() {
        ValidationErrorKind::AdditionalProperties { unexpected } => {
            return unexpected
                .iter()
                .map(|field| {
                    DataError::new(
                        child_path(&path, field),
                        "unknown field (check its spelling; `vanban schema` lists the fields)",
                    )
                })
                .collect();
        }
        ValidationErrorKind::Required { property } => {
            let field = property.as_str().unwrap_or_default();
            return vec![DataError::new(
                child_path(&path, field),
                "missing required field",
            )];
        }
        ValidationErrorKind::Type { kind } => {
            format!(
                "expected {}, found {}",
                expected_type(kind),
                json_type(found)
            )
        }
        ValidationErrorKind::Minimum { limit } => {
            format!("must be at least {limit}, found {found}")
        }
        ValidationErrorKind::Maximum { limit } => format!("must be at most {limit}, found {found}"),
        ValidationErrorKind::MinItems { limit } => format!("must list at least {limit} item(s)"),
        ValidationErrorKind::MaxItems { limit } => format!("must list at most {limit} item(s)"),
        ValidationErrorKind::MaxLength { limit } => format!("must be at most {limit} characters"),
        ValidationErrorKind::Pattern { pattern } => {
            format!("must match the pattern {pattern}, found {found}")
        }
        ValidationErrorKind::Format { format } if format == "date" => {
            format!("expected a real calendar date as YYYY-MM-DD, found {found}")
        }
        ValidationErrorKind::Enum { options } => {
            format!("expected one of {options}, found {found}")
        }
        ValidationErrorKind::OneOfNotValid { context } => match constants(context) {
            Some(options) => format!("expected one of {options}, found {found}"),
            None => error.to_string(),
        },
        _ => error.to_string(),
    };
    vec![DataError::new(path, message)]
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

fn expected_type(kind: &TypeKind) -> String {
    let name = |t: &jsonschema::JsonType| match t.to_string().as_str() {
        "integer" => "a whole number".to_owned(),
        "number" => "a number".to_owned(),
        "string" => "text".to_owned(),
        "array" => "a list".to_owned(),
        "object" => "an object".to_owned(),
        "boolean" => "true or false".to_owned(),
        other => other.to_owned(),
    };
    match kind {
        TypeKind::Single(t) => name(t),
        TypeKind::Multiple(types) => types
            .iter()
            .map(|t| name(&t))
            .collect::<Vec<_>>()
            .join(" or "),
    }
}

fn json_type(value: &Value) -> String {
    match value {
        Value::Null => "null".to_owned(),
        Value::Bool(_) => format!("{value}"),
        Value::Number(n) if n.is_f64() => format!("the fraction {n}"),
        Value::Number(n) => format!("the number {n}"),
        Value::String(_) => format!("the text {value}"),
        Value::Array(_) => "a list".to_owned(),
        Value::Object(_) => "an object".to_owned(),
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
