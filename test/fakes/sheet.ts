/** A sheet: a grid of cell states plus structure (size, frozen rows, protections, rules). */
import { type Area, parseA1 } from "./a1";
import { FakeEmbeddedChart, FakeEmbeddedChartBuilder } from "./chart";
import { exposeAs, isDate, rawOf } from "./core";
import { type CellState, blankCell } from "./cell";
import { FakeProtection } from "./protection";
import { FakeRange } from "./range";
import type { FakeSpreadsheet } from "./spreadsheet";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;
type Protection = GoogleAppsScript.Spreadsheet.Protection;
type ProtectionType = GoogleAppsScript.Spreadsheet.ProtectionType;
type CFRule = GoogleAppsScript.Spreadsheet.ConditionalFormatRule;

type Row = Array<CellState | undefined>;

export const DEFAULT_ROWS = 1000;
export const DEFAULT_COLUMNS = 26;
const DEFAULT_WIDTH = 100;
let chartSerial = 0;

const MEMBERS = [
  "getName", "setName", "getSheetId", "getParent", "getIndex", "activate",
  "getLastRow", "getLastColumn", "getMaxRows", "getMaxColumns", "getRange", "getDataRange",
  "setFrozenRows", "getFrozenRows", "setFrozenColumns", "getFrozenColumns",
  "insertColumnsAfter", "insertColumnAfter", "insertColumnsBefore", "insertColumnBefore",
  "insertRowsAfter", "insertRowAfter", "insertRowsBefore", "insertRowBefore",
  "deleteRows", "deleteRow", "deleteColumns", "deleteColumn",
  "hideSheet", "showSheet", "isSheetHidden", "protect", "getProtections",
  "setConditionalFormatRules", "getConditionalFormatRules",
  "setColumnWidth", "getColumnWidth", "autoResizeColumns", "autoResizeColumn",
  "setTabColor", "getTabColor", "sort", "moveColumns", "clear",
  "newChart", "insertChart", "getCharts", "removeChart",
] as const;

/** New [start, count] of a span after inserting (delta > 0) or deleting (delta < 0) at `at`. */
function shiftSpan(start: number, count: number, at: number, delta: number): [number, number] | null {
  if (delta > 0) {
    if (start >= at) return [start + delta, count];
    if (start + count - 1 >= at) return [start, count + delta];
    return [start, count];
  }
  const n = -delta;
  const end = start + count - 1;
  const delEnd = at + n - 1;
  const overlap = Math.max(0, Math.min(end, delEnd) - Math.max(start, at) + 1);
  if (count - overlap <= 0) return null;
  const newStart = start > delEnd ? start - n : start >= at ? at : start;
  return [newStart, count - overlap];
}

/** Frozen count left after deleting `n` rows/columns starting at `at`. */
function frozenAfterDelete(frozen: number, at: number, n: number): number {
  const overlap = Math.max(0, Math.min(frozen, at + n - 1) - at + 1);
  return frozen - overlap;
}

function requireInt(value: unknown, what: string): number {
  if (typeof value !== "number" || !Number.isInteger(value)) {
    throw new Error(`${what} must be an integer, got ${String(value)}`);
  }
  return value;
}

export class FakeSheet implements Pick<Sheet, (typeof MEMBERS)[number]> {
  readonly api: Sheet;
  rows: Array<Row | undefined> = [];
  maxRows = DEFAULT_ROWS;
  maxCols = DEFAULT_COLUMNS;
  frozenRows = 0;
  frozenCols = 0;
  hidden = false;
  tabColor: string | null = null;
  colWidths: Array<number | undefined> = [];
  cfRules: CFRule[] = [];
  sheetProtection: FakeProtection | null = null;
  rangeProtections: FakeProtection[] = [];
  charts: FakeEmbeddedChart[] = [];

