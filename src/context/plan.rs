//! The report's section and annex on this year's program: each target set against what was
//! achieved, in the words and figures the report prints.

use serde::Serialize;

use super::FigureRow;
use crate::model::plan::{Achieved, Measured, Outcome, measured};
use crate::model::{Program, Qualifier, Quantity, QuantityValue, YearData};
use crate::template::format_quantity;
use crate::vn;

/// What the report says of this year's program.
#[derive(Debug, Serialize)]
pub struct PlanView {
    /// The section's opening sentence: how many items and targets, and how they stand.
    pub summary: String,
    /// One sentence per target, in the program's order.
    pub sentences: Vec<String>,
    /// What the section says of the items without a target, if any.
    pub unmeasured: Option<String>,
    /// The annex's rows, grouped by item; empty when no item has a target.
    pub groups: Vec<PlanGroup>,
}

/// A program item with targets, in the annex.
#[derive(Debug, Serialize)]
pub struct PlanGroup {
    /// Its number in the program, from 1.
    pub number: usize,
    pub title: String,
    pub rows: Vec<PlanRow>,
}

/// One target in the annex.
#[derive(Debug, Serialize)]
pub struct PlanRow {
    /// What the target is.
    pub label: String,
    /// The unit of the target and the result: the table's unit, "đồng" or "%".
    pub unit: String,
    /// The target's figure: "trên 30", "150.000.000", "90", "3/3".
    pub target: String,
    /// What was achieved, in the same form; none when nothing was done.
    pub result: Option<String>,
    /// "Đạt 80%", "Vượt (đạt 133%)", "Chưa thực hiện".
    pub assessment: String,
}

impl PlanRow {
    fn new(m: &Measured, result: Option<&Quantity>, assessment: String) -> Self {
        let target = FigureRow::new(m.target);
        let figure = |row: FigureRow| row.number.or(row.money).unwrap_or_default();
        let unit = match m.target.value() {
            QuantityValue::Money(_) => "đồng".to_owned(),
            _ => target.unit.clone().unwrap_or_default(),
        };
        PlanRow {
            label: m.target.label.clone(),
            unit,
            target: figure(target),
            result: result.map(|quantity| figure(FigureRow::new(quantity))),
            assessment,
        }
    }
}

impl PlanView {
    /// The view of `program` against the figures of `data`. In a six-month review a target
    /// not yet reached is still being carried out, not missed.
    pub fn new(program: &Program, data: &YearData, midyear: bool) -> Self {
        let all = measured(program, data);
        let words: Vec<Words> = all.iter().map(|m| Words::new(m, midyear)).collect();
        let mut groups: Vec<PlanGroup> = Vec::new();
        for (m, words) in all.iter().zip(&words) {
            let result = result_quantity(m);
            let row = PlanRow::new(m, result.as_ref(), words.assessment.clone());
            match groups.last_mut() {
                Some(group) if group.number == m.item + 1 => group.rows.push(row),
                _ => groups.push(PlanGroup {
                    number: m.item + 1,
                    title: program.items[m.item].title.clone(),
                    rows: vec![row],
                }),
            }
        }
        let unmeasured: Vec<(usize, &str)> = program
            .items
            .iter()
            .enumerate()
            .filter(|(number, _)| !groups.iter().any(|group| group.number == number + 1))
            .map(|(number, item)| (number + 1, item.title.as_str()))
            .collect();
        PlanView {
            summary: summary(program.items.len(), groups.len(), &all, data.year),
            sentences: words.into_iter().map(|words| words.sentence).collect(),
            unmeasured: unmeasured_sentence(&unmeasured, groups.is_empty()),
            groups,
        }
    }
}

/// "Chương trình phối hợp hoạt động năm 2022 có 7 nội dung, trong đó 6 nội dung có chỉ tiêu
/// định lượng với 8 chỉ tiêu: 2 chỉ tiêu vượt, …".
fn summary(items: usize, measured_items: usize, all: &[Measured], year: i32) -> String {
    let program = format!("Chương trình phối hợp hoạt động năm {year} có {items} nội dung");
    if all.is_empty() {
        return format!("{program}, không có chỉ tiêu định lượng.");
    }
    let count = |outcome: Outcome| all.iter().filter(|m| m.outcome == outcome).count();
    let parts: Vec<String> = [
        (Outcome::Exceeded, "vượt"),
        (Outcome::Reached, "đạt"),
        (Outcome::Short, "chưa đạt"),
        (Outcome::NotDone, "chưa thực hiện"),
    ]
    .into_iter()
    .map(|(outcome, word)| (count(outcome), word))
    .filter(|(count, _)| *count > 0)
    .map(|(count, word)| format!("{count} chỉ tiêu {word}"))
    .collect();
    let which = if measured_items == items {
        "các nội dung đều có chỉ tiêu định lượng".to_owned()
    } else {
        format!("trong đó {measured_items} nội dung có chỉ tiêu định lượng")
    };
    format!(
        "{program}, {which} với tổng số {} chỉ tiêu; kết quả thực hiện: {} (chi tiết tại Phụ lục kèm theo), cụ thể:",
        all.len(),
        join_and(&parts)
    )
}

