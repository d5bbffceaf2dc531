//! The register of issued documents over real sockets: a number given once a year, the same
//! document issued twice found again, another with its number refused with the next free one,
//! the PDF downloaded byte for byte, signed copies stored as versions with who has signed, two
//! servers on one database issuing at once, and other offices kept out. Every test runs on
//! SQLite and on PostgreSQL.

use serde_json::{Value, json};
use vanban::digest::sha256_hex;

use super::stored::{Db, Offices, add_office, add_person, bearer, get, on_both, put, save};
use super::{Reply, Server};
use crate::batch::without_nulls;
use crate::signing::sign_with_pyhanko;
use crate::support::*;

on_both!(
    a_number_is_given_once_a_year_and_the_pdf_downloads_byte_for_byte,
    a_signed_copy_is_the_next_version_and_says_who_has_signed,
    two_servers_issuing_one_number_at_once_give_it_once,
    a_city_runs_the_batch_of_its_wards_stored_data,
);

/// `POST` of `body` with `token`, as `content_type`.
fn post(server: &Server, token: &str, path: &str, content_type: &str, body: &[u8]) -> Reply {
    let authorization = bearer(token);
    let headers = [
        ("Authorization", authorization.as_str()),
        ("Content-Type", content_type),
    ];
    server.send("POST", path, &headers, body)
}

/// Issues the document of `kind` from the stored `year`, at `revision` if given.
fn issue(server: &Server, token: &str, kind: &str, revision: Option<i64>) -> Reply {
    let mut body = json!({"year": 2022, "kind": kind});
    if let Some(revision) = revision {
        body["revision"] = json!(revision);
    }
    post(
        server,
        token,
        "/v1/register",
        "application/json",
        body.to_string().as_bytes(),
    )
}

