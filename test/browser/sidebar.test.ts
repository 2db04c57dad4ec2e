/**
 * The real sidebar in Debian's Chromium, with google.script.run bridged to the real server code
 * running on the fakes. Arguments and answers pass through JSON, as Apps Script's bridge does.
 */
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
import { ROW_ACTIONS, sidebarApi } from "../../src/gas/sidebarApi";
import type { FakeEnv } from "../fakes";
import { type FakeDocs, installFakeDocs } from "../fakes/document";
import { eligible, headerIndex, freshEnv, preparedSheet, writeRows } from "../gas/helpers";
import { configureOffice, KABID, OPERATOR } from "../gas/letterHelpers";
import { setupSpreadsheet } from "../../src/gas/setup";

const html = readFileSync(join(__dirname, "../../dist/sidebar.html"), "utf8");
const SERVER = sidebarApi as unknown as Record<string, (...args: unknown[]) => unknown>;
const ARTIFACTS = join(__dirname, "../../build/artifacts");

/** A google.script.run look-alike: every call goes to window.__server(name, args). */
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
let served: string[];
let env: FakeEnv;
let docs: FakeDocs & { uninstall(): void };
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

/** Opens the sidebar as Apps Script shows it: 300 px wide. */
async function openSidebar(): Promise<void> {
  page = await browser.newPage({ viewport: { width: 300, height: 900 } });
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.exposeFunction("__server", (name: string, args: string) => {
    served.push(name);
    if (nextFailure) {
      const failure = Object.assign(new Error(nextFailure.message), { name: nextFailure.name });
      nextFailure = null;
      throw failure;
    }
    return JSON.stringify(SERVER[name]!(...(JSON.parse(args) as unknown[])));
  });
  // setContent does not run init scripts, so the bridge goes in first, as Apps Script's does.
  await page.setContent(html.replace("<head>", () => `<head><script>${BRIDGE}</script>`));
  await page.waitForFunction(`document.getElementById("who").textContent !== "" || document.getElementById("status").className === "error"`);
}

beforeEach(async () => {
  env = freshEnv();
  sheet = preparedSheet(env);
  docs = installFakeDocs();
  writeRows(sheet, [eligible("Siti Aminah", 1), eligible("Budi Santoso", 2, { "Dok. KTP": false })]);
  dialogs = [];
  served = [];
  nextFailure = null;
  await openSidebar();
});
afterEach(async () => {
  await page.close();
  docs.uninstall();
  env.uninstall();
});

/** Pengaturan of an office with an operator and a Kabid; reopens the panel for `user`. */
async function office(user: string): Promise<void> {
  configureOffice(env);
  env.setUser(user);
  await page.close();
  await openSidebar();
}

async function waitStatus(text: string): Promise<string> {
  await page.waitForFunction(`document.getElementById("status").textContent.includes(${JSON.stringify(text)})`);
  return (await page.locator("#status").textContent()) ?? "";
}

async function inspectRow(row: number): Promise<string> {
  env.setSelection(sheet.getRange(row, 1));
  await page.getByRole("button", { name: "Muat baris terpilih" }).click();
  await page.waitForFunction(`document.getElementById("inspector").textContent.includes("baris ${row}")`);
  return (await page.locator("#inspector").textContent()) ?? "";
}

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
  const text = await inspectRow(3);
  expect(text).toContain("Berkas Belum Lengkap");
  expect(text).toContain("PBI-2026-00002");
  // Names in the sheet are data: shown as text, never parsed as HTML.
  expect(await page.locator("#inspector script, #inspector img").count()).toBe(0);
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
  // An ID typed by hand reaches the panel through apiInspect.
  sheet.getRange(3, headerIndex(sheet).get("ID Permohonan")! + 1).setValues([[XSS]]);
  expect(await inspectRow(3)).toContain(XSS);
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

