//! A corpus of bad input run through the real loaders and checks: year data, batch files, the
//! shared part of a batch, sheets of wards (.csv and .xlsx), a directory of ward files, and
//! the engine's checks. Every message it gives must have a Vietnamese translation, so that a
//! new English message without one fails here; `server::language` adds the HTTP service's
//! problems and checks that every template of the table is used.

use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};

use serde_json::{Value, json};

use crate::batch::{self, Batch, BatchError, BatchOptions, SheetError, SheetFormat};
use crate::model::{DataError, InvalidData, parse_year_data};
use crate::{DocumentKind, Engine, EngineOptions};

/// What vanban said: whole messages (errors and the summaries of invalid input) and the
/// locations of errors.
#[derive(Debug, Default)]
pub(crate) struct Said {
    pub messages: Vec<String>,
    pub locations: Vec<String>,
}

impl Said {
    fn error(&mut self, error: &DataError) {
        self.locations.push(error.path.clone());
        self.messages.push(error.message.clone());
    }

    fn invalid(&mut self, error: &InvalidData) {
        self.messages.push(error.to_string());
        if let InvalidData::Fields { errors } = error {
            errors.iter().for_each(|error| self.error(error));
        }
    }

    fn sheet(&mut self, error: &SheetError) {
        self.messages.push(error.to_string());
        if let SheetError::Cells { errors } = error {
            errors.iter().for_each(|error| self.error(error));
        }
    }
}

/// Which entries of the tables the messages said so far used.
#[derive(Debug, Default)]
pub(crate) struct Coverage {
    used: Vec<super::Used>,
}

impl Coverage {
    /// The message in Vietnamese, as [`super::vietnamese`] says it.
    pub fn message(&mut self, message: &str) -> Option<String> {
        let (said, used) = super::translate(super::MESSAGE, message);
        self.used.extend(used);
        said
    }

    /// The location in Vietnamese, as [`super::vietnamese_location`] says it.
    pub fn location(&mut self, location: &str) -> String {
        let (said, used) = super::translate(super::LOCATION, location);
        self.used.extend(used);
        said.unwrap_or_else(|| location.to_owned())
    }

    /// The entries no message used, as `table: template`.
    pub fn unused(&self) -> Vec<String> {
        let used: HashSet<_> = self.used.iter().copied().collect();
        super::table::TABLES
            .iter()
            .flat_map(|(table, entries)| entries.iter().map(move |(english, _)| (*table, *english)))
            .filter(|entry| !used.contains(entry))
            .map(|(table, english)| format!("{table}: {english}"))
            .collect()
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
            set(d, "/issuer/place", json!("Tam\nKỳ"));
            set(d, "/general_results/0", json!("x".repeat(36)));
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
pub(crate) enum Cell<'a> {
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
pub(crate) fn xlsx(rows: Option<&[&[Cell]]>) -> Vec<u8> {
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
    let options = BatchOptions {
        workers: 1,
        agreements: false,
        strict: false,
        export: Default::default(),
    };
    let prepared = match batch::prepare(engine, &batch, &options) {
        Ok(prepared) => prepared,
        Err(BatchError::Rollup(error)) => panic!("the roll-up failed: {error:?}"),
        Err(error) => panic!("{error}"),
    };
    for (_, errors) in prepared.invalid() {
        for error in errors {
            said.locations.push(error.path.clone());
            said.messages.push(error.message.clone());
        }
    }
    // Agreements from wards that have no program.
    let options = BatchOptions {
        agreements: true,
        ..options
    };
    match batch::prepare(engine, &batch, &options) {
        Err(error @ BatchError::NoProgram) => said.messages.push(error.to_string()),
        Err(error) => panic!("{error}"),
        Ok(_) => panic!("agreements without a program"),
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Everything the corpus makes vanban say.
pub(crate) fn library(engine: &Engine) -> Said {
    let mut said = Said::default();
    for bytes in bad_year_data().iter().chain(&bad_json()) {
        let error = parse_year_data(bytes).expect_err("bad year data");
        said.invalid(&error);
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
        said.invalid(&Batch::parse(&bytes).expect_err("a bad batch"));
    }
    let shared = batch_file(|b| {
        let key = b["shared"]["organizations"][0]["activities"][0]["quantities"][0]["key"].clone();
        b["shared"]["organizations"][1]["activities"][0]["quantities"][0]["key"] = key;
    });
    said.invalid(&Batch::parse_shared(&shared).expect_err("a shared key used twice"));

    let shared = || Batch::parse_shared(&sample("tam-ky-wards-2022.json")).unwrap();
    for bytes in bad_csv_sheets() {
        let error = Batch::from_sheet(shared(), SheetFormat::Csv, bytes).expect_err("a bad sheet");
        said.sheet(&error);
    }
    for bytes in bad_xlsx_sheets() {
        let error =
            Batch::from_sheet(shared(), SheetFormat::Xlsx, &bytes).expect_err("a bad sheet");
        said.sheet(&error);
    }
    bad_directory(engine, &mut said);
    said
}

#[test]
fn every_message_of_the_library_has_a_translation() {
    let engine = Engine::new(&EngineOptions::default()).unwrap();
    let said = library(&engine);
    if std::env::var_os("VANBAN_PRINT_CORPUS").is_some() {
        for message in &said.messages {
            eprintln!("{message}\n  -> {:?}", super::vietnamese(message));
        }
        for location in &said.locations {
            eprintln!("@ {location} -> {}", super::vietnamese_location(location));
        }
    }
    let untranslated: Vec<&String> = said
        .messages
        .iter()
        .filter(|message| super::vietnamese(message).is_none())
        .collect();
    assert!(
        untranslated.is_empty(),
        "{} of {} messages have no Vietnamese: {untranslated:#?}",
        untranslated.len(),
        said.messages.len()
    );
    // Sheet locations are said in Vietnamese; every other location is a JSON path or a file.
    for location in &said.locations {
        let said = super::vietnamese_location(location);
        assert!(
            location.starts_with('$') || location.ends_with(".json") || said != *location,
            "{location}"
        );
    }
    for expected in [
        "expected one of [\"so_ket_6_thang\",\"so_ket\",\"tong_ket\",\"tong_ket_giai_doan\"], found \"so-ket\"",
        "expected a whole number, found 5.0",
        "gives the same file name \"phuong-an-my\" as row 2",
        "expected a whole number of at least 0, found a duration",
        "the money figures add up to more than 10000000000000 đồng, which the report cannot print",
    ] {
        assert!(
            said.messages.iter().any(|m| m == expected),
            "{expected}: {said:#?}"
        );
    }
}
