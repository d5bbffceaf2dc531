//! The routes of stored data under `/v1/`: logging in and out (`/v1/login`, `/v1/logout`),
//! who is asking (`/v1/me`), the office and its profile (`/v1/office`), the office's drafts
//! with their revisions (`/v1/drafts…`) and its audit log (`/v1/audit`), and the extractors the register's routes share. Every one but the
//! login needs a bearer token or a session cookie; a supervising office may read (not change)
//! the offices under it with `?office=CODE`.

use std::marker::PhantomData;
use std::sync::Arc;

use axum::Json;
use axum::extract::{FromRequestParts, Path, Request, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};

use super::AppState;
use super::problem::Problem;
use super::request;
use crate::errors::{DataError, Expected, Found, Kind};
use crate::model::{parse_json, profile_from_value};
use crate::request::StoredQuery;
use crate::store::{Office, SESSION_HOURS, Store, StoreError, User};

/// The cookie of a page's session.
const SESSION_COOKIE: &str = "vanban_session";

/// The header a change made with a session cookie carries its CSRF token in.
const CSRF_HEADER: &str = "x-csrf-token";

/// Who a request comes from, and how.
pub(super) struct Caller {
    pub(super) store: Store,
    pub(super) user: User,
    /// The session's CSRF token, when the request came with a session cookie.
    csrf: Option<String>,
}

/// The person a request comes from: a bearer token's, or a session cookie's. A request that
/// changes something with a cookie must carry the session's CSRF token (a page of another
/// site can make the browser send the cookie, never the header).
pub(super) async fn caller(
    state: &AppState,
    headers: &HeaderMap,
    method: &Method,
) -> Result<Caller, Problem> {
    let store = state.store.clone().ok_or(Kind::NoDatabase)?;
    let bearer = headers
        .get(header::AUTHORIZATION)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.strip_prefix("Bearer "))
        .map(str::trim);
    if let Some(token) = bearer {
        let user = store.token_user(token).await?.ok_or(Kind::NotLoggedIn)?;
        return Ok(Caller {
            store,
            user,
            csrf: None,
        });
    }
    let cookie = session_cookie(headers).ok_or(Kind::NotLoggedIn)?;
    let (user, csrf) = store.session(&cookie).await?.ok_or(Kind::NotLoggedIn)?;
    if !method.is_safe() {
        let sent = headers
            .get(CSRF_HEADER)
            .and_then(|value| value.to_str().ok());
        if sent != Some(csrf.as_str()) {
            return Err(Kind::CsrfTokenMissing.into());
        }
    }
    Ok(Caller {
        store,
        user,
        csrf: Some(csrf),
    })
}

/// The session cookie's value, if the request has one.
fn session_cookie(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == SESSION_COOKIE)
        .map(|(_, value)| value.to_owned())
}

/// `POST /v1/login`: `{"login": …, "password": …}` opens a session: its cookie (HttpOnly,
/// SameSite=Strict, Secure behind TLS) and, in the answer, the caller and the CSRF token the
/// page sends with every change.
pub async fn log_in(
    State(state): State<Arc<AppState>>,
    request: Request,
) -> Result<Response, Problem> {
    let store = state.store.clone().ok_or(Kind::NoDatabase)?;
    let secure = request
        .headers()
        .get("x-forwarded-proto")
        .is_some_and(|proto| proto.as_bytes().eq_ignore_ascii_case(b"https"));
    let body =
        request::json_body(request, state.body_limit, |media| Kind::NotJson { media }).await?;
    let body = parse_json(&body)?;
    let text = |name: &str| body.get(name).and_then(Value::as_str).unwrap_or_default();
    let session = store.log_in(text("login"), text("password")).await?;
    let cookie = format!(
        "{SESSION_COOKIE}={}; Path=/; HttpOnly; SameSite=Strict; Max-Age={}{}",
        session.token,
        SESSION_HOURS * 3600,
        if secure { "; Secure" } else { "" }
    );
    let mut response = Json(identity(&session.user, Some(&session.csrf))).into_response();
    let cookie = HeaderValue::from_str(&cookie).map_err(Problem::internal)?;
    response.headers_mut().insert(header::SET_COOKIE, cookie);
    Ok(response)
}

/// `POST /v1/logout`: ends the session and clears its cookie.
pub async fn log_out(
    State(state): State<Arc<AppState>>,
    method: Method,
    headers: HeaderMap,
) -> Result<Response, Problem> {
    let caller = caller(&state, &headers, &method).await?;
    if let Some(cookie) = session_cookie(&headers) {
        caller.store.end_session(&cookie).await?;
    }
    let mut response = StatusCode::NO_CONTENT.into_response();
    response.headers_mut().insert(
        header::SET_COOKIE,
        HeaderValue::from_static("vanban_session=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0"),
    );
    Ok(response)
}

/// Who `user` is, as `/v1/me` and `/v1/login` say it, with the session's CSRF token.
fn identity(user: &User, csrf: Option<&str>) -> Value {
    let mut identity = json!({
        "login": user.login,
        "office": {"code": user.office.code, "name": user.office.name},
    });
    if let Some(csrf) = csrf {
        identity["csrf"] = json!(csrf);
    }
    identity
}

/// The number a reading route takes in its query, if any: [`Plain`], [`ByRevision`],
/// [`ByVersion`].
pub trait Numbered {
    const PARAMETER: Option<&'static str>;
}

/// A route that takes no number.
pub struct Plain;
/// A draft's `?revision=N`.
pub struct ByRevision;
/// An issued document's `?version=N`.
pub struct ByVersion;

