//! The coordination program (agreement): every party and item in its text, the joint header
//! and body in the Decree 30 layout, a signature grid whose blocks stay whole, and a signature
//! field over each block's signing space.

use serde_json::{Value, json};

use crate::measure::*;
use crate::support::*;

fn program() -> Value {
    sample_json()["next_program"].clone()
}

fn upper(text: &str) -> String {
    text.to_uppercase()
}

/// The fields `--fields-json` wrote for the sample.
fn sample_fields() -> &'static Vec<Value> {
    sample_agreement().1.as_array().unwrap()
}

fn sample_path() -> &'static str {
    sample_agreement().0.to_str().unwrap()
}

#[test]
fn text_names_every_party_and_every_item() {
    let text = pdf_text(&sample_agreement().0);
    let program = program();
    for expected in [
        "CHƯƠNG TRÌNH",
        "Phối hợp hoạt động năm 2023 giữa Ban Chỉ huy Quân sự thành phố Tam Kỳ với các tổ chức chính trị - xã hội, Hội Chữ thập đỏ thành phố Tam Kỳ",
        "Số: 01/CTr-BCHQS-CTXH",
        "Tam Kỳ, ngày 02 tháng 11 năm 2022",
        "Căn cứ Luật Quốc phòng số 22/2018/QH14;",
        "I. MỤC ĐÍCH, YÊU CẦU",
        "II. NỘI DUNG PHỐI HỢP",
        "III. TỔ CHỨC THỰC HIỆN",
        "trồng 2.000 cây xanh",
        "Chủ trì: Thành đoàn; phối hợp: Ban CHQS thành phố.",
        "phối hợp: các bên còn lại.",
        "Phụ lục",
        "DANH MỤC NỘI DUNG PHỐI HỢP NĂM 2023",
        "Nơi nhận:",
        "- Lưu: VT.",
    ] {
        assert!(text.contains(expected), "{expected:?} missing");
    }
    for party in program["parties"].as_array().unwrap() {
        let signer = &party["signer"];
        let name = match signer["rank"].as_str() {
            Some(rank) => format!("{rank} {}", signer["name"].as_str().unwrap()),
            None => signer["name"].as_str().unwrap().to_owned(),
        };
        // The compact joint header names the parties without the place they share.
        let header_name = party["name"]
            .as_str()
            .unwrap()
            .trim_end_matches(" thành phố Tam Kỳ")
            .trim_end_matches(" Tam Kỳ");
        for expected in [
            upper(header_name),
            upper(party["short_name"].as_str().unwrap()),
            name,
        ] {
            assert!(text.contains(&expected), "{expected:?} missing");
        }
    }
    let annex = &text[text.rfind("Phụ lục").unwrap()..];
    let contents = annex_contents(sample_path());
    for item in program["items"].as_array().unwrap() {
        let title = item["title"].as_str().unwrap();
        assert!(
            text.contains(&format!(". {title}")),
            "{title:?} not a heading"
        );
        assert!(contents.contains(title), "{title:?} not in the annex");
        let deadline = item["deadline"].as_str().unwrap();
        let (y, m, d) = (&deadline[..4], &deadline[5..7], &deadline[8..]);
        assert!(
            annex.contains(&format!("{d}/{m}/{y}")),
            "{deadline} not in the annex"
        );
    }
}

