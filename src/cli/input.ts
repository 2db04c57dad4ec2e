/** Loading a request file (CSV or Excel) into header and data cells, with notes for the user. */
import { columnForHeader } from "../domain/columns";
import type { Cell } from "../domain/text";
import { binaryKind, type Delimiter, InputError, parseCsv } from "./csv";
import { readXlsx } from "./xlsx";

export interface InputTable {
  /** The CSV's separator, reused when the result is written as CSV. */
  delimiter: Delimiter;
  sheetName: string;
  headers: Cell[];
  rows: Cell[][];
  /** Things the user should know (a guessed encoding); printed on stderr. */
  notes: string[];
}

export const isExcelPath = (path: string): boolean => /\.xls[xm]$/i.test(path);

export async function loadTable(path: string, bytes: Uint8Array, sheet: string | undefined): Promise<InputTable> {
  if (/\.xls$/i.test(path)) {
    throw new InputError("Berkas Excel 97-2003 (.xls) belum dapat dibaca. Buka di Excel lalu simpan sebagai .xlsx atau CSV UTF-8.");
  }
  if (isExcelPath(path)) {
    const kind = binaryKind(bytes);
    if (!kind?.includes(".xlsx")) {
      throw new InputError(
        kind
          ? `Berkas ini tampaknya ${kind}, bukan Excel (.xlsx). Buka di programnya lalu simpan sebagai .xlsx atau CSV UTF-8.`
          : "Berkas ini berisi teks, bukan Excel (.xlsx). Bila isinya CSV, beri nama berakhiran .csv.",
      );
    }
    const { sheetName, records } = await readXlsx(bytes, sheet);
    const [headers = [], ...rows] = records;
    return checkHeaderRow({ delimiter: ",", sheetName, headers, rows, notes: [] });
  }
  if (sheet !== undefined) throw new InputError("Opsi --sheet hanya untuk berkas Excel (.xlsx); berkas CSV hanya punya satu sheet.");
  const csv = parseCsv(bytes);
  const notes = csv.decodedAsLatin1 ? ["berkas bukan UTF-8; dibaca sebagai Windows-1252."] : [];
  return checkHeaderRow({ delimiter: csv.delimiter, sheetName: "Permohonan", headers: csv.headers, rows: csv.rows, notes });
}

const knownHeaders = (cells: readonly Cell[]): number => cells.filter((c) => columnForHeader(c) !== undefined).length;

/** How far down a misplaced header row is looked for (a report title and a blank line or two). */
const HEADER_SEARCH_ROWS = 20;

/** Row 1 must hold the headers: a title above them would make every column "missing". */
function checkHeaderRow(table: InputTable): InputTable {
  if (knownHeaders(table.headers) > 0) return table;
  const found = table.rows.slice(0, HEADER_SEARCH_ROWS).findIndex((r) => knownHeaders(r) >= 2);
  if (found >= 0) {
    const row = found + 2;
    throw new InputError(
      `Judul kolom harus berada di baris 1, tetapi ditemukan di baris ${row}. ` +
        `Hapus baris 1${row > 2 ? `–${row - 1}` : ""} (judul laporan atau baris kosong) lalu periksa lagi.`,
    );
  }
  return table;
}
