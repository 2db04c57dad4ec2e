/**
 * The fast CSV reader agrees with csv-parse on everything it accepts, accepts every well-formed
 * file, and leaves the rest to csv-parse; the separator and formula-safety helpers.
 */
import fc from "fast-check";
import { parse } from "csv-parse/sync";
import { parseToday, UsageError } from "../../src/cli/args";
import { decodeText, type Delimiter, detectDelimiter, InputError, parseCsv, parseWellFormed, writeCsv } from "../../src/cli/csv";
import { guardFormula } from "../../src/domain/privacy";
import { loadTable } from "../../src/cli/input";

const csvParse = (text: string, delimiter: Delimiter): string[][] =>
  parse(text, { delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false }) as string[][];

const delimiter = fc.constantFrom<Delimiter>(",", ";", "\t");
const cell = fc.stringMatching(/^[a-zA-Z0-9 ,;\t"\r\n'=.-]{0,8}$/);
const records = fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 6 });

/** RFC 4180 text of records: a field is quoted when it holds a quote, separator or line break. */
function serialise(rows: string[][], sep: Delimiter, eol: string): string {
  return rows.map((r) => r.map((c) => (/["\r\n]/.test(c) || c.includes(sep) ? `"${c.replace(/"/g, '""')}"` : c)).join(sep)).join(eol);
}

describe("parseWellFormed", () => {
  test("reads every well-formed file (LF or CRLF, with or without a final line end) exactly as csv-parse does", () => {
    fc.assert(
      fc.property(records, delimiter, fc.constantFrom("\n", "\r\n"), fc.boolean(), (rows, sep, eol, final) => {
        const text = serialise(rows, sep, eol) + (final ? eol : "");
        const fast = parseWellFormed(text, sep);
        expect(fast).not.toBeNull();
        expect(fast).toEqual(csvParse(text, sep));
      }),
      { numRuns: 2000 },
    );
  });

  test("on any text, it either declines (null) or agrees with csv-parse", () => {
    const anyText = fc.stringMatching(/^[ab ,;\t"\r\n]{0,24}$/);
    fc.assert(
      fc.property(anyText, delimiter, (text, sep) => {
        const fast = parseWellFormed(text, sep);
        if (fast === null) return;
        expect(fast).toEqual(csvParse(text, sep));
      }),
      { numRuns: 2000 },
    );
  });

  test.each([
    ["a stray quote inside a field", 'a,b"c\n'],
    ["text after a closing quote", '"a"b,c\n'],
    ["an unterminated quote", 'a,"bc\n'],
    ["LF after a CRLF first line", "a,b\r\nc\nd\r\n"],
    ["CR in an LF file", "a,b\nc\rd\n"],
    ["old Mac line ends", "a,b\rc,d\r"],
  ])("declines %s", (_label, text) => {
    expect(parseWellFormed(text, ",")).toBeNull();
  });
});

describe("detectDelimiter", () => {
  test.each([
    ["a,b,c\n1,2,3", ","],
    ["a;b;c\n1;2;3", ";"],
    ["a\tb\tc\n1\t2\t3", "\t"],
    ['"a;b",c,d\n', ","],
    ["Daftar Permohonan\na;b;c\n1;2;3\n", ";"],
    // Known headers decide over unquoted separators in notes and addresses (Excel and Sheets quote neither).
    ["Nama;NIK;Alamat;Catatan\nSri;3578;Jl. Ploso 21, RT 02, RW 07, Kel. Ploso;kemoterapi, kontrol, obat, surat RS\n", ";"],
    ["Nama,NIK,Catatan\nSri,3578,a;b;c;d;e;f;g\n", ","],
    ["Nama\tNIK\tCatatan\nSri\t3578\ta,b,c;d;e\n", "\t"],
    ['"Nama";"NIK"\r\n"Sri, S.Pd.";"3578"\r\n', ";"],
    // No known header: counted as before.
    ["x;y,z;w\n", ";"],
  ])("%j -> %j", (text, expected) => {
    expect(detectDelimiter(text)).toBe(expected);
  });
});

describe("formula safety", () => {
  test.each([["=1+1"], ["+62812"], ["-5"], ["@SUM(A1)"], ["\t=1"], ["\r=1"]])("%j gets a leading apostrophe", (text) => {
    expect(guardFormula(text)).toBe(`'${text}`);
  });

  test.each([["Sri Rahayu"], ["3578104903820002"], ["'=already"], [""], ["a=b"], ["-"], ["+"]])("%j stays as it is", (text) => {
    expect(guardFormula(text)).toBe(text);
  });

  test("writeCsv output read back by csv-parse gives the safe cells, never one starting with a formula sign", () => {
    fc.assert(
      fc.property(records, delimiter, (rows, sep) => {
        const text = writeCsv(rows, sep);
        expect(text.startsWith("\uFEFF")).toBe(true);
        const back = csvParse(text.slice(1), sep);
        expect(back).toEqual(rows.map((r) => r.map(guardFormula)));
      }),
    );
  });
});

describe("decodeText", () => {
  test("UTF-8, with a genuine U+FFFD too, stays UTF-8", () => {
    expect(decodeText(new TextEncoder().encode("Nama\nSiti Aisyah \uFFFD é"))).toEqual({ text: "Nama\nSiti Aisyah \uFFFD é", latin1: false });
  });

  test("bytes that are not UTF-8 are read as Windows-1252", () => {
    // "Désa" and "Rp 5·000" as Windows-1252 bytes (é = E9, · = B7)
    const bytes = new Uint8Array([0x44, 0xe9, 0x73, 0x61, 0x0a, 0x52, 0x70, 0x20, 0x35, 0xb7, 0x30, 0x30, 0x30]);
    expect(decodeText(bytes)).toEqual({ text: "Désa\nRp 5·000", latin1: true });
  });

  test("UTF-16 with either BOM", () => {
    const le = new Uint8Array([0xff, 0xfe, ...Buffer.from("NIK\tNama", "utf16le")]);
    const be = new Uint8Array([0xfe, 0xff, ...Buffer.from("NIK\tNama", "utf16le").swap16()]);
    expect(decodeText(le).text.replace(/^\uFEFF/, "")).toBe("NIK\tNama");
    expect(decodeText(be).text.replace(/^\uFEFF/, "")).toBe("NIK\tNama");
  });
});

describe("no input makes a reader fail other than with a message for the user", () => {
  const bytes = fc.oneof(
    fc.uint8Array({ maxLength: 200 }),
    fc.string({ maxLength: 100 }).map((s) => new TextEncoder().encode(s)),
    fc.uint8Array({ maxLength: 100 }).map((b) => new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...b])),
  );

  test("parseCsv: a table or an InputError", () => {
    fc.assert(
      fc.property(bytes, (b) => {
        try {
          parseCsv(b);
        } catch (error) {
          expect(error).toBeInstanceOf(InputError);
        }
      }),
    );
  });

  test("loadTable: a table or an InputError, for CSV and Excel names alike", async () => {
    await fc.assert(
      fc.asyncProperty(bytes, fc.constantFrom("a.csv", "a.xlsx", "a.xls", "a.txt"), async (b, name) => {
        try {
          await loadTable(name, b, undefined);
        } catch (error) {
          expect(error).toBeInstanceOf(InputError);
        }
      }),
      { numRuns: 200 },
    );
  });

  test("parseToday: a date or a UsageError", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^\d{1,4}[-/]\d{1,2}[-/]\d{1,4}$/)), (text) => {
        try {
          expect(parseToday(text)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        } catch (error) {
          expect(error).toBeInstanceOf(UsageError);
        }
      }),
    );
  });
});
