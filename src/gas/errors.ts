import { scrubDigits } from "../domain/privacy";

/** Errors a user can act on carry an Indonesian message; anything else gets a generic one. */
export class UserError extends Error {
  override name = "UserError";
}

export const UNEXPECTED =
  "Terjadi kesalahan tak terduga. Coba sekali lagi; bila berulang, hubungi admin aplikasi.";

/** The text a user sees for an error; never a stack trace. */
export function userMessage(error: unknown): string {
  return error instanceof UserError ? error.message : UNEXPECTED;
}


/**
 * The one logging helper: the action, the error's name, message and stack, with digit runs
 * scrubbed. Callers pass errors, never cell values. A UserError was shown to the user and is
 * not a fault: not logged.
 */
export function logError(action: string, error: unknown): void {
  if (error instanceof UserError) return;
  const e = error instanceof Error ? error : null;
  const name = e?.name ?? typeof error;
  // A thrown non-Error (a string, a cell value) is never printed.
  const message = scrubDigits(e ? e.message : "(bukan Error)");
  const stack = e?.stack ? `\n${scrubDigits(e.stack)}` : "";
  console.error(`${action}: ${name}: ${message}${stack}`);
}
