/**
 * `pbijk export` and `pbijk rekap` against a local stub of the Sheets API: the minimised BPJS view
 * (masked NIK, formula-safe, written RAW to a separate spreadsheet) and one summary over offices
 * read concurrently, where one failing office is named and the others still counted.
 */
import { liveCli, serial, type Stub, type StubSpreadsheet, startStub, type Value } from "./liveStub";
import { rekapText } from "../../src/cli/liveCommands";
import { summarise } from "../../src/domain/rekap";
import { ALL_KEYS, eligibleFields, headersFor, makeNik, profile, toCells } from "../domain/helpers";

jest.setTimeout(20_000);

const HEADERS = ["ID Permohonan", "Nama", "NIK", "Nomor KK", "Tanggal Permohonan", "Tanggal SK Penonaktifan", "Tahap", "Diserahkan Pada", "Nomor Kartu KIS", "Nomor Surat", "Kebutuhan Layanan Kesehatan"];

function office(title: string, rows: Value[][]): StubSpreadsheet {
  return { title, sheets: { Permohonan: { values: [HEADERS, ...rows] } } };
}

const APPLIED = serial(2026, 11, 2);
const SK = serial(2026, 10, 15);
const HANDED = [
  ["PBI-2026-00002", "=HYPERLINK(\"http://x\")", "3273014506800001", "3273010101010001", APPLIED, SK, "Diserahkan", "", "0001234567890", "400/12/Dinsos", "Penyakit Kronis"],
  ["PBI-2026-00001", "Budi", "3273011203750002", "3273010101010002", APPLIED, SK, "Diserahkan", "", "", "", "Tidak Ada"],
  ["PBI-2026-00003", "Citra", "3273015508900003", "3273010101010003", APPLIED, SK, "Diperiksa", "", "", "", "Tidak Ada"],
];

let stub: Stub;
afterEach(async () => {
  await stub?.close();
});

const text = (data: Uint8Array | undefined) => new TextDecoder().decode(data);

