/** Booleans and enumerations as users type them (spec section 2). */
import { ENUMS, type EnumKey } from "./columns";
import { type Cell, cellText, enumKey, isBlank } from "./text";

const TICKED = new Set(["true", "ya", "y", "1", "v", "✓", "x"]);
const UNTICKED = new Set(["false", "tidak", "t", "0", "-", ""]);

/** true/false, or undefined for a value that is neither. */
export function readBool(cell: Cell): boolean | undefined {
  if (typeof cell === "boolean") return cell;
  if (isBlank(cell)) return false;
  const k = enumKey(cellText(cell));
  if (TICKED.has(k)) return true;
  if (UNTICKED.has(k)) return false;
  return undefined;
}

/** Other words users may type for a value, as written in dropdowns and messages. */
const SYNONYMS: Partial<Record<EnumKey, Record<string, string>>> = {
  sex: { "Laki-laki": "L", Perempuan: "P" },
};

const LOOKUP = new Map<EnumKey, Map<string, string>>();
for (const key of Object.keys(ENUMS) as EnumKey[]) {
  const m = new Map<string, string>();
  for (const v of ENUMS[key]) m.set(enumKey(v), v);
  for (const [k, v] of Object.entries(SYNONYMS[key] ?? {})) m.set(enumKey(k), v);
  LOOKUP.set(key, m);
}

export type EnumRead = { kind: "blank" } | { kind: "ok"; value: string } | { kind: "unknown" };

const BLANK: EnumRead = { kind: "blank" };
const UNKNOWN: EnumRead = { kind: "unknown" };
/** One result object per canonical value, shared by every row. */
const OK = new Map<string, EnumRead>();

/** An enumeration cell, matched case-insensitively with surrounding spaces ignored. */
export function readEnum(key: EnumKey, cell: Cell): EnumRead {
  if (isBlank(cell)) return BLANK;
  const value = LOOKUP.get(key)!.get(enumKey(cellText(cell)));
  if (value === undefined) return UNKNOWN;
  let read = OK.get(value);
  if (!read) OK.set(value, (read = { kind: "ok", value }));
  return read;
}

/** The words a user may type into an enumeration cell, for messages and dropdowns. */
export function enumChoices(key: EnumKey): string[] {
  return [...ENUMS[key], ...Object.keys(SYNONYMS[key] ?? {})];
}
