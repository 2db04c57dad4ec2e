/**
 * The revised sections 2–4 (issue 13): values offices type, separators, date texts, the NIK's
 * century, VALUE_UNKNOWN severity by profile, header names in messages, duplicate columns,
 * the reason table and its advice. Expected values are written from the spec.
 */
import fc from "fast-check";
import { checkTable } from "../../src/domain/check";
import {
  addDays, centuryYear, dayNumber, daysInMonth, formatLongDate, formatShortDate, isLeapYear, isRealDate, parseDateParts,
  parseDateText, parseDateTimeText, readDateCell,
} from "../../src/domain/dates";
import { decide, type Eligibility, reactivationDeadline, REASONS, reasonRule, type ReasonCode, reasonText } from "../../src/domain/eligibility";
import { analyseNik, isAllDigits, isDigits, maskIdentity, nikBirth, normalisePhone, readNumberCell } from "../../src/domain/identity";
import { readBool, readEnum } from "../../src/domain/values";
import type { RequestRow } from "../../src/domain/rowcheck";
import {
  checkOne, codes, DOC_KEYS, eligibleFields, type Fields, headersFor, type Key, makeNik, nikCodes, only, PEOPLE,
  PROFILE_IDS, profile, rawNik, SPEC_HEADERS, SPEC_REASONS, TODAY, toCells,
} from "./helpers";

const run = (id: string, overrides: Fields = {}) => checkOne(eligibleFields(id, overrides), id);

describe("booleans offices type (section 2)", () => {
  test.each([
    ["BENAR", true], ["benar", true], ["Ada", true], ["Sudah", true], ["SUDAH", true],
    ["SALAH", false], ["Salah", false], ["Tidak Ada", false], ["tidak-ada", false], ["Belum", false],
    ["\u00a0Ya\u00a0", true], ["\tTidak\t", false], ["Tidak\u00a0Ada", false],
  ])("%j in a required document column", (value, ticked) => {
    const r = run("nasional-2026", { docKtp: value });
    expect(codes(r)).toEqual([]);
    expect(r.decision).toBe(ticked ? "ELIGIBLE" : "INCOMPLETE");
  });

  test("Pernah Direaktivasi = Sudah is ALREADY_REACTIVATED under minsel; Belum is not", () => {
    expect(run("minsel", { reactivatedBefore: "Sudah" }).reasons).toEqual(["ALREADY_REACTIVATED"]);
    expect(run("minsel", { reactivatedBefore: "Belum" }).decision).toBe("ELIGIBLE");
  });
});

describe("enumerations match without spaces, dots, hyphens, slashes, underscores (section 2)", () => {
  test.each(["Reaktivasi PBI JK", "reaktivasi pbi-jk", "Reaktivasi PBI-JK", "REAKTIVASI_PBI_JK", "Reaktivasi PBI/JK", "Reaktivasi\u00a0P.B.I.\tJK"])(
    "Layanan %j is the reactivation service", (v) => {
      expect(codes(run("bandung", { service: v }))).toEqual([]);
      expect(codes(run("pangkalpinang-bantuan-kesehatan", { service: v }))).toEqual(["SERVICE_NOT_OFFERED"]);
    },
  );

  test.each([
    ["DTKS", "Terdaftar"], ["DTSEN", "Terdaftar"], ["Terdaftar DTKS", "Terdaftar"], ["terdaftar dtsen", "Terdaftar"],
    ["Non DTKS", "Tidak Terdaftar"], ["NON-DTSEN", "Tidak Terdaftar"], ["Tidak Terdaftar DTKS", "Tidak Terdaftar"],
    ["tidak terdaftar DTSEN", "Tidak Terdaftar"], ["Belum dicek", "Belum Dicek"],
  ])("Status DTSEN/DTKS %j = %s", (typed, meaning) => {
    const r = run("minsel", { registryStatus: typed });
    expect(codes(r)).toEqual([]);
    expect(r.request.registryStatus).toBe(meaning);
    const reasons = { Terdaftar: [], "Tidak Terdaftar": ["NOT_IN_SOCIAL_REGISTRY"], "Belum Dicek": ["REGISTRY_NOT_CHECKED"] }[meaning];
    expect(r.reasons).toEqual(reasons);
  });

  test("Lk / Pr are L / P (so they are compared with the NIK)", () => {
    expect(codes(run("bandung", { sex: "Pr" }))).toEqual([]);
    expect(codes(run("bandung", { sex: "Lk" }))).toEqual(["NIK_SEX_MISMATCH"]);
    expect(codes(run("pangkalpinang-reaktivasi", { sex: "LK" }))).toEqual([]);
  });

  test.each(["-", " - ", "--", ".", "_", "/"])("%j in an enumeration is blank and reads as its default", (v) => {
    const r = run("bandung", { registryStatus: v, bpjsConfirmation: v, service: v, sex: v });
    expect(codes(r)).toEqual([]);
    expect(r.request.registryStatus).toBe("Belum Dicek");
    expect(r.request.service).toBe("reactivation");
    expect(r.reasons).toEqual(["REGISTRY_NOT_CHECKED", "BPJS_NOT_CONFIRMED"]);
  });

  test("Kebutuhan Layanan Kesehatan and Verifikasi Fasilitator also ignore punctuation", () => {
    expect(readEnum("healthNeed", "penyakit-kronis")).toEqual({ kind: "ok", value: "Penyakit Kronis" });
    expect(readEnum("healthNeed", "Bayi dari Ibu P.B.I.")).toEqual({ kind: "ok", value: "Bayi dari Ibu PBI" });
    expect(readEnum("facilitatorResult", "TIDAK_LAYAK")).toEqual({ kind: "ok", value: "Tidak Layak" });
    expect(readEnum("bpjsConfirmation", "tidak dapat di-reaktivasi")).toEqual({ kind: "ok", value: "Tidak Dapat Direaktivasi" });
  });

  test("Layanan: the other service is SERVICE_NOT_OFFERED, any other text VALUE_UNKNOWN (an error everywhere)", () => {
    for (const id of PROFILE_IDS) {
      const other = id === "pangkalpinang-bantuan-kesehatan" ? "reaktivasi pbi jk" : "Bantuan-Pembiayaan Kesehatan";
      expect(run(id, { service: other }).findings).toEqual([expect.objectContaining({ code: "SERVICE_NOT_OFFERED", severity: "error", field: "service" })]);
      const unknown = only(run(id, { service: "Reaktivasi KIS" }), "VALUE_UNKNOWN");
      expect(unknown).toEqual([expect.objectContaining({ severity: "error", field: "service" })]);
    }
  });
});

