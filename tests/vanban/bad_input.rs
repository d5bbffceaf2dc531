//! Every class of bad input: a clear error with its place, exit code 1, and no output file.

use serde_json::{Value, json};

use crate::support::*;

/// Renders `input` as a report and returns stderr, asserting exit code 1 and that no file was
/// written.
fn rejected(test: &str, input: &[u8]) -> String {
    rejected_as("report", test, input)
}

/// Rejects the sample after `edit`, with each of `expected` in the error output.
fn assert_rejected(test: &str, edit: impl FnOnce(&mut Value), expected: &[&str]) {
    let stderr = rejected_json(test, edit);
    for message in expected {
        assert!(stderr.contains(message), "{message:?} not in:\n{stderr}");
    }
}

fn rejected_json(test: &str, edit: impl FnOnce(&mut Value)) -> String {
    let mut data = sample_json();
    edit(&mut data);
    rejected(
        test,
        serde_json::to_string_pretty(&data).unwrap().as_bytes(),
    )
}

#[test]
fn unknown_field_is_named() {
    assert_rejected(
        "unknown-field",
        |d| d["issuer"]["nam"] = json!("x"),
        &["$.issuer.nam: unknown field"],
    );
}

#[test]
fn impossible_date() {
    assert_rejected(
        "impossible-date",
        |d| d["document"]["date"] = json!("2022-02-30"),
        &["$.document.date: expected a real calendar date as YYYY-MM-DD"],
    );
}

#[test]
fn negative_money() {
    let stderr = rejected_json("negative-money", |d| {
        d["organizations"][1]["activities"][0]["quantities"][0]["amount"] = json!(-5)
    });
    assert!(
        stderr
            .contains("$.organizations[1].activities[0].quantities[0].amount: must be at least 0"),
        "{stderr}"
    );
}

#[test]
fn fractional_count() {
    assert_rejected(
        "fractional-count",
        |d| d["organizations"][2]["activities"][0]["quantities"][0]["count"] = json!(2.5),
        &["quantities[0].count: expected a whole number, found the fraction 2.5"],
    );
}

#[test]
fn empty_required_text() {
    assert_rejected(
        "empty-text",
        |d| d["signer"]["name"] = json!("  "),
        &["$.signer.name: must not be empty"],
    );
}

#[test]
fn an_empty_abbreviation_is_one_problem() {
    let stderr = rejected_json("empty-abbreviation", |d| {
        d["issuer"]["abbreviation"] = json!("")
    });
    assert!(
        stderr.contains("1 problem in the year data")
            && stderr.contains("$.issuer.abbreviation: must not be empty")
            && !stderr.contains("capital letters"),
        "{stderr}"
    );
}

#[test]
fn missing_field() {
    assert_rejected(
        "missing-field",
        |d| {
            d["issuer"].as_object_mut().unwrap().remove("abbreviation");
        },
        &["$.issuer.abbreviation: missing required field"],
    );
}

#[test]
fn year_out_of_range() {
    assert_rejected(
        "year-range",
        |d| d["year"] = json!(3022),
        &["$.year: must be at most 2100, found 3022"],
    );
}

#[test]
fn document_date_outside_the_year() {
    assert_rejected(
        "date-year",
        |d| d["document"]["date"] = json!("2020-05-01"),
        &["$.document.date: must fall in 2022 or 2023"],
    );
}

#[test]
fn placeholder_without_quantity() {
    assert_rejected(
        "placeholder",
        |d| d["organizations"][1]["activities"][0]["text"] = json!("Vận động {quy}."),
        &["$.organizations[1].activities[0].text: `{quy}` names none of the quantities here"],
    );
}

#[test]
fn all_errors_are_reported_at_once() {
    let stderr = rejected_json("all-at-once", |d| {
        d["year"] = json!("2022");
        d["issuer"]["nam"] = json!("x");
        d["signer"]["name"] = json!("");
    });
    assert!(
        stderr.contains("$.year: expected a whole number, found the text \"2022\""),
        "{stderr}"
    );
    assert!(stderr.contains("$.issuer.nam: unknown field"), "{stderr}");
    assert!(
        stderr.contains("$.signer.name: must not be empty"),
        "{stderr}"
    );
}

