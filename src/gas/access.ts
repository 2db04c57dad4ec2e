/**
 * Who may run an action. google.script.run can call any top-level function, so each action
 * checks the caller's roles itself, from the `Email Pengguna | Peran` table in Pengaturan.
 */
import { ROLES, type Role } from "../domain/roles";
import { roleOf, SETTINGS_SHEET, type Settings } from "../domain/settings";
import { UserError } from "./errors";
import { activeUserEmail } from "./services";

export const NO_EMAIL =
  "Email akun Anda tidak terbaca (akun di luar domain kantor, atau dijalankan oleh pemicu otomatis), jadi peran Anda tidak dapat diperiksa. Buka spreadsheet dengan akun kantor yang terdaftar di Pengaturan, lalu coba lagi.";

export const roleList = (roles: readonly Role[]) => roles.map((r) => ROLES[r]).join(", ");

/** Periksa Semua, Periksa Baris Terpilih (spec §1: the operator checks; the verifier records results and re-checks them). */
export const CHECK_ROLES: readonly Role[] = ["operator", "verifier", "admin"];

/**
 * Refuses a caller without one of `allowed`. Until the office lists anyone in `listed` (a fresh
 * spreadsheet, before the admin fills in the table) the action is open: someone has to set it up.
 */
export function requireRole(settings: Pick<Settings, "roles">, allowed: readonly Role[], what: string, listed: readonly Role[] = Object.keys(ROLES) as Role[]): void {
  if (!settings.roles.some((r) => listed.includes(r.role))) return;
  const email = activeUserEmail().trim();
  if (!email) throw new UserError(NO_EMAIL);
  const roles = roleOf(settings, email);
  if (roles.some((r) => allowed.includes(r))) return;
  const who = roles.length
    ? `Akun ${email} berperan ${roleList(roles)}`
    : `Akun ${email} belum terdaftar di tabel "Email Pengguna | Peran" (sheet "${SETTINGS_SHEET}")`;
  throw new UserError(`${what} hanya untuk peran ${roleList(allowed)}. ${who}; minta admin menambahkan peran Anda. Tidak ada yang diubah.`);
}
