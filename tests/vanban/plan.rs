//! The report measures this year's program: the section and the annex read back from the PDF
//! (the sample, and a ward's report with a percentage, a ratio and money), `--program` with
//! last year's data, and the problems of a program that does not fit the report.

use std::path::Path;

use serde_json::{Value, json};

use crate::support::{
    assert_success, input_file, pdf_text, poppler, rejected_as, render_data, sample_json,
    sample_pdf, scratch, squash, vanban, vanban_in,
};

#[test]
fn the_sample_report_measures_its_program() {
    let text = pdf_text(sample_pdf());
    for expected in [
        "4. Kết quả thực hiện các chỉ tiêu của Chương trình phối hợp",
        "Chương trình phối hợp hoạt động năm 2022 có 9 nội dung, trong đó 6 nội dung có chỉ tiêu định lượng với tổng số 8 chỉ tiêu; kết quả thực hiện: 3 chỉ tiêu vượt, 3 chỉ tiêu đạt, 1 chỉ tiêu chưa đạt và 1 chỉ tiêu chưa thực hiện (chi tiết tại Phụ lục kèm theo), cụ thể:",
        "- Buổi tuyên truyền tại khu dân cư: 24 buổi tuyên truyền, đạt 100% chỉ tiêu.",
        "- Cây xanh trồng tại thao trường: hơn 2.000 cây xanh so với chỉ tiêu 1.500 cây xanh, đạt hơn 133%, vượt chỉ tiêu.",
        "- Quỹ xã hội vận động: trên 200 triệu đồng so với chỉ tiêu 150 triệu đồng, đạt trên 133%, vượt chỉ tiêu.",
        "- Đối tượng được khám bệnh, phát thuốc: 887 đối tượng so với chỉ tiêu 1.000 đối tượng, đạt 88%, chưa đạt chỉ tiêu.",
        "- Kinh phí khám bệnh, phát thuốc: gần 72 triệu đồng so với chỉ tiêu 70 triệu đồng, đạt gần 102%, vượt chỉ tiêu.",
        "- Nhà tình nghĩa xây dựng: chưa thực hiện (chỉ tiêu 1 nhà tình nghĩa).",
        "Các nội dung 2 (Tuyển chọn và gọi công dân nhập ngũ), 8 (Phát huy vai trò cựu chiến binh) và 9 (Sơ kết, tổng kết và khen thưởng) không có chỉ tiêu định lượng nên không đánh giá bằng số liệu.",
        "Phụ lục KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CỦA CHƯƠNG TRÌNH PHỐI HỢP HOẠT ĐỘNG NĂM 2022 (Kèm theo Báo cáo số 05/BC-BCHQS ngày 31 tháng 10 năm 2022 của Ban CHQS thành phố)",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in {text}");
    }
    let annex = annex_lines(sample_pdf());
    for row in [
        "TT Nội dung, chỉ tiêu Chỉ tiêu Kết quả Đánh giá",
        "buổi 24 24 Đạt 100%",
        "cây xanh 1.500 hơn 2.000",
        "Quỹ xã hội vận động đồng 150.000.000 trên 200.000.000",
        "Mái ấm công đoàn mái ấm 1 1 Đạt 100%",
        "1.000 887",
        "Nhà tình nghĩa xây dựng nhà 1 Chưa thực hiện",
    ] {
        assert!(
            annex.iter().any(|line| line == row),
            "no row {row:?} in {annex:#?}"
        );
    }
    // The section comes before section III, and the annex after the signature.
    let section = text.find("4. Kết quả thực hiện các chỉ tiêu").unwrap();
    let signature = text.find("Nơi nhận").unwrap();
    let annex = text.find("Phụ lục KẾT QUẢ THỰC HIỆN").unwrap();
    assert!(section < text.find("III. TỒN TẠI").unwrap());
    assert!(signature < annex);
}

/// The lines of a report's annex, as `pdftotext -layout` lays them out, spaces squashed.
fn annex_lines(pdf: &Path) -> Vec<String> {
    let text = poppler(
        "pdftotext",
        &["-layout", "-enc", "UTF-8", pdf.to_str().unwrap(), "-"],
    );
    let start = text.find("Phụ lục\n").expect("the report has an annex");
    text[start..].lines().map(squash).collect()
}

