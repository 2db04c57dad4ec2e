/**
 * What a check writes back, planned once for every trigger (Periksa Semua, Periksa Baris
 * Terpilih, onEdit): which cells of which columns, which notes, and which rows are refused.
 * A result is computed from the first read and written after a re-read; a row that moved away
 * or whose input changed in between is refused, so an edit made meanwhile is never overwritten.
 */
import type { RowResult } from "./check";
import { type ColumnKey, type ColumnMap, INPUT_COLUMNS, mapHeaders } from "./columns";
import { type RowOutput, RESULT_KEYS, rowOutput } from "./outputs";
import type { Profile } from "./profiles";
import { readDateCell } from "./dates";
import { type Cell, cellText, headerKey } from "./text";

export type Grid = readonly (readonly Cell[])[];

export interface WritePlanInput {
  /** The grid the results were computed from, header row first (index = sheet row - 1). */
  read: Grid;
  /** The grid re-read just before writing; `read` itself when nothing can have changed. */
  current: Grid;
  /** Results to write (their `row` is the sheet row at the first read). */
  results: readonly RowResult[];
  /** New IDs to write, for rows without one or with a copied one. */
  newIds?: ReadonlyMap<RowResult, string>;
  /** Results whose ID another row also has: found by position, never by that ID. */
  copies?: ReadonlySet<RowResult>;
  /** Sheet rows emptied by an edit: their old results go (the stage stays). */
  cleared?: readonly number[];
  profile: Profile;
  /** Store valid phone numbers normalised (+62…). */
  normalisePhones: boolean;
  /** Notes of rows in the span that are neither written nor refused are cleared (a full check: they are blank). */
  clearOtherNotes: boolean;
}

export type Refusal = "moved" | "changed";

export interface WritePlan {
  /** Sheet row of the first row of the span written; 0 when nothing is written. */
  firstRow: number;
  rowCount: number;
  /** 0-based column -> one value per row of the span (cells not written keep the re-read value). */
  cells: Map<number, Cell[]>;
  /** Written columns whose values must stay text: a normalised phone (+62…) in a cell not formatted as text becomes a number. */
  textColumns: number[];
  /** 0-based column of `Hasil Pemeriksaan`, which holds the findings as a note. */
  noteColumn: number;
  /** One note per row of the span; null keeps the note the cell has. */
  notes: (string | null)[];
  written: { row: number; output: RowOutput }[];
  refused: { row: number; reason: Refusal }[];
}

/** Inputs the rules read besides the catalogue's input columns. */
const READ_OUTPUT_KEYS: readonly ColumnKey[] = ["stage"];
const COMPARED_KEYS: readonly ColumnKey[] = [...INPUT_COLUMNS.map((c) => c.key), ...READ_OUTPUT_KEYS];

export function planWrites(input: WritePlanInput): WritePlan {
  const { read, current, profile } = input;
  const readColumns = mapHeaders(read[0] ?? []);
  const columns = mapHeaders(current[0] ?? []);
  const compared = comparedColumns(read[0] ?? [], current[0] ?? [], readColumns, columns, profile.windowAnchor);
  const targets = new Map<number, { result: RowResult; output: RowOutput }>();
  const refused: WritePlan["refused"] = [];
  /** Rows refused although still found: their notes stay as they are. */
  const kept = new Set<number>();
  const located = locateRows(input.results, input.copies ?? new Set(), read, readColumns, current, columns);
  for (const result of input.results) {
    const index = located.get(result);
    if (index === undefined) refused.push({ row: result.row, reason: "moved" });
    else if (!sameInputs(read[result.row - 1] ?? [], current[index]!, compared)) {
      refused.push({ row: result.row, reason: "changed" });
      kept.add(index);
    }
    else targets.set(index, { result, output: rowOutput(result, profile) });
  }
  const cleared = (input.cleared ?? []).map((row) => row - 1).filter((i) => i > 0 && i < current.length && !targets.has(i));

  const indexes = [...targets.keys(), ...cleared];
  const noteColumn = columns.checkResult ?? -1;
  const empty: WritePlan = { firstRow: 0, rowCount: 0, cells: new Map(), textColumns: [], noteColumn, notes: [], written: [], refused };
  if (indexes.length === 0) return empty;
  // A loop, not Math.min(...spread): spreading 150k+ rows overflows the call stack.
  let first = Infinity;
  let last = -Infinity;
  for (const i of indexes) {
    if (i < first) first = i;
    if (i > last) last = i;
  }
  const count = last - first + 1;
  const clearedSet = new Set(cleared);

  const cells = new Map<number, Cell[]>();
  /**
   * Plans a group of columns (IDs, results, phone), written only when one of its cells differs
   * from what the sheet holds; a group goes out whole, so adjacent columns stay one write.
   */
  const plan = (group: readonly (number | undefined)[], valueAt: (index: number, column: number) => Cell | undefined) => {
    const planned = new Map<number, Cell[]>();
    let differs = false;
    for (const column of group) {
      if (column === undefined) continue;
      const values: Cell[] = [];
      for (let i = first; i <= last; i++) {
        const now = current[i]?.[column] ?? "";
        const wanted = valueAt(i, column);
        if (wanted === undefined || wanted === null) values.push(now);
        else {
          values.push(wanted);
          if (!holds(now, wanted)) differs = true;
        }
      }
      planned.set(column, values);
    }
    if (differs) for (const [column, values] of planned) cells.set(column, values);
  };

  const newIds = input.newIds ?? new Map<RowResult, string>();
  plan([columns.id], (i) => {
    const t = targets.get(i);
    return t ? newIds.get(t.result) : undefined;
  });
  const keyByColumn = new Map<number | undefined, (typeof RESULT_KEYS)[number]>(RESULT_KEYS.map((k) => [columns[k], k]));
  plan([...keyByColumn.keys()], (i, column) => {
    const key = keyByColumn.get(column)!;
    if (clearedSet.has(i)) return key === "stage" ? undefined : "";
    return targets.get(i)?.output[key] ?? undefined;
  });
  if (input.normalisePhones && columns.phone !== undefined && readColumns.phone !== undefined) {
    const phoneCol = columns.phone;
    const readPhoneCol = readColumns.phone;
    plan([phoneCol], (i) => {
      const t = targets.get(i);
      const phone = t?.result.request.phone;
      if (!t || !phone) return undefined;
      // Only where the cell still holds the very text that was read.
      const wasRead = cellText(read[t.result.row - 1]?.[readPhoneCol]);
      return cellText(current[i]![phoneCol]) === wasRead ? phone : undefined;
    });
  }

  const notes: (string | null)[] = [];
  for (let i = first; i <= last; i++) {
    const t = targets.get(i);
    if (t) notes.push(t.output.note);
    else if (clearedSet.has(i)) notes.push("");
    else notes.push(input.clearOtherNotes && !kept.has(i) ? "" : null);
  }
  const written = [...targets.entries()].sort((a, b) => a[0] - b[0]).map(([i, t]) => ({ row: i + 1, output: t.output }));
  const textColumns = columns.phone !== undefined && cells.has(columns.phone) ? [columns.phone] : [];
  return { firstRow: first + 1, rowCount: count, cells, textColumns, noteColumn, notes, written, refused };
}

