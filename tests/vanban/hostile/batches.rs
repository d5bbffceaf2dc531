//! Hostile inputs: batches. Too many wards are refused before they are parsed (finding 7); a
//! client that leaves stops its batch's checking (6); a batch whose every ward is invalid says
//! the wards' errors, and clashing file names are refused before the ZIP (20); a ZIP left
//! unfinished writes nothing to the server's log (22).

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::server::Server;
use crate::support::*;

const WARDS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/samples/tam-ky-wards-2022.json"
);

/// The sample batch file.
fn wards_json() -> Value {
    serde_json::from_slice(&std::fs::read(WARDS).unwrap()).unwrap()
}

/// The sample batch with `count` wards named "Phường A 1"…, each with the first ward's
/// figures and `overrides`.
fn many_wards(count: usize, overrides: Value) -> Vec<u8> {
    let mut batch = wards_json();
    let figures = batch["wards"][0]["figures"].clone();
    batch["wards"] = (1..=count)
        .map(|i| json!({"name": format!("Phường A {i}"), "figures": figures, "overrides": overrides}))
        .collect();
    serde_json::to_vec(&batch).unwrap()
}

/// The sample batch with each ward's program, so that agreements can be asked for.
fn with_programs() -> Value {
    let mut batch = wards_json();
    batch["shared"]["next_program"] = sample_json()["next_program"].clone();
    batch
}

fn stderr(measured: &Measured) -> String {
    String::from_utf8_lossy(&measured.output.stderr).into_owned()
}

