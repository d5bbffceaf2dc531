//! Every problem the HTTP service answers with, made by real requests to the real routes over
//! a loopback socket: each says its title, detail and errors in Vietnamese, and together with
//! the library's corpus (`messages::corpus`) they use every template of the messages table,
//! so the table holds no shape vanban does not give.

use std::net::SocketAddr;
use std::sync::Arc;

use serde_json::{Value, json};

use super::problem::Problem;
use super::{AppState, ServerOptions, app};
use crate::messages::corpus::{Coverage, library, xlsx};
use crate::{Engine, EngineOptions};

/// The body limit of the server under test: the samples fit, a larger body does not.
const BODY_LIMIT: usize = 64 * 1024;

/// Templates no request here can reach, and why.
const UNREACHED: &[&str] = &[
    // A body whose connection fails while it is read: the client is gone, nobody reads it.
    "message: cannot read the request body: {cause}",
];

fn sample(name: &str) -> Vec<u8> {
    std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("samples")
            .join(name),
    )
    .unwrap()
}

/// The service on a free loopback port, on its own runtime.
fn serve() -> (tokio::runtime::Runtime, SocketAddr) {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let engine = Engine::new(&EngineOptions::default()).unwrap();
    let options = ServerOptions {
        addr: SocketAddr::from(([127, 0, 0, 1], 0)),
        body_limit: BODY_LIMIT,
        ..ServerOptions::default()
    };
    let state: Arc<AppState> = AppState::new(engine, &options);
    let listener = runtime
        .block_on(tokio::net::TcpListener::bind(options.addr))
        .unwrap();
    let addr = listener.local_addr().unwrap();
    runtime.spawn(async move { axum::serve(listener, app(state)).await });
    (runtime, addr)
}

