//! The year data: what a city's Ban CHQS and its partner organizations did in one year, typed.
//!
//! Types here mirror the JSON input one to one (`deny_unknown_fields` everywhere, so a typo
//! never drops data). Loading, validation and the JSON Schema live in the submodules.

mod load;
mod placeholder;
mod program;
mod quantity;
mod schema;
mod validate;

pub use load::{
    DataError, InvalidData, child_path, parse_json, parse_year_data, walk_strings,
    year_data_from_value,
};
pub use placeholder::{fill_placeholders, placeholders};
pub use program::{Party, Program, ProgramDocument, ProgramItem, Reporting, Responsibility};
pub use quantity::{Bound, Qualifier, Quantity, QuantityValue, Total};
pub use schema::year_data_schema;

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Everything one year-end report and next year's coordination program are made from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(extend("x-order" = ["issuer", "year", "document", "review_meeting", "organizations", "situation", "general_results", "shortcomings", "causes", "lessons", "directions", "proposals", "commendations", "signer", "recipients", "archive", "next_program"]))]
pub struct YearData {
    /// The body that issues the documents (the city's Ban CHQS).
    #[schemars(title = "Cơ quan ban hành", description = "")]
    pub issuer: Issuer,
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
    #[schemars(length(min = 1))]
    pub general_results: Vec<String>,
    /// Shortcomings (tồn tại, hạn chế), one paragraph each.
    #[schemars(title = "Tồn tại, hạn chế", description = "Mỗi ô là một đoạn văn.")]
    #[schemars(length(min = 1))]
    pub shortcomings: Vec<String>,
    /// Causes of the shortcomings, one paragraph each.
    #[schemars(
        title = "Nguyên nhân",
        description = "Nguyên nhân của tồn tại, hạn chế; mỗi ô là một đoạn văn."
    )]
    #[schemars(length(min = 1))]
    pub causes: Vec<String>,
    /// Lessons learned (bài học kinh nghiệm), one paragraph each.
    #[schemars(title = "Bài học kinh nghiệm", description = "Mỗi ô là một đoạn văn.")]
    #[schemars(length(min = 1))]
    pub lessons: Vec<String>,
    /// Directions and tasks for the next year, one paragraph each.
    #[schemars(
        title = "Phương hướng, nhiệm vụ năm tới",
        description = "Mỗi ô là một đoạn văn."
    )]
    #[schemars(length(min = 1))]
    pub directions: Vec<String>,
    /// Proposals to higher bodies (đề xuất, kiến nghị); the section is left out when empty.
    #[schemars(
        title = "Đề xuất, kiến nghị",
        description = "Có thể để trống: khi đó báo cáo không có mục này."
    )]
    #[serde(default)]
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
        description = "Mỗi ô một nơi nhận, không ghi dấu \"-\" đầu dòng và dấu \";\" cuối dòng (tối đa 30)."
    )]
    #[schemars(length(min = 1, max = 30), inner(length(max = 150)))]
    pub recipients: Vec<String>,
    /// Where the original is filed: `["VT", "TM"]` prints "- Lưu: VT, TM.".
    #[schemars(
        title = "Lưu",
        description = "Nơi lưu bản chính, ví dụ \"VT\", \"TM\"."
    )]
    #[schemars(length(min = 1, max = 10))]
    pub archive: Vec<String>,
    /// Next year's coordination program, which the agreement is made from.
    #[schemars(
        title = "Chương trình phối hợp năm sau",
        description = "Cần có để lập chương trình phối hợp."
    )]
    #[serde(default)]
    pub next_program: Option<Program>,
}

/// The issuing body and where it sits.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(extend("x-order" = ["parent", "name", "short_name", "abbreviation", "place"]))]
pub struct Issuer {
    /// The parent body (cơ quan chủ quản), e.g. "Bộ CHQS tỉnh Quảng Nam"; printed in capitals.
    #[schemars(
        title = "Cơ quan chủ quản",
        description = "Ví dụ \"Bộ CHQS tỉnh Quảng Nam\"; in chữ hoa."
    )]
    pub parent: String,
    /// Full name, e.g. "Ban Chỉ huy Quân sự thành phố Tam Kỳ"; printed in capitals.
    #[schemars(
        title = "Tên cơ quan ban hành",
        description = "Tên đầy đủ, ví dụ \"Ban Chỉ huy Quân sự thành phố Tam Kỳ\"; in chữ hoa."
    )]
    pub name: String,
    /// Short name used in running text, e.g. "Ban CHQS thành phố".
    #[schemars(
        title = "Tên gọi tắt",
        description = "Dùng trong câu văn, ví dụ \"Ban CHQS thành phố\"."
    )]
    pub short_name: String,
    /// Abbreviation used in the document symbol (ký hiệu), e.g. "BCHQS": capital letters and
    /// digits, groups joined by '-'.
    #[schemars(
        title = "Chữ viết tắt trong ký hiệu",
        description = "Chữ in hoa và số, ví dụ \"BCHQS\"."
    )]
    #[schemars(regex(pattern = r"^[A-ZĐ0-9]+(-[A-ZĐ0-9]+)*$"), length(max = 12))]
    pub abbreviation: String,
    /// Place name for the date line, e.g. "Tam Kỳ".
    #[schemars(
        title = "Địa danh",
        description = "Ghi ở dòng ngày tháng, ví dụ \"Tam Kỳ\"."
    )]
    pub place: String,
}

