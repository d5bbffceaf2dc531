//! Hostile inputs: connections (issue 14, findings 11, 12 and 21). Real sockets against the
//! real `vanban serve`: half requests by the thousand, headers and bodies that trickle, a
//! shutdown with a stalled body, and malformed requests to every route.

use std::io::{ErrorKind, Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::server::Server;

/// Raises this test process's soft limit on open files to its hard limit, for the tests
/// that hold a thousand sockets.
fn raise_open_files() {
    let mut limit = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: getrlimit and setrlimit read and write `limit`, which lives through the calls.
    unsafe {
        assert_eq!(libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit), 0);
        limit.rlim_cur = limit.rlim_max;
        libc::setrlimit(libc::RLIMIT_NOFILE, &limit);
    }
}

fn connect(server: &Server) -> TcpStream {
    TcpStream::connect(server.addr()).expect("the server accepts")
}

/// Whether the server closed `stream`, waiting for it at most `within`.
fn closed_by_server(stream: &mut TcpStream, within: Duration) -> bool {
    stream.set_read_timeout(Some(within)).unwrap();
    let mut buf = [0; 4096];
    loop {
        match stream.read(&mut buf) {
            Ok(0) => return true,
            Ok(_) => {}
            Err(error) if error.kind() == ErrorKind::ConnectionReset => return true,
            Err(_) => return false,
        }
    }
}

/// An answer read from a raw socket.
#[derive(Debug)]
struct Raw {
    status: u16,
    content_type: Option<String>,
    body: Vec<u8>,
}

impl Raw {
    /// Parses a whole HTTP/1.1 answer (the request said `Connection: close`).
    fn parse(bytes: &[u8]) -> Raw {
        let end = bytes
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .unwrap_or_else(|| panic!("no answer head: {:?}", String::from_utf8_lossy(bytes)));
        let head = String::from_utf8_lossy(&bytes[..end]).into_owned();
        let mut lines = head.lines();
        let status = lines
            .next()
            .and_then(|line| line.split(' ').nth(1))
            .and_then(|code| code.parse().ok())
            .unwrap_or_else(|| panic!("no status line: {head}"));
        let content_type = lines.find_map(|line| {
            let (name, value) = line.split_once(':')?;
            name.eq_ignore_ascii_case("content-type")
                .then(|| value.trim().to_owned())
        });
        Raw {
            status,
            content_type,
            body: bytes[end + 4..].to_vec(),
        }
    }

    /// The answer as a problem: its media type, and a JSON body whose status is the answer's.
    fn problem(&self, what: &str) -> Value {
        assert_eq!(
            self.content_type.as_deref(),
            Some("application/problem+json"),
            "{what}: {} answered as {:?}: {}",
            self.status,
            self.content_type,
            String::from_utf8_lossy(&self.body)
        );
        let problem: Value =
            serde_json::from_slice(&self.body).unwrap_or_else(|e| panic!("{what}: not JSON ({e})"));
        assert_eq!(problem["status"], self.status, "{what}: {problem}");
        assert!(problem["code"].is_string(), "{what}: {problem}");
        problem
    }
}

/// Sends `request` whole (as much as the server takes) and reads the answer to its end.
fn exchange(server: &Server, request: &[u8]) -> Raw {
    let mut stream = connect(server);
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    // A server that refuses early may close before it has it all: its answer still counts.
    let _ = stream.write_all(request);
    let mut answer = Vec::new();
    let mut buf = [0; 16 * 1024];
    loop {
        match stream.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => answer.extend_from_slice(&buf[..n]),
            Err(error) if error.kind() == ErrorKind::ConnectionReset && !answer.is_empty() => {
                break;
            }
            Err(error) => panic!("reading the answer: {error}"),
        }
    }
    Raw::parse(&answer)
}

