/**
 * Letter numbers (spec section 7): a format from settings such as
 * `400.9.3.2/{nomor:3}/Dinsos/{bulan_romawi}/{tahun}`, with a sequence that restarts each year.
 * Taking a number (under a lock, from a counter that only grows) is the shell's job.
 */
import { type IsoDate, splitIso } from "./dates";
import { enumKey, escapeRegExp } from "./text";

/** Tokens a format may hold, with what they stand for (the README lists them). */
export const NUMBER_TOKENS = {
  nomor: "urutan surat tahun ini (1, 2, …); {nomor:3} = 3 digit (001)",
  tanggal: "tanggal surat, 2 digit (01–31)",
  bulan: "bulan surat, 2 digit (01–12)",
  bulan_romawi: "bulan surat dalam angka Romawi (I–XII)",
  tahun: "tahun surat, 4 digit",
  tahun_pendek: "tahun surat, 2 digit",
} as const;
type Token = keyof typeof NUMBER_TOKENS;

type Part = { kind: "text"; text: string } | { kind: "token"; token: Token; width: number };

export type ParsedFormat = { ok: true; parts: Part[] } | { ok: false; problems: string[] };

const ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"];
const TOKEN_RE = /\{([^{}]*)\}/g;
const MAX_WIDTH = 6;

/** Splits a format into text and tokens, or Indonesian problems naming what to fix. */
export function parseNumberFormat(format: string): ParsedFormat {
  const problems: string[] = [];
  const parts: Part[] = [];
  const text = format.trim();
  if (text === "") return { ok: false, problems: ["Format nomor surat kosong. Contoh: 400.9.3.2/{nomor:3}/Dinsos/{bulan_romawi}/{tahun}."] };
  let last = 0;
  let sequences = 0;
  for (const m of text.matchAll(TOKEN_RE)) {
    if (m.index > last) parts.push({ kind: "text", text: text.slice(last, m.index) });
    last = m.index + m[0].length;
    const [name, width, ...rest] = m[1]!.split(":").map((s) => s.trim().toLowerCase());
    if (!name || !(name in NUMBER_TOKENS)) {
      problems.push(`Penanda "${m[0]}" tidak dikenal. Gunakan: ${Object.keys(NUMBER_TOKENS).map((t) => `{${t}}`).join(", ")}.`);
      continue;
    }
    let digits = 0;
    if (width !== undefined || rest.length) {
      if (name !== "nomor" || rest.length || !/^\d$/.test(width ?? "") || Number(width) < 1 || Number(width) > MAX_WIDTH) {
        problems.push(`Penanda "${m[0]}" tidak sah: hanya {nomor:N} yang memakai jumlah digit, dengan N 1–${MAX_WIDTH}.`);
        continue;
      }
      digits = Number(width);
    }
    if (name === "nomor") sequences++;
    parts.push({ kind: "token", token: name as Token, width: digits });
  }
  if (last < text.length) parts.push({ kind: "text", text: text.slice(last) });
  const stray = parts.some((p) => p.kind === "text" && /[{}]/.test(p.text));
  if (stray) problems.push("Kurung kurawal { } pada format nomor surat tidak berpasangan.");
  if (sequences === 0) problems.push("Format nomor surat harus memuat {nomor}, misalnya {nomor:3}.");
  if (sequences > 1) problems.push("Format nomor surat hanya boleh memuat satu {nomor}.");
  return problems.length ? { ok: false, problems } : { ok: true, parts };
}

/** The number for sequence `sequence` on letter date `date`. */
export function formatLetterNumber(format: string, sequence: number, date: IsoDate): string {
  const parsed = parseNumberFormat(format);
  if (!parsed.ok) throw new Error("Invalid letter number format");
  const [y, m, d] = splitIso(date);
  const values: Record<Token, string> = {
    nomor: String(sequence),
    tanggal: String(d).padStart(2, "0"),
    bulan: String(m).padStart(2, "0"),
    bulan_romawi: ROMAN[m - 1]!,
    tahun: String(y),
    tahun_pendek: String(y % 100).padStart(2, "0"),
  };
  return parsed.parts
    .map((p) => (p.kind === "text" ? p.text : p.token === "nomor" ? values.nomor.padStart(p.width, "0") : values[p.token]))
    .join("");
}

/**
 * The sequence of a number this format made in `year`, or null. Lets the shell make sure its
 * counter is past every number already in the sheet (a counter lost with a copied spreadsheet).
 */
export function sequenceOf(format: string, number: string, year: number): number | null {
  const parsed = parseNumberFormat(format);
  if (!parsed.ok) return null;
  const pattern: Record<Token, string> = {
    nomor: "(\\d+)",
    tanggal: "\\d{2}",
    bulan: "\\d{2}",
    bulan_romawi: "[IVX]+",
    tahun: String(year),
    tahun_pendek: String(year % 100).padStart(2, "0"),
  };
  const source = parsed.parts.map((p) => (p.kind === "text" ? escapeRegExp(p.text) : pattern[p.token])).join("");
  const match = new RegExp(`^${source}$`).exec(number.trim());
  // A format without the year cannot tell years apart: only numbers of this year's counter count.
  if (!match || !parsed.parts.some((p) => p.kind === "token" && (p.token === "tahun" || p.token === "tahun_pendek"))) return null;
  return Number(match[1]);
}

export type NumberMode = "auto" | "manual";

/** `Cara Penomoran`: blank or `Otomatis` = auto; `Manual` = typed by the operator. */
export function numberMode(setting: string): NumberMode {
  return enumKey(setting) === "manual" ? "manual" : "auto";
}

/** Document-property key of the year's counter. */
export function counterKey(year: number): string {
  return `pbijk.letterNumber.${year}`;
}

/**
 * The next `count` sequences after the counter, never below a number already issued in the
 * sheet: the counter only grows, so a deleted letter's number is never issued again.
 */
export function nextSequences(counter: number, highestInSheet: number, count: number): { sequences: number[]; last: number } {
  const start = Math.max(counter, highestInSheet);
  const sequences = Array.from({ length: count }, (_, i) => start + i + 1);
  return { sequences, last: start + count };
}
