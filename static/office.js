// The office's data kept on the server (when it runs with a database): logging in, the years
// saved with their revisions, opening one, starting next year from one, saving the form as the
// next revision (told when someone saved in between), issuing a year's report or program into
// the register, downloading what was issued, and uploading signed copies of the program, with
// who has signed and who is still to sign; and the office's profile (the issuing body, the
// signer, the recipients kept from year to year), saved from the form and opened as a new
// year's start; and the batch of the offices under it from their stored data. Hidden when the
// server keeps nothing.

import { sentence } from "./form.js";

const $ = (id) => document.getElementById(id);
const HEADERS = { "Accept-Language": "vi" };
/** The year and revision the form was opened from, per tab (another tab may open another). */
const OPENED_KEY = "vanban.opened";

let csrf = null;
let editor = null;

function opened() {
  try {
    return JSON.parse(sessionStorage.getItem(OPENED_KEY)) || null;
  } catch {
    return null;
  }
}

function setOpened(year, revision) {
  sessionStorage.setItem(OPENED_KEY, JSON.stringify({ year, revision }));
}

function say(text) {
  $("office-status").textContent = text;
}

/** A problem's detail as a sentence. */
async function problemOf(response) {
  try {
    const problem = await response.json();
    return sentence(problem.detail || "");
  } catch {
    return `Máy chủ trả lời ${response.status}.`;
  }
}

async function call(method, url, body) {
  const headers = { ...HEADERS };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (method !== "GET" && csrf) headers["X-CSRF-Token"] = csrf;
  return fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
}

/** POSTs a chosen file as it is, of media type `type`. */
function postFile(url, file, type) {
  return fetch(url, {
    method: "POST",
    headers: { ...HEADERS, "Content-Type": type, "X-CSRF-Token": csrf },
    body: file,
  });
}

/** "05:24 ngày 03/12/2026", in the browser's time zone. */
function when(time) {
  const date = new Date(time);
  const hour = date.toLocaleTimeString("vi-VN", { hour: "2-digit", minute: "2-digit" });
  const day = date.toLocaleDateString("vi-VN", { day: "2-digit", month: "2-digit", year: "numeric" });
  return `${hour} ngày ${day}`;
}

/** Shows the logged-in part: who, the profile, the years saved, and the register. */
async function showLoggedIn(me) {
  csrf = me.csrf || csrf;
  $("office-login").hidden = true;
  $("office-in").hidden = false;
  $("office-who").textContent = `${me.login}, ${me.office.name}`;
  await showProfile();
  await listYears();
  await listRegister();
}

/** The parts of the year data an office keeps from year to year, as its profile holds them. */
const PROFILE_PARTS = ["issuer", "partners", "signer", "recipients", "archive"];

/** The office's profile, as the server last gave it. */
let profile = null;

async function showProfile() {
  const response = await call("GET", "/v1/office");
  if (!response.ok) {
    say(await problemOf(response));
    return;
  }
  const office = await response.json();
  showStoredBatch(office);
  profile = office.profile;
  $("profile-status").textContent = profile
    ? `Do ${office.saved_by} lưu lúc ${when(office.saved_at)}.`
    : "Chưa có hồ sơ cơ quan: điền cơ quan ban hành, người ký, nơi nhận trong biểu mẫu rồi lưu làm hồ sơ.";
  $("profile-open").disabled = !profile;
}

/** Offers the batch of the offices under the caller's, or under one of them, when it has any. */
function showStoredBatch(office) {
  $("stored-batch").hidden = office.offices_under.length === 0;
  const options = [office, ...office.offices_under].map(({ code, name }) => {
    const option = document.createElement("option");
    option.value = code === office.code ? "" : code;
    option.textContent = `Các đơn vị trực thuộc ${name}`;
    return option;
  });
  $("stored-batch-office").replaceChildren(...options);
}

