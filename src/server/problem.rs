//! Errors as HTTP responses: RFC 9457 `application/problem+json`, one type for every route.
//!
//! A 4xx says what to fix; a 5xx says "internal error" and its details go to the log only.
//! Problems use the type `about:blank`, so the status tells the class and `title` is its
//! reason phrase; `detail` (English, as the command line says it) and the extension members
//! (`errors`, `line`, `column`) say what to fix. A response carries its problem, so that
//! `language` can say it again in Vietnamese when the client asks for it.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use crate::RenderError;
use crate::messages::{vietnamese, vietnamese_location};
use crate::model::{DataError, InvalidData};

/// The media type of a problem.
pub const PROBLEM_JSON: &str = "application/problem+json";

/// One problem in the data, as `vanban validate` prints it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ErrorItem {
    /// JSONPath of the offending value (`$.organizations[2].name`), or `$`.
    pub path: String,
    /// What is wrong and what was expected.
    pub message: String,
    /// In a batch, the ward whose year data has the problem.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ward: Option<String>,
}

impl From<DataError> for ErrorItem {
    fn from(error: DataError) -> Self {
        ErrorItem {
            path: error.path,
            message: error.message,
            ward: None,
        }
    }
}

/// An error answered as `application/problem+json`. Boxed: it travels in every `Result`.
#[derive(Debug, Clone)]
pub struct Problem(Box<Details>);

/// The members of a problem.
#[derive(Debug, Clone, Serialize)]
struct Details {
    #[serde(skip)]
    status: StatusCode,
    #[serde(rename = "type")]
    kind: &'static str,
    title: String,
    #[serde(rename = "status")]
    code: u16,
    detail: String,
    /// The problems in the data (422).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    errors: Vec<ErrorItem>,
    /// Where malformed JSON or UTF-8 goes wrong (400).
    #[serde(skip_serializing_if = "Option::is_none")]
    line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    column: Option<usize>,
    /// Seconds after which a client may try again (503), sent as `Retry-After`.
    #[serde(skip)]
    retry_after: Option<u64>,
}

impl Serialize for Problem {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

impl Problem {
    /// A problem with `status` and a `detail` that says what to fix.
    pub fn new(status: StatusCode, detail: impl Into<String>) -> Self {
        Problem(Box::new(Details {
            status,
            kind: "about:blank",
            title: status.canonical_reason().unwrap_or("Error").to_owned(),
            code: status.as_u16(),
            detail: detail.into(),
            errors: Vec::new(),
            line: None,
            column: None,
            retry_after: None,
        }))
    }

    /// 400: the request itself is wrong (a query parameter, a form part).
    pub fn bad_request(detail: impl Into<String>) -> Self {
        Problem::new(StatusCode::BAD_REQUEST, detail)
    }

    /// 404: no such route or document kind.
    pub fn not_found(detail: impl Into<String>) -> Self {
        Problem::new(StatusCode::NOT_FOUND, detail)
    }

    /// 413: the body is larger than the server accepts.
    pub fn too_large(limit: usize) -> Self {
        Problem::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            format!("the request body is larger than the limit of {limit} bytes"),
        )
    }

    /// 415: the body is not of a media type the route reads.
    pub fn unsupported_media_type(detail: impl Into<String>) -> Self {
        Problem::new(StatusCode::UNSUPPORTED_MEDIA_TYPE, detail)
    }

    /// 422: the data has problems, each with its path.
    pub fn invalid(detail: impl Into<String>, errors: Vec<ErrorItem>) -> Self {
        let mut problem = Problem::new(StatusCode::UNPROCESSABLE_ENTITY, detail);
        problem.0.errors = errors;
        problem
    }

    /// 503: every renderer is busy and the queue is full; try again after `seconds`.
    pub fn busy(seconds: u64) -> Self {
        let mut problem = Problem::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "the server is busy rendering other documents; try again shortly",
        );
        problem.0.retry_after = Some(seconds);
        problem
    }

    /// 504: a render took longer than the server allows.
    pub fn timed_out(seconds: f64) -> Self {
        Problem::new(
            StatusCode::GATEWAY_TIMEOUT,
            format!("the document took longer than {seconds} s to render"),
        )
    }

    /// 500: something that should not happen. `cause` goes to the log, not to the client.
    pub fn internal(cause: impl std::fmt::Display) -> Self {
        tracing::error!(cause = %cause, "internal error");
        Problem::new(StatusCode::INTERNAL_SERVER_ERROR, "internal error")
    }

    /// The HTTP status.
    pub fn status(&self) -> StatusCode {
        self.0.status
    }

    /// The problems in the data, if any.
    pub fn errors(&self) -> &[ErrorItem] {
        &self.0.errors
    }

    /// Says what the problem is about: `what: detail`.
    pub fn about(mut self, what: &str) -> Self {
        self.0.detail = format!("{what}: {}", self.0.detail);
        self
    }

    /// The same problem in Vietnamese: its title, detail, and every error's message and
    /// location (a sheet's row and column). What has no translation stays in English.
    pub fn in_vietnamese(&self) -> Problem {
        let say = |text: &str| vietnamese(text).unwrap_or_else(|| text.to_owned());
        let mut problem = self.clone();
        problem.0.title = say(&self.0.title);
        problem.0.detail = say(&self.0.detail);
        for error in &mut problem.0.errors {
            error.path = vietnamese_location(&error.path);
            error.message = say(&error.message);
        }
        problem
    }

    /// Marks every error as one of `ward`'s.
    pub fn in_ward(mut self, ward: &str) -> Self {
        for error in &mut self.0.errors {
            error.ward = Some(ward.to_owned());
        }
        self
    }
}

