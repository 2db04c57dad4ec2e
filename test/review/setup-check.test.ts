/**
 * Independent review of Siapkan Sheet and of checking inside the sheet (spec sections 2, 3,
 * 6's first paragraph and 8's privacy rules; README "In Google Sheets"), driven through the
 * public entry points on the typed fakes. Expected behaviour is taken from the spec and README only.
 */
import { checkAll, checkSelected, setup } from "../../src/gas/app";
import * as main from "../../src/gas/main";
import { setupSpreadsheet } from "../../src/gas/setup";
import { type FakeEnv, installFakes } from "../fakes";
import { cellOf, column, editEvent, eligible, headerIndex, nik, openSheet, TODAY, writeRows } from "../gas/helpers";

let env: FakeEnv;
let sheet: GoogleAppsScript.Spreadsheet.Sheet;
let logs: string[];
beforeEach(() => {
  ({ env, sheet } = openSheet());
  logs = [];
  for (const level of ["log", "info", "warn", "error"] as const) {
    jest.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      logs.push(args.map(String).join(" "));
    });
  }
});
afterEach(() => {
  jest.restoreAllMocks();
  env.uninstall();
});

const ADMIN = "admin@dinsos.go.id";
const at = (header: string, s = sheet) => {
  const i = headerIndex(s).get(header);
  if (i === undefined) throw new Error(`no column ${header}`);
  return i + 1;
};
const noteOf = (row: number, s = sheet) => s.getRange(row, at("Hasil Pemeriksaan", s)).getNote();
const alerts = () => JSON.stringify(env.ui.alerts);

/** Replaces the default Permohonan with one the user built: given headers and rows. */
function userSheet(headers: string[], rows: unknown[][] = []): GoogleAppsScript.Spreadsheet.Sheet {
  env.uninstall();
  env = installFakes({ user: ADMIN });
  const s = env.spreadsheet.insertSheet("Permohonan");
  const width = headers.length;
  if (width > s.getMaxColumns()) s.insertColumnsAfter(s.getMaxColumns(), width - s.getMaxColumns());
  s.getRange(1, 1, 1, width).setNumberFormat("@");
  s.getRange(1, 1, 1 + rows.length, width).setNumberFormat("@");
  s.getRange(1, 1, 1 + rows.length, width).setValues([headers, ...rows.map((r) => [...r, ...Array(width - r.length).fill("")])]);
  setupSpreadsheet(env.spreadsheet, ADMIN);
  sheet = s;
  return s;
}

/** Sets a value of the first data row of the `Sheet Permohonan` table in Pengaturan. */
function setSheetSetting(header: string, value: string): void {
  const settings = env.spreadsheet.getSheetByName("Pengaturan")!;
  const values = settings.getDataRange().getValues();
  const headerRow = values.findIndex((r) => r[0] === "Sheet Permohonan");
  settings.getRange(headerRow + 2, values[headerRow]!.indexOf(header) + 1).setValues([[value]]);
  main.onEdit(editEvent(settings.getRange(1, 1)));
}

const tryRun = (fn: () => string): string => {
  try {
    return fn();
  } catch (e) {
    return `THROWN: ${(e as Error).message}`;
  }
};

// ---------------------------------------------------------------- section 2: headers

describe("headers found by text, not position (spec 2)", () => {
  test("reordered columns under aliases, odd case and spacing are read as their fields", () => {
    const s = userSheet(
      ["catatan petugas", "No  KTP", "nama_lengkap", "TGL. PERMOHONAN", " no kk ", "Tgl SK-Nonaktif", "status dtks", "desil dtsen", "dok ktp", "Dok.KK", "Dok. Surat RS/Puskesmas"],
      [["datang pagi", nik(1), "Siti Aminah", "20/11/2026", "3273010101100001", "01/08/2026", "Terdaftar", "2", "Ya", "Ya", "Ya"]],
    );
    checkAll(env.spreadsheet, TODAY);
    expect(cellOf(s, 2, "Keputusan")).toBe("Layak");
    expect(cellOf(s, 2, "catatan petugas")).toBe("datang pagi");
  });

  test("headers typed with trailing spaces, a tab or a non-breaking space are recognised and not added again", () => {
    const s = userSheet(["NIK ", "Nama\t", "Nomor\u00a0KK", "Tanggal Permohonan  ", " Tanggal SK Penonaktifan"], [[nik(1), "Siti", "3273010101100001", "20/11/2026", "01/08/2026"]]);
    const headers = s.getRange(1, 1, 1, s.getLastColumn()).getValues()[0]!.map(String);
    expect(headers.filter((h) => h.replace(/\s/g, "") === "NIK")).toHaveLength(1);
    expect(headers.filter((h) => h.replace(/\s/g, "") === "NomorKK")).toHaveLength(1);
    expect(headers.filter((h) => h.trim() === "Nama")).toHaveLength(1);
    checkAll(env.spreadsheet, TODAY);
    expect(String(noteOf(2))).not.toContain("REQUIRED_MISSING");
  });

  test("a user's own columns and their data are left alone by setup and by checks", () => {
    writeRows(sheet, [eligible("Ani", 1), eligible("Budi", 2, { "Dok. KTP": false })]);
    sheet.insertColumnBefore(3);
    sheet.getRange(1, 3, 3, 1).setValues([["Petugas Loket"], ["=A1"], ["Rina"]]);
    sheet.getRange(2, 3, 1, 1).setNumberFormat("@");
    sheet.getRange(2, 3).setValues([["=A1"]]);
    sheet.insertColumnsAfter(sheet.getMaxColumns(), 1);
    const last = sheet.getMaxColumns();
    sheet.getRange(1, last, 3, 1).setValues([["Keterangan Lain"], ["x"], [42]]);
    const mine = () => [sheet.getRange(1, 3, 3, 1).getValues(), sheet.getRange(1, last, 3, 1).getValues()];
    const before = JSON.stringify(mine());
    checkAll(env.spreadsheet, TODAY);
    setupSpreadsheet(env.spreadsheet, ADMIN);
    main.onEdit(editEvent(sheet.getRange(3, at("Nama"))));
    checkAll(env.spreadsheet, TODAY);
    expect(JSON.stringify(mine())).toBe(before);
    expect(cellOf(sheet, 2, "Keputusan")).toBe("Layak");
  });

  test("two columns mapping to one key (Tgl Permohonan and Tanggal Permohonan) stop the check, naming both", () => {
    writeRows(sheet, [eligible("Ani", 1)]);
    sheet.insertColumnsAfter(sheet.getMaxColumns(), 1);
    const extra = sheet.getMaxColumns();
    sheet.getRange(1, extra, 2, 1).setValues([["Tgl Permohonan"], ["21/11/2026"]]);
    main.menuCheckAll();
    expect(alerts()).toContain("Tanggal Permohonan");
    expect(alerts()).toContain("Tgl Permohonan");
    expect(column(sheet, "Keputusan")[0]).toBe("");
    env.setSelection(sheet.getRange(2, 1));
    main.menuCheckSelected();
    expect(JSON.stringify(env.ui.alerts.at(-1))).toContain("Tgl Permohonan");
    expect(column(sheet, "Keputusan")[0]).toBe("");
  });

  test("a required column the sheet lacks is reported once, not as an error on every row", () => {
    writeRows(sheet, [eligible("Ani", 1), eligible("Budi", 2), eligible("Citra", 3)]);
    sheet.deleteColumn(at("Nomor KK"));
    const message = tryRun(() => checkAll(env.spreadsheet, TODAY));
    expect(message.split("Nomor KK").length - 1).toBe(1);
    for (const row of [2, 3, 4]) expect(String(noteOf(row))).not.toContain("REQUIRED_MISSING");
  });

  // Found by this review, now fixed. Spec 2: "A column the rules need but the sheet lacks is a setup problem reported
  // once, not an error per row." (It was not named before.)
  test("a document column the profile needs but the sheet lacks is named once in the result", () => {
    writeRows(sheet, [eligible("Ani", 1), eligible("Budi", 2)]);
    sheet.deleteColumn(at("Dok. Ket. Faskes"));
    const message = tryRun(() => checkAll(env.spreadsheet, TODAY));
    expect(message.split("Dok. Ket. Faskes").length - 1).toBe(1);
  });
});

