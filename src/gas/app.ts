/** Menu actions and the sidebar API: each runs guarded, so users see Indonesian text, never a trace. */
import { type ColumnKey, mapHeaders } from "../domain/columns";
import { SETTINGS_SHEET } from "../domain/settings";
import { cellText } from "../domain/text";
import { approve, checkIntegrity, handOver, reopen, returnRows } from "./approvals";
import { readLog } from "./auditLog";
import { bringBackBpjsEdit, syncBpjs } from "./bpjs";
import { type CheckSummary, checkSheet, describeSummary } from "./checkRunner";
import { logError, UserError, userMessage } from "./errors";
import { draftLetters } from "./letters";
import { refuseNewerLayout } from "./migrations";
import { markSkipped, recheckEditedRows } from "./onEditCheck";
import { refreshRekap } from "./rekap";
import { selectedRowNumbers } from "./selection";
import { activeSpreadsheet, activeUserEmail, releaseFlushed, toast, withDocumentLock } from "./services";
import { cachedSettings, describeProblems, loadSettings, settingsForChecks } from "./settingsRepo";
import { changeQuestion, setupSpreadsheet, spreadsheetChange } from "./setup";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const MENU_ITEMS = [
  ["Siapkan Sheet", "menuSetup"],
  ["Periksa Semua", "menuCheckAll"],
  ["Periksa Baris Terpilih", "menuCheckSelected"],
  ["Buka Panel", "menuOpenPanel"],
  ["Pengaturan", "menuSettings"],
  ["Buat Draf Surat", "menuDraftLetters"],
  ["Setujui", "menuApprove"],
  ["Kembalikan", "menuReturn"],
  ["Serahkan", "menuHandOver"],
  ["Buka Kembali", "menuReopen"],
  ["Sinkronkan BPJS", "menuSyncBpjs"],
  ["Periksa Integritas", "menuCheckIntegrity"],
  ["Perbarui Rekap", "menuRefreshRekap"],
] as const;

/** Builds the menu only: onOpen may run without authorisation. */
export function buildMenu(): void {
  const menu = SpreadsheetApp.getUi().createAddonMenu();
  MENU_ITEMS.forEach(([caption, fn], i) => {
    if (i === 3) menu.addSeparator();
    menu.addItem(caption, fn);
  });
  menu.addToUi();
}

function alert(message: string): void {
  const ui = SpreadsheetApp.getUi();
  ui.alert("PBI-JK", message, ui.ButtonSet.OK);
}

/** Runs an action for the menu: problems and longer reports go to an alert, a one-line result to a toast. */
function fromMenu(context: string, action: (ss: Spreadsheet) => string, startMessage?: string): void {
  try {
    const ss = activeSpreadsheet();
    if (startMessage) toast(ss, startMessage);
    const message = action(ss);
    if (message.includes("\n")) alert(message);
    else toast(ss, message);
  } catch (error) {
    logError(context, error);
    alert(userMessage(error));
  }
}

/** Runs an action for the sidebar: returns {ok, message} instead of throwing. */
function fromSidebar<T>(context: string, action: (ss: Spreadsheet) => T): { ok: true; value: T } | { ok: false; message: string } {
  try {
    return { ok: true, value: action(activeSpreadsheet()) };
  } catch (error) {
    logError(context, error);
    return { ok: false, message: userMessage(error) };
  }
}

function requestSheet(ss: Spreadsheet, name: string): GoogleAppsScript.Spreadsheet.Sheet {
  const sheet = ss.getSheetByName(name);
  if (!sheet) throw new UserError(`Sheet "${name}" tidak ditemukan. Jalankan menu PBI-JK › Siapkan Sheet.`);
  return sheet;
}

export function setup(ss: Spreadsheet): string {
  refuseNewerLayout();
  // Asked before taking the lock: nobody waits while the user reads the question.
  const change = spreadsheetChange(ss);
  let apply = true;
  if ((change.timeZone || change.locale) && change.otherSheets.length) {
    const ui = SpreadsheetApp.getUi();
    apply = ui.alert("PBI-JK", changeQuestion(change), ui.ButtonSet.YES_NO) === ui.Button.YES;
  }
  return withDocumentLock(() => setupSpreadsheet(ss, activeUserEmail(), apply).join("\n"));
}

