//! Listing the signature fields of any PDF, signed or not.

use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use lopdf::{Dictionary, Document, Object, ObjectId, decode_text_string};
use serde::Serialize;

use crate::errors::Kind;

/// A signature field found in a PDF.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FieldInfo {
    /// The fully qualified name: the `/T` of the field and its ancestors, joined by periods.
    pub name: String,
    /// The description readers show (`/TU`).
    pub label: Option<String>,
    /// The page its (first) widget is on, 1-based; `None` for a widget on no page.
    pub page: Option<usize>,
    /// The widget's rectangle `[x0, y0, x1, y1]` in points, with `x0 <= x1` and `y0 <= y1`.
    pub rect: [f64; 4],
    /// Whether the field holds a signature (`/V`).
    pub signed: bool,
}

/// The largest PDF whose fields are listed, in bytes: vanban's documents, signed by every
/// party, are a few megabytes; a scanned annex leaves room to spare.
pub const MAX_PDF_BYTES: u64 = 64 * 1024 * 1024;
/// How deep fields may nest (`/Kids` within `/Kids`); real forms use two or three levels.
pub const MAX_FIELD_DEPTH: usize = 32;
/// How many fields and widgets a form may have; real forms have tens.
pub const MAX_FORM_OBJECTS: usize = 10_000;
/// The longest fully qualified field name, in characters.
pub const MAX_FIELD_NAME_CHARS: usize = 1_000;

/// Why a PDF's fields could not be listed.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// The input is not a PDF lopdf can read, or its form is malformed.
    #[error("the PDF could not be read")]
    Pdf(#[from] lopdf::Error),
    /// A widget's `/Rect` is not four numbers.
    #[error("signature field `{0}`: its rectangle is not four numbers")]
    BadRect(String),
    /// The PDF is larger than [`MAX_PDF_BYTES`].
    #[error("the PDF is larger than {MAX_PDF_BYTES} bytes")]
    TooLarge,
    /// Fields nest deeper than [`MAX_FIELD_DEPTH`].
    #[error("the form's fields nest deeper than {MAX_FIELD_DEPTH} levels")]
    TooDeep,
    /// The form has more than [`MAX_FORM_OBJECTS`] fields and widgets.
    #[error("the form has more than {MAX_FORM_OBJECTS} fields and widgets")]
    TooManyFields,
    /// A qualified field name is longer than [`MAX_FIELD_NAME_CHARS`].
    #[error("a field name is longer than {MAX_FIELD_NAME_CHARS} characters")]
    NameTooLong,
    /// A field is among its own ancestors (a loop in `/Kids`).
    #[error("a field contains itself")]
    Cycle,
}

impl ReadError {
    /// The problem to report.
    pub fn kind(&self) -> Kind {
        match self {
            ReadError::Pdf(_) | ReadError::BadRect(_) => Kind::NotAPdf,
            ReadError::TooLarge => Kind::PdfTooLarge {
                limit_mb: MAX_PDF_BYTES / (1024 * 1024),
            },
            ReadError::TooDeep => Kind::PdfFieldsTooDeep {
                limit: MAX_FIELD_DEPTH,
            },
            ReadError::TooManyFields => Kind::PdfFieldsTooMany {
                limit: MAX_FORM_OBJECTS,
            },
            ReadError::NameTooLong => Kind::PdfFieldNameTooLong {
                limit: MAX_FIELD_NAME_CHARS,
            },
            ReadError::Cycle => Kind::PdfFieldLoop,
        }
    }
}

/// Lists every signature field (`/FT /Sig`, possibly inherited) in the document's form, in
/// form order, walking `/Kids`. Reads the latest revision, so fields signed in an incremental
/// update show as signed. Any PDF may be hostile: the walk keeps no call stack, and a PDF past
/// [`MAX_PDF_BYTES`], [`MAX_FIELD_DEPTH`], [`MAX_FORM_OBJECTS`] or [`MAX_FIELD_NAME_CHARS`],
/// or whose fields loop, is refused.
pub fn read_signature_fields(pdf: &[u8]) -> Result<Vec<FieldInfo>, ReadError> {
    if pdf.len() as u64 > MAX_PDF_BYTES {
        return Err(ReadError::TooLarge);
    }
    let document = Document::load_mem(pdf)?;
    let Ok(form) = document.catalog()?.get_deref(b"AcroForm", &document) else {
        return Ok(Vec::new());
    };
    let Ok(fields) = form.as_dict()?.get_deref(b"Fields", &document) else {
        return Ok(Vec::new());
    };
    let mut walk = Walk {
        document: &document,
        pages: annotation_pages(&document),
        visited: HashSet::new(),
        ancestors: Vec::new(),
        objects: 0,
        found: Vec::new(),
    };
    walk.run(fields.as_array()?)?;
    Ok(walk.found)
}

/// A field waiting to be visited: its object, its parent's qualified name and field type, and
/// how deep it lies (1 for the form's own fields).
struct Pending<'a> {
    field: &'a Object,
    parent: Option<Rc<str>>,
    inherited_type: Option<&'a [u8]>,
    depth: usize,
}

