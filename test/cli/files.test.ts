/**
 * Files in and files out: Excel input (built here with exceljs), --output as CSV and Excel
 * (round trip, formula safety, never overwriting the input), and every kind of file the CLI
 * cannot read or reads specially (UTF-16 "Unicode text", tab-separated, a title row, binaries).
 */
import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import { cli, TODAY, type Report } from "./helpers";

const HEADERS = ["ID Permohonan", "Tanggal Permohonan", "Nama", "NIK", "Nomor KK", "Tanggal SK Penonaktifan",
  "Status DTSEN/DTKS", "Desil", "Kebutuhan Layanan Kesehatan", "Dok. KTP", "Dok. KK", "Dok. Ket. Faskes", "Nomor HP", "Catatan"];
const ROWS = [
  ["PBI-1", "17/11/2026", "Sri Rahayu", "3578104903820002", "3578101204100003", "01/08/2026", "Terdaftar", "2", "Tidak Ada", "Ya", "Ya", "Ya", "+6281331245678", "=HYPERLINK(\"http://x\")"],
  ["PBI-2", "18/11/2026", "Bagus Prakoso", "3578062211740005", "3578060808080008", "15/09/2026", "Terdaftar", "7", "Tidak Ada", "Ya", "Ya", "", "081234567890", "@SUM(A1)"],
  ["PBI-3", "19/11/2026", "Wahyu Hidayat", "3578031003690001", "3578031403120002", "12/04/2026", "Terdaftar", "3", "Tidak Ada", "Ya", "Ya", "Ya", "-", "-1+2"],
];
const csv = (sep: string, rows = ROWS): string => [HEADERS, ...rows].map((r) => r.join(sep)).join("\n") + "\n";

async function json(path: string, files: Record<string, string | Uint8Array>, extra: string[] = []): Promise<Report> {
  const r = await cli(["check", path, "--today", TODAY, "--json", ...extra], files);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as Report;
}

/** A decision summary of a report, to compare two readings of one table. */
const decisions = (report: Report) => report.rows.map((r) => [r.row, r.decision, r.reasons, r.deadline]);