/// A request with `Connection: close`, `headers` and `body` (with its length).
fn request(method: &str, target: &str, headers: &[(&str, &str)], body: &[u8]) -> Vec<u8> {
    let mut request =
        format!("{method} {target} HTTP/1.1\r\nHost: vanban\r\nConnection: close\r\n");
    for (name, value) in headers {
        request.push_str(&format!("{name}: {value}\r\n"));
    }
    request.push_str(&format!("Content-Length: {}\r\n\r\n", body.len()));
    let mut bytes = request.into_bytes();
    bytes.extend_from_slice(body);
    bytes
}

/// Finding 11: 1,100 connections that send half a request neither starve `/healthz` nor
/// stay open past the header timeout, and the server never runs out of descriptors.
#[test]
fn half_requests_are_closed_and_health_keeps_answering() {
    raise_open_files();
    let server = Server::with(&["--header-timeout", "2"], &[]);
    let opened = Instant::now();
    let mut half: Vec<TcpStream> = (0..1100)
        .map(|_| {
            let mut stream = connect(&server);
            stream
                .write_all(b"POST /v1/validate HTTP/1.1\r\nHost: vanban\r\nContent-")
                .unwrap();
            stream
        })
        .collect();
    let asked = Instant::now();
    let health = server.get("/healthz");
    assert_eq!(health.status, 200);
    assert!(
        asked.elapsed() < Duration::from_secs(5),
        "/healthz took {:?} under the attack",
        asked.elapsed()
    );
    for (n, stream) in half.iter_mut().enumerate() {
        assert!(
            closed_by_server(stream, Duration::from_secs(30)),
            "half request {n} still open after {:?}",
            opened.elapsed()
        );
    }
    assert!(
        opened.elapsed() < Duration::from_secs(20),
        "the half requests were closed only after {:?}",
        opened.elapsed()
    );
    let peak = server.peak_rss_mb();
    assert!(peak < 300.0, "peak RSS {peak:.0} MB");
    let log = server.log();
    assert!(!log.contains("Too many open files"), "{log}");
    assert!(!log.contains("cannot accept"), "{log}");
}

/// Finding 11: past `--max-connections`, a new connection waits in the backlog and is served
/// once the silent ones time out.
#[test]
fn connections_past_the_cap_wait_and_are_served() {
    let server = Server::with(&["--max-connections", "20", "--header-timeout", "2"], &[]);
    let _silent: Vec<TcpStream> = (0..20).map(|_| connect(&server)).collect();
    std::thread::sleep(Duration::from_millis(300));
    let asked = Instant::now();
    let health = exchange(&server, &request("GET", "/healthz", &[], b""));
    assert_eq!(health.status, 200);
    let waited = asked.elapsed();
    assert!(
        waited > Duration::from_secs(1),
        "served at once ({waited:?}): the cap of 20 connections did not hold"
    );
    assert!(waited < Duration::from_secs(15), "waited {waited:?}");
}

/// Finding 11: headers sent a byte at a time (slowloris) are cut off at the header timeout.
#[test]
fn headers_that_trickle_are_cut_off() {
    let server = Server::with(&["--header-timeout", "2"], &[]);
    let started = Instant::now();
    let mut open: Vec<TcpStream> = (0..100)
        .map(|_| {
            let mut stream = connect(&server);
            stream.write_all(b"GET /healthz HTTP/1.1\r\n").unwrap();
            stream.set_nonblocking(true).unwrap();
            stream
        })
        .collect();
    while !open.is_empty() && started.elapsed() < Duration::from_secs(30) {
        open.retain_mut(|stream| {
            let mut buf = [0; 256];
            match stream.read(&mut buf) {
                Ok(0) => return false,
                Err(error) if error.kind() != ErrorKind::WouldBlock => return false,
                _ => {}
            }
            stream.write_all(b"X").is_ok()
        });
        std::thread::sleep(Duration::from_millis(200));
    }
    assert!(
        open.is_empty(),
        "{} slowloris connections still open after {:?}",
        open.len(),
        started.elapsed()
    );
    assert!(
        started.elapsed() < Duration::from_secs(15),
        "closed after {:?}",
        started.elapsed()
    );
}

