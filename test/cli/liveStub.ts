/**
 * A local stand-in for the Sheets REST API v4 on 127.0.0.1, enough for `pbijk` on live
 * spreadsheets: spreadsheets.get (honouring `fields`, and `ranges` with cells' formattedValue, for
 * `Pengaturan`), values.get (both date renderings),
 * values.batchUpdate, values.clear, values.update, and batchUpdate with addSheet or with
 * updateCells of notes. Failures are scripted per spreadsheet. A request shape the stub does not
 * model is answered 400 and recorded in `unmodelled`, and `close()` then fails the test.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { cli } from "./helpers";

export type Value = string | number | boolean;
export interface StubSheet {
  /** Cells as UNFORMATTED_VALUE + SERIAL_NUMBER returns them. */
  values: Value[][];
  /** Cells that FORMATTED_STRING renders as text (dates): "row,col" -> text. */
  dates?: Map<string, string>;
  /** The numeric sheet ID; 0 when unset (the first sheet of a new spreadsheet). */
  sheetId?: number;
  /** Cell notes, 0-based "row,col" -> text; a cell without a note has no entry. */
  notes?: Map<string, string>;
}
export interface StubSpreadsheet {
  title: string;
  sheets: Record<string, StubSheet>;
  /** Status to answer every request with (403, 404, ...). */
  fail?: number;
  /** The API's error message for `fail`. */
  failMessage?: string;
  /** Answer this many requests with 429 first. */
  quota?: number;
  /** Called on each values.get, with its running number (0-based) for this spreadsheet. */
  onRead?: (n: number, sheet: StubSheet) => void;
  /** Status to answer spreadsheets.batchUpdate with (the other requests succeed). */
  failBatchUpdate?: number;
}

export interface Request {
  method: string;
  path: string;
  query: URLSearchParams;
  authorization: string | undefined;
  body: unknown;
}

