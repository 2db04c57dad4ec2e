/**
 * `pbijk check --spreadsheet` against a local stub of the Sheets API (no test reaches the
 * internet): same result as the CSV form, dates and numbers as the sheet stores them, errors
 * in Indonesian without the token, bounded retry on quota, and --write in one batch by ID, then
 * the findings notes in one more.
 */
import { cli, type Report } from "./helpers";
import { liveCli, serial, settingsSheet, type Stub, type StubSpreadsheet, startStub, type Value } from "./liveStub";

jest.setTimeout(20_000);

const HEADERS = [
  "ID Permohonan", "Nama", "NIK", "Nomor KK", "Tanggal Permohonan", "Tanggal SK Penonaktifan",
  "Hasil Pemeriksaan", "Keputusan", "Alasan", "Batas Reaktivasi", "Tahap",
];
const ID = 0, NAME = 1, NIK = 2, KK = 3, CHECK = 6, DECISION = 7, DEADLINE = 9;

/** Data rows with dates as [y, m, d]; the stub stores them as serials, the CSV as dd/mm/yyyy. */
type Row = (Value | [number, number, number])[];
const ROWS: Row[] = [
  ["PBI-2026-00001", "Siti Aminah", "3273014506800001", "3273010101010001", [2026, 11, 2], [2026, 10, 15], "", "", "", "", ""],
  ["PBI-2026-00002", "Budi Santoso", "3273011203750002", "3273010101010002", [2026, 11, 3], [2025, 1, 10], "", "", "", "", ""],
  ["PBI-2026-00003", "Ani", "3273015508900003", "", [2026, 11, 4], [2026, 9, 1], "", "", "", "", ""],
];

function book(rows: Row[] = ROWS, title = "Dinsos Kota Bandung"): StubSpreadsheet {
  const dates = new Map<string, string>();
  const values = [HEADERS, ...rows.map((r, i) => r.map((c, j) => {
    if (!Array.isArray(c)) return c;
    dates.set(`${i + 1},${j}`, `${String(c[2]).padStart(2, "0")}/${String(c[1]).padStart(2, "0")}/${c[0]}`);
    return serial(c[0], c[1], c[2]);
  }))];
  // An office set up by the add-on: its Pengaturan names the national profile.
  return { title, sheets: { Permohonan: { values, dates }, Pengaturan: settingsSheet([["Sheet Permohonan", "Profil"], ["Permohonan", "nasional-2026"]]) } };
}

function csvOf(rows: Row[]): string {
  const text = (c: Value | [number, number, number]) => (Array.isArray(c) ? `${String(c[2]).padStart(2, "0")}/${String(c[1]).padStart(2, "0")}/${c[0]}` : String(c));
  return [HEADERS, ...rows].map((r) => r.map(text).join(",")).join("\n");
}

let stub: Stub;
afterEach(async () => {
  await stub?.close();
});

test("check --spreadsheet prints what the CSV form prints, read unformatted with both date renderings", async () => {
  stub = await startStub({ S1: book() });
  const live = await liveCli(stub, ["check", "--spreadsheet", "S1", "--today", "2026-11-24", "--json"]);
  const file = await cli(["check", "rows.csv", "--today", "2026-11-24", "--json"], { "rows.csv": csvOf(ROWS) });
  expect(live.code).toBe(0);
  expect(live.stderr).toBe(file.stderr);
  expect(JSON.parse(live.stdout)).toEqual(JSON.parse(file.stdout));
  const report = JSON.parse(live.stdout) as Report;
  // The SK date is read as the calendar date the sheet shows: 15/10/2026 + 6 months.
  expect(report.rows[0]!.deadline).toBe("2027-04-15");
  const reads = stub.requests.filter((r) => r.path.includes("/values/"));
  expect(reads.map((r) => [r.query.get("valueRenderOption"), r.query.get("dateTimeRenderOption")]).sort()).toEqual([
    ["UNFORMATTED_VALUE", "FORMATTED_STRING"],
    ["UNFORMATTED_VALUE", "SERIAL_NUMBER"],
  ]);
  expect(stub.requests.every((r) => r.authorization === "Bearer fake-token-123")).toBe(true);
  expect(stub.requests.every((r) => r.method === "GET")).toBe(true);
});