/// The field tree walk: what it needs to look up and what it found so far.
struct Walk<'a> {
    document: &'a Document,
    /// The page (1-based) of every annotation listed in a page's `/Annots`, and of every page.
    pages: HashMap<ObjectId, usize>,
    /// Fields seen: a field listed twice is listed once.
    visited: HashSet<ObjectId>,
    /// The fields above the one visited, outermost first, to find a loop in `/Kids`.
    ancestors: Vec<Option<ObjectId>>,
    /// Fields and widgets looked at so far.
    objects: usize,
    found: Vec<FieldInfo>,
}

impl<'a> Walk<'a> {
    /// Visits the form's fields and their descendants depth first, in form order, with a
    /// stack of its own.
    fn run(&mut self, fields: &'a [Object]) -> Result<(), ReadError> {
        let mut pending: Vec<Pending<'a>> = fields
            .iter()
            .rev()
            .map(|field| Pending {
                field,
                parent: None,
                inherited_type: None,
                depth: 1,
            })
            .collect();
        while let Some(next) = pending.pop() {
            // A kid was counted when its parent looked at it.
            if next.depth == 1 {
                self.count()?;
            }
            if next.depth > MAX_FIELD_DEPTH {
                return Err(ReadError::TooDeep);
            }
            let (id, field) = self.document.dereference(next.field)?;
            self.ancestors.truncate(next.depth - 1);
            if id.is_some() && self.ancestors.contains(&id) {
                return Err(ReadError::Cycle);
            }
            if id.is_some_and(|id| !self.visited.insert(id)) {
                continue;
            }
            self.ancestors.push(id);
            let field = field.as_dict()?;
            let name: Rc<str> = qualified_name(next.parent.as_deref(), field)?.into();
            let field_type = field.get(b"FT").and_then(Object::as_name).ok();
            let field_type = field_type.or(next.inherited_type);

            // Kids with a `/T` are fields of their own; kids without one are this field's
            // widgets.
            let mut widgets = Vec::new();
            let mut kid_fields = Vec::new();
            if let Ok(kids) = field.get_deref(b"Kids", self.document) {
                for kid in kids.as_array()? {
                    self.count()?;
                    let (kid_id, kid_dict) = self.document.dereference(kid)?;
                    let kid_dict = kid_dict.as_dict()?;
                    if kid_dict.has(b"T") {
                        kid_fields.push(kid);
                    } else {
                        widgets.push((kid_id, kid_dict));
                    }
                }
            } else {
                widgets.push((id, field));
            }
            if field_type == Some(b"Sig")
                && let Some(&(widget_id, widget)) = widgets.first()
            {
                let info = self.info(name.to_string(), field, widget_id, widget)?;
                self.found.push(info);
            }
            pending.extend(kid_fields.into_iter().rev().map(|kid| Pending {
                field: kid,
                parent: Some(name.clone()),
                inherited_type: field_type,
                depth: next.depth + 1,
            }));
        }
        Ok(())
    }

    /// Counts one more field or widget looked at.
    fn count(&mut self) -> Result<(), ReadError> {
        self.objects += 1;
        if self.objects > MAX_FORM_OBJECTS {
            return Err(ReadError::TooManyFields);
        }
        Ok(())
    }

    /// Describes a signature field by its first widget.
    fn info(
        &self,
        name: String,
        field: &Dictionary,
        widget_id: Option<ObjectId>,
        widget: &Dictionary,
    ) -> Result<FieldInfo, ReadError> {
        let label = match field.get(b"TU") {
            Ok(label) => Some(decode_text_string(label)?),
            Err(_) => None,
        };
        let on_page = widget_id.and_then(|id| self.pages.get(&id));
        let by_parent = || {
            let page = widget.get(b"P").and_then(Object::as_reference).ok()?;
            self.pages.get(&page)
        };
        let signed = field
            .get_deref(b"V", self.document)
            .is_ok_and(|value| !value.is_null());
        let Some(rect) = rect(widget, self.document) else {
            return Err(ReadError::BadRect(name));
        };
        Ok(FieldInfo {
            name,
            label,
            page: on_page.or_else(by_parent).copied(),
            rect,
            signed,
        })
    }
}

/// A field's fully qualified name: its parent's, a period and its own `/T`; its parent's
/// alone when it has none.
fn qualified_name(parent: Option<&str>, field: &Dictionary) -> Result<String, ReadError> {
    let name = match (parent, field.get(b"T")) {
        (Some(parent), Ok(partial)) => format!("{parent}.{}", decode_text_string(partial)?),
        (None, Ok(partial)) => decode_text_string(partial)?,
        (_, Err(_)) => parent.unwrap_or_default().to_owned(),
    };
    if name.chars().count() > MAX_FIELD_NAME_CHARS {
        return Err(ReadError::NameTooLong);
    }
    Ok(name)
}