/// Finding 11: a kept-alive connection that sends nothing more is closed at the idle timeout.
#[test]
fn idle_kept_alive_connections_are_closed() {
    let server = Server::with(&["--idle-timeout", "1"], &[]);
    let mut stream = connect(&server);
    stream
        .write_all(b"GET /healthz HTTP/1.1\r\nHost: vanban\r\n\r\n")
        .unwrap();
    let mut buf = [0; 1024];
    let n = stream.read(&mut buf).unwrap();
    assert!(buf[..n].starts_with(b"HTTP/1.1 200"));
    let answered = Instant::now();
    assert!(closed_by_server(&mut stream, Duration::from_secs(20)));
    assert!(
        answered.elapsed() < Duration::from_secs(10),
        "closed after {:?}",
        answered.elapsed()
    );
}

/// Finding 11: a body that trickles is refused with 408 problem+json at the body timeout.
#[test]
fn a_body_that_trickles_is_refused_with_408() {
    let server = Server::with(&["--body-timeout", "2"], &[]);
    let mut stream = connect(&server);
    stream
        .write_all(
            b"POST /v1/validate HTTP/1.1\r\nHost: vanban\r\nContent-Type: application/json\r\n\
              Content-Length: 100000\r\n\r\n{",
        )
        .unwrap();
    let mut writer = stream.try_clone().unwrap();
    let started = Instant::now();
    let trickle = std::thread::spawn(move || {
        while started.elapsed() < Duration::from_secs(30) && writer.write_all(b" ").is_ok() {
            std::thread::sleep(Duration::from_millis(100));
        }
    });
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    let mut answer = Vec::new();
    let mut buf = [0; 4096];
    while !answer.ends_with(b"}") {
        match stream.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => answer.extend_from_slice(&buf[..n]),
        }
    }
    let elapsed = started.elapsed();
    let problem = Raw::parse(&answer).problem("a trickling body");
    assert_eq!(problem["status"], 408, "{problem}");
    assert_eq!(problem["code"], "body_timed_out", "{problem}");
    assert!(
        elapsed < Duration::from_secs(15),
        "answered after {elapsed:?}"
    );
    drop(stream);
    trickle.join().unwrap();
}

/// Sends SIGTERM while a request's body is stalled, and returns how long the server took
/// to exit.
fn stop_with_a_stalled_body(server: &mut Server) -> Duration {
    let mut stalled = connect(server);
    stalled
        .write_all(
            b"POST /v1/validate HTTP/1.1\r\nHost: vanban\r\nContent-Type: application/json\r\n\
              Content-Length: 1000\r\n\r\n{",
        )
        .unwrap();
    // A kept-alive connection with no request in flight: closed at once.
    let mut idle = connect(server);
    idle.write_all(b"GET /healthz HTTP/1.1\r\nHost: vanban\r\n\r\n")
        .unwrap();
    let mut buf = [0; 1024];
    assert!(idle.read(&mut buf).unwrap() > 0);
    std::thread::sleep(Duration::from_millis(300));
    let signalled = Instant::now();
    server.signal("TERM");
    assert!(closed_by_server(&mut idle, Duration::from_secs(5)));
    assert!(server.wait_exit().success());
    signalled.elapsed()
}

/// Finding 12: SIGTERM with a stalled body stops the server by `--shutdown-timeout`.
#[test]
fn shutdown_with_a_stalled_body_has_a_deadline() {
    let mut server = Server::with(&["--shutdown-timeout", "1"], &[]);
    let took = stop_with_a_stalled_body(&mut server);
    assert!(took < Duration::from_secs(8), "exited after {took:?}");
    let log = server.log();
    assert!(log.contains("shutdown deadline reached"), "{log}");
}

/// Finding 12: the default shutdown deadline (10 s) holds too; it took 75 s before.
#[test]
fn shutdown_by_default_has_a_deadline() {
    let mut server = Server::start();
    let took = stop_with_a_stalled_body(&mut server);
    assert!(took < Duration::from_secs(30), "exited after {took:?}");
}

