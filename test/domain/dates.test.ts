/** Section 3 "Recognised date texts" and "Dates are calendar dates in Asia/Jakarta". */
import { execFileSync } from "node:child_process";
import { resolve } from "node:path";
import {
  addDays, addMonthsClamped, formatLongDate, jakartaParts, parseDateText, parseDateTimeText, readDateCell, todayInJakarta,
} from "../../src/domain/dates";
import { checkOne, codes, eligibleFields, only, PEOPLE } from "./helpers";

const MONTHS: [number, string[]][] = [
  [1, ["Januari", "Jan"]],
  [2, ["Februari", "Feb"]],
  [3, ["Maret", "Mar"]],
  [4, ["April", "Apr"]],
  [5, ["Mei"]],
  [6, ["Juni", "Jun"]],
  [7, ["Juli", "Jul"]],
  [8, ["Agustus", "Agu", "Agt", "Ags"]],
  [9, ["September", "Sep", "Sept"]],
  [10, ["Oktober", "Okt"]],
  [11, ["November", "Nov"]],
  [12, ["Desember", "Des"]],
];
const ABBREVIATIONS = new Set(["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Agt", "Ags", "Sep", "Sept", "Okt", "Nov", "Des"]);

describe("parseDateText: recognised forms", () => {
  test.each([
    ["2026-01-31", "2026-01-31"],
    ["2024-02-29", "2024-02-29"],
    ["31/01/2026", "2026-01-31"],
    ["31/1/2026", "2026-01-31"],
    ["1/1/2026", "2026-01-01"],
    ["01/01/26", "2026-01-01"],
    ["5/3/26", "2026-03-05"],
    ["31-1-2026", "2026-01-31"],
    ["31-01-2026", "2026-01-31"],
    ["31-01-26", "2026-01-31"],
    ["31.01.26", "2026-01-31"],
    ["31.01.2026", "2026-01-31"],
    ["1.2.2026", "2026-02-01"],
    ["31 Januari 2026", "2026-01-31"],
    ["31 Jan. 2026", "2026-01-31"],
    ["  31/01/2026  ", "2026-01-31"],
    ["\t2026-01-31 ", "2026-01-31"],
  ])("%j → %s", (text, iso) => {
    expect(parseDateText(text)).toBe(iso);
  });

  test("day comes before month", () => {
    expect(parseDateText("02/03/2026")).toBe("2026-03-02");
    expect(parseDateText("12-11-2026")).toBe("2026-11-12");
    expect(parseDateText("13/12/2025")).toBe("2025-12-13");
    expect(parseDateText("12/13/2025")).toBeNull();
  });

  test("a two-digit year is 20YY", () => {
    expect(parseDateText("31/12/99")).toBe("2099-12-31");
    expect(parseDateText("01.01.00")).toBe("2000-01-01");
    expect(parseDateText("15-08-45")).toBe("2045-08-15");
  });

  const monthCases = MONTHS.flatMap(([m, names]) => names.map((name) => [name, m] as const));
  test.each(monthCases)("month name %s is month %i, in any case", (name, m) => {
    const iso = `2026-${String(m).padStart(2, "0")}-15`;
    expect(parseDateText(`15 ${name} 2026`)).toBe(iso);
    expect(parseDateText(`15 ${name.toUpperCase()} 2026`)).toBe(iso);
    expect(parseDateText(`15 ${name.toLowerCase()} 2026`)).toBe(iso);
    expect(parseDateText(`  5 ${name} 2026 `)).toBe(iso.replace(/15$/, "05"));
  });

  test.each(monthCases.filter(([name]) => ABBREVIATIONS.has(name)))("abbreviation %s takes an optional dot", (name, m) => {
    expect(parseDateText(`1 ${name}. 2026`)).toBe(`2026-${String(m).padStart(2, "0")}-01`);
    expect(parseDateText(`1 ${name.toLowerCase()}. 2026`)).toBe(`2026-${String(m).padStart(2, "0")}-01`);
  });

  test("no dot after a full month name", () => {
    expect(parseDateText("1 Januari. 2026")).toBeNull();
    expect(parseDateText("1 Agustus. 2026")).toBeNull();
  });

  test("every full month name gives the right month (whole year)", () => {
    const names = MONTHS.map(([, n]) => n[0]!);
    names.forEach((name, i) => {
      expect(parseDateText(`28 ${name} 2025`)).toBe(`2025-${String(i + 1).padStart(2, "0")}-28`);
    });
  });
});