/// The text of the annex table's second column (0.9 cm from the left margin to 8.6 cm from
/// the right one), word by word in reading order; pdftotext would interleave a row's columns.
fn annex_contents(pdf: &str) -> String {
    let words = words(pdf);
    let annex = words.iter().rposition(|w| w.text == "Phụ").unwrap();
    let (from, to) = (LEFT + 9.0 * MM, RIGHT - 86.0 * MM);
    let mut cells: Vec<&Word> = words[annex..]
        .iter()
        .filter(|w| w.x_min > from && w.x_max < to)
        .collect();
    cells.sort_by(|a, b| {
        (a.page, a.y_min, a.x_min)
            .partial_cmp(&(b.page, b.y_min, b.x_min))
            .unwrap()
    });
    cells
        .iter()
        .map(|w| w.text.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn joint_header_names_many_parties_compactly_with_one_number_line() {
    let lines = lines(sample_path());
    let national = find(&lines, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    assert!(national.page == 1 && national.bold && national.size == 13);
    // More than three parties: the issuing bodies only, no parent bodies, in 12 pt bold.
    assert!(!lines.iter().any(|l| l.text.contains("TỈNH QUẢNG NAM")));
    let first = find(&lines, "BAN CHỈ HUY QUÂN SỰ");
    assert!(
        first.bold && first.size == 12 && close(first.top, national.top, 2.0),
        "{first:?}"
    );
    // The place they share, once, on the last line.
    let place = find(&lines, "THÀNH PHỐ TAM KỲ");
    assert!(
        place.bold && place.size == 12 && place.top > first.top,
        "{place:?}"
    );
    assert!(
        close(place.center(), first.center(), 2.0),
        "parties stacked in one column"
    );
    let number = find(&lines, "Số: 01/CTr-BCHQS-CTXH");
    assert!(
        !number.bold && number.size == 13 && number.top > place.top,
        "{number:?}"
    );
    assert!(
        number.top + 13.0 < PAGE_HEIGHT / 3.0,
        "the header ends in the top third: {number:?}"
    );
    let date = find(&lines, "Tam Kỳ, ngày 02 tháng 11 năm 2022");
    assert!(date.italic && close(date.top, number.top, 2.0), "{date:?}");
    assert!(close(date.center(), national.center(), 2.0));
    let kind = find(&lines, "CHƯƠNG TRÌNH");
    assert!(kind.bold && kind.size == 14 && kind.top > date.top);
    assert!(close(kind.center(), (LEFT + RIGHT) / 2.0, 2.0));
    let basis = lines
        .iter()
        .find(|l| l.text.starts_with("Căn cứ Luật Quốc phòng"))
        .unwrap();
    assert!(basis.italic && basis.size == 14, "{basis:?}");
}

#[test]
fn up_to_three_parties_are_stacked_each_with_its_parent() {
    let mut data = sample_json();
    let program = &mut data["next_program"];
    program["parties"].as_array_mut().unwrap().truncate(3);
    let ids = ["ban-chqs", "mttq", "ldld"];
    for item in program["items"].as_array_mut().unwrap() {
        item["lead"] = json!("ban-chqs");
        item["partners"] = json!(["mttq", "ldld"]);
    }
    let responsibilities = program["responsibilities"].as_array_mut().unwrap();
    responsibilities.retain(|r| ids.contains(&r["party"].as_str().unwrap()));
    program["reporting"]["secretariat"] = json!("ban-chqs");
    let pdf = render_kind("three-parties", "agreement", &data, &[]);
    let lines = lines(pdf.to_str().unwrap());
    let national = find(&lines, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    let parent = find(&lines, "BỘ CHQS TỈNH QUẢNG NAM");
    assert!(
        !parent.bold && parent.size == 13 && close(parent.top, national.top, 2.0),
        "{parent:?}"
    );
    let parent = find(&lines, "LĐLĐ TỈNH QUẢNG NAM");
    assert!(!parent.bold && parent.size == 13, "{parent:?}");
    let name = find(&lines, "LIÊN ĐOÀN LAO ĐỘNG");
    assert!(
        name.bold && name.size == 13 && name.top > parent.top,
        "{name:?}"
    );
    crate::layout::assert_lines_unbroken(
        &pdf,
        &["TỈNH QUẢNG NAM".into(), "THÀNH PHỐ TAM KỲ".into()],
    );
}

/// The sample's program for a district: ten parties of huyện Núi Thành, the Mặt trận's name in
/// full.
fn district_of_ten_parties() -> Value {
    let mut data = sample_json();
    data["issuer"]["place"] = json!("Núi Thành");
    let parties = data["next_program"]["parties"].as_array_mut().unwrap();
    for party in parties.iter_mut() {
        let name = party["name"].as_str().unwrap();
        let name = name
            .replace("Ủy ban MTTQVN", "Ủy ban Mặt trận Tổ quốc Việt Nam")
            .replace("Thành đoàn Tam Kỳ", "Huyện đoàn Núi Thành")
            .replace("thành phố Tam Kỳ", "huyện Núi Thành");
        party["name"] = json!(name);
    }
    for (id, name, abbreviation, signer) in [
        (
            "hoi-nct",
            "Hội Người cao tuổi huyện Núi Thành",
            "HNCT",
            "Trần Văn Bảy",
        ),
        (
            "hoi-khuyen-hoc",
            "Hội Khuyến học huyện Núi Thành",
            "HKH",
            "Lê Thị Tám",
        ),
    ] {
        let mut party = parties[2].clone();
        party["signer"]["name"] = json!(signer);
        party["id"] = json!(id);
        party["name"] = json!(name);
        party["short_name"] = json!(name.replace(" Núi Thành", ""));
        party["abbreviation"] = json!(abbreviation);
        parties.push(party);
    }
    data
}

#[test]
fn ten_parties_of_a_district_end_their_header_in_the_top_third() {
    let data = district_of_ten_parties();
    let pdf = render_kind("ten-parties-district", "agreement", &data, &[]);
    let lines = lines(pdf.to_str().unwrap());
    let number = lines.iter().find(|l| l.text.starts_with("Số: ")).unwrap();
    assert!(
        number.page == 1 && number.top + 13.0 < PAGE_HEIGHT / 3.0,
        "the header ends in the top third: {number:?}"
    );
    let header: Vec<&Line> = lines
        .iter()
        .filter(|l| l.page == 1 && l.top < number.top && l.center() < (LEFT + RIGHT) / 2.0)
        .collect();
    assert!(header.iter().all(|l| l.bold && l.size == 12), "{header:#?}");
    let header_text = header
        .iter()
        .map(|l| l.text.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    for party in data["next_program"]["parties"].as_array().unwrap() {
        let name = party["name"]
            .as_str()
            .unwrap()
            .trim_end_matches(" huyện Núi Thành");
        let name = name.trim_end_matches(" Núi Thành");
        assert!(
            header_text.contains(&upper(name)),
            "{name:?} not in the header: {header_text}"
        );
    }
    assert_eq!(header.last().unwrap().text, "HUYỆN NÚI THÀNH");
    crate::layout::assert_lines_unbroken(&pdf, &["HUYỆN NÚI THÀNH".into()]);
    assert!(assert_inside_margins(pdf.to_str().unwrap()) > 1000);
}

#[test]
fn no_page_before_the_closing_is_left_half_empty_and_blocks_stay_whole() {
    // More and more lines push the closing text and the grid across every point of a page.
    for extra in 0..9 {
        let mut data = district_of_ten_parties();
        let requirements = data["next_program"]["requirements"].as_array_mut().unwrap();
        for index in 0..extra * 2 {
            requirements.push(json!(format!(
                "Yêu cầu bổ sung số {index}: các bên duy trì nền nếp giao ban, trao đổi thông tin kịp thời."
            )));
        }
        let test = format!("closing-grid-{extra}");
        let dir = scratch(&test);
        let (input, pdf, fields) = (
            dir.join("input.json"),
            dir.join("agreement.pdf"),
            dir.join("fields.json"),
        );
        std::fs::write(&input, serde_json::to_vec(&data).unwrap()).unwrap();
        assert_success(&vanban(&[
            "render",
            "agreement",
            input.to_str().unwrap(),
            "-o",
            pdf.to_str().unwrap(),
            "--fields-json",
            fields.to_str().unwrap(),
        ]));
        let lines = lines(pdf.to_str().unwrap());
        let closing = lines
            .iter()
            .find(|l| l.text.starts_with("Chương trình này có hiệu lực"))
            .unwrap();
        // The body of the page before ends no higher than 60% down the page's text area.
        let before: Vec<&Line> = lines
            .iter()
            .filter(|l| l.page == closing.page - 1 && l.top > TOP)
            .collect();
        let first_on_page = !lines
            .iter()
            .any(|l| l.page == closing.page && l.top > TOP && l.top < closing.top);
        if first_on_page {
            let bottom = before
                .iter()
                .map(|l| l.top + l.size as f64)
                .fold(0.0, f64::max);
            assert!(
                bottom > BOTTOM - 0.4 * (BOTTOM - TOP),
                "{extra}: the page before the closing ends at {bottom:.0} pt"
            );
        }
        let program = data["next_program"].clone();
        let blocks = blocks(&lines, &program);
        assert_eq!(blocks.len(), 10);
        assert_eq!(
            blocks[0].name.page, closing.page,
            "{extra}: first row with the closing text"
        );
        let fields: Vec<Value> = serde_json::from_slice(&std::fs::read(&fields).unwrap()).unwrap();
        for (block, field) in blocks.iter().zip(&fields) {
            for line in &block.heading {
                assert_eq!(line.page, block.name.page, "{extra}: block split: {line:?}");
            }
            assert_eq!(
                field["page"].as_u64(),
                Some(block.name.page as u64),
                "{extra}"
            );
            let rect = field["rect"].as_array().unwrap();
            let bottom = PAGE_HEIGHT - rect[1].as_f64().unwrap();
            assert!(
                bottom <= block.name.top + 1.0 && bottom > block.name.top - 30.0 * MM,
                "{extra}: field over its signing space"
            );
        }
    }
}

#[test]
fn a_batch_with_agreements_names_the_missing_program() {
    let mut batch: Value = serde_json::from_str(
        &std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/samples/tam-ky-wards-2022.json"
        ))
        .unwrap(),
    )
    .unwrap();
    batch["shared"]
        .as_object_mut()
        .unwrap()
        .remove("next_program");
    let input = input_file(
        "batch-without-program",
        &serde_json::to_vec(&batch).unwrap(),
    );
    let zip = input.with_file_name("out.zip");
    let output = vanban(&[
        "batch",
        input.to_str().unwrap(),
        "--with",
        "agreement",
        "-o",
        zip.to_str().unwrap(),
        "--quiet",
    ]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("next_program"), "{stderr}");
    assert!(!stderr.contains("at least 1 item"), "{stderr}");
}

#[test]
fn body_stays_inside_the_margins_and_the_annex_restarts_page_numbers() {
    assert!(assert_inside_margins(sample_path()) > 1000);
    let lines = lines(sample_path());
    let annex = find(&lines, "Phụ lục").page;
    let numbers: Vec<(usize, &str)> = lines
        .iter()
        .filter(|l| l.top < TOP)
        .map(|l| (l.page, l.text.as_str()))
        .collect();
    for page in 2..annex {
        assert!(
            numbers.contains(&(page, page.to_string().as_str())),
            "page {page}: {numbers:?}"
        );
    }
    assert!(
        !numbers.iter().any(|(page, _)| *page == 1 || *page == annex),
        "no number on the first page of the program or of the annex: {numbers:?}"
    );
}

/// One party's signature block as printed: its heading lines and the signer's name line.
struct Block<'a> {
    heading: Vec<&'a Line>,
    name: &'a Line,
}

fn blocks<'a>(lines: &'a [Line], program: &Value) -> Vec<Block<'a>> {
    let signature_page = find(lines, "Nơi nhận:").page;
    let closing = lines
        .iter()
        .position(|l| l.text.starts_with("Chương trình này có hiệu lực"))
        .unwrap();
    let grid = &lines[closing..];
    program["parties"]
        .as_array()
        .unwrap()
        .iter()
        .map(|party| {
            let signer = &party["signer"];
            let name = match signer["rank"].as_str() {
                Some(rank) => format!("{rank} {}", signer["name"].as_str().unwrap()),
                None => signer["name"].as_str().unwrap().to_owned(),
            };
            let name = grid.iter().find(|l| l.text == name).expect("signer name");
            // The heading is the 13 pt bold lines centred over the name, within a block's
            // height above it; a block split across pages would lose some.
            let heading = grid
                .iter()
                .filter(|l| {
                    l.page == name.page
                        && l.bold
                        && l.size == 13
                        && close(l.center(), name.center(), 3.0)
                        && l.top < name.top
                        && name.top - l.top < 160.0
                })
                .collect::<Vec<_>>();
            let own = upper(party["short_name"].as_str().unwrap());
            let heading_text = squash(
                &heading
                    .iter()
                    .map(|l| l.text.as_str())
                    .collect::<Vec<_>>()
                    .join(" "),
            );
            assert!(
                heading_text.contains(&own),
                "{own:?} not above {name:?}: {heading_text:?}"
            );
            let title = upper(party["signer"]["title"].as_str().unwrap());
            assert!(
                heading_text.ends_with(&title),
                "{title:?} last above {name:?}"
            );
            assert!(name.page <= signature_page);
            Block { heading, name }
        })
        .collect()
}

