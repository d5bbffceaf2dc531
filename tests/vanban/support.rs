//! Helpers: run the binary, read PDFs back with poppler, build temporary inputs.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

pub const SAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/samples/tam-ky-2022.json");

/// Runs `vanban` with `args`, in English whatever the locale of the tests.
pub fn vanban(args: &[&str]) -> Output {
    vanban_in(&[], args)
}

/// Runs `vanban` with `args` and the locale variables `locale` (none: English).
pub fn vanban_in(locale: &[(&str, &str)], args: &[&str]) -> Output {
    vanban_command(args)
        .envs(locale.iter().copied())
        .output()
        .expect("vanban runs")
}

/// Runs one of the Python tools in `tests/tools/` with the virtualenv's Python that
/// `scripts/test.sh` makes (pyHanko, pypdf, openpyxl) and names in `VANBAN_PYTHON`.
pub fn python_tool(script: &str, args: &[&std::ffi::OsStr]) -> Output {
    let python = std::env::var_os("VANBAN_PYTHON").expect(
        "VANBAN_PYTHON is not set: run the tests with scripts/test.sh, which makes the Python \
         virtualenv with pyHanko, pypdf and openpyxl and sets it",
    );
    let script = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/tools")
        .join(script);
    let output = Command::new(python)
        .arg(&script)
        .args(args)
        .output()
        .expect("the Python of VANBAN_PYTHON runs");
    assert!(
        output.status.success(),
        "{} failed: {}",
        script.display(),
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

/// Asserts that a run succeeded, showing its standard error when it did not.
pub fn assert_success(output: &Output) {
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// A fresh directory under the target directory for one test.
pub fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The sample report, rendered once per test run.
pub fn sample_pdf() -> &'static Path {
    static PDF: OnceLock<PathBuf> = OnceLock::new();
    PDF.get_or_init(|| {
        let path = scratch("sample-report").join("report.pdf");
        let output = vanban(&["render", "report", SAMPLE, "-o", path.to_str().unwrap()]);
        assert!(
            output.status.success(),
            "render failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        path
    })
}

/// The text of the PDF named `name` among a ZIP's `entries`, written into `dir` to be read.
pub fn entry_text(entries: &[(String, Vec<u8>)], dir: &Path, name: &str) -> String {
    let (_, bytes) = entries
        .iter()
        .find(|(entry, _)| entry == name)
        .unwrap_or_else(|| panic!("no {name} in the ZIP"));
    let pdf = dir.join(name);
    std::fs::write(&pdf, bytes).unwrap();
    pdf_text(&pdf)
}

/// A ZIP's entries: name and bytes, in order.
pub type ZipEntries = Vec<(String, Vec<u8>)>;

/// The batch sample (`samples/tam-ky-wards-2022.json`) and its ZIP's entries, rendered once per
/// test run.
pub fn sample_batch() -> &'static (&'static str, ZipEntries) {
    static BATCH: OnceLock<(&str, ZipEntries)> = OnceLock::new();
    BATCH.get_or_init(|| {
        let batch = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/samples/tam-ky-wards-2022.json"
        );
        let zip = scratch("sample-batch").join("wards.zip");
        assert_success(&vanban(&[
            "batch",
            batch,
            "-o",
            zip.to_str().unwrap(),
            "--quiet",
        ]));
        (batch, entries(&zip))
    })
}

/// The sample agreement, rendered once per test run, with its fields as `--fields-json` wrote
/// them.
pub fn sample_agreement() -> &'static (PathBuf, serde_json::Value) {
    static PDF: OnceLock<(PathBuf, serde_json::Value)> = OnceLock::new();
    PDF.get_or_init(|| {
        let dir = scratch("sample-agreement");
        let (pdf, fields) = (dir.join("agreement.pdf"), dir.join("fields.json"));
        let output = vanban(&[
            "render",
            "agreement",
            SAMPLE,
            "-o",
            pdf.to_str().unwrap(),
            "--fields-json",
            fields.to_str().unwrap(),
        ]);
        assert!(
            output.status.success(),
            "render failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        let fields = serde_json::from_slice(&std::fs::read(fields).unwrap()).unwrap();
        (pdf, fields)
    })
}

/// A ZIP's entries in order, with their bytes.
pub fn entries(zip: &Path) -> Vec<(String, Vec<u8>)> {
    let mut archive = zip::ZipArchive::new(std::fs::File::open(zip).unwrap()).unwrap();
    (0..archive.len())
        .map(|index| {
            let mut entry = archive.by_index(index).unwrap();
            let mut bytes = Vec::new();
            std::io::Read::read_to_end(&mut entry, &mut bytes).unwrap();
            (entry.name().unwrap().into_owned(), bytes)
        })
        .collect()
}

/// Runs a poppler tool and returns its standard output.
pub fn poppler(tool: &str, args: &[&str]) -> String {
    let output = Command::new(tool)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{tool} runs (install poppler-utils): {e}"));
    assert!(
        output.status.success(),
        "{tool} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("poppler prints UTF-8")
}

/// The PDF's text in reading order with every run of white space made one space.
pub fn pdf_text(pdf: &Path) -> String {
    squash(&poppler(
        "pdftotext",
        &["-enc", "UTF-8", pdf.to_str().unwrap(), "-"],
    ))
}

pub fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The sample as JSON, to derive broken variants from.
pub fn sample_json() -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(SAMPLE).unwrap()).unwrap()
}

/// Renders `data` as a report into a scratch directory named `test`, asserts that it worked,
/// and returns the PDF's path.
pub fn render_data(test: &str, data: &serde_json::Value) -> PathBuf {
    render_kind(test, "report", data, &[])
}

