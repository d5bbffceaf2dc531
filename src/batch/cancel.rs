//! Stopping a batch from outside: a server whose client has gone away tells its batch to stop.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

/// Tells a running batch to stop. Clones share one flag: whoever started the batch keeps a
/// clone and calls [`Cancel::cancel`]; the batch looks at it between wards and documents and
/// stops with [`BatchError::Cancelled`](super::BatchError::Cancelled).
#[derive(Debug, Clone, Default)]
pub struct Cancel(Arc<AtomicBool>);

impl Cancel {
    /// Asks the batch to stop.
    pub fn cancel(&self) {
        self.0.store(true, Ordering::Relaxed);
    }

    /// Whether the batch was asked to stop.
    pub fn is_cancelled(&self) -> bool {
        self.0.load(Ordering::Relaxed)
    }
}
