//! A batch file: the year data every ward shares, what the city's roll-up changes in it, and
//! the wards, each with its figures and its own changes. Wards become year data by merging.

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;

use serde::Deserialize;
use serde_json::{Map, Value, json};

use crate::model::{
    DataError, InvalidData, QuantityValue, YearData, parse_json, parse_year_data,
    year_data_from_value,
};
use crate::vn;

/// A parsed batch file, with its wards in the order given.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Batch {
    /// Year data every ward report starts from: year, document, organizations with their
    /// activities (each figure's `amount` or `count` only says its kind: wards give the
    /// values), shared paragraphs, recipients.
    pub shared: Map<String, Value>,
    /// What the city's roll-up report changes in `shared`: its issuer, number, signer…
    #[serde(default)]
    pub rollup: Map<String, Value>,
    /// The wards and communes, at least one.
    pub wards: Vec<WardEntry>,
}

/// One ward or commune.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WardEntry {
    /// Its official name with its kind: "Phường An Mỹ", "Xã Tam Thanh".
    pub name: String,
    /// Its figures by quantity key; a key it leaves out counts as 0.
    #[serde(default)]
    pub figures: BTreeMap<String, u64>,
    /// What it changes in the shared data, e.g. `signer`, `document`, or its own `issuer`
    /// (by default derived from its name and the city's issuer).
    #[serde(default)]
    pub overrides: Map<String, Value>,
    /// A file holding the ward's complete year data, read when the ward renders (wards from a
    /// directory); then the shared data, figures and overrides do not apply.
    #[serde(skip)]
    pub file: Option<PathBuf>,
}

/// A ward's figure for one shared quantity, as the roll-up adds it up: money or a count, or a
/// ratio whose parts and wholes add up. Percentages are never added, so never a figure here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Figure {
    /// Whole đồng or a count.
    Number(u64),
    /// A part and a whole.
    Ratio(u64, u64),
}

impl Figure {
    /// The sum of two wards' figures: numbers add, and ratios add parts and wholes.
    pub fn add(self, other: Figure) -> Figure {
        match (self, other) {
            (Figure::Number(a), Figure::Number(b)) => Figure::Number(a.saturating_add(b)),
            (Figure::Ratio(a, b), Figure::Ratio(c, d)) => {
                Figure::Ratio(a.saturating_add(c), b.saturating_add(d))
            }
            (figure, _) => figure,
        }
    }

    fn is_zero(self) -> bool {
        matches!(self, Figure::Number(0) | Figure::Ratio(0, _))
    }

    fn to_json(self) -> Value {
        match self {
            Figure::Number(value) => json!(value),
            Figure::Ratio(part, whole) => json!([part, whole]),
        }
    }
}

/// A ward as the batch names and files it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ward {
    /// Its position in the batch file.
    pub index: usize,
    /// "Phường An Mỹ".
    pub name: String,
    /// "phuong-an-my": its file names in the ZIP start with this.
    pub slug: String,
}

impl Batch {
    /// Parses a batch file and checks what holds for every ward: at least one ward, names
    /// that give distinct file names, figure keys that name one shared quantity each.
    pub fn parse(bytes: &[u8]) -> Result<Batch, InvalidData> {
        let batch = deserialize(parse_json(bytes)?)?;
        let errors = batch.check();
        if errors.is_empty() {
            Ok(batch)
        } else {
            Err(InvalidData::Fields { errors })
        }
    }

    /// Parses a batch file for its shared data and roll-up only, as a sheet's wards need: its
    /// own wards, if any, are dropped unread.
    pub fn parse_shared(bytes: &[u8]) -> Result<Batch, InvalidData> {
        let mut value = parse_json(bytes)?;
        if let Some(object) = value.as_object_mut() {
            object.insert("wards".to_owned(), Value::Array(Vec::new()));
        }
        let batch = deserialize(value)?;
        quantity_kinds(&batch.shared).map_err(|error| InvalidData::Fields {
            errors: vec![error],
        })?;
        Ok(batch)
    }

