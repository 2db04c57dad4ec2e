/**
 * The real sidebar in Debian's Chromium, with google.script.run bridged to the real server code
 * running on the fakes.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
import { sidebarApi } from "../../src/gas/app";
import type { FakeEnv } from "../fakes";
import { eligible, freshEnv, headerIndex, preparedSheet, writeRows } from "../gas/helpers";

const html = readFileSync(join(__dirname, "../../dist/sidebar.html"), "utf8");
const SERVER: Record<string, () => unknown> = {
  apiCheckAll: sidebarApi.checkAll,
  apiCheckSelected: sidebarApi.checkSelected,
  apiActiveRow: sidebarApi.activeRow,
};

/** A google.script.run look-alike: every call goes to window.__server(name). */
const BRIDGE = `
window.google = { script: { get run() {
  const handlers = { ok: () => {}, fail: () => {} };
  const runner = new Proxy({}, { get(_, name) {
    if (name === "withSuccessHandler") return (fn) => { handlers.ok = fn; return runner; };
    if (name === "withFailureHandler") return (fn) => { handlers.fail = fn; return runner; };
    return (...args) => window.__server(name, JSON.stringify(args)).then(
      (json) => handlers.ok(JSON.parse(json)), (e) => handlers.fail(e));
  } });
  return runner;
} } };`;

let browser: Browser;
let page: Page;
/** When set, the next server call fails with this error, as google.script.run would report it. */
let nextFailure: { name: string; message: string } | null = null;
let dialogs: string[];
let env: FakeEnv;
let sheet: GoogleAppsScript.Spreadsheet.Sheet;

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: run "apt-get install -y chromium" (or set CHROMIUM_PATH).`);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
  });
});
afterAll(async () => browser?.close());

beforeEach(async () => {
  env = freshEnv();
  sheet = preparedSheet(env);
  writeRows(sheet, [eligible("Siti Aminah", 1), eligible("Budi Santoso", 2, { "Dok. KTP": false })]);
  page = await browser.newPage();
  dialogs = [];
  nextFailure = null;
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.exposeFunction("__server", (name: string) => {
    if (nextFailure) {
      const failure = Object.assign(new Error(nextFailure.message), { name: nextFailure.name });
      nextFailure = null;
      throw failure;
    }
    return JSON.stringify(SERVER[name]!());
  });
  // setContent does not run init scripts, so the bridge goes in first, as Apps Script's does.
  await page.setContent(html.replace("<head>", () => `<head><script>${BRIDGE}</script>`));
});
afterEach(async () => {
  await page.close();
  env.uninstall();
});

test("Periksa Semua checks the sheet and reports in Indonesian", async () => {
  await page.getByRole("button", { name: "Periksa Semua" }).click();
  await page.waitForFunction(`document.getElementById("status").textContent.includes("diperiksa")`);
  const status = await page.locator("#status").textContent();
  expect(status).toContain("2 permohonan diperiksa");
  expect(status).toContain("Layak: 1");
  expect(status).toContain("Berkas Belum Lengkap: 1");
});

test("the selected row's result is shown as text", async () => {
  await page.getByRole("button", { name: "Periksa Semua" }).click();
  await page.waitForFunction(`document.getElementById("status").textContent.includes("diperiksa")`);
  env.setSelection(sheet.getRange("A3"));
  await page.getByRole("button", { name: "Muat baris terpilih" }).click();
  await page.waitForFunction(`document.getElementById("row").textContent.includes("Permohonan baris 3")`);
  const text = await page.locator("#row").textContent();
  expect(text).toContain("Berkas Belum Lengkap");
  expect(text).toContain("PBI-2026-00002");
  // Names in the sheet are data: shown as text, never parsed as HTML.
  expect(await page.locator("#row script, #row img").count()).toBe(0);
});

test("a server-side problem is shown as a readable error", async () => {
  env.locks.document.heldByOther = true;
  await page.getByRole("button", { name: "Periksa Semua" }).click();
  await page.waitForFunction(`document.getElementById("status").className === "error"`);
  expect(await page.locator("#status").textContent()).toContain("Pengguna lain sedang memproses");
  expect(await page.getByRole("button", { name: "Periksa Semua" }).isEnabled()).toBe(true);
});

const XSS = `<img src=x onerror="window.__xss=1;alert('xss')"><script>window.__xss=2</script>`;

async function noMarkupRan(): Promise<void> {
  await page.waitForTimeout(200); // an image error handler would have fired by now
  expect(await page.locator("main img, main script").count()).toBe(0);
  expect(await page.evaluate("typeof window.__xss")).toBe("undefined");
  expect(dialogs).toEqual([]);
}

test("HTML in a sheet's data is shown as text: no element is created and nothing runs", async () => {
  // An ID typed by hand reaches the panel through apiActiveRow.
  sheet.getRange(3, headerIndex(sheet).get("ID Permohonan")! + 1).setValues([[XSS]]);
  env.setSelection(sheet.getRange("A3"));
  await page.getByRole("button", { name: "Muat baris terpilih" }).click();
  await page.waitForFunction(`document.getElementById("row").textContent.includes("Permohonan baris 3")`);
  expect(await page.locator("#row").textContent()).toContain(XSS);
  await noMarkupRan();
});

test("HTML in a server message is shown as text", async () => {
  // A request sheet named in Pengaturan that does not exist: the message quotes its name.
  const settings = env.spreadsheet.getSheetByName("Pengaturan")!;
  const values = settings.getDataRange().getValues();
  const row = values.findIndex((r) => r[0] === "Permohonan") + 1;
  settings.getRange(row, 1).setValues([[XSS]]);
  await page.getByRole("button", { name: "Periksa Semua" }).click();
  await page.waitForFunction(`document.getElementById("status").className === "error"`);
  expect(await page.locator("#status").textContent()).toContain(XSS);
  await noMarkupRan();
});

describe("a failed call says why, in Indonesian", () => {
  const cases: [string, { name: string; message: string }, string][] = [
    ["not authorised", { name: "ScriptError", message: "Authorization is required to perform that action." }, "belum diberi izin"],
    ["several accounts", { name: "ScriptError", message: "We're sorry, a server error occurred while reading from storage. Error code PERMISSION_DENIED." }, "beberapa akun Google"],
    ["a time-out", { name: "ScriptError", message: "Exceeded maximum execution time" }, "batas waktu"],
    ["the network", { name: "NetworkError", message: "NetworkError: Connection failure due to HTTP 0" }, "Periksa koneksi"],
    ["the server's own message", { name: "UserError", message: "Sheet \"Permohonan\" tidak ditemukan." }, "Sheet \"Permohonan\" tidak ditemukan."],
    ["anything else", { name: "TypeError", message: "Cannot read properties of undefined (reading 'x')" }, "kesalahan tak terduga"],
  ];
  test.each(cases)("%s", async (_label, failure, expected) => {
    nextFailure = failure;
    await page.getByRole("button", { name: "Periksa Semua" }).click();
    await page.waitForFunction(`document.getElementById("status").className === "error"`);
    const status = (await page.locator("#status").textContent()) ?? "";
    expect(status).toContain(expected);
    if (!/koneksi/.test(expected)) expect(status).not.toContain("koneksi");
    expect(status).not.toMatch(/Cannot read|reading from storage/);
  });
});
