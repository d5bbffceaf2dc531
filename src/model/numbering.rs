//! A document's place in its issuer's series (Decree 30, art. 15): its number, its số và ký
//! hiệu as printed, and its date, whose year is the series.

use chrono::NaiveDate;

use super::YearData;
use crate::DocumentKind;

/// How a document is numbered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Numbering {
    /// Its number in the series.
    pub number: u32,
    /// Số và ký hiệu as printed after "Số:", e.g. "05/BC-BCHQS".
    pub symbol: String,
    /// Its date of issue.
    pub date: NaiveDate,
}

impl YearData {
    /// The report's số và ký hiệu: "05/BC-BCHQS" (C9).
    pub fn report_symbol(&self) -> String {
        format!(
            "{:02}/BC-{}",
            self.document.number, self.issuer.abbreviation
        )
    }

    /// How the document of `kind` made from this data is numbered; the agreement has none
    /// without next year's program.
    pub fn numbering(&self, kind: DocumentKind) -> Option<Numbering> {
        match kind {
            DocumentKind::Report => Some(Numbering {
                number: self.document.number,
                symbol: self.report_symbol(),
                date: self.document.date,
            }),
            DocumentKind::Agreement => self.next_program.as_ref().map(|program| Numbering {
                number: program.document.number,
                symbol: program.symbol(),
                date: program.document.date,
            }),
        }
    }
}
