//! vanban: official Vietnamese documents (Decree 30/2020/NĐ-CP) from a year of structured data.
//!
//! Data flows one way: JSON → [`model`] (typed, validated) → [`template`] (Typst markup, every
//! value escaped) → [`typeset`] (Typst in-process) → [`pdf`]. The [`engine`] holds the parts
//! that are built once and renders documents on any thread.

pub mod batch;
pub mod context;
pub mod digest;
pub mod engine;
pub mod errors;
pub mod fields;
pub mod model;
pub mod pdf;
pub mod request;
pub mod server;
pub mod store;
pub mod template;
pub mod typeset;
pub mod vn;

pub use engine::{DocumentKind, Engine, EngineOptions, RenderError, Rendered, SetupError};
