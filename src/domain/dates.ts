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
// Minutes and seconds 00–59 by the pattern; hours are checked in code.
const TIME_RE = /(\s+|T)(\d{1,2})([:.])([0-5]\d)(?:\3[0-5]\d)?$/;
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

const dayMonthYear = (day: string, month: number, year: string): Omit<DateParts, "minutes"> =>
  ({ year: Number(year), month, day: Number(day), shortYear: year.length === 2 });

/** The date's parts; whether they make a real date is decided once the century is known (resolve). */
function dateOnly(text: string, withT: boolean): Omit<DateParts, "minutes"> | null {
  let match = ISO_RE.exec(text);
  if (match) return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]), shortYear: false };
  if (withT) return null;
  match = DMY_RE.exec(text);
  if (match) return dayMonthYear(match[1]!, Number(match[3]), match[4]!);
  match = LONG_RE.exec(text);
  if (!match) return null;
  const name = match[2]!.toLowerCase();
  // Month 0 (no such month) for an unknown name or a dot after a full name ("Jan." yes, "Januari." no).
  const month = match[3] === "." && !ABBREVIATIONS.has(name) ? 0 : (MONTHS.get(name) ?? 0);
  return dayMonthYear(match[1]!, month, match[4]!);
}

/** A recognised date text (spec section 3), parsed into parts; null when not recognised. */
export function parseDateParts(raw: string): DateParts | null {
  let text = raw.trim().replace(WEEKDAY_RE, "");
  let minutes: number | null = null;
  let withT = false;
  const time = TIME_RE.exec(text);
  if (time) {
    const hours = Number(time[2]);
    if (hours > 23) return null;
    minutes = hours * 60 + Number(time[4]);
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

/** A date text in one of the recognised forms (time ignored, two-digit year 20YY), or null. */
export function parseDateText(raw: string): IsoDate | null {
  const parts = parseDateParts(raw);
  return parts ? resolve(parts) : null;
}

/** A date-time text: any date form, optionally followed by a time. */
export function parseDateTimeText(raw: string): { date: IsoDate; minutes: number | null } | null {
  const parts = parseDateParts(raw);
  const date = parts && resolve(parts);
  return date ? { date, minutes: parts!.minutes } : null;
}

/** Midnight of 1 January of year 1 and of year 10000 in Jakarta (local mean time, then UTC+7). */
const FIRST_INSTANT = new Date(0).setUTCFullYear(1, 0, 1) - JAKARTA_LMT_MINUTES * 60000;
const AFTER_LAST_INSTANT = new Date(0).setUTCFullYear(10000, 0, 1) - 7 * 3600000;

/** Shared read results: callers never change them (RowChecker memoises reads of repeated texts). */
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
    // Years past 9999 or before 1 have no ISO form: clamp them, they stay far future or far past.
    if (cell.getTime() < FIRST_INSTANT) return { kind: "ok", date: "0001-01-01", minutes: withTime ? 0 : null };
    if (cell.getTime() >= AFTER_LAST_INSTANT) return { kind: "ok", date: "9999-12-31", minutes: withTime ? 0 : null };
    const parts = jakartaParts(cell);
    return { kind: "ok", date: parts.date, minutes: withTime ? parts.minutes : null };
  }
  if (typeof cell !== "string") return INVALID;
  if (withTime) {
    const parsed = parseDateTimeText(cell);
    return parsed ? { kind: "ok", ...parsed } : INVALID;
  }
  const parts = parseDateParts(cell);
  const date = parts && resolve(parts, birthToday);
  return date ? { kind: "ok", date, minutes: null } : INVALID;
}
