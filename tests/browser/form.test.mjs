// The clerk's form in Debian's headless Chromium: from a blank form, typing only, fill a minimal
// report, see how its sentence reads with the figure filled in, see the live preview, download
// the PDF; see an empty signer name's error beside its field, in Vietnamese, and see it go when
// fixed; reload and find the draft; load the sample and download its PDF; start next year from
// it; scan the page with axe-core (pinned) at 1280 and 390 px wide: no serious or critical
// violation. Screenshots at 1280 and 390 px wide.
//
// Usage: node form.test.mjs BASE_URL OUTPUT_DIR
// The PDF downloaded and the screenshots are written to OUTPUT_DIR for the Rust test that runs
// this script (tests/vanban/server/page.rs) to read back.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { checkWatched, checker, launch, watchedPage } from "./harness.mjs";

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

const [base, output] = process.argv.slice(2);
assert.ok(base && output, "usage: node form.test.mjs BASE_URL OUTPUT_DIR");

const browser = await launch();
const check = checker();

/** What the clerk types, field by field (data path → text). */
const typed = {
  "issuer.parent": "Bộ CHQS tỉnh Quảng Ngãi",
  "issuer.name": "Ban Chỉ huy Quân sự huyện Sơn Tịnh",
  "issuer.short_name": "Ban CHQS huyện",
  "issuer.abbreviation": "BCHQS",
  "issuer.place": "Sơn Tịnh",
  year: "2023",
  "document.number": "7",
  "document.date": "2023-12-05",
  "organizations.0.id": "hoi-nong-dan",
  "organizations.0.name": "Hội Nông dân huyện",
  "organizations.0.short_name": "Hội Nông dân",
  "organizations.0.activities.0.text": "Vận động xây dựng quỹ hỗ trợ nông dân {quy_ho_tro}, giúp hội viên khó khăn phát triển kinh tế.",
  "organizations.0.activities.0.quantities.0.key": "quy_ho_tro",
  "organizations.0.activities.0.quantities.0.label": "Quỹ hỗ trợ nông dân",
  "organizations.0.activities.0.quantities.0.amount": "350.000.000",
  "situation.overview.0": "Năm 2023, công tác phối hợp được triển khai đồng bộ.",
  "situation.advantages.0": "Được cấp ủy, chính quyền quan tâm lãnh đạo.",
  "situation.difficulties.0": "Kinh phí còn hạn chế.",
  "general_results.0": "Các tổ chức hoàn thành tốt nhiệm vụ phối hợp.",
  "shortcomings.0": "Một số nội dung triển khai còn chậm.",
  "causes.0": "Lực lượng kiêm nhiệm nhiều việc.",
  "lessons.0": "Phải có sự lãnh đạo chặt chẽ của cấp ủy.",
  "directions.0": "Tiếp tục duy trì nền nếp phối hợp trong năm 2024.",
  "signer.title": "Chỉ huy trưởng",
  "signer.name": "Trương Thị Hồng Nhung",
  "recipients.0": "Bộ CHQS tỉnh Quảng Ngãi",
  "archive.0": "VT",
};

const field = (page, name) => page.locator(`[name="${name}"]`);

