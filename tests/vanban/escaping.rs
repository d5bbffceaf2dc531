//! Data is text, never Typst code: arbitrary strings come out of the PDF exactly as they went in.

use proptest::prelude::*;
use vanban::model::{YearData, parse_year_data};
use vanban::pdf::ExportOptions;
use vanban::{DocumentKind, Engine, EngineOptions};

use crate::support::*;

fn engine() -> &'static Engine {
    static ENGINE: std::sync::OnceLock<Engine> = std::sync::OnceLock::new();
    ENGINE.get_or_init(|| Engine::new(&EngineOptions::default()).unwrap())
}

fn sample() -> YearData {
    parse_year_data(&std::fs::read(SAMPLE).unwrap()).unwrap()
}

/// Renders the sample with `text` as the first general-results paragraph and the issuer's short
/// name, and returns the PDF text in content order (`-raw` keeps a hyphen that ends a line).
fn rendered_text(text: &str, test: &str) -> String {
    let mut data = sample();
    data.general_results[0] = text.to_owned();
    data.issuer.short_name = text.to_owned();
    let pdf = engine()
        .pdf(DocumentKind::Report, &data, ExportOptions::default())
        .unwrap();
    let path = scratch(test).join("report.pdf");
    std::fs::write(&path, pdf).unwrap();
    poppler("pdftotext", &["-raw", "-enc", "UTF-8", path.to_str().unwrap(), "-"])
}

fn without_whitespace(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn file_reads_print_literally() {
    let hostile = "#read(\"/etc/passwd\") #set page(width: 1cm) ] [ $x$ `raw` <l> @r // c /* c";
    let text = squash(&rendered_text(hostile, "hostile"));
    assert!(text.contains(hostile), "{text}");
    assert!(!text.contains("root:"), "file contents leaked");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn any_string_prints_as_itself(
        text in "[a-zA-Z0-9ăâêôơưđĐàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵẶỘỮ #*_$\\[\\]\\\\@<>/`~=+\\-\"'.:()\n]{1,60}"
            .prop_filter("some visible text", |t| !t.trim().is_empty())
    ) {
        let rendered = without_whitespace(&rendered_text(&text, "proptest"));
        prop_assert!(rendered.contains(&without_whitespace(&text)), "{text:?} not in PDF text");
    }
}
