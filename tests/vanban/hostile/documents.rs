//! Hostile inputs: documents (issue 14, findings 3, 4, 17, 18 and 19). Year data shaped to
//! exhaust memory or pin the renderer is refused before layout; the worst shapes the limits
//! allow render within budget; fields written twice, words a line cannot break and invisible
//! characters are refused by name.

use serde_json::{Value, json};

use crate::support::*;
use crate::worst_shapes;

/// `vanban render KIND - -o <scratch>/out.pdf` on `input`, measured.
fn render(test: &str, kind: &str, input: &[u8]) -> Measured {
    let pdf = scratch(test).join("out.pdf");
    run_measured(
        &mut vanban_command(&["render", kind, "-", "-o", pdf.to_str().unwrap()]),
        input,
    )
}

/// Asserts that `measured` is a refusal of the data (exit 1) whose message has every one of
/// `expected`, and returns its standard error.
fn refused(measured: &Measured, expected: &[&str]) -> String {
    let stderr = String::from_utf8_lossy(&measured.output.stderr).into_owned();
    assert_eq!(measured.output.status.code(), Some(1), "{stderr}");
    for part in expected {
        assert!(stderr.contains(part), "{part:?} not in {stderr}");
    }
    stderr
}

/// The sample changed by `edit`, as bytes.
fn sample_with(edit: impl FnOnce(&mut Value)) -> Vec<u8> {
    let mut data = sample_json();
    edit(&mut data);
    serde_json::to_vec(&data).unwrap()
}

/// Finding 3: 2.4 million one-letter paragraphs (a body under 10 MB) grew past 8 GB while
/// rendering; now the list's maximum refuses them before anything is laid out.
#[test]
fn millions_of_tiny_paragraphs_are_refused_before_layout() {
    let input = sample_with(|data| data["general_results"] = json!(vec!["a"; 2_400_000]));
    assert!(input.len() < 10 << 20);
    let measured = render("tiny-paragraphs", "report", &input);
    refused(
        &measured,
        &["$.general_results: must list at most 30 items"],
    );
    assert!(
        measured.peak_rss_mb < 1_000.0,
        "{} MB",
        measured.peak_rss_mb
    );
    assert!(measured.elapsed.as_secs() < 20, "{:?}", measured.elapsed);
}

/// Finding 3, the class: every list of the schema (`vanban schema`, which the page's form
/// reads) has a maximum and every free text a maximum length.
#[test]
fn every_list_and_text_of_the_schema_has_a_maximum() {
    fn unbounded(schema: &Value, path: &str, found: &mut Vec<String>) {
        match schema {
            Value::Object(map) => {
                let is = |t: &str| map.get("type").is_some_and(|v| v == t);
                if is("array") && !map.contains_key("maxItems") && !map.contains_key("maxLength") {
                    let fixed = map.get("items").is_some_and(Value::is_array);
                    if !fixed {
                        found.push(path.to_owned());
                    }
                }
                let free_text = is("string")
                    && !["maxLength", "format", "enum", "const"]
                        .iter()
                        .any(|key| map.contains_key(*key));
                if free_text {
                    found.push(path.to_owned());
                }
                for (key, value) in map {
                    unbounded(value, &format!("{path}/{key}"), found);
                }
            }
            Value::Array(items) => {
                for (index, item) in items.iter().enumerate() {
                    unbounded(item, &format!("{path}/{index}"), found);
                }
            }
            _ => {}
        }
    }
    let output = vanban(&["schema"]);
    assert_success(&output);
    let schema: Value = serde_json::from_slice(&output.stdout).unwrap();
    let mut found = Vec::new();
    unbounded(&schema, "", &mut found);
    assert!(found.is_empty(), "without a maximum: {found:#?}");
}

/// Finding 4: one `issuer.place` of 8,000 short words took 93 s and a 1 MB paragraph over
/// 300 s; both are now refused at once.
#[test]
fn texts_that_pinned_the_renderer_are_refused_at_once() {
    let place = vec!["A"; 8_000].join(" ");
    let paragraph = vec!["ngày"; 200_000].join(" ");
    let input = sample_with(|data| {
        data["issuer"]["place"] = json!(place);
        data["general_results"][0] = json!(paragraph);
    });
    let measured = render("pinning-texts", "report", &input);
    refused(
        &measured,
        &[
            "$.issuer.place: must be at most 120 characters",
            "$.general_results[0]: must be at most 3000 characters",
            "more than the 120000 one document may hold",
        ],
    );
    assert!(measured.elapsed.as_secs() < 10, "{:?}", measured.elapsed);
    assert!(measured.peak_rss_mb < 300.0, "{} MB", measured.peak_rss_mb);
}

