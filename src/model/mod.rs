//! The year data: what a city's Ban CHQS and its partner organizations did in one year, typed.
//!
//! Types here mirror the JSON input one to one (`deny_unknown_fields` everywhere, so a typo
//! never drops data). Loading, validation and the JSON Schema live in the submodules.

mod breaks;
mod duplicates;
pub mod limits;
mod load;
mod numbering;
mod placeholder;
pub mod plan;
mod profile;
mod program;
mod quantity;
mod schema;
mod validate;
mod zero;

pub use crate::errors::DataError;
pub use load::{
    InvalidData, child_path, deserialize, parse_json, parse_year_data, schema_errors, valid,
    walk_strings, with_program, year_data_from_value,
};
pub use numbering::Numbering;
pub use placeholder::{WithoutFigure, fill_placeholders, placeholders, without_figure};
pub use profile::{Profile, profile_from_value};
pub use program::{Party, Program, ProgramDocument, ProgramItem, Reporting, Responsibility};
pub use quantity::{Bound, Qualifier, Quantity, QuantityValue, Total};
pub use schema::year_data_schema;

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Everything one year-end report and next year's coordination program are made from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(extend("x-order" = ["issuer", "year", "document", "program", "program_reference", "partners", "review_meeting", "organizations", "situation", "general_results", "shortcomings", "causes", "lessons", "directions", "proposals", "commendations", "signer", "recipients", "archive", "next_program"]))]
pub struct YearData {
    /// The body that issues the documents (the city's Ban CHQS).
    #[schemars(title = "Cơ quan ban hành", description = "")]
    pub issuer: Issuer,
    /// How the report names the partner organizations together, with their level: "các tổ
    /// chức chính trị - xã hội thành phố", "các tổ chức chính trị - xã hội và Hội Chữ thập đỏ
    /// huyện"; by default "các tổ chức chính trị - xã hội".
    #[schemars(
        title = "Cách gọi chung các tổ chức phối hợp",
        description = "Có cả cấp, ví dụ “các tổ chức chính trị - xã hội thành phố”; để trống là “các tổ chức chính trị - xã hội”."
    )]
    #[serde(default)]
    #[schemars(length(max = limits::LINE_CHARS))]
    pub partners: Option<String>,
    /// The year under review, e.g. 2022.
    #[schemars(
        title = "Năm báo cáo",
        description = "Năm được sơ kết, tổng kết, ví dụ 2022."
    )]
    #[schemars(range(min = 1990, max = 2100))]
    pub year: i32,
    /// Number, date and kind of the report.
    #[schemars(title = "Số, ngày văn bản", description = "")]
    pub document: DocumentInfo,
    /// This year's coordination program, the one signed last year (last year's
    /// `next_program`): the report sets each of its targets against this year's figures with
    /// the same key, and the opening cites it unless `program_reference` says otherwise.
    #[schemars(
        title = "Chương trình phối hợp năm nay",
        description = "Chương trình đã ký năm trước cho năm báo cáo (chương trình năm sau của dữ liệu năm trước). Khi có, báo cáo đối chiếu từng chỉ tiêu với số liệu cùng mã và dẫn chiếu số, ngày của chương trình này."
    )]
    #[serde(default)]
    pub program: Option<Program>,
    /// The coordination program the report is on, as the opening cites it: when given, it is
    /// printed as written; otherwise the opening cites `program`, or names the program by its
    /// year.
    #[schemars(
        title = "Chương trình phối hợp được báo cáo",
        description = "Số, ngày, cơ quan ban hành chương trình; phần mở đầu dẫn chiếu chương trình này. Để trống khi đã có chương trình năm nay: báo cáo tự dẫn chiếu theo chương trình đó."
    )]
    #[serde(default)]
    pub program_reference: Option<ProgramReference>,
    /// The review meeting (hội nghị sơ kết/tổng kết), if one was held.
    #[schemars(
        title = "Hội nghị sơ kết, tổng kết",
        description = "Chỉ điền khi có tổ chức hội nghị."
    )]
    #[serde(default)]
    pub review_meeting: Option<Meeting>,
    /// The partner organizations and what each did, in the order the report lists them (at
    /// most 23: the report numbers them a) to y)).
    #[schemars(
        title = "Kết quả của từng tổ chức",
        description = "Các tổ chức phối hợp theo thứ tự báo cáo nêu (tối đa 23, đánh a) đến y))."
    )]
    #[schemars(length(min = 1, max = 23))]
    pub organizations: Vec<Organization>,
    /// Section I: the situation (đặc điểm tình hình).
    #[schemars(title = "I. Đặc điểm tình hình", description = "")]
    pub situation: Situation,
    /// General results across all organizations, one paragraph each.
    #[schemars(title = "Kết quả chung", description = "Mỗi ô là một đoạn văn.")]
    #[schemars(length(min = 1, max = limits::PARAGRAPHS), inner(length(max = limits::PARAGRAPH_CHARS)))]
    pub general_results: Vec<String>,
    /// Shortcomings (tồn tại, hạn chế), one paragraph each.
    #[schemars(title = "Tồn tại, hạn chế", description = "Mỗi ô là một đoạn văn.")]
    #[schemars(length(min = 1, max = limits::PARAGRAPHS), inner(length(max = limits::PARAGRAPH_CHARS)))]
    pub shortcomings: Vec<String>,
    /// Causes of the shortcomings, one paragraph each.
    #[schemars(
        title = "Nguyên nhân",
        description = "Nguyên nhân của tồn tại, hạn chế; mỗi ô là một đoạn văn."
    )]
    #[schemars(length(min = 1, max = limits::PARAGRAPHS), inner(length(max = limits::PARAGRAPH_CHARS)))]
    pub causes: Vec<String>,
    /// Lessons learned (bài học kinh nghiệm), one paragraph each.
    #[schemars(title = "Bài học kinh nghiệm", description = "Mỗi ô là một đoạn văn.")]
    #[schemars(length(min = 1, max = limits::PARAGRAPHS), inner(length(max = limits::PARAGRAPH_CHARS)))]
    pub lessons: Vec<String>,
    /// Directions and tasks for the next year, one paragraph each.
    #[schemars(
        title = "Phương hướng, nhiệm vụ năm tới",
        description = "Mỗi ô là một đoạn văn."
    )]
    #[schemars(length(min = 1, max = limits::PARAGRAPHS), inner(length(max = limits::PARAGRAPH_CHARS)))]
    pub directions: Vec<String>,
    /// Proposals to higher bodies (đề xuất, kiến nghị); the section is left out when empty.
    #[schemars(
        title = "Đề xuất, kiến nghị",
        description = "Có thể để trống: khi đó báo cáo không có mục này."
    )]
    #[serde(default)]
    #[schemars(length(max = limits::PARAGRAPHS), inner(length(max = limits::PARAGRAPH_CHARS)))]
    pub proposals: Vec<String>,
    /// Collectives and individuals commended for the year.
    #[schemars(
        title = "Khen thưởng",
        description = "Tập thể, cá nhân được khen thưởng trong năm."
    )]
    #[serde(default)]
    pub commendations: Option<Commendations>,
    /// Who signs the report.
    #[schemars(title = "Người ký", description = "")]
    pub signer: Signer,
    /// Recipients listed under "Nơi nhận", without the leading "- " or the final ";" (at most
    /// 30, each at most 150 characters).
    #[schemars(
        title = "Nơi nhận",
        description = "Mỗi ô một nơi nhận, không ghi dấu “-” đầu dòng và dấu “;” cuối dòng (tối đa 30)."
    )]
    #[schemars(length(min = 1, max = 30), inner(length(max = 150)))]
    pub recipients: Vec<String>,
    /// Where the original is filed: `["VT", "TM"]` prints "- Lưu: VT, TM.".
    #[schemars(title = "Lưu", description = "Nơi lưu bản chính, ví dụ “VT”, “TM”.")]
    #[schemars(length(min = 1, max = 10), inner(length(max = limits::NAME_CHARS)))]
    pub archive: Vec<String>,
    /// Next year's coordination program, which the agreement is made from.
    #[schemars(
        title = "Chương trình phối hợp năm sau",
        description = "Cần có để lập chương trình phối hợp."
    )]
    #[serde(default)]
    pub next_program: Option<Program>,
}

