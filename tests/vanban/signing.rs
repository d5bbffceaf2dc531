//! Signature fields on the sample report: qpdf and poppler accept them, they read back, and a
//! third-party tool (pyHanko) signs one while the others stay empty.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::{Value, json};
use vanban::fields::{FieldInfo, SignatureField, add_signature_fields, read_signature_fields};

use crate::support::*;

/// The sample report with three empty fields, on pages 1 and 2, written to a scratch file.
fn report_with_fields(test: &str, pdf_a: bool) -> PathBuf {
    let engine = vanban::Engine::new(&Default::default()).unwrap();
    let data = vanban::model::parse_year_data(&std::fs::read(SAMPLE).unwrap()).unwrap();
    let options = vanban::pdf::ExportOptions {
        pdf_a,
        pdf_ua: false,
        signature_fields: false,
    };
    let rendered = engine
        .pdf(vanban::DocumentKind::Report, &data, options)
        .unwrap();
    let pdf = add_signature_fields(&rendered.pdf, &fields()).unwrap();
    let path = scratch(test).join("fields.pdf");
    std::fs::write(&path, pdf).unwrap();
    path
}

fn fields() -> Vec<SignatureField> {
    [
        (
            "bchqs",
            "Ban Chỉ huy Quân sự thành phố",
            1,
            [320.0, 90.0, 540.5, 160.0],
        ),
        (
            "hoi-lhpn",
            "Hội Liên hiệp Phụ nữ",
            2,
            [60.0, 500.0, 260.0, 570.25],
        ),
        (
            "thanh-doan",
            "Thành đoàn Tam Kỳ",
            2,
            [320.0, 500.0, 520.0, 570.25],
        ),
    ]
    .into_iter()
    .map(|(party, label, page, rect)| SignatureField {
        name: format!("sig-{party}"),
        party: party.into(),
        label: label.into(),
        page,
        rect,
    })
    .collect()
}

/// The fields as they must read back, signed or not.
fn expected(signed: &[&str]) -> Vec<FieldInfo> {
    fields()
        .into_iter()
        .map(|field| FieldInfo {
            signed: signed.contains(&field.name.as_str()),
            name: field.name,
            label: Some(field.label),
            page: Some(field.page),
            rect: field.rect,
        })
        .collect()
}

fn read_back(pdf: &Path) -> Vec<FieldInfo> {
    read_signature_fields(&std::fs::read(pdf).unwrap()).unwrap()
}

/// Runs qpdf --check and asserts it found no error and printed no warning.
fn assert_qpdf_clean(pdf: &Path) {
    let output = Command::new("qpdf")
        .arg("--check")
        .arg(pdf)
        .output()
        .expect("qpdf runs (run scripts/test.sh to install it)");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success() && stderr.is_empty() && !stdout.contains("WARNING"),
        "qpdf --check {}: {stdout}{stderr}",
        pdf.display()
    );
}

/// Runs pdfinfo, asserts it printed no error, and returns what it printed.
fn pdfinfo_clean(pdf: &Path) -> String {
    let output = Command::new("pdfinfo")
        .arg(pdf)
        .output()
        .expect("pdfinfo runs (install poppler-utils)");
    // Poppler 22.12 (Debian 12) reports the valid `/MarkInfo << /Suspects false >>` that Typst
    // writes in every tagged PDF as an error; it does so for the PDF as exported too.
    let errors: Vec<_> = String::from_utf8_lossy(&output.stderr)
        .lines()
        .filter(|line| *line != "Syntax Error: Suspects object is wrong type (boolean)")
        .map(str::to_owned)
        .collect();
    assert!(
        output.status.success() && errors.is_empty(),
        "pdfinfo {}: {errors:?}",
        pdf.display()
    );
    squash(&String::from_utf8(output.stdout).unwrap())
}

#[test]
fn empty_signature_fields_pass_qpdf_and_poppler_and_read_back() {
    for pdf_a in [false, true] {
        let pdf = report_with_fields(&format!("signing-fields-{pdf_a}"), pdf_a);
        assert_qpdf_clean(&pdf);
        let info = pdfinfo_clean(&pdf);
        assert!(info.contains("Tagged: yes"), "{info}");
        assert!(info.contains("Form: AcroForm"), "{info}");
        assert_eq!(read_back(&pdf), expected(&[]), "PDF/A: {pdf_a}");
    }
}

