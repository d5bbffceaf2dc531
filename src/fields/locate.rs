//! Where the layout put each signing space: the templates mark each one with a metadata
//! element labelled `<vanban-signature-field>`, whose value names the field and gives the
//! space's size, and whose position is the space's top-left corner.

use typst::foundations::{Dict, Label, Repr, Selector, Value};
use typst::introspection::{Introspector, MetadataElem};
use typst::utils::{Numeric, PicoStr};
use typst_layout::PagedDocument;

use super::SignatureField;

/// The label templates give the metadata of a signing space.
pub const LABEL: &str = "vanban-signature-field";

/// A signing space the template marked but described wrongly.
#[derive(Debug, thiserror::Error)]
#[error("signing space metadata: {0}")]
pub struct LocateError(String);

/// The signature fields of a laid-out document, in document order, in PDF user space.
pub fn locate(document: &PagedDocument) -> Result<Vec<SignatureField>, LocateError> {
    let Some(label) = Label::new(PicoStr::intern(LABEL)) else {
        return Ok(Vec::new());
    };
    let introspector = document.introspector();
    let mut fields = Vec::new();
    for element in introspector.query(&Selector::Label(label)).iter() {
        let Some(metadata) = element.to_packed::<MetadataElem>() else {
            return Err(LocateError(format!(
                "<{LABEL}> must label a metadata element"
            )));
        };
        let value: &Dict = match &metadata.value {
            Value::Dict(value) => value,
            _ => return Err(LocateError("the value must be a dictionary".into())),
        };
        let position = element
            .location()
            .and_then(|location| introspector.position(location))
            .ok_or_else(|| LocateError("a signing space has no position".into()))?;
        let page = position.page.get();
        let page_height = document.pages()[page - 1].frame.height().to_pt();
        let (x, top) = (position.point.x.to_pt(), position.point.y.to_pt());
        let (width, height) = (length(value, "width")?, length(value, "height")?);
        fields.push(SignatureField {
            name: text(value, "name")?,
            party: text(value, "party")?,
            label: text(value, "label")?,
            page,
            rect: [x, page_height - top - height, x + width, page_height - top],
        });
    }
    Ok(fields)
}

fn entry<'a>(dict: &'a Dict, key: &str) -> Result<&'a Value, LocateError> {
    dict.get(key)
        .map_err(|_| LocateError(format!("missing `{key}`")))
}

fn text(dict: &Dict, key: &str) -> Result<String, LocateError> {
    match entry(dict, key)? {
        Value::Str(text) => Ok(text.to_string()),
        other => Err(LocateError(format!(
            "`{key}` must be a string, found {}",
            other.ty()
        ))),
    }
}

/// An absolute length in points (a length with an em part is refused).
fn length(dict: &Dict, key: &str) -> Result<f64, LocateError> {
    match entry(dict, key)? {
        Value::Length(length) if length.em.is_zero() => Ok(length.abs.to_pt()),
        other => Err(LocateError(format!(
            "`{key}` must be an absolute length, found {}",
            other.repr()
        ))),
    }
}