/** Pairs of (read column, current column) for every input the check read, matched by header. */
function comparedColumns(
  readHeaders: readonly Cell[],
  headers: readonly Cell[],
  readColumns: ColumnMap,
  columns: ColumnMap,
  anchor: string | null | undefined,
): [number | undefined, number | undefined][] {
  const pairs: [number | undefined, number | undefined][] = COMPARED_KEYS
    .filter((k) => readColumns[k] !== undefined || columns[k] !== undefined)
    .map((k) => [readColumns[k], columns[k]]);
  if (anchor) {
    const find = (row: readonly Cell[]) => {
      const i = row.findIndex((h) => headerKey(cellText(h)) === headerKey(anchor));
      return i < 0 ? undefined : i;
    };
    pairs.push([find(readHeaders), find(headers)]);
  }
  return pairs;
}

/**
 * Whether a cell already holds what would be written. Sheets stores a written `2026-12-01`
 * (or `2026-11-24 10:00`) as a date, so a date cell on that Jakarta day and time holds it.
 */
function holds(now: Cell, wanted: Cell): boolean {
  if (cellText(wanted) === cellText(now)) return true;
  const iso = typeof wanted === "string" && now instanceof Date ? /^(\d{4}-\d{2}-\d{2})(?: (\d{2}):(\d{2}))?$/.exec(wanted) : null;
  if (!iso) return false;
  const read = readDateCell(now, iso[2] !== undefined);
  return read.kind === "ok" && read.date === iso[1] && (iso[2] === undefined || read.minutes === Number(iso[2]) * 60 + Number(iso[3]));
}

function sameInputs(readRow: readonly Cell[], currentRow: readonly Cell[], pairs: [number | undefined, number | undefined][]): boolean {
  for (const [r, c] of pairs) {
    // A column added or removed meanwhile counts as a change.
    if (r === undefined || c === undefined) return false;
    if (cellText(readRow[r]) !== cellText(currentRow[c])) return false;
  }
  return true;
}

/**
 * Where each result's row is now (0-based index into `current`). A unique ID finds its row
 * wherever a sort moved it; a row without a usable ID (new, or a copied ID) must still be where
 * it was, with the same ID cell and name. Rows not found are left out: they are checked next time.
 */
function locateRows(
  results: readonly RowResult[],
  copies: ReadonlySet<RowResult>,
  read: Grid,
  readColumns: ColumnMap,
  current: Grid,
  columns: ColumnMap,
): Map<RowResult, number> {
  const located = new Map<RowResult, number>();
  const idCol = columns.id;
  if (idCol === undefined) return located;
  const rowById = new Map<string, number>();
  const ambiguous = new Set<string>();
  current.forEach((row, i) => {
    const id = cellText(row[idCol]).trim();
    if (i === 0 || !id) return;
    if (rowById.has(id)) ambiguous.add(id);
    rowById.set(id, i);
  });
  const sameName = (i: number) =>
    columns.name === undefined || cellText(current[i]![columns.name]) === cellText(read[i]?.[readColumns.name ?? -1]);
  for (const result of results) {
    const id = result.request.id;
    if (id && !copies.has(result) && !ambiguous.has(id)) {
      const index = rowById.get(id);
      if (index !== undefined) located.set(result, index);
      continue;
    }
    const i = result.row - 1;
    if (current[i] !== undefined && cellText(current[i]![idCol]).trim() === id && sameName(i)) located.set(result, i);
  }
  return located;
}