/** Runs the batch of the chosen office's offices from their stored data, and saves its ZIP. */
async function runStoredBatch() {
  const file = $("stored-batch-file").files[0];
  if (!file) {
    say("Hãy chọn tệp lô (.json) có phần dùng chung và phần tổng hợp.");
    return;
  }
  const office = $("stored-batch-office").value;
  const query = office ? `?office=${encodeURIComponent(office)}` : "";
  say("Đang tạo báo cáo của các đơn vị trực thuộc…");
  const response = await postFile(`/v1/batches/stored${query}`, file, "application/json");
  if (!response.ok) {
    say(await problemOf(response));
    return;
  }
  const blob = await response.blob();
  const disposition = response.headers.get("Content-Disposition") || "";
  const name = /filename="([^"]+)"/.exec(disposition)?.[1] || "bao-cao-don-vi.zip";
  const link = document.createElement("a");
  link.href = URL.createObjectURL(blob);
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  let text = `Đã tạo ${name}: báo cáo của từng đơn vị trực thuộc, báo cáo tổng hợp và manifest.json.`;
  const missing = (response.headers.get("X-Offices-Without-Data") || "")
    .split(",").map((code) => code.trim()).filter(Boolean);
  if (missing.length) {
    const names = await namesUnder(office);
    text += ` Chưa có dữ liệu của năm này, nên không có trong tệp: ${missing.map((code) => names.get(code) || code).join("; ")}.`;
  }
  say(text);
}

/** The names of the offices directly under `office` (a code, or "" for the caller's), by code. */
async function namesUnder(office) {
  const response = await call("GET", office ? `/v1/office?office=${encodeURIComponent(office)}` : "/v1/office");
  if (!response.ok) return new Map();
  const { offices_under: under } = await response.json();
  return new Map(under.map(({ code, name }) => [code, name]));
}

/** The label a clerk sees for the field at the JSON path `path` ("$.issuer.place"), if shown. */
function fieldLabel(path) {
  const name = path.replace(/^\$\.?/, "").replace(/\[(\d+)\]/g, ".$1");
  const field = document.querySelector(`[name="${CSS.escape(name)}"]`);
  return field?.labels?.[0]?.textContent.trim() || null;
}

/** Saves the form's issuing body, partners, signer, recipients and archive as the profile. */
async function saveProfile() {
  const data = editor.data();
  const parts = {};
  for (const key of PROFILE_PARTS) {
    if (data[key] !== undefined && data[key] !== "") parts[key] = data[key];
  }
  const response = await call("PUT", "/v1/office", parts);
  if (response.ok) {
    await showProfile();
    say("Đã lưu cơ quan ban hành, người ký và nơi nhận làm hồ sơ của cơ quan.");
    return;
  }
  if (response.status !== 422) {
    say(await problemOf(response));
    return;
  }
  const problem = await response.json();
  const problems = (problem.errors || []).map((error) => {
    const label = fieldLabel(error.path);
    return label ? `${label}: ${error.message}` : sentence(error.message);
  });
  say(`Chưa lưu được hồ sơ: ${problems.join("; ")}. Sửa các ô này trong biểu mẫu rồi lưu lại.`);
}

/** A blank form with the profile's parts filled in. */
function openProfile() {
  if (!profile) return;
  const data = editor.blank();
  for (const key of PROFILE_PARTS) {
    if (profile[key] !== undefined) data[key] = profile[key];
  }
  sessionStorage.removeItem(OPENED_KEY);
  editor.open(data, "Đã mở biểu mẫu mới với cơ quan ban hành, người ký và nơi nhận từ hồ sơ của cơ quan.");
  say("");
}

function showLoggedOut() {
  csrf = null;
  $("office-login").hidden = false;
  $("office-in").hidden = true;
}