/// What `tests/tools/sign_check.py` reports.
#[derive(serde::Deserialize, Debug)]
pub(crate) struct SignCheck {
    /// Every embedded signature, in the order they were made.
    signatures: Vec<SignatureCheck>,
    /// Signed or not, by field name.
    pyhanko_fields: Value,
    /// `{"type": "/Sig", "signed": …}` by field name.
    pypdf_fields: Value,
}

/// pyHanko's verdict on one signature.
#[derive(serde::Deserialize, Debug)]
struct SignatureCheck {
    field: String,
    intact: bool,
    valid: bool,
    trusted: bool,
    coverage: String,
    modification_level: Option<String>,
    bottom_line: bool,
}

/// Signs `fields` of `pdf` with pyHanko, one incremental update each, into `signed`; returns
/// the checker's report.
pub(crate) fn sign_with_pyhanko(pdf: &Path, signed: &Path, fields: &[&str]) -> SignCheck {
    sign_check(&[], pdf, signed, fields)
}

/// Runs tests/tools/sign_check.py with `options` first.
fn sign_check(options: &[&str], pdf: &Path, signed: &Path, fields: &[&str]) -> SignCheck {
    let args: Vec<&OsStr> = options
        .iter()
        .map(OsStr::new)
        .chain([pdf.as_os_str(), signed.as_os_str()])
        .chain(fields.iter().map(OsStr::new))
        .collect();
    let output = python_tool("sign_check.py", &args);
    serde_json::from_slice(&output.stdout).expect("sign_check.py prints its JSON summary")
}

#[test]
fn pyhanko_signs_one_field_and_the_others_stay_empty() {
    for pdf_a in [false, true] {
        let pdf = report_with_fields(&format!("signing-pyhanko-{pdf_a}"), pdf_a);
        let signed = pdf.with_file_name("signed.pdf");
        let check = sign_with_pyhanko(&pdf, &signed, &["sig-hoi-lhpn"]);

        let [signature] = &check.signatures[..] else {
            panic!("one signature: {check:?}")
        };
        assert_eq!(signature.field, "sig-hoi-lhpn");
        assert!(
            signature.intact && signature.valid && signature.trusted,
            "{check:?}"
        );
        assert_eq!(signature.coverage, "ENTIRE_FILE");
        assert!(signature.bottom_line, "{check:?}");
        let pyhanko = json!({ "sig-bchqs": false, "sig-hoi-lhpn": true, "sig-thanh-doan": false });
        assert_eq!(check.pyhanko_fields, pyhanko);
        let pypdf = |signed| json!({ "type": "/Sig", "signed": signed });
        let pypdf = json!({
            "sig-bchqs": pypdf(false),
            "sig-hoi-lhpn": pypdf(true),
            "sig-thanh-doan": pypdf(false),
        });
        assert_eq!(check.pypdf_fields, pypdf);

        assert_qpdf_clean(&signed);
        pdfinfo_clean(&signed);
        // Poppler checks the signature on its own (the test certificate is not in its store).
        let pdfsig = squash(&poppler("pdfsig", &[signed.to_str().unwrap()]));
        for expected in [
            "Signature Field Name: sig-bchqs The signature form field is not signed.",
            "Signature Field Name: sig-hoi-lhpn - Signer Certificate Common Name: vanban test signer",
            "Total document signed - Signature Validation: Signature is Valid.",
            "Signature Field Name: sig-thanh-doan The signature form field is not signed.",
        ] {
            assert!(pdfsig.contains(expected), "{expected:?} not in {pdfsig}");
        }
        assert_eq!(read_back(&signed), expected(&["sig-hoi-lhpn"]));
    }
}

