/**
 * The local playground (`npm start`) in Debian's Chromium: the grid, the menu discovered from
 * onOpen, the real sidebar over the google.script.run bridge, and safe rendering of cell data.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Browser, chromium, type Frame, type Page } from "playwright-core";
import { startPlayground, type Playground } from "../../playground/server";

// Chromium and the server share two busy cores with other test runs: allow for slow pages.
jest.setTimeout(120_000);

const ROOT = join(__dirname, "../..");
const ARTIFACTS = join(ROOT, "build/artifacts");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const XSS = "<img src=x onerror=alert(1)>";

interface Styles {
  getComputedStyle(node: unknown): { backgroundColor: string };
}

let browser: Browser;
let playground: Playground;
let page: Page;
let stateDir: string;
/** Browser dialogs (window.alert and friends) raised by the page: data must never cause one. */
let nativeDialogs: string[];

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: run "apt-get install -y chromium" (or set CHROMIUM_PATH).`);
  if (!existsSync(join(ROOT, "dist/Code.js"))) throw new Error('dist/Code.js is missing: run "npm run build" first.');
  mkdirSync(ARTIFACTS, { recursive: true });
  stateDir = mkdtempSync(join(tmpdir(), "pbijk-playground-"));
  playground = await startPlayground({ root: ROOT, stateFile: join(stateDir, "state.json") });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await playground?.close();
  if (stateDir) rmSync(stateDir, { recursive: true, force: true });
});

beforeEach(async () => {
  nativeDialogs = [];
  page = await browser.newPage({ viewport: { width: 1400, height: 820 } });
  page.on("dialog", (d) => {
    nativeDialogs.push(d.message());
    void d.dismiss();
  });
  await open();
});

afterEach(async () => {
  await page.close();
});

async function open(): Promise<void> {
  await page.goto(playground.url);
  await page.waitForSelector("body[data-ready]");
}

const sheetApi = () => playground.engine.fakes.spreadsheet;

function headerColumn(sheetName: string, header: string): number {
  const sheet = sheetApi().getSheetByName(sheetName)!;
  const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0]!.map(String);
  const at = headers.indexOf(header);
  if (at < 0) throw new Error(`no column ${header}`);
  return at + 1;
}

function cell(r: number, c: number) {
  return page.locator(`#grid td[data-r="${r}"][data-c="${c}"]`);
}

/** The first data row whose decision is `decision`, by the fakes (not by the page). */
/** The first row with this decision (and, if given, waiting in this stage). */
function rowWith(sheetName: string, decision: string, stage?: string): number {
  const sheet = sheetApi().getSheetByName(sheetName)!;
  const read = (header: string) =>
    sheet.getRange(2, headerColumn(sheetName, header), sheet.getLastRow() - 1, 1).getValues().map((r) => String(r[0]));
  const decisions = read("Keputusan");
  const stages = read("Tahap");
  const at = decisions.findIndex((d, i) => d === decision && (stage === undefined || stages[i] === stage));
  if (at < 0) throw new Error(`no ${decision} row${stage ? ` in ${stage}` : ""}`);
  return at + 2;
}

async function runMenu(caption: string): Promise<void> {
  await page.getByRole("button", { name: /Ekstensi/ }).click();
  await page.getByRole("menuitem", { name: caption }).click();
}

// Page-side code is given as text: this project's type-check has no DOM library.
const readyVersion = () => page.evaluate<string | undefined>("document.body.dataset.ready");
const focused = (what: "id" | "role" | "text") =>
  page.evaluate<string | null>(`(() => { const e = document.activeElement; return e ? ${what === "id" ? "e.id" : what === "role" ? 'e.getAttribute("role")' : "e.textContent"} : null; })()`);

async function waitForVersionAfter(before: string | undefined): Promise<void> {
  await page.waitForFunction(`document.body.dataset.ready !== ${JSON.stringify(before)}`);
}

/** The add-on's alert, shown in the page; answered with OK. */
async function alertText(): Promise<string> {
  const dialog = page.locator("dialog[open]");
  await dialog.waitFor();
  const text = (await dialog.locator(".dialog-message").textContent()) ?? "";
  await dialog.getByRole("button", { name: "OK" }).click();
  return text;
}

