//! Wards from a directory: every `.json` file in it is one ward's complete year data, named
//! after the file; a batch file gives the shared data for the roll-up.

use std::path::Path;

use super::input::{Batch, WardEntry};
use crate::errors::{IoReason, Kind, Location};
use crate::model::DataError;

/// Why a directory gives no batch.
#[derive(Debug)]
pub enum DirectoryError {
    /// The directory could not be listed.
    Read(IoReason),
    /// It holds no `.json` file.
    Empty,
    /// The file names give the wards unusable or clashing names.
    Names { errors: Vec<DataError> },
}

impl DirectoryError {
    /// What is wrong, as a whole.
    pub fn kind(&self, dir: &Path) -> Kind {
        match self {
            DirectoryError::Read(reason) => Kind::FileUnreadable {
                file: dir.display().to_string(),
                reason: *reason,
            },
            DirectoryError::Empty => Kind::DirectoryEmpty,
            DirectoryError::Names { errors } => Kind::DirectoryProblems {
                count: errors.len(),
            },
        }
    }
}

impl Batch {
    /// The batch whose wards are the `.json` files in `dir`, in file-name order, each read
    /// when it renders (so a bad file fails only its ward); `shared` gives the roll-up's data
    /// and shared quantities, and its own `wards` are not used.
    pub fn from_directory(shared: Batch, dir: &Path) -> Result<Batch, DirectoryError> {
        let unreadable = |error: std::io::Error| DirectoryError::Read(IoReason::from(&error));
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .map_err(unreadable)?
            .map(|entry| entry.map(|entry| entry.path()))
            .collect::<Result<_, _>>()
            .map_err(unreadable)?;
        files.retain(|path| {
            path.is_file()
                && path
                    .extension()
                    .is_some_and(|e| e.eq_ignore_ascii_case("json"))
        });
        files.sort();
        if files.is_empty() {
            return Err(DirectoryError::Empty);
        }
        let wards = files
            .into_iter()
            .map(|path| WardEntry {
                name: path
                    .file_stem()
                    .map(|stem| stem.to_string_lossy().into_owned())
                    .unwrap_or_default(),
                figures: Default::default(),
                overrides: Default::default(),
                file: Some(path),
            })
            .collect();
        let batch = Batch { wards, ..shared };
        let errors = batch.check();
        if errors.is_empty() {
            return Ok(batch);
        }
        // `$.wards[3].name: …` becomes `phuong-an-my.json: …`.
        let file = |location: &Location| match location {
            Location::Json(path) => path
                .strip_prefix("$.wards[")
                .and_then(|rest| rest.split(']').next()?.parse::<usize>().ok())
                .and_then(|index| batch.wards[index].file.as_deref()?.file_name())
                .map(|name| Location::File(name.to_string_lossy().into_owned())),
            _ => None,
        };
        let errors = errors
            .into_iter()
            .map(|mut error| {
                if let Kind::SameFileName { other, .. } = &mut error.kind
                    && let Some(named) = file(other)
                {
                    *other = named;
                }
                DataError::new(file(&error.at).unwrap_or(error.at), error.kind)
            })
            .collect();
        Err(DirectoryError::Names { errors })
    }
}