describe("export", () => {
  test("--to bpjs.csv: handed-over requests only, masked NIK, no KK or health, formula-safe", async () => {
    stub = await startStub({ S1: office("Kota A", HANDED) });
    const r = await liveCli(stub, ["export", "--spreadsheet", "S1", "--to", "bpjs.csv"]);
    expect(r.code).toBe(0);
    const csv = text(r.files["bpjs.csv"]);
    const lines = csv.replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(lines[0]).toMatch(/^ID Permohonan,Nama,NIK \(Disamarkan\),Nomor Kartu KIS/);
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^PBI-2026-00001,Budi,3273\*{8}0002,/);
    expect(lines[2]).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(lines[2]).toContain("0001234567890");
    expect(csv).not.toContain("3273014506800001");
    expect(csv).not.toContain("3273010101010001");
    expect(csv).not.toContain("Penyakit Kronis");
    expect(r.stderr).toMatch(/2 permohonan untuk BPJS.*NIK disamarkan/);
    expect(stub.requests.every((q) => q.method === "GET")).toBe(true);
  });

  test("--full keeps the NIK whole", async () => {
    stub = await startStub({ S1: office("Kota A", HANDED) });
    const r = await liveCli(stub, ["export", "--spreadsheet", "S1", "--to", "bpjs.csv", "--full"]);
    expect(r.code).toBe(0);
    const csv = text(r.files["bpjs.csv"]);
    expect(csv).toMatch(/^ID Permohonan,Nama,NIK,/);
    expect(csv).toContain("3273014506800001");
  });

  test("--to bpjs.xlsx writes an Excel workbook", async () => {
    stub = await startStub({ S1: office("Kota A", HANDED) });
    const r = await liveCli(stub, ["export", "--spreadsheet", "S1", "--to", "bpjs.xlsx"]);
    expect(r.code).toBe(0);
    expect([...r.files["bpjs.xlsx"]!.slice(0, 2)]).toEqual([0x50, 0x4b]);
  });

  test("--to-spreadsheet: a new `Untuk BPJS` sheet in the other spreadsheet, values RAW so none runs", async () => {
    stub = await startStub({ S1: office("Kota A", HANDED), S2: { title: "Untuk BPJS Kota A", sheets: { Sheet1: { values: [] } } } });
    const r = await liveCli(stub, ["export", "--spreadsheet", "S1", "--to-spreadsheet", "S2"]);
    expect(r.code).toBe(0);
    const put = stub.requests.find((q) => q.method === "PUT")!;
    expect(put.query.get("valueInputOption")).toBe("RAW");
    const values = stub.books.S2!.sheets["Untuk BPJS"]!.values;
    expect(values).toHaveLength(3);
    expect(values[2]![1]).toBe("'=HYPERLINK(\"http://x\")"); // guarded: the sheet may be downloaded as CSV
    expect(values[1]![2]).toBe("3273********0002");
    // The order: add the sheet, clear it, write it.
    expect(stub.requests.filter((q) => q.method === "POST").map((q) => q.path)).toEqual(["/v4/spreadsheets/S2:batchUpdate", "/v4/spreadsheets/S2/values/'Untuk BPJS':clear"]);
  });

  test("--to-spreadsheet refuses the source itself", async () => {
    stub = await startStub({ S1: office("Kota A", HANDED) });
    const r = await liveCli(stub, ["export", "--spreadsheet", "S1", "--to-spreadsheet", "S1"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/spreadsheet lain/);
    expect(stub.requests).toHaveLength(0);
  });

  test("a sheet without an ID column is named", async () => {
    stub = await startStub({ S1: { title: "X", sheets: { Permohonan: { values: [["Nama", "NIK"], ["A", "1"]] } } } });
    const r = await liveCli(stub, ["export", "--spreadsheet", "S1", "--to", "bpjs.csv"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/tidak punya kolom "ID Permohonan"/);
  });
});

test.each([["export"], ["rekap"]])("pbijk %s --help explains the command without touching the API", async (command) => {
  stub = await startStub({});
  const r = await liveCli(stub, [command, "--help"]);
  expect(r.code).toBe(0);
  expect(r.stdout).toMatch(new RegExp(`^Pemakaian: pbijk ${command} \\(?--spreadsheet`));
  expect(stub.requests).toHaveLength(0);
});

describe("rekap", () => {
  const offices = () => ({
    A: office("Dinsos Kota A", HANDED),
    B: office("Dinsos Kab B", HANDED.slice(0, 1)),
    C: { ...office("Dinsos Kab C", HANDED), fail: 403 },
    D: office("Dinsos Kab D", HANDED.slice(1)),
    E: office("Dinsos Kab E", HANDED.slice(2)),
  });

  test("one office failing is named; the others are summed; exit 1", async () => {
    stub = await startStub(offices());
    const r = await liveCli(stub, ["rekap", "--spreadsheets", "A,B,C", "--today", "2026-11-24", "--json"]);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { offices: { spreadsheet: string; title: string }[]; failed: { spreadsheet: string; message: string }[]; rekap: { total: number } };
    expect(out.rekap.total).toBe(4);
    expect(out.offices.map((o) => o.title)).toEqual(["Dinsos Kota A", "Dinsos Kab B"]);
    expect(out.failed).toHaveLength(1);
    expect(out.failed[0]!.spreadsheet).toBe("C");
    expect(out.failed[0]!.message).toMatch(/tidak ada izin/);
    expect(r.stderr).toMatch(/kantor C tidak ikut direkap: .*tidak ada izin/);
  });

  test("a readable table, a CSV, and --list with comments; all read: exit 0", async () => {
    stub = await startStub(offices());
    const list = new TextEncoder().encode("# kab/kota Jawa Barat\nA\n\nhttps://docs.google.com/spreadsheets/d/B/edit#gid=0\nD # kab D\n");
    const r = await liveCli(stub, ["rekap", "--list", "ids.txt", "--today", "2026-11-24", "--csv", "rekap.csv"], {}, { "ids.txt": list });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Rekap PBI-JK\s+per 24 November 2026/);
    expect(r.stdout).toMatch(/Jumlah permohonan\s+6\n/);
    expect(r.stdout).not.toContain("tidak terbaca");
    expect(text(r.files["rekap.csv"])).toMatch(/\r\nJumlah permohonan,6,/);
  });

  test("offices are read concurrently, at most 4 at a time", async () => {
    stub = await startStub(offices());
    stub.delayMs = 30;
    const r = await liveCli(stub, ["rekap", "--spreadsheets", "A,B,D,E,A2", "--today", "2026-11-24", "--json"]);
    expect(r.code).toBe(1); // A2 does not exist
    expect(r.stderr).toMatch(/kantor A2 .*tidak ditemukan/);
    // Five offices, four at a time; per office the title, then its two reads together.
    expect(stub.maxBooksInFlight).toBe(4);
    expect(stub.maxInFlight).toBeLessThanOrEqual(8);
  });

  test("nothing readable: exit 2", async () => {
    stub = await startStub({});
    const r = await liveCli(stub, ["rekap", "--spreadsheets", "X,Y"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/tidak ada spreadsheet yang dapat dibaca/);
  });
});

test("the rekap table gives service times in minutes and as days and hours, dates as dd/mm/yyyy", () => {
  const fields = eligibleFields("nasional-2026", {
    id: "S1", name: "Pemohon", nik: makeNik({ region: "327302", birth: "1962-07-05", serial: "0031" }), stage: "Selesai", completeAt: "08/11/2026 08:00",
  });
  // 08/11 08:00 → 20/11 09:53: 12 × 1440 + 113 = 17,393 minutes.
  const grid = [[...headersFor(ALL_KEYS), "Diserahkan Pada"], [...toCells(fields, ALL_KEYS), "20/11/2026 09:53"]];
  const out = rekapText(summarise([{ source: "Kota A", profile: profile("nasional-2026"), grid }], "2026-11-24"), [], []);
  expect(out).toMatch(/\nMedian \(menit\) +17393 +12 hari 2 jam\n/);
  expect(out).toMatch(/\nSLA \(menit\) +45 +45 menit\n/);
  expect(out).toMatch(/\n23\/11\/2026 +\d/);
});