// ---------------------------------------------------------------- section 2: Tahap as input, duplicates

describe("Tahap read as input and DUPLICATE_OPEN_REQUEST (spec 2, 3)", () => {
  test("an earlier open row with the same NIK (separators removed) makes later rows duplicates naming the first; the first stays clean", () => {
    writeRows(sheet, [
      eligible("Ani", 1),
      eligible("Ani lagi", 1, { NIK: `'${nik(1).replace(/(\d{4})/g, "$1 ").trim()}` }),
      eligible("Ani ketiga", 1, { NIK: nik(1).replace(/(\d{4})(?=\d)/g, "$1-") }),
    ]);
    checkAll(env.spreadsheet, TODAY);
    expect(cellOf(sheet, 2, "Keputusan")).toBe("Layak");
    expect(String(noteOf(3))).toContain("DUPLICATE_OPEN_REQUEST");
    expect(String(noteOf(4))).toContain("DUPLICATE_OPEN_REQUEST");
    expect(String(noteOf(3))).toContain("baris 2");
    expect(String(noteOf(4))).toContain("baris 2");
    expect(cellOf(sheet, 3, "Keputusan")).toBe("Data Tidak Valid");
    expect(cellOf(sheet, 3, "Tahap")).toBe("Diperiksa");
  });

  test("the earlier row counts whatever its other findings", () => {
    writeRows(sheet, [eligible("Ani", 1, { "Nomor KK": "99" }), eligible("Ani", 1)]);
    checkAll(env.spreadsheet, TODAY);
    expect(String(noteOf(3))).toContain("DUPLICATE_OPEN_REQUEST");
  });

  test.each(["Selesai", "selesai", "DITOLAK", "Dikembalikan"])("an earlier row finished as %s is not an open request", (stage) => {
    writeRows(sheet, [eligible("Ani", 1, { Tahap: stage }), eligible("Ani", 1)]);
    checkAll(env.spreadsheet, TODAY);
    expect(String(noteOf(3))).not.toContain("DUPLICATE_OPEN_REQUEST");
    expect(cellOf(sheet, 3, "Keputusan")).toBe("Layak");
  });

  test("a later row that is itself finished is not reported as a duplicate", () => {
    writeRows(sheet, [eligible("Ani", 1), eligible("Ani", 1, { Tahap: "Selesai" })]);
    checkAll(env.spreadsheet, TODAY);
    expect(String(noteOf(3))).not.toContain("DUPLICATE_OPEN_REQUEST");
  });

  test("an earlier row in any other stage (Diserahkan, Diterima, blank) is open", () => {
    writeRows(sheet, [eligible("Ani", 1, { Tahap: "Diserahkan" }), eligible("Ani", 1)]);
    checkAll(env.spreadsheet, TODAY);
    expect(String(noteOf(3))).toContain("DUPLICATE_OPEN_REQUEST");
  });

  test("rows with an unrecognised Layanan are not matched", () => {
    writeRows(sheet, [eligible("Ani", 1, { Layanan: "Layanan Aneh" }), eligible("Ani", 1)]);
    checkAll(env.spreadsheet, TODAY);
    expect(String(noteOf(3))).not.toContain("DUPLICATE_OPEN_REQUEST");
    expect(String(noteOf(2))).toContain("VALUE_UNKNOWN");
  });

  test("the same NIK under the other service is not a duplicate", () => {
    writeRows(sheet, [eligible("Ani", 1, { Layanan: "Bantuan Pembiayaan Kesehatan" }), eligible("Ani", 1)]);
    checkAll(env.spreadsheet, TODAY);
    expect(String(noteOf(3))).not.toContain("DUPLICATE_OPEN_REQUEST");
  });

  test("onEdit of a later row finds the earlier open row", () => {
    writeRows(sheet, [eligible("Ani", 1), eligible("Budi", 2)]);
    checkAll(env.spreadsheet, TODAY);
    sheet.getRange(3, at("NIK")).setValues([[nik(1)]]);
    main.onEdit(editEvent(sheet.getRange(3, at("NIK"))));
    expect(String(noteOf(3))).toContain("DUPLICATE_OPEN_REQUEST");
    expect(cellOf(sheet, 3, "Keputusan")).toBe("Data Tidak Valid");
  });
});

// ---------------------------------------------------------------- section 3: messages

