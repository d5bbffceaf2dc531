//! Batches: a ZIP with every ward's report, the city's roll-up and a manifest; totals that add
//! up in the PDFs themselves; bad wards reported without stopping the others; equal bytes for
//! equal input.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde_json::{Value, json};

use crate::support::*;

pub const WARDS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/samples/tam-ky-wards-2022.json"
);

fn wards_json() -> Value {
    serde_json::from_str(&std::fs::read_to_string(WARDS).unwrap()).unwrap()
}

/// Runs `vanban batch` on `input` (a path, or JSON written to the test's directory) into the
/// test's directory with `extra` arguments; returns the run and the ZIP's path.
fn batch(test: &str, input: Option<&Value>, extra: &[&str]) -> (std::process::Output, PathBuf) {
    let dir = scratch(test);
    let input = match input {
        Some(value) => {
            let path = dir.join("wards.json");
            std::fs::write(&path, serde_json::to_vec(value).unwrap()).unwrap();
            path
        }
        None => PathBuf::from(WARDS),
    };
    let zip = dir.join("out.zip");
    let mut args = vec![
        "batch",
        input.to_str().unwrap(),
        "-o",
        zip.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    (vanban(&args), zip)
}

/// Writes each PDF entry into `dir` and returns the paths by entry name.
fn unpack(entries: &[(String, Vec<u8>)], dir: &Path) -> BTreeMap<String, PathBuf> {
    entries
        .iter()
        .filter(|(name, _)| name.ends_with(".pdf"))
        .map(|(name, bytes)| {
            let path = dir.join(name);
            std::fs::write(&path, bytes).unwrap();
            (name.clone(), path)
        })
        .collect()
}

fn manifest(entries: &[(String, Vec<u8>)]) -> Value {
    let (name, bytes) = entries.last().unwrap();
    assert_eq!(name, "manifest.json", "the manifest comes last");
    serde_json::from_slice(bytes).unwrap()
}

fn sha256(bytes: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[test]
fn the_zip_holds_every_ward_the_rollup_and_the_manifest() {
    let (output, zip) = batch("batch-sample", None, &[]);
    assert_success(&output);
    let entries = entries(&zip);
    let names: Vec<&str> = entries.iter().map(|(name, _)| name.as_str()).collect();
    // Ward reports by file name, then the roll-up, then the manifest.
    let expected = [
        "phuong-an-my.pdf",
        "phuong-an-phu.pdf",
        "phuong-an-son.pdf",
        "phuong-an-xuan.pdf",
        "phuong-hoa-huong.pdf",
        "phuong-hoa-thuan.pdf",
        "phuong-phuoc-hoa.pdf",
        "phuong-tan-thanh.pdf",
        "phuong-truong-xuan.pdf",
        "xa-tam-ngoc.pdf",
        "xa-tam-phu.pdf",
        "xa-tam-thang.pdf",
        "xa-tam-thanh.pdf",
        "tong-hop.pdf",
        "manifest.json",
    ];
    assert_eq!(names, expected);

    let manifest = manifest(&entries);
    let bytes: BTreeMap<&str, &Vec<u8>> = entries.iter().map(|(n, b)| (n.as_str(), b)).collect();
    let dir = zip.parent().unwrap();
    let pdfs = unpack(&entries, dir);
    let sample = wards_json();
    let wards = manifest["wards"].as_array().unwrap();
    assert_eq!(wards.len(), 13);
    let files = wards
        .iter()
        .zip(sample["wards"].as_array().unwrap())
        .map(|(entry, ward)| {
            assert_eq!(entry["name"], ward["name"]);
            assert_eq!(entry["status"], "ok");
            assert_eq!(entry["errors"], json!([]));
            let [file] = entry["files"].as_array().unwrap().as_slice() else {
                panic!("one file: {entry}")
            };
            file.clone()
        })
        .chain([manifest["rollup"].clone()]);
    for file in files {
        let name = file["file"].as_str().unwrap();
        assert_eq!(file["bytes"], bytes[name].len());
        assert_eq!(file["sha256"], sha256(bytes[name]));
        let info = poppler("pdfinfo", &[pdfs[name].to_str().unwrap()]);
        let pages = info
            .lines()
            .find_map(|l| l.strip_prefix("Pages:"))
            .unwrap()
            .trim();
        assert_eq!(file["pages"].to_string(), pages, "{name}");
    }
    let an_my = pdf_text(&pdfs["phuong-an-my.pdf"]);
    assert!(
        an_my.contains("BAN CHỈ HUY QUÂN SỰ PHƯỜNG AN MỸ"),
        "{an_my}"
    );
    assert!(an_my.contains("An Mỹ, ngày"));
}

/// Every number printed right before `unit` in `text` ("trồng 2.000 cây xanh" → 2000).
fn figures_before(text: &str, unit: &str) -> Vec<u64> {
    text.match_indices(unit)
        .filter_map(|(at, _)| {
            let number: String = text[..at]
                .trim_end()
                .chars()
                .rev()
                .take_while(|c| c.is_ascii_digit() || *c == '.')
                .collect();
            let digits: String = number.chars().rev().filter(char::is_ascii_digit).collect();
            digits.parse().ok()
        })
        .collect()
}

/// The figure of `phrase` in a report's running text, e.g. "trồng " → the trees planted.
fn figure_after(text: &str, phrase: &str, unit: &str) -> u64 {
    let start = text.find(phrase).map(|at| at + phrase.len());
    start
        .and_then(|start| figures_before(&text[start..], unit).first().copied())
        .unwrap_or(0)
}

#[test]
fn rollup_totals_are_the_sums_of_the_wards_in_the_pdfs() {
    let (output, zip) = batch("batch-totals", None, &[]);
    assert!(output.status.success());
    let entries = entries(&zip);
    let pdfs = unpack(&entries, zip.parent().unwrap());
    let texts: BTreeMap<&str, String> = pdfs
        .iter()
        .map(|(name, path)| (name.as_str(), pdf_text(path)))
        .collect();
    let rollup = &texts["tong-hop.pdf"];
    let wards = texts.iter().filter(|(name, _)| **name != "tong-hop.pdf");
    let money = |text: &str| {
        figure_after(
            text,
            "Tổng kinh phí các tổ chức vận động, hỗ trợ trong năm 2022:",
            "đồng",
        )
    };
    for (phrase, unit) in [
        ("trồng ", "cây xanh"),
        ("tặng ", "suất quà"),
        ("khám bệnh, phát thuốc miễn phí cho ", "lượt người"),
        ("Tham gia ", "buổi giáo dục truyền thống"),
    ] {
        let sum: u64 = wards
            .clone()
            .map(|(_, text)| figure_after(text, phrase, unit))
            .sum();
        assert!(sum > 0, "{phrase}");
        assert_eq!(figure_after(rollup, phrase, unit), sum, "{phrase}… {unit}");
    }
    let sum: u64 = wards.map(|(_, text)| money(text)).sum();
    assert_eq!(money(rollup), sum);
    assert!(
        rollup.contains("Tổng hợp từ báo cáo của 13 phường, xã."),
        "{rollup}"
    );
}

#[test]
fn a_bad_ward_is_reported_and_the_others_still_render() {
    let mut data = wards_json();
    data["wards"][3]["overrides"]["signer"]["name"] = json!(" ");
    let (output, zip) = batch("batch-bad-ward", Some(&data), &[]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("error: ward Phường An Phú (phuong-an-phu):")
            && stderr.contains("$.signer.name: must not be empty"),
        "{stderr}"
    );
    let entries = entries(&zip);
    assert_eq!(entries.len(), 14, "12 wards, the roll-up and the manifest");
    assert!(!entries.iter().any(|(name, _)| name == "phuong-an-phu.pdf"));
    let manifest = manifest(&entries);
    let failed = &manifest["wards"][3];
    assert_eq!(failed["status"], "failed");
    assert_eq!(failed["files"], json!([]));
    assert_eq!(failed["errors"][0]["path"], "$.signer.name");
    let pdfs = unpack(&entries, zip.parent().unwrap());
    let rollup = pdf_text(&pdfs["tong-hop.pdf"]);
    assert!(
        rollup.contains("số liệu chưa bao gồm 1 đơn vị chưa có báo cáo hợp lệ: Phường An Phú"),
        "{rollup}"
    );

    let (output, _) = batch("batch-bad-ward-partial", Some(&data), &["--allow-partial"]);
    assert!(output.status.success());

    let (output, zip) = batch("batch-bad-ward-strict", Some(&data), &["--strict"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("stopped at Phường An Phú"));
    let left: Vec<_> = std::fs::read_dir(zip.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(left, ["wards.json"], "no ZIP and no temporary file");
}

#[test]
fn a_ward_whose_report_fails_to_typeset_is_left_out_of_the_rollup() {
    // Valid data, but a custom template that Typst rejects for one ward only.
    let templates = scratch("batch-typeset-fails-templates");
    let report = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/templates/report.typ.j2"
    ))
    .unwrap();
    std::fs::write(
        templates.join("report.typ.j2"),
        format!(
            "{report}\n{{% if data.issuer.place == \"An Sơn\" %}}#panic(\"no\"){{% endif %}}\n"
        ),
    )
    .unwrap();
    let (output, zip) = batch(
        "batch-typeset-fails",
        None,
        &["--templates", templates.to_str().unwrap()],
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("error: ward Phường An Sơn (phuong-an-son):"),
        "{stderr}"
    );
    let entries = entries(&zip);
    let manifest = manifest(&entries);
    let failed = &manifest["wards"][1];
    assert_eq!(failed["name"], "Phường An Sơn");
    assert_eq!(failed["status"], "failed");
    assert!(
        failed["errors"][0]["message"]
            .as_str()
            .unwrap()
            .starts_with("typesetting failed"),
        "{failed}"
    );
    let pdfs = unpack(&entries, zip.parent().unwrap());
    assert!(!pdfs.contains_key("phuong-an-son.pdf"));
    let rollup = pdf_text(&pdfs["tong-hop.pdf"]);
    assert!(
        rollup.contains("số liệu chưa bao gồm 1 đơn vị chưa có báo cáo hợp lệ: Phường An Sơn"),
        "{rollup}"
    );
}

#[test]
fn an_interrupted_batch_leaves_no_file_behind() {
    // 300 wards (the sample's, numbered), so that the run is still going when interrupted.
    let mut data = wards_json();
    let wards = data["wards"].as_array().unwrap().clone();
    data["wards"] = (0..300)
        .map(|i| {
            let mut ward = wards[i % wards.len()].clone();
            ward["name"] = json!(format!("{} {}", ward["name"].as_str().unwrap(), i + 1));
            ward
        })
        .collect();
    let dir = scratch("batch-interrupted");
    let input = dir.join("wards.json");
    std::fs::write(&input, serde_json::to_vec(&data).unwrap()).unwrap();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_vanban"))
        .args(["batch", input.to_str().unwrap(), "-o"])
        .arg(dir.join("out.zip"))
        .spawn()
        .unwrap();
    let files = || -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        names.sort();
        names
    };
    let started = std::time::Instant::now();
    while !files().iter().any(|name| name.ends_with(".tmp")) {
        assert!(
            started.elapsed().as_secs() < 60,
            "no temporary file: {:?}",
            files()
        );
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    let kill = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(kill.success());
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(130));
    assert_eq!(files(), ["wards.json"], "no ZIP and no temporary file");
}

#[test]
fn equal_input_gives_equal_bytes_whatever_the_workers() {
    let (one, first) = batch("batch-bytes-1", None, &["--jobs", "1"]);
    let (two, second) = batch("batch-bytes-2", None, &["--jobs", "2"]);
    assert!(one.status.success() && two.status.success());
    assert_eq!(
        std::fs::read(first).unwrap(),
        std::fs::read(second).unwrap()
    );
}

#[test]
fn batch_file_errors_name_their_place() {
    let mut data = wards_json();
    data["wards"][0]["figures"]["cay_xnah"] = json!(5);
    data["wards"][2]["name"] = json!("Phường An Mỹ");
    data["wards"][4]["figures"]["suat_qua"] = json!(-3);
    let (output, zip) = batch("batch-errors", Some(&data), &[]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("$.wards[4].figures.suat_qua"), "{stderr}");
    assert!(!zip.exists());

    data["wards"][4]["figures"]["suat_qua"] = json!(3);
    let (output, _) = batch("batch-errors-2", Some(&data), &[]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    for expected in [
        "2 problems in the batch file",
        "$.wards[0].figures.cay_xnah: no shared quantity has the key \"cay_xnah\"",
        "$.wards[2].name: gives the same file name \"phuong-an-my\" as $.wards[0]",
    ] {
        assert!(stderr.contains(expected), "{expected:?} not in {stderr}");
    }
}

#[test]
fn agreements_come_with_their_signature_fields() {
    let mut data = wards_json();
    let program = sample_json()["next_program"].clone();
    data["shared"]["next_program"] = program;
    data["wards"] = json!(data["wards"].as_array().unwrap()[..2]);
    let (output, zip) = batch("batch-agreements", Some(&data), &["--with", "agreement"]);
    assert_success(&output);
    let entries = entries(&zip);
    let names: Vec<&str> = entries.iter().map(|(n, _)| n.as_str()).collect();
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
    let pdfs = unpack(&entries, zip.parent().unwrap());
    let fields = vanban(&[
        "fields",
        pdfs["phuong-an-my-chuong-trinh.pdf"].to_str().unwrap(),
        "--json",
    ]);
    let fields: Value = serde_json::from_slice(&fields.stdout).unwrap();
    assert_eq!(fields.as_array().unwrap().len(), 8);
    let manifest = manifest(&entries);
    let kinds: Vec<&Value> = manifest["wards"][0]["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|file| &file["kind"])
        .collect();
    assert_eq!(
        kinds,
        [&json!("agreement"), &json!("report")],
        "in ZIP order"
    );
}

#[test]
fn a_shared_program_names_each_wards_own_parties() {
    let mut data = wards_json();
    let mut program = sample_json()["next_program"].clone();
    // The city's parties, written once for every ward: "{unit}" is the ward's name.
    for party in program["parties"].as_array_mut().unwrap() {
        let name = party["name"].as_str().unwrap();
        let generic = name.replace("thành phố Tam Kỳ", "{unit}");
        party["name"] = json!(generic);
        party["parent"] = json!("Thành ủy Tam Kỳ");
    }
    program["partners"] = json!("các tổ chức chính trị - xã hội {unit}");
    data["shared"]["next_program"] = program;
    data["wards"] = json!(data["wards"].as_array().unwrap()[..1]);
    let (output, zip) = batch(
        "batch-agreement-unit",
        Some(&data),
        &["--with", "agreement"],
    );
    assert_success(&output);
    let pdfs = unpack(&entries(&zip), zip.parent().unwrap());
    let text = squash(&pdf_text(&pdfs["phuong-an-my-chuong-trinh.pdf"]));
    assert!(
        text.contains("các tổ chức chính trị - xã hội phường An Mỹ"),
        "{text}"
    );
    assert!(
        text.contains("LIÊN ĐOÀN LAO ĐỘNG PHƯỜNG AN MỸ"),
        "the header: {text}"
    );
    assert!(!text.contains("{unit}"), "{text}");
}

/// `value` without its `null` members, as year data takes absent optional fields.
pub(crate) fn without_nulls(value: Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.into_iter()
                .filter(|(_, v)| !v.is_null())
                .map(|(k, v)| (k, without_nulls(v)))
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.into_iter().map(without_nulls).collect()),
        other => other,
    }
}

#[test]
fn a_directory_of_ward_files_gives_the_same_ward_reports() {
    let sample = vanban::batch::Batch::parse(&std::fs::read(WARDS).unwrap()).unwrap();
    let dir = scratch("batch-directory");
    let wards = dir.join("wards");
    std::fs::create_dir(&wards).unwrap();
    for ward in sample.wards() {
        let data = serde_json::to_value(sample.ward_data(ward.index).unwrap()).unwrap();
        let bytes = serde_json::to_vec_pretty(&without_nulls(data)).unwrap();
        std::fs::write(wards.join(format!("{}.json", ward.slug)), bytes).unwrap();
    }
    std::fs::write(wards.join("xa-hong.json"), b"{ not json").unwrap();
    let zip = dir.join("out.zip");
    let output = vanban(&[
        "batch",
        wards.to_str().unwrap(),
        "--shared",
        WARDS,
        "-o",
        zip.to_str().unwrap(),
    ]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("error: ward xa-hong (xa-hong):"),
        "{stderr}"
    );
    assert!(
        stderr.contains("malformed JSON at line 1, column 3"),
        "{stderr}"
    );

    let (json_route, json_zip) = batch("batch-directory-json", None, &[]);
    assert!(json_route.status.success());
    let from_json: BTreeMap<String, Vec<u8>> = entries(&json_zip).into_iter().collect();
    let from_dir = entries(&zip);
    let mut compared = 0;
    for (name, bytes) in &from_dir {
        if name.starts_with("phuong-") || name.starts_with("xa-tam") {
            assert!(from_json[name] == *bytes, "{name} differs");
            compared += 1;
        }
    }
    assert_eq!(compared, 13);
    let pdfs = unpack(&from_dir, &dir);
    let rollup = pdf_text(&pdfs["tong-hop.pdf"]);
    let json_pdfs = unpack(&entries(&json_zip), json_zip.parent().unwrap());
    let money = "Tổng kinh phí các tổ chức vận động, hỗ trợ trong năm 2022:";
    assert_eq!(
        figure_after(&rollup, money, "đồng"),
        figure_after(&pdf_text(&json_pdfs["tong-hop.pdf"]), money, "đồng")
    );
    assert!(
        rollup.contains("chưa có báo cáo hợp lệ: xa-hong"),
        "{rollup}"
    );
    // Ward files take their kind from their names.
    assert!(
        rollup.contains("Tổng hợp từ báo cáo của 13 phường, xã;"),
        "{rollup}"
    );
}

/// The sample batch with its wards renamed to `names` (each keeping a sample ward's figures
/// and signer) and the roll-up issued by `issuer` (name, short name, parent, place).
fn batch_of(names: &[&str], issuer: [&str; 4]) -> Value {
    let mut data = wards_json();
    let sample = data["wards"].as_array().unwrap().clone();
    data["wards"] = names
        .iter()
        .zip(&sample)
        .map(|(name, ward)| {
            let mut ward = ward.clone();
            ward["name"] = json!(name);
            ward
        })
        .collect();
    let [name, short_name, parent, place] = issuer;
    data["rollup"]["issuer"] = json!({
        "parent": parent, "name": name, "short_name": short_name,
        "abbreviation": "BCHQS", "place": place,
    });
    data
}

/// Runs the batch `data` and returns each PDF's text by file name, and the manifest.
fn batch_texts(test: &str, data: &Value) -> (BTreeMap<String, String>, Value) {
    let (output, zip) = batch(test, Some(data), &[]);
    assert_success(&output);
    let entries = entries(&zip);
    let texts = unpack(&entries, zip.parent().unwrap())
        .into_iter()
        .map(|(name, path)| (name, pdf_text(&path)))
        .collect();
    (texts, manifest(&entries))
}

fn assert_has(text: &str, wanted: &[&str], unwanted: &[&str]) {
    for phrase in wanted {
        assert!(text.contains(phrase), "{phrase:?} not in {text}");
    }
    for phrase in unwanted {
        assert!(!text.contains(phrase), "{phrase:?} in {text}");
    }
}

#[test]
fn a_district_batch_names_its_communes_and_town_as_typed_in_any_form() {
    let mut data = batch_of(
        &[
            "xã tân lập",
            "TT. Bình Minh",
            "XÃ BÌNH TRIỀU",
            "Thị Trấn Hà Lam",
        ],
        [
            "Ban Chỉ huy Quân sự huyện Thăng Bình",
            "Ban CHQS huyện",
            "Bộ CHQS tỉnh Quảng Nam",
            "Thăng Bình",
        ],
    );
    // Without a situation of its own, the roll-up's section I is neutral.
    data["rollup"].as_object_mut().unwrap().remove("situation");
    let (texts, manifest) = batch_texts("batch-district", &data);
    let names = texts_of(&manifest["wards"], "name");
    assert_eq!(
        names,
        [
            "Xã Tân Lập",
            "Thị trấn Bình Minh",
            "Xã Bình Triều",
            "Thị trấn Hà Lam"
        ]
    );
    let files: Vec<&str> = texts.keys().map(String::as_str).collect();
    assert_eq!(
        files,
        [
            "thi-tran-binh-minh.pdf",
            "thi-tran-ha-lam.pdf",
            "tong-hop.pdf",
            "xa-binh-trieu.pdf",
            "xa-tan-lap.pdf"
        ]
    );
    assert_has(
        &texts["thi-tran-binh-minh.pdf"],
        &[
            "BAN CHỈ HUY QUÂN SỰ HUYỆN THĂNG BÌNH",
            "BAN CHỈ HUY QUÂN SỰ THỊ TRẤN BÌNH MINH",
            "Bình Minh, ngày",
            "giữa Ban CHQS thị trấn với các tổ chức chính trị - xã hội, Hội Chữ thập đỏ thị trấn năm 2022",
            "a) Ủy ban Mặt trận Tổ quốc Việt Nam thị trấn",
            "Đảng ủy, UBND thị trấn (để b/c)",
        ],
        &[
            "TT Bình Minh",
            "TT.",
            "{level}",
            "thị trấn và các tổ chức chính trị",
            "phường",
        ],
    );
    assert_has(
        &texts["xa-tan-lap.pdf"],
        &[
            "BAN CHỈ HUY QUÂN SỰ XÃ TÂN LẬP",
            "Tân Lập, ngày",
            "UBND xã (để b/c)",
        ],
        &["xã Tân Lập, ngày", "xã tân lập"],
    );
    assert_has(
        &texts["xa-binh-trieu.pdf"],
        &["BAN CHỈ HUY QUÂN SỰ XÃ BÌNH TRIỀU", "Bình Triều, ngày"],
        &[],
    );
    let rollup = &texts["tong-hop.pdf"];
    assert_has(
        rollup,
        &[
            "Ban CHQS huyện tổng hợp từ báo cáo sơ kết của 4 xã, thị trấn kết quả",
            "giữa Ban CHQS các xã, thị trấn với các tổ chức chính trị - xã hội, Hội Chữ thập đỏ cùng cấp",
            "I. ĐẶC ĐIỂM TÌNH HÌNH Năm 2022, Ban CHQS các xã, thị trấn và các tổ chức chính trị - xã hội, Hội Chữ thập đỏ cùng cấp triển khai thực hiện Chương trình phối hợp hoạt động năm 2022. II.",
            "a) Ủy ban Mặt trận Tổ quốc Việt Nam các xã, thị trấn",
            "Kết quả theo xã, thị trấn",
            "Tổng hợp từ báo cáo của 4 xã, thị trấn.",
            "TT Xã, thị trấn Kinh phí (đồng)",
            "Thị trấn Bình Minh",
        ],
        &["phường", "hướng dẫn của Ban CHQS", "Thuận lợi", "{level}"],
    );
}

#[test]
fn a_city_batch_keeps_the_capital_of_a_numbered_ward() {
    let data = batch_of(
        &["phường 3", "P.10", "Phường An Mỹ", "x. tam thanh"],
        [
            "Ban Chỉ huy Quân sự thành phố Tam Kỳ",
            "Ban CHQS thành phố",
            "Bộ CHQS tỉnh Quảng Nam",
            "Tam Kỳ",
        ],
    );
    let (texts, _) = batch_texts("batch-city", &data);
    assert_has(
        &texts["phuong-3.pdf"],
        &[
            "BAN CHỈ HUY QUÂN SỰ PHƯỜNG 3",
            "Phường 3, ngày",
            "giữa Ban CHQS phường với các tổ chức chính trị - xã hội, Hội Chữ thập đỏ phường",
        ],
        &["phường 3"],
    );
    assert_has(
        &texts["phuong-10.pdf"],
        &["BAN CHỈ HUY QUÂN SỰ PHƯỜNG 10", "Phường 10, ngày"],
        &["P.10"],
    );
    assert_has(
        &texts["xa-tam-thanh.pdf"],
        &["BAN CHỈ HUY QUÂN SỰ XÃ TAM THANH", "Tam Thanh, ngày"],
        &[],
    );
    assert_has(
        &texts["tong-hop.pdf"],
        &[
            "Tổng hợp từ báo cáo của 4 phường, xã.",
            "Kết quả theo phường, xã",
            "Phường 3",
            "Phường 10",
            // The batch's own situation for the roll-up, whole.
            "cấp ủy, chính quyền các phường, xã quan tâm chỉ đạo",
        ],
        &["phường 3", "hướng dẫn của Ban CHQS thành phố"],
    );
}

#[test]
fn a_roll_up_of_one_commune_names_it_instead_of_saying_cac() {
    let data = batch_of(
        &["Xã Tam Thanh"],
        [
            "Ban Chỉ huy Quân sự thành phố Tam Kỳ",
            "Ban CHQS thành phố",
            "Bộ CHQS tỉnh Quảng Nam",
            "Tam Kỳ",
        ],
    );
    let (texts, _) = batch_texts("batch-one-commune", &data);
    assert_has(
        &texts["tong-hop.pdf"],
        &[
            "tổng hợp từ báo cáo sơ kết của 1 xã kết quả",
            "giữa Ban CHQS xã Tam Thanh với các tổ chức chính trị - xã hội, Hội Chữ thập đỏ cùng cấp",
            "a) Ủy ban Mặt trận Tổ quốc Việt Nam xã Tam Thanh",
            "Tổng hợp từ báo cáo của 1 xã.",
        ],
        &["các xã", "{level}"],
    );
}

#[test]
fn a_province_batch_rolls_up_its_districts() {
    let data = batch_of(
        &[
            "Huyện Núi Thành",
            "TX. Điện Bàn",
            "tp hội an",
            "H. Phú Ninh",
        ],
        [
            "Bộ Chỉ huy Quân sự tỉnh Quảng Nam",
            "Bộ CHQS tỉnh",
            "Quân khu 5",
            "Quảng Nam",
        ],
    );
    let (texts, _) = batch_texts("batch-province", &data);
    assert_has(
        &texts["huyen-nui-thanh.pdf"],
        &[
            "BỘ CHỈ HUY QUÂN SỰ TỈNH QUẢNG NAM",
            "BAN CHỈ HUY QUÂN SỰ HUYỆN NÚI THÀNH",
            "Núi Thành, ngày",
            "giữa Ban CHQS huyện với các tổ chức chính trị - xã hội, Hội Chữ thập đỏ huyện",
            "Đảng ủy, UBND huyện (để b/c)",
        ],
        &[],
    );
    assert_has(
        &texts["thi-xa-dien-ban.pdf"],
        &["BAN CHỈ HUY QUÂN SỰ THỊ XÃ ĐIỆN BÀN", "Điện Bàn, ngày"],
        &["TX."],
    );
    assert_has(
        &texts["thanh-pho-hoi-an.pdf"],
        &["BAN CHỈ HUY QUÂN SỰ THÀNH PHỐ HỘI AN", "Hội An, ngày"],
        &[],
    );
    assert_has(
        &texts["tong-hop.pdf"],
        &[
            "QUÂN KHU 5",
            "BỘ CHỈ HUY QUÂN SỰ TỈNH QUẢNG NAM",
            "Quảng Nam, ngày",
            "Bộ CHQS tỉnh tổng hợp từ báo cáo sơ kết của 4 huyện, thị xã, thành phố",
            "giữa Ban CHQS các huyện, thị xã, thành phố với",
            "Kết quả theo huyện, thị xã, thành phố",
            "Thị xã Điện Bàn",
            "Thành phố Hội An",
        ],
        &["phường, xã"],
    );
}

#[test]
fn a_ward_name_without_its_kind_is_refused_with_the_forms_accepted() {
    let mut data = wards_json();
    data["wards"][1]["name"] = json!("An Sơn");
    data["wards"][2]["name"] = json!("TT Bình Minh");
    data["wards"][3]["name"] = json!("P.An Phú");
    let (output, zip) = batch("batch-unit-refused", Some(&data), &[]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(!zip.exists());
    assert!(
        stderr.contains(
            "$.wards[1].name: does not start with the kind of unit: write it as \"Phường An Mỹ\" \
             or \"TT. Bình Minh\", with one of Phường (P.), Xã (X.), Thị trấn (TT.), Đặc khu, \
             Quận (Q.), Huyện (H.), Thị xã (TX.), Thành phố (TP.), Tỉnh (in any case)"
        ),
        "{stderr}"
    );
    assert!(!stderr.contains("$.wards[2]"), "{stderr}");
    assert!(!stderr.contains("$.wards[3]"), "{stderr}");

    // The same ward twice, once abbreviated, gives one file name twice.
    let mut data = wards_json();
    data["wards"][1]["name"] = json!("p. an mỹ");
    let (output, _) = batch("batch-unit-twice", Some(&data), &[]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("$.wards[1].name: gives the same file name \"phuong-an-my\" as $.wards[0]"),
        "{stderr}"
    );
}
