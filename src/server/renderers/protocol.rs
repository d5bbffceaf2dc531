//! What the server and a worker say over the worker's standard input and output: frames of a
//! small JSON header and raw body bytes (a PDF goes as it is), each length-prefixed:
//! `header length (u32 LE) | body length (u64 LE) | header | body`.
//!
//! A worker says [`Ready`] once its engine is built, then takes each [`JobHeader`] (the
//! request's body as the frame's body), says [`Taken`] once it has read it whole, and answers
//! it with a [`ReplyHeader`] (the output, or the problem said in the job's language, as the
//! frame's body).

use std::io::{self, Read, Write};
use std::time::Duration;

use axum::http::StatusCode;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};

use super::super::problem::Problem;
use super::job::{Output, Rendered, Route, Warning};
use crate::errors::Language;

/// The largest frame header: headers are a few hundred bytes; more is a broken peer.
const MAX_HEADER: u32 = 1024 * 1024;
/// The largest frame body: a request's body is at most the body limit, and a PNG page at
/// 300 dpi is tens of MB; more is a broken peer.
const MAX_BODY: u64 = 1024 * 1024 * 1024;

/// A worker's first frame: its engine is built and it takes jobs.
#[derive(Debug, Serialize, Deserialize)]
pub struct Ready {
    pub ready: bool,
}

/// A worker's word that it has read a job whole and is working on it: a job no worker took
/// (its worker had died while idle) may go to another one.
#[derive(Debug, Serialize, Deserialize)]
pub struct Taken {
    pub taken: bool,
}

/// A job's header; its body is the request's.
#[derive(Debug, Serialize, Deserialize)]
pub struct JobHeader {
    pub route: Route,
    /// The job's problems are said in Vietnamese, else in English.
    pub vietnamese: bool,
}

/// A reply's header; its body is the output's bytes, or the problem's JSON.
#[derive(Debug, Serialize, Deserialize)]
pub struct ReplyHeader {
    pub elapsed_seconds: f64,
    pub warnings: Vec<Warning>,
    pub outcome: Outcome,
}

/// How a job ended.
#[derive(Debug, Serialize, Deserialize)]
pub enum Outcome {
    Done {
        pages: usize,
        document_pages: Option<usize>,
        media_type: String,
        disposition: Option<String>,
    },
    /// A problem, its JSON (said in the job's language) in the body.
    Failed { status: u16 },
}

impl JobHeader {
    pub fn language(&self) -> Language {
        if self.vietnamese {
            Language::Vietnamese
        } else {
            Language::English
        }
    }
}

impl ReplyHeader {
    /// The reply to a job, and its body: the output, or the problem said in `language`.
    pub fn of(rendered: Rendered, language: Language) -> (ReplyHeader, Vec<u8>) {
        let (outcome, body) = match rendered.outcome {
            Ok(output) => (
                Outcome::Done {
                    pages: output.pages,
                    document_pages: output.document_pages,
                    media_type: output.media_type,
                    disposition: output.disposition,
                },
                output.bytes,
            ),
            Err(problem) => (
                Outcome::Failed {
                    status: problem.status().as_u16(),
                },
                problem.body(language),
            ),
        };
        let header = ReplyHeader {
            elapsed_seconds: rendered.elapsed.as_secs_f64(),
            warnings: rendered.warnings,
            outcome,
        };
        (header, body)
    }

    /// What the reply says, as the in-process renderer would have given it.
    pub fn rendered(self, body: Vec<u8>) -> Rendered {
        let outcome = match self.outcome {
            Outcome::Done {
                pages,
                document_pages,
                media_type,
                disposition,
            } => Ok(Output {
                bytes: body,
                pages,
                document_pages,
                media_type,
                disposition,
            }),
            Outcome::Failed { status } => Err(Problem::said(
                StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR),
                body,
            )),
        };
        Rendered {
            outcome,
            elapsed: Duration::try_from_secs_f64(self.elapsed_seconds).unwrap_or_default(),
            warnings: self.warnings,
        }
    }
}

