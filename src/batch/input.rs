//! A batch file: the year data every ward shares, what the roll-up changes in it, and the
//! wards, each with its name, figures and own changes. This module reads and checks it; a
//! ward's year data is derived in `ward`, the roll-up's in `rollup`.

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;

use std::sync::LazyLock;

use schemars::JsonSchema;
use serde::Deserialize;
use serde_json::{Map, Value};

use super::shared::PLACEHOLDERS;
use crate::errors::{Kind, Location};
use crate::model::{DataError, InvalidData, parse_json, schema_errors, valid};
use crate::vn::{self, Unit, UnitKind};

/// The most characters a ward's name may have: a real name with its kind ("Thị trấn …") is
/// under 60, and its file names in the ZIP stay short enough for every unzip tool.
pub const WARD_NAME_MAX: usize = 100;

/// A parsed batch file, with its wards in the order given.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
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
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct WardEntry {
    /// Its official name with its kind: "Phường An Mỹ", "Xã Tam Thanh", in any case or
    /// abbreviated ("TT. Bình Minh"); see [`Unit::parse`]. At most [`WARD_NAME_MAX`]
    /// characters.
    #[schemars(length(max = 100))]
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

/// A ward as the batch names and files it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ward {
    /// Its position in the batch file.
    pub index: usize,
    /// Its name as documents print it: "Thị trấn Bình Minh" (given "TT. Bình Minh"); a
    /// ward from a directory is named by its file ("thi-tran-binh-minh").
    pub name: String,
    /// "phuong-an-my": its file names in the ZIP start with this.
    pub slug: String,
    /// What it is, from its name; none for a ward file whose name says no kind.
    pub kind: Option<UnitKind>,
}

impl Batch {
    /// Parses a batch file and checks what holds for every ward: at least one ward, names
    /// that give distinct file names, figure keys that name one shared quantity each.
    pub fn parse(bytes: &[u8]) -> Result<Batch, InvalidData> {
        let batch = deserialize(parse_json(bytes)?)?;
        let errors = batch.check();
        valid(batch, errors)
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
            errors.push(DataError::new("$.wards", Kind::NoWards));
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
            let unit = ward.unit();
            if ward.name.chars().count() > WARD_NAME_MAX {
                let limit = WARD_NAME_MAX as u64;
                errors.push(DataError::new(
                    format!("{path}.name"),
                    Kind::TooLong { limit },
                ));
            } else if slug.is_empty() {
                errors.push(DataError::new(format!("{path}.name"), Kind::WardUnnamed));
            } else if slug == "tong-hop" || slug == "manifest" {
                errors.push(DataError::new(
                    format!("{path}.name"),
                    Kind::ReservedFileName { slug },
                ));
            } else if ward.file.is_none() && unit.is_none() {
                errors.push(unit_error(format!("{path}.name")));
            } else {
                let slug = unit.map_or(slug, |unit| vn::slug(&unit.to_string()));
                // Each clash names the first ward with the file name.
                if let Some(&first) = slugs.get(&slug) {
                    errors.push(DataError::new(
                        format!("{path}.name"),
                        Kind::SameFileName {
                            slug,
                            other: Location::Json(format!("$.wards[{first}]")),
                        },
                    ));
                } else {
                    slugs.insert(slug, index);
                }
            }
            for key in ward.figures.keys() {
                if !kinds.contains_key(key.as_str()) {
                    errors.push(DataError::new(
                        format!("{path}.figures.{key}"),
                        Kind::UnknownFigure {
                            key: key.clone(),
                            keys: kinds.keys().cloned().collect(),
                        },
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
            .map(|(index, entry)| {
                let (name, kind) = match entry.unit() {
                    Some(unit) => (unit.to_string(), Some(unit.kind)),
                    None => (entry.name.clone(), vn::kind_of_slug(&vn::slug(&entry.name))),
                };
                Ward {
                    index,
                    slug: vn::slug(&name),
                    name,
                    kind,
                }
            })
            .collect()
    }
}

impl WardEntry {
    /// The unit its name gives (a ward from a directory is named by its file, not a unit).
    pub(super) fn unit(&self) -> Option<Unit> {
        match self.file {
            Some(_) => None,
            None => Unit::parse(&self.name),
        }
    }
}

/// Why a ward's name is refused: it does not say what kind of unit the ward is.
pub(super) fn unit_error(path: String) -> DataError {
    let kinds = vn::accepted_kinds();
    DataError::new(path, Kind::NoUnitKind { kinds })
}

/// The JSON Schema of a batch file, which its JSON is checked against.
static VALIDATOR: LazyLock<jsonschema::Validator> = LazyLock::new(|| {
    jsonschema::validator_for(&schemars::schema_for!(Batch).to_value())
        .expect("the generated schema is valid")
});

/// Checks a batch file's JSON against its schema, naming every value that does not fit, then
/// deserializes it.
fn deserialize(value: Value) -> Result<Batch, InvalidData> {
    let errors = schema_errors(&VALIDATOR, &value);
    if !errors.is_empty() {
        return Err(InvalidData::Fields { errors });
    }
    crate::model::deserialize(&value)
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
        if PLACEHOLDERS.contains(&format!("{{{key}}}").as_str()) {
            return Err(DataError::new(
                format!("{path}.key"),
                Kind::PlaceholderKey {
                    key: key.to_owned(),
                },
            ));
        }
        let money = quantity.get("amount").is_some();
        if kinds.insert(key.to_owned(), money).is_some() {
            return Err(DataError::new(
                format!("{path}.key"),
                Kind::KeyUsedTwice {
                    key: key.to_owned(),
                },
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
