/**
 * The `Log` sheet: one line per move, appended in one write. A move writes its row first and its
 * line after; the lines wait in document properties in between (users cannot edit those), so a
 * failure after the row write never loses a line: the next action under the lock appends it.
 */
import { mapHeaders } from "../domain/columns";
import { LOG_HEADERS, LOG_SHEET } from "../domain/layout";
import { guardFormula } from "../domain/privacy";
import { type Cell, cellText, enumKey } from "../domain/text";
import { logError } from "./errors";
import { documentProperties, retrying, withDocumentLock } from "./services";

/** A Log line (time, user, ID, action, from, to, note) and the request sheet its row is on. */
export interface PendingLine {
  sheet: string;
  line: string[];
}

const JOURNAL_KEY = "pbijk.pendingLog";
/** Characters per property value: under the 9 KB a value may hold, even in multi-byte text. */
const CHUNK = 2800;

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

/** The document lock for an action that moves requests or reads the Log: waiting lines go in first. */
export function withMoveLock<T>(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, fn: () => T): T {
  return withDocumentLock(() => {
    replayPendingLog(ss);
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
  replayPendingLog(ss);
  const saved = pending.length > 0 && saveJournal(pending);
  writeRows();
  appendLog(ss, pending.map((p) => p.line));
  if (saved) clearJournal();
}

/**
 * Appends the lines an earlier run left waiting whose rows show their move (found by ID, in the
 * stage the line moved them to); drops the others, whose row write never landed. Call under the
 * document lock, before reading rows or the Log. Returns how many lines were appended.
 */
export function replayPendingLog(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): number {
  const pending = readJournal();
  if (pending === null) return 0;
  const stages = new Map<string, Map<string, string>>();
  for (const name of new Set(pending.map((p) => p.sheet))) stages.set(name, stageById(ss, name));
  const landed = pending.filter((p) => {
    const stage = stages.get(p.sheet)?.get(cellText(p.line[2]).trim());
    return stage !== undefined && enumKey(stage) === enumKey(cellText(p.line[5]));
  });
  appendLog(ss, landed.map((p) => p.line));
  clearJournal();
  return landed.length;
}

/** `Tahap` by `ID Permohonan` in one read; a sheet or column that is gone gives none. */
function stageById(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, name: string): Map<string, string> {
  const byId = new Map<string, string>();
  const sheet = ss.getSheetByName(name);
  if (!sheet || sheet.getLastRow() < 2) return byId;
  const grid = retrying(() => sheet.getDataRange().getValues()) as Cell[][];
  const columns = mapHeaders(grid[0] ?? []);
  if (columns.id === undefined || columns.stage === undefined) return byId;
  for (const row of grid.slice(1)) byId.set(cellText(row[columns.id]).trim(), cellText(row[columns.stage]));
  return byId;
}

function saveJournal(pending: readonly PendingLine[]): boolean {
  try {
    const text = JSON.stringify(pending);
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
  } catch (error) {
    // A journal that cannot be read is dropped: appending a guess would be worse than a gap.
    logError("readJournal", error);
    clearJournal();
    return null;
  }
}

function clearJournal(): void {
  const props = documentProperties();
  const count = Number(props.getProperty(JOURNAL_KEY) ?? "0");
  for (let i = 0; i < count; i++) props.deleteProperty(`${JOURNAL_KEY}.${i}`);
  props.deleteProperty(JOURNAL_KEY);
}

/** The whole Log in one read ([] when there is none): Periksa Integritas and a full check compare stamps with it. */
export function readLog(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): Cell[][] {
  const log = ss.getSheetByName(LOG_SHEET);
  if (!log || log.getLastRow() === 0) return [];
  return retrying(() => log.getDataRange().getValues()) as Cell[][];
}
