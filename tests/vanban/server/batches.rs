//! Batches over HTTP: the ZIP streamed as it is written, byte for byte the ZIP `vanban batch`
//! writes, from a batch file or a sheet; bad input refused before the first byte.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde_json::{Value, json};

use super::{Reply, Server, agent, form};
use crate::support::*;

const WARDS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/samples/tam-ky-wards-2022");

fn sample(extension: &str) -> Vec<u8> {
    std::fs::read(format!("{WARDS}.{extension}")).unwrap()
}

fn wards_json() -> Value {
    serde_json::from_slice(&sample("json")).unwrap()
}

/// The ZIP `vanban batch` writes for the sample batch file with `extra` arguments.
fn cli_zip(test: &str, input: &Path, extra: &[&str]) -> Vec<u8> {
    let zip = scratch(test).join("cli.zip");
    let mut args = vec![
        "batch",
        input.to_str().unwrap(),
        "-o",
        zip.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    let output = vanban(&args);
    assert_success(&output);
    std::fs::read(zip).unwrap()
}

/// Writes a served ZIP to a scratch file for the `entries` helper.
fn saved(test: &str, reply: &Reply) -> PathBuf {
    let path = scratch(test).join("served.zip");
    std::fs::write(&path, &reply.body).unwrap();
    path
}

#[test]
fn a_batch_file_streams_the_zip_the_command_line_writes() {
    let server = Server::start();
    let reply = server.post_json("/v1/batches", &sample("json"));
    reply.ok();
    assert_eq!(reply.header("content-type"), Some("application/zip"));
    assert_eq!(
        reply.header("content-disposition"),
        Some("attachment; filename=\"bao-cao-phuong-xa-2022.zip\"")
    );
    // Streamed: sent in chunks, its length not known in advance.
    assert_eq!(reply.header("transfer-encoding"), Some("chunked"));
    assert_eq!(reply.header("content-length"), None);

    let cli = cli_zip("server-batch-cli", Path::new(&format!("{WARDS}.json")), &[]);
    assert_eq!(reply.body, cli, "the same bytes as `vanban batch`");
    let entries = entries(&saved("server-batch", &reply));
    assert_eq!(entries.len(), 13 + 2);
    assert_eq!(entries[0].0, "phuong-an-my.pdf");
    assert_eq!(entries[13].0, "tong-hop.pdf");
    assert_eq!(entries[14].0, "manifest.json");
    assert!(
        entries[..14]
            .iter()
            .all(|(_, pdf)| pdf.starts_with(b"%PDF-"))
    );
    let log = server.wait_for_log("batch streamed");
    assert!(log.contains("wards=13 failed=0"), "{log}");
}

#[test]
fn a_sheet_and_the_shared_file_give_the_same_zip() {
    let server = Server::start();
    let cli = cli_zip("server-sheet-cli", Path::new(&format!("{WARDS}.json")), &[]);
    for extension in ["xlsx", "csv"] {
        let sheet = sample(extension);
        let shared = sample("json");
        let file = format!("phuong-xa.{extension}");
        let (content_type, body) =
            form(&[("sheet", &file, &sheet), ("shared", "chung.json", &shared)]);
        let reply = server.post("/v1/batches", &content_type, &body);
        reply.ok();
        assert_eq!(reply.body, cli, "{extension}");
    }
}

#[test]
fn agreements_on_request() {
    let server = Server::start();
    let mut data = wards_json();
    data["shared"]["next_program"] = sample_json()["next_program"].clone();
    data["wards"] = json!(data["wards"].as_array().unwrap()[..2]);
    let reply = server.post_json(
        "/v1/batches?with=agreement&pdf_a=true",
        &serde_json::to_vec(&data).unwrap(),
    );
    reply.ok();
    let names: Vec<String> = entries(&saved("server-batch-agreements", &reply))
        .into_iter()
        .map(|(name, _)| name)
        .collect();
    assert_eq!(
        names,
        [
            "phuong-an-my-chuong-trinh.pdf",
            "phuong-an-my.pdf",
            "phuong-an-son-chuong-trinh.pdf",
            "phuong-an-son.pdf",
            "tong-hop.pdf",
            "manifest.json"
        ]
    );
}

#[test]
fn bad_wards_are_listed_before_any_zip() {
    let server = Server::start();
    let mut data = wards_json();
    data["wards"][1]["overrides"]["signer"]["name"] = json!(" ");
    data["wards"][4]["overrides"]["year"] = json!(1800);
    let body = serde_json::to_vec(&data).unwrap();
    let reply = server.post_json("/v1/batches", &body);
    let problem = reply.problem(422);
    assert!(
        problem["detail"]
            .as_str()
            .unwrap()
            .starts_with("2 of 13 wards have problems"),
        "{problem}"
    );
    let errors = problem["errors"].as_array().unwrap();
    assert!(
        errors.iter().any(|e| e["ward"] == "Phường An Sơn"
            && e["path"] == "$.signer.name"
            && e["message"] == "must not be empty"),
        "{problem}"
    );
    assert!(
        errors
            .iter()
            .any(|e| e["path"] == "$.year" && e["ward"].is_string()),
        "{problem}"
    );

    // Left out on request: the ZIP lists them in its manifest.
    let reply = server.post_json("/v1/batches?allow_partial=true", &body);
    reply.ok();
    let entries = entries(&saved("server-batch-partial", &reply));
    assert_eq!(entries.len(), 11 + 2);
    let manifest: Value = serde_json::from_slice(&entries.last().unwrap().1).unwrap();
    assert_eq!(manifest["wards"][1]["status"], "failed");
    assert_eq!(manifest["wards"][1]["errors"][0]["path"], "$.signer.name");
}

/// A form part: name, file name, bytes.
type Part<'a> = (&'a str, &'a str, &'a [u8]);

