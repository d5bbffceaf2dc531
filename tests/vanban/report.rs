//! The sample report: every seed fact, the official header, metadata, fonts, determinism.

use crate::support::*;

/// Facts of the Tam Kỳ 2022 article, as the report must print them.
const SEED_FACTS: &[&str] = &[
    "trên 200 triệu đồng",
    "1 mái ấm công đoàn",
    "nghiệp đoàn nhóm trẻ tư thục",
    "hơn 2.000 cây xanh tại thao trường huấn luyện",
    "trại hè kỹ năng cho 60 em học sinh",
    "“Biên cương trong tim tôi” tại xã La Êê, huyện Nam Giang",
    "100 suất quà cho gia đình chính sách, người có công",
    "Vận động 75 triệu đồng hỗ trợ hộ nghèo neo đơn",
    "sửa chữa 2 nhà tình thương với số tiền 95 triệu đồng",
    "đám giỗ 12 Mẹ Việt Nam anh hùng",
    "82 Mẹ Việt Nam anh hùng và đối tượng chính sách với số tiền 27,3 triệu đồng",
    "887 đối tượng với số tiền gần 72 triệu đồng",
    "“Dân vận khéo”",
    "“Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh”",
    "“Chung sức xây dựng nông thôn mới”",
    "đền ơn đáp nghĩa",
    "Covid-19",
    "chăm lo chính sách hậu phương quân đội",
    "quốc phòng – quân sự địa phương",
    "sáng ngày 02 tháng 11 năm 2022",
    "3 tập thể và 5 cá nhân",
    "LĐLĐ",
    "Thành đoàn",
    "Hội Nông dân",
    "Hội LHPN",
    "Hội CTĐ thành phố",
];

#[test]
fn report_prints_every_seed_fact_with_its_diacritics() {
    let text = pdf_text(sample_pdf());
    let missing: Vec<_> = SEED_FACTS
        .iter()
        .filter(|fact| !text.contains(*fact))
        .collect();
    assert!(missing.is_empty(), "missing from the PDF text: {missing:?}");
}

#[test]
fn report_has_the_decree_30_header_title_and_closing() {
    let text = pdf_text(sample_pdf());
    for expected in [
        "BỘ CHQS TỈNH QUẢNG NAM",
        "BAN CHỈ HUY QUÂN SỰ",
        "THÀNH PHỐ TAM KỲ",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Số: 05/BC-BCHQS",
        "Tam Kỳ, ngày 31 tháng 10 năm 2022",
        "BÁO CÁO",
        "Sơ kết công tác phối hợp hoạt động giữa Ban CHQS thành phố với các tổ chức chính trị - xã hội, Hội Chữ thập đỏ thành phố năm 2022",
        "I. ĐẶC ĐIỂM TÌNH HÌNH",
        "II. KẾT QUẢ THỰC HIỆN",
        "III. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN",
        "IV. BÀI HỌC KINH NGHIỆM",
        "V. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2023",
        "Trên đây là báo cáo sơ kết công tác phối hợp hoạt động giữa Ban CHQS thành phố",
        "năm 2022./.",
        "Nơi nhận:",
        "- Lưu: VT, TM.",
        "KT. CHỈ HUY TRƯỞNG",
        "PHÓ CHỈ HUY TRƯỞNG",
    ] {
        assert!(text.contains(expected), "missing {expected:?}");
    }
}

#[test]
fn the_money_total_is_computed_and_counts_are_not_added() {
    // 200 + 75 + 95 + 27,3 + 72 (seed) + 50 + 25 (MTTQ, CCB) million; "trên" and "gần" mix.
    let text = pdf_text(sample_pdf());
    assert!(
        text.contains("khoảng 544.300.000"),
        "money total in the table"
    );
    assert!(
        text.contains("hỗ trợ trong năm 2022: khoảng 544,3 triệu đồng."),
        "money total in running text, as clerks write it"
    );
    // 100 + 50 suất quà of two different gifts are two figures, never one total.
    assert!(
        !text.contains("150 suất"),
        "counts of different things added up"
    );
}

#[test]
fn report_metadata_and_fonts() {
    let pdf = sample_pdf().to_str().unwrap();
    let info = poppler("pdfinfo", &[pdf]);
    let field = |name: &str| {
        let line = info
            .lines()
            .find(|line| line.starts_with(&format!("{name}:")))
            .unwrap_or_default();
        line[line.find(':').map_or(0, |i| i + 1)..]
            .trim()
            .to_owned()
    };
    assert!(
        field("Title").starts_with("Báo cáo sơ kết công tác phối hợp hoạt động"),
        "{info}"
    );
    assert_eq!(field("Author"), "Ban Chỉ huy Quân sự thành phố Tam Kỳ");
    assert_eq!(field("Page size"), "595.276 x 841.89 pts (A4)");
    assert_eq!(
        field("CreationDate"),
        "Mon Oct 31 00:00:00 2022 UTC",
        "the document date, not the clock"
    );
    assert_eq!(field("Tagged"), "yes");
    let fonts = poppler("pdffonts", &[pdf]);
    let tinos: Vec<_> = fonts
        .lines()
        .filter(|line| line.contains("Tinos"))
        .collect();
    assert!(tinos.len() >= 3, "regular, bold and italic Tinos: {fonts}");
    assert!(
        tinos.iter().all(|line| line.contains(" yes yes yes ")),
        "embedded, subset, unicode: {fonts}"
    );
}

#[test]
fn same_input_gives_identical_bytes() {
    let dir = scratch("determinism");
    let again = dir.join("again.pdf");
    let output = vanban(&["render", "report", SAMPLE, "-o", again.to_str().unwrap()]);
    assert!(output.status.success());
    assert!(
        std::fs::read(sample_pdf()).unwrap() == std::fs::read(&again).unwrap(),
        "PDFs differ"
    );
}