describe("messages name the column by the sheet's header and never quote the cell (spec 2, 3, 8)", () => {
  test("a NIK under `No KTP` is named `No KTP` in the note; the value is not quoted", () => {
    const bad = "3273014101900";
    const s = userSheet(["Nama", "No KTP", "No KK", "Tgl Permohonan", "Tgl SK Nonaktif"], [["Siti", bad, "3273014101900001", "20/11/2026", "01/08/2026"]]);
    checkAll(env.spreadsheet, TODAY);
    const note = String(noteOf(2, s));
    expect(note).toContain("NIK_FORMAT");
    expect(note).toContain("No KTP");
    expect(note).not.toContain(bad);
  });

  test("KK equal to NIK names both columns as the sheet has them and quotes neither value", () => {
    const s = userSheet(["Nama", "nomor nik", "kk", "Tanggal Permohonan", "Tanggal Nonaktif"], [["Siti", nik(1), nik(1), "20/11/2026", "01/08/2026"]]);
    checkAll(env.spreadsheet, TODAY);
    const note = String(noteOf(2, s));
    expect(note).toContain("KK_EQUALS_NIK");
    expect(note).not.toContain(nik(1));
    expect(note).toContain("nomor nik");
  });

  test("a missing required field under an alias header names the alias", () => {
    const s = userSheet(["Nama Peserta", "NIK", "Nomor KK", "Tgl Permohonan", "Tanggal SK Penonaktifan"], [["Siti", nik(1), "3273010101100001", "", "01/08/2026"]]);
    checkAll(env.spreadsheet, TODAY);
    const note = String(noteOf(2, s));
    expect(note).toContain("REQUIRED_MISSING");
    expect(note).toContain("Tgl Permohonan");
  });

  test("an unknown health need is not quoted in the note (sensitive data)", () => {
    writeRows(sheet, [eligible("Ani", 1, { "Kebutuhan Layanan Kesehatan": "Kanker Paru Stadium 3" })]);
    checkAll(env.spreadsheet, TODAY);
    const note = String(noteOf(2));
    expect(note).toContain("VALUE_UNKNOWN");
    expect(note).not.toMatch(/Kanker/i);
    expect(String(cellOf(sheet, 2, "Alasan"))).not.toMatch(/Kanker/i);
  });

  test("the duplicate setup problem, check results and console never hold a NIK or KK", () => {
    writeRows(sheet, [eligible("Ani", 1, { "Nomor KK": "3273010101109999" }), eligible("Ani", 1, { "Nomor KK": "12" })]);
    const message = checkAll(env.spreadsheet, TODAY);
    sheet.insertColumnsAfter(sheet.getMaxColumns(), 1);
    sheet.getRange(1, sheet.getMaxColumns(), 2, 1).setValues([["No KTP"], [nik(1)]]);
    main.menuCheckAll();
    main.onEdit(editEvent(sheet.getRange(2, at("Nama"))));
    const everything = [message, alerts(), JSON.stringify(env.toasts), ...logs, String(noteOf(2)), String(noteOf(3))].join("\n");
    expect(everything).not.toContain(nik(1));
    expect(everything).not.toContain("3273010101109999");
  });
});

// ---------------------------------------------------------------- section 3: values as the sheet stores them

describe("identity numbers and dates as the sheet stores them (spec 3)", () => {
  test("a NIK typed as a number gets NIK_PRECISION_LOST only; a KK typed as a number gets KK_FORMAT", () => {
    writeRows(sheet, [eligible("Ani", 1), eligible("Budi", 2)]);
    sheet.getRange(2, at("NIK")).setNumberFormat("0");
    sheet.getRange(2, at("NIK")).setValues([[3273014101900001]]);
    sheet.getRange(3, at("Nomor KK")).setNumberFormat("0");
    sheet.getRange(3, at("Nomor KK")).setValues([[3273010101100001]]);
    checkAll(env.spreadsheet, TODAY);
    const n2 = String(noteOf(2));
    expect(n2).toContain("NIK_PRECISION_LOST");
    expect(n2).not.toContain("NIK_FORMAT");
    expect(n2).not.toContain("NIK_SERIAL");
    expect(String(noteOf(3))).toContain("KK_FORMAT");
  });

  test("a NIK in scientific-notation text is NIK_PRECISION_LOST, not NIK_FORMAT", () => {
    writeRows(sheet, [eligible("Ani", 1, { NIK: "3.27301E+15" })]);
    checkAll(env.spreadsheet, TODAY);
    expect(String(noteOf(2))).toContain("NIK_PRECISION_LOST");
    expect(String(noteOf(2))).not.toContain("NIK_FORMAT");
  });

  test.each([
    "2026-11-20",
    "2026-11-5",
    "20-11-2026",
    "20.11.26",
    "20 November 2026",
    "20 Nopember 2026",
    "20 Nop. 2026",
    "20-Nov-26",
    "20/Nov/2026",
    "Jumat, 20 November 2026",
    "Friday, 20 Nov 2026",
    "2026-11-20T10:15",
    "20/11/2026 10.15",
    "2026-11-20 00:00:00",
    "  20/11/2026  ",
  ])("Tanggal Permohonan as text %j is a date", (text) => {
    writeRows(sheet, [eligible("Ani", 1, { "Tanggal Permohonan": text })]);
    checkAll(env.spreadsheet, TODAY);
    expect(String(noteOf(2))).not.toContain("DATE_INVALID");
    expect(cellOf(sheet, 2, "Keputusan")).toBe("Layak");
  });

  test.each(["20/11/2026 25:00", "31/11/2026", "20/11-2026", "kemarin"])("Tanggal Permohonan %j is DATE_INVALID", (text) => {
    writeRows(sheet, [eligible("Ani", 1, { "Tanggal Permohonan": text })]);
    checkAll(env.spreadsheet, TODAY);
    expect(String(noteOf(2))).toContain("DATE_INVALID");
  });

  test("a date cell is read as the calendar date the sheet shows in its own zone (Asia/Jayapura)", () => {
    writeRows(sheet, [eligible("Ani", 1), eligible("Budi", 2)]);
    env.spreadsheet.setSpreadsheetTimeZone("Asia/Jayapura");
    // 25 Nov 00:00 in Jayapura is still 24 Nov (22:00) in Jakarta: the sheet shows tomorrow.
    sheet.getRange(2, at("Tanggal Permohonan")).setValues([[new Date("2026-11-24T15:00:00Z")]]);
    // 24 Nov 00:00 in Jayapura (23 Nov in Jakarta and UTC): today, not future.
    sheet.getRange(3, at("Tanggal Permohonan")).setValues([[new Date("2026-11-23T15:00:00Z")]]);
    checkAll(env.spreadsheet, TODAY);
    expect(String(noteOf(2))).toContain("DATE_IN_FUTURE");
    expect(cellOf(sheet, 3, "Keputusan")).toBe("Layak");
  });

  test("a real Date in Tanggal SK Penonaktifan gives the deadline of that calendar date plus 6 months", () => {
    writeRows(sheet, [eligible("Ani", 1)]);
    sheet.getRange(2, at("Tanggal SK Penonaktifan")).setValues([[new Date("2026-07-31T17:00:00Z")]]); // 1 Aug 00:00 WIB
    checkAll(env.spreadsheet, TODAY);
    // Written as "2027-02-01" (Sheets parses it as a date on write; the fake keeps the text).
    expect(String(cellOf(sheet, 2, "Batas Reaktivasi"))).toBe("2027-02-01");
  });
});

