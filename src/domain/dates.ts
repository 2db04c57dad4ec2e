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

/** Month names users type, lower case: Indonesian (also the older Pebruari/Nopember) and English. */
const MONTH_NAMES: readonly (readonly string[])[] = [
  ["januari", "january"],
  ["februari", "pebruari", "february"],
  ["maret", "march"],
  ["april"],
  ["mei", "may"],
  ["juni", "june"],
  ["juli", "july"],
  ["agustus", "august"],
  ["september"],
  ["oktober", "october"],
  ["november", "nopember"],
  ["desember", "december"],
];
const MONTH_ABBREVIATIONS: readonly (readonly string[])[] = [
  ["jan"], ["feb", "peb"], ["mar"], ["apr"], ["mei", "may"], ["jun"], ["jul"], ["agu", "agt", "ags", "aug"],
  ["sep", "sept"], ["okt", "oct"], ["nov", "nop"], ["des", "dec"],
];
const MONTHS = new Map<string, number>();
/** Names a dot may follow ("Jan." yes, "Januari." no; "Mei" is both). */
const ABBREVIATIONS = new Set<string>();
MONTH_NAMES.forEach((names, i) => names.forEach((n) => MONTHS.set(n, i + 1)));
MONTH_ABBREVIATIONS.forEach((names, i) => names.forEach((n) => (MONTHS.set(n, i + 1), ABBREVIATIONS.add(n))));
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

const WEEKDAY_RE =
  /^(?:senin|selasa|rabu|kamis|jumat|jum['’]at|sabtu|minggu|monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?:\s*,\s*|\s+)/i;
// A time after a space, or after `T` (ISO dates only, checked below): H:MM, HH:MM, HH:MM:SS, colons or dots.
const TIME_RE = /(\s+|T)(\d{1,2})([:.])(\d{2})(?:\3(\d{2}))?$/;
const ISO_RE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const DMY_RE = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})$/;
const LONG_RE = /^(\d{1,2})(?:\s+|[-/.])([a-z]+)(\.?)(?:\s+|[-/.])(\d{4}|\d{2})$/i;

/** A date text's parts before the century of a two-digit year is chosen. */
export interface DateParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly shortYear: boolean;
  /** Minutes after midnight of a trailing time, else null. */
  readonly minutes: number | null;
}

/** The year of a two-digit year: 20YY when that date is not after `today`, else 19YY (NIK and birth dates). */
export function centuryYear(yy: number, month: number, day: number, today: IsoDate): number {
  return isoDate(2000 + yy, month, day) <= today ? 2000 + yy : 1900 + yy;
}

function dateOnly(text: string, withT: boolean): Omit<DateParts, "minutes"> | null {
  let match = ISO_RE.exec(text);
  if (match) return real(Number(match[1]), Number(match[2]), Number(match[3]), false);
  if (withT) return null;
  match = DMY_RE.exec(text);
  if (match) return real(Number(match[4]), Number(match[3]), Number(match[1]), match[4]!.length === 2);
  match = LONG_RE.exec(text);
  if (match) {
    const name = match[2]!.toLowerCase();
    const month = MONTHS.get(name);
    if (month === undefined || (match[3] === "." && !ABBREVIATIONS.has(name))) return null;
    return real(Number(match[4]), month, Number(match[1]), match[4]!.length === 2);
  }
  return null;
}

/** Checks the day exists; a two-digit year is checked in both centuries' calendars later. */
function real(year: number, month: number, day: number, shortYear: boolean): Omit<DateParts, "minutes"> | null {
  // 29 Feb of a two-digit year exists in 2000 but not in 1900: decide with the chosen century.
  const ok = shortYear ? month >= 1 && month <= 12 && day >= 1 && day <= (month === 2 ? 29 : daysInMonth(2000, month)) : isRealDate(year, month, day);
  return ok ? { year, month, day, shortYear } : null;
}

/** A recognised date text (spec section 3), parsed into parts; null when not recognised. */
export function parseDateParts(raw: string): DateParts | null {
  let text = raw.trim().replace(WEEKDAY_RE, "");
  let minutes: number | null = null;
  let withT = false;
  const time = TIME_RE.exec(text);
  if (time) {
    const hours = Number(time[2]);
    const mins = Number(time[4]);
    const seconds = time[5] === undefined ? 0 : Number(time[5]);
    if (hours > 23 || mins > 59 || seconds > 59) return null;
    minutes = hours * 60 + mins;
    withT = time[1] === "T";
    text = text.slice(0, time.index);
  }
  const date = dateOnly(text, withT);
  return date ? { ...date, minutes } : null;
}

/** A two-digit year read as 20YY; in `Tanggal Lahir` (pass `birthToday`) 19YY when 20YY is after that day. */
function resolve(parts: DateParts, birthToday?: IsoDate): IsoDate | null {
  const { month, day } = parts;
  let year = parts.year;
  if (parts.shortYear) year = birthToday === undefined ? 2000 + year : centuryYear(year, month, day, birthToday);
  return isRealDate(year, month, day) ? isoDate(year, month, day) : null;
}

const parsedParts = new Map<string, DateParts | null>();

function cachedParts(raw: string): DateParts | null {
  let parts = parsedParts.get(raw);
  if (parts === undefined) {
    parts = parseDateParts(raw);
    if (parsedParts.size > 20000) parsedParts.clear();
    parsedParts.set(raw, parts);
  }
  return parts;
}

/** A date text in one of the recognised forms (time ignored, two-digit year 20YY), or null. */
export function parseDateText(raw: string): IsoDate | null {
  const parts = cachedParts(raw);
  return parts ? resolve(parts) : null;
}

/** A date-time text: any date form, optionally followed by a time. */
export function parseDateTimeText(raw: string): { date: IsoDate; minutes: number | null } | null {
  const parts = cachedParts(raw);
  const date = parts && resolve(parts);
  return date ? { date, minutes: parts!.minutes } : null;
}

/** Read results are shared: a sheet repeats few date texts, and callers never change them. */
const dateReads = new Map<string, DateRead>();
const BLANK: DateRead = { kind: "blank" };
const INVALID: DateRead = { kind: "invalid" };

export type DateRead =
  | { readonly kind: "blank" }
  | { readonly kind: "invalid" }
  | { readonly kind: "ok"; readonly date: IsoDate; readonly minutes: number | null };

/**
 * A date cell: a Date value (read as a Jakarta calendar date) or recognised text. The time is
 * kept only `withTime`; `birthToday` gives two-digit years the birth-date century rule.
 */
export function readDateCell(cell: Cell, withTime = false, birthToday?: IsoDate): DateRead {
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
  if (birthToday !== undefined) {
    const parts = cachedParts(cell);
    const date = parts && resolve(parts, birthToday);
    return date ? { kind: "ok", date, minutes: null } : INVALID;
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
