//! Rules the JSON Schema cannot express: years and dates that agree, identifiers, figures
//! that are either money or a count, placeholders that name a figure, a coherent signer.

use std::collections::HashSet;

use chrono::{Datelike, NaiveDate};

use super::placeholder::{is_identifier, placeholders};
use super::{Activity, Authority, DataError, Quantity, Signer, YearData};

/// Checks `data` and returns every problem found (empty when valid).
pub fn check(data: &YearData) -> Vec<DataError> {
    let mut errors = Vec::new();
    check_date(
        data.year,
        data.document.date,
        "$.document.date",
        &mut errors,
    );
    if let Some(meeting) = &data.review_meeting {
        check_date(
            data.year,
            meeting.date,
            "$.review_meeting.date",
            &mut errors,
        );
    }

    let mut ids = HashSet::new();
    for (index, organization) in data.organizations.iter().enumerate() {
        let path = format!("$.organizations[{index}]");
        if !is_identifier(&organization.id, '-') {
            errors.push(DataError::new(
                format!("{path}.id"),
                "must be lowercase ASCII letters and digits joined by '-', e.g. \"hoi-lhpn\"",
            ));
        } else if !ids.insert(organization.id.as_str()) {
            errors.push(DataError::new(
                format!("{path}.id"),
                format!("duplicate id \"{}\"", organization.id),
            ));
        }
        for (number, activity) in organization.activities.iter().enumerate() {
            check_activity(
                activity,
                &format!("{path}.activities[{number}]"),
                &mut errors,
            );
        }
    }
    check_signer(&data.signer, &mut errors);
    check_money_total(data, &mut errors);
    errors
}

/// The largest money total the report prints (the table's column holds 10.000.000.000.000).
const MONEY_TOTAL_MAX: u64 = 10_000_000_000_000;

fn check_money_total(data: &YearData, errors: &mut Vec<DataError>) {
    let total = data
        .organizations
        .iter()
        .flat_map(|organization| &organization.activities)
        .flat_map(|activity| &activity.quantities)
        .filter_map(|quantity| quantity.amount)
        .try_fold(0u64, u64::checked_add);
    if total.is_none_or(|total| total > MONEY_TOTAL_MAX) {
        errors.push(DataError::new(
            "$.organizations",
            format!("the money figures add up to more than {MONEY_TOTAL_MAX} đồng, which the report cannot print"),
        ));
    }
}

/// A report on year N is dated in N or early in N+1; so is its meeting.
fn check_date(year: i32, date: NaiveDate, path: &str, errors: &mut Vec<DataError>) {
    if date.year() != year && date.year() != year + 1 {
        errors.push(DataError::new(
            path,
            format!(
                "must fall in {year} or {}, the year under review or the next, found {date}",
                year + 1
            ),
        ));
    }
}

fn check_activity(activity: &Activity, path: &str, errors: &mut Vec<DataError>) {
    let mut keys = HashSet::new();
    for (index, quantity) in activity.quantities.iter().enumerate() {
        let path = format!("{path}.quantities[{index}]");
        if !is_identifier(&quantity.key, '_') {
            errors.push(DataError::new(
                format!("{path}.key"),
                "must be lowercase ASCII letters and digits joined by '_', e.g. \"cay_xanh\"",
            ));
        } else if !keys.insert(quantity.key.as_str()) {
            errors.push(DataError::new(
                format!("{path}.key"),
                format!("duplicate key \"{}\"", quantity.key),
            ));
        }
        check_quantity(quantity, &path, errors);
    }
    for name in placeholders(&activity.text) {
        if !keys.contains(name) {
            errors.push(DataError::new(
                format!("{path}.text"),
                format!(
                    "`{{{name}}}` names no quantity of this activity (keys: {})",
                    join_keys(&activity.quantities)
                ),
            ));
        }
    }
}

fn join_keys(quantities: &[Quantity]) -> String {
    if quantities.is_empty() {
        return "none".to_owned();
    }
    quantities
        .iter()
        .map(|q| q.key.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

fn check_quantity(quantity: &Quantity, path: &str, errors: &mut Vec<DataError>) {
    match (quantity.amount, quantity.count) {
        (Some(_), Some(_)) => errors.push(DataError::new(
            path,
            "has both `amount` and `count`; a figure is either money (amount, in đồng) or a count",
        )),
        (None, None) => errors.push(DataError::new(
            path,
            "needs `amount` (money in whole đồng) or `count` (with `unit`)",
        )),
        (Some(_), None) if quantity.unit.is_some() => errors.push(DataError::new(
            format!("{path}.unit"),
            "goes with `count` only; money is always in đồng",
        )),
        (None, Some(_)) if quantity.unit.is_none() => errors.push(DataError::new(
            format!("{path}.unit"),
            "missing: say what is counted, e.g. \"cây xanh\"",
        )),
        _ => {}
    }
}

fn check_signer(signer: &Signer, errors: &mut Vec<DataError>) {
    let path = "$.signer.on_behalf_of";
    match (signer.authority, &signer.on_behalf_of) {
        (Some(Authority::Acting), Some(_)) => errors.push(DataError::new(
            path,
            "not used with Q. (acting): the authority line is \"Q.\" followed by the title",
        )),
        (Some(authority), None) if authority != Authority::Acting => errors.push(DataError::new(
            path,
            format!(
                "missing: {} needs whom it signs for, e.g. \"Chỉ huy trưởng\"",
                authority.prefix()
            ),
        )),
        (None, Some(_)) => errors.push(DataError::new(
            path,
            "needs `authority` (TM, KT, TL or TUQ) to say how the signer acts for them",
        )),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantity_needs_exactly_one_value() {
        let mut quantity = Quantity {
            key: "k".into(),
            label: "l".into(),
            amount: Some(1),
            count: Some(1),
            unit: None,
            qualifier: None,
        };
        let mut errors = Vec::new();
        check_quantity(&quantity, "$.q", &mut errors);
        assert_eq!(errors.len(), 1);
        quantity.amount = None;
        errors.clear();
        check_quantity(&quantity, "$.q", &mut errors);
        assert_eq!(errors[0].path, "$.q.unit");
    }
}