// ---------------------------------------------------------------- rows: IDs, blanks, sorts, onEdit

describe("rows: IDs, blank rows, sorting, onEdit", () => {
  test("blank rows (also whitespace-only) are skipped and get no ID or result", () => {
    writeRows(sheet, [eligible("Ani", 1), { Nama: "  ", Catatan: "\u00a0" }, {}, eligible("Budi", 2)]);
    const message = checkAll(env.spreadsheet, TODAY);
    expect(message).toContain("2 permohonan diperiksa");
    expect(column(sheet, "ID Permohonan")).toEqual(["PBI-2026-00001", "", "", "PBI-2026-00002"]);
    expect(column(sheet, "Tahap").slice(1, 3)).toEqual(["", ""]);
  });

  test("rows sorted between checks keep their IDs and results", () => {
    writeRows(sheet, [eligible("Ani", 1), eligible("Budi", 2, { "Dok. KTP": false }), eligible("Citra", 3, { NIK: "123" })]);
    checkAll(env.spreadsheet, TODAY);
    const before = new Map(column(sheet, "Nama").map((n, i) => [n, [column(sheet, "ID Permohonan")[i], column(sheet, "Keputusan")[i]]]));
    sheet.sort(at("Nama"), false);
    checkAll(env.spreadsheet, TODAY);
    const after = new Map(column(sheet, "Nama").map((n, i) => [n, [column(sheet, "ID Permohonan")[i], column(sheet, "Keputusan")[i]]]));
    expect(column(sheet, "Nama")).toEqual(["Citra", "Budi", "Ani"]);
    expect(after).toEqual(before);
  });

  test("an ID is never reused after the row holding the highest ID is deleted", () => {
    writeRows(sheet, [eligible("Ani", 1), eligible("Budi", 2), eligible("Citra", 3)]);
    checkAll(env.spreadsheet, TODAY);
    sheet.deleteRow(4);
    writeRows(sheet, [eligible("Dedi", 4)], 4);
    checkAll(env.spreadsheet, TODAY);
    expect(column(sheet, "ID Permohonan")).toEqual(["PBI-2026-00001", "PBI-2026-00002", "PBI-2026-00004"]);
  });

  test("onEdit of one cell re-checks just that row", () => {
    writeRows(sheet, [eligible("Ani", 1), eligible("Budi", 2), eligible("Citra", 3)]);
    checkAll(env.spreadsheet, TODAY);
    sheet.getRange(2, at("Dok. KTP")).setValues([[false]]);
    sheet.getRange(3, at("Dok. KTP")).setValues([[false]]);
    main.onEdit(editEvent(sheet.getRange(3, at("Dok. KTP"))));
    expect(column(sheet, "Keputusan")).toEqual(["Layak", "Berkas Belum Lengkap", "Layak"]);
  });

  test("Periksa Baris Terpilih on a row below a blank gap checks it and no other", () => {
    writeRows(sheet, [eligible("Ani", 1), {}, eligible("Budi", 2)]);
    env.setSelection(sheet.getRange(4, 1));
    checkSelected(env.spreadsheet, TODAY);
    expect(column(sheet, "Keputusan")).toEqual(["", "", "Layak"]);
  });

  test("text written by the check is never stored as a formula", () => {
    writeRows(sheet, [eligible("=Ani", 1, { "Status DTSEN/DTKS": "=Terdaftar" })]);
    checkAll(env.spreadsheet, TODAY);
    const width = sheet.getLastColumn();
    const formulas = sheet.getRange(2, 1, 1, width).getFormulas()[0]!;
    const headers = sheet.getRange(1, 1, 1, width).getValues()[0]!;
    const outputs = ["Hasil Pemeriksaan", "Keputusan", "Alasan", "Tahap", "ID Permohonan"];
    for (const h of outputs) expect(formulas[headers.indexOf(h)]).toBe("");
  });
});

// ---------------------------------------------------------------- section 6: Tahap written by the check

describe("what the check writes to Tahap (spec 6)", () => {
  test("new rows go to Diperiksa, an ELIGIBLE one to its profile's first stage", () => {
    writeRows(sheet, [eligible("Ani", 1), eligible("Budi", 2, { "Dok. KTP": false }), eligible("Citra", 3, { Tahap: "Diterima" })]);
    checkAll(env.spreadsheet, TODAY);
    expect(column(sheet, "Tahap")).toEqual(["Draf", "Diperiksa", "Draf"]);
  });

  test("under pangkalpinang-reaktivasi an ELIGIBLE row waits in Back Office", () => {
    setSheetSetting("Profil", "pangkalpinang-reaktivasi");
    writeRows(sheet, [eligible("Ani", 1, { "Dok. SKTM": true, "Nomor SK Penonaktifan": "460/12/2026", "Desil": "" })]);
    checkAll(env.spreadsheet, TODAY);
    expect(cellOf(sheet, 2, "Keputusan")).toBe("Layak");
    expect(cellOf(sheet, 2, "Tahap")).toBe("Back Office");
  });

  test.each(["Paraf Kabid", "Tanda Tangan", "Siap Diserahkan", "Diserahkan", "Selesai", "Ditolak", "Dikembalikan", "Perbaikan"])(
    "a row in %s is never moved by a check, even when it is no longer ELIGIBLE",
    (stage) => {
      writeRows(sheet, [eligible("Ani", 1, { Tahap: stage, "Dok. KTP": false }), eligible("Budi", 2, { Tahap: stage })]);
      checkAll(env.spreadsheet, TODAY);
      main.onEdit(editEvent(sheet.getRange(2, at("Nama"))));
      expect(column(sheet, "Tahap")).toEqual([stage, stage]);
    },
  );

  test("a row past its first stage that is no longer ELIGIBLE: the result says so", () => {
    writeRows(sheet, [eligible("Ani", 1, { Tahap: "Paraf Kabid", "Dok. KTP": false })]);
    checkAll(env.spreadsheet, TODAY);
    const said = `${cellOf(sheet, 2, "Hasil Pemeriksaan")} ${noteOf(2)} ${cellOf(sheet, 2, "Alasan")}`;
    expect(said).toMatch(/Paraf Kabid|tahap/i);
  });
});