/// What the section says of the items without a target: they are not measured in figures.
fn unmeasured_sentence(items: &[(usize, &str)], none_measured: bool) -> Option<String> {
    if items.is_empty() || none_measured {
        return None;
    }
    let named: Vec<String> = items
        .iter()
        .map(|(number, title)| format!("{number} ({title})"))
        .collect();
    let which = match items {
        [_] => format!("Nội dung {}", named[0]),
        _ => format!("Các nội dung {}", join_and(&named)),
    };
    Some(format!(
        "{which} không có chỉ tiêu định lượng nên không đánh giá bằng số liệu."
    ))
}

/// A target's verdict in words: the annex's assessment and the section's sentence.
struct Words {
    assessment: String,
    sentence: String,
}

impl Words {
    fn new(m: &Measured, midyear: bool) -> Self {
        let target = format_quantity(m.target, "short");
        let result = result_quantity(m).map(|quantity| format_quantity(&quantity, "short"));
        let label = &m.target.label;
        let Some(achieved) = result else {
            return Words {
                sentence: format!("{label}: chưa thực hiện (chỉ tiêu {target})."),
                assessment: "Chưa thực hiện".to_owned(),
            };
        };
        let compared = format!("{label}: {achieved} so với chỉ tiêu {target}");
        let (assessment, sentence) = match (m.percent_of_target(), m.points(), m.outcome) {
            (Some(percent), ..) => {
                let rate = rate(percent, m);
                match m.outcome {
                    Outcome::Exceeded => (
                        format!("Vượt (đạt {rate})"),
                        format!("{compared}, đạt {rate}, vượt chỉ tiêu."),
                    ),
                    Outcome::Reached => (
                        format!("Đạt {rate}"),
                        format!("{label}: {achieved}, đạt {rate} chỉ tiêu."),
                    ),
                    _ if midyear => (
                        format!("Đang thực hiện (đạt {rate})"),
                        format!("{compared}, đạt {rate}."),
                    ),
                    _ => (
                        format!("Chưa đạt (đạt {rate})"),
                        format!("{compared}, đạt {rate}, chưa đạt chỉ tiêu."),
                    ),
                }
            }
            (None, Some(points), outcome) => {
                let points = vn::format_decimal(points.abs(), 2);
                match outcome {
                    Outcome::Exceeded => (
                        format!("Vượt {points} điểm %"),
                        format!("{compared}, cao hơn chỉ tiêu {points} điểm phần trăm."),
                    ),
                    Outcome::Reached => (
                        "Đạt".to_owned(),
                        format!("{label}: {achieved}, đạt chỉ tiêu."),
                    ),
                    _ if midyear => (
                        "Đang thực hiện".to_owned(),
                        format!("{compared}, thấp hơn chỉ tiêu {points} điểm phần trăm."),
                    ),
                    _ => (
                        format!("Chưa đạt (thấp hơn {points} điểm %)"),
                        format!("{compared}, thấp hơn chỉ tiêu {points} điểm phần trăm."),
                    ),
                }
            }
            (None, None, outcome) => match outcome {
                Outcome::Exceeded => ("Vượt".to_owned(), format!("{compared}, vượt chỉ tiêu.")),
                Outcome::Reached => (
                    "Đạt".to_owned(),
                    format!("{label}: {achieved}, đạt chỉ tiêu."),
                ),
                _ if midyear => ("Đang thực hiện".to_owned(), format!("{compared}.")),
                _ => (
                    "Chưa đạt".to_owned(),
                    format!("{compared}, chưa đạt chỉ tiêu."),
                ),
            },
        };
        Words {
            assessment,
            sentence,
        }
    }
}

/// "80%", "trên 133%" (a result over its figure), "trên 100%" for a target exceeded by less
/// than a whole percent, "dưới 1%" for a result that rounds down to nothing.
fn rate(percent: u64, m: &Measured) -> String {
    let bound = match m.achieved {
        Achieved::Sum(_, qualifier) => qualifier.map(Qualifier::word),
        _ => None,
    };
    match (percent, m.outcome) {
        (100, Outcome::Exceeded) => "trên 100%".to_owned(),
        (0, _) => "dưới 1%".to_owned(),
        (percent, _) => {
            let figure = format!("{}%", vn::format_integer(percent));
            match bound {
                Some(word) => format!("{word}\u{a0}{figure}"),
                None => figure,
            }
        }
    }
}

/// What was achieved, as a figure of the target's kind and unit; none when nothing was done.
fn result_quantity(m: &Measured) -> Option<Quantity> {
    let mut quantity = Quantity {
        unit: m.target.unit.clone(),
        ..Quantity::default()
    };
    match (m.achieved, m.target.value()) {
        (Achieved::Nothing, _) => return None,
        (Achieved::Sum(total, qualifier), QuantityValue::Money(_)) => {
            quantity.amount = Some(total.value);
            quantity.qualifier = qualifier;
        }
        (Achieved::Sum(total, qualifier), _) => {
            quantity.count = Some(total.value);
            quantity.qualifier = qualifier;
        }
        (Achieved::Percent(percent), _) => quantity.percent = Some(percent),
        (Achieved::Ratio(part, whole), _) => quantity.ratio = Some([part, whole]),
    }
    Some(quantity)
}

/// "a", "a và b", "a, b và c".
fn join_and(parts: &[String]) -> String {
    match parts {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} và {last}", rest.join(", ")),
    }
}
