//! A corpus of every kind of problem, made by the real loaders and checks (year data, batch
//! files, their shared part, sheets of wards in .csv and .xlsx, a directory of ward files,
//! the engine's checks, render and batch queries) and by real requests to the service's
//! routes; the command line's own problems are made by `tests/vanban`. Every kind must be in
//! it, and each is said in English and in Vietnamese with no English word left in the
//! Vietnamese.

use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use axum::body::Body;
use axum::http::Request;
use serde_json::{Value, json};
use tower::ServiceExt;

use vanban::batch::{self, Batch, BatchError, BatchOptions, SheetFormat};
use vanban::errors::{DataError, IoReason, Kind, Language, Location};
use vanban::fields::{MAX_FIELD_DEPTH, MAX_FORM_OBJECTS, MAX_PDF_BYTES, read_signature_fields};
use vanban::model::{InvalidData, parse_year_data};
use vanban::request::{BatchRequest, RenderRequest};
use vanban::server::{AppState, Problem, ServerOptions, app};
use vanban::{DocumentKind, Engine, EngineOptions};

use crate::hostile::files;
use crate::server::form;

/// Every problem said, with its location when it has one.
#[derive(Debug, Default)]
struct Said(Vec<(Kind, Option<Location>)>);

impl Said {
    fn kind(&mut self, kind: Kind) {
        self.0.push((kind, None));
    }

    fn errors(&mut self, errors: &[DataError]) {
        let errors = errors.iter().cloned();
        self.0
            .extend(errors.map(|error| (error.kind, Some(error.at))));
    }

    fn invalid(&mut self, error: &InvalidData) {
        self.kind(error.kind());
        self.errors(error.errors());
    }

    fn problem(&mut self, problem: &Problem) {
        self.kind(problem.kind().clone());
        let errors: Vec<DataError> = problem.data_errors().cloned().collect();
        self.errors(&errors);
    }
}

fn sample(name: &str) -> Vec<u8> {
    std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("samples")
            .join(name),
    )
    .unwrap()
}

fn sample_json(name: &str) -> Value {
    serde_json::from_slice(&sample(name)).unwrap()
}

/// The sample year data changed by `edit`.
fn year_data(edit: impl FnOnce(&mut Value)) -> Vec<u8> {
    let mut data = sample_json("tam-ky-2022.json");
    edit(&mut data);
    serde_json::to_vec(&data).unwrap()
}

/// The sample batch file changed by `edit`.
fn batch_file(edit: impl FnOnce(&mut Value)) -> Vec<u8> {
    let mut batch = sample_json("tam-ky-wards-2022.json");
    edit(&mut batch);
    serde_json::to_vec(&batch).unwrap()
}

