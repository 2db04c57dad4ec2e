/** Data safety of the add-on in the sheet (issue 12): edits during a check, locks, settings copy, formats, dates. */
import { checkAll, setup } from "../../src/gas/app";
import { onEdit } from "../../src/gas/main";
import { SKIPPED_NOTE } from "../../src/gas/onEditCheck";
import { setupSpreadsheet } from "../../src/gas/setup";
import { installFakes, type FakeEnv } from "../fakes";
import { cellOf, column, editEvent, eligible, headerIndex, nik, onSecondRead, TODAY, writeRows, openSheet } from "./helpers";

let env: FakeEnv;
let sheet: GoogleAppsScript.Spreadsheet.Sheet;
beforeEach(() => ({ env, sheet } = openSheet()));
afterEach(() => env.uninstall());

const at = (header: string) => headerIndex(sheet).get(header)! + 1;

function settingsSheet(): GoogleAppsScript.Spreadsheet.Sheet {
  return env.spreadsheet.getSheetByName("Pengaturan")!;
}

/** Writes `value` into the request-sheet table of Pengaturan, first data row, column `header`. */
function setSheetSetting(header: string, value: string): void {
  const values = settingsSheet().getDataRange().getValues();
  const headerRow = values.findIndex((r) => r[0] === "Sheet Permohonan");
  settingsSheet().getRange(headerRow + 2, values[headerRow]!.indexOf(header) + 1).setValues([[value]]);
}

describe("an edit made during Periksa Semua", () => {
  test("a row whose input changed between the reads is not written and is counted as changed", () => {
    writeRows(sheet, [eligible("Ani", 1, { "Nomor HP": "0812-3456-7890" }), eligible("Budi", 2)]);
    onSecondRead(env, () => {
      // The operator corrects Ani's phone and unticks her KTP while the check runs.
      sheet.getRange(2, at("Nomor HP")).setValues([["0813-1111-2222"]]);
      sheet.getRange(2, at("Dok. KTP")).setValues([[false]]);
    });
    const message = checkAll(env.spreadsheet, TODAY);
    expect(message).toContain("1 permohonan diperiksa");
    expect(message).toContain("1 baris berubah saat diperiksa, periksa lagi");
    expect(cellOf(sheet, 2, "Nomor HP")).toBe("0813-1111-2222");
    expect(cellOf(sheet, 2, "Keputusan")).toBe("");
    expect(cellOf(sheet, 3, "Keputusan")).toBe("Layak");
    // The next check sees the edit.
    checkAll(env.spreadsheet, TODAY);
    expect(cellOf(sheet, 2, "Keputusan")).toBe("Berkas Belum Lengkap");
    expect(cellOf(sheet, 2, "Nomor HP")).toBe("+6281311112222");
  });

  test("a changed row keeps its old result and note", () => {
    writeRows(sheet, [eligible("Ani", 1, { NIK: "123" })]);
    checkAll(env.spreadsheet, TODAY);
    const note = sheet.getRange(2, at("Hasil Pemeriksaan")).getNote();
    expect(note).toContain("NIK_FORMAT");
    onSecondRead(env, () => sheet.getRange(2, at("NIK")).setValues([[nik(1)]]));
    expect(checkAll(env.spreadsheet, TODAY)).toContain("berubah");
    expect(cellOf(sheet, 2, "Keputusan")).toBe("Data Tidak Valid");
    expect(sheet.getRange(2, at("Hasil Pemeriksaan")).getNote()).toBe(note);
  });
});

describe("locks", () => {
  test("pending writes are flushed before every release of the lock", () => {
    writeRows(sheet, [eligible("Ani", 1), eligible("Budi", 2)]);
    checkAll(env.spreadsheet, TODAY);
    setup(env.spreadsheet);
    onEdit(editEvent(sheet.getRange(2, at("Dok. KTP"))));
    const releases = env.locks.document.releases;
    expect(releases).toHaveLength(3);
    expect(releases).toEqual([0, 0, 0]);
  });

  test("onEdit waits at most 5 s and, when the lock stays busy, says so in the row's note", () => {
    writeRows(sheet, [eligible("Ani", 1)]);
    checkAll(env.spreadsheet, TODAY);
    sheet.getRange(2, at("Dok. KTP")).setValues([[false]]);
    env.locks.document.heldByOther = true;
    onEdit(editEvent(sheet.getRange(2, at("Dok. KTP"))));
    expect(env.locks.document.attempts.at(-1)).toEqual({ method: "tryLock", timeoutMs: 5000, acquired: false });
    expect(sheet.getRange(2, at("Hasil Pemeriksaan")).getNote()).toBe(SKIPPED_NOTE);
    expect(SKIPPED_NOTE).toContain("Periksa Baris Terpilih");
    expect(cellOf(sheet, 2, "Keputusan")).toBe("Layak");
  });
});

