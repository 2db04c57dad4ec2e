/** Siapkan Sheet upgrades an older layout step by step, from each earlier version, losing nothing. */
import { ALL_COLUMNS, headerOf } from "../../src/domain/columns";
import { LAYOUT_VERSION, LAYOUT_VERSION_KEY, V1_KEYS, V1_STAGE_NAMES, V2_KEYS } from "../../src/domain/layout";
import { checkAll } from "../../src/gas/app";
import { setupSpreadsheet } from "../../src/gas/setup";
import { type FakeEnv, sheetFromRows } from "../fakes";
import { eligible, freshEnv, headerIndex, nik, preparedSheet, TODAY } from "./helpers";

let env: FakeEnv;
beforeEach(() => {
  env = freshEnv();
});
afterEach(() => env.uninstall());

const version = () => env.properties.document.getProperty(LAYOUT_VERSION_KEY);
const ADMIN = "admin@dinsos.go.id";

/** A version 1 sheet as an office used it: the checker's columns in its own order, a column of its own, data. */
function v1Sheet(): { sheet: GoogleAppsScript.Spreadsheet.Sheet; rows: unknown[][] } {
  const headers = [...V1_KEYS.map(headerOf)].reverse();
  headers.splice(3, 0, "Keterangan Kantor");
  const person = eligible("Siti Aminah", 1, { "ID Permohonan": "PBI-2026-00001", Tahap: "Diperiksa", Keputusan: "Layak" });
  const rows = [headers, headers.map((h) => (h === "Keterangan Kantor" ? "arsip lemari 3" : person[h] ?? ""))];
  const sheet = sheetFromRows(env.spreadsheet, "Permohonan", rows, { textColumns: ["NIK", "Nomor KK"].map((h) => headers.indexOf(h) + 1) });
  const tahap = headers.indexOf("Tahap") + 1;
  sheet.getRange(2, tahap, sheet.getMaxRows() - 1, 1).setDataValidation(
    SpreadsheetApp.newDataValidation().requireValueInList([...V1_STAGE_NAMES], true).build());
  return { sheet, rows };
}

test("from version 1: the new columns are appended on the right, the user's columns and data stay, the version is recorded", () => {
  const { sheet, rows } = v1Sheet();
  const width = rows[0]!.length;
  // As read before (Sheets typed "2" as a number); a blank tick box reads FALSE once it is a checkbox.
  const bools = new Set(ALL_COLUMNS.filter((c) => c.type === "bool").map((c) => c.header));
  const before = sheet.getRange(1, 1, 2, width).getValues()
    .map((r, i) => r.map((v, c) => (i > 0 && v === "" && bools.has(String(rows[0]![c])) ? false : v)));
  const report = setupSpreadsheet(env.spreadsheet, ADMIN).join("\n");
  expect(report).toContain("Tata letak versi 1 → 2");
  expect(report).toContain("Tata letak versi 2 → 3");
  expect(version()).toBe(String(LAYOUT_VERSION));
  // Every old cell where it was; the new headers after them, in the catalogue's order.
  expect(sheet.getRange(1, 1, 2, width).getValues()).toEqual(before);
  expect(sheet.getRange(1, 1, 1, width).getValues()).toEqual([rows[0]]);
  const after = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0]!;
  expect(after.slice(width)).toEqual(V2_KEYS.map(headerOf));
  expect(new Set(after)).toEqual(new Set([...ALL_COLUMNS.map((c) => c.header), "Keterangan Kantor"]));
  // The Tahap dropdown now offers the workflow stages.
  const tahap = headerIndex(sheet).get("Tahap")! + 1;
  expect(sheet.getRange(2, tahap).getDataValidation()!.getCriteriaValues()[0]).toContain("Siap Diserahkan");
  // The upgraded sheet works: a check places the Layak row in its first stage.
  checkAll(env.spreadsheet, TODAY);
  expect(sheet.getRange(2, tahap).getValue()).toBe("Draf");
  expect(sheet.getRange(2, headerIndex(sheet).get("Keterangan Kantor")! + 1).getValue()).toBe("arsip lemari 3");
  expect(sheet.getRange(2, headerIndex(sheet).get("NIK")! + 1).getValue()).toBe(nik(1));
});

test("from version 2 (no version recorded): Salinan Diarsipkan loses the add-on's warning, the rest keeps it; data intact", () => {
  const sheet = preparedSheet(env);
  env.properties.document.deleteProperty(LAYOUT_VERSION_KEY);
  const idx = headerIndex(sheet);
  // Version 2 protected every add-on column, the archive tick included.
  for (const p of sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE)) p.remove();
  const from = idx.get("Diserahkan Pada")! + 1;
  sheet.getRange(1, from, sheet.getMaxRows(), 3).protect().setDescription("PBI-JK: diisi add-on").setWarningOnly(true);
  sheet.getRange(2, 1, 1, 3).setValues([["a", "b", "c"]]);
  const before = sheet.getDataRange().getValues();

  const report = setupSpreadsheet(env.spreadsheet, ADMIN).join("\n");
  expect(report).not.toContain("versi 1 → 2");
  expect(report).toContain("Tata letak versi 2 → 3");
  expect(version()).toBe(String(LAYOUT_VERSION));
  expect(sheet.getDataRange().getValues()).toEqual(before);
  const covered = (col: number) => sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE)
    .some((p) => p.getRange().getColumn() <= col && col <= p.getRange().getLastColumn());
  expect(covered(idx.get("Salinan Diarsipkan")! + 1)).toBe(false);
  expect(covered(idx.get("Diserahkan Pada")! + 1)).toBe(true);
  expect(covered(idx.get("Paraf Oleh")! + 1)).toBe(true);
  expect(covered(idx.get("Catatan Pengembalian")! + 1)).toBe(true);
});

test("a new spreadsheet starts at the current version; running again migrates nothing", () => {
  const first = setupSpreadsheet(env.spreadsheet, ADMIN).join("\n");
  expect(first).not.toContain("Tata letak");
  expect(version()).toBe(String(LAYOUT_VERSION));
  expect(setupSpreadsheet(env.spreadsheet, ADMIN).join("\n")).not.toContain("Tata letak");
});

test("a layout newer than this add-on knows: Siapkan Sheet refuses and changes nothing", () => {
  env.properties.document.setProperty(LAYOUT_VERSION_KEY, String(LAYOUT_VERSION + 1));
  const names = env.spreadsheet.getSheets().map((s) => s.getName());
  expect(() => setupSpreadsheet(env.spreadsheet, ADMIN)).toThrow(/versi add-on yang lebih baru/);
  expect(env.spreadsheet.getSheets().map((s) => s.getName())).toEqual(names);
  expect(version()).toBe(String(LAYOUT_VERSION + 1));
});
