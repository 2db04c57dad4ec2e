/** Personal data in lists and exports (spec section 8): masked identity numbers, no formula injection. */
import { ENUMS } from "./columns";
import { maskIdentity, readNumberCell } from "./identity";
import { type Cell, cellText } from "./text";

/**
 * A NIK (or KK) cell as lists show it: 3273********0001, whatever its shape (separators and a
 * leading apostrophe go first, as the check reads it).
 */
export function maskedIdentityCell(cell: Cell): string {
  const read = readNumberCell(cell);
  if (read.kind === "blank") return "";
  return maskIdentity(read.kind === "text" ? read.text : cellText(cell).replace(/\D/g, ""));
}

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text a spreadsheet program would read as a formula (`=`, `+`, `-`, `@`, or a tab/CR before
 * one) gets a leading apostrophe, which Sheets and Excel read as "this is text" (OWASP CSV
 * injection advice). For exports and cells written without the plain-text format. A lone sign
 * is no formula: "-" (an unticked box in many files) stays as it is.
 */
export function guardFormula(text: string): string {
  return text.length > 1 && FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * Six or more digits, also split by spaces, dots or hyphens ("0812-3456-7890"): a NIK, KK,
 * phone or card number that a service message may quote from a cell.
 */
const DIGIT_RUN = /\+?\d(?:[\s.-]?\d){5,}/g;

/** A health need a service message may quote from a cell (all but "Tidak Ada"). */
const HEALTH = new RegExp(ENUMS.healthNeed.slice(1).map((v) => v.replace(/ /g, "\\s+")).join("|"), "gi");

/** Personal numbers and health needs out of a text shown or logged (a service message may quote a cell). */
export function scrubDigits(text: string): string {
  return text.replace(DIGIT_RUN, "#").replace(HEALTH, "#");
}
