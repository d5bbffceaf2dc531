//! The JSON Schema of the year data, generated from the Rust types.

use schemars::JsonSchema;
use serde_json::Value;

use super::YearData;

/// The JSON Schema (draft 2020-12) that `vanban schema` prints and input is checked against.
///
/// Optional fields are simply not required: `null` is not accepted in their place, so an
/// error inside an optional object names the field at fault instead of a failed `anyOf`.
pub fn year_data_schema() -> Value {
    schema_of::<YearData>()
}

/// The JSON Schema of `T`, optional fields not nullable, as [`year_data_schema`].
pub(super) fn schema_of<T: JsonSchema>() -> Value {
    let mut schema = schemars::schema_for!(T).to_value();
    remove_null(&mut schema);
    schema
}

/// Rewrites `anyOf: [S, {type: null}]` to `S` and `type: [T, "null"]` to `T`, everywhere.
fn remove_null(schema: &mut Value) {
    match schema {
        Value::Object(map) => {
            if let Some(Value::Array(types)) = map.get_mut("type") {
                types.retain(|t| t != "null");
                if types.len() == 1 {
                    let single = types.remove(0);
                    map.insert("type".into(), single);
                }
            }
            let nullable = |s: &Value| s.get("type").is_some_and(|t| t == "null");
            if let Some(Value::Array(options)) = map.get("anyOf")
                && options.len() == 2
                && options.iter().any(nullable)
            {
                let kept = options
                    .iter()
                    .find(|s| !nullable(s))
                    .cloned()
                    .unwrap_or(Value::Null);
                map.remove("anyOf");
                if let Value::Object(kept) = kept {
                    map.extend(kept);
                }
            }
            if let Some(Value::Array(values)) = map.get_mut("enum") {
                values.retain(|v| !v.is_null());
            }
            map.values_mut().for_each(remove_null);
        }
        Value::Array(items) => items.iter_mut().for_each(remove_null),
        _ => {}
    }
}
