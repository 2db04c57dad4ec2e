/**
 * A JSON snapshot of a fake spreadsheet (cells, structure, protections, conditional formats)
 * and the property stores, and its restore into fresh fakes. Used by the local playground to
 * keep the demo across restarts and to undo an action that stopped for a question.
 */
import type { Area } from "./a1";
import { FakeConditionalFormatRuleBuilder, FakeDataValidation } from "./builders";
import { type CellState, blankCell } from "./cell";
import { isDate, rawOf, unsafeCast } from "./core";
import type { FakeHandle } from "./index";
import { FakeProtection } from "./protection";
import type { FakeRange } from "./range";
import type { FakeSheet } from "./sheet";
import type { FakeSpreadsheet } from "./spreadsheet";

type JsonValue = string | number | boolean | { date: number };

interface ValidationJson {
  criteria: string;
  values: unknown[];
  allowInvalid: boolean;
  helpText: string | null;
}

/** Only what differs from a blank cell, to keep the file small. */
interface CellJson extends Partial<Omit<CellState, "value" | "validation">> {
  value?: JsonValue;
  /** Index into the snapshot's validations (whole columns share one rule). */
  validation?: number;
}

interface ProtectionJson {
  type: "RANGE" | "SHEET";
  area: Area | null;
  description: string;
  warningOnly: boolean;
  domainEdit: boolean;
  editors: string[];
  unprotected: Area[];
}

interface RuleJson {
  criteria: string | null;
  values: unknown[];
  background: string | null;
  fontColor: string | null;
  bold: boolean | null;
  ranges: Area[];
}

interface SheetJson {
  name: string;
  maxRows: number;
  maxCols: number;
  frozenRows: number;
  frozenCols: number;
  hidden: boolean;
  tabColor: string | null;
  colWidths: Array<number | null>;
  /** Sparse: [row index, [column index, cell]...]. */
  rows: Array<[number, Array<[number, CellJson]>]>;
  protections: ProtectionJson[];
  rules: RuleJson[];
}

export interface FakeSnapshot {
  version: 1;
  validations: ValidationJson[];
  activeSheet: string;
  sheets: SheetJson[];
  properties: { document: Record<string, string>; script: Record<string, string>; user: Record<string, string> };
}

/** The spec object a builder-made rule or validation keeps privately. */
function specOf<T>(raw: object): T {
  return unsafeCast<{ spec: T }>(raw).spec;
}

function protectionJson(p: FakeProtection): ProtectionJson {
  return {
    type: p.type, area: p.area, description: p.description, warningOnly: p.warningOnly, domainEdit: p.domainEdit,
    editors: [...p.editors], unprotected: p.unprotected,
  };
}

const BLANK = blankCell() as unknown as Record<string, unknown>;

/** Validations by content; cells of one column usually share one rule object. */
class ValidationTable {
  readonly byKey = new Map<string, number>();
  private readonly byObject = new WeakMap<object, number>();
  indexOf(validation: FakeDataValidation): number {
    const known = this.byObject.get(validation);
    if (known !== undefined) return known;
    const key = JSON.stringify(specOf<ValidationJson>(validation));
    if (!this.byKey.has(key)) this.byKey.set(key, this.byKey.size);
    const index = this.byKey.get(key)!;
    this.byObject.set(validation, index);
    return index;
  }
}

function sheetJson(sheet: FakeSheet, validations: ValidationTable): SheetJson {
  const rows: SheetJson["rows"] = [];
  sheet.rows.forEach((row, r) => {
    if (!row) return;
    const cells: Array<[number, CellJson]> = [];
    row.forEach((cell, c) => {
      if (!cell) return;
      const json: Record<string, unknown> = {};
      for (const key in cell) {
        const v = (cell as unknown as Record<string, unknown>)[key];
        if (v !== BLANK[key] && key !== "validation" && key !== "value") json[key] = v;
      }
      if (cell.value !== "") json["value"] = isDate(cell.value) ? { date: cell.value.getTime() } : cell.value;
      if (cell.validation) json["validation"] = validations.indexOf(cell.validation);
      cells.push([c, json as CellJson]);
    });
    if (cells.length) rows.push([r, cells]);
  });
  const protections = [sheet.sheetProtection, ...sheet.rangeProtections]
    .filter((p): p is FakeProtection => p !== null && !p.removed)
    .map(protectionJson);
  const rules = sheet.cfRules.map((rule) => {
    const spec = specOf<Omit<RuleJson, "ranges"> & { ranges: GoogleAppsScript.Spreadsheet.Range[] }>(rawOf(rule));
    return { ...spec, ranges: spec.ranges.map((r) => rawOf<FakeRange>(r).area()) };
  });
  return {
    name: sheet.name, maxRows: sheet.maxRows, maxCols: sheet.maxCols, frozenRows: sheet.frozenRows, frozenCols: sheet.frozenCols,
    hidden: sheet.hidden, tabColor: sheet.tabColor, colWidths: Array.from(sheet.colWidths, (w) => w ?? null), rows, protections, rules,
  };
}

