//! Rules the JSON Schema cannot express: years and dates that agree, identifiers, figures
//! that are either money or a count, placeholders that name a figure, a coherent signer, and
//! (in `program`) parties that exist.

mod program;

use std::collections::HashSet;

use chrono::{Datelike, NaiveDate};

use super::placeholder::{is_identifier, placeholders};
use super::{Authority, DataError, Quantity, Signer, YearData};
use crate::errors::{Figures, Kind};

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
        check_id(&organization.id, &path, &mut ids, &mut errors);
        for (number, activity) in organization.activities.iter().enumerate() {
            check_figures(
                &activity.text,
                &activity.quantities,
                &format!("{path}.activities[{number}]"),
                Figures::Quantities,
                &mut errors,
            );
        }
    }
    check_signer(&data.signer, "$.signer", &mut errors);
    check_money_total(data, &mut errors);
    if let Some(program) = &data.next_program {
        program::check(program, data.year, &mut errors);
    }
    errors
}

/// Checks that the `id` of the object at `path` is well formed and not among `seen`.
fn check_id<'a>(id: &'a str, path: &str, seen: &mut HashSet<&'a str>, errors: &mut Vec<DataError>) {
    if !is_identifier(id, '-') {
        errors.push(DataError::new(format!("{path}.id"), Kind::BadId));
    } else if !seen.insert(id) {
        errors.push(DataError::new(
            format!("{path}.id"),
            Kind::DuplicateId { id: id.to_owned() },
        ));
    }
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
            Kind::MoneyTotalTooLarge {
                limit: MONEY_TOTAL_MAX,
            },
        ));
    }
}

/// A report on year N is dated in N or early in N+1; so are its meeting and the signing of
/// the next program.
fn check_date(year: i32, date: NaiveDate, path: &str, errors: &mut Vec<DataError>) {
    if date.year() != year && date.year() != year + 1 {
        errors.push(DataError::new(
            path,
            Kind::OutsideReviewYears { year, found: date },
        ));
    }
}

/// Checks the figures of a text (`field` names their list) and the placeholders that use them.
fn check_figures(
    text: &str,
    quantities: &[Quantity],
    path: &str,
    figures: Figures,
    errors: &mut Vec<DataError>,
) {
    let field = match figures {
        Figures::Quantities => "quantities",
        Figures::Targets => "targets",
    };
    let mut keys = HashSet::new();
    for (index, quantity) in quantities.iter().enumerate() {
        let path = format!("{path}.{field}[{index}]");
        if !is_identifier(&quantity.key, '_') {
            errors.push(DataError::new(format!("{path}.key"), Kind::BadKey));
        } else if !keys.insert(quantity.key.as_str()) {
            errors.push(DataError::new(
                format!("{path}.key"),
                Kind::DuplicateKey {
                    key: quantity.key.clone(),
                },
            ));
        }
        check_quantity(quantity, &path, errors);
    }
    for name in placeholders(text) {
        if !keys.contains(name) {
            errors.push(DataError::new(
                format!("{path}.text"),
                Kind::UnknownPlaceholder {
                    name: name.to_owned(),
                    figures,
                    keys: quantities.iter().map(|q| q.key.clone()).collect(),
                },
            ));
        }
    }
}

fn check_quantity(quantity: &Quantity, path: &str, errors: &mut Vec<DataError>) {
    match (quantity.amount, quantity.count) {
        (Some(_), Some(_)) => errors.push(DataError::new(path, Kind::AmountAndCount)),
        (None, None) => errors.push(DataError::new(path, Kind::NoAmountOrCount)),
        (Some(_), None) if quantity.unit.is_some() => {
            errors.push(DataError::new(format!("{path}.unit"), Kind::UnitWithAmount));
        }
        (None, Some(_)) if quantity.unit.is_none() => {
            errors.push(DataError::new(format!("{path}.unit"), Kind::UnitMissing));
        }
        _ => {}
    }
}

fn check_signer(signer: &Signer, path: &str, errors: &mut Vec<DataError>) {
    let path = format!("{path}.on_behalf_of");
    let path = path.as_str();
    match (signer.authority, &signer.on_behalf_of) {
        (Some(Authority::Acting), Some(_)) => {
            errors.push(DataError::new(path, Kind::OnBehalfOfWithActing));
        }
        (Some(authority), None) if authority != Authority::Acting => {
            errors.push(DataError::new(path, Kind::OnBehalfOfMissing { authority }));
        }
        (None, Some(_)) => errors.push(DataError::new(path, Kind::AuthorityMissing)),
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
        assert_eq!(errors[0].at, "$.q.unit".into());
    }
}
