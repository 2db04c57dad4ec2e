/** Settings live in the `Pengaturan` sheet; a copy in document properties serves onEdit. */
import { readSettings, type Settings, SETTINGS_SHEET, type SettingsProblem } from "../domain/settings";
import { UserError } from "./errors";
import { documentProperties } from "./services";

const CACHE_KEY = "pbijk.settings";

export function loadSettings(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): { settings: Settings; problems: SettingsProblem[] } {
  const sheet = ss.getSheetByName(SETTINGS_SHEET);
  if (!sheet) throw new UserError(`Sheet "${SETTINGS_SHEET}" belum ada. Jalankan menu PBI-JK › Siapkan Sheet.`);
  const loaded = readSettings(sheet.getDataRange().getDisplayValues());
  if (!loaded.problems.some((p) => p.blocksChecks)) documentProperties().setProperty(CACHE_KEY, JSON.stringify(loaded.settings));
  return loaded;
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

/** The last valid settings, without touching the spreadsheet (for simple triggers). */
export function cachedSettings(): Settings | null {
  try {
    const raw = documentProperties().getProperty(CACHE_KEY);
    return raw ? (JSON.parse(raw) as Settings) : null;
  } catch {
    return null;
  }
}