#[test]
fn signature_blocks_are_whole_aligned_and_with_the_closing_text() {
    let lines = lines(sample_path());
    let program = program();
    let blocks = blocks(&lines, &program);
    let closing = lines
        .iter()
        .find(|l| l.text.starts_with("Chương trình này có hiệu lực"))
        .unwrap();
    assert_eq!(
        blocks[0].name.page, closing.page,
        "first row shares the closing text's page"
    );
    for block in &blocks {
        assert!(block.heading.len() >= 2, "authority/party and title lines");
        for line in &block.heading {
            assert_eq!(line.page, block.name.page, "block split: {line:?}");
        }
        assert!(block.name.bold && block.name.size == 14);
        assert!(
            block.name.top - block.heading.last().unwrap().top > 22.0 * MM,
            "signing space"
        );
    }
    for row in blocks.chunks(2) {
        if let [left, right] = row {
            assert!(
                close(left.name.top, right.name.top, 1.0),
                "names level in a row"
            );
            assert!(left.name.center() < (LEFT + RIGHT) / 2.0);
            assert!(right.name.center() > (LEFT + RIGHT) / 2.0);
            let gap = right.name.center() - left.name.center();
            assert!(
                close(gap, (RIGHT - LEFT + 6.0 * MM) / 2.0, 2.0),
                "equal columns: {gap}"
            );
        }
    }
    let recipients = find(&lines, "Nơi nhận:");
    let last = blocks.last().unwrap().name;
    assert!(
        (recipients.page, recipients.top) > (last.page, last.top) && recipients.left < LEFT + 1.0,
        "Nơi nhận bottom left after the last row"
    );
}

