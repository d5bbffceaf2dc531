//! The Decree 30 layout, measured on the PDF itself: positions, sizes and styles of the header
//! elements (poppler's pdftohtml), and every word inside the margins (pdftotext -bbox).

use crate::measure::*;
use crate::support::*;

#[test]
fn header_elements_have_their_decree_30_size_style_and_place() {
    let lines = lines(sample_pdf().to_str().unwrap());
    let national = find(&lines, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    assert!(
        national.page == 1 && national.bold && national.size == 13,
        "{national:?}"
    );
    assert!(
        national.left + national.width <= RIGHT + 1.0,
        "{national:?}"
    );

    let motto = find(&lines, "Độc lập - Tự do - Hạnh phúc");
    assert!(
        motto.bold && motto.size == 14 && motto.top > national.top,
        "{motto:?}"
    );
    assert!(
        close(motto.center(), national.center(), 2.0),
        "motto centred under the Quốc hiệu"
    );

    let parent = find(&lines, "BỘ CHQS TỈNH QUẢNG NAM");
    assert!(
        !parent.bold && parent.size == 13 && close(parent.top, national.top, 2.0),
        "{parent:?}"
    );
    let issuer = find(&lines, "BAN CHỈ HUY QUÂN SỰ");
    assert!(
        issuer.bold && issuer.size == 13 && close(issuer.center(), parent.center(), 2.0),
        "{issuer:?}"
    );

    let number = find(&lines, "Số: 05/BC-BCHQS");
    assert!(
        !number.bold && number.size == 13 && close(number.center(), parent.center(), 2.0),
        "{number:?}"
    );
    let date = find(&lines, "Tam Kỳ, ngày 31 tháng 10 năm 2022");
    assert!(date.italic && date.size == 14, "{date:?}");
    assert!(
        close(date.top, number.top, 2.0),
        "date line level with Số: {date:?} {number:?}"
    );
    assert!(
        close(date.center(), national.center(), 2.0),
        "date centred under the Quốc hiệu"
    );

    let kind = find(&lines, "BÁO CÁO");
    assert!(
        kind.bold && kind.size == 14 && close(kind.center(), (LEFT + RIGHT) / 2.0, 2.0),
        "{kind:?}"
    );
    assert!(kind.top > date.top);
}

#[test]
fn body_is_14pt_with_first_line_indent() {
    let lines = lines(sample_pdf().to_str().unwrap());
    let paragraph_lines = lines.iter().filter(|l| l.width > 400.0);
    assert!(
        paragraph_lines.clone().all(|l| l.size == 14),
        "full-width lines are 14 pt body text"
    );
    assert!(paragraph_lines.count() > 100);
    let heading = find(&lines, "I. ĐẶC ĐIỂM TÌNH HÌNH");
    assert!(heading.bold && heading.size == 14);
    let indent = lines
        .iter()
        .find(|l| l.text.starts_with("Thực hiện Chương trình"))
        .unwrap();
    assert!(
        close(indent.left, LEFT + 1.27 / 2.54 * 72.0, 1.5),
        "first-line indent 1.27 cm: {indent:?}"
    );
}

#[test]
fn signature_and_recipients_stay_together_level_and_styled() {
    let lines = lines(sample_pdf().to_str().unwrap());
    let authority = find(&lines, "KT. CHỈ HUY TRƯỞNG");
    let name = find(&lines, "Thượng tá Đoàn Văn Quang");
    let recipients = find(&lines, "Nơi nhận:");
    let archive = find(&lines, "- Lưu: VT, TM.");
    assert!(
        authority.bold && name.bold && authority.page == name.page,
        "signature block on one page"
    );
    assert!(
        recipients.page == authority.page && close(recipients.top, authority.top, 3.0),
        "level"
    );
    assert!(
        recipients.bold && recipients.italic && recipients.size == 12,
        "{recipients:?}"
    );
    assert!(
        archive.size == 11 && !archive.bold && archive.left < LEFT + 1.0,
        "{archive:?}"
    );
    assert!(
        authority.left > (LEFT + RIGHT) / 2.0,
        "signature on the right"
    );
}

#[test]
fn page_numbers_in_the_top_margin_from_page_two() {
    let lines = lines(sample_pdf().to_str().unwrap());
    let pages = lines.iter().map(|l| l.page).max().unwrap();
    // The annex counts its pages anew, from an unnumbered first page.
    let annex = lines.iter().find(|l| l.text == "Phụ lục").map(|l| l.page);
    let pages = annex.map_or(pages, |annex| annex - 1);
    assert!(pages >= 2);
    assert!(
        !lines.iter().any(|l| l.page == 1 && l.top < TOP),
        "no number on page 1"
    );
    for page in 2..=pages {
        let number = lines
            .iter()
            .find(|l| l.page == page && l.top < TOP)
            .expect("a number in the top margin");
        assert_eq!(number.text, page.to_string());
        assert!(
            close(number.center(), (LEFT + RIGHT) / 2.0, 2.0),
            "centred: {number:?}"
        );
    }
}

#[test]
fn no_word_crosses_a_margin() {
    assert!(assert_inside_margins(sample_pdf().to_str().unwrap()) > 500);
}

#[test]
fn data_at_the_limits_keeps_everything_on_the_page() {
    use serde_json::json;
    let mut data = sample_json();
    data["issuer"]["parent"] = json!("Bộ Chỉ huy Quân sự Thành phố Hồ Chí Minh");
    data["issuer"]["place"] = json!("Thành phố Hồ Chí Minh");
    data["issuer"]["abbreviation"] = json!("BCHQS-UBMTTQ");
    data["document"]["number"] = json!(9999);
    // One organization with 40 figures at the largest values, taller than a page.
    let activities: Vec<_> = (0..20)
        .map(|i| {
            json!({
                "text": "Phối hợp tổ chức {so_nguoi} tham gia với kinh phí {kinh_phi}.",
                "quantities": [
                    { "key": "so_nguoi", "label": format!("Lượt người đợt {i}"), "count": 100_000_000, "unit": "lượt người", "qualifier": "hơn" },
                    { "key": "kinh_phi", "label": format!("Kinh phí đợt {i}"), "amount": 400_000_000_000u64, "qualifier": "khoảng" }
                ]
            })
        })
        .collect();
    data["organizations"][2]["activities"] = json!(activities);
    // Thirty recipients of 150 characters each: a closing block taller than a page.
    let recipient = "Ủy ban nhân dân các phường, xã trên địa bàn thành phố và các cơ quan, đơn vị có liên quan để phối hợp thực hiện, theo dõi, đôn đốc và báo cáo kết quả";
    data["recipients"] = json!(vec![
        &recipient[..recipient
            .char_indices()
            .nth(150)
            .map_or(recipient.len(), |(i, _)| i)];
        30
    ]);

    let pdf = render_data("limits", &data);
    let pdf = pdf.to_str().unwrap();
    assert_inside_margins(pdf);

    let lines = lines(pdf);
    // Every row number stands in the table's first column (0.9 cm wide).
    let words = poppler("pdftotext", &["-bbox", pdf, "-"]);
    let first_column: Vec<&str> = words
        .lines()
        .filter(|row| row.trim_start().starts_with("<word ") && number(row, "xMin") < LEFT + 26.0)
        .map(|row| &row[row.find('>').unwrap() + 1..row.rfind("</word>").unwrap()])
        .collect();
    let rows = 20 + 40 - 3;
    for row in 1..=rows {
        assert!(
            first_column.contains(&row.to_string().as_str()),
            "table row {row} missing"
        );
    }
    assert_eq!(
        lines
            .iter()
            .filter(|l| l.text.starts_with("- Ủy ban nhân dân các phường"))
            .count(),
        30
    );
    assert!(
        lines.iter().any(|l| l.text == "- Lưu: VT, TM."),
        "the closing block is complete"
    );
    let number = lines
        .iter()
        .find(|l| l.text.starts_with("Số: 9999/BC-BCHQS-UBMTTQ"))
        .expect("Số on one line");
    let date = find(&lines, "Thành phố Hồ Chí Minh, ngày 31 tháng 10 năm 2022");
    assert!(
        close(date.top, number.top, 2.0),
        "Số level with the date line: {number:?} {date:?}"
    );
}

#[test]
fn paragraphs_are_justified_and_at_least_6pt_apart() {
    let lines = lines(sample_pdf().to_str().unwrap());
    let body: Vec<&Line> = lines
        .iter()
        .filter(|l| l.page == 1 && l.size == 14 && !l.bold && !l.italic)
        .collect();
    let indent = LEFT + 1.27 / 2.54 * 72.0;
    let mut within = f64::MAX;
    let mut between = f64::MAX;
    for pair in body.windows(2) {
        let step = pair[1].top - pair[0].top;
        if close(pair[1].left, indent, 1.5) {
            between = between.min(step)
        } else {
            within = within.min(step)
        }
    }
    assert!(
        between - within >= 5.5,
        "paragraph gap {between} vs line step {within}"
    );

    let pdf = sample_pdf().to_str().unwrap();
    let words = poppler("pdftotext", &["-bbox", pdf, "-"]);
    let at_right_margin = words
        .lines()
        .filter(|row| row.trim_start().starts_with("<word "))
        .filter(|row| close(number(row, "xMax"), RIGHT, 0.5))
        .count();
    assert!(
        at_right_margin > 60,
        "justified lines end at the right margin: {at_right_margin}"
    );
}

#[test]
fn closing_paragraph_and_signature_never_part() {
    // More and more paragraphs push the closing block across every point of a page.
    for extra in 0..12 {
        let mut data = sample_json();
        for index in 0..extra {
            data["lessons"].as_array_mut().unwrap().push(serde_json::json!(format!(
                "Bài học bổ sung số {index}: duy trì nền nếp giao ban, trao đổi thông tin kịp thời giữa các tổ chức."
            )));
        }
        let pdf = render_data(&format!("closing-{extra}"), &data);
        let lines = lines(pdf.to_str().unwrap());
        let closing = lines
            .iter()
            .find(|l| l.text.starts_with("Trên đây là báo cáo"))
            .unwrap();
        let name = find(&lines, "Thượng tá Đoàn Văn Quang");
        let archive = find(&lines, "- Lưu: VT, TM.");
        assert!(
            closing.page == name.page && name.page == archive.page,
            "{extra} extra paragraphs"
        );
    }
}

/// The words that name a level: a header line ending with one has broken a place name.
const LEVEL_WORDS: [&str; 10] = [
    "TỈNH",
    "HUYỆN",
    "QUẬN",
    "PHƯỜNG",
    "XÃ",
    "THÀNH",
    "PHỐ",
    "THỊ",
    "TRẤN",
    "KHU",
];

/// Asserts what a reader checks on every line of every page of `pdf` (`pdftotext -layout`,
/// each line cut into its columns): no line starts with "- " and a lower-case word (the dash
/// of "chính trị - xã hội" read as a list item) and none ends with a lone dash; and in the
/// header (page 1, down to the `Số:` line) no line ends with a level word, and each of
/// `places` ("THÀNH PHỐ TAM KỲ") stands whole on one line (the only lines that may end with a
/// level word are those that end with one of them: "HUYỆN NÚI THÀNH").
pub fn assert_lines_unbroken(pdf: &std::path::Path, places: &[String]) {
    let text = poppler("pdftotext", &["-layout", pdf.to_str().unwrap(), "-"]);
    let name = pdf.display();
    let mut header: Vec<&str> = Vec::new();
    let mut in_header = true;
    for (page, page_text) in text.split('\u{c}').enumerate() {
        for line in page_text.lines() {
            let columns = line.split("   ").map(str::trim).filter(|c| !c.is_empty());
            for column in columns {
                let after_dash = column
                    .strip_prefix("- ")
                    .and_then(|rest| rest.chars().next());
                assert!(
                    !after_dash.is_some_and(char::is_lowercase),
                    "{name}, page {}: a line starts with a dash and a lower-case word: {column:?}",
                    page + 1
                );
                assert!(
                    column != "-" && !column.ends_with(" -") && !column.ends_with(" –"),
                    "{name}, page {}: a line ends with a lone dash: {column:?}",
                    page + 1
                );
                if in_header {
                    header.push(column);
                }
            }
            if line.contains("Số:") {
                in_header = false;
            }
        }
    }
    assert!(!in_header, "{name}: no Số line");
    for column in &header {
        let last = column.split_whitespace().last().unwrap_or_default();
        let ends_a_place = places.iter().any(|place| column.ends_with(place.as_str()));
        assert!(
            !LEVEL_WORDS.contains(&last) || ends_a_place,
            "{name}: a header line ends inside a place name: {column:?}"
        );
    }
    for place in places {
        assert!(
            header.iter().any(|column| column.contains(place.as_str())),
            "{name}: {place:?} is not whole on one header line: {header:#?}"
        );
    }
}

/// The sample with another issuer: a province's Military Command under a military region.
pub fn province_data() -> serde_json::Value {
    use serde_json::json;
    let mut data = sample_json();
    data["issuer"] = json!({
        "parent": "Bộ Tư lệnh Quân khu 5",
        "name": "Bộ Chỉ huy Quân sự tỉnh Quảng Nam",
        "short_name": "Bộ CHQS tỉnh",
        "abbreviation": "BCH",
        "place": "Quảng Nam"
    });
    data
}

#[test]
fn sample_report_and_agreement_break_no_fixed_phrase_and_no_place_name() {
    let places = |names: &[&str]| names.iter().map(|n| n.to_string()).collect::<Vec<_>>();
    assert_lines_unbroken(
        sample_pdf(),
        &places(&["TỈNH QUẢNG NAM", "THÀNH PHỐ TAM KỲ"]),
    );
    assert_lines_unbroken(&sample_agreement().0, &places(&["THÀNH PHỐ TAM KỲ"]));
}

#[test]
fn a_province_and_a_town_keep_their_place_names_whole() {
    use serde_json::json;
    let pdf = render_data("province-header", &province_data());
    assert_lines_unbroken(&pdf, &["QUÂN KHU 5".into(), "TỈNH QUẢNG NAM".into()]);

    // A town (thị trấn) under a district: the words of its level never part.
    let mut data = sample_json();
    data["issuer"] = json!({
        "parent": "Ban Chỉ huy Quân sự huyện Núi Thành",
        "name": "Ban Chỉ huy Quân sự Thị trấn Núi Thành",
        "short_name": "Ban CHQS thị trấn",
        "abbreviation": "BCHQS",
        "place": "Núi Thành"
    });
    let pdf = render_data("town-header", &data);
    assert_lines_unbroken(
        &pdf,
        &["HUYỆN NÚI THÀNH".into(), "THỊ TRẤN NÚI THÀNH".into()],
    );
}

#[test]
fn every_ward_report_and_the_rollup_break_no_fixed_phrase_and_no_place_name() {
    let (batch, entries) = sample_batch();
    let dir = scratch("lines-batch");
    let wards: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(batch).unwrap()).unwrap();
    let mut checked = 0;
    for (name, bytes) in entries {
        if !name.ends_with(".pdf") {
            continue;
        }
        let pdf = dir.join(name);
        std::fs::write(&pdf, bytes).unwrap();
        let mut places = vec!["THÀNH PHỐ TAM KỲ".to_owned()];
        if let Some(ward) = wards["wards"]
            .as_array()
            .unwrap()
            .iter()
            .map(|ward| ward["name"].as_str().unwrap())
            .find(|ward| vanban::vn::slug(ward) + ".pdf" == *name)
        {
            places.push(vanban::vn::upper(ward));
        }
        assert_lines_unbroken(&pdf, &places);
        checked += 1;
    }
    assert_eq!(checked, 14, "13 ward reports and the roll-up");
}
