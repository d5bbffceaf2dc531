//! The Excel workbook a clerk fills in for a batch: the sheet `Batch::from_sheet` reads, with a
//! column per shared figure, Vietnamese labels under the headers, cells that Excel itself
//! checks, and a sheet of instructions.

use rust_xlsxwriter::{
    DataValidation, DataValidationErrorStyle, DocProperties, ExcelDateTime, Format, FormatAlign,
    FormatBorder, Formula, Workbook, Worksheet, XlsxError,
};
use serde_json::{Map, Value};

use super::input::Batch;
use super::sheet::{COLUMNS, column_label};
use crate::errors::column_letter;
use crate::model::InvalidData;

/// Rows below the labels that carry Excel's checks when the batch lists fewer wards.
const BLANK_ROWS: u32 = 200;

/// The largest money figure and count a figure may have (as the year data's schema says).
const MAX_AMOUNT: u64 = 10_000_000_000_000;
const MAX_COUNT: i32 = 100_000_000;

/// The worksheet that holds the wards; `Batch::from_sheet` reads the first worksheet.
const WARDS_SHEET: &str = "Số liệu";

/// One shared figure as its column describes it.
struct FigureColumn {
    key: String,
    label: String,
    /// "đồng" for money, else the figure's unit.
    unit: String,
    money: bool,
    organization: String,
}

impl Batch {
    /// A batch file read for its template: the shared data and roll-up must be valid; its
    /// wards are kept when the whole file is a valid batch, and may be absent.
    pub fn parse_for_template(bytes: &[u8]) -> Result<Batch, InvalidData> {
        Batch::parse(bytes).or_else(|_| Batch::parse_shared(bytes))
    }

    /// The .xlsx workbook for this batch's wards: a header row that `Batch::from_sheet`
    /// accepts (the fixed columns, then each shared figure's key), a row of Vietnamese labels
    /// (which the reader skips), the wards the batch already names, and an instructions
    /// sheet. The same batch gives the same bytes.
    pub fn sheet_template(&self) -> Result<Vec<u8>, XlsxError> {
        let figures = figure_columns(&self.shared);
        let year = self.shared.get("year").and_then(Value::as_i64);
        let mut workbook = Workbook::new();
        // A fixed creation time keeps the bytes the same from run to run.
        let created = ExcelDateTime::from_ymd(2000, 1, 1)?;
        workbook.set_properties(
            &DocProperties::new()
                .set_title("Mẫu số liệu phường, xã")
                .set_creation_datetime(&created),
        );
        wards_sheet(workbook.add_worksheet(), self, &figures, year)?;
        instructions_sheet(workbook.add_worksheet(), &figures)?;
        workbook.save_to_buffer()
    }
}

/// The shared figures in the order the report prints them.
fn figure_columns(shared: &Map<String, Value>) -> Vec<FigureColumn> {
    let text = |value: &Value, key| value.get(key).and_then(Value::as_str).map(str::to_owned);
    let list = |value: &Value, key| {
        value
            .get(key)
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default()
    };
    let mut columns = Vec::new();
    for organization in list(&Value::Object(shared.clone()), "organizations") {
        let name = text(&organization, "short_name").unwrap_or_default();
        for activity in list(&organization, "activities") {
            for quantity in list(&activity, "quantities") {
                let Some(key) = text(&quantity, "key") else {
                    continue;
                };
                // A sheet's cells are whole numbers: percentages and ratios come from ward
                // files only.
                if quantity.get("percent").is_some() || quantity.get("ratio").is_some() {
                    continue;
                }
                let money = quantity.get("amount").is_some();
                columns.push(FigureColumn {
                    label: text(&quantity, "label").unwrap_or_else(|| key.clone()),
                    unit: if money {
                        "đồng".to_owned()
                    } else {
                        text(&quantity, "unit").unwrap_or_default()
                    },
                    key,
                    money,
                    organization: name.clone(),
                });
            }
        }
    }
    columns
}