test("--output writes the sheet's rows with the result columns, dates as the sheet shows them", async () => {
  stub = await startStub({ S1: book() });
  const live = await liveCli(stub, ["check", "--spreadsheet", "S1", "--today", "2026-11-24", "--output", "hasil.csv"]);
  expect(live.code).toBe(0);
  const csv = new TextDecoder().decode(live.files["hasil.csv"]);
  expect(csv).toMatch(/\r\nPBI-2026-00001,Siti Aminah,3273014506800001,3273010101010001,02\/11\/2026,15\/10\/2026,/);
  expect(csv).toContain("15/04/2027");
});

test("the readable table names the request like the CSV form", async () => {
  stub = await startStub({ S1: book() });
  const live = await liveCli(stub, ["check", "--spreadsheet", "S1", "--today", "2026-11-24"]);
  expect(live.code).toBe(0);
  expect(live.stdout).toContain("Siti Aminah");
});

test("a NIK stored as a number past 2^53 is NIK_PRECISION_LOST, as in the add-on", async () => {
  const rows = ROWS.map((r) => [...r]);
  rows[0]![NIK] = 9271014506800001;
  stub = await startStub({ S1: book(rows) });
  const live = await liveCli(stub, ["check", "--spreadsheet", "S1", "--today", "2026-11-24", "--json"]);
  const codes = (JSON.parse(live.stdout) as Report).rows[0]!.findings.map((f) => f.code);
  expect(codes).toContain("NIK_PRECISION_LOST");
  expect(live.stdout).not.toContain("9271014506800001");
});

test("20,000 rows are read and checked", async () => {
  const rows: Row[] = [];
  for (let i = 0; i < 20_000; i++) {
    rows.push([`PBI-2026-${String(i + 1).padStart(5, "0")}`, `Warga ${i}`, "3273014506800001", "3273010101010001", [2026, 11, 2], [2026, 10, 15], "", "", "", "", ""]);
  }
  stub = await startStub({ BIG: book(rows) });
  const started = Date.now();
  const live = await liveCli(stub, ["check", "--spreadsheet", "BIG", "--today", "2026-11-24", "--json"]);
  const ms = Date.now() - started;
  expect(live.code).toBe(0);
  const report = JSON.parse(live.stdout) as Report;
  expect(report.rows).toHaveLength(20_000);
  expect(report.rows[19_999]!.row).toBe(20_001);
  expect(ms).toBeLessThan(15_000);
});