/// How a report names the partner organizations when the data does not say.
pub const DEFAULT_PARTNERS: &str = "các tổ chức chính trị - xã hội";

impl YearData {
    /// How the report names the partner organizations together.
    pub fn partners(&self) -> &str {
        self.partners.as_deref().unwrap_or(DEFAULT_PARTNERS)
    }
}

/// The issuing body and where it sits.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(extend("x-order" = ["parent", "name", "short_name", "abbreviation", "place"]))]
pub struct Issuer {
    /// The parent body (cơ quan chủ quản), e.g. "Bộ CHQS tỉnh Quảng Nam"; printed in capitals.
    #[schemars(
        title = "Cơ quan chủ quản",
        description = "Ví dụ “Bộ CHQS tỉnh Quảng Nam”; in chữ hoa."
    )]
    #[schemars(length(max = limits::NAME_CHARS))]
    pub parent: String,
    /// Full name, e.g. "Ban Chỉ huy Quân sự thành phố Tam Kỳ"; printed in capitals.
    #[schemars(
        title = "Tên cơ quan ban hành",
        description = "Tên đầy đủ, ví dụ “Ban Chỉ huy Quân sự thành phố Tam Kỳ”; in chữ hoa."
    )]
    #[schemars(length(max = limits::NAME_CHARS))]
    pub name: String,
    /// Short name used in running text, e.g. "Ban CHQS thành phố".
    #[schemars(
        title = "Tên gọi tắt",
        description = "Dùng trong câu văn, ví dụ “Ban CHQS thành phố”."
    )]
    #[schemars(length(max = limits::NAME_CHARS))]
    pub short_name: String,
    /// Abbreviation used in the document symbol (ký hiệu), e.g. "BCHQS": capital letters and
    /// digits, groups joined by '-'.
    #[schemars(
        title = "Chữ viết tắt trong ký hiệu",
        description = "Chữ in hoa và số, ví dụ “BCHQS”."
    )]
    #[schemars(regex(pattern = r"^[A-ZĐ0-9]+(-[A-ZĐ0-9]+)*$"), length(max = 12))]
    pub abbreviation: String,
    /// Place name for the date line, e.g. "Tam Kỳ".
    #[schemars(
        title = "Địa danh",
        description = "Ghi ở dòng ngày tháng, ví dụ “Tam Kỳ”."
    )]
    #[schemars(length(max = limits::NAME_CHARS))]
    pub place: String,
}

