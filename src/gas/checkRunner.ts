/** Periksa Semua / Periksa Baris Terpilih / onEdit: read once, decide in the domain, write once. */
import { type RowResult, checkTable } from "../domain/check";
import { type ColumnKey, type ColumnMap, headerOf, mapHeaders } from "../domain/columns";
import { todayInJakarta } from "../domain/dates";
import { DECISIONS } from "../domain/eligibility";
import { nextIds, RESULT_KEYS, type ResultKey, rowOutput, type RowOutput } from "../domain/outputs";
import { profileForSheet, type Settings } from "../domain/settings";
import { type Cell, cellText } from "../domain/text";
import { UserError } from "./errors";
import { type Value, writeColumns } from "./grid";
import { presentRows } from "./present";
import { documentProperties, retrying } from "./services";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;


export interface CheckSummary {
  checked: number;
  written: number;
  /** Rows that moved or vanished between reading and writing; check them again. */
  skipped: number;
  counts: Partial<Record<string, number>>;
}

function requireColumns(columns: ColumnMap, keys: readonly ColumnKey[]): void {
  const missing = keys.filter((k) => columns[k] === undefined);
  if (missing.length) {
    throw new UserError(`Kolom ${missing.map((k) => `"${headerOf(k)}"`).join(", ")} tidak ditemukan. Jalankan menu PBI-JK › Siapkan Sheet.`);
  }
}

/** Rows whose ID an earlier row already has: copied rows, which get an ID of their own. */
function copiedRows(results: readonly RowResult[]): Set<RowResult> {
  const seen = new Set<string>();
  const copies = new Set<RowResult>();
  for (const r of results) {
    if (!r.request.id) continue;
    if (seen.has(r.request.id)) copies.add(r);
    else seen.add(r.request.id);
  }
  return copies;
}

function assignIds(results: RowResult[], copies: Set<RowResult>, existing: string[], now: Date): Map<RowResult, string> {
  const fresh = results.filter((r) => r.request.id === "" || copies.has(r));
  const assigned = new Map<RowResult, string>();
  if (fresh.length === 0) return assigned;
  const year = Number(todayInJakarta(now).slice(0, 4));
  const props = documentProperties();
  const key = `pbijk.lastId.${year}`;
  const { ids, last } = nextIds(existing, Number(props.getProperty(key) ?? "0"), year, fresh.length);
  props.setProperty(key, String(last));
  fresh.forEach((r, i) => assigned.set(r, ids[i]!));
  return assigned;
}

/**
 * Checks a request sheet. `only` limits the rows written (sheet row numbers); every row is still
 * read, because duplicates are found across rows. Call inside the document lock.
 */
export function checkSheet(sheet: Sheet, settings: Settings, now: Date, only?: ReadonlySet<number>): CheckSummary {
  const profile = profileForSheet(settings, sheet.getName());
  const raw = retrying(() => sheet.getDataRange().getValues()) as Cell[][];
  const grid = presentRows(raw, mapHeaders(raw[0] ?? []), sheet.getParent().getSpreadsheetTimeZone());
  const table = checkTable(grid[0] ?? [], grid.slice(1), profile, todayInJakarta(now));
  if (table.missingRequired.length) requireColumns(table.columns, table.missingRequired);
  if (table.missingAnchor) {
    throw new UserError(`Kolom acuan batas reaktivasi "${table.missingAnchor}" (di Pengaturan) tidak ada di sheet "${sheet.getName()}". Tambahkan kolomnya atau kosongkan pengaturan itu.`);
  }
  requireColumns(table.columns, ["id", ...RESULT_KEYS]);
  const results = only ? table.results.filter((r) => only.has(r.row)) : table.results;
  const copies = copiedRows(table.results);
  const ids = assignIds(results, copies, grid.slice(1).map((row) => cellText(row[table.columns.id!]).trim()), now);

  // Re-read just before writing and find each row again by its ID: a sort or a column move
  // made meanwhile must never put a result on the wrong person.
  const current = retrying(() => sheet.getDataRange().getValues()) as Cell[][];
  const columns = mapHeaders(current[0] ?? []);
  requireColumns(columns, ["id", ...RESULT_KEYS]);
  const located = locateRows(results, copies, raw, table.columns, current, columns);
  const targets = new Map<number, Target>();
  for (const [index, result] of located) {
    targets.set(index, { result, output: rowOutput(result, profile), id: ids.get(result) ?? null });
  }
  const skipped = results.length - targets.size;

  const counts: Partial<Record<string, number>> = {};
  for (const t of targets.values()) counts[t.output.decision] = (counts[t.output.decision] ?? 0) + 1;
  if (targets.size > 0) writeResults(sheet, current, columns, targets, only !== undefined);
  return { checked: results.length, written: targets.size, skipped, counts };
}

