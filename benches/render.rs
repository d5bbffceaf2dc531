//! Warm in-process rendering of the sample report and agreement: template, Typst layout and PDF
//! export (and the agreement's signature fields), with the engine built once (as the server and
//! batches use it).
//!
//! Run: `cargo bench --bench render`

use criterion::{Criterion, criterion_group, criterion_main};
use vanban::model::parse_year_data;
use vanban::pdf::ExportOptions;
use vanban::{DocumentKind, Engine, EngineOptions};

/// The allocator the `vanban` binary uses, so that the figures are the product's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const SAMPLE: &[u8] = include_bytes!("../samples/tam-ky-2022.json");

fn render(c: &mut Criterion) {
    let engine = Engine::new(&EngineOptions::default()).unwrap();
    let data = parse_year_data(SAMPLE).unwrap();
    let mut group = c.benchmark_group("sample report");
    group.bench_function("parse and validate", |b| {
        b.iter(|| parse_year_data(SAMPLE).unwrap())
    });
    group.bench_function("typst source", |b| {
        b.iter(|| engine.source(DocumentKind::Report, &data).unwrap())
    });
    // A figure changes every iteration, so each document is new to Typst's caches, as in a
    // batch of wards; only the house style and fonts stay warm.
    let mut changed = data.clone();
    let mut renders = 0u64;
    let mut fresh = move |pdf_a: bool| {
        renders += 1;
        changed.organizations[1].activities[0].quantities[0].amount =
            Some(200_000_000 + renders * 1_000);
        engine
            .pdf(
                DocumentKind::Report,
                &changed,
                ExportOptions {
                    pdf_a,
                    ..Default::default()
                },
            )
            .unwrap()
    };
    group.bench_function("pdf", |b| b.iter(|| fresh(false)));
    group.bench_function("pdf/a-2b", |b| b.iter(|| fresh(true)));
    group.finish();
}

fn agreement(c: &mut Criterion) {
    let engine = Engine::new(&EngineOptions::default()).unwrap();
    let mut data = parse_year_data(SAMPLE).unwrap();
    let mut group = c.benchmark_group("sample agreement");
    // A target changes every iteration, as in `render`.
    let mut renders = 0u64;
    let mut fresh = move |signature_fields: bool| {
        renders += 1;
        let program = data.next_program.as_mut().unwrap();
        program.items[2].targets[0].count = Some(2_000 + renders);
        let options = ExportOptions {
            signature_fields,
            ..Default::default()
        };
        engine.pdf(DocumentKind::Agreement, &data, options).unwrap()
    };
    group.bench_function("pdf with signature fields", |b| b.iter(|| fresh(true)));
    group.bench_function("pdf without signature fields", |b| b.iter(|| fresh(false)));
    group.finish();
}

criterion_group!(benches, render, agreement);
criterion_main!(benches);
