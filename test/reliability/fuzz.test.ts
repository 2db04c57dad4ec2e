/**
 * 10,000 fuzzed rows (random text, numbers, Dates, blanks, huge strings, formula text, and some
 * eligible requests) through Siapkan Sheet, Periksa Semua, Buat Draf Surat and a second check on
 * the fakes: nothing throws, every non-blank row gets a result, no input cell is lost or altered
 * (other than the documented phone normalisation and IDs given to rows without one).
 */
import fc from "fast-check";
import { booleanColumns, isBlankRow } from "../../src/domain/check";
import { columnForHeader, mapHeaders } from "../../src/domain/columns";
import { normalisePhone } from "../../src/domain/identity";
import { checkAll } from "../../src/gas/app";
import { draftLetters } from "../../src/gas/letters";
import { setupSpreadsheet } from "../../src/gas/setup";
import type { FakeEnv } from "../fakes";
import { installFakeDocs } from "../fakes/document";
import { eligible, freshEnv, preparedSheet, TODAY } from "../gas/helpers";
import { configureOffice, OPERATOR } from "../gas/letterHelpers";

const ROWS = 10_000;

const huge = fc
  .tuple(fc.string({ minLength: 1, maxLength: 4 }), fc.integer({ min: 10_000, max: 60_000 }))
  .map(([s, n]) => s.repeat(Math.ceil(n / s.length)).slice(0, n));
const formula = fc.constantFrom("=1+1", '=HYPERLINK("http://x.test","klik")', "=IMPORTXML(A1,B1)", "+6281234567890", "-5", "@SUM(A1:A3)", "=", "'=2*3");
const office = fc.constantFrom("Ya", "Tidak", "TRUE", "v", "Terdaftar", "Tidak Terdaftar", "Penyakit Kronis", "Selesai", "Draf", "20/11/2026",
  "2026-11-2x", "3273014101900001", "3.27301E+15", "0812-3456-7890", "PBI-2026-00001", " ", "\t\n");
const cellArb = fc.oneof(
  { weight: 6, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 12 }) },
  { weight: 3, arbitrary: fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constant(3273014101900001)) },
  { weight: 2, arbitrary: fc.date({ min: new Date("1890-01-01"), max: new Date("2100-01-01"), noInvalidDate: true }) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 6, arbitrary: fc.constant("") },
  { weight: 2, arbitrary: formula },
  { weight: 5, arbitrary: office },
);
// Huge strings are rare (about one cell in 500): enough to hit every column, cheap enough to copy.
const cell = fc.oneof({ weight: 499, arbitrary: cellArb }, { weight: 1, arbitrary: huge });

let env: FakeEnv;
let docs: ReturnType<typeof installFakeDocs>;
beforeEach(() => {
  env = freshEnv();
  docs = installFakeDocs();
});
afterEach(() => {
  docs.uninstall();
  env.uninstall();
});

const sameCell = (a: unknown, b: unknown) =>
  a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : Object.is(a, b) || (typeof a === "number" && a === b);

