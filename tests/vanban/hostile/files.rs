//! Hostile inputs: files. PDFs whose form is shaped to exhaust `vanban fields` (issue 14,
//! finding 10), a link planted where the output's temporary file goes (13), temporary files a
//! killed run left behind (15), and a closed standard error (16).

use std::io::ErrorKind;
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, Instant};

use lopdf::{Dictionary, Document, Object, dictionary};
use vanban::fields::{MAX_FIELD_DEPTH, MAX_FIELD_NAME_CHARS, MAX_FORM_OBJECTS, MAX_PDF_BYTES};

use crate::support::{SAMPLE, assert_success, run_measured, scratch, vanban, vanban_command};

/// A one-page PDF whose form lists the fields `fields` adds to the document.
fn form_pdf(fields: impl FnOnce(&mut Document) -> Vec<Object>) -> Vec<u8> {
    let mut document = Document::with_version("1.7");
    let pages = document.new_object_id();
    let page = document.add_object(dictionary! {
        "Type" => "Page",
        "Parent" => pages,
        "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
    });
    let tree = dictionary! { "Type" => "Pages", "Kids" => vec![page.into()], "Count" => 1 };
    document.objects.insert(pages, tree.into());
    let fields = fields(&mut document);
    let catalog = document.add_object(dictionary! {
        "Type" => "Catalog",
        "Pages" => pages,
        "AcroForm" => dictionary! { "Fields" => fields },
    });
    document.trailer.set("Root", catalog);
    let mut bytes = Vec::new();
    document.save_to(&mut bytes).unwrap();
    bytes
}

/// A signature field named `name` that is its own widget.
fn signature_field(name: &str) -> Dictionary {
    dictionary! {
        "FT" => "Sig",
        "T" => Object::string_literal(name),
        "Subtype" => "Widget",
        "Rect" => vec![56.into(), 100.into(), 256.into(), 160.into()],
    }
}

/// `depth` fields named `name`, each the only kid of the one before, the innermost a
/// signature field.
pub fn nested_fields(depth: usize, name: &str) -> Vec<u8> {
    form_pdf(|document| {
        let mut inner = document.add_object(signature_field(name));
        for _ in 1..depth {
            inner = document.add_object(dictionary! {
                "T" => Object::string_literal(name),
                "Kids" => vec![inner.into()],
            });
        }
        vec![inner.into()]
    })
}

/// `count` signature fields side by side.
pub fn many_fields(count: usize) -> Vec<u8> {
    form_pdf(|document| {
        (0..count)
            .map(|n| {
                document
                    .add_object(signature_field(&format!("f{n}")))
                    .into()
            })
            .collect()
    })
}

/// Two fields, each the other's kid.
pub fn field_loop() -> Vec<u8> {
    form_pdf(|document| {
        let outer = document.new_object_id();
        let inner = document.add_object(dictionary! {
            "T" => Object::string_literal("b"),
            "Kids" => vec![outer.into()],
        });
        let looped = dictionary! {
            "T" => Object::string_literal("a"),
            "Kids" => vec![inner.into()],
        };
        document.objects.insert(outer, looped.into());
        vec![outer.into()]
    })
}

/// A field name longer than [`MAX_FIELD_NAME_CHARS`]: three levels of 60% of it each.
pub fn long_name() -> Vec<u8> {
    nested_fields(3, &"n".repeat(MAX_FIELD_NAME_CHARS * 3 / 5))
}

/// Writes `pdf` in a scratch directory for `test` and runs `vanban fields` on it, measured.
fn fields_of(test: &str, pdf: &[u8]) -> crate::support::Measured {
    let path = scratch(test).join("hostile.pdf");
    std::fs::write(&path, pdf).unwrap();
    run_measured(
        &mut vanban_command(&["fields", path.to_str().unwrap()]),
        b"",
    )
}

/// Asserts that `vanban fields` refused the PDF with exit code 1 and `message`, quickly and
/// in little memory.
fn assert_refused(measured: &crate::support::Measured, message: &str) {
    let stderr = String::from_utf8_lossy(&measured.output.stderr);
    assert_eq!(measured.output.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains(message), "{stderr}");
    assert!(measured.peak_rss_mb < 200.0, "{} MB", measured.peak_rss_mb);
    assert!(
        measured.elapsed < Duration::from_secs(20),
        "{:?}",
        measured.elapsed
    );
}

#[test]
fn fields_nested_thirty_thousand_deep_are_refused_without_overflowing_the_stack() {
    // It used to overflow the stack (and took 146 MB at 10,000: names grew quadratically).
    let measured = fields_of("fields-deep", &nested_fields(30_000, "f"));
    let limit = format!("nests fields more than {MAX_FIELD_DEPTH} levels deep");
    assert_refused(&measured, &limit);
}

