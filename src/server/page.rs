//! The page for office staff (`GET /`): plain HTML, CSS and JavaScript embedded in the binary,
//! so it works offline and needs nothing but the server itself.

use axum::extract::Path;
use axum::http::{HeaderName, HeaderValue, header};
use axum::response::{IntoResponse, Response};

use super::problem::Problem;
use crate::errors::Kind;

const INDEX: &str = include_str!("../../static/index.html");
const SCRIPT: &str = include_str!("../../static/app.js");
const STYLE: &str = include_str!("../../static/app.css");
const EDITOR: &str = include_str!("../../static/editor.js");
const FORM: &str = include_str!("../../static/form.js");
const NEXT_YEAR: &str = include_str!("../../static/next-year.js");
const OFFICE: &str = include_str!("../../static/office.js");
/// The starting point "Dữ liệu mẫu": the bundled sample year data.
const SAMPLE: &str = include_str!("../../samples/tam-ky-2022.json");

/// The page loads only its own script and style, and shows previews from `blob:` URLs.
const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; script-src 'self'; \
     style-src 'self'; img-src 'self' blob: data:; connect-src 'self'; \
     form-action 'none'; frame-ancestors 'none'; base-uri 'none'";

/// `GET /`.
pub async fn index() -> Response {
    let mut response = asset_response(INDEX, "text/html; charset=utf-8");
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CONTENT_SECURITY_POLICY),
    );
    headers.insert(
        HeaderName::from_static("x-content-type-options"),
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    response
}

/// `GET /static/{file}`: the page's scripts, style sheet and sample data.
pub async fn asset(Path(file): Path<String>) -> Result<Response, Problem> {
    match file.as_str() {
        "app.js" => Ok(asset_response(SCRIPT, "text/javascript; charset=utf-8")),
        "editor.js" => Ok(asset_response(EDITOR, "text/javascript; charset=utf-8")),
        "form.js" => Ok(asset_response(FORM, "text/javascript; charset=utf-8")),
        "next-year.js" => Ok(asset_response(NEXT_YEAR, "text/javascript; charset=utf-8")),
        "office.js" => Ok(asset_response(OFFICE, "text/javascript; charset=utf-8")),
        "sample.json" => Ok(asset_response(SAMPLE, "application/json")),
        "app.css" => Ok(asset_response(STYLE, "text/css; charset=utf-8")),
        _ => Err(Problem::new(Kind::NoStaticFile { file })),
    }
}

fn asset_response(body: &'static str, media_type: &'static str) -> Response {
    (
        [
            (header::CONTENT_TYPE, HeaderValue::from_static(media_type)),
            (header::CACHE_CONTROL, HeaderValue::from_static("no-cache")),
        ],
        body,
    )
        .into_response()
}
