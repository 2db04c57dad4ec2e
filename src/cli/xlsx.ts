/**
 * Excel workbooks through exceljs, loaded only when an .xlsx is read or written (it is large and
 * kept out of the bundle, so a CSV check starts fast).
 */
import type { Workbook, CellValue } from "exceljs";
import type { Cell } from "../domain/text";
import { InputError } from "./csv";

/** exceljs gives a cell's date and time as if it were UTC; the sheet means Jakarta wall time. */
const JAKARTA_MS = 7 * 3600 * 1000;

async function newWorkbook(): Promise<Workbook> {
  const ExcelJS = (await import("exceljs")).default;
  return new ExcelJS.Workbook();
}

/** A cell as the rules take it: numbers stay numbers (a NIK typed as a number stays one), dates stay dates. */
export function cellFromExcel(value: CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : new Date(value.getTime() - JAKARTA_MS);
  if (typeof value !== "object") return value;
  if ("richText" in value) return value.richText.map((r) => r.text).join("");
  if ("hyperlink" in value) return cellFromExcel(value.text as CellValue);
  if ("error" in value) return value.error;
  if ("result" in value || "formula" in value || "sharedFormula" in value) {
    const result = (value as { result?: CellValue }).result;
    return result === undefined ? null : cellFromExcel(result);
  }
  return null;
}

/** The inverse of cellFromExcel's date shift, for writing a date back as the sheet showed it. */
export function excelDate(instant: Date): Date {
  return new Date(instant.getTime() + JAKARTA_MS);
}

export interface SheetTable {
  sheetName: string;
  records: Cell[][];
}

/** The sheet named `wanted`, else one named Permohonan, else the first. */
export async function readXlsx(bytes: Uint8Array, wanted: string | undefined): Promise<SheetTable> {
  const workbook = await newWorkbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as Parameters<Workbook["xlsx"]["load"]>[0]);
  } catch {
    throw new InputError("Berkas Excel ini tidak dapat dibuka (rusak, terkunci kata sandi, atau bukan .xlsx). Buka di Excel lalu simpan ulang sebagai .xlsx atau CSV UTF-8.");
  }
  const names = workbook.worksheets.map((w) => w.name);
  const sheet = wanted === undefined
    ? workbook.worksheets.find((w) => w.name.trim().toLowerCase() === "permohonan") ?? workbook.worksheets[0]
    : workbook.worksheets.find((w) => w.name === wanted) ?? workbook.worksheets.find((w) => w.name.trim().toLowerCase() === wanted.trim().toLowerCase());
  if (!sheet) {
    throw new InputError(
      wanted === undefined
        ? "Berkas Excel ini tidak berisi sheet."
        : `Sheet "${wanted}" tidak ada di berkas ini. Sheet yang ada: ${names.map((n) => `"${n}"`).join(", ")}.`,
    );
  }
  const width = sheet.columnCount;
  const records: Cell[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: Cell[] = [];
    for (let c = 1; c <= width; c++) cells.push(cellFromExcel(row.getCell(c).value));
    records.push(cells);
  }
  return { sheetName: sheet.name, records };
}

const DATE_FORMAT = "dd/mm/yyyy";
const DATETIME_FORMAT = "dd/mm/yyyy hh:mm";

/** One sheet: a bold, frozen header row, then the records as typed values. */
export async function writeXlsx(sheetName: string, records: readonly (readonly Cell[])[]): Promise<Uint8Array> {
  const workbook = await newWorkbook();
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: "frozen", ySplit: 1 }] });
  records.forEach((record, i) => {
    const row = sheet.getRow(i + 1);
    record.forEach((cell, c) => {
      if (cell === null || cell === undefined || cell === "") return;
      const target = row.getCell(c + 1);
      if (cell instanceof Date) {
        const wall = excelDate(cell);
        target.value = wall;
        target.numFmt = wall.getUTCHours() || wall.getUTCMinutes() ? DATETIME_FORMAT : DATE_FORMAT;
      } else target.value = cell;
    });
    if (i === 0) row.font = { bold: true };
  });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
