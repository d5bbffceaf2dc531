// vanban's page: sends the year data (or a batch) to the API of the server that served it,
// lists the problems it answers with, shows a preview, saves the PDF or ZIP. No library, no
// network but this server.
"use strict";

const $ = (id) => document.getElementById(id);

/** Vietnamese names of the year data's top-level fields, to help read an error's path. */
const FIELD_NAMES = {
  issuer: "Cơ quan ban hành",
  year: "Năm",
  document: "Số, ngày văn bản",
  program: "Chương trình phối hợp năm nay",
  program_reference: "Chương trình được báo cáo",
  review_meeting: "Hội nghị sơ kết/tổng kết",
  organizations: "Các tổ chức phối hợp",
  situation: "Tình hình",
  general_results: "Kết quả chung",
  shortcomings: "Hạn chế",
  causes: "Nguyên nhân",
  lessons: "Bài học kinh nghiệm",
  directions: "Phương hướng",
  proposals: "Kiến nghị, đề xuất",
  commendations: "Khen thưởng",
  signer: "Người ký",
  recipients: "Nơi nhận",
  archive: "Lưu",
  next_program: "Chương trình phối hợp năm sau",
  shared: "Phần dùng chung",
  rollup: "Báo cáo tổng hợp",
  wards: "Danh sách phường, xã",
};

/** Every API call asks for problems in Vietnamese; the server says them so. */
const API_HEADERS = { "Accept-Language": "vi" };

const KIND_NAMES = {
  report: "báo cáo sơ kết/tổng kết",
  agreement: "chương trình phối hợp",
};

let lastUrl = null;
/** The reading of the last chosen file, awaited before the text box is sent. */
let loading = Promise.resolve();

function kind() {
  return document.querySelector('input[name="kind"]:checked').value;
}

function source() {
  return document.querySelector('input[name="source"]:checked').value;
}

/** Shows the fields of the chosen document and names the main button after what it saves. */
function showKind() {
  const batch = kind() === "batch";
  $("single").hidden = batch;
  $("batch").hidden = !batch;
  $("validate").hidden = batch;
  $("preview").hidden = batch;
  $("download").textContent = batch ? "Tải về tệp ZIP" : "Tải về PDF";
  const sheet = source() === "sheet";
  $("batch-file-field").hidden = sheet;
  $("sheet-fields").hidden = !sheet;
}

/** Puts a chosen file's text into the text box, where it can be read and corrected. */
async function loadDataFile() {
  const file = $("data-file").files[0];
  if (file) {
    $("data-text").value = await file.text();
  }
}

/** The year data to send, or null (with a message) when there is none. */
async function yearData() {
  await loading;
  const text = $("data-text").value;
  if (text.trim() === "") {
    fail("Chưa có dữ liệu: hãy chọn tệp .json hoặc dán nội dung JSON vào ô.");
    return null;
  }
  return text;
}

function resetResult() {
  if (lastUrl) {
    URL.revokeObjectURL(lastUrl);
    lastUrl = null;
  }
  $("result").hidden = false;
  for (const id of ["errors", "technical", "saved", "preview-figure"]) {
    $(id).hidden = true;
  }
  $("errors").replaceChildren();
  $("status").className = "";
  $("status").replaceChildren();
}

function say(className, ...lines) {
  const status = $("status");
  status.className = className;
  status.replaceChildren(
    ...lines.map((line) => {
      const p = document.createElement("p");
      p.textContent = line;
      return p;
    }),
  );
}

function fail(message) {
  resetResult();
  say("bad", message);
  $("result").focus();
}

/** Says in words where an error is: "Người ký › name" for `$.signer.name`. */
function describePath(path) {
  const match = /^\$\.([A-Za-z_]+)(.*)$/.exec(path);
  if (!match || !FIELD_NAMES[match[1]]) {
    return null;
  }
  const rest = match[2].replace(/^\./, "").replace(/\./g, " › ");
  return rest ? `${FIELD_NAMES[match[1]]} › ${rest}` : FIELD_NAMES[match[1]];
}

/** `text` as a sentence: a capital first letter and a final full stop. */
function sentence(text) {
  const capitalised = text.charAt(0).toLocaleUpperCase("vi") + text.slice(1);
  return /[.!?…]$/.test(capitalised) ? capitalised : `${capitalised}.`;
}

/**
 * Lists a problem answer (RFC 9457) as the server says it (in Vietnamese, since the page asks
 * for it; `Content-Language` tells): what is wrong, then every error with its place.
 */