// ---------------------------------------------------------------- README: Siapkan Sheet

describe("Siapkan Sheet (README)", () => {
  const enumerations = ["Layanan", "Jenis Kelamin", "Status DTSEN/DTKS", "Kebutuhan Layanan Kesehatan", "Konfirmasi BPJS", "Verifikasi Fasilitator"];
  const booleans = ["Pernah Direaktivasi", "Mendesak", "Dok. KTP", "Dok. KK", "Dok. SKTM", "Dok. KIS", "Dok. Ket. DTSEN/DTKS", "Dok. Ket. BPJS", "Dok. Ket. Faskes", "Salinan Diarsipkan"];
  const dates = ["Tanggal Permohonan", "Tanggal Lahir", "Tanggal SK Penonaktifan", "Batas Reaktivasi"];
  const rule = (h: string, row = 2) => sheet.getRange(row, at(h)).getDataValidation();

  test("every enumeration has a dropdown, every boolean a checkbox, every date column a date format", () => {
    const last = sheet.getMaxRows();
    for (const h of enumerations) {
      expect([h, rule(h)?.getCriteriaType()]).toEqual([h, SpreadsheetApp.DataValidationCriteria.VALUE_IN_LIST]);
      expect([h, rule(h, last)?.getCriteriaType()]).toEqual([h, SpreadsheetApp.DataValidationCriteria.VALUE_IN_LIST]);
    }
    for (const h of booleans) expect([h, rule(h)?.getCriteriaType()]).toEqual([h, SpreadsheetApp.DataValidationCriteria.CHECKBOX]);
    for (const h of dates) expect([h, sheet.getRange(2, at(h)).getNumberFormat()]).toEqual([h, "dd/mm/yyyy"]);
    expect(sheet.getFrozenRows()).toBe(1);
  });

  test("the add-on's columns carry a warning-only protection; input columns are free", () => {
    const protections = sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE);
    const covered = (h: string) =>
      protections.some((p) => {
        const r = p.getRange();
        return p.isWarningOnly() && r.getColumn() <= at(h) && at(h) < r.getColumn() + r.getNumColumns();
      });
    for (const h of ["ID Permohonan", "Hasil Pemeriksaan", "Keputusan", "Alasan", "Batas Reaktivasi", "Tahap"]) expect([h, covered(h)]).toEqual([h, true]);
    for (const h of ["Nama", "NIK", "Dok. KTP", "Salinan Diarsipkan"]) expect([h, covered(h)]).toEqual([h, false]);
  });

  test("on a user's sheet, alias columns keep their headers and typed values", () => {
    const s = userSheet(["No KTP", "No KK", "WA", "Noka", "Dok. KTP", "Tgl Permohonan", "Nama"], [[nik(1), "3273010101100001", "0812 3456 7890", "0001234567890", "Ya", "20 Nov 2026", "Siti"]]);
    expect(s.getRange(2, 1, 1, 7).getValues()[0]).toEqual([nik(1), "3273010101100001", "0812 3456 7890", "0001234567890", "Ya", "20 Nov 2026", "Siti"]);
    expect(s.getRange(1, 1, 1, 7).getValues()[0]).toEqual(["No KTP", "No KK", "WA", "Noka", "Dok. KTP", "Tgl Permohonan", "Nama"]);
  });

  test("a second Siapkan Sheet on a user-built sheet changes nothing", () => {
    userSheet(["Catatan Petugas", "No KTP", "Nama Lengkap", "Tgl Permohonan"], [["x", nik(1), "Siti", "20/11/2026"]]);
    const before = JSON.stringify(sheet.getDataRange().getValues());
    env.resetCalls();
    const report = setupSpreadsheet(env.spreadsheet, ADMIN);
    expect(report).toEqual(["Semua sheet sudah siap; tidak ada yang diubah."]);
    expect(JSON.stringify(sheet.getDataRange().getValues())).toBe(before);
  });

  test("a second Siapkan Sheet from the menu after a check changes nothing", () => {
    writeRows(sheet, [eligible("Ani", 1)]);
    checkAll(env.spreadsheet, TODAY);
    const before = JSON.stringify(sheet.getDataRange().getValues());
    const rules = sheet.getConditionalFormatRules().length;
    main.menuSetup();
    expect(JSON.stringify(env.toasts.at(-1)) + alerts()).toContain("tidak ada yang diubah");
    expect(JSON.stringify(sheet.getDataRange().getValues())).toBe(before);
    expect(sheet.getConditionalFormatRules()).toHaveLength(rules);
  });

  test("a user's own conditional format on another column stays when setup renews the colours", () => {
    const names = sheet.getRange(2, at("Nama"), sheet.getMaxRows() - 1, 1);
    const mine = SpreadsheetApp.newConditionalFormatRule().whenTextEqualTo("Layak").setBackground("#ff00ff").setRanges([names]).build();
    sheet.setConditionalFormatRules([mine, ...sheet.getConditionalFormatRules()]);
    sheet.insertRowsAfter(sheet.getMaxRows(), 50);
    setupSpreadsheet(env.spreadsheet, ADMIN);
    expect(sheet.getConditionalFormatRules()).toContain(mine);
  });

  test("setup never moves or renames the user's columns, and a moved add-on column stays where the user put it", () => {
    sheet.moveColumns(sheet.getRange(1, at("Keputusan")), 1);
    const before = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues();
    setupSpreadsheet(env.spreadsheet, ADMIN);
    expect(sheet.getRange(1, 1, 1, before[0]!.length).getValues()).toEqual(before);
  });

  test("setup on a sheet in another zone and locale reports Asia/Jakarta and Indonesian in Indonesian", () => {
    env.uninstall();
    env = installFakes({ user: ADMIN, timeZone: "America/New_York", locale: "en_US" });
    const report = setup(env.spreadsheet);
    expect(env.spreadsheet.getSpreadsheetTimeZone()).toBe("Asia/Jakarta");
    expect(["id_ID", "in_ID"]).toContain(env.spreadsheet.getSpreadsheetLocale());
    expect(report).not.toMatch(/\bat \w+ \(|Error:/);
  });
});

