// The clerk's editor: the year data's form (form.js), its draft kept in this browser, starting
// points (blank, the sample, a JSON file, next year from this one), the server's errors beside
// their fields, how each sentence with figures will read, and a live preview of the page being
// edited (SVG from the server), with the PDF a click away; and the office's data kept on the
// server, when it keeps any (office.js).
import { YearForm, blank, idOf, sentence } from "./form.js";
import { nextYear } from "./next-year.js";
import { startOffice } from "./office.js";

const $ = (id) => document.getElementById(id);
const API_HEADERS = { "Accept-Language": "vi" };
const DRAFT_KEY = "vanban.draft";
const PREVIOUS_KEY = "vanban.previous-draft";
const DELAY_MS = 500;

const state = { data: {}, schema: null };
/** Fields the clerk has been in: their errors show as soon as they are known. */
const touched = new Set();
/** Whether every error shows, not only those of touched fields (after "Kiểm tra lỗi"). */
let showAll = false;
let errors = [];
let form;
let timer = null;
/** Whether the data changed since the last answer of the server's check. */
let unchecked = false;
/** The number of the latest request of each kind: older answers are dropped. */
const latest = { preview: 0, validate: 0, readings: 0 };
let page = 1;
let pages = 0;
let previewUrl = null;

/**
 * The form control name of an error's JSON path: `$.organizations[0].name` →
 * `organizations.0.name`; `null` for the whole document.
 */
function fieldName(path) {
  const name = String(path)
    .replace(/^\$\.?/, "")
    .replace(/\[(\d+)\]/g, ".$1")
    .replace(/^\./, "");
  return name === "" ? null : name;
}