describe("VALUE_UNKNOWN: an error only where the profile's rules read the column (section 3)", () => {
  // Written from the section 3 table and the section 5 profile table, not from the code.
  const READ: Record<string, Key[]> = {
    "nasional-2026": ["service", "registryStatus", "docKtp", "docKk", "docHealthFacility", "healthNeed"],
    "pangkalpinang-reaktivasi": ["service", "registryStatus", "docKtp", "docKk", "docSktm", "facilitatorResult"],
    "pangkalpinang-bantuan-kesehatan": ["service", "registryStatus", "docKtp", "docKk", "docSktm", "facilitatorResult", "urgent"],
    minsel: ["service", "registryStatus", "docKtp", "docKk", "reactivatedBefore"],
    bandung: ["service", "registryStatus", "docKk", "docKtp", "docCard", "docRegistry", "bpjsConfirmation"],
    purbalingga: ["service", "registryStatus", "docKtp", "docKk", "docCard", "docBpjsStatus", "docHealthFacility"],
  };
  const ENUM_OR_BOOL: Key[] = [
    "sex", "registryStatus", "healthNeed", "bpjsConfirmation", "facilitatorResult", "reactivatedBefore", "urgent", ...DOC_KEYS,
  ];
  const cases = PROFILE_IDS.flatMap((id) => ENUM_OR_BOOL.map((key) => [id, key] as const));

  test.each(cases)("%s: unknown text in %s", (id, key) => {
    const r = run(id, { [key]: "Mungkin" });
    const error = READ[id]!.includes(key);
    expect(only(r, "VALUE_UNKNOWN")).toEqual([expect.objectContaining({ severity: error ? "error" : "warning", field: key })]);
    expect(codes(r)).toEqual(["VALUE_UNKNOWN"]);
    expect(r.findings[0]!.message.includes("tidak memakai kolom ini")).toBe(!error);
    if (error) expect(r.decision).toBe("INVALID");
    else expect(r.decision).toBe(run(id).decision); // the warning does not block; the value reads as its default
  });

  test("a warned value reads as its default: an unknown Jenis Kelamin is not compared with the NIK", () => {
    const r = run("bandung", { sex: "Pria" });
    expect(codes(r)).toEqual(["VALUE_UNKNOWN"]);
    expect(r.findings[0]!.message).toContain('"Jenis Kelamin"');
    expect(r.findings[0]!.message).toContain("L, P");
  });

  test("an unknown document the profile does not require reads as not ticked, without changing the decision", () => {
    const r = run("minsel", { docSktm: "Lengkap", docHealthFacility: "ok" });
    expect(r.findings.map((f) => `${f.code}:${f.severity}:${f.field}`).sort()).toEqual([
      "VALUE_UNKNOWN:warning:docHealthFacility", "VALUE_UNKNOWN:warning:docSktm",
    ]);
    expect(r.decision).toBe("ELIGIBLE");
    expect(r.request.documents.docSktm).toBe(false);
  });

  test("a warned value reads as its default: Konfirmasi BPJS outside bandung", () => {
    const r = run("nasional-2026", { bpjsConfirmation: "Sudah Dikonfirmasi" });
    expect(r.request.bpjsConfirmation).toBe("Belum");
    expect(r.decision).toBe("ELIGIBLE");
  });
});

