import { syncBpjs } from "../../src/gas/bpjs";
import { menuSyncBpjs, onEdit } from "../../src/gas/main";
import type { FakeEnv } from "../fakes";
import { rawOf } from "../fakes/core";
import { cellOf, eligible, freshEnv, headerIndex, nik, preparedSheet, TODAY, writeRows, handedOver } from "./helpers";

const OPERATOR = "operator@dinsos.go.id";
const BPJS = "petugas@bpjs-kesehatan.go.id";
const KK = "3273010101100001";
// Headers of `Untuk BPJS`, written from spec section 8.
const VIEW_HEADERS = [
  "ID Permohonan", "Nama", "NIK (Disamarkan)", "Nomor Kartu KIS", "Nomor Surat", "Tanggal Surat",
  "Tautan Surat", "Tautan Berkas", "Status BPJS", "Tanggal Aktif BPJS", "Catatan BPJS",
];
const STATUS_COL = 9;
const DATE_COL = 10;

let env: FakeEnv;
let sheet: GoogleAppsScript.Spreadsheet.Sheet;

function addRole(email: string, role: string): void {
  const settings = env.spreadsheet.getSheetByName("Pengaturan")!;
  settings.getRange(settings.getLastRow() + 1, 1, 1, 2).setValues([[email, role]]);
}


function view(): GoogleAppsScript.Spreadsheet.Sheet {
  return env.spreadsheet.getSheetByName("Untuk BPJS")!;
}

function viewRowOf(id: string): number {
  const ids = view().getRange(1, 1, view().getLastRow(), 1).getValues().map((r) => r[0]);
  const at = ids.indexOf(id);
  if (at < 1) throw new Error(`no view row for ${id}`);
  return at + 1;
}

function rowOf(id: string): number {
  const col = headerIndex(sheet).get("ID Permohonan")! + 1;
  return sheet.getRange(1, col, sheet.getLastRow(), 1).getValues().findIndex((r) => r[0] === id) + 1;
}

function logRows(): unknown[][] {
  const log = env.spreadsheet.getSheetByName("Log")!;
  return log.getLastRow() < 2 ? [] : log.getRange(2, 1, log.getLastRow() - 1, 7).getValues();
}

function edit(range: GoogleAppsScript.Spreadsheet.Range, user?: string): void {
  const e = { range, source: env.spreadsheet, user: user === undefined ? undefined : { getEmail: () => user } };
  onEdit(e as unknown as GoogleAppsScript.Events.SheetsOnEdit);
}

beforeEach(() => {
  env = freshEnv();
  sheet = preparedSheet(env);
  addRole(OPERATOR, "operator");
  addRole(BPJS, "bpjs");
  writeRows(sheet, [
    handedOver("Citra", 3),
    handedOver("Ani", 1, { Tahap: "Selesai", "Status BPJS": "Aktif Kembali", "Tanggal Aktif BPJS": "22/11/2026" }),
    eligible("Dedi", 4, { "ID Permohonan": "PBI-2026-00004", Tahap: "Draf" }),
    handedOver("Budi", 2),
  ]);
  env.setUser(OPERATOR);
  env.resetCalls();
});
afterEach(() => env.uninstall());

test("Sinkronkan BPJS builds the view: handed-over requests only, masked NIK, no KK or health need", () => {
  const message = syncBpjs(env.spreadsheet, TODAY);
  expect(message).toBe("Tidak ada hasil BPJS baru untuk dibawa ke sheet permohonan. \"Untuk BPJS\" diperbarui: 3 permohonan.");
  const values = view().getDataRange().getValues();
  expect(values[0]).toEqual(VIEW_HEADERS);
  expect(values.slice(1).map((r) => r[0])).toEqual(["PBI-2026-00001", "PBI-2026-00002", "PBI-2026-00003"]);
  expect(values[1]!.slice(0, 4)).toEqual(["PBI-2026-00001", "Ani", "3273********0001", "0001234567890"]);
  expect(values[1]!.slice(8, 10)).toEqual(["Aktif Kembali", "2026-11-22"]);
  const text = JSON.stringify(values);
  expect(text).not.toContain(nik(1));
  expect(text).not.toContain(KK);
  expect(text).not.toContain("Penyakit Kronis");
  expect(text).not.toContain("Dedi");
});