/// The two lengths that start a frame.
fn prefix(header: &[u8], body: &[u8]) -> [u8; 12] {
    let mut prefix = [0; 12];
    prefix[..4].copy_from_slice(&(header.len() as u32).to_le_bytes());
    prefix[4..].copy_from_slice(&(body.len() as u64).to_le_bytes());
    prefix
}

/// The lengths of a frame's header and body, checked.
fn lengths(prefix: [u8; 12]) -> io::Result<(usize, usize)> {
    let header = u32::from_le_bytes(prefix[..4].try_into().expect("4 bytes"));
    let body = u64::from_le_bytes(prefix[4..].try_into().expect("8 bytes"));
    if header > MAX_HEADER || body > MAX_BODY {
        return Err(io::Error::new(
            io::ErrorKind::InvalidData,
            format!("a frame of {header} + {body} bytes is past the limits"),
        ));
    }
    Ok((header as usize, body as usize))
}

fn decode<H: DeserializeOwned>(header: &[u8]) -> io::Result<H> {
    serde_json::from_slice(header)
        .map_err(|error| io::Error::new(io::ErrorKind::InvalidData, error))
}

/// Writes a frame (the worker's side).
pub fn write(output: &mut impl Write, header: &impl Serialize, body: &[u8]) -> io::Result<()> {
    let header = serde_json::to_vec(header)?;
    output.write_all(&prefix(&header, body))?;
    output.write_all(&header)?;
    output.write_all(body)?;
    output.flush()
}

/// Reads a frame (the worker's side); `None` when the input ends between frames.
pub fn read<H: DeserializeOwned>(input: &mut impl Read) -> io::Result<Option<(H, Vec<u8>)>> {
    let mut start = [0; 12];
    match input.read_exact(&mut start) {
        Ok(()) => {}
        Err(error) if error.kind() == io::ErrorKind::UnexpectedEof => return Ok(None),
        Err(error) => return Err(error),
    }
    let (header_length, body_length) = lengths(start)?;
    let mut header = vec![0; header_length];
    input.read_exact(&mut header)?;
    let mut body = vec![0; body_length];
    input.read_exact(&mut body)?;
    Ok(Some((decode(&header)?, body)))
}

/// Writes a frame (the server's side).
pub async fn send(
    output: &mut (impl AsyncWrite + Unpin),
    header: &impl Serialize,
    body: &[u8],
) -> io::Result<()> {
    let header = serde_json::to_vec(header)?;
    output.write_all(&prefix(&header, body)).await?;
    output.write_all(&header).await?;
    output.write_all(body).await?;
    output.flush().await
}

/// Reads a frame (the server's side); the end of the input is an error.
pub async fn receive<H: DeserializeOwned>(
    input: &mut (impl AsyncRead + Unpin),
) -> io::Result<(H, Vec<u8>)> {
    let mut start = [0; 12];
    input.read_exact(&mut start).await?;
    let (header_length, body_length) = lengths(start)?;
    let mut header = vec![0; header_length];
    input.read_exact(&mut header).await?;
    let mut body = vec![0; body_length];
    input.read_exact(&mut body).await?;
    Ok((decode(&header)?, body))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_frame_reads_back_as_written() {
        let header = JobHeader {
            route: Route::Validate,
            vietnamese: true,
        };
        let mut bytes = Vec::new();
        write(&mut bytes, &header, b"{\"year\": 2024}").unwrap();
        let mut input = &bytes[..];
        let (read, body): (JobHeader, _) = read(&mut input).unwrap().unwrap();
        assert!(read.vietnamese);
        assert_eq!(body, b"{\"year\": 2024}");
        assert!(super::read::<JobHeader>(&mut input).unwrap().is_none());
    }

    #[test]
    fn a_frame_past_the_limits_is_refused() {
        let mut bytes = prefix(b"", b"").to_vec();
        bytes[..4].copy_from_slice(&(MAX_HEADER + 1).to_le_bytes());
        assert!(read::<Ready>(&mut &bytes[..]).is_err());
    }
}
