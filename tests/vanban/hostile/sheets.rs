//! Hostile inputs: sheets and directories of wards (issue 14, findings 1, 2, 6, 8, 9, 14).
//! Each workbook is written here, part by part, with the `zip` crate.

use std::io::{Cursor, Write};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::Duration;

use zip::write::SimpleFileOptions;

use crate::server::{Server, form};
use crate::support::*;

/// The batch file whose shared data every sheet here goes with.
const SHARED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/samples/tam-ky-wards-2022.json"
);

/// An .xlsx workbook whose first worksheet is `sheet` (its XML, whole), with only the parts
/// a reader needs.
fn workbook(sheet: &[u8]) -> Vec<u8> {
    workbook_with(|zip| zip.write_all(sheet).unwrap())
}

/// An .xlsx workbook whose first worksheet's XML `write` writes.
fn workbook_with(write: impl FnOnce(&mut zip::ZipWriter<Cursor<Vec<u8>>>)) -> Vec<u8> {
    const MAIN: &str = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    const RELS: &str = "http://schemas.openxmlformats.org/package/2006/relationships";
    const DOCUMENT: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    let parts = [
        (
            "[Content_Types].xml",
            "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
             <Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
             <Default Extension=\"xml\" ContentType=\"application/xml\"/>\
             <Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>\
             <Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>\
             </Types>"
                .to_owned(),
        ),
        (
            "_rels/.rels",
            format!(
                "<Relationships xmlns=\"{RELS}\"><Relationship Id=\"rId1\" \
                 Type=\"{DOCUMENT}/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"
            ),
        ),
        (
            "xl/workbook.xml",
            format!(
                "<workbook xmlns=\"{MAIN}\" xmlns:r=\"{DOCUMENT}\"><sheets>\
                 <sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"
            ),
        ),
        (
            "xl/_rels/workbook.xml.rels",
            format!(
                "<Relationships xmlns=\"{RELS}\"><Relationship Id=\"rId1\" \
                 Type=\"{DOCUMENT}/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>"
            ),
        ),
    ];
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, xml) in parts {
        zip.start_file(name, SimpleFileOptions::default()).unwrap();
        zip.write_all(xml.as_bytes()).unwrap();
    }
    zip.start_file("xl/worksheets/sheet1.xml", SimpleFileOptions::default())
        .unwrap();
    write(&mut zip);
    zip.finish().unwrap().into_inner()
}

/// A worksheet's XML around `rows` (`<row>` elements), declaring `dimension`.
fn worksheet(dimension: &str, rows: &str) -> Vec<u8> {
    format!(
        "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">\
         <dimension ref=\"{dimension}\"/><sheetData>{rows}</sheetData></worksheet>"
    )
    .into_bytes()
}

/// The header row the reader needs, as row 1.
const HEADERS: &str = "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>name</t></is></c>\
                       <c r=\"B1\" t=\"inlineStr\"><is><t>signer_name</t></is></c></row>";

