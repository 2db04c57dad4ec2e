import { headerIndex, freshEnv, preparedSheet, writeRows, eligible } from "./helpers";
import { setupSpreadsheet } from "../../src/gas/setup";
import { ALL_COLUMNS } from "../../src/domain/columns";
import type { FakeEnv } from "../fakes";

let env: FakeEnv;
beforeEach(() => {
  env = freshEnv();
});
afterEach(() => env.uninstall());

test("setup on an empty spreadsheet creates Pengaturan, Permohonan and Log", () => {
  const report = setupSpreadsheet(env.spreadsheet, "admin@dinsos.go.id");
  const names = env.spreadsheet.getSheets().map((s) => s.getName());
  expect(names).toEqual(expect.arrayContaining(["Pengaturan", "Permohonan", "Log"]));
  const sheet = env.spreadsheet.getSheetByName("Permohonan")!;
  expect([...headerIndex(sheet).keys()]).toEqual(ALL_COLUMNS.map((c) => c.header));
  expect(sheet.getFrozenRows()).toBe(1);
  expect(report.join("\n")).toContain("Permohonan");
  const log = env.spreadsheet.getSheetByName("Log")!;
  expect(log.getRange(1, 1, 1, 3).getValues()[0]).toEqual(["Waktu", "Pengguna", "ID Permohonan"]);
  expect(log.getProtections(SpreadsheetApp.ProtectionType.SHEET)).toHaveLength(1);
  // The admin who ran it is in the role table.
  const settings = env.spreadsheet.getSheetByName("Pengaturan")!.getDataRange().getValues().flat();
  expect(settings).toContain("admin@dinsos.go.id");
});

test("ID columns are text, dates formatted, enumerations dropdowns, booleans checkboxes", () => {
  const sheet = preparedSheet(env);
  const idx = headerIndex(sheet);
  const fmt = (h: string) => sheet.getRange(2, idx.get(h)! + 1).getNumberFormats()[0]![0];
  const rule = (h: string) => sheet.getRange(2, idx.get(h)! + 1).getDataValidations()[0]![0];
  expect(fmt("NIK")).toBe("@");
  expect(fmt("Nomor KK")).toBe("@");
  expect(fmt("Nomor Kartu KIS")).toBe("@");
  expect(fmt("Nomor HP")).toBe("@");
  expect(fmt("Tanggal Permohonan")).toBe("dd/mm/yyyy");
  expect(fmt("Berkas Lengkap Pada")).toBe("dd/mm/yyyy hh:mm");
  expect(rule("Dok. KTP")?.getCriteriaType()).toBe(SpreadsheetApp.DataValidationCriteria.CHECKBOX);
  expect(rule("Status DTSEN/DTKS")?.getCriteriaValues()[0]).toEqual(["Terdaftar", "Tidak Terdaftar", "Belum Dicek"]);
  expect(rule("Nama")).toBeNull();
  const described = sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE).map((p) => p.isWarningOnly());
  expect(described.length).toBeGreaterThan(0);
  expect(described.every(Boolean)).toBe(true);
});

test("running setup again changes nothing", () => {
  const sheet = preparedSheet(env);
  writeRows(sheet, [eligible("Siti Aminah", 3)]);
  const before = sheet.getDataRange().getValues();
  env.resetCalls();
  const report = setupSpreadsheet(env.spreadsheet, "admin@dinsos.go.id");
  expect(report).toEqual(["Semua sheet sudah siap; tidak ada yang diubah."]);
  const writes = env.calls.filter((c) => /^(set|insert|delete|clear)/.test(c.method) && c.method !== "setActiveSheet");
  expect(writes).toEqual([]);
  expect(sheet.getDataRange().getValues()).toEqual(before);
});

