/**
 * Buat Draf Surat (issue 14): drafts the letter of each selected ELIGIBLE row waiting in `Draf`
 * or `Perbaikan`, in three steps so a failure halfway never leaves a half-done request:
 *  1. under the document lock: read the sheet once, check it, guard each row, take numbers and
 *     record them per request in document properties (the counter only grows; letterRecords.ts);
 *  2. without the lock: make or update each Doc, recording its ID per request right after it
 *     is created, within a time budget, stopping at the first Docs failure (a quota);
 *  3. under the lock: re-read, find each row by ID, write `Nomor Surat`, `Tanggal Surat`,
 *     `Tautan Surat` and `Tahap` (one call per block of columns) and the `Log` lines (one call).
 * A rerun reuses each request's recorded number and Doc: never a second number or document. A
 * written row holds them itself, so its record is then dropped.
 */
import { checkTable, type RowResult } from "../domain/check";
import { type ColumnKey, type ColumnMap, headerOf, mapHeaders } from "../domain/columns";
import { type IsoDate, readDateCell, todayInJakarta } from "../domain/dates";
import {
  buildLetter, buildSecondLetter, chooseSigner, type LetterInput, type LetterLayout, type LetterPerson, needsSecondLetter, placeholderValues,
} from "../domain/letter";
import { numberMode } from "../domain/numbering";
import type { Profile } from "../domain/profiles";
import { profileForSheet, roleOf, SETTING_FIELDS, type Settings } from "../domain/settings";
import { type Cell, cellText, enumKey } from "../domain/text";
import { ACTIONS, guardMove, logLine, STAGES, type StageName, workflowFor } from "../domain/workflow";
import { copyTemplate, createDocument, documentIdFromLink, fillPlaceholders, openDocument, readTemplate, renderLayout, type TemplateParts } from "./docs";
import { NO_EMAIL } from "./access";
import { commitMoves, withMoveLock } from "./auditLog";
import { UserError } from "./errors";
import { type Value, writeColumns } from "./grid";
import { issueNumbers } from "./letterNumbers";
import { type LetterRecord, RecordStore, RunRecords } from "./letterRecords";
import { presentRows } from "./present";
import { selectedRowNumbers } from "./selection";
import { activeUserEmail, BUSY_MESSAGE, documentProperties, retrying, toast, withDocumentLock } from "./services";
import { settingsForChecks } from "./settingsRepo";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Doc = GoogleAppsScript.Document.Document;

/** Apps Script stops a run at 6 minutes; stop starting letters well before. */
export const TIME_BUDGET_MS = 4.5 * 60 * 1000;

/** Longer than any run (Apps Script stops one at 6 minutes): a killed run's lease expires. */
const LEASE_MS = 6 * 60 * 1000;

export interface DraftOptions {
  now?: Date;
  /** Milliseconds since some origin; the time budget counts with it. */
  clock?: () => number;
  budgetMs?: number;
  /** Sheet rows to draft (the sidebar's chunks); default: the selection. */
  rows?: readonly number[] | null;
}

interface Job {
  row: number;
  id: string;
  from: StageName;
  to: StageName;
  input: LetterInput;
  second: boolean;
  record: LetterRecord;
  /** The Doc ID in `Tautan Surat` (a redraft), or "". */
  linkedDoc: string;
  /** The second document's ID, on the second line of `Tautan Surat`, or "". */
  linkedSecond: string;
  assignsNumber: boolean;
}

interface Refusal {
  row: number;
  id: string;
  reason: string;
}

const REQUIRED: readonly ColumnKey[] = ["id", "stage", "letterNumber", "letterDate", "letterLink"];

function requireColumns(columns: ColumnMap): void {
  const missing = REQUIRED.filter((k) => columns[k] === undefined);
  if (missing.length) {
    throw new UserError(`Kolom ${missing.map((k) => `"${headerOf(k)}"`).join(", ")} tidak ditemukan. Jalankan menu PBI-JK › Siapkan Sheet.`);
  }
}

