// The office's stored data on the page, in Debian's headless Chromium, on a server with a
// database and the clerk clerk.tk of Tam Kỳ: a wrong password is told; log in; save the sample
// as 2022 (an empty form is no profile: told which fields; the sample's issuing body, signer and
// recipients are); download the ZIP of its ward's stored data; issue its report and the 2023 program into the register, issue the report again
// (told it was issued), download the program, sign it with pyHanko as the first party and
// upload it (the register says who has signed and who is still to), upload it again (told it
// adds no signature); start 2023 from the stored 2022 and save it; a second tab opens 2023 and saves a
// change; the first tab, still on the older revision, saves and is told someone saved in
// between, by whom, and the list shows their revision; a new form from the profile has its
// issuing body, signer and recipients; the login survives a reload; log out.
// axe-core finds no serious or critical violation in the office part at 1280 and 390 px, where
// the screenshots are taken.
//
// Usage: node office.test.mjs BASE_URL OUTPUT_DIR PASSWORD

import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { checkWatched, checker, launch, watchedPage } from "./harness.mjs";

const [base, output, password] = process.argv.slice(2);
assert.ok(base && output && password, "usage: node office.test.mjs BASE_URL OUTPUT_DIR PASSWORD");

const signTool = fileURLToPath(new URL("../tools/sign_check.py", import.meta.url));
const wardsFile = fileURLToPath(new URL("../../samples/tam-ky-wards-2022.json", import.meta.url));
assert.ok(process.env.VANBAN_PYTHON, "VANBAN_PYTHON names the Python with pyHanko (scripts/test.sh sets it)");

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** axe-core's serious and critical violations in the office part, one line each. */
async function accessibilityViolations(page) {
  await page.evaluate(axeSource);
  const results = await page.evaluate(() => window.axe.run("#office", { resultTypes: ["violations"] }));
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`);
}

const browser = await launch();
const check = checker();

const status = (page) => page.locator("#office-status").textContent();
const waitStatus = (page, pattern) =>
  page.waitForFunction((source) => new RegExp(source).test(document.getElementById("office-status").textContent), pattern.source);

try {
  const context = await browser.newContext({ locale: "vi-VN", viewport: { width: 1280, height: 900 } });
  const { page, watch } = await watchedPage(context, base);
  await page.goto(`${base}/`);
  await page.locator("body[data-editor=ready]").waitFor();
  check(await page.locator("#office").isVisible(), "the office part shows on a server with a database");

  // A wrong password is told, in Vietnamese.
  await page.getByLabel("Tên đăng nhập").fill("clerk.tk");
  await page.getByLabel("Mật khẩu").fill("không phải mật khẩu");
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await waitStatus(page, /Sai tên đăng nhập/);
  check((await status(page)) === "Sai tên đăng nhập hoặc mật khẩu.", `the wrong password: ${await status(page)}`);

  await page.getByLabel("Mật khẩu").fill(password);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await page.locator("#office-in:not([hidden])").waitFor();
  check((await page.locator("#office-who").textContent()).includes("Ban CHQS thành phố Tam Kỳ"), "logged in, with the office");
  check(!(await page.locator("#office-login").isVisible()), "the login form is gone");
  check((await page.locator("#office-empty").isVisible()), "no year saved yet");
  check((await page.locator("#profile-status").textContent()).startsWith("Chưa có hồ sơ cơ quan"), "no profile yet");
  check(await page.getByRole("button", { name: "Biểu mẫu mới từ hồ sơ cơ quan" }).isDisabled(), "no profile to open");

  // The blank form's issuing body is no profile: told which fields, by their labels.
  await page.getByRole("button", { name: "Lưu cơ quan, người ký, nơi nhận làm hồ sơ" }).click();
  await waitStatus(page, /Chưa lưu được hồ sơ/);
  const refused = await status(page);
  check(
    refused.startsWith("Chưa lưu được hồ sơ: ") &&
      refused.includes("Cơ quan chủ quản: không được để trống;") &&
      refused.includes("Họ và tên người ký: không được để trống"),
    `an empty profile: ${refused}`,
  );

  // The sample, saved as 2022.
  await page.getByRole("button", { name: "Dữ liệu mẫu (Tam Kỳ 2022)" }).click();
  await page.waitForFunction(() => document.querySelector('[name="issuer.place"]').value === "Tam Kỳ");
  await page.getByRole("button", { name: "Lưu lên máy chủ" }).click();
  await waitStatus(page, /Đã lưu năm 2022, bản số 1/);
  await page.getByRole("button", { name: "Mở năm 2022" }).waitFor();
  const listed = await page.locator("#office-years li").first().textContent();
  check(/^Năm 2022: bản số 1, clerk\.tk lưu lúc \d\d:\d\d ngày \d\d\/\d\d\/\d{4}/.test(listed), `2022 listed: ${listed}`);

  // Its issuing body, signer and recipients, kept as the office's profile.
  await page.getByRole("button", { name: "Lưu cơ quan, người ký, nơi nhận làm hồ sơ" }).click();
  await waitStatus(page, /Đã lưu cơ quan ban hành/);
  await page.waitForFunction(() => document.getElementById("profile-status").textContent.startsWith("Do clerk.tk lưu lúc"));
  check(true, "the profile saved, by whom and when");

  // The batch of the city's wards from their stored data (An Mỹ saved its 2022 beforehand,
  // An Xuân nothing), with the sample batch file's shared data and roll-up.
  check(await page.locator("#stored-batch").isVisible(), "the city is offered its wards' batch");
  await page.getByLabel("Tệp lô cho các đơn vị trực thuộc (.json)").setInputFiles(wardsFile);
  const zipDownload = page.waitForEvent("download");
  await page.getByRole("button", { name: "Tải về tệp ZIP của các đơn vị trực thuộc" }).click();
  const zip = await zipDownload;
  const zipPath = path.join(output, zip.suggestedFilename());
  await zip.saveAs(zipPath);
  const zipBytes = readFileSync(zipPath);
  check(zipBytes.subarray(0, 2).toString() === "PK", "the wards' batch is a ZIP");
  check(zipBytes.includes("phuong-an-my"), "with An Mỹ's report, from its stored data");
  await waitStatus(page, /^Đã tạo .*\.zip: báo cáo của từng đơn vị trực thuộc/);
  check(
    (await status(page)).endsWith("Chưa có dữ liệu của năm này, nên không có trong tệp: Ban CHQS phường An Xuân."),
    `the ward without data is named: ${await status(page)}`,
  );

  // The 2022 report and the 2023 program issued: numbered, in the register.
  await page.getByRole("button", { name: "Ban hành báo cáo năm 2022" }).click();
  await waitStatus(page, /Đã ban hành văn bản số 05/);
  check((await status(page)) === "Đã ban hành văn bản số 05/BC-BCHQS ngày 31/10/2022 và vào sổ.", `the report issued: ${await status(page)}`);
  const reportEntry = page.locator('#register-list li[data-symbol="05/BC-BCHQS"]');
  await reportEntry.waitFor();
  check(/^Số 05\/BC-BCHQS ngày 31\/10\/2022: Báo cáo, từ dữ liệu năm 2022 bản số 1; clerk\.tk ban hành lúc/.test(await reportEntry.textContent()), `the report in the register: ${await reportEntry.textContent()}`);
  await page.getByRole("button", { name: "Ban hành báo cáo năm 2022" }).click();
  await waitStatus(page, /đã được ban hành từ trước/);
  check(true, "issuing the same report again is told, not numbered twice");
  await page.getByRole("button", { name: "Ban hành chương trình năm 2023" }).click();
  await waitStatus(page, /Đã ban hành văn bản số 01/);
  const programEntry = page.locator('#register-list li[data-symbol="01/CTr-BCHQS-CTXH"]');
  await programEntry.waitFor();
  check((await programEntry.locator(".signatures").textContent()).startsWith("Chưa bên nào ký. Còn chờ ký: Ban Chỉ huy Quân sự thành phố Tam Kỳ; Ủy ban MTTQVN thành phố Tam Kỳ;"), "the program waits for every party");

  // The program downloaded as issued, signed by the Ban CHQS (pyHanko, as a signing program
  // would: an incremental update), uploaded: the register shows who has signed.
  const href = await programEntry.getByRole("link", { name: "Tải về 01/CTr-BCHQS-CTXH" }).getAttribute("href");
  const issued = await page.request.get(`${base}${href}`);
  check(issued.ok() && issued.headers()["content-type"] === "application/pdf", "the issued program downloads");
  const issuedPath = path.join(output, "program-issued.pdf");
  const signedPath = path.join(output, "program-signed.pdf");
  writeFileSync(issuedPath, await issued.body());
  const signer = spawnSync(process.env.VANBAN_PYTHON, [signTool, issuedPath, signedPath, "sig-ban-chqs"], { encoding: "utf8" });
  assert.equal(signer.status, 0, signer.stderr);
  await programEntry.getByLabel("Tải lên bản đã ký của 01/CTr-BCHQS-CTXH").setInputFiles(signedPath);
  await waitStatus(page, /Đã lưu bản số 2/);
  check(
    (await status(page)).startsWith(
      "Đã lưu bản số 2 của văn bản 01/CTr-BCHQS-CTXH. Đã ký (1/8): Ban Chỉ huy Quân sự thành phố Tam Kỳ. Còn chờ ký: Ủy ban MTTQVN thành phố Tam Kỳ;",
    ),
    `the signed copy: ${await status(page)}`,
  );
  await page.waitForFunction(() => document.querySelector('#register-list li[data-symbol="01/CTr-BCHQS-CTXH"]').textContent.includes("bản số 2 (có chữ ký)"));
  check(true, "the register shows the signed version");
  // The same file again adds no signature: told so.
  await page.getByLabel("Tải lên bản đã ký của 01/CTr-BCHQS-CTXH").setInputFiles(signedPath);
  await waitStatus(page, /không có thêm chữ ký nào/);
  check(true, "a copy with no new signature is refused");
  await page.locator("#register-list").scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(output, "register-1280.png") });

  // 2023, started from the stored 2022, saved.
  await page.getByRole("button", { name: "Bắt đầu năm 2023 từ năm 2022" }).click();
  await page.waitForFunction(() => document.querySelector('[name="year"]').value === "2023");
  check((await page.locator('[name="signer.name"]').inputValue()) === "Đoàn Văn Quang", "next year keeps the signer");
  await page.getByRole("button", { name: "Lưu lên máy chủ" }).click();
  await waitStatus(page, /Đã lưu năm 2023, bản số 1/);
  await page.screenshot({ path: path.join(output, "office-1280.png") });

  // A second tab opens 2023 and saves a change: revision 2.
  const { page: second, watch: secondWatch } = await watchedPage(context, base);
  await second.goto(`${base}/`);
  await second.locator("body[data-editor=ready]").waitFor();
  await second.locator("#office-in:not([hidden])").waitFor();
  check(true, "the session is the browser's: the second tab is logged in");
  await second.getByRole("button", { name: "Mở năm 2023" }).click();
  await second.waitForFunction(() => document.querySelector('[name="year"]').value === "2023");
  await second.locator('[name="signer.name"]').fill("Nguyễn Văn Bình");
  await second.getByRole("button", { name: "Lưu lên máy chủ" }).click();
  await waitStatus(second, /Đã lưu năm 2023, bản số 2/);

  // The first tab, opened at revision 1, saves: told someone saved in between.
  await page.locator('[name="directions.0"]').fill("Phương hướng của tab thứ nhất.");
  await page.getByRole("button", { name: "Lưu lên máy chủ" }).click();
  await waitStatus(page, /đã được lưu lại/);
  check(
    (await status(page)) ===
      "Dữ liệu năm 2023 đã được lưu lại sau bản số 1: bản số 2, do clerk.tk lưu; hãy mở bản đó và sửa tiếp trên bản đó.",
    `the stale save: ${await status(page)}`,
  );
  await page.waitForFunction(() => document.getElementById("office-years").textContent.includes("Năm 2023: bản số 2"));
  check(true, "the list shows the revision saved in between");

  // A new year's form from the profile: the issuing body, signer and recipients, nothing else.
  await page.getByRole("button", { name: "Biểu mẫu mới từ hồ sơ cơ quan" }).click();
  await page.waitForFunction(() => document.querySelector('[name="year"]').value === "");
  check((await page.locator('[name="issuer.place"]').inputValue()) === "Tam Kỳ", "the profile's issuing body");
  check((await page.locator('[name="signer.name"]').inputValue()) === "Đoàn Văn Quang", "the profile's signer");
  check((await page.locator('[name="recipients.0"]').inputValue()) !== "", "the profile's recipients");
  check((await page.locator('[name="organizations.0.name"]').inputValue()) === "", "the organizations blank: a new year's");
  const wide = await accessibilityViolations(page);
  check(wide.length === 0, `axe-core at 1280 px: ${wide.join("; ")}`);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.locator("#office").scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(output, "office-390.png") });
  check(await page.evaluate(() => document.documentElement.scrollWidth <= 390), "nothing is wider than a phone");
  const narrow = await accessibilityViolations(page);
  check(narrow.length === 0, `axe-core at 390 px: ${narrow.join("; ")}`);
  await page.setViewportSize({ width: 1280, height: 900 });

  // A reload keeps the login; logging out ends it.
  await page.reload();
  await page.locator("body[data-editor=ready]").waitFor();
  await page.locator("#office-in:not([hidden])").waitFor();
  await page.getByRole("button", { name: "Đăng xuất" }).click();
  await page.locator("#office-login:not([hidden])").waitFor();
  await page.reload();
  await page.locator("body[data-editor=ready]").waitFor();
  check(await page.locator("#office-login").isVisible(), "logged out after a reload");

  checkWatched(check, watch);
  checkWatched(check, secondWatch);
} finally {
  await browser.close();
}
console.log(`office test: all ${check.count()} checks passed`);