/// Year data that breaks every rule, each edit in a file of its own where one error would
/// hide the others.
fn bad_year_data() -> Vec<Vec<u8>> {
    let quantity =
        |o: usize, a: usize, q: usize| format!("/organizations/{o}/activities/{a}/quantities/{q}");
    let set = |data: &mut Value, pointer: &str, value: Value| {
        let (parent, field) = pointer.rsplit_once('/').unwrap();
        match data.pointer_mut(parent) {
            Some(Value::Object(object)) => {
                object.insert(field.to_owned(), value);
            }
            Some(Value::Array(items)) => items[field.parse::<usize>().unwrap()] = value,
            _ => panic!("no {parent}"),
        }
    };
    let remove = |data: &mut Value, pointer: &str, field: &str| {
        data.pointer_mut(pointer)
            .and_then(Value::as_object_mut)
            .and_then(|object| object.remove(field))
            .unwrap_or_else(|| panic!("no {pointer}/{field}"));
    };
    vec![
        // Text that cannot print well.
        year_data(|d| {
            set(d, "/signer/name", json!(" \u{200B} "));
            set(
                d,
                "/situation/overview/0",
                json!("Tình hình \u{202E}đảo chiều"),
            );
            set(d, "/general_results/0", json!("x".repeat(36)));
            set(d, "/signer/rank", json!("Thượng\u{0}tá"));
            set(d, "/issuer/name", json!("x".repeat(21)));
            set(
                d,
                &format!("{}/unit", quantity(0, 0, 0)),
                json!("x".repeat(11)),
            );
        }),
        // Against the schema.
        year_data(|d| {
            set(d, "/issuer/nam", json!("x"));
            remove(d, "/issuer", "abbreviation");
            set(d, "/year", json!("2022"));
            set(d, "/document/number", json!(5.5));
            set(d, "/signer/name", json!(["Đoàn Văn Quang"]));
            set(d, "/signer/title", json!({"a": 1}));
            set(d, "/issuer/place", json!(true));
            set(d, "/review_meeting/place", json!(null));
            set(d, "/situation", json!(5));
            set(d, "/recipients", json!("UBND thành phố"));
            set(d, "/document/review", json!("so-ket"));
            set(d, "/signer/authority", json!(5));
        }),
        year_data(|d| {
            set(d, "/year", json!(3022));
            set(d, &format!("{}/count", quantity(0, 0, 0)), json!(-1));
            set(d, "/recipients", json!(vec!["UBND thành phố"; 31]));
            set(d, "/archive", json!([]));
            set(d, "/issuer/abbreviation", json!("bchqs"));
            set(d, "/document/date", json!("2022-02-30"));
        }),
        year_data(|d| set(d, "/recipients/0", json!("Ủy ban nhân dân ".repeat(10)))),
        year_data(|d| set(d, "/issuer/place", json!("xã tân lập"))),
        // A whole number written as a fraction, which only serde catches.
        year_data(|d| set(d, &format!("{}/count", quantity(0, 0, 0)), json!(5.0))),
        // The rules the schema cannot say.
        year_data(|d| {
            set(d, "/organizations/1/id", json!("Hoi LHPN"));
            let first = d["organizations"][0]["id"].clone();
            set(d, "/organizations/2/id", first);
            set(d, "/document/date", json!("2020-05-01"));
            set(d, &format!("{}/key", quantity(3, 0, 0)), json!("Ho Ngheo"));
            let key = d["organizations"][0]["activities"][0]["quantities"][0]["key"].clone();
            set(d, &format!("{}/key", quantity(0, 0, 1)), key);
            set(
                d,
                "/organizations/1/activities/0/text",
                json!("Vận động {khong_co}."),
            );
            set(
                d,
                "/organizations/2/activities/2/text",
                json!("Tổ chức {khong_co}."),
            );
            set(d, &format!("{}/count", quantity(0, 1, 1)), json!(1));
            remove(d, &quantity(2, 1, 0), "count");
            set(d, &format!("{}/unit", quantity(1, 0, 0)), json!("đồng"));
            remove(d, &quantity(1, 0, 1), "unit");
            set(d, "/signer/authority", json!("Q"));
            set(d, "/next_program/parties/0/signer/authority", json!("TM"));
            let signer =
                json!({"on_behalf_of": "Ban Thường vụ", "title": "Chủ tịch", "name": "Lê A"});
            set(d, "/next_program/parties/1/signer", signer);
            set(d, "/next_program/document/date", json!("2020-01-01"));
            let lead = d["next_program"]["items"][0]["lead"].clone();
            set(
                d,
                "/next_program/items/0/partners",
                json!([lead, "mttq", "mttq", "khong-co"]),
            );
            set(d, "/next_program/items/0/deadline", json!("2024-01-01"));
            set(
                d,
                "/next_program/items/1/text",
                json!("Thực hiện {khong_co}."),
            );
            let party = d["next_program"]["responsibilities"][0]["party"].clone();
            set(d, "/next_program/responsibilities/1/party", party);
            set(
                d,
                "/next_program/reporting/midyear_review",
                json!("2023-12-01"),
            );
        }),
        // Figures, the period and the program reference.
        year_data(|d| {
            let figure = d.pointer_mut(&quantity(0, 0, 0)).unwrap();
            let figure = figure.as_object_mut().unwrap();
            figure.remove("count");
            figure.insert("ratio".into(), json!([4, 3]));
            set(
                d,
                "/organizations/5/activities/0/text",
                json!("Tổ chức {buoi_noi_chuyen} nói chuyện truyền thống."),
            );
            set(d, &format!("{}/table_unit", quantity(6, 0, 1)), json!("đ"));
            set(d, "/document/first_year", json!(2020));
            set(d, "/program_reference/symbol", json!("CTr-BCHQS"));
            set(d, "/program_reference/date", json!("2022-12-01"));
        }),
        year_data(|d| set(d, "/document/review", json!("tong_ket_giai_doan"))),
        year_data(|d| {
            set(d, "/document/review", json!("tong_ket_giai_doan"));
            set(d, "/document/first_year", json!(2022));
        }),
        year_data(|d| {
            for o in 0..7 {
                let figure = d.pointer_mut(&quantity(o, 0, 0)).unwrap();
                let figure = figure.as_object_mut().unwrap();
                figure.remove("count");
                figure.remove("unit");
                figure.insert("amount".into(), json!(10_000_000_000_000u64));
            }
        }),
        // Figures that do not answer this year's program's targets.
        year_data(|d| {
            set(d, &format!("{}/unit", quantity(2, 0, 0)), json!("cây"));
            let percent = |label: &str| json!({ "key": "ty_le", "label": label, "percent": 90 });
            let targets = d.pointer_mut("/program/items/0/targets").unwrap();
            targets.as_array_mut().unwrap().push(percent("Tỷ lệ"));
            for o in 0..2 {
                let figures = d.pointer_mut(&format!("/organizations/{o}/activities/0/quantities"));
                figures
                    .unwrap()
                    .as_array_mut()
                    .unwrap()
                    .push(percent("Tỷ lệ"));
            }
        }),
        // Past what one document may hold.
        year_data(|d| {
            let paragraph = vec!["ngày"; 600].join(" ");
            for section in ["general_results", "shortcomings", "causes", "lessons"] {
                set(
                    d,
                    &format!("/{section}"),
                    json!(vec![paragraph.as_str(); 30]),
                );
            }
        }),
        year_data(|d| {
            let quantities: Vec<Value> = (0..10)
                .map(|q| json!({"key": format!("k{q}"), "label": "Cây xanh", "count": 1, "unit": "cây"}))
                .collect();
            let activity = json!({"text": "Trồng {k0}.", "quantities": quantities});
            set(d, "/organizations/0/activities", json!(vec![activity; 40]));
        }),
        // A field written twice.
        String::from_utf8(year_data(|_| {}))
            .unwrap()
            .replacen("\"year\":2022", "\"year\":2022,\n\"year\":2023", 1)
            .into_bytes(),
    ]
}