test("the grid loads with a tab per sheet, the menu from onOpen and the demo roles", async () => {
  const tabs = await page.getByRole("tab").allTextContents();
  expect(tabs).toEqual(expect.arrayContaining(["Pengaturan", "Permohonan", "Permohonan Purbalingga", "Log"]));
  expect(await page.getByRole("tab", { selected: true }).textContent()).toBe("Permohonan");
  // Headers come from Siapkan Sheet, rows from the demo data.
  expect(await cell(1, headerColumn("Permohonan", "Keputusan")).textContent()).toBe("Keputusan");
  // Rows are drawn as they scroll into view; the sheet itself holds the demo's few hundred.
  expect(await page.locator("#grid").getAttribute("aria-label")).toBe("Isi sheet");
  expect(await page.locator("#grid table").getAttribute("aria-rowcount")).toBe(String(sheetApi().getSheetByName("Permohonan")!.getLastRow() + 20));
  expect(sheetApi().getSheetByName("Permohonan")!.getLastRow()).toBeGreaterThan(150);
  expect(sheetApi().getSheetByName("Permohonan Purbalingga")!.getLastRow()).toBeGreaterThan(100);
  await page.getByRole("button", { name: /Ekstensi/ }).click();
  const captions = await page.getByRole("menuitem").allTextContents();
  expect(captions).toEqual(playground.engine.menu!.items.flatMap((i) => (i.kind === "item" ? [i.caption] : [])));
  expect(captions).toContain("Periksa Semua");
  const roles = await page.locator("#role option").allTextContents();
  for (const role of ["Operator", "Kepala Bidang", "Penandatangan", "Petugas BPJS"]) expect(roles.join("\n")).toContain(role);
  // Decision colours come from the sheet's conditional formats.
  const layak = cell(rowWith("Permohonan", "Layak"), headerColumn("Permohonan", "Keputusan"));
  expect(await layak.evaluate((td) => (globalThis as unknown as Styles).getComputedStyle(td).backgroundColor)).toBe("rgb(217, 234, 211)");
  await page.keyboard.press("Escape");
  await page.evaluate("document.activeElement.blur()");
  await page.screenshot({ path: join(ARTIFACTS, "playground.png") });
});

test("Periksa Semua from the menu fills Keputusan", async () => {
  const sheet = sheetApi().getSheetByName("Permohonan")!;
  const col = headerColumn("Permohonan", "Keputusan");
  sheet.getRange(2, col, sheet.getLastRow() - 1, 1).clearContent();
  await open();
  expect(await cell(2, col).textContent()).toBe("");
  const before = await readyVersion();
  await runMenu("Periksa Semua");
  await waitForVersionAfter(before);
  // Two request sheets: the report is an alert with a line per sheet.
  const report = await alertText();
  expect(report).toMatch(/Permohonan: \d+ permohonan diperiksa/);
  expect(report).toMatch(/Permohonan Purbalingga: \d+ permohonan diperiksa/);
  // Every row drawn shows a decision, and the sheet behind it holds every decision there is.
  const last = sheet.getLastRow();
  const shown = (await page.locator(`#grid td[data-c="${col}"]`).allTextContents()).slice(1, 40);
  expect(shown.length).toBeGreaterThan(20);
  expect(shown.every((t) => t !== "")).toBe(true);
  const stored = sheet.getRange(2, col, last - 1, 1).getDisplayValues().map((r) => r[0]);
  expect(stored.slice(0, shown.length)).toEqual(shown);
  expect(new Set(stored)).toEqual(new Set(["Layak", "Tidak Layak", "Berkas Belum Lengkap", "Perlu Verifikasi", "Data Tidak Valid"]));
});

test("editing a cell runs onEdit: unticking a required document changes the decision", async () => {
  const row = rowWith("Permohonan", "Layak");
  const ktp = headerColumn("Permohonan", "Dok. KTP");
  const decision = headerColumn("Permohonan", "Keputusan");
  const before = await readyVersion();
  await cell(row, ktp).locator("input[type=checkbox]").uncheck();
  await waitForVersionAfter(before);
  await expect(cell(row, decision).textContent()).resolves.toBe("Berkas Belum Lengkap");
  expect(sheetApi().getSheetByName("Permohonan")!.getRange(row, ktp).getValue()).toBe(false);
});