describe("parseDateText: rejected texts", () => {
  test.each([
    ["31/01-2026", "mixed separators"],
    ["31.01/2026", "mixed separators"],
    ["31-01.26", "mixed separators"],
    ["31/01.2026", "mixed separators"],
    ["2026/01/31", "year first with slashes is not a listed form"],
    ["31/01/202", "three-digit year"],
    ["31/01/02026", "five-digit year"],
    ["311/01/2026", "three-digit day"],
    ["31 Janu 2026", "unknown abbreviation"],
    ["31 Juli2026", "no space"],
    ["31/01/2026 25:00", "hour 25"],
    ["kemarin", "free text"],
    ["", "blank"],
    ["31", "day only"],
    ["01/2026", "no day"],
  ])("%j (%s)", (text) => {
    expect(parseDateText(text)).toBeNull();
  });

  test.each([
    "31/02/2026", "30/02/2024", "29/02/2025", "2025-02-29", "31/04/2026", "31 April 2026", "31 Jun 2026",
    "30 Februari 2026", "00/01/2026", "32/01/2026", "15/13/2026", "15/00/2026", "2026-13-01", "2026-00-10", "29.02.25",
  ])("%s is not a calendar date", (text) => {
    expect(parseDateText(text)).toBeNull();
  });

  test("29 February only in a leap year", () => {
    expect(parseDateText("29/02/2024")).toBe("2024-02-29");
    expect(parseDateText("29/02/2025")).toBeNull();
    expect(parseDateText("29 Feb 2000")).toBe("2000-02-29");
    expect(parseDateText("29 Feb 1900")).toBeNull();
    expect(parseDateText("29.02.28")).toBe("2028-02-29");
  });
});

describe("parseDateTimeText (Berkas Lengkap Pada)", () => {
  test.each([
    ["31/01/2026 09:15", "2026-01-31", 555],
    ["31/01/2026 09.15", "2026-01-31", 555],
    ["2026-01-31 23:59", "2026-01-31", 1439],
    ["31 Januari 2026 07:05", "2026-01-31", 425],
    ["31 Jan. 2026 00:00", "2026-01-31", 0],
    ["31.01.26 09.15", "2026-01-31", 555],
    ["31-1-2026 13:30", "2026-01-31", 810],
    ["  31/01/2026 09:15  ", "2026-01-31", 555],
    ["31/01/2026 09:15:00", "2026-01-31", 555],
  ])("%j → %s, %i minutes", (text, date, minutes) => {
    expect(parseDateTimeText(text)).toEqual({ date, minutes });
  });

  test("a date without time is still a date-time cell", () => {
    expect(parseDateTimeText("31/01/2026")).toEqual({ date: "2026-01-31", minutes: null });
    expect(parseDateTimeText("31 Agt 2026")).toEqual({ date: "2026-08-31", minutes: null });
  });

  test.each(["31/01/2026 24:00", "31/01/2026 09:60", "31/01/2026 09-15", "09:15", "31/02/2026 09:15", "31/01-2026 09:15", "31/01/2026 9"])(
    "%j is rejected",
    (text) => {
      expect(parseDateTimeText(text)).toBeNull();
    },
  );
});

