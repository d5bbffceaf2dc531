//! What the wards and the roll-up both derive from a batch's shared data: merging changes into
//! it, the level words it may leave open, and the figures set into its quantities.

use std::collections::BTreeMap;

use serde_json::{Value, json};

use crate::model::DEFAULT_PARTNERS;

/// What a batch's shared text writes where each document puts its own level words:
/// "Đảng ủy, UBND {level}" prints "Đảng ủy, UBND phường" in a ward's report.
pub(super) const LEVEL: &str = "{level}";

/// What a batch's shared text writes where each ward puts its own name as running text says
/// it: "Ủy ban MTTQ Việt Nam {unit}" prints "Ủy ban MTTQ Việt Nam phường An Mỹ" (in the roll-up,
/// "… các phường, xã"), so that a shared `next_program` names each ward's own parties.
pub(super) const UNIT: &str = "{unit}";

/// The placeholders a batch's shared text may leave open.
pub(super) const PLACEHOLDERS: [&str; 2] = [LEVEL, UNIT];

/// The shared partner phrase without a level: "các tổ chức chính trị - xã hội".
pub(super) fn partners(shared: &Value) -> String {
    shared
        .get("partners")
        .and_then(Value::as_str)
        .unwrap_or(DEFAULT_PARTNERS)
        .to_owned()
}

/// Writes `level` for every [`LEVEL`] and `unit` for every [`UNIT`] in the text of `value`.
pub(super) fn fill_level(value: &mut Value, level: &str, unit: &str) {
    match value {
        Value::String(text) if text.contains('{') => {
            *text = text.replace(LEVEL, level).replace(UNIT, unit);
        }
        Value::Array(items) => items
            .iter_mut()
            .for_each(|item| fill_level(item, level, unit)),
        Value::Object(object) => object
            .values_mut()
            .for_each(|item| fill_level(item, level, unit)),
        _ => {}
    }
}

/// Names every organization with `level` after its name: "Hội Nông dân" → "Hội Nông dân
/// phường".
pub(super) fn name_organizations(value: &mut Value, level: &str) {
    let organizations = value.get_mut("organizations").and_then(Value::as_array_mut);
    for organization in organizations.into_iter().flatten() {
        if let Some(Value::String(name)) = organization.get_mut("name") {
            *name = format!("{name} {level}");
        }
    }
}

/// A ward's figure for one shared quantity, as the roll-up adds it up: money or a count, or a
/// ratio whose parts and wholes add up. Percentages are never added, so never a figure here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Figure {
    /// Whole đồng or a count.
    Number(u64),
    /// A part and a whole.
    Ratio(u64, u64),
}

impl Figure {
    /// The sum of two wards' figures: numbers add, and ratios add parts and wholes.
    pub fn add(self, other: Figure) -> Figure {
        match (self, other) {
            (Figure::Number(a), Figure::Number(b)) => Figure::Number(a.saturating_add(b)),
            (Figure::Ratio(a, b), Figure::Ratio(c, d)) => {
                Figure::Ratio(a.saturating_add(c), b.saturating_add(d))
            }
            (figure, _) => figure,
        }
    }

    fn is_zero(self) -> bool {
        matches!(self, Figure::Number(0) | Figure::Ratio(0, _))
    }

    fn to_json(self) -> Value {
        match self {
            Figure::Number(value) => json!(value),
            Figure::Ratio(part, whole) => json!([part, whole]),
        }
    }
}

