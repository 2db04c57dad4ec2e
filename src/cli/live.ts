/**
 * `pbijk` on live spreadsheets (issue 19): check (and write back), the BPJS export, and one
 * summary over many offices. Cells are read as the sheet stores them, like the add-on's getValues.
 */
import { BPJS_VIEW_HEADERS, bpjsViewRows, MASKED_NIK_HEADER } from "../domain/bpjsView";
import { columnLetters, describeDuplicates, duplicateColumns, headerOf, mapHeaders } from "../domain/columns";
import { SETTINGS_SHEET } from "../domain/settings";
import { type Cell, cellText, removeSpaces } from "../domain/text";
import type { WritePlan } from "../domain/writePlan";
import type { sheets_v4 } from "@googleapis/sheets";
import { InputError } from "./csv";
import { SheetsError, type SheetsClient } from "./sheetsApi";

export const DEFAULT_SHEET = "Permohonan";

export interface LiveSheet {
  spreadsheetId: string;
  /** The spreadsheet's title (names an office in rekap). */
  title: string;
  sheetName: string;
  /** The sheet's numeric ID (the `gid` in its URL), which grid requests such as notes need. */
  sheetId: number;
  /** Header row first; index = sheet row - 1. */
  grid: Cell[][];
  /** The office's `Pengaturan` as displayed, when asked for; null when it has no such sheet. */
  settings?: string[][] | null;
}

/** A sheet name in A1 notation: always quoted, quotes doubled. */
export const quoteSheet = (name: string): string => `'${name.replace(/'/g, "''")}'`;


/** Sheets' serial day 0 is 1899-12-30; 25569 is 1970-01-01. */
const SERIAL_UNIX_EPOCH = 25569;
const JAKARTA_MS = 7 * 3600 * 1000;

/**
 * A date-time serial as the instant whose Jakarta wall clock shows the sheet's wall clock, so the
 * domain reads the calendar date the sheet shows (whatever the spreadsheet's time zone).
 */
export function serialToDate(serial: number): Date {
  return new Date(Math.round((serial - SERIAL_UNIX_EPOCH) * 86_400_000) - JAKARTA_MS);
}

/**
 * Merges the two reads of one range: UNFORMATTED_VALUE with SERIAL_NUMBER (numbers stay numbers,
 * so a NIK typed as a number is caught as in the add-on) and with FORMATTED_STRING, where only
 * date and time cells turn into text. A cell that is a number in the first and text in the
 * second is a date.
 */
export function mergeReads(serial: readonly (readonly unknown[])[], shown: readonly (readonly unknown[])[]): Cell[][] {
  return serial.map((row, r) =>
    row.map((value, c) => {
      if (typeof value === "number") return typeof shown[r]?.[c] === "string" ? serialToDate(value) : value;
      if (typeof value === "string" || typeof value === "boolean") return value;
      return null;
    }),
  );
}

const META_FIELDS = "properties.title,sheets.properties.title,sheets.properties.sheetId";

interface SheetList {
  title: string;
  sheets: { title: string; sheetId: number }[];
}

function sheetList(meta: sheets_v4.Schema$Spreadsheet, spreadsheetId: string): SheetList {
  // An absent sheetId is 0 (the API leaves out default values).
  const sheets = (meta.sheets ?? []).map((s) => ({ title: s.properties?.title ?? "", sheetId: s.properties?.sheetId ?? 0 }));
  return { title: meta.properties?.title ?? spreadsheetId, sheets };
}

async function sheetTitles(client: SheetsClient, spreadsheetId: string, what: string): Promise<SheetList> {
  return sheetList(await client.call(what, () => client.api.spreadsheets.get({ spreadsheetId, fields: META_FIELDS })), spreadsheetId);
}

/**
 * The title, the request sheet's properties and the `Pengaturan` values as displayed (the
 * add-on's getDisplayValues; `formattedValue` is FORMATTED_VALUE), in the one request that
 * reads the title anyway. `ranges` also narrows `sheets` to the sheets they name, and a range on
 * a sheet the spreadsheet lacks is refused whole (400): then the plain sheet list says which.
 */