describe("NIK, KK and card separators (section 3)", () => {
  const nik = PEOPLE.bandung.nik;
  const dashed = `${nik.slice(0, 4)}-${nik.slice(4, 8)}-${nik.slice(8, 12)}-${nik.slice(12)}`;
  test.each([
    ["hyphens", dashed],
    ["dots", dashed.replace(/-/g, ".")],
    ["mixed", `${nik.slice(0, 6)}.${nik.slice(6, 12)} ${nik.slice(12)}`],
    ["a leading apostrophe", `'${nik}`],
    ["an apostrophe after spaces", `  '${nik}`],
    ["non-breaking spaces and tabs", `${nik.slice(0, 8)}\u00a0${nik.slice(8)}\t`],
  ])("NIK with %s is read", (_label, cell) => {
    const r = run("bandung", { nik: cell });
    expect(codes(r)).toEqual([]);
    expect(r.request.nik).toBe(nik);
  });

  test.each([
    ["two apostrophes", `''${nik}`],
    ["an apostrophe inside", `${nik.slice(0, 8)}'${nik.slice(8)}`],
    ["a trailing apostrophe", `${nik}'`],
    ["a slash", `${nik.slice(0, 8)}/${nik.slice(8)}`],
    ["an underscore", `${nik.slice(0, 8)}_${nik.slice(8)}`],
    ["a comma", `${nik.slice(0, 8)},${nik.slice(8)}`],
  ])("NIK with %s is NIK_FORMAT", (_label, cell) => {
    const r = run("bandung", { nik: cell });
    expect(nikCodes(r)).toEqual(["NIK_FORMAT"]);
  });

  test.each(["-", "'", " - ", "'-", "...", "--"])("NIK %j is blank: REQUIRED_MISSING, not NIK_FORMAT", (cell) => {
    const r = run("bandung", { nik: cell });
    expect(codes(r)).toEqual(["REQUIRED_MISSING"]);
    expect(r.findings[0]!.field).toBe("nik");
  });

  test("KK: the same separators; blank after them is REQUIRED_MISSING", () => {
    expect(codes(run("bandung", { kk: "'3273-0212.0310 0007" }))).toEqual([]);
    expect(codes(run("bandung", { kk: "-" }))).toEqual(["REQUIRED_MISSING"]);
    expect(codes(run("bandung", { kk: "'" + PEOPLE.bandung.nik }))).toEqual(["KK_EQUALS_NIK"]);
  });

  test("card: the same separators; a lone hyphen is blank (optional)", () => {
    expect(codes(run("bandung", { cardNumber: "'0001-2345.67890" }))).toEqual([]);
    expect(codes(run("bandung", { cardNumber: "-" }))).toEqual([]);
  });

  test.each([
    ["3.27301E+15"], ["3,27301E+15"], ["'3.27301E+15"], [" 3.27302e15 "], ["3E+15"], ["3.27301E15"], ["-3.2E+15"],
  ])("scientific notation %j is recognised before dots go: NIK_PRECISION_LOST, KK_FORMAT", (cell) => {
    const r = run("bandung", { nik: cell, kk: cell });
    expect(r.findings.map((f) => f.code).sort()).toEqual(["KK_FORMAT", "NIK_PRECISION_LOST"]);
    expect(only(r, "KK_FORMAT")[0]!.message).toContain("Teks");
    expect(only(r, "NIK_PRECISION_LOST")[0]!.message).toContain("Teks");
  });

  test.each([["x3.27301E+15"], ["3.27301E+15x"], ["3.27301E+"], ["E+15"], ["3.27301F+15"], ["3..2E+15"]])(
    "%j is not a whole scientific number: NIK_FORMAT", (cell) => {
      expect(nikCodes(run("bandung", { nik: cell }))).toEqual(["NIK_FORMAT"]);
    },
  );

  test("a number cell of 16 digits lost its last digit (spreadsheets keep 15); 15 digits is just too short", () => {
    expect(nikCodes(run("bandung", { nik: 3273025503850003 }))).toEqual(["NIK_PRECISION_LOST"]);
    expect(nikCodes(run("bandung", { nik: 1000000000000000 }))).toEqual(["NIK_PRECISION_LOST"]);
    expect(nikCodes(run("bandung", { nik: 999999999999999 }))).toEqual(["NIK_FORMAT"]);
    expect(codes(run("bandung", { kk: 3273021203100007 }))).toEqual(["KK_FORMAT"]);
    expect(codes(run("bandung", { cardNumber: 1234567890123 }))).toEqual([]);
    expect(codes(run("bandung", { cardNumber: 1234567890 }))).toEqual(["CARD_FORMAT"]);
    expect(only(run("bandung", { cardNumber: 1234567890 }), "CARD_FORMAT")[0]!.message).toContain("nol (0) di depan");
  });

  test("readNumberCell never throws; separators-only text is blank", () => {
    fc.assert(fc.property(fc.oneof(fc.string(), fc.double(), fc.integer(), fc.boolean(), fc.constant(null)), (cell) => {
      const r = readNumberCell(cell);
      expect(["blank", "precisionLost", "text"]).toContain(r.kind);
      if (r.kind === "text" && typeof cell === "string") expect(r.text).not.toMatch(/[\s.-]/);
    }));
    fc.assert(fc.property(fc.array(fc.constantFrom(" ", "-", ".", "\u00a0", "\t")), (parts) => {
      expect(readNumberCell(parts.join(""))).toEqual({ kind: "blank" });
      expect(readNumberCell(`'${parts.join("")}`)).toEqual({ kind: "blank" });
    }));
  });

  test("property: a NIK with any letter in it gets a finding (NIK_FORMAT), never a valid NIK", () => {
    fc.assert(fc.property(fc.string({ maxLength: 20 }), fc.constantFrom("a", "O", "l", "é", "E"), fc.nat(16), (s, letter, at) => {
      const cell = nik.slice(0, at) + letter + nik.slice(at) + s; // "…E…" may read as scientific: also a finding
      const r = run("bandung", { nik: cell });
      expect(nikCodes(r).some((c) => c === "NIK_FORMAT" || c === "NIK_PRECISION_LOST")).toBe(true);
      expect(r.request.nik).toBeNull();
    }));
  });
});

describe("NIK century and two-digit birth years (section 3)", () => {
  test("born 1 December 1926 (woman): not born next month", () => {
    const nik = rawNik("327302", "411226", "0001");
    const r = run("bandung", { nik, birthDate: "01/12/1926", sex: "P" });
    expect(codes(r)).toEqual([]);
  });

  test("a NIK date later than today this year is 19YY; today itself is 20YY", () => {
    expect(codes(run("bandung", { nik: rawNik("327302", "251126", "0003"), birthDate: "25/11/1926", sex: "L" }))).toEqual([]);
    expect(codes(run("bandung", { nik: rawNik("327302", "241126", "0003"), birthDate: "24/11/2026", sex: "L" }))).toEqual([]);
    expect(codes(run("bandung", { nik: rawNik("327302", "241126", "0003"), birthDate: "24/11/1926", sex: "L" }))).toEqual([]);
  });

  test("mismatch compares day, month and two-digit year only", () => {
    const nik = makeNik({ birth: "1985-03-15", sex: "P", serial: "0003" });
    expect(codes(run("bandung", { nik, birthDate: "15/03/1885" }))).toEqual([]);
    expect(codes(run("bandung", { nik, birthDate: "15/03/1986" }))).toEqual(["NIK_BIRTHDATE_MISMATCH"]);
    expect(codes(run("bandung", { nik, birthDate: "16/03/1985" }))).toEqual(["NIK_BIRTHDATE_MISMATCH"]);
    expect(codes(run("bandung", { nik, birthDate: "15/04/1985" }))).toEqual(["NIK_BIRTHDATE_MISMATCH"]);
    expect(only(run("bandung", { nik, birthDate: "15/04/1985" }), "NIK_BIRTHDATE_MISMATCH")[0]!.message).toContain('"Tanggal Lahir"');
  });

  test("Tanggal Lahir with a two-digit year: 19YY when 20YY is after today", () => {
    const nik = makeNik({ birth: "1985-03-15", sex: "P", serial: "0003" });
    expect(codes(run("bandung", { nik, birthDate: "15/03/85" }))).toEqual([]);
    expect(readDateCell("25/11/26", false, TODAY)).toEqual({ kind: "ok", date: "1926-11-25", minutes: null });
    expect(readDateCell("24/11/26", false, TODAY)).toEqual({ kind: "ok", date: "2026-11-24", minutes: null });
    expect(readDateCell("15 Mar 85", false, TODAY)).toEqual({ kind: "ok", date: "1985-03-15", minutes: null });
    // every other column: 20YY, so a two-digit year can be in the future
    expect(only(run("bandung", { applicationDate: "20/11/85" }), "DATE_IN_FUTURE")).toHaveLength(1);
    expect(readDateCell("01/01/30")).toEqual({ kind: "ok", date: "2030-01-01", minutes: null });
  });

  test("29 February of a two-digit year follows the chosen century", () => {
    expect(readDateCell("29/02/00", false, TODAY)).toEqual({ kind: "ok", date: "2000-02-29", minutes: null });
    expect(readDateCell("29/02/28", false, TODAY)).toEqual({ kind: "ok", date: "1928-02-29", minutes: null });
    expect(readDateCell("29/02/27", false, TODAY)).toEqual({ kind: "invalid" });
    expect(readDateCell("29/02/28")).toEqual({ kind: "ok", date: "2028-02-29", minutes: null });
    expect(readDateCell("29/02/29")).toEqual({ kind: "invalid" });
  });
});

