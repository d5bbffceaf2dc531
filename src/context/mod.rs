//! The values a document template sees: the year data as given, plus what is computed from it
//! (document symbols, signature lines, totals, tables), so that templates never add numbers or
//! assemble official formulas themselves. One module per document kind.

mod agreement;
mod plan;
mod report;

pub use agreement::{AgreementContext, ItemView, PartyView};
pub use plan::{PlanGroup, PlanRow, PlanView};
pub use report::{FigureGroup, FigureRow, ReportContext, Rollup, TotalView, WardRow, money_total};

use serde::Serialize;

use crate::model::{Authority, Signer};
use crate::vn;

/// The signature block's lines (C21, C22), in capitals where Decree 30 wants them.
#[derive(Debug, Serialize)]
pub struct SignatureView {
    /// "KT. CHỈ HUY TRƯỞNG", or none when the head signs in their own name.
    pub authority: Option<String>,
    /// "PHÓ CHỈ HUY TRƯỞNG", or "Q. CHỈ HUY TRƯỞNG" for an acting head.
    pub title: String,
    /// "Thượng tá Đoàn Văn Quang": rank, then name.
    pub name: String,
}

impl SignatureView {
    /// The lines for `signer`.
    pub fn new(signer: &Signer) -> Self {
        let title = vn::upper(&signer.title);
        let (authority, title) = match (signer.authority, &signer.on_behalf_of) {
            (Some(Authority::Acting), _) => (None, format!("Q. {title}")),
            (Some(authority), Some(whom)) => (
                Some(format!("{} {}", authority.prefix(), vn::upper(whom))),
                title,
            ),
            _ => (None, title),
        };
        let name = match &signer.rank {
            Some(rank) => format!("{rank} {}", signer.name),
            None => signer.name.clone(),
        };
        SignatureView {
            authority,
            title,
            name,
        }
    }
}

/// Font families as a Typst array literal: `("Times New Roman", "Tinos",)`.
pub(crate) fn typst_array(items: &[&str]) -> String {
    let items: Vec<String> = items
        .iter()
        .map(|item| crate::template::string_literal(item))
        .collect();
    format!("({},)", items.join(", "))
}