describe("readDateCell", () => {
  test("blank cells", () => {
    for (const c of ["", "   ", null, undefined]) expect(readDateCell(c)).toEqual({ kind: "blank" });
  });

  test("a Date value is read as its Asia/Jakarta calendar date", () => {
    const d = new Date("2026-01-31T17:30:00Z"); // 00:30 on 1 February in Jakarta
    expect(readDateCell(d)).toMatchObject({ kind: "ok", date: "2026-02-01" });
    expect(readDateCell(new Date("2026-01-31T16:59:59Z"))).toMatchObject({ kind: "ok", date: "2026-01-31" });
    // midnight in Jakarta, as Sheets returns a date cell of a Jakarta spreadsheet
    expect(readDateCell(new Date("2026-08-09T17:00:00Z"))).toMatchObject({ kind: "ok", date: "2026-08-10" });
  });

  test("a Date value in a date-time cell also gives the Jakarta time", () => {
    expect(readDateCell(new Date("2026-01-31T17:30:00Z"), true)).toEqual({ kind: "ok", date: "2026-02-01", minutes: 30 });
    expect(readDateCell(new Date("2026-11-20T02:15:00Z"), true)).toEqual({ kind: "ok", date: "2026-11-20", minutes: 555 });
  });

  // "Dates are calendar dates in Asia/Jakarta": Jakarta was UTC+7:30 from 1950 to 1964 (tz database).
  // A birth date of 5 July 1962 typed into a Jakarta spreadsheet comes back as midnight WIB+7:30.
  test("a Date value before 1964 is read with Jakarta's offset of that time", () => {
    const midnight1962 = new Date("1962-07-04T16:30:00Z");
    const viaIntl = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Jakarta" }).format(midnight1962);
    expect(viaIntl).toBe("1962-07-05");
    expect(readDateCell(midnight1962)).toMatchObject({ kind: "ok", date: "1962-07-05" });
  });

  test("a Tanggal Lahir Date of an elderly applicant matches the NIK (no false mismatch)", () => {
    // Slamet Riyadi, born 5 July 1962 (NIK 330301 050762 0044); the cell holds midnight WIB of that day.
    const r = checkOne(eligibleFields("purbalingga", { birthDate: new Date("1962-07-04T16:30:00Z") }), "purbalingga");
    expect(codes(r)).toEqual([]);
  });

  test("invalid Date values, numbers and booleans are not dates", () => {
    expect(readDateCell(new Date(Number.NaN))).toEqual({ kind: "invalid" });
    expect(readDateCell(46052)).toEqual({ kind: "invalid" });
    expect(readDateCell(true)).toEqual({ kind: "invalid" });
    expect(readDateCell("31/02/2026")).toEqual({ kind: "invalid" });
  });

  test("a time is kept only for the date-time column (revised section 3)", () => {
    expect(readDateCell("31/01/2026 09:15")).toEqual({ kind: "ok", date: "2026-01-31", minutes: null });
    expect(readDateCell("31/01/2026 09:15", true)).toEqual({ kind: "ok", date: "2026-01-31", minutes: 555 });
    expect(readDateCell("31/01/2026", false)).toEqual({ kind: "ok", date: "2026-01-31", minutes: null });
  });
});