/** axe-core's serious and critical violations on the page as it is, one line each. */
async function accessibilityViolations(page) {
  // Evaluated through the DevTools protocol: the page's own policy allows no inline script.
  await page.evaluate(axeSource);
  const results = await page.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`);
}

try {
  const context = await browser.newContext({ acceptDownloads: true, locale: "en-US", viewport: { width: 1280, height: 900 } });
  const { page, watch } = await watchedPage(context, base);

  await page.goto(`${base}/`);
  await page.locator("body[data-editor=ready]").waitFor();

  // The form comes from the schema, in the document's order, in Vietnamese.
  const legends = await page.locator("#fields > section > h2").allTextContents();
  check(legends[0] === "Cơ quan ban hành" && legends.includes("Người ký"), `sections: ${legends}`);
  check(legends.indexOf("Kết quả của từng tổ chức") < legends.indexOf("Người ký"), `order: ${legends}`);
  check(
    (await page.locator('label[for="f-signer-name"]').textContent()) === "Họ và tên người ký",
    "the signer's name is labelled in Vietnamese",
  );
  const authority = await page.locator('[name="signer.authority"] option').allTextContents();
  check(authority.includes("KT. (cấp phó ký thay)"), `enum choices in Vietnamese: ${authority}`);
  // Every control has a label.
  const unlabelled = await page.evaluate(() =>
    [...document.querySelectorAll("#fields input, #fields textarea, #fields select, #fields button")]
      .filter((element) => element.labels?.length === 0 && !element.getAttribute("aria-label") && !element.textContent.trim())
      .map((element) => element.name || element.outerHTML),
  );
  check(unlabelled.length === 0, `controls without a label: ${unlabelled}`);

  // A repeatable group: add a figure to the activity, then type everything.
  await page.locator('[data-action="add"][data-target="organizations.0.activities.0.quantities"]').click();
  check(await field(page, "organizations.0.activities.0.quantities.0.key").isVisible(), "a figure was added");
  // Money or a count: each shows its own fields.
  const figure = "organizations.0.activities.0.quantities.0";
  check(await page.getByRole("radio", { name: "Tiền (đồng)" }).isChecked(), "a new figure is money");
  check((await field(page, `${figure}.unit`).count()) === 0, "money has no unit");
  await page.getByRole("radio", { name: "Số lượng, có đơn vị tính" }).check();
  await field(page, `${figure}.unit`).waitFor();
  check((await field(page, `${figure}.amount`).count()) === 0, "a count has no amount");
  await page.getByRole("radio", { name: "Tiền (đồng)" }).check();
  await field(page, `${figure}.amount`).waitFor();
  for (const [name, text] of Object.entries(typed)) {
    await field(page, name).fill(text);
  }
  // The figure goes into the sentence from the picker, at the caret.
  const text = field(page, "organizations.0.activities.0.text");
  await text.fill("Vận động xây dựng quỹ hỗ trợ nông dân");
  await text.press("End");
  await page.locator('[data-picker-for="f-organizations-0-activities-0-text"]').selectOption("quy_ho_tro");
  await text.press("End");
  await text.pressSequentially(", giúp hội viên khó khăn phát triển kinh tế.");
  check(
    (await text.inputValue()) === typed["organizations.0.activities.0.text"],
    `the picker wrote the placeholder: ${await text.inputValue()}`,
  );
  check(
    (await page.locator("#f-organizations-0-activities-0-quantities-0-amount--reading").textContent()) === "",
    "a grouped amount needs no reading",
  );
  await field(page, "organizations.0.activities.0.quantities.0.amount").fill("350 triệu");
  check(
    (await page.locator("#f-organizations-0-activities-0-quantities-0-amount--reading").textContent()) === "= 350.000.000",
    "350 triệu reads as 350.000.000",
  );
  // How the sentence will read, its figure filled in as the report prints it.
  const reads = page.locator("#f-organizations-0-activities-0-text--reads");
  await page.waitForFunction(() =>
    (document.getElementById("f-organizations-0-activities-0-text--reads")?.textContent || "").includes("350\u00a0triệu"),
  );
  const reading = (await reads.textContent()).replaceAll("\u00a0", " ");
  check(
    reading === "Khi in: Vận động xây dựng quỹ hỗ trợ nông dân 350 triệu đồng, giúp hội viên khó khăn phát triển kinh tế.",
    `the sentence's reading: ${reading}`,
  );
  check(
    ((await text.getAttribute("aria-describedby")) || "").split(" ").includes("f-organizations-0-activities-0-text--reads"),
    "the reading describes the sentence",
  );

  // The preview appears, page 1 of the report.
  await page.locator("#live-image:not([hidden])").waitFor();
  await page.waitForFunction(() => /Trang 1\/\d/.test(document.getElementById("page-label").textContent));
  const size = await page.locator("#live-image").evaluate((image) => image.naturalWidth);
  check(size > 500, `the preview is a page (${size} px wide)`);
  check(
    (await page.locator("#live-image").getAttribute("src")).startsWith("blob:"),
    "the preview is an image from a blob",
  );
  await page.waitForFunction(() => document.getElementById("summary").hidden);
  await page.screenshot({ path: path.join(output, "form-1280.png") });

  // The PDF, a click away.
  const [pdf] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Tải về bản PDF" }).click(),
  ]);
  check(pdf.suggestedFilename() === "bao-cao-2023.pdf", `file name ${pdf.suggestedFilename()}`);
  await pdf.saveAs(path.join(output, "form.pdf"));

  // A mistake: the signer's name emptied. Its error shows beside it, in Vietnamese.
  await field(page, "signer.name").fill("");
  await field(page, "signer.title").focus();
  const error = page.locator("#f-signer-name--error");
  await error.waitFor({ state: "visible" });
  check((await error.textContent()) === "Không được để trống.", `the error: ${await error.textContent()}`);
  check((await field(page, "signer.name").getAttribute("aria-invalid")) === "true", "the field is marked invalid");
  check(
    ((await field(page, "signer.name").getAttribute("aria-describedby")) || "").includes("f-signer-name--error"),
    "the error describes the field",
  );
  const summary = await page.locator("#summary").textContent();
  check(summary.includes("Người ký › Họ và tên người ký: không được để trống"), `the summary: ${summary}`);
  // "Kiểm tra lỗi" focuses the first error.
  await page.getByRole("button", { name: "Kiểm tra lỗi" }).click();
  await page.waitForFunction(() => document.activeElement?.name === "signer.name");
  check(true, "the first error has the focus");
  await page.screenshot({ path: path.join(output, "form-error-1280.png") });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: path.join(output, "form-error-390.png") });
  check(
    await page.evaluate(() => document.documentElement.scrollWidth <= 390),
    "nothing is wider than a phone",
  );
  await page.setViewportSize({ width: 1280, height: 900 });
  // Fixed, the error goes.
  await field(page, "signer.name").fill("Trương Thị Hồng Nhung");
  await error.waitFor({ state: "hidden" });
  check((await field(page, "signer.name").getAttribute("aria-invalid")) === null, "the field is valid again");

  // A placeholder with no figure: said beside the sentence.
  await text.fill("Vận động xây dựng quỹ {quy_khac}.");
  const textError = page.locator("#f-organizations-0-activities-0-text--error");
  await textError.waitFor({ state: "visible" });
  check((await textError.textContent()).includes("quy_khac"), `the placeholder's error: ${await textError.textContent()}`);
  await text.fill(typed["organizations.0.activities.0.text"]);
  await textError.waitFor({ state: "hidden" });

  // Reloading keeps the draft.
  await page.reload();
  await page.locator("body[data-editor=ready]").waitFor();
  check((await field(page, "signer.name").inputValue()) === "Trương Thị Hồng Nhung", "the draft survived a reload");
  check(
    (await field(page, "organizations.0.activities.0.quantities.0.amount").inputValue()) === "350.000.000",
    "the amount is shown grouped",
  );
  await page.locator("#live-image:not([hidden])").waitFor();

  // The sample loads into the form; the draft before it can be brought back.
  await page.getByRole("button", { name: "Dữ liệu mẫu (Tam Kỳ 2022)" }).click();
  await page.waitForFunction(() => document.querySelector('[name="issuer.place"]').value === "Tam Kỳ");
  await page.waitForFunction(() => /Trang 1\/9/.test(document.getElementById("page-label").textContent));
  await page.getByRole("button", { name: "Trang sau" }).click();
  await page.waitForFunction(() => /Trang 2\/9/.test(document.getElementById("page-label").textContent));
  check(true, "page navigation");
  await page.screenshot({ path: path.join(output, "sample-1280.png") });
  const [samplePdf] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Tải về bản PDF" }).click(),
  ]);
  await samplePdf.saveAs(path.join(output, "sample.pdf"));
  await page.getByRole("button", { name: "Khôi phục bản nháp trước" }).click();
  await page.waitForFunction(() => document.querySelector('[name="issuer.place"]').value === "Sơn Tịnh");
  check(true, "the draft before the sample came back");

  // Next year from the sample: the issuer, the signer and the program's parties carried over,
  // this year's program the one the report answers to, the year's own parts blank.
  await page.getByRole("button", { name: "Dữ liệu mẫu (Tam Kỳ 2022)" }).click();
  await page.waitForFunction(() => document.querySelector('[name="issuer.place"]').value === "Tam Kỳ");
  await page.getByRole("button", { name: "Năm sau, từ dữ liệu đang mở" }).click();
  await page.waitForFunction(() => document.querySelector('[name="year"]').value === "2023");
  check((await field(page, "issuer.name").inputValue()) === "Ban Chỉ huy Quân sự thành phố Tam Kỳ", "next year keeps the issuer");
  check((await field(page, "signer.name").inputValue()) === "Đoàn Văn Quang", "next year keeps the signer");
  check((await field(page, "program_reference.symbol").inputValue()) === "01/CTr-BCHQS-CTXH", "this year's program is the one reported on");
  check((await field(page, "program_reference.date").inputValue()) === "2022-11-02", "with its date");
  check((await field(page, "next_program.parties.0.signer.name").inputValue()) === "Lê Quang Vinh", "the program's parties sign again");
  check((await field(page, "document.number").inputValue()) === "", "the report's number is next year's to give");
  check((await field(page, "organizations.0.name").inputValue()) === "Ủy ban Mặt trận Tổ quốc Việt Nam thành phố", "the organizations stay");
  check((await field(page, "organizations.0.activities.0.text").count()) === 0, "their activities are next year's to write");

  // A figure may be a percentage ("12,5") or a ratio (part and whole), as well as money or a count.
  await page.getByRole("button", { name: "Dữ liệu mẫu (Tam Kỳ 2022)" }).click();
  await page.waitForFunction(() => document.querySelector('[name="issuer.place"]').value === "Tam Kỳ");
  const sampleFigure = "organizations.0.activities.0.quantities.0";
  const kindRadio = (kind) => page.locator(`[id="f-${sampleFigure.replaceAll(".", "-")}--${kind}"]`);
  const draftFigure = () =>
    page.evaluate((name) => name.split(".").reduce((value, key) => value[key], JSON.parse(localStorage.getItem("vanban.draft"))), sampleFigure);
  await kindRadio("percent").check();
  await field(page, `${sampleFigure}.percent`).fill("12,5");
  check((await draftFigure()).percent === 12.5, "a percentage typed with a decimal comma is a number");
  check((await field(page, `${sampleFigure}.count`).count()) === 0, "a percentage has no count");
  await kindRadio("ratio").check();
  await page.getByLabel("Phần", { exact: true }).first().fill("3");
  await page.getByLabel("Tổng", { exact: true }).first().fill("4");
  const ratio = await draftFigure();
  check(JSON.stringify(ratio.ratio) === "[3,4]" && ratio.percent === undefined, `a ratio is its part and whole: ${JSON.stringify(ratio)}`);

  // Accessibility, on the sample's full form, at desktop and phone width.
  await page.getByRole("button", { name: "Dữ liệu mẫu (Tam Kỳ 2022)" }).click();
  await page.waitForFunction(() => document.querySelector('[name="issuer.place"]').value === "Tam Kỳ");
  await page.locator("#live-image:not([hidden])").waitFor();
  const wide = await accessibilityViolations(page);
  check(wide.length === 0, `axe-core at 1280 px: ${wide.join("; ")}`);
  await page.setViewportSize({ width: 390, height: 844 });
  const narrow = await accessibilityViolations(page);
  check(narrow.length === 0, `axe-core at 390 px: ${narrow.join("; ")}`);

  checkWatched(check, watch);
} finally {
  await browser.close();
}
console.log(`form test: all ${check.count()} checks passed`);
