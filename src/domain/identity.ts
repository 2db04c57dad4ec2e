/** NIK, KK, KIS card and phone numbers: structure only (Dukcapil's records are for the operator). */
import { centuryYear, type IsoDate, isoDate, isRealDate } from "./dates";
import { knownDistricts } from "./regions";
import type { Cell } from "./text";

/** The 38 province codes (spec section 3). */
export const PROVINCE_CODES = new Set([
  "11", "12", "13", "14", "15", "16", "17", "18", "19", "21", "31", "32", "33", "34", "35", "36",
  "51", "52", "53", "61", "62", "63", "64", "65", "71", "72", "73", "74", "75", "76", "81", "82",
  "91", "92", "93", "94", "95", "96",
]);

// Anchored: only a whole cell in scientific notation (`3.27301E+15`, `3,27301e15`) lost its digits.
const SCIENTIFIC_RE = /^[+-]?\d+(?:[.,]\d+)?[eE][+-]?\d+$/;
const WHITESPACE_RE = /\s+/g;
const SEPARATORS_RE = /[\s.-]+/g;
/** Spreadsheets keep 15 significant digits: a number of 16 or more digits already lost its last ones. */
const FIRST_16_DIGIT_NUMBER = 1e15;

export type NumberRead =
  | { kind: "blank" }
  /** A number of 16+ digits or scientific-notation text: the real digits are gone. */
  | { kind: "precisionLost" }
  /** Separators removed; may still contain non-digits. */
  | { kind: "text"; text: string };

const BLANK_NUMBER: NumberRead = { kind: "blank" };
const PRECISION_LOST: NumberRead = { kind: "precisionLost" };

/**
 * An identity-number cell (NIK, KK, card): spaces, hyphens, dots and one leading apostrophe are
 * separators; scientific notation is recognised before the dots go. Blank after that = blank.
 */
export function readNumberCell(cell: Cell): NumberRead {
  if (cell === null || cell === undefined) return BLANK_NUMBER;
  if (typeof cell === "number") {
    // Also true for NaN and Infinity: no digits to read.
    if (!(Math.abs(cell) < FIRST_16_DIGIT_NUMBER)) return PRECISION_LOST;
    return { kind: "text", text: Number.isInteger(cell) ? cell.toFixed(0) : String(cell) };
  }
  // Most cells are plain digits already: keep the cell's own text, no regular expression or copy.
  if (typeof cell === "string" && isAllDigits(cell)) return { kind: "text", text: cell };
  let text = String(cell).replace(WHITESPACE_RE, "");
  if (text.startsWith("'")) text = text.slice(1);
  if (SCIENTIFIC_RE.test(text)) return PRECISION_LOST;
  text = text.replace(SEPARATORS_RE, "");
  return text === "" ? BLANK_NUMBER : { kind: "text", text };
}

export function isDigits(text: string, length: number): boolean {
  return text.length === length && isAllDigits(text);
}

/** One or more ASCII digits (as /^\d+$/), by char codes: it runs on every identity cell. */
export function isAllDigits(text: string): boolean {
  if (text === "") return false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

export interface NikAnalysis {
  provinceValid: boolean;
  /** null when digits 7–12 are not a real calendar date. */
  birth: { date: IsoDate; sex: "L" | "P" } | null;
  serialZero: boolean;
  regionKnown: boolean;
}

/** The number that text's characters from `start` to `end` write; callers pass ASCII digits (no substring per field). */
function digitsAt(text: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) n = n * 10 + text.charCodeAt(i) - 48;
  return n;
}

const PROVINCE_NUMBERS = new Set([...PROVINCE_CODES].map(Number));

/** True when a digits-only number (NIK, KK) starts with a province code. */
export function startsWithProvinceCode(digits: string): boolean {
  return digits.length >= 2 && PROVINCE_NUMBERS.has(digitsAt(digits, 0, 2));
}

/** Digits 7–12 of a 16-digit NIK as DDMMYY, women DD+40; century 20YY when that whole date is not after today, else 19YY. */
export function nikBirth(digits: string, today: IsoDate): { date: IsoDate; sex: "L" | "P" } | null {
  const dd = digitsAt(digits, 6, 8);
  const mm = digitsAt(digits, 8, 10);
  const yy = digitsAt(digits, 10, 12);
  const sex = dd > 40 ? "P" : "L";
  const day = dd > 40 ? dd - 40 : dd;
  const year = centuryYear(yy, mm, day, today);
  return isRealDate(year, mm, day) ? { date: isoDate(year, mm, day), sex } : null;
}

/** Analysis of a 16-digit NIK. */
export function analyseNik(digits: string, today: IsoDate): NikAnalysis {
  const provinceValid = startsWithProvinceCode(digits);
  return {
    provinceValid,
    birth: nikBirth(digits, today),
    serialZero: digits.endsWith("0000"),
    regionKnown: provinceValid && knownDistricts().has(digitsAt(digits, 0, 6)),
  };
}

const PHONE_RE = /^(?:\+62|62|0)8[1-9][0-9]{6,10}$/;
const PHONE_PREFIX_RE = /^(?:\+62|62|0)/;

/** A normalised +62… number, or null when the text is not an Indonesian mobile number. */
export function normalisePhone(text: string): string | null {
  const number = text.replace(/[\s-]/g, "");
  // test + replace: one flat string kept per row, no match array.
  return PHONE_RE.test(number) ? number.replace(PHONE_PREFIX_RE, "+62") : null;
}

/** Masked for lists and the BPJS view: 3273********0001. */
export function maskIdentity(digits: string): string {
  if (digits.length < 8) return "*".repeat(digits.length);
  return digits.slice(0, 4) + "*".repeat(digits.length - 8) + digits.slice(-4);
}
