/**
 * The sidebar's server side: the row inspector, the queues per role, and the row actions. Every
 * entry point reads the caller's roles from Pengaturan itself: calling one straight from the
 * browser skips nothing. Row actions go through ROW_ACTIONS, the same functions the menu runs,
 * so each row still passes the workflow guard there.
 */
import { checkTable, isOpenStage, type RowResult } from "../domain/check";
import { type ColumnKey, type ColumnMap, headerOf, mapHeaders } from "../domain/columns";
import { dayNumber, type IsoDate, todayInJakarta } from "../domain/dates";
import { DECISIONS, reasonText } from "../domain/eligibility";
import { maskedIdentityCell } from "../domain/privacy";
import type { Profile } from "../domain/profiles";
import { ROLES, type Role } from "../domain/roles";
import { DEFAULT_REQUEST_SHEET, profileForSheet, roleOf, SETTINGS_SHEET, type Settings } from "../domain/settings";
import { LOG_SHEET } from "../domain/layout";
import { type Cell, cellText } from "../domain/text";
import { readBool } from "../domain/values";
import { type Action, ACTIONS, guardMove, STAGES, stageName, stageWarning, type Workflow, workflowFor } from "../domain/workflow";
import { checkAll, checkSelected } from "./app";
import type {
  ActionId, DraftPlan, FindingInfo, Inspector, LetterLink, LogEntry, PanelState, Queue, QueueItem, Result, RowActionInfo, RowRef, SidebarApi,
} from "./bridge";
import { logError, UserError, userMessage } from "./errors";
import { CHECK_ROLES, NO_EMAIL, roleList } from "./access";
import { draftLetters } from "./letters";
import { presentRows } from "./present";
import { approve, checkIntegrity, handOver, reopen, returnRows } from "./approvals";
import { selectedRowNumbers } from "./selection";
import { activeSpreadsheet, activeUserEmail, retrying } from "./services";
import { settingsForChecks } from "./settingsRepo";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** A row action: rows null = the user's selection; returns the report; throws UserError to refuse the whole call. */
export type RowAction = (ss: Spreadsheet, rows: number[] | null, note?: string) => string;

/** What each action id runs; null would hide an action that is not available. */
export const ROW_ACTIONS: Record<ActionId, RowAction | null> = {
  check: (ss, rows) => checkSelected(ss, new Date(), rows),
  draft: (ss, rows) => draftLetters(ss, { rows }),
  approve,
  return: returnRows,
  handOver,
  reopen,
  integrity: (ss) => checkIntegrity(ss),
};

const REVIEWERS: readonly Role[] = ["verifier", "manager", "kabid", "signer"];

/** Who may ask for each action at all; the workflow guard then decides per row. */
export const ACTION_ROLES: Record<ActionId, readonly Role[]> = {
  check: CHECK_ROLES,
  draft: ["operator"],
  approve: [...REVIEWERS, "operator"],
  return: [...REVIEWERS, "operator"],
  handOver: ["operator"],
  reopen: ["operator"],
  integrity: Object.keys(ROLES) as Role[],
};

const LABELS: Record<ActionId, string> = {
  check: "Periksa",
  draft: ACTIONS.draft,
  approve: ACTIONS.approve,
  return: ACTIONS.return,
  handOver: ACTIONS.handOver,
  reopen: ACTIONS.reopen,
  integrity: "Periksa Integritas",
};

/** The workflow move each row action makes (check and integrity make none). */
const MOVES: Partial<Record<ActionId, Action>> = { draft: "draft", approve: "approve", return: "return", handOver: "handOver", reopen: "reopen" };

/** Roles that work with the applicant's file and see the full NIK; the others see it masked. */
export const FULL_NIK_ROLES: readonly Role[] = ["operator", "verifier", "admin"];

/** Rows a queue lists; the panel says how many more there are. */
export const QUEUE_LIMIT = 25;
const NOTE_LIMIT = 500;
const HISTORY_LIMIT = 30;

