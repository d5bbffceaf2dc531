//! Vietnamese text: normalisation, upper-casing, file-name slugs and collation.
//!
//! Collation follows CLDR `vi` on three levels, on the NFD form of the text:
//! - primary: the letter, case-insensitive, in the order a ă â b c d đ e ê (f) g
//!   h i (j) k l m n o ô ơ p q r s t u ư v (w) x y (z); before letters come
//!   whitespace, then other symbols (by code point), then ASCII digits; other
//!   letters (non-Latin scripts, Latin letters with a stroke) come last;
//! - secondary: tones, none < huyền < hỏi < ngã < sắc < nặng, left to right;
//!   other combining marks rank after the tones;
//! - tertiary: lowercase before uppercase.
//!
//! Strings equal on all three levels are ordered by their NFD code points, so
//! the order is total and canonically equivalent strings (NFC vs NFD) compare
//! equal.

use std::cmp::Ordering;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

const BREVE: char = '\u{306}';
const CIRCUMFLEX: char = '\u{302}';
const HORN: char = '\u{31B}';

/// Tone marks in collation order: huyền, hỏi, ngã, sắc, nặng.
const TONES: [char; 5] = ['\u{300}', '\u{309}', '\u{303}', '\u{301}', '\u{323}'];

/// The collation alphabet as (lowercase base, letter-forming mark), in order.
const ALPHABET: [(char, Option<char>); 33] = [
    ('a', None),
    ('a', Some(BREVE)),
    ('a', Some(CIRCUMFLEX)),
    ('b', None),
    ('c', None),
    ('d', None),
    ('đ', None),
    ('e', None),
    ('e', Some(CIRCUMFLEX)),
    ('f', None),
    ('g', None),
    ('h', None),
    ('i', None),
    ('j', None),
    ('k', None),
    ('l', None),
    ('m', None),
    ('n', None),
    ('o', None),
    ('o', Some(CIRCUMFLEX)),
    ('o', Some(HORN)),
    ('p', None),
    ('q', None),
    ('r', None),
    ('s', None),
    ('t', None),
    ('u', None),
    ('u', Some(HORN)),
    ('v', None),
    ('w', None),
    ('x', None),
    ('y', None),
    ('z', None),
];

/// Returns the NFC form of `s`.
pub fn nfc(s: &str) -> String {
    s.nfc().collect()
}

/// Tells whether `s` is already in NFC.
pub fn is_nfc(s: &str) -> bool {
    unicode_normalization::is_nfc(s)
}

