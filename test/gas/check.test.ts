import { checkAll, checkSelected } from "../../src/gas/app";
import { sidebarApi } from "../../src/gas/sidebarApi";
import { menuCheckAll, onEdit } from "../../src/gas/main";
import { type FakeEnv, installFakes } from "../fakes";
import { cellOf, column, eligible, headerIndex, nik, onSecondRead, preparedSheet, TODAY, writeRows, openSheet } from "./helpers";

let env: FakeEnv;
let sheet: GoogleAppsScript.Spreadsheet.Sheet;
beforeEach(() => ({ env, sheet } = openSheet()));
afterEach(() => env.uninstall());

test("Periksa Semua reads settings and rows and writes IDs, results and notes in at most 6 calls for 5,000 rows", () => {
  const rows = Array.from({ length: 5000 }, (_, i) =>
    eligible(`Pemohon ${i}`, i + 1, i % 10 === 0 ? { "Dok. Ket. Faskes": false } : {}));
  writeRows(sheet, rows);
  env.resetCalls();
  const message = checkAll(env.spreadsheet, TODAY);
  expect(env.ioCalls("Permohonan")).toBeLessThanOrEqual(5);
  // Pengaturan once; Log not at all: no row has an approval stamp to compare with it.
  expect(env.ioCalls()).toBeLessThanOrEqual(6);
  expect(env.ioCalls("Log")).toBe(0);
  expect(message).toContain("5000 permohonan diperiksa");
  const ids = column(sheet, "ID Permohonan") as string[];
  expect(new Set(ids).size).toBe(5000);
  expect(ids[0]).toBe("PBI-2026-00001");
  const decisions = column(sheet, "Keputusan");
  expect(decisions[0]).toBe("Berkas Belum Lengkap");
  expect(decisions[1]).toBe("Layak");
  expect(column(sheet, "Hasil Pemeriksaan")[1]).toBe("OK");
  expect(column(sheet, "Tahap")[1]).toBe("Draf"); // ELIGIBLE: waits in the profile's first stage
  expect(String(column(sheet, "Alasan")[0])).toContain("surat dari rumah sakit atau puskesmas");
});

test("IDs are stable and never reused across checks", () => {
  writeRows(sheet, [eligible("Siti", 1), eligible("Budi", 2)]);
  checkAll(env.spreadsheet, TODAY);
  const first = column(sheet, "ID Permohonan");
  writeRows(sheet, [eligible("Ani", 3)], 4);
  checkAll(env.spreadsheet, TODAY);
  expect(column(sheet, "ID Permohonan")).toEqual([...first, "PBI-2026-00003"]);
});

test("a NIK typed as a number is flagged; a text NIK keeps all 16 digits", () => {
  const idx = headerIndex(sheet);
  const nikCol = idx.get("NIK")! + 1;
  writeRows(sheet, [eligible("Siti", 1), eligible("Budi", 2)]);
  // Row 3: someone cleared the text format and typed the NIK as a number.
  sheet.getRange(3, nikCol).setNumberFormat("0.###############");
  sheet.getRange(3, nikCol).setValues([[3273014101900002]]);
  checkAll(env.spreadsheet, TODAY);
  expect(cellOf(sheet, 2, "NIK")).toBe(nik(1));
  expect(cellOf(sheet, 2, "Keputusan")).toBe("Layak");
  expect(cellOf(sheet, 3, "Keputusan")).toBe("Data Tidak Valid");
  expect(sheet.getRange(3, idx.get("Hasil Pemeriksaan")! + 1).getNotes()[0]![0]).toContain("NIK_PRECISION_LOST");
});

test("rows sorted between reading and writing still get their own results", () => {
  writeRows(sheet, [eligible("Ani", 1), eligible("Budi", 2, { "Dok. KTP": false }), eligible("Citra", 3, { NIK: "123" })]);
  checkAll(env.spreadsheet, TODAY); // gives every row an ID
  const nameCol = headerIndex(sheet).get("Nama")! + 1;
  onSecondRead(env, () => sheet.sort(nameCol, false)); // Citra, Budi, Ani
  checkAll(env.spreadsheet, TODAY);
  const byName = new Map(column(sheet, "Nama").map((n, i) => [n, column(sheet, "Keputusan")[i]]));
  expect(byName.get("Ani")).toBe("Layak");
  expect(byName.get("Budi")).toBe("Berkas Belum Lengkap");
  expect(byName.get("Citra")).toBe("Data Tidak Valid");
});

