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
 * Logs unexpected errors by name only: a service message could quote a cell. A UserError was
 * already shown to the user and is not a fault.
 */
export function logError(context: string, error: unknown): void {
  if (error instanceof UserError) return;
  console.error(`${context}: ${(error as { name?: string })?.name ?? "Error"}`);
}