#[test]
fn invalid_utf8_has_line_and_column() {
    let stderr = rejected("utf8", b"{\n  \"year\": \"20\xff22\"\n}");
    assert!(
        stderr.contains("not valid UTF-8 at line 2, column 14"),
        "{stderr}"
    );
}

#[test]
fn malformed_json_has_line_and_column() {
    let stderr = rejected("syntax", b"{\n  \"year\": 2022,\n  \"issuer\": {,\n}");
    assert!(
        stderr.contains("malformed JSON at line 3, column 14"),
        "{stderr}"
    );
}

#[test]
fn character_without_glyph_names_character_and_field() {
    assert_rejected(
        "glyph",
        |d| d["situation"]["overview"][0] = json!("Chữ Hán 漢 không có"),
        &["$.situation.overview[0]: character '漢' (U+6F22) has no glyph"],
    );
}

#[test]
fn template_errors_name_file_and_line() {
    let dir = scratch("bad-template");
    std::fs::write(
        dir.join("report.typ.j2"),
        "#import \"/house.typ\": *\n{{ data.nope.deeper }}\n",
    )
    .unwrap();
    let (output, pdf) = render_sample_with_templates(&dir);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("report.typ.j2:2:"), "{stderr}");
    assert!(!pdf.exists());
}

#[test]
fn typst_errors_name_file_and_line() {
    let dir = scratch("bad-typst");
    std::fs::write(
        dir.join("house.typ"),
        "#let document(..args) = x\n#let broken = (\n",
    )
    .unwrap();
    let output = vanban(&[
        "render",
        "report",
        SAMPLE,
        "--templates",
        dir.to_str().unwrap(),
        "-o",
        "-",
    ]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("house.typ:"), "{stderr}");
    assert!(output.stdout.is_empty());
}

#[test]
fn text_pasted_from_a_word_processor_is_tidied_not_refused() {
    let mut data = sample_json();
    data["issuer"]["place"] = json!("Tam\r\nKỳ");
    data["signer"]["name"] = json!("\u{feff}Nguyễn\u{a0}Văn  Hùng\t");
    data["situation"]["overview"][0] = json!("Năm 2022,\ntình hình chính\u{ad}trị ổn định.");
    let text = pdf_text(&render_data("pasted-text", &data));
    for tidied in [
        "Tam Kỳ, ngày",
        "Nguyễn Văn Hùng",
        "Năm 2022, tình hình chínhtrị ổn định.",
    ] {
        assert!(squash(&text).contains(tidied), "{tidied:?} not in {text}");
    }
}

#[test]
fn invisible_text_counts_as_empty() {
    let stderr = rejected_json("invisible", |d| {
        d["signer"]["name"] = json!("\u{1}\u{200B}");
        d["recipients"][0] = json!("\u{FEFF}");
    });
    assert!(
        stderr.contains("$.signer.name: must not be empty"),
        "{stderr}"
    );
    assert!(
        stderr.contains("$.recipients[0]: must not be empty"),
        "{stderr}"
    );
}

#[test]
fn list_sizes_are_bounded() {
    let stderr = rejected_json("list-sizes", |d| {
        d["recipients"] = json!(vec!["Nơi nhận"; 31]);
        d["archive"] = json!([]);
        let organization = d["organizations"][0].clone();
        d["organizations"] = json!(vec![organization; 24]);
    });
    assert!(
        stderr.contains("$.recipients: must list at most 30 items"),
        "{stderr}"
    );
    assert!(
        stderr.contains("$.archive: must list at least 1 item"),
        "{stderr}"
    );
    assert!(
        stderr.contains("$.organizations: must list at most 23 items"),
        "{stderr}"
    );
}

#[test]
fn figures_have_a_ceiling_and_keep_their_path() {
    let stderr = rejected_json("ceiling", |d| {
        d["organizations"][1]["activities"][0]["quantities"][0]["amount"] = json!(1e20)
    });
    assert!(
        stderr.contains("quantities[0].amount: must be at most 10000000000000, found 1e+20"),
        "{stderr}"
    );
    let stderr = rejected_json("float-amount", |d| {
        d["organizations"][1]["activities"][0]["quantities"][0]["amount"] = json!(5.0)
    });
    assert!(
        stderr.contains("$.organizations[1].activities[0].quantities[0].amount: expected a whole number, found the fraction 5.0"),
        "{stderr}"
    );
}

