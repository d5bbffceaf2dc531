//! Before and after every route: the request's address and headers within their limits, its
//! body uncompressed, and every error answer a [`Problem`], even one a route's extractor
//! made on its own (axum's rejections are `text/plain`).
//!
//! hyper's own limits are set above these ([`super::connections`]), so that a request past
//! them reaches this layer and gets its answer as `application/problem+json`, not hyper's
//! empty 414 or 431.

use axum::extract::Request;
use axum::http::{HeaderMap, HeaderValue, Uri, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::problem::{PROBLEM_JSON, Problem};
use super::request;
use crate::errors::Kind;

/// The longest request target (path and query), in bytes; longer is 414.
pub const MAX_URI_BYTES: usize = 8 * 1024;

/// The most bytes of request headers (names and values), in all; more is 431.
pub const MAX_HEADER_BYTES: usize = 32 * 1024;

/// The most request header lines; more is 431.
pub const MAX_HEADER_COUNT: usize = 100;

/// The middleware: see the module's documentation.
pub async fn guard(request: Request, next: Next) -> Response {
    if let Some(problem) = refusal(request.uri(), request.headers()) {
        let encoding = matches!(problem.kind(), Kind::ContentEncoding { .. });
        // Read what the client is still sending, so that it gets the answer, not a reset.
        request::drain(request.into_body().into_data_stream()).await;
        let mut response = problem.into_response();
        if encoding {
            response.headers_mut().insert(
                header::ACCEPT_ENCODING,
                HeaderValue::from_static("identity"),
            );
        }
        return response;
    }
    as_problem(next.run(request).await)
}

/// What is wrong with a request before its route reads it, if anything.
fn refusal(uri: &Uri, headers: &HeaderMap) -> Option<Problem> {
    let target = uri.authority().map_or(0, |a| a.as_str().len())
        + uri.path_and_query().map_or(0, |pq| pq.as_str().len());
    if target > MAX_URI_BYTES {
        return Some(Problem::new(Kind::UriTooLong {
            limit: MAX_URI_BYTES,
        }));
    }
    let bytes: usize = headers
        .iter()
        .map(|(name, value)| name.as_str().len() + value.len())
        .sum();
    if bytes > MAX_HEADER_BYTES || headers.len() > MAX_HEADER_COUNT {
        return Some(Problem::new(Kind::HeadersTooLarge {
            bytes: MAX_HEADER_BYTES,
            count: MAX_HEADER_COUNT,
        }));
    }
    let encoding = headers
        .get_all(header::CONTENT_ENCODING)
        .iter()
        .flat_map(|value| value.to_str().unwrap_or("?").split(','))
        .map(str::trim)
        .find(|coding| !coding.is_empty() && !coding.eq_ignore_ascii_case("identity"))?;
    // Said back to the client: a name, not a header's worth of text.
    let encoding = encoding.chars().take(32).collect();
    Some(Problem::new(Kind::ContentEncoding { encoding }))
}

/// An error answer that is not a problem already (an extractor's `text/plain` rejection)
/// made into one, with its status kept; other answers as they are.
fn as_problem(response: Response) -> Response {
    let status = response.status();
    let error = status.is_client_error() || status.is_server_error();
    let problem = response.extensions().get::<Problem>().is_some()
        || response
            .headers()
            .get(header::CONTENT_TYPE)
            .is_some_and(|media| media == PROBLEM_JSON);
    if !error || problem {
        return response;
    }
    let kind = if status.is_server_error() {
        tracing::error!(%status, "an error answer that is not a problem");
        Kind::Internal
    } else {
        Kind::MalformedRequest
    };
    Problem::with_status(kind, status).into_response()
}
