//! Integration tests: the real binary on the bundled sample, and PDFs read back with poppler.

mod bad_input;
mod escaping;
mod layout;
mod report;
mod snapshot;
mod support;
