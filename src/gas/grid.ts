/**
 * Batched writes: values for several columns over a span of rows go out as one setValues per
 * run of adjacent columns, so the call count never depends on the number of rows.
 */
import { retrying } from "./services";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
export type Value = string | number | boolean | Date;

/** Groups 0-based column indexes into runs of adjacent columns. */
export function columnRuns(columns: readonly number[]): number[][] {
  const sorted = [...new Set(columns)].sort((a, b) => a - b);
  const runs: number[][] = [];
  for (const c of sorted) {
    const last = runs[runs.length - 1];
    if (last && last[last.length - 1] === c - 1) last.push(c);
    else runs.push([c]);
  }
  return runs;
}

/**
 * Writes `cellFor(rowOffset, column)` into rows firstRow..firstRow+count-1 (1-based) of the
 * given 0-based columns, one call per run of adjacent columns.
 */
export function writeColumns(
  sheet: Sheet,
  firstRow: number,
  count: number,
  columns: readonly number[],
  cellFor: (rowOffset: number, column: number) => Value,
): void {
  if (count <= 0) return;
  for (const run of columnRuns(columns)) {
    const block: Value[][] = [];
    for (let r = 0; r < count; r++) block.push(run.map((c) => cellFor(r, c)));
    retrying(() => sheet.getRange(firstRow, run[0]! + 1, count, run.length).setValues(block));
  }
}
