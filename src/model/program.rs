//! Next year's coordination program (chương trình phối hợp hoạt động): the parties that sign
//! it, the lines of work each leads, and how they report, typed.

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Quantity, Signer};

/// The program for the year after the one under review, signed by every party.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Program {
    /// Number, date and ký hiệu of the program.
    pub document: ProgramDocument,
    /// The signing parties, in the order of the header and the signature grid (2 to 10). The
    /// first leads the program and is named first in its title.
    #[schemars(length(min = 2, max = 10))]
    pub parties: Vec<Party>,
    /// How the title names the other parties together, e.g. "các tổ chức chính trị - xã hội
    /// thành phố": "… giữa Ban Chỉ huy Quân sự thành phố Tam Kỳ và <partners>".
    pub partners: String,
    /// Legal bases (căn cứ), one per line, each starting with its verb ("Căn cứ …", "Thực hiện
    /// …"), without the final ";" or ".".
    #[serde(default)]
    #[schemars(length(max = 12))]
    pub legal_bases: Vec<String>,
    /// Purposes (mục đích), one paragraph each.
    #[schemars(length(min = 1))]
    pub purposes: Vec<String>,
    /// Requirements (yêu cầu), one paragraph each.
    #[schemars(length(min = 1))]
    pub requirements: Vec<String>,
    /// The lines of work (nội dung phối hợp), in order (1 to 40).
    #[schemars(length(min = 1, max = 40))]
    pub items: Vec<ProgramItem>,
    /// What each party undertakes (trách nhiệm), in any order; each party at most once.
    #[schemars(length(min = 1))]
    pub responsibilities: Vec<Responsibility>,
    /// Liaison meetings and reviews.
    pub reporting: Reporting,
    /// Recipients listed under "Nơi nhận", without the leading "- " or the final ";" (at most
    /// 30, each at most 150 characters).
    #[schemars(length(min = 1, max = 30), inner(length(max = 150)))]
    pub recipients: Vec<String>,
    /// Where the originals are filed: `["VT"]` prints "- Lưu: VT.".
    #[schemars(length(min = 1, max = 10))]
    pub archive: Vec<String>,
}

/// Number, date and ký hiệu of the program.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ProgramDocument {
    /// Sequence number, printed with a leading zero below 10.
    #[schemars(range(min = 1, max = 9999))]
    pub number: u32,
    /// Date of signing (ISO 8601), in the year under review or the program's year.
    pub date: NaiveDate,
    /// The ký hiệu after "CTr-", e.g. "BCHQS-CTXH". Default: every party's abbreviation,
    /// joined by '-'.
    #[serde(default)]
    #[schemars(regex(pattern = r"^[A-ZĐ0-9]+(-[A-ZĐ0-9]+)*$"), length(max = 60))]
    pub code: Option<String>,
}

/// One signing party.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Party {
    /// Stable identifier: lowercase ASCII letters, digits and '-', e.g. "hoi-lhpn". Names the
    /// party's signature field ("sig-hoi-lhpn").
    pub id: String,
    /// Its parent body, e.g. "Hội LHPN tỉnh Quảng Nam"; printed in capitals, not bold.
    #[serde(default)]
    pub parent: Option<String>,
    /// Full name, e.g. "Hội Liên hiệp Phụ nữ thành phố Tam Kỳ"; printed in capitals, bold.
    pub name: String,
    /// Short name used in running text and the annex, e.g. "Hội LHPN thành phố".
    pub short_name: String,
    /// Abbreviation for the ký hiệu, e.g. "HLHPN".
    #[schemars(regex(pattern = r"^[A-ZĐ0-9]+(-[A-ZĐ0-9]+)*$"), length(max = 12))]
    pub abbreviation: String,
    /// Who signs for the party, e.g. TM. Ban Thường vụ, Chủ tịch.
    pub signer: Signer,
}

/// One line of work.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ProgramItem {
    /// A short title, e.g. "Tuyên truyền, giáo dục quốc phòng và an ninh".
    pub title: String,
    /// What the parties will do. `{key}` stands for the target with that key, formatted with
    /// its qualifier and unit, as in activity texts.
    pub text: String,
    /// Measurable targets (trees to plant, gift packages, funds to raise).
    #[serde(default)]
    pub targets: Vec<Quantity>,
    /// The id of the party that leads (chủ trì).
    pub lead: String,
    /// The ids of the co-operating parties (phối hợp); may be empty.
    #[serde(default)]
    pub partners: Vec<String>,
    /// When the work happens, as the program prints it, e.g. "Quý I năm 2023".
    pub time_frame: String,
    /// The date by which it is done, in the program's year.
    pub deadline: NaiveDate,
}

/// One party's responsibilities.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Responsibility {
    /// The party's id.
    pub party: String,
    /// What it undertakes, one paragraph each.
    #[schemars(length(min = 1))]
    pub tasks: Vec<String>,
}

/// Liaison meetings and reviews of the program.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Reporting {
    /// The id of the standing party that follows up and compiles the reports.
    pub secretariat: String,
    /// When the parties meet, e.g. "hằng quý, vào tuần cuối của tháng cuối quý".
    pub liaison: String,
    /// Date of the six-month review, in the program's year.
    pub midyear_review: NaiveDate,
    /// Date of the year-end review, in the program's year.
    pub year_end_review: NaiveDate,
}