export interface Stub {
  url: string;
  /** Most requests open at once (with `delayMs`, how many offices were read concurrently). */
  maxInFlight: number;
  /** Most spreadsheets with a request open at once. */
  maxBooksInFlight: number;
  delayMs: number;
  requests: Request[];
  /** Requests the stub does not model (each fails the test at close). */
  unmodelled: string[];
  books: Record<string, StubSpreadsheet>;
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

const apiError = (status: number, message: string) => ({ error: { code: status, message, status: "ERR" } });

/** The sheet named in an A1 range such as 'Permohonan' or 'Untuk BPJS'!A1. */
const sheetOfRange = (range: string) => range.replace(/!.*$/, "").replace(/^'(.*)'$/, "$1").replace(/''/g, "'");

export async function startStub(books: Record<string, StubSpreadsheet>): Promise<Stub> {
  const requests: Request[] = [];
  const stub: Stub = {
    url: "",
    maxInFlight: 0,
    maxBooksInFlight: 0,
    delayMs: 0,
    requests,
    unmodelled: [],
    books,
    close: async () => {
      await new Promise<void>((r) => server.close(() => r()));
      expect(stub.unmodelled).toEqual([]);
    },
  };
  const reads = new Map<string, number>();
  let inFlight = 0;
  const booksInFlight = new Map<string, number>();
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    inFlight++;
    stub.maxInFlight = Math.max(stub.maxInFlight, inFlight);
    const id = /^\/v4\/spreadsheets\/([^/:?]+)/.exec(req.url ?? "")?.[1] ?? "";
    booksInFlight.set(id, (booksInFlight.get(id) ?? 0) + 1);
    stub.maxBooksInFlight = Math.max(stub.maxBooksInFlight, booksInFlight.size);
    res.on("finish", () => {
      inFlight--;
      const n = booksInFlight.get(id)! - 1;
      if (n === 0) booksInFlight.delete(id);
      else booksInFlight.set(id, n);
    });
    let raw = "";
    req.on("data", (chunk) => { raw += chunk; });
    req.on("end", () => setTimeout(() => {
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      const path = decodeURIComponent(url.pathname);
      const body = raw ? JSON.parse(raw) : undefined;
      requests.push({ method: req.method ?? "", path, query: url.searchParams, authorization: req.headers.authorization, body });
      const m = /^\/v4\/spreadsheets\/([^/:]+)(.*)$/.exec(path);
      const book = m ? books[m[1]!] : undefined;
      if (!m || !book) return send(res, 404, apiError(404, "Requested entity was not found."));
      if (book.fail) return send(res, book.fail, apiError(book.fail, book.failMessage ?? "The caller does not have permission"));
      if (book.quota && book.quota > 0) {
        book.quota--;
        return send(res, 429, apiError(429, "Quota exceeded for quota metric 'Read requests'"));
      }
      const rest = m[2]!;
      if (rest === "" && req.method === "GET") {
        const got = getSpreadsheet(book, url.searchParams);
        if (typeof got === "string") {
          stub.unmodelled.push(got);
          return send(res, 400, apiError(400, `Unsupported by the stub: ${got}`));
        }
        return send(res, got.status, got.body);
      }
      if (rest === ":batchUpdate") {
        if (book.failBatchUpdate) return send(res, book.failBatchUpdate, apiError(book.failBatchUpdate, "Internal error encountered."));
        // Every request is checked before any is applied: the API applies a batch whole or not at all.
        const changes: (() => void)[] = [];
        for (const r of (body as { requests: unknown[] }).requests) {
          const change = batchChange(book, r);
          if (typeof change === "string") {
            stub.unmodelled.push(change);
            return send(res, 400, apiError(400, `Unsupported by the stub: ${change}`));
          }
          changes.push(change);
        }
        for (const change of changes) change();
        return send(res, 200, {});
      }
      if (rest === "/values:batchUpdate") {
        const data = (body as { data: { range: string; values: Value[][] }[] }).data;
        for (const d of data) {
          const a1 = /!([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(d.range)!;
          const col = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
          const sheet = book.sheets[sheetOfRange(d.range)]!;
          expect(d.values).toHaveLength(Number(a1[4]) - Number(a1[2]) + 1);
          d.values.forEach((values, r) => {
            const row = sheet.values[Number(a1[2]) - 1 + r]!;
            expect(values).toHaveLength(col(a1[3]!) - col(a1[1]!) + 1);
            values.forEach((v, i) => { row[col(a1[1]!) + i] = v; });
          });
        }
        return send(res, 200, { totalUpdatedCells: data.length });
      }
      const values = /^\/values\/(.+?)(:clear)?$/.exec(rest);
      if (values) {
        const name = sheetOfRange(values[1]!);
        const sheet = book.sheets[name];
        if (!sheet) return send(res, 400, apiError(400, `Unable to parse range: ${values[1]}`));
        if (values[2]) {
          sheet.values = [];
          return send(res, 200, {});
        }
        if (req.method === "PUT") {
          sheet.values = (body as { values: Value[][] }).values;
          return send(res, 200, {});
        }
        const n = reads.get(m[1]!) ?? 0;
        reads.set(m[1]!, n + 1);
        book.onRead?.(n, sheet);
        const formatted = url.searchParams.get("dateTimeRenderOption") === "FORMATTED_STRING";
        const out = sheet.values.map((r, i) => r.map((v, j) => (formatted ? (sheet.dates?.get(`${i},${j}`) ?? v) : v)));
        return send(res, 200, { range: values[1], majorDimension: "ROWS", values: out });
      }
      send(res, 400, apiError(400, "Unsupported by the stub"));
    }, stub.delayMs));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  stub.url = `http://127.0.0.1:${port}/`;
  return stub;
}

/** What the API shows in a cell (formattedValue): a date's text, TRUE/FALSE, or the value as text. */
const shown = (sheet: StubSheet, r: number, c: number): string => {
  const v = sheet.values[r]?.[c];
  if (v === undefined) return "";
  return sheet.dates?.get(`${r},${c}`) ?? (typeof v === "boolean" ? (v ? "TRUE" : "FALSE") : String(v));
};

const DATA_FIELD = "sheets.data.rowData.values.formattedValue";

/**
 * spreadsheets.get: `fields` honoured for the title, the sheets' titles and IDs and the cells'
 * formattedValue; `ranges` naming a whole sheet or its A1 cell narrow `sheets` to the sheets they
 * name, each with one data block per range; a range on a sheet the spreadsheet lacks is refused
 * whole with 400, as the API does. Other shapes are not modelled.
 */
function getSpreadsheet(book: StubSpreadsheet, query: URLSearchParams): { status: number; body: unknown } | string {
  const fields = query.get("fields")?.split(",").map((f) => f.trim());
  const known = ["properties.title", "sheets.properties.title", "sheets.properties.sheetId", DATA_FIELD];
  const odd = fields?.filter((f) => !known.includes(f)) ?? [];
  if (odd.length) return `spreadsheets.get fields ${odd.join(",")}`;
  const extra = [...query.keys()].filter((k) => k !== "fields" && k !== "ranges");
  if (extra.length) return `spreadsheets.get with ${extra.join(",")}`;
  const ranges = query.getAll("ranges");
  if (ranges.length && !fields) return "spreadsheets.get with ranges and no field mask (the whole grid)";
  const wanted = (field: string) => !fields || fields.some((f) => field === f || field.startsWith(`${f}.`));
  const blocks = new Map<string, { rowData: unknown[] }[]>();
  for (const range of ranges) {
    const m = /^'((?:[^']|'')*)'(!A1)?$/.exec(range);
    if (!m) return `spreadsheets.get range ${range}`;
    const title = m[1]!.replace(/''/g, "'");
    const sheet = book.sheets[title];
    if (!sheet) return { status: 400, body: apiError(400, `Unable to parse range: ${range}`) };
    const rows = m[2] ? sheet.values.slice(0, 1).map((r) => r.slice(0, 1)) : sheet.values;
    const rowData = rows.map((row, r) => ({ values: row.map((_, c) => { const text = shown(sheet, r, c); return text === "" ? {} : { formattedValue: text }; }) }));
    blocks.set(title, [...(blocks.get(title) ?? []), { rowData }]);
  }
  const listed = Object.entries(book.sheets).filter(([title]) => !ranges.length || blocks.has(title));
  return {
    status: 200,
    body: {
      ...(wanted("properties.title") ? { properties: { title: book.title } } : {}),
      sheets: listed.map(([title, sheet]) => ({
        properties: {
          ...(wanted("sheets.properties.sheetId") ? { sheetId: sheet.sheetId ?? 0 } : {}),
          ...(wanted("sheets.properties.title") ? { title } : {}),
        },
        ...(fields?.includes(DATA_FIELD) && blocks.has(title) ? { data: blocks.get(title) } : {}),
      })),
    },
  };
}

