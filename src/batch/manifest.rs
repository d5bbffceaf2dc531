//! `manifest.json`: what the ZIP holds, ward by ward, with a SHA-256 per file, and for a failed
//! ward its errors with their JSON paths.

use serde::Serialize;

use crate::Rendered;
use crate::digest::sha256_hex;
use crate::errors::Item;

/// The whole batch.
#[derive(Debug, Serialize)]
pub struct Manifest {
    /// The year under review.
    pub year: i32,
    /// "vanban 0.1.0".
    pub generator: &'static str,
    /// Every ward in the batch's order.
    pub wards: Vec<WardEntry>,
    /// The city's roll-up report.
    pub rollup: FileEntry,
}

/// One ward: its files, or why it has none.
#[derive(Debug, Serialize)]
pub struct WardEntry {
    /// "Phường An Mỹ".
    pub name: String,
    /// "ok" or "failed".
    pub status: &'static str,
    /// Its documents, in ZIP order.
    pub files: Vec<FileEntry>,
    /// What is wrong with its data, in English; empty when it rendered.
    pub errors: Vec<Item>,
}

/// One file in the ZIP.
#[derive(Debug, Clone, Serialize)]
pub struct FileEntry {
    /// Its name in the ZIP.
    pub file: String,
    /// "report" or "agreement".
    pub kind: &'static str,
    /// Its page count.
    pub pages: usize,
    /// Its size.
    pub bytes: usize,
    /// Its SHA-256, in lowercase hex.
    pub sha256: String,
}

impl FileEntry {
    /// Describes `rendered`, stored as `file`.
    pub fn new(file: &str, kind: &'static str, rendered: &Rendered) -> Self {
        FileEntry {
            file: file.to_owned(),
            kind,
            pages: rendered.pages,
            bytes: rendered.pdf.len(),
            sha256: sha256_hex(&rendered.pdf),
        }
    }
}
