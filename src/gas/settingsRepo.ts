/**
 * Settings live in the `Pengaturan` sheet. onEdit (a simple trigger) gets a small copy in
 * document properties: only which profile each request sheet uses. Roles, signers and letter
 * settings stay out, so the copy stays far below the 9 KB a property value may hold.
 */
import type { Profile } from "../domain/profiles";
import { profileForSheet, readSettings, type Settings, SETTINGS_SHEET, type SettingsProblem } from "../domain/settings";
import { logError, UserError } from "./errors";
import { documentProperties } from "./services";

const CACHE_KEY = "pbijk.editSettings";
/** Older versions kept the whole settings here; it could pass the 9 KB limit. */
const LEGACY_CACHE_KEY = "pbijk.settings";

/** What onEdit needs to re-check a row. */
export type EditSettings = Pick<Settings, "sheets">;

export function loadSettings(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): { settings: Settings; problems: SettingsProblem[] } {
  const sheet = ss.getSheetByName(SETTINGS_SHEET);
  if (!sheet) throw new UserError(`Sheet "${SETTINGS_SHEET}" belum ada. Jalankan menu PBI-JK › Siapkan Sheet.`);
  const loaded = readSettings(sheet.getDataRange().getDisplayValues());
  storeEditSettings(loaded.problems.some((p) => p.blocksChecks) ? null : loaded.settings);
  return loaded;
}

/**
 * Saves (or, when the sheet table is broken, removes) the copy onEdit uses. A failure here
 * never stops the action that read the settings: onEdit then uses the last copy.
 */
function storeEditSettings(settings: Settings | null): void {
  try {
    const props = documentProperties();
    if (props.getProperty(LEGACY_CACHE_KEY) !== null) props.deleteProperty(LEGACY_CACHE_KEY);
    if (settings === null) props.deleteProperty(CACHE_KEY);
    else {
      const copy: EditSettings = { sheets: settings.sheets };
      const text = JSON.stringify(copy);
      if (props.getProperty(CACHE_KEY) !== text) props.setProperty(CACHE_KEY, text);
    }
  } catch (error) {
    logError("storeEditSettings", error);
  }
}

/**
 * Settings for checking rows. A problem in the request-sheet table stops the check (which rules
 * apply is unknown); other problems (a role, the numbering) do not, and come back as a note.
 */
export function settingsForChecks(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): { settings: Settings; note: string } {
  const { settings, problems } = loadSettings(ss);
  if (problems.some((p) => p.blocksChecks)) throw new UserError(describeProblems(problems));
  return { settings, note: problems.length ? `\n${describeProblems(problems)}` : "" };
}

export function describeProblems(problems: readonly SettingsProblem[]): string {
  const lines = problems.map((p) => `• ${p.row ? `Baris ${p.row}: ` : ""}${p.message}`);
  return `Perbaiki sheet "${SETTINGS_SHEET}" dulu:\n${lines.join("\n")}`;
}

/** The copy onEdit uses, without touching the spreadsheet. */
export function cachedSettings(): EditSettings | null {
  try {
    const raw = documentProperties().getProperty(CACHE_KEY);
    const parsed = raw ? (JSON.parse(raw) as Partial<EditSettings>) : null;
    return parsed && Array.isArray(parsed.sheets) ? { sheets: parsed.sheets } : null;
  } catch {
    return null;
  }
}

/** The profile a request sheet uses; only `sheets` decides it. */
export function profileFor(settings: EditSettings, sheetName: string): Profile {
  return profileForSheet(settings, sheetName);
}