function postJson(url, body) {
  return fetch(url, {
    method: "POST",
    headers: { ...API_HEADERS, "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
}

/** Keeps the draft in this browser, and says so. */
function saveDraft() {
  try {
    localStorage.setItem(DRAFT_KEY, JSON.stringify(state.data));
    const time = new Date().toLocaleTimeString("vi-VN", { hour: "2-digit", minute: "2-digit", second: "2-digit" });
    $("draft-status").textContent = `Bản nháp đã lưu trên trình duyệt này lúc ${time}.`;
  } catch {
    $("draft-status").textContent = "Trình duyệt không cho lưu bản nháp: hãy dùng nút “Lưu tệp dữ liệu”.";
  }
}

/** After every change: save now, check and preview once the clerk pauses. */
function changed(name) {
  if (name) touched.add(name);
  unchecked = true;
  saveDraft();
  clearTimeout(timer);
  timer = setTimeout(refresh, DELAY_MS);
}

function refresh() {
  clearTimeout(timer);
  validate();
  showReadings();
  preview();
}

/** Replaces the data with `data` (a starting point), keeping the one replaced to undo. */
function start(data, message) {
  const previous = localStorage.getItem(DRAFT_KEY);
  if (previous && previous !== JSON.stringify(data)) {
    localStorage.setItem(PREVIOUS_KEY, previous);
  }
  state.data = data;
  touched.clear();
  showAll = false;
  errors = [];
  page = 1;
  form.render();
  saveDraft();
  say("start-status", message, Boolean(localStorage.getItem(PREVIOUS_KEY)));
  refresh();
}

function say(id, message, undo) {
  const status = $(id);
  status.replaceChildren(message);
  if (undo) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "link";
    button.textContent = "Khôi phục bản nháp trước";
    button.addEventListener("click", () => {
      const previous = JSON.parse(localStorage.getItem(PREVIOUS_KEY));
      localStorage.removeItem(PREVIOUS_KEY);
      start(previous, "Đã khôi phục bản nháp trước.");
    });
    status.append(" ", button);
  }
}

async function loadSample() {
  const response = await fetch("/static/sample.json");
  start(await response.json(), "Đã mở dữ liệu mẫu (Ban CHQS thành phố Tam Kỳ, năm 2022).");
}

/** Starts next year's data from the data in the form (issuer, signer, parties carried over). */
function startNextYear() {
  const year = Number.isInteger(state.data.year) ? state.data.year + 1 : "sau";
  start(
    nextYear(state.schema, state.data),
    `Đã mở năm ${year} từ dữ liệu năm trước: giữ cơ quan ban hành, người ký, nơi nhận, các tổ chức và chương trình phối hợp; điền kết quả của năm.`,
  );
}

async function openFile() {
  const file = $("open-file").files[0];
  if (!file) return;
  try {
    const data = JSON.parse(await file.text());
    if (typeof data !== "object" || data === null || Array.isArray(data)) throw new Error("not an object");
    start(data, `Đã mở tệp ${file.name}.`);
    showAll = true;
  } catch {
    say("start-status", `Tệp ${file.name} không phải dữ liệu năm dạng JSON: hãy chọn tệp .json do vanban hoặc trang này lưu.`);
  } finally {
    $("open-file").value = "";
  }
}

/** Saves the data as the JSON file the command line reads. */
function exportFile() {
  const blob = new Blob([`${JSON.stringify(state.data, null, 2)}\n`], { type: "application/json" });
  const link = document.createElement("a");
  link.href = URL.createObjectURL(blob);
  link.download = `du-lieu-nam-${state.data.year || "moi"}.json`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}

/** Asks the server to check the data; shows its errors beside their fields. */
async function validate() {
  const id = ++latest.validate;
  unchecked = false;
  let answer;
  try {
    const response = await postJson("/v1/validate", state.data);
    answer = response.ok ? { errors: [] } : await response.json();
  } catch {
    return;
  }
  if (id !== latest.validate) return;
  errors = Array.isArray(answer.errors)
    ? answer.errors
    : [{ path: "$", message: answer.detail || "Không kiểm tra được dữ liệu." }];
  showErrors();
}

/**
 * Asks the server how each sentence with `{key}` placeholders will read, its figures filled
 * in, and shows it under the sentence.
 */
async function showReadings() {
  const id = ++latest.readings;
  let readings;
  try {
    const response = await postJson("/v1/readings", state.data);
    if (!response.ok) return;
    ({ readings } = await response.json());
  } catch {
    return;
  }
  if (id !== latest.readings) return;
  for (const line of document.querySelectorAll("#fields .reads")) {
    const reading = readings[line.closest(".field").dataset.path];
    line.hidden = !reading;
    if (!reading) line.replaceChildren();
    else {
      const label = document.createElement("span");
      label.className = "reads-label";
      label.textContent = "Khi in: ";
      line.replaceChildren(label, reading);
    }
  }
}

/** The field (or, failing that, the group) an error belongs to, with its name. */
function placeOf(error) {
  let name = fieldName(error.path);
  while (name) {
    const place = document.querySelector(`#fields [data-path="${CSS.escape(name)}"]`);
    if (place) return { name, place };
    name = name.includes(".") ? name.slice(0, name.lastIndexOf(".")) : null;
  }
  return { name: null, place: null };
}

/** Whether an error shows now: every error after a check, else those of touched fields. */
function shown(name) {
  if (showAll) return true;
  return [...touched].some((t) => name === t || (name && t.startsWith(`${name}.`)));
}

function showErrors() {
  for (const line of document.querySelectorAll("#fields .field-error")) {
    if (line.classList.contains("group-error")) line.remove();
    else {
      line.hidden = true;
      line.textContent = "";
    }
  }
  for (const control of document.querySelectorAll("#fields [aria-invalid]")) {
    control.removeAttribute("aria-invalid");
  }
  const links = [];
  for (const error of errors) {
    const { name, place } = placeOf(error);
    if (!shown(name)) continue;
    const control = place?.querySelector(":scope > [name]");
    let line = place?.querySelector(":scope > .field-error");
    if (place && !line) {
      line = document.createElement("p");
      line.className = "field-error group-error";
      line.id = `${idOf(place.dataset.path.split("."))}--group-error`;
      const heading = place.querySelector(":scope > legend, :scope > h2, :scope > .item-head");
      if (heading) heading.after(line);
      else place.prepend(line);
    }
    if (line) {
      line.hidden = false;
      line.lang = "vi";
      line.textContent = line.textContent ? `${line.textContent} ${sentence(error.message)}` : sentence(error.message);
    }
    control?.setAttribute("aria-invalid", "true");
    const own = place?.querySelector("label, legend, h2, h3")?.textContent || "Dữ liệu";
    const section = place?.closest(".form-section")?.querySelector("h2")?.textContent;
    const label = section && section !== own ? `${section} › ${own}` : own;
    links.push({ target: control?.id || line?.id, place, label, message: error.message });
  }
  // The summary reads in the order of the form.
  links.sort((a, b) => {
    if (!a.place || !b.place || a.place === b.place) return 0;
    return a.place.compareDocumentPosition(b.place) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
  });
  summarize(links);
}

/** The list of errors at the top of the form, each a link to its field. */
function summarize(links) {
  const summary = $("summary");
  const hidden = errors.length - links.length;
  if (errors.length === 0) {
    summary.hidden = true;
    summary.replaceChildren();
    return;
  }
  const heading = document.createElement("h2");
  heading.id = "summary-title";
  heading.textContent = links.length > 0 ? `Dữ liệu có ${errors.length} lỗi cần sửa` : `Còn ${errors.length} chỗ cần điền hoặc sửa`;
  const list = document.createElement("ul");
  for (const link of links) {
    const item = document.createElement("li");
    const anchor = document.createElement("a");
    anchor.href = `#${link.target || "fields"}`;
    anchor.textContent = `${link.label}: ${link.message}`;
    anchor.lang = "vi";
    anchor.addEventListener("click", (event) => {
      event.preventDefault();
      const target = document.getElementById(link.target);
      target?.scrollIntoView({ block: "center" });
      target?.focus();
    });
    item.append(anchor);
    list.append(item);
  }
  summary.replaceChildren(heading, list);
  if (hidden > 0) {
    const more = document.createElement("button");
    more.type = "button";
    more.className = "link";
    more.textContent = links.length > 0 ? `Xem cả ${hidden} lỗi còn lại` : "Xem các lỗi";
    more.addEventListener("click", () => check());
    summary.append(more);
  }
  summary.hidden = false;
}

/** "Kiểm tra lỗi": every error shows, and the first one takes the focus. */
async function check() {
  showAll = true;
  clearTimeout(timer);
  await validate();
  preview();
  focusFirstError();
  return errors.length === 0;
}

function focusFirstError() {
  const first = document.querySelector("#fields [aria-invalid='true'], #fields .group-error");
  if (first) {
    first.scrollIntoView({ block: "center" });
    if (first.matches("input, select, textarea")) first.focus();
    else {
      first.tabIndex = -1;
      first.focus();
    }
  } else if (errors.length === 0) {
    $("live-status").textContent = "Dữ liệu không có lỗi.";
  }
}

function kind() {
  return $("live-kind").value;
}

/** Renders the page being edited on the server, as SVG, and shows it. */
async function preview() {
  const id = ++latest.preview;
  const status = $("live-status");
  let response;
  try {
    response = await postJson(`/v1/documents/${kind()}?format=svg&page=${page}`, state.data);
  } catch {
    if (id === latest.preview) status.textContent = "Không kết nối được máy chủ: bản xem trước chưa cập nhật.";
    return;
  }
  if (id !== latest.preview) return;
  if (!response.ok) {
    if (response.status === 400 && page > 1) {
      // The page is gone (the document got shorter): show the first.
      page = 1;
      preview();
      return;
    }
    if (kind() === "agreement" && !state.data.next_program) {
      status.textContent = "Chương trình phối hợp cần mục “Chương trình phối hợp năm sau” ở cuối biểu mẫu.";
    } else {
      status.textContent = previewUrl
        ? "Bản xem trước chưa cập nhật: dữ liệu còn lỗi (xem các lỗi trong biểu mẫu)."
        : "Bản xem trước hiện ra khi đã điền đủ các mục bắt buộc.";
    }
    return;
  }
  const blob = await response.blob();
  if (id !== latest.preview) return;
  pages = Number(response.headers.get("X-Document-Pages")) || 1;
  if (previewUrl) URL.revokeObjectURL(previewUrl);
  previewUrl = URL.createObjectURL(blob);
  const image = $("live-image");
  image.src = previewUrl;
  image.alt = `Trang ${page} của ${kind() === "report" ? "báo cáo" : "chương trình phối hợp"}`;
  image.hidden = false;
  $("page-label").textContent = `Trang ${page}/${pages}`;
  $("page-prev").disabled = page <= 1;
  $("page-next").disabled = page >= pages;
  status.textContent = "";
}

function turn(step) {
  page = Math.min(Math.max(1, page + step), Math.max(1, pages));
  preview();
}

/** Downloads the PDF of the data as it is, or shows what stops it. */
async function downloadPdf() {
  const status = $("live-status");
  status.textContent = "Đang tạo tệp PDF…";
  let response;
  try {
    response = await postJson(`/v1/documents/${kind()}`, state.data);
  } catch {
    status.textContent = "Không kết nối được máy chủ. Vui lòng thử lại.";
    return;
  }
  if (!response.ok) {
    status.textContent = "Chưa tạo được tệp PDF: dữ liệu còn lỗi, xem danh sách ở đầu biểu mẫu.";
    await check();
    return;
  }
  const blob = await response.blob();
  const name = /filename="([^"]+)"/.exec(response.headers.get("Content-Disposition") || "")?.[1] || "van-ban.pdf";
  const link = document.createElement("a");
  link.href = URL.createObjectURL(blob);
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  status.textContent = `Đã tải về ${name} (${pages || "?"} trang).`;
}

