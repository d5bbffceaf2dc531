//! A failed command: its problem, the problems one by one and hints, said in the user's
//! language, and its exit code.

use std::path::Path;

use vanban::errors::{Class, DataError, Hint, IoReason, Kind, Language};
use vanban::fields::ReadError;
use vanban::model::InvalidData;
use vanban::{RenderError, SetupError};

/// What went wrong, printed as `error: …`, one indented line per problem, `caused by: …` and
/// `hint: …` lines. Boxed: it travels in every `Result`.
#[derive(Debug)]
pub struct Failure(Box<Details>);

#[derive(Debug)]
struct Details {
    /// The file the problem is in.
    file: Option<String>,
    kind: Kind,
    class: Class,
    details: Vec<DataError>,
    /// Reports of other programs, printed as they are: Typst's diagnostics, the causes of an
    /// I/O or setup failure.
    notes: Vec<String>,
    hints: Vec<Hint>,
}

impl From<Kind> for Failure {
    fn from(kind: Kind) -> Self {
        Failure(Box::new(Details {
            file: None,
            class: kind.class(),
            hints: kind.hint().into_iter().collect(),
            kind,
            details: Vec::new(),
            notes: Vec::new(),
        }))
    }
}

impl Failure {
    /// Says which file the problem is in.
    pub fn in_file(mut self, file: &Path) -> Self {
        self.0.file = Some(file.display().to_string());
        self
    }

    /// Adds the problems one by one.
    pub fn details(mut self, details: &[DataError]) -> Self {
        self.0.details.extend_from_slice(details);
        self
    }

    /// The data in `input` is not valid year data.
    pub fn data(input: &Path, error: InvalidData) -> Self {
        Failure::from(error.kind())
            .in_file(input)
            .details(error.errors())
    }

    /// The batch file `input` is not a valid batch.
    pub fn batch_data(input: &Path, error: InvalidData) -> Self {
        Failure::from(error.batch_kind())
            .in_file(input)
            .details(error.errors())
    }

    /// Rendering `input` failed.
    pub fn render(input: &Path, error: RenderError) -> Self {
        let mut failure = Failure::from(error.kind());
        failure.0.class = error.class();
        match error {
            RenderError::Data(error) => return Failure::data(input, error),
            RenderError::Typst { diagnostics } => {
                for (index, diagnostic) in diagnostics.iter().enumerate() {
                    if index > 0 {
                        failure.0.notes.push(format!("  {diagnostic}"));
                    }
                    let hints = diagnostic.hints.iter().map(|hint| format!("hint: {hint}"));
                    failure.0.notes.extend(hints);
                }
            }
            other => failure.caused_by(&other),
        }
        failure
    }

    /// A PDF whose signature fields could not be listed: not a readable PDF, or past a limit.
    pub fn pdf(input: &Path, error: ReadError) -> Self {
        let failure = Failure::from(error.kind()).in_file(input);
        match error {
            ReadError::Pdf(_) | ReadError::BadRect(_) => failure.because(error),
            _ => failure,
        }
    }

    /// Templates or fonts could not be loaded: the templates' fault, or the machine's.
    pub fn setup(error: SetupError) -> Self {
        let template = matches!(
            error,
            SetupError::Template(vanban::template::TemplateError::Template { .. })
        );
        let mut failure = Failure::from(Kind::Template {
            detail: error.to_string(),
        });
        if !template {
            failure.0.kind = Kind::Internal;
            failure.0.class = Class::Internal;
        }
        failure.caused_by(&error);
        failure
    }

    /// `file` could not be read (`-`: standard input).
    pub fn unreadable(file: &Path, error: &std::io::Error) -> Self {
        let file = file.display().to_string();
        let reason = IoReason::from(error);
        Failure::from(Kind::FileUnreadable { file, reason })
    }

    /// `file` could not be written (`-`: standard output).
    pub fn unwritable(file: &Path, error: &std::io::Error) -> Self {
        let file = file.display().to_string();
        let reason = IoReason::from(error);
        Failure::from(Kind::CannotWrite { file, reason })
    }

    /// Something that should not happen, and its cause.
    pub fn internal(cause: impl std::fmt::Display) -> Self {
        Failure::from(Kind::Internal).because(cause)
    }

    /// Adds a `caused by:` line.
    pub fn because(mut self, cause: impl std::fmt::Display) -> Self {
        self.0.notes.push(format!("caused by: {cause}"));
        self
    }

    /// Adds the chain of errors under `error` as `caused by:` lines, and `error` itself first
    /// when the problem says no more than "internal error".
    fn caused_by(&mut self, error: &dyn std::error::Error) {
        if self.0.kind == Kind::Internal {
            self.0.notes.push(format!("caused by: {error}"));
        }
        let mut source = error.source();
        while let Some(cause) = source {
            self.0.notes.push(format!("caused by: {cause}"));
            source = cause.source();
        }
    }

    /// Prints the failure to standard error in `language`.
    pub fn print(&self, language: Language) {
        let problem = self.0.kind.say(language);
        match &self.0.file {
            Some(file) => stderr!("error: {file}: {problem}"),
            None => stderr!("error: {problem}"),
        }
        for detail in &self.0.details {
            stderr!("  {}", detail.say(language));
        }
        for note in &self.0.notes {
            stderr!("{note}");
        }
        for hint in &self.0.hints {
            stderr!("hint: {}", hint.say(language));
        }
    }

    /// 1 when the data or a template is at fault (the user's input: the command line's
    /// user supplies both), 2 for a request that cannot be run and for the machine's faults.
    pub fn exit_code(&self) -> u8 {
        match self.0.class {
            Class::Data | Class::Template => 1,
            Class::Request | Class::Internal => 2,
        }
    }
}