test("columns moved between reading and writing still get the right results", () => {
  writeRows(sheet, [eligible("Ani", 1), eligible("Budi", 2, { "Dok. KTP": false })]);
  checkAll(env.spreadsheet, TODAY);
  const idx = headerIndex(sheet);
  onSecondRead(env, () => sheet.moveColumns(sheet.getRange(1, idx.get("Keputusan")! + 1, 1, 1), 1));
  writeRows(sheet, [eligible("Ani", 1, { "Dok. KTP": false })]); // Ani now incomplete
  checkAll(env.spreadsheet, TODAY);
  expect(headerIndex(sheet).get("Keputusan")).toBe(0);
  expect(cellOf(sheet, 2, "Keputusan")).toBe("Berkas Belum Lengkap");
  expect(cellOf(sheet, 2, "Nama")).toBe("Ani");
});

test("Periksa Baris Terpilih writes only the selected rows", () => {
  writeRows(sheet, [eligible("Ani", 1), eligible("Budi", 2), eligible("Citra", 3)]);
  env.setSelection(sheet.getRange("A3:B3"));
  const message = checkSelected(env.spreadsheet, TODAY);
  expect(message).toContain("1 permohonan diperiksa");
  expect(column(sheet, "Keputusan")).toEqual(["", "Layak", ""]);
});

test("onEdit re-checks the edited row in at most 5 calls when no earlier row shares its NIK", () => {
  writeRows(sheet, [eligible("Ani", 1), eligible("Budi", 2)]);
  checkAll(env.spreadsheet, TODAY);
  const ktp = headerIndex(sheet).get("Dok. KTP")! + 1;
  sheet.getRange(3, ktp).setValues([[false]]);
  env.resetCalls();
  onEdit({ range: sheet.getRange(3, ktp), source: env.spreadsheet } as unknown as GoogleAppsScript.Events.SheetsOnEdit);
  // Header row, edited row, NIK column above it; results, notes.
  expect(env.ioCalls()).toBeLessThanOrEqual(5);
  expect(cellOf(sheet, 3, "Keputusan")).toBe("Berkas Belum Lengkap");
  expect(cellOf(sheet, 2, "Keputusan")).toBe("Layak");
});

test("onEdit of a header or of another sheet does nothing", () => {
  writeRows(sheet, [eligible("Ani", 1)]);
  checkAll(env.spreadsheet, TODAY);
  env.resetCalls();
  onEdit({ range: sheet.getRange(1, 1) } as unknown as GoogleAppsScript.Events.SheetsOnEdit);
  onEdit({ range: env.spreadsheet.getSheetByName("Log")!.getRange(2, 1) } as unknown as GoogleAppsScript.Events.SheetsOnEdit);
  onEdit(undefined as unknown as GoogleAppsScript.Events.SheetsOnEdit);
  expect(env.ioCalls()).toBe(0);
});

test("settings errors are shown in Indonesian, naming the row", () => {
  const settings = env.spreadsheet.getSheetByName("Pengaturan")!;
  const values = settings.getDataRange().getValues();
  const row = values.findIndex((r) => r[0] === "Permohonan") + 1;
  settings.getRange(row, 2).setValues([["kota-antah"]]);
  menuCheckAll();
  const alert = env.ui.alerts.at(-1)!;
  expect(JSON.stringify(alert)).toContain(`Baris ${row}: Profil \\"kota-antah\\" tidak dikenal`);
});

test("another person's running check gives a clear message, not a trace", () => {
  writeRows(sheet, [eligible("Ani", 1)]);
  env.locks.document.heldByOther = true;
  menuCheckAll();
  expect(JSON.stringify(env.ui.alerts.at(-1))).toContain("Pengguna lain sedang memproses sheet ini");
});

