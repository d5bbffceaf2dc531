//! Running the service: a full queue, a render over its time limit, graceful shutdown, request
//! ids, the log line of a request, metrics.

use std::io::Read;

use serde_json::{Value, json};

use super::{Server, agent};
use crate::support::*;

fn sample() -> Vec<u8> {
    std::fs::read(SAMPLE).unwrap()
}

/// A batch of `count` wards, each a copy of the sample's first with its own name: it keeps a
/// renderer busy for a while.
fn long_batch(count: usize) -> Vec<u8> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/samples/tam-ky-wards-2022.json"
    );
    let mut data: Value = serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap();
    let first = data["wards"][0].clone();
    data["wards"] = (0..count)
        .map(|index| {
            let mut ward = first.clone();
            ward["name"] = json!(format!("Phường {}", index + 1));
            ward
        })
        .collect();
    serde_json::to_vec(&data).unwrap()
}

#[test]
fn a_full_queue_answers_503_with_retry_after() {
    let server = Server::with(&["--concurrency", "1", "--queue", "1"], &[]);
    std::thread::scope(|scope| {
        // The one renderer streams a long batch…
        let batch = scope.spawn(|| server.post_json("/v1/batches", &long_batch(120)));
        server.wait_for_metric("vanban_renders_in_progress", 1.0);
        // …one request waits for it…
        let waiting = scope.spawn(|| server.post_json("/v1/documents/report", &sample()));
        server.wait_for_metric("vanban_render_queue_length", 1.0);
        // …and there is no room for another.
        let busy = server.post_json("/v1/documents/report", &sample());
        let problem = busy.problem(503);
        assert_eq!(busy.header("retry-after"), Some("1"));
        assert!(
            problem["detail"].as_str().unwrap().contains("busy"),
            "{problem}"
        );
        batch.join().unwrap().ok();
        waiting.join().unwrap().ok();
    });
    assert_eq!(server.metric("vanban_render_queue_length"), 0.0);
    assert_eq!(
        server.metric("vanban_http_requests_total{route=\"/v1/documents/{kind}\",status=\"503\"}"),
        1.0
    );
}

#[test]
fn a_render_over_its_time_limit_is_504() {
    let server = Server::with(&["--render-timeout", "0.001"], &[]);
    let problem = server
        .post_json("/v1/documents/report", &sample())
        .problem(504);
    assert!(
        problem["detail"]
            .as_str()
            .unwrap()
            .contains("longer than 0.001 s"),
        "{problem}"
    );
    assert_eq!(
        server.metric("vanban_render_failures_total{kind=\"report\",reason=\"timeout\"}"),
        1.0
    );
    // The render ran to its end all the same, and gave its renderer back.
    server.wait_for_metric("vanban_renders_in_progress", 0.0);
    server.get("/healthz").ok();
}

#[test]
fn sigterm_finishes_the_requests_in_flight() {
    let mut server = Server::start();
    let mut response = agent()
        .post(server.url("/v1/batches"))
        .header("Content-Type", "application/json")
        .send(&long_batch(30)[..])
        .unwrap();
    assert_eq!(response.status(), 200);
    server.signal("TERM");
    server.wait_for_log("shutting down");
    {
        let mut zip = Vec::new();
        response
            .body_mut()
            .as_reader()
            .read_to_end(&mut zip)
            .expect("the whole ZIP arrives");
        let path = scratch("server-sigterm").join("batch.zip");
        std::fs::write(&path, &zip).unwrap();
        let entries = entries(&path);
        assert_eq!(entries.len(), 30 + 2);
        assert_eq!(entries.last().unwrap().0, "manifest.json");
    }
    let status = server.wait_exit();
    assert!(status.success(), "{status:?}");
    let log = server.log();
    assert!(log.contains("batch streamed"), "{log}");
    assert!(log.contains("stopped"), "{log}");
    assert!(
        agent().get(server.url("/healthz")).call().is_err(),
        "nothing listens any more"
    );
}