interface Caller {
  email: string;
  roles: Role[];
  settings: Settings;
}

/** The signed-in user and their roles; refuses anyone not in `Email Pengguna | Peran`, or without one of `allowed`. */
function caller(ss: Spreadsheet, allowed?: readonly Role[], what = "Panel PBI-JK"): Caller {
  const email = activeUserEmail().trim();
  if (!email) throw new UserError(NO_EMAIL);
  const { settings } = panelSettings(ss);
  const roles = roleOf(settings, email);
  if (roles.length === 0) {
    throw new UserError(`${email} belum terdaftar di tabel "Email Pengguna | Peran" (Pengaturan). Minta admin menambahkan peran Anda, lalu buka panel lagi.`);
  }
  if (allowed && !roles.some((r) => allowed.includes(r))) {
    throw new UserError(`${what} hanya untuk peran ${roleList(allowed)}; peran Anda: ${roleList(roles)}.`);
  }
  return { email, roles, settings };
}

/** Settings as the checks read them; a spreadsheet never set up gets told who sets it up, and how. */
function panelSettings(ss: Spreadsheet): ReturnType<typeof settingsForChecks> {
  try {
    return settingsForChecks(ss);
  } catch (error) {
    if (error instanceof UserError && !ss.getSheetByName(SETTINGS_SHEET)) {
      throw new UserError(`Panel belum dapat dipakai: spreadsheet ini belum disiapkan (sheet "${SETTINGS_SHEET}" belum ada). ` +
        "Minta admin menjalankan menu PBI-JK › Siapkan Sheet, lalu tekan Muat ulang panel.");
    }
    throw error;
  }
}

function requestSheetNames(settings: Settings): string[] {
  return settings.sheets.length ? settings.sheets.map((s) => s.sheet) : [DEFAULT_REQUEST_SHEET];
}

/** One read of a request sheet, checked as Periksa would check it today. */
interface CheckedSheet {
  sheet: Sheet;
  raw: Cell[][];
  grid: Cell[][];
  columns: ColumnMap;
  results: RowResult[];
  workflow: Workflow;
  today: IsoDate;
}

function readChecked(sheet: Sheet, settings: Settings, now: Date): CheckedSheet {
  const profile = profileForSheet(settings, sheet.getName());
  const raw = retrying(() => sheet.getDataRange().getValues()) as Cell[][];
  const columns = mapHeaders(raw[0] ?? []);
  const grid = presentRows(raw, columns, sheet.getParent().getSpreadsheetTimeZone());
  const today = todayInJakarta(now);
  const table = checkTable(grid[0] ?? [], grid.slice(1), profile, today);
  return { sheet, raw, grid, columns, results: table.results, workflow: workflowFor(profile), today };
}

function textAt(data: CheckedSheet, row: number, key: ColumnKey): string {
  const i = data.columns[key];
  return i === undefined ? "" : cellText(data.grid[row - 1]?.[i]).trim();
}

function daysLeft(data: CheckedSheet, deadline: IsoDate | null): number | null {
  return deadline ? dayNumber(deadline) - dayNumber(data.today) : null;
}

/** The row actions this caller may take on this row now, in menu order: the same guard as the moves. */
function rowActions(caller: Caller, data: CheckedSheet, result: RowResult): RowActionInfo[] {
  const actions: RowActionInfo[] = [];
  for (const id of Object.keys(ROW_ACTIONS) as ActionId[]) {
    if (!ROW_ACTIONS[id] || id === "integrity") continue;
    if (!caller.roles.some((r) => ACTION_ROLES[id].includes(r))) continue;
    const move = MOVES[id];
    if (move) {
      const verdict = guardMove({
        action: move, workflow: data.workflow, stage: result.request.stage, decision: result.decision, urgent: result.request.urgent,
        archived: readBool(data.grid[result.row - 1]?.[data.columns.archived ?? -1]) === true, roles: caller.roles,
        // The panel asks for the note before the call; the guard needs one to answer.
        note: id === "return" ? "-" : undefined,
      });
      if (!verdict.ok) continue;
    }
    // Drafting again updates the same document.
    const label = id === "draft" && stageName(result.request.stage) === STAGES.correction ? "Perbarui Draf Surat" : LABELS[id];
    actions.push({ id, label, needsNote: id === "return" });
  }
  return actions;
}