/// A ward's year data whose program has a count, money, a percentage and a ratio to reach.
fn ward_data() -> Value {
    let mut data = sample_json();
    data["issuer"] = json!({
        "parent": "Ban CHQS thành phố Tam Kỳ",
        "name": "Ban Chỉ huy Quân sự phường An Mỹ",
        "short_name": "Ban CHQS phường",
        "abbreviation": "BCHQS",
        "place": "An Mỹ"
    });
    data["partners"] = json!("các tổ chức chính trị - xã hội phường");
    let object = data.as_object_mut().unwrap();
    object.remove("next_program");
    object.remove("program_reference");
    data["organizations"] = json!([
        {
            "id": "doan-phuong",
            "name": "Đoàn Thanh niên phường",
            "short_name": "Đoàn phường",
            "activities": [
                {
                    "text": "Tổ chức {buoi} cho đoàn viên; {ty_le} thanh niên trong độ tuổi được đăng ký nghĩa vụ quân sự.",
                    "quantities": [
                        { "key": "buoi", "label": "Buổi tuyên truyền", "count": 6, "unit": "buổi tuyên truyền" },
                        { "key": "ty_le", "label": "Tỷ lệ thanh niên đăng ký nghĩa vụ quân sự", "percent": 95 }
                    ]
                }
            ]
        },
        {
            "id": "hoi-phu-nu",
            "name": "Hội Liên hiệp Phụ nữ phường",
            "short_name": "Hội Phụ nữ phường",
            "activities": [
                {
                    "text": "Vận động {quy} tặng quà gia đình quân nhân; {khu_pho} có tổ phụ nữ tham gia tuyên truyền.",
                    "quantities": [
                        { "key": "quy", "label": "Quỹ tặng quà gia đình quân nhân", "amount": 12500000 },
                        { "key": "khu_pho", "label": "Khu phố có tổ phụ nữ tuyên truyền", "ratio": [5, 6], "unit": "khu phố" }
                    ]
                }
            ]
        }
    ]);
    let program = &mut data["program"];
    program["partners"] = json!("các tổ chức chính trị - xã hội phường");
    let item = program["items"][0].clone();
    let with = |title: &str, text: &str, targets: Value| {
        let mut item = item.clone();
        item["title"] = json!(title);
        item["text"] = json!(text);
        item["targets"] = targets;
        item
    };
    program["items"] = json!([
        with(
            "Tuyên truyền, đăng ký nghĩa vụ quân sự",
            "Tổ chức {buoi} tại các khu phố; {ty_le} thanh niên trong độ tuổi đăng ký nghĩa vụ quân sự.",
            json!([
                { "key": "buoi", "label": "Buổi tuyên truyền", "count": 8, "unit": "buổi tuyên truyền" },
                { "key": "ty_le", "label": "Tỷ lệ thanh niên đăng ký nghĩa vụ quân sự", "percent": 100 }
            ])
        ),
        with(
            "Chăm lo gia đình quân nhân",
            "Vận động {quy} tặng quà; {khu_pho} có tổ phụ nữ tham gia tuyên truyền; sửa chữa {nha} cho gia đình quân nhân.",
            json!([
                { "key": "quy", "label": "Quỹ tặng quà gia đình quân nhân", "amount": 10000000 },
                { "key": "khu_pho", "label": "Khu phố có tổ phụ nữ tuyên truyền", "ratio": [5, 6], "unit": "khu phố" },
                { "key": "nha", "label": "Nhà ở gia đình quân nhân được sửa chữa", "count": 2, "unit": "nhà" }
            ])
        )
    ]);
    data
}

#[test]
fn a_ward_report_sets_counts_money_percentages_and_ratios_against_their_targets() {
    let pdf = render_data("plan-ward", &ward_data());
    let text = pdf_text(&pdf);
    for expected in [
        "Thực hiện Chương trình phối hợp hoạt động số 01/CTr-BCHQS-CTXH ngày 03 tháng 12 năm 2021 của Ban CHQS thành phố và các tổ chức chính trị - xã hội phường, Ban CHQS phường báo cáo",
        "Chương trình phối hợp hoạt động năm 2022 có 2 nội dung, các nội dung đều có chỉ tiêu định lượng với tổng số 5 chỉ tiêu; kết quả thực hiện: 1 chỉ tiêu vượt, 1 chỉ tiêu đạt, 2 chỉ tiêu chưa đạt và 1 chỉ tiêu chưa thực hiện",
        "- Buổi tuyên truyền: 6 buổi tuyên truyền so với chỉ tiêu 8 buổi tuyên truyền, đạt 75%, chưa đạt chỉ tiêu.",
        "- Tỷ lệ thanh niên đăng ký nghĩa vụ quân sự: 95% so với chỉ tiêu 100%, thấp hơn chỉ tiêu 5 điểm phần trăm.",
        "- Quỹ tặng quà gia đình quân nhân: 12,5 triệu đồng so với chỉ tiêu 10 triệu đồng, đạt 125%, vượt chỉ tiêu.",
        "- Khu phố có tổ phụ nữ tuyên truyền: 5/6 khu phố, đạt chỉ tiêu.",
        "- Nhà ở gia đình quân nhân được sửa chữa: chưa thực hiện (chỉ tiêu 2 nhà).",
        "(Kèm theo Báo cáo số 05/BC-BCHQS ngày 31 tháng 10 năm 2022 của Ban CHQS phường)",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in {text}");
    }
    assert!(
        !text.contains("không có chỉ tiêu định lượng"),
        "every item has a target: {text}"
    );
    let annex = annex_lines(&pdf);
    for row in [
        "Buổi tuyên truyền tuyên 8 6",
        "% 100 95",
        "đồng 10.000.000 12.500.000 Vượt (đạt 125%)",
        "khu phố 5/6 5/6 Đạt",
        "nhà 2 Chưa thực hiện",
    ] {
        assert!(
            annex.iter().any(|line| line == row),
            "no row {row:?} in {annex:#?}"
        );
    }
}

