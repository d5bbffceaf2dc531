//! Errors as HTTP responses: RFC 9457 `application/problem+json`, one type for every route.
//!
//! A problem is a [`Kind`] (with the problems in the data, each at its location) and is put
//! into words only when the answer is written, in the language the client asks for
//! (`language`). A 4xx says what to fix; a 5xx says "internal error" and its details go to
//! the log only. Problems use the type `about:blank`, so the status tells the class and
//! `title` is its reason phrase; `code` and `detail` say what is wrong, `errors` lists the
//! problems in the data (`code`, `path`, `message`, and in a batch `ward`), and `line` and
//! `column` place malformed JSON.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::json;

use crate::RenderError;
use crate::errors::{Class, DataError, Item, Kind, Language, Part};
use crate::model::InvalidData;

/// The media type of a problem.
pub const PROBLEM_JSON: &str = "application/problem+json";

/// An error answered as `application/problem+json`. Boxed: it travels in every `Result`.
#[derive(Debug, Clone)]
pub struct Problem(Box<Details>);

#[derive(Debug, Clone)]
struct Details {
    status: StatusCode,
    kind: Kind,
    /// The problems in the data, each with the ward it belongs to in a batch.
    errors: Vec<(DataError, Option<String>)>,
    /// Where malformed JSON or UTF-8 goes wrong.
    line: Option<usize>,
    column: Option<usize>,
    /// Seconds after which a client may try again (503), sent as `Retry-After`.
    retry_after: Option<u64>,
    /// The problem's JSON as a render worker said it, in the request's language.
    said: Option<Vec<u8>>,
}

impl Problem {
    /// The problem `kind`, with the status that follows from it.
    pub fn new(kind: Kind) -> Self {
        let retry_after = match kind {
            Kind::TooManyLogins { minutes } => u64::try_from(minutes * 60).ok(),
            _ => None,
        };
        Problem(Box::new(Details {
            status: status(&kind),
            kind,
            errors: Vec::new(),
            line: None,
            column: None,
            retry_after,
            said: None,
        }))
    }

    /// A problem a render worker said already, in the request's language: `body` is its
    /// JSON, answered as it is. Its kind is no longer known here.
    pub fn said(status: StatusCode, body: Vec<u8>) -> Self {
        let mut problem = Problem::new(Kind::Internal);
        problem.0.status = status;
        problem.0.said = Some(body);
        problem
    }

    /// `kind`, with the problems in the data one by one.
    pub fn invalid(kind: Kind, errors: Vec<DataError>) -> Self {
        let mut problem = Problem::new(kind);
        problem.0.errors = errors.into_iter().map(|error| (error, None)).collect();
        problem
    }

    /// 503: every renderer is busy and the queue is full; try again after `seconds`.
    pub fn busy(seconds: u64) -> Self {
        let mut problem = Problem::new(Kind::Busy);
        problem.0.retry_after = Some(seconds);
        problem
    }

    /// 500: something that should not happen. `cause` goes to the log, not to the client.
    pub fn internal(cause: impl std::fmt::Display) -> Self {
        tracing::error!(cause = %cause, "internal error");
        Problem::new(Kind::Internal)
    }

    /// `kind` answered with `status`, for an error answer made without a problem (an
    /// extractor's rejection) that is put into one with its status kept.
    pub fn with_status(kind: Kind, status: StatusCode) -> Self {
        let mut problem = Problem::new(kind);
        problem.0.status = status;
        problem
    }

    /// The HTTP status.
    pub fn status(&self) -> StatusCode {
        self.0.status
    }

    /// What is wrong, as a whole.
    pub fn kind(&self) -> &Kind {
        &self.0.kind
    }

    /// The problems in the data.
    pub fn data_errors(&self) -> impl Iterator<Item = &DataError> {
        self.0.errors.iter().map(|(error, _)| error)
    }

    /// Says what part of the request the problem is about.
    pub fn about(mut self, part: Part) -> Self {
        let kind = std::mem::replace(&mut self.0.kind, Kind::Internal);
        self.0.kind = Kind::Within {
            part,
            problem: Box::new(kind),
        };
        self
    }

    /// Adds `errors` as `ward`'s, in a batch.
    pub fn with_ward(mut self, ward: &str, errors: &[DataError]) -> Self {
        let errors = errors.iter().cloned();
        self.0
            .errors
            .extend(errors.map(|error| (error, Some(ward.to_owned()))));
        self
    }

