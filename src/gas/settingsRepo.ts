/** Settings live in the `Pengaturan` sheet; a copy in document properties serves onEdit. */
import { readSettings, type Settings, SETTINGS_SHEET, type SettingsProblem } from "../domain/settings";
import { UserError } from "./errors";
import { documentProperties } from "./services";

const CACHE_KEY = "pbijk.settings";

export function loadSettings(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): { settings: Settings; problems: SettingsProblem[] } {
  const sheet = ss.getSheetByName(SETTINGS_SHEET);
  if (!sheet) throw new UserError(`Sheet "${SETTINGS_SHEET}" belum ada. Jalankan menu PBI-JK › Siapkan Sheet.`);
  const loaded = readSettings(sheet.getDataRange().getDisplayValues());
  if (loaded.problems.length === 0) documentProperties().setProperty(CACHE_KEY, JSON.stringify(loaded.settings));
  return loaded;
}

/** Settings with every problem turned into one Indonesian message naming the rows. */
export function requireSettings(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): Settings {
  const { settings, problems } = loadSettings(ss);
  if (problems.length) throw new UserError(describeProblems(problems));
  return settings;
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
