/** A rectangular block of cells with Apps Script read/write semantics. */
import { type Area, a1Of } from "./a1";
import { FakeDataValidation, validationOf } from "./builders";
import { type CellState, type HorizontalAlignment, DEFAULT_BACKGROUND, blankCell, isCheckbox, parseInput } from "./cell";
import { exposeAs } from "./core";
import { AUTOMATIC_FORMAT, displayValue, formatKind, serialToDate } from "./format";
import { FakeProtection } from "./protection";
import type { FakeSheet } from "./sheet";

type Range = GoogleAppsScript.Spreadsheet.Range;
type DataValidation = GoogleAppsScript.Spreadsheet.DataValidation;
type FontWeight = GoogleAppsScript.Spreadsheet.FontWeight;

const MEMBERS = [
  "getRow", "getColumn", "getNumRows", "getNumColumns", "getLastRow", "getLastColumn",
  "getA1Notation", "getSheet", "getCell", "offset", "activate", "isBlank",
  "getValues", "getValue", "getDisplayValues", "getDisplayValue", "getFormulas", "getFormula",
  "getNumberFormats", "getNumberFormat", "getBackgrounds", "getBackground", "getNotes", "getNote",
  "getDataValidations", "getDataValidation", "getFontWeights", "getFontWeight",
  "setValues", "setValue", "setNumberFormat", "setNumberFormats", "setBackground", "setBackgrounds",
  "setNote", "setNotes", "clearNote", "setDataValidation", "setDataValidations", "clearDataValidations",
  "insertCheckboxes", "clearContent", "clear", "clearFormat",
  "setFontWeight", "setFontWeights", "setWrap", "setHorizontalAlignment", "protect",
] as const;

const CHECKBOX = new FakeDataValidation({ criteria: "CHECKBOX", values: [], allowInvalid: true, helpText: null });
const ALIGNMENTS = new Set(["left", "center", "normal", "right"]);
/** Serial of 31 Dec 9999, the last date Sheets formats; larger numbers stay numbers. */
const MAX_DATE_SERIAL = 2958465;

/** Apps Script's shape check for 2-D setters. */
function checkShape(data: unknown, numRows: number, numCols: number): asserts data is unknown[][] {
  if (!Array.isArray(data) || data.some((row) => !Array.isArray(row))) {
    throw new Error("The parameters don't match the method signature: expected a 2-D array.");
  }
  if (data.length !== numRows) {
    throw new Error(
      `The number of rows in the data does not match the number of rows in the range. The data has ${data.length} but the range has ${numRows}.`,
    );
  }
  for (const row of data as unknown[][]) {
    if (row.length !== numCols) {
      throw new Error(
        `The number of columns in the data does not match the number of columns in the range. The data has ${row.length} but the range has ${numCols}.`,
      );
    }
  }
}

function normalizeColor(color: string | null): string {
  if (color === null || color === "") return DEFAULT_BACKGROUND;
  const c = color.trim().toLowerCase();
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(c);
  return short ? `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}` : c;
}

function isDateFormat(format: string): boolean {
  try {
    return formatKind(format) === "date";
  } catch {
    return false;
  }
}

export class FakeRange implements Pick<Range, (typeof MEMBERS)[number]> {
  readonly api: Range;

  constructor(
    readonly sheet: FakeSheet,
    private readonly at: Area,
  ) {
    const ctx = sheet.ss.ctx;
    this.api = exposeAs<Range>(this, {
      label: "FakeRange",
      members: MEMBERS,
      onCall: (method) => ctx.calls.push({ target: "Range", sheet: this.sheet.name, method, a1: a1Of(this.at) }),
      describe: () => `Range ${this.sheet.name}!${a1Of(this.at)}`,
    });
  }

  area(): Area {
    return { ...this.at };
  }

  // ------------------------------------------------------------ internal cell iteration

  private read<T>(pick: (cell: CellState | undefined) => T): T[][] {
    const out: T[][] = [];
    for (let r = 0; r < this.at.numRows; r++) {
      const row: T[] = [];
      for (let c = 0; c < this.at.numCols; c++) row.push(pick(this.sheet.cell(this.at.row + r, this.at.col + c)));
      out.push(row);
    }
    return out;
  }

  private write(update: (cell: CellState, r: number, c: number) => void): Range {
    this.sheet.assertEditable(this.at);
    for (let r = 0; r < this.at.numRows; r++) {
      for (let c = 0; c < this.at.numCols; c++) {
        update(this.sheet.ensureCell(this.at.row + r, this.at.col + c), r, c);
      }
    }
    return this.api;
  }

  private write2d<T>(data: T[][], update: (cell: CellState, value: T) => void): Range {
    checkShape(data, this.at.numRows, this.at.numCols);
    return this.write((cell, r, c) => update(cell, data[r]![c]!));
  }

