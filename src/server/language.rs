//! Problems in the client's language: English by default, as the command line says them, or
//! Vietnamese when the request's `Accept-Language` prefers it (the office staff's page asks
//! for it). Only problems vary; documents, ZIPs and the other answers are the same in both.

use axum::body::Body;
use axum::extract::Request;
use axum::http::{HeaderMap, HeaderValue, header};
use axum::middleware::Next;
use axum::response::Response;

use super::problem::Problem;
use crate::errors::Language;

/// The language the request prefers: Vietnamese when its `Accept-Language` ranks `vi` (or
/// `vi-VN`, …) above English, by quality value and then by order; English otherwise, also
/// without the header. `*` stands for any language not listed, and `q=0` refuses one.
pub fn accepted(headers: &HeaderMap) -> Language {
    // The best (quality, position) for each language.
    let (mut vietnamese, mut english, mut any) = (None, None, None);
    let ranges = headers
        .get_all(header::ACCEPT_LANGUAGE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','));
    for (position, range) in ranges.enumerate() {
        let mut parts = range.split(';');
        let tag = parts.next().unwrap_or_default().trim().to_ascii_lowercase();
        let Some(quality) = quality(parts) else {
            continue;
        };
        let best = match tag.split('-').next().unwrap_or_default() {
            "vi" => &mut vietnamese,
            "en" => &mut english,
            "*" => &mut any,
            _ => continue,
        };
        if best.is_none_or(|(q, _)| quality > q) {
            *best = Some((quality, position));
        }
    }
    match (vietnamese.or(any), english.or(any)) {
        (Some((vi, _)), _) if vi <= 0.0 => Language::English,
        (Some(_), None) => Language::Vietnamese,
        (Some((vi, at)), Some((en, en_at))) if vi > en || (vi == en && at < en_at) => {
            Language::Vietnamese
        }
        _ => Language::English,
    }
}

/// A range's quality value (`q=0.8`), 1 when it has none; `None` when it is malformed.
fn quality<'a>(mut parameters: impl Iterator<Item = &'a str>) -> Option<f32> {
    let q = parameters.find_map(|parameter| {
        let (name, value) = parameter.split_once('=')?;
        name.trim().eq_ignore_ascii_case("q").then(|| value.trim())
    });
    match q {
        None => Some(1.0),
        Some(value) => value
            .parse::<f32>()
            .ok()
            .filter(|q| (0.0..=1.0).contains(q)),
    }
}

/// The middleware: a problem answer varies by `Accept-Language`; in Vietnamese, its body is
/// the problem said in Vietnamese, with `Content-Language: vi`.
pub async fn localize(request: Request, next: Next) -> Response {
    let language = accepted(request.headers());
    let response = next.run(request).await;
    if response.extensions().get::<Problem>().is_none() {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    parts
        .headers
        .append(header::VARY, HeaderValue::from_static("accept-language"));
    let said = match (language, parts.extensions.get::<Problem>()) {
        (Language::Vietnamese, Some(problem)) => problem.body(language),
        _ => return Response::from_parts(parts, body),
    };
    parts
        .headers
        .insert(header::CONTENT_LANGUAGE, HeaderValue::from_static("vi"));
    parts.headers.remove(header::CONTENT_LENGTH);
    Response::from_parts(parts, Body::from(said))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn language(accept: &[&str]) -> Language {
        let mut headers = HeaderMap::new();
        for value in accept {
            headers.append(
                header::ACCEPT_LANGUAGE,
                HeaderValue::from_str(value).unwrap(),
            );
        }
        accepted(&headers)
    }

    #[test]
    fn vietnamese_when_preferred_to_english() {
        use Language::*;
        let cases = [
            (&[][..], English),
            (&["vi"], Vietnamese),
            (&["vi-VN"], Vietnamese),
            (&["VI-vn"], Vietnamese),
            (&["vi-VN,vi;q=0.9,en-US;q=0.8,en;q=0.7"], Vietnamese),
            (&["en-US,en;q=0.9,vi;q=0.8"], English),
            (&["en;q=0.5, vi"], Vietnamese),
            (&["vi, en"], Vietnamese),
            (&["en, vi"], English),
            (&["fr, vi;q=0.5"], Vietnamese),
            (&["fr"], English),
            (&["*"], English),
            (&["vi;q=0"], English),
            (&["vi;q=0, *"], English),
            (&["en;q=0, *;q=0.5"], Vietnamese),
            (&["vi;q=abc"], English),
            (&["vi;q=2"], English),
            (&["vietnamese"], English),
            (&["en;q=0.8", "vi"], Vietnamese),
        ];
        for (accept, want) in cases {
            assert_eq!(language(accept), want, "{accept:?}");
        }
    }
}