describe("recognised date texts (section 3, revised)", () => {
  test.each([
    ["06-Mar-26", "2026-03-06"], ["6/Agu/2026", "2026-08-06"], ["31 Jan. 2026", "2026-01-31"], ["31.Jan.2026", "2026-01-31"],
    ["31-Januari-2026", "2026-01-31"], ["31/januari/26", "2026-01-31"], ["2026-1-5", "2026-01-05"], ["5.1.26", "2026-01-05"],
    ["Kamis, 05 Maret 2026", "2026-03-05"], ["Kamis 05 Maret 2026", "2026-03-05"], ["KAMIS,05/03/2026", "2026-03-05"],
    ["Jumat, 6 Maret 2026", "2026-03-06"], ["Jum'at, 6 Maret 2026", "2026-03-06"], ["Jum’at 6 Maret 2026", "2026-03-06"],
    ["Senin, 2026-03-02", "2026-03-02"], ["Selasa 3 Mar 2026", "2026-03-03"], ["Rabu, 4 Mar 2026", "2026-03-04"],
    ["Sabtu, 7 Mar 2026", "2026-03-07"], ["Minggu, 8 Mar 2026", "2026-03-08"],
    ["Thursday, 5 March 2026", "2026-03-05"], ["friday 6 Mar 2026", "2026-03-06"], ["Monday, 2 Mar 2026", "2026-03-02"],
    ["Tuesday 3 Mar 2026", "2026-03-03"], ["Wednesday 4 Mar 2026", "2026-03-04"], ["Saturday 7 Mar 2026", "2026-03-07"],
    ["Sunday 8 Mar 2026", "2026-03-08"],
    ["2026-03-05 00:00:00", "2026-03-05"], ["2026-03-05T10:15", "2026-03-05"], ["2026-03-05T10:15:30", "2026-03-05"],
    ["05/03/2026 10:15", "2026-03-05"], ["05/03/2026 9.05", "2026-03-05"], ["05 Maret 2026 23.59.59", "2026-03-05"],
    ["Kamis, 05 Maret 2026 08:00", "2026-03-05"],
    ["12 Pebruari 2026", "2026-02-12"], ["12 Peb 2026", "2026-02-12"], ["12 Peb. 2026", "2026-02-12"],
    ["3 Nopember 2026", "2026-11-03"], ["3 Nop. 2026", "2026-11-03"], ["5 Agt 2026", "2026-08-05"], ["5 Ags 2026", "2026-08-05"],
    ["5 Sept 2026", "2026-09-05"], ["5 Sep. 2026", "2026-09-05"],
    ["5 January 2026", "2026-01-05"], ["5 February 2026", "2026-02-05"], ["5 March 2026", "2026-03-05"], ["5 May 2026", "2026-05-05"],
    ["5 June 2026", "2026-06-05"], ["5 July 2026", "2026-07-05"], ["5 August 2026", "2026-08-05"], ["5 Aug. 2026", "2026-08-05"],
    ["5 October 2026", "2026-10-05"], ["5 Oct 2026", "2026-10-05"], ["5 December 2025", "2025-12-05"], ["5 Dec. 2025", "2025-12-05"],
    ["5 MEI 2026", "2026-05-05"], ["5 Mei. 2026", "2026-05-05"], ["5 may. 2026", "2026-05-05"],
    ["\u00a031\u00a0Januari\u00a02026\t", "2026-01-31"],
  ])("%j is %s", (text, date) => {
    expect(parseDateText(text)).toBe(date);
    const r = run("nasional-2026", { deactivationDate: text, applicationDate: "20/11/2026" });
    expect(only(r, "DATE_INVALID")).toEqual([]);
    expect(r.request.deactivationDate).toBe(date);
  });

  test.each([
    ["2026-03-05 25:00", "hour 25"], ["2026-03-05 24:00", "hour 24"], ["2026-03-05 10:60", "minute 60"],
    ["2026-03-05 10:15:60", "second 60"], ["05/03/2026 10:1", "one-digit minutes"], ["05/03/2026T10:15", "T after a D/M/Y date"],
    ["2026-03-05 10:15.30", "mixed time separators"], ["05/03/2026 100:15", "three-digit hour"], ["2026-03-0510:15", "no space"],
    ["31 Januari. 2026", "a dot after a full month name"], ["5 Marc 2026", "unknown month"], ["Kamisan, 5 Maret 2026", "not a weekday"],
    ["Kamis", "a weekday only"], ["Kamis, , 5 Maret 2026", "two commas"], ["5 Maret 2026 Kamis", "weekday behind"],
    ["31 Pebruari 2026", "31 February"], ["10:15", "a time only"], ["31/01/2026 09:15 WIB", "a zone"],
  ])("%j is not a date (%s)", (text) => {
    expect(parseDateText(text)).toBeNull();
    expect(parseDateTimeText(text)).toBeNull();
    const r = run("nasional-2026", { deactivationDate: text, completeAt: text });
    expect(only(r, "DATE_INVALID").map((f) => f.field).sort()).toEqual(["completeAt", "deactivationDate"]);
  });

  test("the time is kept for Berkas Lengkap Pada only", () => {
    expect(run("nasional-2026", { completeAt: "Kamis, 19 November 2026 14.30" }).request.completeAt).toEqual({ date: "2026-11-19", minutes: 870 });
    expect(run("nasional-2026", { completeAt: "2026-11-19T08:05:59" }).request.completeAt).toEqual({ date: "2026-11-19", minutes: 485 });
    expect(run("nasional-2026", { completeAt: "19/11/2026 0:00" }).request.completeAt).toEqual({ date: "2026-11-19", minutes: 0 });
    expect(run("nasional-2026", { completeAt: "19/11/2026 23:59" }).request.completeAt).toEqual({ date: "2026-11-19", minutes: 1439 });
    expect(run("nasional-2026", { completeAt: "19/11/2026" }).request.completeAt).toEqual({ date: "2026-11-19", minutes: null });
    expect(readDateCell("2026-03-05 10:15")).toEqual({ kind: "ok", date: "2026-03-05", minutes: null });
    expect(readDateCell("2026-03-05 10:15", true)).toEqual({ kind: "ok", date: "2026-03-05", minutes: 615 });
  });

  test("the weekday is not checked against the date", () => {
    expect(parseDateText("Senin, 05 Maret 2026")).toBe("2026-03-05");
  });

  test("property: no text throws; an unrecognised text is DATE_INVALID in a row", () => {
    fc.assert(fc.property(fc.string({ maxLength: 40 }), (text) => {
      parseDateParts(text);
      const date = parseDateText(text);
      if (date !== null) expect(date).toMatch(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/);
      parseDateTimeText(text);
    }));
    fc.assert(fc.property(fc.string({ maxLength: 20 }), (s) => {
      const text = `x${s}`; // nothing recognised starts with x
      const r = run("nasional-2026", { birthDate: text });
      expect(only(r, "DATE_INVALID").map((f) => f.field)).toEqual(["birthDate"]);
    }));
  });

  test("property: any hour 24–99 or minute 60–99 makes the text DATE_INVALID", () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }), (h, m) => {
      const text = `05/03/2026 ${h}:${String(m).padStart(2, "0")}`;
      const valid = h <= 23 && m <= 59;
      expect(parseDateTimeText(text)).toEqual(valid ? { date: "2026-03-05", minutes: h * 60 + m } : null);
    }));
  });
});

