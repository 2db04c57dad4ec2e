/** Reading a request CSV: UTF-8 with or without BOM, comma or semicolon separated. */
import { parse } from "csv-parse/sync";

export interface CsvTable {
  headers: string[];
  rows: string[][];
  /** Set when the bytes were not valid UTF-8 and were read as Windows-1252 instead. */
  decodedAsLatin1: boolean;
}

export class CsvError extends Error {}

export function decodeText(bytes: Uint8Array): { text: string; latin1: boolean } {
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), latin1: false };
  } catch {
    return { text: new TextDecoder("windows-1252").decode(bytes), latin1: true };
  }
}

/** The separator of the header line: whichever of ";" and "," occurs more often outside quotes. */
export function detectDelimiter(text: string): "," | ";" {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) break;
    else if (!quoted && ch === ",") commas++;
    else if (!quoted && ch === ";") semicolons++;
  }
  return semicolons > commas ? ";" : ",";
}

export function parseCsv(bytes: Uint8Array): CsvTable {
  const { text: decoded, latin1 } = decodeText(bytes);
  const text = decoded.replace(/^\uFEFF/, "");
  if (text.trim() === "") throw new CsvError("Berkas kosong: baris pertama harus berisi judul kolom sheet Permohonan.");
  let records: string[][];
  try {
    records = parse(text, {
      delimiter: detectDelimiter(text),
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
    }) as string[][];
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new CsvError(`Berkas CSV tidak dapat dibaca${line ? ` (sekitar baris ${line})` : ""}: periksa tanda kutip dan pemisah kolom.`);
  }
  const [headers = [], ...rows] = records;
  return { headers, rows, decodedAsLatin1: latin1 };
}
