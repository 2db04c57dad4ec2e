/** Section 3: NIK, KK, card and phone checks (structure only). */
import {
  analyseNik, maskIdentity, nikBirth, normalisePhone, PROVINCE_CODES, readNumberCell,
} from "../../src/domain/identity";
import { isKnownDistrict } from "../../src/domain/regions";
import {
  checkOne, codes, eligibleFields, makeNik, nikCodes, only, PEOPLE, rawNik, runTable, TODAY,
} from "./helpers";

const SPEC_PROVINCES = [
  "11", "12", "13", "14", "15", "16", "17", "18", "19", "21", "31", "32", "33", "34", "35", "36",
  "51", "52", "53", "61", "62", "63", "64", "65", "71", "72", "73", "74", "75", "76", "81", "82",
  "91", "92", "93", "94", "95", "96",
];

/** A Bandung row with the given NIK; Tanggal Lahir and Jenis Kelamin blank unless given. */
function withNik(nik: unknown, extra: Record<string, unknown> = {}) {
  return checkOne(eligibleFields("bandung", { nik: nik as string, birthDate: "", sex: "", ...extra }), "bandung");
}

describe("the province list", () => {
  test("has exactly the 38 codes of section 3", () => {
    expect(SPEC_PROVINCES).toHaveLength(38);
    expect([...PROVINCE_CODES].sort()).toEqual(SPEC_PROVINCES);
  });

  test("NIK_PROVINCE_INVALID exactly for the 62 other two-digit prefixes", () => {
    const rows = [];
    for (let p = 0; p < 100; p++) {
      const pp = String(p).padStart(2, "0");
      rows.push(eligibleFields("bandung", { nik: rawNik(`${pp}7302`, "150385", String(1000 + p)), birthDate: "", sex: "" }));
    }
    const results = runTable(rows, "bandung").results;
    const invalid = results.filter((r) => codes(r).includes("NIK_PROVINCE_INVALID")).map((r) => String(r.row - 2).padStart(2, "0"));
    const expected = Array.from({ length: 100 }, (_, p) => String(p).padStart(2, "0")).filter((pp) => !SPEC_PROVINCES.includes(pp));
    expect(invalid).toEqual(expected);
    expect(invalid).toHaveLength(62);
  });
});

describe("reading identity cells", () => {
  test("spaces are removed", () => {
    expect(readNumberCell("3273 0255 0385 0003")).toEqual({ kind: "text", text: "3273025503850003" });
    expect(readNumberCell(" 3273025503850003 ")).toEqual({ kind: "text", text: "3273025503850003" });
  });
  test("a number of 15 digits keeps them; 16 digits have lost the last one (spreadsheets keep 15)", () => {
    expect(readNumberCell(327302550385000)).toEqual({ kind: "text", text: "327302550385000" });
    expect(readNumberCell(3273025503850003)).toEqual({ kind: "precisionLost" });
    expect(readNumberCell(1e15)).toEqual({ kind: "precisionLost" });
    expect(readNumberCell(999999999999999)).toEqual({ kind: "text", text: "999999999999999" });
  });
  test("a number above 2^53 or scientific-notation text has lost its digits", () => {
    expect(readNumberCell(2 ** 53 + 2)).toEqual({ kind: "precisionLost" });
    expect(readNumberCell(9171015506880001)).toEqual({ kind: "precisionLost" });
    expect(readNumberCell("3.27301E+15")).toEqual({ kind: "precisionLost" });
    expect(readNumberCell("3.27301e+15")).toEqual({ kind: "precisionLost" });
  });
  test("blank", () => {
    expect(readNumberCell("")).toEqual({ kind: "blank" });
    expect(readNumberCell(null)).toEqual({ kind: "blank" });
  });
  test("masking keeps the first and last four digits", () => {
    expect(maskIdentity("3273025503850001")).toBe("3273********0001");
  });
  test("the bundled region list knows the synthetic people's kecamatan", () => {
    for (const code of ["327302", "197101", "710507", "330301"]) expect(isKnownDistrict(code)).toBe(true);
    expect(isKnownDistrict("327399")).toBe(false);
  });
});

