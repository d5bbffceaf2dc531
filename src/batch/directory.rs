//! Wards from a directory: every `.json` file in it is one ward's complete year data, named
//! after the file; a batch file gives the shared data for the roll-up.
//!
//! Only plain files are wards. A `.json` entry that is a link (even to a file in the same
//! folder), a folder, a pipe or a device is refused by name, and so is a file past
//! [`WARD_FILE_MAX`]: the batch stops before any render, listing each, as a clerk would
//! rather fix the folder than get a ZIP missing wards. A file swapped after the listing fails
//! its own ward when it is read ([`read_ward_file`]), without following a link or waiting on
//! a pipe.

use std::fs::{File, FileType};
use std::io::Read;
use std::os::unix::fs::{FileTypeExt, OpenOptionsExt};
use std::path::{Path, PathBuf};

use rustix::fs::OFlags;
use rustix::io::Errno;

use super::input::{Batch, WardEntry};
use crate::errors::{IoReason, Kind, Location, SpecialFile};
use crate::model::DataError;

/// The largest year-data file of one ward: 8 MiB, hundreds of times a real one.
pub const WARD_FILE_MAX: u64 = 8 * 1024 * 1024;

/// Why a directory gives no batch.
#[derive(Debug)]
pub enum DirectoryError {
    /// The directory could not be listed.
    Read(IoReason),
    /// It holds no `.json` file.
    Empty,
    /// Files that cannot be wards, by name: names unusable or clashing, entries that are not
    /// plain files, files past [`WARD_FILE_MAX`].
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

/// The `.json` entries of `dir` that are plain files within [`WARD_FILE_MAX`] (links not
/// followed), in file-name order, and the others as problems, by name.
fn ward_files(dir: &Path) -> Result<(Vec<PathBuf>, Vec<DataError>), DirectoryError> {
    let unreadable = |error: std::io::Error| DirectoryError::Read(IoReason::from(&error));
    let mut files = Vec::new();
    let mut refused = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(unreadable)? {
        let entry = entry.map_err(unreadable)?;
        let path = entry.path();
        if !path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("json"))
        {
            continue;
        }
        // `DirEntry::metadata` does not follow a link: the entry itself.
        let metadata = entry.metadata().map_err(unreadable)?;
        match special(metadata.file_type()) {
            Some(what) => refused.push((path, Kind::NotAPlainFile { what })),
            None if metadata.len() > WARD_FILE_MAX => refused.push((path, too_large())),
            None => files.push(path),
        }
    }
    files.sort();
    refused.sort_by(|a, b| a.0.cmp(&b.0));
    let named = |(path, kind): (PathBuf, Kind)| DataError::new(file_location(&path), kind);
    Ok((files, refused.into_iter().map(named).collect()))
}

/// What an entry is when it is not a plain file.
fn special(file_type: FileType) -> Option<SpecialFile> {
    if file_type.is_symlink() {
        Some(SpecialFile::Link)
    } else if file_type.is_dir() {
        Some(SpecialFile::Folder)
    } else if file_type.is_fifo() {
        Some(SpecialFile::Pipe)
    } else if file_type.is_char_device() || file_type.is_block_device() {
        Some(SpecialFile::Device)
    } else if file_type.is_socket() {
        Some(SpecialFile::Socket)
    } else {
        None
    }
}

fn too_large() -> Kind {
    Kind::WardFileTooLarge {
        limit_mb: (WARD_FILE_MAX / (1024 * 1024)) as usize,
    }
}

/// A file as a problem names it: its name in the folder.
fn file_location(path: &Path) -> Location {
    let name = path.file_name().unwrap_or(path.as_os_str());
    Location::File(name.to_string_lossy().into_owned())
}

/// The bytes of a ward's year-data file, read as the listing found it: a plain file (a link is
/// not followed, a pipe not waited on) of at most [`WARD_FILE_MAX`], read no further than
/// that whatever it grows to.
pub(super) fn read_ward_file(path: &Path) -> Result<Vec<u8>, DataError> {
    let at = || file_location(path);
    let unreadable = |error: std::io::Error| {
        let file = path.display().to_string();
        let reason = IoReason::from(&error);
        DataError::new(at(), Kind::FileUnreadable { file, reason })
    };
    let file = File::options()
        .read(true)
        .custom_flags((OFlags::NOFOLLOW | OFlags::NONBLOCK).bits() as i32)
        .open(path);
    let file = match file {
        Err(error) if error.raw_os_error() == Some(Errno::LOOP.raw_os_error()) => {
            let what = SpecialFile::Link;
            return Err(DataError::new(at(), Kind::NotAPlainFile { what }));
        }
        opened => opened.map_err(unreadable)?,
    };
    let metadata = file.metadata().map_err(unreadable)?;
    if let Some(what) = special(metadata.file_type()) {
        return Err(DataError::new(at(), Kind::NotAPlainFile { what }));
    }
    let mut bytes = Vec::new();
    file.take(WARD_FILE_MAX + 1)
        .read_to_end(&mut bytes)
        .map_err(unreadable)?;
    if bytes.len() as u64 > WARD_FILE_MAX {
        return Err(DataError::new(at(), too_large()));
    }
    Ok(bytes)
}

impl Batch {
    /// The batch of `shared` whose wards are `wards`: each a name and the file of its complete
    /// year data.
    pub fn with_ward_files(shared: Batch, wards: Vec<(String, PathBuf)>) -> Batch {
        let wards = wards
            .into_iter()
            .map(|(name, path)| WardEntry {
                name,
                figures: Default::default(),
                overrides: Default::default(),
                file: Some(path),
            })
            .collect();
        Batch { wards, ..shared }
    }

    /// The batch whose wards are the `.json` files in `dir`, in file-name order, each read
    /// when it renders (so a bad file fails only its ward); `shared` gives the roll-up's data
    /// and shared quantities, and its own `wards` are not used.
    pub fn from_directory(shared: Batch, dir: &Path) -> Result<Batch, DirectoryError> {
        let (files, mut errors) = ward_files(dir)?;
        if files.is_empty() && errors.is_empty() {
            return Err(DirectoryError::Empty);
        }
        let wards = files
            .into_iter()
            .map(|path| {
                let name = path
                    .file_stem()
                    .map(|stem| stem.to_string_lossy().into_owned())
                    .unwrap_or_default();
                (name, path)
            })
            .collect();
        let batch = Batch::with_ward_files(shared, wards);
        let checked = if batch.wards.is_empty() {
            Vec::new()
        } else {
            batch.check()
        };
        if checked.is_empty() && errors.is_empty() {
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
        let checked = checked.into_iter().map(|mut error| {
            if let Kind::SameFileName { other, .. } = &mut error.kind
                && let Some(named) = file(other)
            {
                *other = named;
            }
            DataError::new(file(&error.at).unwrap_or(error.at), error.kind)
        });
        errors.extend(checked);
        Err(DirectoryError::Names { errors })
    }
}