async function listYears() {
  const response = await call("GET", "/v1/drafts");
  const list = $("office-years");
  if (!response.ok) {
    say(await problemOf(response));
    return;
  }
  const { drafts } = await response.json();
  const items = drafts.map((draft) => {
    const item = document.createElement("li");
    const text = document.createElement("span");
    text.className = "office-year";
    text.textContent = `Năm ${draft.year}: bản số ${draft.revision}, ${draft.saved_by} lưu lúc ${when(draft.saved_at)}`;
    const open = button(`Mở năm ${draft.year}`, () => openYear(draft.year));
    const next = button(`Bắt đầu năm ${draft.year + 1} từ năm ${draft.year}`, () => startFrom(draft.year));
    const report = button(`Ban hành báo cáo năm ${draft.year}`, () => issue(draft.year, "report"));
    const program = button(`Ban hành chương trình năm ${draft.year + 1}`, () => issue(draft.year, "agreement"));
    item.append(text, open, " ", next, " ", report, " ", program);
    return item;
  });
  list.replaceChildren(...items);
  $("office-empty").hidden = drafts.length > 0;
}

function button(label, action) {
  const element = document.createElement("button");
  element.type = "button";
  element.className = "secondary";
  element.textContent = label;
  element.addEventListener("click", action);
  return element;
}

/** "31/10/2022" from "2022-10-31". */
function day(iso) {
  const [year, month, date] = iso.split("-");
  return `${date}/${month}/${year}`;
}

const KINDS = { report: "Báo cáo", agreement: "Chương trình phối hợp" };

/** Who has signed a document and who is still to sign, from its signature fields. */
function signingProgress(signatures) {
  const name = (field) => field.party || field.field;
  const signed = signatures.filter((field) => field.signed).map(name);
  const waiting = signatures.filter((field) => !field.signed).map(name);
  const parts = [];
  parts.push(signed.length ? `Đã ký (${signed.length}/${signatures.length}): ${signed.join("; ")}.` : "Chưa bên nào ký.");
  if (waiting.length) parts.push(`Còn chờ ký: ${waiting.join("; ")}.`);
  else parts.push("Đã đủ chữ ký.");
  return parts.join(" ");
}

async function listRegister() {
  const response = await call("GET", "/v1/register");
  if (!response.ok) {
    say(await problemOf(response));
    return;
  }
  const { documents } = await response.json();
  const items = documents.map((entry) => {
    const item = document.createElement("li");
    item.dataset.symbol = entry.symbol;
    const text = document.createElement("span");
    text.className = "office-year";
    const version = entry.version > 1 ? `, bản số ${entry.version} (có chữ ký)` : "";
    text.textContent = `Số ${entry.symbol} ngày ${day(entry.dated)}: ${KINDS[entry.kind] || entry.kind}, từ dữ liệu năm ${entry.year} bản số ${entry.revision}; ${entry.issued_by} ban hành lúc ${when(entry.issued_at)}${version}`;
    const download = document.createElement("a");
    download.href = `/v1/register/${entry.id}/pdf`;
    download.textContent = `Tải về ${entry.symbol}`;
    item.append(text);
    if (entry.signatures.length) {
      const progress = document.createElement("span");
      progress.className = "signatures";
      progress.textContent = signingProgress(entry.signatures);
      const label = document.createElement("label");
      label.className = "button secondary";
      label.htmlFor = `signed-${entry.id}`;
      label.textContent = `Tải lên bản đã ký của ${entry.symbol}`;
      const input = document.createElement("input");
      input.type = "file";
      input.id = `signed-${entry.id}`;
      input.className = "visually-hidden";
      input.accept = ".pdf,application/pdf";
      input.addEventListener("change", () => uploadSigned(entry, input));
      item.append(progress, download, " ", label, input);
    } else {
      item.append(download);
    }
    return item;
  });
  $("register-list").replaceChildren(...items);
  $("register-empty").hidden = documents.length > 0;
}

/** Issues the document of `kind` made from the stored `year`'s latest revision. */
async function issue(year, kind) {
  const response = await call("POST", "/v1/register", { year, kind });
  if (!response.ok) {
    say(await problemOf(response));
    return;
  }
  const entry = await response.json();
  say(
    response.status === 201
      ? `Đã ban hành văn bản số ${entry.symbol} ngày ${day(entry.dated)} và vào sổ.`
      : `Văn bản số ${entry.symbol} đã được ban hành từ trước, đúng nội dung này.`,
  );
  await listRegister();
}

