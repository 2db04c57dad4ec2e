/** The playground's engine: the built bundle on the fakes, questions, snapshots and demo data. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { isKnownDistrict } from "../../src/domain/regions";
import { buildDemo, DEMO_SHEETS, DEMO_USERS, jakartaToday } from "../../playground/demo";
import { Engine, OWNER } from "../../playground/engine";
import { column } from "../gas/helpers";

jest.setTimeout(120_000);

const ROOT = join(__dirname, "../..");
const NOW = Date.parse("2026-11-24T03:00:00Z");

/** A bundle like dist/Code.js: top-level wrappers; one action writes, asks, then writes the answer. */
const ASKING_CODE = `
function onOpen(e) { SpreadsheetApp.getUi().createAddonMenu().addItem("Tanya", "askThenWrite").addSeparator().addItem("Hitung", "count").addToUi(); }
function askThenWrite(e) {
  var sheet = SpreadsheetApp.getActiveSpreadsheet().getActiveSheet();
  sheet.getRange("A1").setValue("sebelum");
  var ui = SpreadsheetApp.getUi();
  var answer = ui.alert("Konfirmasi", "Lanjutkan?", ui.ButtonSet.YES_NO);
  sheet.getRange("A2").setValue(String(answer));
}
function count(e) { return { n: SpreadsheetApp.getActiveSpreadsheet().getSheets().length, when: new Date(0) }; }
`;

async function demoEngine(seed?: number): Promise<Engine> {
  const code = readFileSync(join(ROOT, "dist/Code.js"), "utf8");
  const engine = await Engine.create(code, { sidebar: "<html><head></head></html>" }, DEMO_USERS[1].email, null);
  buildDemo(engine, ROOT, seed, NOW);
  return engine;
}

test("the menu comes from onOpen and entry points are called by name", async () => {
  const engine = await Engine.create(ASKING_CODE, {}, "operator@dinsos.example", null);
  expect(engine.menu?.items).toEqual([
    { kind: "item", caption: "Tanya", functionName: "askThenWrite" }, { kind: "separator" },
    { kind: "item", caption: "Hitung", functionName: "count" },
  ]);
  // Values cross as JSON, as google.script.run passes them (a Date becomes text).
  expect(engine.run("count").value).toEqual({ n: 1, when: "1970-01-01T00:00:00.000Z" });
  expect(engine.run("require").error).toMatch(/tidak ada di add-on/);
});

test("a question stops the run and undoes it; the answer given runs it to the end", async () => {
  const engine = await Engine.create(ASKING_CODE, {}, "operator@dinsos.example", null);
  const sheet = () => engine.fakes.spreadsheet.getActiveSheet();
  const first = engine.run("askThenWrite");
  expect(first.question).toEqual({ kind: "alert", title: "Konfirmasi", message: "Lanjutkan?", buttons: ["YES", "NO"] });
  expect(sheet().getRange("A1").getValue()).toBe("");
  const second = engine.run("askThenWrite", [], [{ button: "NO" }]);
  expect(second.question).toBeUndefined();
  expect(sheet().getRange("A1:A2").getValues()).toEqual([["sebelum"], ["NO"]]);
});

test("a run undone for a question sees the rows the user selected when it runs again", async () => {
  const code = `${ASKING_CODE}
function askAboutSelection(e) {
  var ui = SpreadsheetApp.getUi();
  ui.alert("Konfirmasi", "Lanjutkan?", ui.ButtonSet.YES_NO);
  var ss = SpreadsheetApp.getActiveSpreadsheet();
  ss.getActiveSheet().getRange("Z1").setValue(ss.getActiveRange().getA1Notation());
}`;
  const engine = await Engine.create(code, {}, "operator@dinsos.example", null);
  engine.select(engine.fakes.spreadsheet.getActiveSheet().getName(), 5, 1, 3, 4);
  expect(engine.run("askAboutSelection").question).toBeDefined();
  expect(engine.run("askAboutSelection", [], [{ button: "YES" }]).question).toBeUndefined();
  expect(engine.fakes.spreadsheet.getActiveSheet().getRange("Z1").getValue()).toBe("A5:D7");
});