  constructor(
    readonly ss: FakeSpreadsheet,
    public name: string,
    readonly id: number,
  ) {
    this.api = exposeAs<Sheet>(this, {
      label: "FakeSheet",
      members: MEMBERS,
      onCall: (method) => ss.ctx.calls.push({ target: "Sheet", sheet: this.name, method }),
      describe: () => `Sheet ${this.id} ${this.name}`,
    });
  }

  // ------------------------------------------------------------ cell access (internal)

  cell(row: number, col: number): CellState | undefined {
    return this.rows[row - 1]?.[col - 1];
  }

  ensureCell(row: number, col: number): CellState {
    const r = (this.rows[row - 1] ??= []);
    return (r[col - 1] ??= blankCell());
  }

  /** A range after Apps Script's argument and bounds checks. */
  rangeAt(row: number, col: number, numRows = 1, numCols = 1): FakeRange {
    requireInt(row, "row");
    requireInt(col, "column");
    requireInt(numRows, "numRows");
    requireInt(numCols, "numColumns");
    if (row < 1) throw new Error("The starting row of the range is too small.");
    if (col < 1) throw new Error("The starting column of the range is too small.");
    if (numRows < 1) throw new Error("The number of rows in the range must be at least 1.");
    if (numCols < 1) throw new Error("The number of columns in the range must be at least 1.");
    if (row + numRows - 1 > this.maxRows || col + numCols - 1 > this.maxCols) {
      throw new Error("The coordinates of the range are outside the dimensions of the sheet.");
    }
    return new FakeRange(this, { row, col, numRows, numCols });
  }

  /** Throws like Apps Script when the effective user may not edit `area`. */
  assertEditable(area: Area): void {
    const email = this.ss.ctx.users.effective;
    if (email === this.ss.ctx.owner) return;
    const guards = this.sheetProtection ? [this.sheetProtection, ...this.rangeProtections] : this.rangeProtections;
    if (guards.some((p) => !p.allows(email, area))) {
      throw new Error(
        "You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.",
      );
    }
  }

  dropProtection(p: FakeProtection): void {
    if (this.sheetProtection === p) this.sheetProtection = null;
    this.rangeProtections = this.rangeProtections.filter((x) => x !== p);
  }

  // ------------------------------------------------------------ Sheet API

  getName(): string {
    return this.name;
  }
  setName(name: string): Sheet {
    this.ss.assertNameFree(name, this);
    this.name = name;
    return this.api;
  }
  getSheetId(): number {
    return this.id;
  }
  getParent(): GoogleAppsScript.Spreadsheet.Spreadsheet {
    return this.ss.api;
  }
  getIndex(): number {
    return this.ss.sheets.indexOf(this) + 1;
  }
  activate(): Sheet {
    this.ss.activate(this);
    return this.api;
  }
  getLastRow(): number {
    for (let r = Math.min(this.rows.length, this.maxRows); r >= 1; r--) {
      if (this.rows[r - 1]?.some((c) => c !== undefined && c.value !== "")) return r;
    }
    return 0;
  }
  getLastColumn(): number {
    let last = 0;
    for (const row of this.rows) {
      if (!row) continue;
      for (let c = row.length; c > last; c--) {
        const cell = row[c - 1];
        if (cell && cell.value !== "") {
          last = c;
          break;
        }
      }
    }
    return last;
  }
  getMaxRows(): number {
    return this.maxRows;
  }
  getMaxColumns(): number {
    return this.maxCols;
  }
  getRange(a: number | string, col?: number, numRows?: number, numCols?: number): Range {
    if (typeof a === "string") {
      const area = parseA1(a, this.maxRows, this.maxCols);
      return this.rangeAt(area.row, area.col, area.numRows, area.numCols).api;
    }
    if (col === undefined) throw new Error("getRange(row, column) needs a column");
    return this.rangeAt(a, col, numRows, numCols).api;
  }
  getDataRange(): Range {
    return this.rangeAt(1, 1, Math.max(1, this.getLastRow()), Math.max(1, this.getLastColumn())).api;
  }
  setFrozenRows(rows: number): void {
    requireInt(rows, "rows");
    if (rows < 0 || rows >= this.maxRows) throw new Error("Frozen rows must be between 0 and the number of rows minus one.");
    this.frozenRows = rows;
  }
  getFrozenRows(): number {
    return this.frozenRows;
  }
  setFrozenColumns(columns: number): void {
    requireInt(columns, "columns");
    if (columns < 0 || columns >= this.maxCols) throw new Error("Frozen columns must be between 0 and the number of columns minus one.");
    this.frozenCols = columns;
  }
  getFrozenColumns(): number {
    return this.frozenCols;
  }