/// Writes `bytes` as `name` in the scratch directory `test` and returns its path.
fn write_input(test: &str, name: &str, bytes: &[u8]) -> PathBuf {
    let path = scratch(test).join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

/// `vanban batch input --shared SHARED`, measured; the ZIP goes next to the input.
fn batch_measured(input: &Path) -> Measured {
    let zip = input.with_file_name("out.zip");
    run_measured(
        &mut vanban_command(&[
            "batch",
            input.to_str().unwrap(),
            "--shared",
            SHARED,
            "-o",
            zip.to_str().unwrap(),
        ]),
        b"",
    )
}

/// Asserts that a measured batch was refused with exit code 1, within `peak_mb` and `seconds`,
/// without a ZIP; returns its standard error.
fn refused_within(measured: &Measured, input: &Path, peak_mb: f64, seconds: u64) -> String {
    let stderr = String::from_utf8_lossy(&measured.output.stderr).into_owned();
    assert_eq!(measured.output.status.code(), Some(1), "{stderr}");
    assert!(
        measured.peak_rss_mb < peak_mb,
        "peak RSS {} MB: {stderr}",
        measured.peak_rss_mb
    );
    assert!(
        measured.elapsed < Duration::from_secs(seconds),
        "took {:?}: {stderr}",
        measured.elapsed
    );
    assert!(
        !input.with_file_name("out.zip").exists(),
        "a ZIP was written"
    );
    stderr
}

/// Posts `sheet` as `file` with the shared batch file; returns the problem with `status`, and
/// the server's peak memory after it.
fn post_sheet(server: &Server, file: &str, sheet: &[u8], status: u16) -> (serde_json::Value, f64) {
    let shared = std::fs::read(SHARED).unwrap();
    let (content_type, body) = form(&[("sheet", file, sheet), ("shared", "chung.json", &shared)]);
    let problem = server
        .post("/v1/batches", &content_type, &body)
        .problem(status);
    (problem, server.peak_rss_mb())
}

/// Finding 1: a 5 KB workbook whose one value is at XFD1048576 (and which declares that
/// size) was read into a dense grid of 6 GB.
fn far_cell() -> Vec<u8> {
    let far = "<row r=\"1048576\"><c r=\"XFD1048576\"><v>1</v></c></row>";
    workbook(&worksheet("A1:XFD1048576", &format!("{HEADERS}{far}")))
}

#[test]
fn a_value_past_the_last_row_and_column_is_refused_where_it_is() {
    let input = write_input("hostile-sheet-far-cell", "wards.xlsx", &far_cell());
    let stderr = refused_within(&batch_measured(&input), &input, 200.0, 20);
    assert!(
        stderr.contains(
            "row 1048576, column XFD: has a value past the end of a sheet of wards, which may \
             have at most 30000 rows and the columns from A to BL"
        ),
        "{stderr}"
    );
}

#[test]
fn a_declared_size_alone_allocates_nothing() {
    // An empty cell at the far corner, and the declared dimension: only the headers count.
    let far = "<row r=\"1048576\"><c r=\"XFD1048576\" s=\"0\"/></row>";
    let sheet = workbook(&worksheet("A1:XFD1048576", &format!("{HEADERS}{far}")));
    let input = write_input("hostile-sheet-declared", "wards.xlsx", &sheet);
    let stderr = refused_within(&batch_measured(&input), &input, 200.0, 20);
    assert!(stderr.contains("has no ward"), "{stderr}");
}

/// Finding 2: a workbook of about 1 MB whose worksheet unpacks to 1 GiB of spaces.
fn bomb() -> &'static [u8] {
    static BOMB: OnceLock<Vec<u8>> = OnceLock::new();
    BOMB.get_or_init(|| {
        workbook_with(|zip| {
            zip.write_all(b"<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>")
                .unwrap();
            let spaces = vec![b' '; 1024 * 1024];
            for _ in 0..1024 {
                zip.write_all(&spaces).unwrap();
            }
            zip.write_all(format!("{HEADERS}</sheetData></worksheet>").as_bytes())
                .unwrap();
        })
    })
}

#[test]
fn a_zip_bomb_is_refused_before_it_unpacks() {
    assert!(bomb().len() < 5 * 1024 * 1024, "{} bytes", bomb().len());
    let input = write_input("hostile-sheet-bomb", "wards.xlsx", bomb());
    let stderr = refused_within(&batch_measured(&input), &input, 200.0, 30);
    // At about 1,000 to 1, past the size a part may unpack to before its ratio.
    assert!(
        stderr.contains("the workbook unpacks to more than 64 MB"),
        "{stderr}"
    );
    // A smaller bomb, 8 MiB of spaces in 8 KB, by its ratio.
    let small = workbook_with(|zip| zip.write_all(&vec![b' '; 8 << 20]).unwrap());
    let input = write_input("hostile-sheet-small-bomb", "wards.xlsx", &small);
    let stderr = refused_within(&batch_measured(&input), &input, 200.0, 20);
    assert!(
        stderr.contains("the workbook is packed 100 times or more tighter"),
        "{stderr}"
    );
}

#[test]
fn a_csv_past_its_size_is_refused_unread() {
    let mut csv = b"name,signer_name\n".to_vec();
    csv.resize(33 * 1024 * 1024, b'\n');
    let input = write_input("hostile-sheet-big-csv", "wards.csv", &csv);
    let stderr = refused_within(&batch_measured(&input), &input, 300.0, 20);
    assert!(
        stderr.contains("the sheet file is larger than 32 MB"),
        "{stderr}"
    );
}

#[test]
fn the_server_refuses_a_far_cell_and_a_bomb_within_its_memory() {
    let server = Server::start();
    let (problem, _) = post_sheet(&server, "w.xlsx", &far_cell(), 422);
    assert_eq!(problem["errors"][0]["code"], "sheet_too_large", "{problem}");
    assert_eq!(problem["errors"][0]["path"], "XFD1048576", "{problem}");
    let (problem, peak_mb) = post_sheet(&server, "w.xlsx", bomb(), 422);
    assert_eq!(problem["code"], "workbook_too_large", "{problem}");
    assert!(peak_mb < 400.0, "the server's peak RSS: {peak_mb} MB");
}

#[test]
fn twenty_five_thousand_rows_of_one_name_are_checked_in_linear_time() {
    let mut csv = String::from("name,signer_name\n");
    for _ in 0..25_000 {
        csv.push_str("Phường An Mỹ,Nguyễn Văn An\n");
    }
    let input = write_input("hostile-sheet-same-name", "wards.csv", csv.as_bytes());
    let stderr = refused_within(&batch_measured(&input), &input, 300.0, 20);
    assert!(stderr.contains("24999 problems in the sheet"), "{stderr}");
    // Every clash names the first row with the name, found by a map, not a scan.
    assert!(
        stderr.contains(
            "row 25001, column A (name): gives the same file name \"phuong-an-my\" as row 2"
        ),
        "{stderr}"
    );
}

