//! Vietnamese conventions for official documents: number and money notation,
//! numbers in words, Decree 30 dates, and text handling (normalisation,
//! upper-casing, slugs, collation), and administrative units by name.

mod date;
mod number;
mod text;
mod unit;
mod words;

pub use date::{date_line, date_padded, date_plain, date_short};
pub use number::{format_decimal, format_integer, format_signed, money_full, money_short};
pub use text::{compare, compare_person_names, is_nfc, nfc, slug, upper};
pub use unit::{Unit, UnitKind, accepted_kinds, kind_of_slug, kinds_phrase};
pub use words::{capitalize_first, money_in_words, number_in_words};
