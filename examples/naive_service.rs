//! The baseline of `scripts/bench-server.sh`, not part of vanban: an HTTP service that runs a
//! fresh `vanban render report - -o -` process for every request, as a shell script behind a
//! web server would. Every request pays for starting a process, loading fonts and templates,
//! and a cold Typst.
//!
//! Usage: `naive_service [ADDR] [VANBAN]` (default `127.0.0.1:8081`, `target/release/vanban`).

use std::io::Write;
use std::process::{Command, Stdio};
use std::sync::Arc;

use axum::Router;
use axum::body::Bytes;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::post;

#[tokio::main]
async fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let addr = args.next().unwrap_or_else(|| "127.0.0.1:8081".to_owned());
    let vanban: Arc<str> = args
        .next()
        .unwrap_or_else(|| "target/release/vanban".to_owned())
        .into();
    let app = Router::new().route(
        "/v1/documents/report",
        post(move |body: Bytes| render(vanban.clone(), body)),
    );
    let listener = tokio::net::TcpListener::bind(&addr).await?;
    eprintln!("naive service listening on {}", listener.local_addr()?);
    axum::serve(listener, app).await
}

/// Runs `vanban render report` on the body and answers with its PDF.
async fn render(vanban: Arc<str>, body: Bytes) -> Response {
    let rendered = tokio::task::spawn_blocking(move || {
        let mut child = Command::new(&*vanban)
            .args(["render", "report", "-", "-o", "-"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()?;
        // vanban reads all of its input before it writes: write, close, then read.
        child.stdin.take().expect("piped").write_all(&body)?;
        child.wait_with_output()
    })
    .await;
    match rendered {
        Ok(Ok(output)) if output.status.success() => {
            ([(header::CONTENT_TYPE, "application/pdf")], output.stdout).into_response()
        }
        _ => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}
