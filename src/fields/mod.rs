//! Empty PDF signature fields (AcroForm `/FT /Sig`), one per signing party, placed over each
//! party's signing space so that every party can sign the same file in turn.
//!
//! [`locate`] reads where the layout put each signing space; [`write`] adds the fields to an
//! exported PDF; [`read`] lists the signature fields of any PDF.

mod locate;
mod read;
mod write;

pub use locate::{LABEL, LocateError, locate};
pub use read::{
    FieldInfo, MAX_FIELD_DEPTH, MAX_FIELD_NAME_CHARS, MAX_FORM_OBJECTS, MAX_PDF_BYTES, ReadError,
    read_signature_fields,
};
pub use write::{WriteError, add_signature_fields};

use serde::Serialize;

/// One signature field to add, in PDF user space.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SignatureField {
    /// The field name (`/T`), e.g. "sig-hoi-lhpn".
    pub name: String,
    /// The party's id in the data, e.g. "hoi-lhpn".
    pub party: String,
    /// The party's name, shown by readers as the field's description (`/TU`).
    pub label: String,
    /// The page it lies on, 1-based.
    pub page: usize,
    /// The rectangle `[x0, y0, x1, y1]` in points, origin at the page's bottom-left corner.
    pub rect: [f64; 4],
}
