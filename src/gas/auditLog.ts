/**
 * The `Log` sheet: one line per move, appended in one write. A move writes its row first and its
 * line after; the lines wait in document properties in between (users cannot edit those), so a
 * failure after the row write never loses a line: the next action under the lock appends it.
 */
import { mapHeaders } from "../domain/columns";
import { LOG_HEADERS, LOG_SHEET } from "../domain/layout";
import { guardFormula } from "../domain/privacy";
import { type Cell, cellText, enumKey } from "../domain/text";
import { logError, UserError } from "./errors";
import { documentProperties, retrying, withDocumentLock } from "./services";

/** A Log line (time, user, ID, action, from, to, note) and the request sheet its row is on (by ID: a rename keeps it). */
export interface PendingLine {
  sheetId: number;
  line: string[];
}

const JOURNAL_KEY = "pbijk.pendingLog";
/** ASCII characters per property value (non-ASCII is escaped): under the 9 KB a value may hold. */
const CHUNK = 8000;

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

/**
 * The document lock for an action that moves requests or reads the Log: waiting lines go in
 * first. If they cannot, the action still runs; a move then stops in commitMoves, before it
 * writes anything, so the waiting lines are never replaced.
 */
export function withMoveLock<T>(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, fn: () => T): T {
  return withDocumentLock(() => {
    try {
      replayPendingLog(ss);
    } catch (error) {
      logError("replayPendingLog", error);
    }
    return fn();
  });
}

/**
 * Writes rows (`writeRows`) and then their Log lines. Call under the document lock. When the
 * journal cannot be saved the move still goes ahead: the user's work matters more than a record
 * of a failure that has not happened.
 */
export function commitMoves(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, pending: readonly PendingLine[], writeRows: () => void): void {
  // Normally done when the lock was taken (withMoveLock); saving this run's journal replaces an older one.
  try {
    replayPendingLog(ss);
  } catch (error) {
    logError("replayPendingLog", error);
    throw new UserError(`Baris "${LOG_SHEET}" dari tindakan sebelumnya belum dapat ditulis, jadi tindakan ini belum dijalankan dan tidak ada yang diubah. ` +
      `Pastikan sheet "${LOG_SHEET}" ada dan dapat disunting, lalu coba lagi sebentar lagi.`);
  }
  const saved = pending.length > 0 && saveJournal(pending);
  writeRows();
  appendLog(ss, pending.map((p) => p.line));
  if (saved) clearJournal();
}

/**
 * Appends the lines an earlier run left waiting whose moves landed, and drops the others. A move
 * landed unless its request, found by ID, still stands in the stage it moved from (later checks
 * and moves may have taken it further); a request that is gone cannot tell, and its line is
 * dropped. Lines already at the end of the Log (the journal outlived a finished append) are not
 * appended again. Call under the document lock. Returns how many lines were appended.
 */
export function replayPendingLog(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): number {
  const pending = readJournal();
  if (pending === null) return 0;
  const stages = new Map<number, Map<string, string>>();
  for (const id of new Set(pending.map((p) => p.sheetId))) stages.set(id, stageById(ss, id));
  const landed = pending.filter((p) => {
    const stage = stages.get(p.sheetId)?.get(cellText(p.line[2]).trim());
    return stage !== undefined && (enumKey(stage) === enumKey(cellText(p.line[5])) || enumKey(stage) !== enumKey(cellText(p.line[4])));
  });
  const logged = lastLogLines(ss, landed.length);
  appendLog(ss, landed.filter((p) => !logged.has(lineKey(p.line))).map((p) => p.line));
  clearJournal();
  return landed.length;
}

/** User, ID, action, from, to and note: what makes a line the same line (the time cell's display may differ from its text). */
const lineKey = (line: readonly Cell[]) => line.slice(1, 7).map((c) => cellText(c).trim()).join("\u0000");

/** The last `count` lines of the Log as keys (one read; none when there is nothing to compare). */
function lastLogLines(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, count: number): Set<string> {
  const log = ss.getSheetByName(LOG_SHEET);
  const last = log?.getLastRow() ?? 0;
  if (!log || count === 0 || last < 2) return new Set();
  const rows = Math.min(count, last - 1);
  const grid = retrying(() => log.getRange(last - rows + 1, 1, rows, LOG_HEADERS.length).getDisplayValues());
  return new Set(grid.map(lineKey));
}

/** `Tahap` by `ID Permohonan` in one read; a sheet or column that is gone gives none. */
function stageById(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, sheetId: number): Map<string, string> {
  const byId = new Map<string, string>();
  const sheet = ss.getSheets().find((s) => s.getSheetId() === sheetId);
  if (!sheet || sheet.getLastRow() < 2) return byId;
  const grid = retrying(() => sheet.getDataRange().getValues()) as Cell[][];
  const columns = mapHeaders(grid[0] ?? []);
  if (columns.id === undefined || columns.stage === undefined) return byId;
  for (const row of grid.slice(1)) byId.set(cellText(row[columns.id]).trim(), cellText(row[columns.stage]));
  return byId;
}

function saveJournal(pending: readonly PendingLine[]): boolean {
  try {
    // Escaped to ASCII, so a chunk's bytes are its characters and no character is split.
    const text = JSON.stringify(pending).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
    const values: Record<string, string> = {};
    const count = Math.ceil(text.length / CHUNK);
    for (let i = 0; i < count; i++) values[`${JOURNAL_KEY}.${i}`] = text.slice(i * CHUNK, (i + 1) * CHUNK);
    values[JOURNAL_KEY] = String(count);
    documentProperties().setProperties(values);
    return true;
  } catch (error) {
    logError("saveJournal", error);
    return false;
  }
}

function readJournal(): PendingLine[] | null {
  const props = documentProperties();
  const count = Number(props.getProperty(JOURNAL_KEY) ?? "0");
  if (!(count > 0)) return null;
  try {
    const all = props.getProperties();
    let text = "";
    for (let i = 0; i < count; i++) text += all[`${JOURNAL_KEY}.${i}`] ?? "";
    return JSON.parse(text) as PendingLine[];
  } catch {
    // A journal that cannot be read is dropped: appending a guess would be worse than a gap.
    // Only that is logged: a parser's message may quote the notes.
    logError("readJournal", new Error("journal unreadable"));
    clearJournal();
    return null;
  }
}

/** The count goes first: once it is gone the journal is, whatever happens to the chunks. */
function clearJournal(): void {
  const props = documentProperties();
  const count = Number(props.getProperty(JOURNAL_KEY) ?? "0");
  props.deleteProperty(JOURNAL_KEY);
  for (let i = 0; i < count; i++) props.deleteProperty(`${JOURNAL_KEY}.${i}`);
}

/** The whole Log in one read ([] when there is none): Periksa Integritas and a full check compare stamps with it. */
export function readLog(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): Cell[][] {
  const log = ss.getSheetByName(LOG_SHEET);
  if (!log || log.getLastRow() === 0) return [];
  return retrying(() => log.getDataRange().getValues()) as Cell[][];
}