// ---------------------------------------------------------------- errors in Indonesian

describe("errors are Indonesian, without stack traces", () => {
  test("Periksa Semua without a Permohonan sheet", () => {
    env.spreadsheet.deleteSheet(sheet);
    main.menuCheckAll();
    const text = alerts();
    expect(text).toContain("Permohonan");
    expect(text).not.toMatch(/\n\s+at |TypeError|undefined|null/);
  });

  test("Periksa Baris Terpilih with only the header selected", () => {
    env.setSelection(sheet.getRange(1, 1));
    main.menuCheckSelected();
    expect(alerts()).toMatch(/Pilih/);
    expect(alerts()).not.toMatch(/\n\s+at |Error/);
  });

  test("a Permohonan sheet with no header row at all", () => {
    sheet.getRange(1, 1, 1, sheet.getMaxColumns()).clearContent();
    main.menuCheckAll();
    const text = alerts();
    expect(text.length).toBeGreaterThan(10);
    expect(text).not.toMatch(/\n\s+at |TypeError|Cannot read/);
  });
});

// ---------------------------------------------------------------- further probes

describe("further probes", () => {
  // Found by this review, now fixed. Spec 3: "setup applies the text format to those columns"; README: "Run it again at
  // any time: it only adds what is missing". (Setup used to look at row 2 only.)
  test("Siapkan Sheet run again restores the text format on NIK cells below row 2 that lost it (say by a paste)", () => {
    sheet.getRange(3, at("NIK"), 20, 1).setNumberFormat("0");
    setupSpreadsheet(env.spreadsheet, ADMIN);
    expect(sheet.getRange(3, at("NIK")).getNumberFormat()).toBe("@");
  });

  // Found by this review, now fixed. README: "checkboxes for booleans … Run it again at any time: it only adds what is
  // missing". (Setup used to probe row 2 only.)
  test("Siapkan Sheet run again restores checkboxes below row 2 that were lost", () => {
    sheet.getRange(3, at("Dok. KTP"), 20, 1).clearDataValidations();
    setupSpreadsheet(env.spreadsheet, ADMIN);
    expect(sheet.getRange(3, at("Dok. KTP")).getDataValidation()?.getCriteriaType()).toBe(SpreadsheetApp.DataValidationCriteria.CHECKBOX);
  });

  // Found by this review, now fixed. Spec 3: "Identity numbers must live in the sheet as text (number format `@`) …;
  // setup applies the text format to those columns." (Row 2 being "@" used to make setup skip the column.)
  test("on a user's sheet whose first data row is already text, the whole NIK column gets the text format", () => {
    const s = userSheet(["No KTP", "Nama"], [[nik(1), "Siti"]]);
    expect(s.getRange(3, at("No KTP", s)).getNumberFormat()).toBe("@");
  });

  test("on a user's sheet, setup keeps typed values in columns it turns into checkboxes and dropdowns", () => {
    const s = userSheet(["Dok. KTP", "Status DTKS", "Nama"], [["Ya", "Non DTKS", "Siti"]]);
    expect(s.getRange(2, 1, 1, 3).getValues()[0]).toEqual(["Ya", "Non DTKS", "Siti"]);
  });

  // Found by this review, now fixed. Spec 2: "A column the rules need but the sheet lacks is a setup problem reported
  // once". (It was not named before.)
  test("a lacking Status DTSEN/DTKS column (the profile's registry rule) is reported once", () => {
    writeRows(sheet, [eligible("Ani", 1), eligible("Budi", 2)]);
    sheet.deleteColumn(at("Status DTSEN/DTKS"));
    const message = tryRun(() => checkAll(env.spreadsheet, TODAY));
    expect(message).toMatch(/Status DTSEN\/DTKS/);
  });

  test("the duplicate message names NIK and Layanan columns as the sheet has them", () => {
    const s = userSheet(
      ["Nama", "No KTP", "No KK", "Tgl Permohonan", "Tgl SK Nonaktif", "Jenis Layanan"],
      [["Siti", nik(1), "3273010101100001", "20/11/2026", "01/08/2026", ""], ["Siti", nik(1), "3273010101100001", "20/11/2026", "01/08/2026", ""]],
    );
    checkAll(env.spreadsheet, TODAY);
    const note = String(noteOf(3, s));
    expect(note).toContain("DUPLICATE_OPEN_REQUEST");
    expect(note).toContain("No KTP");
    expect(note).toContain("Jenis Layanan");
  });

  test("DATE_ORDER names both date columns by their alias headers", () => {
    const s = userSheet(["Nama", "NIK", "KK", "Tgl Permohonan", "Tgl SK Nonaktif"], [["Siti", nik(1), "3273010101100001", "01/08/2026", "20/11/2026"]]);
    checkAll(env.spreadsheet, TODAY);
    const note = String(noteOf(2, s));
    expect(note).toContain("DATE_ORDER");
    expect(note).toContain("Tgl Permohonan");
    expect(note).toContain("Tgl SK Nonaktif");
  });

  test("a blank Layanan (= the profile's service) and an explicit Reaktivasi PBI-JK are one service for duplicates", () => {
    writeRows(sheet, [eligible("Ani", 1, { Layanan: "" }), eligible("Ani", 1, { Layanan: "reaktivasi pbi jk" })]);
    checkAll(env.spreadsheet, TODAY);
    expect(String(noteOf(3))).toContain("DUPLICATE_OPEN_REQUEST");
  });

  test("an earlier NIK typed as a number (precision lost) gives no duplicate on the later row", () => {
    writeRows(sheet, [eligible("Ani", 1), eligible("Ani", 1)]);
    sheet.getRange(2, at("NIK")).setNumberFormat("0");
    sheet.getRange(2, at("NIK")).setValues([[3273014101900001]]);
    checkAll(env.spreadsheet, TODAY);
    expect(String(noteOf(3))).not.toContain("DUPLICATE_OPEN_REQUEST");
  });

  // A row whose only content is `-` is checked as a request (its ID shows it exists): only rows
  // whose cells are all blank are skipped (spec section 9), and `-` is a typed value.

  // Found by this review, now fixed. Spec 2: "`Jenis Kelamin` also accepts `Lk` and `Pr`" and
  // Status accepts `DTKS`, `Non DTKS`…; the dropdowns now warn, not reject.
  test("the Jenis Kelamin and Status dropdowns do not reject spellings the rules accept (Lk, Pr, DTKS, Non DTKS)", () => {
    const accepts = (h: string, v: string) => {
      const rule = sheet.getRange(2, at(h)).getDataValidation()!;
      return rule.getAllowInvalid() || (rule.getCriteriaValues()[0] as string[]).includes(v);
    };
    expect(accepts("Jenis Kelamin", "Lk")).toBe(true);
    expect(accepts("Jenis Kelamin", "Pr")).toBe(true);
    expect(accepts("Status DTSEN/DTKS", "DTKS")).toBe(true);
    expect(accepts("Status DTSEN/DTKS", "Non DTKS")).toBe(true);
  });

  test("Periksa Baris Terpilih over several rows with a blank row inside checks only the filled ones", () => {
    writeRows(sheet, [eligible("Ani", 1), {}, eligible("Budi", 2)]);
    env.setSelection(sheet.getRange(2, 1, 3, 2));
    expect(checkSelected(env.spreadsheet, TODAY)).toContain("2 permohonan diperiksa");
    expect(column(sheet, "ID Permohonan")[1]).toBe("");
  });

  test("onEdit on a user's own column of a request row re-checks that row and leaves the user's column alone", () => {
    writeRows(sheet, [eligible("Ani", 1)]);
    checkAll(env.spreadsheet, TODAY);
    sheet.insertColumnsAfter(sheet.getMaxColumns(), 1);
    const mine = sheet.getMaxColumns();
    sheet.getRange(1, mine, 2, 1).setValues([["Petugas"], ["Rina"]]);
    sheet.getRange(2, at("Dok. KTP")).setValues([[false]]);
    main.onEdit(editEvent(sheet.getRange(2, mine)));
    expect(cellOf(sheet, 2, "Keputusan")).toBe("Berkas Belum Lengkap");
    expect(cellOf(sheet, 2, "Petugas")).toBe("Rina");
  });
});

