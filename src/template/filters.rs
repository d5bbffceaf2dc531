//! Filters templates use to write Vietnamese numbers, money, words and dates.

use chrono::NaiveDate;
use minijinja::value::{Serde, Value};
use minijinja::{Error, ErrorKind};

use super::escape::string_literal;
use crate::model::{Quantity, QuantityValue, fill_placeholders};
use crate::vn;

/// Registers every filter on `env`.
pub fn register(env: &mut minijinja::Environment<'_>) {
    env.add_filter("number", |n: u64| vn::format_integer(n));
    env.add_filter("money", |n: u64| unbreakable(&vn::money_full(n)));
    env.add_filter("money_short", |n: u64| unbreakable(&vn::money_short(n)));
    env.add_filter("money_words", |n: u64| vn::money_in_words(n));
    env.add_filter("words", |n: u64| vn::number_in_words(n));
    env.add_filter("pad2", |n: u64| format!("{n:02}"));
    env.add_filter("upper", |s: &str| vn::upper(s));
    env.add_filter("header", header);
    env.add_filter("shared_place", shared_place);
    env.add_filter("date_line", date_line);
    env.add_filter("date", |d: &str| parse_date(d).map(vn::date_padded));
    env.add_filter("date_short", |d: &str| parse_date(d).map(vn::date_short));
    env.add_filter("typst_date", typst_date);
    env.add_filter("letter", letter);
    env.add_filter("roman", roman);
    env.add_filter("quantity", quantity);
    env.add_filter("figure", figure);
    env.add_filter("narrative", narrative);
    env.add_filter("tstr", |s: &str| Value::from_safe_string(string_literal(s)));
}

fn parse_date(text: &str) -> Result<NaiveDate, Error> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| {
        Error::new(
            ErrorKind::InvalidOperation,
            format!("`{text}` is not a YYYY-MM-DD date"),
        )
    })
}

/// `"2022-11-02"|date_line("Tam Kỳ")` → "Tam Kỳ, ngày 02 tháng 11 năm 2022".
fn date_line(date: &str, place: &str) -> Result<String, Error> {
    Ok(vn::date_line(place, parse_date(date)?))
}

/// A date as a Typst `datetime(..)` expression, for `set document(date: ..)`.
fn typst_date(date: &str) -> Result<Value, Error> {
    let date = parse_date(date)?;
    let expression = format!(
        "datetime(year: {}, month: {}, day: {})",
        chrono::Datelike::year(&date),
        chrono::Datelike::month(&date),
        chrono::Datelike::day(&date)
    );
    Ok(Value::from_safe_string(expression))
}

/// A body's name as a header prints it: upper-cased, with the words of each place name
/// (a level word and its name, or the data's `place`) bound so that no line breaks inside it:
/// `"Thành đoàn Tam Kỳ"|header("Tam Kỳ")` → "THÀNH ĐOÀN TAM\u{a0}KỲ".
fn header(name: &str, place: Option<&str>) -> String {
    vn::upper(&vn::bind_place_names(name, place))
}

/// The parties' names without the place they all share, and that place once, as a map
/// `{names, place}`; none when they do not share one (see [`vn::shared_place`]).
fn shared_place(names: Vec<String>, place: Option<&str>) -> Value {
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    match vn::shared_place(&names, place) {
        Some((names, place)) => minijinja::context! { names, place },
        None => Value::from(()),
    }
}

/// Point letters in Vietnamese order (Decree 30): `0|letter` → "a", `4|letter` → "đ".
fn letter(index: usize) -> Result<String, Error> {
    const LETTERS: [&str; 23] = [
        "a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m", "n", "o", "p", "q", "r", "s",
        "t", "u", "v", "x", "y",
    ];
    LETTERS.get(index).map(|l| (*l).to_owned()).ok_or_else(|| {
        Error::new(
            ErrorKind::InvalidOperation,
            format!("no point letter for index {index}"),
        )
    })
}

