//! Stored data over real sockets: offices, people and tokens made with the command line, a
//! server on a database, drafts saved as numbered revisions, a stale save refused with what
//! changed, other offices' data hidden, the audit log, SQL injection attempts, saves at once,
//! a kill -9 during saves, a backup taken while the server runs, and two servers on one
//! database. Every test runs on an SQLite file and on the PostgreSQL server that
//! `scripts/test.sh` starts (`VANBAN_TEST_POSTGRES`).

use std::io::Write;
use std::process::{Output, Stdio};

use serde_json::{Value, json};

use super::{Reply, Server};
use crate::support::*;

pub(super) const PASSWORD: &str = "mật khẩu đủ dài 2026";

/// The database a test runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Db {
    Sqlite,
    Postgres,
}

/// Runs `$test(Db::Sqlite)` and `$test(Db::Postgres)` as the tests `$test::sqlite` and
/// `$test::postgres`.
macro_rules! on_both {
    ($($test:ident),* $(,)?) => {$(
        mod $test {
            #[test]
            fn sqlite() {
                super::$test(super::Db::Sqlite)
            }
            #[test]
            fn postgres() {
                super::$test(super::Db::Postgres)
            }
        }
    )*};
}
pub(super) use on_both;

on_both!(
    drafts_are_kept_as_revisions_and_a_stale_save_is_refused_with_what_changed,
    every_stored_route_refuses_an_anonymous_request_and_a_wrong_token,
    an_office_reads_its_own_and_the_offices_under_it_and_changes_only_its_own,
    sql_injection_in_every_parameter_changes_nothing,
    saves_at_once_from_one_revision_keep_exactly_one,
    a_save_acknowledged_before_a_kill_9_is_there_after_a_restart,
    administration_says_what_is_wrong,
    two_servers_on_one_database_lose_no_update,
    a_session_logs_in_with_a_password_and_its_changes_need_the_csrf_token,
    wrong_passwords_are_slowed_and_never_logged,
    a_disabled_person_is_let_in_nowhere_and_enabled_needs_a_new_token,
    a_lost_token_is_revoked_and_the_persons_others_still_work,
);

/// A fresh, empty database for `test`: an SQLite file in its scratch folder, or a database of
/// its own on the test PostgreSQL server.
pub(super) fn fresh_database(db: Db, test: &str) -> String {
    let folder = scratch(test);
    match db {
        Db::Sqlite => folder.join("vanban.db").to_str().unwrap().to_owned(),
        Db::Postgres => {
            let server = std::env::var("VANBAN_TEST_POSTGRES").expect(
                "VANBAN_TEST_POSTGRES is not set: run the tests with scripts/test.sh, which \
                 starts a PostgreSQL server for them and sets it",
            );
            let name = test.replace('-', "_").to_lowercase();
            for sql in [
                format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"),
                format!("CREATE DATABASE {name}"),
            ] {
                let psql = std::process::Command::new("psql")
                    .args([
                        &format!("{server}/postgres"),
                        "-v",
                        "ON_ERROR_STOP=1",
                        "-q",
                        "-c",
                        &sql,
                    ])
                    .output()
                    .expect("psql runs");
                assert_success(&psql);
            }
            format!("{server}/{name}")
        }
    }
}

