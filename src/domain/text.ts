/** Small text helpers shared by every rule; cells arrive as text, numbers, booleans or Dates. */

export type Cell = string | number | boolean | Date | null | undefined;

const PUNCTUATION_RE = /[\s./\-_]+/g;

/** Header matching key: case-insensitive, ignoring spaces (any whitespace), dots, slashes, hyphens and underscores. */
export function headerKey(header: string): string {
  return header.toLowerCase().replace(PUNCTUATION_RE, "");
}

/** Enumeration/boolean matching key: the header rule, so `Reaktivasi PBI JK` = `reaktivasi pbi-jk`; "" = blank. */
export function enumKey(text: string): string {
  return headerKey(text);
}

export function removeSpaces(text: string): string {
  return text.replace(/\s+/g, "");
}

/** A cell as the text a user sees; Dates and numbers are handled by their own parsers. */
export function cellText(cell: Cell): string {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "string") return cell;
  if (typeof cell === "boolean") return cell ? "TRUE" : "FALSE";
  if (typeof cell === "number") return Number.isFinite(cell) ? String(cell) : "";
  return Number.isNaN(cell.getTime()) ? "" : cell.toISOString();
}

export function isBlank(cell: Cell): boolean {
  if (cell === null || cell === undefined) return true;
  if (typeof cell === "string") return cell.trim() === "";
  return false;
}

/** A literal text as a regular expression (also RE2, as Docs' replaceText uses). */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
