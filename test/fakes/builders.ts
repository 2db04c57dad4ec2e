/** Data-validation and conditional-format builders and the rules they build. */
import { exposeAs, makeEnum, rawOf } from "./core";

type GS = typeof GoogleAppsScript.Spreadsheet;
type DataValidation = GoogleAppsScript.Spreadsheet.DataValidation;
type DataValidationBuilder = GoogleAppsScript.Spreadsheet.DataValidationBuilder;
type DataValidationCriteria = GoogleAppsScript.Spreadsheet.DataValidationCriteria;
type CFRule = GoogleAppsScript.Spreadsheet.ConditionalFormatRule;
type CFBuilder = GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder;
type BooleanCondition = GoogleAppsScript.Spreadsheet.BooleanCondition;
type BooleanCriteria = GoogleAppsScript.Spreadsheet.BooleanCriteria;
type Range = GoogleAppsScript.Spreadsheet.Range;

export const DataValidationCriteria = makeEnum<GS["DataValidationCriteria"]>(
  "SpreadsheetApp.DataValidationCriteria",
  ["VALUE_IN_LIST", "CHECKBOX", "DATE_IS_VALID_DATE"],
);
export const BooleanCriteriaEnum = makeEnum<GS["BooleanCriteria"]>(
  "SpreadsheetApp.BooleanCriteria",
  ["TEXT_EQUAL_TO", "TEXT_CONTAINS", "CELL_EMPTY", "CELL_NOT_EMPTY", "CUSTOM_FORMULA"],
);

interface ValidationSpec {
  criteria: string;
  values: unknown[];
  allowInvalid: boolean;
  helpText: string | null;
}

const VALIDATION_GETTERS = ["getCriteriaType", "getCriteriaValues", "getAllowInvalid", "getHelpText", "copy"] as const;

export class FakeDataValidation implements Pick<DataValidation, (typeof VALIDATION_GETTERS)[number]> {
  readonly api: DataValidation;
  constructor(private readonly spec: ValidationSpec) {
    this.api = exposeAs<DataValidation>(this, { label: "FakeDataValidation", members: VALIDATION_GETTERS });
  }
  get criteria(): string {
    return this.spec.criteria;
  }
  getCriteriaType(): DataValidationCriteria {
    return DataValidationCriteria[this.spec.criteria as keyof GS["DataValidationCriteria"]];
  }
  getCriteriaValues(): unknown[] {
    return copyValues(this.spec.values);
  }
  getAllowInvalid(): boolean {
    return this.spec.allowInvalid;
  }
  getHelpText(): string {
    return this.spec.helpText ?? "";
  }
  copy(): DataValidationBuilder {
    return new FakeDataValidationBuilder({ ...this.spec, values: copyValues(this.spec.values) }).api;
  }
}

function copyValues(values: unknown[]): unknown[] {
  return values.map((v) => (Array.isArray(v) ? [...v] : v));
}

const VALIDATION_BUILDER_MEMBERS = [
  ...VALIDATION_GETTERS, "build", "requireValueInList", "requireCheckbox", "requireDate",
  "setAllowInvalid", "setHelpText",
] as const;

export class FakeDataValidationBuilder
  implements Pick<DataValidationBuilder, (typeof VALIDATION_BUILDER_MEMBERS)[number]>
{
  readonly api: DataValidationBuilder;
  constructor(private spec: ValidationSpec = { criteria: "", values: [], allowInvalid: true, helpText: null }) {
    this.api = exposeAs<DataValidationBuilder>(this, {
      label: "FakeDataValidationBuilder",
      members: VALIDATION_BUILDER_MEMBERS,
    });
  }
  requireValueInList(values: string[], showDropdown = true): DataValidationBuilder {
    if (!Array.isArray(values)) throw new Error("requireValueInList expects an array of strings");
    return this.criteria("VALUE_IN_LIST", [[...values], showDropdown]);
  }
  requireCheckbox(...custom: unknown[]): DataValidationBuilder {
    if (custom.length > 0) throw new Error("FakeDataValidationBuilder.requireCheckbox(checkedValue, ...) is not modelled");
    return this.criteria("CHECKBOX", []);
  }
  requireDate(): DataValidationBuilder {
    return this.criteria("DATE_IS_VALID_DATE", []);
  }
  setAllowInvalid(allow: boolean): DataValidationBuilder {
    this.spec = { ...this.spec, allowInvalid: allow };
    return this.api;
  }
  setHelpText(text: string): DataValidationBuilder {
    this.spec = { ...this.spec, helpText: text };
    return this.api;
  }
  getCriteriaType(): DataValidationCriteria {
    return DataValidationCriteria[this.spec.criteria as keyof GS["DataValidationCriteria"]];
  }
  getCriteriaValues(): unknown[] {
    return copyValues(this.spec.values);
  }
  getAllowInvalid(): boolean {
    return this.spec.allowInvalid;
  }
  getHelpText(): string | null {
    return this.spec.helpText;
  }
  copy(): DataValidationBuilder {
    return new FakeDataValidationBuilder({ ...this.spec, values: copyValues(this.spec.values) }).api;
  }
  build(): DataValidation {
    if (!this.spec.criteria) throw new Error("A data validation rule needs criteria before build()");
    return new FakeDataValidation({ ...this.spec, values: copyValues(this.spec.values) }).api;
  }
  private criteria(criteria: string, values: unknown[]): DataValidationBuilder {
    this.spec = { ...this.spec, criteria, values };
    return this.api;
  }
}