/** Buat Draf Surat on the selected rows; returns the report for the user. */
export function draftLetters(ss: Spreadsheet, options: DraftOptions = {}): string {
  const now = options.now ?? new Date();
  const clock = options.clock ?? (() => Date.now());
  const started = clock();
  const budget = options.budgetMs ?? TIME_BUDGET_MS;

  const email = activeUserEmail().trim();
  if (!email) throw new UserError(NO_EMAIL);
  const { settings } = settingsForChecks(ss);
  if (!roleOf(settings, email).includes("operator")) {
    throw new UserError(`${ACTIONS.draft} hanya untuk peran Operator; ${email} tidak terdaftar sebagai Operator di tabel "Email Pengguna | Peran" (Pengaturan).`);
  }
  const sheet = ss.getActiveSheet();
  if (!settings.sheets.some((s) => s.sheet === sheet.getName())) {
    throw new UserError(`Pilih baris di sheet permohonan (${settings.sheets.map((s) => `"${s.sheet}"`).join(", ")}) lalu coba lagi.`);
  }
  const selected = options.rows ? new Set(options.rows) : selectedRowNumbers(ss);
  if (selected.size === 0) throw new UserError("Pilih satu atau beberapa baris permohonan (bukan baris judul), lalu coba lagi.");
  const profile = profileForSheet(settings, sheet.getName());
  if (!chooseSigner(settings.signers, profile)) {
    throw new UserError('Lengkapi tabel "Jabatan Penandatangan" di Pengaturan (jabatan, nama, pangkat, NIP) sebelum membuat surat.');
  }
  const templates = openTemplates(settings);
  const today = todayInJakarta(now);

  // Short: it names this run's keys in document properties.
  const runId = `${now.getTime().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  const records = new RunRecords(documentProperties(), runId, now.getTime() + LEASE_MS);
  const { jobs, refused } = withMoveLock(ss, () => prepare(sheet, settings, profile, email, selected, today, now.getTime(), records));
  const done: Job[] = [];
  const unknown = new Set<string>();
  let stopped = "";
  let written: ReturnType<typeof writeBack> = { written: [], moved: [] };
  try {
    for (const job of jobs) {
      if (clock() - started > budget) break;
      if (jobs.length > 1) toast(ss, `Membuat draf surat ${done.length + 1}/${jobs.length}…`);
      try {
        for (const key of draftOne(job, templates, records)) unknown.add(key);
        done.push(job);
      } catch (error) {
        stopped = docsFailure(error, job);
        break;
      }
    }
    if (done.length) {
      try {
        written = withDocumentLock(() => writeBack(ss, sheet, done, email, now));
      } catch (error) {
        if (!(error instanceof UserError) || error.message !== BUSY_MESSAGE) throw error;
        // The documents and numbers exist already: say so, and that a rerun uses the same ones.
        stopped = [stopped, `${done.length} draf surat sudah dibuat, tetapi belum dicatat di sheet karena pengguna lain sedang memproses sheet ini. ` +
          "Pilih baris yang sama dan jalankan Buat Draf Surat lagi: surat dan nomor yang sama akan dipakai."].filter(Boolean).join("\n");
      }
    }
  } finally {
    // Written rows hold their numbers and links: their records go; the others stay for a rerun.
    if (jobs.length) records.finish(new Set(written.written.map((j) => j.id)));
  }
  const left = jobs.length - done.length;
  const typos = unknown.size
    ? `\nTemplat memuat penanda yang tidak dikenal: ${[...unknown].map((k) => `{{${k}}}`).join(", ")}. Periksa ejaannya (daftar penanda ada di README, bagian Surat).`
    : "";
  return report(written.written.length, refused, written.moved, left, stopped) + typos;
}

type Templates = { main: TemplateParts | null; second: TemplateParts | null };

/** The office's templates, read once per run. */
function openTemplates(settings: Settings): Templates {
  const open = (label: string, id: string): TemplateParts | null => {
    if (!id.trim()) return null;
    const doc = openDocument(id.trim());
    if (!doc) throw new UserError(`"${label}" (${id.trim()}) tidak dapat dibuka. Periksa ID dokumennya dan pastikan akun Anda boleh membukanya, atau kosongkan untuk memakai tata letak bawaan.`);
    return readTemplate(doc);
  };
  return {
    main: open(SETTING_FIELDS.templateId.label, settings.values.templateId),
    second: open(SETTING_FIELDS.secondTemplateId.label, settings.values.secondTemplateId),
  };
}

/** Step 1 (inside the lock): guard each selected row, lease it, take and record the numbers. */
function prepare(
  sheet: Sheet, settings: Settings, profile: Profile, email: string, selected: ReadonlySet<number>, today: IsoDate,
  now: number, records: RunRecords,
) {
  const raw = retrying(() => sheet.getDataRange().getValues()) as Cell[][];
  const columns = mapHeaders(raw[0] ?? []);
  requireColumns(columns);
  const grid = presentRows(raw, columns, sheet.getParent().getSpreadsheetTimeZone());
  const table = checkTable(grid[0] ?? [], grid.slice(1), profile, today);
  const workflow = workflowFor(profile);
  const roles = roleOf(settings, email);
  const manual = numberMode(settings.values.numberMode) === "manual";
  const format = settings.values.numberFormat.trim() || SETTING_FIELDS.numberFormat.initial;
  const store = new RecordStore(documentProperties().getProperties());
  const at = (cells: readonly Cell[], key: ColumnKey) => (columns[key] === undefined ? "" : cellText(cells[columns[key]!]).trim());

  const byRow = new Map<number, RowResult>(table.results.map((r) => [r.row, r]));
  // Every number the sheet holds (a second letter's on the cell's second line), by its first row.
  const numberRows = new Map<string, number>();
  grid.forEach((cells, i) => {
    if (i === 0) return;
    for (const n of lines(at(cells, "letterNumber"))) if (!numberRows.has(n)) numberRows.set(n, i + 1);
  });
  const jobs: Job[] = [];
  const refused: Refusal[] = [];
  for (const row of [...selected].sort((a, b) => a - b)) {
    const result = byRow.get(row);
    if (!result) continue; // a blank row
    const cells = grid[row - 1]!;
    const id = result.request.id;
    const refuse = (reason: string) => refused.push({ row, id, reason });
    if (!id) {
      refuse("belum punya ID Permohonan: jalankan Periksa Semua dulu.");
      continue;
    }
    const move = guardMove({
      action: "draft", workflow, stage: result.request.stage, decision: result.decision, urgent: result.request.urgent,
      archived: false, roles,
    });
    if (!move.ok) {
      refuse(move.message);
      continue;
    }
    const [typed = "", typedSecond = ""] = lines(at(cells, "letterNumber"));
    if (move.assignsNumber && manual && !typed) {
      refuse(`isi kolom "${headerOf("letterNumber")}" dulu (Cara Penomoran: Manual).`);
      continue;
    }
    const usedAt = typed ? numberRows.get(typed) : undefined;
    if (usedAt !== undefined && usedAt !== row) {
      refuse(`nomor surat "${typed}" sudah dipakai permohonan di baris ${usedAt}; setiap surat perlu nomornya sendiri.`);
      continue;
    }
    const person = personOf(result, (key) => at(cells, key));
    if (store.leased(id, now)) {
      refuse("sedang dibuatkan surat oleh pengguna lain; coba lagi beberapa menit lagi.");
      continue;
    }
    // The sheet remembers what dropped or lost records forgot (a written row, a copied spreadsheet).
    const record = store.record(id);
    if (!record.secondNumber && typedSecond) record.secondNumber = typedSecond;
    const [linkedDoc = "", linkedSecond = ""] = lines(at(cells, "letterLink")).map(documentIdFromLink);
    // A letter keeps the date its number was given with: redrafted next month, the date still
    // matches the month in its number (…/XI/2026), as in the office's register.
    const dated = typed ? readDateCell(cells[columns.letterDate!] ?? "") : null;
    const date = dated?.kind === "ok" ? dated.date : today;
    const input: LetterInput = { profile, settings, person, number: typed || (move.assignsNumber ? record.number ?? null : null), date, deadline: result.deadline };
    jobs.push({
      row, id, from: move.from, to: move.to, input, second: needsSecondLetter(profile, person), record,
      linkedDoc, linkedSecond, assignsNumber: move.assignsNumber,
    });
  }
  if (!manual) claimNumbers(jobs, format, today, [...numberRows.keys()]);
  // Numbers and leases are recorded before the lock is released; with them go the records of
  // ended runs whose row already holds its documents (a run stopped after writing the sheet).
  const links = new Map<string, string>(grid.slice(1).map((cells) => [at(cells, "id"), at(cells, "letterLink")]));
  const done = (id: string, r: LetterRecord) => Boolean(r.doc) && [r.doc, r.secondDoc].every((d) => !d || (links.get(id) ?? "").includes(d));
  if (jobs.length) records.claim(jobs.map((j) => [j.id, j.record] as const), store, done, now);
  return { jobs, refused };
}

/** Numbers for jobs that need one and have none yet (the caller records them). */
function claimNumbers(jobs: Job[], format: string, today: IsoDate, sheetNumbers: readonly string[]): void {
  const needing = jobs.filter((j) => j.assignsNumber);
  const count = needing.filter((j) => !j.input.number).length + needing.filter((j) => j.second && !j.record.secondNumber).length;
  if (count === 0) return;
  const numbers = issueNumbers(format, today, sheetNumbers, count);
  for (const job of needing) {
    if (!job.input.number) job.input = { ...job.input, number: numbers.shift()! };
    job.record = { ...job.record, number: job.input.number! };
    if (job.second && !job.record.secondNumber) job.record.secondNumber = numbers.shift()!;
  }
}

function personOf(result: RowResult, at: (key: ColumnKey) => string): LetterPerson {
  const r = result.request;
  return {
    id: r.id, name: at("name"), nik: r.nik ?? at("nik"), kk: at("kk"), cardNumber: at("cardNumber"), address: at("address"),
    village: at("village"), district: at("district"), deactivationRef: at("deactivationRef"), deactivationDate: r.deactivationDate,
    registryStatus: r.registryStatus, decile: r.decile,
  };
}

/** Step 2 for one request: the Doc (reused when there is one), then its content; returns unknown placeholders. */
function draftOne(job: Job, templates: Templates, records: RunRecords): string[] {
  const save = () => records.save(job.id, job.record);
  const main = obtainDocument(job, job.linkedDoc || job.record.doc || "", Boolean(job.linkedDoc));
  if (main.id !== job.record.doc) {
    job.record = { ...job.record, doc: main.id };
    save();
  }
  const unknown = fill(main.doc, buildLetter(job.input), templates.main, placeholderValues(job.input));
  if (job.second) {
    const input = { ...job.input, number: job.record.secondNumber ?? job.input.number };
    const second = obtainDocument(job, job.record.secondDoc || job.linkedSecond, false);
    if (second.id !== job.record.secondDoc) {
      job.record = { ...job.record, secondDoc: second.id };
      save();
    }
    unknown.push(...fill(second.doc, buildSecondLetter(input), templates.second, placeholderValues(input)));
  }
  return unknown;
}

/** A cell's non-blank lines (a second letter's number and link go on the second line). */
function lines(text: string): string[] {
  return text.split("\n").map((l) => l.trim()).filter((l) => l !== "");
}

class LinkedDocGone extends UserError {}

/** The Doc to fill and its ID: the recorded or linked one, else a new one (recorded at once by the caller). */
function obtainDocument(job: Job, id: string, mustExist: boolean): { doc: Doc; id: string } {
  const existing = openDocument(id);
  if (existing) return { doc: existing, id };
  if (mustExist) {
    throw new LinkedDocGone(`Baris ${job.row} (${job.id}): dokumen di "${headerOf("letterLink")}" tidak dapat dibuka. Pulihkan dari Sampah Google Drive, atau kosongkan sel itu untuk membuat dokumen baru.`);
  }
  const doc = createDocument(job.input.profile.letterTitle);
  // Recorded (by the caller) before anything else: a failure from here on leaves a Doc the rerun reuses.
  return { doc, id: doc.getId() };
}

function fill(doc: Doc, layout: LetterLayout, template: TemplateParts | null, values: Record<string, string>): string[] {
  let unknown: string[] = [];
  if (template) {
    copyTemplate(template, doc, layout.name);
    unknown = fillPlaceholders(doc, values);
  } else {
    renderLayout(doc, layout);
  }
  doc.saveAndClose();
  return unknown;
}

const QUOTA = /too many times|quota|rate limit|kuota/i;

function docsFailure(error: unknown, job: Job): string {
  if (error instanceof LinkedDocGone) return error.message;
  const message = error instanceof Error ? error.message : String(error);
  if (QUOTA.test(message)) return "Kuota Google Docs akun ini untuk hari ini habis (Service invoked too many times). Jalankan Buat Draf Surat lagi besok untuk sisanya.";
  console.error(`draftLetters: ${(error as { name?: string })?.name ?? "Error"}`);
  return `Google Docs gagal saat membuat surat ${job.id}. Jalankan Buat Draf Surat lagi untuk melanjutkan.`;
}

/** Step 3 (inside the lock): the row columns and the Log lines, each in one write per block. */
function writeBack(ss: Spreadsheet, sheet: Sheet, done: readonly Job[], email: string, now: Date) {
  const current = retrying(() => sheet.getDataRange().getValues()) as Cell[][];
  const columns = mapHeaders(current[0] ?? []);
  requireColumns(columns);
  const rowById = new Map<string, number>();
  const twice = new Set<string>();
  current.forEach((cells, i) => {
    const id = cellText(cells[columns.id!]).trim();
    if (i === 0 || !id) return;
    if (rowById.has(id)) twice.add(id);
    rowById.set(id, i);
  });
  const targets = new Map<number, Job>();
  const moved: Refusal[] = [];
  for (const job of done) {
    const i = rowById.get(job.id);
    const stage = i === undefined ? "" : cellText(current[i]![columns.stage!]);
    if (i === undefined || twice.has(job.id) || enumKey(stage) !== enumKey(job.from)) {
      moved.push({ row: job.row, id: job.id, reason: "baris berubah atau berpindah saat surat dibuat; suratnya sudah tercatat, jalankan lagi untuk menyelesaikan." });
      continue;
    }
    targets.set(i, job);
  }
  if (targets.size === 0) return { written: [], moved };
  let first = Infinity;
  let last = -Infinity;
  for (const i of targets.keys()) {
    first = Math.min(first, i);
    last = Math.max(last, i);
  }
  const keys: ColumnKey[] = ["letterNumber", "letterDate", "letterLink", "stage"];
  const keyOf = new Map<number, ColumnKey>(keys.map((k) => [columns[k]!, k]));
  const urls = new Map<Job, string>();
  for (const job of targets.values()) {
    const link = [job.record.doc, job.second ? job.record.secondDoc : undefined].filter(Boolean).map((id) => `https://docs.google.com/document/d/${id}/edit`);
    urls.set(job, link.join("\n"));
  }
  // The stage goes out after the letter columns: a failure in between leaves the row in its old
  // stage, so a rerun finishes it with the same document and number.
  const stageColumn = columns.stage!;
  const letterColumns = [...keyOf.keys()].filter((c) => c !== stageColumn);
  const cellAt = (r: number, c: number): Value => {
    const job = targets.get(first + r);
    const keep = (current[first + r]?.[c] ?? "") as Value;
    if (!job) return keep;
    switch (keyOf.get(c)) {
      case "letterNumber":
        // A second letter's own number on the second line, so the sheet holds every number issued.
        return job.input.number
          ? [job.input.number, job.second && job.record.secondNumber !== job.input.number ? job.record.secondNumber : ""].filter(Boolean).join("\n")
          : keep;
      case "letterDate":
        return job.input.date;
      case "letterLink":
        return urls.get(job)!;
      default:
        return job.to;
    }
  };
  const sheetId = sheet.getSheetId();
  const lines = [...targets.values()].map((job) => {
    const note = [job.input.number ? `Nomor ${job.input.number}` : "", job.from === STAGES.correction ? "draf diperbarui" : "",
      job.second ? "dengan Surat Keterangan SIKS-NG" : ""].filter(Boolean).join("; ");
    return { sheetId, line: logLine(now, email, job.id, "draft", job.from, job.to, note) };
  });
  commitMoves(ss, lines, () => {
    writeColumns(sheet, first + 1, last - first + 1, letterColumns, cellAt);
    writeColumns(sheet, first + 1, last - first + 1, [stageColumn], cellAt);
  });
  SpreadsheetApp.flush();
  return { written: [...targets.values()], moved };
}

function report(drafted: number, refused: readonly Refusal[], moved: readonly Refusal[], left: number, stopped: string): string {
  const lines = [`${drafted} draf surat dibuat atau diperbarui.`];
  for (const r of [...refused, ...moved]) lines.push(`• Baris ${r.row}${r.id ? ` (${r.id})` : ""}: ${r.reason}`);
  if (stopped) lines.push(stopped);
  if (left > 0) lines.push(`${left} permohonan belum dibuatkan surat${stopped ? "" : " karena batas waktu Apps Script"}. Pilih baris yang sama dan jalankan Buat Draf Surat lagi untuk melanjutkan.`);
  return lines.join("\n");
}