/** `Log` lines of one request, oldest first, as the sheet shows them (text, never Date). */
function history(ss: Spreadsheet, id: string): LogEntry[] {
  const log = ss.getSheetByName(LOG_SHEET);
  if (!log || !id || log.getLastRow() < 2) return [];
  const lines = retrying(() => log.getRange(2, 1, log.getLastRow() - 1, 7).getDisplayValues());
  return lines
    .filter((l) => l[2]?.trim() === id)
    .slice(-HISTORY_LIMIT)
    .map(([at = "", user = "", , action = "", from = "", to = "", note = ""]) => ({ at, user, action, from, to, note }));
}

function inspectRow(ss: Spreadsheet, who: Caller, sheet: Sheet, row: number, now: Date): Inspector | null {
  if (row < 2 || !requestSheetNames(who.settings).includes(sheet.getName())) return null;
  const data = readChecked(sheet, who.settings, now);
  const result = data.results.find((r) => r.row === row);
  if (!result) return null;
  const profile = profileForSheet(who.settings, sheet.getName());
  const header = (key: ColumnKey) => {
    const i = data.columns[key];
    return i === undefined ? headerOf(key) : cellText(data.raw[0]?.[i]).trim() || headerOf(key);
  };
  const findings: FindingInfo[] = result.findings.map((f) => ({ column: header(f.field), severity: f.severity, message: f.message }));
  const nikText = textAt(data, row, "nik");
  const stage = textAt(data, row, "stage");
  return {
    sheet: sheet.getName(),
    row,
    id: result.request.id,
    name: textAt(data, row, "name"),
    nik: who.roles.some((r) => FULL_NIK_ROLES.includes(r)) ? nikText : maskedIdentityCell(nikText),
    decision: DECISIONS[result.decision],
    reasons: result.reasons.map((code) => reasonText(code, result, profile)),
    findings,
    deadline: result.deadline,
    daysLeft: daysLeft(data, result.deadline),
    stage,
    urgent: result.request.urgent,
    warning: stageWarning(stage, result.decision, data.workflow, result.request.urgent) ?? "",
    history: history(ss, result.request.id),
    letters: letterLinks(textAt(data, row, "letterLink"), profile),
    actions: rowActions(who, data, result),
  };
}

/** `Tautan Surat` lines, labelled: the letter first, then the second letter (SIKS-NG) where the profile has one. */
function letterLinks(cell: string, profile: Profile): LetterLink[] {
  const labels = [profile.letterTitle, profile.secondLetterTitle ?? "Surat kedua"];
  return cell.split("\n").slice(0, 2)
    .map((line, i) => ({ label: labels[i]!, text: line.trim() }))
    .filter((l) => l.text !== "");
}

export function inspect(ss: Spreadsheet, now = new Date()): Inspector | null {
  const who = caller(ss);
  const sheet = ss.getActiveSheet();
  return inspectRow(ss, who, sheet, ss.getActiveRange()?.getRow() ?? 0, now);
}

/** Finds a request by ID (never by a row number the panel remembered) and selects its row. */
export function selectRow(ss: Spreadsheet, sheetName: unknown, id: unknown, now = new Date()): Inspector | null {
  const who = caller(ss);
  const sheet = requestSheet(ss, who, sheetName);
  if (typeof id !== "string" || !id.trim()) throw new UserError("Permohonan tanpa ID Permohonan tidak dapat dipilih. Muat ulang panel.");
  const row = rowsById(sheet, [{ row: 0, id }])[0]!;
  sheet.getRange(row, 1, 1, Math.max(sheet.getLastColumn(), 1)).activate();
  return inspectRow(ss, who, sheet, row, now);
}