#[test]
fn fields_as_deep_as_the_limit_are_listed() {
    let measured = fields_of("fields-at-limit", &nested_fields(MAX_FIELD_DEPTH, "f"));
    let stdout = String::from_utf8_lossy(&measured.output.stdout);
    assert!(measured.output.status.success(), "{:?}", measured.output);
    let name = vec!["f"; MAX_FIELD_DEPTH].join(".");
    assert!(stdout.contains(&format!("{name}  ")), "{stdout}");
}

#[test]
fn a_form_with_too_many_fields_is_refused() {
    let measured = fields_of("fields-many", &many_fields(MAX_FORM_OBJECTS + 1));
    assert_refused(&measured, &format!("more than {MAX_FORM_OBJECTS} fields"));
}

#[test]
fn a_field_name_past_the_limit_is_refused() {
    let measured = fields_of("fields-long-name", &long_name());
    let limit = format!("name longer than {MAX_FIELD_NAME_CHARS} characters");
    assert_refused(&measured, &limit);
}

#[test]
fn a_field_inside_itself_is_refused() {
    let measured = fields_of("fields-loop", &field_loop());
    assert_refused(&measured, "a field is listed inside itself");
}

#[test]
fn a_pdf_past_the_size_limit_is_refused_before_it_is_read() {
    let path = scratch("fields-large").join("large.pdf");
    // Sparse: no disk used, and read whole it would show in the peak memory.
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(MAX_PDF_BYTES + 1).unwrap();
    let measured = run_measured(
        &mut vanban_command(&["fields", path.to_str().unwrap()]),
        b"",
    );
    let limit_mb = MAX_PDF_BYTES / (1024 * 1024);
    assert_refused(&measured, &format!("larger than {limit_mb} MB"));
    assert!(measured.peak_rss_mb < 50.0, "{} MB", measured.peak_rss_mb);
}

#[test]
fn the_help_of_fields_states_its_limits() {
    let output = vanban(&["fields", "--help"]);
    let help = String::from_utf8_lossy(&output.stdout).replace('\n', " ");
    let help = help.split_whitespace().collect::<Vec<_>>().join(" ");
    for limit in [
        format!("{} MB", MAX_PDF_BYTES / (1024 * 1024)),
        format!("{MAX_FIELD_DEPTH} levels"),
        format!("{MAX_FORM_OBJECTS} fields"),
        format!("{MAX_FIELD_NAME_CHARS} characters"),
    ] {
        assert!(help.contains(&limit), "{limit} not in: {help}");
    }
}

/// Appends the decimal digits of `n` to `buffer` at `at`, without allocating (for a child
/// between fork and exec).
fn push_decimal(buffer: &mut [u8], mut at: usize, n: u32) -> usize {
    let mut digits = [0u8; 10];
    let mut count = 0;
    let mut rest = n;
    loop {
        digits[count] = b'0' + (rest % 10) as u8;
        count += 1;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    while count > 0 {
        count -= 1;
        buffer[at] = digits[count];
        at += 1;
    }
    at
}

#[test]
fn a_link_planted_at_the_temporary_name_is_never_written_through() {
    let dir = scratch("planted-link");
    let victim = dir.join("victim.txt");
    std::fs::write(&victim, "the clerk's notes").unwrap();
    let output = dir.join("out.pdf");
    // The child, once its pid is known, plants a link to the victim at the temporary names
    // vanban would use were they predictable: `.out.pdf.<pid>.tmp` as it once did, and
    // `.vanban-<pid>.tmp`.
    let prefixes: Vec<Vec<u8>> = [".out.pdf.", ".vanban-"]
        .iter()
        .map(|prefix| format!("{}/{prefix}", dir.display()).into_bytes())
        .collect();
    let target = std::ffi::CString::new(victim.to_str().unwrap()).unwrap();
    let mut command = vanban_command(&["render", "report", SAMPLE, "-o"]);
    command.arg(&output);
    // SAFETY: between fork and exec the closure only formats into stack buffers and calls
    // getpid and symlink, which are async-signal-safe.
    unsafe {
        command.pre_exec(move || {
            let pid = std::process::id();
            for prefix in &prefixes {
                let mut link = [0u8; 4096];
                link[..prefix.len()].copy_from_slice(prefix);
                let mut at = push_decimal(&mut link, prefix.len(), pid);
                link[at..at + 4].copy_from_slice(b".tmp");
                at += 4;
                link[at] = 0;
                libc::symlink(target.as_ptr(), link.as_ptr().cast());
            }
            Ok(())
        });
    }
    let run = command.output().unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert_eq!(
        std::fs::read_to_string(&victim).unwrap(),
        "the clerk's notes"
    );
    assert!(std::fs::read(&output).unwrap().starts_with(b"%PDF-"));
    let links = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .filter(|entry| entry.file_type().unwrap().is_symlink())
        .count();
    assert_eq!(links, 2, "the planted links were made, and left alone");
}

/// The names of the files in `dir`.
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// The temporary files of vanban in `dir`.
fn temporaries(dir: &Path) -> Vec<String> {
    let mut names = names(dir);
    names.retain(|name| name.starts_with(".vanban-") && name.ends_with(".tmp"));
    names
}

#[test]
fn a_killed_batch_leaves_a_temporary_file_the_next_run_removes() {
    let dir = scratch("killed-batch");
    let batch = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/samples/tam-ky-wards-2022.json"
    );
    let mut child = vanban_command(&["batch", batch, "-o"])
        .arg(dir.join("wards.zip"))
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let started = Instant::now();
    while temporaries(&dir).is_empty() {
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "no temporary file"
        );
        assert!(child.try_wait().unwrap().is_none(), "the batch ended first");
        std::thread::sleep(Duration::from_millis(2));
    }
    child.kill().unwrap(); // SIGKILL: no handler runs.
    child.wait().unwrap();
    let left = temporaries(&dir);
    assert_eq!(left.len(), 1, "{left:?}");
    assert!(
        left[0].starts_with(&format!(".vanban-{}-", child.id())),
        "{left:?}"
    );

    assert_success(&vanban(&[
        "render",
        "report",
        SAMPLE,
        "-o",
        dir.join("out.pdf").to_str().unwrap(),
    ]));
    assert_eq!(names(&dir), ["out.pdf"]);
}

