//! The report's context: document symbol, period, signature, the money total and the table of
//! figures, from the year data without its figures of 0.

use serde::Serialize;

use super::plan::PlanView;
use super::{SignatureView, typst_array};
use crate::model::{
    Organization, ProgramReference, Quantity, QuantityValue, ReviewKind, Total, YearData,
};
use crate::vn;

/// A computed total as templates see it.
#[derive(Debug, Serialize)]
pub struct TotalView {
    /// The sum.
    pub value: u64,
    /// "trên", "gần", "khoảng", or none when exact.
    pub qualifier: Option<&'static str>,
    /// The sum in words ("Năm trăm triệu đồng"), for an exact total only: a qualified total
    /// never states an exact sum in words.
    pub words: Option<String>,
}

impl From<Total> for TotalView {
    fn from(total: Total) -> Self {
        let qualifier = total.word();
        TotalView {
            value: total.value,
            qualifier,
            words: qualifier.is_none().then(|| vn::money_in_words(total.value)),
        }
    }
}

/// The figures of one organization, for the table of figures.
#[derive(Debug, Serialize)]
pub struct FigureGroup {
    /// The organization's short name.
    pub organization: String,
    /// Its figures, activity by activity, none of them 0.
    pub rows: Vec<FigureRow>,
}

/// One row of the table of figures: a count, percentage or ratio fills `number` and `unit`,
/// money fills `money`.
#[derive(Debug, Serialize)]
pub struct FigureRow {
    /// What the figure is.
    pub label: String,
    /// "hơn 1.500", "100", "3/3", with its qualifier.
    pub number: Option<String>,
    /// The table's unit: "lượt người", "%", "xã, thị trấn".
    pub unit: Option<String>,
    /// "trên 200.000.000", in đồng.
    pub money: Option<String>,
}

impl FigureRow {
    /// The row of `quantity`.
    pub(super) fn new(quantity: &Quantity) -> Self {
        let qualified = |figure: String| match quantity.qualifier {
            Some(qualifier) => format!("{} {figure}", qualifier.word()),
            None => figure,
        };
        let unit = quantity.table_unit().map(str::to_owned);
        let (number, unit, money) = match quantity.value() {
            QuantityValue::Money(dong) => (None, None, Some(vn::format_integer(dong))),
            QuantityValue::Count(count, _) => (Some(vn::format_integer(count)), unit, None),
            QuantityValue::Percent(percent) => (
                Some(vn::format_decimal(percent, 2)),
                Some("%".to_owned()),
                None,
            ),
            QuantityValue::Ratio(part, whole, _) => {
                (Some(vn::format_ratio(part, whole)), unit, None)
            }
        };
        FigureRow {
            label: quantity.label.clone(),
            number: number.map(qualified),
            unit,
            money: money.map(qualified),
        }
    }
}

/// Everything the report template receives.
#[derive(Debug, Serialize)]
pub struct ReportContext<'a> {
    /// The year data as validated, without its figures of 0 (see
    /// [`YearData::without_zero_figures`]).
    pub data: YearData,
    /// Font families in order of preference, as a Typst array literal.
    pub fonts: String,
    /// "sơ kết" or "tổng kết".
    pub review: &'static str,
    /// The period reported on: "6 tháng đầu năm 2022", "năm 2022", "giai đoạn 2021-2025".
    pub period: String,
    /// The period of the directions (section V): "6 tháng cuối năm 2022", "năm 2023"…
    pub next_period: String,
    /// The period of the program the report is on: "năm 2022", "giai đoạn 2021-2025".
    pub program_period: String,
    /// Number and ký hiệu: "05/BC-BCHQS" (C9).
    pub symbol: String,
    /// The signature block.
    pub signature: SignatureView,
    /// Money over all organizations; none when no figure is money. Counts, percentages and
    /// ratios of different things are never added.
    pub money_total: Option<TotalView>,
    /// The figures of each organization that has any, in the order of `data.organizations`.
    pub figure_groups: Vec<FigureGroup>,
    /// How the report names the partner organizations together: "các tổ chức chính trị - xã
    /// hội thành phố".
    pub partners: String,
    /// The program the opening cites: `program_reference` as given, else this year's
    /// program; none when the data has neither.
    pub reference: Option<ProgramReference>,
    /// This year's program against the report's figures, when the data has the program.
    pub plan: Option<PlanView>,
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
    pub fn new(data: &YearData, fonts: &[&str]) -> Self {
        let data = data.without_zero_figures();
        let quantities = || data.organizations.iter().flat_map(organization_quantities);
        let figure_groups = data
            .organizations
            .iter()
            .map(|organization| FigureGroup {
                organization: organization.short_name.clone(),
                rows: organization_quantities(organization)
                    .map(FigureRow::new)
                    .collect(),
            })
            .filter(|group| !group.rows.is_empty())
            .collect();
        let document = &data.document;
        let reference = data.program_reference.clone().or_else(|| {
            data.program.as_ref().map(|program| ProgramReference {
                symbol: program.symbol(),
                date: program.document.date,
                issued_by: program.issuers(),
            })
        });
        let midyear = document.review == ReviewKind::SoKet6Thang;
        let plan = data
            .program
            .as_ref()
            .map(|program| PlanView::new(program, &data, midyear));
        ReportContext {
            fonts: typst_array(fonts),
            review: document.review.word(),
            period: document.period(data.year),
            next_period: document.next_period(data.year),
            program_period: document.program_period(data.year),
            symbol: data.report_symbol(),
            signature: SignatureView::new(&data.signer),
            money_total: unless_empty(money_total(quantities())),
            figure_groups,
            partners: data.partners().to_owned(),
            reference,
            plan,
            rollup: None,
            data,
        }
    }

    /// The context of a roll-up: `data` holds the sums, `rollup` what it says of its wards.
    pub fn rollup(data: &YearData, fonts: &[&str], rollup: &'a Rollup) -> Self {
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
