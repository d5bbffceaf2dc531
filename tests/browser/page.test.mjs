// vanban's page in Debian's headless Chromium, as office staff use it: load the page, upload
// the sample year data, check it, preview page 1, download the PDF; see a bad file's errors
// listed with their paths, in Vietnamese; see a bad sheet's errors by row and column; download
// the ZIP of a batch from a sheet; download the Excel template, fill it in and send it back.
//
// Usage: node page.test.mjs BASE_URL REPOSITORY OUTPUT_DIR
// The PDF and ZIP downloaded, and screenshots, are written to OUTPUT_DIR for the Rust test that
// runs this script (tests/vanban/server/page.rs) to read back.

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { copyFile, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { checkWatched, checker, launch, watchedPage } from "./harness.mjs";

const [base, repository, output] = process.argv.slice(2);
assert.ok(base && repository && output, "usage: node page.test.mjs BASE_URL REPOSITORY OUTPUT_DIR");
const sample = (name) => path.join(repository, "samples", name);
// The Python with openpyxl that scripts/test.sh makes, to fill in the Excel template.
const python = process.env.VANBAN_PYTHON;
assert.ok(python, "VANBAN_PYTHON is not set: run the tests with scripts/test.sh");

const browser = await launch();
const check = checker();

try {
  // A browser set to English: the page itself asks the server for Vietnamese.
  const context = await browser.newContext({ acceptDownloads: true, locale: "en-US" });
  // Every API call asks for Vietnamese.
  const apiLanguages = new Set();
  const { page, watch } = await watchedPage(context, base, (request) => {
    if (request.url().startsWith(`${base}/v1/`)) {
      apiLanguages.add(request.headers()["accept-language"]);
    }
  });

  await page.goto(`${base}/`);
  check((await page.title()).includes("Soạn văn bản"), "the page's title is Vietnamese");
  check((await page.getAttribute("html", "lang")) === "vi", "the page says it is in Vietnamese");

  // Every control has a label a screen reader reads.
  const unlabelled = await page.evaluate(() =>
    [...document.querySelectorAll("input, textarea, select, button")]
      .filter((element) => element.labels?.length === 0 && !element.getAttribute("aria-label") && !element.textContent.trim())
      .map((element) => element.id || element.name),
  );
  check(unlabelled.length === 0, `controls without a label: ${unlabelled}`);

  // The files part of the page is folded under the form: open it.
  await page.getByText("Gửi tệp có sẵn").click();

  // The report: upload, check, preview, download.
  await page.getByLabel("Tải lên tệp dữ liệu (.json)").setInputFiles(sample("tam-ky-2022.json"));
  await page.waitForFunction(() => document.getElementById("data-text").value.includes("Tam Kỳ"));
  await page.getByRole("button", { name: "Kiểm tra dữ liệu" }).click();
  const status = page.locator("#status");
  await page.locator("#status.ok").waitFor();
  check(
    (await status.textContent()).includes("Dữ liệu hợp lệ (năm 2022)"),
    "the sample is valid",
  );

  await page.getByRole("button", { name: "Xem trước trang 1" }).click();
  await page.locator("#preview-figure:not([hidden])").waitFor();
  const width = await page.locator("#preview-image").evaluate((image) => image.naturalWidth);
  check(width === 794, `the preview is page 1 at 96 dpi (${width} px wide)`);
  check(
    (await page.locator("#preview-caption").textContent()).includes("Trang 1 trên 9 trang"),
    "the preview says how many pages the document has",
  );
  await page.screenshot({ path: path.join(output, "preview.png"), fullPage: true });

  const [pdf] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Tải về PDF" }).click(),
  ]);
  check(pdf.suggestedFilename() === "bao-cao-2022.pdf", `file name ${pdf.suggestedFilename()}`);
  await pdf.saveAs(path.join(output, "report.pdf"));
  const bytes = await readFile(path.join(output, "report.pdf"));
  check(bytes.subarray(0, 5).toString("latin1") === "%PDF-", "the download is a PDF");
  await page.locator("#saved:not([hidden])").waitFor();
  check((await status.textContent()).includes("9 trang"), "the page says how many pages");

  // A bad file: its errors are listed with their paths, in Vietnamese.
  const data = JSON.parse(await readFile(sample("tam-ky-2022.json"), "utf8"));
  data.year = "2022";
  data.signer.name = "";
  await page.getByLabel("Tải lên tệp dữ liệu (.json)").setInputFiles({
    name: "loi.json",
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify(data, null, 2)),
  });
  await page.waitForFunction(() => document.getElementById("data-text").value.includes('"2022"'));
  await page.getByRole("button", { name: "Tải về PDF" }).click();
  await page.locator("#errors li").first().waitFor();
  const errors = await page.locator("#errors li").allTextContents();
  check(errors.length === 2, `two errors listed: ${errors}`);
  check(
    errors.some(
      (e) => e.includes("$.year") && e.includes("Năm") && e.includes('phải là số nguyên, nhưng đang là văn bản "2022"'),
    ),
    `the year's error: ${errors}`,
  );
  check(
    errors.some((e) => e.includes("$.signer.name") && e.includes("Người ký") && e.includes("không được để trống")),
    `the signer's error: ${errors}`,
  );
  check(!errors.some((e) => /expected|must|found/.test(e)), `no English in the errors: ${errors}`);
  const languages = await page.locator("#errors li span[lang]").evaluateAll((spans) => spans.map((s) => s.lang));
  check(languages.length === 2 && languages.every((l) => l === "vi"), `the messages are marked Vietnamese: ${languages}`);
  check((await status.textContent()).includes("Dữ liệu năm có 2 lỗi."), `the page says what is wrong: ${await status.textContent()}`);
  await page.screenshot({ path: path.join(output, "errors.png"), fullPage: true });

  // Malformed JSON typed into the box: the line and column are given.
  await page.getByLabel("Hoặc dán nội dung JSON").fill('{\n  "year": 2022,\n  oops');
  await page.getByRole("button", { name: "Kiểm tra dữ liệu" }).click();
  await page.locator("#status.bad").waitFor();
  check(
    (await status.textContent()).includes("JSON sai cú pháp ở dòng 3, cột 3"),
    `line and column: ${await status.textContent()}`,
  );

  // A bad sheet of wards: its errors are given by row and column, in Vietnamese.
  await page.getByLabel("Báo cáo theo phường, xã").check();
  await page.getByLabel("Bảng tính (.xlsx, .csv) và tệp dữ liệu chung (.json)").check();
  await page.getByLabel("Bảng tính các phường, xã (.xlsx hoặc .csv)").setInputFiles({
    name: "phuong-xa.csv",
    mimeType: "text/csv",
    buffer: Buffer.from("name,signer_name,cay_xanh\nPhường An Mỹ,Nguyễn Văn An,nhiều\n"),
  });
  await page.getByLabel("Tệp dữ liệu chung (.json)", { exact: true }).setInputFiles(sample("tam-ky-wards-2022.json"));
  await page.getByRole("button", { name: "Tải về tệp ZIP" }).click();
  await page.locator("#errors li").first().waitFor();
  const sheetErrors = await page.locator("#errors li").allTextContents();
  check(
    sheetErrors.length === 1 &&
      sheetErrors[0].includes("dòng 2, cột C (cay_xanh)") &&
      sheetErrors[0].includes('phải là số nguyên không âm, nhưng đang là "nhiều"'),
    `the sheet's error: ${sheetErrors}`,
  );
  check((await status.textContent()).includes("Bảng tính có 1 lỗi."), `the sheet: ${await status.textContent()}`);

  // A batch from a sheet and the shared file: a ZIP.
  await page.getByLabel("Bảng tính các phường, xã (.xlsx hoặc .csv)").setInputFiles(sample("tam-ky-wards-2022.xlsx"));
  const [zip] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Tải về tệp ZIP" }).click(),
  ]);
  check(zip.suggestedFilename() === "bao-cao-phuong-xa-2022.zip", `file name ${zip.suggestedFilename()}`);
  await copyFile(await zip.path(), path.join(output, "batch.zip"));
  const zipBytes = await readFile(path.join(output, "batch.zip"));
  check(zipBytes.subarray(0, 4).toString("latin1") === "PK\x03\x04", "the download is a ZIP");
  await page.screenshot({ path: path.join(output, "batch.png"), fullPage: true });

  // The Excel template from the shared file, filled in by a script as a clerk fills it in
  // Excel, goes back in as it is: the ZIP's roll-up adds the filled figures (read by the Rust test).
  const [template] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Tải về mẫu bảng tính (.xlsx)" }).click(),
  ]);
  check(template.suggestedFilename() === "mau-so-lieu-phuong-xa.xlsx", `file name ${template.suggestedFilename()}`);
  check((await status.textContent()).includes("điền mỗi phường, xã một dòng từ dòng 3"), `the template: ${await status.textContent()}`);
  const workbook = path.join(output, "mau.xlsx");
  await template.saveAs(workbook);
  const values = path.join(output, "values.json");
  await writeFile(values, JSON.stringify({ signer_name: "Trần Văn Điền", cay_xanh: 150, kinh_phi_nha: 12500000 }));
  const filled = path.join(output, "filled.xlsx");
  const rows = execFileSync(python, [path.join(repository, "tests/tools/fill_sheet.py"), workbook, filled, values], { encoding: "utf8" });
  check(rows.trim() === "13", `one filled row per ward: ${rows}`);
  await page.getByLabel("Bảng tính các phường, xã (.xlsx hoặc .csv)").setInputFiles(filled);
  const [filledZip] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Tải về tệp ZIP" }).click(),
  ]);
  await copyFile(await filledZip.path(), path.join(output, "filled.zip"));

  check(
    apiLanguages.size === 1 && apiLanguages.has("vi"),
    `the API calls ask for Vietnamese: ${[...apiLanguages]}`,
  );
  checkWatched(check, watch);
} finally {
  await browser.close();
}
console.log(`page test: all ${check.count()} checks passed`);