test("without Pengaturan the panel says to ask the admin for Siapkan Sheet and offers only Muat ulang panel", async () => {
  env.spreadsheet.deleteSheet(env.spreadsheet.getSheetByName("Pengaturan")!);
  await page.close();
  await openSidebar();
  const status = await waitStatus("Siapkan Sheet");
  expect(status).toContain("Minta admin");
  for (const hidden of ["Muat baris terpilih", "Periksa Semua", "Buat Draf Surat (baris terpilih)"]) {
    expect(await page.getByRole("button", { name: hidden }).isVisible()).toBe(false);
  }
  expect(await page.getByRole("heading", { name: "Antrean saya" }).isVisible()).toBe(false);
  expect(await page.getByRole("heading", { name: "Baris terpilih" }).isVisible()).toBe(false);
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, "sidebar-no-settings.png"), fullPage: true });
  // The admin sets the spreadsheet up; Muat ulang panel brings the panel back.
  setupSpreadsheet(env.spreadsheet, "admin@dinsos.go.id");
  await page.getByRole("button", { name: "Muat ulang panel" }).click();
  await page.waitForFunction(`document.getElementById("who").textContent !== ""`);
  expect(await page.getByRole("button", { name: "Muat baris terpilih" }).isVisible()).toBe(true);
  expect(await page.getByRole("heading", { name: "Antrean saya" }).isVisible()).toBe(true);
  expect(await page.getByRole("button", { name: "Muat ulang panel" }).isVisible()).toBe(false);
  expect(await page.locator("#status").textContent()).toBe("");
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

