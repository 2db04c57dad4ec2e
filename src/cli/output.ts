/**
 * `--output`: the input rows unchanged plus the result columns, as CSV (UTF-8 with BOM, the
 * input's separator) or Excel; every text cell formula-safe.
 */
import type { TableCheck } from "../domain/check";
import { formatShortDate } from "../domain/dates";
import { DOCUMENTS } from "../domain/documents";
import { rowOutput } from "../domain/outputs";
import type { Profile } from "../domain/profiles";
import { type Cell, cellText, headerKey } from "../domain/text";
import { guardFormula } from "../domain/privacy";
import { writeCsv } from "./csv";
import type { InputTable } from "./input";
import { excelDate, writeXlsx } from "./xlsx";

export const RESULT_HEADERS = ["Hasil Pemeriksaan", "Keputusan", "Alasan", "Batas Reaktivasi", "Dokumen Kurang"] as const;

export const isOutputPath = (path: string): boolean => /\.(csv|xlsx)$/i.test(path);

/** Header row plus data rows, typed; result columns the file already has are filled, not repeated. */
export function resultRecords(input: InputTable, check: TableCheck, profile: Profile): Cell[][] {
  const headers = [...input.headers];
  // A loop, not Math.max(...rows): spreading 100,000 arguments overflows the stack.
  let width = headers.length;
  for (const r of input.rows) width = Math.max(width, r.length);
  while (headers.length < width) headers.push("");
  const target = RESULT_HEADERS.map((h) => {
    const at = headers.findIndex((x) => headerKey(cellText(x)) === headerKey(h));
    return at >= 0 ? at : headers.push(h) - 1;
  });
  const records: Cell[][] = input.rows.map((r) => {
    const cells = [...r];
    while (cells.length < headers.length) cells.push(null);
    return cells;
  });
  for (const result of check.results) {
    const out = rowOutput(result, profile);
    // The sheet shows findings in a note; a file has no notes, so they follow the summary.
    const values: Cell[] = [
      [out.checkResult, out.note].filter(Boolean).join("\n"),
      out.decision,
      out.reasons,
      result.deadline ? isoToDate(result.deadline) : "",
      result.missingDocuments.map((d) => DOCUMENTS[d].name).join(", "),
    ];
    const cells = records[result.row - 2]!;
    values.forEach((v, i) => {
      cells[target[i]!] = v;
    });
  }
  return [headers, ...records];
}

/** A calendar date as the instant of its Jakarta midnight, like the dates read from a sheet. */
const isoToDate = (iso: string): Date => new Date(`${iso}T00:00:00+07:00`);

/** A typed cell as CSV text: dates as dd/mm/yyyy (with the time when there is one). */
function csvText(cell: Cell): string {
  if (!(cell instanceof Date)) return cellText(cell);
  const wall = excelDate(cell).toISOString();
  const date = formatShortDate(wall.slice(0, 10));
  const time = wall.slice(11, 16);
  return time === "00:00" ? date : `${date} ${time}`;
}

const safeCell = (cell: Cell): Cell => (typeof cell === "string" ? guardFormula(cell) : cell);

export async function encodeOutput(path: string, input: InputTable, records: readonly (readonly Cell[])[]): Promise<Uint8Array> {
  if (/\.xlsx$/i.test(path)) return writeXlsx(input.sheetName, records.map((r) => r.map(safeCell)));
  return new TextEncoder().encode(writeCsv(records.map((r) => r.map(csvText)), input.delimiter));
}