async function sidebarFrame(): Promise<Frame> {
  await page.waitForSelector("#sidebar iframe");
  const frame = page.frame({ name: "sidebar" });
  if (!frame) throw new Error("no sidebar frame");
  await frame.waitForSelector("#refresh");
  return frame;
}

test("the sidebar opens in a 300 px panel and shows the selected row's result", async () => {
  const row = rowWith("Permohonan", "Tidak Layak");
  await page.locator(`#grid th.rowhead[data-r="${row}"]`).click();
  await runMenu("Buka Panel");
  const frame = await sidebarFrame();
  expect(await page.locator("#sidebar iframe").evaluate((f) => f.getBoundingClientRect().width)).toBe(300);
  // The panel fits beside the sheet: no page scrollbar covering the sheet tabs.
  expect(await page.evaluate<boolean>("document.documentElement.scrollWidth <= document.documentElement.clientWidth && document.documentElement.scrollHeight <= document.documentElement.clientHeight")).toBe(true);
  await frame.getByRole("button", { name: "Muat baris terpilih" }).click();
  await frame.waitForFunction(`document.getElementById("inspector").textContent.includes("Permohonan baris ${row}")`);
  const text = await frame.locator("#inspector").textContent();
  expect(text).toContain("Tidak Layak");
  const id = sheetApi().getSheetByName("Permohonan")!.getRange(row, headerColumn("Permohonan", "ID Permohonan")).getDisplayValue();
  expect(text).toContain(id);
  // The artifact shows the add-on's columns next to the panel, starting at Nama's neighbour Catatan.
  const left = await cell(row, headerColumn("Permohonan", "Catatan")).evaluate((td) => (td as unknown as { offsetLeft: number }).offsetLeft);
  await page.locator("#grid").evaluate((grid, x) => {
    (grid as unknown as { scrollLeft: number }).scrollLeft = x - 46;
  }, left);
  await page.screenshot({ path: join(ARTIFACTS, "playground-sidebar.png") });
});

test("a refused action shows the add-on's message", async () => {
  await page.getByRole("tab", { name: "Pengaturan" }).click();
  await page.waitForFunction(`document.querySelector('[role="tab"][aria-selected="true"]').textContent === "Pengaturan"`);
  await runMenu("Periksa Baris Terpilih");
  expect(await alertText()).toMatch(/Pilih baris di sheet permohonan \("Permohonan", "Permohonan Purbalingga"\)/);
  await page.getByRole("tab", { name: "Permohonan", exact: true }).click();
});

test("a name written as HTML stays text, in the grid and in the sidebar", async () => {
  const row = rowWith("Permohonan", "Layak");
  const name = headerColumn("Permohonan", "Nama");
  await cell(row, name).dblclick();
  const editor = page.getByRole("textbox", { name: /^Ubah / });
  await editor.fill(XSS);
  const before = await readyVersion();
  await editor.press("Enter");
  await waitForVersionAfter(before);
  expect(await cell(row, name).textContent()).toBe(XSS);
  expect(await page.locator("#grid img").count()).toBe(0);
  expect(sheetApi().getSheetByName("Permohonan")!.getRange(row, name).getValue()).toBe(XSS);
  await cell(row, name).click();
  await runMenu("Buka Panel");
  const frame = await sidebarFrame();
  await frame.getByRole("button", { name: "Muat baris terpilih" }).click();
  await frame.waitForFunction(`document.getElementById("inspector").textContent.includes("baris ${row}")`);
  expect(await frame.locator("img").count()).toBe(0);
  expect(nativeDialogs).toEqual([]);
});