#[test]
fn pdf_a_is_declared_in_the_metadata() {
    let path = scratch("pdf-a").join("report.pdf");
    let output = vanban(&[
        "render",
        "report",
        SAMPLE,
        "--pdf-a",
        "-o",
        path.to_str().unwrap(),
    ]);
    assert_success(&output);
    let xmp = poppler("pdfinfo", &["-meta", path.to_str().unwrap()]);
    assert!(xmp.contains("<pdfaid:part>2</pdfaid:part>"), "{xmp}");
    assert!(
        xmp.contains("<pdfaid:conformance>B</pdfaid:conformance>"),
        "{xmp}"
    );
}

#[test]
fn typst_source_and_png_previews() {
    let dir = scratch("formats");
    let typ = dir.join("report.typ");
    assert!(
        vanban(&[
            "render",
            "report",
            SAMPLE,
            "-f",
            "typ",
            "-o",
            typ.to_str().unwrap()
        ])
        .status
        .success()
    );
    let source = std::fs::read_to_string(&typ).unwrap();
    assert!(
        source.starts_with("#import \"/house.typ\": *"),
        "{}",
        &source[..80]
    );

    let png = dir.join("page.png");
    let output = vanban(&[
        "render",
        "report",
        SAMPLE,
        "-f",
        "png",
        "--page",
        "1",
        "--dpi",
        "50",
        "-o",
        png.to_str().unwrap(),
    ]);
    assert_success(&output);
    assert!(
        std::fs::read(&png)
            .unwrap()
            .starts_with(b"\x89PNG\r\n\x1a\n")
    );
}

#[test]
fn pdf_to_stdout() {
    let output = vanban(&["render", "report", SAMPLE, "-o", "-"]);
    assert!(output.status.success());
    assert!(output.stdout.starts_with(b"%PDF-"));
}

#[test]
fn validate_and_schema() {
    let output = vanban(&["validate", SAMPLE]);
    assert_success(&output);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains("valid year data for 2022"), "{stdout}");
    assert!(
        stdout.contains("program for 2023: 8 parties, 11 items"),
        "{stdout}"
    );

    let output = vanban(&["schema"]);
    assert!(output.status.success());
    let schema: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(schema["properties"]["issuer"]["$ref"], "#/$defs/Issuer");
    assert_eq!(schema["additionalProperties"], false);
}

#[test]
fn typst_warnings_are_shown_and_do_not_fail() {
    let dir = scratch("warnings");
    let house =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/templates/house.typ"))
            .unwrap();
    let house = house.replace(
        "set text(font: fonts,",
        "set text(font: (\"No Such Font\",) + fonts,",
    );
    std::fs::write(dir.join("house.typ"), house).unwrap();
    let (output, pdf) = render_sample_with_templates(&dir);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    assert!(
        stderr.contains("warning: house.typ:")
            && stderr.contains("unknown font family: no such font"),
        "{stderr}"
    );
    assert!(pdf.exists());
}

/// A font directory from Debian's fonts-dejavu-core, which `scripts/test.sh` installs.
const DEJAVU: &str = "/usr/share/fonts/truetype/dejavu";

#[test]
fn font_dir_adds_glyphs() {
    let mut data = sample_json();
    data["situation"]["overview"][0] = serde_json::json!("Tên tiếng Armenia: Հայաստան.");
    let path = scratch("font-dir").join("input.json");
    std::fs::write(&path, serde_json::to_vec(&data).unwrap()).unwrap();
    let pdf = path.with_file_name("report.pdf");
    let (input, output) = (path.to_str().unwrap(), pdf.to_str().unwrap());

    let without = vanban(&["render", "report", input, "-o", output]);
    assert_eq!(without.status.code(), Some(1), "Tinos has no Armenian");
    let with = vanban(&[
        "render",
        "report",
        input,
        "--font-dir",
        DEJAVU,
        "-o",
        output,
    ]);
    assert_success(&with);
    assert!(pdf_text(&pdf).contains("Հայաստան"));
    assert!(
        poppler("pdffonts", &[output]).contains("DejaVu"),
        "the added font is embedded"
    );
}

#[test]
fn optional_parts_and_other_signers() {
    let mut data = sample_json();
    data["document"]["review"] = serde_json::json!("tong_ket");
    data["signer"] =
        serde_json::json!({ "authority": "Q", "title": "Chỉ huy trưởng", "name": "Lê Văn Tám" });
    data["commendations"]["collectives"] = serde_json::json!([]);
    data["proposals"] = serde_json::json!([]);
    let object = data.as_object_mut().unwrap();
    object.remove("review_meeting");
    for organization in data["organizations"].as_array_mut().unwrap() {
        for activity in organization["activities"].as_array_mut().unwrap() {
            activity["text"] = serde_json::json!("Phối hợp tổ chức các hoạt động theo kế hoạch.");
            activity.as_object_mut().unwrap().remove("quantities");
        }
    }
    let pdf = render_data("optional-parts", &data);

    let text = pdf_text(&pdf);
    for expected in [
        "Tổng kết công tác phối hợp",
        "Q. CHỈ HUY TRƯỞNG",
        "Lê Văn Tám",
        "cho 5 cá nhân",
        "a) Cá nhân",
    ] {
        assert!(text.contains(expected), "missing {expected:?}");
    }
    for absent in [
        "Hội nghị",
        "Tổng hợp các chỉ tiêu",
        "Tổng kinh phí",
        "Tập thể",
        "VI. ĐỀ XUẤT",
        "TRƯỞNG PHÓ",
    ] {
        assert!(!text.contains(absent), "unexpected {absent:?}");
    }
}
