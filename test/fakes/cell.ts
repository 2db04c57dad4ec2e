/** One cell's state, and how written input becomes a stored value (like typing into Sheets). */
import type { Stored } from "./format";
import type { FakeDataValidation } from "./builders";
import { isDate } from "./core";

export type HorizontalAlignment = "left" | "center" | "normal" | "right" | null;

export interface CellState {
  value: Stored; // "" when empty
  formula: string; // "" unless an "=..." string was written into a non-text cell
  format: string; // "" = automatic
  background: string;
  note: string;
  validation: FakeDataValidation | null;
  fontWeight: "normal" | "bold";
  wrap: boolean;
  alignment: HorizontalAlignment;
}

export const DEFAULT_BACKGROUND = "#ffffff";

export function blankCell(): CellState {
  return {
    value: "",
    formula: "",
    format: "",
    background: DEFAULT_BACKGROUND,
    note: "",
    validation: null,
    fontWeight: "normal",
    wrap: true,
    alignment: null,
  };
}

// Sheets' typed-input number syntax (no locale separators): 12, -0.5, .5, 3.27301E+15.
const NUMBER_INPUT = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** Parses a written value the way Sheets parses typed input in a non-"@" cell. */
export function parseInput(input: unknown, format: string): { value: Stored; formula: string } {
  if (input === null || input === undefined) return { value: "", formula: "" };
  if (isDate(input)) return { value: new Date(input.getTime()), formula: "" };
  if (typeof input === "number" || typeof input === "boolean") return { value: input, formula: "" };
  if (typeof input !== "string") {
    throw new Error(`Cannot store a ${Array.isArray(input) ? "array" : typeof input} in a cell (fake only models strings, numbers, booleans and Dates)`);
  }
  if (format === "@") return { value: input, formula: "" };
  if (input.startsWith("'")) return { value: input.slice(1), formula: "" };
  if (input.startsWith("=") && input.length > 1) return { value: input, formula: input };
  if (NUMBER_INPUT.test(input)) return { value: Number(input), formula: "" };
  if (/^(true|false)$/i.test(input)) return { value: input.toLowerCase() === "true", formula: "" };
  return { value: input, formula: "" };
}

export function isCheckbox(cell: CellState | undefined): boolean {
  return cell?.validation?.criteria === "CHECKBOX";
}
