/** Periksa Semua / Periksa Baris Terpilih / onEdit: read once, decide in the domain, write once. */
import { type RowResult, checkTable } from "../domain/check";
import { type ColumnKey, type ColumnMap, columnList, describeDuplicates, headerOf, mapHeaders } from "../domain/columns";
import { todayInJakarta } from "../domain/dates";
import { DECISIONS } from "../domain/eligibility";
import { nextIds, RESULT_KEYS } from "../domain/outputs";
import { profileForSheet, type Settings } from "../domain/settings";
import { type Cell, cellText } from "../domain/text";
import { UserError } from "./errors";
import { presentRows } from "./present";
import { documentProperties, retrying } from "./services";
import { applyWritePlan } from "./writer";
import { planWrites } from "../domain/writePlan";
import { hasStamps, type UnloggedApproval, unloggedApprovals, unloggedSummary } from "../domain/integrity";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;


export interface CheckSummary {
  checked: number;
  written: number;
  /** Rows that moved or vanished between reading and writing; check them again. */
  skipped: number;
  /** Rows whose input someone edited while the check ran: not written, check them again. */
  changed: number;
  counts: Partial<Record<string, number>>;
  /** A full check only: approval stamps without a matching Log line (spec section 6). */
  unlogged?: UnloggedApproval[];
  /** Columns the profile's rules read that the sheet lacks: read as blank, said once (spec section 2). */
  missingUsed: ColumnKey[];
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
 * read, because duplicates are found across rows. Given a reader of the `Log` (called only when
 * the sheet has approval stamps), the summary also lists stamps without a Log line. Call inside the document lock.
 */
export function checkSheet(sheet: Sheet, settings: Settings, now: Date, only?: ReadonlySet<number>, log?: () => Cell[][]): CheckSummary {
  const profile = profileForSheet(settings, sheet.getName());
  const raw = retrying(() => sheet.getDataRange().getValues()) as Cell[][];
  const grid = presentRows(raw, mapHeaders(raw[0] ?? []), sheet.getParent().getSpreadsheetTimeZone());
  const table = checkTable(grid[0] ?? [], grid.slice(1), profile, todayInJakarta(now));
  if (table.duplicateColumns.length) throw new UserError(`Sheet "${sheet.getName()}": ${describeDuplicates(table.duplicateColumns)}`);
  if (table.missingRequired.length) requireColumns(table.columns, table.missingRequired);
  if (table.missingAnchor) {
    throw new UserError(`Kolom acuan batas reaktivasi "${table.missingAnchor}" (di Pengaturan) tidak ada di sheet "${sheet.getName()}". Tambahkan kolomnya atau kosongkan pengaturan itu.`);
  }
  requireColumns(table.columns, ["id", ...RESULT_KEYS]);
  const results = only ? table.results.filter((r) => only.has(r.row)) : table.results;
  const copies = copiedRows(table.results);
  const newIds = assignIds(results, copies, grid.slice(1).map((row) => cellText(row[table.columns.id!]).trim()), now);

  // Re-read just before writing: the plan finds each row again by its ID (a sort or a column
  // move made meanwhile never puts a result on the wrong person) and refuses rows edited meanwhile.
  const current = retrying(() => sheet.getDataRange().getValues()) as Cell[][];
  requireColumns(mapHeaders(current[0] ?? []), ["id", ...RESULT_KEYS]);
  const plan = planWrites({
    read: raw, current, results, newIds, copies, profile, normalisePhones: true, clearOtherNotes: only === undefined,
  });
  applyWritePlan(sheet, plan);
  const counts: Partial<Record<string, number>> = {};
  for (const { output } of plan.written) counts[output.decision] = (counts[output.decision] ?? 0) + 1;
  const changed = plan.refused.filter((r) => r.reason === "changed").length;
  const currentColumns = mapHeaders(current[0] ?? []);
  let unlogged: UnloggedApproval[] | undefined;
  if (log) unlogged = hasStamps(current.slice(1), currentColumns) ? unloggedApprovals(current.slice(1), currentColumns, log()) : [];
  return {
    checked: results.length, written: plan.written.length, skipped: plan.refused.length - changed, changed, counts, unlogged,
    missingUsed: table.missingUsed,
  };
}

export function describeSummary(summary: CheckSummary): string {
  const parts = Object.values(DECISIONS)
    .filter((d) => summary.counts[d])
    .map((d) => `${d}: ${summary.counts[d]}`);
  const moved = summary.skipped ? ` ${summary.skipped} baris berpindah atau terhapus saat diperiksa: jalankan lagi.` : "";
  const changed = summary.changed
    ? ` ${summary.changed} baris berubah saat diperiksa, periksa lagi (hasilnya tidak ditulis agar suntingan tidak tertimpa).`
    : "";
  const missing = summary.missingUsed.length
    ? ` Kolom yang dipakai profil ini tidak ada, jadi dibaca kosong: ${columnList(summary.missingUsed)}. Jalankan PBI-JK › Siapkan Sheet untuk menambahkannya.`
    : "";
  return `${summary.written} permohonan diperiksa${parts.length ? ` · ${parts.join(" · ")}` : ""}.${missing}${moved}${changed}${unloggedSummary(summary.unlogged ?? [])}`;
}