test("the menu shows progress and the result in toasts", () => {
  writeRows(sheet, [eligible("Ani", 1)]);
  menuCheckAll();
  expect(env.toasts.map((t) => t.message)).toEqual(["Memeriksa semua permohonan…", "1 permohonan diperiksa · Layak: 1."]);
});

test("decision colours are conditional formats on Keputusan, so they follow sorts", () => {
  const rules = sheet.getConditionalFormatRules();
  const decisionCol = headerIndex(sheet).get("Keputusan")! + 1;
  expect(rules).toHaveLength(5);
  for (const rule of rules) expect(rule.getRanges()[0]!.getColumn()).toBe(decisionCol);
});

test("valid phone numbers are stored as +62…, invalid ones are left for the operator", () => {
  writeRows(sheet, [eligible("Ani", 1, { "Nomor HP": "0812-3456-7890" }), eligible("Budi", 2, { "Nomor HP": "12345" })]);
  env.resetCalls();
  checkAll(env.spreadsheet, TODAY);
  // One call more than a check without phones to store: the text format on the phones written.
  expect(env.ioCalls("Permohonan")).toBeLessThanOrEqual(7);
  expect(column(sheet, "Nomor HP")).toEqual(["+6281234567890", "12345"]);
  env.resetCalls();
  checkAll(env.spreadsheet, TODAY);
  // Nothing left to normalise, nothing changed: no value is written the second time.
  expect(env.calls.filter((c) => c.method === "setValues")).toHaveLength(0);
});

test("an anchor column named in Pengaturan but missing from the sheet is one clear message", () => {
  writeRows(sheet, [eligible("Ani", 1)]);
  const settings = env.spreadsheet.getSheetByName("Pengaturan")!;
  const values = settings.getDataRange().getValues();
  const headerRow = values.findIndex((r) => r[0] === "Sheet Permohonan");
  const col = values[headerRow]!.indexOf("Kolom Acuan Jendela") + 1;
  settings.getRange(headerRow + 2, col).setValues([["Tanggal Berlaku SK"]]);
  menuCheckAll();
  expect(JSON.stringify(env.ui.alerts.at(-1))).toContain('Kolom acuan batas reaktivasi \\"Tanggal Berlaku SK\\"');
  expect(column(sheet, "Keputusan")).toEqual([""]);
});

test("a copied row keeps nobody else's ID: it gets its own, even when rows are sorted meanwhile", () => {
  writeRows(sheet, [eligible("Ani", 1, { "Dok. KTP": false })]);
  checkAll(env.spreadsheet, TODAY);
  // The operator copies Ani's whole row (ID included) for a new applicant, Citra.
  const width = sheet.getLastColumn();
  sheet.getRange(3, 1, 1, width).setValues(sheet.getRange(2, 1, 1, width).getValues());
  writeRows(sheet, [eligible("Citra", 3, { NIK: "123" })], 3);
  sheet.getRange(3, headerIndex(sheet).get("ID Permohonan")! + 1).setValues([["PBI-2026-00001"]]);
  const nameCol = headerIndex(sheet).get("Nama")! + 1;
  onSecondRead(env, () => sheet.sort(nameCol, false)); // Citra first, Ani second
  const message = checkAll(env.spreadsheet, TODAY);
  const byName = new Map(column(sheet, "Nama").map((n, i) => [n, i + 2]));
  expect(cellOf(sheet, byName.get("Ani")!, "Keputusan")).toBe("Berkas Belum Lengkap");
  expect(cellOf(sheet, byName.get("Citra")!, "Keputusan")).not.toBe("Berkas Belum Lengkap");
  expect(message).toContain("berpindah");
  checkAll(env.spreadsheet, TODAY);
  expect(new Set(column(sheet, "ID Permohonan")).size).toBe(2);
  expect(cellOf(sheet, byName.get("Citra")!, "Keputusan")).toBe("Data Tidak Valid");
});

