//! Rules the JSON Schema cannot express: years and dates that agree, the report's period and
//! program reference, identifiers, figures of one kind each, placeholders that name a figure
//! and do not repeat its unit, a coherent signer, (in `program`) parties that exist, and (in
//! `plan`) report figures that answer this year's program's targets.

mod plan;
mod program;

use std::collections::HashSet;

use chrono::{Datelike, NaiveDate};

use super::load::LONGEST_WORD;
use super::placeholder::{fill_placeholders, is_identifier, placeholders};
use super::{Authority, DataError, Issuer, Quantity, ReviewKind, Signer, YearData, breaks, limits};
use crate::errors::{Figures, Kind, Place};
use crate::template::format_quantity;
use crate::vn::{Unit, UnitKind, capitalize_first};

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
    check_period(data, &mut errors);
    check_program_reference(data, &mut errors);

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
    let figures = data
        .organizations
        .iter()
        .flat_map(|organization| &organization.activities)
        .map(|activity| activity.quantities.len());
    check_figure_count(figures.sum(), "$.organizations", &mut errors);
    check_issuer_and_signer(Some(&data.issuer), Some(&data.signer), &mut errors);
    let place = data.issuer.place.as_str();
    check_money_total(data, &mut errors);
    if let Some(program) = &data.next_program {
        let path = "$.next_program.document.date";
        check_date(data.year, program.document.date, path, &mut errors);
        program::check(program, "$.next_program", data.year + 1, place, &mut errors);
    }
    if let Some(program) = &data.program {
        program::check(program, "$.program", data.year, place, &mut errors);
        plan::check(data, program, &mut errors);
    }
    errors
}

/// The longest place name a header binds into one unbreakable run ("thành phố Hồ Chí Minh"
/// has 21 characters) that still fits the header's column.
const HEADER_PLACE_CHARS: usize = 25;

/// A name printed in a header, where each place name in it is bound into one run ("thành phố
/// Tam Kỳ"), must fit its column with its place names whole.
/// The checks of the issuing body (`$.issuer`) and the signer (`$.signer`) on their own,
/// which an office's profile has too.
pub fn check_issuer_and_signer(
    issuer: Option<&Issuer>,
    signer: Option<&Signer>,
    errors: &mut Vec<DataError>,
) {
    if let Some(signer) = signer {
        check_signer(signer, "$.signer", errors);
    }
    if let Some(issuer) = issuer {
        check_place(&issuer.place, "$.issuer.place", errors);
        check_header(&issuer.parent, &issuer.place, "$.issuer.parent", errors);
        check_header(&issuer.name, &issuer.place, "$.issuer.name", errors);
    }
}

fn check_header(name: &str, place: &str, path: &str, errors: &mut Vec<DataError>) {
    let length = breaks::longest_unbreakable_in_header(name, place);
    if length > HEADER_PLACE_CHARS {
        errors.push(DataError::new(
            path,
            Kind::WordTooLong {
                length,
                limit: HEADER_PLACE_CHARS,
                place: Place::OneLineField,
            },
        ));
    }
}

