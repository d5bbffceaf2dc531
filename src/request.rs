//! What a render or a batch is asked to make, the same from the command line and over HTTP,
//! with one set of checks.

use std::ops::RangeInclusive;

use crate::DocumentKind;
use crate::errors::{Expected, Kind};
use crate::pdf::ExportOptions;

/// The PNG resolutions served. A PNG is a preview (the PDF is what is printed and signed):
/// an A4 page at 300 dpi is 35 MB of pixels, enough to read the finest print, and a few at
/// once fit in a server's memory.
pub const DPI: RangeInclusive<u16> = 10..=300;
/// The resolution of a PNG when none is asked for: 2 pixels a point.
pub const DEFAULT_DPI: u16 = 144;

/// What a render writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    /// The PDF document.
    #[default]
    Pdf,
    /// A page as a PNG image.
    Png,
    /// A page as SVG (over HTTP only): several times faster than PNG, for the page's live
    /// preview.
    Svg,
    /// The generated Typst source (the command line only).
    Typ,
}

impl Format {
    /// Its file name extension, which is also its name.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Pdf => "pdf",
            Format::Png => "png",
            Format::Svg => "svg",
            Format::Typ => "typ",
        }
    }
}

/// One document to render.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RenderRequest {
    pub kind: DocumentKind,
    pub format: Format,
    /// With PNG: one page, from 1 (default: every page on the command line, the first over
    /// HTTP).
    pub page: Option<usize>,
    /// With PNG: the resolution (default [`DEFAULT_DPI`]).
    pub dpi: Option<u16>,
    /// With PDF: PDF/A-2b.
    pub pdf_a: bool,
    /// With PDF: PDF/UA-1 (the command line only).
    pub pdf_ua: bool,
    /// With PDF: the agreement's empty signature fields.
    pub sign_fields: bool,
}

impl RenderRequest {
    /// A PDF of `kind`, with signature fields.
    pub fn new(kind: DocumentKind) -> Self {
        RenderRequest {
            kind,
            format: Format::Pdf,
            page: None,
            dpi: None,
            pdf_a: false,
            pdf_ua: false,
            sign_fields: true,
        }
    }

    /// The request of `POST /v1/documents/{kind}`'s query parameters.
    pub fn from_query(kind: DocumentKind, query: &[(String, String)]) -> Result<Self, Kind> {
        let query = Query::new(query, &["format", "page", "dpi", "pdf_a", "sign_fields"])?;
        let request = RenderRequest {
            format: match query.word("format", &["pdf", "png", "svg"])? {
                Some("png") => Format::Png,
                Some("svg") => Format::Svg,
                _ => Format::Pdf,
            },
            page: query.number("page")?,
            // Any number above the range is out of it.
            dpi: query
                .number::<u64>("dpi")?
                .map(|dpi| u16::try_from(dpi).unwrap_or(u16::MAX)),
            pdf_a: query.flag("pdf_a")?.unwrap_or(false),
            sign_fields: query.flag("sign_fields")?.unwrap_or(true),
            ..RenderRequest::new(kind)
        };
        request.check()?;
        Ok(request)
    }

    /// Refuses options that mean nothing for the format, and pages and resolutions out of
    /// range.
    pub fn check(&self) -> Result<(), Kind> {
        let image = matches!(self.format, Format::Png | Format::Svg);
        if !image && (self.page.is_some() || self.dpi.is_some()) {
            return Err(Kind::PageNeedsPng);
        }
        if self.format == Format::Svg && self.dpi.is_some() {
            return Err(Kind::DpiNeedsPng);
        }
        if self.format != Format::Pdf && (self.pdf_a || self.pdf_ua || !self.sign_fields) {
            return Err(Kind::PdfOptionsNeedPdf);
        }
        if self.page == Some(0) {
            return Err(Kind::PageFromOne);
        }
        if self.dpi.is_some_and(|dpi| !DPI.contains(&dpi)) {
            return Err(Kind::DpiOutOfRange {
                min: *DPI.start(),
                max: *DPI.end(),
            });
        }
        Ok(())
    }