describe("onEdit reads only what it needs", () => {
  test("of the earlier rows it reads the NIK column, and ID, Layanan and Tahap only where a NIK matches", () => {
    const rows = Array.from({ length: 50 }, (_, i) => eligible(`Pemohon ${i}`, i + 1));
    rows.push(eligible("Kembar", 7)); // same NIK as row 8
    writeRows(sheet, rows);
    checkAll(env.spreadsheet, TODAY);
    const width = sheet.getLastColumn();
    const letter = (col: number) => sheet.getRange(1, col).getA1Notation().replace(/\d+/g, "");
    const name = at("Nama");
    const [nikCol, idCol, serviceCol, stageCol] = ["NIK", "ID Permohonan", "Layanan", "Tahap"].map(at) as [number, number, number, number];
    env.resetCalls();
    onEdit(editEvent(sheet.getRange(52, name)));
    const reads = env.calls.filter((c) => c.method === "getValues").map((c) => c.a1);
    expect(reads).toContain(`A1:${letter(width)}1`);
    expect(reads).toContain(`A52:${letter(width)}52`);
    expect(reads).toContain(`${letter(nikCol)}2:${letter(nikCol)}51`);
    // Only row 8 matched: ID+Layanan (adjacent) and Tahap of that row alone.
    expect(reads).toContain(`${letter(idCol)}8:${letter(serviceCol)}8`);
    expect(reads).toContain(`${letter(stageCol)}8`);
    expect(reads).toHaveLength(5);
    expect(sheet.getRange(52, at("Hasil Pemeriksaan")).getNote()).toContain("baris 8 (ID PBI-2026-00007)");
  });

  test("a phone typed into a row is stored normalised by onEdit too", () => {
    writeRows(sheet, [eligible("Ani", 1)]);
    checkAll(env.spreadsheet, TODAY);
    sheet.getRange(2, at("Nomor HP")).setValues([["0812 3456 7890"]]);
    onEdit(editEvent(sheet.getRange(2, at("Nomor HP"))));
    expect(cellOf(sheet, 2, "Nomor HP")).toBe("+6281234567890");
  });

  test("a row emptied by an edit loses its old results, but keeps its stage", () => {
    writeRows(sheet, [eligible("Ani", 1)]);
    checkAll(env.spreadsheet, TODAY);
    const width = sheet.getLastColumn();
    const cells = sheet.getRange(2, 1, 1, width).getValues()[0]!;
    const keep = new Set(["ID Permohonan", "Hasil Pemeriksaan", "Keputusan", "Alasan", "Batas Reaktivasi", "Tahap"]);
    const headers = sheet.getRange(1, 1, 1, width).getValues()[0]!;
    sheet.getRange(2, 1, 1, width).setValues([cells.map((v, i) => (keep.has(String(headers[i])) ? v : ""))]);
    onEdit(editEvent(sheet.getRange(2, 1, 1, width)));
    // The ID keeps the row non-blank, so it is checked again and found lacking.
    expect(cellOf(sheet, 2, "Keputusan")).toBe("Data Tidak Valid");
    expect(cellOf(sheet, 2, "Tahap")).toBe("Diperiksa");
  });
});