#[test]
fn parties_sign_the_agreement_in_turn_and_every_signature_stays_valid() {
    let pdf = sample_agreement().0.as_path();
    let signed = scratch("signing-agreement").join("signed.pdf");
    let check = sign_with_pyhanko(pdf, &signed, &["sig-ban-chqs", "sig-hoi-lhpn"]);

    let [first, second] = &check.signatures[..] else {
        panic!("two signatures: {check:?}")
    };
    assert_eq!(
        (first.field.as_str(), second.field.as_str()),
        ("sig-ban-chqs", "sig-hoi-lhpn")
    );
    for signature in [first, second] {
        assert!(
            signature.intact && signature.valid && signature.trusted && signature.bottom_line,
            "{signature:?}"
        );
    }
    // The first signature covers its own revision; what came after is a signature only.
    assert_eq!(
        first.modification_level.as_deref(),
        Some("FORM_FILLING"),
        "{first:?}"
    );
    assert_eq!(second.coverage, "ENTIRE_FILE");

    let listed = check.pyhanko_fields.as_object().unwrap();
    assert_eq!(listed.len(), 8);
    for (name, is_signed) in listed {
        let expected = name == "sig-ban-chqs" || name == "sig-hoi-lhpn";
        assert_eq!(is_signed.as_bool(), Some(expected), "{name}");
    }
    assert_eq!(check.pypdf_fields.as_object().unwrap().len(), 8);
    assert_qpdf_clean(&signed);
    let fields = read_back(&signed);
    let signed_names: Vec<&str> = fields
        .iter()
        .filter(|f| f.signed)
        .map(|f| f.name.as_str())
        .collect();
    assert_eq!(signed_names, ["sig-ban-chqs", "sig-hoi-lhpn"]);
}

/// The catalog of the last revision of `pdf`, with the document to resolve its references.
fn catalog(pdf: &[u8]) -> (lopdf::Document, lopdf::Dictionary) {
    let document = lopdf::Document::load_mem(pdf).unwrap();
    let catalog = document.catalog().unwrap().clone();
    (document, catalog)
}

#[test]
fn every_pdf_ends_with_an_end_of_line_and_shows_its_title() {
    let dir = scratch("pdf-details");
    let ward = sample_batch()
        .1
        .iter()
        .find(|(name, _)| name.ends_with(".pdf"))
        .unwrap()
        .clone();
    let mut pdfs = vec![
        std::fs::read(sample_pdf()).unwrap(),
        std::fs::read(&sample_agreement().0).unwrap(),
        ward.1,
    ];
    for kind in ["report", "agreement"] {
        let pdf = dir.join(format!("{kind}-a.pdf"));
        assert_success(&vanban(&[
            "render",
            kind,
            SAMPLE,
            "--pdf-a",
            "-o",
            pdf.to_str().unwrap(),
        ]));
        pdfs.push(std::fs::read(pdf).unwrap());
    }
    for pdf in pdfs {
        assert!(pdf.ends_with(b"%%EOF\n"), "an end-of-line after %%EOF");
        let (document, catalog) = catalog(&pdf);
        let preferences = catalog.get_deref(b"ViewerPreferences", &document).unwrap();
        let display = preferences
            .as_dict()
            .unwrap()
            .get(b"DisplayDocTitle")
            .unwrap();
        assert!(display.as_bool().unwrap(), "DisplayDocTitle true");
    }
}

#[test]
fn the_agreements_signature_widgets_are_tagged_form_fields() {
    let pdf = std::fs::read(&sample_agreement().0).unwrap();
    let (document, catalog) = catalog(&pdf);
    let root = catalog
        .get_deref(b"StructTreeRoot", &document)
        .unwrap()
        .as_dict()
        .unwrap();
    let nums = root
        .get_deref(b"ParentTree", &document)
        .unwrap()
        .as_dict()
        .unwrap()
        .get(b"Nums")
        .unwrap()
        .as_array()
        .unwrap();
    let next_key = root.get(b"ParentTreeNextKey").unwrap().as_i64().unwrap();
    let form = catalog
        .get_deref(b"AcroForm", &document)
        .unwrap()
        .as_dict()
        .unwrap();
    let widgets = form.get(b"Fields").unwrap().as_array().unwrap();
    assert_eq!(widgets.len(), 8);
    for widget_ref in widgets {
        let widget_id = widget_ref.as_reference().unwrap();
        let widget = document.get_dictionary(widget_id).unwrap();
        let key = widget.get(b"StructParent").unwrap().as_i64().unwrap();
        assert!(key < next_key);
        let at = nums
            .chunks(2)
            .position(|pair| pair[0].as_i64().unwrap() == key)
            .expect("the parent tree lists the widget");
        let element_id = nums[at * 2 + 1].as_reference().unwrap();
        let element = document.get_dictionary(element_id).unwrap();
        assert_eq!(element.get(b"S").unwrap().as_name().unwrap(), b"Form");
        let reference = element.get(b"K").unwrap().as_dict().unwrap();
        assert_eq!(reference.get(b"Type").unwrap().as_name().unwrap(), b"OBJR");
        assert_eq!(
            reference.get(b"Obj").unwrap().as_reference().unwrap(),
            widget_id
        );
        // The element hangs in the tree: its parent lists it among its kids.
        let parent = document
            .get_dictionary(element.get(b"P").unwrap().as_reference().unwrap())
            .unwrap();
        let kids = parent.get(b"K").unwrap().as_array().unwrap();
        assert!(
            kids.iter()
                .any(|kid| kid.as_reference().ok() == Some(element_id))
        );
        let page = document
            .get_dictionary(widget.get(b"P").unwrap().as_reference().unwrap())
            .unwrap();
        assert_eq!(page.get(b"Tabs").unwrap().as_name().unwrap(), b"S");
    }
    assert_qpdf_clean(&sample_agreement().0);
}

