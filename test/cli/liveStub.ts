/**
 * A local stand-in for the Sheets REST API v4 on 127.0.0.1, enough for `pbijk` on live
 * spreadsheets: spreadsheets.get, values.get (both date renderings), values.batchUpdate,
 * values.clear, values.update and addSheet. Failures are scripted per spreadsheet.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { run } from "../../src/cli/main";
import { ROOT } from "./helpers";
import { resolve } from "node:path";

export type Value = string | number | boolean;
export interface StubSheet {
  /** Cells as UNFORMATTED_VALUE + SERIAL_NUMBER returns them. */
  values: Value[][];
  /** Cells that FORMATTED_STRING renders as text (dates): "row,col" -> text. */
  dates?: Map<string, string>;
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
    books,
    close: () => new Promise<void>((r) => server.close(() => r())),
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
        return send(res, 200, { properties: { title: book.title }, sheets: Object.keys(book.sheets).map((title) => ({ properties: { title } })) });
      }
      if (rest === ":batchUpdate") {
        for (const r of (body as { requests: { addSheet?: { properties: { title: string } } }[] }).requests) {
          if (r.addSheet) book.sheets[r.addSheet.properties.title] = { values: [] };
        }
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

export interface LiveResult { code: number; stdout: string; stderr: string; files: Record<string, Uint8Array> }

/** Runs the CLI in-process against the stub, with a fake token and a short backoff. */
export async function liveCli(stub: Stub, argv: string[], env: Record<string, string> = {}, files: Record<string, Uint8Array> = {}): Promise<LiveResult> {
  let stdout = "";
  let stderr = "";
  const code = await run(argv, {
    stdout: (t) => { stdout += t; },
    stderr: (t) => { stderr += t; },
    readFile: (p) => {
      const f = files[p];
      if (!f) throw new Error("ENOENT");
      return f;
    },
    writeFile: (p, data) => { files[p] = data; },
    sameFile: () => false,
    now: () => new Date("2026-11-24T03:00:00Z"),
    colour: false,
    examplesDir: resolve(ROOT, "examples"),
    env: { GOOGLE_OAUTH_ACCESS_TOKEN: "fake-token-123", PBIJK_SHEETS_ROOT_URL: stub.url, PBIJK_SHEETS_BACKOFF_MS: "1", PBIJK_SHEETS_RETRIES: "3", ...env },
  });
  return { code, stdout, stderr, files };
}

/** Days since 1899-12-30 of a calendar date (how Sheets stores dates). */
export const serial = (y: number, m: number, d: number): number => Date.UTC(y, m - 1, d) / 86_400_000 + 25569;