/// Pages (1-based) by page id and by the id of each annotation they list.
fn annotation_pages(document: &Document) -> HashMap<ObjectId, usize> {
    let mut pages = HashMap::new();
    for (number, page) in document.get_pages() {
        let number = number as usize;
        pages.insert(page, number);
        let annotations = document
            .get_dictionary(page)
            .and_then(|page| page.get_deref(b"Annots", document))
            .and_then(Object::as_array);
        for annotation in annotations.into_iter().flatten() {
            if let Ok(id) = annotation.as_reference() {
                pages.entry(id).or_insert(number);
            }
        }
    }
    pages
}

/// A widget's rectangle with its corners ordered.
fn rect(widget: &Dictionary, document: &Document) -> Option<[f64; 4]> {
    let array = widget.get_deref(b"Rect", document).ok()?.as_array().ok()?;
    let mut values = [0.0_f64; 4];
    if array.len() != values.len() {
        return None;
    }
    for (value, object) in values.iter_mut().zip(array) {
        // lopdf reads reals as f32; their shortest spelling gives back the number as written
        // (56.7, not 56.70000076).
        let number = document.dereference(object).ok()?.1.as_float().ok()?;
        *value = number.to_string().parse().ok()?;
    }
    let [x0, y0, x1, y1] = values;
    Some([x0.min(x1), y0.min(y1), x0.max(x1), y0.max(y1)])
}

#[cfg(test)]
pub(in crate::fields) mod tests {
    use std::sync::OnceLock;

    use lopdf::dictionary;

    use super::*;
    use crate::fields::{SignatureField, add_signature_fields};

    /// The sample report as Typst exports it, plain or PDF/A-2b, rendered once per test run.
    pub fn sample_pdf(pdf_a: bool) -> &'static [u8] {
        static PDFS: [OnceLock<Vec<u8>>; 2] = [OnceLock::new(), OnceLock::new()];
        PDFS[usize::from(pdf_a)].get_or_init(|| {
            let engine = crate::Engine::new(&Default::default()).unwrap();
            let json = std::fs::read(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/samples/tam-ky-2022.json"
            ))
            .unwrap();
            let data = crate::model::parse_year_data(&json).unwrap();
            // Typst's export alone, without the fields the engine adds.
            let options = crate::pdf::ExportOptions {
                pdf_a,
                pdf_ua: false,
                signature_fields: false,
            };
            engine
                .pdf(crate::DocumentKind::Report, &data, options)
                .unwrap()
                .pdf
        })
    }

    /// A field named `name` on `page`, labelled in Vietnamese.
    pub fn field(name: &str, page: usize) -> SignatureField {
        SignatureField {
            name: name.into(),
            party: name.into(),
            label: format!("Chữ ký {name}"),
            page,
            rect: [56.7, 100.0, 256.7, 160.5],
        }
    }

    #[test]
    fn fields_read_back_with_their_names_labels_pages_and_rectangles() {
        for pdf_a in [false, true] {
            let mut fields = [field("sig-a", 1), field("sig-b", 2), field("sig-c", 2)];
            // Corners may come in any order; they read back ordered.
            fields[2].rect = [300.25, 700.0, 200.0, 650.0];
            let pdf = add_signature_fields(sample_pdf(pdf_a), &fields).unwrap();
            let found = read_signature_fields(&pdf).unwrap();
            let expected: Vec<_> = fields
                .iter()
                .map(|field| FieldInfo {
                    name: field.name.clone(),
                    label: Some(field.label.clone()),
                    page: Some(field.page),
                    rect: field.rect,
                    signed: false,
                })
                .collect();
            assert_eq!(found[..2], expected[..2]);
            assert_eq!(found[2].rect, [200.0, 650.0, 300.25, 700.0]);
        }
    }

    #[test]
    fn a_pdf_without_a_form_has_no_fields() {
        assert_eq!(read_signature_fields(sample_pdf(false)).unwrap(), []);
    }

    #[test]
    fn fields_in_a_hierarchy_get_qualified_names_and_inherit_their_type() {
        let pdf = add_signature_fields(sample_pdf(false), &[field("sig-a", 3)]).unwrap();
        // Move the field under a parent that holds the field type, as some tools write it.
        let mut document = Document::load_mem(&pdf).unwrap();
        let form = document.catalog().unwrap().get(b"AcroForm").unwrap();
        let widget = form
            .as_dict()
            .unwrap()
            .get(b"Fields")
            .unwrap()
            .as_array()
            .unwrap()[0]
            .as_reference()
            .unwrap();
        let parent = document.add_object(dictionary! {
            "T" => Object::string_literal("parties"),
            "FT" => "Sig",
            "Kids" => vec![widget.into()],
        });
        let widget = document.get_dictionary_mut(widget).unwrap();
        widget.remove(b"FT");
        widget.set("Parent", parent);
        let catalog = document.catalog_mut().unwrap();
        let form = catalog.get_mut(b"AcroForm").unwrap().as_dict_mut().unwrap();
        form.set("Fields", vec![Object::from(parent)]);
        let mut bytes = Vec::new();
        document.save_to(&mut bytes).unwrap();

        let found = read_signature_fields(&bytes).unwrap();
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].name, "parties.sig-a");
        assert_eq!(found[0].page, Some(3));
    }
}
