//! Errors as values: every problem vanban reports is a [`Kind`] with typed parameters, found
//! at a [`Location`], and put into words only at the edge, in English or Vietnamese.
//!
//! The wording is in the Fluent files `locales/en.ftl` and `locales/vi.ftl`, one message per
//! kind whose id is the kind's code, its name in snake case; `catalogue` gives each message the
//! values it quotes. A test finds a kind without both wordings. [`Class`] says whose fault a
//! problem is; the command line's exit code and the server's status both follow from it.

mod catalogue;
mod kind;

pub use kind::{
    CellValue, Expected, Figures, Found, Hint, IoReason, Kind, Measure, Part, Place, SpecialFile,
};

use std::fmt;

use serde::Serialize;

/// The languages vanban speaks to people.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Language {
    #[default]
    English,
    Vietnamese,
}

impl Language {
    /// The language of a POSIX locale (`vi_VN.UTF-8`, `vi`): Vietnamese for `vi`, English for
    /// anything else.
    pub fn of_locale(locale: &str) -> Language {
        let language = locale
            .split(['_', '.', '@', '-'])
            .next()
            .unwrap_or_default();
        if language.eq_ignore_ascii_case("vi") {
            Language::Vietnamese
        } else {
            Language::English
        }
    }
}

/// Whose fault a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    /// The data (year data, a batch, a sheet) is wrong: the user fixes it.
    Data,
    /// The request is wrong (an option, a query parameter, a route, a form).
    Request,
    /// A template (or the Typst it writes) fails.
    Template,
    /// Something that should not happen, or the machine (disk, busy server).
    Internal,
}

/// Where a problem is.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Location {
    /// A JSON path, `$.organizations[2].name`; `$` is the whole document.
    Json(String),
    /// A sheet's cell: its row as the sheet numbers it, its column from 0, and the column's
    /// header when it has one.
    Cell {
        row: usize,
        column: usize,
        header: Option<String>,
    },
    /// A sheet's row.
    Row(usize),
    /// The sheet as a whole.
    Sheet,
    /// A file, by its name.
    File(String),
}

impl Location {
    /// The location for programs: the JSON path, `C5` for a cell, `5:5` for a row, `sheet`,
    /// or the file name.
    pub fn path(&self) -> String {
        match self {
            Location::Json(path) | Location::File(path) => path.clone(),
            Location::Cell { row, column, .. } => format!("{}{row}", column_letter(*column)),
            Location::Row(row) => format!("{row}:{row}"),
            Location::Sheet => "sheet".to_owned(),
        }
    }
}

impl From<&str> for Location {
    fn from(path: &str) -> Self {
        Location::Json(path.to_owned())
    }
}

impl From<String> for Location {
    fn from(path: String) -> Self {
        Location::Json(path)
    }
}

/// A sheet's column letters: 0 → "A", 25 → "Z", 26 → "AA".
pub fn column_letter(column: usize) -> String {
    let mut letters = Vec::new();
    let mut rest = column + 1;
    while rest > 0 {
        rest -= 1;
        letters.push(b'A' + (rest % 26) as u8);
        rest /= 26;
    }
    letters.iter().rev().map(|&letter| letter as char).collect()
}

impl Kind {
    /// The problem in words.
    pub fn say(&self, language: Language) -> String {
        self.try_say(language).unwrap_or_else(|partial| partial)
    }
}

impl fmt::Display for Kind {
    /// In English.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.say(Language::English))
    }
}

/// One problem and where it is.
#[derive(Debug, Clone, PartialEq)]
pub struct DataError {
    pub at: Location,
    pub kind: Kind,
}

impl DataError {
    /// A problem of `kind` at `at` (a JSON path as text, or any [`Location`]).
    pub fn new(at: impl Into<Location>, kind: Kind) -> Self {
        DataError {
            at: at.into(),
            kind,
        }
    }

    /// `location: problem`, as the command line prints it.
    pub fn say(&self, language: Language) -> String {
        format!("{}: {}", self.at.say(language), self.kind.say(language))
    }
}

impl fmt::Display for DataError {
    /// In English.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.say(Language::English))
    }
}

/// A problem as a JSON answer and the batch manifest list it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Item {
    /// The kind's code, e.g. `text_empty`.
    pub code: String,
    /// The location for programs (see [`Location::path`]).
    pub path: String,
    /// The location in words, when it is a sheet's: `row 2, column C (cay_xanh)`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// The problem in words.
    pub message: String,
    /// In a batch, the ward whose data has the problem.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ward: Option<String>,
}

impl Item {
    /// `error` said in `language`.
    pub fn new(error: &DataError, language: Language) -> Self {
        Item {
            code: error.kind.code(),
            path: error.at.path(),
            place: match error.at {
                Location::Cell { .. } | Location::Row(_) | Location::Sheet => {
                    Some(error.at.say(language))
                }
                Location::Json(_) | Location::File(_) => None,
            },
            message: error.kind.say(language),
            ward: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locales() {
        for (locale, language) in [
            ("vi_VN.UTF-8", Language::Vietnamese),
            ("vi", Language::Vietnamese),
            ("VI_vn", Language::Vietnamese),
            ("en_US.UTF-8", Language::English),
            ("C", Language::English),
            ("", Language::English),
            ("vietnamese", Language::English),
        ] {
            assert_eq!(Language::of_locale(locale), language, "{locale}");
        }
    }

    #[test]
    fn column_letters() {
        let letters: Vec<String> = [0, 3, 25, 26, 51, 52, 701, 702].map(column_letter).into();
        assert_eq!(letters, ["A", "D", "Z", "AA", "AZ", "BA", "ZZ", "AAA"]);
    }

    #[test]
    fn paths_and_words() {
        let cell = Location::Cell {
            row: 5,
            column: 3,
            header: Some("cay_xanh".into()),
        };
        assert_eq!(cell.path(), "D5");
        assert_eq!(cell.say(Language::English), "row 5, column D (cay_xanh)");
        assert_eq!(cell.say(Language::Vietnamese), "dòng 5, cột D (cay_xanh)");
        assert_eq!(Location::Row(3).path(), "3:3");
        assert_eq!(Location::from("$.year").say(Language::Vietnamese), "$.year");
    }
}