export function checkAll(ss: Spreadsheet, now = new Date()): string {
  const { settings, note } = settingsForChecks(ss);
  return withDocumentLock(() => {
    const names = settings.sheets.map((s) => s.sheet);
    if (names.length === 0) throw new UserError(`Tabel "Sheet Permohonan" di sheet "${SETTINGS_SHEET}" masih kosong.`);
    const log = readLog(ss);
    return names
      .map((name) => {
        const summary = checkSheet(requestSheet(ss, name), settings, now, undefined, log);
        return names.length > 1 ? `${name}: ${describeSummary(summary)}` : describeSummary(summary);
      })
      .join("\n") + note;
  });
}

export function checkSelected(ss: Spreadsheet, now = new Date()): string {
  const { settings, note } = settingsForChecks(ss);
  const sheet = ss.getActiveSheet();
  if (!settings.sheets.some((s) => s.sheet === sheet.getName())) {
    throw new UserError(`Pilih baris di sheet permohonan (${settings.sheets.map((s) => `"${s.sheet}"`).join(", ")}) lalu coba lagi.`);
  }
  const rows = selectedRowNumbers(ss);
  if (rows.size === 0) throw new UserError("Pilih satu atau beberapa baris permohonan (bukan baris judul), lalu coba lagi.");
  const summary: CheckSummary = withDocumentLock(() => checkSheet(sheet, settings, now, rows));
  return describeSummary(summary) + note;
}

export function openSettings(ss: Spreadsheet): string {
  const sheet = ss.getSheetByName(SETTINGS_SHEET);
  if (!sheet) throw new UserError(`Sheet "${SETTINGS_SHEET}" belum ada. Jalankan menu PBI-JK › Siapkan Sheet.`);
  ss.setActiveSheet(sheet);
  const { problems } = loadSettings(ss);
  if (problems.length) throw new UserError(describeProblems(problems));
  return "Pengaturan valid.";
}

export interface ActiveRowInfo {
  sheet: string;
  row: number;
  id: string;
  checkResult: string;
  decision: string;
  reasons: string;
  findings: string;
}

/** What the sidebar shows for the selected row: the add-on's own columns only (no NIK or KK). */
export function activeRowInfo(ss: Spreadsheet): ActiveRowInfo | null {
  const sheet = ss.getActiveSheet();
  const row = ss.getActiveRange()?.getRow() ?? 0;
  if (row < 2) return null;
  const width = sheet.getLastColumn();
  if (width === 0) return null;
  const columns = mapHeaders(sheet.getRange(1, 1, 1, width).getDisplayValues()[0]!);
  // Not a request sheet (Pengaturan, Log, a user's own): nothing to show.
  if (columns.checkResult === undefined) return null;
  const cells = sheet.getRange(row, 1, 1, width).getDisplayValues()[0]!;
  const at = (key: ColumnKey) => {
    const i = columns[key];
    return i === undefined ? "" : cellText(cells[i]);
  };
  const noteCol = columns.checkResult;
  const findings = noteCol === undefined ? "" : sheet.getRange(row, noteCol + 1).getNote();
  return {
    sheet: sheet.getName(), row, id: at("id"), checkResult: at("checkResult"), decision: at("decision"), reasons: at("reasons"), findings,
  };
}