describe("date arithmetic and formatting", () => {
  test("addMonthsClamped clamps to the month's end", () => {
    expect(addMonthsClamped("2025-08-31", 6)).toBe("2026-02-28");
    expect(addMonthsClamped("2023-08-31", 6)).toBe("2024-02-29");
    expect(addMonthsClamped("2026-03-31", 6)).toBe("2026-09-30");
    expect(addMonthsClamped("2026-07-15", 6)).toBe("2027-01-15");
    expect(addMonthsClamped("2026-05-20", 6)).toBe("2026-11-20");
    expect(addMonthsClamped("2026-12-31", 2)).toBe("2027-02-28");
  });

  test("addDays crosses month and year ends", () => {
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(addDays("2024-03-01", -1)).toBe("2024-02-29");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2026-11-24", 0)).toBe("2026-11-24");
  });

  test("today in Jakarta", () => {
    expect(todayInJakarta(new Date("2026-11-23T17:00:00Z"))).toBe("2026-11-24");
    expect(todayInJakarta(new Date("2026-11-23T16:59:59Z"))).toBe("2026-11-23");
    expect(jakartaParts(new Date("2026-11-24T02:15:00Z"))).toEqual({ date: "2026-11-24", minutes: 555 });
  });

  test("long Indonesian dates", () => {
    expect(formatLongDate("2026-11-24")).toBe("24 November 2026");
    expect(formatLongDate("2026-01-05")).toBe("5 Januari 2026");
    expect(formatLongDate("2026-08-17")).toBe("17 Agustus 2026");
  });
});

