//! Wards from a spreadsheet: the first worksheet of an .xlsx workbook, or a .csv file, with a
//! row of column headers and then one row per ward; a batch file gives the shared data.

use std::collections::{BTreeMap, HashMap};
use std::io::Cursor;
use std::path::Path;

use calamine::{Data, Reader, Xlsx};
use chrono::NaiveDate;
use serde_json::{Map, Value, json};

use super::input::{Batch, WardEntry, quantity_kinds};
use super::unpack::{self, UnpackError};
use crate::errors::{CellValue, Kind, Location, column_letter};
use crate::model::DataError;

/// The columns a sheet may have besides one per shared quantity key.
pub(super) const COLUMNS: [&str; 6] = [
    "name",
    "signer_name",
    "signer_title",
    "signer_rank",
    "number",
    "date",
];

/// The Vietnamese label of a fixed column, as the workbook template writes it in the row under
/// the headers; the reader skips that row.
pub(super) fn column_label(column: &str) -> &'static str {
    match column {
        "name" => "Tên đơn vị (phường, xã, thị trấn)",
        "signer_name" => "Họ tên người ký",
        "signer_title" => "Chức vụ người ký (để trống: Chỉ huy trưởng)",
        "signer_rank" => "Cấp bậc người ký",
        "number" => "Số văn bản",
        "date" => "Ngày ban hành",
        _ => "",
    }
}

/// The columns every sheet needs.
const REQUIRED: [&str; 2] = ["name", "signer_name"];

/// The signer's title when a row gives none.
const DEFAULT_SIGNER_TITLE: &str = "Chỉ huy trưởng";

/// The most rows a sheet of wards may reach (its last row's number, headers and blank rows
/// included): well above the country's wards and communes.
pub const SHEET_ROWS_MAX: usize = 30_000;

/// The most columns a sheet of wards may reach (A to BL): the fixed columns and one per shared
/// quantity key.
pub const SHEET_COLUMNS_MAX: usize = 64;

/// The largest sheet file, .xlsx or .csv: 32 MiB.
pub const SHEET_FILE_MAX: usize = 32 * 1024 * 1024;

/// The largest whole number an .xlsx number cell holds exactly (2^53).
const MAX_EXACT: f64 = 9_007_199_254_740_992.0;

/// A spreadsheet format that `Batch::from_sheet` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SheetFormat {
    /// An Excel workbook; its first worksheet is read.
    Xlsx,
    /// Comma- or semicolon-separated UTF-8 text.
    Csv,
}

impl SheetFormat {
    /// The format that `path`'s extension (`.xlsx`, `.csv`, in any case) names, if any.
    pub fn from_path(path: &Path) -> Option<SheetFormat> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        match extension.as_str() {
            "xlsx" => Some(SheetFormat::Xlsx),
            "csv" => Some(SheetFormat::Csv),
            _ => None,
        }
    }
}

/// Why a sheet gives no batch.
#[derive(Debug, Clone, PartialEq)]
pub enum SheetError {
    /// The file is not a readable .xlsx workbook.
    Workbook,
    /// The file is larger than [`SHEET_FILE_MAX`].
    FileTooLarge,
    /// The workbook unpacks past [`unpack::PART_UNPACKED_MAX`] or
    /// [`unpack::WORKBOOK_UNPACKED_MAX`]: the one passed, in MiB.
    WorkbookTooLarge { limit_mb: u64 },
    /// A part of the workbook unpacks to more than [`unpack::UNPACK_RATIO_MAX`] times its size.
    WorkbookTooCompressed,
    /// The workbook has no worksheet.
    NoWorksheet,
    /// The file is not readable CSV in UTF-8; the line where reading stopped, when known.
    Csv { line: Option<u64> },
    /// Cells that do not describe wards, each at its row and column.
    Cells { errors: Vec<DataError> },
}

