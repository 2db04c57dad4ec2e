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

/** Runs fn holding the document lock, so two people never write IDs or results at once. */
export function withDocumentLock<T>(fn: () => T, waitMs = 20000): T {
  const lock = LockService.getDocumentLock();
  if (!lock || !lock.tryLock(waitMs)) {
    throw new UserError("Pengguna lain sedang memproses sheet ini. Tunggu sebentar, lalu coba lagi.");
  }
  try {
    return fn();
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
