//! `{key}` placeholders in activity and program texts, filled with formatted quantities, and
//! the clause a placeholder stands in, which a figure of 0 takes out of the text.

use std::ops::Range;

use super::Quantity;

/// Lowercase ASCII alphanumeric words joined by `separator`.
pub(super) fn is_identifier(text: &str, separator: char) -> bool {
    !text.is_empty()
        && text.split(separator).all(|word| {
            !word.is_empty()
                && word
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        })
}

/// The names in `{name}` placeholders. Braces around anything that is not an identifier are
/// ordinary text.
pub fn placeholders(text: &str) -> impl Iterator<Item = &str> {
    text.split('{').skip(1).filter_map(|rest| {
        let name = &rest[..rest.find('}')?];
        is_identifier(name, '_').then_some(name)
    })
}

/// `text` with each `{key}` replaced by `format(quantity)` for the quantity with that key;
/// other braces are kept as they are.
pub fn fill_placeholders(
    text: &str,
    quantities: &[Quantity],
    format: impl Fn(&Quantity) -> String,
) -> String {
    let mut out = String::with_capacity(text.len() + 32);
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let quantity = after.find('}').and_then(|close| {
            let key = &after[..close];
            let quantity = quantities.iter().find(|q| q.key == key)?;
            Some((quantity, close))
        });
        match quantity {
            Some((quantity, close)) => {
                out.push_str(&format(quantity));
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Where each `{name}` placeholder of `text` sits, with its name.
fn placeholder_spans(text: &str) -> Vec<(Range<usize>, &str)> {
    let mut spans = Vec::new();
    let mut from = 0;
    while let Some(open) = text[from..].find('{').map(|i| from + i) {
        let Some(close) = text[open..].find('}').map(|i| open + i) else {
            break;
        };
        let name = &text[open + 1..close];
        if is_identifier(name, '_') {
            spans.push((open..close + 1, name));
            from = close + 1;
        } else {
            from = open + 1;
        }
    }
    spans
}

/// Where the sentence around byte `at` starts and ends: after the previous ". " and at the
/// next "." that ends a sentence (or the text's end).
fn sentence_around(text: &str, at: usize) -> Range<usize> {
    let start = text[..at].rfind(". ").map_or(0, |i| i + 2);
    let end = text[at..]
        .match_indices('.')
        .map(|(i, _)| at + i)
        .find(|&i| text[i + 1..].is_empty() || text[i + 1..].starts_with(' '))
        .unwrap_or(text.len());
    start..end
}

/// What the text of an activity becomes without the figure `{key}`.
#[derive(Debug, PartialEq, Eq)]
pub enum WithoutFigure {
    /// The text with the placeholder's clause taken out.
    Text(String),
    /// The placeholder sits in the main clause of the only sentence: nothing is left.
    Nothing,
}

/// `text` without the clause of its `{key}` placeholder, for a figure of 0.
///
/// A clause starts at the last ",", ";" or word "với" before the placeholder (a "với" only
/// after another placeholder of the same sentence: "tặng {qua} với số tiền {tien}") and runs to
/// the next "," or ";" or the end of the sentence; a "với …" part that follows belongs to it.
/// A placeholder with no such mark before it sits in its sentence's main clause: the whole
/// sentence goes. A text without the placeholder is returned unchanged.
pub fn without_figure(text: &str, key: &str) -> WithoutFigure {
    let spans = placeholder_spans(text);
    let Some(index) = spans.iter().position(|(_, name)| *name == key) else {
        return WithoutFigure::Text(text.to_owned());
    };
    let placeholder = spans[index].0.clone();
    let sentence = sentence_around(text, placeholder.start);
    let previous = index
        .checked_sub(1)
        .map(|i| spans[i].0.end)
        .filter(|&end| end > sentence.start);
    let before = previous.unwrap_or(sentence.start)..placeholder.start;
    let comma = text[before.clone()]
        .rfind([',', ';'])
        .map(|i| before.start + i);
    let with = previous.and_then(|_| {
        text[before.clone()]
            .rfind(" với ")
            .map(|i| before.start + i)
    });
    let removed = match comma.max(with) {
        Some(start) => {
            let after = &text[placeholder.end..sentence.end];
            let end = after
                .find([',', ';'])
                .map_or(sentence.end, |i| placeholder.end + i);
            start..end
        }
        None => {
            let end = if sentence.end < text.len() {
                sentence.end + 1
            } else {
                sentence.end
            };
            sentence.start..end
        }
    };
    let rest = format!("{}{}", &text[..removed.start], &text[removed.end..]);
    let rest = rest.trim();
    if rest.is_empty() {
        WithoutFigure::Nothing
    } else {
        WithoutFigure::Text(rest.to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn without(text: &str, key: &str) -> String {
        match without_figure(text, key) {
            WithoutFigure::Text(text) => text,
            WithoutFigure::Nothing => String::new(),
        }
    }

    #[test]
    fn a_zero_figure_takes_its_clause_out() {
        let text = "Tổ chức {buoi} tại khu dân cư, thu hút {nguoi} tham dự.";
        assert_eq!(without(text, "nguoi"), "Tổ chức {buoi} tại khu dân cư.");
        let text = "Tặng quà cho {nguoi} với số tiền {tien}.";
        assert_eq!(without(text, "tien"), "Tặng quà cho {nguoi}.");
        let text = "Vận động quỹ {quy}, trao {mai_am} cho đoàn viên; thăm {ho} gia đình.";
        assert_eq!(
            without(text, "mai_am"),
            "Vận động quỹ {quy}; thăm {ho} gia đình."
        );
        let text = "Vận động {quy}, tặng {qua} với số tiền {tien}, thăm {ho}.";
        assert_eq!(without(text, "qua"), "Vận động {quy}, thăm {ho}.");
    }

    #[test]
    fn a_zero_figure_in_the_main_clause_takes_its_sentence_out() {
        let text = "Phối hợp với Ban CHQS tặng quà cho {nguoi} với số tiền {tien}.";
        assert_eq!(without_figure(text, "nguoi"), WithoutFigure::Nothing);
        let text = "Trồng {cay} tại thao trường. Tổ chức trại hè cho {hoc_sinh}.";
        assert_eq!(without(text, "hoc_sinh"), "Trồng {cay} tại thao trường.");
        assert_eq!(without(text, "cay"), "Tổ chức trại hè cho {hoc_sinh}.");
    }

    #[test]
    fn with_starts_a_clause_only_after_another_figure() {
        let text = "Phối hợp với Ban CHQS tổ chức {buoi}, thu hút {nguoi} tham dự.";
        assert_eq!(
            without(text, "nguoi"),
            "Phối hợp với Ban CHQS tổ chức {buoi}."
        );
        assert_eq!(without_figure(text, "buoi"), WithoutFigure::Nothing);
        assert_eq!(without(text, "khac"), text);
    }

    #[test]
    fn placeholders_are_identifiers_in_braces() {
        let found: Vec<_> = placeholders("trao {quy} và {nha_1}, {Not} {x y} {a").collect();
        assert_eq!(found, ["quy", "nha_1"]);
    }

    #[test]
    fn identifiers() {
        assert!(is_identifier("hoi-lhpn", '-'));
        assert!(is_identifier("ldld2", '-'));
        for bad in ["", "Hoi", "hoi--lhpn", "-a", "hội", "a_b"] {
            assert!(!is_identifier(bad, '-'), "{bad}");
        }
    }

    #[test]
    fn fill_replaces_known_keys_and_keeps_other_braces() {
        let quantities = [Quantity {
            key: "quy".into(),
            label: "Quỹ".into(),
            amount: Some(5),
            ..Quantity::default()
        }];
        assert_eq!(
            fill_placeholders("quỹ {quy} {unknown} {x", &quantities, |q| format!(
                "<{}>",
                q.key
            )),
            "quỹ <quy> {unknown} {x"
        );
    }
}