test("a user's own columns and data survive setup, and missing columns are appended", () => {
  const ss = env.spreadsheet;
  const sheet = ss.insertSheet("Permohonan");
  sheet.getRange(1, 1, 2, 4).setValues([
    ["Nama", "Catatan Petugas", "No KTP", "Tgl Permohonan"],
    ["Budi Santoso", "datang pagi", "'3273010101900001", "20/11/2026"],
  ]);
  setupSpreadsheet(ss, "admin@dinsos.go.id");
  const values = sheet.getRange(1, 1, 2, 4).getValues();
  expect(values[0]).toEqual(["Nama", "Catatan Petugas", "No KTP", "Tgl Permohonan"]);
  expect(values[1]![1]).toBe("datang pagi");
  const headers = [...headerIndex(sheet).keys()];
  expect(headers).toContain("ID Permohonan");
  expect(headers).not.toContain("NIK"); // the alias column already serves
  expect(headers).not.toContain("Nama Lengkap");
  expect(headers.filter((h) => h === "Nama")).toHaveLength(1);
});

test("a spreadsheet in another time zone is moved to Asia/Jakarta", () => {
  env.uninstall();
  env = installFakesIn("Europe/London");
  const report = setupSpreadsheet(env.spreadsheet, "");
  expect(env.spreadsheet.getSpreadsheetTimeZone()).toBe("Asia/Jakarta");
  expect(report.join(" ")).toContain("Asia/Jakarta");
});

function installFakesIn(timeZone: string): FakeEnv {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { installFakes } = require("../fakes") as typeof import("../fakes");
  return installFakes({ timeZone });
}

test("a spreadsheet in another locale is moved to Indonesian, so 01/02/2026 is 1 February", () => {
  env.uninstall();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  env = (require("../fakes") as typeof import("../fakes")).installFakes({ locale: "en_US" });
  const report = setupSpreadsheet(env.spreadsheet, "");
  expect(env.spreadsheet.getSpreadsheetLocale()).toBe("id_ID");
  expect(report.join(" ")).toContain("id_ID");
});

test("Jenis Kelamin's dropdown accepts every spelling the rules accept", () => {
  const sheet = preparedSheet(env);
  const col = headerIndex(sheet).get("Jenis Kelamin")! + 1;
  expect(sheet.getRange(2, col).getDataValidations()[0]![0]!.getCriteriaValues()[0]).toEqual(["L", "P", "Laki-laki", "Perempuan"]);
});

test("new Pengaturan holds no other office's identity", () => {
  setupSpreadsheet(env.spreadsheet, "");
  const values = env.spreadsheet.getSheetByName("Pengaturan")!.getDataRange().getValues();
  const value = (label: string) => values.find((r) => r[0] === label)![1];
  expect(value("Pemerintah")).toBe("");
  expect(value("Alamat Kantor")).toBe("");
  expect(value("Format Nomor Surat")).toBe("400.9.3.2/{nomor:3}/Dinsos/{bulan_romawi}/{tahun}");
});

test("setup completes a Pengaturan whose role table was deleted, keeping the rest", () => {
  setupSpreadsheet(env.spreadsheet, "admin@dinsos.go.id");
  const settings = env.spreadsheet.getSheetByName("Pengaturan")!;
  const values = settings.getDataRange().getValues();
  const roleHeader = values.findIndex((r) => r[0] === "Email Pengguna") + 1;
  settings.getRange(roleHeader, 1, values.length - roleHeader + 1, values[0]!.length).clearContent();
  settings.getRange(2, 2).setValues([["Pemerintah Kota Pangkalpinang"]]);
  const report = setupSpreadsheet(env.spreadsheet, "admin@dinsos.go.id");
  expect(report.join(" ")).toContain("ditambahkan");
  const after = settings.getDataRange().getValues();
  expect(after[1]![1]).toBe("Pemerintah Kota Pangkalpinang");
  expect(after.some((r) => r[0] === "admin@dinsos.go.id")).toBe(true);
  expect(setupSpreadsheet(env.spreadsheet, "admin@dinsos.go.id")).toEqual(["Semua sheet sudah siap; tidak ada yang diubah."]);
});

test("after the sheet grew, setup renews its colour rules instead of adding a second set", () => {
  const sheet = preparedSheet(env);
  sheet.insertRowsAfter(sheet.getMaxRows(), 500);
  const report = setupSpreadsheet(env.spreadsheet, "admin@dinsos.go.id");
  expect(report.join(" ")).toContain("warna keputusan");
  const rules = sheet.getConditionalFormatRules();
  expect(rules).toHaveLength(5);
  expect(rules[0]!.getRanges()[0]!.getNumRows()).toBe(sheet.getMaxRows() - 1);
});