    /// The PDF options.
    pub fn export(&self) -> ExportOptions {
        ExportOptions {
            pdf_a: self.pdf_a,
            pdf_ua: self.pdf_ua,
            signature_fields: self.sign_fields,
        }
    }

    /// The resolution of a PNG.
    pub fn dpi(&self) -> f32 {
        f32::from(self.dpi.unwrap_or(DEFAULT_DPI))
    }
}

/// A batch to render.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct BatchRequest {
    /// Also each ward's coordination program.
    pub agreements: bool,
    /// Every document in PDF/A-2b.
    pub pdf_a: bool,
    /// Leave out the wards with bad data (listed in the manifest) instead of refusing.
    pub allow_partial: bool,
}

impl BatchRequest {
    /// The request of `POST /v1/batches`' query parameters.
    pub fn from_query(query: &[(String, String)]) -> Result<Self, Kind> {
        Self::from_parameters(&Query::new(query, &["with", "pdf_a", "allow_partial"])?)
    }

    /// The request of `POST /v1/batches/stored`'s query parameters: `/v1/batches`' and
    /// `office`, the office whose offices under it are the wards (one the caller supervises).
    pub fn from_stored_query(query: &[(String, String)]) -> Result<(Self, Option<String>), Kind> {
        let query = Query::new(query, &["with", "pdf_a", "allow_partial", "office"])?;
        let office = query.get("office").map(str::to_owned);
        Ok((Self::from_parameters(&query)?, office))
    }

    fn from_parameters(query: &Query<'_>) -> Result<Self, Kind> {
        Ok(BatchRequest {
            agreements: query.word("with", &["agreement"])?.is_some(),
            pdf_a: query.flag("pdf_a")?.unwrap_or(false),
            allow_partial: query.flag("allow_partial")?.unwrap_or(false),
        })
    }

    /// The PDF options of every document.
    pub fn export(&self) -> ExportOptions {
        ExportOptions {
            pdf_a: self.pdf_a,
            ..ExportOptions::default()
        }
    }
}

/// What a request for stored data may say in its query: another office's code (one the
/// caller supervises) and, where a route takes one, a number: a draft's `revision`, a
/// document's `version`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StoredQuery {
    pub office: Option<String>,
    pub number: Option<i64>,
}

impl StoredQuery {
    /// The query of a stored-data route; `number` names the number it takes, if any.
    pub fn from_query(query: &[(String, String)], number: Option<&str>) -> Result<Self, Kind> {
        let known: Vec<&str> = ["office"].into_iter().chain(number).collect();
        let query = Query::new(query, &known)?;
        Ok(StoredQuery {
            office: query.get("office").map(str::to_owned),
            number: match number {
                Some(name) => query.number(name)?,
                None => None,
            },
        })
    }
}

/// Query parameters: only known names, each at most once.
struct Query<'a>(&'a [(String, String)]);

impl<'a> Query<'a> {
    fn new(pairs: &'a [(String, String)], known: &[&str]) -> Result<Self, Kind> {
        for (index, (name, _)) in pairs.iter().enumerate() {
            if !known.contains(&name.as_str()) {
                return Err(Kind::UnknownParameter {
                    name: name.clone(),
                    known: known.iter().map(|name| (*name).to_owned()).collect(),
                });
            }
            if pairs[..index].iter().any(|(earlier, _)| earlier == name) {
                return Err(Kind::ParameterTwice { name: name.clone() });
            }
        }
        Ok(Query(pairs))
    }