  insertRowsBefore(before: number, howMany: number): Sheet {
    this.checkPosition(before, this.maxRows, "row");
    return this.insertRowsAt(before, howMany);
  }
  insertRowBefore(before: number): Sheet {
    return this.insertRowsBefore(before, 1);
  }
  insertRowsAfter(after: number, howMany: number): Sheet {
    this.checkPosition(after, this.maxRows, "row");
    return this.insertRowsAt(after + 1, howMany);
  }
  insertRowAfter(after: number): Sheet {
    return this.insertRowsAfter(after, 1);
  }
  insertColumnsBefore(before: number, howMany: number): Sheet {
    this.checkPosition(before, this.maxCols, "column");
    return this.insertColumnsAt(before, howMany);
  }
  insertColumnBefore(before: number): Sheet {
    return this.insertColumnsBefore(before, 1);
  }
  insertColumnsAfter(after: number, howMany: number): Sheet {
    this.checkPosition(after, this.maxCols, "column");
    return this.insertColumnsAt(after + 1, howMany);
  }
  insertColumnAfter(after: number): Sheet {
    return this.insertColumnsAfter(after, 1);
  }
  deleteRows(row: number, howMany: number): void {
    requireInt(row, "rowPosition");
    requireInt(howMany, "howMany");
    if (row < 1 || howMany < 1 || row + howMany - 1 > this.maxRows) throw new Error("Those rows are out of bounds.");
    if (this.maxRows - howMany <= frozenAfterDelete(this.frozenRows, row, howMany)) {
      throw new Error("Sorry, it is not possible to delete all non-frozen rows.");
    }
    this.rows.splice(row - 1, howMany);
    this.maxRows -= howMany;
    this.shiftStructure("row", row, -howMany);
  }
  deleteRow(row: number): Sheet {
    this.deleteRows(row, 1);
    return this.api;
  }
  deleteColumns(col: number, howMany: number): void {
    requireInt(col, "columnPosition");
    requireInt(howMany, "howMany");
    if (col < 1 || howMany < 1 || col + howMany - 1 > this.maxCols) throw new Error("Those columns are out of bounds.");
    if (this.maxCols - howMany <= frozenAfterDelete(this.frozenCols, col, howMany)) {
      throw new Error("Sorry, it is not possible to delete all non-frozen columns.");
    }
    for (const row of this.rows) row?.splice(col - 1, howMany);
    this.colWidths.splice(col - 1, howMany);
    this.maxCols -= howMany;
    this.shiftStructure("col", col, -howMany);
  }
  deleteColumn(col: number): Sheet {
    this.deleteColumns(col, 1);
    return this.api;
  }

  hideSheet(): Sheet {
    if (!this.hidden && this.ss.sheets.filter((s) => !s.hidden).length === 1) {
      throw new Error("You can't hide all the sheets in a document.");
    }
    this.hidden = true;
    return this.api;
  }
  showSheet(): Sheet {
    this.hidden = false;
    return this.api;
  }
  isSheetHidden(): boolean {
    return this.hidden;
  }

  protect(): Protection {
    // Apps Script hands back the existing sheet protection instead of stacking a second one.
    this.sheetProtection ??= new FakeProtection(this, "SHEET", null);
    return this.sheetProtection.api;
  }
  getProtections(type: ProtectionType): Protection[] {
    const kind = String(type);
    if (kind === "SHEET") return this.sheetProtection ? [this.sheetProtection.api] : [];
    if (kind === "RANGE") return this.rangeProtections.map((p) => p.api);
    throw new Error(`Unknown protection type ${kind}`);
  }