/// Runs veraPDF (scripts/check-pdfa.sh, which scripts/test.sh names in VANBAN_VERAPDF) with
/// `args` (files, and `--flavour=ua1` before those to check as PDF/UA-1 rather than PDF/A-2b);
/// returns whether every file passed, and what it printed.
fn verapdf(args: &[&Path]) -> (bool, String) {
    let script = std::env::var_os("VANBAN_VERAPDF").expect(
        "VANBAN_VERAPDF is not set: run the tests with scripts/test.sh, which installs veraPDF \
         and sets it",
    );
    let output = Command::new(script)
        .args(args)
        .output()
        .expect("veraPDF runs");
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    assert!(
        stdout.contains("compliant"),
        "veraPDF gave no verdict: {stdout}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    (output.status.success(), stdout)
}

#[test]
fn three_parties_sign_the_pdf_a_agreement_in_turn_and_it_stays_pdf_a() {
    let dir = scratch("signing-pdf-a");
    let pdf = dir.join("agreement.pdf");
    assert_success(&vanban(&[
        "render",
        "agreement",
        SAMPLE,
        "--pdf-a",
        "-o",
        pdf.to_str().unwrap(),
    ]));
    let signed = dir.join("signed.pdf");
    let parties = ["sig-ban-chqs", "sig-mttq", "sig-hoi-lhpn"];
    // Without a visible stamp: pyHanko's would print in a font it does not embed.
    let check = sign_check(&["--no-stamp"], &pdf, &signed, &parties);
    assert_eq!(check.signatures.len(), 3, "{check:?}");
    for signature in &check.signatures {
        assert!(
            signature.intact && signature.valid && signature.trusted && signature.bottom_line,
            "{signature:?}"
        );
    }
    // Every revision, vanban's and each signer's, ends with an end-of-line after its %%EOF,
    // so that the next one starts a line of its own (PDF/A-2, 6.1.3).
    let bytes = std::fs::read(&signed).unwrap();
    let ends: Vec<usize> = bytes
        .windows(5)
        .enumerate()
        .filter(|(_, w)| *w == b"%%EOF")
        .map(|(at, _)| at + 5)
        .collect();
    assert_eq!(
        ends.len(),
        1 + 1 + parties.len(),
        "Typst's, the fields', one per signature"
    );
    for end in ends {
        assert!(
            matches!(bytes.get(end), Some(b'\n' | b'\r') | None),
            "no end-of-line after the %%EOF ending at {end}"
        );
    }
    assert_qpdf_clean(&signed);
    let (compliant, report) = verapdf(&[&pdf, &signed]);
    assert!(compliant, "not PDF/A-2b: {report}");
}

#[test]
fn the_agreement_with_its_fields_is_pdf_ua_and_pdf_a() {
    let dir = scratch("pdf-ua");
    let pdf = dir.join("agreement.pdf");
    let path = pdf.to_str().unwrap();
    assert_success(&vanban(&[
        "render",
        "agreement",
        SAMPLE,
        "--pdf-ua",
        "--pdf-a",
        "-o",
        path,
    ]));
    assert_eq!(read_back(&pdf).len(), 8, "the fields are there");
    let ua = Path::new("--flavour=ua1");
    let (compliant, report) = verapdf(&[&pdf, ua, &pdf]);
    assert!(compliant, "not PDF/A-2b and PDF/UA-1: {report}");
    assert_eq!(report.matches(": compliant").count(), 2, "{report}");
}
