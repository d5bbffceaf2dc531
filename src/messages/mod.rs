//! vanban's messages in Vietnamese, for the office staff's page.
//!
//! vanban says everything in English (the command line, the API by default). Every message it
//! gives is made by vanban itself (validation, the schema errors as `model` words them, serde's
//! and serde_json's messages, sheet and batch errors, glyph checks, the HTTP service's problem
//! details), so the set of message shapes is closed: [`table`] lists each one as an English
//! template and its Vietnamese, and [`vietnamese`] turns a message into Vietnamese by finding
//! the template it fits. The values a message quotes (numbers, quoted text, field names,
//! dates, limits) go into the Vietnamese as they are.
//!
//! A template is text with holes: `{name}` takes any text as it is, `{name:kind}` a text that
//! `kind` says in Vietnamese: another of the tables (`message`, `type`, `value`, …), `number`
//! or `json` (taken as they are, but only a number or a JSON value fits). `{{` and `}}` are
//! literal braces. The Vietnamese side uses the same names.

mod table;

#[cfg(test)]
pub(crate) mod corpus;

use std::collections::HashMap;
use std::sync::LazyLock;

/// `message`, one of vanban's English messages (a data error, a problem's detail or title), in
/// Vietnamese; `None` when it fits no known shape (the caller keeps the English).
pub fn vietnamese(message: &str) -> Option<String> {
    translate(MESSAGE, message).0
}

/// Where a problem is, in Vietnamese: a sheet's "row 5, column D (cay_xanh)" becomes "dòng 5,
/// cột D (cay_xanh)"; JSON paths and file names stay as they are.
pub fn vietnamese_location(path: &str) -> String {
    translate(LOCATION, path)
        .0
        .unwrap_or_else(|| path.to_owned())
}

/// An entry of the tables: its table's name and its English template.
type Used = (&'static str, &'static str);

/// The work one translation may do, in steps: a step is a try of a hole's end, or a KB of
/// text scanned or taken. A message of vanban's takes a few dozen; a value made to repeat a
/// template's text many times over (a party id of "\" is listed twice" ten thousand times)
/// would make the search slow, and gets English instead.
const STEPS: usize = 4096;

/// The entries a translation used, and the steps it has left.
#[derive(Debug)]
struct Trace {
    used: Vec<Used>,
    steps: usize,
}

impl Trace {
    /// Takes a step and one more for each KB of `bytes`; `false` when none are left.
    fn step(&mut self, bytes: usize) -> bool {
        match self.steps.checked_sub(1 + bytes / 1024) {
            Some(left) => {
                self.steps = left;
                true
            }
            None => {
                self.steps = 0;
                false
            }
        }
    }
}

/// `text` in Vietnamese by the first entry of `table` it fits, and the entries used.
fn translate(table: &str, text: &str) -> (Option<String>, Vec<Used>) {
    let mut trace = Trace {
        used: Vec::new(),
        steps: STEPS,
    };
    let said = say(table, text, &mut trace);
    (said, trace.used)
}

/// The table of whole messages; holes of kind `message` nest one in another.
const MESSAGE: &str = "message";
/// The table of places (sheet rows and columns).
const LOCATION: &str = "location";

/// One piece of a template.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Piece {
    Text(String),
    Hole { name: String, kind: Kind },
}

/// What a hole takes and how it is said in Vietnamese.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Any text, as it is.
    Verbatim,
    /// A number, as it is.
    Number,
    /// A JSON value, as it is.
    Json,
    /// A text that fits one of the templates of the named table.
    Table(&'static str),
}

impl Kind {
    fn named(name: &'static str) -> Kind {
        match name {
            "" => Kind::Verbatim,
            "number" => Kind::Number,
            "json" => Kind::Json,
            table => Kind::Table(table),
        }
    }

    /// `text` in Vietnamese, if it is of this kind.
    fn say(self, text: &str, trace: &mut Trace) -> Option<String> {
        if !trace.step(text.len()) {
            return None;
        }
        match self {
            Kind::Verbatim => Some(text.to_owned()),
            Kind::Number => text.parse::<f64>().is_ok().then(|| text.to_owned()),
            Kind::Json => serde_json::from_str::<serde_json::Value>(text)
                .is_ok()
                .then(|| text.to_owned()),
            Kind::Table(table) => say(table, text, trace),
        }
    }
}

/// One English template and its Vietnamese.
#[derive(Debug)]
struct Entry {
    english: &'static str,
    pattern: Vec<Piece>,
    vietnamese: Vec<Piece>,
}

/// Every table's entries, parsed once, in the order they are tried.
static TABLES: LazyLock<HashMap<&'static str, Vec<Entry>>> = LazyLock::new(|| {
    table::TABLES
        .iter()
        .map(|(name, entries)| {
            let entries = entries
                .iter()
                .map(|&(english, vietnamese)| Entry {
                    english,
                    pattern: parse(english)
                        .unwrap_or_else(|error| panic!("template {english:?}: {error}")),
                    vietnamese: parse(vietnamese)
                        .unwrap_or_else(|error| panic!("template {vietnamese:?}: {error}")),
                })
                .collect();
            (*name, entries)
        })
        .collect()
});

