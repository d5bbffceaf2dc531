//! This year's program against the report: the program was issued before the report, and
//! every figure of the report that answers one of its targets (the same key) measures the
//! same thing, once when it is a percentage or a ratio.

use crate::errors::{Kind, Measure};
use crate::model::plan::{answers, figures_with_key, measure};
use crate::model::{DataError, Program, YearData};

/// Checks `program`, this year's program of `data`, against the report's figures.
pub fn check(data: &YearData, program: &Program, errors: &mut Vec<DataError>) {
    if program.document.date > data.document.date {
        errors.push(DataError::new(
            "$.program.document.date",
            Kind::ProgramAfterReport {
                date: data.document.date,
            },
        ));
    }
    for target in program.items.iter().flat_map(|item| &item.targets) {
        let wanted = measure(target);
        let figures = figures_with_key(data, &target.key);
        for figure in &figures {
            let found = measure(figure.quantity);
            if !answers(&wanted, &found) {
                errors.push(DataError::new(
                    figure.path(),
                    Kind::TargetMeasureMismatch {
                        key: target.key.clone(),
                        target: Box::new(wanted.clone()),
                        found: Box::new(found),
                    },
                ));
            }
        }
        if matches!(wanted, Measure::Percent | Measure::Ratio(_)) && figures.len() > 1 {
            errors.push(DataError::new(
                figures[1].path(),
                Kind::TargetMeasuredTwice {
                    key: target.key.clone(),
                },
            ));
        }
    }
}