test("the view has a status dropdown, a date format, text IDs, and only the BPJS columns open", () => {
  syncBpjs(env.spreadsheet, TODAY);
  const v = view();
  const rule = v.getRange(2, STATUS_COL).getDataValidation();
  expect(rule?.getCriteriaValues()[0]).toEqual(["Diproses", "Aktif Kembali", "Ditolak", "Pindah Segmen"]);
  expect(rule?.getAllowInvalid()).toBe(false);
  expect(v.getRange(2, DATE_COL).getNumberFormat()).toBe("dd/mm/yyyy");
  expect(v.getRange(2, 1).getNumberFormat()).toBe("@");
  expect(v.getRange(2, 4).getNumberFormat()).toBe("@");
  const [protection] = v.getProtections(SpreadsheetApp.ProtectionType.SHEET);
  expect(protection!.isWarningOnly()).toBe(false);
  expect(protection!.getUnprotectedRanges().map((r) => r.getA1Notation())).toEqual([`I2:K${v.getMaxRows()}`]);
  expect(protection!.getEditors().map((u) => u.getEmail())).toEqual(expect.arrayContaining([OPERATOR, "admin@dinsos.go.id"]));
  expect(protection!.getEditors().map((u) => u.getEmail())).not.toContain(BPJS);
  // BPJS staff may fill their three columns, nothing else.
  env.setUser(BPJS);
  v.getRange(3, STATUS_COL, 1, 3).setValues([["Diproses", "", "sedang diproses"]]);
  expect(() => v.getRange(3, 1).setValue("PBI-2026-00003")).toThrow(/protected/);
  expect(() => v.getRange(3, 2).setValue("Nama lain")).toThrow(/protected/);
});

test("a view protection whose editor list was never set (it lets every editor of the file in) is closed by the next sync", () => {
  // Real Sheets: a new protection mirrors the file's sharing until its editors change
  // (https://developers.google.com/apps-script/reference/spreadsheet/sheet#protect()).
  const v = env.spreadsheet.insertSheet("Untuk BPJS");
  v.protect().setDescription("PBI-JK: hanya Status BPJS, Tanggal Aktif BPJS dan Catatan BPJS yang diisi petugas BPJS");
  env.setUser(BPJS);
  v.getRange(1, 1).setValue("boleh");
  env.setUser(OPERATOR);
  syncBpjs(env.spreadsheet, TODAY);
  env.setUser(BPJS);
  expect(() => view().getRange(2, 1).setValue("PBI-2026-00009")).toThrow(/protected/);
  view().getRange(2, STATUS_COL).setValue("Diproses");
});

test("an edit in the view is brought back at once by onEdit, moved to Selesai and logged with the editor", () => {
  syncBpjs(env.spreadsheet, TODAY);
  env.setUser(BPJS);
  const row = viewRowOf("PBI-2026-00002");
  const range = view().getRange(row, STATUS_COL, 1, 3);
  range.setValues([["Aktif Kembali", "23/11/2026", "aktif per tanggal 23"]]);
  env.resetCalls();
  edit(range, BPJS);
  // One read of the view, one of the request sheet, two writes there, one Log write.
  expect(env.ioCalls()).toBeLessThanOrEqual(5);
  const r = rowOf("PBI-2026-00002");
  expect(cellOf(sheet, r, "Status BPJS")).toBe("Aktif Kembali");
  expect(cellOf(sheet, r, "Tanggal Aktif BPJS")).toBe("2026-11-23");
  expect(cellOf(sheet, r, "Catatan BPJS")).toBe("aktif per tanggal 23");
  expect(cellOf(sheet, r, "Tahap")).toBe("Selesai");
  const log = logRows();
  expect(log).toHaveLength(1);
  expect(log[0]!.slice(1)).toEqual([BPJS, "PBI-2026-00002", "Hasil BPJS", "Diserahkan", "Selesai", "Status BPJS: Aktif Kembali"]);
  expect(String(log[0]![0])).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
  expect(env.locks.document.held).toBe(false);
});

test("onEdit names the editor `tidak diketahui` when the trigger does not know the e-mail", () => {
  syncBpjs(env.spreadsheet, TODAY);
  env.setUser("");
  const range = view().getRange(viewRowOf("PBI-2026-00003"), STATUS_COL);
  range.setValue("Ditolak");
  edit(range);
  expect(cellOf(sheet, rowOf("PBI-2026-00003"), "Tahap")).toBe("Selesai");
  expect(logRows()[0]![1]).toBe("tidak diketahui");
});

test("onEdit outside the BPJS columns, or with a bad date, changes nothing in Permohonan", () => {
  syncBpjs(env.spreadsheet, TODAY);
  const before = sheet.getDataRange().getValues();
  env.setUser(BPJS);
  const row = viewRowOf("PBI-2026-00002");
  view().getRange(row, STATUS_COL, 1, 2).setValues([["Aktif Kembali", "31/02/2026"]]);
  edit(view().getRange(row, STATUS_COL, 1, 2), BPJS);
  expect(sheet.getDataRange().getValues()).toEqual(before);
  expect(env.toasts.at(-1)?.message).toContain("\"Tanggal Aktif BPJS\" tidak terbaca sebagai tanggal");
  edit(view().getRange(1, 1), BPJS);
  expect(sheet.getDataRange().getValues()).toEqual(before);
  expect(logRows()).toEqual([]);
});