/// Number, date and kind of the document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(extend("x-order" = ["number", "date", "review", "first_year"]))]
pub struct DocumentInfo {
    /// Sequence number within the issuer's year, printed with a leading zero below 10.
    #[schemars(
        title = "Số văn bản",
        description = "Số thứ tự trong năm; dưới 10 in thêm số 0 (05)."
    )]
    #[schemars(range(min = 1, max = 9999))]
    pub number: u32,
    /// Date of issue (ISO 8601, YYYY-MM-DD).
    #[schemars(
        title = "Ngày ban hành",
        description = "Trong năm báo cáo hoặc năm sau."
    )]
    pub date: NaiveDate,
    /// The kind of review, which sets the title's period, section V and the closing sentence.
    #[schemars(title = "Loại báo cáo", description = "")]
    #[serde(default)]
    pub review: ReviewKind,
    /// The first year of the period a `tong_ket_giai_doan` report covers (the period ends with
    /// `year`): 2021 with year 2025 is "giai đoạn 2021-2025". Only with that kind.
    #[schemars(
        title = "Năm đầu giai đoạn",
        description = "Chỉ với báo cáo tổng kết giai đoạn, ví dụ 2021 cho giai đoạn 2021-2025."
    )]
    #[serde(default)]
    #[schemars(range(min = 1990, max = 2100))]
    pub first_year: Option<i32>,
}

impl DocumentInfo {
    /// The period the report covers: "6 tháng đầu năm 2022", "năm 2022", "giai đoạn
    /// 2021-2025".
    pub fn period(&self, year: i32) -> String {
        match self.review {
            ReviewKind::SoKet6Thang => format!("6 tháng đầu năm {year}"),
            ReviewKind::SoKet | ReviewKind::TongKet => format!("năm {year}"),
            ReviewKind::TongKetGiaiDoan => {
                format!("giai đoạn {}-{year}", self.first_year.unwrap_or(year))
            }
        }
    }

    /// The period the directions (section V) are for: the rest of the year after a six-month
    /// review, the next year, or the next period of the same length.
    pub fn next_period(&self, year: i32) -> String {
        match self.review {
            ReviewKind::SoKet6Thang => format!("6 tháng cuối năm {year}"),
            ReviewKind::SoKet | ReviewKind::TongKet => format!("năm {}", year + 1),
            ReviewKind::TongKetGiaiDoan => {
                let length = year - self.first_year.unwrap_or(year);
                format!("giai đoạn {}-{}", year + 1, year + 1 + length)
            }
        }
    }