test(`${ROWS.toLocaleString("en")} fuzzed rows: setup, check, drafting and a second check never throw, lose or alter input`, () => {
  const sheet = preparedSheet(env);
  configureOffice(env);
  const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0]!.map(String);
  const width = headers.length;
  const rows = fc.sample(fc.array(cell, { minLength: width, maxLength: width }), { numRuns: ROWS, seed: 18 });
  // Every 20th row a real request, so drafting and the letter columns are exercised too.
  rows.forEach((row, i) => {
    if (i % 20) return;
    const e = eligible(`Pemohon ${i}`, (i % 9999) + 1);
    headers.forEach((h, c) => (row[c] = h in e ? (e[h] as typeof row[number]) : ""));
  });
  sheet.insertRowsAfter(sheet.getMaxRows(), ROWS);
  sheet.getRange(2, 1, ROWS, width).setValues(rows);
  const before = sheet.getRange(2, 1, ROWS, width).getValues();
  const shownIds = sheet.getRange(2, headers.indexOf("ID Permohonan") + 1, ROWS, 1).getDisplayValues().map((r) => r[0]!.trim());

  expect(() => setupSpreadsheet(env.spreadsheet, "admin@dinsos.go.id")).not.toThrow();
  expect(checkAll(env.spreadsheet, TODAY)).toContain("permohonan diperiksa");
  env.setUser(OPERATOR);
  env.setSelection(sheet.getRange(2, 1, ROWS, 1));
  const drafted = draftLetters(env.spreadsheet, { now: TODAY });
  expect(typeof drafted).toBe("string");
  env.setUser("admin@dinsos.go.id");
  expect(checkAll(env.spreadsheet, TODAY)).toContain("permohonan diperiksa");

  const after = sheet.getRange(2, 1, ROWS, width).getValues();
  const col = (h: string) => headers.indexOf(h);
  const [id, phone, decision] = [col("ID Permohonan"), col("Nomor HP"), col("Keputusan")];
  const booleans = booleanColumns(mapHeaders(headers));
  const seenIds = new Set<string>();
  const problems: string[] = [];
  before.forEach((row, r) => {
    const now = after[r]!;
    if (!isBlankRow(row.map((c) => (c instanceof Date ? "d" : (c as string | number | boolean))), booleans) && now[decision] === "") {
      problems.push(`row ${r + 2}: no decision`);
    }
    headers.forEach((h, c) => {
      if (columnForHeader(h)?.output || c === id) return;
      if (sameCell(row[c], now[c])) return;
      if (c === phone && now[c] === normalisePhone(String(row[c]))) return;
      // Siapkan Sheet also formats rows pasted below its range. A blank checkbox reads false
      // (unticked either way); a number under a date format reads as a Date (Sheets keeps the
      // serial; the fake models only the calendar's own range exactly).
      const type = columnForHeader(h)?.type;
      if (type === "bool" && row[c] === "" && now[c] === false) return;
      if ((type === "date" || type === "datetime") && typeof row[c] === "number" && now[c] instanceof Date) return;
      problems.push(`row ${r + 2} "${h}" changed: ${JSON.stringify(row[c]).slice(0, 30)} -> ${JSON.stringify(now[c]).slice(0, 30)}`);
    });
    // An ID an earlier row already shows is a copied row's: it gets a new one. Only text IDs are
    // compared: two odd numbers (4e-323, -4e-323) may read as one ID, as they display alike.
    const original = shownIds[r]!;
    if (typeof row[id] === "string" && original && !seenIds.has(original) && !sameCell(now[id], row[id])) problems.push(`row ${r + 2}: its ID was replaced (${JSON.stringify(row[id]).slice(0, 40)} -> ${JSON.stringify(now[id])})`);
    seenIds.add(original);
  });
  expect(problems.slice(0, 10)).toEqual([]);
  // Drafted rows have one document each, and every document is linked from one row.
  const linked = after.map((r) => /\/d\/(doc-\d+)/.exec(String(r[col("Tautan Surat")]))?.[1]).filter((d) => d !== undefined);
  expect(linked.length).toBeGreaterThan(0); // a batch drafts at most MAX_LETTERS_PER_RUN
  expect(new Set(linked).size).toBe(linked.length);
  expect(docs.documents.size).toBe(linked.length);
});

test("a normalised phone stays text in rows pasted below the formatted range (it would become a number)", () => {
  const sheet = preparedSheet(env);
  const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0]!.map(String);
  const phone = headers.indexOf("Nomor HP") + 1;
  const row = sheet.getMaxRows() + 1;
  sheet.insertRowsAfter(sheet.getMaxRows(), 1);
  sheet.getRange(2, 1, row - 2, headers.length).setValue("");
  const cells = headers.map((h) => (eligible("Ani", 1, { "Nomor HP": "0812-3456-7890", "Tanggal Permohonan": "2026-11-20", "Tanggal SK Penonaktifan": "2026-08-01" })[h] ?? "") as string | boolean);
  sheet.getRange(row, 1, 1, headers.length).setValues([cells]);
  sheet.getRange(row, phone).setNumberFormat("General");
  checkAll(env.spreadsheet, TODAY);
  expect(sheet.getRange(row, phone).getValues()[0]![0]).toBe("+6281234567890");
});