test("an outcome the sync refuses stays in the view as BPJS typed it, to be corrected; the others go through", () => {
  syncBpjs(env.spreadsheet, TODAY);
  env.setUser(BPJS);
  view().getRange(viewRowOf("PBI-2026-00002"), STATUS_COL, 1, 3).setValues([["Aktif Kembali", "31/02/2026", "cek tanggal"]]);
  view().getRange(viewRowOf("PBI-2026-00003"), STATUS_COL, 1, 2).setValues([["Sudah aktif", ""]]);
  env.setUser(OPERATOR);
  const message = syncBpjs(env.spreadsheet, TODAY);
  expect(message).toContain("\"Tanggal Aktif BPJS\" tidak terbaca sebagai tanggal");
  expect(message).toContain("\"Status BPJS\" berisi \"Sudah aktif\"");
  // Rebuilt, yet BPJS's entries are still there for them to correct; Permohonan is untouched.
  expect(view().getRange(viewRowOf("PBI-2026-00002"), STATUS_COL, 1, 3).getDisplayValues()[0]).toEqual(["Aktif Kembali", "31/02/2026", "cek tanggal"]);
  expect(view().getRange(viewRowOf("PBI-2026-00003"), STATUS_COL).getDisplayValue()).toBe("Sudah aktif");
  expect([cellOf(sheet, rowOf("PBI-2026-00002"), "Status BPJS"), cellOf(sheet, rowOf("PBI-2026-00002"), "Tahap")]).toEqual(["", "Diserahkan"]);
  // Corrected, the next sync brings it back.
  env.setUser(BPJS);
  view().getRange(viewRowOf("PBI-2026-00002"), DATE_COL).setValues([["22/11/2026"]]);
  env.setUser(OPERATOR);
  syncBpjs(env.spreadsheet, TODAY);
  expect(cellOf(sheet, rowOf("PBI-2026-00002"), "Tahap")).toBe("Selesai");
});

test("outcomes typed in the view reach the right rows after Permohonan was sorted and a row inserted", () => {
  syncBpjs(env.spreadsheet, TODAY);
  env.setUser(BPJS);
  view().getRange(viewRowOf("PBI-2026-00003"), STATUS_COL, 1, 3).setValues([["Pindah Segmen", "", "pindah ke PBPU"]]);
  view().getRange(viewRowOf("PBI-2026-00002"), STATUS_COL).setValue("Diproses");
  // Meanwhile an operator sorts Permohonan by name, descending, and inserts a row on top.
  env.setUser(OPERATOR);
  sheet.sort(headerIndex(sheet).get("Nama")! + 1, false);
  sheet.insertRowBefore(2);
  syncBpjs(env.spreadsheet, TODAY);
  const citra = rowOf("PBI-2026-00003");
  expect(cellOf(sheet, citra, "Nama")).toBe("Citra");
  expect(cellOf(sheet, citra, "Status BPJS")).toBe("Pindah Segmen");
  expect(cellOf(sheet, citra, "Catatan BPJS")).toBe("pindah ke PBPU");
  expect(cellOf(sheet, citra, "Tahap")).toBe("Selesai");
  const budi = rowOf("PBI-2026-00002");
  expect(cellOf(sheet, budi, "Status BPJS")).toBe("Diproses");
  expect(cellOf(sheet, budi, "Tahap")).toBe("Diserahkan");
  expect(cellOf(sheet, rowOf("PBI-2026-00004"), "Status BPJS")).toBe("");
  expect(logRows().map((r) => [r[0] === "" ? "" : "t", r[1], r[2], r[5]])).toEqual([["t", OPERATOR, "PBI-2026-00003", "Selesai"]]);
});

test("an ID that no longer exists is reported and nothing is guessed", () => {
  syncBpjs(env.spreadsheet, TODAY);
  view().getRange(viewRowOf("PBI-2026-00003"), STATUS_COL, 1, 2).setValues([["Aktif Kembali", "23/11/2026"]]);
  sheet.deleteRow(rowOf("PBI-2026-00003"));
  const before = sheet.getDataRange().getValues();
  const message = syncBpjs(env.spreadsheet, TODAY);
  expect(message).toContain("PBI-2026-00003");
  expect(message).toContain("tidak ada di sheet permohonan");
  expect(sheet.getDataRange().getValues()).toEqual(before);
  expect(logRows()).toEqual([]);
});

