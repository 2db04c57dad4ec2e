/**
 * Setujui, Kembalikan, Serahkan, Buka Kembali (spec section 6) on selected rows, and Periksa
 * Integritas. Each row is guarded on its own (src/domain/workflow.ts guardMove); under the
 * document lock: one read, one write per block of adjacent columns, one Log write.
 */
import { checkTable } from "../domain/check";
import { type ColumnKey, type ColumnMap, headerOf, mapHeaders } from "../domain/columns";
import { todayInJakarta } from "../domain/dates";
import { describeUnlogged, unloggedApprovals } from "../domain/integrity";
import { numberMode } from "../domain/numbering";
import { DEFAULT_REQUEST_SHEET, profileForSheet, roleOf, SETTING_FIELDS } from "../domain/settings";
import { type Cell, cellText } from "../domain/text";
import { readBool } from "../domain/values";
import {
  type Action, ACTIONS, guardMove, jakartaStamp, logLine, STAGES, type StageName, stagesFor, type Workflow, workflowFor,
} from "../domain/workflow";
import { commitMoves, readLog, withMoveLock } from "./auditLog";
import { UserError } from "./errors";
import { type Value, writeColumns } from "./grid";
import { issueNumbers } from "./letterNumbers";
import { scrubDigits } from "../domain/privacy";
import { NO_EMAIL } from "./access";
import { presentRows } from "./present";
import { selectedRowNumbers } from "./selection";
import { activeUserEmail, retrying } from "./services";
import { settingsForChecks } from "./settingsRepo";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The moves of this module (drafting is Buat Draf Surat's). */
export type MoveAction = Exclude<Action, "draft">;

/** What one allowed move writes to its row. */
interface Move {
  row: number;
  id: string;
  from: StageName;
  to: StageName;
  cells: Partial<Record<ColumnKey, Value>>;
  /** The Log's note: the number given, and the user's note with digit runs (a NIK typed in it) removed. */
  logNote: string;
}

interface Refusal {
  row: number;
  id: string;
  reason: string;
}

const DONE: Record<MoveAction, string> = {
  approve: "disetujui",
  return: "dikembalikan",
  handOver: "diserahkan",
  reopen: "dibuka kembali",
};

/** Setujui: completes the current stage of each row, by that stage's role. */
export function approve(ss: Spreadsheet, rows: number[] | null, note?: string, now = new Date()): string {
  return runMoves(ss, "approve", rows, note, now);
}

/** Kembalikan: a reviewer's return to Perbaikan, or the operator closing an INCOMPLETE / NOT_ELIGIBLE row. */
export function returnRows(ss: Spreadsheet, rows: number[] | null, note?: string, now = new Date()): string {
  return runMoves(ss, "return", rows, note, now);
}

/** Serahkan: hands over rows waiting in Siap Diserahkan. */
export function handOver(ss: Spreadsheet, rows: number[] | null, note?: string, now = new Date()): string {
  return runMoves(ss, "handOver", rows, note, now);
}

/** Buka Kembali: a Dikembalikan row back to Diterima. */
export function reopen(ss: Spreadsheet, rows: number[] | null, note?: string, now = new Date()): string {
  return runMoves(ss, "reopen", rows, note, now);
}

/**
 * Kembalikan from the menu asks for its note only when a selected row can be returned: "" then,
 * else why not (nothing is locked or written), so nobody types a note to have it refused.
 */
export function returnRefusal(ss: Spreadsheet, rows: number[] | null, now = new Date()): string {
  return runMoves(ss, "return", rows, undefined, now, true);
}

function runMoves(ss: Spreadsheet, action: MoveAction, rows: number[] | null, note: string | undefined, now: Date, preview = false): string {
  const caption = ACTIONS[action];
  const email = activeUserEmail().trim();
  if (!email) throw new UserError(NO_EMAIL);
  const { settings } = settingsForChecks(ss);
  const roles = roleOf(settings, email);
  if (roles.length === 0) {
    throw new UserError(`${caption}: ${email} belum terdaftar dengan peran apa pun di tabel "Email Pengguna | Peran" (Pengaturan). Minta admin menambahkan peran Anda. Tidak ada yang diubah.`);
  }
  // The preview stands in for the note it has not asked for yet.
  const text = preview ? "-" : (note ?? "").trim();
  if (action === "return" && !text) throw new UserError(`${caption}: tulis catatan pengembalian (wajib), lalu coba lagi. Tidak ada yang diubah.`);
  const sheet = ss.getActiveSheet();
  const names = settings.sheets.length ? settings.sheets.map((s) => s.sheet) : [DEFAULT_REQUEST_SHEET];
  if (!names.includes(sheet.getName())) {
    throw new UserError(`Pilih baris di sheet permohonan (${names.map((n) => `"${n}"`).join(", ")}) lalu coba lagi.`);
  }
  const selected = rows ? new Set(rows.filter((r) => Number.isInteger(r) && r >= 2)) : selectedRowNumbers(ss);
  if (selected.size === 0) throw new UserError("Pilih satu atau beberapa baris permohonan (bukan baris judul), lalu coba lagi.");
  const profile = profileForSheet(settings, sheet.getName());
  const workflow = workflowFor(profile);
  const today = todayInJakarta(now);
  const stamp = jakartaStamp(now);

  const run = () => {
    const raw = retrying(() => sheet.getDataRange().getValues()) as Cell[][];
    const columns = mapHeaders(raw[0] ?? []);
    const stampKeys = workflow.stages.flatMap((s) => (s.stamp ? [s.stamp.by, s.stamp.at] : []));
    const numbering = workflow.numberAt === STAGES.numbering;
    requireColumns(columns, neededColumns(action, stampKeys, numbering, workflow.archiveBeforeHandOver));
    const grid = presentRows(raw, columns, ss.getSpreadsheetTimeZone());
    const table = checkTable(grid[0] ?? [], grid.slice(1), profile, today);
    const byRow = new Map(table.results.map((r) => [r.row, r]));
    const at = (row: number, key: ColumnKey) => (columns[key] === undefined ? "" : cellText(grid[row - 1]?.[columns[key]!]).trim());

    const moves: Move[] = [];
    const refused: Refusal[] = [];
    const needNumber: Move[] = [];
    const manual = numberMode(settings.values.numberMode) === "manual";
    for (const row of [...selected].sort((a, b) => a - b)) {
      const result = byRow.get(row);
      if (!result) continue; // a blank row
      const id = result.request.id;
      if (!id) {
        refused.push({ row, id, reason: "belum punya ID Permohonan: jalankan Periksa Semua dulu." });
        continue;
      }
      const archived = columns.archived !== undefined && readBool(raw[row - 1]?.[columns.archived]) === true;
      const move = guardMove({
        action, workflow, stage: result.request.stage, decision: result.decision, urgent: result.request.urgent, archived, roles, note: text,
      });
      if (!move.ok) {
        refused.push({ row, id, reason: move.message });
        continue;
      }
      const planned: Move = { row, id, from: move.from, to: move.to, cells: { stage: move.to }, logNote: scrubDigits(text) };
      if (move.stamp) Object.assign(planned.cells, { [move.stamp.by]: email, [move.stamp.at]: stamp });
      if (action === "return") planned.cells.returnNote = text;
      if (action === "return") Object.assign(planned.cells, stampsRedone(workflow, result.request.urgent, move.to));
      if (action === "handOver") planned.cells.handedOverAt = stamp;
      if (move.assignsNumber) {
        // A number once given stays (a request back from Perbaikan keeps it); Manual leaves it to the operator.
        const typed = at(row, "letterNumber").split("\n")[0]!.trim();
        if (!typed && manual) {
          refused.push({ row, id, reason: `isi kolom "${headerOf("letterNumber")}" dulu (Cara Penomoran: Manual).` });
          continue;
        }
        if (typed) planned.logNote = joinNote(`Nomor ${typed}`, planned.logNote);
        else needNumber.push(planned);
      }
      moves.push(planned);
    }
    if (preview) return moves.length ? "" : report(action, moves, refused);
    if (needNumber.length) {
      const format = settings.values.numberFormat.trim() || SETTING_FIELDS.numberFormat.initial;
      const numbers = issueNumbers(format, today, grid.slice(1).map((cells) => cellText(cells[columns.letterNumber!]).trim()), needNumber.length);
      needNumber.forEach((m, i) => {
        m.cells.letterNumber = numbers[i]!;
        m.logNote = joinNote(`Nomor ${numbers[i]!}`, m.logNote);
      });
    }
    const sheetId = sheet.getSheetId();
    commitMoves(ss, moves.map((m) => ({ sheetId, line: logLine(now, email, m.id, action, m.from, m.to, m.logNote) })), () =>
      writeMoves(sheet, raw, columns, moves));
    return report(action, moves, refused);
  };
  return preview ? run() : withMoveLock(ss, run);
}

/**
 * A returned request goes through some reviews again: from the stage it returns to, or for
 * Perbaikan every review after drafting. Their stamps are emptied so the sheet never shows an
 * approval of the old draft (the Log keeps the history). The operator's closing empties them all:
 * a reopened request goes through every review again.
 */
function stampsRedone(workflow: Workflow, urgent: boolean, to: StageName): Partial<Record<ColumnKey, Value>> {
  const closing = to === STAGES.returned || to === STAGES.rejected;
  const stages = closing ? workflow.stages : stagesFor(workflow, urgent);
  const from = closing ? 0
    : to === STAGES.correction ? stages.findIndex((s) => s.name === STAGES.draft) + 1
    : stages.findIndex((s) => s.name === to);
  const cleared: Partial<Record<ColumnKey, Value>> = {};
  if (from < 0) return cleared;
  for (const s of stages.slice(from)) if (s.stamp) Object.assign(cleared, { [s.stamp.by]: "", [s.stamp.at]: "" });
  return cleared;
}

function neededColumns(action: MoveAction, stampKeys: ColumnKey[], numbering: boolean, archive: boolean): ColumnKey[] {
  const keys: ColumnKey[] = ["id", "stage"];
  if (action === "approve") keys.push(...stampKeys, ...(numbering ? (["letterNumber"] as const) : []));
  if (action === "return") keys.push("returnNote", ...stampKeys);
  if (action === "handOver") keys.push("handedOverAt", ...(archive ? (["archived"] as const) : []));
  return keys;
}

function requireColumns(columns: ColumnMap, keys: readonly ColumnKey[]): void {
  const missing = [...new Set(keys)].filter((k) => columns[k] === undefined);
  if (missing.length) {
    throw new UserError(`Kolom ${missing.map((k) => `"${headerOf(k)}"`).join(", ")} tidak ditemukan. Jalankan menu PBI-JK › Siapkan Sheet.`);
  }
}

const joinNote = (...parts: string[]) => parts.filter(Boolean).join("; ");

/** The moves' cells, one setValues per run of adjacent columns over the moved rows' span. */
function writeMoves(sheet: Sheet, raw: Cell[][], columns: ColumnMap, moves: readonly Move[]): void {
  if (moves.length === 0) return;
  const byRow = new Map(moves.map((m) => [m.row, m]));
  const first = Math.min(...byRow.keys());
  const last = Math.max(...byRow.keys());
  const keyOf = new Map<number, ColumnKey>();
  for (const m of moves) for (const key of Object.keys(m.cells) as ColumnKey[]) keyOf.set(columns[key]!, key);
  writeColumns(sheet, first, last - first + 1, [...keyOf.keys()], (r, c) => {
    const move = byRow.get(first + r);
    const value = move?.cells[keyOf.get(c)!];
    // Rows in between, and columns this row's move does not write, keep what was read under this lock.
    return value ?? ((raw[first + r - 1]?.[c] ?? "") as Value);
  });
}

function report(action: MoveAction, moves: readonly Move[], refused: readonly Refusal[]): string {
  const lines = [`${ACTIONS[action]}: ${moves.length} permohonan ${DONE[action]}.`];
  const byStage = new Map<string, number>();
  for (const m of moves) byStage.set(m.to, (byStage.get(m.to) ?? 0) + 1);
  if (moves.length) lines[0] += ` Tahap berikutnya: ${[...byStage].map(([s, n]) => `${s} (${n})`).join(", ")}.`;
  for (const r of refused) lines.push(`• Baris ${r.row}${r.id ? ` (${r.id})` : ""}: ${r.reason} Tidak diubah.`);
  return lines.join("\n");
}

/** Periksa Integritas (any user): approval stamps with no matching Log line, per request sheet. */
export function checkIntegrity(ss: Spreadsheet): string {
  const { settings } = settingsForChecks(ss);
  const names = settings.sheets.length ? settings.sheets.map((s) => s.sheet) : [DEFAULT_REQUEST_SHEET];
  // Lines a failed run left waiting belong in the Log before it is compared.
  const log = withMoveLock(ss, () => readLog(ss));
  return names
    .map((name) => {
      const sheet = ss.getSheetByName(name);
      if (!sheet) return `Sheet "${name}" tidak ditemukan. Jalankan menu PBI-JK › Siapkan Sheet.`;
      const raw = retrying(() => sheet.getDataRange().getValues()) as Cell[][];
      return describeUnlogged(unloggedApprovals(raw.slice(1), mapHeaders(raw[0] ?? []), log), name);
    })
    .join("\n");
}
