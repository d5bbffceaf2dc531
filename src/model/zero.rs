//! Figures of 0 left out of the year data before a report prints it: a clause that states "0
//! lượt người" or "với số tiền 0 đồng" reads as an error to a clerk.

use super::placeholder::{WithoutFigure, placeholders, without_figure};
use super::{Activity, Organization, YearData};

impl YearData {
    /// The year data as the report prints it: every figure of 0 taken out of its activity with
    /// its clause (see [`without_figure`]), an activity left without text or with only zero
    /// figures taken out, and an organization left without activities.
    pub fn without_zero_figures(&self) -> YearData {
        let organizations = self
            .organizations
            .iter()
            .filter_map(without_zero_activities)
            .collect();
        YearData {
            organizations,
            ..self.clone()
        }
    }
}

fn without_zero_activities(organization: &Organization) -> Option<Organization> {
    let activities: Vec<Activity> = organization
        .activities
        .iter()
        .filter_map(Activity::without_zero_figures)
        .collect();
    (!activities.is_empty()).then(|| Organization {
        activities,
        ..organization.clone()
    })
}

impl Activity {
    /// The activity as the report prints it: each figure of 0 taken out with its clause, or
    /// nothing when every figure is 0 or no text is left.
    pub fn without_zero_figures(&self) -> Option<Activity> {
        if !self.quantities.is_empty() && self.quantities.iter().all(|q| q.is_zero()) {
            return None;
        }
        let mut text = self.text.clone();
        for quantity in self.quantities.iter().filter(|q| q.is_zero()) {
            while placeholders(&text).any(|name| name == quantity.key) {
                text = match without_figure(&text, &quantity.key) {
                    WithoutFigure::Text(rest) => rest,
                    WithoutFigure::Nothing => return None,
                };
            }
        }
        Some(Activity {
            text,
            quantities: self
                .quantities
                .iter()
                .filter(|q| !q.is_zero())
                .cloned()
                .collect(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Quantity;

    fn count(key: &str, count: u64) -> Quantity {
        Quantity {
            key: key.into(),
            label: key.into(),
            count: Some(count),
            unit: Some("người".into()),
            ..Quantity::default()
        }
    }

    #[test]
    fn zero_figures_leave_with_their_clause() {
        let activity = Activity {
            text: "Tổ chức {buoi}, thu hút {nguoi} tham dự.".into(),
            quantities: vec![count("buoi", 3), count("nguoi", 0)],
        };
        let printed = activity.without_zero_figures().unwrap();
        assert_eq!(printed.text, "Tổ chức {buoi}.");
        assert_eq!(printed.quantities, vec![count("buoi", 3)]);
    }

    #[test]
    fn a_zero_figure_named_twice_leaves_twice() {
        let activity = Activity {
            text: "Tổ chức {buoi}, thu hút {nguoi} tham dự; tặng quà {qua}, mời {nguoi}.".into(),
            quantities: vec![count("buoi", 3), count("nguoi", 0), count("qua", 2)],
        };
        let printed = activity.without_zero_figures().unwrap();
        assert_eq!(printed.text, "Tổ chức {buoi}; tặng quà {qua}.");
    }

    #[test]
    fn an_activity_of_zero_figures_leaves() {
        let activity = Activity {
            text: "Tổ chức {buoi}, thu hút {nguoi} tham dự.".into(),
            quantities: vec![count("buoi", 0), count("nguoi", 0)],
        };
        assert_eq!(activity.without_zero_figures(), None);
        let without_figures = Activity {
            text: "Thành lập nghiệp đoàn.".into(),
            quantities: vec![],
        };
        assert!(without_figures.without_zero_figures().is_some());
    }
}