#[test]
fn bad_batch_input_is_a_4xx() {
    let server = Server::start();
    // Malformed, and a batch whose wards clash.
    let problem = server
        .post_json("/v1/batches", b"{\"shared\": {")
        .problem(400);
    assert_eq!(problem["line"], 1);
    let mut data = wards_json();
    data["wards"][2]["name"] = json!("Phường An Mỹ");
    let lines = server
        .post_json("/v1/batches", &serde_json::to_vec(&data).unwrap())
        .error_lines();
    assert!(
        lines.contains(
            &"$.wards[2].name: gives the same file name \"phuong-an-my\" as $.wards[0]".to_owned()
        ),
        "{lines:?}"
    );
    // A roll-up that cannot be made.
    let mut data = wards_json();
    data["rollup"]["signer"]["name"] = json!("");
    let problem = server
        .post_json("/v1/batches", &serde_json::to_vec(&data).unwrap())
        .problem(422);
    assert!(
        problem["detail"]
            .as_str()
            .unwrap()
            .starts_with("the roll-up report: "),
        "{problem}"
    );
    assert_eq!(problem["errors"][0]["path"], "$.signer.name");

    // Forms: a missing part, an unknown part, a sheet of another kind, bad cells.
    let sheet = sample("csv");
    let shared = sample("json");
    let cases: [(&[Part], u16, &str); 5] = [
        (&[("sheet", "w.csv", &sheet)], 400, "no `shared` part"),
        (&[("shared", "s.json", &shared)], 400, "no `sheet` part"),
        (
            &[
                ("sheet", "w.csv", &sheet),
                ("shared", "s.json", &shared),
                ("x", "x", b""),
            ],
            400,
            "unexpected form part `x`",
        ),
        (
            &[("sheet", "w.ods", &sheet), ("shared", "s.json", &shared)],
            415,
            ".xlsx workbook or a .csv file",
        ),
        (
            &[
                ("sheet", "w.csv", b"name,signer_name,cay_xanh\nA,B,many\n"),
                ("shared", "s.json", &shared),
            ],
            422,
            "the sheet: 1 problem in the sheet",
        ),
    ];
    for (parts, status, says) in cases {
        let (content_type, body) = form(parts);
        let problem = server
            .post("/v1/batches", &content_type, &body)
            .problem(status);
        assert!(
            problem["detail"].as_str().unwrap().contains(says),
            "{says}: {problem}"
        );
    }
    let (content_type, body) = form(&[
        ("sheet", "w.xlsx", b"not a workbook"),
        ("shared", "s.json", &shared),
    ]);
    let problem = server
        .post("/v1/batches", &content_type, &body)
        .problem(400);
    assert!(
        problem["detail"]
            .as_str()
            .unwrap()
            .contains("Excel workbook"),
        "{problem}"
    );
    let (content_type, body) = form(&[("sheet", "w.csv", &sheet), ("shared", "s.json", b"{}")]);
    let problem = server
        .post("/v1/batches", &content_type, &body)
        .problem(422);
    assert!(
        problem["detail"]
            .as_str()
            .unwrap()
            .starts_with("the shared batch file: "),
        "{problem}"
    );
    server
        .post("/v1/batches?with=memo", "application/json", &shared)
        .problem(400);
}

#[test]
fn a_client_that_goes_away_stops_its_batch() {
    let server = Server::start();
    // 13 wards with their programs: long enough to leave in the middle.
    let mut data = wards_json();
    data["shared"]["next_program"] = sample_json()["next_program"].clone();
    let mut response = agent()
        .post(server.url("/v1/batches?with=agreement"))
        .header("Content-Type", "application/json")
        .send(&serde_json::to_vec(&data).unwrap()[..])
        .unwrap();
    assert_eq!(response.status(), 200);
    let mut start = [0u8; 4];
    response
        .body_mut()
        .as_reader()
        .read_exact(&mut start)
        .unwrap();
    assert_eq!(&start, b"PK\x03\x04");
    drop(response);
    server.wait_for_log("the client went away; the batch stopped");
    std::thread::sleep(Duration::from_millis(100));
    server.get("/healthz").ok();
    assert_eq!(server.metric("vanban_renders_in_progress"), 0.0);
    server.post_json("/v1/batches", &sample("json")).ok();
}

#[test]
fn the_excel_template_is_the_command_lines() {
    let server = Server::start();
    let reply = server.post_json("/v1/batches/template", &sample("json"));
    reply.ok();
    assert_eq!(
        reply.header("content-type"),
        Some("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    );
    let dir = scratch("server-sheet-template");
    let file = dir.join("mau.xlsx");
    let batch = format!("{WARDS}.json");
    assert_success(&vanban(&[
        "sheet",
        "template",
        &batch,
        "-o",
        file.to_str().unwrap(),
    ]));
    assert!(
        reply.body == std::fs::read(&file).unwrap(),
        "the same bytes"
    );

    let refused = server.post_json("/v1/batches/template", b"{\"shared\": {}, \"wardz\": []}");
    let problem = refused.problem(422);
    assert_eq!(problem["errors"][0]["path"], "$.wardz", "{problem}");
}