#[test]
fn a_batch_file_of_150000_wards_is_refused_before_its_wards_are_parsed() {
    // 7.7 MB, under the server's body limit. Names without a unit kind: should the count ever
    // come after parsing, the refusal is another (`no_unit_kind` for every ward), not an hour.
    // Written as text: had the test process held the parsed wards, the child's `ru_maxrss`
    // would inherit that peak when it is spawned.
    let mut batch = wards_json();
    batch["wards"] = json!([]);
    let wards: Vec<String> = (0..150_000)
        .map(|i| format!("{{\"name\":\"A{i}\"}}"))
        .collect();
    let text = serde_json::to_string(&batch).unwrap();
    let wards = format!("\"wards\":[{}]", wards.join(","));
    let bytes = text.replace("\"wards\":[]", &wards).into_bytes();
    let input = input_file("hostile-150000-wards", &bytes);
    let out = input.with_extension("zip");
    let measured = run_measured(
        &mut vanban_command(&[
            "batch",
            input.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ]),
        b"",
    );
    let said = stderr(&measured);
    assert_eq!(measured.output.status.code(), Some(1), "{said}");
    assert!(
        said.contains("the batch has 150000 wards, more than the 5000 one batch may have"),
        "{said}"
    );
    assert!(!out.exists(), "no ZIP");
    // Parsing the wards took 149 MB and 5 s; counting them takes 13 MB and 0.04 s here. The
    // peak includes the test process's own (`ru_maxrss` survives the spawn's exec), so its cap
    // is loose: the message above is what tells counting from parsing.
    assert!(measured.peak_rss_mb < 400.0, "{} MB", measured.peak_rss_mb);
    assert!(
        measured.elapsed < Duration::from_secs(3),
        "{:?}",
        measured.elapsed
    );

    let server = Server::start();
    let started = Instant::now();
    let problem = server.post_json("/v1/batches", &bytes).problem(413);
    assert_eq!(problem["code"], "too_many_wards", "{problem}");
    assert!(
        started.elapsed() < Duration::from_secs(20),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(server.metric("vanban_renders_in_progress"), 0.0);
}

#[test]
fn the_ward_limit_is_a_flag_for_every_kind_of_batch() {
    let dir = scratch("hostile-max-wards");
    let out = dir.join("wards.zip");
    let out = out.to_str().unwrap();
    let refused_past_12 = |run: std::process::Output| {
        let said = String::from_utf8_lossy(&run.stderr);
        assert_eq!(run.status.code(), Some(1), "{said}");
        assert!(
            said.contains("the batch has 13 wards, more than the 12"),
            "{said}"
        );
    };
    refused_past_12(vanban(&["batch", WARDS, "-o", out, "--max-wards", "12"]));

    // A sheet's wards are counted as it is read, before any is checked.
    let csv = WARDS.replace(".json", ".csv");
    refused_past_12(vanban(&[
        "batch",
        &csv,
        "--shared",
        WARDS,
        "-o",
        out,
        "--max-wards",
        "12",
    ]));
    assert_success(&vanban(&[
        "batch",
        &csv,
        "--shared",
        WARDS,
        "-o",
        out,
        "--max-wards",
        "13",
    ]));

    let server = Server::with(&["--max-wards", "12"], &[]);
    let bytes = std::fs::read(WARDS).unwrap();
    let problem = server.post_json("/v1/batches", &bytes).problem(413);
    assert_eq!(problem["code"], "too_many_wards", "{problem}");
    let server = Server::with(&[], &[("VANBAN_MAX_WARDS", "13")]);
    assert_eq!(server.post_json("/v1/batches", &bytes).status, 200);
}

#[test]
fn a_client_that_leaves_stops_the_checking_of_its_batch() {
    // 40,000 wards, each checked to its glyphs (about 1.5 ms each: a minute of checking),
    // every one invalid at the last check (a signer's name no font prints).
    let signer = json!({"title": "Chỉ huy trưởng", "name": "Nguyễn Văn 漢"});
    let body = many_wards(40_000, json!({"signer": signer}));
    let server = Server::with(&["--max-wards", "50000", "--body-limit", "32MB"], &[]);
    let mut connection = TcpStream::connect(server.base.trim_start_matches("http://")).unwrap();
    let head = format!(
        "POST /v1/batches HTTP/1.1\r\nHost: vanban\r\nContent-Type: application/json\r\n\
         Content-Length: {}\r\n\r\n",
        body.len()
    );
    connection.write_all(head.as_bytes()).unwrap();
    connection.write_all(&body).unwrap();
    server.wait_for_metric("vanban_renders_in_progress", 1.0);
    // Parsing takes a few seconds; leave while the wards are being checked.
    std::thread::sleep(Duration::from_secs(5));
    connection
        .set_read_timeout(Some(Duration::from_millis(10)))
        .unwrap();
    assert!(
        connection.read(&mut [0; 1]).is_err(),
        "still checking: no answer yet"
    );
    drop(connection);
    let left = Instant::now();
    server.wait_for_metric("vanban_renders_in_progress", 0.0);
    let stopped = left.elapsed();
    let log = server.wait_for_log("the client went away; the batch stopped");
    assert!(
        stopped < Duration::from_secs(3),
        "stopped after {stopped:?}:\n{log}"
    );
    assert!(
        !log.contains("status=422"),
        "the checking ran to its end:\n{log}"
    );
}

#[test]
fn when_no_ward_is_valid_their_errors_come_first() {
    // The sample's wards each give their signer; without it, no ward and no roll-up is valid.
    let mut batch = wards_json();
    for ward in batch["wards"].as_array_mut().unwrap() {
        ward["overrides"].as_object_mut().unwrap().remove("signer");
    }
    let bytes = serde_json::to_vec(&batch).unwrap();
    let input = input_file("hostile-no-valid-ward", &bytes);
    let output = vanban(&[
        "batch",
        input.to_str().unwrap(),
        "-o",
        input.with_extension("zip").to_str().unwrap(),
        "--allow-partial",
    ]);
    let said = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{said}");
    assert!(
        said.contains("error: ward Phường An Mỹ (phuong-an-my):\n  $.signer: "),
        "{said}"
    );
    assert!(
        said.contains("none of the 13 wards can be rendered"),
        "{said}"
    );
    assert!(!said.contains("must list at least 1 item"), "{said}");

    let server = Server::start();
    for query in ["", "?allow_partial=true"] {
        let problem = server
            .post_json(&format!("/v1/batches{query}"), &bytes)
            .problem(422);
        assert_eq!(problem["code"], "no_valid_ward", "{problem}");
        let errors = problem["errors"].as_array().unwrap();
        assert_eq!(errors.len(), 13, "{problem}");
        assert!(
            errors
                .iter()
                .all(|e| e["path"] == "$.signer" && e["code"] == "missing_field")
        );
        assert_eq!(errors[0]["ward"], "Phường An Mỹ");
    }
}

#[test]
fn agreement_file_names_that_clash_are_refused_before_the_zip() {
    // "Phường An Mỹ chương trình"'s report is "phuong-an-my-chuong-trinh.pdf", the name of
    // Phường An Mỹ's agreement.
    let mut batch = with_programs();
    let mut twin = batch["wards"][1].clone();
    twin["name"] = json!("Phường An Mỹ chương trình");
    batch["wards"].as_array_mut().unwrap().push(twin);
    let bytes = serde_json::to_vec(&batch).unwrap();
    let input = input_file("hostile-clashing-agreements", &bytes);
    let zip = input.with_extension("zip");
    let output = vanban(&[
        "batch",
        input.to_str().unwrap(),
        "-o",
        zip.to_str().unwrap(),
        "--with",
        "agreement",
    ]);
    let said = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{said}");
    assert!(
        said.contains(
            "$.wards[13].name: gives the same file name \"phuong-an-my-chuong-trinh.pdf\" as \
             $.wards[0]"
        ),
        "{said}"
    );
    let names: Vec<String> = entries(&zip).into_iter().map(|(name, _)| name).collect();
    assert_eq!(names.len(), 2 * 13 + 2, "{names:?}");
    let manifest: Value = serde_json::from_slice(&entries(&zip).last().unwrap().1).unwrap();
    assert_eq!(manifest["wards"][13]["status"], "failed");

    let server = Server::start();
    let reply = server.post_json("/v1/batches?with=agreement", &bytes);
    let problem = reply.problem(422);
    assert_eq!(problem["code"], "wards_failed", "{problem}");
    assert_eq!(problem["errors"][0]["code"], "same_file_name", "{problem}");
    assert_eq!(
        problem["errors"][0]["ward"], "Phường An Mỹ Chương Trình",
        "{problem}"
    );
    let reply = server.post_json("/v1/batches?with=agreement&allow_partial=true", &bytes);
    assert_eq!(reply.status, 200);
    let zip = scratch("hostile-clashing-agreements-http").join("wards.zip");
    std::fs::write(&zip, &reply.body).unwrap();
    assert_eq!(entries(&zip).len(), 2 * 13 + 2);
}

#[test]
fn clients_that_leave_a_streaming_batch_leave_only_whole_log_lines() {
    let server = Server::start();
    let body = serde_json::to_vec(&with_programs()).unwrap();
    // Leave at the first bytes, then further into the ZIP, where the writer holds more.
    for leave_after in [4, 64 * 1024, 256 * 1024] {
        let mut connection = TcpStream::connect(server.base.trim_start_matches("http://")).unwrap();
        let head = format!(
            "POST /v1/batches?with=agreement HTTP/1.1\r\nHost: vanban\r\n\
             Content-Type: application/json\r\nContent-Length: {}\r\n\r\n",
            body.len()
        );
        connection.write_all(head.as_bytes()).unwrap();
        connection.write_all(&body).unwrap();
        let mut read = 0;
        let mut buffer = [0; 4096];
        while read < leave_after {
            match connection.read(&mut buffer).unwrap() {
                0 => panic!("the answer ended after {read} bytes"),
                n => read += n,
            }
        }
        drop(connection);
        server.wait_for_metric("vanban_renders_in_progress", 0.0);
    }
    std::thread::sleep(Duration::from_millis(200));
    let log = server.log();
    assert!(!log.contains("ZipWriter"), "{log}");
    // Every line is the logger's: a timestamp, a level, a message.
    for line in log.lines() {
        assert!(
            line.starts_with("20") && line.contains("Z "),
            "{line:?} in:\n{log}"
        );
    }
    assert!(
        log.contains("the client went away; the batch stopped"),
        "{log}"
    );
}