describe("date findings in a row", () => {
  test.each([
    ["applicationDate", "32/01/2026"],
    ["applicationDate", "kemarin"],
    ["applicationDate", 46000],
    ["applicationDate", true],
    ["applicationDate", new Date(Number.NaN)],
    ["deactivationDate", "2026/08/10"],
    ["deactivationDate", "10/08-2026"],
    ["birthDate", "15-03/1985"],
    ["birthDate", "31/02/1985"],
    ["completeAt", "20/11/2026 25:00"],
    ["completeAt", "besok pagi"],
  ] as const)("%s = %j gives DATE_INVALID on that field", (key, value) => {
    const r = checkOne(eligibleFields("nasional-2026", { [key]: value }));
    const f = only(r, "DATE_INVALID");
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: "error", field: key });
    expect(r.decision).toBe("INVALID");
  });

  test("a time in a plain date column is ignored; an impossible time is DATE_INVALID", () => {
    expect(only(checkOne(eligibleFields("nasional-2026", { applicationDate: "20/11/2026 09:15" })), "DATE_INVALID")).toEqual([]);
    const r = checkOne(eligibleFields("nasional-2026", { applicationDate: "20/11/2026 25:00" }));
    expect(only(r, "DATE_INVALID")).toEqual([expect.objectContaining({ field: "applicationDate" })]);
  });

  test("Date objects are accepted in every date column", () => {
    const r = checkOne(eligibleFields("nasional-2026", {
      applicationDate: new Date("2026-11-19T17:00:00Z"),
      deactivationDate: new Date("2026-08-09T17:00:00Z"),
      birthDate: new Date("1985-03-14T17:00:00Z"),
      completeAt: new Date("2026-11-20T02:15:00Z"),
    }));
    expect(codes(r)).toEqual([]);
    expect(r.decision).toBe("ELIGIBLE");
    expect(r.deadline).toBe("2027-02-10");
    expect(r.request.completeAt).toEqual({ date: "2026-11-20", minutes: 555 });
  });

  test.each(["applicationDate", "deactivationDate", "birthDate"] as const)("%s after today gives DATE_IN_FUTURE", (key) => {
    const r = checkOne(eligibleFields("nasional-2026", { [key]: "25/11/2026" }));
    const f = only(r, "DATE_IN_FUTURE");
    expect(f).toEqual([expect.objectContaining({ severity: "error", field: key })]);
  });

  test("today itself is not in the future", () => {
    const r = checkOne(eligibleFields("nasional-2026", { applicationDate: "24/11/2026", completeAt: "24/11/2026 08:00" }));
    expect(codes(r)).toEqual([]);
  });

  test("a Date value just after midnight Jakarta tomorrow is in the future", () => {
    const r = checkOne(eligibleFields("nasional-2026", { applicationDate: new Date("2026-11-24T17:00:00Z") }));
    expect(only(r, "DATE_IN_FUTURE")).toEqual([expect.objectContaining({ field: "applicationDate" })]);
    const ok = checkOne(eligibleFields("nasional-2026", { applicationDate: new Date("2026-11-24T16:59:00Z") }));
    expect(codes(ok)).toEqual([]);
  });

  test("Berkas Lengkap Pada in the future is not DATE_IN_FUTURE (not one of the three listed dates)", () => {
    const r = checkOne(eligibleFields("nasional-2026", { completeAt: "30/11/2026 09:15" }));
    expect(codes(r)).toEqual([]);
  });

  test("DATE_ORDER: SK date after the application date", () => {
    const r = checkOne(eligibleFields("nasional-2026", { deactivationDate: "21/11/2026", applicationDate: "20/11/2026" }));
    expect(codes(r)).toEqual(["DATE_ORDER"]);
    expect(only(r, "DATE_ORDER")[0]).toMatchObject({ severity: "error", field: "deactivationDate" });
    expect(r.decision).toBe("INVALID");
  });

  test("DATE_ORDER: same day is fine", () => {
    const r = checkOne(eligibleFields("nasional-2026", { deactivationDate: "20/11/2026", applicationDate: "20 Nov 2026" }));
    expect(codes(r)).toEqual([]);
  });

  test("DATE_ORDER compares only valid dates that are not in the future", () => {
    // application in the future, SK after it: only DATE_IN_FUTURE
    let r = checkOne(eligibleFields("nasional-2026", { applicationDate: "25/11/2026", deactivationDate: "30/11/2026" }));
    expect(codes(r)).toEqual(["DATE_IN_FUTURE", "DATE_IN_FUTURE"]);
    // SK in the future (after the application): DATE_IN_FUTURE, no DATE_ORDER
    r = checkOne(eligibleFields("nasional-2026", { applicationDate: "20/11/2026", deactivationDate: "01/12/2026" }));
    expect(codes(r)).toEqual(["DATE_IN_FUTURE"]);
    // application invalid
    r = checkOne(eligibleFields("nasional-2026", { applicationDate: "20/13/2026", deactivationDate: "21/11/2026" }));
    expect(codes(r)).toEqual(["DATE_INVALID"]);
  });

  // "DATE_IN_FUTURE: ... after today": a Date value five digits long in the year (a typo such as 12026) is after today.
  test("a Date value in year 12026 is in the future", () => {
    const r = checkOne(eligibleFields("nasional-2026", { applicationDate: new Date(Date.UTC(12026, 10, 20) - 7 * 3_600_000) }));
    expect(only(r, "DATE_IN_FUTURE")).toEqual([expect.objectContaining({ field: "applicationDate" })]);
  });

  test("a Date value before year 1 never yields a malformed date or deadline", () => {
    const bc = new Date("-000001-12-31T16:59:59.999Z");
    const r = checkOne(eligibleFields("nasional-2026", { deactivationDate: bc }));
    const iso = /^\d{4}-\d{2}-\d{2}$/;
    if (r.decision !== "INVALID") expect(r.deadline).toMatch(iso);
    if (r.request.deactivationDate !== null) expect(r.request.deactivationDate).toMatch(iso);
  });

  test("Tanggal Lahir is optional", () => {
    const r = checkOne(eligibleFields("nasional-2026", { birthDate: "" }));
    expect(codes(r)).toEqual([]);
  });

  test("mismatch warnings compare only valid, non-future birth dates", () => {
    const future = checkOne(eligibleFields("nasional-2026", { birthDate: "15/03/2027" }));
    expect(codes(future)).toEqual(["DATE_IN_FUTURE"]);
    const invalid = checkOne(eligibleFields("nasional-2026", { birthDate: "31/02/1985" }));
    expect(codes(invalid)).toEqual(["DATE_INVALID"]);
    expect(PEOPLE.bandung.birthDate).toBe("15/03/1985");
  });
});

