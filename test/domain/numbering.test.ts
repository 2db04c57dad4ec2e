/** Letter numbers (spec section 7): format tokens, validation, yearly sequence, manual mode. */
import fc from "fast-check";
import {
  counterKey, formatLetterNumber, nextSequences, numberMode, parseNumberFormat, sequenceOf,
} from "../../src/domain/numbering";

const SPEC_FORMAT = "400.9.3.2/{nomor:3}/Dinsos/{bulan_romawi}/{tahun}";

test("the spec's format: 3-digit sequence, Roman month, year", () => {
  expect(formatLetterNumber(SPEC_FORMAT, 7, "2026-11-24")).toBe("400.9.3.2/007/Dinsos/XI/2026");
  expect(formatLetterNumber(SPEC_FORMAT, 1234, "2027-01-02")).toBe("400.9.3.2/1234/Dinsos/I/2027");
});

test("every token", () => {
  expect(formatLetterNumber("{nomor}-{tanggal}.{bulan}.{tahun_pendek}/{BULAN_ROMAWI}/{tahun}", 5, "2026-04-09")).toBe("5-09.04.26/IV/2026");
  expect(formatLetterNumber("{ nomor : 5 }/X", 42, "2026-12-31")).toBe("00042/X");
});

test.each([
  ["", "kosong"],
  ["400/Dinsos/{tahun}", "harus memuat {nomor}"],
  ["{nomor}/{nomor:2}", "hanya boleh memuat satu {nomor}"],
  ["{nomor}/{bulan_arab}", 'Penanda "{bulan_arab}" tidak dikenal'],
  ["{nomor:0}", 'Penanda "{nomor:0}" tidak sah'],
  ["{nomor:x}", "tidak sah"],
  ["{tahun:2}/{nomor}", "hanya {nomor:N}"],
  ["{nomor}/{tahun", "tidak berpasangan"],
  ["nomor}/{nomor}", "tidak berpasangan"],
])("format %j is refused: %s", (format, message) => {
  const parsed = parseNumberFormat(format);
  expect(parsed.ok).toBe(false);
  expect(parsed.ok ? [] : parsed.problems.join(" ")).toContain(message);
});

test("the parser never throws, and a valid format always formats", () => {
  fc.assert(fc.property(fc.string(), fc.integer({ min: 1, max: 99999 }), (format, n) => {
    const parsed = parseNumberFormat(format);
    if (parsed.ok) expect(typeof formatLetterNumber(format, n, "2026-06-15")).toBe("string");
  }));
});

test("sequenceOf reads back this year's sequence only", () => {
  expect(sequenceOf(SPEC_FORMAT, "400.9.3.2/012/Dinsos/XI/2026", 2026)).toBe(12);
  expect(sequenceOf(SPEC_FORMAT, "400.9.3.2/012/Dinsos/XI/2025", 2026)).toBeNull();
  expect(sequenceOf(SPEC_FORMAT, "ditulis tangan", 2026)).toBeNull();
  expect(sequenceOf("{nomor}/Dinsos", "5/Dinsos", 2026)).toBeNull(); // no year in it: cannot tell years apart
  fc.assert(fc.property(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 1, max: 12 }), (n, m) => {
    const date = `2026-${String(m).padStart(2, "0")}-10`;
    expect(sequenceOf(SPEC_FORMAT, formatLetterNumber(SPEC_FORMAT, n, date), 2026)).toBe(n);
  }));
});

test("sequences only grow: past the counter and past any number already in the sheet; a counter per year", () => {
  expect(nextSequences(0, 0, 3)).toEqual({ sequences: [1, 2, 3], last: 3 });
  expect(nextSequences(10, 4, 1)).toEqual({ sequences: [11], last: 11 }); // letter 10 deleted: 10 is never reused
  expect(nextSequences(2, 9, 1)).toEqual({ sequences: [10], last: 10 });
  expect(counterKey(2026)).not.toBe(counterKey(2027));
});

test("Cara Penomoran", () => {
  expect(numberMode("")).toBe("auto");
  expect(numberMode("Otomatis")).toBe("auto");
  expect(numberMode(" manual ")).toBe("manual");
});
