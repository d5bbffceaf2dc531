//! Administrative units by name: "Phường An Mỹ", "xã tân lập", "TT. Bình Minh", "Quận 1". A
//! name is read as its kind (the level word) and its place, so that documents print the level
//! words the data gives, in the case Vietnamese writes them.

use std::fmt;

use super::text::nfc;

/// The kind of an administrative unit, in the order a list of kinds names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum UnitKind {
    /// Phường (a city's or town's ward).
    Phuong,
    /// Xã (a rural commune).
    Xa,
    /// Thị trấn (a district's town).
    ThiTran,
    /// Đặc khu (a special zone).
    DacKhu,
    /// Quận (an urban district).
    Quan,
    /// Huyện (a rural district).
    Huyen,
    /// Thị xã (a town).
    ThiXa,
    /// Thành phố (a city).
    ThanhPho,
    /// Tỉnh (a province).
    Tinh,
}

/// Every kind, in order.
const KINDS: [UnitKind; 9] = [
    UnitKind::Phuong,
    UnitKind::Xa,
    UnitKind::ThiTran,
    UnitKind::DacKhu,
    UnitKind::Quan,
    UnitKind::Huyen,
    UnitKind::ThiXa,
    UnitKind::ThanhPho,
    UnitKind::Tinh,
];

impl UnitKind {
    /// The level word as a name starts with it: "Thị trấn".
    pub fn word(self) -> &'static str {
        match self {
            UnitKind::Phuong => "Phường",
            UnitKind::Xa => "Xã",
            UnitKind::ThiTran => "Thị trấn",
            UnitKind::DacKhu => "Đặc khu",
            UnitKind::Quan => "Quận",
            UnitKind::Huyen => "Huyện",
            UnitKind::ThiXa => "Thị xã",
            UnitKind::ThanhPho => "Thành phố",
            UnitKind::Tinh => "Tỉnh",
        }
    }

    /// The level word in running text: "thị trấn" ("Ban CHQS thị trấn").
    pub fn level(self) -> String {
        self.word().to_lowercase()
    }

    /// The abbreviation clerks write for it, if any: "TT.".
    pub fn abbreviation(self) -> Option<&'static str> {
        match self {
            UnitKind::Phuong => Some("P."),
            UnitKind::Xa => Some("X."),
            UnitKind::ThiTran => Some("TT."),
            UnitKind::Quan => Some("Q."),
            UnitKind::Huyen => Some("H."),
            UnitKind::ThiXa => Some("TX."),
            UnitKind::ThanhPho => Some("TP."),
            UnitKind::DacKhu | UnitKind::Tinh => None,
        }
    }

    /// The military command of a unit of this kind: a province's is a "Bộ" Chỉ huy Quân sự,
    /// every other a "Ban".
    pub fn command(self) -> &'static str {
        match self {
            UnitKind::Tinh => "Bộ",
            _ => "Ban",
        }
    }
}

/// An administrative unit: its kind and its place name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    /// What level it is.
    pub kind: UnitKind,
    /// Its place name without the level word, capitalised as a place name: "Bình Minh", or
    /// its number: "3".
    pub place: String,
}

impl Unit {
    /// Reads a unit's name: its kind in any case ("Thị Trấn", "thị trấn") or abbreviated
    /// ("TT.", "TT"; "P.", "X.", "Q.", "H.", "TX.", "TP." with their dot), then its place.
    /// None when the name starts with no kind or names no place.
    pub fn parse(name: &str) -> Option<Unit> {
        let name = nfc(name).split_whitespace().collect::<Vec<_>>().join(" ");
        KINDS.iter().find_map(|&kind| {
            let rest =
                strip_word(&name, &kind.level()).or_else(|| strip_abbreviation(&name, kind))?;
            let place = place_name(rest.trim());
            (!place.is_empty()).then_some(Unit { kind, place })
        })
    }

    /// Whether it is named by a number ("Phường 3"), which keeps its level word capitalised.
    pub fn numbered(&self) -> bool {
        self.place.chars().all(|c| c.is_ascii_digit())
    }

    /// Its name as running text writes it after a common noun: "phường An Mỹ" ("Ban Chỉ huy
    /// Quân sự phường An Mỹ"), but "Phường 3".
    pub fn in_text(&self) -> String {
        if self.numbered() {
            self.to_string()
        } else {
            format!("{} {}", self.kind.level(), self.place)
        }
    }

    /// The place of its date line: "An Mỹ", but "Phường 3".
    pub fn date_place(&self) -> String {
        if self.numbered() {
            self.to_string()
        } else {
            self.place.clone()
        }
    }
}

