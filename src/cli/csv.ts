/**
 * Request files as text: UTF-8 (with or without BOM), UTF-16 with BOM (Excel's "Unicode text"),
 * else Windows-1252; separated by commas, semicolons or tabs. Also writes CSV back out.
 */
import { isUtf8 } from "node:buffer";
import { parse } from "csv-parse/sync";
import { columnForHeader } from "../domain/columns";
import { guardFormula } from "../domain/privacy";

export type Delimiter = "," | ";" | "\t";

export interface CsvTable {
  headers: string[];
  rows: string[][];
  delimiter: Delimiter;
  /** Set when the bytes were not valid UTF-8 and were read as Windows-1252 instead. */
  decodedAsLatin1: boolean;
}

/** A file that cannot be read: the message says what it is and what to do (Indonesian). */
export class InputError extends Error {}

const startsWith = (bytes: Uint8Array, ...sig: number[]): boolean => sig.every((b, i) => bytes[i] === b);

/** What a binary file most likely is, so the message can say how to get a CSV from it. */
export function binaryKind(bytes: Uint8Array): string | null {
  if (startsWith(bytes, 0x50, 0x4b, 0x03, 0x04) || startsWith(bytes, 0x50, 0x4b, 0x05, 0x06)) {
    return "berkas Excel (.xlsx) atau ZIP";
  }
  if (startsWith(bytes, 0x25, 0x50, 0x44, 0x46)) return "berkas PDF";
  if (startsWith(bytes, 0xd0, 0xcf, 0x11, 0xe0)) return "berkas Excel 97-2003 (.xls) atau Word (.doc)";
  // Text never holds NUL bytes (UTF-16 is recognised by its BOM before this is asked).
  const head = bytes.subarray(0, 8192);
  return head.includes(0) ? "berkas biner (bukan teks)" : null;
}

/** The file as text: UTF-16 by its BOM, else UTF-8 when it is valid UTF-8, else Windows-1252. */
export function decodeText(bytes: Uint8Array): { text: string; latin1: boolean } {
  if (startsWith(bytes, 0xff, 0xfe)) return { text: new TextDecoder("utf-16le").decode(bytes), latin1: false };
  if (startsWith(bytes, 0xfe, 0xff)) return { text: new TextDecoder("utf-16be").decode(bytes), latin1: false };
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // Much faster than a fatal TextDecoder on a large file: invalid bytes become U+FFFD, and only
  // a text holding one needs the full check.
  const text = buffer.toString("utf8");
  if (!text.includes("\uFFFD") || isUtf8(buffer)) return { text, latin1: false };
  return { text: new TextDecoder("windows-1252").decode(bytes), latin1: true };
}

const QUOTE = 34;
const CR = 13;
const LF = 10;

/** Index of the first LF outside quotes (-1 if none): the first record's line end. */
function firstLineEnd(text: string): number {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) quoted = !quoted;
    else if (c === LF && !quoted) return i;
  }
  return -1;
}

/**
 * Well-formed CSV (RFC 4180: quoted fields with doubled quotes; every line ending like the
 * first, CRLF or LF) read several times faster than csv-parse; null for anything else (a stray
 * quote, text after a closing quote, mixed line ends), which csv-parse then reads. Whatever it
 * accepts, it reads exactly as csv-parse does (a property test holds it to that).
 */
export function parseWellFormed(text: string, delimiter: Delimiter): string[][] | null {
  const sep = delimiter.charCodeAt(0);
  const n = text.length;
  const firstLf = firstLineEnd(text);
  const crlf = firstLf > 0 && text.charCodeAt(firstLf - 1) === CR;
  const records: string[][] = [];
  if (n === 0) return records;
  let record: string[] = [];
  let i = 0;
  for (;;) {
    if (text.charCodeAt(i) === QUOTE) {
      let value = "";
      let from = i + 1;
      for (;;) {
        const q = text.indexOf('"', from);
        if (q < 0) return null;
        if (text.charCodeAt(q + 1) !== QUOTE) {
          record.push(value + text.slice(from, q));
          i = q + 1;
          break;
        }
        value += text.slice(from, q + 1);
        from = q + 2;
      }
    } else {
      let j = i;
      for (; j < n; j++) {
        const c = text.charCodeAt(j);
        if (c === sep || c === LF || c === CR || c === QUOTE) break;
      }
      if (text.charCodeAt(j) === QUOTE) return null;
      record.push(text.slice(i, j));
      i = j;
    }
    if (i >= n) break;
    const c = text.charCodeAt(i);
    if (c === sep) {
      i++;
      if (i >= n) {
        record.push("");
        break;
      }
      continue;
    }
    if (c === CR && crlf && text.charCodeAt(i + 1) === LF) i += 2;
    else if (c === LF && !crlf) i++;
    else return null;
    records.push(record);
    record = [];
    if (i >= n) return records;
  }
  records.push(record);
  return records;
}

