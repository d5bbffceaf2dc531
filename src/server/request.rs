//! What a request carries: its media type, its body read within the size limit, its query
//! parameters; each failure said as a [`Problem`] (415, 413, 400).

use std::time::Duration;

use axum::body::{Body, BodyDataStream, Bytes};
use axum::extract::{Query, Request};
use axum::http::{HeaderMap, Uri, header};
use futures_util::StreamExt;

use super::connections::BodyTimedOut;
use super::problem::Problem;
use crate::errors::Kind;

/// The media type of the body, lowercased, without parameters (`application/json`).
pub fn media_type(headers: &HeaderMap) -> Option<String> {
    let value = headers.get(header::CONTENT_TYPE)?.to_str().ok()?;
    let essence = value.split(';').next().unwrap_or("").trim();
    Some(essence.to_ascii_lowercase())
}

/// Whether the body is declared as JSON (`application/json`, or `application/…+json`).
pub fn is_json(headers: &HeaderMap) -> bool {
    media_type(headers).is_some_and(|media| {
        media == "application/json"
            || (media.starts_with("application/") && media.ends_with("+json"))
    })
}

/// How much of a refused body is read and thrown away, and for how long, before the answer:
/// closing a connection with unread data resets it, and the client, still sending, would see
/// the reset instead of the answer.
const DRAIN_BYTES: usize = 64 * 1024 * 1024;
const DRAIN_TIME: Duration = Duration::from_secs(5);

/// The year data of a request, read whole within `limit` bytes. The body is read (or
/// drained) before its media type is checked, so that a refusal reaches the client.
pub async fn json_body(
    request: Request,
    limit: usize,
    not_json: impl FnOnce(Option<String>) -> Kind,
) -> Result<Bytes, Problem> {
    let media = media_type(request.headers());
    let json = is_json(request.headers());
    let body = body(request, limit).await?;
    if !json {
        return Err(Problem::new(not_json(media)));
    }
    Ok(body)
}

/// The whole body, within `limit` bytes. A body over the limit (declared, or found so while
/// reading) is drained and refused with 413.
pub async fn body(request: Request, limit: usize) -> Result<Bytes, Problem> {
    let (parts, body) = request.into_parts();
    read(&parts.headers, body, limit).await
}

/// [`body`] for a request taken apart.
pub async fn read(headers: &HeaderMap, body: Body, limit: usize) -> Result<Bytes, Problem> {
    let declared = declared_length(headers);
    let mut chunks = body.into_data_stream();
    if declared.is_some_and(|length| length > limit as u64) {
        drain(chunks).await;
        return Err(Problem::new(Kind::BodyTooLarge { limit }));
    }
    let capacity = declared.map_or(0, |length| length.min(limit as u64) as usize);
    let mut body = Vec::with_capacity(capacity);
    while let Some(chunk) = chunks.next().await {
        let chunk = chunk.map_err(unreadable)?;
        if body.len() + chunk.len() > limit {
            drain(chunks).await;
            return Err(Problem::new(Kind::BodyTooLarge { limit }));
        }
        body.extend_from_slice(&chunk);
    }
    Ok(Bytes::from(body))
}

/// The problem of a body that fails while it is read: 408 when it came too slowly.
fn unreadable(error: axum::Error) -> Problem {
    let error = error.into_inner();
    if let Some(BodyTimedOut(limit)) = error.downcast_ref::<BodyTimedOut>() {
        tracing::info!(%error, "the request body came too slowly");
        return Problem::new(Kind::BodyTimedOut {
            seconds: limit.as_secs_f64(),
        });
    }
    tracing::info!(%error, "cannot read the request body");
    Problem::new(Kind::BodyUnreadable)
}

/// Reads and throws away what is left of a body, within [`DRAIN_BYTES`] and [`DRAIN_TIME`].
pub async fn drain(mut chunks: BodyDataStream) {
    let _ = tokio::time::timeout(DRAIN_TIME, async move {
        let mut drained = 0;
        while let Some(Ok(chunk)) = chunks.next().await {
            drained += chunk.len();
            if drained > DRAIN_BYTES {
                break;
            }
        }
    })
    .await;
}

/// The body's declared `Content-Length`, if any.
fn declared_length(headers: &HeaderMap) -> Option<u64> {
    headers
        .get(header::CONTENT_LENGTH)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.parse::<u64>().ok())
}

/// The query parameters, decoded, in order.
pub fn query(uri: &Uri) -> Result<Vec<(String, String)>, Problem> {
    Query::<Vec<(String, String)>>::try_from_uri(uri)
        .map(|Query(query)| query)
        .map_err(|rejection| Problem::internal(rejection.body_text()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn headers(content_type: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_str(content_type).unwrap(),
        );
        headers
    }

    #[test]
    fn json_media_types() {
        assert!(is_json(&headers("application/json")));
        assert!(is_json(&headers("Application/JSON; charset=utf-8")));
        assert!(is_json(&headers("application/vnd.vanban+json")));
        assert!(!is_json(&headers("text/plain")));
        assert!(!is_json(&headers("application/x-www-form-urlencoded")));
        assert!(!is_json(&HeaderMap::new()));
    }

    #[test]
    fn bodies_over_the_limit_are_refused() {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_time()
            .build()
            .unwrap();
        let read = |bytes: &'static [u8], limit| {
            let request = Request::new(axum::body::Body::from(bytes));
            runtime.block_on(body(request, limit))
        };
        assert_eq!(read(b"0123456789", 10).unwrap(), &b"0123456789"[..]);
        let refused = read(b"0123456789", 9).unwrap_err();
        assert_eq!(refused.status(), axum::http::StatusCode::PAYLOAD_TOO_LARGE);
    }
}
