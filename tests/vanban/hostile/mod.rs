//! The hostile-input corpus (issue 14): inputs shaped to exhaust memory, pin a renderer or
//! reach a file they should not. Each case is built by its test (never stored as gigabytes)
//! and asserts a refusal, or a result within a generous time and peak-memory cap that only a
//! regression can reach.

mod batches;
mod connections;
mod documents;
pub(crate) mod files;
mod renderers;
mod sheets;