/** A `Pengaturan` sheet: a few key/value rows, then the request-sheet table as given (header first). */
export function settingsSheet(table: Value[][]): StubSheet {
  return { values: [["Pengaturan PBI-JK", "Nilai", "Keterangan"], ["Nama Dinas", "Dinas Sosial", ""], [""], ...table] };
}

const sameKeys = (value: unknown, keys: readonly string[]) =>
  typeof value === "object" && value !== null && Object.keys(value).sort().join() === [...keys].sort().join();
const isIndex = (n: unknown): n is number => Number.isInteger(n) && (n as number) >= 0;

/**
 * One request of spreadsheets.batchUpdate as a change to apply, or what is not modelled: addSheet,
 * and updateCells of notes over a bounded GridRange its rows cover exactly (a row or cell left
 * out would clear that cell's note).
 */
function batchChange(book: StubSpreadsheet, request: unknown): (() => void) | string {
  const r = request as { addSheet?: { properties: { title: string } }; updateCells?: Record<string, unknown> };
  if (sameKeys(r, ["addSheet"]) && typeof r.addSheet?.properties?.title === "string") {
    const title = r.addSheet.properties.title;
    return () => { book.sheets[title] = { values: [] }; };
  }
  if (!sameKeys(r, ["updateCells"])) return `request ${JSON.stringify(Object.keys(r))}`;
  const u = r.updateCells!;
  if (!sameKeys(u, ["range", "rows", "fields"]) || u.fields !== "note") return `updateCells with ${JSON.stringify(Object.keys(u))}, fields ${String(u.fields)}`;
  const range = u.range as Record<string, unknown>;
  const bounds = ["sheetId", "startRowIndex", "endRowIndex", "startColumnIndex", "endColumnIndex"];
  if (!sameKeys(range, bounds) || !bounds.every((k) => isIndex(range[k]))) return `updateCells range ${JSON.stringify(range)}`;
  const [sheetId, top, bottom, left, right] = bounds.map((k) => range[k] as number) as [number, number, number, number, number];
  const sheet = Object.values(book.sheets).find((s) => (s.sheetId ?? 0) === sheetId);
  if (!sheet) return `updateCells on sheetId ${sheetId}, which the spreadsheet lacks`;
  const rows = u.rows as { values?: unknown[] }[];
  if (!Array.isArray(rows) || rows.length !== bottom - top) return `updateCells with ${Array.isArray(rows) ? rows.length : "no"} rows for rows ${top}..${bottom}`;
  for (const row of rows) {
    if (!sameKeys(row, ["values"]) || row.values!.length !== right - left) return "updateCells row not covering the range's columns";
    if (!row.values!.every((v) => sameKeys(v, ["note"]) && typeof (v as { note: unknown }).note === "string")) return "updateCells cell other than { note: text }";
  }
  return () => {
    sheet.notes ??= new Map();
    rows.forEach((row, i) => row.values!.forEach((v, j) => {
      const note = (v as { note: string }).note;
      const key = `${top + i},${left + j}`;
      if (note) sheet.notes!.set(key, note);
      else sheet.notes!.delete(key);
    }));
  };
}

export interface LiveResult { code: number; stdout: string; stderr: string; files: Record<string, Uint8Array> }

/** Runs the CLI in-process against the stub, with a fake token and a short backoff. */
export async function liveCli(stub: Stub, argv: string[], env: Record<string, string> = {}, files: Record<string, Uint8Array> = {}): Promise<LiveResult> {
  const stubEnv = { GOOGLE_OAUTH_ACCESS_TOKEN: "fake-token-123", PBIJK_SHEETS_ROOT_URL: stub.url, PBIJK_SHEETS_BACKOFF_MS: "1", PBIJK_SHEETS_RETRIES: "3", ...env };
  return { ...(await cli(argv, files, { env: stubEnv })), files };
}

/** Days since 1899-12-30 of a calendar date (how Sheets stores dates). */
export const serial = (y: number, m: number, d: number): number => Date.UTC(y, m - 1, d) / 86_400_000 + 25569;