describe("the settings copy onEdit uses", () => {
  test("holds only the request-sheet table, so 150 role rows never pass the 9 KB limit", () => {
    const values = settingsSheet().getDataRange().getValues();
    const roleHeader = values.findIndex((r) => r[0] === "Email Pengguna");
    const roles = Array.from({ length: 150 }, (_, i) => [`petugas.kecamatan.${i}@dinsos.pangkalpinangkota.go.id`, "operator"]);
    settingsSheet().insertRowsAfter(roleHeader + 1, roles.length);
    settingsSheet().getRange(roleHeader + 2, 1, roles.length, 2).setValues(roles);
    writeRows(sheet, [eligible("Ani", 1)]);
    expect(checkAll(env.spreadsheet, TODAY)).toContain("1 permohonan diperiksa");
    const copy = env.properties.document.getProperty("pbijk.editSettings")!;
    expect(copy.length).toBeLessThan(1024);
    expect(copy).not.toContain("petugas");
    sheet.getRange(2, at("Dok. KTP")).setValues([[false]]);
    onEdit(editEvent(sheet.getRange(2, at("Dok. KTP"))));
    expect(cellOf(sheet, 2, "Keputusan")).toBe("Berkas Belum Lengkap");
  });

  test("a failed write of the copy never stops the check", () => {
    writeRows(sheet, [eligible("Ani", 1)]);
    const error = jest.spyOn(console, "error").mockImplementation(() => {});
    // The document's property store is nearly full (500 KB in all): room for the ID counter, not for the copy.
    const props = env.properties.document;
    props.data.delete("pbijk.editSettings");
    const used = () => [...props.data].reduce((n, [k, v]) => n + Buffer.byteLength(k) + Buffer.byteLength(v), 0);
    for (let i = 0; used() < 500 * 1024 - 9000; i++) props.data.set(`filler.${i}`, "x".repeat(9000));
    props.data.set("filler.last", "x".repeat(500 * 1024 - 60 - used() - "filler.last".length));
    expect(checkAll(env.spreadsheet, TODAY)).toContain("1 permohonan diperiksa");
    expect(error.mock.calls[0]![0]).toContain("storeEditSettings: Error: You have exceeded the property storage quota");
    expect(cellOf(sheet, 2, "Keputusan")).toBe("Layak");
    error.mockRestore();
  });

  test("the fake property store enforces Google's 9 KB per value, like the real one", () => {
    expect(() => env.properties.document.api.setProperty("big", "x".repeat(9 * 1024 + 1))).toThrow("Argument too large");
    expect(() => env.properties.document.api.setProperty("ok", "x".repeat(9 * 1024))).not.toThrow();
  });

  test("an edit to Pengaturan applies a changed profile at once", () => {
    writeRows(sheet, [eligible("Ani", 1)]);
    checkAll(env.spreadsheet, TODAY);
    expect(cellOf(sheet, 2, "Keputusan")).toBe("Layak");
    // Pangkalpinang's reactivation profile also needs an SKTM and the SK number.
    setSheetSetting("Profil", "pangkalpinang-reaktivasi");
    onEdit(editEvent(settingsSheet().getRange(1, 1)));
    sheet.getRange(2, at("Nama")).setValues([["Ani Lestari"]]);
    onEdit(editEvent(sheet.getRange(2, at("Nama"))));
    expect(cellOf(sheet, 2, "Keputusan")).not.toBe("Layak");
  });
});

