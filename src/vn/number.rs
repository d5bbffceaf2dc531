//! Numbers and money in Vietnamese notation: "." groups thousands, "," marks decimals.

/// One million đồng, the smallest unit of the short money form.
const MILLION: u64 = 1_000_000;
/// One billion (một tỷ) đồng.
const BILLION: u64 = 1_000_000_000;
/// The short money form counts its unit in thousandths (three fraction digits).
const THOUSANDTHS: u128 = 1_000;

/// Formats `n` with "." between thousands: `1234567` → `"1.234.567"`.
pub fn format_integer(n: u64) -> String {
    group_thousands(&n.to_string())
}

/// Formats an amount in full: `200000000` → `"200.000.000 đồng"`.
pub fn money_full(dong: u64) -> String {
    format!("{} đồng", format_integer(dong))
}

/// Formats an amount in millions or billions with up to three fraction digits,
/// rounded half up: `27345600` → `"27,346 triệu đồng"`, `1250000000000` →
/// `"1.250 tỷ đồng"`. Amounts below one million fall back to [`money_full`];
/// an amount that rounds up to 1.000 triệu is written as 1 tỷ.
pub fn money_short(dong: u64) -> String {
    if dong < MILLION {
        return money_full(dong);
    }
    let in_millions = thousandths_of(dong, MILLION);
    let (amount, unit) = if in_millions < 1_000 * THOUSANDTHS {
        (in_millions, "triệu")
    } else {
        (thousandths_of(dong, BILLION), "tỷ")
    };
    let fraction = format!("{:03}", amount % THOUSANDTHS);
    format!(
        "{} {unit} đồng",
        join_decimal(&(amount / THOUSANDTHS).to_string(), &fraction)
    )
}

/// `dong / unit` in thousandths, rounded half up (`unit` is even).
fn thousandths_of(dong: u64, unit: u64) -> u128 {
    (u128::from(dong) * THOUSANDTHS + u128::from(unit / 2)) / u128::from(unit)
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
    fn money_short_uses_largest_unit() {
        let cases = [
            (0, "0 đồng"),
            (500_000, "500.000 đồng"),
            (999_999, "999.999 đồng"),
            (1_000_000, "1 triệu đồng"),
            (1_000_499, "1 triệu đồng"),
            (1_000_500, "1,001 triệu đồng"),
            (27_300_000, "27,3 triệu đồng"),
            (27_345_600, "27,346 triệu đồng"),
            (200_000_000, "200 triệu đồng"),
            (999_999_499, "999,999 triệu đồng"),
            (999_999_500, "1 tỷ đồng"),
            (1_000_000_000, "1 tỷ đồng"),
            (1_200_000_000, "1,2 tỷ đồng"),
            (1_250_000_000_000, "1.250 tỷ đồng"),
            (u64::MAX, "18.446.744.073,71 tỷ đồng"),
        ];
        for (dong, expected) in cases {
            assert_eq!(money_short(dong), expected, "{dong}");
        }
    }
}