  private cellValue(cell: CellState | undefined): unknown {
    if (!cell) return "";
    if (cell.value === "") return isCheckbox(cell) ? false : "";
    const newDate = this.sheet.ss.ctx.newDate;
    // A number in a date-formatted cell is a date to Apps Script.
    if (typeof cell.value === "number" && isDateFormat(cell.format)) {
      // A serial beyond Sheets' last date (31 Dec 9999) stays a number.
      if (Math.abs(cell.value) <= MAX_DATE_SERIAL) return newDate(serialToDate(cell.value, this.sheet.ss.timeZone).getTime());
    }
    return cell.value instanceof Date ? newDate(cell.value.getTime()) : cell.value;
  }

  private displayOf(cell: CellState | undefined): string {
    if (!cell) return "";
    const value = cell.value === "" && isCheckbox(cell) ? false : cell.value;
    return displayValue(value, cell.format, this.sheet.ss.timeZone, this.sheet.ss.locale);
  }

  private store(cell: CellState, input: unknown): void {
    const locale = this.sheet.ss.locale;
    const parsed = parseInput(input, cell.format, this.sheet.ss.ctx.parseTypedDates ? locale : undefined);
    cell.value = parsed.value;
    cell.formula = parsed.formula;
    // A date typed into an automatic cell gets the locale's date format, as in Sheets.
    if (parsed.dateTime !== undefined && (cell.format === "" || cell.format === AUTOMATIC_FORMAT)) {
      const day = /^en_US$/i.test(locale) ? "m/d/yyyy" : "dd/mm/yyyy";
      cell.format = parsed.dateTime ? `${day} hh:mm:ss` : day;
    }
  }

  // ------------------------------------------------------------ geometry

  getRow(): number {
    return this.at.row;
  }
  getColumn(): number {
    return this.at.col;
  }
  getNumRows(): number {
    return this.at.numRows;
  }
  getNumColumns(): number {
    return this.at.numCols;
  }
  getLastRow(): number {
    return this.at.row + this.at.numRows - 1;
  }
  getLastColumn(): number {
    return this.at.col + this.at.numCols - 1;
  }
  getA1Notation(): string {
    return a1Of(this.at);
  }
  getSheet(): GoogleAppsScript.Spreadsheet.Sheet {
    return this.sheet.api;
  }
  getCell(row: number, col: number): Range {
    if (row < 1 || col < 1 || row > this.at.numRows || col > this.at.numCols) {
      throw new Error("Cell reference out of range");
    }
    return this.sheet.rangeAt(this.at.row + row - 1, this.at.col + col - 1).api;
  }
  offset(rowOffset: number, colOffset: number, numRows?: number, numCols?: number): Range {
    return this.sheet.rangeAt(
      this.at.row + rowOffset, this.at.col + colOffset,
      numRows ?? this.at.numRows, numCols ?? this.at.numCols,
    ).api;
  }
  activate(): Range {
    this.sheet.ss.select([this]);
    return this.api;
  }

  // ------------------------------------------------------------ reads

  isBlank(): boolean {
    return this.read((cell) => cell === undefined || cell.value === "").every((row) => row.every(Boolean));
  }
  getValues(): unknown[][] {
    return this.read((cell) => this.cellValue(cell));
  }
  getValue(): unknown {
    return this.cellValue(this.sheet.cell(this.at.row, this.at.col));
  }
  getDisplayValues(): string[][] {
    return this.read((cell) => this.displayOf(cell));
  }
  getDisplayValue(): string {
    return this.displayOf(this.sheet.cell(this.at.row, this.at.col));
  }
  getFormulas(): string[][] {
    return this.read((cell) => cell?.formula ?? "");
  }
  getFormula(): string {
    return this.sheet.cell(this.at.row, this.at.col)?.formula ?? "";
  }
  getNumberFormats(): string[][] {
    return this.read((cell) => cell?.format || AUTOMATIC_FORMAT);
  }
  getNumberFormat(): string {
    return this.sheet.cell(this.at.row, this.at.col)?.format || AUTOMATIC_FORMAT;
  }
  getBackgrounds(): string[][] {
    return this.read((cell) => cell?.background ?? DEFAULT_BACKGROUND);
  }
  getBackground(): string {
    return this.sheet.cell(this.at.row, this.at.col)?.background ?? DEFAULT_BACKGROUND;
  }
  getNotes(): string[][] {
    return this.read((cell) => cell?.note ?? "");
  }
  getNote(): string {
    return this.sheet.cell(this.at.row, this.at.col)?.note ?? "";
  }
  getDataValidations(): Array<Array<DataValidation | null>> {
    return this.read((cell) => cell?.validation?.api ?? null);
  }
  getDataValidation(): DataValidation | null {
    return this.sheet.cell(this.at.row, this.at.col)?.validation?.api ?? null;
  }
  getFontWeights(): FontWeight[][] {
    return this.read((cell) => cell?.fontWeight ?? "normal");
  }
  getFontWeight(): FontWeight {
    return this.sheet.cell(this.at.row, this.at.col)?.fontWeight ?? "normal";
  }