describe("NIK birth date (digits 7–12)", () => {
  test("DDMMYY for men, DD+40 for women", () => {
    expect(nikBirth("3273021503850003", TODAY)).toEqual({ date: "1985-03-15", sex: "L" });
    expect(nikBirth("3273025503850003", TODAY)).toEqual({ date: "1985-03-15", sex: "P" });
    expect(nikBirth("3273024103850003", TODAY)).toEqual({ date: "1985-03-01", sex: "P" });
    expect(nikBirth("3273027101850003", TODAY)).toEqual({ date: "1985-01-31", sex: "P" });
    expect(nikBirth("3273020101850003", TODAY)).toEqual({ date: "1985-01-01", sex: "L" });
  });

  test("century: 20YY if that year is not after today's year, else 19YY", () => {
    expect(nikBirth(rawNik("327302", "010105", "0001"), TODAY)?.date).toBe("2005-01-01");
    expect(nikBirth(rawNik("327302", "010100", "0001"), TODAY)?.date).toBe("2000-01-01");
    expect(nikBirth(rawNik("327302", "010126", "0001"), TODAY)?.date).toBe("2026-01-01");
    expect(nikBirth(rawNik("327302", "010127", "0001"), TODAY)?.date).toBe("1927-01-01");
    expect(nikBirth(rawNik("327302", "311299", "0001"), TODAY)?.date).toBe("1999-12-31");
  });

  test("a NIK date later this year is 19YY (born December 1926 is not born next month)", () => {
    expect(nikBirth(rawNik("327302", "011226", "0001"), TODAY)).toEqual({ date: "1926-12-01", sex: "L" });
    expect(nikBirth(rawNik("327302", "251126", "0001"), TODAY)).toEqual({ date: "1926-11-25", sex: "L" });
    expect(nikBirth(rawNik("327302", "241126", "0001"), TODAY)).toEqual({ date: "2026-11-24", sex: "L" });
  });

  test("analyseNik checks province, birth date and serial independently", () => {
    expect(analyseNik("0073023203850000", TODAY)).toMatchObject({ provinceValid: false, birth: null, serialZero: true });
    expect(analyseNik(PEOPLE.bandung.nik, TODAY)).toEqual({
      provinceValid: true, birth: { date: "1985-03-15", sex: "P" }, serialZero: false, regionKnown: true,
    });
  });
});

