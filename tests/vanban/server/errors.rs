//! Every class of error as an RFC 9457 problem that says what to fix, and hostile input that
//! leaves the server serving.

use serde_json::json;

use super::{Server, agent};
use crate::support::*;

fn sample() -> Vec<u8> {
    std::fs::read(SAMPLE).unwrap()
}

#[test]
fn malformed_json_is_a_400_with_line_and_column() {
    let server = Server::start();
    let reply = server.post_json("/v1/documents/report", b"{\n  \"year\": 2022,\n  oops\n}");
    let problem = reply.problem(400);
    assert_eq!(
        (problem["line"].as_u64(), problem["column"].as_u64()),
        (Some(3), Some(3))
    );
    assert!(
        problem["detail"]
            .as_str()
            .unwrap()
            .starts_with("malformed JSON at line 3, column 3"),
        "{problem}"
    );

    let reply = server.post_json("/v1/validate", b"{\"year\": \"Tam K\xff\"}");
    let problem = reply.problem(400);
    assert_eq!(
        (problem["line"].as_u64(), problem["column"].as_u64()),
        (Some(1), Some(16))
    );
    assert!(
        problem["detail"].as_str().unwrap().contains("UTF-8"),
        "{problem}"
    );
}

#[test]
fn invalid_data_is_a_422_with_every_path() {
    let server = Server::start();
    let mut data = sample_json();
    data["year"] = json!(1800);
    data["signer"]["name"] = json!("");
    data["organizations"][1]["name"] = json!("");
    let reply = server.post_json("/v1/documents/report", &serde_json::to_vec(&data).unwrap());
    let lines = reply.error_lines();
    let paths: Vec<&str> = lines
        .iter()
        .map(|l| l.split(": ").next().unwrap())
        .collect();
    for path in ["$.year", "$.signer.name", "$.organizations[1].name"] {
        assert!(paths.contains(&path), "{path} missing in {lines:?}");
    }
}

#[test]
fn unknown_kinds_routes_and_methods() {
    let server = Server::start();
    let problem = server
        .post_json("/v1/documents/memo", &sample())
        .problem(404);
    assert!(
        problem["detail"]
            .as_str()
            .unwrap()
            .contains("the kinds are: report, agreement"),
        "{problem}"
    );
    server.get("/v2/documents/report").problem(404);
    server
        .post_json("/v1/documents/report/extra", b"{}")
        .problem(404);
    server.get("/v1/documents/report").problem(405);
    server.post_json("/healthz", b"{}").problem(405);
}

#[test]
fn wrong_content_types_are_415() {
    let server = Server::start();
    for content_type in [
        "text/plain",
        "application/x-www-form-urlencoded",
        "application/pdf",
    ] {
        let problem = server
            .post("/v1/documents/report", content_type, &sample())
            .problem(415);
        assert!(
            problem["detail"]
                .as_str()
                .unwrap()
                .contains("application/json"),
            "{problem}"
        );
    }
    // No Content-Type at all.
    let reply = super::Reply::from(agent().post(server.url("/v1/validate")).send(&sample()[..]));
    reply.problem(415);
    server
        .post("/v1/batches", "text/csv", b"name\n")
        .problem(415);
    // The charset parameter and other JSON types are fine.
    let reply = server.post("/v1/validate", "application/json; charset=utf-8", &sample());
    reply.ok();
}

#[test]
fn bodies_over_the_limit_are_413() {
    let server = Server::with(&["--body-limit", "64KB"], &[]);
    let big = vec![b' '; 64 * 1024 + 1];
    // Declared with Content-Length: refused before it is read.
    let problem = server.post_json("/v1/documents/report", &big).problem(413);
    assert!(
        problem["detail"].as_str().unwrap().contains("65536 bytes"),
        "{problem}"
    );
    // Sent in chunks, its length unknown until it is read.
    let mut reader = &big[..];
    let reply = super::Reply::from(
        agent()
            .post(server.url("/v1/validate"))
            .header("Content-Type", "application/json")
            .send(ureq::SendBody::from_reader(&mut reader)),
    );
    reply.problem(413);
    // At the limit, the body is read (and the year data is refused for what it is).
    let fits = server.post_json("/v1/validate", &vec![b' '; 64 * 1024]);
    fits.problem(400);
    server.get("/healthz").ok();
}