test("a row of unticked checkboxes alone is not a request", () => {
  writeRows(sheet, [eligible("Ani", 1), { "Dok. KTP": false, "Dok. KK": false }]);
  const message = checkAll(env.spreadsheet, TODAY);
  expect(message).toContain("1 permohonan diperiksa");
  expect(column(sheet, "ID Permohonan")).toEqual(["PBI-2026-00001", ""]);
});

test("onEdit waits for a running check and, when it stays busy, leaves the row to the next check", () => {
  writeRows(sheet, [eligible("Ani", 1)]);
  checkAll(env.spreadsheet, TODAY);
  const ktp = headerIndex(sheet).get("Dok. KTP")! + 1;
  sheet.getRange(2, ktp).setValues([[false]]);
  env.locks.document.heldByOther = true;
  onEdit({ range: sheet.getRange(2, ktp) } as unknown as GoogleAppsScript.Events.SheetsOnEdit);
  expect(cellOf(sheet, 2, "Keputusan")).toBe("Layak");
  env.locks.document.heldByOther = false;
  onEdit({ range: sheet.getRange(2, ktp) } as unknown as GoogleAppsScript.Events.SheetsOnEdit);
  expect(cellOf(sheet, 2, "Keputusan")).toBe("Berkas Belum Lengkap");
});

test("a typo in the role table does not stop checking; it is reported with the result", () => {
  writeRows(sheet, [eligible("Ani", 1)]);
  const settings = env.spreadsheet.getSheetByName("Pengaturan")!;
  const values = settings.getDataRange().getValues();
  const adminRow = values.findIndex((r) => r[0] === "admin@dinsos.go.id") + 1;
  settings.getRange(adminRow, 2).setValues([["raja"]]);
  menuCheckAll();
  expect(column(sheet, "Keputusan")).toEqual(["Layak"]);
  expect(JSON.stringify(env.ui.alerts.at(-1))).toContain(`Baris ${adminRow}: Peran \\"raja\\" tidak dikenal`);
});

test("the sidebar shows nothing for a row of a sheet that is not a request sheet", () => {
  const log = env.spreadsheet.getSheetByName("Log")!;
  env.spreadsheet.setActiveSheet(log);
  env.setSelection(log.getRange("A2"));
  expect(sidebarApi.apiInspect()).toEqual({ ok: true, value: null });
});

test("two columns read as one field stop the check, naming both headers and their columns; onEdit writes nothing", () => {
  writeRows(sheet, [eligible("Siti", 1)]);
  sheet.insertColumnsAfter(sheet.getMaxColumns(), 1);
  const extra = sheet.getLastColumn() + 1;
  sheet.getRange(1, extra).setValues([["No KTP"]]);
  sheet.getRange(2, extra).setValues([["3273014101900001"]]);
  expect(() => checkAll(env.spreadsheet, TODAY)).toThrow(/"NIK" \(kolom [A-Z]+\) dan "No KTP" \(kolom [A-Z]+\) sama-sama dibaca sebagai "NIK"/);
  expect(column(sheet, "Keputusan")[0]).toBe("");
  const edited = sheet.getRange(2, headerIndex(sheet).get("Nama")! + 1);
  onEdit({ range: edited } as unknown as GoogleAppsScript.Events.SheetsOnEdit);
  expect(column(sheet, "Keputusan")[0]).toBe("");
});

test("on real Sheets the deadline written as 2026-… reads back as a date: a second check with nothing new writes nothing", () => {
  // Sheets parses typed dates (USER_ENTERED: https://developers.google.com/sheets/api/reference/rest/v4/ValueInputOption), and setValues
  // writes as typed: `Batas Reaktivasi` holds a date, not the ISO text the check wrote.
  env.uninstall();
  env = installFakes({ user: "admin@dinsos.go.id", parseTypedDates: true });
  sheet = preparedSheet(env);
  writeRows(sheet, [eligible("Ani", 1), eligible("Budi", 2)]);
  checkAll(env.spreadsheet, TODAY);
  expect(column(sheet, "Batas Reaktivasi")[0]).toBeInstanceOf(Date);
  env.resetCalls();
  checkAll(env.spreadsheet, TODAY);
  expect(env.calls.filter((c) => c.method === "setValues")).toEqual([]);
});