async function titlesAndSettings(client: SheetsClient, spreadsheetId: string, sheetName: string, what: string): Promise<SheetList & { settings: string[][] | null }> {
  let refused: SheetsError;
  try {
    const meta = await client.call(what, () =>
      client.api.spreadsheets.get({
        spreadsheetId,
        ranges: [quoteSheet(SETTINGS_SHEET), `${quoteSheet(sheetName)}!A1`],
        fields: `${META_FIELDS},sheets.data.rowData.values.formattedValue`,
      }),
    );
    const settingsSheet = (meta.sheets ?? []).find((s) => s.properties?.title === SETTINGS_SHEET);
    const rows = settingsSheet?.data?.[0]?.rowData ?? [];
    return { ...sheetList(meta, spreadsheetId), settings: rows.map((r) => (r.values ?? []).map((v) => v.formattedValue ?? "")) };
  } catch (error) {
    if (!(error instanceof SheetsError) || error.status !== 400) throw error;
    refused = error;
  }
  const listed = await sheetTitles(client, spreadsheetId, what);
  const has = (name: string) => listed.sheets.some((s) => s.title === name);
  // Both sheets there: the 400 was about something else.
  if (has(SETTINGS_SHEET) && has(sheetName)) throw refused;
  return { ...listed, settings: null };
}

const spreadsheetLabel = (id: string) => `spreadsheet ${id}`;

/**
 * Reads one request sheet whole (two requests over the same range; see mergeReads), after the
 * title; with `settings`, the office's `Pengaturan` too, in the title's request.
 */
export async function readSheet(client: SheetsClient, spreadsheetId: string, sheet: string | undefined, options: { settings?: boolean } = {}): Promise<LiveSheet> {
  const what = spreadsheetLabel(spreadsheetId);
  const sheetName = sheet ?? DEFAULT_SHEET;
  const listed: SheetList & { settings?: string[][] | null } = options.settings
    ? await titlesAndSettings(client, spreadsheetId, sheetName, what)
    : await sheetTitles(client, spreadsheetId, what);
  const { title, sheets, settings } = listed;
  const found = sheets.find((s) => s.title === sheetName);
  if (!found) {
    throw new SheetsError(
      `${what} ("${title}") tidak punya sheet "${sheetName}". Sheet yang ada: ${sheets.map((s) => `"${s.title}"`).join(", ") || "(tidak ada)"}. Pilih dengan --sheet NAMA.`,
    );
  }
  const grid = await readGrid(client, spreadsheetId, sheetName);
  return { spreadsheetId, title, sheetName, sheetId: found.sheetId, grid, ...(settings === undefined ? {} : { settings }) };
}

export async function readGrid(client: SheetsClient, spreadsheetId: string, sheetName: string): Promise<Cell[][]> {
  const what = spreadsheetLabel(spreadsheetId);
  const get = (dateTimeRenderOption: "SERIAL_NUMBER" | "FORMATTED_STRING") =>
    client.call(what, () =>
      client.api.spreadsheets.values.get({
        spreadsheetId,
        range: quoteSheet(sheetName),
        majorDimension: "ROWS",
        valueRenderOption: "UNFORMATTED_VALUE",
        dateTimeRenderOption,
      }),
    );
  const [serial, shown] = await Promise.all([get("SERIAL_NUMBER"), get("FORMATTED_STRING")]);
  return mergeReads((serial.values ?? []) as unknown[][], (shown.values ?? []) as unknown[][]);
}

/** Runs of adjacent columns, as [first, last] pairs. */
function columnRuns(columns: readonly number[]): [number, number][] {
  const sorted = [...columns].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const c of sorted) {
    const last = runs[runs.length - 1];
    if (last && c === last[1] + 1) last[1] = c;
    else runs.push([c, c]);
  }
  return runs;
}

/**
 * The value ranges for cells of many rows (sorted by row): adjacent rows writing the same
 * columns share one range per run of columns, so a full check of a sheet is a few ranges.
 */
export function blockRanges(sheetName: string, rows: readonly { row: number; cells: ReadonlyMap<number, string> }[]): sheets_v4.Schema$ValueRange[] {
  const ranges: sheets_v4.Schema$ValueRange[] = [];
  let block: { first: number; last: number; runs: [number, number][]; key: string; rows: ReadonlyMap<number, string>[] } | undefined;
  const flush = () => {
    if (!block) return;
    for (const [from, to] of block.runs) {
      const values = block.rows.map((cells) => {
        const out: string[] = [];
        for (let c = from; c <= to; c++) out.push(cells.get(c)!);
        return out;
      });
      ranges.push({ range: `${quoteSheet(sheetName)}!${columnLetters(from)}${block.first}:${columnLetters(to)}${block.last}`, values });
    }
  };
  for (const { row, cells } of rows) {
    if (cells.size === 0) continue;
    const runs = columnRuns([...cells.keys()]);
    const key = runs.join(";");
    if (block && block.key === key && block.last === row - 1) {
      block.last = row;
      block.rows.push(cells);
    } else {
      flush();
      block = { first: row, last: row, runs, key, rows: [cells] };
    }
  }
  flush();
  return ranges;
}