/// `text` in Vietnamese by the first entry of `table` it fits.
fn say(table: &str, text: &str, trace: &mut Trace) -> Option<String> {
    let (&table, entries) = TABLES.get_key_value(table)?;
    entries.iter().find_map(|entry| {
        let noted = trace.used.len();
        let mut holes = Vec::new();
        if fits(&entry.pattern, text, &mut holes, trace) {
            trace.used.push((table, entry.english));
            Some(fill(&entry.vietnamese, &holes))
        } else {
            trace.used.truncate(noted);
            None
        }
    })
}

/// Whether `text` fits `pattern`; each hole's text, said in Vietnamese, goes to `holes`. A
/// hole ends at an occurrence of the text after it: the first one that lets the rest fit.
fn fits<'a>(
    pattern: &'a [Piece],
    text: &str,
    holes: &mut Vec<(&'a str, String)>,
    trace: &mut Trace,
) -> bool {
    let Some((piece, rest)) = pattern.split_first() else {
        return text.is_empty();
    };
    let (name, kind) = match piece {
        Piece::Text(literal) => {
            return text
                .strip_prefix(literal.as_str())
                .is_some_and(|after| fits(rest, after, holes, trace));
        }
        Piece::Hole { name, kind } => (name, kind),
    };
    let ends: Box<dyn Iterator<Item = usize>> = match rest {
        // Last in the template: the hole takes the rest of the text.
        [] => Box::new(std::iter::once(text.len())),
        // Before the template's last text: the hole ends where that text ends the message.
        [Piece::Text(last)] => Box::new(
            text.ends_with(last.as_str())
                .then(|| text.len() - last.len())
                .into_iter(),
        ),
        [Piece::Text(next), ..] => Box::new(text.match_indices(next.as_str()).map(|(i, _)| i)),
        [Piece::Hole { .. }, ..] => unreachable!("`parse` puts text between holes"),
    };
    let mut scanned = 0;
    for end in ends {
        if !trace.step(end - scanned) {
            return false;
        }
        scanned = end;
        let (noted, count) = (trace.used.len(), holes.len());
        // The rest first: it is cheap to refuse, and a hole's text is said only once it fits.
        if fits(rest, &text[end..], holes, trace)
            && let Some(said) = kind.say(&text[..end], trace)
        {
            holes.push((name.as_str(), said));
            return true;
        }
        holes.truncate(count);
        trace.used.truncate(noted);
    }
    false
}

/// The Vietnamese template with its holes filled.
fn fill(template: &[Piece], holes: &[(&str, String)]) -> String {
    let mut out = String::new();
    for piece in template {
        match piece {
            Piece::Text(text) => out.push_str(text),
            Piece::Hole { name, .. } => {
                if let Some((_, said)) = holes.iter().find(|(hole, _)| hole == name) {
                    out.push_str(said);
                }
            }
        }
    }
    out
}