    /// The period of the program the report is on: the year (a six-month review is on the
    /// year's program), or the whole period.
    pub fn program_period(&self, year: i32) -> String {
        match self.review {
            ReviewKind::SoKet6Thang => format!("năm {year}"),
            _ => self.period(year),
        }
    }
}

/// The kind of review the report is: `so_ket_6_thang`, `so_ket` (the year's), `tong_ket` (the
/// year's) or `tong_ket_giai_doan`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ReviewKind {
    /// Sơ kết 6 tháng đầu năm.
    #[serde(rename = "so_ket_6_thang")]
    #[schemars(title = "Sơ kết 6 tháng")]
    SoKet6Thang,
    /// Sơ kết năm.
    #[default]
    #[schemars(title = "Sơ kết")]
    SoKet,
    /// Tổng kết năm.
    #[schemars(title = "Tổng kết")]
    TongKet,
    /// Tổng kết giai đoạn (several years, from `document.first_year`).
    #[schemars(title = "Tổng kết giai đoạn")]
    TongKetGiaiDoan,
}

impl ReviewKind {
    /// The Vietnamese word, "sơ kết" or "tổng kết".
    pub fn word(self) -> &'static str {
        match self {
            ReviewKind::SoKet6Thang | ReviewKind::SoKet => "sơ kết",
            ReviewKind::TongKet | ReviewKind::TongKetGiaiDoan => "tổng kết",
        }
    }
}

/// The coordination program the report is on, as the opening cites it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(extend("x-order" = ["symbol", "date", "issued_by"]))]
#[schemars(title = "Chương trình phối hợp")]
pub struct ProgramReference {
    /// Its number and ký hiệu as printed on it, e.g. "01/CTr-BCHQS-CTXH".
    #[schemars(
        title = "Số, ký hiệu",
        description = "Như ghi trên văn bản, ví dụ 01/CTr-BCHQS-CTXH."
    )]
    #[schemars(length(min = 3, max = 60))]
    pub symbol: String,
    /// Its date of issue (ISO 8601).
    #[schemars(title = "Ngày ban hành", description = "")]
    pub date: NaiveDate,
    /// Who issued it, as the opening names them after "của": "Ban CHQS thành phố và các tổ
    /// chức chính trị - xã hội thành phố".
    #[schemars(
        title = "Cơ quan ban hành",
        description = "Như phần mở đầu ghi sau chữ “của”, ví dụ “Ban CHQS thành phố và các tổ chức chính trị - xã hội thành phố”."
    )]
    #[schemars(length(max = limits::LINE_CHARS))]
    pub issued_by: String,
}

/// The review meeting.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(extend("x-order" = ["date", "time_of_day", "place", "chaired_by"]))]
pub struct Meeting {
    /// Date of the meeting (ISO 8601).
    #[schemars(title = "Ngày hội nghị", description = "")]
    pub date: NaiveDate,
    /// The part of the day, printed before the date: "sáng ngày 02 tháng 11 năm 2022".
    #[schemars(
        title = "Buổi",
        description = "Sáng, chiều hoặc tối; để trống nếu không ghi."
    )]
    #[serde(default)]
    pub time_of_day: Option<TimeOfDay>,
    /// Where it was held.
    #[schemars(title = "Địa điểm", description = "")]
    #[schemars(length(max = limits::LINE_CHARS))]
    pub place: String,
    /// Who chaired it: still read from earlier files, never printed (a report does not say who
    /// chaired its meeting).
    #[schemars(
        title = "Người chủ trì",
        description = "Chỉ để lưu; báo cáo không ghi ai chủ trì."
    )]
    #[serde(default)]
    #[schemars(length(max = limits::NAME_CHARS))]
    pub chaired_by: Option<String>,
}

/// The part of the day a meeting is held in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub enum TimeOfDay {
    /// Sáng (morning).
    #[serde(rename = "sáng")]
    #[schemars(title = "Sáng")]
    Morning,
    /// Chiều (afternoon).
    #[serde(rename = "chiều")]
    #[schemars(title = "Chiều")]
    Afternoon,
    /// Tối (evening).
    #[serde(rename = "tối")]
    #[schemars(title = "Tối")]
    Evening,
}

impl TimeOfDay {
    /// The word as printed: "sáng", "chiều", "tối".
    pub fn word(self) -> &'static str {
        match self {
            TimeOfDay::Morning => "sáng",
            TimeOfDay::Afternoon => "chiều",
            TimeOfDay::Evening => "tối",
        }
    }
}