/** The fake behind a DataValidation handed to setDataValidation(s). */
export function validationOf(rule: DataValidation | null): FakeDataValidation | null {
  return rule === null ? null : rawOf<FakeDataValidation>(rule);
}

// ---------------------------------------------------------------- conditional formats

interface RuleSpec {
  criteria: string | null;
  values: unknown[];
  background: string | null;
  fontColor: string | null;
  bold: boolean | null;
  ranges: Range[];
}

const CONDITION_MEMBERS = ["getBackground", "getFontColor", "getBold", "getCriteriaType", "getCriteriaValues"] as const;

class FakeBooleanCondition implements Pick<BooleanCondition, (typeof CONDITION_MEMBERS)[number]> {
  readonly api: BooleanCondition;
  constructor(private readonly spec: RuleSpec) {
    this.api = exposeAs<BooleanCondition>(this, { label: "FakeBooleanCondition", members: CONDITION_MEMBERS });
  }
  getBackground(): string | null {
    return this.spec.background;
  }
  getFontColor(): string | null {
    return this.spec.fontColor;
  }
  getBold(): boolean | null {
    return this.spec.bold;
  }
  getCriteriaType(): BooleanCriteria {
    return BooleanCriteriaEnum[this.spec.criteria as keyof GS["BooleanCriteria"]];
  }
  getCriteriaValues(): unknown[] {
    return [...this.spec.values];
  }
}

const RULE_MEMBERS = ["getRanges", "getBooleanCondition", "copy"] as const;

export class FakeConditionalFormatRule implements Pick<CFRule, (typeof RULE_MEMBERS)[number]> {
  readonly api: CFRule;
  constructor(private readonly spec: RuleSpec) {
    this.api = exposeAs<CFRule>(this, { label: "FakeConditionalFormatRule", members: RULE_MEMBERS });
  }
  getRanges(): Range[] {
    return [...this.spec.ranges];
  }
  getBooleanCondition(): BooleanCondition | null {
    return this.spec.criteria === null ? null : new FakeBooleanCondition(this.spec).api;
  }
  copy(): CFBuilder {
    return new FakeConditionalFormatRuleBuilder({ ...this.spec }).api;
  }
}

const RULE_BUILDER_MEMBERS = [
  ...RULE_MEMBERS, "build", "setBackground", "setFontColor", "setBold", "setRanges",
  "whenTextEqualTo", "whenTextContains", "whenCellEmpty", "whenCellNotEmpty", "whenFormulaSatisfied",
] as const;

export class FakeConditionalFormatRuleBuilder
  implements Pick<CFBuilder, (typeof RULE_BUILDER_MEMBERS)[number]>
{
  readonly api: CFBuilder;
  constructor(
    private spec: RuleSpec = { criteria: null, values: [], background: null, fontColor: null, bold: null, ranges: [] },
  ) {
    this.api = exposeAs<CFBuilder>(this, { label: "FakeConditionalFormatRuleBuilder", members: RULE_BUILDER_MEMBERS });
  }
  whenTextEqualTo(text: string): CFBuilder {
    return this.set({ criteria: "TEXT_EQUAL_TO", values: [text] });
  }
  whenTextContains(text: string): CFBuilder {
    return this.set({ criteria: "TEXT_CONTAINS", values: [text] });
  }
  whenCellEmpty(): CFBuilder {
    return this.set({ criteria: "CELL_EMPTY", values: [] });
  }
  whenCellNotEmpty(): CFBuilder {
    return this.set({ criteria: "CELL_NOT_EMPTY", values: [] });
  }
  whenFormulaSatisfied(formula: string): CFBuilder {
    return this.set({ criteria: "CUSTOM_FORMULA", values: [formula] });
  }
  setBackground(color: string | null): CFBuilder {
    return this.set({ background: color });
  }
  setFontColor(color: string | null): CFBuilder {
    return this.set({ fontColor: color });
  }
  setBold(bold: boolean | null): CFBuilder {
    return this.set({ bold });
  }
  setRanges(ranges: Range[]): CFBuilder {
    return this.set({ ranges: [...ranges] });
  }
  getRanges(): Range[] {
    return [...this.spec.ranges];
  }
  getBooleanCondition(): BooleanCondition | null {
    return this.spec.criteria === null ? null : new FakeBooleanCondition(this.spec).api;
  }
  copy(): CFBuilder {
    return new FakeConditionalFormatRuleBuilder({ ...this.spec }).api;
  }
  build(): CFRule {
    if (this.spec.criteria === null) throw new Error("A conditional format rule needs a condition before build()");
    return new FakeConditionalFormatRule({ ...this.spec, ranges: [...this.spec.ranges] }).api;
  }
  private set(patch: Partial<RuleSpec>): CFBuilder {
    this.spec = { ...this.spec, ...patch };
    return this.api;
  }
}