test("the demo covers every decision and several stages on both offices' sheets, with valid region codes", async () => {
  const engine = await demoEngine();
  const ss = engine.fakes.spreadsheet;
  expect(ss.getSheets().map((s) => s.getName())).toEqual(["Pengaturan", "Permohonan", "Log", "Permohonan Purbalingga"]);
  for (const { sheet: name } of DEMO_SHEETS) {
    const sheet = ss.getSheetByName(name)!;
    expect(new Set(column(sheet, "Keputusan"))).toEqual(new Set(["Layak", "Tidak Layak", "Berkas Belum Lengkap", "Perlu Verifikasi", "Data Tidak Valid"]));
    expect(new Set(column(sheet, "Tahap")).size).toBeGreaterThanOrEqual(4);
    const niks = column(sheet, "NIK").map(String).filter((n) => /^\d{16}$/.test(n));
    expect(niks.length).toBeGreaterThan(sheet.getLastRow() * 0.8);
    expect(niks.every((n) => isKnownDistrict(n.slice(0, 6)))).toBe(true);
  }
  // Application dates are within the last month, in Jakarta's calendar.
  const today = jakartaToday(NOW);
  const dates = column(ss.getSheetByName("Permohonan")!, "Tanggal Permohonan").map(String).filter(Boolean);
  for (const text of dates) {
    const [d, m, y] = text.split("/").map(Number);
    const ms = Date.UTC(y!, m! - 1, d!);
    expect(ms).toBeLessThanOrEqual(today);
    expect(ms).toBeGreaterThan(today - 31 * 86_400_000);
  }
  expect(ss.getSheetByName("Log")!.getLastRow()).toBeGreaterThan(50);
  const roles = engine.fakes.spreadsheet.getSheetByName("Pengaturan")!.getDataRange().getDisplayValues().map((r) => r.slice(0, 2).join("|"));
  for (const u of DEMO_USERS) expect(roles).toContain(`${u.email}|${u.role}`);
});

test("the same seed builds the same demo, and a snapshot restores to the same state", async () => {
  const a = await demoEngine(7);
  const b = await demoEngine(7);
  const snapshot = a.snapshot();
  expect(b.snapshot()).toEqual(snapshot);
  a.boot(JSON.parse(JSON.stringify(snapshot)));
  expect(a.snapshot()).toEqual(snapshot);
  // Restored state still drives the add-on: conditional formats, validations and settings are back.
  const sheet = a.fakes.spreadsheet.getSheetByName("Permohonan")!;
  expect(sheet.getConditionalFormatRules().length).toBe(5);
  expect(String(sheet.getRange(2, 1, 1, sheet.getLastColumn()).getDataValidations()[0]!.find(Boolean)?.getCriteriaType())).toBeTruthy();
  const outcome = a.run("menuCheckAll");
  expect(outcome.events.map((e) => (e.kind === "alert" ? e.message : "")).join("")).toMatch(/Permohonan: \d+ permohonan diperiksa/);
  expect((await demoEngine(8)).snapshot()).not.toEqual(snapshot);
});

test("editing a cell the add-on fills asks first, like Sheets' protection warning", async () => {
  const engine = await demoEngine();
  const sheet = engine.fakes.spreadsheet.getSheetByName("Permohonan")!;
  const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0]!.map(String);
  const decision = headers.indexOf("Keputusan") + 1;
  const before = sheet.getRange(2, decision).getValue();
  const asked = engine.edit("Permohonan", 2, decision, "Layak");
  expect(asked.question?.message).toBe("Sel ini dilindungi (PBI-JK: diisi add-on). Biasanya add-on yang mengisinya. Tetap ubah?");
  expect(engine.edit("Permohonan", 2, decision, "Ditimpa", [{ button: "NO" }])).toEqual({ events: [] });
  expect(sheet.getRange(2, decision).getValue()).toBe(before);
  // An input column has no protection: no question.
  expect(engine.edit("Permohonan", 2, headers.indexOf("Catatan") + 1, "Catatan baru").question).toBeUndefined();
});

test("Pengaturan is the admin's: another role's edit is refused in Indonesian and changes nothing", async () => {
  const engine = await demoEngine();
  const settings = engine.fakes.spreadsheet.getSheetByName("Pengaturan")!;
  const before = settings.getRange(2, 2).getValue();
  engine.setUser(DEMO_USERS[1].email);
  expect(DEMO_USERS[1].role).not.toBe("admin");
  expect(engine.edit("Pengaturan", 2, 2, "Dinas Lain").error).toBe("Sel ini dilindungi dan akun Anda tidak termasuk yang boleh mengubahnya (Pengaturan hanya untuk admin).");
  expect(settings.getRange(2, 2).getValue()).toBe(before);
  engine.setUser(OWNER);
  expect(engine.edit("Pengaturan", 2, 2, "Dinas Lain").error).toBeUndefined();
  expect(settings.getRange(2, 2).getValue()).toBe("Dinas Lain");
});
