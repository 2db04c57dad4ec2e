/**
 * Time-zone arithmetic, Java date patterns (Utilities.formatDate) and Sheets number/date
 * formats (Range.getDisplayValues).
 */

export interface ZoneParts {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  weekday: number; // 0 = Sunday
  offsetMinutes: number;
}

const MS_PER_DAY = 86_400_000;
const SHEETS_EPOCH = Date.UTC(1899, 11, 30);
const formatters = new Map<string, Intl.DateTimeFormat>();

// "GMT", "UTC+7", "GMT+07:00", "GMT-0330": Apps Script accepts these besides IANA ids.
function fixedOffsetMinutes(tz: string): number | null {
  const m = /^(?:GMT|UTC)(?:([+-])(\d{1,2})(?::?(\d{2}))?)?$/i.exec(tz);
  if (!m) return null;
  if (!m[1]) return 0;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? "0");
  return m[1] === "-" ? -minutes : minutes;
}

function zoneFormatter(tz: string): Intl.DateTimeFormat {
  let fmt = formatters.get(tz);
  if (!fmt) {
    try {
      fmt = new Intl.DateTimeFormat("en-US", {
        timeZone: tz,
        hourCycle: "h23",
        year: "numeric",
        month: "numeric",
        day: "numeric",
        hour: "numeric",
        minute: "numeric",
        second: "numeric",
      });
    } catch {
      throw new Error(`Invalid time zone: ${tz}`);
    }
    formatters.set(tz, fmt);
  }
  return fmt;
}

function partsFromUtcMs(ms: number, offsetMinutes: number): ZoneParts {
  const d = new Date(ms);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    millisecond: d.getUTCMilliseconds(),
    weekday: d.getUTCDay(),
    offsetMinutes,
  };
}

/** Wall-clock fields of an instant in a time zone. */
export function zoneParts(date: Date, tz: string): ZoneParts {
  const ms = date.getTime();
  if (Number.isNaN(ms)) throw new Error("Invalid Date");
  const fixed = fixedOffsetMinutes(tz);
  if (fixed !== null) return partsFromUtcMs(ms + fixed * 60_000, fixed);
  const fields: Record<string, number> = {};
  for (const part of zoneFormatter(tz).formatToParts(ms)) {
    if (part.type !== "literal") fields[part.type] = Number(part.value);
  }
  const wallSeconds = Date.UTC(
    fields.year ?? 1970, (fields.month ?? 1) - 1, fields.day ?? 1,
    fields.hour ?? 0, fields.minute ?? 0, fields.second ?? 0,
  );
  const offsetMinutes = Math.round((wallSeconds - Math.floor(ms / 1000) * 1000) / 60_000);
  return partsFromUtcMs(ms + offsetMinutes * 60_000, offsetMinutes);
}

/** Sheets serial number (days since 1899-12-30, in the spreadsheet's zone) of an instant. */
export function dateToSerial(date: Date, tz: string): number {
  const p = zoneParts(date, tz);
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second, p.millisecond);
  return (wall - SHEETS_EPOCH) / MS_PER_DAY;
}

/** Wall-clock fields of a serial number (no zone involved). */
export function serialToParts(serial: number): ZoneParts {
  return partsFromUtcMs(Math.round(SHEETS_EPOCH + serial * MS_PER_DAY), 0);
}

/** The instant a serial number denotes in the given zone. */
export function serialToDate(serial: number, tz: string): Date {
  const wall = Math.round(SHEETS_EPOCH + serial * MS_PER_DAY);
  // Two passes settle the offset across DST transitions.
  let instant = wall - zoneParts(new Date(wall), tz).offsetMinutes * 60_000;
  instant = wall - zoneParts(new Date(instant), tz).offsetMinutes * 60_000;
  return new Date(instant);
}

const pad = (n: number, width: number): string => String(n).padStart(width, "0");
const EN_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
  "September", "October", "November", "December"];
const EN_DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