describe("NIK findings", () => {
  test("a well-formed NIK gives none", () => {
    for (const person of Object.values(PEOPLE)) expect(person.nik).toMatch(/^\d{16}$/);
    expect(codes(withNik(PEOPLE.bandung.nik, { birthDate: "15/03/1985", sex: "P" }))).toEqual([]);
  });

  test.each([
    ["15 digits", "327302550385000"],
    ["17 digits", "32730255038500031"],
    ["letter O for zero", "32730255O3850003"],
    ["a fraction as a number", 3273025.5],
    ["a negative number", -327302550385000],
    ["boolean", true],
  ])("NIK_FORMAT: %s", (_label, nik) => {
    const r = withNik(nik);
    expect(nikCodes(r)).toEqual(["NIK_FORMAT"]);
    expect(only(r, "NIK_FORMAT")[0]).toMatchObject({ severity: "error", field: "nik" });
    expect(r.decision).toBe("INVALID");
  });

  test("spaces are removed before the NIK is checked", () => {
    expect(codes(withNik("3273 0255 0385 0003"))).toEqual([]);
    expect(codes(withNik(" 327302 550385 0003 "))).toEqual([]);
  });

  test("a NIK entered as a number of 16 digits is NIK_PRECISION_LOST (as in the sheet)", () => {
    expect(codes(withNik(3273025503850003))).toEqual(["NIK_PRECISION_LOST"]);
  });

  test.each([
    ["a number above 2^53 (Papua NIK typed as a number)", 9171015506880001],
    ["2^53 + 2", 2 ** 53 + 2],
    ["1e17", 1e17],
    ["scientific text as a CSV shows it", "3.27301E+15"],
    ["scientific text, lower case", "3.27301e+15"],
    ["scientific text with spaces", " 3.27301E+15 "],
    ["scientific text without fraction", "3E+15"],
  ])("NIK_PRECISION_LOST, not NIK_FORMAT: %s", (_label, nik) => {
    const r = withNik(nik);
    expect(nikCodes(r)).toEqual(["NIK_PRECISION_LOST"]);
    expect(only(r, "NIK_PRECISION_LOST")[0]).toMatchObject({ severity: "error", field: "nik" });
  });

  test("NIK_FORMAT and NIK_PRECISION_LOST suppress every other NIK finding", () => {
    // would be a birth-date and sex mismatch, and province invalid, if checked
    expect(nikCodes(withNik("007302320385000", { birthDate: "01/01/1990", sex: "L" }))).toEqual(["NIK_FORMAT"]);
    expect(nikCodes(withNik("9.91E+15", { birthDate: "01/01/1990", sex: "L" }))).toEqual(["NIK_PRECISION_LOST"]);
  });

  test("... and KK_EQUALS_NIK from it", () => {
    const bad = "32730255038500A3";
    const r = withNik(bad, { kk: bad });
    expect(codes(r)).not.toContain("KK_EQUALS_NIK");
    expect(codes(r)).toContain("NIK_FORMAT");
    const lost = withNik(9171015506880001, { kk: 9171015506880001 });
    expect(codes(lost).sort()).toEqual(["KK_FORMAT", "NIK_PRECISION_LOST"]);
  });

  test.each(["00", "10", "20", "22", "30", "37", "50", "54", "60", "66", "70", "77", "80", "83", "90", "97", "99"])(
    "NIK_PROVINCE_INVALID for province %s, suppressing NIK_REGION_UNKNOWN",
    (pp) => {
      const r = withNik(rawNik(`${pp}7302`, "150385", "0003"));
      expect(nikCodes(r)).toEqual(["NIK_PROVINCE_INVALID"]);
      expect(only(r, "NIK_PROVINCE_INVALID")[0]).toMatchObject({ severity: "error", field: "nik" });
    },
  );

  test.each([
    ["day 00", "000385"],
    ["day 32", "320385"],
    ["day 40 (neither a man's nor a woman's day)", "400385"],
    ["day 72 (woman's 32)", "720385"],
    ["month 00", "150085"],
    ["month 13", "151385"],
    ["31 April", "310485"],
    ["woman's 31 April", "710485"],
    ["29 February 2025", "290225"],
    ["woman's 29 February 2025", "690225"],
  ])("NIK_BIRTHDATE_INVALID: %s", (_label, ddmmyy) => {
    const r = withNik(rawNik("327302", ddmmyy, "0003"));
    expect(nikCodes(r)).toEqual(["NIK_BIRTHDATE_INVALID"]);
    expect(only(r, "NIK_BIRTHDATE_INVALID")[0]).toMatchObject({ severity: "error", field: "nik" });
  });

  test.each([
    ["29 February 2024", "290224"],
    ["woman's 29 February 2024", "690224"],
    ["woman's 31 January", "710185"],
    ["today", "241126"],
    ["1927 (27 is after this year)", "010127"],
  ])("valid NIK birth date: %s", (_label, ddmmyy) => {
    expect(nikCodes(withNik(rawNik("327302", ddmmyy, "0003")))).toEqual([]);
  });

  test("NIK_SERIAL_ZERO", () => {
    const r = withNik(rawNik("327302", "550385", "0000"));
    expect(nikCodes(r)).toEqual(["NIK_SERIAL_ZERO"]);
    expect(only(r, "NIK_SERIAL_ZERO")[0]).toMatchObject({ severity: "error", field: "nik" });
    expect(nikCodes(withNik(rawNik("327302", "550385", "0001")))).toEqual([]);
    expect(nikCodes(withNik(rawNik("327302", "550385", "1000")))).toEqual([]);
  });

  test("province, birth date and serial wrong at once: all three", () => {
    const r = withNik(rawNik("007302", "320385", "0000"), { birthDate: "15/03/1985", sex: "L" });
    expect(nikCodes(r)).toEqual(["NIK_BIRTHDATE_INVALID", "NIK_PROVINCE_INVALID", "NIK_SERIAL_ZERO"]);
  });

  test("NIK_REGION_UNKNOWN is a warning for a valid province with an unlisted kecamatan", () => {
    const nik = makeNik({ region: "327399", birth: "1985-03-15", sex: "P", serial: "0003" });
    const r = withNik(nik);
    expect(r.findings).toEqual([expect.objectContaining({ code: "NIK_REGION_UNKNOWN", severity: "warning", field: "nik" })]);
    expect(r.decision).toBe("ELIGIBLE");
    // a region code alone is enough: the birth date and serial may be wrong too
    expect(nikCodes(withNik(rawNik("327399", "320385", "0000")))).toEqual(["NIK_BIRTHDATE_INVALID", "NIK_REGION_UNKNOWN", "NIK_SERIAL_ZERO"]);
  });

  test("NIK_BIRTHDATE_MISMATCH: Tanggal Lahir filled and different", () => {
    const r = withNik(PEOPLE.bandung.nik, { birthDate: "16/03/1985", sex: "P" });
    expect(r.findings).toEqual([expect.objectContaining({ code: "NIK_BIRTHDATE_MISMATCH", severity: "warning", field: "nik" })]);
    expect(r.decision).toBe("ELIGIBLE");
    expect(codes(withNik(PEOPLE.bandung.nik, { birthDate: "15 Maret 1985" }))).toEqual([]);
    expect(codes(withNik(PEOPLE.bandung.nik, { birthDate: "1985-03-15" }))).toEqual([]);
    expect(codes(withNik(PEOPLE.bandung.nik, { birthDate: "15.03.1985" }))).toEqual([]);
  });

  test("the century rule decides what the NIK's date is", () => {
    const nik05 = rawNik("327302", "010105", "0007");
    expect(codes(withNik(nik05, { birthDate: "01/01/2005" }))).toEqual([]);
    // The NIK has no century: only day, month and two-digit year are compared.
    expect(codes(withNik(nik05, { birthDate: "01/01/1905" }))).toEqual([]);
    expect(codes(withNik(nik05, { birthDate: "01/01/2006" }))).toEqual(["NIK_BIRTHDATE_MISMATCH"]);
    const nik27 = rawNik("327302", "010127", "0007");
    expect(codes(withNik(nik27, { birthDate: "01/01/1927" }))).toEqual([]);
    const nik26 = rawNik("327302", "010126", "0007");
    expect(codes(withNik(nik26, { birthDate: "01/01/2026" }))).toEqual([]);
    expect(codes(withNik(nik26, { birthDate: "01/01/1926" }))).toEqual([]);
  });

  test("women's DD+40: day 41 is the 1st, sex P", () => {
    const nik = rawNik("327302", "410385", "0003");
    expect(codes(withNik(nik, { birthDate: "01/03/1985", sex: "P" }))).toEqual([]);
    expect(codes(withNik(nik, { birthDate: "01/03/1985", sex: "Perempuan" }))).toEqual([]);
    expect(codes(withNik(nik, { birthDate: "01/03/1985", sex: "L" }))).toEqual(["NIK_SEX_MISMATCH"]);
    expect(codes(withNik(nik, { birthDate: "11/03/1985", sex: "P" }))).toEqual(["NIK_BIRTHDATE_MISMATCH"]);
  });

  test("NIK_SEX_MISMATCH: Jenis Kelamin filled and different", () => {
    const woman = withNik(PEOPLE.bandung.nik, { sex: "Laki-laki" });
    expect(woman.findings).toEqual([expect.objectContaining({ code: "NIK_SEX_MISMATCH", severity: "warning", field: "nik" })]);
    expect(woman.decision).toBe("ELIGIBLE");
    const man = checkOne(eligibleFields("pangkalpinang-reaktivasi", { sex: "p" }), "pangkalpinang-reaktivasi");
    expect(codes(man)).toEqual(["NIK_SEX_MISMATCH"]);
    expect(codes(withNik(PEOPLE.bandung.nik, { sex: "" }))).toEqual([]);
  });

  test("both mismatches at once", () => {
    expect(nikCodes(withNik(PEOPLE.bandung.nik, { birthDate: "15/03/1986", sex: "L" }))).toEqual(["NIK_BIRTHDATE_MISMATCH", "NIK_SEX_MISMATCH"]);
  });

  test("NIK_BIRTHDATE_INVALID suppresses both mismatches", () => {
    const r = withNik(rawNik("327302", "320385", "0003"), { birthDate: "15/03/1985", sex: "P" });
    expect(nikCodes(r)).toEqual(["NIK_BIRTHDATE_INVALID"]);
  });

  test("mismatches use only a valid, non-future Tanggal Lahir", () => {
    expect(codes(withNik(PEOPLE.bandung.nik, { birthDate: "99/99/1985" }))).toEqual(["DATE_INVALID"]);
    expect(codes(withNik(PEOPLE.bandung.nik, { birthDate: "15/03/2030" }))).toEqual(["DATE_IN_FUTURE"]);
  });

  test("an unknown Jenis Kelamin is VALUE_UNKNOWN, not a mismatch", () => {
    expect(codes(withNik(PEOPLE.bandung.nik, { sex: "Wanita" }))).toEqual(["VALUE_UNKNOWN"]);
  });
});

