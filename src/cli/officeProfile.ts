/**
 * Which profile a live office is checked under: the one its own `Pengaturan` names for the
 * request sheet (as the add-on decides it), unless `--profile` says otherwise.
 */
import { DEFAULT_PROFILE_ID, findProfile, type Profile } from "../domain/profiles";
import { profileForSheet, readSettings, SETTINGS_SHEET, SHEET_TABLE } from "../domain/settings";
import type { LiveSheet } from "./live";

export interface OfficeProfile {
  profile: Profile;
  /** One Indonesian line for stderr (without the `pbijk: ` prefix), when the operator should know. */
  notice?: string;
  /** Set when `Pengaturan` leaves the office's rules unknown and no `--profile` was given: the problems. */
  blocking?: string;
}

/** Profiles are plain data built by spreading one object: the same rules give the same JSON. */
const sameRules = (a: Profile, b: Profile | undefined) => JSON.stringify(a) === JSON.stringify(b);

/** A profile's ID, marked when the office's overrides change its rules. */
export const profileLabel = (p: Profile): string => (sameRules(p, findProfile(p.id)) ? p.id : `${p.id} (disesuaikan)`);

export const officeName = (live: Pick<LiveSheet, "title" | "spreadsheetId">): string => `kantor "${live.title}" (${live.spreadsheetId})`;

export function officeProfile(live: Pick<LiveSheet, "title" | "spreadsheetId" | "sheetName" | "settings">, chosen: Profile | undefined): OfficeProfile {
  const fallback = findProfile(DEFAULT_PROFILE_ID)!;
  const office = officeName(live);
  if (!live.settings) {
    if (chosen) return { profile: chosen };
    return { profile: fallback, notice: `${office} tidak punya sheet "${SETTINGS_SHEET}"; profil ${fallback.id} dipakai.` };
  }
  const { settings, problems } = readSettings(live.settings);
  const blocking = problems.filter((p) => p.blocksChecks).map((p) => `${p.row ? `baris ${p.row}: ` : ""}${p.message}`).join(" ");
  if (blocking) {
    const where = `tabel "${SHEET_TABLE.sheet}" di sheet "${SETTINGS_SHEET}" bermasalah (${blocking})`;
    if (chosen) return { profile: chosen, notice: `${office}: ${where}; --profile ${chosen.id} dipakai.` };
    return { profile: fallback, blocking: where, notice: `${office}: ${where}, jadi profilnya tidak diketahui; profil ${fallback.id} dipakai.` };
  }
  const own = profileForSheet(settings, live.sheetName);
  if (!chosen) return { profile: own };
  if (sameRules(own, chosen)) return { profile: chosen };
  return { profile: chosen, notice: `${office} memakai profil ${profileLabel(own)} di ${SETTINGS_SHEET}; --profile ${chosen.id} dipakai.` };
}