fn a_number_is_given_once_a_year_and_the_pdf_downloads_byte_for_byte(db: Db) {
    let offices = Offices::new(db, &format!("register-numbers-{db:?}"));
    let server = offices.serve();
    let token = &offices.tam_ky;
    let mut data = sample_json();
    put(&server, token, "/v1/drafts/2022", &save(0, &data)).created_or_ok();

    let issued = issue(&server, token, "report", None);
    assert_eq!(issued.status, 201, "{}", issued.text());
    let entry = issued.json();
    assert_eq!(entry["symbol"], "05/BC-BCHQS");
    assert_eq!(entry["number"], 5);
    assert_eq!(entry["dated"], "2022-10-31");
    assert_eq!(entry["revision"], 1);
    assert_eq!(entry["version"], 1);
    assert_eq!(entry["issued_by"], "clerk.tk");
    let id = entry["id"].as_i64().unwrap();

    // The PDF comes back as stored, its SHA-256 as the register says; it is the report.
    let pdf = get(&server, token, &format!("/v1/register/{id}/pdf"));
    pdf.ok();
    assert_eq!(pdf.header("content-type"), Some("application/pdf"));
    assert_eq!(
        pdf.header("content-disposition"),
        Some("attachment; filename=\"bao-cao-2022-so-05.pdf\"")
    );
    assert_eq!(sha256_hex(&pdf.body), entry["sha256"].as_str().unwrap());
    let again = get(&server, token, &format!("/v1/register/{id}/pdf?version=1"));
    assert_eq!(again.body, pdf.body, "byte for byte");
    let file = scratch(&format!("register-numbers-{db:?}-pdf")).join("report.pdf");
    std::fs::write(&file, &pdf.body).unwrap();
    let text = pdf_text(&file);
    assert!(text.contains("Số: 05/BC-BCHQS"), "{text}");

    // Issued again from the same data: the same entry, nothing new.
    let repeated = issue(&server, token, "report", Some(1));
    repeated.ok();
    assert_eq!(repeated.json()["id"], id);

    // The program, numbered 01 in the same year's series, with a field per party to sign.
    let program = issue(&server, token, "agreement", None);
    assert_eq!(program.status, 201, "{}", program.text());
    let program = program.json();
    assert_eq!(program["symbol"], "01/CTr-BCHQS-CTXH");
    let signatures = program["signatures"].as_array().unwrap();
    assert!(signatures.len() >= 2, "{program}");
    assert!(signatures.iter().all(|s| s["signed"] == false), "{program}");
    assert!(
        signatures
            .iter()
            .any(|s| s["party"] == "Ban Chỉ huy Quân sự thành phố Tam Kỳ"),
        "{program}"
    );

    // Other content under number 05: refused, naming the earlier document and the next free
    // number, in English and in Vietnamese.
    data["signer"]["name"] = json!("Nguyễn Văn Bình");
    put(&server, token, "/v1/drafts/2022", &save(1, &data)).ok();
    let taken = issue(&server, token, "report", None).problem(409);
    assert_eq!(taken["code"], "number_taken", "{taken}");
    assert_eq!(
        taken["detail"],
        "number 05 of 2022 is already given to 05/BC-BCHQS, dated 2022-10-31, issued by \
         clerk.tk; the next free number is 06"
    );
    let authorization = bearer(token);
    let vietnamese = server.send(
        "POST",
        "/v1/register",
        &[
            ("Authorization", authorization.as_str()),
            ("Content-Type", "application/json"),
            ("Accept-Language", "vi"),
        ],
        br#"{"year": 2022, "kind": "report"}"#,
    );
    assert_eq!(
        vietnamese.problem(409)["detail"],
        "số 05 năm 2022 đã cấp cho văn bản 05/BC-BCHQS ngày 31/10/2022 (do clerk.tk ban \
         hành); số còn trống tiếp theo là 06"
    );

    // With the number offered, it is issued.
    data["document"]["number"] = json!(6);
    put(&server, token, "/v1/drafts/2022", &save(2, &data)).ok();
    let sixth = issue(&server, token, "report", None);
    assert_eq!(sixth.status, 201, "{}", sixth.text());
    assert_eq!(sixth.json()["symbol"], "06/BC-BCHQS");
    assert_eq!(sixth.json()["revision"], 3);

    // The register, newest number first; the city above reads it, an office beside cannot,
    // and no other office issues into it.
    let register = get(&server, token, "/v1/register").json();
    let symbols: Vec<&Value> = register["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| &d["symbol"])
        .collect();
    assert_eq!(symbols, ["06/BC-BCHQS", "05/BC-BCHQS", "01/CTr-BCHQS-CTXH"]);
    put(
        &server,
        &offices.an_my,
        "/v1/drafts/2022",
        &save(0, &sample_json()),
    )
    .created_or_ok();
    let ward = issue(&server, &offices.an_my, "report", None);
    assert_eq!(
        ward.status,
        201,
        "a ward's series is its own: {}",
        ward.text()
    );
    let ward_id = ward.json()["id"].as_i64().unwrap();
    get(&server, token, "/v1/register?office=an-my").ok();
    get(
        &server,
        token,
        &format!("/v1/register/{ward_id}/pdf?office=an-my"),
    )
    .ok();
    for (who, path) in [
        (&offices.hoi_an, "/v1/register?office=tam-ky".to_owned()),
        (&offices.hoi_an, format!("/v1/register/{id}")),
        (&offices.an_my, format!("/v1/register/{id}/pdf")),
    ] {
        let code = get(&server, who, &path).problem(404)["code"].clone();
        assert!(
            code == "no_such_office" || code == "no_such_document",
            "{path}: {code}"
        );
    }
    let foreign = post(
        &server,
        token,
        "/v1/register?office=an-my",
        "application/json",
        br#"{"year": 2022, "kind": "report"}"#,
    );
    assert_eq!(foreign.problem(403)["code"], "read_only_office");

    // A request that is not one, said field by field.
    let shapeless = post(
        &server,
        token,
        "/v1/register",
        "application/json",
        br#"{"year": "2022", "kind": "letter", "number": 3}"#,
    )
    .problem(422);
    let paths = texts_of(&shapeless["errors"], "path");
    assert_eq!(paths, ["$.year", "$.kind", "$.number"]);
    assert_eq!(
        issue(&server, token, "report", Some(9)).problem(404)["code"],
        "no_such_revision"
    );

    let audit = get(&server, token, "/v1/audit").json();
    let issues: Vec<&Value> = audit["entries"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["action"] == "document.issue")
        .map(|e| &e["subject"])
        .collect();
    assert_eq!(issues, ["06/BC-BCHQS", "01/CTr-BCHQS-CTXH", "05/BC-BCHQS"]);
}

fn a_signed_copy_is_the_next_version_and_says_who_has_signed(db: Db) {
    let test = format!("register-signed-{db:?}");
    let offices = Offices::new(db, &test);
    let server = offices.serve();
    let token = &offices.tam_ky;
    put(&server, token, "/v1/drafts/2022", &save(0, &sample_json())).created_or_ok();
    let program = issue(&server, token, "agreement", None).json();
    let id = program["id"].as_i64().unwrap();
    let fields = texts_of(&program["signatures"], "field");
    let folder = scratch(&format!("{test}-files"));
    let issued = folder.join("issued.pdf");
    std::fs::write(
        &issued,
        &get(&server, token, &format!("/v1/register/{id}/pdf")).body,
    )
    .unwrap();
    let signed_path = |name: &str| folder.join(name);
    let upload = |pdf: &[u8]| {
        post(
            &server,
            token,
            &format!("/v1/register/{id}/signed"),
            "application/pdf",
            pdf,
        )
    };

    // The first party signs the issued file: stored as version 2, its field signed.
    sign_with_pyhanko(&issued, &signed_path("first.pdf"), &[fields[0]]);
    let first = std::fs::read(signed_path("first.pdf")).unwrap();
    let stored = upload(&first);
    assert_eq!(stored.status, 201, "{}", stored.text());
    let entry = stored.json();
    assert_eq!(entry["version"], 2);
    let signed: Vec<bool> = entry["signatures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["signed"].as_bool().unwrap())
        .collect();
    assert!(signed[0]);
    assert!(signed[1..].iter().all(|s| !s), "{entry}");
    assert_eq!(
        get(&server, token, &format!("/v1/register/{id}")).json(),
        entry
    );
    let download = get(&server, token, &format!("/v1/register/{id}/pdf"));
    assert_eq!(download.body, first, "the signed copy byte for byte");
    assert_eq!(
        download.header("content-disposition"),
        Some("attachment; filename=\"chuong-trinh-phoi-hop-2022-so-01-ban-2.pdf\"")
    );

    // The same copy again adds nothing.
    assert_eq!(upload(&first).problem(422)["code"], "no_new_signature");
    // A second party who signed the issued file, not the latest, is told to sign that.
    sign_with_pyhanko(&issued, &signed_path("stale.pdf"), &[fields[1]]);
    let stale = upload(&std::fs::read(signed_path("stale.pdf")).unwrap()).problem(409);
    assert_eq!(stale["code"], "signed_from_older_version", "{stale}");
    // Bytes appended that sign nothing, and another PDF, are refused.
    let mut appended = first.clone();
    appended.extend_from_slice(b"\n% nothing signed\n");
    assert_eq!(upload(&appended).problem(422)["code"], "no_new_signature");
    let other = std::fs::read(crate::support::SAMPLE).unwrap();
    assert_eq!(
        upload(&other).problem(422)["code"],
        "not_the_issued_document"
    );

    // The second party signs the latest: version 3, two signed, the first version kept.
    sign_with_pyhanko(
        &signed_path("first.pdf"),
        &signed_path("second.pdf"),
        &[fields[1]],
    );
    let second = std::fs::read(signed_path("second.pdf")).unwrap();
    let entry = upload(&second).json();
    assert_eq!(entry["version"], 3);
    let signed = entry["signatures"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["signed"] == true)
        .count();
    assert_eq!(signed, 2, "{entry}");
    let original = get(&server, token, &format!("/v1/register/{id}/pdf?version=1"));
    assert_eq!(original.body, std::fs::read(&issued).unwrap());
    assert_eq!(
        get(&server, token, &format!("/v1/register/{id}/pdf?version=4")).problem(404)["code"],
        "no_such_version"
    );
    // Another office cannot sign into this register.
    let foreign = post(
        &server,
        &offices.an_my,
        &format!("/v1/register/{id}/signed"),
        "application/pdf",
        &second,
    );
    assert_eq!(foreign.problem(404)["code"], "no_such_document");
    let audit = get(&server, token, "/v1/audit").json();
    assert_eq!(audit["entries"][0]["action"], "document.sign");
    assert_eq!(
        audit["entries"][0]["subject"],
        "01/CTr-BCHQS-CTXH version 3"
    );
}

/// Two servers on one database, eight clerks issuing the report from eight different
/// revisions at once: the number is given once, every other clerk is told who has it.
fn two_servers_issuing_one_number_at_once_give_it_once(db: Db) {
    let offices = Offices::new(db, &format!("register-two-{db:?}"));
    let servers = [offices.serve(), offices.serve()];
    let token = offices.tam_ky.clone();
    let mut data = sample_json();
    for revision in 0..8 {
        data["signer"]["name"] = json!(format!("Người ký {revision}"));
        put(
            &servers[0],
            &token,
            "/v1/drafts/2022",
            &save(revision, &data),
        )
        .created_or_ok();
    }
    let statuses: Vec<(u16, Value)> = std::thread::scope(|scope| {
        let clerks: Vec<_> = (1..=8)
            .map(|revision| {
                let (server, token) = (&servers[revision as usize % 2], &token);
                scope.spawn(move || {
                    let reply = issue(server, token, "report", Some(revision));
                    (reply.status, reply.json())
                })
            })
            .collect();
        clerks.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let created: Vec<&Value> = statuses
        .iter()
        .filter(|(status, _)| *status == 201)
        .map(|(_, entry)| entry)
        .collect();
    assert_eq!(created.len(), 1, "{statuses:?}");
    for (status, problem) in statuses.iter().filter(|(status, _)| *status != 201) {
        assert_eq!(*status, 409, "{problem}");
        assert_eq!(problem["code"], "number_taken");
    }
    let register = get(&servers[1], &token, "/v1/register").json();
    let documents = register["documents"].as_array().unwrap();
    assert_eq!(documents.len(), 1);
    assert_eq!(documents[0]["revision"], created[0]["revision"]);
}

/// The city runs the batch of the wards under it from their stored drafts: a ZIP with each
/// ward's report, named by its office code, and the roll-up that sums them. A ward cannot run
/// it for the city, and a year with no ward data is said so.
fn a_city_runs_the_batch_of_its_wards_stored_data(db: Db) {
    let offices = Offices::new(db, &format!("register-batch-{db:?}"));
    add_office(
        &offices.db,
        "an-xuan",
        "Ban CHQS phường An Xuân",
        Some("tam-ky"),
    );
    let an_xuan = add_person(&offices.db, "clerk.ax", "an-xuan");
    let server = offices.serve();

    // Each ward saves its 2022, as the sample batch makes it (An Mỹ and An Xuân).
    let batch_file = std::fs::read(format!(
        "{}/samples/tam-ky-wards-2022.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let sample = vanban::batch::Batch::parse(&batch_file).unwrap();
    let ward_data = |index: usize| {
        without_nulls(serde_json::to_value(sample.ward_data(index).unwrap()).unwrap())
    };
    put(
        &server,
        &offices.an_my,
        "/v1/drafts/2022",
        &save(0, &ward_data(0)),
    )
    .created_or_ok();
    put(
        &server,
        &an_xuan,
        "/v1/drafts/2022",
        &save(0, &ward_data(2)),
    )
    .created_or_ok();
    let zip = post(
        &server,
        &offices.tam_ky,
        "/v1/batches/stored",
        "application/json",
        &batch_file,
    );
    zip.ok();
    assert_eq!(zip.header("content-type"), Some("application/zip"));
    assert_eq!(
        zip.header("x-offices-without-data"),
        None,
        "every ward has data"
    );
    let path = scratch(&format!("register-batch-{db:?}-zip")).join("wards.zip");
    std::fs::write(&path, &zip.body).unwrap();
    let wards = entries(&path);
    let names: Vec<&str> = wards.iter().map(|(name, _)| name.as_str()).collect();
    let pdfs: Vec<&str> = names
        .iter()
        .copied()
        .filter(|n| n.ends_with(".pdf"))
        .collect();
    assert_eq!(pdfs.len(), 3, "two wards and the roll-up: {names:?}");
    assert!(
        pdfs.iter().any(|n| n.starts_with("phuong-an-my")),
        "{names:?}"
    );
    assert!(
        pdfs.iter().any(|n| n.starts_with("phuong-an-xuan")),
        "{names:?}"
    );
    // The roll-up names each ward as its office's name ends: the unit, not the code.
    let (_, rollup) = wards
        .iter()
        .find(|(name, _)| name.ends_with(".pdf") && !name.starts_with("phuong-"))
        .unwrap();
    let rollup_path = path.with_file_name("rollup.pdf");
    std::fs::write(&rollup_path, rollup).unwrap();
    let text = pdf_text(&rollup_path);
    assert!(
        text.contains("Phường An Mỹ") && text.contains("Phường An Xuân"),
        "{text}"
    );
    assert!(!text.contains("an-my"), "{text}");

    // A ward has no wards under it; another year has no data.
    let ward = post(
        &server,
        &offices.an_my,
        "/v1/batches/stored",
        "application/json",
        &batch_file,
    );
    assert_eq!(ward.problem(404)["code"], "no_subordinate_drafts");
    let mut later: Value = serde_json::from_slice(&batch_file).unwrap();
    later["shared"]["year"] = json!(2023);
    let none = post(
        &server,
        &offices.tam_ky,
        "/v1/batches/stored",
        "application/json",
        later.to_string().as_bytes(),
    );
    assert_eq!(
        none.problem(404)["detail"],
        "no office under yours has data saved for 2023"
    );
    // A province runs the batch of a district's communes (`?office=`), an office it
    // supervises through the district; no office runs one it does not supervise.
    for (code, name, parent) in [
        ("quang-nam", "Bộ CHQS tỉnh Quảng Nam", None),
        ("phu-ninh", "Ban CHQS huyện Phú Ninh", Some("quang-nam")),
        ("tam-dan", "Ban CHQS xã Tam Dân", Some("phu-ninh")),
    ] {
        add_office(&offices.db, code, name, parent);
    }
    let province = add_person(&offices.db, "clerk.qn", "quang-nam");
    let commune = add_person(&offices.db, "clerk.td", "tam-dan");
    put(
        &server,
        &commune,
        "/v1/drafts/2022",
        &save(0, &ward_data(1)),
    )
    .created_or_ok();
    let path = "/v1/batches/stored?office=phu-ninh";
    let zip = post(&server, &province, path, "application/json", &batch_file);
    zip.ok();
    assert_eq!(zip.header("x-offices-without-data"), None);
    // A commune that has not saved its 2022 is not in the ZIP, and the answer says so.
    add_office(
        &offices.db,
        "tam-an",
        "Ban CHQS xã Tam An",
        Some("phu-ninh"),
    );
    let zip = post(&server, &province, path, "application/json", &batch_file);
    zip.ok();
    assert_eq!(zip.header("x-offices-without-data"), Some("tam-an"));
    let path = scratch(&format!("register-batch-{db:?}-province")).join("district.zip");
    std::fs::write(&path, &zip.body).unwrap();
    let names: Vec<String> = entries(&path).into_iter().map(|(name, _)| name).collect();
    assert!(
        names.iter().any(|name| name.starts_with("xa-tam-dan")),
        "{names:?}"
    );
    assert!(
        !names.iter().any(|name| name.starts_with("phuong-")),
        "only the district's communes: {names:?}"
    );
    for (token, office) in [(&offices.tam_ky, "hoi-an"), (&offices.an_my, "tam-ky")] {
        let path = format!("/v1/batches/stored?office={office}");
        let refused = post(&server, token, &path, "application/json", &batch_file);
        assert_eq!(refused.problem(404)["code"], "no_such_office");
    }

    // The communes' programs asked for, when neither their saved data nor the batch file has
    // next year's program: the problem says to save it in the offices' data.
    let mut without_program = ward_data(1);
    without_program
        .as_object_mut()
        .unwrap()
        .remove("next_program");
    put(
        &server,
        &commune,
        "/v1/drafts/2022",
        &save(1, &without_program),
    )
    .created_or_ok();
    let mut shared_only: Value = serde_json::from_slice(&batch_file).unwrap();
    shared_only["shared"]
        .as_object_mut()
        .unwrap()
        .remove("next_program");
    let path = "/v1/batches/stored?office=phu-ninh&with=agreement";
    let refused = post(
        &server,
        &province,
        path,
        "application/json",
        shared_only.to_string().as_bytes(),
    );
    assert_eq!(
        refused.problem(422)["code"],
        "offices_without_program",
        "{}",
        String::from_utf8_lossy(&refused.body)
    );

    // Anonymous: 401, as every stored-data route.
    assert_eq!(
        server
            .post_json("/v1/batches/stored", &batch_file)
            .problem(401)["code"],
        "not_logged_in"
    );
}