async function main() {
  const response = await fetch("/v1/schema", { headers: API_HEADERS });
  state.schema = await response.json();
  form = new YearForm($("fields"), state.schema, state, changed);
  let restored = null;
  try {
    restored = JSON.parse(localStorage.getItem(DRAFT_KEY));
  } catch {
    restored = null;
  }
  if (restored && typeof restored === "object" && !Array.isArray(restored)) {
    state.data = restored;
    say("start-status", "Đã mở lại bản nháp đang soạn.");
  } else {
    state.data = blank(state.schema, state.schema);
    say("start-status", "Biểu mẫu trống: điền từng mục, bản xem trước hiện ra bên cạnh.");
  }
  form.render();
  $("fields").addEventListener("focusout", (event) => {
    // A field left untouched shows its errors now; a changed one when the check answers.
    if (event.target.name && !touched.has(event.target.name)) {
      touched.add(event.target.name);
      if (!unchecked) showErrors();
    }
  });
  $("new-blank").addEventListener("click", () => start(blank(state.schema, state.schema), "Đã mở biểu mẫu trống."));
  $("new-sample").addEventListener("click", loadSample);
  $("new-next-year").addEventListener("click", startNextYear);
  $("open-file").addEventListener("change", openFile);
  $("save-file").addEventListener("click", exportFile);
  $("live-kind").addEventListener("change", () => {
    page = 1;
    pages = 0;
    $("live-image").hidden = true;
    $("page-label").textContent = "Trang 1";
    preview();
  });
  $("page-prev").addEventListener("click", () => turn(-1));
  $("page-next").addEventListener("click", () => turn(1));
  $("live-check").addEventListener("click", check);
  $("live-pdf").addEventListener("click", downloadPdf);
  if (restored) refresh();
  await startOffice({
    data: () => state.data,
    open: (data, message) => start(data, message),
    nextYear: (data) => nextYear(state.schema, data),
    blank: () => blank(state.schema, state.schema),
  });
  document.body.dataset.editor = "ready";
}

main();
