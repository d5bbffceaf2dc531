//! The process's limit on open files, which bounds the connections it can hold.

/// Raises the soft limit on open files to the hard one, and returns the connections the
/// server may hold: `wanted`, or fewer when the limit leaves less than `reserved`
/// descriptors for the rest (at least one).
pub fn connection_cap(wanted: usize, reserved: u64) -> usize {
    let Some(open_files) = raise_open_files() else {
        return wanted.max(1);
    };
    let room = usize::try_from(open_files.saturating_sub(reserved)).unwrap_or(usize::MAX);
    if room < wanted {
        tracing::warn!(
            wanted,
            open_files,
            cap = room.max(1),
            "the limit on open files caps the connections below --max-connections"
        );
    }
    wanted.min(room).max(1)
}

/// The soft limit on open files after raising it to the hard limit; `None` where it cannot
/// be read.
#[cfg(unix)]
fn raise_open_files() -> Option<u64> {
    let mut limit = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: getrlimit writes the limit into `limit`, which lives through the call.
    if unsafe { libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit) } != 0 {
        return None;
    }
    if limit.rlim_cur < limit.rlim_max {
        let raised = libc::rlimit {
            rlim_cur: limit.rlim_max,
            rlim_max: limit.rlim_max,
        };
        // SAFETY: setrlimit only reads `raised`, which lives through the call.
        if unsafe { libc::setrlimit(libc::RLIMIT_NOFILE, &raised) } == 0 {
            limit = raised;
        }
    }
    Some(limit.rlim_cur)
}

#[cfg(not(unix))]
fn raise_open_files() -> Option<u64> {
    None
}