#[test]
fn a_ward_name_past_100_characters_is_refused() {
    let long = format!("Phường {}", ["An"; 500].join(" "));
    let csv = format!("name,signer_name\n{long},Nguyễn Văn An\n");
    let input = write_input("hostile-sheet-long-name", "wards.csv", csv.as_bytes());
    let stderr = refused_within(&batch_measured(&input), &input, 300.0, 20);
    assert!(
        stderr.contains("row 2, column A (name): must be at most 100 characters"),
        "{stderr}"
    );
    // A batch file's names are held to the same length by its schema.
    let mut batch: serde_json::Value =
        serde_json::from_slice(&std::fs::read(SHARED).unwrap()).unwrap();
    batch["wards"][0]["name"] = long.into();
    let input = write_input(
        "hostile-batch-long-name",
        "batch.json",
        batch.to_string().as_bytes(),
    );
    let measured = run_measured(
        &mut vanban_command(&["batch", input.to_str().unwrap(), "-o", "/dev/null"]),
        b"",
    );
    let stderr = String::from_utf8_lossy(&measured.output.stderr);
    assert_eq!(measured.output.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("$.wards[0].name: must be at most 100 characters"),
        "{stderr}"
    );
}

/// `vanban batch dir --shared SHARED`, measured.
fn directory_batch(dir: &Path) -> Measured {
    let zip = dir.with_file_name(format!(
        "{}.zip",
        dir.file_name().unwrap().to_string_lossy()
    ));
    run_measured(
        &mut vanban_command(&[
            "batch",
            dir.to_str().unwrap(),
            "--shared",
            SHARED,
            "-o",
            zip.to_str().unwrap(),
        ]),
        b"",
    )
}

/// A fresh folder `wards` in the scratch directory `test`.
fn wards_folder(test: &str) -> PathBuf {
    let dir = scratch(test).join("wards");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn a_ward_file_past_its_size_is_refused_by_name_unread() {
    let dir = wards_folder("hostile-directory-big-file");
    // 3 GB that take no disk: a sparse file.
    let big = std::fs::File::create(dir.join("phuong-an-my.json")).unwrap();
    big.set_len(3 << 30).unwrap();
    let measured = directory_batch(&dir);
    let stderr = String::from_utf8_lossy(&measured.output.stderr);
    assert_eq!(measured.output.status.code(), Some(1), "{stderr}");
    assert!(measured.peak_rss_mb < 200.0, "{} MB", measured.peak_rss_mb);
    assert!(
        stderr.contains("phuong-an-my.json: is larger than 8 MB"),
        "{stderr}"
    );
}

#[test]
fn links_pipes_and_folders_named_as_ward_files_are_refused_by_name() {
    let dir = wards_folder("hostile-directory-special");
    let outside = dir.parent().unwrap().join("outside.json");
    std::fs::write(&outside, b"{}").unwrap();
    std::fs::write(dir.join("phuong-an-my.json"), b"{}").unwrap();
    std::os::unix::fs::symlink(&outside, dir.join("phuong-ra-ngoai.json")).unwrap();
    std::os::unix::fs::symlink("phuong-an-my.json", dir.join("phuong-lien-ket.json")).unwrap();
    std::os::unix::fs::symlink("nowhere.json", dir.join("phuong-treo.json")).unwrap();
    std::fs::create_dir(dir.join("phuong-thu-muc.json")).unwrap();
    let fifo = std::ffi::CString::new(dir.join("phuong-ong.json").to_str().unwrap()).unwrap();
    // SAFETY: a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(fifo.as_ptr(), 0o644) }, 0);
    // A pipe nobody writes to would block a reader forever: the cap on time says it is not read.
    let measured = directory_batch(&dir);
    let stderr = String::from_utf8_lossy(&measured.output.stderr);
    assert_eq!(measured.output.status.code(), Some(1), "{stderr}");
    assert!(measured.elapsed < Duration::from_secs(20), "{stderr}");
    for expected in [
        "phuong-ong.json: is a pipe, not a plain file",
        "phuong-lien-ket.json: is a link (shortcut), not a plain file",
        "phuong-ra-ngoai.json: is a link (shortcut), not a plain file",
        "phuong-thu-muc.json: is a folder, not a plain file",
        "phuong-treo.json: is a link (shortcut), not a plain file",
    ] {
        assert!(stderr.contains(expected), "{expected}: {stderr}");
    }
    assert!(!stderr.contains("phuong-an-my.json"), "{stderr}");
}
