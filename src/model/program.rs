//! A year's coordination program (chương trình phối hợp hoạt động): the parties that sign
//! it, the lines of work each leads, and how they report, typed.

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Quantity, Signer, limits};

/// A year's program, signed by every party: next year's (`next_program`), from which the
/// agreement is made, or this year's (`program`), which the report measures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(extend("x-order" = ["document", "parties", "partners", "legal_bases", "purposes", "requirements", "items", "responsibilities", "reporting", "recipients", "archive"]))]
pub struct Program {
    /// Number, date and ký hiệu of the program.
    #[schemars(title = "Số, ngày chương trình", description = "")]
    pub document: ProgramDocument,
    /// The signing parties, in the order of the header and the signature grid (2 to 10). The
    /// first leads the program and is named first in its title.
    #[schemars(
        title = "Các bên ký",
        description = "Từ 2 đến 10 bên; bên đầu tiên chủ trì."
    )]
    #[schemars(length(min = 2, max = 10))]
    pub parties: Vec<Party>,
    /// How the title names the other parties together, e.g. "các tổ chức chính trị - xã hội
    /// thành phố": "… giữa Ban Chỉ huy Quân sự thành phố Tam Kỳ với <partners>".
    #[schemars(
        title = "Tên gọi chung các bên phối hợp",
        description = "Ví dụ “các tổ chức chính trị - xã hội thành phố”."
    )]
    #[schemars(length(max = limits::LINE_CHARS))]
    pub partners: String,
    /// Legal bases (căn cứ), one per line, each starting with its verb ("Căn cứ …", "Thực hiện
    /// …"), without the final ";" or ".".
    #[schemars(
        title = "Căn cứ",
        description = "Mỗi ô một căn cứ, bắt đầu bằng “Căn cứ”, “Thực hiện”…, không có dấu câu cuối."
    )]
    #[serde(default)]
    #[schemars(length(max = 12), inner(length(max = limits::LINE_CHARS)))]
    pub legal_bases: Vec<String>,
    /// Purposes (mục đích), one paragraph each.
    #[schemars(title = "Mục đích", description = "Mỗi ô là một đoạn văn.")]
    #[schemars(length(min = 1, max = limits::PARAGRAPHS), inner(length(max = limits::PARAGRAPH_CHARS)))]
    pub purposes: Vec<String>,
    /// Requirements (yêu cầu), one paragraph each.
    #[schemars(title = "Yêu cầu", description = "Mỗi ô là một đoạn văn.")]
    #[schemars(length(min = 1, max = limits::PARAGRAPHS), inner(length(max = limits::PARAGRAPH_CHARS)))]
    pub requirements: Vec<String>,
    /// The lines of work (nội dung phối hợp), in order (1 to 40).
    #[schemars(title = "Nội dung phối hợp", description = "")]
    #[schemars(length(min = 1, max = 40))]
    pub items: Vec<ProgramItem>,
    /// What each party undertakes (trách nhiệm), in any order; each party at most once.
    #[schemars(title = "Trách nhiệm các bên", description = "")]
    #[schemars(length(min = 1, max = 10))]
    pub responsibilities: Vec<Responsibility>,
    /// Liaison meetings and reviews.
    #[schemars(title = "Chế độ thông tin, báo cáo", description = "")]
    pub reporting: Reporting,
    /// Recipients listed under "Nơi nhận", without the leading "- " or the final ";" (at most
    /// 30, each at most 150 characters).
    #[schemars(title = "Nơi nhận", description = "Mỗi ô một nơi nhận (tối đa 30).")]
    #[schemars(length(min = 1, max = 30), inner(length(max = 150)))]
    pub recipients: Vec<String>,
    /// Where the originals are filed: `["VT"]` prints "- Lưu: VT.".
    #[schemars(title = "Lưu", description = "")]
    #[schemars(length(min = 1, max = 10), inner(length(max = limits::NAME_CHARS)))]
    pub archive: Vec<String>,
}

impl Program {
    /// Number and ký hiệu as printed on it: "01/CTr-BCHQS-CTXH" (C9); the ký hiệu joins the
    /// parties' abbreviations when `code` is not given.
    pub fn symbol(&self) -> String {
        let code = self.document.code.clone().unwrap_or_else(|| {
            let abbreviations: Vec<&str> = self
                .parties
                .iter()
                .map(|party| party.abbreviation.as_str())
                .collect();
            abbreviations.join("-")
        });
        format!("{:02}/CTr-{code}", self.document.number)
    }

    /// Who issued it, as a report names them after "của": the leading party's short name and
    /// the others together, "Ban CHQS thành phố và các tổ chức chính trị - xã hội thành phố".
    pub fn issuers(&self) -> String {
        format!("{} và {}", self.parties[0].short_name, self.partners)
    }
}

/// Number, date and ký hiệu of the program.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(extend("x-order" = ["number", "date", "code"]))]
pub struct ProgramDocument {
    /// Sequence number, printed with a leading zero below 10.
    #[schemars(title = "Số chương trình", description = "")]
    #[schemars(range(min = 1, max = 9999))]
    pub number: u32,
    /// Date of signing (ISO 8601), in the year under review or the program's year.
    #[schemars(title = "Ngày ký", description = "")]
    pub date: NaiveDate,
    /// The ký hiệu after "CTr-", e.g. "BCHQS-CTXH". Default: every party's abbreviation,
    /// joined by '-'.
    #[schemars(
        title = "Ký hiệu sau “CTr-”",
        description = "Để trống thì ghép chữ viết tắt của các bên."
    )]
    #[serde(default)]
    #[schemars(regex(pattern = r"^[A-ZĐ0-9]+(-[A-ZĐ0-9]+)*$"), length(max = 60))]
    pub code: Option<String>,
}