function requestSheet(ss: Spreadsheet, who: Caller, name: unknown): Sheet {
  const names = requestSheetNames(who.settings);
  const sheet = typeof name === "string" && names.includes(name) ? ss.getSheetByName(name) : null;
  if (!sheet) throw new UserError(`Sheet permohonan ${quoted(name)} tidak ditemukan. Muat ulang panel.`);
  return sheet;
}

/**
 * A value from the browser, for a message: text in quotes (cut short), a number as is. Anything
 * else is never turned into text: String() on an object can throw or run its toString.
 */
function quoted(value: unknown): string {
  if (typeof value === "string") return `"${value.length > 60 ? `${value.slice(0, 60)}…` : value}"`;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return "(tidak dikenal)";
}

/** Where each request is now, by ID; a row without an ID counts only while its ID cell is still blank. */
function rowsById(sheet: Sheet, refs: readonly RowRef[]): number[] {
  const width = sheet.getLastColumn();
  const last = sheet.getLastRow();
  const headers = width ? sheet.getRange(1, 1, 1, width).getValues()[0]! : [];
  const idColumn = mapHeaders(headers).id;
  if (idColumn === undefined) throw new UserError(`Kolom "${headerOf("id")}" tidak ditemukan. Jalankan menu PBI-JK › Siapkan Sheet.`);
  const ids = last < 2 ? [] : retrying(() => sheet.getRange(2, idColumn + 1, last - 1, 1).getValues()).map((r) => cellText(r[0] as Cell).trim());
  return refs.map((ref) => {
    const id = typeof ref.id === "string" ? ref.id.trim() : "";
    if (!id) {
      const row = ref.row;
      if (Number.isInteger(row) && row >= 2 && row <= last && ids[row - 2] === "") return row;
      throw new UserError(`Baris ${quoted(row)} sudah berubah. Muat baris terpilih lagi.`);
    }
    const at = ids.indexOf(id);
    if (at < 0) throw new UserError(`Permohonan ${id} tidak ditemukan di sheet "${sheet.getName()}". Muat ulang panel.`);
    return at + 2;
  });
}

// ---------------------------------------------------------------- queues

interface QueueRule {
  title: string;
  roles: readonly Role[];
  holds(row: QueueRow): boolean;
}

interface QueueRow {
  stage: string;
  open: boolean;
  urgent: boolean;
  daysLeft: number | null;
  /** The role of the review stage the row waits in, when `Setujui` lets this caller complete it. */
  approvableBy: Role | null;
  /** `Buat Draf Surat` lets this caller draft the row now. */
  draftable: boolean;
}

const STAFF: readonly Role[] = ["operator", "verifier", "manager", "kabid", "signer", "admin"];
const waiting = (r: QueueRow) => r.open && stageName(r.stage) !== STAGES.handedOver;

export const QUEUES: readonly QueueRule[] = [
  { title: "Menunggu paraf saya", roles: ["verifier", "manager", "kabid"], holds: (r) => r.approvableBy !== null && r.approvableBy !== "signer" && r.approvableBy !== "operator" },
  { title: "Siap ditandatangani", roles: ["signer"], holds: (r) => r.approvableBy === "signer" },
  { title: "Siap dibuatkan draf surat", roles: ["operator"], holds: (r) => r.draftable && stageName(r.stage) === STAGES.draft },
  { title: "Dikembalikan untuk perbaikan", roles: ["operator"], holds: (r) => stageName(r.stage) === STAGES.correction },
  // Penomoran dan Stempel, Input ke BPJS: the operator's own Setujui.
  { title: "Menunggu Setujui saya", roles: ["operator"], holds: (r) => r.approvableBy === "operator" },
  { title: "Belum diserahkan", roles: ["operator"], holds: (r) => stageName(r.stage) === STAGES.readyForHandOver },
  { title: "Menunggu hasil BPJS", roles: ["operator", "bpjs"], holds: (r) => stageName(r.stage) === STAGES.handedOver },
  { title: "Mendesak", roles: STAFF, holds: (r) => waiting(r) && r.urgent },
  { title: "Batas ≤ 14 hari", roles: STAFF, holds: (r) => waiting(r) && r.daysLeft !== null && r.daysLeft >= 0 && r.daysLeft <= 14 },
];

