//! `{key}` placeholders in activity and program texts, filled with formatted quantities.

use super::Quantity;

/// Lowercase ASCII alphanumeric words joined by `separator`.
pub(super) fn is_identifier(text: &str, separator: char) -> bool {
    !text.is_empty()
        && text.split(separator).all(|word| {
            !word.is_empty()
                && word
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        })
}

/// The names in `{name}` placeholders. Braces around anything that is not an identifier are
/// ordinary text.
pub fn placeholders(text: &str) -> impl Iterator<Item = &str> {
    text.split('{').skip(1).filter_map(|rest| {
        let name = &rest[..rest.find('}')?];
        is_identifier(name, '_').then_some(name)
    })
}

/// `text` with each `{key}` replaced by `format(quantity)` for the quantity with that key;
/// other braces are kept as they are.
pub fn fill_placeholders(
    text: &str,
    quantities: &[Quantity],
    format: impl Fn(&Quantity) -> String,
) -> String {
    let mut out = String::with_capacity(text.len() + 32);
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let quantity = after.find('}').and_then(|close| {
            let key = &after[..close];
            let quantity = quantities.iter().find(|q| q.key == key)?;
            Some((quantity, close))
        });
        match quantity {
            Some((quantity, close)) => {
                out.push_str(&format(quantity));
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_identifiers_in_braces() {
        let found: Vec<_> = placeholders("trao {quy} và {nha_1}, {Not} {x y} {a").collect();
        assert_eq!(found, ["quy", "nha_1"]);
    }

    #[test]
    fn identifiers() {
        assert!(is_identifier("hoi-lhpn", '-'));
        assert!(is_identifier("ldld2", '-'));
        for bad in ["", "Hoi", "hoi--lhpn", "-a", "hội", "a_b"] {
            assert!(!is_identifier(bad, '-'), "{bad}");
        }
    }

    #[test]
    fn fill_replaces_known_keys_and_keeps_other_braces() {
        let quantities = [Quantity {
            key: "quy".into(),
            label: "Quỹ".into(),
            amount: Some(5),
            count: None,
            unit: None,
            qualifier: None,
        }];
        assert_eq!(
            fill_placeholders("quỹ {quy} {unknown} {x", &quantities, |q| format!(
                "<{}>",
                q.key
            )),
            "quỹ <quy> {unknown} {x"
        );
    }
}
