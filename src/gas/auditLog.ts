/** The `Log` sheet: one line per move, appended in one write. */
import { LOG_HEADERS, LOG_SHEET } from "../domain/layout";
import { guardFormula } from "../domain/privacy";
import type { Cell } from "../domain/text";
import { retrying } from "./services";

/** Appends lines to `Log` in one write (Siapkan Sheet made it; an older sheet gets it here); a note typed as a formula stays text. */
export function appendLog(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, lines: readonly string[][]): void {
  if (lines.length === 0) return;
  let log = ss.getSheetByName(LOG_SHEET);
  if (!log) {
    log = ss.insertSheet(LOG_SHEET);
    log.getRange(1, 1, 1, LOG_HEADERS.length).setValues([LOG_HEADERS]);
  }
  const start = Math.max(log.getLastRow(), 1) + 1;
  if (start + lines.length - 1 > log.getMaxRows()) log.insertRowsAfter(log.getMaxRows(), start + lines.length - 1 - log.getMaxRows());
  retrying(() => log!.getRange(start, 1, lines.length, LOG_HEADERS.length).setValues(lines.map((l) => l.map(guardFormula))));
}

/** The whole Log in one read ([] when there is none): Periksa Integritas and a full check compare stamps with it. */
export function readLog(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): Cell[][] {
  const log = ss.getSheetByName(LOG_SHEET);
  if (!log || log.getLastRow() === 0) return [];
  return retrying(() => log.getDataRange().getValues()) as Cell[][];
}
