//! Vietnamese conventions for official documents: number and money notation,
//! numbers in words, Decree 30 dates, and text handling (normalisation,
//! upper-casing, slugs), place names that a line must not break, and
//! administrative units by name.

mod date;
mod number;
mod place;
mod text;
mod unit;
mod words;

pub use date::{date_line, date_padded, date_short};
pub use number::{
    format_decimal, format_integer, format_percent, format_ratio, money_full, money_short,
};
pub use place::{bind_place_names, shared_place};
pub use text::{is_nfc, nfc, slug, tidy, upper};
pub use unit::{Unit, UnitKind, accepted_kinds, kind_of_slug, kinds_phrase};
pub use words::{capitalize_first, money_in_words, number_in_words};
