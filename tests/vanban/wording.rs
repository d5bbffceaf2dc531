//! The report's figures and wording on data made for each rule: percentages, ratios, zero
//! figures, exact and qualified totals, the report kinds with their periods, the program
//! reference and the meeting sentence.

use serde_json::{Value, json};

use crate::support::*;

/// The sample with its organizations replaced by one whose activities are `activities`, and
/// without this year's program (its targets are the sample's figures).
fn with_activities(activities: Value) -> Value {
    let mut data = sample_json();
    data.as_object_mut().unwrap().remove("program");
    data["organizations"] = json!([{
        "id": "mttq",
        "name": "Ủy ban Mặt trận Tổ quốc Việt Nam thành phố",
        "short_name": "Ủy ban MTTQVN thành phố",
        "activities": activities,
    }]);
    data
}

#[test]
fn percentages_ratios_and_zero_figures() {
    let data = with_activities(json!([
        {
            "text": "Vận động thanh niên nhập ngũ đạt {giao_quan} chỉ tiêu, {xa_dat} hoàn thành chỉ tiêu giao quân.",
            "quantities": [
                { "key": "giao_quan", "label": "Tỷ lệ giao quân đạt chỉ tiêu", "percent": 100 },
                { "key": "xa_dat", "label": "Xã, thị trấn hoàn thành chỉ tiêu", "ratio": [3, 3], "unit": "xã, thị trấn", "table_unit": "đơn vị" }
            ]
        },
        {
            "text": "Tổ chức {buoi} tại khu dân cư, thu hút {nguoi} tham dự.",
            "quantities": [
                { "key": "buoi", "label": "Buổi tuyên truyền", "count": 5, "unit": "buổi tuyên truyền", "table_unit": "buổi" },
                { "key": "nguoi", "label": "Người tham dự tuyên truyền", "count": 0, "unit": "lượt người" }
            ]
        },
        {
            "text": "Tặng quà cho {qua} với số tiền {tien}.",
            "quantities": [
                { "key": "qua", "label": "Suất quà tặng gia đình chính sách", "count": 10, "unit": "suất quà" },
                { "key": "tien", "label": "Tiền quà tặng gia đình chính sách", "amount": 0 }
            ]
        },
        {
            "text": "Trồng {cay} tại thao trường.",
            "quantities": [
                { "key": "cay", "label": "Cây xanh trồng tại thao trường", "count": 0, "unit": "cây xanh" }
            ]
        },
        {
            "text": "Vận động quỹ “Vì người nghèo” {quy}.",
            "quantities": [
                { "key": "quy", "label": "Quỹ “Vì người nghèo” vận động", "amount": 1_200_000_000u64 }
            ]
        }
    ]));
    let text = pdf_text(&render_data("figures", &data));
    for expected in [
        "đạt 100% chỉ tiêu, 3/3 xã, thị trấn hoàn thành chỉ tiêu giao quân.",
        "Tổ chức 5 buổi tuyên truyền tại khu dân cư.",
        "Tặng quà cho 10 suất quà.",
        "Vận động quỹ “Vì người nghèo” 1,2 tỷ đồng.",
        "Tỷ lệ giao quân đạt chỉ tiêu 100 %",
        "Xã, thị trấn hoàn thành chỉ tiêu 3/3 đơn vị",
        "Buổi tuyên truyền 5 buổi",
        "Tổng cộng 1.200.000.000",
        "hỗ trợ trong năm 2022: 1,2 tỷ đồng (Bằng chữ: Một tỷ hai trăm triệu đồng).",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in {text}");
    }
    for absent in [
        "thu hút 0",
        "lượt người",
        "Người tham dự tuyên truyền",
        "với số tiền",
        "Tiền quà tặng",
        "Trồng",
        "Cây xanh trồng",
        "Cộng theo đơn vị tính",
        "buổi tuyên truyền 5",
    ] {
        assert!(!text.contains(absent), "unexpected {absent:?} in {text}");
    }
}

#[test]
fn a_qualified_total_says_so_and_has_no_sum_in_words() {
    let text = pdf_text(sample_pdf());
    assert!(
        text.contains(
            "Tổng kinh phí các tổ chức vận động, hỗ trợ trong năm 2022: khoảng 544,3 triệu đồng."
        ),
        "{text}"
    );
    assert!(!text.contains("Bằng chữ"), "no exact sum in words");
    assert!(!text.contains("Cộng theo đơn vị tính"));
}