test("keyboard only: Tab reaches the menu, arrows choose Periksa Semua, Enter runs it", async () => {
  for (let i = 0; i < 5 && (await focused("id")) !== "menu-button"; i++) await page.keyboard.press("Tab");
  expect(await focused("id")).toBe("menu-button");
  await page.keyboard.press("Enter");
  expect(await focused("role")).toBe("menuitem");
  for (let i = 0; i < 10 && (await focused("text")) !== "Periksa Semua"; i++) await page.keyboard.press("ArrowDown");
  const before = await readyVersion();
  await page.keyboard.press("Enter");
  await waitForVersionAfter(before);
  // The report's dialog takes focus; Enter answers it and focus returns to the menu button.
  await page.locator("dialog[open]").waitFor();
  expect(await page.locator("dialog[open] .dialog-message").textContent()).toMatch(/diperiksa/);
  await page.keyboard.press("Enter");
  await page.locator("dialog[open]").waitFor({ state: "detached" });
  expect(await focused("id")).toBe("menu-button");
  await page.keyboard.press("ArrowDown");
  expect(await page.locator("#menu").isVisible()).toBe(true);
  await page.keyboard.press("Escape");
  expect(await page.locator("#menu").isVisible()).toBe(false);
  expect(await focused("id")).toBe("menu-button");
});

test("the role switch sets the active user the add-on sees, and a restart keeps every change", async () => {
  await page.locator("#role").selectOption("kabid@dinsos.example");
  await page.locator(".toast", { hasText: "kabid@dinsos.example" }).waitFor();
  expect(playground.engine.fakes.services.Session.getActiveUser().getEmail()).toBe("kabid@dinsos.example");
  const row = rowWith("Permohonan", "Layak");
  const note = headerColumn("Permohonan", "Catatan");
  await cell(row, note).dblclick();
  const editor = page.getByRole("textbox", { name: /^Ubah / });
  await editor.fill("Diantar kader posyandu");
  const before = await readyVersion();
  await editor.press("Enter");
  await waitForVersionAfter(before);
  await playground.close();
  playground = await startPlayground({ root: ROOT, stateFile: join(stateDir, "state.json") });
  await open();
  expect(await cell(row, note).textContent()).toBe("Diantar kader posyandu");
  expect(await page.locator("#role").inputValue()).toBe("kabid@dinsos.example");
  expect(playground.engine.fakes.services.Session.getActiveUser().getEmail()).toBe("kabid@dinsos.example");
}, 180_000);

/** Runs once the letters feature (its DocumentApp fake and the Buat Draf Surat menu item) is in. */
const lettersIn = existsSync(join(ROOT, "test/fakes/document.ts"));
(lettersIn ? test : test.skip)("a drafted letter is previewed from the DocumentApp fake, its text as text", async () => {
  const caption = "Buat Draf Surat";
  if (!playground.engine.menu?.items.some((i) => i.kind === "item" && i.caption === caption)) throw new Error(`no menu item ${caption}`);
  await page.locator("#role").selectOption("operator@dinsos.example");
  await page.locator(".toast", { hasText: "operator@dinsos.example" }).waitFor();
  const row = rowWith("Permohonan", "Layak", "Draf");
  const name = sheetApi().getSheetByName("Permohonan")!.getRange(row, headerColumn("Permohonan", "Nama")).getDisplayValue();
  await page.locator(`#grid th.rowhead[data-r="${row}"]`).click();
  await runMenu(caption);
  // Answer any question with its first button and close any report, until the page settles.
  for (let i = 0; i < 5; i++) {
    const dialog = page.locator("dialog[open]");
    if (!(await dialog.isVisible().catch(() => false))) {
      await page.waitForTimeout(1000);
      if (!(await dialog.isVisible().catch(() => false))) break;
    }
    await dialog.locator("button").first().click();
  }
  await page.getByRole("button", { name: "Surat", exact: true }).click();
  const link = page.locator("#documents .doc-list button").first();
  await link.waitFor();
  await link.click();
  const letter = page.locator("#doc-preview .page");
  await letter.waitFor();
  expect(await letter.textContent()).toContain(name);
  expect(await letter.locator("img, script").count()).toBe(0);
  // The signer block sits on the right half, the name underlined below the space for the signature.
  const signerName = letter.locator("p.underline").last();
  const place = await signerName.evaluate((p) => {
    const node = p as unknown as { offsetWidth: number; previousElementSibling: { textContent: string; offsetHeight: number } | null };
    const style = (globalThis as unknown as { getComputedStyle(n: unknown): { paddingLeft: string } }).getComputedStyle(p);
    return { indent: Number.parseFloat(style.paddingLeft), width: node.offsetWidth, blankAbove: node.previousElementSibling?.textContent === "" ? node.previousElementSibling.offsetHeight : 0 };
  });
  expect(place.indent).toBeGreaterThan(place.width * 0.4);
  expect(place.blankAbove).toBeGreaterThan(8);
  await page.evaluate("document.getElementById('toasts').replaceChildren()");
  await page.screenshot({ path: join(ARTIFACTS, "playground-letter.png") });
});