/// Finding 4: the worst shapes the limits allow (every list and text at its maximum, long
/// words, one-line fields of one-letter words, placeholders, figures) render within a budget
/// that only a regression reaches (each takes under 2 s here; see `scripts/bench-worst.sh`).
#[test]
fn the_worst_shapes_the_limits_allow_render_within_budget() {
    for shape in worst_shapes::all() {
        let test = format!("worst-{}-{}", shape.kind, shape.name);
        let input = serde_json::to_vec(&shape.data).unwrap();
        let measured = render(&test, shape.kind, &input);
        let stderr = String::from_utf8_lossy(&measured.output.stderr);
        assert!(measured.output.status.success(), "{test}: {stderr}");
        assert!(
            measured.elapsed.as_secs() < 20,
            "{test}: {:?}",
            measured.elapsed
        );
        assert!(
            measured.peak_rss_mb < 600.0,
            "{test}: {} MB",
            measured.peak_rss_mb
        );
    }
}

/// Finding 4: more figures than a document may hold (each a row of a table over pages, which
/// took 30 s and 700 MB at 9,200) are refused.
#[test]
fn more_figures_than_a_document_holds_are_refused() {
    let figure = json!({"key": "cay", "label": "Cây xanh", "count": 5, "unit": "cây"});
    let activity = json!({"text": "Trồng {cay}.", "quantities": [figure]});
    let input = sample_with(|data| {
        for organization in data["organizations"].as_array_mut().unwrap() {
            organization["activities"] = json!(vec![activity.clone(); 40]);
        }
    });
    let measured = render("many-figures", "report", &input);
    refused(&measured, &["$.organizations: hold 280 figures"]);
}

/// Finding 17: a field written twice is refused with the line and column of both, in year
/// data and in a batch file (JSON keeps the last silently, which dropped the first).
#[test]
fn a_field_written_twice_is_refused_with_both_places() {
    let sample = std::fs::read_to_string(SAMPLE).unwrap();
    let twice = sample.replacen("\"year\": 2022,", "\"year\": 2022,\n  \"year\": 2023,", 1);
    let measured = render("field-twice", "report", twice.as_bytes());
    refused(
        &measured,
        &[
            "$.year: is written twice in the same object, at line 10, column 3 and again at line 11, column 3",
        ],
    );

    let batch = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/samples/tam-ky-wards-2022.json"
    );
    let batch = std::fs::read_to_string(batch).unwrap();
    // The same field spelt with an escape is the same field.
    let twice = batch.replacen(
        "\"year\": 2022,",
        "\"year\": 2022,\n    \"y\\u0065ar\": 2023,",
        1,
    );
    assert_ne!(twice, batch);
    let dir = scratch("field-twice-batch");
    let input = dir.join("wards.json");
    std::fs::write(&input, twice).unwrap();
    let zip = dir.join("wards.zip");
    let measured = run_measured(
        &mut vanban_command(&[
            "batch",
            input.to_str().unwrap(),
            "-o",
            zip.to_str().unwrap(),
            "--quiet",
        ]),
        b"",
    );
    refused(
        &measured,
        &["$.shared.year: is written twice in the same object"],
    );
    assert!(!zip.exists());
}

/// Finding 18: a word is what a printed line cannot break, whatever joins it: no-break
/// spaces bound into place names in headers, the box around spaced dashes, brackets and
/// commas that Unicode keeps with their neighbours, figures filled in against a word.
#[test]
fn runs_a_line_cannot_break_count_as_one_word() {
    let dashes = ["ngày"; 12].join(" - ");
    let brackets = format!("Kết quả {} hết.", vec!["("; 30].join(" "));
    let cases: [(&str, &str, Value, &str); 4] = [
        (
            "/issuer/name",
            "$.issuer.name",
            json!(format!("Ban CHQS thành phố {}", vec!["A"; 20].join(" "))),
            "the 25 that fit a one-line field",
        ),
        (
            "/general_results/0",
            "$.general_results[0]",
            json!(dashes),
            "the 35 that fit a paragraph:",
        ),
        (
            "/general_results/0",
            "$.general_results[0]",
            json!(brackets),
            "the 35 that fit a paragraph:",
        ),
        (
            "/organizations/0/activities/0/text",
            "$.organizations[0].activities[0].text",
            json!("Phối hợp tổ chứcchươngtrìnhnhiềunhiều{buoi_tuyen_truyen}."),
            "the 35 that fit a paragraph:",
        ),
    ];
    for (pointer, path, text, limit) in cases {
        let input = sample_with(|data| *data.pointer_mut(pointer).unwrap() = text);
        let measured = render("unbreakable", "report", &input);
        refused(&measured, &[&format!("{path}: has a word of"), limit]);
    }
}

/// Finding 19: NUL and every other character that never prints (C0 and C1 controls,
/// invisible operators, tag characters, noncharacters) is refused, naming the field.
#[test]
fn characters_that_never_print_are_refused_by_field() {
    for character in [
        '\0',
        '\u{1}',
        '\u{1b}',
        '\u{7f}',
        '\u{9f}',
        '\u{2063}',
        '\u{e0041}',
        '\u{ffff}',
    ] {
        let input = sample_with(|data| {
            data["signer"]["name"] = json!(format!("Đoàn Văn{character}Quang"));
        });
        let measured = render("invisible", "report", &input);
        let code = format!("U+{:04X}", character as u32);
        refused(
            &measured,
            &[&format!(
                "$.signer.name: must not contain the character {code}"
            )],
        );
    }
}
