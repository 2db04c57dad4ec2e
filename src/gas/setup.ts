/**
 * Siapkan Sheet: creates or completes `Pengaturan`, the request sheets and `Log`. On a sheet in
 * use it only adds what is missing: it never moves, renames or deletes a user's columns or data.
 */
import { ALL_COLUMNS, type ColumnMap, mapHeaders } from "../domain/columns";
import { JAKARTA_TIME_ZONE } from "../domain/dates";
import {
  ADDON_PROTECTION_NOTE, ADDON_WRITTEN_KEYS, DECISION_COLOURS, formatKeeps, type InputRule, inputRuleFor, LOG_HEADERS, LOG_SHEET, missingHeaders,
  numberFormatFor,
} from "../domain/layout";
import { DEFAULT_REQUEST_SHEET, defaultSettingsGrid, missingSettingsRows, SETTINGS_SHEET } from "../domain/settings";
import { type Cell } from "../domain/text";
import { columnRuns } from "./grid";
import { migrateLayout, recordLayoutVersion, refuseNewerLayout } from "./migrations";
import { cachedSettings, describeProblems, loadSettings } from "./settingsRepo";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type DataValidation = GoogleAppsScript.Spreadsheet.DataValidation;


/** Sheets may report Indonesian as id_ID or as the older Java code in_ID. */
export function isIndonesianLocale(locale: string): boolean {
  return /^(id|in)(_ID)?$/i.test(locale.trim());
}

/** What Siapkan Sheet would change for the whole spreadsheet, and which other sheets it touches. */
export interface SpreadsheetChange {
  timeZone: string | null;
  locale: string | null;
  /** Sheets with data that are not the add-on's: their number and formula separators change too. */
  otherSheets: string[];
}

export function spreadsheetChange(ss: Spreadsheet): SpreadsheetChange {
  const timeZone = ss.getSpreadsheetTimeZone();
  const locale = ss.getSpreadsheetLocale();
  // The request sheets named in settings are the add-on's too (from the copy: no extra read).
  const requestSheets = cachedSettings()?.sheets.map((s) => s.sheet) ?? [];
  const ours = new Set([SETTINGS_SHEET, LOG_SHEET, DEFAULT_REQUEST_SHEET, ...requestSheets].map((n) => n.toLowerCase()));
  const otherSheets = ss.getSheets()
    .filter((sh) => !ours.has(sh.getName().toLowerCase()) && sh.getLastRow() > 0)
    .map((sh) => sh.getName());
  return {
    timeZone: timeZone === JAKARTA_TIME_ZONE ? null : timeZone,
    locale: isIndonesianLocale(locale) ? null : locale,
    otherSheets,
  };
}

/** The Ya/Tidak question asked before changing a spreadsheet that has other sheets with data. */
export function changeQuestion(change: SpreadsheetChange): string {
  const parts = [
    change.timeZone ? `zona waktu dari ${change.timeZone} ke ${JAKARTA_TIME_ZONE}` : "",
    change.locale ? `lokal dari ${change.locale} ke Indonesia (id_ID)` : "",
  ].filter(Boolean);
  return `Siapkan Sheet akan mengubah ${parts.join(" dan ")} untuk seluruh spreadsheet. ` +
    `Ini juga berlaku untuk sheet lain (${change.otherSheets.map((n) => `"${n}"`).join(", ")}): ` +
    "tanggal dan jam ditampilkan menurut zona baru, angka memakai koma desimal dan rumus memakai titik koma. " +
    "Tanpa perubahan ini tanggal yang diketik bisa terbaca bulan/hari. Ubah sekarang?";
}

