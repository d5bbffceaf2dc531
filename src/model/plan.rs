//! This year's program against the report: each target of the program the report answers to,
//! and what the report's figures with the same key achieved, added up across every
//! organization's activities.

use super::{Bound, Program, Qualifier, Quantity, QuantityValue, Total, YearData};
use crate::errors::Measure;

/// A figure of the report and its JSON path.
#[derive(Debug, Clone, Copy)]
pub struct Figure<'a> {
    /// The indices of its organization, activity and figure.
    pub at: (usize, usize, usize),
    pub quantity: &'a Quantity,
}

impl Figure<'_> {
    /// The figure's JSON path.
    pub fn path(&self) -> String {
        let (organization, activity, quantity) = self.at;
        format!("$.organizations[{organization}].activities[{activity}].quantities[{quantity}]")
    }
}

/// The report's figures with `key`, in the order of the organizations and their activities.
pub fn figures_with_key<'a>(data: &'a YearData, key: &str) -> Vec<Figure<'a>> {
    let mut figures = Vec::new();
    for (o, organization) in data.organizations.iter().enumerate() {
        for (a, activity) in organization.activities.iter().enumerate() {
            for (q, quantity) in activity.quantities.iter().enumerate() {
                if quantity.key == key {
                    figures.push(Figure {
                        at: (o, a, q),
                        quantity,
                    });
                }
            }
        }
    }
    figures
}

/// What `quantity` measures: money, a count or a ratio in its unit, a percentage.
pub fn measure(quantity: &Quantity) -> Measure {
    match quantity.value() {
        QuantityValue::Money(_) => Measure::Money,
        QuantityValue::Count(_, unit) => Measure::Count(unit.to_owned()),
        QuantityValue::Percent(_) => Measure::Percent,
        QuantityValue::Ratio(_, _, unit) => Measure::Ratio(unit.to_owned()),
    }
}

/// Whether a figure measured as `found` can answer a target measured as `target`: the same
/// kind, and the same unit whatever its case.
pub fn answers(target: &Measure, found: &Measure) -> bool {
    let same = |a: &str, b: &str| a.trim().to_lowercase() == b.trim().to_lowercase();
    match (target, found) {
        (Measure::Money, Measure::Money) | (Measure::Percent, Measure::Percent) => true,
        (Measure::Count(a), Measure::Count(b)) | (Measure::Ratio(a), Measure::Ratio(b)) => {
            same(a, b)
        }
        _ => false,
    }
}

/// What the report achieved against one target.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Achieved {
    /// No figure with the target's key, or only figures of 0.
    Nothing,
    /// Money or a count, added up over the figures, and the qualifier the sum is printed
    /// with: a single figure's own ("hơn"), else the one its parts give (see [`Bound`]).
    Sum(Total, Option<Qualifier>),
    /// A percentage, from one figure.
    Percent(f64),
    /// A part of a whole, from one figure.
    Ratio(u64, u64),
}

/// How a result stands against its target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Outcome {
    /// Nothing was done.
    NotDone,
    /// Less than the target.
    Short,
    /// The target exactly.
    Reached,
    /// More than the target.
    Exceeded,
}

/// One target of the program and what was achieved.
#[derive(Debug, Clone)]
pub struct Measured<'a> {
    /// The index of its item in the program.
    pub item: usize,
    pub target: &'a Quantity,
    pub achieved: Achieved,
    pub outcome: Outcome,
}

impl Measured<'_> {
    /// For money and counts: the result as a percentage of the target, rounded down so that
    /// a target not reached never shows 100%; none for percentages, ratios and nothing done.
    pub fn percent_of_target(&self) -> Option<u64> {
        let target = match self.target.value() {
            QuantityValue::Money(value) | QuantityValue::Count(value, _) => value,
            _ => return None,
        };
        match self.achieved {
            Achieved::Sum(total, _) if total.value > 0 && target > 0 => {
                let percent = u128::from(total.value) * 100 / u128::from(target);
                Some(u64::try_from(percent).unwrap_or(u64::MAX))
            }
            _ => None,
        }
    }

    /// For a percentage target: the result minus the target, in percentage points.
    pub fn points(&self) -> Option<f64> {
        match (self.target.value(), self.achieved) {
            (QuantityValue::Percent(target), Achieved::Percent(result)) => Some(result - target),
            _ => None,
        }
    }
}

/// Every target of `program` with a value other than 0, in the program's order, against the
/// figures of `data`. Figures that measure something else than their target are left out
/// (validation refuses them).
pub fn measured<'a>(program: &'a Program, data: &YearData) -> Vec<Measured<'a>> {
    let mut all = Vec::new();
    for (item, program_item) in program.items.iter().enumerate() {
        for target in program_item.targets.iter().filter(|t| !t.is_zero()) {
            let wanted = measure(target);
            let figures: Vec<&Quantity> = figures_with_key(data, &target.key)
                .into_iter()
                .map(|figure| figure.quantity)
                .filter(|quantity| !quantity.is_zero() && answers(&wanted, &measure(quantity)))
                .collect();
            let achieved = achieved(&figures);
            all.push(Measured {
                item,
                target,
                achieved,
                outcome: outcome(target, achieved),
            });
        }
    }
    all
}