impl SheetError {
    /// What is wrong, as a whole.
    pub fn kind(&self) -> Kind {
        match self {
            SheetError::Workbook => Kind::NotAWorkbook,
            SheetError::FileTooLarge => Kind::SheetFileTooLarge {
                limit_mb: SHEET_FILE_MAX / (1024 * 1024),
            },
            SheetError::WorkbookTooLarge { limit_mb } => Kind::WorkbookTooLarge {
                limit_mb: *limit_mb as usize,
            },
            SheetError::WorkbookTooCompressed => Kind::WorkbookTooCompressed {
                ratio: unpack::UNPACK_RATIO_MAX as usize,
            },
            SheetError::NoWorksheet => Kind::NoWorksheet,
            SheetError::Csv { line } => Kind::NotCsv { line: *line },
            SheetError::Cells { errors } => Kind::SheetProblems {
                count: errors.len(),
            },
        }
    }

    /// The problems one by one (none when the file cannot be read).
    pub fn errors(&self) -> &[DataError] {
        match self {
            SheetError::Cells { errors } => errors,
            _ => &[],
        }
    }
}

impl Batch {
    /// The batch of `shared`'s data and roll-up (see `Batch::parse_shared`) with one ward per
    /// row of the sheet `bytes`, checked as `Batch::parse` checks a batch file.
    pub fn from_sheet(
        shared: Batch,
        format: SheetFormat,
        bytes: &[u8],
    ) -> Result<Batch, SheetError> {
        if bytes.len() > SHEET_FILE_MAX {
            return Err(SheetError::FileTooLarge);
        }
        let rows = match format {
            SheetFormat::Xlsx => xlsx_rows(bytes)?,
            SheetFormat::Csv => csv_rows(bytes)?,
        };
        let cells = |errors| SheetError::Cells { errors };
        let kinds = quantity_kinds(&shared.shared).map_err(|error| cells(vec![error]))?;
        let sheet = read_wards(&rows, &kinds).map_err(cells)?;
        let batch = Batch {
            wards: sheet.wards,
            ..shared
        };
        let errors = batch.check();
        if errors.is_empty() {
            Ok(batch)
        } else {
            let locate = |error| locate(error, &sheet.rows, sheet.name_column);
            Err(cells(errors.into_iter().map(locate).collect()))
        }
    }
}

/// A cell's value, from either format; text is trimmed, and blank text is `Empty`.
#[derive(Debug, Clone, PartialEq)]
enum Cell {
    Empty,
    Text(String),
    Number(f64),
    /// A date cell without a time of day.
    Date(NaiveDate),
    /// Anything else (a boolean, a formula's error, a time).
    Other(CellValue),
}

impl Cell {
    fn text(text: &str) -> Cell {
        match text.trim() {
            "" => Cell::Empty,
            text => Cell::Text(text.to_owned()),
        }
    }

    fn from_xlsx(data: &Data) -> Cell {
        match data {
            Data::Empty => Cell::Empty,
            Data::String(text) | Data::DateTimeIso(text) => Cell::text(text),
            Data::Float(number) => Cell::Number(*number),
            Data::Int(number) => Cell::Number(*number as f64),
            Data::Bool(value) => Cell::Other(CellValue::Bool(*value)),
            Data::DateTime(value) if value.is_datetime() => {
                let (year, month, day, hour, minute, second, milli) = value.to_ymd_hms_milli();
                let date = NaiveDate::from_ymd_opt(year.into(), month.into(), day.into());
                match date {
                    Some(date) if (hour, minute, second, milli) == (0, 0, 0, 0) => Cell::Date(date),
                    _ => Cell::Other(CellValue::DateTime(format!(
                        "{year}-{month:02}-{day:02} {hour:02}:{minute:02}"
                    ))),
                }
            }
            Data::DateTime(_) | Data::DurationIso(_) => Cell::Other(CellValue::Duration),
            Data::Error(error) => Cell::Other(CellValue::Error(error.to_string())),
        }
    }

    /// The value as a problem quotes it.
    fn value(&self) -> CellValue {
        match self {
            Cell::Empty => CellValue::Empty,
            Cell::Text(text) => CellValue::Text(text.clone()),
            Cell::Number(number) => CellValue::Number(*number),
            Cell::Date(date) => CellValue::Date(*date),
            Cell::Other(value) => value.clone(),
        }
    }
}

/// A row, numbered as a spreadsheet shows it, with its cells that are not empty, by column
/// from 0 (A) in order: a row costs what it holds, not how wide it is.
#[derive(Debug, Clone, PartialEq)]
struct Row {
    number: usize,
    cells: Vec<(usize, Cell)>,
}

impl Row {
    fn is_empty(&self) -> bool {
        self.cells.is_empty()
    }

