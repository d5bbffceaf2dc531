//! The register of issued documents under `/v1/register`: issuing a stored year's report or
//! program (`POST /v1/register`), the office's register (`GET /v1/register`), one document
//! (`GET /v1/register/{id}`), its PDF byte for byte (`GET /v1/register/{id}/pdf`), and a copy
//! with more signatures (`POST /v1/register/{id}/signed`).

use std::sync::Arc;

use axum::Json;
use axum::extract::{Path, Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};

use super::AppState;
use super::documents::render;
use super::language;
use super::problem::Problem;
use super::renderers::{Job, Route};
use super::request;
use super::stored::{ByVersion, Reading, Writing, unknown_fields};
use crate::DocumentKind;
use crate::errors::{DataError, Expected, Found, Kind};
use crate::fields::read_signature_fields;
use crate::model::{parse_json, year_data_from_value};
use crate::store::{Issue, Issued, Registered, Signature, Store};

/// `POST /v1/register`: `{"year": 2022, "kind": "report", "revision": N}` issues the
/// document of `kind` made from the year's stored data (revision N, by default the latest) as
/// a PDF/A-2b: 201 with its entry in the register; 200 with the same entry when it was issued
/// already; 409 when its number is given to another document this year, with the next free
/// number.
pub async fn issue(
    State(state): State<Arc<AppState>>,
    Writing { store, user }: Writing,
    request: Request,
) -> Result<Response, Problem> {
    let language = language::accepted(request.headers());
    let body =
        request::json_body(request, state.body_limit, |media| Kind::NotJson { media }).await?;
    let (year, kind, revision) = issue_request(&parse_json(&body)?)?;
    let draft = store.draft(user.office.id, year, revision).await?;
    let job = Job {
        route: Route::Document {
            kind: kind.name().to_owned(),
            query: vec![("pdf_a".to_owned(), "true".to_owned())],
        },
        language,
        body: serde_json::to_vec(&draft.data)
            .map_err(Problem::internal)?
            .into(),
    };
    let pdf = render(&state, kind.name(), job).await?.bytes;
    // The render checked the data, and an agreement needs next year's program to render.
    let data = year_data_from_value(draft.data).map_err(|_| Problem::internal("data unread"))?;
    let numbering = data
        .numbering(kind)
        .ok_or_else(|| Problem::internal("an agreement without a program"))?;
    let signatures = signatures(pdf.clone()).await?;
    let issue = Issue {
        kind: kind.name(),
        number: numbering.number,
        symbol: numbering.symbol,
        dated: numbering.date,
        data_year: year,
        revision: draft.revision,
        pdf,
        signatures,
    };
    Ok(match store.issue(&user, &issue).await? {
        Issued::New(entry) => (StatusCode::CREATED, Json(json!(entry))).into_response(),
        Issued::Again(entry) => Json(json!(entry)).into_response(),
    })
}

/// `GET /v1/register`: the office's register, the newest year first.
pub async fn list(reading: Reading) -> Result<Json<Value>, Problem> {
    let documents = reading.store.register(reading.office.id).await?;
    Ok(Json(
        json!({"office": reading.office.code, "documents": documents}),
    ))
}

/// `GET /v1/register/{id}`: one document as its latest version stands.
pub async fn show(Path(id): Path<String>, reading: Reading) -> Result<Json<Registered>, Problem> {
    Ok(Json(entry(&reading.store, reading.office.id, &id).await?))
}

/// `GET /v1/register/{id}/pdf`: the latest version's bytes as stored, or `?version=N`'s.
pub async fn pdf(Path(id): Path<String>, reading: Reading<ByVersion>) -> Result<Response, Problem> {
    let document = entry(&reading.store, reading.office.id, &id).await?;
    let wanted = reading.number.unwrap_or(document.version);
    let version = reading
        .store
        .versions(&document)
        .await?
        .into_iter()
        .find(|version| version.version == wanted)
        .ok_or_else(|| Kind::NoSuchVersion {
            symbol: document.symbol.clone(),
            version: wanted,
        })?;
    let disposition = format!(
        "attachment; filename=\"{}\"",
        file_name(&document, version.version)
    );
    let digest = format!("\"{}\"", version.sha256);
    let headers = [
        (
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/pdf"),
        ),
        (
            header::CONTENT_DISPOSITION,
            HeaderValue::from_str(&disposition).map_err(Problem::internal)?,
        ),
        (
            header::ETAG,
            HeaderValue::from_str(&digest).map_err(Problem::internal)?,
        ),
    ];
    Ok((headers, version.pdf).into_response())
}