#[test]
fn each_party_has_a_named_signature_field_over_its_signing_space() {
    let lines = lines(sample_path());
    let program = program();
    let blocks = blocks(&lines, &program);
    let fields = sample_fields();
    let parties = program["parties"].as_array().unwrap();
    assert_eq!(fields.len(), parties.len());
    for ((party, field), block) in parties.iter().zip(fields).zip(&blocks) {
        let id = party["id"].as_str().unwrap();
        assert_eq!(field["name"], format!("sig-{id}"));
        assert_eq!(field["party"], id);
        assert_eq!(field["label"], party["name"]);
        assert_eq!(field["page"], block.name.page);
        let rect: Vec<f64> = field["rect"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_f64().unwrap())
            .collect();
        // pdftohtml measures from the top of the page, PDF rectangles from the bottom.
        let (top, bottom) = (PAGE_HEIGHT - rect[3], PAGE_HEIGHT - rect[1]);
        let title = block.heading.last().unwrap();
        assert!(top >= title.top + 12.0, "{id}: field below the title line");
        assert!(bottom <= block.name.top + 1.0, "{id}: field above the name");
        assert!(
            close((rect[0] + rect[2]) / 2.0, block.name.center(), 2.0),
            "{id}: centred"
        );
        assert!(
            rect[2] - rect[0] > 40.0 * MM && bottom - top > 20.0 * MM,
            "{id}: room to sign"
        );
    }
}

