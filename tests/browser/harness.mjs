// What both browser tests share: Debian's headless Chromium, a counted check, and a page that
// records its script errors and every request to anywhere but the server under test.

import assert from "node:assert/strict";
import { chromium } from "playwright-core";

/** Debian's Chromium (or VANBAN_CHROMIUM), headless, without background traffic. */
export function launch() {
  return chromium.launch({
    executablePath: process.env.VANBAN_CHROMIUM || "/usr/bin/chromium",
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

/** `check(condition, message)` asserts and counts; `check.count()` says how many passed. */
export function checker() {
  let passed = 0;
  const check = (condition, message) => {
    assert.ok(condition, message);
    passed += 1;
  };
  check.count = () => passed;
  return check;
}

/**
 * A new page of `context` that records, in `watch.errors`, its script errors and console
 * errors (not Chromium's "Failed to load resource" for the 4xx answers a test provokes), and
 * in `watch.elsewhere` every request that leaves `base` (no CDN, no font from elsewhere);
 * `onRequest`, if given, sees every request too.
 */
export async function watchedPage(context, base, onRequest) {
  const page = await context.newPage();
  const watch = { errors: [], elsewhere: [] };
  page.on("pageerror", (error) => watch.errors.push(String(error)));
  page.on("console", (message) => {
    if (message.type() === "error" && !message.text().startsWith("Failed to load resource")) {
      watch.errors.push(message.text());
    }
  });
  page.on("request", (request) => {
    const url = request.url();
    if (!url.startsWith(base) && !url.startsWith("blob:") && !url.startsWith("data:")) {
      watch.elsewhere.push(url);
    }
    onRequest?.(request);
  });
  return { page, watch };
}

/** The checks every test ends with: no script error, no request elsewhere. */
export function checkWatched(check, watch) {
  check(watch.errors.length === 0, `errors in the page: ${watch.errors}`);
  check(watch.elsewhere.length === 0, `requests elsewhere: ${watch.elsewhere}`);
}
