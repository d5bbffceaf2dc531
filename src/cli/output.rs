//! Writing results: files atomically (a temporary file renamed into place), or standard output.

use std::io::Write;
use std::path::Path;

use super::Failure;

/// Writes `bytes` to `path` so that `path` holds either its old content or all of the new one:
/// the bytes go to a temporary file in the same directory, which is then renamed.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), Failure> {
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("output");
    let temporary = path.with_file_name(format!(".{name}.{}.tmp", std::process::id()));
    let result = std::fs::File::create(&temporary)
        .and_then(|mut file| {
            file.write_all(bytes)?;
            file.sync_all()
        })
        .and_then(|()| std::fs::rename(&temporary, path));
    result.map_err(|error| {
        let _ = std::fs::remove_file(&temporary);
        Failure::io(format!("cannot write {}", path.display()), error)
    })
}

/// Writes `bytes` to standard output. A closed pipe (`vanban … | head`) is not an error.
pub fn stdout(bytes: &[u8]) -> Result<(), Failure> {
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Err(error) if error.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(Failure::io("cannot write to standard output", error))
        }
        _ => Ok(()),
    }
}
