/**
 * One request through the whole process in the playground, each step by its role and driven
 * through the page: draft letter, paraf, signature, hand-over, BPJS sync and BPJS outcome.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
import { startPlayground, type Playground } from "../../playground/server";

jest.setTimeout(240_000);

const ROOT = join(__dirname, "../..");
const ARTIFACTS = join(ROOT, "build/artifacts");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const REQUESTS = "Permohonan";
const BPJS = "Untuk BPJS";
const OPERATOR = "operator@dinsos.example";
const KABID = "kabid@dinsos.example";
const SIGNER = "kadinsos@dinsos.example";
const BPJS_USER = "petugas@bpjs.example";

let browser: Browser;
let playground: Playground;
let page: Page;
let stateDir: string;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: run "apt-get install -y chromium" (or set CHROMIUM_PATH).`);
  if (!existsSync(join(ROOT, "dist/Code.js"))) throw new Error('dist/Code.js is missing: run "npm run build" first.');
  mkdirSync(ARTIFACTS, { recursive: true });
  stateDir = mkdtempSync(join(tmpdir(), "pbijk-journey-"));
  playground = await startPlayground({ root: ROOT, stateFile: join(stateDir, "state.json") });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
  });
  page = await browser.newPage({ viewport: { width: 1400, height: 820 } });
  page.on("dialog", (d) => void d.dismiss());
  await page.goto(playground.url);
  await page.waitForSelector("body[data-ready]");
}, 120_000);

afterAll(async () => {
  await page?.close();
  await browser?.close();
  await playground?.close();
  if (stateDir) rmSync(stateDir, { recursive: true, force: true });
});

const sheetApi = () => playground.engine.fakes.spreadsheet;

function sheet(name: string) {
  const found = sheetApi().getSheetByName(name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
}

function headerColumn(sheetName: string, header: string): number {
  const s = sheet(sheetName);
  const headers = s.getRange(1, 1, 1, s.getLastColumn()).getValues()[0]!.map(String);
  const at = headers.indexOf(header);
  if (at < 0) throw new Error(`no column ${header} in ${sheetName}`);
  return at + 1;
}

function column(sheetName: string, header: string): string[] {
  const s = sheet(sheetName);
  if (s.getLastRow() < 2) return [];
  return s.getRange(2, headerColumn(sheetName, header), s.getLastRow() - 1, 1).getDisplayValues().map((r) => String(r[0]));
}

/** The row holding this request ID, looked up in the fake every time. */
function rowOf(sheetName: string, id: string): number {
  const at = column(sheetName, "ID Permohonan").indexOf(id);
  if (at < 0) throw new Error(`no request ${id} in ${sheetName}`);
  return at + 2;
}

function value(sheetName: string, id: string, header: string): string {
  return sheet(sheetName).getRange(rowOf(sheetName, id), headerColumn(sheetName, header)).getDisplayValue();
}

function cell(r: number, c: number) {
  return page.locator(`#grid td[data-r="${r}"][data-c="${c}"]`);
}

const readyVersion = () => page.evaluate<string | undefined>("document.body.dataset.ready");
async function waitForVersionAfter(before: string | undefined): Promise<void> {
  await page.waitForFunction(`document.body.dataset.ready !== ${JSON.stringify(before)}`);
}

/** Answers any question with its first button and closes any report until the page settles; returns the texts. */
async function settle(): Promise<string[]> {
  const texts: string[] = [];
  const dialog = page.locator("dialog[open]");
  for (let i = 0; i < 6; i++) {
    if (!(await dialog.isVisible().catch(() => false))) {
      await page.waitForTimeout(800);
      if (!(await dialog.isVisible().catch(() => false))) break;
    }
    texts.push((await dialog.textContent()) ?? "");
    await dialog.locator("button").first().click();
  }
  return texts;
}

async function runMenu(caption: string): Promise<string[]> {
  const before = await readyVersion();
  await page.getByRole("button", { name: /Ekstensi/ }).click();
  await page.getByRole("menuitem", { name: caption }).click();
  // A question keeps the version; a finished run moves it.
  await Promise.race([waitForVersionAfter(before), page.locator("dialog[open]").waitFor()]);
  return settle();
}

async function switchRole(email: string): Promise<void> {
  await page.locator("#role").selectOption(email);
  await page.locator(".toast", { hasText: email }).last().waitFor();
  expect(playground.engine.fakes.services.Session.getActiveUser().getEmail()).toBe(email);
}

async function openTab(name: string): Promise<void> {
  await page.getByRole("tab", { name, exact: true }).click();
  await page.waitForFunction(`document.querySelector('[role="tab"][aria-selected="true"]').textContent === ${JSON.stringify(name)}`);
}

/** Scrolls the grid (rows are drawn as they come into view) until this row is drawn. */
async function reveal(row: number): Promise<void> {
  const head = page.locator(`#grid th.rowhead[data-r="${row}"]`);
  await page.locator("#grid").evaluate((grid) => {
    (grid as unknown as { scrollTop: number }).scrollTop = 0;
  });
  for (let i = 0; i < 200 && (await head.count()) === 0; i++) {
    await page.locator("#grid").evaluate((grid) => {
      (grid as unknown as { scrollTop: number }).scrollTop += 400;
    });
    await page.waitForTimeout(50);
  }
  // The grid redraws its rows when a run ends, which may detach the head just found: look again.
  for (let attempt = 1; ; attempt++) {
    try {
      await head.scrollIntoViewIfNeeded({ timeout: 2000 });
      return;
    } catch (error) {
      if (attempt === 5) throw error;
      await page.waitForTimeout(100);
    }
  }
}