/// One signing party.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(extend("x-order" = ["id", "parent", "name", "short_name", "abbreviation", "signer"]))]
#[schemars(title = "Bên ký")]
pub struct Party {
    /// Stable identifier: lowercase ASCII letters, digits and '-', e.g. "hoi-lhpn". Names the
    /// party's signature field ("sig-hoi-lhpn").
    #[schemars(
        title = "Mã bên ký",
        description = "Chữ thường không dấu, số và “-”, ví dụ “hoi-lhpn”."
    )]
    #[schemars(length(max = limits::NAME_CHARS))]
    pub id: String,
    /// Its parent body, e.g. "Hội LHPN tỉnh Quảng Nam"; printed in capitals, not bold.
    #[schemars(title = "Cơ quan cấp trên", description = "Có thể để trống.")]
    #[serde(default)]
    #[schemars(length(max = limits::NAME_CHARS))]
    pub parent: Option<String>,
    /// Full name, e.g. "Hội Liên hiệp Phụ nữ thành phố Tam Kỳ"; printed in capitals, bold.
    #[schemars(title = "Tên đầy đủ", description = "")]
    #[schemars(length(max = limits::NAME_CHARS))]
    pub name: String,
    /// Short name used in running text and the annex, e.g. "Hội LHPN thành phố".
    #[schemars(title = "Tên gọi tắt", description = "")]
    #[schemars(length(max = limits::NAME_CHARS))]
    pub short_name: String,
    /// Abbreviation for the ký hiệu, e.g. "HLHPN".
    #[schemars(title = "Chữ viết tắt", description = "Chữ in hoa, ví dụ “HLHPN”.")]
    #[schemars(regex(pattern = r"^[A-ZĐ0-9]+(-[A-ZĐ0-9]+)*$"), length(max = 12))]
    pub abbreviation: String,
    /// Who signs for the party, e.g. TM. Ban Thường vụ, Chủ tịch.
    #[schemars(title = "Người ký", description = "")]
    pub signer: Signer,
}

/// One line of work.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(extend("x-order" = ["title", "text", "targets", "lead", "partners", "time_frame", "deadline"]))]
#[schemars(title = "Nội dung phối hợp")]
pub struct ProgramItem {
    /// A short title, e.g. "Tuyên truyền, giáo dục quốc phòng và an ninh".
    #[schemars(title = "Tên nội dung", description = "")]
    #[schemars(length(max = limits::LINE_CHARS))]
    pub title: String,
    /// What the parties will do. `{key}` stands for the target with that key, formatted with
    /// its qualifier and unit, as in activity texts.
    #[schemars(
        title = "Nội dung",
        description = "{mã} là chỗ điền chỉ tiêu có mã đó."
    )]
    #[schemars(length(max = limits::PARAGRAPH_CHARS))]
    pub text: String,
    /// Measurable targets (trees to plant, gift packages, funds to raise).
    #[schemars(title = "Chỉ tiêu", description = "")]
    #[serde(default)]
    #[schemars(length(max = limits::FIGURES))]
    pub targets: Vec<Quantity>,
    /// The id of the party that leads (chủ trì).
    #[schemars(title = "Bên chủ trì (mã)", description = "")]
    #[schemars(length(max = limits::NAME_CHARS))]
    pub lead: String,
    /// The ids of the co-operating parties (phối hợp); may be empty.
    #[schemars(title = "Các bên phối hợp (mã)", description = "")]
    #[serde(default)]
    #[schemars(length(max = 10), inner(length(max = limits::NAME_CHARS)))]
    pub partners: Vec<String>,
    /// When the work happens, as the program prints it, e.g. "Quý I năm 2023".
    #[schemars(title = "Thời gian", description = "Ví dụ “Quý I năm 2023”.")]
    #[schemars(length(max = limits::NAME_CHARS))]
    pub time_frame: String,
    /// The date by which it is done, in the program's year.
    #[schemars(title = "Hạn hoàn thành", description = "")]
    pub deadline: NaiveDate,
}

/// One party's responsibilities.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(extend("x-order" = ["party", "tasks"]))]
#[schemars(title = "Trách nhiệm của một bên")]
pub struct Responsibility {
    /// The party's id.
    #[schemars(title = "Bên (mã)", description = "")]
    #[schemars(length(max = limits::NAME_CHARS))]
    pub party: String,
    /// What it undertakes, one paragraph each.
    #[schemars(title = "Nhiệm vụ", description = "Mỗi ô là một đoạn văn.")]
    #[schemars(length(min = 1, max = limits::PARAGRAPHS), inner(length(max = limits::PARAGRAPH_CHARS)))]
    pub tasks: Vec<String>,
}

/// Liaison meetings and reviews of the program.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(extend("x-order" = ["secretariat", "liaison", "midyear_review", "year_end_review"]))]
pub struct Reporting {
    /// The id of the standing party that follows up and compiles the reports.
    #[schemars(title = "Bên thường trực (mã)", description = "")]
    #[schemars(length(max = limits::NAME_CHARS))]
    pub secretariat: String,
    /// When the parties meet, e.g. "hằng quý, vào tuần cuối của tháng cuối quý".
    #[schemars(
        title = "Giao ban",
        description = "Ví dụ “hằng quý, vào tuần cuối của tháng cuối quý”."
    )]
    #[schemars(length(max = limits::LINE_CHARS))]
    pub liaison: String,
    /// Date of the six-month review, in the program's year.
    #[schemars(title = "Ngày sơ kết 6 tháng", description = "")]
    pub midyear_review: NaiveDate,
    /// Date of the year-end review, in the program's year.
    #[schemars(title = "Ngày tổng kết năm", description = "")]
    pub year_end_review: NaiveDate,
}
