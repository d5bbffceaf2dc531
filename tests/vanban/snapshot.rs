//! The generated Typst source of the sample documents, pinned: a template change shows up as
//! a reviewable diff of markup, not only as a different PDF.

use vanban::model::parse_year_data;
use vanban::{DocumentKind, Engine, EngineOptions};

use crate::support::SAMPLE;

fn sample_source(kind: DocumentKind) -> String {
    let engine = Engine::new(&EngineOptions::default()).unwrap();
    let data = parse_year_data(&std::fs::read(SAMPLE).unwrap()).unwrap();
    engine.source(kind, &data).unwrap()
}

#[test]
fn sample_report_source() {
    insta::assert_snapshot!("report.typ", sample_source(DocumentKind::Report));
}

#[test]
fn sample_agreement_source() {
    insta::assert_snapshot!("agreement.typ", sample_source(DocumentKind::Agreement));
}