#[test]
fn a_six_month_review_is_still_carrying_out_what_it_has_not_reached() {
    let mut data = ward_data();
    data["document"]["review"] = json!("so_ket_6_thang");
    data["document"]["date"] = json!("2022-07-08");
    data["review_meeting"]["date"] = json!("2022-07-12");
    let text = pdf_text(&render_data("plan-six-months", &data));
    assert!(
        text.contains(
            "- Buổi tuyên truyền: 6 buổi tuyên truyền so với chỉ tiêu 8 buổi tuyên truyền, đạt 75%."
        ),
        "{text}"
    );
    assert!(text.contains("Đang thực hiện (đạt 75%)"), "{text}");
    assert!(!text.contains("chưa đạt chỉ tiêu"), "{text}");
}

/// Last year's data whose next year's program is the sample's `program`, and this year's data
/// without it, in a scratch directory: (this year's path, last year's path).
fn split_sample(test: &str, edit_last: impl FnOnce(&mut Value)) -> (String, String) {
    let dir = scratch(test);
    let mut data = sample_json();
    let program = data.as_object_mut().unwrap().remove("program").unwrap();
    let mut last = sample_json();
    let object = last.as_object_mut().unwrap();
    object.remove("program");
    object.insert("next_program".into(), program);
    last["year"] = json!(2021);
    last["document"]["date"] = json!("2021-12-10");
    last["review_meeting"]["date"] = json!("2021-11-25");
    last["program_reference"]["date"] = json!("2020-12-03");
    edit_last(&mut last);
    let write = |name: &str, value: &Value| {
        let path = dir.join(name);
        std::fs::write(&path, serde_json::to_vec_pretty(value).unwrap()).unwrap();
        path.to_str().unwrap().to_owned()
    };
    (write("2022.json", &data), write("2021.json", &last))
}

#[test]
fn the_program_comes_from_last_years_data_on_the_command_line() {
    let (this_year, last_year) = split_sample("plan-command-line", |_| {});
    let pdf = scratch("plan-command-line-out").join("report.pdf");
    let output = vanban(&[
        "render",
        "report",
        &this_year,
        "--program",
        &last_year,
        "-o",
        pdf.to_str().unwrap(),
    ]);
    assert_success(&output);
    assert_eq!(
        pdf_text(&pdf),
        pdf_text(sample_pdf()),
        "the program given on the command line reads as the sample's own"
    );
}

/// Runs `render report THIS --program LAST` in English and in Vietnamese; returns both
/// standard errors after checking the exit code 1 and that no PDF was written.
fn refused(this_year: &str, last_year: &str) -> (String, String) {
    let pdf = std::path::Path::new(this_year).with_file_name("refused.pdf");
    let args = [
        "render",
        "report",
        this_year,
        "--program",
        last_year,
        "-o",
        pdf.to_str().unwrap(),
    ];
    let said = |output: std::process::Output| {
        let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
        assert_eq!(output.status.code(), Some(1), "{stderr}");
        assert!(!pdf.exists(), "no PDF on a refusal");
        stderr
    };
    (
        said(vanban(&args)),
        said(vanban_in(&[("LANG", "vi_VN.UTF-8")], &args)),
    )
}

#[test]
fn a_program_from_the_wrong_year_is_refused() {
    let (this_year, last_year) = split_sample("plan-wrong-year", |last| {
        last["year"] = json!(2020);
        last["document"]["date"] = json!("2020-12-10");
        last["review_meeting"]["date"] = json!("2020-11-25");
        last["program_reference"]["date"] = json!("2019-12-03");
        last.as_object_mut().unwrap().remove("next_program");
    });
    let (english, vietnamese) = refused(&this_year, &last_year);
    assert!(
        english.contains(&format!(
            "error: {last_year} is the data of 2020; this year's program comes from the data of 2021, whose `next_program` is the program for 2022"
        )),
        "{english}"
    );
    assert!(
        vietnamese.contains(&format!(
            "{last_year} là dữ liệu năm 2020; chương trình năm nay lấy từ dữ liệu năm 2021"
        )),
        "{vietnamese}"
    );
}