/** Lines the separator is counted on: a title line above the headers has none. */
const DELIMITER_LINES = 20;
const DELIMITERS: readonly Delimiter[] = [",", ";", "\t"];

/**
 * The separator. First by the header row: the one that splits it into the most known
 * `Permohonan` headers (headers never hold a separator, while notes and addresses often hold
 * unquoted commas or semicolons). A row with no known header, or a tie, falls back to whichever
 * occurs most outside quotes in the first lines.
 */
export function detectDelimiter(text: string): Delimiter {
  const end = firstLineEnd(text);
  const header = end < 0 ? text : text.slice(0, end);
  const known = DELIMITERS.map((d) => splitLine(header, d).filter((h) => columnForHeader(h) !== undefined).length);
  const best = Math.max(...known);
  if (best > 0 && known.filter((k) => k === best).length === 1) return DELIMITERS[known.indexOf(best)]!;
  return countedDelimiter(text);
}

/** One line's cells: quotes only group (a header row needs nothing finer). */
function splitLine(line: string, delimiter: Delimiter): string[] {
  const cells: string[] = [];
  let cell = "";
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === delimiter && !quoted) {
      cells.push(cell);
      cell = "";
    } else cell += ch;
  }
  cells.push(cell);
  return cells;
}

function countedDelimiter(text: string): Delimiter {
  const counts = { ",": 0, ";": 0, "\t": 0 };
  let quoted = false;
  let lines = 0;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === "\n" && ++lines >= DELIMITER_LINES) break;
    else if (!quoted && (ch === "," || ch === ";" || ch === "\t")) counts[ch]++;
  }
  if (counts["\t"] > counts[","] && counts["\t"] > counts[";"]) return "\t";
  return counts[";"] > counts[","] ? ";" : ",";
}

export function parseCsv(bytes: Uint8Array): CsvTable {
  const kind = binaryKind(bytes);
  const utf16 = startsWith(bytes, 0xff, 0xfe) || startsWith(bytes, 0xfe, 0xff);
  if (kind && !utf16) {
    throw new InputError(
      `Berkas ini tampaknya ${kind}, bukan CSV. Buka di Excel atau Google Sheets lalu simpan sebagai "CSV UTF-8"` +
        `${kind.includes(".xlsx") ? ", atau beri nama berakhiran .xlsx agar dibaca sebagai Excel" : ""}.`,
    );
  }
  const { text: decoded, latin1 } = decodeText(bytes);
  const text = decoded.charCodeAt(0) === 0xfeff ? decoded.slice(1) : decoded;
  const delimiter = detectDelimiter(text);
  let records = parseWellFormed(text, delimiter);
  if (records === null) {
    try {
      records = parse(text, { delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false }) as string[][];
    } catch (error) {
      const line = (error as { lines?: number }).lines;
      throw new InputError(`Berkas CSV tidak dapat dibaca${line ? ` (sekitar baris ${line})` : ""}: periksa tanda kutip dan pemisah kolom.`);
    }
  }
  if (records.every((r) => r.every((c) => c.trim() === ""))) {
    throw new InputError("Berkas kosong: baris pertama harus berisi judul kolom sheet Permohonan.");
  }
  const [headers = [], ...rows] = records;
  return { headers, rows, delimiter, decodedAsLatin1: latin1 };
}

function csvField(text: string, delimiter: Delimiter): string {
  const safe = guardFormula(text);
  return safe.includes('"') || safe.includes(delimiter) || /[\r\n]/.test(safe) || safe !== safe.trim()
    ? `"${safe.replace(/"/g, '""')}"`
    : safe;
}

/** CSV text with a BOM and CRLF line ends, as Excel writes and reads it. */
export function writeCsv(records: readonly (readonly string[])[], delimiter: Delimiter): string {
  return `\uFEFF${records.map((r) => r.map((c) => csvField(c, delimiter)).join(delimiter)).join("\r\n")}\r\n`;
}