/** Sends a signed copy of `entry` chosen in `input`, to be stored as its next version. */
async function uploadSigned(entry, input) {
  const file = input.files[0];
  input.value = "";
  if (!file) return;
  const response = await postFile(`/v1/register/${entry.id}/signed`, file, "application/pdf");
  if (!response.ok) {
    say(await problemOf(response));
    return;
  }
  const stored = await response.json();
  say(`Đã lưu bản số ${stored.version} của văn bản ${stored.symbol}. ${signingProgress(stored.signatures)}`);
  await listRegister();
}

async function fetchYear(year) {
  const response = await call("GET", `/v1/drafts/${year}`);
  if (!response.ok) {
    say(await problemOf(response));
    return null;
  }
  return response.json();
}

async function openYear(year) {
  const draft = await fetchYear(year);
  if (!draft) return;
  setOpened(draft.year, draft.revision);
  editor.open(draft.data, `Đã mở dữ liệu năm ${draft.year}, bản số ${draft.revision}, từ máy chủ.`);
  say("");
}

async function startFrom(year) {
  const draft = await fetchYear(year);
  if (!draft) return;
  const data = editor.nextYear(draft.data);
  setOpened(year + 1, 0);
  editor.open(data, `Đã mở năm ${year + 1} từ dữ liệu năm ${year} trên máy chủ: giữ cơ quan, người ký, nơi nhận, các tổ chức và chương trình phối hợp.`);
  say("");
}

/** Saves the form as the next revision of its year, from the revision it was opened at. */
async function save() {
  const data = editor.data();
  const year = data.year;
  if (!Number.isInteger(year)) {
    say("Hãy điền năm của dữ liệu trước khi lưu.");
    return;
  }
  const from = opened();
  const revision = from && from.year === year ? from.revision : 0;
  const response = await call("PUT", `/v1/drafts/${year}`, { revision, data });
  if (response.ok) {
    const saved = await response.json();
    setOpened(year, saved.revision);
    say(`Đã lưu năm ${year}, bản số ${saved.revision}.`);
    await listYears();
    return;
  }
  say(await problemOf(response));
  if (response.status === 401) showLoggedOut();
  // Someone saved in between: the list shows their revision, to open.
  if (response.status === 409) await listYears();
}

async function logIn(event) {
  event.preventDefault();
  const response = await call("POST", "/v1/login", {
    login: $("office-name").value.trim(),
    password: $("office-password").value,
  });
  $("office-password").value = "";
  if (!response.ok) {
    say(await problemOf(response));
    return;
  }
  say("");
  await showLoggedIn(await response.json());
}

async function logOut() {
  await call("POST", "/v1/logout");
  sessionStorage.removeItem(OPENED_KEY);
  showLoggedOut();
  say("Đã đăng xuất.");
}

/**
 * Starts the office part of the page. `host` gives the form's data (`data()`), opens data in
 * the form (`open(data, message)`), makes next year's data from a year's (`nextYear(data)`)
 * and a blank form's (`blank()`).
 */
export async function startOffice(host) {
  editor = host;
  let response;
  try {
    response = await call("GET", "/v1/me");
  } catch {
    return;
  }
  if (response.status === 404) return; // The server keeps nothing: no office part.
  $("office").hidden = false;
  $("office-login").addEventListener("submit", logIn);
  $("office-logout").addEventListener("click", logOut);
  $("office-save").addEventListener("click", save);
  $("profile-save").addEventListener("click", saveProfile);
  $("profile-open").addEventListener("click", openProfile);
  $("stored-batch-run").addEventListener("click", runStoredBatch);
  if (response.ok) await showLoggedIn(await response.json());
  else showLoggedOut();
}
