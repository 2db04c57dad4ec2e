/**
 * Raw sheet values as the rules expect them. A number in an ID column is shown the way Sheets
 * shows it under the automatic format: 16-digit numbers (Sheets keeps only 15 significant
 * digits) become "3.27301E+15", so they are flagged as lost precision even when the column was
 * later formatted as text and the display looks whole.
 */
import { ALL_COLUMNS, type ColumnKey, type ColumnMap, columnForHeader } from "../domain/columns";
import { JAKARTA_TIME_ZONE } from "../domain/dates";
import type { Cell } from "../domain/text";

const IDENTITY_KEYS: readonly ColumnKey[] = ["nik", "kk", "cardNumber", "phone"];
const BOOL_KEYS = ALL_COLUMNS.filter((c) => c.type === "bool").map((c) => c.key as ColumnKey);

export function automaticNumberText(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Math.abs(n) < 1e15 && Number.isInteger(n)) return n.toFixed(0);
  if (Math.abs(n) < 1e15) return String(n);
  const [mantissa, exponent] = n.toExponential(5).split("e");
  const trimmed = mantissa!.replace(/\.?0+$/, "");
  const e = Number(exponent);
  return `${trimmed}E${e < 0 ? "-" : "+"}${String(Math.abs(e)).padStart(2, "0")}`;
}

/** A copy of the rows (header row untouched) ready for the rules; `timeZone` is the spreadsheet's. */
export function presentRows(rows: Cell[][], columns: ColumnMap, timeZone: string): Cell[][] {
  const identity = IDENTITY_KEYS.map((k) => columns[k]).filter((i): i is number => i !== undefined);
  const bools = BOOL_KEYS.map((k) => columns[k]).filter((i): i is number => i !== undefined);
  // Any column holding Dates is a date column, named in the catalogue or in settings (the window anchor).
  const shiftDates = timeZone !== JAKARTA_TIME_ZONE;
  const withTime = new Set((rows[0] ?? []).flatMap((h, i) => (columnForHeader(h)?.type === "datetime" ? [i] : [])));
  if (identity.length === 0 && !shiftDates && bools.length === 0) return rows;
  return rows.map((row, r) => {
    if (r === 0) return row;
    const out = row.slice();
    // An unticked checkbox is an empty cell to a user: a row of them alone is not a request.
    for (const i of bools) if (out[i] === false) out[i] = "";
    for (const i of identity) {
      const v = out[i];
      if (typeof v === "number") out[i] = automaticNumberText(v);
    }
    // Sheets hands out dates as midnight in the spreadsheet's zone; read them in that zone.
    if (shiftDates) {
      for (let i = 0; i < out.length; i++) {
        const v = out[i];
        if (v instanceof Date && !Number.isNaN(v.getTime())) {
          out[i] = Utilities.formatDate(v, timeZone, withTime.has(i) ? "yyyy-MM-dd HH:mm" : "yyyy-MM-dd");
        }
      }
    }
    return out;
  });
}
