//! Data is text, never Typst code: arbitrary strings come out of the PDF exactly as they went in.

use proptest::prelude::*;
use vanban::model::{YearData, parse_year_data};
use vanban::pdf::ExportOptions;
use vanban::vn;
use vanban::{DocumentKind, Engine, EngineOptions};

use crate::support::*;

fn engine() -> &'static Engine {
    static ENGINE: std::sync::OnceLock<Engine> = std::sync::OnceLock::new();
    ENGINE.get_or_init(|| Engine::new(&EngineOptions::default()).unwrap())
}

fn sample() -> YearData {
    parse_year_data(&std::fs::read(SAMPLE).unwrap()).unwrap()
}

/// Renders the sample with `text` between two markers as the first general-results paragraph
/// and returns what the PDF shows between the markers, from the text in content order
/// (`pdftotext -raw` keeps a hyphen that ends a line).
fn printed(text: &str, test: &str) -> String {
    let mut data = sample();
    data.general_results[0] = format!("QQSTART {text} QQEND");
    let pdf = engine()
        .pdf(DocumentKind::Report, &data, ExportOptions::default())
        .unwrap();
    let path = scratch(test).join("report.pdf");
    std::fs::write(&path, pdf.pdf).unwrap();
    let text = poppler(
        "pdftotext",
        &["-raw", "-enc", "UTF-8", path.to_str().unwrap(), "-"],
    );
    let start = text.find("QQSTART").expect("start marker printed") + "QQSTART".len();
    let end = text[start..].find("QQEND").expect("end marker printed") + start;
    text[start..end].to_owned()
}

/// What a reader can compare: NFC, without white space (line breaks move it) or the control
/// characters escaping drops.
fn comparable(text: &str) -> String {
    vn::nfc(text)
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect()
}

#[test]
fn typst_code_prints_literally() {
    let hostile = "#read(\"/etc/passwd\") #set page(width: 1cm) ] [ $x$ `raw` <l> @r // c /* c";
    assert_eq!(squash(&printed(hostile, "hostile")), hostile);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn any_string_prints_as_itself(
        // Words of up to 35 characters (the longest that fits a line, as validation enforces)
        // separated by white space.
        text in "(([a-zA-Z0-9ăâêôơưđĐàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵẶỘỮ#*_$\\[\\]\\\\@<>/`~=+\\-\"'.:(),;!?%&|^{}]|[aeiouy][\u{0300}\u{0301}\u{0323}]){1,35}[ \n\t\r\u{2028}]){1,4}"
    ) {
        prop_assert_eq!(comparable(&printed(&text, "proptest")), comparable(&text), "input {:?}", text);
    }
}
