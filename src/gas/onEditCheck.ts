/**
 * The onEdit simple trigger re-checks the edited rows without authorisation (settings come from
 * the copy in document properties; IDs wait for a full check). Reads: the header row, the edited
 * rows, the NIK column of the earlier rows, and only where an earlier NIK matches, the ID,
 * Layanan and Tahap of those rows: the duplicate check needs nothing else.
 */
import { checkTable } from "../domain/check";
import { type ColumnKey, type ColumnMap, columnForHeader, mapHeaders } from "../domain/columns";
import { todayInJakarta } from "../domain/dates";
import { RESULT_KEYS } from "../domain/outputs";
import { type Cell, cellText } from "../domain/text";
import { planWrites } from "../domain/writePlan";
import { columnRuns } from "./grid";
import { automaticNumberText, presentRows } from "./present";
import { type EditSettings, profileFor } from "./settingsRepo";
import { applyWritePlan } from "./writer";

type Range = GoogleAppsScript.Spreadsheet.Range;

/** Besides the NIK, what decides "same NIK and service, still open" (and the earlier row's ID in the message). */
const DUPLICATE_KEYS: readonly ColumnKey[] = ["id", "service", "stage"];

/** Digits only: at least as loose as the NIK rule, so no possible duplicate is missed. */
const nikKey = (cell: Cell) => cellText(typeof cell === "number" ? automaticNumberText(cell) : cell).replace(/\D/g, "");

export const SKIPPED_NOTE =
  "Belum diperiksa ulang setelah suntingan terakhir: pengguna lain sedang memproses sheet ini. " +
  "Pilih baris ini lalu jalankan PBI-JK › Periksa Baris Terpilih.";

interface Edit {
  sheet: GoogleAppsScript.Spreadsheet.Sheet;
  firstRow: number;
  lastRow: number;
}

function editedRows(range: Range, settings: EditSettings): Edit | null {
  const sheet = range.getSheet();
  if (!settings.sheets.some((s) => s.sheet === sheet.getName())) return null;
  const firstRow = Math.max(2, range.getRow());
  const lastRow = range.getRow() + range.getNumRows() - 1;
  return lastRow < 2 ? null : { sheet, firstRow, lastRow };
}

export function recheckEditedRows(range: Range, settings: EditSettings, now: Date): number {
  const edit = editedRows(range, settings);
  if (!edit) return 0;
  const { sheet, firstRow, lastRow } = edit;
  const width = sheet.getLastColumn();
  if (width === 0) return 0;
  const headers = sheet.getRange(1, 1, 1, width).getValues()[0] as Cell[];
  const editedHeaders = headers.slice(range.getColumn() - 1, range.getColumn() - 1 + range.getNumColumns());
  // The add-on's own columns are not input: editing them alone changes no result.
  if (editedHeaders.every((h) => columnForHeader(h)?.output)) return 0;
  const columns = mapHeaders(headers);
  if (RESULT_KEYS.some((k) => columns[k] === undefined)) return 0;

  const count = lastRow - firstRow + 1;
  const raw: Cell[][] = [headers];
  for (let r = 2; r < firstRow; r++) raw.push(new Array<Cell>(width).fill(""));
  const edited = sheet.getRange(firstRow, 1, count, width).getValues() as Cell[][];
  if (columns.nik !== undefined && firstRow > 2) readEarlierRows(sheet, columns, edited, raw);
  raw.push(...edited);

  const profile = profileFor(settings, sheet.getName());
  const grid = presentRows(raw, columns, sheet.getParent().getSpreadsheetTimeZone());
  const table = checkTable(headers, grid.slice(1), profile, todayInJakarta(now));
  // Setup problems are the full check's to report; an edit never writes through them.
  if (table.missingRequired.length || table.missingAnchor || table.duplicateColumns.length) return 0;
  const results = table.results.filter((r) => r.row >= firstRow);
  const checked = new Set(results.map((r) => r.row));
  const cleared: number[] = [];
  for (let row = firstRow; row <= lastRow; row++) if (!checked.has(row)) cleared.push(row);
  // Read and written under the same lock in one run: nothing can change in between.
  const plan = planWrites({ read: raw, current: raw, results, cleared, profile, normalisePhones: true, clearOtherNotes: false });
  applyWritePlan(sheet, plan);
  return plan.written.length;
}

/** Fills `raw` (header row first) with what the duplicate check needs of the rows above the edit. */
function readEarlierRows(sheet: GoogleAppsScript.Spreadsheet.Sheet, columns: ColumnMap, edited: Cell[][], raw: Cell[][]): void {
  const nikCol = columns.nik!;
  const wanted = new Set(edited.map((row) => nikKey(row[nikCol])).filter((k) => k !== ""));
  if (wanted.size === 0) return;
  const niks = sheet.getRange(2, nikCol + 1, raw.length - 1, 1).getValues() as Cell[][];
  const matches: number[] = [];
  niks.forEach(([nik], r) => {
    raw[r + 1]![nikCol] = nik;
    if (wanted.has(nikKey(nik))) matches.push(r + 2);
  });
  if (matches.length === 0) return;
  const first = matches[0]!;
  const span = matches[matches.length - 1]! - first + 1;
  const others = DUPLICATE_KEYS.map((k) => columns[k]).filter((i): i is number => i !== undefined);
  for (const run of columnRuns(others)) {
    const block = sheet.getRange(first, run[0]! + 1, span, run.length).getValues() as Cell[][];
    block.forEach((cells, r) => run.forEach((c, j) => (raw[first - 1 + r]![c] = cells[j])));
  }
}

/** When the lock stays busy: say so in the edited rows' result notes (two calls). */
export function markSkipped(range: Range, settings: EditSettings): void {
  const edit = editedRows(range, settings);
  if (!edit) return;
  const { sheet, firstRow, lastRow } = edit;
  const width = sheet.getLastColumn();
  if (width === 0) return;
  const column = mapHeaders(sheet.getRange(1, 1, 1, width).getValues()[0] as Cell[]).checkResult;
  if (column === undefined) return;
  const count = lastRow - firstRow + 1;
  sheet.getRange(firstRow, column + 1, count, 1).setNotes(Array.from({ length: count }, () => [SKIPPED_NOTE]));
}
