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

const DAY_MS = 86_400_000;
const EPOCH = Date.UTC(1899, 11, 30);

/**
 * A typed date (or date and time) as Sheets reads it: ISO `2026-11-24[ 10:00]` in every locale,
 * `d/m/yyyy` by the spreadsheet's locale (day first in Indonesian, month first in en_US). Returns
 * the serial number, or null for text that is no date in that locale.
 */
export function typedDateSerial(input: string, locale: string): { serial: number; time: boolean } | null {
  let y: number;
  let m: number;
  let d: number;
  let minutes = 0;
  let time = false;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?: (\d{1,2}):(\d{2}))?$/.exec(input.trim());
  const slashed = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(input.trim());
  if (iso) {
    [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    if (iso[4] !== undefined) {
      minutes = Number(iso[4]) * 60 + Number(iso[5]);
      time = true;
    }
  } else if (slashed) {
    const dayFirst = !/^en_US$/i.test(locale);
    [d, m] = dayFirst ? [Number(slashed[1]), Number(slashed[2])] : [Number(slashed[2]), Number(slashed[1])];
    y = Number(slashed[3]);
  } else return null;
  const utc = Date.UTC(y, m - 1, d);
  const check = new Date(utc);
  if (m < 1 || m > 12 || check.getUTCDate() !== d || check.getUTCMonth() !== m - 1 || minutes >= 1440) return null;
  return { serial: (utc - EPOCH) / DAY_MS + minutes / 1440, time };
}

/** Parses a written value the way Sheets parses typed input in a non-"@" cell; dates only given a locale. */
export function parseInput(input: unknown, format: string, locale?: string): { value: Stored; formula: string; dateTime?: boolean } {
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
  // Typed text becomes a date (https://developers.google.com/sheets/api/reference/rest/v4/ValueInputOption, USER_ENTERED), read by the locale.
  const date = locale === undefined ? null : typedDateSerial(input, locale);
  if (date) return { value: date.serial, formula: "", dateTime: date.time };
  if (/^(true|false)$/i.test(input)) return { value: input.toLowerCase() === "true", formula: "" };
  return { value: input, formula: "" };
}

export function isCheckbox(cell: CellState | undefined): boolean {
  return cell?.validation?.criteria === "CHECKBOX";
}