#[test]
fn fields_command_lists_what_render_wrote() {
    let output = vanban(&["fields", sample_path(), "--json"]);
    assert_success(&output);
    let listed: Value = serde_json::from_slice(&output.stdout).unwrap();
    let listed = listed.as_array().unwrap();
    let written = sample_fields();
    assert_eq!(listed.len(), written.len());
    for (listed, written) in listed.iter().zip(written) {
        assert_eq!(listed["name"], written["name"]);
        assert_eq!(listed["label"], written["label"]);
        assert_eq!(listed["page"], written["page"]);
        assert_eq!(listed["signed"], false);
        for (a, b) in listed["rect"]
            .as_array()
            .unwrap()
            .iter()
            .zip(written["rect"].as_array().unwrap())
        {
            assert!(close(a.as_f64().unwrap(), b.as_f64().unwrap(), 0.01));
        }
    }
    let table = vanban(&["fields", sample_path()]);
    let table = String::from_utf8(table.stdout).unwrap();
    assert!(
        table.contains("sig-hoi-lhpn") && table.contains("Hội Liên hiệp Phụ nữ thành phố Tam Kỳ")
    );
}

#[test]
fn no_sign_fields_leaves_them_out() {
    let pdf = render_kind(
        "no-sign-fields",
        "agreement",
        &sample_json(),
        &["--no-sign-fields"],
    );
    let output = vanban(&["fields", pdf.to_str().unwrap()]);
    assert!(output.status.success());
    assert_eq!(
        String::from_utf8(output.stdout).unwrap(),
        "no signature fields\n"
    );
    assert_eq!(
        pdf_text(&pdf),
        pdf_text(&sample_agreement().0),
        "same document otherwise"
    );
}