function offsetText(minutes: number, colon: boolean): string {
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60), 2)}${colon ? ":" : ""}${pad(abs % 60, 2)}`;
}

function javaField(letter: string, count: number, p: ZoneParts): string {
  const hour12 = p.hour % 12 === 0 ? 12 : p.hour % 12;
  switch (letter) {
    case "y":
      return count === 2 ? pad(p.year % 100, 2) : pad(p.year, count);
    case "M":
      if (count >= 4) return EN_MONTHS[p.month - 1] ?? "";
      if (count === 3) return (EN_MONTHS[p.month - 1] ?? "").slice(0, 3);
      return pad(p.month, count);
    case "d": return pad(p.day, count);
    case "H": return pad(p.hour, count);
    case "k": return pad(p.hour === 0 ? 24 : p.hour, count);
    case "K": return pad(p.hour % 12, count);
    case "h": return pad(hour12, count);
    case "m": return pad(p.minute, count);
    case "s": return pad(p.second, count);
    case "S": return pad(p.millisecond, count);
    case "E": {
      const name = EN_DAYS[p.weekday] ?? "";
      return count >= 4 ? name : name.slice(0, 3);
    }
    case "u": return pad(p.weekday === 0 ? 7 : p.weekday, count);
    case "a": return p.hour < 12 ? "AM" : "PM";
    case "Z": return offsetText(p.offsetMinutes, false);
    case "X":
      if (p.offsetMinutes === 0) return "Z";
      if (count === 1) return offsetText(p.offsetMinutes, false).slice(0, 3);
      return offsetText(p.offsetMinutes, count >= 3);
    default:
      throw new Error(`Utilities.formatDate: pattern letter "${letter}" is not modelled`);
  }
}

/** java.text.SimpleDateFormat semantics, as used by Utilities.formatDate. */
export function formatJavaDate(date: Date, tz: string, pattern: string): string {
  const p = zoneParts(date, tz);
  let out = "";
  let i = 0;
  while (i < pattern.length) {
    const c = pattern.charAt(i);
    if (c === "'") {
      if (pattern.charAt(i + 1) === "'") {
        out += "'";
        i += 2;
        continue;
      }
      // Quoted literal; '' inside it is an apostrophe.
      i++;
      for (;;) {
        if (i >= pattern.length) throw new Error(`Unterminated quote in date pattern: ${pattern}`);
        if (pattern.charAt(i) === "'") {
          if (pattern.charAt(i + 1) === "'") {
            out += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        out += pattern.charAt(i++);
      }
      continue;
    }
    if (/[A-Za-z]/.test(c)) {
      let count = 1;
      while (pattern.charAt(i + count) === c) count++;
      out += javaField(c, count, p);
      i += count;
      continue;
    }
    out += c;
    i++;
  }
  return out;
}

// ---------------------------------------------------------------- Sheets formats

export const AUTOMATIC_FORMAT = "0.###############";

export type FormatKind = "automatic" | "text" | "zeros" | "date";

/** Which family a Sheets number format belongs to; anything else is not modelled. */
export function formatKind(format: string): FormatKind {
  if (format === "" || format === AUTOMATIC_FORMAT || /^general$/i.test(format)) return "automatic";
  if (format === "@") return "text";
  if (/^0+(\.0+)?$/.test(format)) return "zeros";
  const bare = format.replace(/"[^"]*"|\\./g, "");
  if (/[dmyhs]/i.test(bare) && !/[#?]/.test(bare)) return "date";
  throw new Error(`Number format "${format}" is not modelled`);
}

/** "1E+15", "3.27301E+15": at most 6 significant digits, signed 2+ digit exponent. */
export function scientific(n: number): string {
  const [mantissa = "", exponent = "0"] = n.toExponential(5).split("e");
  const trimmed = mantissa.replace(/(\.\d*?)0+$/, "$1").replace(/\.$/, "");
  const e = Number(exponent);
  return `${trimmed}E${e < 0 ? "-" : "+"}${pad(Math.abs(e), 2)}`;
}

function significantDigits(n: number): number {
  const [mantissa = ""] = n.toExponential().split("e");
  return mantissa.replace(/[-.]/g, "").length;
}

/** Sheets "automatic" rendering of a number in a default-width column. */
export function automaticNumber(n: number): string {
  if (!Number.isFinite(n)) return "#NUM!";
  if (n === 0) return "0";
  const abs = Math.abs(n);
  if (abs >= 1e15) return scientific(n);
  // Sheets keeps 15 significant digits (so 0.1+0.2 shows 0.3).
  const r = Number(n.toPrecision(15));
  if (Number.isInteger(r)) return String(r);
  if (significantDigits(r) <= 10 && !String(r).includes("e")) return String(r);
  if (abs < 1e10 && abs >= 1e-4) return String(Number(r.toPrecision(10)));
  return scientific(n);
}

function zerosNumber(n: number, format: string): string {
  const [intPart = "0", fraction = ""] = format.split(".");
  const sign = n < 0 ? "-" : "";
  const abs = Math.abs(n);
  if (fraction.length === 0) {
    // BigInt shows every digit of the double, like Sheets does for "0" formats.
    const digits = BigInt(Math.round(abs)).toString();
    const text = digits.padStart(intPart.length, "0");
    return text === "0".repeat(text.length) ? text : sign + text;
  }
  const [i = "0", f = ""] = abs.toFixed(fraction.length).split(".");
  return `${sign}${i.padStart(intPart.length, "0")}.${f}`;
}

interface DateToken {
  kind: "literal" | "field";
  text: string; // literal text, or the lower-cased letter run ("dd", "mmmm", "am/pm")
}

function tokenizeSheetsDate(pattern: string): DateToken[] {
  const tokens: DateToken[] = [];
  let i = 0;
  while (i < pattern.length) {
    const c = pattern.charAt(i);
    if (c === '"') {
      const end = pattern.indexOf('"', i + 1);
      if (end < 0) throw new Error(`Unterminated quote in number format: ${pattern}`);
      tokens.push({ kind: "literal", text: pattern.slice(i + 1, end) });
      i = end + 1;
    } else if (c === "\\") {
      tokens.push({ kind: "literal", text: pattern.charAt(i + 1) });
      i += 2;
    } else if (/^(am\/pm|a\/p)/i.test(pattern.slice(i))) {
      const text = /^am\/pm/i.test(pattern.slice(i)) ? "am/pm" : "a/p";
      tokens.push({ kind: "field", text });
      i += text.length;
    } else if (/[dmyhs]/i.test(c)) {
      const lower = c.toLowerCase();
      let count = 1;
      while (pattern.charAt(i + count).toLowerCase() === lower) count++;
      tokens.push({ kind: "field", text: lower.repeat(count) });
      i += count;
    } else if (/[a-z]/i.test(c)) {
      throw new Error(`Date format letter "${c}" in "${pattern}" is not modelled`);
    } else {
      tokens.push({ kind: "literal", text: c });
      i++;
    }
  }
  return tokens;
}

function localeTag(locale: string): string {
  return locale.replace(/_/g, "-");
}

function monthName(month: number, locale: string, style: "long" | "short"): string {
  return new Intl.DateTimeFormat(localeTag(locale), { month: style, timeZone: "UTC" })
    .format(new Date(Date.UTC(2000, month - 1, 1)));
}

function dayName(weekday: number, locale: string, style: "long" | "short"): string {
  // 2000-01-02 was a Sunday.
  return new Intl.DateTimeFormat(localeTag(locale), { weekday: style, timeZone: "UTC" })
    .format(new Date(Date.UTC(2000, 0, 2 + weekday)));
}

/** Renders wall-clock fields with a Sheets date/time pattern ("dd/mm/yyyy hh:mm"). */
export function formatSheetsDate(p: ZoneParts, pattern: string, locale: string): string {
  const tokens = tokenizeSheetsDate(pattern);
  const fields = tokens.filter((t) => t.kind === "field");
  const twelveHour = fields.some((t) => t.text === "am/pm" || t.text === "a/p");
  const hour12 = p.hour % 12 === 0 ? 12 : p.hour % 12;
  return tokens
    .map((t) => {
      if (t.kind === "literal") return t.text;
      const n = t.text.length;
      switch (t.text.charAt(0)) {
        case "d":
          if (n <= 2) return pad(p.day, n);
          return dayName(p.weekday, locale, n === 3 ? "short" : "long");
        case "m": {
          const at = fields.indexOf(t);
          const isMinute = n <= 2 &&
            (fields[at - 1]?.text.startsWith("h") === true || fields[at + 1]?.text.startsWith("s") === true);
          if (isMinute) return pad(p.minute, n);
          if (n <= 2) return pad(p.month, n);
          if (n === 3) return monthName(p.month, locale, "short");
          if (n === 4) return monthName(p.month, locale, "long");
          return monthName(p.month, locale, "long").charAt(0);
        }
        case "y":
          return n <= 2 ? pad(p.year % 100, 2) : pad(p.year, 4);
        case "h":
          return pad(twelveHour ? hour12 : p.hour, Math.min(n, 2));
        case "s":
          return pad(p.second, Math.min(n, 2));
        default: // am/pm, a/p
          if (t.text === "a/p") return p.hour < 12 ? "a" : "p";
          return p.hour < 12 ? "AM" : "PM";
      }
    })
    .join("");
}

function automaticDatePattern(p: ZoneParts, locale: string): string {
  const hasTime = p.hour !== 0 || p.minute !== 0 || p.second !== 0;
  const date = locale === "en_US" ? "m/d/yyyy" : "dd/mm/yyyy";
  return hasTime ? `${date} hh:mm:ss` : date;
}

export type Stored = string | number | boolean | Date;

/** What Range.getDisplayValues shows for a stored value under a number format. */
export function displayValue(value: Stored, format: string, tz: string, locale: string): string {
  if (value === "") return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") return value;
  const kind = formatKind(format);
  if (typeof value === "number") {
    switch (kind) {
      case "text": return String(value);
      case "automatic": return automaticNumber(value);
      case "zeros": return zerosNumber(value, format);
      case "date": return formatSheetsDate(serialToParts(value), format, locale);
    }
  }
  const parts = zoneParts(value, tz);
  switch (kind) {
    case "date": return formatSheetsDate(parts, format, locale);
    case "zeros": return zerosNumber(dateToSerial(value, tz), format);
    default: return formatSheetsDate(parts, automaticDatePattern(parts, locale), locale);
  }
}
