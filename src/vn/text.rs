//! Vietnamese text: normalisation, upper-casing, file-name slugs and tidying pasted text.

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

/// Text as a word processor pastes it, tidied the same way for every input: soft hyphens,
/// zero-width spaces, word joiners and byte-order marks dropped; no-break and other spaces,
/// tabs and line breaks made plain spaces; runs of spaces made one; the ends trimmed. Curly
/// quotes (“ ”), which Vietnamese documents use, are kept. `None` when `text` is already tidy,
/// as nearly all text is.
pub fn tidy(text: &str) -> Option<String> {
    let dropped = |c: char| matches!(c, '\u{00AD}' | '\u{200B}' | '\u{2060}' | '\u{FEFF}');
    let untidy = text.starts_with(' ')
        || text.ends_with(' ')
        || text.contains("  ")
        || text
            .chars()
            .any(|c| dropped(c) || (c != ' ' && c.is_whitespace()));
    if !untidy {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars().filter(|&c| !dropped(c)) {
        if !c.is_whitespace() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with(' ') {
            out.push(' ');
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    Some(out)
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

    /// Strings that stress normalisation, case mapping and slugs.
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

    #[test]
    fn pasted_text_is_tidied() {
        let pasted = "\u{feff} Quỹ\u{a0}“Vì người\tnghèo”\r\nthành\u{ad}phố  Tam\u{200b} Kỳ\n";
        assert_eq!(
            tidy(pasted).as_deref(),
            Some("Quỹ “Vì người nghèo” thànhphố Tam Kỳ")
        );
        assert_eq!(tidy("Ban CHQS thành phố Tam Kỳ"), None);
        assert_eq!(tidy(" \u{a0}\n").as_deref(), Some(""));
    }
}
