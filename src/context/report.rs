//! The report's context: document symbol, signature, totals and the table of figures.

use serde::Serialize;

use super::{SignatureView, typst_array};
use crate::model::{Organization, Quantity, QuantityValue, Total, YearData};

/// A computed total as templates see it.
#[derive(Debug, Serialize)]
pub struct TotalView {
    /// The sum.
    pub value: u64,
    /// "trên", "gần", "khoảng", or none when exact.
    pub qualifier: Option<&'static str>,
}

impl From<Total> for TotalView {
    fn from(total: Total) -> Self {
        TotalView {
            value: total.value,
            qualifier: total.word(),
        }
    }
}

/// A count total for one unit, e.g. all "suất quà" together.
#[derive(Debug, Serialize)]
pub struct CountTotal {
    /// What is counted.
    pub unit: String,
    /// How many, and how exact.
    pub total: TotalView,
    /// How many figures were added up.
    pub entries: usize,
}

/// The figures of one organization, for the table of figures.
#[derive(Debug, Serialize)]
pub struct FigureGroup<'a> {
    /// The organization's short name.
    pub organization: &'a str,
    /// Its figures, activity by activity.
    pub quantities: Vec<&'a Quantity>,
}

/// Everything the report template receives.
#[derive(Debug, Serialize)]
pub struct ReportContext<'a> {
    /// The year data exactly as validated.
    pub data: &'a YearData,
    /// Font families in order of preference, as a Typst array literal.
    pub fonts: String,
    /// "sơ kết" or "tổng kết".
    pub review: &'static str,
    /// Number and ký hiệu: "05/BC-BCHQS" (C9).
    pub symbol: String,
    /// The next year, for section V.
    pub next_year: i32,
    /// The signature block.
    pub signature: SignatureView,
    /// Money over all organizations; none when no figure is money.
    pub money_total: Option<TotalView>,
    /// Counts over all organizations, per unit, in order of first appearance.
    pub count_totals: Vec<CountTotal>,
    /// The figures of each organization that has any, in the order of `data.organizations`.
    pub figure_groups: Vec<FigureGroup<'a>>,
    /// How the report names the partner organizations together: "các tổ chức chính trị - xã
    /// hội thành phố".
    pub partners: &'a str,
    /// For a roll-up of wards' reports: what it says of them; none otherwise.
    pub rollup: Option<&'a Rollup>,
}

/// What a roll-up report says of the units it rolls up, named from the kinds present.
#[derive(Debug, Clone, Serialize)]
pub struct Rollup {
    /// "xã, thị trấn", "phường, xã", "huyện, thị xã, thành phố".
    pub units: String,
    /// The same as a table heading: "Xã, thị trấn".
    pub units_heading: String,
    /// Their commands together: "Ban CHQS các xã, thị trấn".
    pub lead: String,
    /// How many of them the roll-up includes.
    pub included: usize,
    /// Whether the batch gave the roll-up its own situation (section I); else section I says
    /// only what the roll-up is.
    pub situation_given: bool,
    /// One row per unit.
    pub wards: Vec<WardRow>,
}

/// One ward in a roll-up's table of wards.
#[derive(Debug, Clone, Serialize)]
pub struct WardRow {
    /// "Phường An Mỹ".
    pub name: String,
    /// Its money figures added up; none when it has none.
    pub money: Option<u64>,
    /// False when its data was not valid, so that the roll-up leaves it out.
    pub included: bool,
}

impl<'a> ReportContext<'a> {
    /// Computes the context for `data`, with `fonts` as preferred font families.
    pub fn new(data: &'a YearData, fonts: &[&str]) -> Self {
        let quantities = || data.organizations.iter().flat_map(organization_quantities);
        let figure_groups = data
            .organizations
            .iter()
            .map(|organization| FigureGroup {
                organization: &organization.short_name,
                quantities: organization_quantities(organization).collect(),
            })
            .filter(|group| !group.quantities.is_empty())
            .collect();
        ReportContext {
            data,
            fonts: typst_array(fonts),
            review: data.document.review.word(),
            symbol: format!(
                "{:02}/BC-{}",
                data.document.number, data.issuer.abbreviation
            ),
            next_year: data.year + 1,
            signature: SignatureView::new(&data.signer),
            money_total: unless_empty(money_total(quantities())),
            count_totals: count_totals(quantities()),
            figure_groups,
            partners: data.partners(),
            rollup: None,
        }
    }

    /// The context of a roll-up: `data` holds the sums, `rollup` what it says of its wards.
    pub fn rollup(data: &'a YearData, fonts: &[&str], rollup: &'a Rollup) -> Self {
        ReportContext {
            rollup: Some(rollup),
            ..ReportContext::new(data, fonts)
        }
    }
}

/// A total as templates see it, or none when nothing was added up.
fn unless_empty(total: Total) -> Option<TotalView> {
    total.bound.map(|_| total.into())
}

fn organization_quantities(organization: &Organization) -> impl Iterator<Item = &Quantity> {
    organization
        .activities
        .iter()
        .flat_map(|activity| &activity.quantities)
}

/// The sum of all money figures.
pub fn money_total<'a>(quantities: impl Iterator<Item = &'a Quantity>) -> Total {
    let mut total = Total::default();
    for quantity in quantities {
        if let QuantityValue::Money(dong) = quantity.value() {
            total.add(dong, quantity.bound());
        }
    }
    total
}

/// Count sums per unit, in order of first appearance.
pub fn count_totals<'a>(quantities: impl Iterator<Item = &'a Quantity>) -> Vec<CountTotal> {
    let mut totals: Vec<(&str, Total, usize)> = Vec::new();
    for quantity in quantities {
        if let QuantityValue::Count(count, unit) = quantity.value() {
            let index = match totals.iter().position(|(known, ..)| *known == unit) {
                Some(index) => index,
                None => {
                    totals.push((unit, Total::default(), 0));
                    totals.len() - 1
                }
            };
            totals[index].1.add(count, quantity.bound());
            totals[index].2 += 1;
        }
    }
    totals
        .into_iter()
        .map(|(unit, total, entries)| CountTotal {
            unit: unit.to_owned(),
            total: total.into(),
            entries,
        })
        .collect()
}