/// A document lays out every figure in its text and in its table: their number bounds the work.
fn check_figure_count(found: usize, path: &str, errors: &mut Vec<DataError>) {
    if found > limits::DOCUMENT_FIGURES {
        errors.push(DataError::new(
            path,
            Kind::TooManyFigures {
                found,
                limit: limits::DOCUMENT_FIGURES,
            },
        ));
    }
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

/// A period (`first_year`) goes with a `tong_ket_giai_doan` report only, and starts before the
/// year under review.
fn check_period(data: &YearData, errors: &mut Vec<DataError>) {
    let path = "$.document.first_year";
    match (data.document.review, data.document.first_year) {
        (ReviewKind::TongKetGiaiDoan, None) => {
            errors.push(DataError::new(path, Kind::FirstYearMissing));
        }
        (ReviewKind::TongKetGiaiDoan, Some(found)) if found >= data.year => {
            errors.push(DataError::new(
                path,
                Kind::FirstYearNotBefore {
                    year: data.year,
                    found,
                },
            ));
        }
        (kind, Some(_)) if kind != ReviewKind::TongKetGiaiDoan => {
            errors.push(DataError::new(path, Kind::FirstYearWithoutPeriod));
        }
        _ => {}
    }
}

/// The program a report is on has a number and was issued before the report.
fn check_program_reference(data: &YearData, errors: &mut Vec<DataError>) {
    let Some(reference) = &data.program_reference else {
        return;
    };
    let numbered = reference
        .symbol
        .split_once('/')
        .is_some_and(|(number, code)| {
            !number.is_empty() && number.chars().all(|c| c.is_ascii_digit()) && !code.is_empty()
        });
    if !numbered {
        errors.push(DataError::new(
            "$.program_reference.symbol",
            Kind::NotAProgramNumber,
        ));
    }
    if reference.date > data.document.date {
        errors.push(DataError::new(
            "$.program_reference.date",
            Kind::ProgramAfterReport {
                date: data.document.date,
            },
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
    let mut known = true;
    for name in placeholders(text) {
        if !keys.contains(name) {
            known = false;
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
    if known {
        check_filled_words(text, quantities, path, errors);
    }
    for quantity in quantities {
        let Some(unit) = &quantity.unit else { continue };
        if let Some(words) = repeated_unit(text, &quantity.key, unit) {
            errors.push(DataError::new(
                format!("{path}.text"),
                Kind::RepeatedUnit {
                    name: quantity.key.clone(),
                    words: words.to_owned(),
                    unit: unit.clone(),
                },
            ));
        }
    }
}

/// A figure prints as one unbreakable run ("khoảng 200.000.000 đồng") and joins the word it is
/// written against: the text as printed must have no word longer than a paragraph holds.
fn check_filled_words(
    text: &str,
    quantities: &[Quantity],
    path: &str,
    errors: &mut Vec<DataError>,
) {
    let (limit, place) = LONGEST_WORD[0];
    let filled = fill_placeholders(text, quantities, |quantity| {
        format_quantity(quantity, "full")
    });
    let length = breaks::longest_unbreakable(&filled);
    if length > limit {
        errors.push(DataError::new(
            format!("{path}.text"),
            Kind::WordTooLong {
                length,
                limit,
                place,
            },
        ));
    }
}

/// The words after `{key}` in `text` that repeat the end of `unit` ("{buoi} giáo dục truyền
/// thống" with the unit "buổi giáo dục truyền thống" prints it twice), if any.
fn repeated_unit<'a>(text: &'a str, key: &str, unit: &str) -> Option<&'a str> {
    let placeholder = format!("{{{key}}}");
    let after = &text[text.find(&placeholder)? + placeholder.len()..];
    let bare = |word: &str| word.trim_end_matches([',', ';', '.', ':']).to_lowercase();
    let unit: Vec<String> = unit.split_whitespace().map(bare).collect();
    let next: Vec<&str> = after.split_whitespace().take(unit.len()).collect();
    let repeated = (1..=next.len())
        .filter(|&count| {
            next[..count]
                .iter()
                .map(|word| bare(word))
                .eq(unit[unit.len() - count..].iter().cloned())
        })
        .max()?;
    let start = after.len() - after.trim_start().len();
    let last = next[repeated - 1];
    let end = last.as_ptr() as usize - after.as_ptr() as usize + last.len();
    Some(after[start..end].trim_end_matches([',', ';', '.', ':']))
}

fn check_quantity(quantity: &Quantity, path: &str, errors: &mut Vec<DataError>) {
    let given = [
        quantity.amount.is_some(),
        quantity.count.is_some(),
        quantity.percent.is_some(),
        quantity.ratio.is_some(),
    ];
    let counted = quantity.count.is_some() || quantity.ratio.is_some();
    match given.iter().filter(|&&given| given).count() {
        0 => errors.push(DataError::new(path, Kind::NoValue)),
        1 => {}
        _ => return errors.push(DataError::new(path, Kind::MoreThanOneValue)),
    }
    match (&quantity.unit, counted) {
        (Some(_), false) => {
            errors.push(DataError::new(format!("{path}.unit"), Kind::UnitNotCounted));
        }
        (None, true) => errors.push(DataError::new(format!("{path}.unit"), Kind::UnitMissing)),
        _ => {}
    }
    if quantity.table_unit.is_some() && quantity.unit.is_none() {
        errors.push(DataError::new(
            format!("{path}.table_unit"),
            Kind::TableUnitWithoutUnit,
        ));
    }
    if let Some([part, whole]) = quantity.ratio {
        const RATIO_MAX: u64 = 100_000_000;
        if whole > RATIO_MAX {
            errors.push(DataError::new(
                format!("{path}.ratio[1]"),
                Kind::TooLarge {
                    limit: RATIO_MAX.to_string(),
                    found: whole.to_string(),
                },
            ));
        } else if part > whole {
            errors.push(DataError::new(
                format!("{path}.ratio"),
                Kind::PartOverWhole { part, whole },
            ));
        }
    }
}

/// Checks that the date line's place is the place name alone, capitalised ("Tân Lập", not "xã
/// Tân Lập"); a unit named by a number keeps its kind ("Phường 3"), and so may a city or a
/// province ("Thành phố Hồ Chí Minh").
fn check_place(place: &str, path: &str, errors: &mut Vec<DataError>) {
    let suggestion = match Unit::parse(place) {
        Some(unit) if !matches!(unit.kind, UnitKind::ThanhPho | UnitKind::Tinh) => {
            Some(unit.date_place())
        }
        _ => None,
    };
    let suggestion = suggestion.or_else(|| {
        place
            .starts_with(char::is_lowercase)
            .then(|| capitalize_first(place))
    });
    if let Some(suggestion) = suggestion.filter(|suggestion| suggestion != place) {
        errors.push(DataError::new(path, Kind::PlaceNotAlone { suggestion }));
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
            ..Quantity::default()
        };
        let mut errors = Vec::new();
        check_quantity(&quantity, "$.q", &mut errors);
        assert_eq!(errors.len(), 1);
        quantity.amount = None;
        errors.clear();
        check_quantity(&quantity, "$.q", &mut errors);
        assert_eq!(errors[0].at, "$.q.unit".into());
    }

    #[test]
    fn a_ratio_is_a_part_of_a_whole() {
        let mut quantity = Quantity {
            key: "k".into(),
            label: "l".into(),
            ratio: Some([3, 3]),
            unit: Some("xã".into()),
            ..Quantity::default()
        };
        let mut errors = Vec::new();
        check_quantity(&quantity, "$.q", &mut errors);
        assert!(errors.is_empty(), "{errors:?}");
        quantity.ratio = Some([0, 0]);
        check_quantity(&quantity, "$.q", &mut errors);
        assert!(
            errors.is_empty(),
            "nothing of nothing is a zero figure: {errors:?}"
        );
        for bad in [[4, 3], [1, 0]] {
            quantity.ratio = Some(bad);
            check_quantity(&quantity, "$.q", &mut errors);
        }
        assert_eq!(errors.len(), 2);
        assert!(errors.iter().all(|error| error.at == "$.q.ratio".into()));
    }

    #[test]
    fn a_placeholder_followed_by_its_units_words_is_caught() {
        let unit = "buổi giáo dục truyền thống";
        assert_eq!(
            repeated_unit("Tham gia {buoi} giáo dục truyền thống.", "buoi", unit),
            Some("giáo dục truyền thống")
        );
        assert_eq!(
            repeated_unit("Trồng {cay} Cây xanh, tại", "cay", "cây xanh"),
            Some("Cây xanh")
        );
        assert_eq!(
            repeated_unit(
                "Tổ chức {buoi} truyền thống cho thanh niên.",
                "buoi",
                "buổi nói chuyện"
            ),
            None
        );
        assert_eq!(repeated_unit("Tặng {qua}.", "qua", "suất quà"), None);
    }

    #[test]
    fn the_date_line_place_is_the_place_name_alone() {
        let said = |place: &str| {
            let mut errors = Vec::new();
            check_place(place, "$.p", &mut errors);
            errors
                .into_iter()
                .map(|error| error.kind)
                .collect::<Vec<_>>()
        };
        for fine in [
            "Tân Lập",
            "Phường 3",
            "Quận 1",
            "Thành phố Hồ Chí Minh",
            "Buôn Ma Thuột",
        ] {
            assert_eq!(said(fine), Vec::<Kind>::new(), "{fine}");
        }
        for (bad, suggestion) in [
            ("xã Tân Lập", "Tân Lập"),
            ("Thị trấn Bình Minh", "Bình Minh"),
            ("TT. Bình Minh", "Bình Minh"),
            ("phường 3", "Phường 3"),
            ("tam Kỳ", "Tam Kỳ"),
        ] {
            let suggestion = suggestion.to_owned();
            assert_eq!(said(bad), [Kind::PlaceNotAlone { suggestion }], "{bad}");
        }
    }
}
