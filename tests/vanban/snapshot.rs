//! The generated Typst source of the sample report, pinned: a template change shows up as a
//! reviewable diff of markup, not only as a different PDF.

use vanban::model::parse_year_data;
use vanban::{DocumentKind, Engine, EngineOptions};

use crate::support::SAMPLE;

#[test]
fn sample_report_source() {
    let engine = Engine::new(&EngineOptions::default()).unwrap();
    let data = parse_year_data(&std::fs::read(SAMPLE).unwrap()).unwrap();
    let source = engine.source(DocumentKind::Report, &data).unwrap();
    insta::assert_snapshot!("report.typ", source);
}
