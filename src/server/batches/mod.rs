//! `POST /v1/batches`: a batch file (JSON), or a sheet of wards with the shared batch file
//! (multipart), in; the ZIP of every ward's report and the city's roll-up out, streamed as it
//! is written.
//!
//! Before the first byte goes out, every ward's data is checked (as rendering checks it) and
//! so is the roll-up's ([`batch::prepare`]): bad input is a 4xx problem that lists every ward's
//! errors, not a ZIP that stops halfway. A failure after streaming has started (an internal error) aborts the
//! response, so that the client never takes a truncated ZIP for a whole one. A client that
//! goes away stops the batch, checking or writing, at its next ward or document: the
//! connection's end of the channel cancels it when dropped.

mod input;
mod template;

pub use template::template;

use std::collections::HashSet;
use std::io::{self, BufWriter, Write};
use std::panic::AssertUnwindSafe;
use std::sync::Arc;
use std::time::Instant;

use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderValue, Uri, header};
use axum::response::{IntoResponse, Response};
use tokio::sync::{OwnedSemaphorePermit, mpsc};

use super::AppState;
use super::problem::{Problem, error_chain, panic_message};
use super::request;
use crate::batch::{self, Batch, BatchError, BatchOptions, Cancel};
use crate::errors::{DataError, Kind, Part};
use crate::request::BatchRequest;
use crate::store::Office;
use crate::vn::{self, Unit};
use input::{BatchInput, read_input};

/// Chunks of ZIP in flight between the renderer and the connection.
const CHANNEL_CHUNKS: usize = 8;
/// The size of the chunks the ZIP is sent in.
const CHUNK_BYTES: usize = 64 * 1024;

/// A message from the renderer to the connection.
enum Chunk {
    /// The input is good: the ZIP, with this file name, follows.
    Started(String),
    /// The next bytes of the ZIP.
    Data(Bytes),
    /// The batch failed: before `Started` a problem to answer with, after it an abort.
    Failed(Problem),
}

/// `POST /v1/batches`.
pub async fn batch(
    State(state): State<Arc<AppState>>,
    uri: Uri,
    request: Request,
) -> Result<Response, Problem> {
    let input = read_input(request, state.body_limit).await;
    let query = BatchRequest::from_query(&request::query(&uri)?)?;
    stream(state, input?, query).await
}

/// `POST /v1/batches/stored`: the batch of the offices directly under the caller's office (or
/// under `?office=CODE`, one it supervises: a province runs a district's communes), each
/// ward's year data its latest stored draft for the year of the batch file in the body (its
/// shared data and roll-up; its own `wards` are not used); the rest of the query as
/// `/v1/batches`'s. The offices under it without data for the year are named in a header.
pub async fn stored(
    State(state): State<Arc<AppState>>,
    uri: Uri,
    request: Request,
) -> Result<Response, Problem> {
    let caller = super::stored::caller(&state, request.headers(), request.method()).await?;
    let (query, office) = BatchRequest::from_stored_query(&request::query(&uri)?)?;
    let office = match office {
        Some(code) => caller.store.readable_office(&caller.user, &code).await?,
        None => caller.user.office.clone(),
    };
    let shared =
        request::json_body(request, state.body_limit, |media| Kind::NotJson { media }).await?;
    let batch = Batch::parse_shared(&shared)
        .map_err(|error| Problem::batch_file(error).about(Part::SharedFile))?;
    let year = batch
        .shared
        .get("year")
        .and_then(serde_json::Value::as_i64)
        .ok_or_else(|| {
            let missing = DataError::new("$.shared.year", Kind::MissingField);
            Problem::invalid(Kind::DataProblems { count: 1 }, vec![missing])
        })?;
    let drafts = caller.store.subordinate_drafts(office.id, year).await?;
    if drafts.is_empty() {
        return Err(Kind::NoSubordinateDrafts { year }.into());
    }
    let without_data: Vec<String> = caller
        .store
        .offices_under(office.id)
        .await?
        .into_iter()
        .map(|under| under.code)
        .filter(|code| !drafts.iter().any(|(with, _)| with.code == *code))
        .collect();
    let folder = tempfile::Builder::new()
        .prefix("vanban-stored-")
        .tempdir()
        .map_err(Problem::internal)?;
    let mut wards = Vec::with_capacity(drafts.len());
    let mut slugs = HashSet::new();
    for (office, data) in drafts {
        // An office code is letters, digits, `-`, `_` and `.`, never `..`: a plain file name.
        let file = folder.path().join(format!("{}.json", office.code));
        tokio::fs::write(&file, data)
            .await
            .map_err(Problem::internal)?;
        wards.push((ward_name(&office, &mut slugs), file));
    }
    let input = BatchInput::Stored {
        shared,
        wards,
        _folder: folder,
    };
    let mut response = stream(state, input, query).await?;
    if !without_data.is_empty() {
        // Office codes are ASCII letters, digits and `-_.`: a valid header value.
        let codes = HeaderValue::from_str(&without_data.join(", ")).map_err(Problem::internal)?;
        response.headers_mut().insert(OFFICES_WITHOUT_DATA, codes);
    }
    Ok(response)
}

