/**
 * Calendar dates in Asia/Jakarta as ISO text ("2026-01-31"): ISO text compares correctly as a
 * string and never passes through the machine's time zone.
 */
import { type Cell, isBlank } from "./text";

export type IsoDate = string;

export const JAKARTA_TIME_ZONE = "Asia/Jakarta";

/**
 * Jakarta's UTC offsets (tz database, Asia/Jakarta): UTC+7 since 1964, other offsets before.
 * Birth dates of older applicants fall in those years, so Date values need the offset of their
 * own time. Each entry: [first instant (ms since epoch, UTC), offset in minutes].
 */
const JAKARTA_OFFSETS: readonly (readonly [number, number])[] = [
  [Date.UTC(1963, 11, 31, 16, 30), 420],
  [Date.UTC(1950, 3, 30, 16, 0), 450],
  [Date.UTC(1948, 3, 30, 16, 30), 480],
  [Date.UTC(1945, 8, 22, 15, 0), 450],
  [Date.UTC(1942, 2, 22, 16, 30), 540],
  [Date.UTC(1932, 9, 31, 16, 40), 450],
  [Date.UTC(1923, 11, 31, 16, 40), 440],
];
const JAKARTA_LMT_MINUTES = 7 * 60 + 7.2;

function jakartaOffsetMs(ms: number): number {
  for (const [from, minutes] of JAKARTA_OFFSETS) if (ms >= from) return minutes * 60000;
  return JAKARTA_LMT_MINUTES * 60000;
}

const MONTHS: Record<string, number> = {
  januari: 1, jan: 1, februari: 2, feb: 2, maret: 3, mar: 3, april: 4, apr: 4, mei: 5,
  juni: 6, jun: 6, juli: 7, jul: 7, agustus: 8, agu: 8, agt: 8, ags: 8,
  september: 9, sep: 9, sept: 9, oktober: 10, okt: 10, november: 11, nov: 11, desember: 12, des: 12,
};
const ABBREVIATIONS = new Set(["jan", "feb", "mar", "apr", "mei", "jun", "jul", "agu", "agt", "ags",
  "sep", "sept", "okt", "nov", "des"]);
const FULL_MONTH_NAMES = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli",
  "Agustus", "September", "Oktober", "November", "Desember"];

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  return m === 2 ? (isLeapYear(y) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
}

export function isRealDate(y: number, m: number, d: number): boolean {
  return Number.isInteger(y) && y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

export function isoDate(y: number, m: number, d: number): IsoDate {
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

export function splitIso(iso: IsoDate): [number, number, number] {
  return [Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10))];
}

/** The Jakarta calendar date (and minutes after midnight) of an instant. */
export function jakartaParts(instant: Date): { date: IsoDate; minutes: number } {
  const shifted = new Date(instant.getTime() + jakartaOffsetMs(instant.getTime()));
  return {
    date: isoDate(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, shifted.getUTCDate()),
    minutes: shifted.getUTCHours() * 60 + shifted.getUTCMinutes(),
  };
}

export function todayInJakarta(now: Date = new Date()): IsoDate {
  return jakartaParts(now).date;
}

/** Days since 1970-01-01 of a calendar date (proleptic Gregorian), for differences only. */
export function dayNumber(iso: IsoDate): number {
  const [y, m, d] = splitIso(iso);
  return Math.round(Date.UTC(y, m - 1, d) / 86400000);
}