/// Bytes that are not JSON, one for each syntax error serde_json reports.
fn bad_json() -> Vec<Vec<u8>> {
    let mut inputs: Vec<Vec<u8>> = [
        "{\n  \"year\": 2022,\n  oops",
        "{\"year\": oops}",
        "[trux]",
        "[1, 2",
        "{\"a\": 1",
        "\"abc",
        "{\"a\": ",
        "{\"a\" 1}",
        "[1 2]",
        "{\"a\": 1 \"b\": 2}",
        "tru",
        "\"\\q\"",
        "-x",
        "1e999999",
        "\"\\uDC00\"",
        "\"a\u{1}b\"",
        "{1: 2}",
        "\"\\uD800\"",
        "[1,]",
        "{} x",
        "\"\\u12\"",
    ]
    .iter()
    .map(|text| text.as_bytes().to_vec())
    .collect();
    inputs.push(format!("{}{}", "[".repeat(200), "]".repeat(200)).into_bytes());
    inputs.push(b"{\"year\": \"Tam K\xff\"}".to_vec());
    inputs
}

/// Batch files that break every rule; serde stops at its first error, so each of those has a
/// file of its own.
fn bad_batches() -> Vec<Vec<u8>> {
    let shared_key = |b: &mut Value| {
        let key = b["shared"]["organizations"][0]["activities"][0]["quantities"][0]["key"].clone();
        b["shared"]["organizations"][1]["activities"][0]["quantities"][0]["key"] = key;
    };
    vec![
        batch_file(|b| b["wards"] = json!([])),
        batch_file(|b| {
            b["wards"][0]["name"] = json!("!!!");
            b["wards"][1]["name"] = json!("Tổng hợp");
            b["wards"][3]["name"] = b["wards"][2]["name"].clone();
            b["wards"][4]["figures"]["khong_co"] = json!(1);
            b["wards"][5]["name"] = json!("Khu phố Hòa Hương");
        }),
        batch_file(shared_key),
        batch_file(|b| {
            b["shared"]["organizations"][0]["activities"][0]["quantities"][0]["key"] =
                json!("level");
        }),
        batch_file(|b| {
            b.as_object_mut().unwrap().remove("wards");
        }),
        batch_file(|b| b["ward"] = json!([])),
        batch_file(|b| b["wards"][0]["nam"] = json!("x")),
        batch_file(|b| b["wards"][0]["figures"]["cay_xanh"] = json!(-5)),
        batch_file(|b| b["wards"][0]["figures"]["cay_xanh"] = json!(1.5)),
        batch_file(|b| b["wards"][0]["name"] = json!(5)),
        batch_file(|b| b["wards"][0]["name"] = json!(["Phường An Mỹ"])),
        batch_file(|b| b["shared"] = json!("x")),
        batch_file(|b| b["wards"] = json!({})),
        batch_file(|b| b["wards"][0] = json!(true)),
        batch_file(|b| b["wards"][0] = json!([])),
        b"null".to_vec(),
        b"[]".to_vec(),
    ]
}

/// Sheets of wards (CSV) with every kind of bad header and cell.
fn bad_csv_sheets() -> Vec<&'static [u8]> {
    vec![
        &b""[..],
        &b"name,signer_name\n"[..],
        &b"Name,signer_name,cay_xanh,cay_xanh\n"[..],
        "name,signer_name,cay_xanh,number,date\nPhường An Mỹ,,abc,1.5,28/10/2022,x\n".as_bytes(),
        "name,signer_name\nPhường An Mỹ,A\nP. An Mỹ,B\nTổng hợp,C\n".as_bytes(),
        &b"name,signer_name\nPh\xffng,A\n"[..],
    ]
}