    /// The cell in `column`, if it is not empty.
    fn cell(&self, column: usize) -> Option<&Cell> {
        let index = self.cells.binary_search_by_key(&column, |(at, _)| *at);
        index.ok().map(|index| &self.cells[index].1)
    }
}

/// Refuses a cell past [`SHEET_ROWS_MAX`] or [`SHEET_COLUMNS_MAX`], before the sheet grows to
/// hold it.
fn within_limits(row: usize, column: usize) -> Result<(), SheetError> {
    if row <= SHEET_ROWS_MAX && column < SHEET_COLUMNS_MAX {
        return Ok(());
    }
    let kind = Kind::SheetTooLarge {
        rows: SHEET_ROWS_MAX,
        last_column: column_letter(SHEET_COLUMNS_MAX - 1),
    };
    let errors = vec![DataError::new(location(row, column, None), kind)];
    Err(SheetError::Cells { errors })
}

/// The rows of the workbook's first worksheet, read cell by cell (the size a sheet declares is
/// not trusted); a cell read twice keeps its last value, as Excel does.
fn xlsx_rows(bytes: &[u8]) -> Result<Vec<Row>, SheetError> {
    unpack::check(bytes).map_err(|error| match error {
        UnpackError::NotAZip => SheetError::Workbook,
        UnpackError::TooLarge { limit_mb } => SheetError::WorkbookTooLarge { limit_mb },
        UnpackError::TooCompressed => SheetError::WorkbookTooCompressed,
    })?;
    let mut workbook = Xlsx::new(Cursor::new(bytes)).map_err(|_| SheetError::Workbook)?;
    let first = workbook.sheet_names().into_iter().next();
    let first = first.ok_or(SheetError::NoWorksheet)?;
    let mut reader = workbook
        .worksheet_cells_reader(&first)
        .map_err(|_| SheetError::Workbook)?;
    let mut cells = Vec::new();
    while let Some(cell) = reader.next_cell().map_err(|_| SheetError::Workbook)? {
        let (row, column) = cell.get_position();
        let value = Cell::from_xlsx(&Data::from(cell.get_value().clone()));
        if value != Cell::Empty {
            let (row, column) = (row as usize + 1, column as usize);
            within_limits(row, column)?;
            cells.push((row, column, value));
        }
    }
    // Stable: of two values for one cell, the later stays last.
    cells.sort_by_key(|&(row, column, _)| (row, column));
    let mut rows: Vec<Row> = Vec::new();
    for (number, column, value) in cells {
        match rows.last_mut() {
            Some(row) if row.number == number => match row.cells.last_mut() {
                Some(last) if last.0 == column => last.1 = value,
                _ => row.cells.push((column, value)),
            },
            _ => rows.push(Row {
                number,
                cells: vec![(column, value)],
            }),
        }
    }
    Ok(rows)
}

/// The records of a CSV file, numbered by the line each starts on; a UTF-8 byte order mark
/// (as Excel's "CSV UTF-8" writes) is skipped.
fn csv_rows(bytes: &[u8]) -> Result<Vec<Row>, SheetError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter(bytes))
        .from_reader(bytes);
    let (mut line, mut counted) = (1, 0);
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|error| SheetError::Csv {
            line: match error.kind() {
                csv::ErrorKind::Utf8 { pos, .. } => pos.as_ref().map(csv::Position::line),
                _ => None,
            },
        })?;
        // The reader's own line numbers lag behind blank lines and CRLF endings: count the
        // line breaks before the record's first byte instead.
        let after_previous = record.position().map_or(0, |p| p.byte() as usize);
        let breaks = bytes[after_previous..]
            .iter()
            .take_while(|&&byte| byte == b'\r' || byte == b'\n')
            .count();
        let start = after_previous + breaks;
        line += bytes[counted..start]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        counted = start;
        let mut cells = Vec::new();
        for (column, text) in record.iter().enumerate() {
            let cell = Cell::text(text);
            if cell != Cell::Empty {
                within_limits(line, column)?;
                cells.push((column, cell));
            }
        }
        if !cells.is_empty() {
            rows.push(Row {
                number: line,
                cells,
            });
        }
    }
    Ok(rows)
}