/// Number, date and kind of the document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(extend("x-order" = ["number", "date", "review"]))]
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
    /// Interim review (sơ kết) or final review (tổng kết).
    #[schemars(title = "Loại báo cáo", description = "")]
    #[serde(default)]
    pub review: ReviewKind,
}

/// Whether the report is an interim or a final review.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ReviewKind {
    /// Báo cáo sơ kết.
    #[default]
    #[schemars(title = "Sơ kết")]
    SoKet,
    /// Báo cáo tổng kết.
    #[schemars(title = "Tổng kết")]
    TongKet,
}

impl ReviewKind {
    /// The Vietnamese word, "sơ kết" or "tổng kết".
    pub fn word(self) -> &'static str {
        match self {
            ReviewKind::SoKet => "sơ kết",
            ReviewKind::TongKet => "tổng kết",
        }
    }
}

/// The review meeting.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(extend("x-order" = ["date", "place", "chaired_by"]))]
pub struct Meeting {
    /// Date of the meeting (ISO 8601).
    #[schemars(title = "Ngày hội nghị", description = "")]
    pub date: NaiveDate,
    /// Where it was held.
    #[schemars(title = "Địa điểm", description = "")]
    pub place: String,
    /// Who chaired it, if recorded.
    #[schemars(title = "Người chủ trì", description = "Có thể để trống.")]
    #[serde(default)]
    pub chaired_by: Option<String>,
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
        description = "Chữ thường không dấu, số và \"-\", ví dụ \"hoi-lhpn\"."
    )]
    pub id: String,
    /// Full name, e.g. "Hội Liên hiệp Phụ nữ thành phố".
    #[schemars(
        title = "Tên tổ chức",
        description = "Tên đầy đủ, ví dụ \"Hội Liên hiệp Phụ nữ thành phố\"."
    )]
    pub name: String,
    /// Short name used in running text and tables, e.g. "Hội LHPN".
    #[schemars(
        title = "Tên gọi tắt",
        description = "Dùng trong câu văn và bảng, ví dụ \"Hội LHPN\"."
    )]
    pub short_name: String,
    /// What it did in the year, in order.
    #[schemars(
        title = "Hoạt động",
        description = "Những việc tổ chức đã làm trong năm, theo thứ tự."
    )]
    #[schemars(length(min = 1))]
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
        description = "Câu văn như báo cáo in ra; {mã} là chỗ điền số liệu có mã đó, ví dụ \"vận động quỹ xã hội {quy}\"."
    )]
    pub text: String,
    /// The figures of this activity; totals are computed from them.
    #[schemars(
        title = "Số liệu",
        description = "Các số liệu của hoạt động; tổng cộng được tính từ đây."
    )]
    #[serde(default)]
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
    #[schemars(length(min = 1))]
    pub overview: Vec<String>,
    /// Advantages (thuận lợi).
    #[schemars(title = "Thuận lợi", description = "Mỗi ô là một đoạn văn.")]
    #[schemars(length(min = 1))]
    pub advantages: Vec<String>,
    /// Difficulties (khó khăn).
    #[schemars(title = "Khó khăn", description = "Mỗi ô là một đoạn văn.")]
    #[schemars(length(min = 1))]
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
        description = "Ví dụ \"Ban Chỉ đạo phối hợp hoạt động thành phố\"."
    )]
    pub awarded_by: String,
    /// The form of award, e.g. "Giấy khen".
    #[schemars(title = "Hình thức khen thưởng", description = "Ví dụ \"Giấy khen\".")]
    pub form: String,
    /// Commended collectives.
    #[schemars(title = "Tập thể được khen thưởng", description = "")]
    pub collectives: Vec<Commendee>,
    /// Commended individuals.
    #[schemars(title = "Cá nhân được khen thưởng", description = "")]
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
    pub name: String,
    /// For a person: position and unit, e.g. "Phó Bí thư Thành đoàn".
    #[schemars(
        title = "Chức vụ, đơn vị",
        description = "Với cá nhân, ví dụ \"Phó Bí thư Thành đoàn\"."
    )]
    #[serde(default)]
    pub position: Option<String>,
    /// Why: "Đã có thành tích xuất sắc trong …".
    #[schemars(
        title = "Thành tích",
        description = "Ví dụ \"Đã có thành tích xuất sắc trong …\"."
    )]
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
        description = "Ví dụ \"Chỉ huy trưởng\" trong \"KT. CHỈ HUY TRƯỞNG\"; cần khi ký TM, KT, TL, TUQ."
    )]
    #[serde(default)]
    pub on_behalf_of: Option<String>,
    /// The signer's own title, e.g. "Phó Chỉ huy trưởng".
    #[schemars(
        title = "Chức vụ người ký",
        description = "Ví dụ \"Phó Chỉ huy trưởng\"."
    )]
    pub title: String,
    /// Military rank printed before the name, e.g. "Thượng tá".
    #[schemars(
        title = "Cấp bậc",
        description = "Ví dụ \"Thượng tá\"; có thể để trống."
    )]
    #[serde(default)]
    pub rank: Option<String>,
    /// Full name, e.g. "Nguyễn Văn Hùng".
    #[schemars(title = "Họ và tên người ký", description = "")]
    pub name: String,
}
