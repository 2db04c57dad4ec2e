/** What Siapkan Sheet puts on a request sheet: which columns, formats and input rules. */
import { ALL_COLUMNS, type ColumnDef, type ColumnKey, columnForHeader, type EnumKey, INPUT_COLUMNS, OUTPUT_COLUMNS } from "./columns";
import type { Cell } from "./text";
import { enumChoices } from "./values";

export const TEXT_FORMAT = "@";
export const DATE_FORMAT = "dd/mm/yyyy";
export const DATETIME_FORMAT = "dd/mm/yyyy hh:mm";

/** ID numbers, references and free text stay text, so Sheets never turns them into numbers. */
const TEXT_KEYS = new Set<string>(["id", "nik", "kk", "cardNumber", "phone", "deactivationRef", "name", "documentsLink", "letterNumber"]);

export function numberFormatFor(def: ColumnDef): string | null {
  if (def.type === "date") return DATE_FORMAT;
  if (def.type === "datetime") return DATETIME_FORMAT;
  if (TEXT_KEYS.has(def.key)) return TEXT_FORMAT;
  return null;
}

/**
 * Whether a cell's number format already keeps `wanted`'s kind: any date format counts for a
 * date column (an office's own `d mmmm yyyy` stays), only plain text for a text column.
 */
export function formatKeeps(current: string, wanted: string): boolean {
  if (wanted === TEXT_FORMAT) return current === TEXT_FORMAT;
  // Date tokens outside quoted text and [..] sections (colours, elapsed time).
  return /[dy]/i.test(current.replace(/"[^"]*"|\[[^\]]*\]/g, ""));
}

/**
 * A dropdown lists the canonical values; `strict` refuses anything else at typing. Input columns
 * are not strict: the rules accept more spellings than a list can show (`Lk`, `Non DTKS`,
 * `reaktivasi pbi jk`), and the check names what it cannot read.
 */
export type InputRule = { kind: "list"; values: string[]; strict: boolean } | { kind: "checkbox" } | { kind: "date" };

export function inputRuleFor(def: ColumnDef): InputRule | null {
  if (def.type === "bool") return { kind: "checkbox" };
  if (def.type === "enum" && def.enumKey) return { kind: "list", values: enumChoices(def.enumKey as EnumKey), strict: false };
  if (def.type === "date" && !def.output) return { kind: "date" };
  if (def.key === "stage") return { kind: "list", values: [...STAGE_NAMES], strict: true };
  return null;
}

/** Every stage name a request can be in (spec section 6 and the profiles' workflows). */
export const STAGE_NAMES = [
  "Diterima", "Diperiksa", "Back Office", "Persetujuan Manajer", "Draf", "Paraf Kabid", "Verifikasi Draf",
  "Tanda Tangan", "Validasi Kepala Dinas", "Penomoran dan Stempel", "Input ke BPJS", "Siap Diserahkan", "Diserahkan",
  "Perbaikan", "Selesai", "Dikembalikan", "Ditolak",
] as const;

/** Headers to append to a sheet so every catalogue column exists; user columns are untouched. */
export function missingHeaders(existing: readonly Cell[]): string[] {
  const present = new Set<string>();
  for (const h of existing) {
    const def = columnForHeader(h);
    if (def) present.add(def.key);
  }
  return ALL_COLUMNS.filter((c) => !present.has(c.key)).map((c) => c.header);
}

/**
 * Keys whose cells the add-on writes; users get a warning when editing them. Not BPJS's outcome
 * (typed in `Untuk BPJS` or here).
 */
export const ADDON_WRITTEN_KEYS: readonly ColumnKey[] = [
  "id",
  ...OUTPUT_COLUMNS.filter((c) => !["bpjsStatus", "bpjsActiveDate", "bpjsNote"].includes(c.key)).map((c) => c.key),
];

export const INPUT_KEYS: readonly ColumnKey[] = INPUT_COLUMNS.map((c) => c.key);

/** Background of the `Keputusan` cell per decision label (conditional formatting). */
export const DECISION_COLOURS: Record<string, string> = {
  Layak: "#d9ead3",
  "Tidak Layak": "#f4cccc",
  "Berkas Belum Lengkap": "#fff2cc",
  "Perlu Verifikasi": "#cfe2f3",
  "Data Tidak Valid": "#ea9999",
};

/** The description of the add-on's warning protections on its columns. */
export const ADDON_PROTECTION_NOTE = "PBI-JK: diisi add-on";

export const LOG_SHEET = "Log";
export const LOG_HEADERS = ["Waktu", "Pengguna", "ID Permohonan", "Tindakan", "Dari Tahap", "Ke Tahap", "Catatan"];

// ---------------------------------------------------------------- layout versions

/**
 * The sheet layout's version, kept in document properties. Siapkan Sheet upgrades an older
 * spreadsheet one step at a time (src/gas/migrations.ts); each step only adds.
 *  1: the checker: input columns and Hasil Pemeriksaan, Keputusan, Alasan, Batas Reaktivasi, Tahap.
 *  2: letters, approvals and BPJS: stamp, letter and BPJS columns, the workflow stages in the
 *     `Tahap` dropdown (`Siap Diserahkan` among them), the `Log` sheet. Recorded no version.
 *  3: approvals in sheet columns: `Salinan Diarsipkan` left unprotected (the operator ticks it),
 *     `Log` protected, the version recorded.
 */
export const LAYOUT_VERSION = 3;
export const LAYOUT_VERSION_KEY = "pbijk.layoutVersion";

/** Columns of a version 1 request sheet. */
export const V1_KEYS: readonly ColumnKey[] = [
  ...INPUT_COLUMNS.map((c) => c.key).filter((k) => k !== "archived"),
  "checkResult", "decision", "reasons", "deadline", "stage",
];
/** Columns version 2 added, in the order it appends them (`Salinan Diarsipkan` after `Diserahkan Pada`). */
export const V2_KEYS: readonly ColumnKey[] = OUTPUT_COLUMNS.map((c) => c.key)
  .filter((k) => !V1_KEYS.includes(k))
  .flatMap((k): ColumnKey[] => (k === "handedOverAt" ? [k, "archived"] : [k]));
/** The `Tahap` choices of version 1 (before the workflow stages). */
export const V1_STAGE_NAMES = ["Diterima", "Diperiksa", "Selesai", "Dikembalikan", "Ditolak"] as const;

/**
 * The version a spreadsheet's layout is at: the recorded one, else read from its request sheets'
 * headers (a sheet without the letter columns is 1, with them 2); null for a new spreadsheet.
 */
export function layoutVersionOf(recorded: string | null, requestHeaders: readonly (readonly Cell[])[]): number | null {
  const n = Number(recorded ?? "");
  if (recorded !== null && recorded.trim() !== "" && Number.isInteger(n) && n > 0) return n;
  const keys = requestHeaders.map((headers) => new Set(headers.map((h) => columnForHeader(h)?.key).filter(Boolean)));
  const used = keys.filter((k) => k.size > 0);
  if (used.length === 0) return null;
  return used.some((k) => V2_KEYS.some((key) => !k.has(key))) ? 1 : 2;
}
