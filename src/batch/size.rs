//! How many wards a batch may have, and counting them in a batch file before it is parsed.

use serde::Deserialize;
use serde::de::IgnoredAny;

/// The most wards one batch may have unless `--max-wards` says otherwise. Every commune-level
/// unit of the country after the 2025 merger (3,321) fits in one batch, as README's benchmark
/// renders them, with room to spare; past it a batch is refused before its wards are checked,
/// since its time and memory grow with each ward (about 70 documents a second here).
pub const MAX_WARDS: usize = 5_000;

/// The number of wards in a batch file's `wards`, counted without parsing them (each is
/// skipped over); `None` when the bytes are not a JSON object with a `wards` list, which the
/// batch file's parser then says precisely.
pub fn count_wards(bytes: &[u8]) -> Option<usize> {
    #[derive(Deserialize)]
    struct Wards {
        /// The wards skipped: a list of a type of no size never allocates.
        wards: Vec<IgnoredAny>,
    }
    serde_json::from_slice::<Wards>(bytes)
        .ok()
        .map(|file| file.wards.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wards_are_counted_whatever_they_hold() {
        let file = br#"{"shared": {"year": 2024}, "wards": [{"name": "x"}, 1, [], {"a": [2]}]}"#;
        assert_eq!(count_wards(file), Some(4));
        assert_eq!(count_wards(br#"{"wards": []}"#), Some(0));
        assert_eq!(count_wards(br#"{"wards": {}}"#), None);
        assert_eq!(count_wards(b"[1, 2"), None);
    }
}
