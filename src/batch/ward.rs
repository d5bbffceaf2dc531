//! A ward's year data, derived from the batch: the shared data with its level words filled in,
//! the issuer its name gives, its own changes, then its figures.

use serde_json::{Value, json};

use super::directory::read_ward_file;
use super::input::{Batch, WardEntry, unit_error};
use super::shared::{Figure, fill_level, merge, name_organizations, partners, set_figures};

use crate::model::{InvalidData, YearData, parse_year_data, year_data_from_value};
use crate::vn::Unit;

impl Batch {
    /// The year data of ward `index`: the shared data in the ward's level words (see
    /// [`ward_value`]), then its own changes, then its figures; activities whose figures are
    /// all 0 are left out, and organizations left with no activity. A ward from a directory is
    /// its file.
    pub fn ward_data(&self, index: usize) -> Result<YearData, InvalidData> {
        let ward = &self.wards[index];
        if let Some(path) = &ward.file {
            let bytes = read_ward_file(path).map_err(|error| InvalidData::Fields {
                errors: vec![error],
            })?;
            return parse_year_data(&bytes);
        }
        let unit = ward.unit().ok_or_else(|| InvalidData::Fields {
            errors: vec![unit_error(format!("$.wards[{index}].name"))],
        })?;
        let mut value = ward_value(self, ward, &unit);
        merge(&mut value, Value::Object(ward.overrides.clone()));
        let figures = ward
            .figures
            .iter()
            .map(|(key, figure)| (key.clone(), Figure::Number(*figure)))
            .collect();
        set_figures(&mut value, &figures);
        year_data_from_value(value)
    }
}

/// The shared data as `unit` says it: every `{level}` its level word ("phường") and every
/// `{unit}` its name in running text ("phường An Mỹ"), each
/// organization named with it ("Hội Nông dân phường"), the partner phrase with it ("các tổ
/// chức chính trị - xã hội phường"), and, unless the ward gives its own, the issuer its name
/// gives.
fn ward_value(batch: &Batch, ward: &WardEntry, unit: &Unit) -> Value {
    let level = unit.kind.level();
    let mut value = Value::Object(batch.shared.clone());
    fill_level(&mut value, &level, &unit.in_text());
    name_organizations(&mut value, &level);
    let partners = format!("{} {level}", partners(&value));
    merge(&mut value, json!({ "partners": partners }));
    if !ward.overrides.contains_key("issuer") {
        merge(&mut value, json!({ "issuer": issuer(batch, unit) }));
    }
    value
}

/// A ward's issuer: "Ban Chỉ huy Quân sự phường An Mỹ" (a province's: "Bộ Chỉ huy Quân sự
/// tỉnh …"), short name "Ban CHQS phường", under the roll-up's issuer, dated at its place
/// ("An Mỹ"; a number keeps its kind: "Phường 3").
fn issuer(batch: &Batch, unit: &Unit) -> Value {
    let parent = batch
        .rollup
        .get("issuer")
        .or_else(|| batch.shared.get("issuer"))
        .and_then(|issuer| issuer.get("name"))
        .cloned()
        .unwrap_or(Value::Null);
    let command = unit.kind.command();
    json!({
        "parent": parent,
        "name": format!("{command} Chỉ huy Quân sự {}", unit.in_text()),
        "short_name": format!("{command} CHQS {}", unit.kind.level()),
        "abbreviation": "BCHQS",
        "place": unit.date_place(),
    })
}
