//! Counters for `GET /metrics`, written in the Prometheus text format: requests by route and
//! status, renders and pages by kind, a histogram of render seconds, failures by reason.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::sync::Mutex;

/// Upper bounds of the render-seconds histogram's buckets.
const BUCKETS: [f64; 12] = [
    0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0,
];

/// Why a render failed, as the `reason` label says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Failure {
    /// The data is not valid year data (400 or 422).
    InvalidData,
    /// The render took longer than the time limit (504).
    Timeout,
    /// Anything else (500).
    Internal,
}

impl Failure {
    fn label(self) -> &'static str {
        match self {
            Failure::InvalidData => "invalid_data",
            Failure::Timeout => "timeout",
            Failure::Internal => "internal",
        }
    }
}

#[derive(Debug, Default)]
struct Histogram {
    counts: [u64; BUCKETS.len()],
    sum: f64,
    count: u64,
}

#[derive(Debug, Default)]
struct Counts {
    requests: BTreeMap<(String, u16), u64>,
    renders: BTreeMap<&'static str, u64>,
    pages: BTreeMap<&'static str, u64>,
    seconds: BTreeMap<&'static str, Histogram>,
    failures: BTreeMap<(&'static str, Failure), u64>,
}

/// The server's counters; cheap to update from any thread.
#[derive(Debug, Default)]
pub struct Metrics {
    counts: Mutex<Counts>,
}

/// Gauges read when the metrics are written.
#[derive(Debug, Clone, Copy)]
pub struct Gauges {
    /// Renders running now.
    pub in_progress: usize,
    /// Requests waiting for a renderer.
    pub waiting: usize,
}

impl Metrics {
    fn counts(&self) -> std::sync::MutexGuard<'_, Counts> {
        // Counters stay usable after a panic elsewhere: every update is a single step.
        self.counts.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Counts a request answered on `route` (a route pattern, never a raw path) with `status`.
    pub fn request(&self, route: &str, status: u16) {
        *self
            .counts()
            .requests
            .entry((route.to_owned(), status))
            .or_default() += 1;
    }

    /// Counts a finished render of `kind` that took `seconds` and made `pages` pages.
    pub fn render(&self, kind: &'static str, seconds: f64, pages: usize) {
        let mut counts = self.counts();
        *counts.renders.entry(kind).or_default() += 1;
        *counts.pages.entry(kind).or_default() += pages as u64;
        let histogram = counts.seconds.entry(kind).or_default();
        for (bound, count) in BUCKETS.iter().zip(&mut histogram.counts) {
            if seconds <= *bound {
                *count += 1;
            }
        }
        histogram.sum += seconds;
        histogram.count += 1;
    }

    /// Counts a failed render of `kind`.
    pub fn failure(&self, kind: &'static str, failure: Failure) {
        *self.counts().failures.entry((kind, failure)).or_default() += 1;
    }

    /// The counters and `gauges` in the Prometheus text format (version 0.0.4).
    pub fn text(&self, gauges: Gauges) -> String {
        let counts = self.counts();
        let mut out = String::new();
        family(
            &mut out,
            "vanban_http_requests_total",
            "counter",
            "HTTP requests answered, by route and status.",
        );
        for ((route, status), n) in &counts.requests {
            let _ = writeln!(
                out,
                "vanban_http_requests_total{{route=\"{}\",status=\"{status}\"}} {n}",
                escape(route)
            );
        }
        family(
            &mut out,
            "vanban_renders_total",
            "counter",
            "Documents (and batches) rendered, by kind.",
        );
        for (kind, n) in &counts.renders {
            let _ = writeln!(out, "vanban_renders_total{{kind=\"{kind}\"}} {n}");
        }
        family(
            &mut out,
            "vanban_pages_total",
            "counter",
            "Pages rendered, by kind.",
        );
        for (kind, n) in &counts.pages {
            let _ = writeln!(out, "vanban_pages_total{{kind=\"{kind}\"}} {n}");
        }
        family(
            &mut out,
            "vanban_render_seconds",
            "histogram",
            "Seconds a render took on its renderer, queueing excluded, by kind.",
        );
        for (kind, histogram) in &counts.seconds {
            for (bound, count) in BUCKETS.iter().zip(histogram.counts) {
                let _ = writeln!(
                    out,
                    "vanban_render_seconds_bucket{{kind=\"{kind}\",le=\"{bound}\"}} {count}"
                );
            }
            let _ = writeln!(
                out,
                "vanban_render_seconds_bucket{{kind=\"{kind}\",le=\"+Inf\"}} {}\n\
                 vanban_render_seconds_sum{{kind=\"{kind}\"}} {}\n\
                 vanban_render_seconds_count{{kind=\"{kind}\"}} {}",
                histogram.count, histogram.sum, histogram.count
            );
        }
        family(
            &mut out,
            "vanban_render_failures_total",
            "counter",
            "Renders that failed, by kind and reason.",
        );
        for ((kind, failure), n) in &counts.failures {
            let _ = writeln!(
                out,
                "vanban_render_failures_total{{kind=\"{kind}\",reason=\"{}\"}} {n}",
                failure.label()
            );
        }
        family(
            &mut out,
            "vanban_renders_in_progress",
            "gauge",
            "Renders running now.",
        );
        let _ = writeln!(out, "vanban_renders_in_progress {}", gauges.in_progress);
        family(
            &mut out,
            "vanban_render_queue_length",
            "gauge",
            "Requests waiting for a renderer.",
        );
        let _ = writeln!(out, "vanban_render_queue_length {}", gauges.waiting);
        out
    }
}

/// Writes the `# HELP` and `# TYPE` lines of a metric family.
fn family(out: &mut String, name: &str, kind: &str, help: &str) {
    let _ = writeln!(out, "# HELP {name} {help}\n# TYPE {name} {kind}");
}

/// A label value with `\`, `"` and line feeds escaped.
fn escape(value: &str) -> String {
    value
        .replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', "\\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn histogram_buckets_are_cumulative() {
        let metrics = Metrics::default();
        metrics.render("report", 0.012, 7);
        metrics.render("report", 0.3, 7);
        metrics.request("/v1/documents/{kind}", 200);
        metrics.failure("report", Failure::InvalidData);
        let text = metrics.text(Gauges {
            in_progress: 1,
            waiting: 0,
        });
        for line in [
            "vanban_render_seconds_bucket{kind=\"report\",le=\"0.01\"} 0",
            "vanban_render_seconds_bucket{kind=\"report\",le=\"0.025\"} 1",
            "vanban_render_seconds_bucket{kind=\"report\",le=\"0.5\"} 2",
            "vanban_render_seconds_bucket{kind=\"report\",le=\"+Inf\"} 2",
            "vanban_render_seconds_count{kind=\"report\"} 2",
            "vanban_pages_total{kind=\"report\"} 14",
            "vanban_http_requests_total{route=\"/v1/documents/{kind}\",status=\"200\"} 1",
            "vanban_render_failures_total{kind=\"report\",reason=\"invalid_data\"} 1",
            "vanban_renders_in_progress 1",
        ] {
            assert!(text.lines().any(|l| l == line), "{line} missing in\n{text}");
        }
    }
}