async function workbook(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** exceljs takes a cell's date and time as written (no time zone): Date.UTC gives the wall time. */
const wall = (y: number, m: number, d: number): Date => new Date(Date.UTC(y, m - 1, d));

describe("Excel input", () => {
  test("the same rows as text cells give the same decisions as the CSV", async () => {
    const xlsx = await workbook((wb) => {
      const ws = wb.addWorksheet("Permohonan");
      ws.addRow(HEADERS);
      for (const r of ROWS) ws.addRow(r);
    });
    const fromCsv = await json("/v/a.csv", { "/v/a.csv": csv(",") });
    const fromXlsx = await json("/v/a.xlsx", { "/v/a.xlsx": xlsx });
    expect(decisions(fromXlsx)).toEqual(decisions(fromCsv));
    expect(fromXlsx.rows.length).toBe(3);
  });

  test("typed cells arrive as values: a NIK stored as a number is NIK_PRECISION_LOST, date cells are calendar dates", async () => {
    const xlsx = await workbook((wb) => {
      const ws = wb.addWorksheet("Permohonan");
      ws.addRow(HEADERS);
      // What Excel keeps of a 16-digit NIK typed into a number cell: 15 significant digits.
      ws.addRow(["PBI-1", wall(2026, 11, 17), "Yohana Wenda", 9171034503820000, "3578101204100003", wall(2026, 8, 31), "Terdaftar", 2, "Tidak Ada", true, true, true]);
      ws.addRow(["PBI-2", wall(2026, 11, 18), "Bagus Prakoso", "3578062211740005", "3578060808080008", wall(2026, 8, 31), "Terdaftar", 2, "Tidak Ada", true, true, true]);
      ws.getColumn(2).numFmt = "dd/mm/yyyy";
      ws.getColumn(6).numFmt = "dd/mm/yyyy";
    });
    const report = await json("/v/typed.xlsx", { "/v/typed.xlsx": xlsx });
    expect(report.rows[0]!.decision).toBe("INVALID");
    expect(report.rows[0]!.findings.map((f) => f.code)).toEqual(["NIK_PRECISION_LOST"]);
    // 31 Aug + 6 months, inclusive: 28 Feb 2027 (the date cell was read as 31 Aug, not 30 Aug).
    expect(report.rows[1]!.decision).toBe("ELIGIBLE");
    expect(report.rows[1]!.deadline).toBe("2027-02-28");
  });

  test("formula cells give their result, rich text its text", async () => {
    const xlsx = await workbook((wb) => {
      const ws = wb.addWorksheet("Permohonan");
      ws.addRow(HEADERS);
      ws.addRow(ROWS[0]);
      ws.getCell("C2").value = { richText: [{ text: "Sri " }, { text: "Rahayu", font: { bold: true } }] };
      ws.getCell("H2").value = { formula: "1+1", result: 2 };
    });
    const r = await cli(["check", "/v/f.xlsx", "--today", TODAY], { "/v/f.xlsx": xlsx });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^2\s+Sri Rahayu\s+Layak/m);
  });

  test("--sheet picks a sheet; without it a sheet named Permohonan wins over the first", async () => {
    const xlsx = await workbook((wb) => {
      wb.addWorksheet("Catatan").addRow(["Catatan kantor"]);
      const a = wb.addWorksheet("Permohonan");
      a.addRow(HEADERS);
      a.addRow(ROWS[0]);
      const b = wb.addWorksheet("Desember");
      b.addRow(HEADERS);
      b.addRow(ROWS[0]);
      b.addRow(ROWS[1]);
    });
    expect((await json("/v/s.xlsx", { "/v/s.xlsx": xlsx })).rows.length).toBe(1);
    expect((await json("/v/s.xlsx", { "/v/s.xlsx": xlsx }, ["--sheet", "Desember"])).rows.length).toBe(2);
    const missing = await cli(["check", "/v/s.xlsx", "--sheet", "Januari", "--today", TODAY], { "/v/s.xlsx": xlsx });
    expect(missing.code).toBe(2);
    expect(missing.stdout).toBe("");
    expect(missing.stderr).toContain('Sheet "Januari" tidak ada');
    expect(missing.stderr).toContain('"Desember"');
  });

  test("a report title above the headers: the header must be row 1", async () => {
    const xlsx = await workbook((wb) => {
      const ws = wb.addWorksheet("Permohonan");
      ws.addRow(["Rekap Permohonan Reaktivasi PBI-JK November 2026"]);
      ws.addRow([]);
      ws.addRow(HEADERS);
      ws.addRow(ROWS[0]);
    });
    const r = await cli(["check", "/v/t.xlsx", "--today", TODAY], { "/v/t.xlsx": xlsx });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/harus berada di baris 1/);
    expect(r.stderr).toMatch(/baris 3/);
  });
});

