/** Thin wrappers over Apps Script services that every feature needs. */
import { UserError } from "./errors";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export function activeSpreadsheet(): Spreadsheet {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  if (!ss) throw new UserError("Buka add-on ini dari dalam spreadsheet Google Sheets.");
  return ss;
}

export function activeUserEmail(): string {
  try {
    return Session.getActiveUser().getEmail();
  } catch {
    return "";
  }
}

export const BUSY_MESSAGE = "Pengguna lain sedang memproses sheet ini. Tunggu sebentar, lalu coba lagi.";

/** Runs fn holding the document lock, so two people never write IDs or results at once. */
export function withDocumentLock<T>(fn: () => T, waitMs = 20000): T {
  const lock = LockService.getDocumentLock();
  if (!lock || !lock.tryLock(waitMs)) throw new UserError(BUSY_MESSAGE);
  try {
    return fn();
  } finally {
    releaseFlushed(lock);
  }
}

/**
 * Writes are buffered until the script ends; flushing first (as Google's Lock reference asks)
 * means the next holder of the lock reads what this one wrote.
 */
export function releaseFlushed(lock: GoogleAppsScript.Lock.Lock): void {
  try {
    SpreadsheetApp.flush();
  } finally {
    lock.releaseLock();
  }
}

export function documentProperties(): GoogleAppsScript.Properties.Properties {
  return PropertiesService.getDocumentProperties();
}

export function toast(ss: Spreadsheet, message: string, title = "PBI-JK"): void {
  ss.toast(message, title, 8);
}

/**
 * Messages of Sheets failures that pass on their own: worth another try after a pause. "Service
 * Spreadsheets failed while accessing document with id …" (and its Documents twin) is Apps Script's
 * most common passing failure; it names no cause, and the same call usually works a moment later.
 */
const TRANSIENT = /timed out|time-?out|try again|internal error|service (is )?unavailable|too many|rate limit|service \w+ failed while accessing document/i;

/**
 * Runs a spreadsheet read or write again after a short, growing pause when Google reports a
 * passing failure. Only for idempotent calls (a read, or writing the same values again).
 */
export function retrying<T>(fn: () => T, attempts = 3): T {
  for (let attempt = 1; ; attempt++) {
    try {
      return fn();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (attempt >= attempts || !TRANSIENT.test(message)) throw error;
      Utilities.sleep(500 * 2 ** (attempt - 1) + Math.floor(Math.random() * 250));
    }
  }
}