#[test]
fn abbreviation_must_be_a_symbol() {
    assert_rejected(
        "abbreviation",
        |d| d["issuer"]["abbreviation"] = json!("Ban CHQS"),
        &[
            "$.issuer.abbreviation: must be capital letters and digits, in groups joined by '-' \
           (e.g. \"BCHQS\" or \"BCHQS-HLHPN\"), found \"Ban CHQS\"",
        ],
    );
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let mut bytes = "\u{feff}".as_bytes().to_vec();
    bytes.extend(std::fs::read(SAMPLE).unwrap());
    let path = input_file("bom", &bytes);
    let output = vanban(&["validate", path.to_str().unwrap()]);
    assert_success(&output);
}

#[test]
fn usage_errors_exit_with_2() {
    assert_eq!(vanban(&["render", "memo", SAMPLE]).status.code(), Some(2));
    assert_eq!(
        vanban(&["render", "report", SAMPLE, "--page", "1", "-o", "-"])
            .status
            .code(),
        Some(2)
    );
    for dpi in ["0", "inf", "100000", "-5", "301"] {
        let output = vanban(&[
            "render", "report", SAMPLE, "-f", "png", "--dpi", dpi, "-o", "-",
        ]);
        assert_eq!(output.status.code(), Some(2), "--dpi {dpi}");
    }
}

#[test]
fn unreadable_input_exits_with_2() {
    let output = vanban(&["render", "report", "/nonexistent/x.json"]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        "error: cannot read /nonexistent/x.json: there is no such file\n"
    );
}

