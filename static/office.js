// The office's data kept on the server (when it runs with a database): logging in, the years
// saved with their revisions, opening one, starting next year from one, and saving the form
// as the next revision, told when someone saved in between. Hidden when the server keeps
// nothing.

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

/** "05:24 ngày 03/12/2026", in the browser's time zone. */
function when(time) {
  const date = new Date(time);
  const hour = date.toLocaleTimeString("vi-VN", { hour: "2-digit", minute: "2-digit" });
  const day = date.toLocaleDateString("vi-VN", { day: "2-digit", month: "2-digit", year: "numeric" });
  return `${hour} ngày ${day}`;
}

/** Shows the logged-in part: who, the years saved, and the save button. */
async function showLoggedIn(me) {
  csrf = me.csrf || csrf;
  $("office-login").hidden = true;
  $("office-in").hidden = false;
  $("office-who").textContent = `${me.login}, ${me.office.name}`;
  await listYears();
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
    const open = document.createElement("button");
    open.type = "button";
    open.className = "secondary";
    open.textContent = `Mở năm ${draft.year}`;
    open.addEventListener("click", () => openYear(draft.year));
    const next = document.createElement("button");
    next.type = "button";
    next.className = "secondary";
    next.textContent = `Bắt đầu năm ${draft.year + 1} từ năm ${draft.year}`;
    next.addEventListener("click", () => startFrom(draft.year));
    item.append(text, open, " ", next);
    return item;
  });
  list.replaceChildren(...items);
  $("office-empty").hidden = drafts.length > 0;
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
 * the form (`open(data, message)`) and makes next year's data from a year's (`nextYear(data)`).
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
  if (response.ok) await showLoggedIn(await response.json());
  else showLoggedOut();
}