/// The header of a stored batch's answer that lists, by code, the offices under it that have
/// no data for the year, and so are not in the ZIP.
const OFFICES_WITHOUT_DATA: &str = "x-offices-without-data";

/// How the batch names an office's ward: the unit its name ends with ("Phường An Mỹ" for "Ban
/// CHQS phường An Mỹ"), else its name; with its code when another ward has that name already.
fn ward_name(office: &Office, slugs: &mut HashSet<String>) -> String {
    let name = Unit::named_in(&office.name).map_or_else(|| office.name.clone(), |u| u.to_string());
    if slugs.insert(vn::slug(&name)) {
        return name;
    }
    let name = format!("{name} ({})", office.code);
    slugs.insert(vn::slug(&name));
    name
}

/// Runs the batch of `input` once a renderer is free and streams its ZIP.
async fn stream(
    state: Arc<AppState>,
    input: BatchInput,
    query: BatchRequest,
) -> Result<Response, Problem> {
    let permit = state.limits.acquire().await?;
    let mut receiver = spawn_batch(state, input, query, permit);
    let file_name = match receiver.recv().await {
        Some(Chunk::Started(file_name)) => file_name,
        Some(Chunk::Failed(problem)) => return Err(problem),
        Some(Chunk::Data(_)) | None => {
            return Err(Problem::internal("the batch ended before it started"));
        }
    };
    // After `Started`, an error item aborts the response: it ends without its last chunk.
    let chunks = futures_util::stream::unfold(receiver, |mut receiver| async move {
        let item = match receiver.recv().await? {
            Chunk::Data(bytes) => Ok(bytes),
            Chunk::Failed(_) | Chunk::Started(_) => Err(io::Error::other(
                "the batch failed after its ZIP had started",
            )),
        };
        Some((item, receiver))
    });
    let disposition = HeaderValue::from_str(&format!("attachment; filename=\"{file_name}\""))
        .map_err(Problem::internal)?;
    Ok((
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/zip"),
            ),
            (header::CONTENT_DISPOSITION, disposition),
        ],
        Body::from_stream(chunks),
    )
        .into_response())
}

/// What the batch sends to the connection; dropped (the client went away, or the response
/// ended), it cancels the batch.
struct Receiver {
    chunks: mpsc::Receiver<Chunk>,
    cancel: Cancel,
}

impl Receiver {
    async fn recv(&mut self) -> Option<Chunk> {
        self.chunks.recv().await
    }
}

impl Drop for Receiver {
    fn drop(&mut self) {
        self.cancel.cancel();
    }
}

/// Runs the batch on the blocking pool, holding `permit` until it ends, and returns what it
/// sends: `Started` then the ZIP's bytes, or `Failed`.
fn spawn_batch(
    state: Arc<AppState>,
    input: BatchInput,
    query: BatchRequest,
    permit: OwnedSemaphorePermit,
) -> Receiver {
    let (sender, chunks) = mpsc::channel(CHANNEL_CHUNKS);
    let cancel = Cancel::default();
    let receiver = Receiver {
        chunks,
        cancel: cancel.clone(),
    };
    let span = tracing::Span::current();
    tokio::task::spawn_blocking(move || {
        let _span = span.enter();
        let started = Instant::now();
        let produced = std::panic::catch_unwind(AssertUnwindSafe(|| {
            produce(&state, input, query, cancel, &sender)
        }));
        // The renderer is free before the client hears the outcome, so that a client that
        // reads the gauges right after its answer sees this batch ended.
        drop(permit);
        let produced = produced.unwrap_or_else(|panic| {
            Err(Stop::Failed(Problem::internal(format_args!(
                "batch task panicked: {}",
                panic_message(panic.as_ref())
            ))))
        });
        match produced {
            Ok((wards, failed, pages)) => {
                let seconds = started.elapsed().as_secs_f64();
                state.metrics.render("batch", seconds, pages);
                tracing::info!(
                    kind = "batch",
                    wards,
                    failed,
                    pages,
                    ms = (seconds * 10_000.0).round() / 10.0,
                    "batch streamed"
                );
            }
            Err(Stop::ClientGone) => {
                tracing::info!("the client went away; the batch stopped");
            }
            Err(Stop::Failed(problem)) => {
                if let Some(failure) = super::documents::failure(&problem) {
                    state.metrics.failure("batch", failure);
                }
                let _ = sender.blocking_send(Chunk::Failed(problem));
            }
        }
    });
    receiver
}