/// `;` when the first line has more semicolons than commas (Excel writes CSV so where the
/// decimal separator is a comma), otherwise `,`.
fn delimiter(bytes: &[u8]) -> u8 {
    let line = bytes
        .split(|&byte| byte == b'\n')
        .next()
        .unwrap_or_default();
    let count = |delimiter| line.iter().filter(|&&byte| byte == delimiter).count();
    if count(b';') > count(b',') {
        b';'
    } else {
        b','
    }
}

/// The wards a sheet lists, with the row each comes from.
#[derive(Debug)]
struct SheetWards {
    wards: Vec<WardEntry>,
    rows: Vec<usize>,
    name_column: usize,
}

/// Reads the header row (the first that is not empty), then one ward per non-empty row.
fn read_wards(rows: &[Row], kinds: &BTreeMap<String, bool>) -> Result<SheetWards, Vec<DataError>> {
    let mut rows = rows.iter().filter(|row| !row.is_empty());
    let Some(header_row) = rows.next() else {
        return Err(vec![DataError::new(Location::Sheet, Kind::SheetEmpty)]);
    };
    let headers = headers(header_row, kinds)?;
    let name_column = column_of(&headers, "name");
    let mut rows = rows.peekable();
    // The row of Vietnamese labels that `Batch::sheet_template` writes under the headers.
    let labels = Cell::Text(column_label("name").to_owned());
    rows.next_if(|row| row.cell(name_column) == Some(&labels));
    let mut sheet = SheetWards {
        wards: Vec::new(),
        rows: Vec::new(),
        name_column,
    };
    let mut errors = Vec::new();
    for row in rows {
        match ward(row, &headers) {
            Ok(ward) => {
                sheet.wards.push(ward);
                sheet.rows.push(row.number);
            }
            Err(row_errors) => errors.extend(row_errors),
        }
    }
    if sheet.wards.is_empty() && errors.is_empty() {
        errors.push(DataError::new(Location::Sheet, Kind::SheetWithoutWards));
    }
    if errors.is_empty() {
        Ok(sheet)
    } else {
        Err(errors)
    }
}

/// Each column's header (`None` for an empty one), checked: known, unique, and the required
/// ones present.
fn headers(
    row: &Row,
    kinds: &BTreeMap<String, bool>,
) -> Result<Vec<Option<String>>, Vec<DataError>> {
    let mut errors = Vec::new();
    let mut seen: HashMap<&str, usize> = HashMap::new();
    let width = row.cells.last().map_or(0, |(column, _)| column + 1);
    let mut headers = vec![None; width];
    for (column, cell) in &row.cells {
        let column = *column;
        let header = match cell {
            Cell::Empty => None,
            Cell::Text(header) => Some(header.as_str()),
            other => {
                let found = other.value();
                let at = location(row.number, column, None);
                errors.push(DataError::new(at, Kind::NotAHeader { found }));
                None
            }
        };
        if let Some(header) = header {
            let at = location(row.number, column, Some(header));
            if !COLUMNS.contains(&header) && !kinds.contains_key(header) {
                errors.push(DataError::new(
                    at,
                    Kind::UnknownColumn {
                        columns: COLUMNS.map(str::to_owned).into(),
                        keys: kinds.keys().cloned().collect(),
                    },
                ));
            } else if let Some(first) = seen.insert(header, column) {
                let column = column_letter(first);
                errors.push(DataError::new(at, Kind::SameHeader { column }));
            }
        }
        headers[column] = header.map(str::to_owned);
    }
    for required in REQUIRED {
        if !seen.contains_key(required) {
            errors.push(DataError::new(
                Location::Row(row.number),
                Kind::MissingColumn {
                    header: required.to_owned(),
                },
            ));
        }
    }
    if errors.is_empty() {
        Ok(headers)
    } else {
        Err(errors)
    }
}

