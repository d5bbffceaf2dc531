//! Hundreds of requests from several clients at once, more than there are renderers: every
//! answer is the right document, byte for byte, and the server is healthy afterwards.

use std::sync::atomic::{AtomicUsize, Ordering};

use super::Server;
use crate::support::*;

/// Requests in all, and clients sending them at once.
const REQUESTS: usize = 300;
const CLIENTS: usize = 8;

#[test]
fn hundreds_of_concurrent_requests_all_give_valid_pdfs() {
    let server = Server::start();
    let body = std::fs::read(SAMPLE).unwrap();
    let report = std::fs::read(sample_pdf()).unwrap();
    let agreement = std::fs::read(&sample_agreement().0).unwrap();
    let next = AtomicUsize::new(0);
    let served: Vec<(usize, usize)> = std::thread::scope(|scope| {
        let clients: Vec<_> = (0..CLIENTS)
            .map(|_| {
                scope.spawn(|| {
                    let (mut reports, mut agreements) = (0, 0);
                    loop {
                        let index = next.fetch_add(1, Ordering::Relaxed);
                        if index >= REQUESTS {
                            return (reports, agreements);
                        }
                        // One request in six is an agreement.
                        let (kind, expected) = if index % 6 == 5 {
                            agreements += 1;
                            ("agreement", &agreement)
                        } else {
                            reports += 1;
                            ("report", &report)
                        };
                        let reply = server.post_json(&format!("/v1/documents/{kind}"), &body);
                        assert_eq!(reply.status, 200, "request {index}");
                        assert!(reply.body == *expected, "request {index}: a different PDF");
                    }
                })
            })
            .collect();
        clients.into_iter().map(|c| c.join().unwrap()).collect()
    });
    let reports: usize = served.iter().map(|(r, _)| r).sum();
    let agreements: usize = served.iter().map(|(_, a)| a).sum();
    assert_eq!(reports + agreements, REQUESTS);

    // Still serving, nothing waiting or running, every render counted.
    server.get("/healthz").ok();
    server.get("/readyz").ok();
    assert_eq!(
        server.metric("vanban_renders_total{kind=\"report\"}"),
        reports as f64
    );
    assert_eq!(
        server.metric("vanban_renders_total{kind=\"agreement\"}"),
        agreements as f64
    );
    assert_eq!(
        server.metric("vanban_pages_total{kind=\"report\"}"),
        (reports * 9) as f64
    );
    assert_eq!(server.metric("vanban_renders_in_progress"), 0.0);
    assert_eq!(server.metric("vanban_render_queue_length"), 0.0);
    let pdf = scratch("server-load").join("last.pdf");
    std::fs::write(&pdf, server.post_json("/v1/documents/report", &body).body).unwrap();
    assert!(pdf_text(&pdf).contains("BÁO CÁO"));
}