function queueRow(who: Caller, data: CheckedSheet, result: RowResult): QueueRow {
  const stage = result.request.stage;
  const current = data.workflow.stages.find((s) => s.name === stageName(stage));
  const move = (action: "approve" | "draft") =>
    guardMove({ action, workflow: data.workflow, stage, decision: result.decision, urgent: result.request.urgent, archived: false, roles: who.roles });
  return {
    stage, open: isOpenStage(stage), urgent: result.request.urgent, daysLeft: daysLeft(data, result.deadline),
    approvableBy: current && move("approve").ok ? current.role : null,
    draftable: move("draft").ok,
  };
}

export function panelState(ss: Spreadsheet, now = new Date()): PanelState {
  const who = caller(ss);
  const mine = QUEUES.filter((q) => q.roles.some((r) => who.roles.includes(r)));
  const found = mine.map(() => [] as QueueItem[]);
  if (mine.length) {
    for (const name of requestSheetNames(who.settings)) {
      const sheet = ss.getSheetByName(name);
      if (!sheet) continue;
      const data = readChecked(sheet, who.settings, now);
      for (const result of data.results) {
        if (!result.request.id) continue;
        const row = queueRow(who, data, result);
        mine.forEach((q, i) => {
          if (!q.holds(row)) return;
          found[i]!.push({
            sheet: name, row: result.row, id: result.request.id, name: textAt(data, result.row, "name"),
            maskedNik: maskedIdentityCell(textAt(data, result.row, "nik")), stage: row.stage, deadline: result.deadline, daysLeft: row.daysLeft,
            returnNote: stageName(row.stage) === STAGES.correction && textAt(data, result.row, "returnNote") !== "",
          });
        });
      }
    }
  }
  // Nearest deadline first; rows without one last.
  const order = (a: QueueItem, b: QueueItem) => (a.daysLeft ?? Infinity) - (b.daysLeft ?? Infinity);
  const queues: Queue[] = mine.map((q, i) => {
    const items = found[i]!.sort(order);
    return { title: q.title, total: items.length, items: items.slice(0, QUEUE_LIMIT) };
  });
  const actions = (Object.keys(ROW_ACTIONS) as ActionId[]).filter((id) => ROW_ACTIONS[id] && who.roles.some((r) => ACTION_ROLES[id].includes(r)));
  return { email: who.email, roles: who.roles.map((r) => ROLES[r]), actions, queues };
}

// ---------------------------------------------------------------- actions

