//! The batch's ZIP, written so that equal input gives equal bytes: entries in the order
//! given, every timestamp 1980-01-01 00:00, fixed permissions. PDFs are stored as they are
//! (their streams are compressed already); other entries are deflated.
//!
//! The ZIP is streamed: each entry's sizes and checksum follow its data (a data descriptor)
//! instead of being patched into its header, so the output never needs to seek and can be a
//! pipe or an HTTP response as well as a file.
//!
//! A ZIP dropped before [`Archive::finish`] (a batch that stopped: its client went away, a
//! ward failed with `--strict`), or whose output failed, writes nothing more: the `zip` crate
//! would finish it on drop and print to standard error when that fails, a fragment without a
//! newline that a server's log must not get.

use std::io::{self, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use zip::write::{SimpleFileOptions, StreamWriter};
use zip::{CompressionMethod, DateTime, ZipWriter};

/// A ZIP being written.
pub struct Archive<W: Write> {
    // Fields drop in order: the gate closes before the writer's own drop can write.
    gate: CloseOnDrop,
    zip: ZipWriter<StreamWriter<Gate<W>>>,
}

impl<W: Write> Archive<W> {
    /// Starts a ZIP on `out`.
    pub fn new(out: W) -> Self {
        let open = Arc::new(AtomicBool::new(true));
        Archive {
            gate: CloseOnDrop(open.clone()),
            zip: ZipWriter::new_stream(Gate { out, open }),
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
        let Archive { gate, zip } = self;
        let out = zip.finish()?.into_inner().out;
        drop(gate);
        Ok(out)
    }
}

/// The output, until the archive is dropped unfinished or a write to the output fails (that
/// error is returned): from then on, what the ZIP writer writes is discarded.
struct Gate<W> {
    out: W,
    open: Arc<AtomicBool>,
}

impl<W> Gate<W> {
    /// `write` on the output while the gate is open, else `discarded`; an error closes it.
    fn pass<T>(
        &mut self,
        discarded: T,
        write: impl FnOnce(&mut W) -> io::Result<T>,
    ) -> io::Result<T> {
        if !self.open.load(Ordering::Relaxed) {
            return Ok(discarded);
        }
        write(&mut self.out).inspect_err(|_| self.open.store(false, Ordering::Relaxed))
    }
}

impl<W: Write> Write for Gate<W> {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.pass(bytes.len(), |out| out.write(bytes))
    }

    fn flush(&mut self) -> io::Result<()> {
        self.pass((), Write::flush)
    }
}

/// Closes its gate when dropped.
struct CloseOnDrop(Arc<AtomicBool>);

impl Drop for CloseOnDrop {
    fn drop(&mut self) {
        self.0.store(false, Ordering::Relaxed);
    }
}

#[cfg(test)]
mod tests {
    use std::cell::Cell;
    use std::rc::Rc;

    use super::*;

    /// An output that takes `room` bytes, then fails; it counts the writes tried.
    struct Full {
        room: usize,
        tries: Rc<Cell<usize>>,
    }

    impl Write for Full {
        fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
            self.tries.set(self.tries.get() + 1);
            let taken = bytes.len().min(self.room);
            self.room -= taken;
            match taken {
                0 => Err(io::ErrorKind::BrokenPipe.into()),
                _ => Ok(taken),
            }
        }

        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn an_output_that_failed_gets_nothing_more() {
        let tries = Rc::new(Cell::new(0));
        let mut archive = Archive::new(Full {
            room: 100,
            tries: tries.clone(),
        });
        assert!(archive.add("a.pdf", &[0; 1000]).is_err());
        let tried = tries.get();
        // Dropped unfinished, the writer would write the central directory, fail, and print.
        drop(archive);
        assert_eq!(tries.get(), tried);
    }

    #[test]
    fn an_unfinished_archive_writes_nothing_when_dropped() {
        let tries = Rc::new(Cell::new(0));
        let mut archive = Archive::new(Full {
            room: usize::MAX,
            tries: tries.clone(),
        });
        archive.add("a.pdf", &[0; 1000]).unwrap();
        let tried = tries.get();
        drop(archive);
        assert_eq!(tries.get(), tried);

        let mut archive = Archive::new(Vec::new());
        archive.add("a.pdf", &[0; 1000]).unwrap();
        let zip = archive.finish().unwrap();
        assert_eq!(&zip[zip.len() - 22..zip.len() - 18], b"PK\x05\x06");
    }
}
