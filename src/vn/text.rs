//! Vietnamese text: normalisation, upper-casing and file-name slugs.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Returns the NFC form of `s`.
pub fn nfc(s: &str) -> String {
    s.nfc().collect()
}

/// Tells whether `s` is already in NFC.
pub fn is_nfc(s: &str) -> bool {
    unicode_normalization::is_nfc(s)
}

/// Upper-cases Vietnamese text, returning NFC: `"Tam Kỳ"` → `"TAM KỲ"`.
pub fn upper(s: &str) -> String {
    nfc(&s.to_uppercase())
}

/// An ASCII file-name slug: diacritics dropped, đ → d, lowercase, every run of
/// other characters (including non-ASCII letters) turned into one "-", with
/// none at either end: `"Phường An Mỹ"` → `"phuong-an-my"`.
pub fn slug(s: &str) -> String {
    let letters = s.nfd().filter(|&c| !is_combining_mark(c)).map(|c| {
        if c == 'đ' || c == 'Đ' {
            'd'
        } else {
            c.to_ascii_lowercase()
        }
    });
    let mut slug = String::with_capacity(s.len());
    let mut pending_dash = false;
    for c in letters {
        if c.is_ascii_alphanumeric() {
            if pending_dash && !slug.is_empty() {
                slug.push('-');
            }
            pending_dash = false;
            slug.push(c);
        } else {
            pending_dash = true;
        }
    }
    slug
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Strings that stress normalisation, case mapping and collation.
    const TRICKY: [&str; 24] = [
        "",
        " ",
        "\t\n",
        "\u{0}",
        "\u{301}",
        "\u{301}a",
        "a\u{301}\u{301}\u{323}",
        "a\u{306}\u{302}\u{31B}",
        "Đ\u{300}",
        "İ",
        "ß",
        "ǅ",
        "ﬁ",
        "🎉 Tết",
        "---",
        "Ω≈ç√",
        "مرحبا",
        "\u{FEFF}\u{200B}",
        "\u{10FFFF}",
        "ặ ệ ộ ự",
        "Ặ Ệ Ộ Ự",
        "a\u{323}\u{306}",
        "Hoà",
        "Hòa",
    ];

    #[test]
    fn nfc_composes() {
        let cases = [
            ("", ""),
            ("Ho\u{300}a", "Hòa"),
            ("Hòa", "Hòa"),
            ("a\u{323}\u{306}", "ặ"),
            ("u\u{31B}\u{303}", "ữ"),
            ("D\u{335}", "D\u{335}"),
        ];
        for (input, expected) in cases {
            assert_eq!(nfc(input), expected, "{input:?}");
        }
    }

    #[test]
    fn is_nfc_detects_decomposed_text() {
        let cases = [
            ("", true),
            ("Tam Kỳ", true),
            ("Tam Ky\u{300}", false),
            ("ASCII only", true),
            ("a\u{323}\u{306}", false),
        ];
        for (input, expected) in cases {
            assert_eq!(is_nfc(input), expected, "{input:?}");
        }
    }

    #[test]
    fn upper_returns_nfc_uppercase() {
        let cases = [
            (
                "Ban Chỉ huy Quân sự thành phố Tam Kỳ",
                "BAN CHỈ HUY QUÂN SỰ THÀNH PHỐ TAM KỲ",
            ),
            ("đ", "Đ"),
            ("Tam Ky\u{300}", "TAM KỲ"),
            ("a\u{323}\u{306}", "Ặ"),
            ("ư ơ ă â ê ô", "Ư Ơ Ă Â Ê Ô"),
            ("", ""),
            ("123 - số", "123 - SỐ"),
        ];
        for (input, expected) in cases {
            let upper = upper(input);
            assert_eq!(upper, expected, "{input:?}");
            assert!(is_nfc(&upper), "{input:?}");
        }
    }

    #[test]
    fn slug_is_ascii_and_dashed() {
        let cases = [
            ("Tam Kỳ", "tam-ky"),
            ("Phường An Mỹ", "phuong-an-my"),
            ("Xã Tam Thanh", "xa-tam-thanh"),
            ("Hòa Hương", "hoa-huong"),
            ("  Đà Nẵng!! ", "da-nang"),
            ("", ""),
            ("---", ""),
            ("Quyết định số 12/QĐ-UBND", "quyet-dinh-so-12-qd-ubnd"),
            ("Tam Ky\u{300}", "tam-ky"),
            ("ĐỒNG", "dong"),
            ("a—b", "a-b"),
            ("Tết 🎉 2024", "tet-2024"),
        ];
        for (input, expected) in cases {
            assert_eq!(slug(input), expected, "{input:?}");
        }
    }

    #[test]
    fn tricky_strings_do_not_panic() {
        for s in TRICKY {
            assert!(is_nfc(&nfc(s)), "{s:?}");
            assert!(is_nfc(&upper(s)), "{s:?}");
            let slug = slug(s);
            assert!(
                slug.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            );
            assert!(!slug.starts_with('-') && !slug.ends_with('-') && !slug.contains("--"));
        }
    }
}
