//! The roll-up: the figures of the wards whose reports rendered, added up into the roll-up's
//! year data, and what the roll-up says of the units it rolls up.

use std::collections::BTreeMap;

use serde_json::{Value, json};

use super::input::{Batch, Ward};
use super::shared::{Figure, fill_level, merge, name_organizations, partners, set_figures};
use crate::context::{Rollup, WardRow};
use crate::errors::Kind;
use crate::model::{DataError, InvalidData, QuantityValue, YearData, year_data_from_value};
use crate::vn::{self, Unit, UnitKind};

/// How the roll-up names units of no known kind (wards from files named otherwise).
const UNITS: &str = "đơn vị";

/// The figures of a ward's year data by quantity key (percentages left out: the roll-up does
/// not add them), and the keys no shared quantity has.
pub(super) fn figures_of(
    data: &YearData,
    kinds: &BTreeMap<String, bool>,
) -> Result<BTreeMap<String, Figure>, Vec<DataError>> {
    let mut figures = BTreeMap::new();
    let mut errors = Vec::new();
    for (o, organization) in data.organizations.iter().enumerate() {
        for (a, activity) in organization.activities.iter().enumerate() {
            for (q, quantity) in activity.quantities.iter().enumerate() {
                if !kinds.contains_key(&quantity.key) {
                    errors.push(DataError::new(
                        format!("$.organizations[{o}].activities[{a}].quantities[{q}].key"),
                        Kind::NotShared {
                            key: quantity.key.clone(),
                        },
                    ));
                    continue;
                }
                let figure = match quantity.value() {
                    QuantityValue::Money(value) | QuantityValue::Count(value, _) => {
                        Figure::Number(value)
                    }
                    QuantityValue::Ratio(part, whole, _) => Figure::Ratio(part, whole),
                    QuantityValue::Percent(_) => continue,
                };
                figures
                    .entry(quantity.key.clone())
                    .and_modify(|sum: &mut Figure| *sum = sum.add(figure))
                    .or_insert(figure);
            }
        }
    }
    if errors.is_empty() {
        Ok(figures)
    } else {
        Err(errors)
    }
}

/// The roll-up's year data and what it says of its units: `wards` with the figures of those
/// it includes (none for a ward it leaves out), `kinds` whether each quantity is money.
pub(super) fn rollup(
    batch: &Batch,
    wards: &[(&Ward, Option<&BTreeMap<String, Figure>>)],
    kinds: &BTreeMap<String, bool>,
) -> Result<(YearData, Rollup), InvalidData> {
    let mut sums: BTreeMap<String, Figure> = BTreeMap::new();
    let mut rows = Vec::with_capacity(wards.len());
    for (ward, figures) in wards {
        let mut money = None;
        for (key, figure) in figures.iter().copied().flatten() {
            sums.entry(key.clone())
                .and_modify(|sum| *sum = sum.add(*figure))
                .or_insert(*figure);
            if let (Some(true), Figure::Number(dong)) = (kinds.get(key), figure) {
                money = Some(money.unwrap_or(0u64).saturating_add(*dong));
            }
        }
        rows.push(WardRow {
            name: ward.name.clone(),
            money,
            included: figures.is_some(),
        });
    }
    let unit_kinds: Vec<UnitKind> = wards.iter().filter_map(|(ward, _)| ward.kind).collect();
    let units = vn::kinds_phrase(unit_kinds.iter().copied()).unwrap_or_else(|| UNITS.to_owned());
    let command = unit_kinds.iter().min().map_or("Ban", |kind| kind.command());
    let level = level_of(wards, &units);
    let rollup = Rollup {
        units_heading: vn::capitalize_first(&units),
        lead: format!("{command} CHQS {level}"),
        included: rows.iter().filter(|row| row.included).count(),
        situation_given: batch.rollup.contains_key("situation"),
        wards: rows,
        units,
    };
    let data = year_data_from_value(rollup_value(batch, &level, &sums))?;
    Ok((data, rollup))
}

/// The level words of the roll-up's organizations and command: "các phường, xã", but the
/// unit's own name ("phường An Mỹ") when it rolls up one named unit.
fn level_of(wards: &[(&Ward, Option<&BTreeMap<String, Figure>>)], units: &str) -> String {
    match wards {
        [(ward, _)] => Unit::parse(&ward.name).map(|unit| unit.in_text()),
        _ => None,
    }
    .unwrap_or_else(|| format!("các {units}"))
}

/// The shared data as the roll-up says it: every `{level}` and each shared organization's
/// level `level` ("các xã, thị trấn"), the partner phrase "… cùng cấp", then the roll-up's
/// changes (its `situation` and its `program` whole: it never inherits the wards'), then
/// `sums` as its figures.
fn rollup_value(batch: &Batch, level: &str, sums: &BTreeMap<String, Figure>) -> Value {
    let mut value = Value::Object(batch.shared.clone());
    if !batch.rollup.contains_key("organizations") {
        name_organizations(&mut value, level);
    }
    let partners = format!("{} cùng cấp", partners(&value));
    merge(&mut value, json!({ "partners": partners }));
    if let (Some(object), true) = (
        value.as_object_mut(),
        batch.rollup.contains_key("situation"),
    ) {
        object.remove("situation");
    }
    // A shared program sets each ward's targets: the roll-up measures only a program of its own.
    if let Some(object) = value.as_object_mut() {
        object.remove("program");
    }
    merge(&mut value, Value::Object(batch.rollup.clone()));
    fill_level(&mut value, level, level);
    set_figures(&mut value, sums);
    value
}
