//! The agreement's context: the program's symbol, every party with its signature lines and
//! signature field, each item with its lead and partners by name.

use serde::Serialize;

use super::{SignatureView, typst_array};
use crate::model::{Authority, Party, Program, ProgramItem, Quantity, YearData, placeholders};
use crate::vn;

/// How running text and the annex name the partners of an item that involves every party.
const ALL_OTHER_PARTIES: &str = "các bên còn lại";

/// Everything the agreement template receives.
#[derive(Debug, Serialize)]
pub struct AgreementContext<'a> {
    /// The year data exactly as validated.
    pub data: &'a YearData,
    /// Its program (`data.next_program`).
    pub program: &'a Program,
    /// Font families in order of preference, as a Typst array literal.
    pub fonts: String,
    /// The program's year, the one after the year under review.
    pub year: i32,
    /// Number and ký hiệu: "01/CTr-BCHQS-MTTQ-…" (C9).
    pub symbol: String,
    /// The leading party, named first in the title.
    pub lead: &'a Party,
    /// Every party, in order, with its signature.
    pub parties: Vec<PartyView<'a>>,
    /// The items, with their parties by name.
    pub items: Vec<ItemView<'a>>,
    /// The standing party that follows up and reports.
    pub secretariat: &'a Party,
}

/// A signing party as the header and the signature grid show it.
#[derive(Debug, Serialize)]
pub struct PartyView<'a> {
    /// The party as given.
    #[serde(flatten)]
    pub party: &'a Party,
    /// The bold lines above its signing space: "TM. BAN THƯỜNG VỤ", "HỘI LHPN THÀNH PHỐ",
    /// "CHỦ TỊCH" for a collective; the party first otherwise ("BAN CHQS THÀNH PHỐ",
    /// "CHỈ HUY TRƯỞNG").
    pub heading: Vec<String>,
    /// The signer's name, after their rank.
    pub signer_name: String,
    /// The name of its PDF signature field: "sig-" and its id.
    pub field: String,
    /// What it undertakes (empty when the program lists nothing for it).
    pub tasks: &'a [String],
}

/// A program item with its parties by short name.
#[derive(Debug, Serialize)]
pub struct ItemView<'a> {
    /// The item as given.
    #[serde(flatten)]
    pub item: &'a ProgramItem,
    /// The lead party's short name.
    pub lead_name: &'a str,
    /// The partners' short names joined by ", ", "các bên còn lại" when every other party
    /// takes part, or none.
    pub partner_names: Option<String>,
    /// The targets its text does not mention, listed after it.
    pub other_targets: Vec<&'a Quantity>,
}

impl<'a> PartyView<'a> {
    fn new(party: &'a Party, program: &'a Program) -> Self {
        let SignatureView {
            authority,
            title,
            name,
        } = SignatureView::new(&party.signer);
        let own_name = vn::upper(&party.short_name);
        let heading = match authority {
            Some(authority) if party.signer.authority == Some(Authority::OnBehalfOf) => {
                vec![authority, own_name, title]
            }
            Some(authority) => vec![own_name, authority, title],
            None => vec![own_name, title],
        };
        PartyView {
            party,
            heading,
            signer_name: name,
            field: format!("sig-{}", party.id),
            tasks: program
                .responsibilities
                .iter()
                .find(|responsibility| responsibility.party == party.id)
                .map_or(&[], |responsibility| &responsibility.tasks),
        }
    }
}

impl<'a> AgreementContext<'a> {
    /// Computes the context for `data` and its `program`, with `fonts` as preferred families.
    pub fn new(data: &'a YearData, program: &'a Program, fonts: &[&str]) -> Self {
        let party = |id: &str| {
            program
                .parties
                .iter()
                .find(|party| party.id == id)
                .expect("validation checked every party id")
        };
        let parties = program
            .parties
            .iter()
            .map(|party| PartyView::new(party, program))
            .collect();
        let items = program
            .items
            .iter()
            .map(|item| ItemView {
                item,
                lead_name: &party(&item.lead).short_name,
                partner_names: match item.partners.len() {
                    0 => None,
                    n if n + 1 == program.parties.len() => Some(ALL_OTHER_PARTIES.to_owned()),
                    _ => Some(
                        item.partners
                            .iter()
                            .map(|id| party(id).short_name.as_str())
                            .collect::<Vec<_>>()
                            .join(", "),
                    ),
                },
                other_targets: {
                    let mentioned: Vec<&str> = placeholders(&item.text).collect();
                    item.targets
                        .iter()
                        .filter(|target| !mentioned.contains(&target.key.as_str()))
                        .collect()
                },
            })
            .collect();
        AgreementContext {
            data,
            program,
            fonts: typst_array(fonts),
            year: data.year + 1,
            symbol: program.symbol(),
            lead: &program.parties[0],
            parties,
            items,
            secretariat: party(&program.reporting.secretariat),
        }
    }
}