/// One partner organization and its activities.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(extend("x-order" = ["id", "name", "short_name", "activities"]))]
#[schemars(title = "Tổ chức")]
pub struct Organization {
    /// Stable identifier: lowercase ASCII letters, digits and '-', e.g. "hoi-lhpn".
    #[schemars(
        title = "Mã tổ chức",
        description = "Chữ thường không dấu, số và “-”, ví dụ “hoi-lhpn”."
    )]
    #[schemars(length(max = limits::NAME_CHARS))]
    pub id: String,
    /// Full name, e.g. "Hội Liên hiệp Phụ nữ thành phố".
    #[schemars(
        title = "Tên tổ chức",
        description = "Tên đầy đủ, ví dụ “Hội Liên hiệp Phụ nữ thành phố”."
    )]
    #[schemars(length(max = limits::NAME_CHARS))]
    pub name: String,
    /// Short name used in running text and tables, e.g. "Hội LHPN".
    #[schemars(
        title = "Tên gọi tắt",
        description = "Dùng trong câu văn và bảng, ví dụ “Hội LHPN”."
    )]
    #[schemars(length(max = limits::NAME_CHARS))]
    pub short_name: String,
    /// What it did in the year, in order.
    #[schemars(
        title = "Hoạt động",
        description = "Những việc tổ chức đã làm trong năm, theo thứ tự."
    )]
    #[schemars(length(min = 1, max = limits::ACTIVITIES))]
    pub activities: Vec<Activity>,
}

/// One activity: narrative text whose figures come from typed quantities.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(extend("x-order" = ["text", "quantities"]))]
#[schemars(title = "Hoạt động")]
pub struct Activity {
    /// The sentence as the report prints it. `{key}` stands for the quantity with that key,
    /// formatted with its qualifier and unit: "vận động quỹ xã hội {quy}" prints
    /// "vận động quỹ xã hội trên 200 triệu đồng".
    #[schemars(
        title = "Nội dung",
        description = "Câu văn như báo cáo in ra; {mã} là chỗ điền số liệu có mã đó, ví dụ “vận động quỹ xã hội {quy}”."
    )]
    #[schemars(length(max = limits::PARAGRAPH_CHARS))]
    pub text: String,
    /// The figures of this activity; totals are computed from them.
    #[schemars(
        title = "Số liệu",
        description = "Các số liệu của hoạt động; tổng cộng được tính từ đây."
    )]
    #[serde(default)]
    #[schemars(length(max = limits::FIGURES))]
    pub quantities: Vec<Quantity>,
}

/// Section I of the report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(extend("x-order" = ["overview", "advantages", "difficulties"]))]
pub struct Situation {
    /// Opening paragraphs on the program and the year.
    #[schemars(
        title = "Khái quát",
        description = "Các đoạn mở đầu; mỗi ô là một đoạn văn."
    )]
    #[schemars(length(min = 1, max = limits::PARAGRAPHS), inner(length(max = limits::PARAGRAPH_CHARS)))]
    pub overview: Vec<String>,
    /// Advantages (thuận lợi).
    #[schemars(title = "Thuận lợi", description = "Mỗi ô là một đoạn văn.")]
    #[schemars(length(min = 1, max = limits::PARAGRAPHS), inner(length(max = limits::PARAGRAPH_CHARS)))]
    pub advantages: Vec<String>,
    /// Difficulties (khó khăn).
    #[schemars(title = "Khó khăn", description = "Mỗi ô là một đoạn văn.")]
    #[schemars(length(min = 1, max = limits::PARAGRAPHS), inner(length(max = limits::PARAGRAPH_CHARS)))]
    pub difficulties: Vec<String>,
}

/// Commendations decided for the year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(extend("x-order" = ["awarded_by", "form", "collectives", "individuals"]))]
pub struct Commendations {
    /// Who awards them, e.g. "Ban Chỉ đạo phối hợp hoạt động thành phố".
    #[schemars(
        title = "Cấp khen thưởng",
        description = "Ví dụ “Ban Chỉ đạo phối hợp hoạt động thành phố”."
    )]
    #[schemars(length(max = limits::LINE_CHARS))]
    pub awarded_by: String,
    /// The form of award, e.g. "Giấy khen".
    #[schemars(title = "Hình thức khen thưởng", description = "Ví dụ “Giấy khen”.")]
    #[schemars(length(max = limits::NAME_CHARS))]
    pub form: String,
    /// Commended collectives.
    #[schemars(title = "Tập thể được khen thưởng", description = "")]
    #[schemars(length(max = limits::COMMENDEES))]
    pub collectives: Vec<Commendee>,
    /// Commended individuals.
    #[schemars(title = "Cá nhân được khen thưởng", description = "")]
    #[schemars(length(max = limits::COMMENDEES))]
    pub individuals: Vec<Commendee>,
}

