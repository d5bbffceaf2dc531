//! Place names in headers: a level word and the place it names ("thành phố Tam Kỳ", "thị trấn
//! Bình Minh", "Phường 3") are one unit that a line must not break.

/// The words that name an administrative level (or a military region, "Quân khu 5"), longest
/// first so that "thị xã" wins over "xã".
const LEVEL_WORDS: &[&[&str]] = &[
    &["thành", "phố"],
    &["quân", "khu"],
    &["thị", "trấn"],
    &["thị", "xã"],
    &["đặc", "khu"],
    &["tỉnh"],
    &["huyện"],
    &["quận"],
    &["phường"],
    &["xã"],
];

/// The no-break space that binds the words of a place name.
const BIND: char = '\u{a0}';

/// The words of `text`, with `true` between two words that belong to one place name: a level
/// word and the capitalised words (or number) after it ("thành phố Tam Kỳ", "Phường 3"; not
/// "xã hội"), and every occurrence of `place`, the place name the data gives ("Tam Kỳ").
fn bound_words<'t>(text: &'t str, place: Option<&str>) -> (Vec<&'t str>, Vec<bool>) {
    let words: Vec<&str> = text.split(' ').filter(|w| !w.is_empty()).collect();
    let mut bound = vec![false; words.len().saturating_sub(1)];
    let mut index = 0;
    while index < words.len() {
        if let Some(end) = level_unit_end(&words, index) {
            bound[index..end - 1].iter_mut().for_each(|b| *b = true);
            index = end;
        } else {
            index += 1;
        }
    }
    let place: Vec<&str> = place.map_or(Vec::new(), |p| p.split_whitespace().collect());
    if place.len() > 1 {
        for (start, candidate) in words.windows(place.len()).enumerate() {
            if candidate
                .iter()
                .zip(&place)
                .all(|(word, place)| same_word(word, place))
            {
                bound[start..start + place.len() - 1]
                    .iter_mut()
                    .for_each(|b| *b = true);
            }
        }
    }
    (words, bound)
}

/// If a level word starts at `words[start]` and capitalised words follow it, the index after
/// the last of them.
fn level_unit_end(words: &[&str], start: usize) -> Option<usize> {
    let level = LEVEL_WORDS.iter().find(|level| {
        level.len() <= words.len() - start
            && level
                .iter()
                .zip(&words[start..])
                .all(|(level, word)| same_word(word, level))
    })?;
    let mut end = start + level.len();
    while end < words.len() && starts_a_name(words[end]) {
        end += 1;
        // A name ends at its punctuation: "thành phố Tam Kỳ, tỉnh …".
        if words[end - 1].ends_with([',', ';', '.', ':', ')']) {
            break;
        }
    }
    (end > start + level.len()).then_some(end)
}

