//! Where a printed line may break: the longest run of text that Typst must keep on one line,
//! measured the way the document lays the text out, so that no word checked as fitting runs
//! off the page.
//!
//! Typst breaks lines at the opportunities of Unicode's line breaking algorithm (UAX #14, with
//! the same segmenter as here): never at a no-break space (U+00A0, U+2007, U+202F), a word
//! joiner or a non-breaking hyphen, nor after an opening bracket or before a comma even with
//! spaces between. The renderer adds bindings of its own: the words around a spaced dash ("trị -
//! xã") go into one box (see `template::escape`), and header names bind each place name ("thành
//! phố Tam Kỳ", see [`vn::bind_place_names`]).

use std::sync::LazyLock;

use icu_segmenter::options::LineBreakOptions;
use icu_segmenter::{LineSegmenter, LineSegmenterBorrowed};

use crate::template::beside_spaced_dash;
use crate::vn;

/// The line segmenter Typst uses for text that is neither Chinese nor Japanese.
static SEGMENTER: LazyLock<LineSegmenterBorrowed<'static>> =
    LazyLock::new(|| LineSegmenter::new_lstm(LineBreakOptions::default()));

/// The length in characters of the longest run of `text` that a printed line cannot break,
/// trailing spaces left out.
pub fn longest_unbreakable(text: &str) -> usize {
    let text = bind_spaced_dashes(text);
    let mut longest = 0;
    let mut start = 0;
    for point in SEGMENTER.segment_str(&text) {
        let run = text[start..point].trim_end_matches(' ');
        longest = longest.max(run.chars().count());
        start = point;
    }
    longest
}

/// The longest unbreakable run of a name as a header prints it, with its place names bound.
pub fn longest_unbreakable_in_header(name: &str, place: &str) -> usize {
    longest_unbreakable(&vn::bind_place_names(name, Some(place)))
}

/// `text` with each dash between two words and the spaces around it made non-breaking, as the
/// renderer's box keeps them; the length in characters is unchanged.
fn bind_spaced_dashes(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut bound_space_before = false;
    for (index, c) in text.char_indices() {
        let bound = c == ' ' && beside_spaced_dash(text, index);
        match c {
            ' ' if bound => out.push('\u{a0}'),
            '-' | '\u{2013}'
                if bound_space_before && is_bound_space(text, index + c.len_utf8()) =>
            {
                out.push('\u{2011}');
            }
            c => out.push(c),
        }
        bound_space_before = bound;
    }
    out
}

/// Whether byte `index` of `text` is a space bound to a dash.
fn is_bound_space(text: &str, index: usize) -> bool {
    text[index..].starts_with(' ') && beside_spaced_dash(text, index)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_end_where_a_line_may_break() {
        assert_eq!(longest_unbreakable("Tam Kỳ ngày"), 4);
        // No-break spaces and joiners join; hyphens allow a break after them.
        assert_eq!(longest_unbreakable("Tam\u{a0}Kỳ ngày"), 6);
        assert_eq!(longest_unbreakable("a\u{202f}b\u{2007}c\u{2060}d e"), 7);
        assert_eq!(longest_unbreakable("abc-def"), 4);
        // Nothing breaks after an opening bracket or before a comma, spaces or not.
        assert_eq!(longest_unbreakable("( ( ( a"), 7);
        assert_eq!(longest_unbreakable("a , , ,"), 7);
        // The renderer boxes the words around a spaced dash.
        assert_eq!(longest_unbreakable("chính trị - xã hội"), 8);
        assert_eq!(longest_unbreakable("a - b - c - d"), 13);
    }

    #[test]
    fn header_names_keep_place_names_whole() {
        assert_eq!(
            longest_unbreakable_in_header("Ban CHQS thành phố Tam Kỳ", "Tam Kỳ"),
            16
        );
    }
}