fn wards_sheet(
    sheet: &mut Worksheet,
    batch: &Batch,
    figures: &[FigureColumn],
    year: Option<i64>,
) -> Result<(), XlsxError> {
    sheet.set_name(WARDS_SHEET)?;
    fit_print(sheet);
    let header = Format::new()
        .set_font_color("#595959")
        .set_background_color("#F2F2F2")
        .set_border(FormatBorder::Thin);
    let label = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Top)
        .set_background_color("#DDEBF7")
        .set_border(FormatBorder::Thin);
    let last_row = 2 + (batch.wards.len() as u32).max(BLANK_ROWS);

    let mut column: u16 = 0;
    for name in COLUMNS {
        sheet.write_string_with_format(0, column, name, &header)?;
        sheet.write_string_with_format(1, column, column_label(name), &label)?;
        sheet.set_column_width(column, if name == "name" { 24 } else { 16 })?;
        if let Some(check) = fixed_column_check(name, year)? {
            sheet.add_data_validation(2, column, last_row, column, &check)?;
        }
        if name == "date" {
            let date = Format::new().set_num_format("dd/mm/yyyy");
            sheet.set_column_format(column, &date)?;
        }
        column += 1;
    }
    for figure in figures {
        let label_text = format!("{} ({})", figure.label, figure.unit);
        sheet.write_string_with_format(0, column, &figure.key, &header)?;
        sheet.write_string_with_format(1, column, &label_text, &label)?;
        sheet.set_column_width(column, 18)?;
        let grouped = Format::new().set_num_format("#,##0");
        sheet.set_column_format(column, &grouped)?;
        let check = figure_check(figure, &column_letter(usize::from(column)))?;
        sheet.add_data_validation(2, column, last_row, column, &check)?;
        column += 1;
    }
    sheet.set_row_height(1, 60)?;
    sheet.set_freeze_panes(2, 1)?;
    for (row, ward) in (2..).zip(&batch.wards) {
        sheet.write_string(row, 0, &ward.name)?;
    }
    Ok(())
}

/// What Excel checks in a fixed column, if anything.
fn fixed_column_check(name: &str, year: Option<i64>) -> Result<Option<DataValidation>, XlsxError> {
    let check = match name {
        "number" => DataValidation::new()
            .allow_whole_number(rust_xlsxwriter::DataValidationRule::Between(1, 9999))
            .set_error_message("Số văn bản là số nguyên từ 1 đến 9999.")?,
        "date" => {
            let Some(year) = year.and_then(|year| u16::try_from(year).ok()) else {
                return Ok(None);
            };
            let first = ExcelDateTime::from_ymd(year, 1, 1)?;
            let last = ExcelDateTime::from_ymd(year + 1, 12, 31)?;
            DataValidation::new()
                .allow_date(rust_xlsxwriter::DataValidationRule::Between(first, last))
                .set_error_message(format!(
                    "Nhập một ngày trong năm {year} hoặc năm {}, ví dụ 31/10/{year}.",
                    year + 1
                ))?
        }
        _ => return Ok(None),
    };
    Ok(Some(
        check
            .set_error_title("Giá trị không hợp lệ")?
            .set_error_style(DataValidationErrorStyle::Stop),
    ))
}

/// Excel's check of a figure column: a whole number from 0, money up to 10^13 đồng.
fn figure_check(figure: &FigureColumn, letter: &str) -> Result<DataValidation, XlsxError> {
    let check = if figure.money {
        // Whole-number checks stop at 2^31; money goes beyond, so a formula says "whole, ≥ 0".
        let cell = format!("{letter}3");
        DataValidation::new()
            .allow_custom(Formula::new(format!(
                "=AND(ISNUMBER({cell}),{cell}>=0,{cell}<={MAX_AMOUNT},INT({cell})={cell})"
            )))
            .set_error_message("Nhập số tiền bằng đồng: số nguyên, không âm (ví dụ 200000000).")?
    } else {
        DataValidation::new()
            .allow_whole_number(rust_xlsxwriter::DataValidationRule::Between(0, MAX_COUNT))
            .set_error_message(format!(
                "Nhập số {}: số nguyên, không âm; để trống nếu không có.",
                figure.unit
            ))?
    };
    Ok(check
        .set_error_title("Số liệu không hợp lệ")?
        .set_error_style(DataValidationErrorStyle::Stop))
}

