/** The one place a write plan (src/domain/writePlan.ts) reaches the sheet. */
import type { WritePlan } from "../domain/writePlan";
import { type Value, writeColumns } from "./grid";
import { retrying } from "./services";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** One setValues per run of adjacent columns, then one setNotes (old notes read only when some are kept). */
export function applyWritePlan(sheet: Sheet, plan: WritePlan): void {
  const { firstRow, rowCount, cells } = plan;
  if (rowCount === 0) return;
  // Rows pasted or inserted below the formatted range may lack the text format setup applied.
  for (const c of plan.textColumns) retrying(() => sheet.getRange(firstRow, c + 1, rowCount, 1).setNumberFormat("@"));
  if (cells.size > 0) {
    writeColumns(sheet, firstRow, rowCount, [...cells.keys()], (r, c) => (cells.get(c)![r] ?? "") as Value);
  }
  if (plan.noteColumn < 0) return;
  const range = sheet.getRange(firstRow, plan.noteColumn + 1, rowCount, 1);
  const old = plan.notes.some((n) => n === null) ? retrying(() => range.getNotes()) : [];
  const notes = plan.notes.map((n, r) => [n ?? old[r]?.[0] ?? ""]);
  retrying(() => range.setNotes(notes));
}