#[test]
fn the_opening_cites_the_program_and_the_meeting_is_its_own_sentence() {
    let text = pdf_text(sample_pdf());
    for expected in [
        "Hội nghị sơ kết công tác phối hợp hoạt động năm 2022 được tổ chức vào sáng ngày 02 tháng 11 năm 2022 tại Hội trường Ban CHQS thành phố Tam Kỳ.",
        "Thực hiện Chương trình phối hợp hoạt động số 01/CTr-BCHQS-CTXH ngày 03 tháng 12 năm 2021 của Ban CHQS thành phố và các tổ chức chính trị - xã hội thành phố, Ban CHQS thành phố báo cáo kết quả thực hiện năm 2022 trình Hội nghị như sau:",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in {text}");
    }
    assert!(
        !text.contains("chủ trì như sau"),
        "no one chairs in the report"
    );

    let mut data = sample_json();
    let object = data.as_object_mut().unwrap();
    object.remove("program_reference");
    object.remove("program");
    object.remove("review_meeting");
    let text = pdf_text(&render_data("generic-opening", &data));
    assert!(
        text.contains("Thực hiện Chương trình phối hợp hoạt động năm 2022 giữa Ban CHQS thành phố"),
        "{text}"
    );
    assert!(
        text.contains(", Ban CHQS thành phố báo cáo kết quả thực hiện năm 2022 như sau:"),
        "{text}"
    );
}

#[test]
fn the_meeting_may_be_in_the_afternoon_and_names_no_chair() {
    let mut data = sample_json();
    data["review_meeting"] = json!({
        "date": "2022-11-11",
        "time_of_day": "chiều",
        "place": "Hội trường UBND thành phố",
        "chaired_by": "Thượng tá Lê Quang Vinh"
    });
    let text = pdf_text(&render_data("afternoon", &data));
    assert!(
        text.contains(
            "được tổ chức vào chiều ngày 11 tháng 11 năm 2022 tại Hội trường UBND thành phố."
        ),
        "{text}"
    );
    assert!(
        !text.contains("Lê Quang Vinh"),
        "an earlier file's chair is not printed"
    );
}

/// The title, section V and the closing sentence of a report of `review` kind.
fn kind_text(test: &str, edit: impl FnOnce(&mut Value)) -> String {
    let mut data = sample_json();
    edit(&mut data);
    pdf_text(&render_data(test, &data))
}

#[test]
fn a_six_month_review() {
    let text = kind_text("six-months", |data| {
        data["document"]["review"] = json!("so_ket_6_thang");
        data["document"]["date"] = json!("2022-07-08");
        data["review_meeting"]["date"] = json!("2022-07-12");
        data["program_reference"]["date"] = json!("2022-01-05");
    });
    for expected in [
        "BÁO CÁO Sơ kết công tác phối hợp hoạt động giữa Ban CHQS thành phố",
        "Hội nghị sơ kết công tác phối hợp hoạt động 6 tháng đầu năm 2022 được tổ chức vào sáng ngày 12 tháng 7 năm 2022",
        "báo cáo kết quả thực hiện 6 tháng đầu năm 2022 trình Hội nghị như sau:",
        "V. PHƯƠNG HƯỚNG, NHIỆM VỤ 6 THÁNG CUỐI NĂM 2022",
        "Tổng kinh phí các tổ chức vận động, hỗ trợ trong 6 tháng đầu năm 2022:",
        "Trên đây là báo cáo sơ kết công tác phối hợp hoạt động giữa Ban CHQS thành phố",
        "6 tháng đầu năm 2022./.",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in {text}");
    }
}

#[test]
fn a_five_year_review() {
    let text = kind_text("five-years", |data| {
        data["year"] = json!(2025);
        data["document"] = json!({
            "number": 12, "date": "2025-11-20", "review": "tong_ket_giai_doan", "first_year": 2021
        });
        data["review_meeting"]["date"] = json!("2025-11-25");
        data["program_reference"] = json!({
            "symbol": "02/CTr-BCHQS-CTXH",
            "date": "2020-12-15",
            "issued_by": "Ban CHQS thành phố và các tổ chức chính trị - xã hội thành phố"
        });
        let object = data.as_object_mut().unwrap();
        object.remove("next_program");
        object.remove("program");
    });
    for expected in [
        "BÁO CÁO Tổng kết công tác phối hợp hoạt động giữa Ban CHQS thành phố",
        "Hội nghị tổng kết công tác phối hợp hoạt động giai đoạn 2021-2025 được tổ chức vào sáng ngày 25 tháng 11 năm 2025",
        "Thực hiện Chương trình phối hợp hoạt động số 02/CTr-BCHQS-CTXH ngày 15 tháng 12 năm 2020",
        "báo cáo kết quả thực hiện giai đoạn 2021-2025 trình Hội nghị như sau:",
        "V. PHƯƠNG HƯỚNG, NHIỆM VỤ GIAI ĐOẠN 2026-2030",
        "Trên đây là báo cáo tổng kết công tác phối hợp hoạt động giữa Ban CHQS thành phố",
        "giai đoạn 2021-2025./.",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in {text}");
    }
}