  setConditionalFormatRules(rules: CFRule[]): void {
    for (const rule of rules) rawOf(rule); // only rules built by the fake builder
    this.cfRules = [...rules];
  }
  getConditionalFormatRules(): CFRule[] {
    return [...this.cfRules];
  }

  setColumnWidth(col: number, width: number): Sheet {
    this.checkPosition(col, this.maxCols, "column");
    this.colWidths[col - 1] = requireInt(width, "width");
    return this.api;
  }
  getColumnWidth(col: number): number {
    this.checkPosition(col, this.maxCols, "column");
    return this.colWidths[col - 1] ?? DEFAULT_WIDTH;
  }
  autoResizeColumns(start: number, howMany: number): Sheet {
    this.checkPosition(start, this.maxCols, "column");
    if (start + howMany - 1 > this.maxCols) throw new Error("Those columns are out of bounds.");
    return this.api;
  }
  autoResizeColumn(col: number): Sheet {
    return this.autoResizeColumns(col, 1);
  }
  setTabColor(color: string | null): Sheet {
    this.tabColor = color;
    return this.api;
  }
  getTabColor(): string | null {
    return this.tabColor;
  }

  /** Sorts the rows below the frozen rows by one column; whole rows move with all their state. */
  sort(column: number, ascending = true): Sheet {
    this.checkPosition(column, this.maxCols, "column");
    const first = this.frozenRows + 1;
    const last = this.getLastRow();
    if (last <= first) return this.api;
    const block = this.rows.slice(first - 1, last);
    while (block.length < last - first + 1) block.push(undefined);
    const collator = new Intl.Collator(this.ss.locale.replace(/_/g, "-"), { sensitivity: "base" });
    const key = (row: Row | undefined) => row?.[column - 1]?.value ?? "";
    const rank = (v: unknown) => (typeof v === "number" || isDate(v) ? 0 : typeof v === "string" ? 1 : 2);
    block.sort((ra, rb) => {
      const a = key(ra);
      const b = key(rb);
      // Blanks stay at the bottom whatever the direction.
      if (a === "" || b === "") return a === "" ? (b === "" ? 0 : 1) : -1;
      let cmp = rank(a) - rank(b);
      if (cmp === 0) {
        if (typeof a === "string" && typeof b === "string") cmp = collator.compare(a, b);
        else cmp = Number(a) - Number(b);
      }
      return ascending ? cmp : -cmp;
    });
    this.rows.splice(first - 1, block.length, ...block);
    return this.api;
  }

  /** Moves whole columns like dragging them in the UI; destination is in pre-move coordinates. */
  moveColumns(columnSpec: Range, destinationIndex: number): void {
    const spec = rawOf<FakeRange>(columnSpec);
    if (spec.sheet !== this) throw new Error("The column range must be on this sheet.");
    requireInt(destinationIndex, "destinationIndex");
    if (destinationIndex < 1 || destinationIndex > this.maxCols + 1) throw new Error("Those columns are out of bounds.");
    const { col: start, numCols: n } = spec.area();
    if (destinationIndex >= start && destinationIndex <= start + n) return;
    const target = destinationIndex > start ? destinationIndex - 1 - n : destinationIndex - 1;
    const move = <T>(list: T[]) => {
      if (list.length < this.maxCols) list.length = this.maxCols;
      const segment = list.splice(start - 1, n);
      list.splice(target, 0, ...segment);
    };
    for (const row of this.rows) if (row) move(row);
    move(this.colWidths);
    // Protected column ranges follow their columns when they move as a block.
    const newIndex = (c: number) => {
      if (c >= start && c < start + n) return target + 1 + (c - start);
      const afterRemoval = c > start ? c - n : c;
      return afterRemoval > target ? afterRemoval + n : afterRemoval;
    };
    for (const p of this.rangeProtections) {
      const area = p.area;
      if (!area) continue;
      const mapped = Array.from({ length: area.numCols }, (_, i) => newIndex(area.col + i));
      const lo = Math.min(...mapped);
      if (Math.max(...mapped) - lo + 1 === area.numCols) p.area = { ...area, col: lo };
    }
  }