async function showProblem(response) {
  let problem = {};
  try {
    problem = await response.json();
  } catch {
    problem = {};
  }
  const status = response.status;
  const language = response.headers.get("Content-Language") || "en";
  const lines = [
    typeof problem.detail === "string" && problem.detail
      ? sentence(problem.detail)
      : `Máy chủ gặp lỗi khi xử lý yêu cầu (mã ${status}).`,
  ];
  const errors = Array.isArray(problem.errors) ? problem.errors : [];
  if (errors.length > 0) {
    lines.push("Mỗi lỗi ghi vị trí trong dữ liệu (đường dẫn JSON, hoặc dòng và cột của bảng tính) và cách sửa:");
  }
  if (status >= 500 && status !== 503) {
    lines.push("Nếu lỗi lặp lại, hãy báo bộ phận công nghệ thông tin kèm mã yêu cầu bên dưới.");
  }
  say("bad", ...lines);
  if (problem.detail) {
    $("status").firstElementChild.lang = language;
  }

  const list = $("errors");
  for (const error of errors) {
    const item = document.createElement("li");
    const where = document.createElement("span");
    where.className = "where";
    if (error.ward) {
      const ward = document.createElement("span");
      ward.className = "ward";
      ward.textContent = `${error.ward}: `;
      where.append(ward);
    }
    const code = document.createElement("code");
    code.textContent = error.place || error.path;
    where.append(code);
    const words = describePath(error.path);
    if (words) {
      where.append(` (${words})`);
    }
    const message = document.createElement("span");
    message.lang = language;
    message.textContent = error.message;
    item.append(where, message);
    list.append(item);
  }
  list.hidden = errors.length === 0;

  const technical = $("technical");
  const id = response.headers.get("X-Request-Id");
  const title = problem.title ? `${status} ${problem.title}` : `${status}`;
  technical.textContent = [title, id ? `Mã yêu cầu: ${id}` : ""].filter(Boolean).join(" · ");
  technical.lang = language;
  technical.hidden = false;
}

/** The file name a response's Content-Disposition gives, or `fallback`. */
function fileName(response, fallback) {
  const header = response.headers.get("Content-Disposition") || "";
  const match = /filename="([^"]+)"/.exec(header);
  return match ? match[1] : fallback;
}

function size(bytes) {
  return bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1).replace(".", ",")} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** Saves a blob under `name` through a download link, which stays for a second try. */
function save(blob, name, what) {
  lastUrl = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = lastUrl;
  link.download = name;
  link.textContent = "Tải lại";
  const saved = $("saved");
  saved.replaceChildren(`Đã lưu ${what} ${name} (${size(blob.size)}). `, link);
  saved.hidden = false;
  link.click();
}

/** Runs one request with the buttons disabled; a network failure is said as such. */
async function run(label, request) {
  const buttons = document.querySelectorAll("button");
  buttons.forEach((b) => (b.disabled = true));
  $("form").setAttribute("aria-busy", "true");
  resetResult();
  say("busy", label);
  try {
    await request();
  } catch (error) {
    say("bad", "Không kết nối được máy chủ, hoặc kết nối bị ngắt giữa chừng. Vui lòng thử lại.");
    $("technical").textContent = String(error);
    $("technical").lang = "en";
    $("technical").hidden = false;
  } finally {
    buttons.forEach((b) => (b.disabled = false));
    $("form").removeAttribute("aria-busy");
    $("result").focus();
  }
}

function postJson(url, body) {
  return fetch(url, {
    method: "POST",
    headers: { ...API_HEADERS, "Content-Type": "application/json" },
    body,
  });
}

async function validate() {
  const data = await yearData();
  if (data === null) return;
  await run("Đang kiểm tra dữ liệu…", async () => {
    const response = await postJson("/v1/validate", data);
    if (!response.ok) return showProblem(response);
    const result = await response.json();
    const documents = result.documents.map((k) => KIND_NAMES[k] || k).join(" và ");
    const lines = [`Dữ liệu hợp lệ (năm ${result.year}): lập được ${documents}.`];
    if (result.warnings.length > 0) {
      lines.push(`Cảnh báo: ${result.warnings.join("; ")}`);
    }
    say("ok", ...lines);
  });
}

