//! Writing results: files atomically (a temporary file renamed into place), or standard output;
//! and lines to standard error, which may be closed.

use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, Once};

use tempfile::NamedTempFile;

use super::{Failure, temporary};

/// The default output for `input`: its file name's stem (or "vanban" for standard input)
/// followed by `ending`, in the current directory: `tam-ky-2022.json`, "-report.pdf" →
/// `tam-ky-2022-report.pdf`.
pub fn default_output(input: &Path, ending: &str) -> PathBuf {
    let stem = input
        .file_stem()
        .and_then(|s| s.to_str())
        .filter(|s| *s != "-")
        .unwrap_or("vanban");
    PathBuf::from(format!("{stem}{ending}"))
}

/// Writes `bytes` to `path` so that `path` holds either its old content or all of the new one:
/// the bytes go to a temporary file in the same directory, which is then renamed.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), Failure> {
    let mut file = AtomicFile::create(path)?;
    file.file()
        .write_all(bytes)
        .map_err(|error| file.failure(error))?;
    file.commit()
}

/// The temporary files being written, removed on an interrupt.
static IN_FLIGHT: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// On Ctrl-C or SIGTERM, removes the temporary files being written and exits with 130, so that
/// an interrupted run leaves nothing behind.
fn remove_temporary_files_on_interrupt() {
    static HANDLER: Once = Once::new();
    HANDLER.call_once(|| {
        // Should the handler fail to install, the target still never holds a partial file.
        let _ = ctrlc::set_handler(|| {
            for path in in_flight().iter() {
                let _ = std::fs::remove_file(path);
            }
            std::process::exit(130);
        });
    });
}

fn in_flight() -> std::sync::MutexGuard<'static, Vec<PathBuf>> {
    IN_FLIGHT.lock().unwrap_or_else(|e| e.into_inner())
}

/// A file written under a temporary name in the target's directory (see [`temporary`]) and
/// renamed to the target by [`AtomicFile::commit`]; dropped uncommitted, it is removed. The
/// target never holds a partial file, even when the process is killed, and the temporary file
/// is created exclusively, so a link planted in the directory is never written through.
pub struct AtomicFile {
    target: PathBuf,
    file: Option<NamedTempFile>,
}

impl AtomicFile {
    /// Creates the temporary file for `target`, after removing those killed runs left in its
    /// directory.
    pub fn create(target: &Path) -> Result<Self, Failure> {
        remove_temporary_files_on_interrupt();
        let directory = match target.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent,
            _ => Path::new("."),
        };
        temporary::remove_stale(directory);
        let mut in_flight = in_flight();
        let file =
            temporary::create(directory).map_err(|error| Failure::unwritable(target, &error))?;
        in_flight.push(file.path().to_owned());
        Ok(AtomicFile {
            target: target.to_owned(),
            file: Some(file),
        })
    }

    /// The temporary file, to write to.
    pub fn file(&mut self) -> &mut File {
        self.file
            .as_mut()
            .expect("open until committed")
            .as_file_mut()
    }

    /// An I/O failure writing the target.
    pub fn failure(&self, error: std::io::Error) -> Failure {
        Failure::unwritable(&self.target, &error)
    }

    /// Flushes the file to disk and renames it to the target.
    pub fn commit(mut self) -> Result<(), Failure> {
        let file = self.file.take().expect("open until committed");
        let temporary = file.path().to_owned();
        let mut in_flight = in_flight();
        // Dropped on failure, the temporary file is removed.
        let result = match file.as_file().sync_all() {
            Ok(()) => file.persist(&self.target).map(drop).map_err(|e| e.error),
            Err(error) => Err(error),
        };
        in_flight.retain(|path| *path != temporary);
        result.map_err(|error| self.failure(error))
    }
}

impl Drop for AtomicFile {
    fn drop(&mut self) {
        if let Some(file) = self.file.take() {
            let mut in_flight = in_flight();
            in_flight.retain(|path| path != file.path());
            drop(file);
        }
    }
}

/// Writes `bytes` to standard output. A closed pipe (`vanban … | head`) is not an error.
pub fn stdout(bytes: &[u8]) -> Result<(), Failure> {
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Err(error) if error.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(Failure::unwritable(Path::new("-"), &error))
        }
        _ => Ok(()),
    }
}

/// Writes a line to standard error. A closed standard error is not a failure of its own: the
/// line is lost and the command ends with its own exit code.
pub fn stderr_line(line: std::fmt::Arguments) {
    let _ = writeln!(std::io::stderr().lock(), "{line}");
}