    /// The body of the response: the problem as JSON, in `language`.
    pub fn body(&self, language: Language) -> Vec<u8> {
        let details = &self.0;
        if let Some(said) = &details.said {
            return said.clone();
        }
        let errors: Vec<Item> = details
            .errors
            .iter()
            .map(|(error, ward)| Item {
                ward: ward.clone(),
                ..Item::new(error, language)
            })
            .collect();
        let mut body = json!({
            "type": "about:blank",
            "title": title(details.status, language),
            "status": details.status.as_u16(),
            "code": details.kind.code(),
            "detail": details.kind.say(language),
        });
        if !errors.is_empty() {
            body["errors"] = json!(errors);
        }
        if let (Some(line), Some(column)) = (details.line, details.column) {
            body["line"] = json!(line);
            body["column"] = json!(column);
        }
        serde_json::to_vec(&body).unwrap_or_else(|_| b"{}".to_vec())
    }
}

/// The status a problem is answered with: its class's (the data's 422, the request's 400, a
/// template's or vanban's 500), or one of HTTP's own for what it names.
fn status(kind: &Kind) -> StatusCode {
    match kind {
        Kind::Within { problem, .. } => status(problem),
        Kind::NotUtf8 { .. }
        | Kind::JsonSyntax { .. }
        | Kind::NotAWorkbook
        | Kind::NotCsv { .. } => StatusCode::BAD_REQUEST,
        Kind::NoRoute { .. } | Kind::NoDocumentKind { .. } | Kind::NoStaticFile { .. } => {
            StatusCode::NOT_FOUND
        }
        Kind::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
        Kind::NoDatabase
        | Kind::NoSuchOffice { .. }
        | Kind::NoSuchDraft { .. }
        | Kind::NoSuchRevision { .. }
        | Kind::NoSuchDocument { .. }
        | Kind::NoSuchVersion { .. }
        | Kind::NoSubordinateDrafts { .. } => StatusCode::NOT_FOUND,
        Kind::NotLoggedIn | Kind::WrongLogin => StatusCode::UNAUTHORIZED,
        Kind::TooManyLogins { .. } => StatusCode::TOO_MANY_REQUESTS,
        Kind::CsrfTokenMissing => StatusCode::FORBIDDEN,
        Kind::ReadOnlyOffice { .. } => StatusCode::FORBIDDEN,
        Kind::RevisionConflict { .. }
        | Kind::NumberTaken { .. }
        | Kind::SignedFromOlderVersion { .. } => StatusCode::CONFLICT,
        Kind::DraftYearMismatch { .. } => StatusCode::UNPROCESSABLE_ENTITY,
        Kind::BodyTooLarge { .. } | Kind::TooManyWards { .. } => StatusCode::PAYLOAD_TOO_LARGE,
        Kind::BodyTimedOut { .. } => StatusCode::REQUEST_TIMEOUT,
        Kind::UriTooLong { .. } => StatusCode::URI_TOO_LONG,
        Kind::HeadersTooLarge { .. } => StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE,
        Kind::ContentEncoding { .. }
        | Kind::NotJson { .. }
        | Kind::BatchNotJson { .. }
        | Kind::NotABatch
        | Kind::SheetPartFormat => StatusCode::UNSUPPORTED_MEDIA_TYPE,
        Kind::Busy => StatusCode::SERVICE_UNAVAILABLE,
        Kind::TimedOut { .. } => StatusCode::GATEWAY_TIMEOUT,
        _ => match kind.class() {
            Class::Data => StatusCode::UNPROCESSABLE_ENTITY,
            Class::Request => StatusCode::BAD_REQUEST,
            Class::Template | Class::Internal => StatusCode::INTERNAL_SERVER_ERROR,
        },
    }
}

/// HTTP's reason phrase, which RFC 9457 lets a server say in the client's language.
fn title(status: StatusCode, language: Language) -> &'static str {
    let english = status.canonical_reason().unwrap_or("Error");
    if language == Language::English {
        return english;
    }
    match status {
        StatusCode::BAD_REQUEST => "Yêu cầu không hợp lệ",
        StatusCode::NOT_FOUND => "Không tìm thấy",
        StatusCode::UNAUTHORIZED => "Chưa đăng nhập",
        StatusCode::FORBIDDEN => "Không được phép",
        StatusCode::CONFLICT => "Xung đột dữ liệu",
        StatusCode::TOO_MANY_REQUESTS => "Quá nhiều lần thử",
        StatusCode::METHOD_NOT_ALLOWED => "Phương thức không được chấp nhận",
        StatusCode::REQUEST_TIMEOUT => "Quá thời gian gửi yêu cầu",
        StatusCode::PAYLOAD_TOO_LARGE => "Nội dung quá lớn",
        StatusCode::URI_TOO_LONG => "Địa chỉ quá dài",
        StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE => "Phần đầu yêu cầu quá lớn",
        StatusCode::UNSUPPORTED_MEDIA_TYPE => "Kiểu nội dung không được hỗ trợ",
        StatusCode::UNPROCESSABLE_ENTITY => "Dữ liệu không hợp lệ",
        StatusCode::SERVICE_UNAVAILABLE => "Máy chủ đang bận",
        StatusCode::GATEWAY_TIMEOUT => "Quá thời gian xử lý",
        _ => "Lỗi máy chủ",
    }
}

