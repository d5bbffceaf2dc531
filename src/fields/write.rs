//! Adding empty signature fields to an exported PDF, as an incremental update.

use std::collections::HashSet;

use lopdf::{
    Dictionary, Document, IncrementalDocument, Object, ObjectId, Stream, decode_text_string,
    dictionary, text_string,
};

use super::SignatureField;

/// Annotation flag Print (bit 3): PDF/A requires it on every widget.
const PRINT: i64 = 4;

/// `/SigFlags` bit 1, SignaturesExist: "the document contains at least one signature field"
/// (ISO 32000-1, table 219), as pyHanko sets it for an empty field. AppendOnly (bit 2) is left
/// to the first signer.
const SIGNATURES_EXIST: i64 = 1;

/// Why signature fields could not be added.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    /// The input is not a PDF lopdf can read, or lacks a catalog or page tree.
    #[error("the PDF could not be read")]
    Pdf(#[from] lopdf::Error),
    /// A field names a page past the last one.
    #[error("field `{name}`: page {page} does not exist (the document has {pages} page(s))")]
    NoSuchPage {
        name: String,
        page: usize,
        pages: usize,
    },
    /// A rectangle has no area or a coordinate that is not a number.
    #[error("field `{name}`: rectangle {rect:?} must be finite, with a positive width and height")]
    EmptyRect { name: String, rect: [f64; 4] },
    /// A name is empty or holds a period, which separates the parts of a qualified name.
    #[error("field name `{0}` must not be empty or contain a period")]
    BadName(String),
    /// A name is given twice, or the document already has a field of that name.
    #[error("field name `{0}` is already used")]
    DuplicateName(String),
    /// lopdf refused to write the update (e.g. the input is encrypted).
    #[error("the PDF with signature fields could not be written")]
    Save(#[source] std::io::Error),
}

/// Adds one empty signature field per entry of `fields`; no fields return the input as it is.
///
/// The fields are appended as an incremental update (ISO 32000-1, 7.5.6): the original bytes
/// stay untouched, so Typst's own structure, XMP metadata and PDF/A identification are kept,
/// and a signature made later covers the document exactly as exported. The update's
/// cross-reference section has the form of the original's (Typst writes a classic table). Each
/// field is merged with its widget, which carries the Print flag and an empty appearance
/// stream, as PDF/A-2 requires. In a tagged PDF each widget is tagged, as PDF/UA asks of a
/// form field: a `Form` structure element holds it, and its page's tab order follows the
/// structure (`/Tabs /S`). Equal input gives equal bytes.
pub fn add_signature_fields(pdf: &[u8], fields: &[SignatureField]) -> Result<Vec<u8>, WriteError> {
    if fields.is_empty() {
        return Ok(pdf.to_vec());
    }
    let previous = Document::load_mem(pdf)?;
    let pages = previous.get_pages();
    check(fields, pages.len(), &existing_names(&previous)?)?;

    let mut update = IncrementalDocument::create_from(pdf.to_vec(), previous);
    update.new_document.trailer = update_trailer(&update.new_document.trailer);
    let mut widgets = Vec::new();
    for field in fields {
        let page = pages[&(field.page as u32)];
        let widget = add_widget(&mut update.new_document, field, page);
        add_annotation(&mut update, page, widget)?;
        widgets.push((widget, page));
    }
    tag_widgets(&mut update, &widgets)?;
    add_to_form(
        &mut update,
        widgets.iter().map(|(widget, _)| (*widget).into()).collect(),
    )?;

    let mut output = Vec::with_capacity(pdf.len() + 1024 * fields.len());
    update.save_to(&mut output).map_err(WriteError::Save)?;
    // An end-of-line after `%%EOF`, so that the next update (a signature) starts a line.
    crate::pdf::end_with_newline(&mut output);
    Ok(output)
}

/// Checks names, pages and rectangles before anything is written.
fn check(fields: &[SignatureField], pages: usize, existing: &[String]) -> Result<(), WriteError> {
    let mut names: HashSet<&str> = existing.iter().map(String::as_str).collect();
    for field in fields {
        if field.name.is_empty() || field.name.contains('.') {
            return Err(WriteError::BadName(field.name.clone()));
        }
        if !names.insert(&field.name) {
            return Err(WriteError::DuplicateName(field.name.clone()));
        }
        if field.page == 0 || field.page > pages {
            return Err(WriteError::NoSuchPage {
                name: field.name.clone(),
                page: field.page,
                pages,
            });
        }
        // PDF reals are written as f32 (by lopdf), so the check is made on those.
        let [x0, y0, x1, y1] = field.rect.map(|value| value as f32);
        if ![x0, y0, x1, y1].iter().all(|value| value.is_finite()) || x0 == x1 || y0 == y1 {
            return Err(WriteError::EmptyRect {
                name: field.name.clone(),
                rect: field.rect,
            });
        }
    }
    Ok(())
}

/// The names of the fields the document's form already has at its top level.
fn existing_names(document: &Document) -> Result<Vec<String>, lopdf::Error> {
    let Some(form) = acro_form(document)? else {
        return Ok(Vec::new());
    };
    let Ok(fields) = form.get_deref(b"Fields", document) else {
        return Ok(Vec::new());
    };
    let mut names = Vec::new();
    for field in fields.as_array()? {
        let field = document.dereference(field)?.1.as_dict()?;
        if let Ok(name) = field.get(b"T") {
            names.push(decode_text_string(name)?);
        }
    }
    Ok(names)
}

/// The document's `/AcroForm` dictionary, if it has one.
fn acro_form(document: &Document) -> Result<Option<&Dictionary>, lopdf::Error> {
    match document.catalog()?.get_deref(b"AcroForm", document) {
        Ok(form) => Ok(Some(form.as_dict()?)),
        Err(_) => Ok(None),
    }
}

/// The update's trailer: the original's root, info and file identifier and a link to its
/// cross-reference section. Entries of a cross-reference stream's dictionary are dropped.
fn update_trailer(trailer: &Dictionary) -> Dictionary {
    let mut update = Dictionary::new();
    for key in [&b"Root"[..], b"Info", b"ID", b"Prev"] {
        if let Ok(value) = trailer.get(key) {
            update.set(key, value.clone());
        }
    }
    update
}

/// Adds the merged field and widget dictionary, and its empty appearance.
fn add_widget(document: &mut Document, field: &SignatureField, page: ObjectId) -> ObjectId {
    let [x0, y0, x1, y1] = field.rect;
    let (width, height) = ((x1 - x0).abs(), (y1 - y0).abs());
    let rect = [x0.min(x1), y0.min(y1), x0.max(x1), y0.max(y1)];
    let appearance = document.add_object(Stream::new(
        dictionary! {
            "Type" => "XObject",
            "Subtype" => "Form",
            "BBox" => vec![0.into(), 0.into(), width.into(), height.into()],
            "Resources" => Dictionary::new(),
        },
        Vec::new(),
    ));
    document.add_object(dictionary! {
        "Type" => "Annot",
        "Subtype" => "Widget",
        "FT" => "Sig",
        "T" => text_string(&field.name),
        "TU" => text_string(&field.label),
        "Rect" => rect.into_iter().map(Object::from).collect::<Vec<_>>(),
        "F" => PRINT,
        "P" => page,
        "AP" => dictionary! { "N" => appearance },
    })
}

/// Appends `widget` to the page's `/Annots`, which may be absent, direct or indirect.
fn add_annotation(
    update: &mut IncrementalDocument,
    page: ObjectId,
    widget: ObjectId,
) -> Result<(), lopdf::Error> {
    let annotations = current(update, page)?
        .as_dict()?
        .get(b"Annots")
        .ok()
        .cloned();
    match annotations {
        Some(Object::Reference(array)) => {
            changed(update, array)?.as_array_mut()?.push(widget.into());
        }
        Some(Object::Array(mut array)) => {
            array.push(widget.into());
            changed(update, page)?.as_dict_mut()?.set("Annots", array);
        }
        _ => {
            let array = vec![Object::from(widget)];
            changed(update, page)?.as_dict_mut()?.set("Annots", array);
        }
    }
    Ok(())
}

/// Tags each widget, in a tagged PDF: a `Form` structure element, last in the document's
/// structure, holds it by an object reference, the structure's parent tree leads from the
/// widget (`/StructParent`) back to that element, and its page takes `/Tabs /S`. An untagged
/// PDF is left as it is.
fn tag_widgets(
    update: &mut IncrementalDocument,
    widgets: &[(ObjectId, ObjectId)],
) -> Result<(), lopdf::Error> {
    let previous = update.get_prev_documents();
    let Ok(root) = previous
        .catalog()?
        .get(b"StructTreeRoot")
        .and_then(Object::as_reference)
    else {
        return Ok(());
    };
    let document = match previous.get_dictionary(root)?.get(b"K")? {
        Object::Array(kids) => kids.first().and_then(|kid| kid.as_reference().ok()),
        Object::Reference(kid) => Some(*kid),
        _ => None,
    }
    .ok_or_else(|| lopdf::Error::DictKey("K".into()))?;
    let mut next_key = previous
        .get_dictionary(root)?
        .get(b"ParentTreeNextKey")
        .and_then(Object::as_i64)
        .unwrap_or(0);

    let mut parents = Vec::new();
    let mut elements = Vec::new();
    for &(widget, page) in widgets {
        let element = update.new_document.add_object(dictionary! {
            "Type" => "StructElem",
            "S" => "Form",
            "P" => document,
            "Pg" => page,
            "K" => dictionary! { "Type" => "OBJR", "Obj" => widget, "Pg" => page },
        });
        update
            .new_document
            .get_object_mut(widget)?
            .as_dict_mut()?
            .set("StructParent", next_key);
        parents.extend([Object::Integer(next_key), element.into()]);
        elements.push(Object::from(element));
        next_key += 1;
        changed(update, page)?.as_dict_mut()?.set("Tabs", "S");
    }

    let element = changed(update, document)?.as_dict_mut()?;
    let mut kids = match element.get(b"K") {
        Ok(Object::Array(kids)) => kids.clone(),
        Ok(kid) => vec![kid.clone()],
        Err(_) => Vec::new(),
    };
    kids.extend(elements);
    element.set("K", kids);

    let root = changed(update, root)?.as_dict_mut()?;
    root.set("ParentTreeNextKey", next_key);
    match root.get(b"ParentTree").cloned() {
        Ok(Object::Reference(tree)) => add_parents(changed(update, tree)?.as_dict_mut()?, parents),
        Ok(Object::Dictionary(mut tree)) => {
            add_parents(&mut tree, parents)?;
            root.set("ParentTree", tree);
            Ok(())
        }
        _ => {
            root.set("ParentTree", dictionary! { "Nums" => parents });
            Ok(())
        }
    }
}

/// Appends entries, whose keys follow every key it has, to a flat number tree.
fn add_parents(tree: &mut Dictionary, parents: Vec<Object>) -> Result<(), lopdf::Error> {
    if tree.has(b"Kids") {
        return Err(lopdf::Error::DictKey(
            "ParentTree with /Kids (not supported)".into(),
        ));
    }
    match tree.get_mut(b"Nums") {
        Ok(Object::Array(nums)) => nums.extend(parents),
        _ => tree.set("Nums", parents),
    }
    Ok(())
}

/// Lists the widgets in the catalog's form, keeping the fields it already has.
fn add_to_form(update: &mut IncrementalDocument, widgets: Vec<Object>) -> Result<(), lopdf::Error> {
    let previous = update.get_prev_documents();
    let mut form = acro_form(previous)?.cloned().unwrap_or_default();
    let mut fields = match form.get_deref(b"Fields", previous) {
        Ok(fields) => fields.as_array()?.clone(),
        Err(_) => Vec::new(),
    };
    fields.extend(widgets);
    form.set("Fields", fields);
    let flags = form.get(b"SigFlags").and_then(Object::as_i64).unwrap_or(0);
    form.set("SigFlags", flags | SIGNATURES_EXIST);
    let root = previous.trailer.get(b"Root")?.as_reference()?;
    changed(update, root)?.as_dict_mut()?.set("AcroForm", form);
    Ok(())
}

/// An object as it stands in the update, or else in the original.
fn current(update: &IncrementalDocument, id: ObjectId) -> Result<&Object, lopdf::Error> {
    match update.new_document.get_object(id) {
        Ok(object) => Ok(object),
        Err(_) => update.get_prev_documents().get_object(id),
    }
}

/// An object copied into the update (once), to be changed there.
fn changed(update: &mut IncrementalDocument, id: ObjectId) -> Result<&mut Object, lopdf::Error> {
    update.opt_clone_object_to_new_document(id)?;
    update.new_document.get_object_mut(id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fields::read::tests::{field, sample_pdf};

    #[test]
    fn no_fields_return_the_input_unchanged() {
        let pdf = sample_pdf(false);
        assert_eq!(add_signature_fields(pdf, &[]).unwrap(), pdf);
    }

    #[test]
    fn the_original_bytes_are_kept_and_the_output_is_deterministic() {
        let pdf = sample_pdf(true);
        let fields = [field("sig-a", 1), field("sig-b", 2)];
        let once = add_signature_fields(pdf, &fields).unwrap();
        assert!(once.starts_with(pdf));
        assert_eq!(add_signature_fields(pdf, &fields).unwrap(), once);
    }

    #[test]
    fn bad_fields_are_refused_with_their_name() {
        let pdf = sample_pdf(false);
        let past_the_end = add_signature_fields(pdf, &[field("sig-a", 99)]).unwrap_err();
        assert_eq!(
            past_the_end.to_string(),
            "field `sig-a`: page 99 does not exist (the document has 9 page(s))"
        );
        let twice = add_signature_fields(pdf, &[field("x", 1), field("x", 2)]).unwrap_err();
        assert!(matches!(twice, WriteError::DuplicateName(name) if name == "x"));
        let dotted = add_signature_fields(pdf, &[field("a.b", 1)]).unwrap_err();
        assert!(matches!(dotted, WriteError::BadName(_)));
        let mut flat = field("flat", 1);
        flat.rect[3] = flat.rect[1];
        let flat = add_signature_fields(pdf, &[flat]).unwrap_err();
        assert!(matches!(flat, WriteError::EmptyRect { .. }));
        let garbage = add_signature_fields(b"not a pdf", &[field("x", 1)]).unwrap_err();
        assert!(matches!(garbage, WriteError::Pdf(_)));
    }

    #[test]
    fn a_second_update_keeps_the_first_fields_and_refuses_their_names() {
        let pdf = sample_pdf(false);
        let first = add_signature_fields(pdf, &[field("sig-a", 1)]).unwrap();
        let again = add_signature_fields(&first, &[field("sig-a", 2)]).unwrap_err();
        assert!(matches!(again, WriteError::DuplicateName(_)));
        let second = add_signature_fields(&first, &[field("sig-b", 1)]).unwrap();
        let names: Vec<_> = crate::fields::read_signature_fields(&second)
            .unwrap()
            .into_iter()
            .map(|info| info.name)
            .collect();
        assert_eq!(names, ["sig-a", "sig-b"]);
    }
}