  clear(): Sheet {
    this.assertEditable({ row: 1, col: 1, numRows: this.maxRows, numCols: this.maxCols });
    for (const row of this.rows) {
      row?.forEach((cell, i) => {
        if (cell) row[i] = { ...blankCell(), note: cell.note, validation: cell.validation };
      });
    }
    return this.api;
  }

  newChart(): GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder {
    return new FakeEmbeddedChartBuilder(this).api;
  }
  insertChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    const raw = rawOf<FakeEmbeddedChart>(chart);
    if (raw.id !== null) throw new Error("This chart is already in a sheet.");
    raw.id = ++chartSerial;
    this.charts.push(raw);
  }
  getCharts(): GoogleAppsScript.Spreadsheet.EmbeddedChart[] {
    return this.charts.map((c) => c.api);
  }
  removeChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    const raw = rawOf<FakeEmbeddedChart>(chart);
    const at = this.charts.indexOf(raw);
    if (at < 0) throw new Error("Chart not found in this sheet.");
    this.charts.splice(at, 1);
  }

  // ------------------------------------------------------------ helpers

  private checkPosition(pos: number, max: number, what: "row" | "column"): void {
    requireInt(pos, `${what} position`);
    if (pos < 1 || pos > max) throw new Error(`Those ${what}s are out of bounds.`);
  }

  private insertRowsAt(before: number, howMany: number): Sheet {
    requireInt(howMany, "howMany");
    if (howMany < 1) throw new Error("The number of rows to insert must be at least 1.");
    if (this.rows.length >= before - 1) this.rows.splice(before - 1, 0, ...new Array<Row | undefined>(howMany));
    this.maxRows += howMany;
    this.shiftStructure("row", before, howMany);
    return this.api;
  }

  private insertColumnsAt(before: number, howMany: number): Sheet {
    requireInt(howMany, "howMany");
    if (howMany < 1) throw new Error("The number of columns to insert must be at least 1.");
    for (const row of this.rows) {
      if (row && row.length >= before - 1) row.splice(before - 1, 0, ...new Array<CellState | undefined>(howMany));
    }
    if (this.colWidths.length >= before - 1) this.colWidths.splice(before - 1, 0, ...new Array<number | undefined>(howMany));
    this.maxCols += howMany;
    this.shiftStructure("col", before, howMany);
    return this.api;
  }

  /** Keeps protections and frozen panes anchored to their cells across inserts and deletes. */
  private shiftStructure(dim: "row" | "col", at: number, delta: number): void {
    const frozen = dim === "row" ? this.frozenRows : this.frozenCols;
    const newFrozen = delta > 0 ? (at <= frozen ? frozen + delta : frozen) : frozenAfterDelete(frozen, at, -delta);
    if (dim === "row") this.frozenRows = newFrozen;
    else this.frozenCols = newFrozen;
    const shiftArea = (a: Area): Area | null => {
      const s = dim === "row" ? shiftSpan(a.row, a.numRows, at, delta) : shiftSpan(a.col, a.numCols, at, delta);
      if (!s) return null;
      return dim === "row" ? { ...a, row: s[0], numRows: s[1] } : { ...a, col: s[0], numCols: s[1] };
    };
    for (const p of [...this.rangeProtections]) {
      const moved = p.area && shiftArea(p.area);
      if (moved) p.area = moved;
      else p.remove(); // all of its cells were deleted
    }
    if (this.sheetProtection) {
      this.sheetProtection.unprotected = this.sheetProtection.unprotected
        .map(shiftArea)
        .filter((a): a is Area => a !== null);
    }
  }
}
