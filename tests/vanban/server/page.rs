//! The page in a real headless Chromium (Debian's), driven by playwright-core from
//! `tests/browser/page.test.mjs`; `scripts/test.sh` installs both. A missing browser, Node or
//! playwright-core fails this test: it is never skipped.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::Command;

use super::Server;
use super::stored::{Db, Offices, PASSWORD, add_office, put, save};
use crate::batch::without_nulls;
use crate::support::*;

/// Runs `tests/browser/SCRIPT` with `arguments` and returns what it said, or fails with it and
/// the server's log.
fn run_browser_test(server: &Server, script: &str, arguments: &[&OsStr]) -> String {
    let browser_tests = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser");
    assert!(
        browser_tests.join("node_modules/playwright-core").is_dir(),
        "playwright-core is not installed: run scripts/test.sh, which runs `npm ci` in {}",
        browser_tests.display()
    );
    let run = Command::new("node")
        .arg(script)
        .arg(&server.base)
        .args(arguments)
        .current_dir(&browser_tests)
        .output()
        .expect("node runs (scripts/test.sh installs it)");
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&run.stdout),
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(
        run.status.success(),
        "{script} failed:\n{said}\nserver log:\n{}",
        server.log()
    );
    assert!(said.contains("checks passed"), "{said}");
    said
}

#[test]
fn office_staff_get_a_pdf_and_a_zip_and_see_the_errors() {
    let server = Server::start();
    let output = scratch("server-page");
    let repository = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    run_browser_test(
        &server,
        "page.test.mjs",
        &[repository.as_os_str(), output.as_os_str()],
    );

    // What the browser saved is the real thing.
    let pdf = output.join("report.pdf");
    assert_eq!(
        std::fs::read(&pdf).unwrap(),
        std::fs::read(sample_pdf()).unwrap()
    );
    assert!(pdf_text(&pdf).contains("BÁO CÁO"));
    let batch = entries(&output.join("batch.zip"));
    assert_eq!(batch.len(), 13 + 2);
    assert_eq!(batch.last().unwrap().0, "manifest.json");
    let filled = entries(&output.join("filled.zip"));
    assert_rolls_up_the_filled_figures(&squash(&entry_text(&filled, &output, "tong-hop.pdf")));
    let log = server.log();
    assert!(
        log.contains("route=/v1/batches") && log.contains("batch streamed"),
        "{log}"
    );
}

#[test]
fn a_clerk_types_a_report_into_the_form_and_gets_its_pdf() {
    let server = Server::start();
    let output = scratch("server-form");
    run_browser_test(&server, "form.test.mjs", &[output.as_os_str()]);

    // The PDF holds what was typed, with its diacritics, the figure grouped the Vietnamese way.
    let text = pdf_text(&output.join("form.pdf"));
    for typed in [
        "BAN CHỈ HUY QUÂN SỰ",
        "HUYỆN SƠN TỊNH",
        "Số: 07/BC-BCHQS",
        "Sơn Tịnh, ngày 05 tháng 12 năm 2023",
        "Hội Nông dân huyện",
        "Vận động xây dựng quỹ hỗ trợ nông dân 350 triệu đồng",
        "350.000.000",
        "Trương Thị Hồng Nhung",
        "Bộ CHQS tỉnh Quảng Ngãi;",
    ] {
        assert!(text.contains(typed), "{typed:?} is not in the PDF:\n{text}");
    }
    // The sample, loaded into the form, gives the command line's PDF, byte for byte.
    assert_eq!(
        std::fs::read(output.join("sample.pdf")).unwrap(),
        std::fs::read(sample_pdf()).unwrap()
    );
    let log = server.log();
    assert!(log.contains("route=/v1/validate"), "{log}");
}

#[test]
fn a_clerk_logs_in_keeps_the_years_issues_and_uploads_a_signed_program() {
    let offices = Offices::new(Db::Sqlite, "server-office-page");
    let server = offices.serve();
    // The ward An Mỹ has saved its 2022, for the city's batch of its wards; An Xuân has not.
    add_office(
        &offices.db,
        "an-xuan",
        "Ban CHQS phường An Xuân",
        Some("tam-ky"),
    );
    let batch_file = std::fs::read(format!(
        "{}/samples/tam-ky-wards-2022.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let wards = vanban::batch::Batch::parse(&batch_file).unwrap();
    let an_my = without_nulls(serde_json::to_value(wards.ward_data(0).unwrap()).unwrap());
    put(&server, &offices.an_my, "/v1/drafts/2022", &save(0, &an_my)).created_or_ok();
    let output = scratch("server-office-page-shots");
    run_browser_test(
        &server,
        "office.test.mjs",
        &[output.as_os_str(), OsStr::new(PASSWORD)],
    );
    // What the page saved is on the server: 2022 once, 2023 twice.
    let revisions = server.send(
        "GET",
        "/v1/drafts/2023/revisions",
        &[("Authorization", &format!("Bearer {}", offices.tam_ky))],
        b"",
    );
    assert_eq!(revisions.json()["revisions"].as_array().unwrap().len(), 2);
    // And what it issued and uploaded: the report, and the program signed once.
    let register = server.send(
        "GET",
        "/v1/register",
        &[("Authorization", &format!("Bearer {}", offices.tam_ky))],
        b"",
    );
    let documents = register.json()["documents"].clone();
    let versions: Vec<(&str, i64)> = documents
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["symbol"].as_str().unwrap(),
                d["version"].as_i64().unwrap(),
            )
        })
        .collect();
    assert_eq!(versions, [("05/BC-BCHQS", 1), ("01/CTr-BCHQS-CTXH", 2)]);
    let log = server.log();
    assert!(!log.contains(PASSWORD), "{log}");
}