#[test]
fn every_request_is_logged_with_its_id_and_counted() {
    let server = Server::start();
    let reply = super::Reply::from(
        agent()
            .post(server.url("/v1/documents/report"))
            .header("Content-Type", "application/json")
            .header("X-Request-Id", "desk-7.report_1")
            .send(&sample()[..]),
    );
    reply.ok();
    assert_eq!(reply.header("x-request-id"), Some("desk-7.report_1"));
    let log = server.wait_for_log("id=desk-7.report_1");
    let line = log
        .lines()
        .find(|line| line.contains("id=desk-7.report_1") && line.contains("answered"))
        .expect("one line for the request");
    for field in [
        "method=POST",
        "route=/v1/documents/{kind}",
        "status=200",
        "kind=\"report\"",
        "pages=9",
        "ms=",
    ] {
        assert!(line.contains(field), "{field} not in {line}");
    }
    // Ids that are not sane are replaced.
    for given in ["a b", "<script>", &"x".repeat(65)] {
        let reply = super::Reply::from(
            agent()
                .get(server.url("/healthz"))
                .header("X-Request-Id", given)
                .call(),
        );
        let id = reply.header("x-request-id").unwrap();
        assert!(id != given && !id.is_empty(), "{given:?} kept");
    }

    let mut data = sample_json();
    data["year"] = json!("x");
    let invalid = serde_json::to_vec(&data).unwrap();
    assert_eq!(
        server.post_json("/v1/documents/report", &invalid).status,
        422
    );
    assert_eq!(
        server
            .post_json("/v1/documents/agreement", &sample())
            .status,
        200
    );

    let metrics = server.get("/metrics");
    assert_eq!(
        metrics.header("content-type"),
        Some("text/plain; version=0.0.4; charset=utf-8")
    );
    let text = metrics.text();
    for line in [
        "vanban_http_requests_total{route=\"/v1/documents/{kind}\",status=\"200\"} 2",
        "vanban_http_requests_total{route=\"/v1/documents/{kind}\",status=\"422\"} 1",
        "vanban_http_requests_total{route=\"/healthz\",status=\"200\"} 3",
        "vanban_renders_total{kind=\"report\"} 1",
        "vanban_renders_total{kind=\"agreement\"} 1",
        "vanban_pages_total{kind=\"report\"} 9",
        "vanban_render_seconds_count{kind=\"report\"} 1",
        "vanban_render_seconds_bucket{kind=\"report\",le=\"+Inf\"} 1",
        "vanban_render_failures_total{kind=\"report\",reason=\"invalid_data\"} 1",
        "vanban_renders_in_progress 0",
        "vanban_render_queue_length 0",
        "# TYPE vanban_render_seconds histogram",
    ] {
        assert!(text.lines().any(|l| l == line), "{line} not in\n{text}");
    }
}

#[test]
fn settings_come_from_flags_or_the_environment() {
    let server = Server::with(
        &[],
        &[
            ("VANBAN_CONCURRENCY", "3"),
            ("VANBAN_QUEUE", "5"),
            ("VANBAN_RENDER_TIMEOUT", "2.5"),
        ],
    );
    let log = server.log();
    for setting in [
        "concurrency=3",
        "queue=5",
        "render_timeout_s=2.5",
        "body_limit=10485760",
    ] {
        assert!(log.contains(setting), "{setting} not in {log}");
    }
    let refused = vanban(&["serve", "--body-limit", "lots"]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&refused.stderr).contains("e.g. 10MB"),
        "{}",
        String::from_utf8_lossy(&refused.stderr)
    );
    let taken = vanban(&["serve", "--addr", server.base.trim_start_matches("http://")]);
    assert_eq!(taken.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&taken.stderr).contains("error: cannot serve on"),
        "{}",
        String::from_utf8_lossy(&taken.stderr)
    );
}

#[test]
fn ctrl_c_stops_an_idle_server() {
    let mut server = Server::start();
    server.get("/readyz").ok();
    server.signal("INT");
    let status = server.wait_exit();
    assert!(status.success(), "{status:?}");
    assert!(server.log().contains("stopped"));
}