/// `POST /v1/register/{id}/signed`: the PDF in the body, a copy of the latest version with
/// signatures added after its bytes (as signing software adds them, an incremental update),
/// is stored as the next version: 201 with the entry and who has signed.
pub async fn signed(
    State(state): State<Arc<AppState>>,
    Path(id): Path<String>,
    Writing { store, user }: Writing,
    request: Request,
) -> Result<Response, Problem> {
    let upload = request::body(request, state.body_limit).await?;
    let document = entry(&store, user.office.id, &id).await?;
    let versions = store.versions(&document).await?;
    if versions.last().is_some_and(|latest| *latest.pdf == *upload) {
        return Err(no_new_signature(&document).into());
    }
    let based_on = versions
        .iter()
        .rev()
        .find(|version| upload.len() > version.pdf.len() && upload.starts_with(&version.pdf));
    match based_on {
        Some(version) if version.version == document.version => {}
        Some(version) => {
            return Err(Kind::SignedFromOlderVersion {
                symbol: document.symbol,
                based_on: version.version,
                latest: document.version,
            }
            .into());
        }
        None => {
            return Err(Kind::NotTheIssuedDocument {
                symbol: document.symbol,
                version: document.version,
            }
            .into());
        }
    }
    let signatures = signatures(upload.to_vec()).await?;
    let signed_before = document.signatures.iter().filter(|field| field.signed);
    let still_signed = signed_before.clone().all(|before| {
        signatures
            .iter()
            .any(|now| now.field == before.field && now.signed)
    });
    let more = signatures.iter().filter(|field| field.signed).count() > signed_before.count();
    if !(still_signed && more) {
        return Err(no_new_signature(&document).into());
    }
    let entry = store
        .add_version(&user, &document, &upload, &signatures)
        .await?;
    Ok((StatusCode::CREATED, Json(json!(entry))).into_response())
}

/// Document `id` (as the route has it) of `office`'s register.
async fn entry(store: &Store, office: i64, id: &str) -> Result<Registered, Problem> {
    let id = id
        .parse::<i64>()
        .ok()
        .filter(|id| *id > 0)
        .ok_or_else(|| Kind::NoRoute {
            path: format!("/v1/register/{id}"),
        })?;
    Ok(store.registered(office, id).await?)
}

fn no_new_signature(document: &Registered) -> Kind {
    Kind::NoNewSignature {
        symbol: document.symbol.clone(),
        signed: document
            .signatures
            .iter()
            .filter(|field| field.signed)
            .count(),
    }
}

/// The signature fields of `pdf`, read on the blocking pool; a file that is no PDF, or whose
/// form is hostile, is the reader's problem.
async fn signatures(pdf: Vec<u8>) -> Result<Vec<Signature>, Problem> {
    let fields = tokio::task::spawn_blocking(move || read_signature_fields(&pdf))
        .await
        .map_err(Problem::internal)?
        .map_err(|error| Problem::new(error.kind()))?;
    Ok(Signature::of(&fields))
}

/// The file name a version downloads as: `bao-cao-2022-so-05.pdf`, and for a signed copy
/// `chuong-trinh-phoi-hop-2022-so-01-ban-2.pdf`.
fn file_name(document: &Registered, version: i64) -> String {
    let stem = DocumentKind::named(&document.kind)
        .map(DocumentKind::file_stem)
        .unwrap_or("van-ban");
    let series = document.dated.get(..4).unwrap_or_default();
    match version {
        1 => format!("{stem}-{series}-so-{:02}.pdf", document.number),
        _ => format!(
            "{stem}-{series}-so-{:02}-ban-{version}.pdf",
            document.number
        ),
    }
}

/// The year, kind and (if given) revision of `{"year": 2022, "kind": "report", "revision":
/// N}`.
fn issue_request(body: &Value) -> Result<(i64, DocumentKind, Option<i64>), Problem> {
    let mut errors = Vec::new();
    let wrong = |expected: Expected, found: Option<&Value>| Kind::WrongType {
        expected: vec![expected],
        found: found.map_or(Found::Null, Found::of),
    };
    let year = body.get("year").and_then(Value::as_i64);
    if year.is_none() {
        errors.push(DataError::new(
            "$.year",
            wrong(Expected::WholeNumber, body.get("year")),
        ));
    }
    let kind = match body.get("kind") {
        Some(Value::String(name)) => DocumentKind::named(name)
            .map_err(|kind| errors.push(DataError::new("$.kind", kind)))
            .ok(),
        found => {
            errors.push(DataError::new("$.kind", wrong(Expected::Text, found)));
            None
        }
    };
    let revision = match body.get("revision") {
        None => None,
        Some(found) => {
            let revision = found.as_i64().filter(|revision| *revision > 0);
            if revision.is_none() {
                errors.push(DataError::new(
                    "$.revision",
                    wrong(Expected::WholeNumber, Some(found)),
                ));
            }
            revision
        }
    };
    errors.extend(unknown_fields(body, &["year", "kind", "revision"]));
    match (year, kind) {
        (Some(year), Some(kind)) if errors.is_empty() => Ok((year, kind, revision)),
        _ => {
            let count = errors.len();
            Err(Problem::invalid(Kind::DataProblems { count }, errors))
        }
    }
}
