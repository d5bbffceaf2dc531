//! What a request carries: its media type, its body read within the size limit, its query
//! parameters; each failure said as a [`Problem`] (415, 413, 400).

use axum::body::Bytes;
use axum::extract::{FromRequest, Query, Request};
use axum::http::{HeaderMap, StatusCode, Uri, header};
use serde::de::DeserializeOwned;

use super::problem::Problem;

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

/// The body of a JSON request, read whole within `limit` bytes.
pub async fn json_body(request: Request, limit: usize, what: &str) -> Result<Bytes, Problem> {
    if !is_json(request.headers()) {
        return Err(Problem::unsupported_media_type(format!(
            "send {what} as application/json (the request said {})",
            media_type(request.headers()).unwrap_or_else(|| "no Content-Type".to_owned())
        )));
    }
    body(request, limit).await
}

/// The whole body, within `limit` bytes: a declared length over the limit is refused before
/// anything is read.
pub async fn body(request: Request, limit: usize) -> Result<Bytes, Problem> {
    check_length(request.headers(), limit)?;
    Bytes::from_request(request, &())
        .await
        .map_err(|rejection| {
            if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
                Problem::too_large(limit)
            } else {
                Problem::bad_request(format!(
                    "cannot read the request body: {}",
                    rejection.body_text()
                ))
            }
        })
}

/// Refuses a body whose declared `Content-Length` is over `limit`.
pub fn check_length(headers: &HeaderMap, limit: usize) -> Result<(), Problem> {
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.parse::<u64>().ok());
    match declared {
        Some(length) if length > limit as u64 => Err(Problem::too_large(limit)),
        _ => Ok(()),
    }
}

/// The query parameters as `T`; unknown or malformed ones are a 400 that names them.
pub fn query<T: DeserializeOwned>(uri: &Uri) -> Result<T, Problem> {
    Query::<T>::try_from_uri(uri)
        .map(|Query(query)| query)
        .map_err(|rejection| {
            let text = rejection.body_text();
            let text = text
                .strip_prefix("Failed to deserialize query string: ")
                .unwrap_or(&text);
            Problem::bad_request(format!("bad query parameter: {text}"))
        })
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
    fn declared_lengths_over_the_limit_are_refused() {
        let mut headers = HeaderMap::new();
        headers.insert(header::CONTENT_LENGTH, HeaderValue::from(11u64));
        assert!(check_length(&headers, 10).is_err());
        assert!(check_length(&headers, 11).is_ok());
    }
}
