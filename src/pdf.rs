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
    /// Write PDF/UA-1 (accessible), alone or with PDF/A-2b.
    pub pdf_ua: bool,
    /// Add an empty signature field over each signing space the template marks.
    pub signature_fields: bool,
}

impl Default for ExportOptions {
    /// Plain PDF with signature fields.
    fn default() -> Self {
        ExportOptions {
            pdf_a: false,
            pdf_ua: false,
            signature_fields: true,
        }
    }
}

/// Exports a PDF. The document's own metadata (title, author, language, date) comes from the
/// template's `set document(..)`; no wall-clock time is used, so equal input gives equal bytes.
/// Viewers show the title rather than the file name (`/DisplayDocTitle`), and the file ends
/// with an end-of-line after `%%EOF`, so that a signer's incremental update starts on a line
/// of its own (PDF/A-2, ISO 19005-2, 6.1.3).
pub fn export_pdf(document: &PagedDocument, options: ExportOptions) -> SourceResult<Vec<u8>> {
    let mut standards = Vec::new();
    if options.pdf_a {
        standards.push(PdfStandard::A_2b);
    }
    if options.pdf_ua {
        standards.push(PdfStandard::Ua_1);
    }
    let standards = if standards.is_empty() {
        PdfStandards::default()
    } else {
        PdfStandards::new(&standards).map_err(|message| {
            let span = typst::syntax::Span::detached();
            typst::ecow::eco_vec![SourceDiagnostic::error(span, message.message().clone())]
        })?
    };
    let options = PdfOptions {
        creator: Smart::Custom(Some(concat!("vanban ", env!("CARGO_PKG_VERSION")).into())),
        standards,
        ..PdfOptions::default()
    };
    let mut pdf = typst_pdf::pdf(document, &options)?;
    display_doc_title(&mut pdf);
    end_with_newline(&mut pdf);
    Ok(pdf)
}

/// Appends an end-of-line to a PDF that ends right after its `%%EOF`.
pub fn end_with_newline(pdf: &mut Vec<u8>) {
    if pdf.last() != Some(&b'\n') {
        pdf.push(b'\n');
    }
}

/// Sets `/DisplayDocTitle true` in the viewer preferences of a PDF as Typst writes it, whose
/// catalog is the last object before its cross-reference table (Typst has no option for it but
/// PDF/UA's). The entry goes into the catalog in place and the `startxref` offset moves by its
/// length: no object's offset changes, and no parser runs (reading the PDF back would cost
/// a fifth of a render). A PDF of another shape is left as it is; the tests check every
/// document has the entry.
fn display_doc_title(pdf: &mut Vec<u8>) {
    const KEY: &[u8] = b"/DisplayDocTitle";
    let Some((catalog, xref)) = last_catalog(pdf) else {
        return;
    };
    if find(&pdf[catalog..xref], KEY).is_some() {
        return;
    }
    let preferences = find(&pdf[catalog..xref], b"/ViewerPreferences").map(|offset| {
        let after = catalog + offset + b"/ViewerPreferences".len();
        after
            + pdf[after..]
                .iter()
                .take_while(|b| b.is_ascii_whitespace())
                .count()
    });
    let (at, entry): (usize, &[u8]) = match preferences {
        Some(dict) if pdf[dict..].starts_with(b"<<") => (dict + 2, b"/DisplayDocTitle true "),
        Some(_) => return,
        None => (
            catalog + b"/Catalog".len(),
            b"/ViewerPreferences<</DisplayDocTitle true>>",
        ),
    };
    let Some(startxref) = rfind(pdf, b"startxref\n") else {
        return;
    };
    let number = startxref + b"startxref\n".len();
    let digits = pdf[number..]
        .iter()
        .take_while(|b| b.is_ascii_digit())
        .count();
    let moved = (xref + entry.len()).to_string();
    pdf.splice(number..number + digits, moved.bytes());
    pdf.splice(at..at, entry.iter().copied());
}

/// Where the catalog's type (`/Catalog`) stands and the cross-reference table that follows it,
/// when the catalog is the last object before that table.
fn last_catalog(pdf: &[u8]) -> Option<(usize, usize)> {
    let startxref = rfind(pdf, b"startxref\n")?;
    let number = &pdf[startxref + b"startxref\n".len()..];
    let digits = number.iter().take_while(|b| b.is_ascii_digit()).count();
    let xref: usize = std::str::from_utf8(&number[..digits]).ok()?.parse().ok()?;
    if !pdf.get(xref..)?.starts_with(b"xref") {
        return None;
    }
    let catalog = rfind(&pdf[..xref], b"/Catalog")?;
    let ends = pdf[catalog..xref]
        .windows(b"endobj".len())
        .filter(|w| *w == b"endobj")
        .count();
    (ends == 1).then_some((catalog, xref))
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn rfind(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
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
