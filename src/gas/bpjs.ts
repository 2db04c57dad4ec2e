/**
 * Sinkronkan BPJS: outcomes typed into `Untuk BPJS` go back to the request sheets by ID, then the
 * view is rebuilt. An edit in the view is brought back at once by the onEdit simple trigger.
 */
import {
  applySyncPlan, BPJS_OUTCOME_KEYS, BPJS_VIEW_COLUMNS, BPJS_VIEW_HEADERS, BPJS_VIEW_SHEET, bpjsViewRows, describeSyncPlan, keepHeldOutcomes,
  planBpjsSync, type RequestTable, type SyncPlan, type SyncUpdate, syncLogLines,
} from "../domain/bpjsView";
import { type ColumnKey, type ColumnMap, ENUMS, headerOf, mapHeaders } from "../domain/columns";
import { todayInJakarta } from "../domain/dates";
import { DATE_FORMAT, TEXT_FORMAT } from "../domain/layout";
import { guardFormula } from "../domain/privacy";
import { type Role, ROLES } from "../domain/roles";
import { DEFAULT_REQUEST_SHEET, profileForSheet, roleOf, type Settings, SETTINGS_SHEET } from "../domain/settings";
import type { Cell } from "../domain/text";
import { jakartaStamp } from "../domain/workflow";
import { appendLog, commitMoves, replayPendingLog, withMoveLock } from "./auditLog";
import { UserError } from "./errors";
import { type Value, writeColumns } from "./grid";
import { presentRows } from "./present";
import { activeUserEmail, retrying } from "./services";
import { describeProblems, loadSettings } from "./settingsRepo";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export const SYNC_ROLES: readonly Role[] = ["operator", "bpjs"];
/** Roles that may rebuild the view (and so edit its protected columns). */
const VIEW_EDITOR_ROLES: readonly Role[] = ["operator", "admin"];
const VIEW_PROTECTION = "PBI-JK: hanya Status BPJS, Tanggal Aktif BPJS dan Catatan BPJS yang diisi petugas BPJS";
export const UNKNOWN_EDITOR = "tidak diketahui";

interface ReadTable extends RequestTable {
  sheetRef: Sheet;
  /** Values as read, to write unchanged cells back as they were. */
  raw: Cell[][];
}

/** Request sheets whose service BPJS follows up, each read once. */
function readRequestTables(ss: Spreadsheet, settings: Pick<Settings, "sheets">): ReadTable[] {
  const names = settings.sheets.length ? settings.sheets.map((s) => s.sheet) : [DEFAULT_REQUEST_SHEET];
  const tables: ReadTable[] = [];
  for (const name of names) {
    if (!profileForSheet(settings, name).bpjsFollowUp) continue;
    const sheet = ss.getSheetByName(name);
    if (!sheet) throw new UserError(`Sheet "${name}" tidak ditemukan. Jalankan menu PBI-JK › Siapkan Sheet.`);
    const raw = retrying(() => sheet.getDataRange().getValues()) as Cell[][];
    const grid = presentRows(raw, mapHeaders(raw[0] ?? []), sheet.getParent().getSpreadsheetTimeZone());
    tables.push({ sheet: name, bpjsFollowUp: true, grid, raw, sheetRef: sheet });
  }
  return tables;
}

const NEEDED: readonly ColumnKey[] = ["id", "stage", ...BPJS_OUTCOME_KEYS];

function requireRequestColumns(tables: readonly ReadTable[]): void {
  for (const t of tables) {
    const columns = mapHeaders(t.grid[0] ?? []);
    const missing = NEEDED.filter((k) => columns[k] === undefined);
    if (missing.length) {
      throw new UserError(`Kolom ${missing.map((k) => `"${headerOf(k)}"`).join(", ")} tidak ada di sheet "${t.sheet}". Jalankan menu PBI-JK › Siapkan Sheet.`);
    }
  }
}

/** Writes a plan's updates: per sheet, one call per run of adjacent columns over the changed rows. */
function writeUpdates(tables: readonly ReadTable[], updates: readonly SyncUpdate[]): void {
  for (const t of tables) {
    const mine = new Map(updates.filter((u) => u.sheet === t.sheet).map((u) => [u.row, u]));
    if (mine.size === 0) continue;
    const columns: ColumnMap = mapHeaders(t.grid[0] ?? []);
    const first = Math.min(...mine.keys());
    const last = Math.max(...mine.keys());
    const keyOf = new Map<number, ColumnKey>(NEEDED.filter((k) => k !== "id").map((k) => [columns[k]!, k]));
    writeColumns(t.sheetRef, first, last - first + 1, [...keyOf.keys()], (r, c) => {
      const u = mine.get(first + r);
      // Rows in between are written back unchanged, as read under the same lock.
      const old = (t.raw[first + r - 1]?.[c] ?? "") as Value;
      if (!u) return old;
      switch (keyOf.get(c)) {
        case "bpjsStatus":
          return u.status;
        case "bpjsActiveDate":
          return u.activeDate;
        case "bpjsNote":
          // Request sheets keep the automatic format here: text must not turn into a formula.
          return guardFormula(u.note);
        default:
          return u.toStage ?? old;
      }
    });
  }
}