/**
 * Most bytes of notes in one spreadsheets.batchUpdate. The API refuses a body over 10 MB
 * ("Request payload size exceeds the limit: 10485760 bytes"); 20,000 rows of one-line notes
 * are about 4.5 MB, so a sheet needs a second request only past some 35,000 such rows.
 */
export const NOTE_BATCH_BYTES = 8_000_000;
/** Room for one updateCells request's range and keys, and for one row's wrapping. */
const REQUEST_BYTES = 200;
const ROW_BYTES = 24;

/**
 * The plan's findings notes as batches of `updateCells` requests (one batch unless the notes pass
 * `maxBytes`), one request per run of adjacent rows that get a note; a null note keeps the cell's
 * own, as the add-on's writer does. Each range is exactly covered by its rows: cells of a range
 * that the rows leave out would lose their note.
 */
export function noteBatches(
  sheetId: number,
  plan: Pick<WritePlan, "firstRow" | "noteColumn" | "notes">,
  maxBytes = NOTE_BATCH_BYTES,
): sheets_v4.Schema$Request[][] {
  const batches: sheets_v4.Schema$Request[][] = [];
  if (plan.noteColumn < 0) return batches;
  let batch: sheets_v4.Schema$Request[] = [];
  let bytes = 0;
  let start = -1;
  const close = (end: number) => {
    if (start < 0) return;
    const range = {
      sheetId,
      startRowIndex: plan.firstRow - 1 + start,
      endRowIndex: plan.firstRow - 1 + end,
      startColumnIndex: plan.noteColumn,
      endColumnIndex: plan.noteColumn + 1,
    };
    const rows = plan.notes.slice(start, end).map((note) => ({ values: [{ note }] }));
    batch.push({ updateCells: { range, rows, fields: "note" } });
    start = -1;
  };
  plan.notes.forEach((note, i) => {
    if (note === null) return close(i);
    const size = Buffer.byteLength(JSON.stringify(note)) + ROW_BYTES;
    const opening = start < 0 ? REQUEST_BYTES : 0;
    if (bytes > 0 && bytes + opening + size > maxBytes) {
      close(i);
      batches.push(batch);
      batch = [];
      bytes = 0;
    }
    if (start < 0) {
      start = i;
      bytes += REQUEST_BYTES;
    }
    bytes += size;
  });
  close(plan.notes.length);
  if (batch.length) batches.push(batch);
  return batches;
}

/**
 * The BPJS view of one sheet as records (headers first): masked NIK, or with `full` the NIK as
 * stored. Every handed-over request; the export is asked for, so the profile's flag does not gate it.
 */
export function bpjsRecords(sheet: LiveSheet, full: boolean): string[][] {
  const columns = mapHeaders(sheet.grid[0] ?? []);
  if (columns.id === undefined) {
    throw new SheetsError(
      `sheet "${sheet.sheetName}" di spreadsheet ${sheet.spreadsheetId} tidak punya kolom "${headerOf("id")}" di baris 1; tanpa ID, data BPJS tidak dapat dicocokkan. Jalankan Siapkan Sheet di add-on.`,
    );
  }
  // Two columns read as one field: which NIK would go to BPJS is a guess, so nothing goes.
  const twice = duplicateColumns(sheet.grid[0] ?? []);
  if (twice.length) throw new InputError(`sheet "${sheet.sheetName}" di spreadsheet ${sheet.spreadsheetId}: ${describeDuplicates(twice)}`);
  const rows = bpjsViewRows([{ sheet: sheet.sheetName, bpjsFollowUp: true, grid: sheet.grid }]);
  const nikAt = BPJS_VIEW_HEADERS.indexOf(MASKED_NIK_HEADER);
  if (!full) return [[...BPJS_VIEW_HEADERS], ...rows];
  const nikById = new Map<string, string>();
  for (const row of sheet.grid.slice(1)) {
    const id = cellText(row[columns.id]).trim();
    if (id) nikById.set(id, columns.nik === undefined ? "" : removeSpaces(cellText(row[columns.nik])));
  }
  const headers = BPJS_VIEW_HEADERS.map((h, i) => (i === nikAt ? headerOf("nik") : h));
  return [headers, ...rows.map((r) => r.map((c, i) => (i === nikAt ? (nikById.get(r[0]!) ?? "") : c)))];
}

/** Runs tasks at most `limit` at a time, keeping the order of the results. */
export async function mapBounded<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await task(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
