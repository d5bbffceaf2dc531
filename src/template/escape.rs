//! Escaping values as literal Typst text, so that data is never read as Typst code.
//!
//! The rule of the Typst lexer is that, in markup, `\` followed by any non-whitespace character
//! yields that character literally. We escape every character that could start markup syntax
//! (code, math, raw, strong, emphasis, labels, references, comments, line-start markers,
//! shorthands, smart quotes) and turn newlines into forced line breaks.

/// Characters that are backslash-escaped in markup.
const MARKUP_SPECIAL: &[char] = &[
    '\\', '#', '[', ']', '$', '`', '*', '_', '<', '>', '@', '/', '(', ')', '=', '-', '+', '.', ':',
    '~', '\'', '"',
];

/// Appends `text` to `out` as literal Typst markup.
pub fn escape_markup(text: &str, out: &mut String) {
    for c in text.chars() {
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
    }
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
    fn string_literal_escapes_quotes_and_controls() {
        assert_eq!(string_literal("a\"b\\c"), "\"a\\\"b\\\\c\"");
        assert_eq!(string_literal("x\ny\u{1}"), "\"x\\ny\\u{1}\"");
        assert_eq!(string_literal("#[$]"), "\"#[$]\"");
    }
}