/// One commended collective or individual.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(extend("x-order" = ["name", "position", "reason"]))]
#[schemars(title = "Tập thể, cá nhân")]
pub struct Commendee {
    /// Name of the collective, or full name of the person.
    #[schemars(title = "Tên", description = "Tên tập thể, hoặc họ và tên cá nhân.")]
    #[schemars(length(max = limits::NAME_CHARS))]
    pub name: String,
    /// For a person: position and unit, e.g. "Phó Bí thư Thành đoàn".
    #[schemars(
        title = "Chức vụ, đơn vị",
        description = "Với cá nhân, ví dụ “Phó Bí thư Thành đoàn”."
    )]
    #[serde(default)]
    #[schemars(length(max = limits::LINE_CHARS))]
    pub position: Option<String>,
    /// Why: "Đã có thành tích xuất sắc trong …".
    #[schemars(
        title = "Thành tích",
        description = "Ví dụ “Đã có thành tích xuất sắc trong …”."
    )]
    #[schemars(length(max = limits::PARAGRAPH_CHARS))]
    pub reason: String,
}

/// The signing authority prefix of Decree 30.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub enum Authority {
    /// TM. — on behalf of a collective.
    #[schemars(title = "TM. (thay mặt tập thể)")]
    #[serde(rename = "TM")]
    OnBehalfOf,
    /// KT. — a deputy signing for the head.
    #[schemars(title = "KT. (cấp phó ký thay)")]
    #[serde(rename = "KT")]
    Deputy,
    /// Q. — acting head.
    #[schemars(title = "Q. (quyền)")]
    #[serde(rename = "Q")]
    Acting,
    /// TL. — by order of the head.
    #[schemars(title = "TL. (thừa lệnh)")]
    #[serde(rename = "TL")]
    ByOrder,
    /// TUQ. — by delegated authority.
    #[schemars(title = "TUQ. (thừa ủy quyền)")]
    #[serde(rename = "TUQ")]
    Delegated,
}

impl Authority {
    /// The prefix as printed, with its dot: "KT.".
    pub fn prefix(self) -> &'static str {
        match self {
            Authority::OnBehalfOf => "TM.",
            Authority::Deputy => "KT.",
            Authority::Acting => "Q.",
            Authority::ByOrder => "TL.",
            Authority::Delegated => "TUQ.",
        }
    }
}

/// The person who signs, and in what capacity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(extend("x-order" = ["authority", "on_behalf_of", "title", "rank", "name"]))]
pub struct Signer {
    /// TM, KT, Q, TL or TUQ; omitted when the head signs in their own name.
    #[schemars(
        title = "Thẩm quyền ký",
        description = "Để trống khi người đứng đầu ký."
    )]
    #[serde(default)]
    pub authority: Option<Authority>,
    /// Whom the authority line names, e.g. "Chỉ huy trưởng" in "KT. CHỈ HUY TRƯỞNG".
    /// Required with TM, KT, TL and TUQ; not used with Q (which names `title` itself).
    #[schemars(
        title = "Ký thay cho",
        description = "Ví dụ “Chỉ huy trưởng” trong “KT. CHỈ HUY TRƯỞNG”; cần khi ký TM, KT, TL, TUQ."
    )]
    #[serde(default)]
    #[schemars(length(max = limits::NAME_CHARS))]
    pub on_behalf_of: Option<String>,
    /// The signer's own title, e.g. "Phó Chỉ huy trưởng".
    #[schemars(
        title = "Chức vụ người ký",
        description = "Ví dụ “Phó Chỉ huy trưởng”."
    )]
    #[schemars(length(max = limits::NAME_CHARS))]
    pub title: String,
    /// Military rank printed before the name, e.g. "Thượng tá".
    #[schemars(title = "Cấp bậc", description = "Ví dụ “Thượng tá”; có thể để trống.")]
    #[serde(default)]
    #[schemars(length(max = limits::NAME_CHARS))]
    pub rank: Option<String>,
    /// Full name, e.g. "Nguyễn Văn Hùng".
    #[schemars(title = "Họ và tên người ký", description = "")]
    #[schemars(length(max = limits::NAME_CHARS))]
    pub name: String,
}