#[test]
fn pdf_a_keeps_the_fields() {
    let pdf = render_kind("agreement-pdf-a", "agreement", &sample_json(), &["--pdf-a"]);
    let info = poppler("pdfinfo", &["-meta", pdf.to_str().unwrap()]);
    assert!(
        info.contains("pdfaid:part") || info.contains("<pdfaid:part>2"),
        "{info}"
    );
    let output = vanban(&["fields", pdf.to_str().unwrap(), "--json"]);
    let listed: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(listed.as_array().unwrap().len(), 8);
}

#[test]
fn an_odd_party_signs_alone_in_the_middle_of_the_last_row() {
    let mut data = sample_json();
    let program = &mut data["next_program"];
    program["parties"].as_array_mut().unwrap().pop();
    let gone = "hoi-ccb";
    for item in program["items"].as_array_mut().unwrap() {
        if item["lead"] == gone {
            item["lead"] = json!("ban-chqs");
        }
        let lead = item["lead"].clone();
        item["partners"]
            .as_array_mut()
            .unwrap()
            .retain(|p| p != gone && *p != lead);
    }
    program["responsibilities"]
        .as_array_mut()
        .unwrap()
        .retain(|r| r["party"] != gone);
    let pdf = render_kind("odd-parties", "agreement", &data, &[]);
    let lines = lines(pdf.to_str().unwrap());
    let name = find(&lines, "Đặng Thị Mỹ Lệ");
    assert!(close(name.center(), (LEFT + RIGHT) / 2.0, 2.0), "{name:?}");
    assert!(assert_inside_margins(pdf.to_str().unwrap()) > 1000);
}