/// A `multipart/form-data` body of `(name, file name, bytes)` parts, and its content type.
fn form(parts: &[(&str, &str, &[u8])]) -> (String, Vec<u8>) {
    let boundary = "vanban-corpus-boundary";
    let mut body = Vec::new();
    for (name, file, bytes) in parts {
        body.extend_from_slice(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"; filename=\"{file}\"\r\n\r\n"
            )
            .as_bytes(),
        );
        body.extend_from_slice(bytes);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

/// A request and the problem it is answered with (English: no `Accept-Language`).
struct Client {
    base: String,
    agent: ureq::Agent,
}

impl Client {
    fn answer(&self, response: Result<ureq::http::Response<ureq::Body>, ureq::Error>) -> Value {
        let mut response = response.expect("the server answers");
        let status = response.status().as_u16();
        let body = response.body_mut().read_to_vec().unwrap();
        assert!(
            status >= 400,
            "{status}: {}",
            String::from_utf8_lossy(&body)
        );
        serde_json::from_slice(&body).unwrap()
    }

    fn get(&self, path: &str) -> Value {
        self.answer(self.agent.get(format!("{}{path}", self.base)).call())
    }

    fn post(&self, path: &str, content_type: Option<&str>, body: &[u8]) -> Value {
        let mut request = self.agent.post(format!("{}{path}", self.base));
        if let Some(content_type) = content_type {
            request = request.header("Content-Type", content_type);
        }
        self.answer(request.send(body))
    }

    fn json(&self, path: &str, body: &[u8]) -> Value {
        self.post(path, Some("application/json"), body)
    }

    fn form(&self, parts: &[(&str, &str, &[u8])]) -> Value {
        let (content_type, body) = form(parts);
        self.post("/v1/batches", Some(&content_type), &body)
    }
}

/// Every problem the routes answer with.
fn problems(client: &Client) -> Vec<Value> {
    let year_data = sample("tam-ky-2022.json");
    let batch = sample("tam-ky-wards-2022.json");
    let sheet = sample("tam-ky-wards-2022.csv");
    let report = "/v1/documents/report";
    let mut problems = vec![
        client.json(report, b"{\"year\": 2022"),
        client.json("/v1/validate", b"{\"year\": \"2022\"}"),
        client.json("/v1/documents/memo", &year_data),
        client.get("/v2/documents/report"),
        client.get(report),
        client.get("/static/nope.js"),
        client.post(report, Some("text/plain"), &year_data),
        client.post("/v1/validate", None, &year_data),
        client.json(report, &vec![b' '; BODY_LIMIT + 1]),
    ];
    for query in [
        "format=gif",
        "format=png&page=0",
        "format=png&dpi=5000",
        "page=2",
        "format=png&pdf_a=true",
        "pdf_a=maybe",
        "colour=red",
        "format=png&page=abc",
        "format=png&dpi=99999",
        "format=png&page=",
        "format=png&page=99",
        "format=svg&dpi=96",
    ] {
        problems.push(client.json(&format!("{report}?{query}"), &year_data));
    }

    problems.push(client.post("/v1/batches", Some("text/csv"), &sheet));
    problems.push(client.post("/v1/batches/template", Some("text/csv"), &sheet));
    problems.push(client.json("/v1/batches/template", b"{\"shared\": {}, \"wardz\": []}"));
    problems.push(client.json("/v1/batches?with=memo", &batch));
    let mut bad_ward: Value = serde_json::from_slice(&batch).unwrap();
    bad_ward["wards"][0]["overrides"]["signer"]["name"] = json!("");
    problems.push(client.json("/v1/batches", &serde_json::to_vec(&bad_ward).unwrap()));
    let mut bad_rollup: Value = serde_json::from_slice(&batch).unwrap();
    bad_rollup["rollup"]["signer"] = json!({"title": "Chỉ huy trưởng", "name": " "});
    problems.push(client.json("/v1/batches", &serde_json::to_vec(&bad_rollup).unwrap()));

    let no_worksheet = xlsx(None);
    let bad_cells =
        b"name,signer_name,cay_xanh\nPh\xc6\xb0\xe1\xbb\x9dng An M\xe1\xbb\xb9,A,many\n";
    for parts in [
        &[("sheet", "w.csv", &sheet[..])][..],
        &[("shared", "s.json", &batch[..])],
        &[("sheet", "w.csv", &sheet), ("sheet", "w.csv", &sheet)],
        &[
            ("sheet", "w.csv", &sheet),
            ("shared", "s.json", &batch),
            ("x", "x", b""),
        ],
        &[("sheet", "w.ods", &sheet), ("shared", "s.json", &batch)],
        &[
            ("sheet", "w.xlsx", b"not a workbook"),
            ("shared", "s.json", &batch),
        ],
        &[
            ("sheet", "w.xlsx", &no_worksheet),
            ("shared", "s.json", &batch),
        ],
        &[
            ("sheet", "w.csv", b"name\n\xff\n"),
            ("shared", "s.json", &batch),
        ],
        &[("sheet", "w.csv", bad_cells), ("shared", "s.json", &batch)],
        &[("sheet", "w.csv", &sheet), ("shared", "s.json", b"{}")],
    ] {
        problems.push(client.form(parts));
    }
    // A form without its boundary, and one that is not a form.
    problems.push(client.post("/v1/batches", Some("multipart/form-data"), b""));
    let (content_type, _) = form(&[]);
    problems.push(client.post("/v1/batches", Some(&content_type), b"garbage"));

    // What only a busy or slow server, or a failure, answers with.
    for problem in [
        Problem::busy(1),
        Problem::timed_out(30.0),
        Problem::internal("a test"),
    ] {
        problems.push(serde_json::to_value(&problem).unwrap());
    }
    problems
}

#[test]
fn every_problem_is_said_in_vietnamese_and_every_template_is_used() {
    let (_runtime, addr) = serve();
    let client = Client {
        base: format!("http://{addr}"),
        agent: ureq::Agent::config_builder()
            .http_status_as_error(false)
            .build()
            .into(),
    };
    let mut coverage = Coverage::default();
    let mut untranslated = Vec::new();
    for problem in problems(&client) {
        if std::env::var_os("VANBAN_PRINT_CORPUS").is_some() {
            eprintln!("{problem}");
        }
        let texts = ["title", "detail"]
            .into_iter()
            .map(|member| &problem[member]);
        let messages = problem["errors"].as_array().into_iter().flatten();
        for text in texts.chain(messages.clone().map(|error| &error["message"])) {
            let text = text.as_str().unwrap_or_else(|| panic!("{problem}"));
            if coverage.message(text).is_none() {
                untranslated.push(text.to_owned());
            }
        }
        for error in messages {
            coverage.location(error["path"].as_str().unwrap());
        }
    }
    assert!(
        untranslated.is_empty(),
        "no Vietnamese for {untranslated:#?}"
    );

    let engine = Engine::new(&EngineOptions::default()).unwrap();
    let said = library(&engine);
    for message in &said.messages {
        coverage.message(message);
    }
    for location in &said.locations {
        coverage.location(location);
    }
    let unused: Vec<String> = coverage
        .unused()
        .into_iter()
        .filter(|entry| !UNREACHED.contains(&entry.as_str()))
        .collect();
    assert!(unused.is_empty(), "templates no message uses: {unused:#?}");
}