/// Text as a word processor pastes it, tidied the same way for every input: soft hyphens,
/// zero-width spaces, word joiners and byte-order marks dropped; no-break and other spaces,
/// tabs and line breaks made plain spaces; runs of spaces made one; the ends trimmed. Curly
/// quotes (“ ”), which Vietnamese documents use, are kept. `None` when `text` is already tidy,
/// as nearly all text is.
pub fn tidy(text: &str) -> Option<String> {
    let dropped = |c: char| matches!(c, '\u{00AD}' | '\u{200B}' | '\u{2060}' | '\u{FEFF}');
    let untidy = text.starts_with(' ')
        || text.ends_with(' ')
        || text.contains("  ")
        || text
            .chars()
            .any(|c| dropped(c) || (c != ' ' && c.is_whitespace()));
    if !untidy {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars().filter(|&c| !dropped(c)) {
        if !c.is_whitespace() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with(' ') {
            out.push(' ');
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    Some(out)
}

/// Upper-cases Vietnamese text, returning NFC: `"Tam Kỳ"` → `"TAM KỲ"`.
pub fn upper(s: &str) -> String {
    nfc(&s.to_uppercase())
}

/// An ASCII file-name slug: diacritics dropped, đ → d, lowercase, every run of
/// other characters (including non-ASCII letters) turned into one "-", with
/// none at either end: `"Phường An Mỹ"` → `"phuong-an-my"`.
pub fn slug(s: &str) -> String {
    let letters = s.nfd().filter(|&c| !is_combining_mark(c)).map(|c| {
        if c == 'đ' || c == 'Đ' {
            'd'
        } else {
            c.to_ascii_lowercase()
        }
    });
    let mut slug = String::with_capacity(s.len());
    let mut pending_dash = false;
    for c in letters {
        if c.is_ascii_alphanumeric() {
            if pending_dash && !slug.is_empty() {
                slug.push('-');
            }
            pending_dash = false;
            slug.push(c);
        } else {
            pending_dash = true;
        }
    }
    slug
}

/// Compares two strings in Vietnamese collation order (see the module docs).
pub fn compare(a: &str, b: &str) -> Ordering {
    SortKey::of(a)
        .cmp(&SortKey::of(b))
        .then_with(|| a.nfd().cmp(b.nfd()))
}

/// Compares two Vietnamese full names as name lists are sorted: by given name
/// (last word), then surname (first word), then the middle words in order,
/// each with [`compare`]: "Lê Văn An" < "Nguyễn Thị An" < "Trần Văn Bình".
pub fn compare_person_names(a: &str, b: &str) -> Ordering {
    let (a_parts, b_parts) = (NameParts::of(a), NameParts::of(b));
    compare(a_parts.given, b_parts.given)
        .then_with(|| compare(a_parts.surname, b_parts.surname))
        .then_with(|| compare_word_lists(&a_parts.middle, &b_parts.middle))
        .then_with(|| compare(a, b))
}

/// A full name split as surname (họ), middle words (tên đệm) and given name (tên).
struct NameParts<'a> {
    surname: &'a str,
    middle: Vec<&'a str>,
    given: &'a str,
}

impl<'a> NameParts<'a> {
    /// Splits on whitespace; a one-word name is all given name.
    fn of(name: &'a str) -> Self {
        let mut words: Vec<&str> = name.split_whitespace().collect();
        let given = words.pop().unwrap_or("");
        let surname = if words.is_empty() {
            ""
        } else {
            words.remove(0)
        };
        NameParts {
            surname,
            middle: words,
            given,
        }
    }
}

/// Compares word lists word by word with [`compare`], a shorter prefix first.
fn compare_word_lists(a: &[&str], b: &[&str]) -> Ordering {
    a.iter()
        .zip(b)
        .map(|(x, y)| compare(x, y))
        .find(|order| order.is_ne())
        .unwrap_or_else(|| a.len().cmp(&b.len()))
}

/// The primary weight of one collation element; variants are in sort order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Primary {
    Space,
    Symbol(char),
    Digit(u32),
    Letter(usize),
    Other(char),
}

/// The three collation levels of a string, compared in field order.
#[derive(Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
struct SortKey {
    primary: Vec<Primary>,
    secondary: Vec<u32>,
    tertiary: Vec<bool>,
}

impl SortKey {
    /// Builds the key of `s` from its NFD form, one element per base character
    /// with its combining marks (a stray leading mark is an element of its own).
    fn of(s: &str) -> Self {
        let mut key = SortKey::default();
        let mut chars = s.nfd().peekable();
        while let Some(base) = chars.next() {
            let mut marks = Vec::new();
            while let Some(mark) = chars.next_if(|&c| is_combining_mark(c)) {
                marks.push(mark);
            }
            key.push_element(base, &marks);
        }
        key
    }

    /// Appends the weights of one base character and its marks.
    fn push_element(&mut self, base: char, marks: &[char]) {
        let lower = fold_case(base);
        let letter_mark = marks
            .iter()
            .position(|&m| letter_rank(lower, Some(m)).is_some());
        let modifier = letter_mark.map(|i| marks[i]);
        self.primary.push(primary_weight(lower, modifier));
        let accents = marks
            .iter()
            .enumerate()
            .filter(|&(i, _)| Some(i) != letter_mark);
        let secondary_len = self.secondary.len();
        self.secondary
            .extend(accents.map(|(_, &m)| secondary_weight(m)));
        if self.secondary.len() == secondary_len {
            self.secondary.push(0);
        }
        self.tertiary.push(base.is_uppercase());
    }
}

/// The position of a letter in [`ALPHABET`].
fn letter_rank(lower: char, modifier: Option<char>) -> Option<usize> {
    ALPHABET
        .iter()
        .position(|&letter| letter == (lower, modifier))
}

/// The primary weight of a case-folded base character and its letter-forming mark.
fn primary_weight(lower: char, modifier: Option<char>) -> Primary {
    if let Some(rank) = letter_rank(lower, modifier) {
        Primary::Letter(rank)
    } else if lower.is_whitespace() {
        Primary::Space
    } else if let Some(digit) = lower.to_digit(10) {
        Primary::Digit(digit)
    } else if lower.is_alphanumeric() {
        Primary::Other(lower)
    } else {
        Primary::Symbol(lower)
    }
}

/// The secondary weight of a mark: 1 to 5 for the tones, higher for others.
fn secondary_weight(mark: char) -> u32 {
    let tone_count = TONES.len() as u32;
    match TONES.iter().position(|&tone| tone == mark) {
        Some(i) => i as u32 + 1,
        None => tone_count + 1 + u32::from(mark),
    }
}

/// Lowercases a character that lowercases to a single character.
fn fold_case(c: char) -> char {
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(l), None) => l,
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Strings that stress normalisation, case mapping and collation.
    const TRICKY: [&str; 24] = [
        "",
        " ",
        "\t\n",
        "\u{0}",
        "\u{301}",
        "\u{301}a",
        "a\u{301}\u{301}\u{323}",
        "a\u{306}\u{302}\u{31B}",
        "Đ\u{300}",
        "İ",
        "ß",
        "ǅ",
        "ﬁ",
        "🎉 Tết",
        "---",
        "Ω≈ç√",
        "مرحبا",
        "\u{FEFF}\u{200B}",
        "\u{10FFFF}",
        "ặ ệ ộ ự",
        "Ặ Ệ Ộ Ự",
        "a\u{323}\u{306}",
        "Hoà",
        "Hòa",
    ];

    #[test]
    fn nfc_composes() {
        let cases = [
            ("", ""),
            ("Ho\u{300}a", "Hòa"),
            ("Hòa", "Hòa"),
            ("a\u{323}\u{306}", "ặ"),
            ("u\u{31B}\u{303}", "ữ"),
            ("D\u{335}", "D\u{335}"),
        ];
        for (input, expected) in cases {
            assert_eq!(nfc(input), expected, "{input:?}");
        }
    }

    #[test]
    fn is_nfc_detects_decomposed_text() {
        let cases = [
            ("", true),
            ("Tam Kỳ", true),
            ("Tam Ky\u{300}", false),
            ("ASCII only", true),
            ("a\u{323}\u{306}", false),
        ];
        for (input, expected) in cases {
            assert_eq!(is_nfc(input), expected, "{input:?}");
        }
    }

    #[test]
    fn upper_returns_nfc_uppercase() {
        let cases = [
            (
                "Ban Chỉ huy Quân sự thành phố Tam Kỳ",
                "BAN CHỈ HUY QUÂN SỰ THÀNH PHỐ TAM KỲ",
            ),
            ("đ", "Đ"),
            ("Tam Ky\u{300}", "TAM KỲ"),
            ("a\u{323}\u{306}", "Ặ"),
            ("ư ơ ă â ê ô", "Ư Ơ Ă Â Ê Ô"),
            ("", ""),
            ("123 - số", "123 - SỐ"),
        ];
        for (input, expected) in cases {
            let upper = upper(input);
            assert_eq!(upper, expected, "{input:?}");
            assert!(is_nfc(&upper), "{input:?}");
        }
    }

    #[test]
    fn slug_is_ascii_and_dashed() {
        let cases = [
            ("Tam Kỳ", "tam-ky"),
            ("Phường An Mỹ", "phuong-an-my"),
            ("Xã Tam Thanh", "xa-tam-thanh"),
            ("Hòa Hương", "hoa-huong"),
            ("  Đà Nẵng!! ", "da-nang"),
            ("", ""),
            ("---", ""),
            ("Quyết định số 12/QĐ-UBND", "quyet-dinh-so-12-qd-ubnd"),
            ("Tam Ky\u{300}", "tam-ky"),
            ("ĐỒNG", "dong"),
            ("a—b", "a-b"),
            ("Tết 🎉 2024", "tet-2024"),
        ];
        for (input, expected) in cases {
            assert_eq!(slug(input), expected, "{input:?}");
        }
    }

    #[test]
    fn compare_orders_vietnamese_letters() {
        let ascending = [
            &["an", "ăn", "ân", "bà"][..],
            &["da", "đa", "e"],
            &["o", "ô", "ơ", "p"],
            &["u", "ư", "v"],
            &["ma", "mà", "mả", "mã", "má", "mạ"],
            &["e", "ê", "f", "g"],
            &["i", "j", "k"],
            &["v", "w", "x", "y", "z"],
            &["Hòa", "Hoàng"],
            &["anh", "Anh"],
            &["ặ", "â"],
            &["ữ", "ự", "v"],
            &["Ban CHQS", "Bana"],
            &[" ", "-", "0", "9", "a", "ø"],
            &["Hoà", "Hòa"],
        ];
        for chain in ascending {
            for pair in chain.windows(2) {
                assert_eq!(compare(pair[0], pair[1]), Ordering::Less, "{pair:?}");
                assert_eq!(compare(pair[1], pair[0]), Ordering::Greater, "{pair:?}");
            }
        }
    }

    #[test]
    fn compare_levels() {
        let cases = [
            ("Anh", "anh", true, true),
            ("ANH", "anh", true, true),
            ("anh", "ánh", true, false),
            ("an", "ăn", false, true),
            ("Đà", "đà", true, true),
        ];
        for (a, b, same_primary, same_secondary) in cases {
            let (a_key, b_key) = (SortKey::of(a), SortKey::of(b));
            assert_eq!(a_key.primary == b_key.primary, same_primary, "{a} {b}");
            assert_eq!(
                a_key.secondary == b_key.secondary,
                same_secondary,
                "{a} {b}"
            );
        }
    }

    #[test]
    fn compare_ignores_normalisation_form() {
        let cases = [
            ("Hòa", "Ho\u{300}a"),
            ("ặ", "a\u{323}\u{306}"),
            ("ặ", "a\u{306}\u{323}"),
            ("Nguyễn", "Nguye\u{302}\u{303}n"),
            ("", ""),
        ];
        for (a, b) in cases {
            assert_eq!(compare(a, b), Ordering::Equal, "{a:?} {b:?}");
        }
    }

    #[test]
    fn compare_sorts_unit_names() {
        let mut units = [
            "Thành đoàn",
            "Hội Nông dân",
            "Ban CHQS",
            "Đoàn",
            "Công an",
            "Dân quân",
        ];
        units.sort_by(|a, b| compare(a, b));
        let expected = [
            "Ban CHQS",
            "Công an",
            "Dân quân",
            "Đoàn",
            "Hội Nông dân",
            "Thành đoàn",
        ];
        assert_eq!(units, expected);
    }

    #[test]
    fn compare_person_names_by_given_name_first() {
        let cases: [(&[&str], &[&str]); 4] = [
            (
                &[
                    "Trần Văn Bình",
                    "Nguyễn Thị An",
                    "Lê Văn An",
                    "Phạm Thị Hòa",
                ],
                &[
                    "Lê Văn An",
                    "Nguyễn Thị An",
                    "Trần Văn Bình",
                    "Phạm Thị Hòa",
                ],
            ),
            (
                &["Nguyễn Văn An", "Nguyễn Thị An", "Nguyễn An"],
                &["Nguyễn An", "Nguyễn Thị An", "Nguyễn Văn An"],
            ),
            (&["Bình", "An", "Lê An", ""], &["", "An", "Lê An", "Bình"]),
            (&["Lê Văn An", "Lê  Văn An"], &["Lê  Văn An", "Lê Văn An"]),
        ];
        for (input, expected) in cases {
            let mut names = input.to_vec();
            names.sort_by(|a, b| compare_person_names(a, b));
            assert_eq!(names, expected);
        }
    }

    #[test]
    fn tricky_strings_do_not_panic() {
        for s in TRICKY {
            assert!(is_nfc(&nfc(s)), "{s:?}");
            assert!(is_nfc(&upper(s)), "{s:?}");
            let slug = slug(s);
            assert!(
                slug.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            );
            assert!(!slug.starts_with('-') && !slug.ends_with('-') && !slug.contains("--"));
            assert_eq!(compare(s, s), Ordering::Equal, "{s:?}");
            assert_eq!(compare(s, &nfc(s)), Ordering::Equal, "{s:?}");
            assert_eq!(compare_person_names(s, s), Ordering::Equal, "{s:?}");
        }
    }

    #[test]
    fn orders_are_total_on_tricky_strings() {
        let strings: Vec<String> = TRICKY
            .iter()
            .flat_map(|s| [s.to_string(), upper(s)])
            .collect();
        for order in [compare, compare_person_names] {
            for a in &strings {
                for b in &strings {
                    assert_eq!(order(a, b), order(b, a).reverse(), "{a:?} {b:?}");
                    for c in &strings {
                        let (ab, bc) = (order(a, b), order(b, c));
                        if ab == bc {
                            assert_eq!(order(a, c), ab, "{a:?} {b:?} {c:?}");
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn pasted_text_is_tidied() {
        let pasted = "\u{feff} Quỹ\u{a0}“Vì người\tnghèo”\r\nthành\u{ad}phố  Tam\u{200b} Kỳ\n";
        assert_eq!(
            tidy(pasted).as_deref(),
            Some("Quỹ “Vì người nghèo” thànhphố Tam Kỳ")
        );
        assert_eq!(tidy("Ban CHQS thành phố Tam Kỳ"), None);
        assert_eq!(tidy(" \u{a0}\n").as_deref(), Some(""));
    }
}
