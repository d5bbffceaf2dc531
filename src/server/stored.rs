//! The routes of stored data under `/v1/`: who is asking (`/v1/me`), the office's drafts with
//! their revisions (`/v1/drafts…`) and its audit log (`/v1/audit`). Every one needs a
//! bearer token; a supervising office may read (not change) the offices under it with
//! `?office=CODE`.

use std::sync::Arc;

use axum::Json;
use axum::extract::{Path, Request, State};
use axum::http::{HeaderMap, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};

use super::AppState;
use super::problem::Problem;
use super::request;
use crate::errors::{DataError, Expected, Found, Kind};
use crate::model::parse_json;
use crate::request::StoredQuery;
use crate::store::{Office, Store, StoreError, User};

/// The store, and the person a request comes from (by its bearer token).
async fn caller(state: &AppState, headers: &HeaderMap) -> Result<(Store, User), Problem> {
    let store = state.store.clone().ok_or(Kind::NoDatabase)?;
    let token = headers
        .get(header::AUTHORIZATION)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.strip_prefix("Bearer "))
        .map(str::trim);
    let Some(token) = token else {
        return Err(Kind::NotLoggedIn.into());
    };
    let user = store.token_user(token).await?.ok_or(Kind::NotLoggedIn)?;
    Ok((store, user))
}

/// The office a request is about: `?office=CODE` if the caller may read it, else their own.
async fn office(store: &Store, user: &User, query: &StoredQuery) -> Result<Office, Problem> {
    match &query.office {
        Some(code) => Ok(store.readable_office(user, code).await?),
        None => Ok(user.office.clone()),
    }
}

fn stored_query(uri: &Uri, takes_revision: bool) -> Result<StoredQuery, Problem> {
    Ok(StoredQuery::from_query(
        &request::query(uri)?,
        takes_revision,
    )?)
}

/// `GET /v1/me`: the caller's login and office.
pub async fn me(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
) -> Result<Json<Value>, Problem> {
    let (_, user) = caller(&state, &headers).await?;
    Ok(Json(json!({
        "login": user.login,
        "office": {"code": user.office.code, "name": user.office.name},
    })))
}

/// `GET /v1/drafts`: the office's years, each with its latest revision.
pub async fn drafts(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    uri: Uri,
) -> Result<Json<Value>, Problem> {
    let (store, user) = caller(&state, &headers).await?;
    let office = office(&store, &user, &stored_query(&uri, false)?).await?;
    let drafts = store.drafts(office.id).await?;
    Ok(Json(json!({"office": office.code, "drafts": drafts})))
}

/// `GET /v1/drafts/{year}`: the latest revision of a year's data, or `?revision=N`.
pub async fn draft(
    State(state): State<Arc<AppState>>,
    Path(year): Path<String>,
    headers: HeaderMap,
    uri: Uri,
) -> Result<Json<Value>, Problem> {
    let (store, user) = caller(&state, &headers).await?;
    let query = stored_query(&uri, true)?;
    let office = office(&store, &user, &query).await?;
    let draft = store
        .draft(office.id, year_of(&year)?, query.revision)
        .await?;
    Ok(Json(json!(draft)))
}

/// `GET /v1/drafts/{year}/revisions`: every revision of a year, newest first.
pub async fn revisions(
    State(state): State<Arc<AppState>>,
    Path(year): Path<String>,
    headers: HeaderMap,
    uri: Uri,
) -> Result<Json<Value>, Problem> {
    let (store, user) = caller(&state, &headers).await?;
    let office = office(&store, &user, &stored_query(&uri, false)?).await?;
    let revisions = store.revisions(office.id, year_of(&year)?).await?;
    Ok(Json(json!({"office": office.code, "revisions": revisions})))
}

