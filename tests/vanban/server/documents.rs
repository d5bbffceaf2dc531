//! Documents, previews, validation and the service's descriptions, each compared with what
//! the command line gives for the same input.

use serde_json::json;

use super::Server;
use crate::support::*;

fn sample() -> Vec<u8> {
    std::fs::read(SAMPLE).unwrap()
}

/// Writes `bytes` to a scratch file for the tools that read files.
fn file(test: &str, name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let path = scratch(test).join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

#[test]
fn a_report_is_the_pdf_the_command_line_writes() {
    let server = Server::start();
    let reply = server.post_json("/v1/documents/report", &sample());
    reply.ok();
    assert_eq!(reply.header("content-type"), Some("application/pdf"));
    assert_eq!(
        reply.header("content-disposition"),
        Some("attachment; filename=\"bao-cao-2022.pdf\"")
    );
    assert_eq!(reply.header("x-document-pages"), Some("9"));
    assert!(
        reply
            .header("x-request-id")
            .is_some_and(|id| !id.is_empty())
    );
    assert_eq!(
        reply.body,
        std::fs::read(sample_pdf()).unwrap(),
        "same input, same bytes as `vanban render`"
    );
    let pdf = file("server-report", "report.pdf", &reply.body);
    assert!(pdf_text(&pdf).contains("BÁO CÁO"));
}

#[test]
fn an_agreement_carries_its_signature_fields() {
    let server = Server::start();
    let reply = server.post_json("/v1/documents/agreement", &sample());
    reply.ok();
    assert_eq!(
        reply.header("content-disposition"),
        Some("attachment; filename=\"chuong-trinh-phoi-hop-2023.pdf\"")
    );
    let (cli_pdf, fields) = sample_agreement();
    assert_eq!(reply.body, std::fs::read(cli_pdf).unwrap());
    let pdf = file("server-agreement", "agreement.pdf", &reply.body);
    let listed = vanban(&["fields", pdf.to_str().unwrap(), "--json"]);
    let listed: serde_json::Value = serde_json::from_slice(&listed.stdout).unwrap();
    assert_eq!(
        listed.as_array().unwrap().len(),
        fields.as_array().unwrap().len()
    );
    assert!(!fields.as_array().unwrap().is_empty());

    let bare = server.post_json("/v1/documents/agreement?sign_fields=false", &sample());
    bare.ok();
    let pdf = file("server-agreement-bare", "agreement.pdf", &bare.body);
    let listed = vanban(&["fields", pdf.to_str().unwrap()]);
    assert_eq!(
        String::from_utf8_lossy(&listed.stdout),
        "no signature fields\n"
    );
}

/// The width and height of a PNG, from its header.
fn png_size(png: &[u8]) -> (u32, u32) {
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    let word = |at: usize| u32::from_be_bytes(png[at..at + 4].try_into().unwrap());
    (word(16), word(20))
}

#[test]
fn a_png_preview_of_any_page() {
    let server = Server::start();
    let first = server.post_json("/v1/documents/report?format=png&page=1", &sample());
    first.ok();
    assert_eq!(first.header("content-type"), Some("image/png"));
    assert_eq!(
        first.header("content-disposition"),
        Some("inline; filename=\"bao-cao-2022-trang-1.png\"")
    );
    assert_eq!(first.header("x-document-pages"), Some("9"));
    // A4 is 595 × 842 pt: 2 pixels a point at the default 144 dpi.
    assert_eq!(png_size(&first.body), (1191, 1684));

    let last = server.post_json("/v1/documents/report?format=png&page=9&dpi=72", &sample());
    last.ok();
    assert_eq!(png_size(&last.body), (595, 842));
    assert_ne!(first.body, last.body);

    let missing = server.post_json("/v1/documents/report?format=png&page=10", &sample());
    let problem = missing.problem(400);
    assert!(
        problem["detail"].as_str().unwrap().contains("9 pages"),
        "{problem}"
    );
}

/// Every `href` value of an SVG: each must point inside the file or be a `data:` URL.
fn svg_references(svg: &str) -> Vec<&str> {
    svg.split("href=\"")
        .skip(1)
        .map(|rest| &rest[..rest.find('"').unwrap()])
        .collect()
}

#[test]
fn an_svg_preview_is_a_self_contained_image() {
    let server = Server::start();
    let first = server.post_json("/v1/documents/report?format=svg&page=1", &sample());
    first.ok();
    assert_eq!(first.header("content-type"), Some("image/svg+xml"));
    assert_eq!(
        first.header("content-disposition"),
        Some("inline; filename=\"bao-cao-2022-trang-1.svg\"")
    );
    assert_eq!(first.header("x-document-pages"), Some("9"));
    assert_eq!(first.header("x-content-type-options"), Some("nosniff"));
    let policy = first.header("content-security-policy").unwrap();
    assert!(
        policy.contains("default-src 'none'") && policy.contains("sandbox"),
        "{policy}"
    );
    let svg = first.text();
    // A4 is 595.28 × 841.89 pt; the page draws in points.
    assert!(svg.starts_with("<svg "), "{}", &svg[..100]);
    assert!(svg.contains("viewBox=\"0 0 595.27"), "{}", &svg[..300]);
    let references = svg_references(&svg);
    assert!(!references.is_empty());
    assert!(
        references
            .iter()
            .all(|r| r.starts_with('#') || r.starts_with("data:")),
        "{references:?}"
    );

    let last = server.post_json("/v1/documents/report?format=svg&page=9", &sample());
    last.ok();
    assert_ne!(first.body, last.body);
    let missing = server.post_json("/v1/documents/report?format=svg&page=10", &sample());
    assert!(
        missing.problem(400)["detail"]
            .as_str()
            .unwrap()
            .contains("9 pages")
    );
    let dpi = server.post_json("/v1/documents/report?format=svg&dpi=96", &sample());
    assert!(
        dpi.problem(400)["detail"]
            .as_str()
            .unwrap()
            .contains("dpi goes with the png format")
    );
}

#[test]
fn markup_in_the_data_stays_glyphs_in_the_svg() {
    let mut data: serde_json::Value = serde_json::from_slice(&sample()).unwrap();
    let hostile = "<script> alert(1) </script> <a href=\"x\"> \"/><image href=x onerror=alert(2)>";
    data["recipients"][0] = json!(hostile);
    data["signer"]["name"] = json!("<svg onload=alert(3)>");
    data["general_results"][0] = json!(hostile);
    let server = Server::start();
    let reply = server.post_json(
        "/v1/documents/report?format=svg&page=1",
        &serde_json::to_vec(&data).unwrap(),
    );
    reply.ok();
    let svg = reply.text();
    for markup in [
        "<script",
        "alert",
        "onload",
        "onerror",
        "<a ",
        "<text",
        "<foreignObject",
    ] {
        assert!(!svg.contains(markup), "the SVG holds {markup}");
    }
    assert!(
        svg_references(&svg)
            .iter()
            .all(|r| r.starts_with('#') || r.starts_with("data:"))
    );
    // The same data does print: the PDF's text holds it.
    let pdf = server.post_json("/v1/documents/report", &serde_json::to_vec(&data).unwrap());
    pdf.ok();
    let text = pdf_text(&file("svg-hostile", "report.pdf", &pdf.body));
    assert!(
        text.contains("<svg onload=alert(3)>") || text.contains("<SVG ONLOAD=ALERT(3)>"),
        "{text}"
    );
}

#[test]
fn pdf_a_on_request() {
    let server = Server::start();
    let reply = server.post_json("/v1/documents/report?pdf_a=true", &sample());
    reply.ok();
    let pdf = file("server-pdf-a", "report.pdf", &reply.body);
    let xmp = poppler("pdfinfo", &["-meta", pdf.to_str().unwrap()]);
    assert!(xmp.contains("<pdfaid:part>2</pdfaid:part>"), "{xmp}");
    assert_ne!(reply.body, std::fs::read(sample_pdf()).unwrap());
}

#[test]
fn validation_says_what_the_command_line_says() {
    let server = Server::start();
    let good = server.post_json("/v1/validate", &sample());
    good.ok();
    assert_eq!(
        good.json(),
        json!({"valid": true, "year": 2022, "documents": ["report", "agreement"], "warnings": []})
    );

    let mut data = sample_json();
    data["year"] = json!("2022");
    data["issuer"]["nam"] = json!("x");
    data["signer"]["name"] = json!("   ");
    data["organizations"][0]["activities"][0]["quantities"][0]["amount"] = json!(1.5);
    let broken = serde_json::to_vec_pretty(&data).unwrap();
    let reply = server.post_json("/v1/validate", &broken);
    let served = reply.error_lines();

    let path = file("server-validate", "broken.json", &broken);
    let cli = vanban(&["validate", path.to_str().unwrap()]);
    assert_eq!(cli.status.code(), Some(1));
    let printed: Vec<String> = String::from_utf8_lossy(&cli.stderr)
        .lines()
        .filter_map(|line| line.strip_prefix("  "))
        .map(str::to_owned)
        .collect();
    assert!(printed.len() >= 3, "{printed:?}");
    assert_eq!(served, printed, "the same errors, in the same order");
    assert_eq!(
        reply.problem(422)["detail"],
        format!("{} problems in the year data", printed.len())
    );
}

#[test]
fn readings_fill_each_sentence_s_figures_as_the_report_prints_them() {
    let server = Server::start();
    let reply = server.post_json("/v1/readings", &sample());
    reply.ok();
    let readings = reply.json()["readings"].clone();
    assert_eq!(
        readings["organizations.0.activities.0.text"]
            .as_str()
            .unwrap()
            .replace('\u{a0}', " "),
        "Phối hợp với Ban CHQS thành phố tổ chức 24 buổi tuyên truyền về Luật Nghĩa vụ quân \
         sự, Luật Dân quân tự vệ tại các khu dân cư, thu hút hơn 1.500 lượt người tham dự."
    );
    let paths: Vec<&String> = readings.as_object().unwrap().keys().collect();
    assert!(
        paths
            .iter()
            .any(|path| path.starts_with("next_program.items.")),
        "{paths:?}"
    );

    // A form half filled in, invalid as year data, still gets the reading of what it has.
    let half = json!({"organizations": [{"activities": [{
        "text": "Vận động quỹ {quy}.",
        "quantities": [{"key": "quy", "label": "Quỹ", "amount": 350_000_000}]
    }]}]});
    let reply = server.post_json("/v1/readings", half.to_string().as_bytes());
    assert_eq!(
        reply.json(),
        json!({"readings": {"organizations.0.activities.0.text": "Vận động quỹ 350\u{a0}triệu\u{a0}đồng."}})
    );
    // What is not JSON is said as /v1/validate says it.
    let broken = server.post_json("/v1/readings", b"{\"year\": ");
    assert_eq!(
        broken.problem(400),
        server
            .post_json("/v1/validate", b"{\"year\": ")
            .problem(400)
    );
}

#[test]
fn an_agreement_needs_next_years_program() {
    let server = Server::start();
    let mut data = sample_json();
    data.as_object_mut().unwrap().remove("next_program");
    let body = serde_json::to_vec(&data).unwrap();
    let reply = server.post_json("/v1/documents/agreement", &body);
    let lines = reply.error_lines();
    assert_eq!(lines.len(), 1);
    assert!(lines[0].starts_with("$.next_program: missing"), "{lines:?}");
    // The same data still makes a report, and validates as a report alone.
    server.post_json("/v1/documents/report", &body).ok();
    assert_eq!(
        server.post_json("/v1/validate", &body).json()["documents"],
        json!(["report"])
    );
}

#[test]
fn schema_templates_health_and_readiness() {
    let server = Server::start();
    let schema = server.get("/v1/schema");
    schema.ok();
    assert_eq!(
        schema.header("content-type"),
        Some("application/schema+json")
    );
    let printed = vanban(&["schema"]);
    assert_eq!(
        schema.json(),
        serde_json::from_slice::<serde_json::Value>(&printed.stdout).unwrap()
    );

    let templates = server.get("/v1/templates").json();
    let kinds = texts_of(&templates["kinds"], "kind");
    assert_eq!(kinds, ["report", "agreement"]);
    assert_eq!(templates["kinds"][1]["route"], "/v1/documents/agreement");
    assert_eq!(templates["kinds"][0]["template"], "report.typ.j2");
    assert_eq!(templates["batch"]["route"], "/v1/batches");
    assert_eq!(templates["batch"]["sheet_template"], "/v1/batches/template");

    let health = server.get("/healthz");
    assert_eq!(
        (health.status, health.json()),
        (200, json!({"status": "ok"}))
    );
    let ready = server.get("/readyz");
    ready.ok();
    assert_eq!(ready.json()["status"], "ready");
}

#[test]
fn the_page_and_its_files() {
    let server = Server::start();
    let page = server.get("/");
    page.ok();
    assert_eq!(
        page.header("content-type"),
        Some("text/html; charset=utf-8")
    );
    assert!(page.header("content-security-policy").is_some());
    let html = page.text();
    assert!(html.contains("<html lang=\"vi\">"));
    assert!(html.contains("Báo cáo theo phường, xã"));
    for (path, media_type) in [
        ("/static/app.js", "text/javascript; charset=utf-8"),
        ("/static/app.css", "text/css; charset=utf-8"),
    ] {
        assert!(html.contains(path), "the page loads {path}");
        let asset = server.get(path);
        asset.ok();
        assert_eq!(asset.header("content-type"), Some(media_type));
        assert!(!asset.body.is_empty());
    }
    // Nothing from elsewhere: no CDN, no web fonts.
    assert!(!html.contains("http://") && !html.contains("https://"));
    server.get("/static/nothing.js").problem(404);
}

#[test]
fn the_openapi_description_names_every_route_and_method() {
    let server = Server::start();
    let reply = server.get("/v1/openapi.json");
    reply.ok();
    let description = reply.json();
    assert_eq!(description["openapi"], "3.1.0");
    let described: std::collections::BTreeSet<(String, String)> = description["paths"]
        .as_object()
        .unwrap()
        .iter()
        .flat_map(|(path, item)| {
            item.as_object()
                .unwrap()
                .keys()
                .map(|method| (path.clone(), method.clone()))
                .collect::<Vec<_>>()
        })
        .collect();
    // The routes as the router lists them: `.route("/path", get(…).put(…))`.
    let source = include_str!("../../../src/server/mod.rs");
    let routed: std::collections::BTreeSet<(String, String)> = source
        .lines()
        .filter_map(|line| line.trim().strip_prefix(".route(\""))
        .flat_map(|rest| {
            let (path, handlers) = rest.split_once('"').unwrap();
            ["get(", "post(", "put(", "delete("]
                .into_iter()
                .filter(|method| handlers.contains(method))
                .map(|method| (path.to_owned(), method.trim_end_matches('(').to_owned()))
                .collect::<Vec<_>>()
        })
        .collect();
    assert_eq!(described, routed);
}