/// Whether a word can be part of a place name: it starts with a capital letter or a digit.
fn starts_a_name(word: &str) -> bool {
    word.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// Whether two words are equal but for case (and trailing punctuation on `word`).
fn same_word(word: &str, other: &str) -> bool {
    let word = word.trim_end_matches([',', ';', '.', ':', ')']);
    word.chars()
        .flat_map(char::to_lowercase)
        .eq(other.chars().flat_map(char::to_lowercase))
}

/// `text` with the words of each place name in it joined by no-break spaces, so that no line
/// breaks inside "thành phố Tam Kỳ", "thị trấn Bình Minh" or the data's own `place` name.
pub fn bind_place_names(text: &str, place: Option<&str>) -> String {
    let (words, bound) = bound_words(text, place);
    let mut out = String::with_capacity(text.len() + 8);
    for (index, word) in words.iter().enumerate() {
        if index > 0 {
            out.push(if bound[index - 1] { BIND } else { ' ' });
        }
        out.push_str(word);
    }
    out
}

/// The place unit `name` ends with and the name without it: "Hội Nông dân thành phố Tam Kỳ" →
/// ("Hội Nông dân", level "thành phố", place "Tam Kỳ"). A name that ends with the data's `place`
/// alone ("Thành đoàn Tam Kỳ") gives that place, without a level word.
fn split_place(name: &str, place: Option<&str>) -> Option<(String, Option<String>, String)> {
    let words: Vec<&str> = name.split(' ').filter(|w| !w.is_empty()).collect();
    let joined = |words: &[&str]| words.join(" ");
    for start in 1..words.len() {
        if level_unit_end(&words, start) == Some(words.len()) {
            let level = LEVEL_WORDS.iter().find(|level| {
                level
                    .iter()
                    .zip(&words[start..])
                    .all(|(l, w)| same_word(w, l))
            })?;
            let place_start = start + level.len();
            return Some((
                joined(&words[..start]),
                Some(joined(&words[start..place_start])),
                joined(&words[place_start..]),
            ));
        }
    }
    let place: Vec<&str> = place?.split_whitespace().collect();
    let start = words.len().checked_sub(place.len()).filter(|s| *s > 0)?;
    words[start..]
        .iter()
        .zip(&place)
        .all(|(word, place)| same_word(word, place))
        .then(|| (joined(&words[..start]), None, joined(&words[start..])))
}

/// How the compact joint header names many parties that share a place: each party's name
/// without it, and the shared unit once ("thành phố Tam Kỳ"). `None` unless every name ends
/// with the same place, at least one of them with its level word and all with the same level
/// word.
pub fn shared_place(names: &[&str], place: Option<&str>) -> Option<(Vec<String>, String)> {
    let mut shared: Option<(Option<String>, String)> = None;
    let mut short = Vec::with_capacity(names.len());
    for name in names {
        let (rest, level, place_name) = split_place(name, place)?;
        match &mut shared {
            None => shared = Some((level, place_name)),
            Some((shared_level, shared_name)) => {
                if !same_words(shared_name, &place_name) {
                    return None;
                }
                match (&shared_level, level) {
                    (Some(a), Some(b)) if !same_words(a, &b) => return None,
                    (None, Some(b)) => *shared_level = Some(b),
                    _ => {}
                }
            }
        }
        short.push(rest);
    }
    let (level, place_name) = shared?;
    Some((short, format!("{} {place_name}", level?)))
}

fn same_words(a: &str, b: &str) -> bool {
    let (a, b): (Vec<&str>, Vec<&str>) = (a.split(' ').collect(), b.split(' ').collect());
    a.len() == b.len() && a.iter().zip(&b).all(|(a, b)| same_word(a, b))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(text: &str) -> String {
        text.replace(BIND, "~")
    }

    #[test]
    fn a_level_word_and_its_place_are_bound() {
        let cases = [
            (
                "Ban Chỉ huy Quân sự thành phố Tam Kỳ",
                "Ban Chỉ huy Quân sự thành~phố~Tam~Kỳ",
            ),
            (
                "Ban Chỉ huy Quân sự Thị Trấn Bình Minh",
                "Ban Chỉ huy Quân sự Thị~Trấn~Bình~Minh",
            ),
            ("Bộ CHQS tỉnh Quảng Nam", "Bộ CHQS tỉnh~Quảng~Nam"),
            ("Bộ Tư lệnh Quân khu 5", "Bộ Tư lệnh Quân~khu~5"),
            (
                "Ban Chỉ huy Quân sự Phường 3, Quận 1",
                "Ban Chỉ huy Quân sự Phường~3, Quận~1",
            ),
            (
                "Ủy ban MTTQVN thị xã Điện Bàn",
                "Ủy ban MTTQVN thị~xã~Điện~Bàn",
            ),
            // "xã hội" is not a place: the word after the level word is lower-case.
            (
                "Các tổ chức chính trị - xã hội huyện Núi Thành",
                "Các tổ chức chính trị - xã hội huyện~Núi~Thành",
            ),
            // A level word with no name after it stays as it is.
            ("Ban CHQS thành phố", "Ban CHQS thành phố"),
        ];
        for (text, want) in cases {
            assert_eq!(shown(&bind_place_names(text, None)), want, "{text}");
        }
    }

    #[test]
    fn the_data_place_is_bound_wherever_it_stands() {
        assert_eq!(
            shown(&bind_place_names("Thành đoàn Tam Kỳ", Some("Tam Kỳ"))),
            "Thành đoàn Tam~Kỳ"
        );
        assert_eq!(
            shown(&bind_place_names("THÀNH ĐOÀN TAM KỲ", Some("Tam Kỳ"))),
            "THÀNH ĐOÀN TAM~KỲ"
        );
        // A text shorter than the place (found by the robustness test).
        assert_eq!(shown(&bind_place_names("0", Some("Tam Kỳ"))), "0");
    }

    #[test]
    fn parties_of_one_place_share_it() {
        let names = [
            "Ban Chỉ huy Quân sự thành phố Tam Kỳ",
            "Ủy ban MTTQVN Thành phố Tam Kỳ",
            "Thành đoàn Tam Kỳ",
        ];
        let (short, place) = shared_place(&names, Some("Tam Kỳ")).unwrap();
        assert_eq!(
            short,
            ["Ban Chỉ huy Quân sự", "Ủy ban MTTQVN", "Thành đoàn"]
        );
        assert_eq!(place, "thành phố Tam Kỳ");
    }

    #[test]
    fn parties_of_different_places_or_levels_share_nothing() {
        let other_place = ["Hội Nông dân huyện Núi Thành", "Hội CCB huyện Phú Ninh"];
        assert_eq!(shared_place(&other_place, None), None);
        let other_level = ["Hội Nông dân huyện Tam Kỳ", "Hội CCB thành phố Tam Kỳ"];
        assert_eq!(shared_place(&other_level, None), None);
        let no_level = ["Thành đoàn Tam Kỳ", "Hội CCB Tam Kỳ"];
        assert_eq!(shared_place(&no_level, Some("Tam Kỳ")), None);
        let no_place = ["Hội Nông dân huyện Núi Thành", "Bộ đội Biên phòng"];
        assert_eq!(shared_place(&no_place, None), None);
    }
}
