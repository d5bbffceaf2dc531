//! Names of the temporary files vanban writes results to, and the removal of those a killed
//! run left behind.
//!
//! A temporary file is named `.vanban-<pid>-<random>.tmp` (`<pid>` the writing process's id in
//! decimal, `<random>` eight letters or digits) and created exclusively (`O_EXCL`: never
//! through a planted link). Before writing in a directory, vanban removes the regular files
//! there named exactly so whose process no longer runs; any other file, and a file of a running
//! process, stays.

use std::fs::{self, Permissions};
use std::io;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use tempfile::{Builder, NamedTempFile};

/// What every temporary file's name starts with, before the process id.
const PREFIX: &str = ".vanban-";
/// What every temporary file's name ends with.
const SUFFIX: &str = ".tmp";
/// How many random letters or digits follow the process id.
const RANDOM_CHARACTERS: usize = 8;

/// Creates a new temporary file in `directory`, exclusively, readable as the user's umask
/// lets a new file be (the result keeps these permissions once renamed).
pub fn create(directory: &Path) -> io::Result<NamedTempFile> {
    let prefix = format!("{PREFIX}{}-", std::process::id());
    Builder::new()
        .prefix(&prefix)
        .suffix(SUFFIX)
        .rand_bytes(RANDOM_CHARACTERS)
        .permissions(Permissions::from_mode(0o666))
        .tempfile_in(directory)
}

/// Removes the temporary files in `directory` left by vanban processes that no longer run.
/// Best effort: a directory or file that cannot be read or removed is left as it is.
pub fn remove_stale(directory: &Path) {
    let Ok(entries) = fs::read_dir(directory) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(pid) = name.to_str().and_then(writer_pid) else {
            continue;
        };
        // `file_type` does not follow links: a link named like a temporary file is not ours.
        let regular = entry.file_type().is_ok_and(|kind| kind.is_file());
        if regular && !is_running(pid) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// The id of the process that wrote the temporary file `name`, when `name` is exactly a
/// temporary file's name.
fn writer_pid(name: &str) -> Option<i32> {
    let rest = name.strip_prefix(PREFIX)?.strip_suffix(SUFFIX)?;
    let (pid, random) = rest.split_once('-')?;
    let random_ok =
        random.len() == RANDOM_CHARACTERS && random.bytes().all(|b| b.is_ascii_alphanumeric());
    let pid_ok = !pid.is_empty() && pid.bytes().all(|b| b.is_ascii_digit());
    if !(random_ok && pid_ok) {
        return None;
    }
    pid.parse().ok().filter(|&pid| pid > 0)
}

/// Whether process `pid` runs (or may run: one we may not signal counts as running).
fn is_running(pid: i32) -> bool {
    // SAFETY: signal 0 checks that `pid` exists and sends nothing; `pid > 0` names one
    // process, never a group.
    let checked = unsafe { libc::kill(pid, 0) };
    checked == 0 || io::Error::last_os_error().raw_os_error() != Some(libc::ESRCH)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_names_made_by_vanban_are_recognised() {
        assert_eq!(writer_pid(".vanban-123-aB3dE6gH.tmp"), Some(123));
        for other in [
            "vanban-123-aB3dE6gH.tmp",
            ".vanban-123-aB3dE6g.tmp",
            ".vanban-123-aB3dE6gHi.tmp",
            ".vanban-12a-aB3dE6gH.tmp",
            ".vanban--aB3dE6gH.tmp",
            ".vanban-0-aB3dE6gH.tmp",
            ".vanban-123-aB3d.6gH.tmp",
            ".vanban-123-aB3dE6gH.tmp.pdf",
            ".report.pdf.123.tmp",
        ] {
            assert_eq!(writer_pid(other), None, "{other}");
        }
    }
}