    fn get(&self, name: &str) -> Option<&'a str> {
        let pairs: &'a [(String, String)] = self.0;
        pairs
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
    }

    fn bad(name: &str, expected: Expected, found: &str) -> Kind {
        Kind::BadParameter {
            name: name.to_owned(),
            expected,
            found: found.to_owned(),
        }
    }

    /// One of `words`.
    fn word(&self, name: &str, words: &[&'static str]) -> Result<Option<&'static str>, Kind> {
        let Some(value) = self.get(name) else {
            return Ok(None);
        };
        let found = words.iter().find(|word| **word == value);
        let expected = || Expected::OneOf(words.iter().map(|word| (*word).to_owned()).collect());
        found
            .map(|word| Some(*word))
            .ok_or_else(|| Query::bad(name, expected(), value))
    }

    /// A whole number of at least 0.
    fn number<T: std::str::FromStr>(&self, name: &str) -> Result<Option<T>, Kind> {
        let Some(value) = self.get(name) else {
            return Ok(None);
        };
        let digits = !value.is_empty() && value.bytes().all(|byte| byte.is_ascii_digit());
        match value.parse().ok().filter(|_| digits) {
            Some(number) => Ok(Some(number)),
            None => Err(Query::bad(name, Expected::WholeNumber, value)),
        }
    }

    /// `true` or `false`.
    fn flag(&self, name: &str) -> Result<Option<bool>, Kind> {
        match self.get(name) {
            None => Ok(None),
            Some("true") => Ok(Some(true)),
            Some("false") => Ok(Some(false)),
            Some(value) => Err(Query::bad(name, Expected::TrueOrFalse, value)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn query(text: &str) -> Vec<(String, String)> {
        text.split('&')
            .filter(|pair| !pair.is_empty())
            .map(|pair| {
                let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
                (name.to_owned(), value.to_owned())
            })
            .collect()
    }

    fn render(text: &str) -> Result<RenderRequest, String> {
        RenderRequest::from_query(DocumentKind::Report, &query(text)).map_err(|e| e.to_string())
    }

    #[test]
    fn render_queries() {
        let png = render("format=png&page=3&dpi=72").unwrap();
        assert_eq!(
            (png.format, png.page, png.dpi),
            (Format::Png, Some(3), Some(72))
        );
        assert_eq!(
            render("").unwrap(),
            RenderRequest::new(DocumentKind::Report)
        );
        assert!(render("pdf_a=true&sign_fields=false").unwrap().pdf_a);
        let svg = render("format=svg&page=2").unwrap();
        assert_eq!((svg.format, svg.page), (Format::Svg, Some(2)));
        for (text, says) in [
            (
                "format=gif",
                "the parameter `format` must be `pdf`, `png` or `svg`, found \"gif\"",
            ),
            ("page=2", "page and dpi go with the png format"),
            ("format=svg&dpi=96", "dpi goes with the png format"),
            ("format=png&page=0", "page counts from 1"),
            ("format=png&dpi=301", "dpi must be from 10 to 300"),
            ("format=png&dpi=99999", "dpi must be from 10 to 300"),
            (
                "format=png&page=-1",
                "the parameter `page` must be a whole number",
            ),
            (
                "format=png&page=",
                "the parameter `page` must be a whole number",
            ),
            ("format=png&pdf_a=true", "PDF/A"),
            (
                "pdf_a=maybe",
                "the parameter `pdf_a` must be true or false, found \"maybe\"",
            ),
            (
                "colour=red",
                "unknown parameter `colour`; the parameters are format, page",
            ),
            ("page=1&page=2", "the parameter `page` is given twice"),
        ] {
            let error = render(text).unwrap_err();
            assert!(error.contains(says), "{text}: {error}");
        }
    }

    #[test]
    fn batch_queries() {
        let request = BatchRequest::from_query(&query("with=agreement&allow_partial=true"));
        assert_eq!(
            request,
            Ok(BatchRequest {
                agreements: true,
                pdf_a: false,
                allow_partial: true
            })
        );
        assert!(BatchRequest::from_query(&query("with=memo")).is_err());
    }
}