impl From<InvalidData> for Problem {
    /// Malformed JSON or UTF-8 is a 400 with its line and column; data that is not valid year
    /// data is a 422 with every problem's path, exactly as `vanban validate` lists them.
    fn from(error: InvalidData) -> Self {
        let detail = error.to_string();
        match error {
            InvalidData::NotUtf8 { line, column } | InvalidData::Syntax { line, column, .. } => {
                let mut problem = Problem::bad_request(detail);
                problem.0.line = Some(line);
                problem.0.column = Some(column);
                problem
            }
            InvalidData::Fields { errors } => {
                Problem::invalid(detail, errors.into_iter().map(ErrorItem::from).collect())
            }
        }
    }
}

impl From<RenderError> for Problem {
    /// Bad data is the client's to fix (422); a template, Typst or signature-field failure is
    /// the server's (500, details in the log).
    fn from(error: RenderError) -> Self {
        match error {
            RenderError::Data(error) => Problem::from(error),
            RenderError::Typst { diagnostics } => Problem::internal(format_args!(
                "typesetting failed: {}",
                diagnostics
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join("; ")
            )),
            other => Problem::internal(error_chain(&other)),
        }
    }
}

/// An error and its causes, for the log.
pub fn error_chain(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}

/// A panic's message (its payload when that is text), for the log.
pub fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a payload that is not text".to_owned())
}

impl Problem {
    /// The body of the response: the problem as JSON.
    pub fn body(&self) -> Vec<u8> {
        serde_json::to_vec(self).unwrap_or_else(|_| b"{}".to_vec())
    }
}

impl IntoResponse for Problem {
    /// The problem as JSON, with the problem itself in the response's extensions.
    fn into_response(self) -> Response {
        let mut response = (self.0.status, self.body()).into_response();
        let headers = response.headers_mut();
        headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(PROBLEM_JSON));
        if let Some(seconds) = self.0.retry_after {
            headers.insert(header::RETRY_AFTER, HeaderValue::from(seconds));
        }
        response.extensions_mut().insert(self);
        response
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syntax_errors_carry_line_and_column() {
        let problem = Problem::from(InvalidData::Syntax {
            line: 3,
            column: 7,
            message: "expected value".into(),
        });
        assert_eq!(problem.status(), StatusCode::BAD_REQUEST);
        let json = serde_json::to_value(&problem).unwrap();
        assert_eq!(json["line"], 3);
        assert_eq!(json["column"], 7);
        assert_eq!(json["type"], "about:blank");
        assert_eq!(json["title"], "Bad Request");
        assert_eq!(json["status"], 400);
    }

    #[test]
    fn invalid_data_lists_every_path() {
        let problem = Problem::from(InvalidData::Fields {
            errors: vec![
                DataError::new("$.year", "expected a whole number"),
                DataError::new("$.signer.name", "must not be empty"),
            ],
        })
        .in_ward("Phường An Mỹ");
        assert_eq!(problem.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let json = serde_json::to_value(&problem).unwrap();
        assert_eq!(json["errors"][1]["path"], "$.signer.name");
        assert_eq!(json["errors"][1]["message"], "must not be empty");
        assert_eq!(json["errors"][0]["ward"], "Phường An Mỹ");
    }

    #[test]
    fn internal_errors_keep_their_cause_out_of_the_body() {
        let problem = Problem::internal("secret path /etc/x");
        let json = serde_json::to_string(&problem).unwrap();
        assert!(!json.contains("secret"), "{json}");
        assert!(json.contains("\"detail\":\"internal error\""), "{json}");
        let response = problem.into_response();
        assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
        assert_eq!(response.headers()[header::CONTENT_TYPE], PROBLEM_JSON);
    }

    #[test]
    fn busy_says_when_to_retry() {
        let response = Problem::busy(2).into_response();
        assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
        assert_eq!(response.headers()[header::RETRY_AFTER], "2");
    }
}