describe("messages name columns by the header the table has (section 2)", () => {
  const aliasHeaders: Partial<Record<Key, string>> = {
    nik: "No KTP", kk: "no. kk", applicationDate: "Tgl Permohonan", deactivationDate: "Tgl SK Nonaktif",
    registryStatus: "STATUS DTKS", phone: "WA", name: "Nama Peserta", sex: "L/P", docKtp: "dok ktp",
  };
  const keys = Object.keys(SPEC_HEADERS) as Key[];
  const headers = keys.map((k) => aliasHeaders[k] ?? SPEC_HEADERS[k]);
  const check = (fields: Fields) => checkTable(headers, [toCells(eligibleFields("nasional-2026", fields), keys)], profile("nasional-2026"), TODAY).results[0]!;

  test.each([
    [{ nik: "123" }, "NIK_FORMAT", '"No KTP"'],
    [{ kk: "123" }, "KK_FORMAT", '"no. kk"'],
    [{ name: "" }, "REQUIRED_MISSING", '"Nama Peserta"'],
    [{ applicationDate: "kemarin" }, "DATE_INVALID", '"Tgl Permohonan"'],
    [{ deactivationDate: "21/11/2026", applicationDate: "20/11/2026" }, "DATE_ORDER", '"Tgl SK Nonaktif" jatuh setelah "Tgl Permohonan"'],
    [{ registryStatus: "Mungkin" }, "VALUE_UNKNOWN", '"STATUS DTKS"'],
    [{ phone: "123" }, "PHONE_FORMAT", '"WA"'],
    [{ sex: "Pria" }, "VALUE_UNKNOWN", '"L/P"'],
    [{ sex: "L" }, "NIK_SEX_MISMATCH", '"L/P" berbeda dengan "No KTP"'],
    [{ docKtp: "Mungkin" }, "VALUE_UNKNOWN", '"dok ktp"'],
    [{ kk: PEOPLE.bandung.nik }, "KK_EQUALS_NIK", '"no. kk" sama dengan "No KTP"'],
  ] as [Fields, string, string][])("%j: %s names %s", (fields, code, text) => {
    const f = check(fields).findings.filter((x) => x.code === code);
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toContain(text);
    expect(f[0]!.message).not.toContain(`"${SPEC_HEADERS[f[0]!.field as Key]}"`);
  });

  test("DUPLICATE_OPEN_REQUEST names the table's NIK and Layanan headers", () => {
    const hs = [...headers.filter((h) => h !== "Layanan"), "Jenis Layanan"];
    const ks = [...keys.filter((k) => k !== "service"), "service" as Key];
    const rows = [eligibleFields("nasional-2026"), eligibleFields("nasional-2026", { id: "B" })].map((f) => toCells(f, ks));
    const r = checkTable(hs, rows, profile("nasional-2026"), TODAY).results[1]!;
    expect(only(r, "DUPLICATE_OPEN_REQUEST")[0]!.message).toContain('"No KTP" dan "Jenis Layanan"');
    expect(only(r, "DUPLICATE_OPEN_REQUEST")[0]!.message).toContain("baris 2");
  });
});

