//! PDF, PNG and SVG output of a laid-out document.

use typst::diag::{SourceDiagnostic, SourceResult};
use typst::foundations::Smart;
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards};

/// What to write for a laid-out document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExportOptions {
    /// Write PDF/A-2b (archival) instead of plain PDF 1.7.
    pub pdf_a: bool,
    /// Add an empty signature field over each signing space the template marks.
    pub signature_fields: bool,
}

impl Default for ExportOptions {
    /// Plain PDF with signature fields.
    fn default() -> Self {
        ExportOptions {
            pdf_a: false,
            signature_fields: true,
        }
    }
}

/// Exports a PDF. The document's own metadata (title, author, language, date) comes from the
/// template's `set document(..)`; no wall-clock time is used, so equal input gives equal bytes.
pub fn export_pdf(document: &PagedDocument, options: ExportOptions) -> SourceResult<Vec<u8>> {
    let standards = if options.pdf_a {
        PdfStandards::new(&[PdfStandard::A_2b]).map_err(|message| {
            let span = typst::syntax::Span::detached();
            typst::ecow::eco_vec![SourceDiagnostic::error(span, message.message().clone())]
        })?
    } else {
        PdfStandards::default()
    };
    let options = PdfOptions {
        creator: Smart::Custom(Some(concat!("vanban ", env!("CARGO_PKG_VERSION")).into())),
        standards,
        ..PdfOptions::default()
    };
    typst_pdf::pdf(document, &options)
}

/// Renders page `index` (0-based) as a PNG at `dpi` dots per inch, or `None` past the last page.
pub fn export_png(
    document: &PagedDocument,
    index: usize,
    dpi: f32,
) -> Option<Result<Vec<u8>, String>> {
    let page = document.pages().get(index)?;
    let options = typst_render::RenderOptions {
        pixel_per_pt: typst::utils::Scalar::new(f64::from(dpi) / 72.0),
        render_bleed: false,
    };
    let pixmap = typst_render::render(page, &options);
    Some(pixmap.encode_png().map_err(|error| error.to_string()))
}

/// Renders page `index` (0-based) as a self-contained SVG, or `None` past the last page.
///
/// Text is drawn as glyph outlines and images as `data:` URLs, so the file references nothing
/// outside itself and holds none of the data's text as markup: the page's live preview.
pub fn export_svg(document: &PagedDocument, index: usize) -> Option<String> {
    let page = document.pages().get(index)?;
    let options = typst_svg::SvgOptions {
        render_bleed: false,
        pretty: false,
    };
    Some(typst_svg::svg(page, &options))
}