/// Sets every quantity's `amount`, `count`, `percent` or `ratio` to its figure (0 when
/// absent), then leaves out activities whose figures are all 0 and organizations without
/// activities.
pub(super) fn set_figures(value: &mut Value, figures: &BTreeMap<String, Figure>) {
    let Some(organizations) = value.get_mut("organizations").and_then(Value::as_array_mut) else {
        return;
    };
    for organization in organizations.iter_mut() {
        let Some(activities) = organization
            .get_mut("activities")
            .and_then(Value::as_array_mut)
        else {
            continue;
        };
        activities.retain_mut(|activity| {
            let Some(quantities) = activity
                .get_mut("quantities")
                .and_then(Value::as_array_mut)
                .filter(|quantities| !quantities.is_empty())
            else {
                return true;
            };
            let mut any = false;
            for quantity in quantities.iter_mut().filter_map(Value::as_object_mut) {
                let key = quantity.get("key").and_then(Value::as_str).unwrap_or("");
                let field = ["amount", "percent", "ratio"]
                    .into_iter()
                    .find(|field| quantity.contains_key(*field))
                    .unwrap_or("count");
                let none = if field == "ratio" {
                    Figure::Ratio(0, 0)
                } else {
                    Figure::Number(0)
                };
                let figure = figures.get(key).copied().unwrap_or(none);
                any |= !figure.is_zero();
                quantity.insert(field.to_owned(), figure.to_json());
            }
            any
        });
    }
    organizations.retain(|organization| {
        organization
            .get("activities")
            .and_then(Value::as_array)
            .is_none_or(|activities| !activities.is_empty())
    });
}

/// Merges `changes` into `base`: objects key by key, anything else replaced.
pub(super) fn merge(base: &mut Value, changes: Value) {
    match (base, changes) {
        (Value::Object(base), Value::Object(changes)) => {
            for (key, change) in changes {
                match base.get_mut(&key) {
                    Some(existing) => merge(existing, change),
                    None => {
                        base.insert(key, change);
                    }
                }
            }
        }
        (base, change) => *base = change,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merge_replaces_lists_and_merges_objects() {
        let mut base = json!({"a": {"b": 1, "c": [1, 2]}, "d": 1});
        merge(&mut base, json!({"a": {"c": [3], "e": 2}}));
        assert_eq!(base, json!({"a": {"b": 1, "c": [3], "e": 2}, "d": 1}));
    }

    #[test]
    fn level_words_and_unit_names_fill_every_text() {
        let mut value = json!({"recipients": ["Đảng ủy, UBND {level} (để b/c)", "VT",
                "Ủy ban MTTQ Việt Nam {unit}"],
            "organizations": [{"name": "Hội Nông dân", "activities": [{"text": "Ở {level}."}]}]});
        fill_level(&mut value, "thị trấn", "thị trấn Bình Minh");
        name_organizations(&mut value, "thị trấn");
        assert_eq!(
            value,
            json!({"recipients": ["Đảng ủy, UBND thị trấn (để b/c)", "VT",
                    "Ủy ban MTTQ Việt Nam thị trấn Bình Minh"],
                "organizations": [{"name": "Hội Nông dân thị trấn",
                    "activities": [{"text": "Ở thị trấn."}]}]})
        );
    }

    #[test]
    fn zero_figures_drop_activities_and_empty_organizations() {
        let mut value = json!({"organizations": [
            {"id": "a", "activities": [
                {"text": "t"},
                {"text": "{x}", "quantities": [{"key": "x", "amount": 5}]}
            ]},
            {"id": "b", "activities": [
                {"text": "{y}", "quantities": [{"key": "y", "count": 5, "unit": "u"}]}
            ]}
        ]});
        set_figures(
            &mut value,
            &BTreeMap::from([("x".to_owned(), Figure::Number(7))]),
        );
        assert_eq!(
            value,
            json!({"organizations": [{"id": "a", "activities": [
                {"text": "t"},
                {"text": "{x}", "quantities": [{"key": "x", "amount": 7}]}
            ]}]})
        );
    }

    #[test]
    fn ratios_add_parts_and_wholes_and_percentages_have_no_sum() {
        let sum = Figure::Ratio(2, 3).add(Figure::Ratio(1, 4));
        assert_eq!(sum, Figure::Ratio(3, 7));
        assert_eq!(Figure::Number(2).add(Figure::Number(5)), Figure::Number(7));

        let mut value = json!({"organizations": [{"id": "a", "activities": [
            {"text": "{xa}, {ty_le}", "quantities": [
                {"key": "xa", "ratio": [1, 1], "unit": "xã"},
                {"key": "ty_le", "percent": 90}
            ]}
        ]}]});
        set_figures(&mut value, &BTreeMap::from([("xa".to_owned(), sum)]));
        assert_eq!(
            value["organizations"][0]["activities"][0]["quantities"],
            json!([
                {"key": "xa", "ratio": [3, 7], "unit": "xã"},
                {"key": "ty_le", "percent": 0}
            ])
        );
    }
}