describe("errors in Indonesian, never with the token", () => {
  test("403: no access, with how to share", async () => {
    stub = await startStub({ S1: { ...book(), fail: 403 } });
    const r = await liveCli(stub, ["check", "--spreadsheet", "S1"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/tidak ada izin/);
    expect(r.stderr).toMatch(/Bagikan spreadsheet/);
    expect(r.stderr).not.toContain("fake-token-123");
  });

  test("404: a wrong ID", async () => {
    stub = await startStub({});
    const r = await liveCli(stub, ["check", "--spreadsheet", "NOPE"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/spreadsheet NOPE.*tidak ditemukan.*ID/);
  });

  test("429 twice then success: retried with backoff", async () => {
    stub = await startStub({ S1: { ...book(), quota: 2 } });
    const r = await liveCli(stub, ["check", "--spreadsheet", "S1", "--today", "2026-11-24", "--json"]);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as Report).rows).toHaveLength(3);
  });

  test("429 forever: a bounded number of tries, then a clear stop", async () => {
    stub = await startStub({ S1: { ...book(), quota: 1_000 } });
    const r = await liveCli(stub, ["check", "--spreadsheet", "S1"], { PBIJK_SHEETS_RETRIES: "3" });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/kuota .* sudah dicoba 4 kali/);
    expect(stub.requests).toHaveLength(4);
  });

  test("a sheet without the required headers", async () => {
    const b = book();
    b.sheets.Permohonan!.values[0] = ["ID Permohonan", "Nama", "Catatan"];
    stub = await startStub({ S1: b });
    const r = await liveCli(stub, ["check", "--spreadsheet", "S1"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/kolom wajib tidak ditemukan.*"NIK"/);
  });

  test("a sheet name the spreadsheet lacks lists the sheets it has", async () => {
    stub = await startStub({ S1: book() });
    const r = await liveCli(stub, ["check", "--spreadsheet", "S1", "--sheet", "Data"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/tidak punya sheet "Data".*"Permohonan"/);
  });

  test("no credentials: how to provide them", async () => {
    stub = await startStub({ S1: book() });
    const r = await liveCli(stub, ["check", "--spreadsheet", "S1"], {
      GOOGLE_OAUTH_ACCESS_TOKEN: "",
      GOOGLE_APPLICATION_CREDENTIALS: "/nonexistent/key.json",
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/kredensial Google tidak ditemukan.*GOOGLE_APPLICATION_CREDENTIALS/);
    expect(stub.requests).toHaveLength(0);
  });
});

describe("--write", () => {
  test("one batch request by ID: a sorted row is found, an edited row and a row whose ID went are refused", async () => {
    const b = book();
    b.onRead = (n, sheet) => {
      if (n !== 2) return; // the re-read before writing (after the two first reads)
      const [h, r1, r2, r3] = sheet.values;
      r3![NAME] = "Ani Suryani"; // edited meanwhile
      r2![ID] = "PBI-2026-00099"; // its ID changed: the row cannot be found
      sheet.values = [h!, r3!, r1!, r2!]; // sorted: row 2 is now at row 3
      // Notes from an older check, moved with their rows.
      sheet.notes = new Map([["1,6", "catatan lama Ani"], ["2,6", "catatan lama Siti"], ["3,6", "catatan lama Budi"]]);
    };
    stub = await startStub({ S1: b });
    const r = await liveCli(stub, ["check", "--spreadsheet", "S1", "--today", "2026-11-24", "--json", "--write"]);
    expect(r.code).toBe(0);
    const writes = stub.requests.filter((q) => q.method !== "GET");
    expect(writes.map((w) => w.path)).toEqual(["/v4/spreadsheets/S1/values:batchUpdate", "/v4/spreadsheets/S1:batchUpdate"]);
    const body = writes[0]!.body as { valueInputOption: string; data: { range: string; values: Value[][] }[] };
    expect(body.valueInputOption).toBe("USER_ENTERED");
    // Only Siti's row, now at sheet row 3: Hasil Pemeriksaan..Tahap in one range.
    expect(body.data.map((d) => d.range)).toEqual(["'Permohonan'!G3:K3"]);
    const values = stub.books.S1!.sheets.Permohonan!.values;
    expect(values[2]![ID]).toBe("PBI-2026-00001");
    expect(values[2]![DECISION]).not.toBe("");
    expect(values[2]![DEADLINE]).toBe("2027-04-15");
    expect(values[1]![CHECK]).toBe("");
    expect(values[3]![CHECK]).toBe("");
    // Siti's note (she has no findings) is cleared where she now is; the refused rows keep theirs.
    const notes = writes[1]!.body as { requests: { updateCells: { range: Record<string, number> } }[] };
    expect(notes.requests.map((q) => q.updateCells.range)).toEqual([
      { sheetId: 0, startRowIndex: 2, endRowIndex: 3, startColumnIndex: CHECK, endColumnIndex: CHECK + 1 },
    ]);
    expect(stub.books.S1!.sheets.Permohonan!.notes).toEqual(new Map([["1,6", "catatan lama Ani"], ["3,6", "catatan lama Budi"]]));
    expect(r.stderr).toMatch(/2 baris tidak ditulis/);
    expect(r.stderr).toMatch(/baris 3 \(ID-nya tidak ditemukan lagi\)/);
    expect(r.stderr).toMatch(/baris 4 \(isinya berubah sejak dibaca\)/);
    expect(r.stderr).not.toMatch(/3273/);
  });

  test("20,000 rows: one request of a few ranges, every row written", async () => {
    const rows: Row[] = [];
    for (let i = 0; i < 20_000; i++) {
      rows.push([`PBI-2026-${String(i + 1).padStart(5, "0")}`, `Warga ${i}`, "3273014506800001", "3273010101010001", [2026, 11, 2], [2026, 10, 15], "", "", "", "", i % 1000 === 7 ? "Selesai" : ""]);
    }
    stub = await startStub({ BIG: book(rows) });
    const started = Date.now();
    const r = await liveCli(stub, ["check", "--spreadsheet", "BIG", "--today", "2026-11-24", "--json", "--write"]);
    const ms = Date.now() - started;
    expect(r.code).toBe(0);
    const writes = stub.requests.filter((q) => q.method !== "GET");
    expect(writes).toHaveLength(2);
    const data = (writes[0]!.body as { data: unknown[] }).data;
    // A finished request keeps its stage: its row writes G:J only, splitting the block around it.
    expect(data.length).toBeLessThan(100);
    const values = stub.books.BIG!.sheets.Permohonan!.values;
    expect(values.slice(1).filter((v) => v[DECISION] === "").slice(0, 2)).toEqual([]);
    expect(values[8]![10]).toBe("Selesai");
    expect(values[1]![DEADLINE]).toBe("2027-04-15");
    // Measured for the README: request size and time.
    const mb = (body: unknown) => (JSON.stringify(body).length / 1e6).toFixed(1);
    console.log(`--write 20,000 rows: ${data.length} ranges, ${mb(writes[0]!.body)} MB; notes ${mb(writes[1]!.body)} MB; ${ms} ms`);
    expect(ms).toBeLessThan(50_000);
  }, 60_000);

  test("a sheet without result columns: nothing written, the columns named", async () => {
    const b = book();
    b.sheets.Permohonan!.values = b.sheets.Permohonan!.values.map((r) => r.slice(0, 6));
    stub = await startStub({ S1: b });
    const r = await liveCli(stub, ["check", "--spreadsheet", "S1", "--today", "2026-11-24", "--write"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/belum punya kolom hasil \("Hasil Pemeriksaan", "Keputusan", "Alasan", "Batas Reaktivasi"\)/);
    expect(stub.requests.filter((q) => q.method !== "GET")).toHaveLength(0);
  });

  test("a missing result column is named, the others written", async () => {
    const b = book();
    b.sheets.Permohonan!.values = b.sheets.Permohonan!.values.map((r) => [...r.slice(0, 8), ...r.slice(9)]);
    stub = await startStub({ S1: b });
    const r = await liveCli(stub, ["check", "--spreadsheet", "S1", "--today", "2026-11-24", "--write"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/kolom hasil tidak ada di sheet dan tidak ditulis: "Alasan"/);
    expect(stub.requests.filter((q) => q.method === "POST").map((q) => q.path)).toEqual([
      "/v4/spreadsheets/S1/values:batchUpdate",
      "/v4/spreadsheets/S1:batchUpdate",
    ]);
  });

  test("the findings notes of the written rows: one line per finding, an old note replaced or cleared, a refused row's kept", async () => {
    const rows = ROWS.map((r) => [...r]);
    rows.push(["PBI-2026-00004", "Joko", "3273011203750004", "3273011203750004", [2026, 11, 2], [2026, 10, 15], "", "", "", "", ""]);
    rows[2]![NIK] = "327301550890000"; // 15 digits, and Ani has no KK
    const b = book(rows);
    // Not the first sheet: the ID comes from the sheet's properties, not its position.
    b.sheets = { Catatan: { values: [], sheetId: 0 }, Permohonan: { ...b.sheets.Permohonan!, sheetId: 918_273_645 } };
    b.sheets.Permohonan!.notes = new Map([
      ["1,6", "• Galat (NIK_FORMAT): dari pemeriksaan lama"],
      ["2,2", "catatan petugas di NIK"],
      ["2,6", "catatan lama Budi"],
    ]);
    b.onRead = (n, sheet) => {
      if (n === 2) sheet.values[2]![NAME] = "Budi Santosa"; // edited meanwhile: refused, keeps its note
    };
    stub = await startStub({ S1: b });
    const r = await liveCli(stub, ["check", "--spreadsheet", "S1", "--today", "2026-11-24", "--write"]);
    expect(r.code).toBe(0);
    const writes = stub.requests.filter((q) => q.method !== "GET");
    expect(writes).toHaveLength(2);
    const range = (from: number, to: number) => ({ sheetId: 918_273_645, startRowIndex: from, endRowIndex: to, startColumnIndex: CHECK, endColumnIndex: CHECK + 1 });
    expect(writes[1]!.body).toEqual({
      requests: [
        { updateCells: { range: range(1, 2), rows: [{ values: [{ note: "" }] }], fields: "note" } },
        { updateCells: { range: range(3, 5), rows: expect.any(Array), fields: "note" } },
      ],
    });
    // Expected notes written out from the findings' messages (docs/kode.md), as the add-on words them.
    expect(stub.books.S1!.sheets.Permohonan!.notes).toEqual(new Map([
      ["2,2", "catatan petugas di NIK"],
      ["2,6", "catatan lama Budi"],
      ["3,6", [
        '• Galat (REQUIRED_MISSING): Kolom "Nomor KK" wajib diisi. Lengkapi dari berkas pemohon.',
        '• Galat (NIK_FORMAT): NIK harus tepat 16 angka; isi kolom "NIK" sekarang 15 karakter setelah spasi, titik dan tanda hubung dihapus. Ketik ulang sesuai KTP.',
      ].join("\n")],
      ["4,6", '• Peringatan (KK_EQUALS_NIK): Kolom "Nomor KK" sama dengan "NIK"; biasanya salah ketik. Salin Nomor KK dari Kartu Keluarga.'],
    ]));
    expect(stub.books.S1!.sheets.Catatan!.notes).toBeUndefined();
    expect(r.stderr).toContain('pbijk: hasil 3 permohonan ditulis ke sheet "Permohonan", dengan catatan temuannya di "Hasil Pemeriksaan".');
    expect(r.stderr).toMatch(/baris 3 \(isinya berubah sejak dibaca\)/);
    expect(r.stderr).not.toMatch(/hanya ditulis add-on/);
    expect(r.stderr).not.toMatch(/3273/);
  });

  test("2,000 rows: exactly two write requests, values then all the notes", async () => {
    const rows: Row[] = [];
    for (let i = 0; i < 2_000; i++) {
      const kk = i % 3 === 0 ? "" : "3273010101010001";
      rows.push([`PBI-2026-${String(i + 1).padStart(5, "0")}`, `Warga ${i}`, `32730145068${String(i).padStart(5, "0")}`, kk, [2026, 11, 2], [2026, 10, 15], "", "", "", "", ""]);
    }
    stub = await startStub({ S1: book(rows) });
    const r = await liveCli(stub, ["check", "--spreadsheet", "S1", "--today", "2026-11-24", "--write"]);
    expect(r.code).toBe(0);
    const writes = stub.requests.filter((q) => q.method !== "GET");
    expect(writes.map((w) => `${w.method} ${w.path}`)).toEqual(["POST /v4/spreadsheets/S1/values:batchUpdate", "POST /v4/spreadsheets/S1:batchUpdate"]);
    const notes = stub.books.S1!.sheets.Permohonan!.notes!;
    const missingKk = '• Galat (REQUIRED_MISSING): Kolom "Nomor KK" wajib diisi. Lengkapi dari berkas pemohon.';
    for (const i of [0, 999, 1998]) expect(notes.get(`${i + 1},${CHECK}`)).toContain(missingKk);
    for (const i of [1, 2, 1999]) expect(notes.get(`${i + 1},${CHECK}`) ?? "").not.toContain("REQUIRED_MISSING");
    const values = stub.books.S1!.sheets.Permohonan!.values;
    expect(values.slice(1).every((v) => v[DECISION] !== "")).toBe(true);
    expect(values[1]![KK]).toBe("");
  });

  test("notes that fail after the values were written: said on stderr, exit 1, the values stand", async () => {
    const b = book();
    b.failBatchUpdate = 500;
    b.sheets.Permohonan!.notes = new Map([["3,6", "catatan lama Ani"]]);
    stub = await startStub({ S1: b });
    const r = await liveCli(stub, ["check", "--spreadsheet", "S1", "--today", "2026-11-24", "--json", "--write"]);
    expect(r.code).toBe(1);
    expect((JSON.parse(r.stdout) as Report).rows).toHaveLength(3);
    expect(stub.books.S1!.sheets.Permohonan!.values[1]![DEADLINE]).toBe("2027-04-15");
    expect(stub.books.S1!.sheets.Permohonan!.notes).toEqual(new Map([["3,6", "catatan lama Ani"]]));
    expect(r.stderr).toMatch(/hasil 3 permohonan sudah ditulis ke sheet "Permohonan", tetapi catatan temuannya di "Hasil Pemeriksaan" gagal ditulis: spreadsheet S1: .*HTTP 500/);
    expect(r.stderr).toMatch(/Catatan yang ada bisa masih dari pemeriksaan lama; jalankan pbijk check --write lagi\./);
    expect(r.stderr).not.toMatch(/dengan catatan temuannya/);
  });

  test("a sheet without Hasil Pemeriksaan: the other columns written, no notes request", async () => {
    const b = book();
    b.sheets.Permohonan!.values = b.sheets.Permohonan!.values.map((r) => [...r.slice(0, CHECK), ...r.slice(CHECK + 1)]);
    stub = await startStub({ S1: b });
    const r = await liveCli(stub, ["check", "--spreadsheet", "S1", "--today", "2026-11-24", "--write"]);
    expect(r.code).toBe(0);
    expect(stub.requests.filter((q) => q.method === "POST").map((q) => q.path)).toEqual(["/v4/spreadsheets/S1/values:batchUpdate"]);
    expect(r.stderr).toContain('pbijk: hasil 3 permohonan ditulis ke sheet "Permohonan".\n');
    expect(r.stderr).toMatch(/tidak ditulis: "Hasil Pemeriksaan"/);
  });

  test("needs the spreadsheet, not a file", async () => {
    stub = await startStub({});
    const r = await liveCli(stub, ["check", "rows.csv", "--write"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--write hanya untuk --spreadsheet/);
  });
});
