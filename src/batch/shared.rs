//! What the wards and the roll-up both derive from a batch's shared data: merging changes into
//! it, the level words it may leave open, and the figures set into its quantities.

use std::collections::BTreeMap;

use serde_json::{Value, json};

use crate::model::DEFAULT_PARTNERS;

/// What a batch's shared text writes where each document puts its own level words:
/// "Đảng ủy, UBND {level}" prints "Đảng ủy, UBND phường" in a ward's report.
pub(super) const LEVEL: &str = "{level}";

/// The shared partner phrase without a level: "các tổ chức chính trị - xã hội".
pub(super) fn partners(shared: &Value) -> String {
    shared
        .get("partners")
        .and_then(Value::as_str)
        .unwrap_or(DEFAULT_PARTNERS)
        .to_owned()
}

/// Writes `level` for every [`LEVEL`] in the text of `value`.
pub(super) fn fill_level(value: &mut Value, level: &str) {
    match value {
        Value::String(text) if text.contains(LEVEL) => *text = text.replace(LEVEL, level),
        Value::Array(items) => items.iter_mut().for_each(|item| fill_level(item, level)),
        Value::Object(object) => object.values_mut().for_each(|item| fill_level(item, level)),
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

/// Sets every quantity's `amount` or `count` to its figure (0 when absent), then leaves out
/// activities whose figures are all 0 and organizations without activities.
pub(super) fn set_figures(value: &mut Value, figures: &BTreeMap<String, u64>) {
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
                let figure = figures.get(key).copied().unwrap_or(0);
                any |= figure > 0;
                let field = if quantity.contains_key("amount") {
                    "amount"
                } else {
                    "count"
                };
                quantity.insert(field.to_owned(), json!(figure));
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
    fn level_words_fill_every_text() {
        let mut value = json!({"recipients": ["Đảng ủy, UBND {level} (để b/c)", "VT"],
            "organizations": [{"name": "Hội Nông dân", "activities": [{"text": "Ở {level}."}]}]});
        fill_level(&mut value, "thị trấn");
        name_organizations(&mut value, "thị trấn");
        assert_eq!(
            value,
            json!({"recipients": ["Đảng ủy, UBND thị trấn (để b/c)", "VT"],
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
        set_figures(&mut value, &BTreeMap::from([("x".to_owned(), 7)]));
        assert_eq!(
            value,
            json!({"organizations": [{"id": "a", "activities": [
                {"text": "t"},
                {"text": "{x}", "quantities": [{"key": "x", "amount": 7}]}
            ]}]})
        );
    }
}