#[test]
fn the_body_limit_comes_from_the_environment_too() {
    let server = Server::with(&[], &[("VANBAN_BODY_LIMIT", "1KB")]);
    server
        .post_json("/v1/documents/report", &sample())
        .problem(413);
}

#[test]
fn bad_query_parameters_are_400() {
    let server = Server::start();
    for (query, says) in [
        (
            "format=gif",
            "the parameter `format` must be `pdf`, `png` or `svg`, found \"gif\"",
        ),
        ("format=png&page=0", "page counts from 1"),
        ("format=png&dpi=5000", "dpi must be from 10 to 300"),
        ("page=2", "page and dpi go with the png format"),
        (
            "format=png&pdf_a=true",
            "PDF/A, PDF/UA and the choice of signature fields go with the pdf format",
        ),
        (
            "pdf_a=maybe",
            "the parameter `pdf_a` must be true or false, found \"maybe\"",
        ),
        (
            "colour=red",
            "unknown parameter `colour`; the parameters are format, page, dpi, pdf_a, sign_fields",
        ),
    ] {
        let problem = server
            .post_json(&format!("/v1/documents/report?{query}"), &sample())
            .problem(400);
        assert_eq!(problem["detail"], says, "{query}");
        assert!(problem["code"].is_string(), "{problem}");
    }
}

#[test]
fn hostile_input_leaves_the_server_serving() {
    let server = Server::start();
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    server
        .post_json("/v1/documents/report", deep.as_bytes())
        .problem(400);
    let deep_object = format!("{}1{}", "{\"a\":".repeat(50_000), "}".repeat(50_000));
    server
        .post_json("/v1/validate", deep_object.as_bytes())
        .problem(400);
    for body in [
        &b"null"[..],
        b"[]",
        b"\"text\"",
        b"1e999999",
        b"{\"year\": 18446744073709551616}",
        b"\xef\xbb\xbf",
        b"",
        b"\0\0\0\0",
    ] {
        let reply = server.post_json("/v1/documents/agreement", body);
        assert!(
            [400, 422].contains(&reply.status),
            "{body:?}: {}",
            String::from_utf8_lossy(&reply.body)
        );
        reply.problem(reply.status);
    }

    // Text that would be Typst code, a file read or markup if it were not escaped prints as
    // itself.
    let mut data = sample_json();
    let hostile = "#read(\"/etc/passwd\") #panic(\"x\") $ x^2 $ <label> @ref *bold* _it_ \\ ]";
    data["general_results"][0] = json!(hostile);
    data["signer"]["name"] = json!("#panic(\"no\")");
    let reply = server.post_json("/v1/documents/report", &serde_json::to_vec(&data).unwrap());
    reply.ok();
    let pdf = scratch("server-hostile").join("report.pdf");
    std::fs::write(&pdf, &reply.body).unwrap();
    let text = pdf_text(&pdf);
    assert!(
        text.contains("#read(\"/etc/passwd\") #panic(\"x\")"),
        "{text}"
    );
    assert!(text.contains("#panic(\"no\")"), "{text}");

    // A huge single word in every paragraph, near the body limit: the list past its 30 items,
    // each paragraph past its 3,000 characters, the document past its 120,000.
    let mut data = sample_json();
    data["lessons"] = json!(vec!["x".repeat(100_000); 80]);
    let reply = server.post_json("/v1/validate", &serde_json::to_vec(&data).unwrap());
    assert_eq!(reply.error_lines().len(), 82, "{:?}", reply.error_lines());

    server.get("/healthz").ok();
    server.post_json("/v1/documents/report", &sample()).ok();
    let log = server.log();
    assert!(!log.contains("panicked"), "{log}");
    assert!(!log.contains("internal error"), "{log}");
}