/// `PUT /v1/drafts/{year}`: `{"revision": N, "data": {…}}` saves `data` as revision N + 1
/// (201 for a year's first, else 200) if N is the latest (0 for none); else 409 with the
/// latest revision and the places changed since N.
pub async fn save(
    State(state): State<Arc<AppState>>,
    Path(year): Path<String>,
    request: Request,
) -> Result<Response, Problem> {
    let (store, user) = caller(&state, request.headers()).await?;
    let query = stored_query(request.uri(), false)?;
    if let Some(code) = query.office.filter(|code| *code != user.office.code) {
        store.readable_office(&user, &code).await?;
        return Err(Kind::ReadOnlyOffice { code }.into());
    }
    let year = year_of(&year)?;
    let body =
        request::json_body(request, state.body_limit, |media| Kind::NotJson { media }).await?;
    let (base, data) = save_request(&parse_json(&body)?, year)?;
    match store.save_draft(&user, year, base, &data).await? {
        Ok(saved) => {
            let status = match saved.revision {
                1 => StatusCode::CREATED,
                _ => StatusCode::OK,
            };
            Ok((status, Json(json!(saved))).into_response())
        }
        Err(conflict) => {
            let current = conflict.current;
            let changes = conflict.changes.into_iter().map(|path| {
                DataError::new(
                    path,
                    Kind::ChangedSince {
                        revision: current.revision,
                    },
                )
            });
            let kind = Kind::RevisionConflict {
                year,
                base,
                current: current.revision,
                saved_by: current.saved_by,
            };
            Err(Problem::invalid(kind, changes.collect()))
        }
    }
}

/// `GET /v1/audit`: the newest changes to the office's stored data.
pub async fn audit(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    uri: Uri,
) -> Result<Json<Value>, Problem> {
    let (store, user) = caller(&state, &headers).await?;
    let office = office(&store, &user, &stored_query(&uri, false)?).await?;
    let entries = store.audit(office.id).await?;
    Ok(Json(json!({"office": office.code, "entries": entries})))
}

/// A year in a route: four digits.
fn year_of(text: &str) -> Result<i64, Problem> {
    match text.parse::<i64>() {
        Ok(year) if text.len() == 4 && (1945..=9999).contains(&year) => Ok(year),
        _ => Err(Kind::NoRoute {
            path: format!("/v1/drafts/{text}"),
        }
        .into()),
    }
}

/// The revision a save was edited from and the data saved, from `{"revision": N, "data":
/// {…}}`; the data's own `year`, when it has one, must be the route's.
fn save_request(body: &Value, year: i64) -> Result<(i64, Value), Problem> {
    let mut errors = Vec::new();
    let wrong = |expected: Expected, found: Option<&Value>| Kind::WrongType {
        expected: vec![expected],
        found: found.map_or(Found::Null, Found::of),
    };
    let revision = body.get("revision");
    let base = revision.and_then(Value::as_i64).filter(|base| *base >= 0);
    if base.is_none() {
        errors.push(DataError::new(
            "$.revision",
            wrong(Expected::WholeNumber, revision),
        ));
    }
    let data = body.get("data").filter(|data| data.is_object());
    if data.is_none() {
        errors.push(DataError::new(
            "$.data",
            wrong(Expected::Object, body.get("data")),
        ));
    }
    if let Some(object) = body.as_object() {
        for key in object
            .keys()
            .filter(|key| !["revision", "data"].contains(&key.as_str()))
        {
            errors.push(DataError::new(format!("$.{key}"), Kind::UnknownField));
        }
    }
    let found = data
        .and_then(|data| data.get("year"))
        .and_then(Value::as_i64);
    if let Some(found) = found.filter(|found| *found != year) {
        errors.push(DataError::new(
            "$.data.year",
            Kind::DraftYearMismatch { year, found },
        ));
    }
    match (base, data) {
        (Some(base), Some(data)) if errors.is_empty() => Ok((base, data.clone())),
        _ => {
            let count = errors.len();
            Err(Problem::invalid(Kind::DataProblems { count }, errors))
        }
    }
}

impl From<StoreError> for Problem {
    fn from(error: StoreError) -> Self {
        match error {
            StoreError::Problem(kind) => Problem::new(kind),
            other => Problem::internal(other),
        }
    }
}
