//! How each text with `{key}` placeholders will read in the document, its figures filled in as
//! the built-in templates print them: what the clerk's form shows under an activity's or a
//! program item's text while it is being written.
//!
//! Read from the raw JSON, item by item, so that a half-filled form (invalid as a whole) gets
//! the readings of the items it has; a figure not yet complete leaves its `{key}` as typed.

use std::collections::BTreeMap;

use serde_json::{Map, Value};

use super::format_quantity;
use crate::model::{Activity, Quantity, fill_placeholders, placeholders};
use crate::vn;

/// What the form shows for an activity the report leaves out.
const LEFT_OUT: &str = "(Báo cáo không in hoạt động này: mọi số liệu của nó đều bằng 0.)";

/// Each placeholder text's reading, keyed by the text's data path
/// (`organizations.0.activities.1.text`, `next_program.items.2.text`).
pub fn readings(data: &Value) -> BTreeMap<String, String> {
    let mut found = BTreeMap::new();
    collect(data, "", &mut found);
    found
}

fn collect(value: &Value, path: &str, found: &mut BTreeMap<String, String>) {
    let child = |key: &str| {
        if path.is_empty() {
            key.to_owned()
        } else {
            format!("{path}.{key}")
        }
    };
    match value {
        Value::Object(map) => {
            if let Some(reading) = reading(map) {
                found.insert(child("text"), reading);
            }
            for (key, item) in map {
                collect(item, &child(key), found);
            }
        }
        Value::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                collect(item, &child(&index.to_string()), found);
            }
        }
        _ => {}
    }
}

/// The reading of an object with a `text` and its figures: an activity's `quantities` (whose
/// figures of 0 leave with their clause, as in the report) or a program item's `targets`.
fn reading(object: &Map<String, Value>) -> Option<String> {
    let typed = object.get("text")?.as_str()?;
    let text = vn::tidy(typed).unwrap_or_else(|| typed.to_owned());
    placeholders(&text).next()?;
    let (figures, is_activity) = match object.get("quantities") {
        Some(quantities) => (quantities, true),
        None => (object.get("targets")?, false),
    };
    let quantities = complete_figures(figures);
    let printed = if is_activity {
        match (Activity { text, quantities }).without_zero_figures() {
            Some(activity) => activity,
            None => return Some(LEFT_OUT.to_owned()),
        }
    } else {
        Activity { text, quantities }
    };
    Some(fill_placeholders(
        &printed.text,
        &printed.quantities,
        |quantity| format_quantity(quantity, "short"),
    ))
}

/// The figures of a list that are complete: a key and exactly one number.
fn complete_figures(figures: &Value) -> Vec<Quantity> {
    let Some(figures) = figures.as_array() else {
        return Vec::new();
    };
    figures
        .iter()
        .filter_map(|figure| serde_json::from_value::<Quantity>(figure.clone()).ok())
        .filter(|quantity| {
            let numbers = [
                quantity.amount.is_some(),
                quantity.count.is_some(),
                quantity.percent.is_some(),
                quantity.ratio.is_some(),
            ];
            !quantity.key.is_empty() && numbers.iter().filter(|&&set| set).count() == 1
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn an_activity_reads_with_its_figures_in_the_report_s_words() {
        let data = json!({"organizations": [{"activities": [{
            "text": "Vận động quỹ {quy}, tặng {qua}.",
            "quantities": [
                {"key": "quy", "label": "Quỹ", "amount": 200_000_000, "qualifier": "trên"},
                {"key": "qua", "label": "Quà", "count": 45, "unit": "suất quà"}
            ]
        }]}]});
        let readings = readings(&data);
        assert_eq!(
            readings["organizations.0.activities.0.text"],
            "Vận động quỹ trên\u{a0}200\u{a0}triệu\u{a0}đồng, tặng 45\u{a0}suất quà."
        );
    }

    #[test]
    fn a_figure_of_zero_leaves_with_its_clause_and_an_unfinished_one_keeps_its_key() {
        let data = json!({"organizations": [{"activities": [
            {"text": "Tổ chức {buoi}, thu hút {nguoi} tham dự.", "quantities": [
                {"key": "buoi", "label": "Buổi", "count": 3, "unit": "buổi"},
                {"key": "nguoi", "label": "Người", "count": 0, "unit": "người"}
            ]},
            {"text": "Tặng {qua}.", "quantities": [{"key": "qua", "label": "Quà", "amount": ""}]},
            {"text": "Tặng {qua}.", "quantities": [{"key": "qua", "label": "Quà", "count": 0}]},
            {"text": "Thành lập nghiệp đoàn.", "quantities": []}
        ]}]});
        let readings = readings(&data);
        assert_eq!(
            readings["organizations.0.activities.0.text"],
            "Tổ chức 3\u{a0}buổi."
        );
        assert_eq!(readings["organizations.0.activities.1.text"], "Tặng {qua}.");
        assert_eq!(readings["organizations.0.activities.2.text"], LEFT_OUT);
        assert!(!readings.contains_key("organizations.0.activities.3.text"));
    }

    #[test]
    fn a_program_item_reads_with_its_targets_wherever_it_is() {
        let data = json!({"next_program": {"items": [{
            "text": "Phấn đấu {dat}",
            "targets": [{"key": "dat", "label": "Tỷ lệ", "percent": 100.0}]
        }]}, "signer": {"name": "{không phải số liệu}"}});
        let readings = readings(&data);
        assert_eq!(readings["next_program.items.0.text"], "Phấn đấu 100%");
        assert_eq!(readings.len(), 1);
    }
}