/** Writes the outcomes, then their Log lines (time, user, ID, action, from, to, note) in one write. */
function commitSync(ss: Spreadsheet, tables: readonly ReadTable[], updates: readonly SyncUpdate[], user: string, now: Date, locked: boolean): void {
  const stamp = jakartaStamp(now);
  const lines = syncLogLines(updates).map((l) => [stamp, user, l.id, l.action, l.from, l.to, l.note]);
  if (!locked) {
    // Without the lock the shared journal is not ours to touch: rows, then lines, as before it.
    writeUpdates(tables, updates);
    appendLog(ss, lines);
    return;
  }
  const idOf = new Map(tables.map((t) => [t.sheet, t.sheetRef.getSheetId()]));
  const sheetOf = new Map(updates.map((u) => [u.id, idOf.get(u.sheet) ?? -1]));
  commitMoves(ss, lines.map((line) => ({ sheetId: sheetOf.get(line[2]!) ?? -1, line })), () => writeUpdates(tables, updates));
}

function viewEditors(settings: Settings): string[] {
  return [...new Set(settings.roles.filter((r) => VIEW_EDITOR_ROLES.includes(r.role)).map((r) => r.email))];
}

const OUTCOME_COLUMNS = BPJS_OUTCOME_KEYS.map((k) => BPJS_VIEW_COLUMNS.findIndex((c) => c.key === k) + 1);
const FIRST_OUTCOME_COLUMN = Math.min(...OUTCOME_COLUMNS);

/**
 * Rewrites `Untuk BPJS`: values, text/date formats, the status dropdown, and a sheet protection
 * leaving only the three BPJS columns open. Returns false when the user may not edit the view.
 */
function writeView(ss: Spreadsheet, rows: readonly string[][], settings: Settings): boolean {
  let sheet = ss.getSheetByName(BPJS_VIEW_SHEET);
  const created = !sheet;
  if (!sheet) sheet = ss.insertSheet(BPJS_VIEW_SHEET);
  const view = sheet;
  const existing = view.getProtections(SpreadsheetApp.ProtectionType.SHEET)[0];
  if (existing && !existing.canEdit()) return false;
  const width = BPJS_VIEW_HEADERS.length;
  const height = rows.length + 1;
  if (height > view.getMaxRows()) view.insertRowsAfter(view.getMaxRows(), height - view.getMaxRows());
  const oldLast = view.getLastRow();
  if (oldLast > height) view.getRange(height + 1, 1, oldLast - height, width).clearContent();
  // Formats before values: "@" keeps IDs, card numbers and text literally (a leading "=" stays text).
  const formats = BPJS_VIEW_COLUMNS.map((c) => (c.key === "letterDate" || c.key === "bpjsActiveDate" ? DATE_FORMAT : TEXT_FORMAT));
  retrying(() => view.getRange(1, 1, height, width).setNumberFormats(Array.from({ length: height }, () => formats)));
  retrying(() => view.getRange(1, 1, height, width).setValues([[...BPJS_VIEW_HEADERS], ...rows.map((r) => [...r])]));
  const body = view.getMaxRows() - 1;
  const statusColumn = BPJS_VIEW_COLUMNS.findIndex((c) => c.key === "bpjsStatus") + 1;
  view.getRange(2, statusColumn, body, 1).setDataValidation(
    SpreadsheetApp.newDataValidation().requireValueInList([...ENUMS.bpjsStatus], true).setAllowInvalid(false)
      .setHelpText(`${headerOf("bpjsStatus")}: pilih ${ENUMS.bpjsStatus.join(" / ")}.`).build(),
  );
  if (created) {
    view.getRange(1, 1, 1, width).setFontWeight("bold");
    view.setFrozenRows(1);
  }
  const protection = existing ?? view.protect();
  protection.setDescription(VIEW_PROTECTION);
  protection.setWarningOnly(false);
  if (protection.canDomainEdit()) protection.setDomainEdit(false);
  protection.setUnprotectedRanges([view.getRange(2, FIRST_OUTCOME_COLUMN, body, OUTCOME_COLUMNS.length)]);
  // Editors follow the role table: operators and admins rebuild the view; BPJS staff only fill outcomes.
  // A protection lets every editor of the file in until its editor list is set (one made by an
  // older version may never have been), so the list is always set; editors go in before others
  // go out, as in Google's reference.
  const wanted = new Set(viewEditors(settings));
  const current = protection.getEditors().map((u) => u.getEmail().toLowerCase());
  protection.addEditors([...wanted]);
  const stale = current.filter((e) => !wanted.has(e));
  if (stale.length) protection.removeEditors(stale);
  return true;
}