#[test]
fn the_period_and_the_program_reference_are_checked() {
    let mut data = sample_json();
    data["document"]["review"] = json!("tong_ket_giai_doan");
    data["program_reference"]["date"] = json!("2022-11-30");
    let stderr = rejected_as(
        "report",
        "period-checks",
        &serde_json::to_vec(&data).unwrap(),
    );
    for expected in [
        "$.document.first_year: missing: a report on a period (tong_ket_giai_doan) needs the period's first year",
        "$.program_reference.date: must not be later than the report's date, 2022-10-31",
    ] {
        assert!(
            stderr.contains(expected),
            "missing {expected:?} in {stderr}"
        );
    }
}

#[test]
fn a_placeholder_followed_by_its_units_words_is_refused() {
    let data = with_activities(json!([{
        "text": "Tham gia {buoi} giáo dục truyền thống cho thanh niên.",
        "quantities": [
            { "key": "buoi", "label": "Buổi giáo dục truyền thống", "count": 2, "unit": "buổi giáo dục truyền thống" }
        ]
    }]));
    let stderr = rejected_as("report", "unit-twice", &serde_json::to_vec(&data).unwrap());
    assert!(
        stderr.contains("$.organizations[0].activities[0].text: `{buoi}` is followed by \"giáo dục truyền thống\", which its unit \"buổi giáo dục truyền thống\" already prints"),
        "{stderr}"
    );
}

#[test]
fn the_roll_up_adds_ratios_and_leaves_percentages_out() {
    let ward = |ratio: [u64; 2], percent: u64| {
        let mut data = with_activities(json!([{
            "text": "Vận động thanh niên nhập ngũ, {khu_pho} hoàn thành chỉ tiêu, đạt {ty_le} chỉ tiêu giao quân.",
            "quantities": [
                { "key": "khu_pho", "label": "Khu phố hoàn thành chỉ tiêu", "ratio": ratio, "unit": "khu phố" },
                { "key": "ty_le", "label": "Tỷ lệ giao quân", "percent": percent }
            ]
        }]));
        data.as_object_mut().unwrap().remove("next_program");
        data
    };
    let dir = scratch("rollup-ratios");
    let wards = dir.join("wards");
    std::fs::create_dir(&wards).unwrap();
    for (name, data) in [
        ("phuong-1.json", ward([2, 3], 90)),
        ("phuong-2.json", ward([1, 4], 100)),
    ] {
        std::fs::write(wards.join(name), serde_json::to_vec(&data).unwrap()).unwrap();
    }
    let shared = dir.join("shared.json");
    let batch = json!({ "shared": ward([0, 0], 0), "wards": [] });
    std::fs::write(&shared, serde_json::to_vec(&batch).unwrap()).unwrap();
    let zip = dir.join("out.zip");
    let output = vanban(&[
        "batch",
        wards.to_str().unwrap(),
        "--shared",
        shared.to_str().unwrap(),
        "-o",
        zip.to_str().unwrap(),
    ]);
    assert_success(&output);
    let entries = entries(&zip);
    let text_of = |file: &str| entry_text(&entries, &dir, file);
    let ward_text = text_of("phuong-1.pdf");
    assert!(
        ward_text.contains("Vận động thanh niên nhập ngũ, 2/3 khu phố hoàn thành chỉ tiêu, đạt 90% chỉ tiêu giao quân."),
        "{ward_text}"
    );
    let rollup = text_of("tong-hop.pdf");
    assert!(
        rollup.contains("Vận động thanh niên nhập ngũ, 3/7 khu phố hoàn thành chỉ tiêu."),
        "{rollup}"
    );
    assert!(!rollup.contains("Tỷ lệ giao quân"), "{rollup}");
}