test("a row waiting in Draf (its first stage) that is no longer ELIGIBLE goes back to Diperiksa", () => {
  writeRows(sheet, [eligible("Ani", 1)]);
  checkAll(env.spreadsheet, TODAY);
  expect(cellOf(sheet, 2, "Tahap")).toBe("Draf");
  sheet.getRange(2, at("Dok. KTP")).setValues([[false]]);
  checkAll(env.spreadsheet, TODAY);
  expect(cellOf(sheet, 2, "Tahap")).toBe("Diperiksa");
});

test("the NIK_PRECISION_LOST note does not quote the cell's digits", () => {
  writeRows(sheet, [eligible("Ani", 1)]);
  sheet.getRange(2, at("NIK")).setNumberFormat("0");
  sheet.getRange(2, at("NIK")).setValues([[1171014101900001]]);
  checkAll(env.spreadsheet, TODAY);
  expect(String(noteOf(2))).toContain("NIK_PRECISION_LOST");
  expect(String(noteOf(2))).not.toMatch(/1[.,]?17101/);
});

describe("more probes", () => {
  test("Hasil Pemeriksaan reads `N galat, M peringatan`; an INVALID row has no reasons and no deadline", () => {
    // Two errors (NIK serial 0000, KK format) and one warning (phone).
    writeRows(sheet, [eligible("Ani", 0, { "Nomor KK": "12", "Nomor HP": "12345" })]);
    checkAll(env.spreadsheet, TODAY);
    expect(cellOf(sheet, 2, "Hasil Pemeriksaan")).toBe("2 galat, 1 peringatan");
    expect(cellOf(sheet, 2, "Keputusan")).toBe("Data Tidak Valid");
    expect(cellOf(sheet, 2, "Alasan")).toBe("");
    expect(cellOf(sheet, 2, "Batas Reaktivasi")).toBe("");
  });

  test("each decision has its colour rule on Keputusan; Log is warning-protected; Pengaturan is really protected", () => {
    const texts = sheet.getConditionalFormatRules().map((r) => r.getBooleanCondition()!.getCriteriaValues()[0]);
    expect(texts.sort()).toEqual(["Berkas Belum Lengkap", "Data Tidak Valid", "Layak", "Perlu Verifikasi", "Tidak Layak"]);
    const log = env.spreadsheet.getSheetByName("Log")!.getProtections(SpreadsheetApp.ProtectionType.SHEET);
    expect(log.map((p) => p.isWarningOnly())).toEqual([true]);
    const settings = env.spreadsheet.getSheetByName("Pengaturan")!.getProtections(SpreadsheetApp.ProtectionType.SHEET);
    expect(settings.map((p) => p.isWarningOnly())).toEqual([false]);
  });

  test("date-time and date formats on the stamp and letter columns", () => {
    for (const h of ["Berkas Lengkap Pada", "Paraf Pada", "Ditandatangani Pada", "Diserahkan Pada"]) {
      expect([h, sheet.getRange(2, at(h)).getNumberFormat()]).toEqual([h, "dd/mm/yyyy hh:mm"]);
    }
    for (const h of ["Tanggal Surat", "Tanggal Aktif BPJS"]) expect([h, sheet.getRange(2, at(h)).getNumberFormat()]).toEqual([h, "dd/mm/yyyy"]);
  });

  test("today is the Jakarta calendar day even in a spreadsheet left in Asia/Jayapura", () => {
    env.spreadsheet.setSpreadsheetTimeZone("Asia/Jayapura");
    writeRows(sheet, [eligible("Ani", 1, { "Tanggal Permohonan": "25/11/2026" })]);
    // 23:30 on 24 Nov in Jakarta, already 25 Nov in Jayapura.
    checkAll(env.spreadsheet, new Date("2026-11-24T16:30:00Z"));
    expect(String(noteOf(2))).toContain("DATE_IN_FUTURE");
  });

  test("onEdit of a pasted block of rows re-checks those rows only", () => {
    writeRows(sheet, [eligible("Ani", 1), eligible("Budi", 2), eligible("Citra", 3), eligible("Dedi", 4)]);
    checkAll(env.spreadsheet, TODAY);
    sheet.getRange(2, at("Dok. KTP"), 4, 1).setValues([[false], [false], [false], [false]]);
    main.onEdit(editEvent(sheet.getRange(3, at("Dok. KTP"), 2, 1)));
    expect(column(sheet, "Keputusan")).toEqual(["Layak", "Berkas Belum Lengkap", "Berkas Belum Lengkap", "Layak"]);
  });

  test("odd headers (a number, a blank header over data) neither break the check nor lose data", () => {
    writeRows(sheet, [eligible("Ani", 1)]);
    sheet.insertColumnsAfter(sheet.getMaxColumns(), 2);
    const w = sheet.getMaxColumns();
    sheet.getRange(1, w - 1, 2, 2).setValues([[2026, ""], ["a", "b"]]);
    expect(checkAll(env.spreadsheet, TODAY)).toContain("1 permohonan diperiksa");
    expect(sheet.getRange(1, w - 1, 2, 2).getValues()).toEqual([[2026, ""], ["a", "b"]]);
    expect(setupSpreadsheet(env.spreadsheet, ADMIN)).toEqual(["Semua sheet sudah siap; tidak ada yang diubah."]);
  });

  test("an unexpected failure naming a NIK reaches neither the alert nor the console with the NIK", () => {
    writeRows(sheet, [eligible("Ani", 1)]);
    const g = globalThis as unknown as { LockService: unknown };
    g.LockService = {
      getDocumentLock: () => {
        throw new Error(`Range tidak valid untuk ${nik(1)} dan KK 3273010101100001`);
      },
      getScriptLock: () => {
        throw new Error(`Range tidak valid untuk ${nik(1)}`);
      },
    };
    main.menuCheckAll();
    const all = [alerts(), ...logs].join("\n");
    expect(env.ui.alerts).toHaveLength(1);
    expect(logs.join("")).toContain("#");
    expect(all).not.toMatch(/\d{6}/);
    expect(alerts()).not.toMatch(/\n\s+at /);
  });

  test("a check writes no Tahap for a row whose Tahap is a stage after the first, whatever its case", () => {
    writeRows(sheet, [eligible("Ani", 1, { Tahap: "paraf kabid" })]);
    checkAll(env.spreadsheet, TODAY);
    expect(cellOf(sheet, 2, "Tahap")).toBe("paraf kabid");
  });
});