/// Splits a template into text and holes.
fn parse(template: &'static str) -> Result<Vec<Piece>, String> {
    let mut pieces = Vec::new();
    let mut text = String::new();
    let mut rest = template;
    while let Some(c) = rest.chars().next() {
        if let Some(after) = rest.strip_prefix("{{") {
            text.push('{');
            rest = after;
        } else if let Some(after) = rest.strip_prefix("}}") {
            text.push('}');
            rest = after;
        } else if c == '{' {
            let close = rest.find('}').ok_or("a hole without its `}`")?;
            let hole = &rest[1..close];
            let (name, kind) = hole.split_once(':').unwrap_or((hole, ""));
            if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
                return Err(format!("a hole named {name:?}"));
            }
            if matches!(pieces.last(), Some(Piece::Hole { .. })) && text.is_empty() {
                return Err("two holes with no text between them".to_owned());
            }
            if !text.is_empty() {
                pieces.push(Piece::Text(std::mem::take(&mut text)));
            }
            pieces.push(Piece::Hole {
                name: name.to_owned(),
                kind: Kind::named(kind),
            });
            rest = &rest[close + 1..];
        } else if c == '}' {
            return Err("a `}` without its `{`".to_owned());
        } else {
            text.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    if !text.is_empty() {
        pieces.push(Piece::Text(text));
    }
    Ok(pieces)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vn;

    #[test]
    fn every_template_is_well_formed() {
        for (table, entries) in table::TABLES {
            for &(english, vietnamese) in *entries {
                let holes = |template: &'static str| -> Vec<(String, Kind)> {
                    let mut holes: Vec<_> = parse(template)
                        .unwrap_or_else(|error| panic!("{table}: {template:?}: {error}"))
                        .into_iter()
                        .filter_map(|piece| match piece {
                            Piece::Hole { name, kind } => Some((name, kind)),
                            Piece::Text(_) => None,
                        })
                        .collect();
                    holes.sort_by(|a, b| a.0.cmp(&b.0));
                    holes
                };
                let english_holes = holes(english);
                let names = |holes: &[(String, Kind)]| -> Vec<String> {
                    holes.iter().map(|(name, _)| name.clone()).collect()
                };
                assert_eq!(
                    names(&english_holes),
                    names(&holes(vietnamese)),
                    "{table}: {english:?} and {vietnamese:?} name other holes"
                );
                for (_, kind) in &english_holes {
                    if let Kind::Table(name) = kind {
                        assert!(TABLES.contains_key(name), "{english:?}: no table {name:?}");
                    }
                }
                assert!(vn::is_nfc(vietnamese), "{vietnamese:?} is not NFC");
                assert_ne!(
                    english, "",
                    "{table}: an empty template fits only empty text"
                );
            }
        }
    }

    #[test]
    fn templates_say_the_values_as_they_are() {
        let cases = [
            ("must not be empty", "không được để trống"),
            (
                "expected a whole number, found the text \"2022\"",
                "phải là số nguyên, nhưng đang là văn bản \"2022\"",
            ),
            (
                "unknown field (check its spelling; `vanban schema` lists the fields)",
                "trường không có trong lược đồ (kiểm tra chính tả; `vanban schema` liệt kê các \
                 trường)",
            ),
            (
                "expected a whole number, found the fraction 2.5",
                "phải là số nguyên, nhưng đang là số thập phân 2.5",
            ),
            (
                "must be at most 2100, found 3022",
                "không được vượt quá 2100, nhưng đang là 3022",
            ),
            (
                "`{quy}` names none of the quantities here (keys: none)",
                "`{quy}` không ứng với số liệu nào ở đây (các khóa: không có)",
            ),
            (
                "malformed JSON at line 3, column 3: expected value",
                "JSON sai cú pháp ở dòng 3, cột 3: cần một giá trị JSON (văn bản phải đặt trong \
                 dấu ngoặc kép)",
            ),
            (
                "gives the same file name \"phuong-an-my\" as row 2",
                "cho ra tên tệp \"phuong-an-my\", trùng với tên tệp của dòng 2",
            ),
            (
                "the shared batch file: 2 problem(s) in the year data",
                "tệp dữ liệu chung: dữ liệu năm có 2 lỗi",
            ),
            (
                "bad query parameter: format: unknown variant `gif`, expected one of `pdf`, `png`, `svg`",
                "tham số truy vấn `format`: giá trị `gif` không hợp lệ, phải là một trong `pdf`, `png`, `svg`",
            ),
        ];
        for (english, want) in cases {
            assert_eq!(vietnamese(english).as_deref(), Some(want), "{english}");
        }
    }

    #[test]
    fn a_hole_ends_where_the_rest_fits() {
        // The party's id holds the text that follows the hole in the template.
        assert_eq!(
            vietnamese("\"a\" is listed twice\" is listed twice").as_deref(),
            Some("\"a\" is listed twice\" được liệt kê hai lần")
        );
        // A number hole takes only a number: "12a" is not a line.
        assert_eq!(
            vietnamese("input is not valid UTF-8 at line 12a, column 3"),
            None
        );
    }

    #[test]
    fn values_that_repeat_a_template_stay_quick() {
        let started = std::time::Instant::now();
        // A placeholder's name that repeats the text after it, with a list that is neither
        // "quantities" nor "targets": every end of the name, and of the list after it, is
        // tried, and each reads the rest of the message.
        let name = "}` names none of the x here (keys: a) ".repeat(2_000);
        let message = format!("`{{{name}}}` names none of the quantities here (keys: a, b)");
        assert_eq!(vietnamese(&message), None);
        // A party that repeats the text after it: its end is where the message ends.
        let party = "\" is listed twice".repeat(100_000);
        let said = vietnamese(&format!("\"{party}\" is listed twice"));
        assert!(said.is_some_and(|said| said.ends_with("\" được liệt kê hai lần")));
        assert!(
            started.elapsed() < std::time::Duration::from_secs(1),
            "{:?}",
            started.elapsed()
        );
        // A long value that repeats nothing is said.
        let text = serde_json::Value::from("Tam Kỳ ".repeat(20_000)).to_string();
        assert!(vietnamese(&format!("expected a list, found the text {text}")).is_some());
    }

    #[test]
    fn unknown_messages_have_no_translation() {
        assert_eq!(vietnamese("something vanban never says"), None);
        assert_eq!(vietnamese(""), None);
    }

    #[test]
    fn locations() {
        assert_eq!(
            vietnamese_location("row 5, column D (cay_xanh)"),
            "dòng 5, cột D (cay_xanh)"
        );
        assert_eq!(vietnamese_location("row 3"), "dòng 3");
        assert_eq!(vietnamese_location("the sheet"), "bảng tính");
        assert_eq!(vietnamese_location("$.wards[2].name"), "$.wards[2].name");
        assert_eq!(
            vietnamese_location("phuong-an-my.json"),
            "phuong-an-my.json"
        );
    }
}
