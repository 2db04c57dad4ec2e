/** The spreadsheet (sheets, selection, toasts, locale) and the SpreadsheetApp service. */
import {
  BooleanCriteriaEnum, DataValidationCriteria, FakeConditionalFormatRuleBuilder, FakeDataValidationBuilder,
} from "./builders";
import type { FakeContext } from "./context";
import { exposeAs, rawOf } from "./core";
import { ProtectionType } from "./protection";
import type { FakeRange } from "./range";
import { FakeSheet } from "./sheet";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;
type RangeList = GoogleAppsScript.Spreadsheet.RangeList;
type SpreadsheetApp = GoogleAppsScript.Spreadsheet.SpreadsheetApp;

const MEMBERS = [
  "getId", "getName", "rename", "getUrl", "getSheetByName", "getSheets", "getNumSheets", "getSheetById",
  "insertSheet", "deleteSheet", "getActiveSheet", "setActiveSheet", "getActiveRange", "getActiveRangeList",
  "toast", "getSpreadsheetTimeZone", "setSpreadsheetTimeZone", "getSpreadsheetLocale", "setSpreadsheetLocale",
] as const;

export interface SpreadsheetOptions {
  id: string;
  name: string;
  timeZone: string;
  locale: string;
}

export class FakeSpreadsheet implements Pick<Spreadsheet, (typeof MEMBERS)[number]> {
  readonly api: Spreadsheet;
  readonly sheets: FakeSheet[] = [];
  readonly id: string;
  name: string;
  timeZone: string;
  locale: string;
  private active: FakeSheet;
  private selection: FakeRange[] = [];
  private nextSheetId = 0;

  constructor(
    readonly ctx: FakeContext,
    opts: SpreadsheetOptions,
  ) {
    this.id = opts.id;
    this.name = opts.name;
    this.timeZone = opts.timeZone;
    this.locale = opts.locale;
    this.api = exposeAs<Spreadsheet>(this, {
      label: "FakeSpreadsheet",
      members: MEMBERS,
      onCall: (method, args) => ctx.calls.push({ target: "Spreadsheet", method, ...sheetArg(method, args) }),
    });
    this.active = this.addSheet("Sheet1", 0);
  }

  // ------------------------------------------------------------ internal