/// Renders `data` as a document of `kind` (with `extra` arguments) into a scratch directory
/// named `test`, asserts that it worked, and returns the PDF's path.
pub fn render_kind(test: &str, kind: &str, data: &serde_json::Value, extra: &[&str]) -> PathBuf {
    let dir = scratch(test);
    let input = dir.join("input.json");
    std::fs::write(&input, serde_json::to_vec(data).unwrap()).unwrap();
    let pdf = dir.join(format!("{kind}.pdf"));
    let mut args = vec![
        "render",
        kind,
        input.to_str().unwrap(),
        "-o",
        pdf.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    let output = vanban(&args);
    assert_success(&output);
    pdf
}

/// Renders the sample with the templates in `dir` to `dir/report.pdf`; returns the run and the
/// PDF's path.
pub fn render_sample_with_templates(dir: &Path) -> (Output, PathBuf) {
    let pdf = dir.join("report.pdf");
    let output = vanban(&[
        "render",
        "report",
        SAMPLE,
        "--templates",
        dir.to_str().unwrap(),
        "-o",
        pdf.to_str().unwrap(),
    ]);
    (output, pdf)
}

/// Renders `input` as a document of `kind` and returns stderr, asserting exit code 1, that no
/// file was written and that the input is unchanged.
pub fn rejected_as(kind: &str, test: &str, input: &[u8]) -> String {
    let path = input_file(test, input);
    let pdf = path.with_file_name("out.pdf");
    let output = vanban(&[
        "render",
        kind,
        path.to_str().unwrap(),
        "-o",
        pdf.to_str().unwrap(),
    ]);
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(stderr.starts_with("error: "), "{stderr}");
    let leftovers: Vec<_> = std::fs::read_dir(path.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .filter(|name| name != "input.json")
        .collect();
    assert!(leftovers.is_empty(), "files left behind: {leftovers:?}");
    assert_eq!(std::fs::read(&path).unwrap(), input, "input modified");
    stderr
}

/// Writes `bytes` as `name` in a scratch directory named after the test and returns its path.
pub fn input_file(test: &str, bytes: &[u8]) -> PathBuf {
    let path = scratch(test).join("input.json");
    std::fs::write(&path, bytes).unwrap();
    path
}

/// A child process run to its end, with its peak memory and how long it took.
pub struct Measured {
    pub output: Output,
    /// The process's peak resident set size, in MB (the kernel's `ru_maxrss`).
    pub peak_rss_mb: f64,
    pub elapsed: std::time::Duration,
}

/// Runs `command` to its end with `stdin` as its standard input, capturing its output, and
/// measures its peak memory through GNU time (`scripts/test.sh` installs it). Not with `wait4`
/// here: the kernel carries the spawning process's peak into the child's `ru_maxrss` across
/// `exec`, so it would count this test process's own memory; time is a small process, and
/// the peak it reports is the command's own.
pub fn run_measured(command: &mut Command, stdin: &[u8]) -> Measured {
    use std::io::Write;
    use std::process::Stdio;
    use std::sync::atomic::{AtomicUsize, Ordering};

    static RUNS: AtomicUsize = AtomicUsize::new(0);
    let report = std::env::temp_dir().join(format!(
        "vanban-peak-{}-{}",
        std::process::id(),
        RUNS.fetch_add(1, Ordering::Relaxed)
    ));
    let mut timed = Command::new("/usr/bin/time");
    timed
        .args(["-f", "%M", "-o"])
        .arg(&report)
        .arg(command.get_program())
        .args(command.get_args());
    for (name, value) in command.get_envs() {
        match value {
            Some(value) => timed.env(name, value),
            None => timed.env_remove(name),
        };
    }
    if let Some(dir) = command.get_current_dir() {
        timed.current_dir(dir);
    }
    let started = std::time::Instant::now();
    let mut child = timed
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("GNU time runs (scripts/test.sh installs it)");
    let mut input = child.stdin.take().expect("stdin is piped");
    let stdin = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        // A child that refuses its input early closes the pipe: not the test's failure.
        let _ = input.write_all(&stdin);
    });
    let output = child.wait_with_output().expect("the command runs");
    let elapsed = started.elapsed();
    writer.join().expect("the writer ends");
    let said = std::fs::read_to_string(&report).expect("time writes its report");
    let _ = std::fs::remove_file(&report);
    // A command killed by a signal has a line about it before the figure.
    let kilobytes: f64 = said
        .lines()
        .last()
        .and_then(|line| line.trim().parse().ok())
        .unwrap_or_else(|| panic!("time's report is a peak in KB: {said:?}"));
    Measured {
        output,
        peak_rss_mb: kilobytes / 1024.0,
        elapsed,
    }
}

/// `vanban` with `args`, in English, as a command to run or measure.
pub fn vanban_command(args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_vanban"));
    for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
        command.env_remove(name);
    }
    command.args(args);
    command
}

/// The text `key` of each item of the JSON list `list`.
pub fn texts_of<'a>(list: &'a serde_json::Value, key: &str) -> Vec<&'a str> {
    list.as_array()
        .expect("a list")
        .iter()
        .map(|item| item[key].as_str().expect("a text"))
        .collect()
}

/// Asserts that a roll-up's text adds the figures `tests/tools/fill_sheet.py` fills into every
/// one of the sample's 13 wards: 150 trees and 12,500,000 đồng each.
pub fn assert_rolls_up_the_filled_figures(rollup: &str) {
    assert!(
        rollup.contains("1.950 cây xanh"),
        "13 × 150 trees: {rollup}"
    );
    assert!(
        rollup.contains("162.500.000"),
        "13 × 12,500,000 đồng: {rollup}"
    );
}