describe("KK findings", () => {
  test.each([
    ["15 digits", "327302120310000"],
    ["17 digits", "32730212031000071"],
    ["a letter", "3273021203I00007"],
    ["a number above 2^53", 9171011203100007],
    ["scientific text", "3.27302E+15"],
    ["province 00", "0073021203100007"],
    ["province 99", "9973021203100007"],
    ["province 20", "2073021203100007"],
  ])("KK_FORMAT: %s", (_label, kk) => {
    const r = checkOne(eligibleFields("bandung", { kk }), "bandung");
    expect(r.findings).toEqual([expect.objectContaining({ code: "KK_FORMAT", severity: "error", field: "kk" })]);
    expect(r.decision).toBe("INVALID");
  });

  test("spaces are removed before the KK is checked; a KK as a 16-digit number lost a digit", () => {
    expect(codes(checkOne(eligibleFields("bandung", { kk: "3273 0212 0310 0007" }), "bandung"))).toEqual([]);
    expect(codes(checkOne(eligibleFields("bandung", { kk: 3273021203100007 }), "bandung"))).toEqual(["KK_FORMAT"]);
  });

  test("KK_EQUALS_NIK is a warning, spaces removed", () => {
    const r = checkOne(eligibleFields("bandung", { kk: PEOPLE.bandung.nik }), "bandung");
    expect(r.findings).toEqual([expect.objectContaining({ code: "KK_EQUALS_NIK", severity: "warning", field: "kk" })]);
    expect(r.decision).toBe("ELIGIBLE");
    const spaced = checkOne(eligibleFields("bandung", { kk: "3273 0255 0385 0003" }), "bandung");
    expect(codes(spaced)).toEqual(["KK_EQUALS_NIK"]);
  });
});