test("refusals: no role, no e-mail; nothing is created or changed", () => {
  env.setUser("tamu@dinsos.go.id");
  env.resetCalls();
  expect(() => syncBpjs(env.spreadsheet, TODAY)).toThrow(/hanya untuk peran Operator atau Petugas BPJS\./);
  env.setUser("");
  expect(() => syncBpjs(env.spreadsheet, TODAY)).toThrow(/Email akun Anda tidak terbaca/);
  menuSyncBpjs();
  expect(env.ui.alerts.at(-1)?.prompt ?? JSON.stringify(env.ui.alerts.at(-1))).toContain("Email akun Anda tidak terbaca");
  expect(env.spreadsheet.getSheetByName("Untuk BPJS")).toBeNull();
  expect(env.calls.filter((c) => /^(set|insert|delete|clear)/.test(c.method))).toEqual([]);
});

test("a BPJS user's sync brings outcomes back but leaves the protected view to an operator", () => {
  syncBpjs(env.spreadsheet, TODAY);
  env.setUser(BPJS);
  view().getRange(viewRowOf("PBI-2026-00002"), STATUS_COL).setValue("Ditolak");
  const message = syncBpjs(env.spreadsheet, TODAY);
  expect(cellOf(sheet, rowOf("PBI-2026-00002"), "Tahap")).toBe("Selesai");
  expect(message).toContain("sheet itu dilindungi; minta Operator menjalankan Sinkronkan BPJS untuk menyusunnya ulang.");
});

test("a formula typed as a name stays text in the view; Log and messages hold no NIK or KK", () => {
  writeRows(sheet, [handedOver("=HYPERLINK(\"http://x\";\"klik\")", 5)], 6);
  const message = syncBpjs(env.spreadsheet, TODAY);
  const cell = view().getRange(viewRowOf("PBI-2026-00005"), 2);
  expect(cell.getFormula()).toBe("");
  expect(cell.getValue()).toBe("=HYPERLINK(\"http://x\";\"klik\")");
  view().getRange(viewRowOf("PBI-2026-00005"), STATUS_COL, 1, 3).setValues([["Aktif Kembali", "23/11/2026", "=1+1"]]);
  const second = syncBpjs(env.spreadsheet, TODAY);
  const r = rowOf("PBI-2026-00005");
  expect(sheet.getRange(r, headerIndex(sheet).get("Catatan BPJS")! + 1).getFormula()).toBe("");
  expect(cellOf(sheet, r, "Catatan BPJS")).toBe("=1+1");
  const everything = JSON.stringify([message, second, logRows(), env.toasts]);
  for (let s = 1; s <= 5; s++) expect(everything).not.toContain(nik(s));
  expect(everything).not.toContain(KK);
});

test("a sync of 2,000 handed-over requests takes a fixed number of calls", () => {
  writeRows(sheet, Array.from({ length: 2000 }, (_, i) => handedOver(`Pemohon ${i}`, 10 + i)), 6);
  syncBpjs(env.spreadsheet, TODAY);
  // BPJS records an outcome on every other row of the view.
  const v = view();
  const n = v.getLastRow() - 1;
  const outcomes = v.getRange(2, STATUS_COL, n, 1).getValues().map((_, i) => [i % 2 ? "Ditolak" : "Diproses"]);
  v.getRange(2, STATUS_COL, n, 1).setValues(outcomes);
  env.resetCalls();
  const message = syncBpjs(env.spreadsheet, TODAY);
  expect(message).toContain("selesai");
  expect(env.ioCalls()).toBeLessThanOrEqual(12);
  expect(logRows().length).toBeGreaterThan(900);
});

test("the sync runs under the document lock, flushes its writes, and says so when another run holds it", () => {
  const app = rawOf<{ flushes: number }>(env.services.SpreadsheetApp);
  syncBpjs(env.spreadsheet, TODAY);
  expect(app.flushes).toBe(1);
  expect(env.locks.document.attempts).toHaveLength(1);
  expect(env.locks.document.held).toBe(false);
  env.locks.document.heldByOther = true;
  expect(() => syncBpjs(env.spreadsheet, TODAY)).toThrow(/Pengguna lain sedang memproses/);
});

test("from the menu, a clean sync is one toast line; problems come in an alert", () => {
  menuSyncBpjs();
  expect(env.toasts.at(-1)?.message).toContain("\"Untuk BPJS\" diperbarui: 3 permohonan");
  view().getRange(viewRowOf("PBI-2026-00002"), STATUS_COL).setValue("Sudah");
  menuSyncBpjs();
  expect(env.ui.alerts.at(-1)?.prompt).toContain("\"Status BPJS\" berisi \"Sudah\"");
});
