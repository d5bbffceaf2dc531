//! Memory over many consecutive renders in one process: resident set size after 1, 100, 250,
//! 500 and 1,000 reports. Flat figures mean Typst's memoization cache is evicted as it should.
//!
//! Run: `cargo bench --bench memory` (set `VANBAN_RENDERS` for another count)

use std::time::Instant;

use vanban::model::parse_year_data;
use vanban::pdf::ExportOptions;
use vanban::{DocumentKind, Engine, EngineOptions};

/// The allocator the `vanban` binary uses, so that the figures are the product's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const SAMPLE: &[u8] = include_bytes!("../samples/tam-ky-2022.json");

/// A field of /proc/self/status in MB (VmRSS: current, VmHWM: peak).
fn status_mb(field: &str) -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let kb: f64 = status
        .lines()
        .find(|line| line.starts_with(field))
        .and_then(|line| line.split_whitespace().nth(1))
        .and_then(|value| value.parse().ok())
        .unwrap_or(f64::NAN);
    kb / 1024.0
}

fn main() {
    if std::env::args().any(|arg| arg == "--list") {
        return; // `cargo bench -- --list` and `cargo test --benches` probe bench binaries.
    }
    let renders: usize = std::env::var("VANBAN_RENDERS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1000);
    let engine = Engine::new(&EngineOptions::default()).unwrap();
    let mut data = parse_year_data(SAMPLE).unwrap();
    let start = Instant::now();
    println!(
        "{:>8} {:>10} {:>10} {:>12}",
        "renders", "rss MB", "peak MB", "ms/render"
    );
    for index in 1..=renders {
        // A different figure each time, so no document is a cache hit of the one before.
        data.organizations[1].activities[0].quantities[0].amount =
            Some(200_000_000 + index as u64 * 1_000);
        engine
            .pdf(DocumentKind::Report, &data, ExportOptions::default())
            .unwrap();
        if [1, 100, 250, 500, 1000, renders].contains(&index) {
            let per_render = start.elapsed().as_secs_f64() * 1000.0 / index as f64;
            println!(
                "{index:>8} {:>10.1} {:>10.1} {per_render:>12.2}",
                status_mb("VmRSS"),
                status_mb("VmHWM")
            );
        }
    }
}
