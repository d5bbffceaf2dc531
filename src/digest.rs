//! SHA-256 digests written as lower-case hexadecimal: the manifest's files, the register's
//! PDFs, and how tokens and sessions are stored.

use sha2::{Digest, Sha256};

/// The SHA-256 of `bytes`, in hexadecimal.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}