describe("Nomor Kartu KIS", () => {
  test("13 digits, spaces removed, or blank: fine", () => {
    for (const card of ["0001234567890", "0001 2345 67890", "", 1234567890123]) {
      expect(codes(checkOne(eligibleFields("bandung", { cardNumber: card }), "bandung"))).toEqual([]);
    }
  });

  test.each([
    ["14 digits", "00012345678901"],
    ["a letter", "000123456789O"],
    ["a slash", "0001/234567890"],
  ])("CARD_FORMAT: %s", (_label, card) => {
    const r = checkOne(eligibleFields("bandung", { cardNumber: card }), "bandung");
    expect(r.findings).toEqual([expect.objectContaining({ code: "CARD_FORMAT", severity: "error", field: "cardNumber" })]);
  });

  test.each([
    ["12 digits typed as text", "001234567890"],
    ["a number that lost its leading zeros", 1234567890],
  ])("CARD_FORMAT for a shorter all-digit value says leading zeros were lost: %s", (_label, card) => {
    const r = checkOne(eligibleFields("bandung", { cardNumber: card }), "bandung");
    const f = only(r, "CARD_FORMAT");
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: "error", field: "cardNumber" });
    expect(f[0]!.message).toMatch(/\b(0|nol)\b[^.]*\b(di depan|depan|awal)\b/i);
  });
});

describe("Nomor HP", () => {
  test.each([
    ["+6281234567890", "+6281234567890"],
    ["6281234567890", "+6281234567890"],
    ["0812-3456-7890", "+6281234567890"],
    ["0812 3456 7890", "+6281234567890"],
    ["081234567890", "+6281234567890"],
    ["+62 812-3456-7890", "+6281234567890"],
    ["081234567", "+6281234567"],
    ["0811234567890", "+62811234567890"],
    ["085298765432", "+6285298765432"],
  ])("%s is valid and stored as %s", (text, normalised) => {
    expect(normalisePhone(text)).toBe(normalised);
    const r = checkOne(eligibleFields("bandung", { phone: text }), "bandung");
    expect(codes(r)).toEqual([]);
    expect(r.request.phone).toBe(normalised);
  });

  test.each([
    "0212345678", "08123", "08123456", "08112345678901", "0802345678", "+62212345678", "6221234567", "81234567890",
    "+0812345678", "0812/3456/7890", "nomor WA sama", "+62 21 1234567",
  ])("%s gives PHONE_FORMAT (a warning)", (text) => {
    expect(normalisePhone(text)).toBeNull();
    const r = checkOne(eligibleFields("bandung", { phone: text }), "bandung");
    expect(r.findings).toEqual([expect.objectContaining({ code: "PHONE_FORMAT", severity: "warning", field: "phone" })]);
    expect(r.decision).toBe("ELIGIBLE");
  });

  test("a phone number typed as a number lost its leading 0", () => {
    expect(codes(checkOne(eligibleFields("bandung", { phone: 81234567890 }), "bandung"))).toEqual(["PHONE_FORMAT"]);
    expect(codes(checkOne(eligibleFields("bandung", { phone: 6281234567890 }), "bandung"))).toEqual([]);
  });

  test("blank phone: no finding", () => {
    expect(codes(checkOne(eligibleFields("bandung", { phone: "  " }), "bandung"))).toEqual([]);
  });
});