export const menu = {
  setup: () => fromMenu("setup", setup, "Menyiapkan sheet…"),
  checkAll: () => fromMenu("checkAll", (ss) => checkAll(ss), "Memeriksa semua permohonan…"),
  checkSelected: () => fromMenu("checkSelected", (ss) => checkSelected(ss), "Memeriksa baris terpilih…"),
  settings: () => fromMenu("settings", openSettings),
  draftLetters: () => fromMenu("draftLetters", (ss) => draftLetters(ss), "Membuat draf surat…"),
  syncBpjs: () => fromMenu("syncBpjs", (ss) => syncBpjs(ss), "Menyinkronkan hasil BPJS…"),
  refreshRekap: () => fromMenu("refreshRekap", (ss) => refreshRekap(ss), "Menyusun rekap…"),
  approve: () => fromMenu("approve", (ss) => approve(ss, null)),
  returnRows: () => {
    // Asked before anything is read or locked; Cancel (or closing the dialog) changes nothing.
    const ui = SpreadsheetApp.getUi();
    let answer: GoogleAppsScript.Base.PromptResponse;
    try {
      answer = ui.prompt("PBI-JK · Kembalikan", "Catatan pengembalian (wajib): apa yang harus diperbaiki atau dilengkapi?", ui.ButtonSet.OK_CANCEL);
    } catch (error) {
      logError("returnRows", error);
      alert(userMessage(error));
      return;
    }
    if (answer.getSelectedButton() !== ui.Button.OK) {
      toast(activeSpreadsheet(), "Kembalikan dibatalkan; tidak ada yang diubah.");
      return;
    }
    fromMenu("returnRows", (ss) => returnRows(ss, null, answer.getResponseText()));
  },
  handOver: () => fromMenu("handOver", (ss) => handOver(ss, null)),
  reopen: () => fromMenu("reopen", (ss) => reopen(ss, null)),
  checkIntegrity: () => fromMenu("checkIntegrity", checkIntegrity, "Memeriksa integritas persetujuan…"),
  openPanel: () => {
    try {
      const html = HtmlService.createHtmlOutputFromFile("sidebar").setTitle("PBI-JK");
      SpreadsheetApp.getUi().showSidebar(html);
    } catch (error) {
      logError("openPanel", error);
      alert(userMessage(error));
    }
  },
};

export const sidebarApi = {
  checkAll: () => fromSidebar("apiCheckAll", (ss) => checkAll(ss)),
  checkSelected: () => fromSidebar("apiCheckSelected", (ss) => checkSelected(ss)),
  activeRow: () => fromSidebar("apiActiveRow", activeRowInfo),
  approve: (rows: number[] | null, note?: string) => fromSidebar("apiApprove", (ss) => approve(ss, rows, note)),
  returnRows: (rows: number[] | null, note?: string) => fromSidebar("apiReturn", (ss) => returnRows(ss, rows, note)),
  handOver: (rows: number[] | null, note?: string) => fromSidebar("apiHandOver", (ss) => handOver(ss, rows, note)),
  reopen: (rows: number[] | null, note?: string) => fromSidebar("apiReopen", (ss) => reopen(ss, rows, note)),
  checkIntegrity: () => fromSidebar("apiCheckIntegrity", checkIntegrity),
};

/** onEdit waits at most this long: a simple trigger has 30 s in all. */
export const EDIT_LOCK_WAIT_MS = 5000;

/** onEdit simple trigger: quiet on every failure (it may lack authorisation). */
export function handleEdit(e: GoogleAppsScript.Events.SheetsOnEdit | undefined): void {
  try {
    if (!e?.range) return;
    const sheet = e.range.getSheet();
    // A changed profile applies at once: refresh the copy onEdit reads.
    if (sheet.getName() === SETTINGS_SHEET) {
      loadSettings(sheet.getParent());
      return;
    }
    const settings = cachedSettings();
    if (!settings) return;
    // Wait for a running full check to finish, so its older reading never overwrites this one.
    // Where the lock service is not available to a simple trigger, check without it.
    let lock: GoogleAppsScript.Lock.Lock | null = null;
    try {
      lock = LockService.getDocumentLock();
    } catch {
      lock = null;
    }
    if (lock && !lock.tryLock(EDIT_LOCK_WAIT_MS)) {
      markSkipped(e.range, settings);
      return;
    }
    try {
      // `Untuk BPJS` edits go back to the request sheets; others re-check their rows.
      if (!bringBackBpjsEdit(e, settings, new Date())) recheckEditedRows(e.range, settings, new Date());
    } finally {
      if (lock) releaseFlushed(lock);
    }
  } catch (error) {
    logError("onEdit", error);
  }
}
