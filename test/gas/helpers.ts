/** Shared setup for tests of the Apps Script shell on the fakes. */
import { installFakes, type FakeEnv } from "../fakes";
import { type FakeDocs, installFakeDocs } from "../fakes/document";
import { setupSpreadsheet } from "../../src/gas/setup";

export const TODAY = new Date("2026-11-24T03:00:00Z"); // 10:00 in Jakarta

export function freshEnv(): FakeEnv {
  return installFakes({ user: "admin@dinsos.go.id" });
}

/** A spreadsheet after Siapkan Sheet, with the Permohonan sheet returned. */
export function preparedSheet(env: FakeEnv): GoogleAppsScript.Spreadsheet.Sheet {
  setupSpreadsheet(env.spreadsheet, "admin@dinsos.go.id");
  env.resetCalls();
  return env.spreadsheet.getSheetByName("Permohonan")!;
}

export interface Office {
  env: FakeEnv;
  sheet: GoogleAppsScript.Spreadsheet.Sheet;
  docs: FakeDocs & { uninstall(): void };
}

/** A test's fresh spreadsheet: fake services, Siapkan Sheet done. Uninstall `env` in afterEach. */
export function openSheet(): Pick<Office, "env" | "sheet"> {
  const env = freshEnv();
  return { env, sheet: preparedSheet(env) };
}

/** openSheet with fake Docs too. Pair with closeOffice in afterEach. */
export function openOffice(): Office {
  return { ...openSheet(), docs: installFakeDocs() };
}

export function closeOffice(office: Pick<Office, "env" | "docs">): void {
  office.docs.uninstall();
  office.env.uninstall();
}

export function headerIndex(sheet: GoogleAppsScript.Spreadsheet.Sheet): Map<string, number> {
  const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0]!;
  return new Map(headers.map((h, i) => [String(h), i]));
}

/** Writes rows given as {header: value} objects below the header row. */
export function writeRows(sheet: GoogleAppsScript.Spreadsheet.Sheet, rows: Record<string, unknown>[], firstRow = 2): void {
  const index = headerIndex(sheet);
  const width = sheet.getLastColumn();
  const grid = rows.map((row) => {
    const cells: unknown[] = Array(width).fill("");
    for (const [header, value] of Object.entries(row)) {
      const i = index.get(header);
      if (i === undefined) throw new Error(`no column ${header}`);
      cells[i] = value;
    }
    return cells;
  });
  if (grid.length > sheet.getMaxRows() - firstRow + 1) sheet.insertRowsAfter(sheet.getMaxRows(), grid.length);
  sheet.getRange(firstRow, 1, grid.length, width).setValues(grid);
}

export function column(sheet: GoogleAppsScript.Spreadsheet.Sheet, header: string): unknown[] {
  const i = headerIndex(sheet).get(header);
  if (i === undefined) throw new Error(`no column ${header}`);
  const last = sheet.getLastRow();
  if (last < 2) return [];
  return sheet.getRange(2, i + 1, last - 1, 1).getValues().map((r) => r[0]);
}

export function cellOf(sheet: GoogleAppsScript.Spreadsheet.Sheet, row: number, header: string): unknown {
  return sheet.getRange(row, headerIndex(sheet).get(header)! + 1).getValues()[0]![0];
}

/** An eligible request under the national profile, with a valid Bandung NIK. */
export function eligible(name: string, serial: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    Nama: name,
    NIK: nik(serial),
    "Nomor KK": "3273010101100001",
    "Tanggal Permohonan": "20/11/2026",
    "Tanggal SK Penonaktifan": "01/08/2026",
    "Status DTSEN/DTKS": "Terdaftar",
    Desil: "2",
    "Dok. KTP": true,
    "Dok. KK": true,
    "Dok. Ket. Faskes": true,
    ...extra,
  };
}

/** A request handed over to BPJS (a health need, a KIS number, a letter), with an ID of its own. */
export function handedOver(name: string, serial: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return eligible(name, serial, {
    "ID Permohonan": `PBI-2026-${String(serial).padStart(5, "0")}`,
    "Kebutuhan Layanan Kesehatan": "Penyakit Kronis",
    "Nomor Kartu KIS": "0001234567890",
    Tahap: "Diserahkan",
    "Nomor Surat": `400.9.3.2/${serial}/Dinsos/XI/2026`,
    "Diserahkan Pada": "21/11/2026 10:00",
    ...extra,
  });
}

/** A valid Bandung NIK of a woman born 1 January 1990, with the given serial (1–9999). */
export function nik(serial: number): string {
  return `327301410190${String(serial).padStart(4, "0")}`;
}

/** Runs `change` when a check re-reads the sheet, i.e. after it computed and before it writes. */
export function onSecondRead(env: FakeEnv, change: () => void): void {
  let reads = 0;
  const push = env.calls.push.bind(env.calls);
  env.calls.push = (...records) => {
    const n = push(...records);
    for (const r of records) {
      if (r.method === "getDataRange" && r.sheet === "Permohonan" && ++reads === 2) {
        env.calls.push = push;
        change();
      }
    }
    return n;
  };
}

export function editEvent(range: GoogleAppsScript.Spreadsheet.Range): GoogleAppsScript.Events.SheetsOnEdit {
  return { range } as unknown as GoogleAppsScript.Events.SheetsOnEdit;
}