describe("Siapkan Sheet", () => {
  test("keeps a user's own conditional format on Keputusan when it renews its colours", () => {
    const decision = sheet.getRange(2, at("Keputusan"), sheet.getMaxRows() - 1, 1);
    const mine = SpreadsheetApp.newConditionalFormatRule().whenTextEqualTo("Layak").setBackground("#00ff00").setBold(true)
      .setRanges([decision]).build();
    const empty = SpreadsheetApp.newConditionalFormatRule().whenCellEmpty().setBackground("#eeeeee").setRanges([decision]).build();
    sheet.setConditionalFormatRules([...sheet.getConditionalFormatRules(), mine, empty]);
    sheet.insertRowsAfter(sheet.getMaxRows(), 100); // the add-on's rules no longer cover the sheet
    const report = setupSpreadsheet(env.spreadsheet, "admin@dinsos.go.id").join("\n");
    expect(report).toContain("warna keputusan dipasang");
    const rules = sheet.getConditionalFormatRules();
    expect(rules).toHaveLength(7);
    expect(rules).toContain(mine);
    expect(rules).toContain(empty);
    const backgrounds = rules.map((r) => r.getBooleanCondition()!.getBackground());
    expect(backgrounds.filter((b) => b === "#d9ead3")).toHaveLength(1);
  });

  test("a second run on a spreadsheet reported as in_ID says nothing changed", () => {
    env.uninstall();
    env = installFakes({ user: "admin@dinsos.go.id", locale: "in_ID" });
    setupSpreadsheet(env.spreadsheet, "admin@dinsos.go.id");
    expect(env.spreadsheet.getSpreadsheetLocale()).toBe("in_ID");
    expect(setupSpreadsheet(env.spreadsheet, "admin@dinsos.go.id")).toEqual(["Semua sheet sudah siap; tidak ada yang diubah."]);
  });

  test("on a spreadsheet with other sheets it asks before changing locale and time zone, and says what changed", () => {
    env.uninstall();
    env = installFakes({ user: "admin@dinsos.go.id", locale: "en_US", timeZone: "Asia/Jayapura" });
    env.spreadsheet.getSheets()[0]!.getRange("A1").setValues([["Anggaran 2026"]]);
    env.ui.alertResponses.push(env.ui.Button.NO);
    const declined = setup(env.spreadsheet);
    const question = env.ui.alerts[0]!;
    expect(String(question.buttons)).toBe("YES_NO");
    expect(question.prompt).toContain('sheet lain ("Sheet1")');
    expect(question.prompt).toContain("koma desimal");
    expect(env.spreadsheet.getSpreadsheetLocale()).toBe("en_US");
    expect(env.spreadsheet.getSpreadsheetTimeZone()).toBe("Asia/Jayapura");
    expect(declined).toContain("tidak diubah");
    env.ui.alertResponses.push(env.ui.Button.YES);
    const accepted = setup(env.spreadsheet);
    expect(env.spreadsheet.getSpreadsheetLocale()).toBe("id_ID");
    expect(accepted).toContain("Zona waktu spreadsheet diubah dari Asia/Jayapura ke Asia/Jakarta");
    expect(accepted).toContain("Lokal spreadsheet diubah dari en_US");
    expect(accepted).toContain("Sheet lain (Sheet1) ikut berubah");
  });

  test("request sheets named in Pengaturan are the add-on's own: no question for them", () => {
    setSheetSetting("Sheet Permohonan", "Permohonan Bantuan");
    setup(env.spreadsheet); // creates the sheet and stores the copy naming it
    writeRows(env.spreadsheet.getSheetByName("Permohonan Bantuan")!, [eligible("Ani", 1)]);
    env.spreadsheet.setSpreadsheetTimeZone("Asia/Makassar");
    const report = setup(env.spreadsheet);
    expect(env.ui.alerts).toHaveLength(0);
    expect(report).toContain("Zona waktu spreadsheet diubah dari Asia/Makassar ke Asia/Jakarta.");
  });

  test("a new spreadsheet is set up without a question", () => {
    env.uninstall();
    env = installFakes({ user: "admin@dinsos.go.id", locale: "en_US" });
    setup(env.spreadsheet);
    expect(env.ui.alerts).toHaveLength(0);
    expect(env.spreadsheet.getSpreadsheetLocale()).toBe("id_ID");
  });
});

test("a date in the window-anchor column is read in the spreadsheet's zone (Asia/Jayapura)", () => {
  setSheetSetting("Kolom Acuan Jendela", "Tanggal Berlaku SK");
  sheet.insertColumnsAfter(sheet.getMaxColumns(), 1);
  const anchor = sheet.getLastColumn() + 1;
  sheet.getRange(1, anchor).setValues([["Tanggal Berlaku SK"]]);
  sheet.getRange(2, anchor, 2, 1).setNumberFormat("dd/mm/yyyy");
  env.spreadsheet.setSpreadsheetTimeZone("Asia/Jayapura");
  writeRows(sheet, [eligible("Ani", 1), eligible("Budi", 2)]);
  // Midnight 1 June 2026 in Jayapura (UTC+9) is 31 May in Jakarta; row 3 has the same date as text.
  sheet.getRange(2, anchor, 2, 1).setValues([[new Date("2026-05-31T15:00:00Z")], ["01/06/2026"]]);
  checkAll(env.spreadsheet, TODAY);
  const deadlines = column(sheet, "Batas Reaktivasi").map((d) => (d instanceof Date ? d.toISOString() : d));
  expect(deadlines[0]).toEqual(deadlines[1]);
  expect(String(deadlines[0])).toContain("2026-12-01");
  expect(nik(1)).not.toBe(nik(2));
});
