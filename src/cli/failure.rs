//! A failed command: its message, causes and hints as printed, and its exit code.

use std::path::Path;

use vanban::model::InvalidData;
use vanban::{RenderError, SetupError};

/// What went wrong, said as `error: …`, `caused by: …` and `hint: …` lines.
#[derive(Debug)]
pub struct Failure {
    message: String,
    /// One line per problem (data errors, Typst diagnostics), printed indented.
    details: Vec<String>,
    /// The chain of underlying errors, printed as `caused by:`.
    causes: Vec<String>,
    hints: Vec<String>,
    bad_input: bool,
}

impl Failure {
    fn new(message: impl Into<String>, bad_input: bool) -> Self {
        Failure {
            message: message.into(),
            details: Vec::new(),
            causes: Vec::new(),
            hints: Vec::new(),
            bad_input,
        }
    }

    /// Bad input described by `message` alone (exit code 1).
    pub fn bad_input(message: impl Into<String>) -> Self {
        Failure::new(message, true)
    }

    /// Output that could not be written, described by `message` (exit code 2).
    pub fn output(message: impl Into<String>) -> Self {
        Failure::new(message, false)
    }

    /// Adds one indented line per problem.
    pub fn details(mut self, details: Vec<String>) -> Self {
        self.details.extend(details);
        self
    }

    /// Adds a `hint:` line.
    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hints.push(hint.into());
        self
    }

    /// The data in `input` is not valid year data.
    pub fn data(input: &Path, error: InvalidData) -> Self {
        let mut failure = Failure::new(format!("{}: {error}", input.display()), true);
        match error {
            InvalidData::Fields { errors } => {
                failure.details = errors.iter().map(ToString::to_string).collect();
                failure
                    .hints
                    .push("`vanban schema` prints every field with its type".into());
            }
            InvalidData::Syntax { .. } | InvalidData::NotUtf8 { .. } => {
                failure
                    .hints
                    .push("the input must be a JSON document in UTF-8".into());
            }
        }
        failure
    }

    /// Rendering `input` failed.
    pub fn render(input: &Path, error: RenderError) -> Self {
        match error {
            RenderError::Data(error) => Failure::data(input, error),
            RenderError::Template(error) => Failure::new(format!("template error: {error}"), true),
            RenderError::Typst { diagnostics } => {
                let mut failure = Failure::new("typesetting failed", true);
                for diagnostic in diagnostics {
                    failure.details.push(diagnostic.to_string());
                    failure.hints.extend(diagnostic.hints);
                }
                failure
            }
            RenderError::SigningSpace(error) => Failure::new(error.to_string(), true),
            RenderError::SignatureFields(error) => {
                Failure::new(error.to_string(), false).caused_by(&error)
            }
        }
    }

    /// A file that is not a readable PDF.
    pub fn pdf(input: &Path, error: impl std::fmt::Display) -> Self {
        Failure::new(format!("{}: {error}", input.display()), true)
    }

    /// Templates or fonts could not be loaded.
    pub fn setup(error: SetupError) -> Self {
        let bad_input = matches!(
            error,
            SetupError::Template(vanban::template::TemplateError::Template { .. })
        );
        Failure::new(error.to_string(), bad_input).caused_by(&error)
    }

    /// Adds the chain of errors under `error` as `caused by:` lines.
    fn caused_by(mut self, error: &dyn std::error::Error) -> Self {
        let mut source = error.source();
        while let Some(cause) = source {
            self.causes.push(cause.to_string());
            source = cause.source();
        }
        self
    }

    /// An I/O error.
    pub fn io(message: impl Into<String>, error: std::io::Error) -> Self {
        let mut failure = Failure::new(message, false);
        failure.causes.push(error.to_string());
        failure
    }

    /// A wrong combination of arguments.
    pub fn usage(message: impl Into<String>) -> Self {
        Failure::new(message, false)
    }

    /// Something that should not happen.
    pub fn internal(message: impl Into<String>) -> Self {
        Failure::new(format!("internal error: {}", message.into()), false)
    }

    /// Prints the failure to standard error.
    pub fn print(&self) {
        eprintln!("error: {}", self.message);
        for detail in &self.details {
            eprintln!("  {detail}");
        }
        for cause in &self.causes {
            eprintln!("caused by: {cause}");
        }
        for hint in &self.hints {
            eprintln!("hint: {hint}");
        }
    }

    /// 1 when the user's input (data or templates) was bad, 2 otherwise.
    pub fn exit_code(&self) -> u8 {
        if self.bad_input { 1 } else { 2 }
    }
}