describe("--output", () => {
  test("CSV: UTF-8 with BOM, the input's separator, input rows unchanged plus the result columns", async () => {
    const files: Record<string, string | Uint8Array> = { "/v/in.csv": csv(";") };
    const r = await cli(["check", "/v/in.csv", "--today", TODAY, "--output", "/v/hasil.csv"], files);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("/v/hasil.csv");
    const bytes = files["/v/hasil.csv"] as Uint8Array;
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    const records = parse(text, { delimiter: ";" }) as string[][];
    expect(records[0]).toEqual([...HEADERS, "Hasil Pemeriksaan", "Keputusan", "Alasan", "Batas Reaktivasi", "Dokumen Kurang"]);
    expect(records.length).toBe(ROWS.length + 1);
    const unsafe = /^[=+\-@]./;
    records.slice(1).forEach((rec, i) => {
      // Input cells are unchanged except that formula-like text gains a leading apostrophe.
      expect(rec.slice(0, HEADERS.length)).toEqual(ROWS[i]!.map((c) => (unsafe.test(c) ? `'${c}` : c)));
      for (const cell of rec) expect(cell).not.toMatch(unsafe);
    });
    expect(records[1]!.slice(HEADERS.length)).toEqual(["OK", "Layak", "", "01/02/2027", ""]);
    const [, decision, reasons, , missing] = records[2]!.slice(HEADERS.length);
    expect(decision).toBe("Tidak Layak");
    expect(reasons).toMatch(/desil/i);
    expect(missing).toBe("surat dari rumah sakit atau puskesmas");
    expect(records[3]![HEADERS.length + 1]).toBe("Tidak Layak");
    expect(records[3]![HEADERS.length + 2]).toMatch(/sudah lewat/);
  });

  test("CSV keeps a tab-separated input's separator; the findings follow the summary", async () => {
    const rows = [ROWS[0]!.map((c, i) => (i === 3 ? "1234" : c))];
    const files: Record<string, string | Uint8Array> = { "/v/in.txt": csv("\t", rows) };
    expect((await cli(["check", "/v/in.txt", "--today", TODAY, "--output", "/v/out.csv"], files)).code).toBe(0);
    const records = parse(new TextDecoder().decode(files["/v/out.csv"] as Uint8Array), { delimiter: "\t" }) as string[][];
    expect(records[0]!.length).toBe(HEADERS.length + 5);
    const summary = records[1]![HEADERS.length]!;
    expect(summary).toMatch(/^1 galat/);
    expect(summary).toContain("NIK_FORMAT");
    expect(records[1]![HEADERS.length + 1]).toBe("Data Tidak Valid");
  });

  test("result columns the file already has are filled in place, not repeated", async () => {
    const headers = [...HEADERS, "Keputusan"];
    const text = [headers, [...ROWS[0]!, "lama"]].map((r) => r.join(",")).join("\n");
    const files: Record<string, string | Uint8Array> = { "/v/in.csv": text };
    expect((await cli(["check", "/v/in.csv", "--today", TODAY, "--output", "/v/out.csv"], files)).code).toBe(0);
    const records = parse(new TextDecoder().decode(files["/v/out.csv"] as Uint8Array)) as string[][];
    expect(records[0]!.filter((h) => h === "Keputusan").length).toBe(1);
    expect(records[1]![headers.length - 1]).toBe("Layak");
  });

  test("Excel: the input rows plus the result columns; text that looks like a formula is not one", async () => {
    const files: Record<string, string | Uint8Array> = { "/v/in.csv": csv(",") };
    const r = await cli(["check", "/v/in.csv", "--today", TODAY, "--output", "/v/hasil.xlsx"], files);
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(files["/v/hasil.xlsx"] as Uint8Array) as never);
    const ws = wb.worksheets[0]!;
    const row = (n: number) => (ws.getRow(n).values as unknown[]).slice(1);
    expect(row(1)).toEqual([...HEADERS, "Hasil Pemeriksaan", "Keputusan", "Alasan", "Batas Reaktivasi", "Dokumen Kurang"]);
    expect(row(2).slice(0, 3)).toEqual(["PBI-1", "17/11/2026", "Sri Rahayu"]);
    for (let n = 2; n <= 4; n++) {
      ws.getRow(n).eachCell((cell) => {
        expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
        if (typeof cell.value === "string") expect(cell.value).not.toMatch(/^[=+\-@]./);
      });
    }
    expect(ws.getCell(2, HEADERS.length).value).toBe(`'=HYPERLINK("http://x")`);
    expect(ws.getCell(2, HEADERS.length + 2).value).toBe("Layak");
    // The deadline is a date cell: 1 Aug 2026 + 6 months.
    const deadline = ws.getCell(2, HEADERS.length + 4);
    expect(deadline.value).toEqual(wall(2027, 2, 1));
    expect(deadline.numFmt).toBe("dd/mm/yyyy");
  });

  test("Excel in, Excel out: typed cells stay typed", async () => {
    const xlsx = await workbook((wb) => {
      const ws = wb.addWorksheet("Data Nov");
      ws.addRow(HEADERS);
      ws.addRow(["PBI-1", wall(2026, 11, 17), "Sri Rahayu", "3578104903820002", "3578101204100003", wall(2026, 8, 1), "Terdaftar", 2, "Tidak Ada", true, true, true]);
    });
    const files: Record<string, string | Uint8Array> = { "/v/in.xlsx": xlsx };
    expect((await cli(["check", "/v/in.xlsx", "--today", TODAY, "--output", "/v/out.xlsx"], files)).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(files["/v/out.xlsx"] as Uint8Array) as never);
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe("Data Nov");
    expect(ws.getCell("B2").value).toEqual(wall(2026, 11, 17));
    expect(ws.getCell("H2").value).toBe(2);
    expect(ws.getCell("J2").value).toBe(true);
    expect(ws.getCell(2, HEADERS.length + 2).value).toBe("Layak");
  });

  test("never overwrites the input file, and says so", async () => {
    const files: Record<string, string | Uint8Array> = { "/v/in.csv": csv(",") };
    const r = await cli(["check", "/v/in.csv", "--today", TODAY, "--output", "/v/../v/in.csv"], files);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/tidak ditimpa/);
    expect(files["/v/in.csv"]).toBe(csv(","));
  });

  test("an output name that is neither .csv nor .xlsx is a usage error", async () => {
    const r = await cli(["check", "/v/in.csv", "--today", TODAY, "--output", "/v/hasil.pdf"], { "/v/in.csv": csv(",") });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\.csv atau \.xlsx/);
  });
});