  // ------------------------------------------------------------ writes

  setValues(values: unknown[][]): Range {
    return this.write2d(values, (cell, v) => this.store(cell, v));
  }
  setValue(value: unknown): Range {
    return this.write((cell) => this.store(cell, value));
  }
  setNumberFormat(format: string): Range {
    if (typeof format !== "string") throw new Error("setNumberFormat expects a string");
    return this.write((cell) => (cell.format = format));
  }
  setNumberFormats(formats: string[][]): Range {
    return this.write2d(formats, (cell, f) => (cell.format = String(f)));
  }
  setBackground(color: string | null): Range {
    return this.write((cell) => (cell.background = normalizeColor(color)));
  }
  setBackgrounds(colors: Array<Array<string | null>>): Range {
    return this.write2d(colors, (cell, color) => (cell.background = normalizeColor(color)));
  }
  setNote(note: string | null): Range {
    return this.write((cell) => (cell.note = note === null ? "" : String(note)));
  }
  setNotes(notes: Array<Array<string | null>>): Range {
    return this.write2d(notes, (cell, note) => (cell.note = note === null ? "" : String(note)));
  }
  clearNote(): Range {
    return this.write((cell) => (cell.note = ""));
  }
  setDataValidation(rule: DataValidation | null): Range {
    const validation = validationOf(rule);
    return this.write((cell) => (cell.validation = validation));
  }
  setDataValidations(rules: Array<Array<DataValidation | null>>): Range {
    checkShape(rules, this.at.numRows, this.at.numCols);
    const fakes = rules.map((row) => row.map(validationOf));
    return this.write((cell, r, c) => (cell.validation = fakes[r]![c]!));
  }
  clearDataValidations(): Range {
    return this.write((cell) => (cell.validation = null));
  }
  insertCheckboxes(...custom: unknown[]): Range {
    if (custom.length > 0) throw new Error("FakeRange.insertCheckboxes(checkedValue, ...) is not modelled");
    return this.write((cell) => {
      cell.validation = CHECKBOX;
      if (cell.value === "") cell.value = false;
    });
  }
  clearContent(): Range {
    return this.write((cell) => {
      cell.value = "";
      cell.formula = "";
    });
  }
  /** Contents and formats go; notes and data validation stay (use clearNote/clearDataValidations). */
  clear(options?: { contentsOnly?: boolean; formatOnly?: boolean; validationsOnly?: boolean; commentsOnly?: boolean }): Range {
    if (!options) return this.write((cell) => Object.assign(cell, blankCell(), { note: cell.note, validation: cell.validation }));
    return this.write((cell) => {
      if (options.contentsOnly) Object.assign(cell, { value: "", formula: "" });
      if (options.formatOnly) this.resetFormat(cell);
      if (options.validationsOnly) cell.validation = null;
      if (options.commentsOnly) cell.note = "";
    });
  }
  clearFormat(): Range {
    return this.write((cell) => this.resetFormat(cell));
  }
  setFontWeight(weight: FontWeight | null): Range {
    const w = weight ?? "normal";
    if (w !== "bold" && w !== "normal") throw new Error(`Invalid font weight: ${String(weight)}`);
    return this.write((cell) => (cell.fontWeight = w));
  }
  setFontWeights(weights: Array<Array<FontWeight | null>>): Range {
    return this.write2d(weights, (cell, w) => {
      if (w !== null && w !== "bold" && w !== "normal") throw new Error(`Invalid font weight: ${String(w)}`);
      cell.fontWeight = w ?? "normal";
    });
  }
  setWrap(wrap: boolean): Range {
    return this.write((cell) => (cell.wrap = Boolean(wrap)));
  }
  setHorizontalAlignment(alignment: HorizontalAlignment): Range {
    if (alignment !== null && !ALIGNMENTS.has(alignment)) throw new Error(`Invalid alignment: ${String(alignment)}`);
    return this.write((cell) => (cell.alignment = alignment));
  }
  protect(): GoogleAppsScript.Spreadsheet.Protection {
    const protection = new FakeProtection(this.sheet, "RANGE", this.area());
    this.sheet.rangeProtections.push(protection);
    return protection.api;
  }

  private resetFormat(cell: CellState): void {
    const blank = blankCell();
    cell.format = blank.format;
    cell.background = blank.background;
    cell.fontWeight = blank.fontWeight;
    cell.wrap = blank.wrap;
    cell.alignment = blank.alignment;
  }
}