    /// What is wrong with the batch as a whole, with the paths of a batch file.
    pub(super) fn check(&self) -> Vec<DataError> {
        let mut errors = Vec::new();
        if self.wards.is_empty() {
            errors.push(DataError::new("$.wards", "must list at least one ward"));
        }
        let kinds = match quantity_kinds(&self.shared) {
            Ok(kinds) => kinds,
            Err(error) => {
                errors.push(error);
                return errors;
            }
        };
        let mut slugs: HashMap<String, usize> = HashMap::new();
        for (index, ward) in self.wards.iter().enumerate() {
            let path = format!("$.wards[{index}]");
            let slug = vn::slug(&ward.name);
            if slug.is_empty() {
                errors.push(DataError::new(
                    format!("{path}.name"),
                    "must name the ward, e.g. \"Phường An Mỹ\"",
                ));
            } else if slug == "tong-hop" || slug == "manifest" {
                errors.push(DataError::new(
                    format!("{path}.name"),
                    format!("gives the file name \"{slug}\", which the batch uses itself"),
                ));
            } else if let Some(first) = slugs.insert(slug.clone(), index) {
                errors.push(DataError::new(
                    format!("{path}.name"),
                    format!("gives the same file name \"{slug}\" as $.wards[{first}]"),
                ));
            }
            for key in ward.figures.keys() {
                if !kinds.contains_key(key.as_str()) {
                    errors.push(DataError::new(
                        format!("{path}.figures.{key}"),
                        format!(
                            "no shared quantity has the key \"{key}\" (keys: {})",
                            kinds.keys().cloned().collect::<Vec<_>>().join(", ")
                        ),
                    ));
                }
            }
        }
        errors
    }

    /// Each shared quantity's key, and whether it is money.
    pub fn quantity_kinds(&self) -> BTreeMap<String, bool> {
        quantity_kinds(&self.shared).unwrap_or_default()
    }

    /// The wards, in the batch's order.
    pub fn wards(&self) -> Vec<Ward> {
        self.wards
            .iter()
            .enumerate()
            .map(|(index, ward)| Ward {
                index,
                name: ward.name.clone(),
                slug: vn::slug(&ward.name),
            })
            .collect()
    }

    /// The year data of ward `index`: the shared data, its derived issuer, its own changes and
    /// its figures; activities whose figures are all 0 are left out, and organizations left
    /// with no activity.
    pub fn ward_data(&self, index: usize) -> Result<YearData, InvalidData> {
        let ward = &self.wards[index];
        if let Some(path) = &ward.file {
            let bytes = std::fs::read(path).map_err(|error| InvalidData::Fields {
                errors: vec![DataError::new(
                    "$",
                    format!("cannot read {}: {error}", path.display()),
                )],
            })?;
            return parse_year_data(&bytes);
        }
        let mut value = Value::Object(self.shared.clone());
        if !ward.overrides.contains_key("issuer") {
            merge(
                &mut value,
                json!({ "issuer": self.ward_issuer(&ward.name) }),
            );
        }
        merge(&mut value, Value::Object(ward.overrides.clone()));
        let figures = ward
            .figures
            .iter()
            .map(|(key, figure)| (key.clone(), Figure::Number(*figure)))
            .collect();
        set_figures(&mut value, &figures);
        year_data_from_value(value)
    }

    /// The city's roll-up year data: the shared data with the roll-up's changes and `sums` as
    /// figures (a percentage has no sum, so its clause drops out).
    pub fn rollup_data(&self, sums: &BTreeMap<String, Figure>) -> Result<YearData, InvalidData> {
        let mut value = Value::Object(self.shared.clone());
        merge(&mut value, Value::Object(self.rollup.clone()));
        set_figures(&mut value, sums);
        year_data_from_value(value)
    }

    /// A ward's issuer when it gives none: "Ban Chỉ huy Quân sự phường An Mỹ", under the city's
    /// issuer, placed by its name without the kind ("An Mỹ"; a number keeps it: "Phường 3").
    fn ward_issuer(&self, name: &str) -> Value {
        let city = self
            .rollup
            .get("issuer")
            .or_else(|| self.shared.get("issuer"))
            .and_then(|issuer| issuer.get("name"))
            .cloned()
            .unwrap_or(Value::Null);
        let (kind, place) = split_kind(name);
        let lower_name = match kind {
            Some(kind) => format!("{} {place}", kind.to_lowercase()),
            None => name.to_owned(),
        };
        let place = if place.chars().all(|c| c.is_ascii_digit()) {
            name
        } else {
            place
        };
        json!({
            "parent": city,
            "name": format!("Ban Chỉ huy Quân sự {lower_name}"),
            "short_name": match kind {
                Some(kind) => format!("Ban CHQS {}", kind.to_lowercase()),
                None => "Ban CHQS".to_owned(),
            },
            "abbreviation": "BCHQS",
            "place": place,
        })
    }
}