  findSheet(name: string): FakeSheet | undefined {
    // Sheet names are unique regardless of case in Google Sheets.
    const key = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === key);
  }

  assertNameFree(name: string, except?: FakeSheet): void {
    if (typeof name !== "string" || name.trim() === "") throw new Error("Sheet names cannot be empty.");
    const clash = this.findSheet(name);
    if (clash && clash !== except) {
      throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    }
  }

  activate(sheet: FakeSheet): void {
    this.active = sheet;
    sheet.hidden = false;
    this.selection = [];
  }

  select(ranges: FakeRange[]): void {
    const last = ranges[ranges.length - 1];
    if (!last) throw new Error("Select at least one range");
    this.active = last.sheet;
    this.selection = ranges.filter((r) => r.sheet === last.sheet);
  }

  activeSheet(): FakeSheet {
    return this.active;
  }

  private addSheet(name: string, index: number): FakeSheet {
    const sheet = new FakeSheet(this, name, this.nextSheetId);
    this.nextSheetId++;
    this.sheets.splice(index, 0, sheet);
    return sheet;
  }

  // ------------------------------------------------------------ Spreadsheet API

  getId(): string {
    return this.id;
  }
  getName(): string {
    return this.name;
  }
  rename(name: string): void {
    this.name = name;
  }
  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this.id}/edit`;
  }
  getSheetByName(name: string): Sheet | null {
    return this.findSheet(name)?.api ?? null;
  }
  getSheets(): Sheet[] {
    return this.sheets.map((s) => s.api);
  }
  getNumSheets(): number {
    return this.sheets.length;
  }
  getSheetById(id: number): Sheet | null {
    return this.sheets.find((s) => s.id === id)?.api ?? null;
  }
  insertSheet(a?: unknown, b?: unknown, c?: unknown): Sheet {
    if ((a !== undefined && typeof a === "object") || (b !== undefined && typeof b === "object") || c !== undefined) {
      throw new Error("FakeSpreadsheet.insertSheet(..., options) is not modelled");
    }
    const index = typeof a === "number" ? a : typeof b === "number" ? b : this.sheets.length;
    let name = typeof a === "string" ? a : undefined;
    if (name === undefined) {
      let n = this.sheets.length + 1;
      while (this.findSheet(`Sheet${n}`)) n++;
      name = `Sheet${n}`;
    }
    this.assertNameFree(name);
    if (!Number.isInteger(index) || index < 0 || index > this.sheets.length) {
      throw new Error(`Sheet index ${String(index)} is out of range.`);
    }
    const sheet = this.addSheet(name, index);
    this.activate(sheet); // Apps Script makes the new sheet active
    return sheet.api;
  }
  deleteSheet(sheet: Sheet): void {
    const raw = rawOf<FakeSheet>(sheet);
    const at = this.sheets.indexOf(raw);
    if (at < 0) throw new Error("Sheet not found");
    if (this.sheets.filter((s) => !s.hidden && s !== raw).length === 0) {
      throw new Error("You can't remove all the visible sheets in a document.");
    }
    this.sheets.splice(at, 1);
    if (this.active === raw) this.activate(this.sheets.find((s) => !s.hidden) ?? this.sheets[0]!);
  }
  getActiveSheet(): Sheet {
    return this.active.api;
  }
  setActiveSheet(sheet: Sheet): Sheet {
    const raw = rawOf<FakeSheet>(sheet);
    if (!this.sheets.includes(raw)) throw new Error("Sheet not found");
    this.activate(raw);
    return sheet;
  }
  getActiveRange(): Range {
    const last = this.selection[this.selection.length - 1];
    return last ? last.api : this.active.rangeAt(1, 1).api;
  }
  getActiveRangeList(): RangeList {
    const ranges = this.selection.length > 0 ? this.selection.map((r) => r.api) : [this.active.rangeAt(1, 1).api];
    return new FakeRangeList(this.ctx, this.active, ranges).api;
  }
  toast(message: string, title?: string, timeoutSeconds?: number | null): void {
    this.ctx.toasts.push({ message: String(message), title: title ?? "", timeoutSeconds: timeoutSeconds ?? 5 });
  }
  getSpreadsheetTimeZone(): string {
    return this.timeZone;
  }
  setSpreadsheetTimeZone(timeZone: string): void {
    this.timeZone = timeZone;
  }
  getSpreadsheetLocale(): string {
    return this.locale;
  }
  setSpreadsheetLocale(locale: string): void {
    this.locale = locale;
  }
}

function sheetArg(method: string, args: unknown[]): { sheet?: string } {
  if (method === "insertSheet" && typeof args[0] === "string") return { sheet: args[0] };
  if (method === "deleteSheet" || method === "setActiveSheet") {
    try {
      return { sheet: rawOf<FakeSheet>(args[0]).name };
    } catch {
      return {};
    }
  }
  return {};
}

const RANGE_LIST_MEMBERS = ["getRanges"] as const;

class FakeRangeList implements Pick<RangeList, (typeof RANGE_LIST_MEMBERS)[number]> {
  readonly api: RangeList;
  constructor(
    ctx: FakeContext,
    sheet: FakeSheet,
    private readonly ranges: Range[],
  ) {
    this.api = exposeAs<RangeList>(this, {
      label: "FakeRangeList",
      members: RANGE_LIST_MEMBERS,
      onCall: (method) => ctx.calls.push({ target: "RangeList", sheet: sheet.name, method }),
    });
  }
  getRanges(): Range[] {
    return [...this.ranges];
  }
}

const APP_MEMBERS = [
  "getActiveSpreadsheet", "getActive", "getActiveSheet", "getActiveRange", "getUi", "flush",
  "newDataValidation", "newConditionalFormatRule", "ProtectionType", "DataValidationCriteria", "BooleanCriteria",
] as const;

export class FakeSpreadsheetApp implements Pick<SpreadsheetApp, (typeof APP_MEMBERS)[number]> {
  readonly api: SpreadsheetApp;
  readonly ProtectionType = ProtectionType;
  readonly DataValidationCriteria = DataValidationCriteria;
  readonly BooleanCriteria = BooleanCriteriaEnum;
  flushes = 0;

  constructor(
    private readonly ctx: FakeContext,
    private readonly ss: FakeSpreadsheet,
  ) {
    this.api = exposeAs<SpreadsheetApp>(this, {
      label: "FakeSpreadsheetApp",
      members: APP_MEMBERS,
      onCall: (method) => ctx.calls.push({ target: "SpreadsheetApp", method }),
    });
  }
  getActiveSpreadsheet(): Spreadsheet {
    return this.ss.api;
  }
  getActive(): Spreadsheet {
    return this.ss.api;
  }
  getActiveSheet(): Sheet {
    return this.ss.activeSheet().api;
  }
  getActiveRange(): Range {
    return this.ss.getActiveRange();
  }
  getUi(): GoogleAppsScript.Base.Ui {
    return this.ctx.ui.api;
  }
  flush(): void {
    this.flushes++;
  }
  newDataValidation(): GoogleAppsScript.Spreadsheet.DataValidationBuilder {
    return new FakeDataValidationBuilder().api;
  }
  newConditionalFormatRule(): GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder {
    return new FakeConditionalFormatRuleBuilder().api;
  }
}