/// What the figures answering one target add up to (none of them 0, all of its kind).
fn achieved(figures: &[&Quantity]) -> Achieved {
    let Some(first) = figures.first() else {
        return Achieved::Nothing;
    };
    match first.value() {
        QuantityValue::Percent(percent) => Achieved::Percent(percent),
        QuantityValue::Ratio(part, whole, _) => Achieved::Ratio(part, whole),
        QuantityValue::Money(_) | QuantityValue::Count(..) => {
            let mut total = Total::default();
            for figure in figures {
                if let QuantityValue::Money(value) | QuantityValue::Count(value, _) = figure.value()
                {
                    total.add(value, figure.bound());
                }
            }
            let qualifier = match figures {
                [one] => one.qualifier,
                _ => total.bound.and_then(Bound::qualifier),
            };
            Achieved::Sum(total, qualifier)
        }
    }
}

/// Where `achieved` stands against `target`. A result equal to its target reaches it, exceeds
/// it when qualified "trên" or "hơn", and falls short of it when qualified "gần" or "dưới".
fn outcome(target: &Quantity, achieved: Achieved) -> Outcome {
    use std::cmp::Ordering;
    let order = match (target.value(), achieved) {
        (_, Achieved::Nothing) => return Outcome::NotDone,
        (QuantityValue::Money(goal) | QuantityValue::Count(goal, _), Achieved::Sum(total, _)) => {
            match total.value.cmp(&goal) {
                Ordering::Equal => match total.bound {
                    Some(Bound::AtLeast) => Ordering::Greater,
                    Some(Bound::AtMost) => Ordering::Less,
                    _ => Ordering::Equal,
                },
                order => order,
            }
        }
        (QuantityValue::Percent(goal), Achieved::Percent(result)) => {
            // Both have at most two decimals: compare them in hundredths.
            let hundredths = |percent: f64| (percent * 100.0).round() as i64;
            hundredths(result).cmp(&hundredths(goal))
        }
        (QuantityValue::Ratio(goal_part, goal_whole, _), Achieved::Ratio(part, whole)) => {
            (u128::from(part) * u128::from(goal_whole))
                .cmp(&(u128::from(goal_part) * u128::from(whole)))
        }
        _ => return Outcome::NotDone,
    };
    match order {
        Ordering::Less => Outcome::Short,
        Ordering::Equal => Outcome::Reached,
        Ordering::Greater => Outcome::Exceeded,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn count(value: u64, qualifier: Option<Qualifier>) -> Quantity {
        Quantity {
            key: "k".into(),
            label: "l".into(),
            count: Some(value),
            unit: Some("cây xanh".into()),
            qualifier,
            ..Quantity::default()
        }
    }

    fn percent(value: f64) -> Quantity {
        Quantity {
            key: "k".into(),
            label: "l".into(),
            percent: Some(value),
            ..Quantity::default()
        }
    }

    #[test]
    fn sums_stand_against_their_target() {
        let target = count(100, None);
        let cases = [
            (vec![], Outcome::NotDone),
            (vec![count(40, None), count(50, None)], Outcome::Short),
            (vec![count(60, None), count(40, None)], Outcome::Reached),
            (
                vec![count(100, Some(Qualifier::MoreThan))],
                Outcome::Exceeded,
            ),
            (vec![count(100, Some(Qualifier::Nearly))], Outcome::Short),
            (vec![count(101, None)], Outcome::Exceeded),
        ];
        for (figures, want) in cases {
            let figures: Vec<&Quantity> = figures.iter().collect();
            assert_eq!(outcome(&target, achieved(&figures)), want, "{figures:?}");
        }
    }

    #[test]
    fn percentages_compare_in_points_and_ratios_as_shares() {
        assert_eq!(
            outcome(&percent(90.0), Achieved::Percent(89.99)),
            Outcome::Short
        );
        assert_eq!(
            outcome(&percent(90.0), Achieved::Percent(90.0)),
            Outcome::Reached
        );
        let ratio = Quantity {
            key: "k".into(),
            label: "l".into(),
            ratio: Some([2, 3]),
            unit: Some("xã".into()),
            ..Quantity::default()
        };
        assert_eq!(outcome(&ratio, Achieved::Ratio(4, 6)), Outcome::Reached);
        assert_eq!(outcome(&ratio, Achieved::Ratio(3, 6)), Outcome::Short);
        assert_eq!(outcome(&ratio, Achieved::Ratio(3, 3)), Outcome::Exceeded);
    }

    #[test]
    fn the_percentage_of_a_target_is_rounded_down() {
        let target = count(30, None);
        let of = |value: u64| Measured {
            item: 0,
            target: &target,
            achieved: Achieved::Sum(
                Total {
                    value,
                    bound: Some(Bound::Exact),
                },
                None,
            ),
            outcome: Outcome::Short,
        };
        assert_eq!(of(29).percent_of_target(), Some(96));
        assert_eq!(of(30).percent_of_target(), Some(100));
        assert_eq!(of(40).percent_of_target(), Some(133));
    }

    #[test]
    fn units_answer_whatever_their_case() {
        let target = Measure::Count("Cây xanh".into());
        assert!(answers(&target, &Measure::Count("cây xanh ".into())));
        assert!(!answers(&target, &Measure::Count("cây".into())));
        assert!(!answers(&target, &Measure::Ratio("cây xanh".into())));
        assert!(!answers(&Measure::Money, &Measure::Percent));
    }
}
