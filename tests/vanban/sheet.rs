//! The spreadsheet route: wards from an .xlsx or .csv sheet and the shared data from a batch
//! file give the same ZIP as the batch file alone; bad sheets are refused, saying where.

use std::path::{Path, PathBuf};
use std::process::Output;

use crate::support::*;

const SAMPLES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/samples");

fn sample(extension: &str) -> PathBuf {
    Path::new(SAMPLES).join(format!("tam-ky-wards-2022.{extension}"))
}

/// Runs `vanban batch input [--shared the sample batch file]` into `dir/out.zip`.
fn batch(dir: &Path, input: &Path, shared: bool) -> (Output, PathBuf) {
    let zip = dir.join("out.zip");
    let shared_file = sample("json");
    let mut args = vec![
        "batch",
        input.to_str().unwrap(),
        "-o",
        zip.to_str().unwrap(),
    ];
    if shared {
        args.extend(["--shared", shared_file.to_str().unwrap()]);
    }
    (vanban(&args), zip)
}

/// The sample CSV with `edit` applied to its cells, written to a scratch directory.
fn edited_csv(test: &str, edit: impl FnOnce(&mut Vec<Vec<String>>)) -> PathBuf {
    let text = std::fs::read_to_string(sample("csv")).unwrap();
    let mut rows: Vec<Vec<String>> = text
        .lines()
        .map(|line| line.split(',').map(str::to_owned).collect())
        .collect();
    edit(&mut rows);
    let lines: Vec<String> = rows.iter().map(|row| row.join(",")).collect();
    let path = scratch(test).join("wards.csv");
    std::fs::write(&path, lines.join("\r\n") + "\r\n").unwrap();
    path
}

/// Runs a batch that must fail with `code`; returns stderr, asserting that no ZIP was written.
fn refused(input: &Path, shared: bool, code: i32) -> String {
    let (output, zip) = batch(input.parent().unwrap(), input, shared);
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert_eq!(output.status.code(), Some(code), "{stderr}");
    assert!(!zip.exists(), "a ZIP was written");
    stderr
}

#[test]
fn sheets_give_the_same_zip_as_the_batch_file() {
    let dir = scratch("sheet-same-zip");
    let run = |input: &Path, shared: bool, name: &str| {
        let sub = dir.join(name);
        std::fs::create_dir_all(&sub).unwrap();
        let (output, zip) = batch(&sub, input, shared);
        assert!(
            output.status.success(),
            "{name}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        entries(&zip)
    };
    let expected = run(&sample("json"), false, "json");
    assert_eq!(expected.len(), 15, "13 wards, the roll-up and the manifest");
    for extension in ["xlsx", "csv"] {
        let got = run(&sample(extension), true, extension);
        let names = |entries: &[(String, Vec<u8>)]| -> Vec<String> {
            entries.iter().map(|(name, _)| name.clone()).collect()
        };
        assert_eq!(names(&got), names(&expected), "{extension}: entries");
        for ((name, bytes), (_, expected)) in got.iter().zip(&expected) {
            assert!(bytes == expected, "{extension}: {name} differs");
        }
    }
}

#[test]
fn a_bad_cell_names_its_row_column_and_header() {
    let input = edited_csv("sheet-bad-cell", |rows| {
        let column = rows[0].iter().position(|h| h == "cay_xanh").unwrap();
        rows[4][column] = "abc".to_owned();
    });
    let stderr = refused(&input, true, 1);
    assert!(stderr.starts_with("error: "), "{stderr}");
    assert!(
        stderr.contains(
            "row 5, column J (cay_xanh): expected a whole number of at least 0, found \"abc\""
        ),
        "{stderr}"
    );
}

#[test]
fn an_unknown_header_is_named_with_the_quantity_keys() {
    let input = edited_csv("sheet-unknown-header", |rows| {
        let column = rows[0].iter().position(|h| h == "cay_xanh").unwrap();
        rows[0][column] = "cay_xnah".to_owned();
    });
    let stderr = refused(&input, true, 1);
    assert!(
        stderr.contains("row 1, column J (cay_xnah): unknown column"),
        "{stderr}"
    );
    assert!(stderr.contains("cay_xanh, kinh_phi_kham"), "{stderr}");
}

#[test]
fn a_sheet_needs_shared_and_a_batch_file_refuses_it() {
    let dir = scratch("sheet-usage");
    for extension in ["xlsx", "csv"] {
        let input = dir.join(format!("wards.{extension}"));
        std::fs::copy(sample(extension), &input).unwrap();
        let stderr = refused(&input, false, 2);
        assert!(stderr.contains("--shared"), "{stderr}");
    }
    let input = dir.join("wards.json");
    std::fs::copy(sample("json"), &input).unwrap();
    let stderr = refused(&input, true, 2);
    assert!(stderr.contains("--shared goes with a sheet"), "{stderr}");
}

#[test]
fn the_excel_template_filled_in_gives_a_batch_whose_roll_up_adds_the_figures() {
    let dir = scratch("sheet-template");
    let template = dir.join("mau.xlsx");
    assert_success(&vanban(&[
        "sheet",
        "template",
        sample("json").to_str().unwrap(),
        "-o",
        template.to_str().unwrap(),
    ]));
    // A clerk fills every ward's row: the signer, a count and a sum of money.
    let values = dir.join("values.json");
    let filled = dir.join("filled.xlsx");
    std::fs::write(
        &values,
        r#"{"signer_name": "Trần Văn Điền", "cay_xanh": 150, "kinh_phi_nha": 12500000}"#,
    )
    .unwrap();
    let rows = python_tool(
        "fill_sheet.py",
        &[template.as_os_str(), filled.as_os_str(), values.as_os_str()],
    );
    assert_eq!(
        String::from_utf8_lossy(&rows.stdout).trim(),
        "13",
        "one row per sample ward"
    );

    let (output, zip) = batch(&dir, &filled, true);
    assert_success(&output);
    let entries = entries(&zip);
    assert_eq!(entries.len(), 15, "13 wards, the roll-up and the manifest");
    let text_of = |name: &str| squash(&entry_text(&entries, &dir, name));
    assert_rolls_up_the_filled_figures(&text_of("tong-hop.pdf"));
    let ward = text_of("phuong-an-my.pdf");
    assert!(
        ward.contains("Trần Văn Điền"),
        "the signer typed in: {ward}"
    );
}

#[test]
fn a_sheet_names_units_in_any_case_and_refuses_a_name_without_its_kind() {
    let input = edited_csv("sheet-unit-names", |rows| {
        rows[1][0] = "phường an mỹ".to_owned();
        rows[2][0] = "P. An Sơn".to_owned();
    });
    let (output, zip) = batch(input.parent().unwrap(), &input, true);
    assert_success(&output);
    let names: Vec<String> = entries(&zip).into_iter().map(|(name, _)| name).collect();
    assert_eq!(
        &names[..3],
        ["phuong-an-my.pdf", "phuong-an-phu.pdf", "phuong-an-son.pdf"]
    );

    let input = edited_csv("sheet-unit-refused", |rows| {
        rows[3][0] = "An Xuân".to_owned()
    });
    let stderr = refused(&input, true, 1);
    assert!(
        stderr.contains("row 4, column A (name): does not start with the kind of unit"),
        "{stderr}"
    );
    assert!(stderr.contains("Thị trấn (TT.)"), "{stderr}");
}
