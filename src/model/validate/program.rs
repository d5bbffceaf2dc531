//! The program's own rules: parties are unique and each has a coherent signer, every party an
//! item or a responsibility names is a signing party, and the work falls in the program's year.

use std::collections::HashSet;

use chrono::{Datelike, NaiveDate};

use super::{check_figure_count, check_figures, check_header, check_id, check_signer};
use crate::errors::{Figures, Kind};
use crate::model::{DataError, Program};

/// Checks the program at `path` for `year`, whose headers bind the issuer's `place`, and
/// appends every problem to `errors`. Its date is the caller's to check.
pub fn check(program: &Program, path: &str, year: i32, place: &str, errors: &mut Vec<DataError>) {
    let mut seen = HashSet::new();
    for (index, party) in program.parties.iter().enumerate() {
        let path = format!("{path}.parties[{index}]");
        check_id(&party.id, &path, &mut seen, errors);
        check_signer(&party.signer, &format!("{path}.signer"), errors);
        if let Some(parent) = &party.parent {
            check_header(parent, place, &format!("{path}.parent"), errors);
        }
        check_header(&party.name, place, &format!("{path}.name"), errors);
    }
    let targets = program.items.iter().map(|item| item.targets.len()).sum();
    check_figure_count(targets, &format!("{path}.items"), errors);
    let ids: Vec<&str> = program.parties.iter().map(|p| p.id.as_str()).collect();
    let known = Parties(&ids);

    for (index, item) in program.items.iter().enumerate() {
        let path = format!("{path}.items[{index}]");
        known.check(&item.lead, &format!("{path}.lead"), errors);
        let mut partners = HashSet::new();
        for (number, partner) in item.partners.iter().enumerate() {
            let path = format!("{path}.partners[{number}]");
            if partner == &item.lead {
                errors.push(DataError::new(
                    path,
                    Kind::PartnerLeads {
                        party: partner.clone(),
                    },
                ));
            } else if !partners.insert(partner) {
                errors.push(DataError::new(
                    path,
                    Kind::PartnerTwice {
                        party: partner.clone(),
                    },
                ));
            } else {
                known.check(partner, &path, errors);
            }
        }
        check_in_year(item.deadline, year, &format!("{path}.deadline"), errors);
        check_figures(&item.text, &item.targets, &path, Figures::Targets, errors);
    }

    let mut responsible = HashSet::new();
    for (index, responsibility) in program.responsibilities.iter().enumerate() {
        let path = format!("{path}.responsibilities[{index}].party");
        if !responsible.insert(&responsibility.party) {
            errors.push(DataError::new(
                path,
                Kind::ResponsibilityTwice {
                    party: responsibility.party.clone(),
                },
            ));
        } else {
            known.check(&responsibility.party, &path, errors);
        }
    }

    let reporting = &program.reporting;
    let path = format!("{path}.reporting");
    known.check(
        &reporting.secretariat,
        &format!("{path}.secretariat"),
        errors,
    );
    check_in_year(
        reporting.midyear_review,
        year,
        &format!("{path}.midyear_review"),
        errors,
    );
    check_in_year(
        reporting.year_end_review,
        year,
        &format!("{path}.year_end_review"),
        errors,
    );
    if reporting.midyear_review >= reporting.year_end_review {
        errors.push(DataError::new(
            format!("{path}.midyear_review"),
            Kind::MidyearNotBeforeYearEnd,
        ));
    }
}

/// The ids of the signing parties.
struct Parties<'a>(&'a [&'a str]);

impl Parties<'_> {
    fn check(&self, id: &str, path: &str, errors: &mut Vec<DataError>) {
        if !self.0.contains(&id) {
            errors.push(DataError::new(
                path,
                Kind::NotASigningParty {
                    party: id.to_owned(),
                    parties: self.0.iter().map(|party| (*party).to_owned()).collect(),
                },
            ));
        }
    }
}

/// Work planned by the program falls in the program's year.
fn check_in_year(date: NaiveDate, year: i32, path: &str, errors: &mut Vec<DataError>) {
    if date.year() != year {
        errors.push(DataError::new(
            path,
            Kind::OutsideProgramYear { year, found: date },
        ));
    }
}