describe("no dependence on the machine's time zone", () => {
  const LOCAL_GETTERS = [
    "getFullYear", "getMonth", "getDate", "getDay", "getHours", "getMinutes", "getSeconds", "getTimezoneOffset",
    "setFullYear", "setMonth", "setDate", "setHours", "toLocaleDateString", "toLocaleString", "toDateString",
  ] as const;

  test("the rules never call Date's local-time methods", () => {
    const proto = Date.prototype as unknown as Record<string, unknown>;
    const saved = new Map(LOCAL_GETTERS.map((name) => [name, proto[name]]));
    const called: string[] = [];
    for (const name of LOCAL_GETTERS) {
      proto[name] = function () {
        called.push(name);
        throw new Error(`local-time method ${name} used`);
      };
    }
    try {
      expect(readDateCell(new Date("2026-01-31T17:30:00Z"))).toMatchObject({ date: "2026-02-01" });
      expect(readDateCell(new Date("2026-01-31T17:30:00Z"), true)).toMatchObject({ date: "2026-02-01", minutes: 30 });
      expect(todayInJakarta(new Date("2026-11-23T17:00:00Z"))).toBe("2026-11-24");
      expect(addMonthsClamped("2025-08-31", 6)).toBe("2026-02-28");
      expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
      const r = checkOne(eligibleFields("minsel", {
        applicationDate: new Date("2026-11-19T17:00:00Z"),
        deactivationDate: new Date("2026-05-19T17:00:00Z"),
        completeAt: new Date("2026-11-20T02:15:00Z"),
        birthDate: "",
      }), "minsel");
      expect(r.decision).toBe("NOT_ELIGIBLE");
      expect(r.deadline).toBe("2026-11-19");
    } finally {
      for (const [name, fn] of saved) proto[name] = fn;
    }
    expect(called).toEqual([]);
  });

  // Jest's sandbox does not pass TZ changes to the process, so run the rules in child processes.
  test("the same answers under several machine time zones", () => {
    const root = resolve(__dirname, "../..");
    const script = `
      const d = require("./src/domain/dates.ts");
      const { checkTable } = require("./src/domain/check.ts");
      const { findProfile } = require("./src/domain/profiles.ts");
      const headers = ["Tanggal Permohonan", "Nama", "NIK", "Nomor KK", "Tanggal SK Penonaktifan", "Tanggal Lahir", "Status DTSEN/DTKS", "Dok. KTP", "Dok. KK"];
      const row = [new Date("2026-11-19T17:00:00Z"), "Maria Wowor", "7105074212900101", "7105071511120004",
        new Date("2026-05-19T17:00:00Z"), new Date("1990-12-01T17:00:00Z"), "Terdaftar", true, true];
      const r = checkTable(headers, [row], findProfile("minsel"), "2026-11-24").results[0];
      console.log(JSON.stringify({
        a: d.readDateCell(new Date("2026-01-31T17:30:00Z"), true),
        b: d.todayInJakarta(new Date("2026-11-23T17:00:00Z")),
        c: d.parseDateText("31 Agt. 2026"),
        decision: r.decision, reasons: r.reasons, deadline: r.deadline, findings: r.findings.map((f) => f.code),
      }));
    `;
    const outputs = ["UTC", "America/Los_Angeles", "Pacific/Kiritimati", "Asia/Jakarta", "Pacific/Chatham"].map((tz) =>
      execFileSync(process.execPath, ["--import", "tsx", "-e", script], {
        cwd: root,
        env: { ...process.env, TZ: tz },
        encoding: "utf8",
        timeout: 60_000,
      }).trim(),
    );
    const expected = {
      a: { kind: "ok", date: "2026-02-01", minutes: 30 },
      b: "2026-11-24",
      c: "2026-08-31",
      decision: "NOT_ELIGIBLE",
      reasons: ["DEACTIVATION_TOO_OLD"],
      deadline: "2026-11-19",
      findings: [],
    };
    for (const out of outputs) expect(JSON.parse(out)).toEqual(expected);
  });
});