#[test]
fn ten_parties_with_long_names_stay_inside_the_page() {
    let mut data = sample_json();
    let program = &mut data["next_program"];
    let parties = program["parties"].as_array_mut().unwrap();
    for n in 0..2 {
        let mut party = parties[1].clone();
        party["id"] = json!(format!("them-{n}"));
        party["name"] = json!(format!(
            "Hội Doanh nhân trẻ và Hội Khuyến học thành phố Tam Kỳ số {n}"
        ));
        party["parent"] = json!("Hội Doanh nhân trẻ và Hội Khuyến học tỉnh Quảng Nam");
        party["short_name"] = json!(format!("Hội Doanh nhân trẻ và Khuyến học thành phố {n}"));
        party["abbreviation"] = json!(format!("HDN{n}"));
        party["signer"]["on_behalf_of"] = json!("Ban Thường vụ Hội Doanh nhân trẻ và Khuyến học");
        party["signer"]["name"] = json!(format!("Nguyễn Thị Hồng Nhung {n}"));
        parties.push(party);
    }
    let pdf = render_kind("ten-parties", "agreement", &data, &[]);
    let path = pdf.to_str().unwrap();
    assert!(assert_inside_margins(path) > 1000);
    let lines = lines(path);
    let program = data["next_program"].clone();
    let blocks = blocks(&lines, &program);
    for block in &blocks {
        for line in &block.heading {
            assert_eq!(line.page, block.name.page, "block split: {line:?}");
        }
    }
    let output = vanban(&["fields", path, "--json"]);
    let listed: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(listed.as_array().unwrap().len(), 10);
}

/// Renders the agreement from the sample after `edit`; returns stderr, asserting exit code 1
/// and no output file.
fn agreement_rejected(test: &str, edit: impl FnOnce(&mut Value)) -> String {
    let mut data = sample_json();
    edit(&mut data);
    rejected_as("agreement", test, &serde_json::to_vec(&data).unwrap())
}

#[test]
fn agreement_needs_next_years_program() {
    let stderr = agreement_rejected("no-program", |d| {
        d.as_object_mut().unwrap().remove("next_program");
    });
    assert!(stderr.contains("$.next_program: missing"), "{stderr}");
}

#[test]
fn every_party_named_must_sign() {
    let stderr = agreement_rejected("unknown-party", |d| {
        let program = &mut d["next_program"];
        program["items"][2]["lead"] = json!("hoi-khuyen-hoc");
        program["items"][3]["partners"] = json!(["ban-chqs", "ban-chqs"]);
        program["items"][4]["partners"] = json!(["ldld"]);
        program["responsibilities"][1]["party"] = json!("so-noi-vu");
        program["reporting"]["secretariat"] = json!("ubnd");
    });
    for expected in [
        "$.next_program.items[2].lead: \"hoi-khuyen-hoc\" is not one of the signing parties",
        "$.next_program.items[3].partners[1]: \"ban-chqs\" is listed twice",
        "$.next_program.items[4].partners[0]: \"ldld\" leads this item",
        "$.next_program.responsibilities[1].party: \"so-noi-vu\" is not one of the signing parties",
        "$.next_program.reporting.secretariat: \"ubnd\" is not one of the signing parties",
    ] {
        assert!(stderr.contains(expected), "{expected:?} not in:\n{stderr}");
    }
}

#[test]
fn deadlines_fall_in_the_programs_year() {
    let stderr = agreement_rejected("deadline-outside", |d| {
        d["next_program"]["items"][0]["deadline"] = json!("2024-01-15");
        d["next_program"]["reporting"]["midyear_review"] = json!("2022-07-01");
    });
    assert!(stderr.contains("$.next_program.items[0].deadline: must fall in 2023, the program's year, found 2024-01-15"), "{stderr}");
    assert!(
        stderr.contains("$.next_program.reporting.midyear_review: must fall in 2023"),
        "{stderr}"
    );
}

#[test]
fn a_party_without_a_signatory_is_an_error() {
    let stderr = agreement_rejected("no-signer", |d| {
        d["next_program"]["parties"][3]
            .as_object_mut()
            .unwrap()
            .remove("signer");
    });
    assert!(stderr.contains("$.next_program.parties[3]"), "{stderr}");
    assert!(stderr.contains("signer"), "{stderr}");
}