/// Why a batch stopped.
enum Stop {
    /// A problem: answered if the ZIP has not started, else the response is aborted.
    Failed(Problem),
    /// The connection closed: nobody is left to answer.
    ClientGone,
}

impl From<Problem> for Stop {
    fn from(problem: Problem) -> Self {
        Stop::Failed(problem)
    }
}

/// Parses and checks the input, then streams the ZIP through `sender`, until `cancel` says
/// the client went away. Returns the number of wards, of wards left out, and of pages.
fn produce(
    state: &AppState,
    input: BatchInput,
    query: BatchRequest,
    cancel: Cancel,
    sender: &mpsc::Sender<Chunk>,
) -> Result<(usize, usize, usize), Stop> {
    let stored = matches!(input, BatchInput::Stored { .. });
    let batch = input.parse(state.max_wards)?;
    let options = BatchOptions {
        // One renderer per batch: a batch takes one permit, as a document does.
        workers: 1,
        agreements: query.agreements,
        strict: false,
        export: query.export(),
        max_wards: state.max_wards,
        cancel,
    };
    let prepared =
        batch::prepare(&state.engine, &batch, &options).map_err(|error| stop(error, stored))?;
    let invalid = prepared.invalid().count();
    if invalid > 0 && !query.allow_partial {
        let kind = Kind::WardsFailed {
            failed: invalid,
            wards: batch.wards.len(),
        };
        let problem = prepared
            .invalid()
            .fold(Problem::new(kind), |problem, (ward, errors)| {
                problem.with_ward(&ward.name, errors)
            });
        return Err(problem.into());
    }
    let year = batch.shared.get("year").and_then(serde_json::Value::as_i64);
    let file_name = match year {
        Some(year) => format!("bao-cao-phuong-xa-{year}.zip"),
        None => "bao-cao-phuong-xa.zip".to_owned(),
    };
    sender
        .blocking_send(Chunk::Started(file_name))
        .map_err(|_| Stop::ClientGone)?;
    let out = BufWriter::with_capacity(
        CHUNK_BYTES,
        ChannelWriter {
            sender: sender.clone(),
        },
    );
    // A write fails only when the connection is gone; anything else is internal.
    let failed = |error: &dyn std::error::Error| {
        if sender.is_closed() {
            Stop::ClientGone
        } else {
            Stop::Failed(Problem::internal(error_chain(error)))
        }
    };
    let outcome = prepared
        .write(out, |_, _| {})
        .map_err(|error| failed(&error))?;
    outcome
        .out
        .into_inner()
        .map_err(|error| failed(error.error()))?;
    Ok((
        outcome.manifest.wards.len(),
        outcome.failed.len(),
        outcome.pages,
    ))
}

/// Why `prepare` stopped, as the client hears it; `stored` when the wards are offices' stored
/// data.
fn stop(error: BatchError, stored: bool) -> Stop {
    let problem = match error {
        BatchError::Cancelled => return Stop::ClientGone,
        BatchError::Rollup(error) => Problem::from(error).about(Part::Rollup),
        BatchError::NoProgram if stored => Problem::new(Kind::OfficesWithoutProgram),
        BatchError::NoProgram => Problem::new(Kind::WardsWithoutProgram),
        BatchError::TooManyWards { wards, limit } => {
            Problem::new(Kind::TooManyWards { wards, limit })
        }
        BatchError::NoValidWard { failed } => {
            let kind = Kind::NoValidWard {
                wards: failed.len(),
            };
            failed
                .iter()
                .fold(Problem::new(kind), |problem, (ward, errors)| {
                    problem.with_ward(&ward.name, errors)
                })
        }
        other => Problem::internal(error_chain(&other)),
    };
    Stop::Failed(problem)
}

/// Bytes written by the batch, sent to the connection; a closed connection is a broken pipe,
/// which stops the batch.
struct ChannelWriter {
    sender: mpsc::Sender<Chunk>,
}

impl Write for ChannelWriter {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.sender
            .blocking_send(Chunk::Data(Bytes::copy_from_slice(bytes)))
            .map_err(|_| io::Error::new(io::ErrorKind::BrokenPipe, "the client went away"))?;
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}
