//! The Typst world: fonts, library and house-style modules built once, and a cheap world per
//! document that serves only its generated source and those modules. No filesystem, no
//! network, no packages.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use typst::diag::{FileError, FileResult, SourceDiagnostic, Warned};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};
use typst_layout::PagedDocument;

/// The built-in fonts: Tinos, metric-compatible with Times New Roman (SIL OFL 1.1).
const BUILTIN_FONTS: &[&[u8]] = &[
    include_bytes!("../fonts/Tinos-Regular.ttf"),
    include_bytes!("../fonts/Tinos-Bold.ttf"),
    include_bytes!("../fonts/Tinos-Italic.ttf"),
    include_bytes!("../fonts/Tinos-BoldItalic.ttf"),
];

/// The generated document's path. File ids are interned for the life of the process and never
/// freed, so each path is interned once.
static MAIN: LazyLock<FileId> = LazyLock::new(|| file_id("main.typ"));

fn file_id(name: &str) -> FileId {
    let path = VirtualPath::new(name).expect("template file names are valid virtual paths");
    RootedPath::new(VirtualRoot::Project, path).intern()
}

/// A problem setting up the typesetter.
#[derive(Debug, thiserror::Error)]
pub enum TypesetError {
    /// A font directory or file could not be read.
    #[error("cannot read fonts from {}", path.display())]
    ReadFonts {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

/// One Typst diagnostic, located in a template file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// `file:line:column`, or the file name alone when Typst gave no position.
    pub location: String,
    /// What Typst said.
    pub message: String,
    /// Typst's hints.
    pub hints: Vec<String>,
}

impl Diagnostic {
    /// A diagnostic of PDF export, which concerns the document as a whole.
    pub fn export(error: &SourceDiagnostic) -> Self {
        Diagnostic {
            location: "PDF export".to_owned(),
            message: error.message.to_string(),
            hints: error.hints.iter().map(|hint| hint.v.to_string()).collect(),
        }
    }
}

impl std::fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.location, self.message)
    }
}

/// A laid-out document and what Typst warned about on the way.
pub struct Typeset {
    /// The pages.
    pub document: PagedDocument,
    /// Typst's warnings, e.g. an unknown font family in a custom template.
    pub warnings: Vec<Diagnostic>,
}

/// Everything shared by all documents: library, fonts and the house-style modules.
pub struct Typesetter {
    library: LazyHash<Library>,
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
    modules: HashMap<FileId, Source>,
}

impl Typesetter {
    /// Loads the built-in fonts plus every font file in `font_dirs`, and the Typst `modules`
    /// (file name, source) that documents may import as `/name`.
    pub fn new(font_dirs: &[PathBuf], modules: &[(String, String)]) -> Result<Self, TypesetError> {
        let mut fonts: Vec<Font> = BUILTIN_FONTS
            .iter()
            .flat_map(|data| Font::iter(Bytes::new(*data)))
            .collect();
        for dir in font_dirs {
            fonts.extend(read_fonts(dir)?);
        }
        let modules = modules
            .iter()
            .map(|(name, text)| {
                let id = file_id(name);
                (id, Source::new(id, text.clone()))
            })
            .collect();
        Ok(Typesetter {
            library: LazyHash::new(Library::default()),
            book: LazyHash::new(FontBook::from_fonts(&fonts)),
            fonts,
            modules,
        })
    }

    /// Whether a font family of this name is loaded (case-insensitive).
    pub fn has_family(&self, family: &str) -> bool {
        self.book.contains_family(&family.to_lowercase())
    }

    /// Whether any loaded font has a glyph for `c`.
    pub fn covers(&self, c: char) -> bool {
        self.fonts
            .iter()
            .any(|font| font.info().coverage.contains(c as u32))
    }

    /// Compiles a generated Typst source to a laid-out document.
    pub fn compile(
        &self,
        source: String,
        today: Option<Datetime>,
    ) -> Result<Typeset, Vec<Diagnostic>> {
        let world = DocumentWorld {
            base: self,
            main: Source::new(*MAIN, source),
            today,
        };
        let Warned { output, warnings } = typst::compile::<PagedDocument>(&world);
        let locate = |diagnostics: &[SourceDiagnostic]| {
            diagnostics
                .iter()
                .map(|diagnostic| world.diagnostic(diagnostic))
                .collect()
        };
        match output {
            Ok(document) => Ok(Typeset {
                document,
                warnings: locate(&warnings),
            }),
            Err(errors) => Err(locate(&errors)),
        }
    }
}

fn read_fonts(dir: &Path) -> Result<Vec<Font>, TypesetError> {
    let error = |source| TypesetError::ReadFonts {
        path: dir.to_owned(),
        source,
    };
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(error)?
        .map(|entry| entry.map(|e| e.path()))
        .collect::<Result<_, _>>()
        .map_err(error)?;
    paths.sort();
    let mut fonts = Vec::new();
    for path in paths {
        let is_font = path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
            matches!(
                e.to_ascii_lowercase().as_str(),
                "ttf" | "otf" | "ttc" | "otc"
            )
        });
        if is_font {
            let data =
                std::fs::read(&path).map_err(|source| TypesetError::ReadFonts { path, source })?;
            fonts.extend(Font::iter(Bytes::new(data)));
        }
    }
    Ok(fonts)
}

/// The world of one document: its source plus the shared base.
struct DocumentWorld<'a> {
    base: &'a Typesetter,
    main: Source,
    today: Option<Datetime>,
}

impl DocumentWorld<'_> {
    fn lookup(&self, id: FileId) -> Option<&Source> {
        if id == self.main.id() {
            Some(&self.main)
        } else {
            self.base.modules.get(&id)
        }
    }

    fn diagnostic(&self, diagnostic: &SourceDiagnostic) -> Diagnostic {
        Diagnostic {
            location: self.locate(diagnostic.span),
            message: diagnostic.message.to_string(),
            hints: diagnostic
                .hints
                .iter()
                .map(|hint| hint.v.to_string())
                .collect(),
        }
    }

    fn locate(&self, span: typst::syntax::DiagSpan) -> String {
        let Some(id) = span.id() else {
            return "generated document".to_owned();
        };
        let name = id.vpath().get_without_slash().to_owned();
        let name = if id == *MAIN {
            format!("{name} (generated)")
        } else {
            name
        };
        let position = self
            .lookup(id)
            .zip(typst::WorldExt::range(self, span))
            .and_then(|(source, range)| source.lines().byte_to_line_column(range.start));
        match position {
            Some((line, column)) => format!("{name}:{}:{}", line + 1, column + 1),
            None => name,
        }
    }
}

impl World for DocumentWorld<'_> {
    fn library(&self) -> &LazyHash<Library> {
        &self.base.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &self.base.book
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        self.lookup(id).cloned().ok_or(FileError::AccessDenied)
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        self.lookup(id)
            .map(|source| Bytes::from_string(source.clone()))
            .ok_or(FileError::AccessDenied)
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.base.fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        self.today
    }
}