describe("the row inspector and actions, by role", () => {
  /** Row 2: Siti, Draf; row 3: Budi, no KTP; row 4: an eligible row waiting for the Kabid's paraf. */
  async function checked(user: string, extra: Record<string, unknown>[] = []): Promise<void> {
    writeRows(sheet, [eligible("Siti Aminah", 1), eligible("Budi Santoso", 2, { "Dok. KTP": false }), ...extra]);
    configureOffice(env);
    // Checked by the operator first, as in the office.
    env.setUser(OPERATOR);
    expect(SERVER.apiCheckAll!()).toMatchObject({ ok: true });
    await office(user);
  }

  test("shows the right decision, reasons and findings under the sheet's own header", async () => {
    await checked(OPERATOR);
    // The office calls the column "No KTP"; a NIK typed short. The panel checks the row as it is now.
    sheet.getRange(1, headerIndex(sheet).get("NIK")! + 1).setValues([["No KTP"]]);
    sheet.getRange(3, headerIndex(sheet).get("No KTP")! + 1).setValues([["3273"]]);
    const text = await inspectRow(3);
    expect(text).toContain("Data Tidak Valid");
    const finding = page.locator(".findings li").first();
    expect(await finding.locator(".column").textContent()).toBe("No KTP");
    expect(await finding.textContent()).toContain("16 angka");
    const siti = await inspectRow(2);
    expect(siti).toContain("Layak");
    expect(siti).toContain("Draf");
    expect(await page.locator("#inspector").getByRole("button").allTextContents()).toEqual(["Periksa", "Buat Draf Surat"]);
  });

  test("a refused action shows the server's message (the role is checked again on the server)", async () => {
    await checked(OPERATOR);
    await inspectRow(2);
    // The operator's role is taken away while the panel is open: the button is stale, the server refuses.
    env.setUser(KABID);
    await page.locator("#inspector").getByRole("button", { name: "Buat Draf Surat" }).click();
    await page.waitForFunction(`document.getElementById("status").className === "error"`);
    expect(await page.locator("#status").textContent()).toContain("Buat Draf Surat hanya untuk peran Operator");
    expect(docs.documents.size).toBe(0);
    // Reloaded for the Kabid: no buttons for a Draf row.
    expect(await page.locator("#inspector").getByRole("button").count()).toBe(0);
  });

  test("keyboard only: Tab to Buat Draf Surat, Enter drafts; the history shows the move", async () => {
    await checked(OPERATOR);
    await inspectRow(2);
    await page.locator("body").focus();
    await tabTo("Buat Draf Surat");
    await page.keyboard.press("Enter");
    const status = await waitStatus("draf surat dibuat");
    expect(status).toContain("1 draf surat dibuat");
    await page.waitForFunction(`document.querySelector(".history") !== null`);
    expect(await page.locator(".history").textContent()).toContain("Buat Draf Surat: Draf → Paraf Kabid");
    // The steps start at the card's edge, with no empty gutter where a list number would be.
    const [card, step] = await Promise.all([page.locator(".card").first().boundingBox(), page.locator(".history li").first().boundingBox()]);
    expect(step!.x - card!.x).toBeLessThan(16);
  });

  describe("with Kembalikan wired in", () => {
    const saved = { ...ROW_ACTIONS };
    let notes: (string | undefined)[];
    beforeEach(() => {
      notes = [];
      ROW_ACTIONS.return = (_ss, rows, note) => {
        notes.push(note);
        return `Baris ${rows?.join(", ")} dikembalikan ke Perbaikan.`;
      };
    });
    afterEach(() => Object.assign(ROW_ACTIONS, saved));

    test("keyboard only: Kembalikan asks for a note in the panel; an empty note is refused", async () => {
      writeRows(sheet, [eligible("Citra", 3, { Tahap: "Paraf Kabid" })], 4);
      await checked(KABID);
      // A queue item, by keyboard: it selects the row and shows it.
      await page.locator("body").focus();
      await tabTo("Citra");
      await page.keyboard.press("Enter");
      await waitStatus("dipilih");
      expect(env.spreadsheet.getActiveRange()!.getRow()).toBe(4);
      await tabTo("Kembalikan");
      await page.keyboard.press("Enter");
      expect(await page.evaluate(`document.activeElement.id`)).toBe("return-note");
      await tabTo("Kirim Pengembalian");
      await page.keyboard.press("Enter");
      expect(await page.locator(".note-form .error").textContent()).toContain("Tulis catatan pengembalian");
      // The note goes into Log: the form says what not to write there.
      expect(await page.locator(".note-form").textContent()).toContain("jangan tulis NIK, KK atau keterangan penyakit");
      await page.screenshot({ path: join(ARTIFACTS, "sidebar-return-note.png"), fullPage: true });
      expect(notes).toEqual([]);
      await page.locator("#return-note").focus();
      await page.keyboard.type("Nomor KK di surat salah");
      await tabTo("Kirim Pengembalian");
      await page.keyboard.press("Enter");
      await waitStatus("dikembalikan");
      expect(notes).toEqual(["Nomor KK di surat salah"]);
    });
  });

  test("an XSS name stays text in the inspector and in the queues", async () => {
    const name = `<img src=x onerror="window.__xss=1;alert('xss')">`;
    writeRows(sheet, [eligible(name, 3, { Tahap: "Paraf Kabid", Mendesak: true })], 4);
    await checked(KABID);
    await page.waitForFunction(`document.getElementById("queues").textContent.includes("Menunggu paraf saya")`);
    expect(await page.locator("#queues").textContent()).toContain(name);
    expect(await inspectRow(4)).toContain(name);
    await noMarkupRan();
  });

  test("the Kabid opens the drafted letter from the card: a docs.google.com link in a new tab", async () => {
    writeRows(sheet, [eligible("Citra", 3, { Tahap: "Paraf Kabid" })], 4);
    await checked(KABID);
    const cell = sheet.getRange(4, headerIndex(sheet).get("Tautan Surat")! + 1);
    cell.setValues([["https://docs.google.com/document/d/abc123/edit\nhttps://evil.example/document/d/def"]]);
    const text = await inspectRow(4);
    expect(text).toContain("Surat Keterangan Pengaktifan Kembali PBI-JK");
    const links = page.locator("#inspector .letters a");
    expect(await links.count()).toBe(1);
    expect(await links.getAttribute("href")).toBe("https://docs.google.com/document/d/abc123/edit");
    expect(await links.getAttribute("target")).toBe("_blank");
    expect(await links.getAttribute("rel")).toContain("noopener");
    // Another host stays text, labelled as the second letter.
    const other = (await page.locator("#inspector .letters li").nth(1).textContent()) ?? "";
    expect(other).toContain("Surat keduahttps://evil.example/document/d/def");
    expect(other).toContain("Bukan tautan Google Docs");
  });

  test("a javascript: or look-alike Tautan Surat is shown as text, never as a link", async () => {
    writeRows(sheet, [eligible("Citra", 3, { Tahap: "Paraf Kabid" })], 4);
    await checked(KABID);
    const cell = sheet.getRange(4, headerIndex(sheet).get("Tautan Surat")! + 1);
    const bad = "javascript:window.__xss=1;alert('xss')//https://docs.google.com/";
    cell.setValues([[`${bad}\nhttps://docs.google.com.evil.example/d/x`]]);
    expect(await inspectRow(4)).toContain(bad);
    expect(await page.locator("#inspector a").count()).toBe(0);
    expect(await page.locator("#inspector .letters").textContent()).toContain("https://docs.google.com.evil.example/d/x");
    await noMarkupRan();
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, "sidebar-letter-not-a-link.png"), fullPage: true });
  });

  test("batch drafting goes in chunks with a progress bar, n of m", async () => {
    const many = Array.from({ length: 7 }, (_, i) => eligible(`Pemohon ${i + 1}`, 10 + i));
    await checked(OPERATOR, many);
    env.setSelection(sheet.getRange(2, 1, 9, 1));
    served = [];
    await page.getByRole("button", { name: "Buat Draf Surat (baris terpilih)" }).click();
    expect(await waitStatus("draf dibuat")).toContain("8 draf dibuat; 1 baris dilewati");
    // The report stands next to the button: the one refused row keeps its own line.
    const report = (await page.locator("#draft-report").textContent()) ?? "";
    expect(report).toContain("8 draf dibuat; 1 baris dilewati");
    expect(report).toContain("Baris 3 (PBI-2026-00002)");
    expect(await page.locator("#progress-text").textContent()).toBe("8 dari 8 permohonan");
    expect(served.filter((n) => n === "apiRunAction")).toHaveLength(2);
    expect(docs.documents.size).toBe(8);
  });

  test("drafting 4 rows of 44 selected: a summary next to the button, identical refusals grouped", async () => {
    const draftable = Array.from({ length: 3 }, (_, i) => eligible(`Siap ${i + 1}`, 20 + i));
    const reviewed = Array.from({ length: 33 }, (_, i) => eligible(`Diperiksa ${i + 1}`, 30 + i, { Tahap: "Paraf Kabid" }));
    const handed = Array.from({ length: 6 }, (_, i) => eligible(`Serah ${i + 1}`, 70 + i, { Tahap: "Siap Diserahkan" }));
    // Rows 2-3: Siti (Draf) and Budi (no KTP); 4-6 draftable; 7-39 at Paraf Kabid; 40-45 ready to hand over.
    await checked(OPERATOR, [...draftable, ...reviewed, ...handed]);
    env.setSelection(sheet.getRange(2, 1, 44, 1));
    await page.getByRole("button", { name: "Buat Draf Surat (baris terpilih)" }).click();
    await page.waitForFunction(`!document.getElementById("draft-report").hidden`);
    const box = page.locator("#draft-report");
    expect(await box.locator("strong").textContent()).toBe("4 draf dibuat; 40 baris dilewati");
    const lines = await box.locator("li").allTextContents();
    const paraf = lines.filter((l) => l.includes(`tahap sekarang "Paraf Kabid"`));
    expect(paraf).toHaveLength(1);
    expect(paraf[0]).toMatch(/\(33 baris: 7, 8, 9, 10, 11, 12, 13, 14, …\)$/);
    expect(lines.filter((l) => l.includes(`tahap sekarang "Siap Diserahkan"`))).toEqual([expect.stringContaining("(6 baris: 40, 41, 42, 43, 44, 45)")]);
    // Budi's own reason stays on its own line, with his ID.
    expect(lines.some((l) => l.startsWith("Baris 3 (PBI-2026-00002): "))).toBe(true);
    expect(lines).toHaveLength(3);
    // The report sits right under the button the user pressed.
    const [button, report] = await Promise.all([
      page.getByRole("button", { name: "Buat Draf Surat (baris terpilih)" }).boundingBox(), box.boundingBox()]);
    expect(report!.y - (button!.y + button!.height)).toBeLessThan(60);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, "sidebar-draft-report.png"), fullPage: true });
    expect(docs.documents.size).toBe(4);
  });

  test("screenshots at 300 px: the operator's inspector and the Kabid's queues", async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    writeRows(sheet, [
      eligible("Citra Lestari", 3, { Tahap: "Paraf Kabid", Mendesak: true }),
      eligible("Dedi Kurniawan", 4, { Tahap: "Paraf Kabid" }),
      eligible("Eka Putri", 5, { Tahap: "Perbaikan", "Catatan Pengembalian": "Tanggal SK salah" }),
    ], 4);
    await checked(OPERATOR);
    sheet.getRange(3, headerIndex(sheet).get("NIK")! + 1).setValues([["3273"]]);
    await inspectRow(3);
    // The operator's own queues: Siti to draft, Eka returned with a note.
    expect(await page.locator("#queues").textContent()).toContain("Ada catatan pengembalian");
    await page.screenshot({ path: join(ARTIFACTS, "sidebar-operator.png"), fullPage: true });
    sheet.getRange(4, headerIndex(sheet).get("Tautan Surat")! + 1).setValues([["https://docs.google.com/document/d/abc123/edit"]]);
    await office(KABID);
    await inspectRow(4);
    expect(await page.locator("#inspector .letters a").count()).toBe(1);
    await page.screenshot({ path: join(ARTIFACTS, "sidebar-kabid.png"), fullPage: true });
    expect(existsSync(join(ARTIFACTS, "sidebar-kabid.png"))).toBe(true);
  });
});

/** Presses Tab until the focused element's text contains `text` (keyboard-only use). */
async function tabTo(text: string): Promise<void> {
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press("Tab");
    const focused = (await page.evaluate(`document.activeElement ? document.activeElement.textContent : ""`)) as string;
    if (focused.includes(text)) return;
  }
  throw new Error(`Tab never reached "${text}"`);
}
