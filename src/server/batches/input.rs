//! What a batch request carries: a batch file as JSON, or a form with a sheet of wards and
//! the shared batch file; parsed into a [`Batch`], each failure a 4xx [`Problem`].

use std::path::{Path, PathBuf};

use axum::body::{Body, Bytes};
use axum::extract::multipart::MultipartError;
use axum::extract::{FromRequest, Multipart, Request};

use tempfile::TempDir;

use crate::batch::{self, Batch, SheetError, SheetFormat};
use crate::errors::{Kind, Part};
use crate::server::problem::Problem;
use crate::server::request;

/// What the client sent, parsed on the blocking pool.
pub enum BatchInput {
    /// A batch file.
    File(Bytes),
    /// A sheet of wards and the batch file with the shared data and roll-up.
    Sheet {
        shared: Bytes,
        format: SheetFormat,
        sheet: Bytes,
    },
    /// The batch file with the shared data and roll-up, and the wards: each a name and the
    /// file of its stored year data, in a folder kept as long as the input (and then removed).
    Stored {
        shared: Bytes,
        wards: Vec<(String, PathBuf)>,
        _folder: TempDir,
    },
}

impl BatchInput {
    /// The batch the input describes; its problems as 400 or 422, more than `max_wards` wards
    /// as 413 (a batch file's before its wards are parsed).
    pub fn parse(&self, max_wards: usize) -> Result<Batch, Problem> {
        match self {
            BatchInput::File(bytes) => {
                let wards = batch::count_wards(bytes).unwrap_or(0);
                if wards > max_wards {
                    let limit = max_wards;
                    return Err(Problem::new(Kind::TooManyWards { wards, limit }));
                }
                Batch::parse(bytes).map_err(Problem::batch_file)
            }
            BatchInput::Sheet {
                shared,
                format,
                sheet,
            } => {
                let shared = Batch::parse_shared(shared)
                    .map_err(|error| Problem::batch_file(error).about(Part::SharedFile))?;
                Batch::from_sheet(shared, *format, sheet).map_err(sheet_problem)
            }
            BatchInput::Stored { shared, wards, .. } => {
                let shared = Batch::parse_shared(shared)
                    .map_err(|error| Problem::batch_file(error).about(Part::SharedFile))?;
                Ok(Batch::with_ward_files(shared, wards.clone()))
            }
        }
    }
}

/// A sheet that gives no batch: unreadable is a 400, bad cells a 422 with row and column.
fn sheet_problem(error: SheetError) -> Problem {
    let kind = error.kind();
    let errors = match error {
        SheetError::Cells { errors } => errors,
        _ => Vec::new(),
    };
    Problem::invalid(kind, errors).about(Part::Sheet)
}

/// The body: a batch file as JSON, or a form with the `sheet` and `shared` parts.
pub async fn read_input(request: Request, limit: usize) -> Result<BatchInput, Problem> {
    let json = request::is_json(request.headers());
    let multipart =
        request::media_type(request.headers()).as_deref() == Some("multipart/form-data");
    let (parts, body) = request.into_parts();
    let body = request::read(&parts.headers, body, limit).await?;
    if json {
        return Ok(BatchInput::File(body));
    }
    if !multipart {
        return Err(Problem::new(Kind::NotABatch));
    }
    let failed = |error: MultipartError| {
        tracing::info!(error = %error.body_text(), "cannot read the form");
        Problem::new(Kind::FormUnreadable)
    };
    let request = Request::from_parts(parts, Body::from(body));
    let mut form = Multipart::from_request(request, &())
        .await
        .map_err(|rejection| {
            tracing::info!(error = %rejection.body_text(), "cannot read the form");
            Problem::new(Kind::FormUnreadable)
        })?;
    let (mut shared, mut sheet) = (None, None);
    while let Some(field) = form.next_field().await.map_err(failed)? {
        let name = field.name().unwrap_or_default().to_owned();
        let twice = || Problem::new(Kind::FormPartTwice { part: name.clone() });
        match name.as_str() {
            "shared" if shared.is_some() => return Err(twice()),
            "sheet" if sheet.is_some() => return Err(twice()),
            "shared" => shared = Some(field.bytes().await.map_err(failed)?),
            "sheet" => {
                let format = sheet_format(field.file_name(), field.content_type())?;
                sheet = Some((format, field.bytes().await.map_err(failed)?));
            }
            other => {
                let part = other.to_owned();
                return Err(Problem::new(Kind::FormPartUnexpected { part }));
            }
        }
    }
    match (shared, sheet) {
        (Some(shared), Some((format, sheet))) => Ok(BatchInput::Sheet {
            shared,
            format,
            sheet,
        }),
        (None, _) => Err(Problem::new(Kind::FormWithoutShared)),
        (_, None) => Err(Problem::new(Kind::FormWithoutSheet)),
    }
}

/// A sheet's format from its file name's extension (only the extension is used), else from
/// its media type.
fn sheet_format(file_name: Option<&str>, media_type: Option<&str>) -> Result<SheetFormat, Problem> {
    let by_name = file_name.and_then(|name| SheetFormat::from_path(Path::new(name)));
    let by_type = || match media_type? {
        "text/csv" => Some(SheetFormat::Csv),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" => {
            Some(SheetFormat::Xlsx)
        }
        _ => None,
    };
    by_name
        .or_else(by_type)
        .ok_or_else(|| Problem::new(Kind::SheetPartFormat))
}