#[test]
fn an_output_without_its_folder_says_so_for_every_command() {
    let missing = "/nonexistent/folder";
    let commands: [&[&str]; 3] = [
        &["render", "report", SAMPLE, "-o"],
        &["batch", "samples/tam-ky-wards-2022.json", "-o"],
        &["sheet", "template", "samples/tam-ky-wards-2022.json", "-o"],
    ];
    for command in commands {
        let file = format!("{missing}/{}.out", command[0]);
        let args: Vec<&str> = command.iter().copied().chain([file.as_str()]).collect();
        let output = vanban(&args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert_eq!(
            String::from_utf8_lossy(&output.stderr),
            format!("error: cannot write {file}: its folder does not exist\n"),
            "{args:?}"
        );
        let args: Vec<&str> = args.into_iter().chain(["--lang", "vi"]).collect();
        assert_eq!(
            String::from_utf8_lossy(&vanban(&args).stderr),
            format!("error: không ghi được {file}: không có thư mục chứa tệp này\n"),
        );
    }
}

#[test]
fn vietnamese_with_lang_or_a_vietnamese_locale() {
    let mut data = sample_json();
    data["year"] = json!("2022");
    data["signer"]["name"] = json!("");
    let path = input_file("vietnamese", &serde_json::to_vec(&data).unwrap());
    let path = path.to_str().unwrap();
    let vietnamese = format!(
        "error: {path}: dữ liệu năm có 2 lỗi\n  \
         $.year: phải là số nguyên, nhưng đang là văn bản \"2022\"\n  \
         $.signer.name: không được để trống\n\
         hint: `vanban schema` in ra mọi trường kèm kiểu dữ liệu\n"
    );
    for (locale, args) in [
        (&[][..], &["validate", "--lang", "vi", path][..]),
        (&[("LANG", "vi_VN.UTF-8")], &["validate", path]),
        (
            &[("LANG", "en_US.UTF-8"), ("LC_MESSAGES", "vi_VN")],
            &["validate", path],
        ),
        (
            &[("LANG", "vi_VN.UTF-8")],
            &["--lang", "vi", "validate", path],
        ),
    ] {
        let output = vanban_in(locale, args);
        assert_eq!(output.status.code(), Some(1));
        assert_eq!(
            String::from_utf8_lossy(&output.stderr),
            vietnamese,
            "{locale:?} {args:?}"
        );
    }
    for (locale, args) in [
        (&[][..], &["validate", path][..]),
        (
            &[("LANG", "vi_VN.UTF-8")],
            &["validate", "--lang", "en", path],
        ),
        (
            &[("LC_ALL", "C"), ("LANG", "vi_VN.UTF-8")],
            &["validate", path],
        ),
    ] {
        let stderr = String::from_utf8_lossy(&vanban_in(locale, args).stderr).into_owned();
        assert!(
            stderr.contains("2 problems in the year data"),
            "{locale:?}: {stderr}"
        );
    }
}

mod robustness {
    //! Broken input of any shape is an error, never a panic.

    use proptest::prelude::*;
    use serde_json::Value;
    use vanban::model::parse_year_data;
    use vanban::{DocumentKind, Engine, EngineOptions, RenderError};

    use crate::support::sample_json;

    /// Every place in the sample where a value can be swapped: (JSON pointer, value).
    fn pointers(value: &Value, path: String, out: &mut Vec<String>) {
        out.push(path.clone());
        match value {
            Value::Array(items) => items
                .iter()
                .enumerate()
                .for_each(|(i, v)| pointers(v, format!("{path}/{i}"), out)),
            Value::Object(map) => map
                .iter()
                .for_each(|(k, v)| pointers(v, format!("{path}/{k}"), out)),
            _ => {}
        }
    }

    fn any_json() -> impl Strategy<Value = Value> {
        prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::from),
            any::<i64>().prop_map(Value::from),
            any::<f64>()
                .prop_filter("finite", |f| f.is_finite())
                .prop_map(Value::from),
            ".{0,12}".prop_map(Value::from),
            Just(serde_json::json!([])),
            Just(serde_json::json!({})),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        #[test]
        fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
            let _ = parse_year_data(&bytes);
        }

        #[test]
        fn any_value_anywhere_is_rejected_or_renders(index in any::<prop::sample::Index>(), replacement in any_json()) {
            let mut data = sample_json();
            let mut places = Vec::new();
            pointers(&data, String::new(), &mut places);
            let place = &places[index.index(places.len())];
            if place.is_empty() {
                data = replacement;
            } else {
                *data.pointer_mut(place).unwrap() = replacement;
            }
            if let Ok(data) = parse_year_data(&serde_json::to_vec(&data).unwrap()) {
                static ENGINE: std::sync::OnceLock<Engine> = std::sync::OnceLock::new();
                let engine = ENGINE.get_or_init(|| Engine::new(&EngineOptions::default()).unwrap());
                // Valid data always typesets; only characters without a glyph may stop it.
                let result = engine.typeset(DocumentKind::Report, &data);
                prop_assert!(matches!(result, Ok(_) | Err(RenderError::Data(_))), "{:?}", result.err());
            }
        }
    }
}

#[test]
fn text_that_cannot_print_well() {
    assert_rejected(
        "unprintable",
        |d| {
            d["signer"]["name"] = json!("\u{301}\u{300}\u{323}");
            d["situation"]["overview"][0] = json!("Kiểm tra \u{202E}abc");
            d["organizations"][0]["activities"][0]["quantities"][0]["unit"] =
                json!("buổituyêntruyền");
            d["general_results"][0] = json!("x".repeat(36));
            d["lessons"] = json!([]);
        },
        &[
            "$.signer.name: must not be empty",
            "$.situation.overview[0]: must not contain the direction control character U+202E",
            "$.organizations[0].activities[0].quantities[0].unit: has a word of 15 characters, more than the 10 that fit a table cell",
            "$.general_results[0]: has a word of 36 characters, more than the 35 that fit a paragraph",
            "$.lessons: must list at least 1 item",
        ],
    );
}

#[test]
fn money_total_has_a_ceiling() {
    assert_rejected(
        "money-total",
        |d| {
            for quantity in d["organizations"][1]["activities"][0]["quantities"]
                .as_array_mut()
                .unwrap()
            {
                if quantity.get("amount").is_some() {
                    quantity["amount"] = json!(10_000_000_000_000u64);
                }
            }
        },
        &["$.organizations: the money figures add up to more than 10000000000000 đồng"],
    );
}
