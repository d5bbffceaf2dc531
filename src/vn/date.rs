//! Dates as written in Vietnamese documents.
//!
//! The header line of Decree 30/2020/NĐ-CP pads days below 10 and the months
//! 1 and 2 with a zero ("ngày 05 tháng 01 năm 2020") but not months 3 to 12
//! ("ngày 29 tháng 6 năm 2019"). Dates in running text are written the same way, so that a
//! document has one date form; tables use the numeric form.

use chrono::{Datelike, NaiveDate};

/// The place-and-date line of a document header:
/// `"Tam Kỳ, ngày 02 tháng 11 năm 2022"`.
pub fn date_line(place: &str, date: NaiveDate) -> String {
    format!("{place}, {}", date_padded(date))
}

/// The header date without the place: `"ngày 02 tháng 11 năm 2022"`.
pub fn date_padded(date: NaiveDate) -> String {
    let month = date.month();
    let month = if month <= 2 {
        format!("{month:02}")
    } else {
        month.to_string()
    };
    format!("ngày {:02} tháng {month} năm {}", date.day(), date.year())
}

/// The numeric form dd/mm/yyyy: `"02/11/2022"`.
pub fn date_short(date: NaiveDate) -> String {
    format!("{:02}/{:02}/{:04}", date.day(), date.month(), date.year())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(year: i32, month: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(year, month, day).expect("valid test date")
    }

    #[test]
    fn date_line_prefixes_place() {
        let cases = [
            (
                "Tam Kỳ",
                ymd(2022, 11, 2),
                "Tam Kỳ, ngày 02 tháng 11 năm 2022",
            ),
            (
                "Hà Nội",
                ymd(2019, 6, 29),
                "Hà Nội, ngày 29 tháng 6 năm 2019",
            ),
            (
                "Tam Thanh",
                ymd(2020, 1, 5),
                "Tam Thanh, ngày 05 tháng 01 năm 2020",
            ),
            ("", ymd(2024, 2, 29), ", ngày 29 tháng 02 năm 2024"),
        ];
        for (place, date, expected) in cases {
            assert_eq!(date_line(place, date), expected);
        }
    }

    #[test]
    fn date_padded_pads_small_days_and_early_months() {
        let cases = [
            (ymd(2022, 11, 2), "ngày 02 tháng 11 năm 2022"),
            (ymd(2019, 6, 29), "ngày 29 tháng 6 năm 2019"),
            (ymd(2020, 1, 5), "ngày 05 tháng 01 năm 2020"),
            (ymd(2021, 2, 10), "ngày 10 tháng 02 năm 2021"),
            (ymd(2021, 3, 9), "ngày 09 tháng 3 năm 2021"),
            (ymd(2023, 10, 1), "ngày 01 tháng 10 năm 2023"),
            (ymd(2023, 12, 31), "ngày 31 tháng 12 năm 2023"),
        ];
        for (date, expected) in cases {
            assert_eq!(date_padded(date), expected, "{date}");
        }
    }

    #[test]
    fn date_short_is_dd_mm_yyyy() {
        let cases = [
            (ymd(2022, 11, 2), "02/11/2022"),
            (ymd(2020, 1, 5), "05/01/2020"),
            (ymd(2023, 12, 31), "31/12/2023"),
            (ymd(999, 3, 4), "04/03/0999"),
        ];
        for (date, expected) in cases {
            assert_eq!(date_short(date), expected, "{date}");
        }
    }

    #[test]
    fn extreme_dates_do_not_panic() {
        for date in [NaiveDate::MIN, NaiveDate::MAX] {
            assert!(date_line("X", date).starts_with("X, ngày "));
            assert!(date_padded(date).starts_with("ngày "));
            assert!(date_short(date).contains('/'));
        }
    }
}