impl Numbered for Plain {
    const PARAMETER: Option<&'static str> = None;
}
impl Numbered for ByRevision {
    const PARAMETER: Option<&'static str> = Some("revision");
}
impl Numbered for ByVersion {
    const PARAMETER: Option<&'static str> = Some("version");
}

/// A request that reads an office's stored data: the store, the office (the caller's own, or
/// with `?office=CODE` one it supervises) and the number `N` says the route takes. Any other
/// query parameter is refused.
pub struct Reading<N: Numbered = Plain> {
    pub store: Store,
    pub office: Office,
    pub number: Option<i64>,
    numbered: PhantomData<N>,
}

impl<N: Numbered> FromRequestParts<Arc<AppState>> for Reading<N> {
    type Rejection = Problem;

    async fn from_request_parts(parts: &mut Parts, state: &Arc<AppState>) -> Result<Self, Problem> {
        let Caller { store, user, .. } = caller(state, &parts.headers, &parts.method).await?;
        let query = StoredQuery::from_query(&request::query(&parts.uri)?, N::PARAMETER)?;
        let office = match &query.office {
            Some(code) => store.readable_office(&user, code).await?,
            None => user.office.clone(),
        };
        Ok(Reading {
            store,
            office,
            number: query.number,
            numbered: PhantomData,
        })
    }
}

/// A request that changes the caller's own office's stored data: the store and the caller.
/// `?office=` naming another office is refused, even one the caller may read.
pub struct Writing {
    pub store: Store,
    pub user: User,
}

impl FromRequestParts<Arc<AppState>> for Writing {
    type Rejection = Problem;

    async fn from_request_parts(parts: &mut Parts, state: &Arc<AppState>) -> Result<Self, Problem> {
        let Caller { store, user, .. } = caller(state, &parts.headers, &parts.method).await?;
        let query = StoredQuery::from_query(&request::query(&parts.uri)?, None)?;
        if let Some(code) = query.office.filter(|code| *code != user.office.code) {
            store.readable_office(&user, &code).await?;
            return Err(Kind::ReadOnlyOffice { code }.into());
        }
        Ok(Writing { store, user })
    }
}

/// `GET /v1/me`: the caller's login and office, and a session's CSRF token.
pub async fn me(
    State(state): State<Arc<AppState>>,
    method: Method,
    headers: HeaderMap,
) -> Result<Json<Value>, Problem> {
    let caller = caller(&state, &headers, &method).await?;
    Ok(Json(identity(&caller.user, caller.csrf.as_deref())))
}

/// `GET /v1/drafts`: the office's years, each with its latest revision.
pub async fn drafts(reading: Reading) -> Result<Json<Value>, Problem> {
    let drafts = reading.store.drafts(reading.office.id).await?;
    Ok(Json(
        json!({"office": reading.office.code, "drafts": drafts}),
    ))
}

/// `GET /v1/drafts/{year}`: the latest revision of a year's data, or `?revision=N`.
pub async fn draft(
    Path(year): Path<String>,
    reading: Reading<ByRevision>,
) -> Result<Json<Value>, Problem> {
    let year = year_of(&year)?;
    let draft = reading
        .store
        .draft(reading.office.id, year, reading.number)
        .await?;
    Ok(Json(json!(draft)))
}

/// `GET /v1/drafts/{year}/revisions`: every revision of a year, newest first.
pub async fn revisions(Path(year): Path<String>, reading: Reading) -> Result<Json<Value>, Problem> {
    let year = year_of(&year)?;
    let revisions = reading.store.revisions(reading.office.id, year).await?;
    Ok(Json(
        json!({"office": reading.office.code, "revisions": revisions}),
    ))
}

/// `PUT /v1/drafts/{year}`: `{"revision": N, "data": {…}}` saves `data` as revision N + 1
/// (201 for a year's first, else 200) if N is the latest (0 for none); else 409 with the
/// latest revision and the places changed since N.
pub async fn save(
    State(state): State<Arc<AppState>>,
    Path(year): Path<String>,
    Writing { store, user }: Writing,
    request: Request,
) -> Result<Response, Problem> {
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

/// `GET /v1/office`: the office, where it sits, the offices under it and its profile.
pub async fn office(reading: Reading) -> Result<Json<Value>, Problem> {
    let profile = reading.store.profile(&reading.office).await?;
    Ok(Json(json!(profile)))
}

/// `PUT /v1/office`: the body, checked as a [`crate::model::Profile`], becomes the office's
/// profile; the answer is `GET /v1/office`'s.
pub async fn save_office(
    State(state): State<Arc<AppState>>,
    Writing { store, user }: Writing,
    request: Request,
) -> Result<Json<Value>, Problem> {
    let body =
        request::json_body(request, state.body_limit, |media| Kind::NotJson { media }).await?;
    let profile = profile_from_value(parse_json(&body)?)?;
    store.save_profile(&user, &json!(profile)).await?;
    Ok(Json(json!(store.profile(&user.office).await?)))
}

/// `GET /v1/audit`: the newest changes to the office's stored data.
pub async fn audit(reading: Reading) -> Result<Json<Value>, Problem> {
    let entries = reading.store.audit(reading.office.id).await?;
    Ok(Json(
        json!({"office": reading.office.code, "entries": entries}),
    ))
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

/// The fields of a request `body` that are not among `known`, each a problem at its place.
pub(super) fn unknown_fields(body: &Value, known: &[&str]) -> Vec<DataError> {
    let keys = body
        .as_object()
        .into_iter()
        .flat_map(|object| object.keys());
    keys.filter(|key| !known.contains(&key.as_str()))
        .map(|key| DataError::new(format!("$.{key}"), Kind::UnknownField))
        .collect()
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
    errors.extend(unknown_fields(body, &["revision", "data"]));
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
