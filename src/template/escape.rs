//! Escaping values as literal Typst text, so that data is never read as Typst code.
//!
//! The rule of the Typst lexer is that, in markup, `\` followed by any non-whitespace character
//! yields that character literally. We escape every character that could start markup syntax
//! (code, math, raw, strong, emphasis, labels, references, comments, line-start markers,
//! shorthands, smart quotes) and turn newlines into forced line breaks.
//!
//! One Vietnamese rule is applied on the way: a dash with a space on each side between two
//! words ("chính trị - xã hội", "Thương binh - Liệt sĩ", "2021 – 2025") is bound to both
//! neighbours, so that no line ends with a lone dash and none starts with one, which would
//! read as a list item. The words and dashes go into one `#box[…];`, which a line never
//! breaks: a no-break space would not do, as Unicode allows a break after a hyphen even before
//! one (UAX #14, LB12a), and a word joiner would be copied with the text.

/// Characters that are backslash-escaped in markup.
const MARKUP_SPECIAL: &[char] = &[
    '\\', '#', '[', ']', '$', '`', '*', '_', '<', '>', '@', '/', '(', ')', '=', '-', '+', '.', ':',
    '~', '\'', '"',
];

/// Appends `text` to `out` as literal Typst markup.
pub fn escape_markup(text: &str, out: &mut String) {
    let mut boxed = false;
    for (index, c) in text.char_indices() {
        if !boxed && starts_word(text, index) && word_joins_next(text, index) {
            out.push_str("#box[");
            boxed = true;
        }
        match c {
            c if MARKUP_SPECIAL.contains(&c) => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\u{2028}' | '\u{2029}' => out.push_str("\\\n"),
            // Tabs, carriage returns and other white-space controls separate words, as
            // validation counts them; other controls print nothing.
            c if c.is_control() && c.is_whitespace() => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
        let next = index + c.len_utf8();
        let word_ends =
            !c.is_whitespace() && text[next..].chars().next().is_none_or(char::is_whitespace);
        if boxed && word_ends && !word_joins_next(text, next) {
            out.push_str("];");
            boxed = false;
        }
    }
}

/// Whether a word starts at byte `index` of `text`.
fn starts_word(text: &str, index: usize) -> bool {
    text[index..]
        .chars()
        .next()
        .is_some_and(|c| !c.is_whitespace())
        && text[..index]
            .chars()
            .next_back()
            .is_none_or(char::is_whitespace)
}

/// Whether the word (or dash) that starts at or runs through byte `index` of `text` is followed
/// by a space beside a dash between two words (see [`beside_spaced_dash`]).
fn word_joins_next(text: &str, index: usize) -> bool {
    let end = text[index..]
        .find(char::is_whitespace)
        .map_or(text.len(), |offset| index + offset);
    text[end..].starts_with(' ') && beside_spaced_dash(text, end)
}

/// Whether the space at byte `index` of `text` is one of the two around a dash between two
/// words: "trị - xã" (either space), not "- xã" at the start nor "trị -" at the end.
pub(crate) fn beside_spaced_dash(text: &str, index: usize) -> bool {
    const DASHES: [char; 2] = ['-', '\u{2013}'];
    let word_char = |c: Option<char>| c.is_some_and(|c| !c.is_whitespace());
    let (before, after) = (&text[..index], &text[index + 1..]);
    // The space before the dash: "trị| - xã".
    let mut ahead = after.chars();
    if ahead.next().is_some_and(|c| DASHES.contains(&c))
        && ahead.next() == Some(' ')
        && word_char(ahead.next())
        && word_char(before.chars().next_back())
    {
        return true;
    }
    // The space after the dash: "trị -| xã".
    let mut behind = before.chars().rev();
    behind.next().is_some_and(|c| DASHES.contains(&c))
        && behind.next() == Some(' ')
        && word_char(behind.next())
        && word_char(after.chars().next())
}

/// Returns `text` as a Typst string literal, quotes included.
pub fn string_literal(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() || c == '\u{2028}' || c == '\u{2029}' => {
                out.push_str(&format!("\\u{{{:x}}}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn markup(text: &str) -> String {
        let mut out = String::new();
        escape_markup(text, &mut out);
        out
    }

    #[test]
    fn markup_escapes_code_and_markers() {
        assert_eq!(markup("#read(\"/etc\")"), "\\#read\\(\\\"\\/etc\\\"\\)");
        assert_eq!(markup("a*b_c"), "a\\*b\\_c");
        assert_eq!(markup("x\ny"), "x\\\ny");
        assert_eq!(markup("a\rb\tc\u{7}d\u{c}e"), "a b cd e");
        assert_eq!(markup("Tiếng Việt, 100%"), "Tiếng Việt, 100%");
    }

    #[test]
    fn a_spaced_dash_between_words_is_bound_to_both() {
        let cases = [
            ("chính trị - xã hội", "chính #box[trị \\- xã]; hội"),
            (
                "Thương binh - Liệt sĩ (TB-LS)",
                "Thương #box[binh \\- Liệt]; sĩ \\(TB\\-LS\\)",
            ),
            ("giai đoạn 2021 – 2025.", "giai đoạn #box[2021 – 2025\\.];"),
            (
                "Độc lập - Tự do - Hạnh phúc",
                "Độc #box[lập \\- Tự]; #box[do \\- Hạnh]; phúc",
            ),
            ("a - b - c", "#box[a \\- b \\- c];"),
            // A list dash, a dash at the end, a hyphenated word and a double space stay as
            // they are.
            ("- xã hội", "\\- xã hội"),
            ("chính trị -", "chính trị \\-"),
            ("Ê-đê", "Ê\\-đê"),
            ("a  - b", "a  \\- b"),
        ];
        for (text, want) in cases {
            assert_eq!(markup(text), want, "{text}");
        }
    }

    #[test]
    fn string_literal_escapes_quotes_and_controls() {
        assert_eq!(string_literal("a\"b\\c"), "\"a\\\"b\\\\c\"");
        assert_eq!(string_literal("x\ny\u{1}"), "\"x\\ny\\u{1}\"");
        assert_eq!(string_literal("#[$]"), "\"#[$]\"");
    }
}
