//! An office's profile: the parts of its year data that stay from one year to the next (the
//! issuing body, how the partners are named, the signer, the recipients, where the original
//! is filed). The server keeps it per office, so that a new year's form starts with them.

use std::sync::LazyLock;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::load::{InvalidData, checked, valid};
use super::schema::schema_of;
use super::validate::check_issuer_and_signer;
use super::{Issuer, Signer, limits};

/// The parts of [`super::YearData`] an office keeps from year to year, each optional; the
/// constraints are the year data's own.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issuer: Option<Issuer>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(max = limits::LINE_CHARS))]
    pub partners: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signer: Option<Signer>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(length(max = 30), inner(length(max = 150)))]
    pub recipients: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(length(max = 10), inner(length(max = limits::NAME_CHARS)))]
    pub archive: Vec<String>,
}

static VALIDATOR: LazyLock<jsonschema::Validator> = LazyLock::new(|| {
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema_of::<Profile>())
        .expect("the generated schema is valid")
});

/// Checks a profile as year data is checked: its shape, its limits, its text, and the
/// issuing body and the signer each on its own.
pub fn profile_from_value(value: Value) -> Result<Profile, InvalidData> {
    let profile: Profile = checked(value, &VALIDATOR)?;
    let mut errors = Vec::new();
    check_issuer_and_signer(
        profile.issuer.as_ref(),
        profile.signer.as_ref(),
        &mut errors,
    );
    valid(profile, errors)
}
