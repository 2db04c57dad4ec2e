/** Booleans and enumerations as users type them (spec section 2). */
import { ENUMS, type EnumKey } from "./columns";
import { type Cell, cellText, enumKey } from "./text";

// Keys after enumKey: `Tidak Ada` is "tidakada", `-` is "" (blank).
const TICKED = new Set(["true", "benar", "ya", "y", "ada", "sudah", "1", "v", "✓", "x"]);
const UNTICKED = new Set(["", "false", "salah", "tidak", "t", "tidakada", "belum", "0"]);

/** true/false, or undefined for a value that is neither. */
export function readBool(cell: Cell): boolean | undefined {
  if (typeof cell === "boolean") return cell;
  if (cell === null || cell === undefined) return false;
  const k = enumKey(cellText(cell));
  if (TICKED.has(k)) return true;
  if (UNTICKED.has(k)) return false;
  return undefined;
}

/** Other words users may type for a value; these also appear in dropdowns and messages. */
const SYNONYMS: Partial<Record<EnumKey, Record<string, string>>> = {
  sex: { "Laki-laki": "L", Perempuan: "P" },
};

/** Office shorthands accepted when typed but not offered in dropdowns. */
const ALIASES: Partial<Record<EnumKey, Record<string, string>>> = {
  sex: { Lk: "L", Pr: "P" },
  registryStatus: {
    DTKS: "Terdaftar",
    DTSEN: "Terdaftar",
    "Terdaftar DTKS": "Terdaftar",
    "Terdaftar DTSEN": "Terdaftar",
    "Non DTKS": "Tidak Terdaftar",
    "Non DTSEN": "Tidak Terdaftar",
    "Tidak Terdaftar DTKS": "Tidak Terdaftar",
    "Tidak Terdaftar DTSEN": "Tidak Terdaftar",
  },
};

const LOOKUP = new Map<EnumKey, Map<string, string>>();
for (const key of Object.keys(ENUMS) as EnumKey[]) {
  const m = new Map<string, string>();
  for (const v of ENUMS[key]) m.set(enumKey(v), v);
  for (const [k, v] of Object.entries({ ...SYNONYMS[key], ...ALIASES[key] })) m.set(enumKey(k), v);
  LOOKUP.set(key, m);
}

export type EnumRead = { kind: "blank" } | { kind: "ok"; value: string } | { kind: "unknown" };

const BLANK: EnumRead = { kind: "blank" };
const UNKNOWN: EnumRead = { kind: "unknown" };
/** One result object per canonical value, shared by every row. */
const OK = new Map<string, EnumRead>();

/** An enumeration cell, matched by enumKey; a cell that normalises to nothing (`-`) is blank. */
export function readEnum(key: EnumKey, cell: Cell): EnumRead {
  const k = enumKey(cellText(cell));
  if (k === "") return BLANK;
  const value = LOOKUP.get(key)!.get(k);
  if (value === undefined) return UNKNOWN;
  let read = OK.get(value);
  if (!read) OK.set(value, (read = { kind: "ok", value }));
  return read;
}

/** The words a user may pick in an enumeration cell, for messages and dropdowns. */
export function enumChoices(key: EnumKey): string[] {
  return [...ENUMS[key], ...Object.keys(SYNONYMS[key] ?? {})];
}