/** `applyChange` false keeps the time zone and locale (the user answered Tidak). */
export function setupSpreadsheet(ss: Spreadsheet, adminEmail: string, applyChange = true): string[] {
  refuseNewerLayout();
  const report: string[] = [];
  const change = spreadsheetChange(ss);
  const others = change.otherSheets.length ? ` Sheet lain (${change.otherSheets.join(", ")}) ikut berubah.` : "";
  if (!applyChange && (change.timeZone || change.locale)) {
    report.push("Zona waktu dan lokal spreadsheet tidak diubah: tanggal yang diketik bisa terbaca bulan/hari. Jalankan Siapkan Sheet lagi bila ingin mengubahnya.");
  }
  if (applyChange && change.timeZone) {
    ss.setSpreadsheetTimeZone(JAKARTA_TIME_ZONE);
    report.push(`Zona waktu spreadsheet diubah dari ${change.timeZone} ke ${JAKARTA_TIME_ZONE}.${change.locale ? "" : others}`);
  }
  // Typed dates are parsed by the spreadsheet's locale: id_ID reads 01/02/2026 as 1 February.
  if (applyChange && change.locale) {
    ss.setSpreadsheetLocale("id_ID");
    report.push(`Lokal spreadsheet diubah dari ${change.locale} ke Indonesia (id_ID), agar tanggal dibaca hari/bulan/tahun; angka memakai koma desimal dan rumus memakai titik koma.${others}`);
  }
  const settingsSheet = ss.getSheetByName(SETTINGS_SHEET);
  const locked = settingsSheet !== null && settingsLockedFor(settingsSheet);
  if (!settingsSheet) {
    createSettingsSheet(ss, adminEmail);
    report.push(`Sheet "${SETTINGS_SHEET}" dibuat: lengkapi identitas kantor, penandatangan dan peran.`);
  } else if (locked) {
    report.push(settingsLockedMessage(adminEmail));
  } else {
    completeSettingsSheet(settingsSheet, adminEmail, report);
  }
  const { settings, problems } = loadSettings(ss);
  if (!locked) protectSettings(ss.getSheetByName(SETTINGS_SHEET)!, settings, adminEmail, report);
  const names = settings.sheets.length ? settings.sheets.map((s) => s.sheet) : [DEFAULT_REQUEST_SHEET];
  migrateLayout(ss, names, report);
  for (const name of names) setupRequestSheet(ss, name, report);
  setupLogSheet(ss, report);
  recordLayoutVersion();
  if (problems.length) report.push(describeProblems(problems));
  if (report.length === 0) report.push("Semua sheet sudah siap; tidak ada yang diubah.");
  return report;
}

function createSettingsSheet(ss: Spreadsheet, adminEmail: string): void {
  const sheet = ss.insertSheet(SETTINGS_SHEET);
  const grid = defaultSettingsGrid(DEFAULT_REQUEST_SHEET, adminEmail);
  const range = sheet.getRange(1, 1, grid.length, grid[0]!.length);
  // Text, so NIPs and numbering formats keep their digits and braces.
  range.setNumberFormat("@");
  range.setValues(grid);
  sheet.getRange(1, 1, 1, grid[0]!.length).setFontWeight("bold");
  sheet.setFrozenRows(1);
  sheet.setColumnWidth(1, 260);
  sheet.setColumnWidth(2, 360);
  sheet.setColumnWidth(3, 420);
}

/** Appends the labels and tables an older or edited Pengaturan lacks, below what is there. */
function completeSettingsSheet(sheet: Sheet, adminEmail: string, report: string[]): void {
  const grid = sheet.getDataRange().getValues() as Cell[][];
  const rows = missingSettingsRows(grid, DEFAULT_REQUEST_SHEET, adminEmail);
  if (rows.length === 0) return;
  const width = rows[0]!.length;
  const first = sheet.getLastRow() + 1;
  if (first + rows.length - 1 > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), rows.length);
  if (width > sheet.getMaxColumns()) sheet.insertColumnsAfter(sheet.getMaxColumns(), width - sheet.getMaxColumns());
  const range = sheet.getRange(first, 1, rows.length, width);
  range.setNumberFormat("@");
  range.setValues(rows);
  report.push(`Sheet "${SETTINGS_SHEET}": ${rows.filter((r) => r[0]).length} baris pengaturan yang belum ada ditambahkan di bawah.`);
}

export function setupRequestSheet(ss: Spreadsheet, name: string, report: string[]): Sheet {
  let sheet = ss.getSheetByName(name);
  if (!sheet) {
    sheet = ss.insertSheet(name);
    report.push(`Sheet "${name}" dibuat.`);
  }
  const lastCol = sheet.getLastColumn();
  const headers: Cell[] = lastCol > 0 ? sheet.getRange(1, 1, 1, lastCol).getValues()[0]! : [];
  const add = missingHeaders(headers);
  if (add.length) {
    const needed = lastCol + add.length - sheet.getMaxColumns();
    if (needed > 0) sheet.insertColumnsAfter(sheet.getMaxColumns(), needed);
    sheet.getRange(1, lastCol + 1, 1, add.length).setValues([add]);
    sheet.getRange(1, 1, 1, lastCol + add.length).setFontWeight("bold");
    report.push(`Sheet "${name}": ${add.length} kolom ditambahkan (${add.slice(0, 4).join(", ")}${add.length > 4 ? ", …" : ""}).`);
  }
  const all = [...headers, ...add];
  const columns = mapHeaders(all);
  if (sheet.getFrozenRows() !== 1) sheet.setFrozenRows(1);
  applyFormatsAndRules(sheet, columns, all.length, report);
  applyDecisionColours(sheet, columns, report);
  protectAddonColumns(sheet, columns, report);
  return sheet;
}