interface Target {
  result: RowResult;
  output: RowOutput;
  /** A new ID to write, or null to keep the row's. */
  id: string | null;
}

/**
 * Where each result's row is now (0-based index into `current`). A unique ID finds its row
 * wherever a sort moved it; a row without a usable ID (new, or a copied ID) must still be where
 * it was, with the same ID cell and name. Rows not found are left out: they are checked next time.
 */
function locateRows(
  results: readonly RowResult[],
  copies: ReadonlySet<RowResult>,
  read: readonly Cell[][],
  readColumns: ColumnMap,
  current: readonly Cell[][],
  columns: ColumnMap,
): Map<number, RowResult> {
  const idCol = columns.id!;
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
  const located = new Map<number, RowResult>();
  for (const result of results) {
    const id = result.request.id;
    if (id && !copies.has(result) && !ambiguous.has(id)) {
      const index = rowById.get(id);
      if (index !== undefined) located.set(index, result);
      continue;
    }
    const i = result.row - 1;
    if (current[i] !== undefined && cellText(current[i]![idCol]).trim() === id && sameName(i)) located.set(i, result);
  }
  return located;
}

function writeResults(
  sheet: Sheet,
  current: Cell[][],
  columns: ColumnMap,
  targets: Map<number, Target>,
  partial: boolean,
): void {
  // A loop, not Math.min(...spread): spreading 150k+ rows overflows the call stack.
  let first = Infinity;
  let last = -Infinity;
  for (const i of targets.keys()) {
    if (i < first) first = i;
    if (i > last) last = i;
  }
  const count = last - first + 1;
  const keep = (r: number, c: number): Value => (current[first + r]?.[c] ?? "") as Value;
  const newIds = [...targets.values()].some((t) => t.id !== null);
  if (newIds) {
    writeColumns(sheet, first + 1, count, [columns.id!], (r, c) => targets.get(first + r)?.id ?? keep(r, c));
  }
  const keyByColumn = new Map<number, ResultKey>(RESULT_KEYS.map((k) => [columns[k]!, k]));
  writeColumns(sheet, first + 1, count, [...keyByColumn.keys()], (r, c) => {
    const target = targets.get(first + r);
    if (!target) return keep(r, c);
    const value = target.output[keyByColumn.get(c)!];
    return value ?? keep(r, c);
  });
  // A full check covers every filled row, so only a partial one must keep the notes in between.
  const notes = sheet.getRange(first + 1, columns.checkResult! + 1, count, 1);
  const old = partial && count > targets.size ? notes.getNotes() : [];
  const noteValues = Array.from({ length: count }, (_, r) => [targets.get(first + r)?.output.note ?? old[r]?.[0] ?? ""]);
  retrying(() => notes.setNotes(noteValues));

  // Valid phone numbers are stored normalised (+62…), written only when one changes.
  const phoneCol = columns.phone;
  if (phoneCol === undefined) return;
  const phoneFor = (r: number): string | null => targets.get(first + r)?.result.request.phone ?? null;
  const changed = Array.from({ length: count }, (_, r) => phoneFor(r)).some((p, r) => p !== null && p !== cellText(keep(r, phoneCol)));
  if (changed) writeColumns(sheet, first + 1, count, [phoneCol], (r, c) => phoneFor(r) ?? keep(r, c));
}

export function describeSummary(summary: CheckSummary): string {
  const parts = Object.values(DECISIONS)
    .filter((d) => summary.counts[d])
    .map((d) => `${d}: ${summary.counts[d]}`);
  const moved = summary.skipped ? ` ${summary.skipped} baris berpindah atau terhapus saat diperiksa: jalankan lagi.` : "";
  return `${summary.written} permohonan diperiksa${parts.length ? ` · ${parts.join(" · ")}` : ""}.${moved}`;
}
