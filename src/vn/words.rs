//! Numbers read out in words, as written in official documents ("bằng chữ").
//!
//! House style:
//! - digits: không một hai ba bốn năm sáu bảy tám chín; scale words: nghìn,
//!   triệu, tỷ (never "ngàn", never "nghìn tỷ" as a unit: above 999 tỷ the
//!   count of tỷ is read as a number, 1.000.000.000.000 → "một nghìn tỷ");
//! - 10 → "mười", 15 → "mười lăm", 14 → "mười bốn", 11 → "mười một";
//! - after "mươi" (20 and above): 1 → "mốt", 4 → "tư", 5 → "lăm";
//! - zero tens before nonzero units, after a spoken hundred → "linh"
//!   (101 → "một trăm linh một");
//! - a group of three digits that is not the first spoken one says its hundreds
//!   even when zero (2.001 → "hai nghìn không trăm linh một");
//! - an all-zero group is skipped (1.005.000 → "một triệu không trăm linh năm nghìn").

/// Digit names, indexed by digit.
const DIGITS: [&str; 10] = [
    "không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín",
];
/// One billion (một tỷ).
const BILLION: u64 = 1_000_000_000;

/// Reads `n` in lowercase words: `2001` → `"hai nghìn không trăm linh một"`.
pub fn number_in_words(n: u64) -> String {
    if n == 0 {
        return DIGITS[0].to_owned();
    }
    let mut words = Vec::new();
    push_number(&mut words, n);
    words.join(" ")
}

/// Reads an amount of money: `200000000` → `"Hai trăm triệu đồng"`.
pub fn money_in_words(dong: u64) -> String {
    capitalize_first(&format!("{} đồng", number_in_words(dong)))
}

/// Upper-cases the first character of `s`, Unicode aware: `"đồng"` → `"Đồng"`.
pub fn capitalize_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Pushes the words of a nonzero `n`. A group is the leading one when no word
/// has been spoken before it.
fn push_number(words: &mut Vec<&'static str>, n: u64) {
    let billions = n / BILLION;
    if billions > 0 {
        push_number(words, billions);
        words.push("tỷ");
    }
    let below_billion = n % BILLION;
    let groups = [
        (below_billion / 1_000_000, Some("triệu")),
        (below_billion / 1_000 % 1_000, Some("nghìn")),
        (below_billion % 1_000, None),
    ];
    for (group, scale) in groups {
        if group == 0 {
            continue;
        }
        let is_leading = words.is_empty();
        push_group(words, group as usize, is_leading);
        words.extend(scale);
    }
}

/// Pushes the words of a nonzero group of three digits (`group` < 1000).
fn push_group(words: &mut Vec<&'static str>, group: usize, is_leading: bool) {
    let (hundreds, tens, units) = (group / 100, group / 10 % 10, group % 10);
    let says_hundreds = hundreds > 0 || !is_leading;
    if says_hundreds {
        words.extend([DIGITS[hundreds], "trăm"]);
    }
    match (tens, units) {
        (0, 0) => {}
        (0, _) => {
            if says_hundreds {
                words.push("linh");
            }
            words.push(DIGITS[units]);
        }
        (1, _) => words.push("mười"),
        _ => words.extend([DIGITS[tens], "mươi"]),
    }
    if tens > 0 && units > 0 {
        words.push(units_after_tens(tens, units));
    }
}

/// Names the units digit after "mười" (`tens` = 1) or "mươi" (`tens` ≥ 2).
fn units_after_tens(tens: usize, units: usize) -> &'static str {
    match (tens, units) {
        (2.., 1) => "mốt",
        (2.., 4) => "tư",
        (_, 5) => "lăm",
        _ => DIGITS[units],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_in_words_follows_house_style() {
        let cases = [
            (0, "không"),
            (1, "một"),
            (4, "bốn"),
            (5, "năm"),
            (10, "mười"),
            (11, "mười một"),
            (14, "mười bốn"),
            (15, "mười lăm"),
            (20, "hai mươi"),
            (21, "hai mươi mốt"),
            (24, "hai mươi tư"),
            (25, "hai mươi lăm"),
            (31, "ba mươi mốt"),
            (55, "năm mươi lăm"),
            (99, "chín mươi chín"),
            (100, "một trăm"),
            (101, "một trăm linh một"),
            (104, "một trăm linh bốn"),
            (105, "một trăm linh năm"),
            (110, "một trăm mười"),
            (111, "một trăm mười một"),
            (115, "một trăm mười lăm"),
            (121, "một trăm hai mươi mốt"),
            (1_000, "một nghìn"),
            (1_020, "một nghìn không trăm hai mươi"),
            (2_001, "hai nghìn không trăm linh một"),
            (10_500, "mười nghìn năm trăm"),
            (15_015, "mười lăm nghìn không trăm mười lăm"),
            (1_000_000, "một triệu"),
            (1_000_005, "một triệu không trăm linh năm"),
            (1_005_000, "một triệu không trăm linh năm nghìn"),
            (27_300_000, "hai mươi bảy triệu ba trăm nghìn"),
            (200_000_000, "hai trăm triệu"),
            (1_000_000_005, "một tỷ không trăm linh năm"),
            (10_000_000_000, "mười tỷ"),
            (1_000_000_000_000, "một nghìn tỷ"),
            (1_000_000_000_005, "một nghìn tỷ không trăm linh năm"),
            (2_500_000_000_000, "hai nghìn năm trăm tỷ"),
            (1_000_000_000_000_000_000, "một tỷ tỷ"),
        ];
        for (n, expected) in cases {
            assert_eq!(number_in_words(n), expected, "{n}");
        }
    }

    #[test]
    fn number_in_words_reads_u64_max() {
        let expected = "mười tám tỷ bốn trăm bốn mươi sáu triệu bảy trăm bốn mươi tư nghìn \
                        không trăm bảy mươi ba tỷ bảy trăm linh chín triệu năm trăm năm mươi \
                        mốt nghìn sáu trăm mười lăm";
        assert_eq!(number_in_words(u64::MAX), expected);
    }

    #[test]
    fn number_in_words_is_well_formed_across_the_range() {
        let samples = (0..64)
            .map(|shift| 1u64 << shift)
            .chain((0..=19).map(|p| 10u64.pow(p)));
        for n in samples.flat_map(|n| [n - 1, n, n + 1, n.wrapping_mul(7) / 3]) {
            let words = number_in_words(n);
            assert!(!words.is_empty() && !words.contains("  "), "{n}: {words:?}");
            assert_eq!(words, words.trim(), "{n}");
            assert!(
                !words.starts_with("linh") && !words.starts_with("không trăm"),
                "{n}"
            );
        }
    }

    #[test]
    fn money_in_words_capitalises_and_appends_dong() {
        let cases = [
            (0, "Không đồng"),
            (15, "Mười lăm đồng"),
            (200_000_000, "Hai trăm triệu đồng"),
            (27_300_000, "Hai mươi bảy triệu ba trăm nghìn đồng"),
        ];
        for (dong, expected) in cases {
            assert_eq!(money_in_words(dong), expected, "{dong}");
        }
    }

    #[test]
    fn capitalize_first_is_unicode_aware() {
        let cases = [
            ("", ""),
            ("đồng", "Đồng"),
            ("ấp", "Ấp"),
            ("e\u{302}\u{301}", "E\u{302}\u{301}"),
            ("Hai", "Hai"),
            ("ǆ", "Ǆ"),
            ("ß", "SS"),
            ("1 đồng", "1 đồng"),
        ];
        for (input, expected) in cases {
            assert_eq!(capitalize_first(input), expected, "{input:?}");
        }
    }
}