function applyFormatsAndRules(sheet: Sheet, columns: ColumnMap, width: number, report: string[]): void {
  const rows = Math.max(1, sheet.getMaxRows() - 1);
  // Every data row, not row 2 alone: pasted rows lose formats and checkboxes lower down.
  const block = sheet.getRange(2, 1, rows, width);
  const formats = block.getNumberFormats();
  const rules = block.getDataValidations();
  let changed = 0;
  for (const def of ALL_COLUMNS) {
    const i = columns[def.key as keyof ColumnMap];
    if (i === undefined) continue;
    const format = numberFormatFor(def);
    const rule = inputRuleFor(def);
    // Only the cells that lack it, so an office's own date display format stays.
    const lacking = (wrong: (r: number) => boolean) => columnRuns(formats.map((_, r) => r).filter(wrong));
    const formatRuns = format ? lacking((r) => !formatKeeps(formats[r]![i] ?? "", format)) : [];
    const ruleRuns = rule ? lacking((r) => !sameRule(rules[r]![i] ?? null, rule)) : [];
    for (const run of formatRuns) sheet.getRange(2 + run[0]!, i + 1, run.length, 1).setNumberFormat(format!);
    for (const run of ruleRuns) sheet.getRange(2 + run[0]!, i + 1, run.length, 1).setDataValidation(buildRule(rule!, def.header));
    if (formatRuns.length || ruleRuns.length) changed++;
  }
  if (changed) report.push(`Sheet "${sheet.getName()}": format teks/tanggal, pilihan dan kotak centang dipasang (${changed} kolom).`);
}

function sameRule(current: DataValidation | null, wanted: InputRule): boolean {
  if (!current) return false;
  const type = current.getCriteriaType();
  const C = SpreadsheetApp.DataValidationCriteria;
  if (wanted.kind === "checkbox") return type === C.CHECKBOX;
  if (wanted.kind === "date") return type === C.DATE_IS_VALID_DATE;
  const values = (current.getCriteriaValues()[0] ?? []) as unknown[];
  return type === C.VALUE_IN_LIST && values.join("\u0000") === wanted.values.join("\u0000") && current.getAllowInvalid() === !wanted.strict;
}

function buildRule(rule: InputRule, header: string): DataValidation {
  const builder = SpreadsheetApp.newDataValidation();
  if (rule.kind === "checkbox") return builder.requireCheckbox().setAllowInvalid(true).build();
  if (rule.kind === "date") {
    return builder.requireDate().setAllowInvalid(true).setHelpText(`${header}: tulis tanggal seperti 31/01/2026.`).build();
  }
  return builder
    .requireValueInList(rule.values, true)
    .setAllowInvalid(!rule.strict)
    .setHelpText(`${header}: pilih ${rule.values.join(" / ")}.`)
    .build();
}

/**
 * Decision colours as conditional formatting, so they follow the value through sorts and edits.
 * The add-on's own rules are exactly its own: "text is <decision>" with that decision's colour,
 * on the decision column alone. A user's rule (another colour, condition or range) is kept.
 */
function applyDecisionColours(sheet: Sheet, columns: ColumnMap, report: string[]): void {
  const col = columns.decision;
  if (col === undefined) return;
  const rows = Math.max(1, sheet.getMaxRows() - 1);
  const existing = sheet.getConditionalFormatRules();
  const ours = existing.filter((rule) => isDecisionColourRule(rule, col + 1));
  const labels = new Set(ours.map((rule) => String(rule.getBooleanCondition()!.getCriteriaValues()[0])));
  const current = ours.length === Object.keys(DECISION_COLOURS).length && labels.size === ours.length &&
    ours.every((rule) => rule.getRanges().every((r) => r.getRow() === 2 && r.getNumRows() === rows));
  if (current) return;
  const range = sheet.getRange(2, col + 1, rows, 1);
  const added = Object.entries(DECISION_COLOURS).map(([text, colour]) =>
    SpreadsheetApp.newConditionalFormatRule().whenTextEqualTo(text).setBackground(colour).setRanges([range]).build(),
  );
  sheet.setConditionalFormatRules([...existing.filter((rule) => !ours.includes(rule)), ...added]);
  report.push(`Sheet "${sheet.getName()}": warna keputusan dipasang.`);
}

/** True for a rule Siapkan Sheet wrote: text equal to a decision, in its colour, on that column only. */
export function isDecisionColourRule(rule: GoogleAppsScript.Spreadsheet.ConditionalFormatRule, column: number): boolean {
  const condition = rule.getBooleanCondition();
  if (!condition || condition.getCriteriaType() !== SpreadsheetApp.BooleanCriteria.TEXT_EQUAL_TO) return false;
  const values = condition.getCriteriaValues();
  const colour = values.length === 1 ? DECISION_COLOURS[String(values[0])] : undefined;
  if (!colour || (condition.getBackground() ?? "").toLowerCase() !== colour.toLowerCase()) return false;
  if (condition.getFontColor() || condition.getBold()) return false;
  const ranges = rule.getRanges();
  return ranges.length > 0 && ranges.every((r) => r.getColumn() === column && r.getNumColumns() === 1);
}