function requireSyncRole(settings: Settings, email: string): void {
  if (email === "") {
    throw new UserError(`Email akun Anda tidak terbaca (misalnya akun di luar domain kantor), jadi peran Anda tidak dapat diperiksa. Masuk dengan akun yang tercantum di tabel "Email Pengguna" sheet "${SETTINGS_SHEET}", lalu coba lagi.`);
  }
  const roles = roleOf(settings, email);
  if (!roles.some((r) => SYNC_ROLES.includes(r))) {
    throw new UserError(`Sinkronkan BPJS hanya untuk peran ${SYNC_ROLES.map((r) => ROLES[r]).join(" atau ")}. Akun ${email} belum punya peran itu di tabel "Email Pengguna" sheet "${SETTINGS_SHEET}"; minta admin menambahkannya.`);
  }
}

/** Sinkronkan BPJS (menu): bring outcomes back, then rebuild the view. */
export function syncBpjs(ss: Spreadsheet, now = new Date()): string {
  const email = activeUserEmail();
  const { settings, problems } = loadSettings(ss);
  if (problems.some((p) => p.blocksChecks)) throw new UserError(describeProblems(problems));
  requireSyncRole(settings, email);
  return withMoveLock(ss, () => {
    const tables = readRequestTables(ss, settings);
    requireRequestColumns(tables);
    const viewSheet = ss.getSheetByName(BPJS_VIEW_SHEET);
    const viewGrid = viewSheet && viewSheet.getLastRow() > 0 ? (retrying(() => viewSheet.getDataRange().getValues()) as Cell[][]) : [];
    const plan = planBpjsSync(viewGrid, tables, todayInJakarta(now));
    commitSync(ss, tables, plan.updates, email, now, true);
    const rows = keepHeldOutcomes(bpjsViewRows(applySyncPlan(tables, plan.updates)), plan.held);
    const rebuilt = writeView(ss, rows, settings);
    const viewNote = rebuilt
      ? `"${BPJS_VIEW_SHEET}" diperbarui: ${rows.length} permohonan.`
      : `"${BPJS_VIEW_SHEET}" tidak diperbarui: sheet itu dilindungi; minta ${ROLES.operator} menjalankan Sinkronkan BPJS untuk menyusunnya ulang.`;
    // The usual run fits one line (a toast); problems and unknown IDs follow on their own lines.
    const [head, ...rest] = describeSyncPlan(plan).split("\n");
    return [`${head} ${viewNote}`, ...rest].join("\n");
  });
}

/**
 * onEdit in `Untuk BPJS`: brings the edited rows' outcomes back at once. The view's protection is
 * the gate (a simple trigger cannot check roles). Call under the document lock where available;
 * without it (`locked` false) the shared journal of waiting Log lines is left alone.
 */
export function bringBackBpjsEdit(e: GoogleAppsScript.Events.SheetsOnEdit, settings: Pick<Settings, "sheets">, now: Date, locked = true): SyncPlan | null {
  const range = e.range;
  const sheet = range.getSheet();
  if (sheet.getName() !== BPJS_VIEW_SHEET) return null;
  const first = Math.max(2, range.getRow());
  const last = range.getLastRow();
  const touched = (c: number) => c >= range.getColumn() && c <= range.getLastColumn();
  if (last < first || !OUTCOME_COLUMNS.some(touched)) return null;
  const ss = sheet.getParent();
  if (locked) replayPendingLog(ss);
  const viewGrid = sheet.getRange(1, 1, last, BPJS_VIEW_HEADERS.length).getValues() as Cell[][];
  const tables = readRequestTables(ss, settings);
  requireRequestColumns(tables);
  const edited = new Set(Array.from({ length: last - first + 1 }, (_, i) => first + i));
  const plan = planBpjsSync(viewGrid, tables, todayInJakarta(now), edited);
  commitSync(ss, tables, plan.updates, editorEmail(e), now, locked);
  SpreadsheetApp.flush();
  if (plan.updates.length || plan.problems.length || plan.unknownIds.length) {
    // A toast is a courtesy: the outcome is already written if the trigger may not show one.
    try {
      ss.toast(describeSyncPlan(plan), "PBI-JK", 10);
    } catch {
      // nothing to do
    }
  }
  return plan;
}

function editorEmail(e: GoogleAppsScript.Events.SheetsOnEdit): string {
  let email = "";
  try {
    email = e.user?.getEmail() ?? "";
  } catch {
    email = "";
  }
  return email || activeUserEmail() || UNKNOWN_EDITOR;
}