export function addDays(iso: IsoDate, days: number): IsoDate {
  const t = new Date((dayNumber(iso) + days) * 86400000);
  return isoDate(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** Calendar months with the day clamped to the month's end (31 Aug + 6 = 28/29 Feb). */
export function addMonthsClamped(iso: IsoDate, months: number): IsoDate {
  const [y, m, d] = splitIso(iso);
  const index = y * 12 + (m - 1) + months;
  const ny = Math.floor(index / 12);
  const nm = (index % 12) + 1;
  return isoDate(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}

export function formatLongDate(iso: IsoDate): string {
  const [y, m, d] = splitIso(iso);
  return `${d} ${FULL_MONTH_NAMES[m - 1]} ${y}`;
}

/** dd/mm/yyyy, the form operators type and read. */
export function formatShortDate(iso: IsoDate): string {
  const [y, m, d] = splitIso(iso);
  return `${String(d).padStart(2, "0")}/${String(m).padStart(2, "0")}/${y}`;
}

const ISO_RE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const DMY_RE = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})$/;
const LONG_RE = /^(\d{1,2})\s+([A-Za-z]+)(\.?)\s+(\d{4})$/;
const TIME_RE = /^(.*?)\s+(\d{1,2})[:.](\d{2})(?::(\d{2}))?$/;

function fullYear(text: string): number {
  return text.length === 2 ? 2000 + Number(text) : Number(text);
}

function checked(y: number, m: number, d: number): IsoDate | null {
  return isRealDate(y, m, d) ? isoDate(y, m, d) : null;
}

const parsedDates = new Map<string, IsoDate | null>();

/** A date text in one of the recognised forms, or null. Sheets repeat few dates: cache them. */
export function parseDateText(raw: string): IsoDate | null {
  let date = parsedDates.get(raw);
  if (date === undefined) {
    date = parseDateUncached(raw.trim());
    if (parsedDates.size > 20000) parsedDates.clear();
    parsedDates.set(raw, date);
  }
  return date;
}

function parseDateUncached(text: string): IsoDate | null {
  let match = ISO_RE.exec(text);
  if (match) return checked(Number(match[1]), Number(match[2]), Number(match[3]));
  match = DMY_RE.exec(text);
  if (match) return checked(fullYear(match[4]!), Number(match[3]), Number(match[1]));
  match = LONG_RE.exec(text);
  if (match) {
    const name = match[2]!.toLowerCase();
    const month = MONTHS[name];
    // A dot belongs after an abbreviation only ("Jan." yes, "Januari." no); "Mei" is both.
    if (month === undefined || (match[3] === "." && !ABBREVIATIONS.has(name))) return null;
    return checked(Number(match[4]), month, Number(match[1]));
  }
  return null;
}

/** A date-time text: any date form, optionally followed by HH:MM or HH.MM. */
export function parseDateTimeText(raw: string): { date: IsoDate; minutes: number | null } | null {
  const text = raw.trim();
  const date = parseDateText(text);
  if (date) return { date, minutes: null };
  const match = TIME_RE.exec(text);
  if (!match) return null;
  const hours = Number(match[2]);
  const minutes = Number(match[3]);
  const seconds = match[4] === undefined ? 0 : Number(match[4]);
  if (hours > 23 || minutes > 59 || seconds > 59) return null;
  const day = parseDateText(match[1]!);
  return day ? { date: day, minutes: hours * 60 + minutes } : null;
}

/** Read results are shared: a sheet repeats few date texts, and callers never change them. */
const dateReads = new Map<string, DateRead>();
const BLANK: DateRead = { kind: "blank" };
const INVALID: DateRead = { kind: "invalid" };

export type DateRead =
  | { readonly kind: "blank" }
  | { readonly kind: "invalid" }
  | { readonly kind: "ok"; readonly date: IsoDate; readonly minutes: number | null };

/** A date cell: a Date value (read as a Jakarta calendar date) or recognised text. */
export function readDateCell(cell: Cell, withTime = false): DateRead {
  if (isBlank(cell)) return BLANK;
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return INVALID;
    const parts = jakartaParts(cell);
    // Years past 9999 or before 1 have no ISO form: clamp them, they stay far future or far past.
    if (!/^\d{4}-\d{2}-\d{2}$/.test(parts.date)) {
      return { kind: "ok", date: cell.getTime() > 0 ? "9999-12-31" : "0001-01-01", minutes: withTime ? 0 : null };
    }
    return { kind: "ok", date: parts.date, minutes: withTime ? parts.minutes : null };
  }
  if (typeof cell !== "string") return INVALID;
  if (withTime) {
    const parsed = parseDateTimeText(cell);
    return parsed ? { kind: "ok", ...parsed } : INVALID;
  }
  let read = dateReads.get(cell);
  if (read === undefined) {
    const date = parseDateText(cell);
    read = date ? { kind: "ok", date, minutes: null } : INVALID;
    if (dateReads.size > 20000) dateReads.clear();
    dateReads.set(cell, read);
  }
  return read;
}