/**
 * Columns the add-on writes get a warning-only protection: the add-on runs as the person using it,
 * so a hard protection would stop the add-on itself. Users still see a warning before typing.
 */
function protectAddonColumns(sheet: Sheet, columns: ColumnMap, report: string[]): void {
  const wanted = columnRuns(ADDON_WRITTEN_KEYS.map((k) => columns[k]).filter((i): i is number => i !== undefined))
    .map((run) => sheet.getRange(1, run[0]! + 1, sheet.getMaxRows(), run.length).getA1Notation());
  const existing = sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE).filter((p) => p.getDescription() === ADDON_PROTECTION_NOTE);
  const have = existing.map((p) => p.getRange().getA1Notation()).sort().join(",");
  if (have === [...wanted].sort().join(",")) return;
  existing.forEach((p) => p.remove());
  for (const a1 of wanted) sheet.getRange(a1).protect().setDescription(ADDON_PROTECTION_NOTE).setWarningOnly(true);
  report.push(`Sheet "${sheet.getName()}": kolom yang diisi add-on diberi peringatan bila disunting.`);
}

const SETTINGS_PROTECTION_NOTE = "PBI-JK: pengaturan dan peran hanya disunting admin";

/**
 * True when Pengaturan is protected against this user (an admin added to the role table after the
 * last Siapkan Sheet): Google refuses them its cells and even the list of its editors
 * (https://developers.google.com/apps-script/reference/spreadsheet/protection#geteditors).
 */
function settingsLockedFor(sheet: Sheet): boolean {
  return sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET).some((p) => !p.isWarningOnly() && !p.canEdit());
}

export function settingsLockedMessage(runner: string): string {
  return `Sheet "${SETTINGS_SHEET}" dilindungi dan akun ${runner || "Anda"} belum termasuk penyuntingnya, jadi "${SETTINGS_SHEET}" dan perlindungannya tidak diubah. ` +
    `Minta admin yang dapat menyunting "${SETTINGS_SHEET}" (atau pemilik spreadsheet) menjalankan Siapkan Sheet sekali lagi; setelah itu akun Anda dapat menyuntingnya.`;
}

/**
 * The role table is the gate of every action, so Pengaturan is protected for real (not a
 * warning): only the admins it lists and whoever runs Siapkan Sheet may edit it. The add-on only
 * reads it outside Siapkan Sheet. Rerun Siapkan Sheet after adding an admin.
 */
function protectSettings(sheet: Sheet, settings: { roles: readonly { email: string; role: string }[] }, runner: string, report: string[]): void {
  const editors = [...new Set([runner, ...settings.roles.filter((r) => r.role === "admin").map((r) => r.email)].map((e) => e.trim().toLowerCase()).filter(Boolean))].sort();
  let protection = sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET).find((p) => p.getDescription() === SETTINGS_PROTECTION_NOTE);
  const have = protection ? protection.getEditors().map((u) => u.getEmail().toLowerCase()).sort() : [];
  if (protection && !protection.isWarningOnly() && editors.every((e) => have.includes(e)) && have.every((e) => editors.includes(e))) return;
  protection ??= sheet.protect().setDescription(SETTINGS_PROTECTION_NOTE);
  protection.setWarningOnly(false);
  // Editors first, as Google's reference does: removing others before would fail where the runner edits through a group.
  protection.addEditors(editors);
  protection.removeEditors(protection.getEditors().filter((u) => !editors.includes(u.getEmail().toLowerCase())));
  if (protection.canDomainEdit()) protection.setDomainEdit(false);
  report.push(`Sheet "${SETTINGS_SHEET}" dilindungi: hanya admin (${editors.join(", ")}) yang dapat menyuntingnya.`);
}

function setupLogSheet(ss: Spreadsheet, report: string[]): void {
  let sheet = ss.getSheetByName(LOG_SHEET);
  if (!sheet) {
    sheet = ss.insertSheet(LOG_SHEET);
    sheet.getRange(1, 1, 1, LOG_HEADERS.length).setValues([LOG_HEADERS]);
    sheet.getRange(1, 1, 1, LOG_HEADERS.length).setFontWeight("bold");
    sheet.setFrozenRows(1);
    report.push(`Sheet "${LOG_SHEET}" dibuat untuk jejak persetujuan.`);
  }
  if (sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET).length === 0) {
    sheet.protect().setDescription("PBI-JK: log hanya ditulis add-on").setWarningOnly(true);
  }
}
