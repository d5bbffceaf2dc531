//! The batch's ZIP, written so that equal input gives equal bytes: entries in the order
//! given, every timestamp 1980-01-01 00:00, fixed permissions. PDFs are stored as they are
//! (their streams are compressed already); other entries are deflated.
//!
//! The ZIP is streamed: each entry's sizes and checksum follow its data (a data descriptor)
//! instead of being patched into its header, so the output never needs to seek and can be a
//! pipe or an HTTP response as well as a file.

use std::io::Write;

use zip::write::{SimpleFileOptions, StreamWriter};
use zip::{CompressionMethod, DateTime, ZipWriter};

/// A ZIP being written.
pub struct Archive<W: Write> {
    zip: ZipWriter<StreamWriter<W>>,
}

impl<W: Write> Archive<W> {
    /// Starts a ZIP on `out`.
    pub fn new(out: W) -> Self {
        Archive {
            zip: ZipWriter::new_stream(out),
        }
    }

    /// Adds the entry `name` holding `bytes`.
    pub fn add(&mut self, name: &str, bytes: &[u8]) -> zip::result::ZipResult<()> {
        let method = if name.ends_with(".pdf") {
            CompressionMethod::Stored
        } else {
            CompressionMethod::Deflated
        };
        let options = SimpleFileOptions::default()
            .compression_method(method)
            .last_modified_time(DateTime::DEFAULT)
            .unix_permissions(0o644);
        self.zip.start_file(name, options)?;
        self.zip.write_all(bytes)?;
        Ok(())
    }

    /// Writes the central directory and returns the output.
    pub fn finish(self) -> zip::result::ZipResult<W> {
        Ok(self.zip.finish()?.into_inner())
    }
}