/// Finding 21: malformed requests to every route; every 4xx and 5xx answer is
/// `application/problem+json`, and the ones the issue names have their own status and code.
#[test]
fn every_error_answer_is_a_problem() {
    let server = Server::with(&["--body-limit", "4KB"], &[]);
    let routes = [
        "/",
        "/static/app.js",
        "/v1/documents/report",
        "/v1/validate",
        "/v1/batches",
        "/v1/batches/template",
        "/v1/schema",
        "/v1/templates",
        "/healthz",
        "/readyz",
        "/metrics",
        "/nope",
    ];
    let json = [("Content-Type", "application/json")];
    let long_query = format!("?q={}", "a".repeat(10_000));
    let many: Vec<(String, String)> = (0..150)
        .map(|n| (format!("X-Header-{n}"), "1".to_owned()))
        .collect();
    let many: Vec<(&str, &str)> = many.iter().map(|(n, v)| (n.as_str(), v.as_str())).collect();
    let big = "a".repeat(40 * 1024);
    let (form_type, form) = crate::server::form(&[("sheet", "w.csv", b"name\n")]);
    let mut errors = 0;
    let mut check = |what: String, raw: Raw| -> Option<Value> {
        if raw.status < 400 {
            return None;
        }
        errors += 1;
        Some(raw.problem(&what))
    };
    for route in routes {
        for method in ["GET", "POST", "PUT", "DELETE", "PATCH"] {
            check(
                format!("{method} {route}"),
                exchange(&server, &request(method, route, &json, b"{}")),
            );
        }
        let bodies: [(&str, &[u8]); 6] = [
            ("application/json", b"{\"year\": 2022"),
            ("application/json", b"\xff\xfe{}"),
            ("text/plain", b"hello"),
            ("multipart/form-data", b"--x\r\n"),
            (&form_type, &form),
            ("application/json", &[b' '; 5000]),
        ];
        for (media, body) in bodies {
            let headers = [("Content-Type", media)];
            check(
                format!("POST {route} as {media}"),
                exchange(&server, &request("POST", route, &headers, body)),
            );
        }
        for target in [
            format!("{route}/%FF"),
            format!("{route}?with=%FF&page=x"),
            format!("{route}?format=png&page=0"),
        ] {
            check(
                format!("GET/POST {target}"),
                exchange(&server, &request("POST", &target, &json, b"{}")),
            );
            check(
                format!("GET {target}"),
                exchange(&server, &request("GET", &target, &[], b"")),
            );
        }
        let what = format!("a long address to {route}");
        let raw = exchange(
            &server,
            &request("GET", &format!("{route}{long_query}"), &[], b""),
        );
        assert_eq!(check(what, raw).unwrap()["code"], "uri_too_long");
        let what = format!("150 headers to {route}");
        let raw = exchange(&server, &request("GET", route, &many, b""));
        assert_eq!(check(what, raw).unwrap()["code"], "headers_too_large");
        let what = format!("a 40 KB header to {route}");
        let raw = exchange(&server, &request("GET", route, &[("X-Big", &big)], b""));
        assert_eq!(check(what, raw).unwrap()["code"], "headers_too_large");
        let what = format!("a gzip body to {route}");
        let gzip = [json[0], ("Content-Encoding", "gzip")];
        let raw = exchange(&server, &request("POST", route, &gzip, b"\x1f\x8b\x08\x00"));
        let problem = check(what, raw).unwrap();
        assert_eq!(problem["status"], 415, "{problem}");
        assert_eq!(problem["code"], "content_encoding", "{problem}");
    }
    for target in ["/v1/documents/%FF", "/static/%FF%FE"] {
        let method = if target.starts_with("/v1") {
            "POST"
        } else {
            "GET"
        };
        let raw = exchange(&server, &request(method, target, &json, b"{}"));
        let problem = check(target.to_owned(), raw).unwrap();
        assert_eq!(problem["status"], 400, "{problem}");
    }
    assert!(
        errors > 200,
        "only {errors} error answers: the sweep lost its cases"
    );
}