describe("two columns naming one key are a setup problem (section 2)", () => {
  test("No KTP and NIK: both headers and positions are reported", () => {
    const headers = [...headersFor(), "No KTP"];
    const t = checkTable(headers, [], profile("nasional-2026"), TODAY);
    const nikAt = headers.indexOf("NIK");
    expect(t.duplicateColumns).toEqual([{ key: "nik", headers: ["NIK", "No KTP"], positions: [nikAt, headers.length - 1] }]);
  });

  test("headers that differ only in case and punctuation are duplicates too; distinct keys are not", () => {
    expect(checkTable(["Nama", "NIK", "n.i.k"], [], profile("nasional-2026"), TODAY).duplicateColumns).toHaveLength(1);
    expect(checkTable(headersFor(), [], profile("nasional-2026"), TODAY).duplicateColumns).toEqual([]);
    expect(checkTable(["Tgl Lahir", "Tanggal Lahir", "DTKS", "Status DTSEN"], [], profile("nasional-2026"), TODAY).duplicateColumns.map((d) => d.key))
      .toEqual(["birthDate", "registryStatus"]);
  });
});

describe("the reason table (section 4)", () => {
  const row = (o: Partial<RequestRow> = {}): RequestRow => ({
    id: "", service: "reactivation", applicationDate: "2026-11-20", completeAt: null, deactivationDate: "2026-08-10",
    windowStart: "2026-08-10", nik: null, registryStatus: "Terdaftar", decile: 2, healthNeed: "Tidak Ada",
    reactivatedBefore: false, bpjsConfirmation: "Dapat Direaktivasi", facilitatorResult: "Belum", urgent: false,
    documents: Object.fromEntries(DOC_KEYS.map((d) => [d, true])) as RequestRow["documents"], phone: null, stage: "", ...o,
  });

  test("the codes in canonical order; exactly the first six reject", () => {
    expect(REASONS.map((r) => r.code)).toEqual([...SPEC_REASONS]);
    expect(REASONS.filter((r) => r.rejects).map((r) => r.code)).toEqual(SPEC_REASONS.slice(0, 6));
  });

  test("every reason has advice of its own", () => {
    const advice = REASONS.map((r) => r.advice);
    for (const a of advice) expect(a.length).toBeGreaterThan(20);
    expect(new Set(advice).size).toBe(advice.length);
  });

  const e = (over: Partial<Eligibility> = {}): Eligibility =>
    ({ decision: "NOT_ELIGIBLE", reasons: [], deadline: "2026-02-10", missingDocuments: [], ...over });
  test.each([
    ["NOT_IN_SOCIAL_REGISTRY", ["tidak terdaftar di DTSEN/DTKS", "desa/kelurahan", "Musyawarah Desa/Kelurahan"]],
    ["DEACTIVATION_TOO_OLD", ["10 Februari 2026", "6 bulan", "sudah lewat", "peserta PBI-JK baru"]],
    ["ALREADY_REACTIVATED", ["sudah pernah direaktivasi", "hanya sekali", "desa/kelurahan"]],
    ["DECILE_TOO_HIGH", ["desil 1–5", "pemutakhiran data DTSEN"]],
    ["FACILITATOR_REJECTED", ["fasilitator", "tidak memenuhi", "verifikasi ulang"]],
    ["BPJS_REJECTED", ["tidak dapat direaktivasi", "165"]],
    ["REGISTRY_NOT_CHECKED", ["belum dicek", "SIKS-NG", "Status DTSEN/DTKS"]],
    ["FACILITATOR_PENDING", ["belum diverifikasi fasilitator", "kelurahan", "Verifikasi Fasilitator"]],
    ["BPJS_NOT_CONFIRMED", ["konfirmasi BPJS", "cabang", "Konfirmasi BPJS"]],
    ["DECILE_UNKNOWN", ["belum diisi", "DTSEN", "kolom Desil"]],
  ] as [ReasonCode, string[]][])("%s says what it means and what to do", (code, words) => {
    const text = reasonText(code, e(), profile("nasional-2026"));
    for (const w of words) expect(text).toContain(w);
  });

  test("DOCUMENTS_INCOMPLETE names each missing document and where to get it", () => {
    const text = reasonText("DOCUMENTS_INCOMPLETE", e({ missingDocuments: ["docSktm", "docBpjsStatus", "docHealthFacility"] }), profile("purbalingga"));
    for (const w of ["SKTM", "kelurahan", "kecamatan", "Care Center 165", "Chika", "kantor BPJS Kesehatan", "rumah sakit atau puskesmas", "Lengkapi"]) {
      expect(text).toContain(w);
    }
  });

  test("an unknown reason is an error, never the first reason", () => {
    expect(() => reasonRule("NO_SUCH_REASON" as ReasonCode)).toThrow("Unknown reason");
    expect(() => reasonText("NO_SUCH_REASON" as ReasonCode, e(), profile("minsel"))).toThrow();
    expect(reasonRule("DECILE_UNKNOWN").code).toBe("DECILE_UNKNOWN");
  });

  test("decide reports rejecting reasons only, then documents only, then the rest in table order", () => {
    const minsel = profile("minsel");
    const noKtp = { ...row().documents, docKtp: false };
    expect(decide(row({ reactivatedBefore: true, registryStatus: "Tidak Terdaftar", documents: noKtp }), minsel))
      .toEqual({ decision: "NOT_ELIGIBLE", reasons: ["ALREADY_REACTIVATED", "NOT_IN_SOCIAL_REGISTRY"], deadline: "2027-02-09", missingDocuments: ["docKtp"] });
    expect(decide(row({ registryStatus: "Belum Dicek", documents: noKtp }), minsel))
      .toEqual({ decision: "INCOMPLETE", reasons: ["DOCUMENTS_INCOMPLETE"], deadline: "2027-02-09", missingDocuments: ["docKtp"] });
    const bandung = profile("bandung");
    expect(decide(row({ registryStatus: "Belum Dicek", bpjsConfirmation: "Belum" }), bandung))
      .toEqual({ decision: "NEEDS_VERIFICATION", reasons: ["REGISTRY_NOT_CHECKED", "BPJS_NOT_CONFIRMED"], deadline: "2027-02-10", missingDocuments: [] });
    expect(decide(row(), bandung)).toEqual({ decision: "ELIGIBLE", reasons: [], deadline: "2027-02-10", missingDocuments: [] });
  });
});

