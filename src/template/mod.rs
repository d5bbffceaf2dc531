//! The minijinja environment that turns year data into Typst markup.
//!
//! Built-in templates are embedded in the binary; `--templates DIR` replaces any of them with a
//! file of the same name. Every value a template prints is escaped as literal Typst text unless
//! the template marks it `|safe`.

mod escape;
mod filters;
mod readings;

use std::path::{Path, PathBuf};

use minijinja::{AutoEscape, Environment, UndefinedBehavior, Value};

pub(crate) use escape::beside_spaced_dash;
pub use escape::{escape_markup, string_literal};
pub use filters::format_quantity;
pub use readings::readings;

/// The auto-escape mode name used for Typst templates.
const TYPST_ESCAPE: &str = "typst";

/// The templates shipped with vanban: document templates (`*.typ.j2`) and the Typst house
/// style they import (`*.typ`).
pub const BUILTIN: &[(&str, &str)] = &[
    ("house.typ", include_str!("../../templates/house.typ")),
    (
        "report.typ.j2",
        include_str!("../../templates/report.typ.j2"),
    ),
    (
        "agreement.typ.j2",
        include_str!("../../templates/agreement.typ.j2"),
    ),
];

/// A template problem, located by file and line.
#[derive(Debug, thiserror::Error)]
pub enum TemplateError {
    /// A template directory or file could not be read.
    #[error("cannot read templates from {}", path.display())]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// minijinja rejected or failed a template.
    #[error("{location}: {message}")]
    Template { location: String, message: String },
}

impl From<minijinja::Error> for TemplateError {
    fn from(error: minijinja::Error) -> Self {
        let location = match (error.name(), error.line()) {
            (Some(name), Some(line)) => format!("{name}:{line}"),
            (Some(name), None) => name.to_owned(),
            _ => "template".to_owned(),
        };
        let message = match error.detail() {
            Some(detail) => format!("{}: {detail}", error.kind()),
            None => error.kind().to_string(),
        };
        TemplateError::Template { location, message }
    }
}

/// The loaded template set: a minijinja environment and the Typst modules templates import.
pub struct Templates {
    env: Environment<'static>,
    typst_modules: Vec<(String, String)>,
}

impl Templates {
    /// Loads the built-in templates, with same-named files from `overrides` replacing them and
    /// other `*.typ`/`*.typ.j2` files there added.
    pub fn load(overrides: Option<&Path>) -> Result<Self, TemplateError> {
        let mut files: Vec<(String, String)> = BUILTIN
            .iter()
            .map(|(name, text)| ((*name).to_owned(), (*text).to_owned()))
            .collect();
        if let Some(dir) = overrides {
            for (name, text) in read_dir(dir)? {
                match files.iter_mut().find(|(existing, _)| *existing == name) {
                    Some(slot) => slot.1 = text,
                    None => files.push((name, text)),
                }
            }
        }

        let mut env = new_environment();
        let mut typst_modules = Vec::new();
        for (name, text) in files {
            if name.ends_with(".typ.j2") {
                env.add_template_owned(name, text)?;
            } else {
                typst_modules.push((name, text));
            }
        }
        Ok(Templates { env, typst_modules })
    }

    /// Renders the document template `name` (e.g. `report.typ.j2`) with `context`.
    pub fn render(&self, name: &str, context: Value) -> Result<String, TemplateError> {
        Ok(self.env.get_template(name)?.render(context)?)
    }

    /// The Typst modules (`house.typ`, …) as (file name, source) pairs.
    pub fn typst_modules(&self) -> &[(String, String)] {
        &self.typst_modules
    }
}

/// Reads the `*.typ` and `*.typ.j2` files of a directory (not recursively).
fn read_dir(dir: &Path) -> Result<Vec<(String, String)>, TemplateError> {
    let error = |source| TemplateError::Read {
        path: dir.to_owned(),
        source,
    };
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(error)? {
        let path = entry.map_err(error)?.path();
        let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        if name.ends_with(".typ") || name.ends_with(".typ.j2") {
            let text = std::fs::read_to_string(&path).map_err(|source| TemplateError::Read {
                path: path.clone(),
                source,
            })?;
            files.push((name.to_owned(), text));
        }
    }
    files.sort();
    Ok(files)
}

fn new_environment() -> Environment<'static> {
    let mut env = Environment::new();
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    env.set_auto_escape_callback(|name| {
        if name.ends_with(".typ.j2") {
            AutoEscape::Custom(TYPST_ESCAPE.into())
        } else {
            AutoEscape::None
        }
    });
    env.set_formatter(|out, state, value| {
        if !matches!(state.auto_escape(), AutoEscape::Custom(name) if name == TYPST_ESCAPE) {
            return minijinja::escape_formatter(out, state, value);
        }
        if value.is_undefined() || value.is_none() {
            return Ok(());
        }
        let text = value.to_string();
        if value.is_safe() {
            out.write_str(&text)?;
        } else {
            let mut escaped = String::with_capacity(text.len() + 8);
            escape_markup(&text, &mut escaped);
            out.write_str(&escaped)?;
        }
        Ok(())
    });
    filters::register(&mut env);
    env
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_escaped_unless_safe() {
        let mut env = new_environment();
        env.add_template("t.typ.j2", "{{ a }}|{{ a|safe }}|{{ a|tstr }}")
            .unwrap();
        let out = env
            .get_template("t.typ.j2")
            .unwrap()
            .render(minijinja::context! { a => "#x" });
        assert_eq!(out.unwrap(), "\\#x|#x|\"#x\"");
    }

    #[test]
    fn template_errors_name_file_and_line() {
        let mut env = new_environment();
        env.add_template("bad.typ.j2", "line one\n{{ missing.field }}")
            .unwrap();
        let error = env
            .get_template("bad.typ.j2")
            .unwrap()
            .render(())
            .unwrap_err();
        let error = TemplateError::from(error);
        assert!(error.to_string().starts_with("bad.typ.j2:2: "), "{error}");
    }
}
