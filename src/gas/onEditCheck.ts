/**
 * The onEdit simple trigger re-checks the edited rows: one read, two writes, no authorisation
 * needed (settings come from the copy in document properties; IDs wait for a full check).
 */
import { checkTable } from "../domain/check";
import { columnForHeader, mapHeaders } from "../domain/columns";
import { todayInJakarta } from "../domain/dates";
import { RESULT_KEYS, type ResultKey, rowOutput } from "../domain/outputs";
import { profileForSheet, type Settings } from "../domain/settings";
import type { Cell } from "../domain/text";
import { type Value, writeColumns } from "./grid";
import { presentRows } from "./present";

export function recheckEditedRows(range: GoogleAppsScript.Spreadsheet.Range, settings: Settings, now: Date): number {
  const sheet = range.getSheet();
  if (!settings.sheets.some((s) => s.sheet === sheet.getName())) return 0;
  const firstEdited = Math.max(2, range.getRow());
  const lastEdited = range.getRow() + range.getNumRows() - 1;
  if (lastEdited < 2) return 0;
  // Rows 1..lastEdited: the headers, the edited rows and the earlier rows duplicates are found in.
  const raw = sheet.getRange(1, 1, lastEdited, sheet.getLastColumn()).getValues() as Cell[][];
  const headers = raw[0] ?? [];
  const grid = presentRows(raw, mapHeaders(headers), sheet.getParent().getSpreadsheetTimeZone());
  const editedColumns = headers.slice(range.getColumn() - 1, range.getColumn() - 1 + range.getNumColumns());
  // The add-on's own columns are not input: editing them alone changes no result.
  if (editedColumns.every((h) => columnForHeader(h)?.output)) return 0;
  const profile = profileForSheet(settings, sheet.getName());
  const table = checkTable(headers, grid.slice(1), profile, todayInJakarta(now));
  if (table.missingRequired.length || table.missingAnchor || RESULT_KEYS.some((k) => table.columns[k] === undefined)) return 0;
  const byRow = new Map(table.results.filter((r) => r.row >= firstEdited).map((r) => [r.row, rowOutput(r, profile)]));
  const count = lastEdited - firstEdited + 1;
  const keyByColumn = new Map<number, ResultKey>(RESULT_KEYS.map((k) => [table.columns[k]!, k]));
  writeColumns(sheet, firstEdited, count, [...keyByColumn.keys()], (r, c) => {
    const output = byRow.get(firstEdited + r);
    const key = keyByColumn.get(c)!;
    // A row emptied by the edit loses its old results too.
    const old = (raw[firstEdited - 1 + r]?.[c] ?? "") as Value;
    if (!output) return key === "stage" ? old : "";
    return output[key] ?? old;
  });
  sheet.getRange(firstEdited, table.columns.checkResult! + 1, count, 1)
    .setNotes(Array.from({ length: count }, (_, r) => [byRow.get(firstEdited + r)?.note ?? ""]));
  return byRow.size;
}
