/** Setup for the drafting tests: an office's Pengaturan, roles, and eligible rows of each profile. */
import { SETTING_FIELDS, type SettingKey } from "../../src/domain/settings";
import { checkAll } from "../../src/gas/app";
import type { FakeEnv } from "../fakes";
import { officeSettings } from "../domain/letterFixtures";
import { eligible, TODAY, writeRows } from "./helpers";

export const OPERATOR = "operator@dinsos.go.id";
export const OPERATOR2 = "operator2@dinsos.go.id";
export const KABID = "kabid@dinsos.go.id";

export interface OfficeOptions {
  profile?: string;
  values?: Partial<Record<SettingKey, string>>;
  roles?: [string, string][];
}

/** Rewrites Pengaturan as an office would fill it in. */
export function configureOffice(env: FakeEnv, opts: OfficeOptions = {}): void {
  const office = officeSettings(opts.values);
  const width = 10;
  const rows: string[][] = [["Pengaturan PBI-JK", "Nilai", "Keterangan"]];
  for (const [key, field] of Object.entries(SETTING_FIELDS)) rows.push([field.label, office.values[key as SettingKey]]);
  rows.push([""], ["Jabatan Penandatangan", "Nama", "Pangkat/Golongan", "NIP"]);
  for (const s of office.signers) rows.push([s.title, s.name, s.rank, s.nip]);
  rows.push([""], ["Sheet Permohonan", "Profil"], ["Permohonan", opts.profile ?? "nasional-2026"]);
  rows.push([""], ["Email Pengguna", "Peran"]);
  for (const [email, role] of opts.roles ?? [["admin@dinsos.go.id", "admin"], [OPERATOR, "operator"], [OPERATOR2, "operator"], [KABID, "kabid"]]) {
    rows.push([email, role]);
  }
  const sheet = env.spreadsheet.getSheetByName("Pengaturan")!;
  // Pengaturan is the admins' to edit (Siapkan Sheet protects it): the admin who set it up fills it in.
  env.asUser("admin@dinsos.go.id", () => {
    sheet.getRange(1, 1, sheet.getMaxRows(), width).clearContent();
    sheet.getRange(1, 1, rows.length, width).setValues(rows.map((r) => [...r, ...Array<string>(width - r.length).fill("")]));
  });
}

/** An eligible request under pangkalpinang-reaktivasi (KTP, KK, SKTM; SK number). */
export function eligiblePkp(name: string, serial: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return eligible(name, serial, { "Dok. SKTM": true, "Nomor SK Penonaktifan": `SK-${serial}/2026`, "Verifikasi Fasilitator": "Layak", ...extra });
}

/** Writes rows, checks them (IDs, Tahap), and selects them; returns their row numbers. */
export function checkedRows(env: FakeEnv, sheet: GoogleAppsScript.Spreadsheet.Sheet, rows: Record<string, unknown>[], now = TODAY): number[] {
  writeRows(sheet, rows);
  checkAll(env.spreadsheet, now);
  env.setSelection(sheet.getRange(2, 1, rows.length, 1));
  env.resetCalls();
  return rows.map((_, i) => i + 2);
}