impl From<Kind> for Problem {
    fn from(kind: Kind) -> Self {
        Problem::new(kind)
    }
}

impl From<InvalidData> for Problem {
    /// Malformed JSON or UTF-8 is a 400 with its line and column; data that is not valid year
    /// data is a 422 with every problem's path, exactly as `vanban validate` lists them.
    fn from(error: InvalidData) -> Self {
        let kind = error.kind();
        Problem::invalid_data(kind, error)
    }
}

impl Problem {
    /// A batch file that is not a valid batch, as [`From<InvalidData>`] words year data.
    pub fn batch_file(error: InvalidData) -> Self {
        let kind = error.batch_kind();
        Problem::invalid_data(kind, error)
    }

    fn invalid_data(kind: Kind, error: InvalidData) -> Self {
        let mut problem = Problem::new(kind);
        match error {
            InvalidData::NotUtf8 { line, column } | InvalidData::Syntax { line, column, .. } => {
                problem.0.line = Some(line);
                problem.0.column = Some(column);
            }
            InvalidData::Fields { errors } => {
                problem.0.errors = errors.into_iter().map(|error| (error, None)).collect();
            }
        }
        problem
    }
}

impl From<RenderError> for Problem {
    /// Bad data is the client's to fix (422); a template, Typst or signature-field failure is
    /// the server's (500, details in the log).
    fn from(error: RenderError) -> Self {
        match error {
            RenderError::Data(error) => Problem::from(error),
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

impl IntoResponse for Problem {
    /// The problem as JSON, with the problem itself in the response's extensions.
    fn into_response(self) -> Response {
        let mut response = (self.0.status, self.body(Language::English)).into_response();
        let headers = response.headers_mut();
        headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(PROBLEM_JSON));
        if let Some(seconds) = self.0.retry_after {
            headers.insert(header::RETRY_AFTER, HeaderValue::from(seconds));
        }
        if self.0.status == StatusCode::UNAUTHORIZED {
            headers.insert(
                header::WWW_AUTHENTICATE,
                HeaderValue::from_static("Bearer realm=\"vanban\""),
            );
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
            found: Some('o'),
        });
        assert_eq!(problem.status(), StatusCode::BAD_REQUEST);
        let json: serde_json::Value =
            serde_json::from_slice(&problem.body(Language::English)).unwrap();
        assert_eq!(json["line"], 3);
        assert_eq!(json["column"], 7);
        assert_eq!(json["type"], "about:blank");
        assert_eq!(json["title"], "Bad Request");
        assert_eq!(json["status"], 400);
        assert_eq!(json["code"], "json_syntax");
    }

    #[test]
    fn invalid_data_lists_every_path() {
        let errors = [
            DataError::new("$.year", Kind::MissingField),
            DataError::new("$.signer.name", Kind::TextEmpty),
        ];
        let problem =
            Problem::new(Kind::DataProblems { count: 2 }).with_ward("Phường An Mỹ", &errors);
        assert_eq!(problem.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let json: serde_json::Value =
            serde_json::from_slice(&problem.body(Language::Vietnamese)).unwrap();
        assert_eq!(json["errors"][1]["path"], "$.signer.name");
        assert_eq!(json["errors"][1]["code"], "text_empty");
        assert_eq!(json["errors"][1]["message"], "không được để trống");
        assert_eq!(json["errors"][0]["ward"], "Phường An Mỹ");
        assert_eq!(json["detail"], "dữ liệu năm có 2 lỗi");
        assert_eq!(json["title"], "Dữ liệu không hợp lệ");
    }

    #[test]
    fn internal_errors_keep_their_cause_out_of_the_body() {
        let problem = Problem::internal("secret path /etc/x");
        let json = String::from_utf8(problem.body(Language::English)).unwrap();
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