/// A cell of a generated workbook.
#[derive(Clone, Copy)]
enum Cell<'a> {
    Text(&'a str),
    Number(f64),
    /// A serial date with a date, date-and-time or duration number format.
    Date(f64),
    DateTime(f64),
    Duration(f64),
    Bool(bool),
    Error(&'a str),
}

/// An .xlsx workbook whose first worksheet holds `rows` (none: no worksheet at all).
fn xlsx(rows: Option<&[&[Cell]]>) -> Vec<u8> {
    let mut sheet = String::from(
        r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#,
    );
    for (r, row) in rows.unwrap_or_default().iter().enumerate() {
        sheet.push_str(&format!(r#"<row r="{}">"#, r + 1));
        for (c, cell) in row.iter().enumerate() {
            let at = format!("{}{}", char::from(b'A' + c as u8), r + 1);
            sheet.push_str(&match cell {
                Cell::Text(text) => {
                    format!(r#"<c r="{at}" t="inlineStr"><is><t>{text}</t></is></c>"#)
                }
                Cell::Number(n) => format!(r#"<c r="{at}"><v>{n}</v></c>"#),
                Cell::Date(n) => format!(r#"<c r="{at}" s="1"><v>{n}</v></c>"#),
                Cell::DateTime(n) => format!(r#"<c r="{at}" s="2"><v>{n}</v></c>"#),
                Cell::Duration(n) => format!(r#"<c r="{at}" s="3"><v>{n}</v></c>"#),
                Cell::Bool(b) => format!(r#"<c r="{at}" t="b"><v>{}</v></c>"#, u8::from(*b)),
                Cell::Error(e) => format!(r#"<c r="{at}" t="e"><v>{e}</v></c>"#),
            });
        }
        sheet.push_str("</row>");
    }
    sheet.push_str("</sheetData></worksheet>");
    let sheets = if rows.is_some() {
        r#"<sheets><sheet name="Wards" sheetId="1" r:id="rId1"/></sheets>"#
    } else {
        "<sheets/>"
    };
    let files = [
        (
            "[Content_Types].xml",
            r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>"#.to_owned(),
        ),
        (
            "_rels/.rels",
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#.to_owned(),
        ),
        (
            "xl/workbook.xml",
            format!(
                r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">{sheets}</workbook>"#
            ),
        ),
        (
            "xl/_rels/workbook.xml.rels",
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#.to_owned(),
        ),
        (
            "xl/styles.xml",
            r#"<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="22" applyNumberFormat="1"/><xf numFmtId="46" applyNumberFormat="1"/></cellXfs></styleSheet>"#.to_owned(),
        ),
        ("xl/worksheets/sheet1.xml", sheet),
    ];
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, text) in files {
        zip.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

/// Workbooks with every kind of cell where it does not belong.
fn bad_xlsx_sheets() -> Vec<Vec<u8>> {
    use Cell::*;
    let bad_header: &[&[Cell]] = &[&[Text("name"), Text("signer_name"), Number(5.0)]];
    let bad_cells: &[&[Cell]] = &[
        &[
            Text("name"),
            Text("signer_name"),
            Text("cay_xanh"),
            Text("date"),
        ],
        &[Number(5.0), Date(44862.0), Bool(true), Error("#DIV/0!")],
        &[DateTime(44862.5), Bool(false), Duration(1.5), Text("abc")],
    ];
    vec![
        b"not a workbook".to_vec(),
        xlsx(None),
        xlsx(Some(bad_header)),
        xlsx(Some(bad_cells)),
    ]
}

/// Sheets past a limit: a value past the last column, a CSV over its size, a workbook packed
/// as a ZIP bomb, one whose parts unpack past the total, a ward's name too long.
fn sheets_past_limits() -> Vec<(SheetFormat, Vec<u8>)> {
    let zip_of = |parts: &[(String, Vec<u8>)]| {
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        for (name, bytes) in parts {
            zip.start_file(name.as_str(), zip::write::SimpleFileOptions::default())
                .unwrap();
            zip.write_all(bytes).unwrap();
        }
        zip.finish().unwrap().into_inner()
    };
    let far = format!("name,signer_name{}x\n", ",".repeat(64));
    let mut big = b"name,signer_name\n".to_vec();
    big.resize(33 * 1024 * 1024, b'\n');
    let bomb = zip_of(&[("xl/worksheets/sheet1.xml".into(), vec![b' '; 8 << 20])]);
    let parts: Vec<(String, Vec<u8>)> = (0..130)
        .map(|part| (format!("xl/media/{part}.xml"), vec![b' '; 1 << 20]))
        .collect();
    let long = format!("name,signer_name\nPhường {},A\n", ["An"; 60].join(" "));
    vec![
        (SheetFormat::Csv, far.into_bytes()),
        (SheetFormat::Csv, big),
        (SheetFormat::Xlsx, bomb),
        (SheetFormat::Xlsx, zip_of(&parts)),
        (SheetFormat::Csv, long.into_bytes()),
    ]
}

/// A directory batch whose first ward's file has a figure no shared quantity has, and whose
/// second ward's file is gone by the time it is read; the third is fine.
fn bad_directory(engine: &Engine, said: &mut Said) {
    let shared = Batch::parse_shared(&sample("tam-ky-wards-2022.json")).unwrap();
    // One directory per call: two tests of one process may run the corpus at once.
    static CALLS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let call = CALLS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!(
        "vanban-messages-corpus-{}-{call}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let wards = Batch::parse(&sample("tam-ky-wards-2022.json")).unwrap();
    // A ward's year data as a file: its optional fields left out rather than null.
    fn without_nulls(value: &mut Value) {
        match value {
            Value::Object(object) => {
                object.retain(|_, item| !item.is_null());
                object.values_mut().for_each(without_nulls);
            }
            Value::Array(items) => items.iter_mut().for_each(without_nulls),
            _ => {}
        }
    }
    let ward = |index| {
        let mut data = serde_json::to_value(wards.ward_data(index).unwrap()).unwrap();
        without_nulls(&mut data);
        data
    };
    let mut extra = ward(0);
    extra["organizations"][0]["activities"][0]["quantities"][0]["key"] = json!("khong_co");
    extra["organizations"][0]["activities"][0]["text"] = json!("Tổ chức {khong_co}.");
    let write = |name: &str, data: &Value| -> PathBuf {
        let path = dir.join(name);
        std::fs::write(&path, serde_json::to_vec(data).unwrap()).unwrap();
        path
    };
    write("a.json", &extra);
    let gone = write("b.json", &ward(1));
    write("c.json", &ward(2));
    let batch = Batch::from_directory(shared, &dir).unwrap();
    std::fs::remove_file(gone).unwrap();
    let options = BatchOptions::default();
    let prepared = match batch::prepare(engine, &batch, &options) {
        Ok(prepared) => prepared,
        Err(BatchError::Rollup(error)) => panic!("the roll-up failed: {error:?}"),
        Err(error) => panic!("{error}"),
    };
    for (_, errors) in prepared.invalid() {
        said.errors(errors);
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

/// What the library's loaders and checks say.
fn library(engine: &Engine, said: &mut Said) {
    for bytes in bad_year_data().iter().chain(&bad_json()) {
        said.invalid(&parse_year_data(bytes).expect_err("bad year data"));
    }
    // What only rendering checks: a character without a glyph, an agreement without its
    // program.
    let data = parse_year_data(&year_data(|d| d["signer"]["name"] = json!("Đoàn Văn 漢"))).unwrap();
    said.invalid(&engine.check(DocumentKind::Report, &data).unwrap_err());
    let data = parse_year_data(&year_data(|d| {
        d.as_object_mut().unwrap().remove("next_program");
    }))
    .unwrap();
    said.invalid(&engine.check(DocumentKind::Agreement, &data).unwrap_err());

    for bytes in bad_batches() {
        let error = Batch::parse(&bytes).expect_err("a bad batch");
        said.kind(error.batch_kind());
        said.errors(error.errors());
    }
    let shared = || Batch::parse_shared(&sample("tam-ky-wards-2022.json")).unwrap();
    for bytes in bad_csv_sheets() {
        let error = Batch::from_sheet(shared(), SheetFormat::Csv, bytes).expect_err("a bad sheet");
        said.kind(error.kind());
        said.errors(error.errors());
    }
    for bytes in bad_xlsx_sheets() {
        let error =
            Batch::from_sheet(shared(), SheetFormat::Xlsx, &bytes).expect_err("a bad sheet");
        said.kind(error.kind());
        said.errors(error.errors());
    }
    for (format, bytes) in sheets_past_limits() {
        let error = Batch::from_sheet(shared(), format, &bytes).expect_err("past a limit");
        said.kind(error.kind());
        said.errors(error.errors());
    }
    bad_directory(engine, said);
    let empty = std::env::temp_dir().join(format!("vanban-corpus-empty-{}", std::process::id()));
    std::fs::create_dir_all(&empty).unwrap();
    for dir in [empty.as_path(), Path::new("/nonexistent/vanban")] {
        let error = Batch::from_directory(shared(), dir).expect_err("no wards");
        said.kind(error.kind(dir));
    }
    // Files whose names give the same file name, or the roll-up's; a link and a file too
    // large to be a ward's (sparse: it takes no disk).
    for name in ["An My.json", "an-my.json", "tong-hop.json"] {
        std::fs::write(empty.join(name), b"{}").unwrap();
    }
    std::os::unix::fs::symlink("an-my.json", empty.join("lien-ket.json")).unwrap();
    let big = std::fs::File::create(empty.join("lon.json")).unwrap();
    big.set_len(1 << 30).unwrap();
    match Batch::from_directory(shared(), &empty) {
        Err(error @ batch::DirectoryError::Names { .. }) => {
            said.kind(error.kind(&empty));
            if let batch::DirectoryError::Names { errors } = error {
                said.errors(&errors);
            }
        }
        other => panic!("{other:?}"),
    }
    std::fs::remove_dir_all(&empty).unwrap();

    // A template that fails.
    let templates = std::env::temp_dir().join(format!("vanban-corpus-tpl-{}", std::process::id()));
    std::fs::create_dir_all(&templates).unwrap();
    std::fs::write(templates.join("report.typ.j2"), "{{ data.nope.deeper }}\n").unwrap();
    let broken = Engine::new(&EngineOptions {
        templates: Some(templates.clone()),
        font_dirs: Vec::new(),
    })
    .unwrap();
    let data = parse_year_data(&sample("tam-ky-2022.json")).unwrap();
    let error = broken
        .pdf(DocumentKind::Report, &data, Default::default())
        .unwrap_err();
    said.kind(error.kind());
    said.errors(&error.errors());
    // A template whose Typst fails.
    std::fs::write(templates.join("report.typ.j2"), "#panic(\"no\")\n").unwrap();
    let broken = Engine::new(&EngineOptions {
        templates: Some(templates.clone()),
        font_dirs: Vec::new(),
    })
    .unwrap();
    let error = broken
        .pdf(DocumentKind::Report, &data, Default::default())
        .unwrap_err();
    said.kind(error.kind());
    said.errors(&error.errors());
    std::fs::remove_dir_all(&templates).unwrap();

    // Render and batch requests.
    for query in [
        "format=gif",
        "page=2",
        "format=png&pdf_a=true",
        "format=png&page=0",
        "format=png&dpi=5000",
        "format=svg&dpi=96",
        "format=png&page=abc",
        "pdf_a=maybe",
        "colour=red",
        "page=1&page=1",
    ] {
        let pairs: Vec<(String, String)> = query
            .split('&')
            .map(|pair| {
                let (name, value) = pair.split_once('=').unwrap();
                (name.to_owned(), value.to_owned())
            })
            .collect();
        said.kind(RenderRequest::from_query(DocumentKind::Report, &pairs).unwrap_err());
    }
    let with = [("with".to_owned(), "memo".to_owned())];
    said.kind(BatchRequest::from_query(&with).unwrap_err());
    said.kind(DocumentKind::named("memo").unwrap_err());

    // PDFs `vanban fields` refuses (`hostile::files` runs each through the command line).
    for pdf in [
        files::nested_fields(MAX_FIELD_DEPTH + 1, "f"),
        files::many_fields(MAX_FORM_OBJECTS + 1),
        files::long_name(),
        files::field_loop(),
        vec![b' '; MAX_PDF_BYTES as usize + 1],
    ] {
        said.kind(read_signature_fields(&pdf).unwrap_err().kind());
    }
}

/// What the command line says of its own (`tests/vanban` runs each of these).
fn command_line(said: &mut Said) {
    let file = || "wards.ods".to_owned();
    for kind in [
        Kind::FieldsJsonWithoutFields,
        Kind::PngToStdoutNeedsPage,
        Kind::OtherSheetFormat { file: file() },
        Kind::SheetNeedsShared { file: file() },
        Kind::DirectoryNeedsShared { file: file() },
        Kind::SharedWithBatchFile { file: file() },
        Kind::CannotWrite {
            file: file(),
            reason: IoReason::PermissionDenied,
        },
        Kind::FileUnreadable {
            file: file(),
            reason: IoReason::Other,
        },
        Kind::NotAPdf,
        Kind::CannotServe {
            addr: "127.0.0.1:8080".into(),
        },
        Kind::WardsLeftOut {
            failed: 1,
            wards: 13,
        },
        Kind::StoppedAtWard {
            ward: "Phường An Mỹ".into(),
        },
        Kind::RollupFailed,
        Kind::ProgramFileYear {
            file: file(),
            year: 2022,
            found: 2020,
        },
        Kind::ProgramFileWithoutProgram {
            file: file(),
            year: 2022,
        },
        Kind::ProgramGivenTwice { file: file() },
    ] {
        said.kind(kind);
    }
    stored_data(said);
}

/// The stored data's problems, each made for real by the tests of `server::stored` (which
/// check their English word for word) and by `vanban office|user|backup`.
fn stored_data(said: &mut Said) {
    let code = || "tam-ky".to_owned();
    for kind in [
        Kind::NoDatabase,
        Kind::DatabaseUnavailable {
            location: "postgres://vanban@db/vanban".into(),
        },
        Kind::BackupNeedsSqlite,
        Kind::NotLoggedIn,
        Kind::WrongLogin,
        Kind::TooManyLogins { minutes: 15 },
        Kind::CsrfTokenMissing,
        Kind::NotAnOfficeCode {
            found: "Tam Kỳ".into(),
        },
        Kind::OfficeExists { code: code() },
        Kind::NoSuchOffice { code: code() },
        Kind::NotALogin {
            found: "Nguyễn Văn A".into(),
        },
        Kind::LoginExists {
            login: "clerk.tk".into(),
        },
        Kind::NoSuchLogin {
            login: "clerk.tk".into(),
        },
        Kind::UserDisabled {
            login: "clerk.tk".into(),
        },
        Kind::NoSuchToken {
            login: "clerk.tk".into(),
            label: "script".into(),
        },
        Kind::PasswordTooShort { min: 10 },
        Kind::PasswordsDiffer,
        Kind::NoSuchDraft { year: 2022 },
        Kind::NoSuchRevision {
            year: 2022,
            revision: 3,
        },
        Kind::RevisionConflict {
            year: 2022,
            base: 0,
            current: 1,
            saved_by: "clerk.tk".into(),
        },
        Kind::RevisionConflict {
            year: 2022,
            base: 1,
            current: 2,
            saved_by: "clerk.tk".into(),
        },
        Kind::ChangedSince { revision: 2 },
        Kind::DraftYearMismatch {
            year: 2023,
            found: 2022,
        },
        Kind::ReadOnlyOffice { code: code() },
        Kind::NumberTaken {
            number: 5,
            series: 2022,
            earlier: "05/BC-BCHQS".into(),
            dated: chrono::NaiveDate::from_ymd_opt(2022, 11, 2).unwrap(),
            issued_by: "clerk.tk".into(),
            next: 7,
        },
        Kind::NoSubordinateDrafts { year: 2022 },
        Kind::OfficesWithoutProgram,
        Kind::NoSuchDocument { id: 12 },
        Kind::NoSuchVersion {
            symbol: "01/CTr-BCHQS-CTXH".into(),
            version: 3,
        },
        Kind::NotTheIssuedDocument {
            symbol: "01/CTr-BCHQS-CTXH".into(),
            version: 2,
        },
        Kind::SignedFromOlderVersion {
            symbol: "01/CTr-BCHQS-CTXH".into(),
            based_on: 1,
            latest: 2,
        },
        Kind::NoNewSignature {
            symbol: "01/CTr-BCHQS-CTXH".into(),
            signed: 0,
        },
        Kind::NoNewSignature {
            symbol: "01/CTr-BCHQS-CTXH".into(),
            signed: 2,
        },
    ] {
        said.kind(kind);
    }
}

/// The body limit of the server under test: the samples fit, a larger body does not.
const BODY_LIMIT: usize = 64 * 1024;

/// The ward limit of the server under test: the sample's 13 wards.
const MAX_WARDS: usize = 13;

/// What the routes answer with: each request goes through the whole service, in process.
fn routes(engine: Engine, said: &mut Said) {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let options = ServerOptions {
        body_limit: BODY_LIMIT,
        max_wards: MAX_WARDS,
        ..ServerOptions::default()
    };
    let state: Arc<AppState> = AppState::new(engine, &options);
    let answer = |request: Request<Body>| {
        let path = request.uri().to_string();
        let response = runtime
            .block_on(app(state.clone()).oneshot(request))
            .unwrap();
        let problem = response.extensions().get::<Problem>();
        problem
            .unwrap_or_else(|| panic!("{path}: no problem"))
            .clone()
    };
    let ask = |method: &str, path: &str, content_type: Option<&str>, body: Vec<u8>| {
        let mut request = Request::builder().method(method).uri(path);
        if let Some(content_type) = content_type {
            request = request.header("Content-Type", content_type);
        }
        answer(request.body(Body::from(body)).unwrap())
    };
    let json = |path: &str, body: &[u8]| ask("POST", path, Some("application/json"), body.to_vec());
    let year_data = sample("tam-ky-2022.json");
    let batch = sample("tam-ky-wards-2022.json");
    let sheet = sample("tam-ky-wards-2022.csv");
    let report = "/v1/documents/report";
    let mut problems = vec![
        json(report, b"{\"year\": 2022"),
        json("/v1/documents/memo", &year_data),
        json(&format!("{report}?format=png&page=99"), &year_data),
        ask("GET", "/v2/documents/report", None, Vec::new()),
        ask("GET", report, None, Vec::new()),
        ask("GET", "/static/nope.js", None, Vec::new()),
        ask("POST", report, Some("text/plain"), year_data.clone()),
        json(report, &vec![b' '; BODY_LIMIT + 1]),
        ask("POST", "/v1/batches", Some("text/csv"), sheet.clone()),
        ask(
            "POST",
            "/v1/batches/template",
            Some("text/csv"),
            sheet.clone(),
        ),
        json("/v1/batches/template", b"{\"shared\": {}, \"wardz\": []}"),
    ];
    // What the guard refuses before a route reads the request, and a route's own rejection.
    let long_query = format!("/v1/templates?q={}", "a".repeat(10_000));
    let mut many_headers = Request::builder().uri("/healthz");
    for n in 0..150 {
        many_headers = many_headers.header(format!("x-header-{n}"), "1");
    }
    problems.extend([
        answer(
            Request::post(report)
                .header("Content-Type", "application/json")
                .header("Content-Encoding", "gzip")
                .body(Body::from(year_data.clone()))
                .unwrap(),
        ),
        ask("GET", &long_query, None, Vec::new()),
        answer(many_headers.body(Body::empty()).unwrap()),
        json("/v1/documents/%FF", &year_data),
    ]);
    // Agreements asked for, from wards none of which has next year's program.
    problems.push(json("/v1/batches?with=agreement", &batch));
    let mut bad_ward: Value = serde_json::from_slice(&batch).unwrap();
    bad_ward["wards"][0]["overrides"]["signer"]["name"] = json!("");
    problems.push(json("/v1/batches", &serde_json::to_vec(&bad_ward).unwrap()));
    let mut bad_rollup: Value = serde_json::from_slice(&batch).unwrap();
    bad_rollup["rollup"]["signer"] = json!({"title": "Chỉ huy trưởng", "name": " "});
    problems.push(json(
        "/v1/batches",
        &serde_json::to_vec(&bad_rollup).unwrap(),
    ));
    // A ward more than the server takes.
    let mut too_many: Value = serde_json::from_slice(&batch).unwrap();
    let mut ward = too_many["wards"][0].clone();
    ward["name"] = json!("Phường Mới");
    too_many["wards"].as_array_mut().unwrap().push(ward);
    problems.push(json("/v1/batches", &serde_json::to_vec(&too_many).unwrap()));
    // No ward valid: none gives its signer.
    let mut no_signer: Value = serde_json::from_slice(&batch).unwrap();
    for ward in no_signer["wards"].as_array_mut().unwrap() {
        ward["overrides"].as_object_mut().unwrap().remove("signer");
    }
    problems.push(json(
        "/v1/batches",
        &serde_json::to_vec(&no_signer).unwrap(),
    ));
    let bad_cells = "name,signer_name,cay_xanh\nPhường An Mỹ,A,many\n".as_bytes();
    for parts in [
        &[("sheet", "w.csv", &sheet[..])][..],
        &[("shared", "s.json", &batch[..])],
        &[("sheet", "w.csv", &sheet), ("sheet", "w.csv", &sheet)],
        &[
            ("sheet", "w.csv", &sheet),
            ("shared", "s.json", &batch),
            ("x", "x", b""),
        ],
        &[("sheet", "w.ods", &sheet), ("shared", "s.json", &batch)],
        &[
            ("sheet", "w.xlsx", b"not a workbook"),
            ("shared", "s.json", &batch),
        ],
        &[("sheet", "w.csv", bad_cells), ("shared", "s.json", &batch)],
        &[("sheet", "w.csv", &sheet), ("shared", "s.json", b"{}")],
    ] {
        let (content_type, body) = form(parts);
        problems.push(ask("POST", "/v1/batches", Some(&content_type), body));
    }
    let (content_type, _) = form(&[]);
    problems.push(ask(
        "POST",
        "/v1/batches",
        Some(&content_type),
        b"garbage".to_vec(),
    ));
    for problem in &problems {
        said.problem(problem);
    }
    // What only a busy or slow server, a failed read or a fault answers with.
    for kind in [
        Kind::Busy,
        Kind::TimedOut { seconds: 30.0 },
        Kind::BodyUnreadable,
        Kind::BodyTimedOut { seconds: 60.0 },
        Kind::Internal,
    ] {
        said.kind(kind);
    }
}

/// The words of `text` that could be English: runs of ASCII letters, outside quotes,
/// backquotes, options (`--strict`), parameters (`allow_partial=true`) and file names.
fn words(text: &str) -> HashSet<String> {
    let mut plain = String::new();
    let mut quote = None;
    for c in text.chars() {
        match quote {
            Some(end) if c == end => quote = None,
            Some(_) => {}
            None if c == '"' || c == '`' => quote = Some(c),
            None => plain.push(c),
        }
    }
    let punctuation = |c: char| "()[],;:.!?".contains(c);
    plain
        .split_whitespace()
        .map(|token| token.trim_matches(punctuation))
        .filter(|token| !token.starts_with("--") && !token.contains(['=', '_', '/', '+', '.']))
        .flat_map(|token| token.split(|c: char| !c.is_alphabetic()))
        .filter(|word| word.len() > 1 && word.is_ascii())
        .map(str::to_ascii_lowercase)
        .collect()
}

/// The values a kind quotes: its text and numbers, as its `Debug` shows them in quotes.
fn values(kind: &Kind) -> HashSet<String> {
    let debug = format!("{kind:?}");
    let mut quoted = String::new();
    let mut inside = false;
    let mut escaped = false;
    for c in debug.chars() {
        match (inside, escaped, c) {
            (true, false, '\\') => escaped = true,
            (true, false, '"') => {
                inside = false;
                quoted.push(' ');
            }
            (true, _, c) => {
                escaped = false;
                quoted.push(c);
            }
            (false, _, '"') => inside = true,
            _ => {}
        }
    }
    quoted
        .split(|c: char| !c.is_ascii_alphabetic())
        .map(str::to_ascii_lowercase)
        .collect()
}

/// Names, codes and units that both languages write the same way.
const SAME_IN_BOTH: &[&str] = &[
    "vanban",
    "database",
    "backup",
    "sqlite",
    "postgresql",
    "pg_dump",
    "authorization",
    "bearer",
    "x",
    "csrf",
    "token",
    "tam",
    "ky",
    "schema",
    "json",
    "utf",
    "csv",
    "xlsx",
    "excel",
    "pdf",
    "mb",
    "png",
    "svg",
    "dpi",
    "page",
    "api",
    "get",
    "post",
    "content",
    "type",
    "application",
    "multipart",
    "form",
    "data",
    "boundary",
    "static",
    "templates",
    "id",
    "tm",
    "kt",
    "tl",
    "tuq",
    "yyyy",
    "mm",
    "dd",
    "true",
    "false",
    "null",
    "manifest",
    "font",
    "dir",
    "sheet",
    "shared",
    "ward",
    "wards",
    "zip",
    "mb",
    // Vietnamese words spelt as English ones are: "in hoa" (capital letters).
    "in",
];

/// Kinds no input to vanban can give, and why.
const UNREACHED: &[&str] = &[
    // The fallback for a schema keyword vanban's schemas do not use, and for a value serde
    // refuses after the schema has taken it (only a whole number written as a fraction,
    // which is `wrong_type`).
    "not_valid",
    // A problem in one part of a request: its code is its problem's.
    "within",
];

/// The code of every kind: the variants of `Kind`, read from its source.
fn every_code() -> Vec<String> {
    let source = include_str!("../../src/errors/kind.rs");
    let start = source.find("pub enum Kind {").unwrap();
    let end = start + source[start..].find("\n}\n").unwrap();
    source[start..end]
        .lines()
        .filter_map(|line| line.strip_prefix("    "))
        .filter(|line| line.starts_with(|c: char| c.is_ascii_uppercase()))
        .map(|line| {
            let name = line
                .split(|c: char| !c.is_ascii_alphanumeric())
                .next()
                .unwrap();
            let mut code = String::new();
            for c in name.chars() {
                if c.is_ascii_uppercase() && !code.is_empty() {
                    code.push('_');
                }
                code.push(c.to_ascii_lowercase());
            }
            code
        })
        .collect()
}

#[test]
fn every_kind_is_said_in_english_and_vietnamese() {
    let engine = Engine::new(&EngineOptions::default()).unwrap();
    let mut said = Said::default();
    library(&engine, &mut said);
    command_line(&mut said);
    routes(engine, &mut said);

    let print = std::env::var_os("VANBAN_PRINT_CORPUS").is_some();
    let mut english_left = Vec::new();
    for (kind, location) in &said.0 {
        let said = |language| {
            let said = kind.try_say(language);
            said.unwrap_or_else(|partial| panic!("{} not said whole: {partial}", kind.code()))
        };
        let (english, vietnamese) = (said(Language::English), said(Language::Vietnamese));
        if print {
            eprintln!("{}\n  {english}\n  {vietnamese}", kind.code());
            if let Some(location) = location {
                let words = [Language::English, Language::Vietnamese]
                    .map(|language| location.say(language));
                eprintln!("  at {words:?}");
            }
            if let Some(hint) = kind.hint() {
                eprintln!(
                    "  hint {:?}",
                    [Language::English, Language::Vietnamese].map(|language| hint.say(language))
                );
            }
        }
        let values = values(kind);
        let wording: HashSet<String> = words(&english)
            .into_iter()
            .filter(|word| !values.contains(word) && !SAME_IN_BOTH.contains(&word.as_str()))
            .collect();
        let left: Vec<String> = words(&vietnamese)
            .into_iter()
            .filter(|word| wording.contains(word))
            .collect();
        if !left.is_empty() {
            english_left.push(format!("{left:?} in {vietnamese:?} ({english:?})"));
        }
        if let Some(location @ (Location::Cell { .. } | Location::Row(_) | Location::Sheet)) =
            location
        {
            assert_ne!(
                location.say(Language::English),
                location.say(Language::Vietnamese)
            );
        }
    }
    assert!(
        english_left.is_empty(),
        "English left in: {english_left:#?}"
    );

    let made: HashSet<String> = said.0.iter().map(|(kind, _)| kind.code()).collect();
    let missing: Vec<String> = every_code()
        .into_iter()
        .filter(|code| !made.contains(code) && !UNREACHED.contains(&code.as_str()))
        .collect();
    assert!(
        missing.is_empty(),
        "kinds the corpus does not make: {missing:?}"
    );
}