async function selectRequest(id: string): Promise<void> {
  await openTab(REQUESTS);
  const row = rowOf(REQUESTS, id);
  await reveal(row);
  await page.locator(`#grid th.rowhead[data-r="${row}"]`).click();
}

async function editCell(sheetName: string, id: string, header: string, text: string): Promise<string[]> {
  await openTab(sheetName);
  const row = rowOf(sheetName, id);
  await reveal(row);
  const target = cell(row, headerColumn(sheetName, header));
  await target.scrollIntoViewIfNeeded();
  // A list column opens a dropdown, any other a text box.
  const editor = page.locator("#grid .editor");
  // The grid may be redrawn (after a role switch or a tab change) just as the editor opens: retry.
  for (let i = 0; i < 5 && !(await editor.isVisible()); i++) {
    await target.dblclick();
    await editor.waitFor({ timeout: 3000 }).catch(() => undefined);
  }
  const before = await readyVersion();
  if ((await editor.evaluate((e) => (e as unknown as { tagName: string }).tagName)) === "SELECT") {
    await page.getByRole("combobox", { name: /^Ubah / }).selectOption(text);
  } else {
    const box = page.getByRole("textbox", { name: /^Ubah / });
    await box.fill(text);
    await box.press("Enter");
  }
  await Promise.race([waitForVersionAfter(before), page.locator("dialog[open]").waitFor()]);
  return settle();
}

test("one request goes from check to a BPJS outcome, each step by its role", async () => {
  // 1. Operator drafts the letter for a Layak request waiting in Draf.
  await switchRole(OPERATOR);
  const ids = column(REQUESTS, "ID Permohonan");
  const decisions = column(REQUESTS, "Keputusan");
  const stages = column(REQUESTS, "Tahap");
  const at = decisions.findIndex((d, i) => d === "Layak" && stages[i] === "Draf");
  expect(at).toBeGreaterThanOrEqual(0);
  const id = ids[at]!;
  expect(id).not.toBe("");
  const nik = value(REQUESTS, id, "NIK");
  expect(nik).toMatch(/^\d{16}$/);

  await selectRequest(id);
  await runMenu("Buat Draf Surat");
  expect(value(REQUESTS, id, "Tahap")).toBe("Paraf Kabid");
  expect(value(REQUESTS, id, "Nomor Surat")).not.toBe("");
  expect(value(REQUESTS, id, "Tautan Surat")).not.toBe("");

  // 2. The Kabid initials it.
  await switchRole(KABID);
  await selectRequest(id);
  await runMenu("Setujui");
  expect(value(REQUESTS, id, "Tahap")).toBe("Tanda Tangan");
  expect(value(REQUESTS, id, "Paraf Oleh")).toBe(KABID);

  // 3. The Kepala Dinas signs it.
  await switchRole(SIGNER);
  await selectRequest(id);
  await runMenu("Setujui");
  expect(value(REQUESTS, id, "Tahap")).toBe("Siap Diserahkan");
  expect(value(REQUESTS, id, "Ditandatangani Oleh")).not.toBe("");

  // 4. The operator hands it over.
  await switchRole(OPERATOR);
  await selectRequest(id);
  await runMenu("Serahkan");
  expect(value(REQUESTS, id, "Tahap")).toBe("Diserahkan");
  expect(value(REQUESTS, id, "Diserahkan Pada")).not.toBe("");

  // 5. The operator syncs the BPJS view: the request is listed with its NIK masked.
  await runMenu("Sinkronkan BPJS");
  expect(value(BPJS, id, "NIK (Disamarkan)")).toMatch(/^\d{4}\*{8}\d{4}$/);

  // 6. The BPJS officer records the outcome in the view; onEdit (or a sync) brings it back.
  await switchRole(BPJS_USER);
  const now = new Date();
  const today = `${String(now.getDate()).padStart(2, "0")}/${String(now.getMonth() + 1).padStart(2, "0")}/${now.getFullYear()}`;
  await editCell(BPJS, id, "Tanggal Aktif BPJS", today);
  await editCell(BPJS, id, "Status BPJS", "Aktif Kembali");
  expect(value(BPJS, id, "Status BPJS")).toBe("Aktif Kembali");
  if (value(REQUESTS, id, "Tahap") !== "Selesai") {
    await switchRole(OPERATOR);
    await runMenu("Sinkronkan BPJS");
  }
  expect(value(REQUESTS, id, "Tahap")).toBe("Selesai");
  expect(value(REQUESTS, id, "Status BPJS")).toBe("Aktif Kembali");

  // 7. The Log has a line per move for this request, none with the NIK.
  const log = sheet("Log");
  const lines = log.getRange(2, 1, log.getLastRow() - 1, log.getLastColumn()).getDisplayValues().filter((r) => r[2] === id);
  const moves = lines.map((r) => `${r[4]} → ${r[5]}`);
  expect(moves).toEqual(
    expect.arrayContaining(["Draf → Paraf Kabid", "Paraf Kabid → Tanda Tangan", "Tanda Tangan → Siap Diserahkan", "Siap Diserahkan → Diserahkan", "Diserahkan → Selesai"]),
  );
  expect(lines).toHaveLength(5);
  for (const line of lines) expect(line.join(" ")).not.toContain(nik);

  await openTab(REQUESTS);
  await reveal(rowOf(REQUESTS, id));
  await page.screenshot({ path: join(ARTIFACTS, "journey.png") });
});