/// Deserializes a batch file's JSON, naming the path of the first value that does not fit.
fn deserialize(value: Value) -> Result<Batch, InvalidData> {
    serde_path_to_error::deserialize(value).map_err(|error| {
        let path = format!("$.{}", error.path()).replace(".[", "[");
        InvalidData::Fields {
            errors: vec![DataError::new(
                path.trim_end_matches('.'),
                error.into_inner().to_string(),
            )],
        }
    })
}

/// The figures of a ward's year data by quantity key (percentages left out: the roll-up does
/// not add them), and the keys no shared quantity has.
pub fn figures_of(
    data: &YearData,
    kinds: &BTreeMap<String, bool>,
) -> Result<BTreeMap<String, Figure>, Vec<DataError>> {
    let mut figures = BTreeMap::new();
    let mut errors = Vec::new();
    for (o, organization) in data.organizations.iter().enumerate() {
        for (a, activity) in organization.activities.iter().enumerate() {
            for (q, quantity) in activity.quantities.iter().enumerate() {
                if !kinds.contains_key(&quantity.key) {
                    errors.push(DataError::new(
                        format!("$.organizations[{o}].activities[{a}].quantities[{q}].key"),
                        format!(
                            "\"{}\" is not a shared quantity, so the roll-up cannot add it up",
                            quantity.key
                        ),
                    ));
                    continue;
                }
                let figure = match quantity.value() {
                    QuantityValue::Money(value) | QuantityValue::Count(value, _) => {
                        Figure::Number(value)
                    }
                    QuantityValue::Ratio(part, whole, _) => Figure::Ratio(part, whole),
                    QuantityValue::Percent(_) => continue,
                };
                figures
                    .entry(quantity.key.clone())
                    .and_modify(|sum: &mut Figure| *sum = sum.add(figure))
                    .or_insert(figure);
            }
        }
    }
    if errors.is_empty() {
        Ok(figures)
    } else {
        Err(errors)
    }
}

/// "Phường An Mỹ" → (Some("Phường"), "An Mỹ"); names without a known kind are all place.
fn split_kind(name: &str) -> (Option<&str>, &str) {
    for kind in ["Phường", "Xã", "Thị trấn", "Đặc khu"] {
        if let Some(place) = name
            .strip_prefix(kind)
            .and_then(|rest| rest.strip_prefix(' '))
        {
            return (Some(kind), place.trim());
        }
    }
    (None, name)
}

/// Each shared quantity's key and whether it is money (`amount`) or a count.
pub(super) fn quantity_kinds(
    shared: &Map<String, Value>,
) -> Result<BTreeMap<String, bool>, DataError> {
    let mut kinds = BTreeMap::new();
    for (path, quantity) in quantities(shared) {
        let Some(key) = quantity.get("key").and_then(Value::as_str) else {
            continue;
        };
        let money = quantity.get("amount").is_some();
        if kinds.insert(key.to_owned(), money).is_some() {
            return Err(DataError::new(
                format!("{path}.key"),
                format!("\"{key}\" is used twice; in a batch every figure's key must be unique"),
            ));
        }
    }
    Ok(kinds)
}

/// Every quantity object under `organizations[].activities[].quantities[]`, with its path.
fn quantities(shared: &Map<String, Value>) -> Vec<(String, &Map<String, Value>)> {
    let mut found = Vec::new();
    let organizations = shared.get("organizations").and_then(Value::as_array);
    for (o, organization) in organizations.into_iter().flatten().enumerate() {
        let activities = organization.get("activities").and_then(Value::as_array);
        for (a, activity) in activities.into_iter().flatten().enumerate() {
            let quantities = activity.get("quantities").and_then(Value::as_array);
            for (q, quantity) in quantities.into_iter().flatten().enumerate() {
                if let Some(quantity) = quantity.as_object() {
                    let path =
                        format!("$.shared.organizations[{o}].activities[{a}].quantities[{q}]");
                    found.push((path, quantity));
                }
            }
        }
    }
    found
}

