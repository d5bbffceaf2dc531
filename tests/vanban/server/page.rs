//! The page in a real headless Chromium (Debian's), driven by playwright-core from
//! `tests/browser/page.test.mjs`; `scripts/test.sh` installs both. A missing browser, Node or
//! playwright-core fails this test: it is never skipped.

use std::path::Path;
use std::process::Command;

use super::Server;
use crate::support::*;

#[test]
fn office_staff_get_a_pdf_and_a_zip_and_see_the_errors() {
    let browser_tests = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser");
    assert!(
        browser_tests.join("node_modules/playwright-core").is_dir(),
        "playwright-core is not installed: run scripts/test.sh, which runs `npm ci` in {}",
        browser_tests.display()
    );
    let server = Server::start();
    let output = scratch("server-page");
    let run = Command::new("node")
        .arg("page.test.mjs")
        .arg(&server.base)
        .arg(env!("CARGO_MANIFEST_DIR"))
        .arg(&output)
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
        "the page test failed:\n{said}\nserver log:\n{}",
        server.log()
    );
    assert!(said.contains("checks passed"), "{said}");

    // What the browser saved is the real thing.
    let pdf = output.join("report.pdf");
    assert_eq!(
        std::fs::read(&pdf).unwrap(),
        std::fs::read(sample_pdf()).unwrap()
    );
    assert!(pdf_text(&pdf).contains("BÁO CÁO"));
    let entries = entries(&output.join("batch.zip"));
    assert_eq!(entries.len(), 13 + 2);
    assert_eq!(entries.last().unwrap().0, "manifest.json");
    let log = server.log();
    assert!(
        log.contains("route=/v1/batches") && log.contains("batch streamed"),
        "{log}"
    );
}