describe("duplicates and values through every entry point", () => {
  test("onEdit: an earlier finished row or one with an unknown Layanan is not a duplicate; an open one is", () => {
    writeRows(sheet, [eligible("A", 1, { Tahap: "Selesai" }), eligible("B", 2, { Layanan: "Lain-lain" }), eligible("C", 3), eligible("D", 9)]);
    checkAll(env.spreadsheet, TODAY);
    for (const [n, dup] of [[1, false], [2, false], [3, true]] as const) {
      sheet.getRange(5, at("NIK")).setValues([[nik(n)]]);
      main.onEdit(editEvent(sheet.getRange(5, at("NIK"))));
      expect([n, String(noteOf(5)).includes("DUPLICATE_OPEN_REQUEST")]).toEqual([n, dup]);
    }
  });

  test("Periksa Baris Terpilih on a later row finds the earlier open row it did not select", () => {
    writeRows(sheet, [eligible("Ani", 1), eligible("Ani", 1)]);
    env.setSelection(sheet.getRange(3, 1));
    checkSelected(env.spreadsheet, TODAY);
    expect(String(noteOf(3))).toContain("DUPLICATE_OPEN_REQUEST");
    expect(cellOf(sheet, 2, "Keputusan")).toBe("");
  });

  test.each(["✓", "x", "BENAR", "Ada", "v", "Sudah", "1", "TRUE"])("a document cell holding %j is ticked", (mark) => {
    writeRows(sheet, [eligible("Ani", 1, { "Dok. KTP": mark })]);
    checkAll(env.spreadsheet, TODAY);
    expect(cellOf(sheet, 2, "Keputusan")).toBe("Layak");
  });

  test("an unknown Jenis Kelamin is only a warning", () => {
    writeRows(sheet, [eligible("Ani", 1, { "Jenis Kelamin": "Wanita" })]);
    checkAll(env.spreadsheet, TODAY);
    expect(String(noteOf(2))).toContain("VALUE_UNKNOWN");
    expect(cellOf(sheet, 2, "Keputusan")).toBe("Layak");
    expect(cellOf(sheet, 2, "Hasil Pemeriksaan")).toBe("1 peringatan");
  });
});

describe("last probes", () => {
  test("IDs are not reused after every row is deleted", () => {
    writeRows(sheet, [eligible("Ani", 1), eligible("Budi", 2)]);
    checkAll(env.spreadsheet, TODAY);
    sheet.deleteRows(2, 2);
    writeRows(sheet, [eligible("Citra", 3)]);
    checkAll(env.spreadsheet, TODAY);
    expect(column(sheet, "ID Permohonan")[0]).toBe("PBI-2026-00003");
  });

  test("a NIK with one leading apostrophe and spaces in a text cell is a valid NIK", () => {
    writeRows(sheet, [eligible("Ani", 1, { NIK: `'${nik(1).slice(0, 4)} ${nik(1).slice(4, 8)}.${nik(1).slice(8)}` })]);
    checkAll(env.spreadsheet, TODAY);
    expect(cellOf(sheet, 2, "Keputusan")).toBe("Layak");
  });

  // Found by this review, now fixed. README, Siapkan Sheet: "Run it again at any time: it only adds what
  // is missing". A date display format the office chose ("d mmmm yyyy") stays.
  test("a second Siapkan Sheet keeps an office's own date display format", () => {
    sheet.getRange(2, at("Tanggal Permohonan"), sheet.getMaxRows() - 1, 1).setNumberFormat("d mmmm yyyy");
    setupSpreadsheet(env.spreadsheet, ADMIN);
    expect(sheet.getRange(2, at("Tanggal Permohonan")).getNumberFormat()).toBe("d mmmm yyyy");
  });
});
