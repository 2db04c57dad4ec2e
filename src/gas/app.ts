/** Menu actions (the sidebar's are in sidebarApi.ts): each runs guarded, so users see Indonesian text, never a trace. */
import { letterGaps, SETTINGS_SHEET } from "../domain/settings";
import type { Cell } from "../domain/text";
import { CHECK_ROLES, requireRole } from "./access";
import { approve, checkIntegrity, handOver, reopen, returnRefusal, returnRows } from "./approvals";
import { readLog, withMoveLock } from "./auditLog";
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
  let ss: Spreadsheet | null = null;
  try {
    ss = activeSpreadsheet();
    if (startMessage) toast(ss, startMessage);
    show(ss, action(ss));
  } catch (error) {
    logError(context, error);
    // A "working…" toast must not stay up beside a refusal.
    if (ss && startMessage) toast(ss, STOPPED);
    alert(userMessage(error));
  }
}

export const STOPPED = "Berhenti; lihat pesan.";

function show(ss: Spreadsheet, message: string): void {
  if (message.includes("\n")) alert(message);
  else toast(ss, message);
}

function requestSheet(ss: Spreadsheet, name: string): GoogleAppsScript.Spreadsheet.Sheet {
  const sheet = ss.getSheetByName(name);
  if (!sheet) throw new UserError(`Sheet "${name}" tidak ditemukan. Jalankan menu PBI-JK › Siapkan Sheet.`);
  return sheet;
}

export function setup(ss: Spreadsheet): string {
  refuseNewerLayout();
  // Once the office lists an admin, only an admin sets the sheets up again; before that, whoever installs it.
  if (ss.getSheetByName(SETTINGS_SHEET)) requireRole(loadSettings(ss).settings, ["admin"], "Siapkan Sheet", ["admin"]);
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
  requireRole(settings, CHECK_ROLES, "Periksa Semua");
  return withMoveLock(ss, () => {
    const names = settings.sheets.map((s) => s.sheet);
    if (names.length === 0) throw new UserError(`Tabel "Sheet Permohonan" di sheet "${SETTINGS_SHEET}" masih kosong.`);
    // Read once, and only when a sheet has approval stamps to compare with it.
    let log: Cell[][] | undefined;
    const readLogOnce = () => (log ??= readLog(ss));
    return names
      .map((name) => {
        const summary = checkSheet(requestSheet(ss, name), settings, now, undefined, readLogOnce);
        return names.length > 1 ? `${name}: ${describeSummary(summary)}` : describeSummary(summary);
      })
      .join("\n") + note;
  });
}

/** Periksa Baris Terpilih; `only` (the sidebar's rows) replaces the selection. */
export function checkSelected(ss: Spreadsheet, now = new Date(), only: readonly number[] | null = null): string {
  const { settings, note } = settingsForChecks(ss);
  requireRole(settings, CHECK_ROLES, "Periksa Baris Terpilih");
  const sheet = ss.getActiveSheet();
  if (!settings.sheets.some((s) => s.sheet === sheet.getName())) {
    throw new UserError(`Pilih baris di sheet permohonan (${settings.sheets.map((s) => `"${s.sheet}"`).join(", ")}) lalu coba lagi.`);
  }
  const rows = only ? new Set(only) : selectedRowNumbers(ss);
  if (rows.size === 0) throw new UserError("Pilih satu atau beberapa baris permohonan (bukan baris judul), lalu coba lagi.");
  const summary: CheckSummary = withDocumentLock(() => checkSheet(sheet, settings, now, rows));
  return describeSummary(summary) + note;
}

export function openSettings(ss: Spreadsheet): string {
  const sheet = ss.getSheetByName(SETTINGS_SHEET);
  if (!sheet) throw new UserError(`Sheet "${SETTINGS_SHEET}" belum ada. Jalankan menu PBI-JK › Siapkan Sheet.`);
  ss.setActiveSheet(sheet);
  const { settings, problems } = loadSettings(ss);
  if (problems.length) throw new UserError(describeProblems(problems));
  const gaps = letterGaps(settings);
  return gaps.length ? `Pengaturan valid, tetapi surat yang dibuat sekarang akan kosong di bagian ini: isi ${gaps.join(", ")}.` : "Pengaturan valid.";
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
    // The rows are looked at first: a note is asked for only when some row can be returned.
    // Nothing is locked while the user types; Cancel (or closing the dialog) changes nothing.
    const ui = SpreadsheetApp.getUi();
    let answer: GoogleAppsScript.Base.PromptResponse;
    try {
      const refusal = returnRefusal(activeSpreadsheet(), null);
      if (refusal) {
        show(activeSpreadsheet(), refusal);
        return;
      }
      answer = ui.prompt("PBI-JK · Kembalikan", "Catatan pengembalian (wajib): apa yang harus diperbaiki atau dilengkapi? Catatan masuk ke sheet Log: jangan tulis NIK, KK atau keterangan penyakit.", ui.ButtonSet.OK_CANCEL);
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
      if (!bringBackBpjsEdit(e, settings, new Date(), lock !== null)) recheckEditedRows(e.range, settings, new Date());
    } finally {
      if (lock) releaseFlushed(lock);
    }
  } catch (error) {
    logError("onEdit", error);
  }
}