impl Unit {
    /// The unit a longer name ends with: "Phường An Mỹ" in "Ban CHQS phường An Mỹ", the first
    /// of its word-led tails that reads as a unit.
    pub fn named_in(text: &str) -> Option<Unit> {
        let starts = text
            .char_indices()
            .filter(|&(at, c)| !c.is_whitespace() && (at == 0 || text[..at].ends_with(' ')));
        starts.map(|(at, _)| &text[at..]).find_map(Unit::parse)
    }
}

impl fmt::Display for Unit {
    /// Its official name: "Thị trấn Bình Minh", "Phường 3".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.kind.word(), self.place)
    }
}

/// The kinds a name may start with, for an error message: "Phường (P.), Xã (X.), …".
pub fn accepted_kinds() -> String {
    KINDS
        .iter()
        .map(|kind| match kind.abbreviation() {
            Some(abbreviation) => format!("{} ({abbreviation})", kind.word()),
            None => kind.word().to_owned(),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The kinds of a set of units as a list names them, each once and in order: "xã, thị trấn",
/// "huyện, thị xã, thành phố"; none for no kind.
pub fn kinds_phrase(kinds: impl IntoIterator<Item = UnitKind>) -> Option<String> {
    let mut kinds: Vec<UnitKind> = kinds.into_iter().collect();
    kinds.sort();
    kinds.dedup();
    (!kinds.is_empty()).then(|| {
        kinds
            .iter()
            .map(|kind| kind.level())
            .collect::<Vec<_>>()
            .join(", ")
    })
}

/// The kind a file name's ASCII slug starts with ("thi-tran-binh-minh" → Thị trấn), for wards
/// named by their files.
pub fn kind_of_slug(slug: &str) -> Option<UnitKind> {
    // Longest first, so that "thi-xa-" is not read as "xa-" nor "thi-tran-" as "thanh-pho-".
    let mut kinds = KINDS.to_vec();
    kinds.sort_by_key(|kind| std::cmp::Reverse(kind.word().len()));
    kinds.into_iter().find(|kind| {
        slug.strip_prefix(&super::text::slug(kind.word()))
            .is_some_and(|rest| rest.len() > 1 && rest.starts_with('-'))
    })
}

/// `name` after its first word(s) `word` (in lower case), matched in any case, and a space.
fn strip_word<'a>(name: &'a str, word: &str) -> Option<&'a str> {
    let mut chars = name.char_indices();
    for expected in word.chars() {
        let (_, found) = chars.next()?;
        if !found.to_lowercase().eq(expected.to_lowercase()) {
            return None;
        }
    }
    let (at, space) = chars.next()?;
    (space == ' ').then(|| &name[at + 1..])
}

/// `name` after `kind`'s abbreviation in any case: "TT. Bình Minh", "tt.Bình Minh", "P.3";
/// a two-letter one also without its dot: "TT Bình Minh".
fn strip_abbreviation(name: &str, kind: UnitKind) -> Option<&str> {
    let abbreviation = kind.abbreviation()?;
    let letters = abbreviation.trim_end_matches('.');
    let head = name.get(..letters.len())?;
    if !head.eq_ignore_ascii_case(letters) {
        return None;
    }
    let rest = &name[letters.len()..];
    if let Some(rest) = rest.strip_prefix('.') {
        Some(rest)
    } else if letters.len() == 2 {
        rest.strip_prefix(' ')
    } else {
        None
    }
}

/// A place name capitalised as Vietnamese writes one: every word starts with a capital
/// ("tân lập" → "Tân Lập"); a name typed all in capitals is lowered first ("TÂN LẬP").
fn place_name(place: &str) -> String {
    let shouting = place.chars().any(char::is_alphabetic) && place.to_uppercase() == place;
    place
        .split(' ')
        .map(|word| {
            let mut chars = word.chars();
            let Some(first) = chars.next() else {
                return String::new();
            };
            let rest: String = chars.collect();
            let rest = if shouting { rest.to_lowercase() } else { rest };
            format!("{}{rest}", first.to_uppercase())
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(name: &str) -> (String, String, String, String) {
        let unit = Unit::parse(name).unwrap_or_else(|| panic!("{name:?} not read"));
        (
            unit.to_string(),
            unit.in_text(),
            unit.date_place(),
            unit.kind.level(),
        )
    }

    #[test]
    fn names_in_any_case_and_abbreviated() {
        let s = |a: &str, b: &str, c: &str, d: &str| {
            (a.to_owned(), b.to_owned(), c.to_owned(), d.to_owned())
        };
        for (name, expected) in [
            (
                "Phường An Mỹ",
                s("Phường An Mỹ", "phường An Mỹ", "An Mỹ", "phường"),
            ),
            (
                "Thị Trấn Bình Minh",
                s(
                    "Thị trấn Bình Minh",
                    "thị trấn Bình Minh",
                    "Bình Minh",
                    "thị trấn",
                ),
            ),
            ("xã tân lập", s("Xã Tân Lập", "xã Tân Lập", "Tân Lập", "xã")),
            (
                "XÃ  TÂN LẬP ",
                s("Xã Tân Lập", "xã Tân Lập", "Tân Lập", "xã"),
            ),
            (
                "TT. Bình Minh",
                s(
                    "Thị trấn Bình Minh",
                    "thị trấn Bình Minh",
                    "Bình Minh",
                    "thị trấn",
                ),
            ),
            (
                "tt Núi Thành",
                s(
                    "Thị trấn Núi Thành",
                    "thị trấn Núi Thành",
                    "Núi Thành",
                    "thị trấn",
                ),
            ),
            ("P.3", s("Phường 3", "Phường 3", "Phường 3", "phường")),
            ("phường 3", s("Phường 3", "Phường 3", "Phường 3", "phường")),
            ("Q. 1", s("Quận 1", "Quận 1", "Quận 1", "quận")),
            (
                "X.Tam Thanh",
                s("Xã Tam Thanh", "xã Tam Thanh", "Tam Thanh", "xã"),
            ),
            (
                "thị xã điện bàn",
                s("Thị xã Điện Bàn", "thị xã Điện Bàn", "Điện Bàn", "thị xã"),
            ),
            (
                "TX. Điện Bàn",
                s("Thị xã Điện Bàn", "thị xã Điện Bàn", "Điện Bàn", "thị xã"),
            ),
            (
                "TP Hội An",
                s(
                    "Thành phố Hội An",
                    "thành phố Hội An",
                    "Hội An",
                    "thành phố",
                ),
            ),
            (
                "H. Núi Thành",
                s("Huyện Núi Thành", "huyện Núi Thành", "Núi Thành", "huyện"),
            ),
            (
                "tỉnh Quảng Nam",
                s("Tỉnh Quảng Nam", "tỉnh Quảng Nam", "Quảng Nam", "tỉnh"),
            ),
            (
                "Xã Ea H'leo",
                s("Xã Ea H'leo", "xã Ea H'leo", "Ea H'leo", "xã"),
            ),
        ] {
            assert_eq!(read(name), expected, "{name}");
        }
    }

    #[test]
    fn names_without_a_kind_or_place_are_refused() {
        for name in [
            "An Mỹ",
            "Phường",
            "TT.",
            "P An Mỹ",
            "Phuong An My",
            "Thịtrấn Bình Minh",
            "Khu phố 3",
            "",
        ] {
            assert_eq!(Unit::parse(name), None, "{name}");
        }
        assert_eq!(
            accepted_kinds(),
            "Phường (P.), Xã (X.), Thị trấn (TT.), Đặc khu, Quận (Q.), Huyện (H.), \
             Thị xã (TX.), Thành phố (TP.), Tỉnh"
        );
    }

    #[test]
    fn kinds_are_named_once_in_order() {
        use UnitKind::*;
        assert_eq!(
            kinds_phrase([ThiTran, Xa, Xa]).as_deref(),
            Some("xã, thị trấn")
        );
        assert_eq!(kinds_phrase([Xa, Phuong]).as_deref(), Some("phường, xã"));
        assert_eq!(
            kinds_phrase([ThanhPho, Huyen, ThiXa, Huyen]).as_deref(),
            Some("huyện, thị xã, thành phố")
        );
        assert_eq!(kinds_phrase([]), None);
    }

    #[test]
    fn kinds_of_file_names() {
        assert_eq!(kind_of_slug("phuong-an-my"), Some(UnitKind::Phuong));
        let named = |text: &str| Unit::named_in(text).map(|unit| unit.to_string());
        assert_eq!(
            named("Ban CHQS phường An Mỹ").as_deref(),
            Some("Phường An Mỹ")
        );
        assert_eq!(
            named("Ban Chỉ huy Quân sự thị trấn Bình Minh").as_deref(),
            Some("Thị trấn Bình Minh")
        );
        assert_eq!(named("Xã Tam Thanh").as_deref(), Some("Xã Tam Thanh"));
        assert_eq!(named("Văn phòng Ban CHQS"), None);
        assert_eq!(kind_of_slug("thi-xa-dien-ban"), Some(UnitKind::ThiXa));
        assert_eq!(kind_of_slug("thi-tran-binh-minh"), Some(UnitKind::ThiTran));
        assert_eq!(kind_of_slug("xa-hong"), Some(UnitKind::Xa));
        assert_eq!(kind_of_slug("xa"), None);
        assert_eq!(kind_of_slug("ward-1"), None);
    }
}
