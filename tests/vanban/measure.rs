//! Measuring a PDF the way a reader sees it: lines with their size, style and position
//! (poppler's pdftohtml), and words with their boxes (pdftotext -bbox), in points.

use crate::support::poppler;

pub const MM: f64 = 72.0 / 25.4;
pub const PAGE_WIDTH: f64 = 595.28;
pub const PAGE_HEIGHT: f64 = 841.89;
pub const LEFT: f64 = 30.0 * MM;
pub const RIGHT: f64 = PAGE_WIDTH - 15.0 * MM;
pub const TOP: f64 = 20.0 * MM;
pub const BOTTOM: f64 = PAGE_HEIGHT - 20.0 * MM;

/// One line of text as pdftohtml reports it, in points.
#[derive(Debug, Clone)]
pub struct Line {
    pub page: usize,
    pub top: f64,
    pub left: f64,
    pub width: f64,
    pub size: u32,
    pub bold: bool,
    pub italic: bool,
    pub text: String,
}

impl Line {
    pub fn center(&self) -> f64 {
        self.left + self.width / 2.0
    }
}

fn attribute(tag: &str, name: &str) -> Option<String> {
    let start = tag.find(&format!(" {name}=\""))? + name.len() + 3;
    Some(tag[start..start + tag[start..].find('"')?].to_owned())
}

pub fn number(tag: &str, name: &str) -> f64 {
    attribute(tag, name)
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| panic!("{name} in {tag}"))
}

/// Lines of the PDF with their font size and style.
pub fn lines(pdf: &str) -> Vec<Line> {
    let xml = poppler("pdftohtml", &["-xml", "-i", "-stdout", "-zoom", "1", pdf]);
    let mut sizes = std::collections::HashMap::new();
    let mut page = 0;
    let mut lines = Vec::new();
    for row in xml.lines() {
        let row = row.trim();
        if row.starts_with("<page ") {
            page = number(row, "number") as usize;
        } else if row.starts_with("<fontspec ") {
            sizes.insert(attribute(row, "id").unwrap(), number(row, "size") as u32);
        } else if row.starts_with("<text ") {
            let tag_end = row.find('>').unwrap();
            let (tag, body) = (
                &row[..tag_end],
                &row[tag_end + 1..row.len() - "</text>".len()],
            );
            let text: String = body
                .replace("<b>", "")
                .replace("</b>", "")
                .replace("<i>", "")
                .replace("</i>", "")
                .replace("&amp;", "&")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"");
            lines.push(Line {
                page,
                top: number(tag, "top"),
                left: number(tag, "left"),
                width: number(tag, "width"),
                size: sizes[&attribute(tag, "font").unwrap()],
                bold: body.contains("<b>"),
                italic: body.contains("<i>"),
                text: text.trim().to_owned(),
            });
        }
    }
    lines
}

pub fn find<'a>(lines: &'a [Line], text: &str) -> &'a Line {
    lines
        .iter()
        .find(|l| l.text == text)
        .unwrap_or_else(|| panic!("no line {text:?}"))
}

pub fn close(a: f64, b: f64, tolerance: f64) -> bool {
    (a - b).abs() <= tolerance
}

/// Asserts that every word of `pdf` lies inside the margins (page numbers in the top one) and
/// returns how many words there are.
pub fn assert_inside_margins(pdf: &str) -> usize {
    let words = words(pdf);
    for word in &words {
        assert!(
            word.x_min >= LEFT - 0.5 && word.x_max <= RIGHT + 0.5,
            "outside the side margins: {word:?}"
        );
        assert!(word.y_max <= BOTTOM + 0.5, "in the bottom margin: {word:?}");
        let is_page_number = word.text.chars().all(|c| c.is_ascii_digit());
        assert!(
            word.y_min >= TOP - 0.5 || is_page_number,
            "in the top margin: {word:?}"
        );
    }
    words.len()
}

/// One word and its box, in points from the page's top-left corner.
#[derive(Debug, Clone)]
pub struct Word {
    pub page: usize,
    pub x_min: f64,
    pub x_max: f64,
    pub y_min: f64,
    pub y_max: f64,
    pub text: String,
}

/// Every word of the PDF in pdftotext's reading order.
pub fn words(pdf: &str) -> Vec<Word> {
    let html = poppler("pdftotext", &["-bbox", pdf, "-"]);
    let mut page = 0;
    let mut words = Vec::new();
    for row in html.lines().map(str::trim_start) {
        if row.starts_with("<page ") {
            page += 1;
        } else if row.starts_with("<word ") {
            words.push(Word {
                page,
                x_min: number(row, "xMin"),
                x_max: number(row, "xMax"),
                y_min: number(row, "yMin"),
                y_max: number(row, "yMax"),
                text: row[row.find('>').unwrap() + 1..row.rfind("</word>").unwrap()]
                    .replace("&amp;", "&")
                    .replace("&lt;", "<")
                    .replace("&gt;", ">")
                    .replace("&quot;", "\""),
            });
        }
    }
    words
}