describe("property: booleans and enumerations never throw", () => {
  test("readBool and readEnum on any text", () => {
    fc.assert(fc.property(fc.string(), (s) => {
      const b = readBool(s);
      expect([true, false, undefined]).toContain(b);
      for (const key of ["service", "sex", "registryStatus", "healthNeed", "bpjsConfirmation", "facilitatorResult"] as const) {
        expect(["blank", "ok", "unknown"]).toContain(readEnum(key, s).kind);
      }
    }));
  });

  test("any text with a letter q is unknown in a boolean column (a finding, never silently ticked)", () => {
    fc.assert(fc.property(fc.string({ maxLength: 10 }), (s) => {
      expect(readBool(`q${s}`)).toBeUndefined();
      const r = run("nasional-2026", { docKtp: `q${s}` });
      expect(only(r, "VALUE_UNKNOWN").map((f) => f.field)).toEqual(["docKtp"]);
    }));
  });
});

describe("small date and identity helpers (written from the calendar, not the code)", () => {
  test("leap years and month lengths", () => {
    expect([1900, 2000, 2024, 2026, 2100].map(isLeapYear)).toEqual([false, true, true, false, false]);
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => daysInMonth(2026, m))).toEqual([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]);
    expect(daysInMonth(2024, 2)).toBe(29);
  });

  test("real dates: years 1–9999, months 1–12, days of that month", () => {
    expect(isRealDate(1, 1, 1)).toBe(true);
    expect(isRealDate(9999, 12, 31)).toBe(true);
    expect(isRealDate(0, 1, 1)).toBe(false);
    expect(isRealDate(10000, 1, 1)).toBe(false);
    expect(isRealDate(2026, 0, 1)).toBe(false);
    expect(isRealDate(2026, 13, 1)).toBe(false);
    expect(isRealDate(2026, 4, 0)).toBe(false);
    expect(isRealDate(2026, 4, 30)).toBe(true);
    expect(isRealDate(2026, 4, 31)).toBe(false);
    expect(isRealDate(2026.5, 4, 1)).toBe(false);
  });

  test("short dates and day numbers", () => {
    expect(formatShortDate("2026-03-05")).toBe("05/03/2026");
    expect(formatLongDate("2026-03-05")).toBe("5 Maret 2026");
    expect(dayNumber("1970-01-01")).toBe(0);
    expect(dayNumber("1970-01-02")).toBe(1);
    expect(dayNumber("2026-03-01") - dayNumber("2026-02-28")).toBe(1);
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2026-01-01", -1)).toBe("2025-12-31");
  });

  test("century of a two-digit year: 20YY when that date is not after today", () => {
    expect(centuryYear(26, 11, 24, TODAY)).toBe(2026);
    expect(centuryYear(26, 11, 25, TODAY)).toBe(1926);
    expect(centuryYear(26, 12, 1, TODAY)).toBe(1926);
    expect(centuryYear(0, 1, 1, TODAY)).toBe(2000);
    expect(centuryYear(99, 1, 1, TODAY)).toBe(1999);
  });

  test("mobile numbers: 0, 62 or +62, then 8[1-9] and 6–10 more digits", () => {
    expect(normalisePhone("081234567890")).toBe("+6281234567890");
    expect(normalisePhone("6281234567890")).toBe("+6281234567890");
    expect(normalisePhone("+62 812-3456-7890")).toBe("+6281234567890");
    expect(normalisePhone("081234567")).toBe("+6281234567"); // 6 digits after 81
    expect(normalisePhone("08123456")).toBeNull(); // 5
    expect(normalisePhone("0812345678901")).toBe("+62812345678901"); // 10
    expect(normalisePhone("08123456789012")).toBeNull(); // 11
    expect(normalisePhone("0801234567")).toBeNull();
    expect(normalisePhone("0712345678")).toBeNull();
    expect(normalisePhone("x081234567890")).toBeNull();
    expect(normalisePhone("081234567890x")).toBeNull();
  });

  test("masking keeps the first and last four digits", () => {
    expect(maskIdentity("3273025503850003")).toBe("3273********0003");
    expect(maskIdentity("12345678")).toBe("12345678");
    expect(maskIdentity("1234567")).toBe("*******");
    expect(maskIdentity("")).toBe("");
  });

  test("digits helpers", () => {
    expect(isDigits("1234", 4)).toBe(true);
    expect(isDigits("1234", 5)).toBe(false);
    expect(isDigits("12a4", 4)).toBe(false);
    expect(isAllDigits("0012")).toBe(true);
    expect(isAllDigits("")).toBe(false);
    expect(isAllDigits("12 3")).toBe(false);
  });

  test("NIK analysis: province, serial, region, women's day", () => {
    expect(analyseNik(rawNik("327302", "550385", "0003"), TODAY)).toEqual({
      provinceValid: true, birth: { date: "1985-03-15", sex: "P" }, serialZero: false, regionKnown: true,
    });
    expect(analyseNik(rawNik("997302", "150385", "0000"), TODAY)).toEqual({
      provinceValid: false, birth: { date: "1985-03-15", sex: "L" }, serialZero: true, regionKnown: false,
    });
    expect(nikBirth(rawNik("327302", "400385", "0001"), TODAY)).toBeNull();
    expect(nikBirth(rawNik("327302", "410385", "0001"), TODAY)).toEqual({ date: "1985-03-01", sex: "P" });
    expect(nikBirth(rawNik("327302", "310385", "0001"), TODAY)).toEqual({ date: "1985-03-31", sex: "L" });
    expect(nikBirth(rawNik("327302", "000385", "0001"), TODAY)).toBeNull();
  });
});