describe("files that need care", () => {
  test("UTF-16 with BOM, tab-separated (Excel's \"Unicode text\") is read like the UTF-8 CSV", async () => {
    const utf16 = new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csv("\t"), "utf16le")]));
    const expected = decisions(await json("/v/a.csv", { "/v/a.csv": csv(",") }));
    expect(decisions(await json("/v/unicode.txt", { "/v/unicode.txt": utf16 }))).toEqual(expected);
    const be = Buffer.from(csv("\t"), "utf16le").swap16();
    expect(decisions(await json("/v/be.txt", { "/v/be.txt": new Uint8Array(Buffer.concat([Buffer.from([0xfe, 0xff]), be])) }))).toEqual(expected);
  });

  test("tab-separated UTF-8 is read", async () => {
    const expected = decisions(await json("/v/a.csv", { "/v/a.csv": csv(",") }));
    expect(decisions(await json("/v/tab.tsv", { "/v/tab.tsv": csv("\t") }))).toEqual(expected);
  });

  test.each([
    ["a title line", "Daftar Permohonan Reaktivasi PBI-JK\n", 2],
    ["a title and a blank line", "Daftar Permohonan,,,\n,,,\n", 3],
    ["a title line, semicolons", "Daftar Permohonan Reaktivasi PBI-JK\n", 2, ";"],
  ])("a CSV with %s above the headers: the header must be row 1", async (_label, title, row, sep = ",") => {
    const r = await cli(["check", "/v/t.csv", "--today", TODAY], { "/v/t.csv": title + csv(sep) });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/Judul kolom harus berada di baris 1/);
    expect(r.stderr).toContain(`ditemukan di baris ${row}`);
  });

  test.each([
    ["an xlsx named .csv", "data.csv", [0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0], /Excel \(\.xlsx\)/],
    ["a PDF", "surat.csv", [...Buffer.from("%PDF-1.7\n"), 0, 1, 2], /PDF/],
    ["an old .xls workbook", "data.csv", [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0], /\.xls/],
    ["an image", "foto.csv", [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d], /biner/],
    ["a text file named .xlsx", "data.xlsx", [...Buffer.from("NIK,Nama\n1,2\n")], /\.csv/],
    ["a PDF named .xlsx", "data.xlsx", [...Buffer.from("%PDF-1.7\n"), 0], /PDF/],
    ["a damaged .xlsx", "data.xlsx", [0x50, 0x4b, 0x03, 0x04, 1, 2, 3], /tidak dapat dibuka/],
    ["an .xls file", "lama.xls", [0xd0, 0xcf, 0x11, 0xe0], /97-2003/],
  ])("%s gets a clear message and exit 2", async (_label, name, bytes, message) => {
    const r = await cli(["check", `/v/${name}`, "--today", TODAY], { [`/v/${name}`]: new Uint8Array(bytes) });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toMatch(/simpan|beri nama/);
    expect(r.stderr).not.toMatch(/Error\b|\n\s+at /);
  });
});

test("--output copes with very many rows (no argument spread over the rows)", async () => {
  const { resultRecords } = await import("../../src/cli/output");
  const { findProfile } = await import("../../src/domain/profiles");
  const rows = Array.from({ length: 200_000 }, (_, i) => (i === 7 ? ["a", "b", "c"] : ["a"]));
  const check = { columns: {}, missingRequired: [], missingAnchor: null, missingUsed: [], duplicateColumns: [], results: [] };
  const records = resultRecords({ delimiter: ",", sheetName: "Permohonan", headers: ["Nama"], rows, notes: [] }, check, findProfile("nasional-2026")!);
  expect(records[0]).toEqual(["Nama", "", "", "Hasil Pemeriksaan", "Keputusan", "Alasan", "Batas Reaktivasi", "Dokumen Kurang"]);
  expect(records.length).toBe(200_001);
});