/// Sets every quantity's `amount`, `count`, `percent` or `ratio` to its figure (0 when
/// absent), then leaves out activities whose figures are all 0 and organizations without
/// activities.
fn set_figures(value: &mut Value, figures: &BTreeMap<String, Figure>) {
    let Some(organizations) = value.get_mut("organizations").and_then(Value::as_array_mut) else {
        return;
    };
    for organization in organizations.iter_mut() {
        let Some(activities) = organization
            .get_mut("activities")
            .and_then(Value::as_array_mut)
        else {
            continue;
        };
        activities.retain_mut(|activity| {
            let Some(quantities) = activity
                .get_mut("quantities")
                .and_then(Value::as_array_mut)
                .filter(|quantities| !quantities.is_empty())
            else {
                return true;
            };
            let mut any = false;
            for quantity in quantities.iter_mut().filter_map(Value::as_object_mut) {
                let key = quantity.get("key").and_then(Value::as_str).unwrap_or("");
                let field = ["amount", "percent", "ratio"]
                    .into_iter()
                    .find(|field| quantity.contains_key(*field))
                    .unwrap_or("count");
                let none = if field == "ratio" {
                    Figure::Ratio(0, 0)
                } else {
                    Figure::Number(0)
                };
                let figure = figures.get(key).copied().unwrap_or(none);
                any |= !figure.is_zero();
                quantity.insert(field.to_owned(), figure.to_json());
            }
            any
        });
    }
    organizations.retain(|organization| {
        organization
            .get("activities")
            .and_then(Value::as_array)
            .is_none_or(|activities| !activities.is_empty())
    });
}

/// Merges `changes` into `base`: objects key by key, anything else replaced.
fn merge(base: &mut Value, changes: Value) {
    match (base, changes) {
        (Value::Object(base), Value::Object(changes)) => {
            for (key, change) in changes {
                match base.get_mut(&key) {
                    Some(existing) => merge(existing, change),
                    None => {
                        base.insert(key, change);
                    }
                }
            }
        }
        (base, change) => *base = change,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merge_replaces_lists_and_merges_objects() {
        let mut base = json!({"a": {"b": 1, "c": [1, 2]}, "d": 1});
        merge(&mut base, json!({"a": {"c": [3], "e": 2}}));
        assert_eq!(base, json!({"a": {"b": 1, "c": [3], "e": 2}, "d": 1}));
    }

    #[test]
    fn ward_kind_and_place() {
        assert_eq!(split_kind("Phường An Mỹ"), (Some("Phường"), "An Mỹ"));
        assert_eq!(split_kind("Xã Tam Thanh"), (Some("Xã"), "Tam Thanh"));
        assert_eq!(
            split_kind("Thị trấn Phú Thịnh"),
            (Some("Thị trấn"), "Phú Thịnh")
        );
        assert_eq!(split_kind("Tam Kỳ"), (None, "Tam Kỳ"));
    }

    #[test]
    fn zero_figures_drop_activities_and_empty_organizations() {
        let mut value = json!({"organizations": [
            {"id": "a", "activities": [
                {"text": "t"},
                {"text": "{x}", "quantities": [{"key": "x", "amount": 5}]}
            ]},
            {"id": "b", "activities": [
                {"text": "{y}", "quantities": [{"key": "y", "count": 5, "unit": "u"}]}
            ]}
        ]});
        set_figures(
            &mut value,
            &BTreeMap::from([("x".to_owned(), Figure::Number(7))]),
        );
        assert_eq!(
            value,
            json!({"organizations": [{"id": "a", "activities": [
                {"text": "t"},
                {"text": "{x}", "quantities": [{"key": "x", "amount": 7}]}
            ]}]})
        );
    }

    #[test]
    fn ratios_add_parts_and_wholes_and_percentages_have_no_sum() {
        let sum = Figure::Ratio(2, 3).add(Figure::Ratio(1, 4));
        assert_eq!(sum, Figure::Ratio(3, 7));
        assert_eq!(Figure::Number(2).add(Figure::Number(5)), Figure::Number(7));

        let mut value = json!({"organizations": [{"id": "a", "activities": [
            {"text": "{xa}, {ty_le}", "quantities": [
                {"key": "xa", "ratio": [1, 1], "unit": "xã"},
                {"key": "ty_le", "percent": 90}
            ]}
        ]}]});
        set_figures(&mut value, &BTreeMap::from([("xa".to_owned(), sum)]));
        assert_eq!(
            value["organizations"][0]["activities"][0]["quantities"],
            json!([
                {"key": "xa", "ratio": [3, 7], "unit": "xã"},
                {"key": "ty_le", "percent": 0}
            ])
        );
    }
}