/// The ward of one row: its name, its figures, and its signer and document as overrides.
fn ward(row: &Row, headers: &[Option<String>]) -> Result<WardEntry, Vec<DataError>> {
    let mut errors = Vec::new();
    let mut texts: HashMap<&str, String> = HashMap::new();
    let mut document = Map::new();
    let mut figures = BTreeMap::new();
    for (column, cell) in &row.cells {
        let column = *column;
        let Some(header) = headers.get(column).and_then(Option::as_deref) else {
            let at = location(row.number, column, None);
            errors.push(DataError::new(at, Kind::ValueWithoutHeader));
            continue;
        };
        let read = match header {
            "name" | "signer_name" | "signer_title" | "signer_rank" => text(cell).map(|text| {
                texts.insert(header, text);
            }),
            "number" => whole_number(cell).map(|number| {
                document.insert(header.to_owned(), json!(number));
            }),
            "date" => date(cell).map(|date| {
                document.insert(header.to_owned(), json!(date));
            }),
            key => whole_number(cell).map(|figure| {
                figures.insert(key.to_owned(), figure);
            }),
        };
        if let Err(kind) = read {
            errors.push(DataError::new(
                location(row.number, column, Some(header)),
                kind,
            ));
        }
    }
    for required in REQUIRED {
        if !texts.contains_key(required) {
            let at = location(row.number, column_of(headers, required), Some(required));
            errors.push(DataError::new(at, Kind::TextEmpty));
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut signer = Map::new();
    let title = texts.remove("signer_title");
    signer.insert(
        "title".into(),
        json!(title.as_deref().unwrap_or(DEFAULT_SIGNER_TITLE)),
    );
    if let Some(rank) = texts.remove("signer_rank") {
        signer.insert("rank".into(), json!(rank));
    }
    signer.insert("name".into(), json!(texts.remove("signer_name")));
    let mut overrides = Map::new();
    overrides.insert("signer".into(), Value::Object(signer));
    if !document.is_empty() {
        overrides.insert("document".into(), Value::Object(document));
    }
    Ok(WardEntry {
        name: texts.remove("name").unwrap_or_default(),
        figures,
        overrides,
        file: None,
    })
}

/// A text cell's text.
fn text(cell: &Cell) -> Result<String, Kind> {
    match cell {
        Cell::Text(text) => Ok(text.clone()),
        _ => Err(Kind::NotText {
            found: cell.value(),
        }),
    }
}

/// A whole number: a number cell without a fraction, or text of digits, which may be grouped
/// by dots in threes as Vietnamese writes them ("1.500.000").
fn whole_number(cell: &Cell) -> Result<u64, Kind> {
    let number = match cell {
        Cell::Number(number) if number.fract() == 0.0 && (0.0..=MAX_EXACT).contains(number) => {
            Some(*number as u64)
        }
        Cell::Text(text) => digits(text),
        _ => None,
    };
    number.ok_or_else(|| Kind::NotWholeNumber {
        found: cell.value(),
    })
}

/// "1500000" or "1.500.000" → 1500000; anything else (a fraction, a sign, "1.50") → `None`.
fn digits(text: &str) -> Option<u64> {
    let groups: Vec<&str> = text.split('.').collect();
    let grouped = groups.len() > 1;
    let well_formed = groups.iter().enumerate().all(|(index, group)| {
        let length = match (grouped, index) {
            (false, _) => !group.is_empty(),
            (true, 0) => (1..=3).contains(&group.len()) && !group.starts_with('0'),
            (true, _) => group.len() == 3,
        };
        length && group.bytes().all(|byte| byte.is_ascii_digit())
    });
    well_formed.then(|| groups.concat().parse().ok()).flatten()
}

/// A date: a date cell, or text as YYYY-MM-DD.
fn date(cell: &Cell) -> Result<NaiveDate, Kind> {
    let date = match cell {
        Cell::Date(date) => Some(*date),
        Cell::Text(text) => NaiveDate::parse_from_str(text, "%Y-%m-%d").ok(),
        _ => None,
    };
    date.ok_or_else(|| Kind::NotADateCell {
        found: cell.value(),
    })
}

/// The index of the column headed `header`, which `headers` has checked is there.
fn column_of(headers: &[Option<String>], header: &str) -> usize {
    headers
        .iter()
        .position(|h| h.as_deref() == Some(header))
        .unwrap_or_default()
}

/// A cell of the sheet.
fn location(row: usize, column: usize, header: Option<&str>) -> Location {
    Location::Cell {
        row,
        column,
        header: header.map(str::to_owned),
    }
}

/// Turns a batch check's `$.wards[i]` paths into the rows the wards come from: a ward's name
/// is its cell in the name column, anything else about it its row.
fn locate(mut error: DataError, rows: &[usize], name_column: usize) -> DataError {
    let row_of = |at: &Location| match at {
        Location::Json(path) => {
            let rest = path.strip_prefix("$.wards[")?;
            let (index, field) = rest.split_once(']')?;
            let row = *rows.get(index.parse::<usize>().ok()?)?;
            Some(match field {
                ".name" => location(row, name_column, Some("name")),
                _ => Location::Row(row),
            })
        }
        _ => None,
    };
    if let Kind::SameFileName { other, .. } = &mut error.kind
        && let Some(Location::Cell { row, .. } | Location::Row(row)) = row_of(other)
    {
        *other = Location::Row(row);
    }
    if let Some(at) = row_of(&error.at) {
        error.at = at;
    }
    error
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_row(number: usize, cells: &[&str]) -> Row {
        let cells = cells.iter().map(|cell| Cell::text(cell)).enumerate();
        Row {
            number,
            cells: cells.filter(|(_, cell)| *cell != Cell::Empty).collect(),
        }
    }

    fn kinds() -> BTreeMap<String, bool> {
        BTreeMap::from([("cay_xanh".to_owned(), false), ("quy".to_owned(), true)])
    }

    fn messages(errors: &[DataError]) -> Vec<String> {
        errors.iter().map(ToString::to_string).collect()
    }

    fn english(result: Result<impl std::fmt::Debug, Kind>) -> String {
        result.unwrap_err().to_string()
    }

    #[test]
    fn whole_numbers() {
        let number = |cell: Cell| whole_number(&cell);
        assert_eq!(number(Cell::Number(1500.0)), Ok(1500));
        assert_eq!(number(Cell::Number(-0.0)), Ok(0));
        assert_eq!(number(Cell::text("1500000")), Ok(1_500_000));
        assert_eq!(number(Cell::text(" 1.500.000 ")), Ok(1_500_000));
        assert_eq!(number(Cell::text("15.000")), Ok(15_000));
        assert_eq!(number(Cell::text("007")), Ok(7));
        for bad in [
            "1.50",
            "1.5000",
            "1500.000.0",
            "0.500",
            "1,500",
            "-5",
            "+5",
            "1 500",
            "abc",
        ] {
            assert!(number(Cell::text(bad)).is_err(), "{bad}");
        }
        assert_eq!(
            english(number(Cell::text("abc"))),
            "expected a whole number of at least 0, found \"abc\""
        );
        assert_eq!(
            english(number(Cell::Number(2.5))),
            "expected a whole number of at least 0, found 2.5"
        );
        assert!(number(Cell::Number(-3.0)).is_err());
        assert!(number(Cell::Number(1e20)).is_err());
        assert!(number(Cell::Number(f64::NAN)).is_err());
        assert!(number(Cell::text("99999999999999999999999")).is_err());
        assert!(number(Cell::Other(CellValue::Bool(true))).is_err());
    }

    #[test]
    fn dates() {
        let day = NaiveDate::from_ymd_opt(2022, 10, 28).unwrap();
        assert_eq!(date(&Cell::Date(day)), Ok(day));
        assert_eq!(date(&Cell::text("2022-10-28")), Ok(day));
        assert_eq!(
            english(date(&Cell::text("28/10/2022"))),
            "expected a date (a date cell, or text as YYYY-MM-DD), found \"28/10/2022\""
        );
        assert!(date(&Cell::Number(44862.0)).is_err());
        assert!(date(&Cell::text("2022-02-30")).is_err());
    }

    #[test]
    fn xlsx_cells() {
        use calamine::{ExcelDateTime, ExcelDateTimeType};
        let datetime = |value| {
            Data::DateTime(ExcelDateTime::new(
                value,
                ExcelDateTimeType::DateTime,
                false,
            ))
        };
        let day = NaiveDate::from_ymd_opt(2022, 10, 28).unwrap();
        assert_eq!(Cell::from_xlsx(&datetime(44862.0)), Cell::Date(day));
        assert_eq!(
            Cell::from_xlsx(&datetime(44862.5)),
            Cell::Other(CellValue::DateTime("2022-10-28 12:00".into()))
        );
        assert_eq!(Cell::from_xlsx(&Data::String("  ".into())), Cell::Empty);
        assert_eq!(
            Cell::from_xlsx(&Data::Error(calamine::CellErrorType::Div0)),
            Cell::Other(CellValue::Error("#DIV/0!".into()))
        );
    }

    #[test]
    fn csv_with_bom_semicolons_and_blank_lines() {
        let bytes = "\u{feff}name;signer_name;quy\r\n\r\n\"Phường\r\nAn Mỹ\";Nguyễn Văn An;1.500.000\r\n\
                     Xã Tam Thanh;Đỗ Văn Thanh\r\n";
        let rows = csv_rows(bytes.as_bytes()).unwrap();
        assert_eq!(
            rows,
            [
                text_row(1, &["name", "signer_name", "quy"]),
                text_row(3, &["Phường\r\nAn Mỹ", "Nguyễn Văn An", "1.500.000"]),
                text_row(5, &["Xã Tam Thanh", "Đỗ Văn Thanh"]),
            ]
        );
        assert_eq!(delimiter(b"a,b;c,d"), b',');
    }

    #[test]
    fn rows_become_ward_entries() {
        let rows = [
            text_row(
                1,
                &[
                    "name",
                    "signer_name",
                    "signer_rank",
                    "number",
                    "date",
                    "cay_xanh",
                    "quy",
                ],
            ),
            text_row(
                2,
                &[
                    "Phường An Mỹ",
                    "Nguyễn Văn An",
                    "Đại úy",
                    "8",
                    "2022-10-28",
                    "",
                    "1.500.000",
                ],
            ),
            text_row(3, &["", "", "", "", "", "", ""]),
            text_row(4, &["Xã Tam Thanh", "Đỗ Văn Thanh"]),
        ];
        let sheet = read_wards(&rows, &kinds()).unwrap();
        assert_eq!(sheet.rows, [2, 4]);
        let first = &sheet.wards[0];
        assert_eq!(first.name, "Phường An Mỹ");
        assert_eq!(
            first.figures,
            BTreeMap::from([("quy".to_owned(), 1_500_000)])
        );
        assert_eq!(
            Value::Object(first.overrides.clone()),
            json!({
                "document": {"number": 8, "date": "2022-10-28"},
                "signer": {"title": "Chỉ huy trưởng", "rank": "Đại úy", "name": "Nguyễn Văn An"}
            })
        );
        assert_eq!(
            Value::Object(sheet.wards[1].overrides.clone()),
            json!({"signer": {"title": "Chỉ huy trưởng", "name": "Đỗ Văn Thanh"}})
        );
    }

    #[test]
    fn bad_cells_name_row_and_column() {
        let rows = [
            text_row(1, &["name", "signer_name", "cay_xanh"]),
            text_row(2, &["Phường An Mỹ", "", "abc", "x"]),
        ];
        let errors = read_wards(&rows, &kinds()).unwrap_err();
        assert_eq!(
            messages(&errors),
            [
                "row 2, column C (cay_xanh): expected a whole number of at least 0, found \"abc\"",
                "row 2, column D: has a value but its column has no header",
                "row 2, column B (signer_name): must not be empty",
            ]
        );
    }

    #[test]
    fn bad_headers() {
        let rows = [text_row(
            3,
            &["Name", "signer_name", "cay_xanh", "cay_xanh"],
        )];
        let errors = read_wards(&rows, &kinds()).unwrap_err();
        assert_eq!(
            messages(&errors),
            [
                "row 3, column A (Name): unknown column; the columns are name, signer_name, \
                 signer_title, signer_rank, number, date and the shared quantity keys: cay_xanh, quy",
                "row 3, column D (cay_xanh): the same header as column C",
                "row 3: has no \"name\" column (headers are case-sensitive)",
            ]
        );
        let only_headers = [text_row(1, &["name", "signer_name"])];
        assert_eq!(
            messages(&read_wards(&only_headers, &kinds()).unwrap_err()),
            ["the sheet: has no ward: add one row per ward below the headers"]
        );
    }

    #[test]
    fn batch_errors_point_at_rows() {
        let error = DataError::new(
            "$.wards[1].name",
            Kind::SameFileName {
                slug: "phuong-an-my".into(),
                other: "$.wards[0]".into(),
            },
        );
        assert_eq!(
            locate(error, &[2, 12], 0).to_string(),
            "row 12, column A (name): gives the same file name \"phuong-an-my\" as row 2"
        );
    }
}