#[test]
fn last_years_data_without_a_program_is_refused() {
    let (this_year, last_year) = split_sample("plan-no-program", |last| {
        last.as_object_mut().unwrap().remove("next_program");
    });
    let (english, vietnamese) = refused(&this_year, &last_year);
    assert!(
        english.contains(&format!(
            "error: {last_year} has no `next_program`: the program for 2022 is missing there"
        )),
        "{english}"
    );
    assert!(
        vietnamese.contains(&format!(
            "{last_year} không có `next_program`: thiếu chương trình năm 2022"
        )),
        "{vietnamese}"
    );
}

#[test]
fn a_program_given_twice_is_refused() {
    let (_, last_year) = split_sample("plan-twice", |_| {});
    let this_year = input_file(
        "plan-twice-data",
        &std::fs::read(crate::support::SAMPLE).unwrap(),
    );
    let (english, vietnamese) = refused(this_year.to_str().unwrap(), &last_year);
    assert!(
        english.contains(&format!(
            "the data already has this year's program (`program`); leave out --program {last_year}"
        )),
        "{english}"
    );
    assert!(
        vietnamese.contains("dữ liệu đã có chương trình năm nay (`program`)"),
        "{vietnamese}"
    );
}

#[test]
fn a_program_issued_after_the_report_is_shown_in_last_years_file() {
    let (this_year, last_year) = split_sample("plan-late", |last| {
        last["next_program"]["document"]["date"] = json!("2022-11-15");
    });
    let (english, _) = refused(&this_year, &last_year);
    assert!(
        english.contains(&format!("error: {last_year}: ")),
        "the problem is in last year's file: {english}"
    );
    assert!(
        english.contains(
            "$.next_program.document.date: must not be later than the report's date, 2022-10-31"
        ),
        "{english}"
    );
}

#[test]
fn a_figure_that_measures_its_target_otherwise_is_refused_where_it_is() {
    let mut data = sample_json();
    data["organizations"][2]["activities"][0]["quantities"][0]["unit"] = json!("cây");
    let stderr = rejected_as("report", "plan-unit", &serde_json::to_vec(&data).unwrap());
    assert!(
        stderr.contains(
            "$.organizations[2].activities[0].quantities[0]: answers the target \"cay_xanh\" of this year's program, which is a count of \"cây xanh\", but this figure is a count of \"cây\""
        ),
        "{stderr}"
    );
    let mut data = ward_data();
    data["organizations"][0]["activities"][0]["quantities"][1] =
        json!({ "key": "ty_le", "label": "Tỷ lệ", "count": 95, "unit": "thanh niên" });
    let stderr = rejected_as("report", "plan-kind", &serde_json::to_vec(&data).unwrap());
    assert!(
        stderr.contains("which is a percentage, but this figure is a count of \"thanh niên\""),
        "{stderr}"
    );
}

#[test]
fn a_batch_measures_each_ward_against_a_shared_program_and_not_the_roll_up() {
    let root = env!("CARGO_MANIFEST_DIR");
    let read = |name: &str| -> Value {
        let path = format!("{root}/samples/{name}");
        serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap()
    };
    let mut batch = read("tam-ky-wards-2022.json");
    let mut program = read("tam-ky-2022.json")["program"].clone();
    let items = program["items"].as_array_mut().unwrap();
    items.truncate(3);
    items[0]["targets"][0]["count"] = json!(5);
    items[2]["targets"][0]["count"] = json!(100);
    program["partners"] = json!("các tổ chức chính trị - xã hội {level}");
    batch["shared"]["program"] = program;
    let dir = scratch("plan-batch");
    let input = dir.join("batch.json");
    std::fs::write(&input, serde_json::to_vec(&batch).unwrap()).unwrap();
    let zip = dir.join("out.zip");
    let output = vanban(&[
        "batch",
        input.to_str().unwrap(),
        "-o",
        zip.to_str().unwrap(),
        "--quiet",
    ]);
    assert_success(&output);
    let entries = crate::support::entries(&zip);
    let ward = crate::support::entry_text(&entries, &dir, "phuong-an-my.pdf");
    for expected in [
        "- Buổi tuyên truyền tại khu dân cư: 6 buổi tuyên truyền so với chỉ tiêu 5 buổi tuyên truyền, đạt 120%, vượt chỉ tiêu.",
        "- Cây xanh trồng tại thao trường: chưa thực hiện (chỉ tiêu 100 cây xanh).",
    ] {
        assert!(ward.contains(expected), "missing {expected:?} in {ward}");
    }
    let rollup = crate::support::entry_text(&entries, &dir, "tong-hop.pdf");
    assert!(
        !rollup.contains("Kết quả thực hiện các chỉ tiêu"),
        "the wards' program is not the roll-up's: {rollup}"
    );
}