async function preview() {
  const data = await yearData();
  if (data === null) return;
  await run("Đang dựng trang 1…", async () => {
    const response = await postJson(`/v1/documents/${kind()}?format=png&page=1&dpi=96`, data);
    if (!response.ok) return showProblem(response);
    const blob = await response.blob();
    lastUrl = URL.createObjectURL(blob);
    const image = $("preview-image");
    image.src = lastUrl;
    await image.decode();
    const pages = response.headers.get("X-Document-Pages");
    $("preview-caption").textContent =
      `Trang 1${pages ? ` trên ${pages} trang` : ""} của ${KIND_NAMES[kind()]}.`;
    $("preview-figure").hidden = false;
    say("ok", "Bản xem trước trang 1:");
  });
}

async function downloadDocument() {
  const data = await yearData();
  if (data === null) return;
  const query = $("pdf-a").checked ? "?pdf_a=true" : "";
  await run("Đang tạo tệp PDF…", async () => {
    const response = await postJson(`/v1/documents/${kind()}${query}`, data);
    if (!response.ok) return showProblem(response);
    const blob = await response.blob();
    const pages = response.headers.get("X-Document-Pages");
    say("ok", `Đã tạo ${KIND_NAMES[kind()]}${pages ? `, ${pages} trang` : ""}.`);
    save(blob, fileName(response, `${kind()}.pdf`), "tệp PDF");
  });
}

async function downloadBatch() {
  const params = new URLSearchParams();
  if ($("with-agreement").checked) params.set("with", "agreement");
  if ($("allow-partial").checked) params.set("allow_partial", "true");
  if ($("batch-pdf-a").checked) params.set("pdf_a", "true");
  const query = params.toString() ? `?${params}` : "";
  let body;
  let headers = { ...API_HEADERS };
  if (source() === "sheet") {
    const sheet = $("sheet-file").files[0];
    const shared = $("shared-file").files[0];
    if (!sheet || !shared) {
      fail("Hãy chọn cả bảng tính các phường, xã và tệp dữ liệu chung (.json).");
      return;
    }
    body = new FormData();
    body.append("sheet", sheet, sheet.name);
    body.append("shared", shared, shared.name);
  } else {
    const file = $("batch-file").files[0];
    if (!file) {
      fail("Hãy chọn tệp lô (.json).");
      return;
    }
    body = file;
    headers["Content-Type"] = "application/json";
  }
  await run("Đang tạo báo cáo của các phường, xã… (có thể mất vài phút với danh sách dài)", async () => {
    const response = await fetch(`/v1/batches${query}`, { method: "POST", headers, body });
    if (!response.ok) return showProblem(response);
    const blob = await response.blob();
    say("ok", "Đã tạo tệp ZIP: báo cáo của từng phường, xã, báo cáo tổng hợp và manifest.json.");
    save(blob, fileName(response, "bao-cao-phuong-xa.zip"), "tệp ZIP");
  });
}

/** Downloads the Excel workbook to fill in, made from the chosen shared data file. */
async function downloadSheetTemplate() {
  const shared = $("shared-file").files[0];
  if (!shared) {
    fail("Hãy chọn tệp dữ liệu chung (.json) trước: mẫu bảng tính được lập từ tệp này.");
    return;
  }
  await run("Đang lập mẫu bảng tính…", async () => {
    const response = await postJson("/v1/batches/template", shared);
    if (!response.ok) return showProblem(response);
    const blob = await response.blob();
    say(
      "ok",
      "Đã lập mẫu bảng tính: điền mỗi phường, xã một dòng từ dòng 3 (dòng 1 và 2 là tiêu đề, giữ nguyên), lưu lại rồi chọn tệp đó ở ô “Bảng tính các phường, xã”.",
    );
    save(blob, fileName(response, "mau-so-lieu-phuong-xa.xlsx"), "mẫu bảng tính");
  });
}

document.addEventListener("DOMContentLoaded", () => {
  for (const input of document.querySelectorAll('input[name="kind"], input[name="source"]')) {
    input.addEventListener("change", showKind);
  }
  $("data-file").addEventListener("change", () => {
    loading = loadDataFile();
  });
  $("validate").addEventListener("click", validate);
  $("preview").addEventListener("click", preview);
  $("sheet-template").addEventListener("click", downloadSheetTemplate);
  $("form").addEventListener("submit", (event) => {
    event.preventDefault();
    if (kind() === "batch") {
      downloadBatch();
    } else {
      downloadDocument();
    }
  });
  showKind();
});
