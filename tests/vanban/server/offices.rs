//! An office's profile over real sockets: saved from the parts of the year data that stay
//! from year to year, checked as year data is, read back by the office and by the office
//! over it (never changed by that one), with where the office sits and the offices under it.
//! Every test runs on SQLite and on PostgreSQL.

use serde_json::json;

use super::stored::{Db, Offices, get, on_both, put};
use crate::support::*;

on_both!(an_office_keeps_its_profile_and_the_office_over_it_reads_it);

fn an_office_keeps_its_profile_and_the_office_over_it_reads_it(db: Db) {
    let offices = Offices::new(db, &format!("stored-profile-{db:?}"));
    let server = offices.serve();

    // Before any save: where the office sits, and no profile.
    let ward = get(&server, &offices.an_my, "/v1/office").json();
    assert_eq!(
        ward,
        json!({
            "code": "an-my",
            "name": "Ban CHQS phường An Mỹ",
            "parent": {"code": "tam-ky", "name": "Ban CHQS thành phố Tam Kỳ"},
            "offices_under": [],
            "profile": null,
            "saved_by": null,
            "saved_at": null,
        })
    );
    let city = get(&server, &offices.tam_ky, "/v1/office").json();
    assert_eq!(city["parent"], json!(null));
    assert_eq!(
        city["offices_under"],
        json!([{"code": "an-my", "name": "Ban CHQS phường An Mỹ"}])
    );

    // The parts that stay from year to year, taken from the sample, are the city's profile;
    // text pasted from Word is tidied as in year data.
    let sample = sample_json();
    let mut profile = json!({
        "issuer": sample["issuer"],
        "signer": sample["signer"],
        "recipients": sample["recipients"],
        "archive": sample["archive"],
    });
    let pasted = profile["signer"]["name"]
        .as_str()
        .unwrap()
        .replace(' ', "\u{ad} ");
    profile["signer"]["name"] = json!(pasted);
    let saved = put(&server, &offices.tam_ky, "/v1/office", &profile);
    saved.ok();
    let saved = saved.json();
    assert_eq!(saved["profile"]["issuer"], sample["issuer"]);
    assert_eq!(saved["profile"]["signer"], sample["signer"]);
    assert_eq!(saved["saved_by"], "clerk.tk");
    assert_eq!(
        get(&server, &offices.tam_ky, "/v1/office").json(),
        saved,
        "read back as saved"
    );

    // The city reads its ward's profile and may not change it; another city sees none of it.
    let read = get(&server, &offices.tam_ky, "/v1/office?office=an-my");
    assert_eq!(read.json()["code"], "an-my");
    let written = put(
        &server,
        &offices.tam_ky,
        "/v1/office?office=an-my",
        &profile,
    );
    assert_eq!(written.problem(403)["code"], "read_only_office");
    let hidden = get(&server, &offices.hoi_an, "/v1/office?office=tam-ky");
    assert_eq!(hidden.problem(404)["code"], "no_such_office");

    // A profile is checked as year data is, every problem at its place: its shape first…
    let wrong = json!({
        "issuer": {"name": "Ban CHQS phường An Mỹ"},
        "signer": {"title": "Chỉ huy trưởng", "name": "  "},
        "recipients": "Như trên",
        "year": 2023,
    });
    let problem = put(&server, &offices.an_my, "/v1/office", &wrong).problem(422);
    let mut paths: Vec<&str> = problem["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|error| error["path"].as_str().unwrap())
        .collect();
    paths.sort_unstable();
    assert_eq!(
        paths,
        [
            "$.issuer.abbreviation",
            "$.issuer.parent",
            "$.issuer.place",
            "$.issuer.short_name",
            "$.recipients",
            "$.signer.name",
            "$.year",
        ],
        "{problem}"
    );
    // And the issuing body and the signer each on its own, as when a document is made.
    let mut issuer = sample["issuer"].clone();
    issuer["place"] = json!("thành phố Tam Kỳ");
    let signer = json!({"authority": "KT", "title": "Phó Chỉ huy trưởng", "name": "Lê Văn Sơn"});
    let wrong = json!({"issuer": issuer, "signer": signer});
    let problem = put(&server, &offices.an_my, "/v1/office", &wrong).problem(422);
    let found: Vec<(&str, &str)> = problem["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|error| {
            (
                error["path"].as_str().unwrap(),
                error["code"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            ("$.signer.on_behalf_of", "on_behalf_of_missing"),
            ("$.issuer.place", "place_not_alone"),
        ],
        "{problem}"
    );
    assert_eq!(
        get(&server, &offices.an_my, "/v1/office").json()["profile"],
        json!(null),
        "nothing saved"
    );

    // Saved again, the profile replaces the last; the audit log has both saves.
    let shorter = json!({"recipients": ["Như trên"], "archive": ["VT"]});
    put(&server, &offices.tam_ky, "/v1/office", &shorter).ok();
    assert_eq!(
        get(&server, &offices.tam_ky, "/v1/office").json()["profile"],
        shorter
    );
    let audit = get(&server, &offices.tam_ky, "/v1/audit").json();
    let actions: Vec<&str> = audit["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|entry| entry["action"].as_str().unwrap())
        .filter(|action| *action == "office.profile")
        .collect();
    assert_eq!(actions, ["office.profile", "office.profile"]);
}