test("an edit far down the sheet keeps the grid where it was (the row typed in stays in view)", async () => {
  const sheet = sheetApi().getSheetByName("Permohonan")!;
  const row = sheet.getLastRow();
  const note = headerColumn("Permohonan", "Catatan");
  await page.locator("#grid").evaluate((grid) => {
    (grid as unknown as { scrollTop: number }).scrollTop = 1e6;
  });
  await cell(row, note).waitFor();
  const top = await page.locator("#grid").evaluate((grid) => (grid as unknown as { scrollTop: number }).scrollTop);
  expect(top).toBeGreaterThan(1000);
  const before = await readyVersion();
  await cell(row, note).dblclick();
  await page.keyboard.press("Control+A");
  await page.keyboard.type("Datang sendiri");
  await page.keyboard.press("Enter");
  await waitForVersionAfter(before);
  expect(sheet.getRange(row, note).getValue()).toBe("Datang sendiri");
  const after = await page.locator("#grid").evaluate((grid) => (grid as unknown as { scrollTop: number }).scrollTop);
  expect(Math.abs(after - top)).toBeLessThan(30);
  await expect(cell(row, note).isVisible()).resolves.toBe(true);
});

test("an open panel follows the role switch: it shows the new account, not the one that opened it", async () => {
  await page.locator("#role").selectOption("operator@dinsos.example");
  await page.locator(".toast", { hasText: "operator@dinsos.example" }).waitFor();
  await runMenu("Buka Panel");
  let frame = await sidebarFrame();
  await frame.waitForFunction(`document.getElementById("who").textContent.includes("operator@dinsos.example")`);
  await page.locator("#role").selectOption("kabid@dinsos.example");
  await page.locator(".toast", { hasText: "kabid@dinsos.example" }).waitFor();
  await page.waitForFunction(`(() => { const f = document.querySelector("#sidebar iframe"); const w = f && f.contentDocument && f.contentDocument.getElementById("who"); return !!w && w.textContent.includes("kabid@dinsos.example"); })()`);
  frame = await sidebarFrame();
  expect(await frame.locator("#who").textContent()).toContain("Kepala Bidang");
});

test("a request picked from the panel's queue is selected and scrolled into view in the grid", async () => {
  await page.locator("#role").selectOption("kabid@dinsos.example");
  await page.locator(".toast", { hasText: "kabid@dinsos.example" }).waitFor();
  await runMenu("Buka Panel");
  const frame = await sidebarFrame();
  const item = frame.locator("#queues button.item").last();
  await item.waitFor();
  const id = (await item.locator(".muted").first().textContent())!.split(" · ")[0]!;
  const sheet = sheetApi().getSheetByName("Permohonan")!;
  const ids = sheet.getRange(1, headerColumn("Permohonan", "ID Permohonan"), sheet.getLastRow(), 1).getDisplayValues().map((r) => r[0]);
  const row = ids.indexOf(id) + 1;
  expect(row).toBeGreaterThan(30); // below the first screen, so the grid has to scroll
  const before = await readyVersion();
  await item.click();
  await frame.waitForFunction(`document.getElementById("status").textContent.includes(${JSON.stringify(`${id} dipilih`)})`);
  await waitForVersionAfter(before);
  await expect(page.locator("#cell-ref").textContent()).resolves.toBe(`A${row}`);
  const head = page.locator(`#grid th.rowhead[data-r="${row}"]`);
  await head.waitFor();
  const [box, grid] = await Promise.all([head.boundingBox(), page.locator("#grid").boundingBox()]);
  expect(box!.y).toBeGreaterThanOrEqual(grid!.y);
  expect(box!.y + box!.height).toBeLessThanOrEqual(grid!.y + grid!.height);
});