/** Selected rows Buat Draf Surat would draft now, for the panel to send in chunks. */
export function draftPlan(ss: Spreadsheet, now = new Date()): DraftPlan {
  const who = caller(ss, ACTION_ROLES.draft, ACTIONS.draft);
  const sheet = ss.getActiveSheet();
  if (!requestSheetNames(who.settings).includes(sheet.getName())) {
    throw new UserError(`Pilih baris di sheet permohonan (${requestSheetNames(who.settings).map((s) => `"${s}"`).join(", ")}) lalu coba lagi.`);
  }
  const selected = selectedRowNumbers(ss);
  if (selected.size === 0) throw new UserError("Pilih satu atau beberapa baris permohonan (bukan baris judul), lalu coba lagi.");
  const data = readChecked(sheet, who.settings, now);
  const rows: RowRef[] = [];
  const refused: string[] = [];
  for (const result of data.results) {
    if (!selected.has(result.row)) continue;
    const label = `Baris ${result.row}${result.request.id ? ` (${result.request.id})` : ""}`;
    if (!result.request.id) {
      refused.push(`${label}: belum punya ID Permohonan: jalankan Periksa Semua dulu.`);
      continue;
    }
    const move = guardMove({
      action: "draft", workflow: data.workflow, stage: result.request.stage, decision: result.decision, urgent: result.request.urgent,
      archived: false, roles: who.roles,
    });
    if (move.ok) rows.push({ row: result.row, id: result.request.id });
    else refused.push(`${label}: ${move.message}`);
  }
  return { sheet: sheet.getName(), rows, refused };
}

/** More rows than a selection of a whole office's sheet: not from the panel. */
const MAX_REFS = 5000;
const isRowRef = (v: unknown): v is RowRef =>
  typeof v === "object" && v !== null && typeof (v as RowRef).row === "number" && typeof (v as RowRef).id === "string";

const isActionId = (value: unknown): value is ActionId => typeof value === "string" && Object.prototype.hasOwnProperty.call(ROW_ACTIONS, value);

/** Runs a row action for the panel: checks the action, the caller's role and the rows (found again by ID) first. */
export function runAction(ss: Spreadsheet, action: unknown, sheetName: unknown, refs: unknown, note: unknown): string {
  if (!isActionId(action)) throw new UserError("Tindakan tidak dikenal. Muat ulang panel.");
  const run = ROW_ACTIONS[action];
  if (!run) throw new UserError(`${LABELS[action]} belum tersedia di panel ini.`);
  const who = caller(ss, ACTION_ROLES[action], LABELS[action]);
  const text = typeof note === "string" ? note.trim().slice(0, NOTE_LIMIT) : "";
  if (refs === null || refs === undefined) return run(ss, null, text);
  if (!Array.isArray(refs) || refs.length === 0 || refs.length > MAX_REFS || !refs.every(isRowRef)) {
    throw new UserError("Pilih satu atau beberapa baris permohonan, lalu coba lagi.");
  }
  const sheet = requestSheet(ss, who, sheetName);
  const rows = rowsById(sheet, refs);
  // The actions work on the active sheet, as from the menu.
  if (ss.getActiveSheet().getName() !== sheet.getName()) ss.setActiveSheet(sheet);
  return run(ss, rows, text);
}

// ---------------------------------------------------------------- entry points

/** Runs a panel call: {ok, value}, or {ok: false, message} in Indonesian; never a trace. */
function fromSidebar<T>(context: string, action: (ss: Spreadsheet) => T): Result<T> {
  try {
    return { ok: true, value: action(activeSpreadsheet()) };
  } catch (error) {
    logError(context, error);
    return { ok: false, message: userMessage(error) };
  }
}

/** The functions google.script.run calls; src/gas/main.ts exposes each under its name. */
export const sidebarApi: SidebarApi = {
  apiCheckAll: () => fromSidebar("apiCheckAll", (ss) => {
    caller(ss, ACTION_ROLES.check, "Periksa Semua");
    return checkAll(ss);
  }),
  apiPanel: () => fromSidebar("apiPanel", (ss) => panelState(ss)),
  apiInspect: () => fromSidebar("apiInspect", (ss) => inspect(ss)),
  apiSelectRow: (sheet, id) => fromSidebar("apiSelectRow", (ss) => selectRow(ss, sheet, id)),
  apiDraftPlan: () => fromSidebar("apiDraftPlan", (ss) => draftPlan(ss)),
  apiRunAction: (action, sheet, refs, note) => fromSidebar("apiRunAction", (ss) => runAction(ss, action, sheet, refs, note)),
};
