//! Vietnamese conventions for official documents: number and money notation,
//! numbers in words, Decree 30 dates, and text handling (normalisation,
//! upper-casing, slugs).

mod date;
mod number;
mod text;
mod words;

pub use date::{date_line, date_padded, date_plain, date_short};
pub use number::{format_integer, money_full, money_short};
pub use text::{is_nfc, nfc, slug, upper};
pub use words::{capitalize_first, money_in_words, number_in_words};