#[test]
fn only_temporary_files_of_dead_vanban_processes_are_removed() {
    let dir = scratch("stale-temporaries");
    // No pid reaches 99999999: Linux's largest is 4194304.
    let dead = ".vanban-99999999-aB3dE6gH.tmp";
    let live = format!(".vanban-{}-aB3dE6gH.tmp", std::process::id());
    let others = [
        ".vanban-99999999-aB3dE6gH.tmp.keep",
        ".vanban-99999999-short.tmp",
        "vanban-99999999-aB3dE6gH.tmp",
        "notes.tmp",
    ];
    for name in [dead, &live].into_iter().chain(others) {
        std::fs::write(dir.join(name), "80 MB, once").unwrap();
    }
    // A link named like a dead run's temporary file is not one.
    let link = ".vanban-99999998-aB3dE6gH.tmp";
    std::os::unix::fs::symlink("notes.tmp", dir.join(link)).unwrap();

    assert_success(&vanban(&[
        "render",
        "report",
        SAMPLE,
        "-o",
        dir.join("out.pdf").to_str().unwrap(),
    ]));
    let mut expected: Vec<String> = [live.as_str(), link, "out.pdf"]
        .into_iter()
        .chain(others)
        .map(str::to_owned)
        .collect();
    expected.sort();
    assert_eq!(names(&dir), expected);
}

/// Runs `vanban args` with its standard error a pipe nobody reads from any more, and returns
/// its exit code.
fn exit_code_with_closed_stderr(args: &[&str]) -> Option<i32> {
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let status = vanban_command(args)
        .stdout(Stdio::null())
        .stderr(writer)
        .status()
        .unwrap();
    status.code()
}

#[test]
fn a_closed_standard_error_keeps_the_exit_code() {
    let dir = scratch("closed-stderr");
    let bad = dir.join("bad.json");
    std::fs::write(&bad, "{").unwrap();
    // Writing the error used to panic (EPIPE): exit code 101.
    assert_eq!(
        exit_code_with_closed_stderr(&["validate", bad.to_str().unwrap()]),
        Some(1)
    );
    let missing = dir.join("missing.json");
    let missing = missing.to_str().unwrap();
    assert_eq!(
        exit_code_with_closed_stderr(&["render", "report", missing]),
        Some(2)
    );
    // A batch with an invalid ward.
    let mut wards: serde_json::Value = serde_json::from_slice(
        &std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/samples/tam-ky-wards-2022.json"
        ))
        .unwrap(),
    )
    .unwrap();
    wards["wards"][0]["overrides"]["signer"]["name"] = serde_json::json!("");
    let batch = dir.join("wards.json");
    std::fs::write(&batch, serde_json::to_vec(&wards).unwrap()).unwrap();
    let zip = dir.join("wards.zip");
    let args = [
        "batch",
        batch.to_str().unwrap(),
        "-o",
        zip.to_str().unwrap(),
    ];
    assert_eq!(exit_code_with_closed_stderr(&args), Some(1));
    // The pipe really is closed: a write to it fails.
    let (reader, mut writer) = std::io::pipe().unwrap();
    drop(reader);
    let error = std::io::Write::write_all(&mut writer, b"x").unwrap_err();
    assert_eq!(error.kind(), ErrorKind::BrokenPipe);
}