fn instructions_sheet(sheet: &mut Worksheet, figures: &[FigureColumn]) -> Result<(), XlsxError> {
    sheet.set_name("Hướng dẫn")?;
    fit_print(sheet);
    let title = Format::new().set_bold().set_font_size(14);
    let bold = Format::new().set_bold();
    let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    sheet.set_column_width(0, 34)?;
    sheet.set_column_width(1, 44)?;
    sheet.set_column_width(2, 26)?;
    sheet.set_column_width(3, 26)?;
    sheet.write_string_with_format(0, 0, "Hướng dẫn nhập số liệu các phường, xã", &title)?;
    let steps = [
        format!(
            "1. Mỗi đơn vị (phường, xã, thị trấn) nhập trên một dòng của trang “{WARDS_SHEET}”, \
             từ dòng 3."
        ),
        "2. Không sửa dòng 1 (tên cột để máy đọc) và dòng 2 (tên cột bằng tiếng Việt); có thể \
         đổi thứ tự các cột."
            .to_owned(),
        "3. Bắt buộc: tên đơn vị (ghi cả cấp: “Phường An Mỹ”, “Xã Tam Thanh”, “Thị trấn …”) và \
         họ tên người ký. Chức vụ người ký để trống là “Chỉ huy trưởng”."
            .to_owned(),
        "4. Số liệu: số nguyên, không âm; tiền ghi bằng đồng. Ô để trống là không có số liệu \
         (tính là 0)."
            .to_owned(),
        "5. Ngày ban hành nhập như một ngày (ví dụ 31/10/2022); để trống thì dùng ngày chung."
            .to_owned(),
        "6. Lưu tệp dạng .xlsx, rồi tải lên cùng tệp dữ liệu chung (trang “Báo cáo theo \
         phường, xã”), hoặc chạy: vanban batch TỆP.xlsx --shared TỆP-CHUNG.json"
            .to_owned(),
    ];
    let mut row = 2;
    for step in &steps {
        sheet.merge_range(row, 0, row, 3, step, &wrap)?;
        sheet.set_row_height(row, 32)?;
        row += 1;
    }
    row += 1;
    let heads = ["Cột (dòng 1)", "Số liệu", "Đơn vị", "Tổ chức"];
    for (column, head) in (0..).zip(heads) {
        sheet.write_string_with_format(row, column, head, &bold)?;
    }
    for figure in figures {
        row += 1;
        sheet.write_string(row, 0, &figure.key)?;
        sheet.write_string_with_format(row, 1, &figure.label, &wrap)?;
        sheet.write_string(row, 2, &figure.unit)?;
        sheet.write_string(row, 3, &figure.organization)?;
    }
    Ok(())
}

/// Printed landscape, one page wide.
fn fit_print(sheet: &mut Worksheet) {
    sheet.set_landscape();
    sheet.set_paper_size(9); // A4
    sheet.set_print_fit_to_pages(1, 0);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::batch::SheetFormat;

    fn sample() -> Batch {
        Batch::parse(include_bytes!("../../samples/tam-ky-wards-2022.json")).unwrap()
    }

    #[test]
    fn the_template_reads_back_as_its_wards_once_filled() {
        let batch = sample();
        let bytes = batch.sheet_template().unwrap();
        // Unfilled, every listed ward lacks its signer: the reader names that cell.
        let shared = Batch::parse_shared(include_bytes!("../../samples/tam-ky-wards-2022.json"));
        let error = Batch::from_sheet(shared.unwrap(), SheetFormat::Xlsx, &bytes).unwrap_err();
        let said: Vec<String> = error.errors().iter().map(|e| e.to_string()).collect();
        let text = said.join("\n");
        assert!(
            text.contains("row 3, column B (signer_name): must not be empty"),
            "{text}"
        );
        assert!(!text.contains("row 2"), "the labels row is skipped: {text}");
    }

    #[test]
    fn the_same_batch_gives_the_same_bytes() {
        let batch = sample();
        assert_eq!(
            batch.sheet_template().unwrap(),
            batch.sheet_template().unwrap()
        );
    }

    #[test]
    fn every_shared_figure_has_a_column_with_its_label_and_unit() {
        let batch = sample();
        let columns = figure_columns(&batch.shared);
        assert_eq!(columns.len(), batch.quantity_kinds().len());
        assert!(
            columns
                .iter()
                .all(|c| !c.label.is_empty() && !c.unit.is_empty())
        );
        assert!(columns.iter().any(|c| c.money && c.unit == "đồng"));
    }
}
