//! Numbers and money in Vietnamese notation: "." groups thousands, "," marks decimals.
//!
//! Decimals are rounded half away from zero on the shortest decimal form of the
//! `f64` (the digits Rust prints for it), so `2.675` rounds to `2,68` as a reader
//! expects, not to the `2,67` its binary value would give.

/// One million đồng, the smallest unit of the short money form.
const MILLION: u64 = 1_000_000;
/// One billion (một tỷ) đồng.
const BILLION: u64 = 1_000_000_000;

/// Formats `n` with "." between thousands: `1234567` → `"1.234.567"`.
pub fn format_integer(n: u64) -> String {
    group_thousands(&n.to_string())
}

/// Formats `value` with a decimal comma and at most `max_fraction_digits`
/// fraction digits, rounded half away from zero, trailing zeros trimmed:
/// `(1234.5, 1)` → `"1.234,5"`. A value that rounds to zero has no sign;
/// NaN and infinities are written as Rust displays them (`"NaN"`, `"inf"`).
pub fn format_decimal(value: f64, max_fraction_digits: usize) -> String {
    if !value.is_finite() {
        return value.to_string();
    }
    let shortest = value.abs().to_string();
    let (int_part, fraction) = shortest.split_once('.').unwrap_or((&shortest, ""));
    let (int_digits, fraction) = round_half_away(int_part, fraction, max_fraction_digits);
    let magnitude = join_decimal(&int_digits, &fraction);
    if value < 0.0 && magnitude != "0" {
        format!("-{magnitude}")
    } else {
        magnitude
    }
}

/// Formats a percentage with a decimal comma, at most two decimals, and no space before the
/// sign: `100.0` → `"100%"`, `97.5` → `"97,5%"`.
pub fn format_percent(percent: f64) -> String {
    format!("{}%", format_decimal(percent, 2))
}

/// Formats a part of a whole: `(3, 3)` → `"3/3"`, `(1200, 1500)` → `"1.200/1.500"`.
pub fn format_ratio(part: u64, whole: u64) -> String {
    format!("{}/{}", format_integer(part), format_integer(whole))
}

/// Formats an amount in full: `200000000` → `"200.000.000 đồng"`.
pub fn money_full(dong: u64) -> String {
    format!("{} đồng", format_integer(dong))
}

/// Formats an amount as clerks write it in running text: in triệu below one tỷ, in tỷ from
/// there, with at most one decimal (`27300000` → `"27,3 triệu đồng"`, `1200000000` → `"1,2 tỷ
/// đồng"`), or in full when one decimal would not be exact (`27345600` → `"27.345.600
/// đồng"`), so that the short form never changes the sum. Amounts below one million are
/// always in full.
pub fn money_short(dong: u64) -> String {
    let (unit, name) = match dong {
        0..MILLION => return money_full(dong),
        MILLION..BILLION => (MILLION, "triệu"),
        _ => (BILLION, "tỷ"),
    };
    let tenth = unit / 10;
    if !dong.is_multiple_of(tenth) {
        return money_full(dong);
    }
    let tenths = dong / tenth;
    format!(
        "{} {name} đồng",
        join_decimal(&(tenths / 10).to_string(), &(tenths % 10).to_string())
    )
}

/// Inserts "." between thousands of a string of ASCII digits.
fn group_thousands(digits: &str) -> String {
    let len = digits.len();
    let mut grouped = String::with_capacity(len + len / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (len - i).is_multiple_of(3) {
            grouped.push('.');
        }
        grouped.push(digit);
    }
    grouped
}

/// Joins integer and fraction digits as `"1.234,5"`, trimming trailing zeros
/// of the fraction and the comma when nothing is left of it.
fn join_decimal(int_digits: &str, fraction: &str) -> String {
    let fraction = fraction.trim_end_matches('0');
    let grouped = group_thousands(int_digits);
    if fraction.is_empty() {
        grouped
    } else {
        format!("{grouped},{fraction}")
    }
}

/// Rounds the decimal number `int_part.fraction` (ASCII digits) half away from
/// zero to `keep` fraction digits; returns the new integer and fraction digits.
fn round_half_away(int_part: &str, fraction: &str, keep: usize) -> (String, String) {
    if fraction.len() <= keep {
        return (int_part.to_owned(), fraction.to_owned());
    }
    let mut digits: Vec<u8> = int_part
        .bytes()
        .chain(fraction.bytes().take(keep))
        .collect();
    if fraction.as_bytes()[keep] >= b'5' {
        increment_digits(&mut digits);
    }
    let fraction = digits.split_off(digits.len() - keep);
    (
        String::from_utf8_lossy(&digits).into_owned(),
        String::from_utf8_lossy(&fraction).into_owned(),
    )
}