/// Runs `vanban ARGS --database DB`, with `stdin` as its standard input.
pub(super) fn admin(db: &str, args: &[&str], stdin: &str) -> Output {
    let mut command = vanban_command(args);
    command
        .args(["--database", db])
        .env_remove("VANBAN_DATABASE")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = command.spawn().expect("vanban runs");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

/// A database with Tam Kỳ, the ward An Mỹ under it, and Hội An beside it; a clerk in each
/// with a token.
/// Adds the office `code` named `name` to the database `db`, under `parent` when given.
pub(super) fn add_office(db: &str, code: &str, name: &str, parent: Option<&str>) {
    let mut args = vec!["office", "add", code, "--name", name];
    args.extend(parent.iter().flat_map(|parent| ["--parent", *parent]));
    assert_success(&admin(db, &args, ""));
}

/// Adds `login` to `office` with [`PASSWORD`] and returns a bearer token of theirs.
pub(super) fn add_person(db: &str, login: &str, office: &str) -> String {
    let added = admin(db, &["user", "add", login, "--office", office], PASSWORD);
    assert_success(&added);
    let made = admin(db, &["user", "token", login], "");
    assert_success(&made);
    String::from_utf8(made.stdout).unwrap().trim().to_owned()
}

pub(super) struct Offices {
    pub(super) db: String,
    pub(super) tam_ky: String,
    pub(super) an_my: String,
    pub(super) hoi_an: String,
}

impl Offices {
    pub(super) fn new(db: Db, test: &str) -> Offices {
        let db = fresh_database(db, test);
        add_office(&db, "tam-ky", "Ban CHQS thành phố Tam Kỳ", None);
        add_office(&db, "an-my", "Ban CHQS phường An Mỹ", Some("tam-ky"));
        add_office(&db, "hoi-an", "Ban CHQS thành phố Hội An", None);
        Offices {
            tam_ky: add_person(&db, "clerk.tk", "tam-ky"),
            an_my: add_person(&db, "clerk.am", "an-my"),
            hoi_an: add_person(&db, "clerk.ha", "hoi-an"),
            db,
        }
    }

    pub(super) fn serve(&self) -> Server {
        Server::with(&["--database", &self.db], &[])
    }
}

pub(super) fn bearer(token: &str) -> String {
    format!("Bearer {token}")
}

pub(super) fn get(server: &Server, token: &str, path: &str) -> Reply {
    server.send("GET", path, &[("Authorization", &bearer(token))], b"")
}

pub(super) fn put(server: &Server, token: &str, path: &str, body: &Value) -> Reply {
    let headers = [
        ("Authorization", bearer(token)),
        ("Content-Type", "application/json".to_owned()),
    ];
    let headers: Vec<(&str, &str)> = headers.iter().map(|(n, v)| (*n, v.as_str())).collect();
    server.send("PUT", path, &headers, body.to_string().as_bytes())
}

pub(super) fn save(revision: i64, data: &Value) -> Value {
    json!({"revision": revision, "data": data})
}

fn drafts_are_kept_as_revisions_and_a_stale_save_is_refused_with_what_changed(db: Db) {
    let offices = Offices::new(db, &format!("stored-revisions-{db:?}"));
    let server = offices.serve();
    let token = &offices.tam_ky;

    let me = get(&server, token, "/v1/me");
    assert_eq!(
        me.json(),
        json!({"login": "clerk.tk", "office": {"code": "tam-ky", "name": "Ban CHQS thành phố Tam Kỳ"}})
    );
    assert_eq!(
        get(&server, token, "/v1/drafts/2022").problem(404)["code"],
        "no_such_draft"
    );

    let first = sample_json();
    let created = put(&server, token, "/v1/drafts/2022", &save(0, &first));
    assert_eq!(created.status, 201, "{}", created.text());
    assert_eq!(created.json()["revision"], 1);

    let mut second = first.clone();
    second["signer"]["name"] = json!("Nguyễn Văn Bình");
    let saved = put(&server, token, "/v1/drafts/2022", &save(1, &second));
    saved.ok();
    assert_eq!(saved.json()["revision"], 2);

    // A second clerk, still on revision 1, saves other changes: refused, told what changed.
    let mut stale = first.clone();
    stale["lessons"][0] = json!("Bài học khác.");
    let refused = put(&server, token, "/v1/drafts/2022", &save(1, &stale));
    let problem = refused.problem(409);
    assert_eq!(problem["code"], "revision_conflict", "{problem}");
    assert_eq!(
        problem["detail"],
        "the data for 2022 was saved again since revision 1: revision 2, by clerk.tk; open it \
         and make your changes there"
    );
    assert_eq!(
        problem["errors"],
        json!([{"code": "changed_since", "path": "$.signer.name", "message": "changed by revision 2"}])
    );

    // Nothing was lost: both revisions are there, as saved.
    let latest = get(&server, token, "/v1/drafts/2022").json();
    assert_eq!(latest["revision"], 2);
    assert_eq!(latest["saved_by"], "clerk.tk");
    assert_eq!(latest["data"], second);
    assert_eq!(
        get(&server, token, "/v1/drafts/2022?revision=1").json()["data"],
        first
    );
    let revisions = get(&server, token, "/v1/drafts/2022/revisions").json();
    let numbers: Vec<&Value> = revisions["revisions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| &r["revision"])
        .collect();
    assert_eq!(numbers, [&json!(2), &json!(1)]);
    let years = get(&server, token, "/v1/drafts").json();
    assert_eq!(years["drafts"][0]["year"], 2022);
    assert_eq!(years["drafts"][0]["revision"], 2);

    // In Vietnamese, as every problem.
    let vietnamese = server.send(
        "PUT",
        "/v1/drafts/2022",
        &[
            ("Authorization", &bearer(token)),
            ("Content-Type", "application/json"),
            ("Accept-Language", "vi"),
        ],
        save(1, &stale).to_string().as_bytes(),
    );
    assert_eq!(
        vietnamese.problem(409)["errors"][0]["message"],
        "đã được sửa ở bản lưu số 2"
    );

    // A save that is not one: said field by field.
    let wrong = put(&server, token, "/v1/drafts/2023", &save(2, &second));
    let problem = wrong.problem(422);
    assert_eq!(
        problem["errors"][0]["message"],
        "the data is for 2022, not 2023"
    );
    let shapeless = put(
        &server,
        token,
        "/v1/drafts/2022",
        &json!({"revision": "2", "data": []}),
    );
    let problem = shapeless.problem(422);
    let paths = texts_of(&problem["errors"], "path");
    assert_eq!(paths, ["$.revision", "$.data"]);
}

fn every_stored_route_refuses_an_anonymous_request_and_a_wrong_token(db: Db) {
    let offices = Offices::new(db, &format!("stored-anonymous-{db:?}"));
    let server = offices.serve();
    let routes = [
        ("GET", "/v1/me"),
        ("GET", "/v1/office"),
        ("PUT", "/v1/office"),
        ("GET", "/v1/drafts"),
        ("GET", "/v1/drafts/2022"),
        ("PUT", "/v1/drafts/2022"),
        ("GET", "/v1/drafts/2022/revisions"),
        ("GET", "/v1/audit"),
        ("POST", "/v1/logout"),
        ("GET", "/v1/register"),
        ("POST", "/v1/register"),
        ("GET", "/v1/register/1"),
        ("GET", "/v1/register/1/pdf"),
        ("POST", "/v1/register/1/signed"),
    ];
    let forged = format!("vb_{}", "0".repeat(64));
    for (method, path) in routes {
        for headers in [
            &[][..],
            &[("Authorization", "Bearer nonsense")][..],
            &[("Authorization", &*bearer(&forged))][..],
            &[("Authorization", "Basic Y2xlcms6cGFzcw==")][..],
        ] {
            let reply = server.send(method, path, headers, b"{}");
            let problem = reply.problem(401);
            assert_eq!(problem["code"], "not_logged_in", "{method} {path}");
            assert_eq!(
                reply.header("www-authenticate"),
                Some("Bearer realm=\"vanban\"")
            );
        }
    }
    // The rendering routes stay open.
    server
        .post_json("/v1/validate", &std::fs::read(SAMPLE).unwrap())
        .ok();
    // No token reaches the log.
    let log = server.log();
    for token in [&offices.tam_ky, &offices.an_my, &forged] {
        assert!(!log.contains(token.as_str()), "{log}");
    }
}

fn an_office_reads_its_own_and_the_offices_under_it_and_changes_only_its_own(db: Db) {
    let offices = Offices::new(db, &format!("stored-offices-{db:?}"));
    let server = offices.serve();
    let ward = sample_json();
    put(&server, &offices.an_my, "/v1/drafts/2022", &save(0, &ward)).created_or_ok();

    // The city reads its ward's data, but may not change it.
    let read = get(&server, &offices.tam_ky, "/v1/drafts/2022?office=an-my");
    read.ok();
    assert_eq!(read.json()["data"], ward);
    let listed = get(&server, &offices.tam_ky, "/v1/drafts?office=an-my").json();
    assert_eq!(listed["office"], "an-my");
    let written = put(
        &server,
        &offices.tam_ky,
        "/v1/drafts/2022?office=an-my",
        &save(1, &ward),
    );
    assert_eq!(written.problem(403)["code"], "read_only_office");
    // The city's own 2022 is its own: none yet.
    assert_eq!(
        get(&server, &offices.tam_ky, "/v1/drafts/2022").problem(404)["code"],
        "no_such_draft"
    );

    // The ward may not read the city; the city beside may read neither. Another office
    // answers as an office that does not exist (404), so codes cannot be probed.
    for (token, path) in [
        (&offices.an_my, "/v1/drafts?office=tam-ky"),
        (&offices.hoi_an, "/v1/drafts/2022?office=an-my"),
        (&offices.hoi_an, "/v1/audit?office=an-my"),
        (&offices.hoi_an, "/v1/drafts?office=no-such-office"),
    ] {
        assert_eq!(
            get(&server, token, path).problem(404)["code"],
            "no_such_office",
            "{path}"
        );
    }
    assert_eq!(
        get(&server, &offices.hoi_an, "/v1/drafts").json()["drafts"],
        json!([])
    );

    // The audit log says who changed what.
    let audit = get(&server, &offices.an_my, "/v1/audit").json();
    let entries = audit["entries"].as_array().unwrap();
    assert_eq!(entries[0]["login"], "clerk.am");
    assert_eq!(entries[0]["action"], "draft.save");
    assert_eq!(entries[0]["subject"], "2022 revision 1");
    assert!(
        entries.iter().any(|e| e["action"] == "token.add"),
        "{audit}"
    );
}

fn sql_injection_in_every_parameter_changes_nothing(db: Db) {
    let offices = Offices::new(db, &format!("stored-injection-{db:?}"));
    let server = offices.serve();
    let token = &offices.tam_ky;
    put(&server, token, "/v1/drafts/2022", &save(0, &sample_json())).created_or_ok();
    let attempts = [
        ("/v1/drafts?office=tam-ky'%20OR%20'1'='1", 404),
        (
            "/v1/drafts/2022?office=an-my%22;%20DROP%20TABLE%20drafts;--",
            404,
        ),
        ("/v1/drafts/2022;DROP%20TABLE%20drafts", 404),
        ("/v1/drafts/2022?revision=1%20OR%201=1", 400),
        ("/v1/drafts/2022?revision=-1", 400),
        ("/v1/office?office=an-my'%20OR%20'1'='1", 404),
        (
            "/v1/audit?office=%27%29%3B%20DELETE%20FROM%20audit%3B--",
            404,
        ),
    ];
    for (path, status) in attempts {
        get(&server, token, path).problem(status);
    }
    let login = "x'); DELETE FROM users; --";
    let refused = admin(
        &offices.db,
        &["user", "add", login, "--office", "tam-ky"],
        PASSWORD,
    );
    assert_eq!(refused.status.code(), Some(2));
    add_office(&offices.db, "tam-ky-2", "x'); DROP TABLE offices; --", None);
    // Everything is still there.
    let latest = get(&server, token, "/v1/drafts/2022").json();
    assert_eq!(latest["revision"], 1);
    assert_eq!(
        get(&server, &offices.hoi_an, "/v1/me").json()["login"],
        "clerk.ha"
    );
    assert_eq!(
        get(&server, token, "/v1/audit").json()["entries"][0]["action"],
        "draft.save"
    );
}

fn saves_at_once_from_one_revision_keep_exactly_one(db: Db) {
    let offices = Offices::new(db, &format!("stored-at-once-{db:?}"));
    let server = offices.serve();
    let token = offices.tam_ky.clone();
    put(&server, &token, "/v1/drafts/2022", &save(0, &sample_json())).created_or_ok();
    let statuses: Vec<u16> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..8)
            .map(|clerk| {
                let (server, token) = (&server, &token);
                scope.spawn(move || {
                    let mut data = sample_json();
                    data["signer"]["name"] = json!(format!("Người ký {clerk}"));
                    put(server, token, "/v1/drafts/2022", &save(1, &data)).status
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    assert_eq!(
        statuses.iter().filter(|s| **s == 200).count(),
        1,
        "{statuses:?}"
    );
    assert_eq!(
        statuses.iter().filter(|s| **s == 409).count(),
        7,
        "{statuses:?}"
    );
    let revisions = get(&server, &token, "/v1/drafts/2022/revisions").json();
    assert_eq!(revisions["revisions"].as_array().unwrap().len(), 2);
}

fn a_save_acknowledged_before_a_kill_9_is_there_after_a_restart(db: Db) {
    let offices = Offices::new(db, &format!("stored-kill-{db:?}"));
    let mut server = offices.serve();
    let token = offices.tam_ky.clone();
    let mut acknowledged = Vec::new();
    let mut data = sample_json();
    let started = std::time::Instant::now();
    // A document issued before: it downloads the same after the restart.
    put(&server, &token, "/v1/drafts/2022", &save(0, &data)).created_or_ok();
    let issued = server.send(
        "POST",
        "/v1/register",
        &[
            ("Authorization", &bearer(&token)),
            ("Content-Type", "application/json"),
        ],
        br#"{"year": 2022, "kind": "report"}"#,
    );
    assert_eq!(issued.status, 201, "{}", issued.text());
    let issued_pdf = get(&server, &token, "/v1/register/1/pdf").body;
    let mut revision = 1;
    // Saves one after another; the server is killed while they go on.
    let killer = {
        let pid = server.pid().to_string();
        std::thread::spawn(move || {
            std::thread::sleep(std::time::Duration::from_millis(400));
            let killed = std::process::Command::new("kill")
                .args(["-KILL", &pid])
                .status()
                .unwrap();
            assert!(killed.success());
        })
    };
    loop {
        data["lessons"] = json!([format!("Bài học số {}", revision + 1)]);
        let body = save(revision, &data).to_string();
        let authorization = bearer(&token);
        let headers = [
            ("Authorization", authorization.as_str()),
            ("Content-Type", "application/json"),
        ];
        match server.try_send("PUT", "/v1/drafts/2022", &headers, body.as_bytes()) {
            Ok(reply) if reply.status == 200 || reply.status == 201 => {
                revision += 1;
                acknowledged.push((revision, data.clone()));
            }
            _ => break,
        }
        assert!(
            started.elapsed().as_secs() < 60,
            "the server was never killed"
        );
    }
    killer.join().unwrap();
    server.wait_exit();
    assert!(
        acknowledged.len() >= 5,
        "only {} saves before the kill",
        acknowledged.len()
    );

    let restarted = offices.serve();
    for (revision, data) in &acknowledged {
        let kept = get(
            &restarted,
            &token,
            &format!("/v1/drafts/2022?revision={revision}"),
        );
        kept.ok();
        assert_eq!(&kept.json()["data"], data, "revision {revision}");
    }
    let latest = get(&restarted, &token, "/v1/drafts/2022").json();
    assert!(latest["revision"].as_i64().unwrap() >= acknowledged.last().unwrap().0);
    assert_eq!(
        get(&restarted, &token, "/v1/register/1/pdf").body,
        issued_pdf
    );
}

#[test]
fn a_backup_taken_while_the_server_runs_serves_the_same_drafts() {
    let offices = Offices::new(Db::Sqlite, "stored-backup");
    let server = offices.serve();
    let token = &offices.tam_ky;
    put(&server, token, "/v1/drafts/2022", &save(0, &sample_json())).created_or_ok();
    let copy = std::path::Path::new(&offices.db).with_file_name("copy.db");
    let backup = admin(&offices.db, &["backup", "-o", copy.to_str().unwrap()], "");
    assert_success(&backup);
    put(&server, token, "/v1/drafts/2022", &save(1, &sample_json())).ok();
    drop(server);

    let from_copy = Server::with(&["--database", copy.to_str().unwrap()], &[]);
    let latest = get(&from_copy, token, "/v1/drafts/2022").json();
    assert_eq!(latest["revision"], 1, "the copy is the database as it was");
    assert_eq!(latest["data"], sample_json());
    let leftovers: Vec<_> = std::fs::read_dir(copy.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.contains("vanban-backup"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

fn administration_says_what_is_wrong(db: Db) {
    let offices = Offices::new(db, &format!("stored-admin-{db:?}"));
    let database = &offices.db;
    let said = |args: &[&str], stdin: &str| {
        let output = admin(database, args, stdin);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        String::from_utf8(output.stderr).unwrap()
    };
    assert_eq!(
        said(&["office", "add", "tam-ky", "--name", "x"], ""),
        "error: there is already an office tam-ky\n"
    );
    assert!(
        said(&["office", "add", "Tam Kỳ", "--name", "x"], "").contains("is not an office code")
    );
    assert_eq!(
        said(&["user", "add", "someone", "--office", "nowhere"], PASSWORD),
        "error: no office nowhere that you may read\n"
    );
    assert_eq!(
        said(&["user", "add", "someone", "--office", "tam-ky"], "short\n"),
        "error: the password must have at least 10 characters\n"
    );
    assert_eq!(
        said(&["user", "add", "clerk.tk", "--office", "tam-ky"], PASSWORD),
        "error: there is already a login clerk.tk\n"
    );
    assert_eq!(
        said(&["user", "token", "nobody"], ""),
        "error: no login nobody\n"
    );
    if db == Db::Postgres {
        let copy = scratch("stored-admin-backup").join("copy.db");
        assert_eq!(
            said(&["backup", "-o", copy.to_str().unwrap()], ""),
            "error: vanban backup copies an SQLite database; back up PostgreSQL with pg_dump\n"
        );
    }
    // A new password works; the old token still does.
    assert_success(&admin(
        database,
        &["user", "passwd", "clerk.tk"],
        "một mật khẩu mới hơn\n",
    ));
    let server = offices.serve();
    get(&server, &offices.tam_ky, "/v1/me").ok();
    // Without a database, the stored routes say there is none.
    let plain = Server::start();
    assert_eq!(
        get(&plain, &offices.tam_ky, "/v1/drafts").problem(404)["code"],
        "no_database"
    );
}

/// Two servers on one database, each saving from what it last read, eight clerks at once:
/// every acknowledged save is a revision of its own, numbered without a gap, and a token
/// works on both.
fn two_servers_on_one_database_lose_no_update(db: Db) {
    let offices = Offices::new(db, &format!("stored-two-{db:?}"));
    let servers = [offices.serve(), offices.serve()];
    let token = offices.tam_ky.clone();
    put(
        &servers[0],
        &token,
        "/v1/drafts/2022",
        &save(0, &sample_json()),
    )
    .created_or_ok();
    const SAVES: usize = 5;
    let saved: Vec<(i64, String)> = std::thread::scope(|scope| {
        let clerks: Vec<_> = (0..8)
            .map(|clerk| {
                let (server, token) = (&servers[clerk % 2], &token);
                scope.spawn(move || {
                    let mut mine = Vec::new();
                    while mine.len() < SAVES {
                        let latest = get(server, token, "/v1/drafts/2022").json();
                        let mut data = latest["data"].clone();
                        let marker = format!("Người ký {clerk}-{}", mine.len());
                        data["signer"]["name"] = json!(marker);
                        let base = latest["revision"].as_i64().unwrap();
                        let reply = put(server, token, "/v1/drafts/2022", &save(base, &data));
                        match reply.status {
                            200 => mine.push((reply.json()["revision"].as_i64().unwrap(), marker)),
                            409 => continue,
                            status => panic!("{status}: {}", reply.text()),
                        }
                    }
                    mine
                })
            })
            .collect();
        clerks.into_iter().flat_map(|h| h.join().unwrap()).collect()
    });
    let mut numbers: Vec<i64> = saved.iter().map(|(revision, _)| *revision).collect();
    numbers.sort();
    let expected: Vec<i64> = (2..=(1 + 8 * SAVES as i64)).collect();
    assert_eq!(
        numbers, expected,
        "every save a revision of its own, none twice"
    );
    for (revision, marker) in &saved {
        let kept = get(
            &servers[1],
            &token,
            &format!("/v1/drafts/2022?revision={revision}"),
        );
        assert_eq!(kept.json()["data"]["signer"]["name"], json!(marker));
    }
    get(&servers[1], &offices.an_my, "/v1/me").ok();
}

/// Logs `login` in on `server`: the answer, and the session cookie (`name=value`).
fn log_in(server: &Server, login: &str, password: &str) -> (Reply, Option<String>) {
    let body = json!({"login": login, "password": password}).to_string();
    let reply = server.send(
        "POST",
        "/v1/login",
        &[("Content-Type", "application/json")],
        body.as_bytes(),
    );
    let cookie = reply
        .header("set-cookie")
        .and_then(|cookie| cookie.split(';').next())
        .map(str::to_owned);
    (reply, cookie)
}

fn a_session_logs_in_with_a_password_and_its_changes_need_the_csrf_token(db: Db) {
    let offices = Offices::new(db, &format!("stored-session-{db:?}"));
    let servers = [offices.serve(), offices.serve()];
    let (reply, cookie) = log_in(&servers[0], "clerk.tk", PASSWORD);
    reply.ok();
    let set = reply.header("set-cookie").unwrap().to_owned();
    assert!(set.starts_with("vanban_session=vs_"), "{set}");
    for flag in ["HttpOnly", "SameSite=Strict", "Path=/", "Max-Age=43200"] {
        assert!(set.contains(flag), "{set}");
    }
    assert!(!set.contains("Secure"), "plain HTTP: {set}");
    let csrf = reply.json()["csrf"].as_str().unwrap().to_owned();
    assert_eq!(reply.json()["login"], "clerk.tk");
    let cookie = cookie.unwrap();

    // The session is valid on the other instance too, and tells its CSRF token again.
    let me = servers[1].send("GET", "/v1/me", &[("Cookie", &cookie)], b"");
    assert_eq!(me.json()["csrf"], csrf.as_str());

    // A change with the cookie alone is refused: a page of another site could send it.
    let body = save(0, &sample_json()).to_string();
    let put_with = |csrf: Option<&str>| {
        let mut headers = vec![
            ("Cookie", cookie.as_str()),
            ("Content-Type", "application/json"),
        ];
        headers.extend(csrf.map(|csrf| ("X-CSRF-Token", csrf)));
        servers[1].send("PUT", "/v1/drafts/2022", &headers, body.as_bytes())
    };
    assert_eq!(put_with(None).problem(403)["code"], "csrf_token_missing");
    assert_eq!(
        put_with(Some("0123")).problem(403)["code"],
        "csrf_token_missing"
    );
    let saved = put_with(Some(&csrf));
    assert_eq!(saved.status, 201, "{}", saved.text());

    // Behind TLS the cookie is Secure.
    let body = json!({"login": "clerk.tk", "password": PASSWORD}).to_string();
    let behind_tls = servers[0].send(
        "POST",
        "/v1/login",
        &[
            ("Content-Type", "application/json"),
            ("X-Forwarded-Proto", "https"),
        ],
        body.as_bytes(),
    );
    assert!(
        behind_tls
            .header("set-cookie")
            .unwrap()
            .contains("; Secure")
    );

    // Logged out, the cookie opens nothing.
    let out = servers[0].send(
        "POST",
        "/v1/logout",
        &[("Cookie", &cookie), ("X-CSRF-Token", &csrf)],
        b"",
    );
    assert_eq!(out.status, 204);
    assert!(out.header("set-cookie").unwrap().contains("Max-Age=0"));
    let after = servers[1].send("GET", "/v1/drafts", &[("Cookie", &cookie)], b"");
    assert_eq!(after.problem(401)["code"], "not_logged_in");
}

fn wrong_passwords_are_slowed_and_never_logged(db: Db) {
    let offices = Offices::new(db, &format!("stored-wrong-{db:?}"));
    let server = offices.serve();
    for attempt in 0..5 {
        let (reply, cookie) = log_in(&server, "clerk.tk", &format!("đoán sai {attempt}"));
        assert_eq!(reply.problem(401)["code"], "wrong_login");
        assert!(cookie.is_none());
    }
    // SQL in the login or the password is a wrong login, nothing more.
    for (login, password) in [
        ("clerk.am' OR '1'='1", PASSWORD),
        ("clerk.am", "' OR '1'='1"),
    ] {
        let (injected, cookie) = log_in(&server, login, password);
        assert_eq!(injected.problem(401)["code"], "wrong_login");
        assert!(cookie.is_none());
    }
    // A login that does not exist is told the same.
    let (unknown, _) = log_in(&server, "no.one", PASSWORD);
    assert_eq!(unknown.problem(401)["detail"], "wrong login or password");
    // After five failures, even the right password waits.
    let (slowed, _) = log_in(&server, "clerk.tk", PASSWORD);
    assert_eq!(slowed.problem(429)["code"], "too_many_logins");
    assert_eq!(slowed.header("retry-after"), Some("900"));
    // Another person is not slowed by them.
    let (other, _) = log_in(&server, "clerk.am", PASSWORD);
    other.ok();
    let log = server.log();
    for secret in [PASSWORD, "đoán sai 0"] {
        assert!(!log.contains(secret), "{log}");
    }
    assert!(!log.contains("vs_"), "a session in the log: {log}");
}

fn a_disabled_person_is_let_in_nowhere_and_enabled_needs_a_new_token(db: Db) {
    let offices = Offices::new(db, &format!("stored-disabled-{db:?}"));
    let servers = [offices.serve(), offices.serve()];
    let (reply, cookie) = log_in(&servers[0], "clerk.tk", PASSWORD);
    reply.ok();
    let cookie = cookie.unwrap();
    get(&servers[1], &offices.tam_ky, "/v1/drafts").ok();

    // Disabled while the servers run: the session and the token stop at once, on both.
    let disabled = admin(&offices.db, &["user", "disable", "clerk.tk"], "");
    assert_success(&disabled);
    for server in &servers {
        let by_cookie = server.send("GET", "/v1/drafts", &[("Cookie", &cookie)], b"");
        assert_eq!(by_cookie.problem(401)["code"], "not_logged_in");
        let by_token = get(server, &offices.tam_ky, "/v1/drafts");
        assert_eq!(by_token.problem(401)["code"], "not_logged_in");
    }
    let (refused, _) = log_in(&servers[1], "clerk.tk", PASSWORD);
    assert_eq!(refused.problem(401)["code"], "wrong_login");
    let token = admin(&offices.db, &["user", "token", "clerk.tk"], "");
    assert_eq!(token.status.code(), Some(2), "{token:?}");
    let said = String::from_utf8_lossy(&token.stderr);
    assert!(
        said.contains("clerk.tk is disabled: `vanban user enable clerk.tk` first"),
        "{said}"
    );
    // The office's other people are not touched.
    get(&servers[0], &offices.an_my, "/v1/drafts").ok();

    // Enabled again: the password opens a session; the old token stays revoked.
    assert_success(&admin(&offices.db, &["user", "enable", "clerk.tk"], ""));
    log_in(&servers[0], "clerk.tk", PASSWORD).0.ok();
    let old = get(&servers[0], &offices.tam_ky, "/v1/drafts");
    assert_eq!(old.problem(401)["code"], "not_logged_in");
    let made = admin(&offices.db, &["user", "token", "clerk.tk"], "");
    assert_success(&made);
    let new = String::from_utf8(made.stdout).unwrap().trim().to_owned();
    get(&servers[1], &new, "/v1/drafts").ok();

    // The audit log says who was disabled and enabled.
    let audit = get(&servers[1], &new, "/v1/audit").json();
    let actions = texts_of(&audit["entries"], "action");
    assert!(
        actions.contains(&"user.disable") && actions.contains(&"user.enable"),
        "{actions:?}"
    );
}

fn a_lost_token_is_revoked_and_the_persons_others_still_work(db: Db) {
    let offices = Offices::new(db, &format!("stored-revoke-{db:?}"));
    let made = admin(
        &offices.db,
        &["user", "token", "clerk.tk", "--label", "ward PC"],
        "",
    );
    assert_success(&made);
    let lost = String::from_utf8(made.stdout).unwrap().trim().to_owned();
    let listed = admin(&offices.db, &["user", "tokens", "clerk.tk"], "");
    assert_success(&listed);
    let labels: Vec<String> = String::from_utf8(listed.stdout)
        .unwrap()
        .lines()
        .map(|line| line.split('\t').next().unwrap().to_owned())
        .collect();
    assert_eq!(labels, ["script", "ward PC"]);

    let server = offices.serve();
    get(&server, &lost, "/v1/drafts").ok();
    let revoked = admin(
        &offices.db,
        &["user", "revoke", "clerk.tk", "--label", "ward PC"],
        "",
    );
    assert_success(&revoked);
    assert_eq!(
        String::from_utf8(revoked.stdout).unwrap(),
        "1 token of clerk.tk labelled \"ward PC\" revoked\n"
    );
    // The lost token stops at once; the person's other token and their colleagues' still work.
    assert_eq!(
        get(&server, &lost, "/v1/drafts").problem(401)["code"],
        "not_logged_in"
    );
    get(&server, &offices.tam_ky, "/v1/drafts").ok();
    get(&server, &offices.an_my, "/v1/drafts").ok();

    let again = admin(
        &offices.db,
        &[
            "user", "revoke", "clerk.tk", "--label", "ward PC", "--lang", "vi",
        ],
        "",
    );
    assert_eq!(again.status.code(), Some(2), "{again:?}");
    assert_eq!(
        String::from_utf8(again.stderr).unwrap(),
        "error: tài khoản clerk.tk không có mã truy cập nào mang nhãn \"ward PC\" \
         (`vanban user tokens clerk.tk` liệt kê các mã)\n"
    );
    let audit = get(&server, &offices.tam_ky, "/v1/audit").json();
    assert!(texts_of(&audit["entries"], "action").contains(&"token.revoke"));
}
