//! Warm in-process rendering of the sample report: template, Typst layout and PDF export, with
//! the engine built once (as the server and batches use it).
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

criterion_group!(benches, render);
criterion_main!(benches);