/// Roman numerals for section numbers: `4|roman` → "IV".
fn roman(number: u32) -> String {
    const TABLE: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut rest = number;
    let mut out = String::new();
    for (value, numeral) in TABLE {
        while rest >= value {
            out.push_str(numeral);
            rest -= value;
        }
    }
    out
}

/// Joins words with no-break spaces, so that "27,3 triệu đồng" never splits across lines.
fn unbreakable(text: &str) -> String {
    text.replace(' ', "\u{a0}")
}

/// A quantity as running text: qualifier, figure and unit. `money` picks the money style:
/// "short" (27,3 triệu đồng, the default) or "full" (27.300.000 đồng). A percentage prints
/// "100%", a ratio "3/3 xã".
pub fn format_quantity(quantity: &Quantity, money: &str) -> String {
    let figure = match quantity.value() {
        QuantityValue::Money(dong) if money == "full" => unbreakable(&vn::money_full(dong)),
        QuantityValue::Money(dong) => unbreakable(&vn::money_short(dong)),
        QuantityValue::Count(count, unit) => format!("{}\u{a0}{unit}", vn::format_integer(count)),
        QuantityValue::Percent(percent) => vn::format_percent(percent),
        QuantityValue::Ratio(part, whole, unit) => {
            format!("{}\u{a0}{unit}", vn::format_ratio(part, whole))
        }
    };
    match quantity.qualifier {
        Some(qualifier) => format!("{}\u{a0}{figure}", qualifier.word()),
        None => figure,
    }
}

/// A figure: its qualifier and number, "trên 200.000.000". Takes a quantity (`amount` or
/// `count`) or a computed total (`value`), each with an optional `qualifier`. In a table cell
/// (the default) the two may wrap apart; `figure("text")` keeps them together in running text.
fn figure(item: Value, style: Option<&str>) -> Result<String, Error> {
    let present = |name: &str| {
        item.get_attr(name)
            .ok()
            .filter(|v| !v.is_undefined() && !v.is_none())
    };
    let number = ["value", "amount", "count"]
        .into_iter()
        .find_map(present)
        .ok_or_else(|| {
            Error::new(
                ErrorKind::InvalidOperation,
                "`figure` needs a value, amount or count",
            )
        })?;
    let number = vn::format_integer(u64::try_from(number)?);
    let space = if style == Some("text") { '\u{a0}' } else { ' ' };
    Ok(match present("qualifier") {
        Some(qualifier) => format!("{qualifier}{space}{number}"),
        None => number,
    })
}

fn quantity(quantity: Serde<Quantity>, money: Option<&str>) -> String {
    format_quantity(&quantity, money.unwrap_or("short"))
}

/// Text with `{key}` placeholders and the figures they name: an activity (`quantities`) or a
/// program item (`targets`).
#[derive(serde::Deserialize)]
struct Narrative {
    text: String,
    #[serde(default, alias = "targets")]
    quantities: Vec<Quantity>,
}

/// The text of an activity or program item with its `{key}` placeholders filled in.
fn narrative(item: Serde<Narrative>, money: Option<&str>) -> String {
    let money = money.unwrap_or("short");
    fill_placeholders(&item.text, &item.quantities, |quantity| {
        format_quantity(quantity, money)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roman_numerals() {
        let cases = [
            (1, "I"),
            (4, "IV"),
            (5, "V"),
            (6, "VI"),
            (9, "IX"),
            (14, "XIV"),
            (40, "XL"),
        ];
        for (number, want) in cases {
            assert_eq!(roman(number), want);
        }
    }

    #[test]
    fn point_letters_skip_letters_vietnamese_lacks() {
        let letters: Vec<String> = (0..8).map(|i| letter(i).unwrap()).collect();
        assert_eq!(letters, ["a", "b", "c", "d", "đ", "e", "g", "h"]);
        assert!(letter(23).is_err());
    }
}