describe("deadline edge cases (section 4 step 1)", () => {
  const row = (o: Partial<RequestRow>): RequestRow => ({
    id: "", service: "reactivation", applicationDate: "2026-11-20", completeAt: null, deactivationDate: "2026-01-10",
    windowStart: "2026-01-10", nik: null, registryStatus: "Terdaftar", decile: 2, healthNeed: "Tidak Ada",
    reactivatedBefore: false, bpjsConfirmation: "Dapat Direaktivasi", facilitatorResult: "Belum", urgent: false,
    documents: Object.fromEntries(DOC_KEYS.map((d) => [d, true])) as RequestRow["documents"], phone: null, stage: "", ...o,
  });

  test("no window start or no application date: no deadline test, no DEACTIVATION_TOO_OLD", () => {
    expect(decide(row({ windowStart: null }), profile("minsel"))).toMatchObject({ deadline: null, decision: "ELIGIBLE" });
    expect(decide(row({ applicationDate: null }), profile("minsel"))).toMatchObject({ deadline: "2026-07-09", decision: "ELIGIBLE" });
    expect(decide(row({}), profile("minsel"))).toMatchObject({ deadline: "2026-07-09", reasons: ["DEACTIVATION_TOO_OLD"] });
  });

  test("a deadline only for the reactivation service with a window length", () => {
    const bantuan = profile("pangkalpinang-bantuan-kesehatan");
    expect(reactivationDeadline("2026-01-10", { ...bantuan, windowMonths: 6 })).toBeNull();
    expect(reactivationDeadline("2026-01-10", { ...profile("minsel"), windowMonths: null })).toBeNull();
    expect(reactivationDeadline("2026-01-10", profile("minsel"))).toBe("2026-07-09");
    expect(reactivationDeadline("2026-01-10", profile("bandung"))).toBe("2026-07-10");
    expect(decide(row({ service: "healthFinancing" }), bantuan).deadline).toBeNull();
  });
});

describe("reading identity cells: odd cell types", () => {
  test("undefined and null are blank; NaN and Infinity have no digits", () => {
    expect(readNumberCell(undefined)).toEqual({ kind: "blank" });
    expect(readNumberCell(null)).toEqual({ kind: "blank" });
    expect(readNumberCell(Number.NaN)).toEqual({ kind: "precisionLost" });
    expect(readNumberCell(Number.POSITIVE_INFINITY)).toEqual({ kind: "precisionLost" });
    expect(readNumberCell(-1e15)).toEqual({ kind: "precisionLost" });
    expect(readNumberCell(12.5)).toEqual({ kind: "text", text: "12.5" });
    expect(readNumberCell(true)).toEqual({ kind: "text", text: "true" });
    expect(readNumberCell("3273")).toEqual({ kind: "text", text: "3273" });
  });
});

describe("Date values at the edges (Asia/Jakarta offsets, years 1 and 9999)", () => {
  const at = (y: number, mo: number, d: number, h = 0, mi = 0) => {
    const t = new Date(0);
    t.setUTCFullYear(y, mo - 1, d);
    t.setUTCHours(h, mi, 0, 0);
    return t;
  };
  test("UTC+7 starts at 1963-12-31 16:30 UTC (before: UTC+7:30)", () => {
    expect(readDateCell(at(1963, 12, 31, 16, 30), true)).toEqual({ kind: "ok", date: "1963-12-31", minutes: 23 * 60 + 30 });
    expect(readDateCell(at(1963, 12, 31, 16, 29), true)).toEqual({ kind: "ok", date: "1963-12-31", minutes: 23 * 60 + 59 });
  });
  test("before 1924 Jakarta kept local mean time, UTC+7:07:12", () => {
    expect(readDateCell(at(1900, 1, 1, 16, 53), true)).toEqual({ kind: "ok", date: "1900-01-02", minutes: 0 });
    expect(readDateCell(at(1900, 1, 1, 16, 52), true)).toEqual({ kind: "ok", date: "1900-01-01", minutes: 23 * 60 + 59 });
  });
  test("years 1 and 9999 are read; before and after them the date is clamped", () => {
    expect(readDateCell(at(1, 3, 5))).toEqual({ kind: "ok", date: "0001-03-05", minutes: null });
    expect(readDateCell(at(9999, 3, 5))).toEqual({ kind: "ok", date: "9999-03-05", minutes: null });
    expect(readDateCell(at(-5, 1, 1))).toEqual({ kind: "ok", date: "0001-01-01", minutes: null });
    expect(readDateCell(at(-5, 1, 1), true)).toEqual({ kind: "ok", date: "0001-01-01", minutes: 0 });
    expect(readDateCell(at(12026, 1, 1))).toEqual({ kind: "ok", date: "9999-12-31", minutes: null });
    expect(readDateCell(at(12026, 1, 1), true)).toEqual({ kind: "ok", date: "9999-12-31", minutes: 0 });
    expect(readDateCell(at(9999, 12, 31, 17, 0))).toEqual({ kind: "ok", date: "9999-12-31", minutes: null });
    expect(readDateCell(at(9999, 12, 31, 16, 59), true)).toEqual({ kind: "ok", date: "9999-12-31", minutes: 23 * 60 + 59 });
  });
  test("seconds are checked too", () => {
    expect(parseDateTimeText("05/03/2026 10:15:59")).toEqual({ date: "2026-03-05", minutes: 615 });
    expect(parseDateTimeText("05/03/2026 10:15:60")).toBeNull();
    expect(parseDateTimeText("05/03/2026 10.15.09")).toEqual({ date: "2026-03-05", minutes: 615 });
  });
});