/// Adds one to a big-endian string of ASCII digits, growing it on overflow.
fn increment_digits(digits: &mut Vec<u8>) {
    for digit in digits.iter_mut().rev() {
        if *digit == b'9' {
            *digit = b'0';
        } else {
            *digit += 1;
            return;
        }
    }
    digits.insert(0, b'1');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_integer_groups_thousands() {
        let cases = [
            (0, "0"),
            (7, "7"),
            (999, "999"),
            (1_000, "1.000"),
            (12_345, "12.345"),
            (123_456, "123.456"),
            (1_234_567, "1.234.567"),
            (200_000_000, "200.000.000"),
            (u64::MAX, "18.446.744.073.709.551.615"),
        ];
        for (n, expected) in cases {
            assert_eq!(format_integer(n), expected, "{n}");
        }
    }

    #[test]
    fn format_decimal_uses_comma_and_rounds_half_away_from_zero() {
        let cases = [
            (27.3, 2, "27,3"),
            (1234.5, 1, "1.234,5"),
            (2.0, 2, "2"),
            (0.0, 2, "0"),
            (-0.0, 2, "0"),
            (1234.5, 0, "1.235"),
            (-1234.5, 0, "-1.235"),
            (0.5, 0, "1"),
            (-0.5, 0, "-1"),
            (0.4, 0, "0"),
            (-0.004, 2, "0"),
            (2.675, 2, "2,68"),
            (0.125, 2, "0,13"),
            (-1.005, 2, "-1,01"),
            (9.995, 2, "10"),
            (999.96, 1, "1.000"),
            (1.10, 5, "1,1"),
            (0.001, 3, "0,001"),
            (1234567.891, 2, "1.234.567,89"),
            (1e21, 2, "1.000.000.000.000.000.000.000"),
            (0.1 + 0.2, 2, "0,3"),
        ];
        for (value, digits, expected) in cases {
            assert_eq!(
                format_decimal(value, digits),
                expected,
                "({value}, {digits})"
            );
        }
    }

    #[test]
    fn format_decimal_handles_extreme_inputs() {
        let cases = [
            (f64::NAN, 2, "NaN"),
            (f64::INFINITY, 2, "inf"),
            (f64::NEG_INFINITY, 2, "-inf"),
            (1.5, usize::MAX, "1,5"),
            (f64::MIN_POSITIVE, 3, "0"),
            (-f64::MIN_POSITIVE, 3, "0"),
        ];
        for (value, digits, expected) in cases {
            assert_eq!(
                format_decimal(value, digits),
                expected,
                "({value}, {digits})"
            );
        }
        assert!(format_decimal(f64::MAX, 2).starts_with("179.769.313"));
        assert!(format_decimal(f64::MIN, 2).starts_with("-179.769.313"));
    }

    #[test]
    fn percentages_and_ratios() {
        assert_eq!(format_percent(100.0), "100%");
        assert_eq!(format_percent(97.5), "97,5%");
        assert_eq!(format_percent(33.333), "33,33%");
        assert_eq!(format_ratio(3, 3), "3/3");
        assert_eq!(format_ratio(1200, 1500), "1.200/1.500");
    }

    #[test]
    fn money_full_appends_dong() {
        let cases = [
            (0, "0 đồng"),
            (500_000, "500.000 đồng"),
            (200_000_000, "200.000.000 đồng"),
        ];
        for (dong, expected) in cases {
            assert_eq!(money_full(dong), expected, "{dong}");
        }
    }

    #[test]
    fn money_short_has_one_decimal_or_the_full_figure() {
        let cases = [
            (0, "0 đồng"),
            (500_000, "500.000 đồng"),
            (999_999, "999.999 đồng"),
            (1_000_000, "1 triệu đồng"),
            (1_000_499, "1.000.499 đồng"),
            (1_100_000, "1,1 triệu đồng"),
            (27_300_000, "27,3 triệu đồng"),
            (27_350_000, "27.350.000 đồng"),
            (27_345_600, "27.345.600 đồng"),
            (72_000_000, "72 triệu đồng"),
            (200_000_000, "200 triệu đồng"),
            (999_900_000, "999,9 triệu đồng"),
            (999_999_500, "999.999.500 đồng"),
            (1_000_000_000, "1 tỷ đồng"),
            (1_200_000_000, "1,2 tỷ đồng"),
            (1_250_000_000, "1.250.000.000 đồng"),
            (12_500_000_000, "12,5 tỷ đồng"),
            (1_250_000_000_000, "1.250 tỷ đồng"),
            (u64::MAX, "18.446.744.073.709.551.615 đồng"),
        ];
        for (dong, expected) in cases {
            assert_eq!(money_short(dong), expected, "{dong}");
        }
    }
}
