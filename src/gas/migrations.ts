/**
 * Siapkan Sheet's upgrades of an older layout (versions in src/domain/layout.ts), one step per
 * version from the spreadsheet's own to the current, each keyed by the version it produces.
 * A step only adds or loosens: it never moves, renames or deletes a user's column or data.
 */
import { type ColumnKey, headerOf, mapHeaders } from "../domain/columns";
import { ADDON_PROTECTION_NOTE, LAYOUT_VERSION, LAYOUT_VERSION_KEY, layoutVersionOf, V2_KEYS } from "../domain/layout";
import type { Cell } from "../domain/text";
import { UserError } from "./errors";
import { documentProperties } from "./services";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

interface Step {
  /** What the step does, for Siapkan Sheet's report. */
  what: string;
  run(sheets: readonly Sheet[]): void;
}

export const MIGRATIONS: Readonly<Record<number, Step>> = {
  2: {
    what: "kolom persetujuan, surat dan BPJS ditambahkan di kanan; pilihan Tahap memuat tahap alur kerja (Siap Diserahkan dan lainnya)",
    // The Tahap dropdown and the Log sheet are renewed by Siapkan Sheet right after the steps.
    run: (sheets) => sheets.forEach((sheet) => appendColumns(sheet, V2_KEYS)),
  },
  3: {
    what: "kolom Salinan Diarsipkan tidak lagi diberi peringatan (operator mencentangnya sendiri)",
    run: (sheets) => sheets.forEach(unprotectArchiveColumn),
  },
};

/**
 * Runs the steps from the spreadsheet's layout version to the current one (none for a new
 * spreadsheet). Refuses, changing nothing, a layout newer than this add-on knows.
 */
export function migrateLayout(ss: Spreadsheet, requestSheetNames: readonly string[], report: string[]): void {
  const sheets = requestSheetNames.map((n) => ss.getSheetByName(n)).filter((s): s is Sheet => s !== null);
  const from = layoutVersionOf(documentProperties().getProperty(LAYOUT_VERSION_KEY), sheets.map(headersOf));
  if (from === null || from >= LAYOUT_VERSION) return;
  for (let version = from + 1; version <= LAYOUT_VERSION; version++) {
    MIGRATIONS[version]!.run(sheets);
    report.push(`Tata letak versi ${version - 1} → ${version}: ${MIGRATIONS[version]!.what}.`);
  }
}

/** Stops Siapkan Sheet before any change when a newer add-on already upgraded the layout. */
export function refuseNewerLayout(): void {
  const recorded = layoutVersionOf(documentProperties().getProperty(LAYOUT_VERSION_KEY), []);
  if (recorded !== null && recorded > LAYOUT_VERSION) {
    throw new UserError(`Spreadsheet ini sudah disiapkan oleh versi add-on yang lebih baru (tata letak versi ${recorded}; add-on ini mengenal sampai versi ${LAYOUT_VERSION}). Perbarui add-on PBI-JK; Siapkan Sheet tidak mengubah apa pun.`);
  }
}

/** Records the current layout version once every step and Siapkan Sheet's completion ran. */
export function recordLayoutVersion(): void {
  documentProperties().setProperty(LAYOUT_VERSION_KEY, String(LAYOUT_VERSION));
}

function headersOf(sheet: Sheet): Cell[] {
  const width = sheet.getLastColumn();
  return width > 0 ? sheet.getRange(1, 1, 1, width).getValues()[0]! : [];
}

/** Appends the headers of `keys` the sheet lacks (by header or alias), right of its last column. */
function appendColumns(sheet: Sheet, keys: readonly ColumnKey[]): void {
  const headers = headersOf(sheet);
  const columns = mapHeaders(headers);
  const add = keys.filter((k) => columns[k] === undefined).map(headerOf);
  if (add.length === 0) return;
  const last = headers.length;
  if (last + add.length > sheet.getMaxColumns()) sheet.insertColumnsAfter(sheet.getMaxColumns(), last + add.length - sheet.getMaxColumns());
  sheet.getRange(1, last + 1, 1, add.length).setValues([add]);
}

/** Drops the add-on's own warning protections over `Salinan Diarsipkan`; Siapkan Sheet then protects the rest again. */
function unprotectArchiveColumn(sheet: Sheet): void {
  const col = mapHeaders(headersOf(sheet)).archived;
  if (col === undefined) return;
  for (const p of sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE)) {
    if (p.getDescription() !== ADDON_PROTECTION_NOTE) continue;
    const range = p.getRange();
    if (range.getColumn() <= col + 1 && col + 1 <= range.getLastColumn()) p.remove();
  }
}