export function snapshotFakes(handle: FakeHandle): FakeSnapshot {
  const ss = rawOf<FakeSpreadsheet>(handle.spreadsheet);
  const validations = new ValidationTable();
  const sheets = ss.sheets.map((sheet) => sheetJson(sheet, validations));
  return {
    version: 1,
    validations: [...validations.byKey.keys()].map((key) => JSON.parse(key) as ValidationJson),
    activeSheet: ss.activeSheet().name,
    sheets,
    properties: {
      document: handle.properties.document.getProperties(),
      script: handle.properties.script.getProperties(),
      user: handle.properties.user.getProperties(),
    },
  };
}

function restoreCell(json: CellJson, newDate: (ms: number) => Date, validations: FakeDataValidation[]): CellState {
  const { value, validation, ...rest } = json;
  const rule = validation === undefined ? undefined : validations[validation];
  return {
    ...blankCell(),
    ...rest,
    value: value === undefined ? "" : typeof value === "object" ? newDate(value.date) : value,
    validation: rule ?? null,
  };
}

/** Replaces the fresh fakes' spreadsheet content with the snapshot's; leaves no call records. */
export function restoreFakes(handle: FakeHandle, snapshot: FakeSnapshot): void {
  if (snapshot.version !== 1 || snapshot.sheets.length === 0) throw new Error("Unknown snapshot format");
  const ss = rawOf<FakeSpreadsheet>(handle.spreadsheet);
  const ctx = ss.ctx;
  const initial = [...ss.sheets];
  // Shared like the rule objects setDataValidation spreads over a range.
  const validations = snapshot.validations.map((spec) => new FakeDataValidation(spec));
  for (const json of snapshot.sheets) {
    const sheet = rawOf<FakeSheet>(handle.spreadsheet.insertSheet(`__restoring ${json.name}`, ss.sheets.length));
    sheet.name = json.name;
    sheet.maxRows = json.maxRows;
    sheet.maxCols = json.maxCols;
    sheet.frozenRows = json.frozenRows;
    sheet.frozenCols = json.frozenCols;
    sheet.tabColor = json.tabColor;
    sheet.colWidths = json.colWidths.map((w) => w ?? undefined);
    for (const [r, cells] of json.rows) {
      const row: Array<CellState | undefined> = (sheet.rows[r] = []);
      for (const [c, cell] of cells) row[c] = restoreCell(cell, ctx.newDate, validations);
    }
    for (const p of json.protections) {
      const protection = new FakeProtection(sheet, p.type, p.area);
      protection.description = p.description;
      protection.warningOnly = p.warningOnly;
      protection.domainEdit = p.domainEdit;
      protection.editors.clear();
      for (const e of p.editors) protection.editors.add(e);
      protection.unprotected = p.unprotected;
      if (p.type === "SHEET") sheet.sheetProtection = protection;
      else sheet.rangeProtections.push(protection);
    }
    sheet.cfRules = json.rules.map((rule) => {
      const builder = new FakeConditionalFormatRuleBuilder({
        ...rule, ranges: rule.ranges.map((a) => sheet.rangeAt(a.row, a.col, a.numRows, a.numCols).api),
      });
      return builder.build();
    });
    sheet.hidden = json.hidden;
  }
  ss.sheets.splice(0, ss.sheets.length, ...ss.sheets.filter((s) => !initial.includes(s)));
  ss.activate(ss.findSheet(snapshot.activeSheet) ?? ss.sheets[0]!);
  handle.properties.document.setProperties(snapshot.properties.document, true);
  handle.properties.script.setProperties(snapshot.properties.script, true);
  handle.properties.user.setProperties(snapshot.properties.user, true);
  handle.resetCalls();
}
