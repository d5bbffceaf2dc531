//! `POST /v1/batches/template`: a batch file in, the Excel workbook to fill in for its wards
//! out (the same bytes as `vanban sheet template`).

use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};

use crate::batch::Batch;
use crate::errors::Kind;
use crate::server::AppState;
use crate::server::problem::Problem;
use crate::server::request;

const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

pub async fn template(
    State(state): State<Arc<AppState>>,
    request: Request,
) -> Result<Response, Problem> {
    let body = request::json_body(request, state.body_limit, |media| Kind::BatchNotJson {
        media,
    })
    .await?;
    let workbook = tokio::task::spawn_blocking(move || {
        let batch = Batch::parse_for_template(&body).map_err(Problem::batch_file)?;
        batch.sheet_template().map_err(Problem::internal)
    })
    .await
    .map_err(Problem::internal)??;
    Ok((
        [
            (header::CONTENT_TYPE, HeaderValue::from_static(XLSX)),
            (
                header::CONTENT_DISPOSITION,
                HeaderValue::from_static("attachment; filename=\"mau-so-lieu-phuong-xa.xlsx\""),
            ),
        ],
        workbook,
    )
        .into_response())
}
