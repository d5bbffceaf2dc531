//! The HTTP service over real loopback sockets: `vanban serve --addr 127.0.0.1:0` started per
//! test, driven with a plain HTTP client, its answers checked with the same tools as the CLI's.

mod batches;
mod documents;
mod errors;
mod language;
mod load;
mod offices;
mod operations;
mod page;
mod register;
mod stored;

use std::io::{BufRead, BufReader, Read};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::mpsc;
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

use serde_json::Value;

/// A running `vanban serve`, killed when dropped.
pub struct Server {
    child: Child,
    /// `http://127.0.0.1:PORT`.
    pub base: String,
    log: Arc<Mutex<String>>,
    /// The thread that copies the server's standard error into `log`; it ends when the
    /// server's standard error closes.
    reader: Option<std::thread::JoinHandle<()>>,
}

impl Server {
    /// Starts a server with the default settings.
    pub fn start() -> Server {
        Server::with(&[], &[])
    }

    /// Starts a server with extra `serve` arguments and environment variables, and waits for
    /// it to listen.
    pub fn with(args: &[&str], env: &[(&str, &str)]) -> Server {
        let mut command = Command::new(env!("CARGO_BIN_EXE_vanban"));
        command
            .args(["serve", "--addr", "127.0.0.1:0"])
            .args(args)
            .env("VANBAN_LOG", "info")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped());
        for name in [
            "VANBAN_ADDR",
            "VANBAN_CONCURRENCY",
            "VANBAN_QUEUE",
            "VANBAN_RENDER_TIMEOUT",
            "VANBAN_BODY_LIMIT",
            "VANBAN_MAX_WARDS",
            "VANBAN_MAX_CONNECTIONS",
            "VANBAN_HEADER_TIMEOUT",
            "VANBAN_IDLE_TIMEOUT",
            "VANBAN_BODY_TIMEOUT",
            "VANBAN_SHUTDOWN_TIMEOUT",
            "VANBAN_TEMPLATES",
            "VANBAN_DATABASE",
            "VANBAN_FONT_DIR",
        ] {
            command.env_remove(name);
        }
        command.envs(env.iter().copied());
        let mut child = command.spawn().expect("vanban serve starts");
        let stderr = child.stderr.take().unwrap();
        let log = Arc::new(Mutex::new(String::new()));
        let (listening, address) = mpsc::channel();
        let reader = {
            let log = log.clone();
            std::thread::spawn(move || {
                for line in BufReader::new(stderr).lines() {
                    let Ok(line) = line else { break };
                    {
                        let mut log = log.lock().unwrap();
                        log.push_str(&line);
                        log.push('\n');
                    }
                    if line.contains(" listening ") {
                        let addr = line
                            .split_whitespace()
                            .find_map(|word| word.strip_prefix("addr="))
                            .map(str::to_owned);
                        let _ = listening.send(addr);
                    }
                }
            })
        };
        let addr = address
            .recv_timeout(Duration::from_secs(60))
            .ok()
            .flatten()
            .unwrap_or_else(|| panic!("the server did not say where it listens: {log:?}"));
        Server {
            child,
            base: format!("http://{addr}"),
            log,
            reader: Some(reader),
        }
    }

    /// The server's process id.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// The URL of `path` on this server.
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// What the server logged so far.
    pub fn log(&self) -> String {
        self.log.lock().unwrap().clone()
    }

    /// Waits up to 20 s for the log to contain `text`.
    pub fn wait_for_log(&self, text: &str) -> String {
        let started = Instant::now();
        loop {
            let log = self.log();
            if log.contains(text) {
                return log;
            }
            assert!(
                started.elapsed() < Duration::from_secs(20),
                "the log never said {text:?}:\n{log}"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// The server's `host:port`.
    pub fn addr(&self) -> &str {
        self.base.trim_start_matches("http://")
    }

    /// The server's peak resident memory so far, in MB (Linux's `VmHWM`).
    pub fn peak_rss_mb(&self) -> f64 {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id()))
            .expect("the server's /proc status reads");
        let kilobytes: f64 = status
            .lines()
            .find_map(|line| line.strip_prefix("VmHWM:"))
            .and_then(|rest| rest.trim().trim_end_matches("kB").trim().parse().ok())
            .expect("VmHWM in /proc status");
        kilobytes / 1024.0
    }

    /// Sends the signal `name` (`TERM`, `INT`) to the server.
    pub fn signal(&self, name: &str) {
        let sent = Command::new("kill")
            .args([format!("-{name}"), self.child.id().to_string()])
            .status()
            .expect("kill runs");
        assert!(sent.success());
    }

    /// Waits (at most 60 s) for the server to exit.
    pub fn wait_exit(&mut self) -> ExitStatus {
        let started = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                // The log is whole once the reader has copied the last line.
                if let Some(reader) = self.reader.take() {
                    reader.join().expect("the log reader does not panic");
                }
                return status;
            }
            assert!(
                started.elapsed() < Duration::from_secs(60),
                "the server did not stop"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// `GET path`.
    pub fn get(&self, path: &str) -> Reply {
        Reply::from(agent().get(self.url(path)).call())
    }

    /// `POST path` with a JSON body.
    pub fn post_json(&self, path: &str, body: &[u8]) -> Reply {
        self.post(path, "application/json", body)
    }

    /// `POST path` with `body` of `content_type`.
    pub fn post(&self, path: &str, content_type: &str, body: &[u8]) -> Reply {
        Reply::from(
            agent()
                .post(self.url(path))
                .header("Content-Type", content_type)
                .send(body),
        )
    }

    /// `method path` with `headers` and a body (empty for none).
    pub fn send(&self, method: &str, path: &str, headers: &[(&str, &str)], body: &[u8]) -> Reply {
        self.try_send(method, path, headers, body)
            .unwrap_or_else(|error| {
                panic!(
                    "{method} {path}: no answer ({error}); the server logged:\n{}",
                    self.log()
                )
            })
    }

    /// As [`Server::send`], or the client's error when no whole answer comes (the server
    /// died).
    pub fn try_send(
        &self,
        method: &str,
        path: &str,
        headers: &[(&str, &str)],
        body: &[u8],
    ) -> Result<Reply, String> {
        let mut request = ureq::http::Request::builder()
            .method(method)
            .uri(self.url(path));
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        let mut response = agent()
            .run(request.body(body.to_vec()).unwrap())
            .map_err(|error| error.to_string())?;
        let mut body = Vec::new();
        response
            .body_mut()
            .as_reader()
            .read_to_end(&mut body)
            .map_err(|error| error.to_string())?;
        Ok(Reply {
            status: response.status().as_u16(),
            headers: response.headers().clone(),
            body,
        })
    }

    /// A gauge or counter's value in `/metrics`, 0 when absent.
    pub fn metric(&self, name_and_labels: &str) -> f64 {
        let metrics = self.get("/metrics");
        metrics.ok();
        metrics
            .text()
            .lines()
            .find_map(|line| {
                line.strip_prefix(name_and_labels)
                    .and_then(|rest| rest.strip_prefix(' '))
            })
            .map_or(0.0, |value| value.parse().unwrap())
    }

    /// Waits up to 20 s until `metric` reaches `value`.
    pub fn wait_for_metric(&self, metric: &str, value: f64) {
        let started = Instant::now();
        while self.metric(metric) != value {
            assert!(
                started.elapsed() < Duration::from_secs(20),
                "{metric} never reached {value}"
            );
            std::thread::sleep(Duration::from_millis(10));
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// One HTTP client for every test: answers of any status are answers, not errors. It keeps
/// no idle connection, so that no request goes out on a connection its server (of this test
/// or, by a reused port, of another) has just closed.
pub fn agent() -> &'static ureq::Agent {
    static AGENT: OnceLock<ureq::Agent> = OnceLock::new();
    AGENT.get_or_init(|| {
        ureq::Agent::config_builder()
            .http_status_as_error(false)
            .max_idle_connections(0)
            .timeout_global(Some(Duration::from_secs(120)))
            .build()
            .into()
    })
}

/// An answer, read whole.
#[derive(Debug)]
pub struct Reply {
    pub status: u16,
    pub headers: ureq::http::HeaderMap,
    pub body: Vec<u8>,
}

impl From<Result<ureq::http::Response<ureq::Body>, ureq::Error>> for Reply {
    fn from(response: Result<ureq::http::Response<ureq::Body>, ureq::Error>) -> Self {
        let mut response = response.expect("the server answers");
        let body = read_all(response.body_mut().as_reader());
        Reply {
            status: response.status().as_u16(),
            headers: response.headers().clone(),
            body,
        }
    }
}

/// Reads a body whole, however large.
pub fn read_all(mut reader: impl Read) -> Vec<u8> {
    let mut body = Vec::new();
    reader.read_to_end(&mut body).expect("the body reads");
    body
}

impl Reply {
    /// A header's value, if present.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).map(|value| value.to_str().unwrap())
    }

    pub fn text(&self) -> String {
        String::from_utf8(self.body.clone()).expect("a UTF-8 body")
    }

    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&self.body)))
    }

    /// Asserts a 200, showing the body when it is not.
    #[track_caller]
    pub fn ok(&self) -> &Self {
        assert_eq!(self.status, 200, "{}", String::from_utf8_lossy(&self.body));
        self
    }

    /// Asserts a 201 or a 200 (a thing made, or changed), showing the body when neither.
    #[track_caller]
    pub fn created_or_ok(&self) -> &Self {
        assert!(
            [200, 201].contains(&self.status),
            "{}: {}",
            self.status,
            String::from_utf8_lossy(&self.body)
        );
        self
    }

    /// The answer as an RFC 9457 problem with `status`: its media type and members checked.
    pub fn problem(&self, status: u16) -> Value {
        assert_eq!(
            self.status,
            status,
            "{}",
            String::from_utf8_lossy(&self.body)
        );
        assert_eq!(
            self.header("content-type"),
            Some("application/problem+json")
        );
        let problem = self.json();
        assert_eq!(problem["status"], status, "{problem}");
        assert_eq!(problem["type"], "about:blank", "{problem}");
        assert!(problem["title"].is_string(), "{problem}");
        assert!(
            problem["detail"].as_str().is_some_and(|d| !d.is_empty()),
            "{problem}"
        );
        problem
    }

    /// The `path: message` lines of a 422 problem's errors.
    pub fn error_lines(&self) -> Vec<String> {
        error_lines(&self.problem(422))
    }
}

/// The `path: message` lines of a problem's errors.
pub fn error_lines(problem: &serde_json::Value) -> Vec<String> {
    problem["errors"]
        .as_array()
        .expect("a list of errors")
        .iter()
        .map(|error| {
            format!(
                "{}: {}",
                error["path"].as_str().unwrap(),
                error["message"].as_str().unwrap()
            )
        })
        .collect()
}

/// A `multipart/form-data` body of `(name, file name, bytes)` parts, and its content type.
pub fn form(parts: &[(&str, &str, &[u8])]) -> (String, Vec<u8>) {
    let boundary = "vanban-test-boundary-7f3a9c";
    let mut body = Vec::new();
    for (name, file, bytes) in parts {
        body.extend_from_slice(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"; filename=\"{file}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
            )
            .as_bytes(),
        );
        body.extend_from_slice(bytes);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}
