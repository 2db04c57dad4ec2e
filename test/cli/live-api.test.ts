/**
 * The pieces under `pbijk` on live spreadsheets: reading cells as the sheet stores them, the
 * backoff, token scrubbing, the office list, and the real binary (bundle with the Google
 * libraries left external) against the local stub.
 */
import { spawn } from "node:child_process";
import { resolve } from "node:path";
import fc from "fast-check";
import { readDateCell } from "../../src/domain/dates";
import { blockRanges, mapBounded, mergeReads, noteBatches, serialToDate } from "../../src/cli/live";
import { columnLetters } from "../../src/domain/columns";
import { parseIdList } from "../../src/cli/liveCommands";
import { backoffMs, isLibraryNoise, scrub } from "../../src/cli/sheetsApi";
import { ROOT } from "./helpers";
import { liveCli, serial, type Stub, startStub } from "./liveStub";

jest.setTimeout(60_000);

let stub: Stub | undefined;
afterEach(async () => {
  await stub?.close();
  stub = undefined;
});

describe("cells as the sheet stores them", () => {
  test("a serial is the calendar date and wall-clock time the sheet shows, in any machine time zone", () => {
    // 46350.75 = 24/11/2026 18:00 (1899-12-30 + 46350 days).
    const read = readDateCell(serialToDate(46350.75), true);
    expect(read).toEqual({ kind: "ok", date: "2026-11-24", minutes: 18 * 60 });
    expect(readDateCell(serialToDate(serial(2024, 2, 29)))).toMatchObject({ date: "2024-02-29" });
  });

  test("a number is a date only where the formatted read shows text", () => {
    const grid = mergeReads([["NIK", "Tgl"], [3273014506800001, 46350, true, 7]], [["NIK", "Tgl"], [3273014506800001, "24/11/2026", true, 7]]);
    expect(grid[1]![0]).toBe(3273014506800001);
    expect(grid[1]![1]).toBeInstanceOf(Date);
    expect(grid[1]![2]).toBe(true);
    expect(grid[1]![3]).toBe(7);
  });

  test("property: no API answer makes the merge throw", () => {
    const cell = fc.oneof(fc.string(), fc.double(), fc.boolean(), fc.constant(null), fc.object());
    fc.assert(fc.property(fc.array(fc.array(cell)), fc.array(fc.array(cell)), (a, b) => {
      mergeReads(a, b);
    }));
  });

  test("write ranges: adjacent rows with the same columns share a range; a gap or other columns split it", () => {
    const cells = (cols: number[]) => new Map(cols.map((c) => [c, `v${c}`]));
    const ranges = blockRanges("Per'mohonan", [
      { row: 2, cells: cells([6, 7, 8]) },
      { row: 3, cells: cells([6, 7, 8]) },
      { row: 4, cells: cells([6, 8]) },
      { row: 6, cells: cells([6, 7, 8]) },
      { row: 7, cells: new Map() },
    ]);
    expect(ranges).toEqual([
      { range: "'Per''mohonan'!G2:I3", values: [["v6", "v7", "v8"], ["v6", "v7", "v8"]] },
      { range: "'Per''mohonan'!G4:G4", values: [["v6"]] },
      { range: "'Per''mohonan'!I4:I4", values: [["v8"]] },
      { range: "'Per''mohonan'!G6:I6", values: [["v6", "v7", "v8"]] },
    ]);
  });

  test("notes: one updateCells per run of rows with a note; a null note (kept) splits the run", () => {
    const batches = noteBatches(77, { firstRow: 5, noteColumn: 6, notes: ["a", "", null, "b", null, null, "c"] });
    const range = (from: number, to: number) => ({ sheetId: 77, startRowIndex: from, endRowIndex: to, startColumnIndex: 6, endColumnIndex: 7 });
    expect(batches).toEqual([[
      { updateCells: { range: range(4, 6), rows: [{ values: [{ note: "a" }] }, { values: [{ note: "" }] }], fields: "note" } },
      { updateCells: { range: range(7, 8), rows: [{ values: [{ note: "b" }] }], fields: "note" } },
      { updateCells: { range: range(10, 11), rows: [{ values: [{ note: "c" }] }], fields: "note" } },
    ]]);
    expect(noteBatches(77, { firstRow: 5, noteColumn: -1, notes: ["a"] })).toEqual([]);
    expect(noteBatches(77, { firstRow: 5, noteColumn: 6, notes: [null, null] })).toEqual([]);
  });

  test("notes past the byte limit go in more batches, each under it, every note once and in its row", () => {
    const notes = Array.from({ length: 500 }, (_, i) => (i % 50 === 7 ? null : `• Galat (X): catatan ${i} ${"é".repeat(i % 30)}`));
    const maxBytes = 6_000;
    const batches = noteBatches(3, { firstRow: 2, noteColumn: 0, notes }, maxBytes);
    expect(batches.length).toBeGreaterThan(4);
    const seen: (string | null)[] = new Array(500).fill(null);
    for (const batch of batches) {
      expect(Buffer.byteLength(JSON.stringify({ requests: batch }))).toBeLessThanOrEqual(maxBytes);
      for (const { updateCells } of batch) {
        const { startRowIndex, endRowIndex } = updateCells!.range!;
        expect(updateCells!.rows).toHaveLength(endRowIndex! - startRowIndex!);
        updateCells!.rows!.forEach((row, k) => { seen[startRowIndex! - 1 + k] = row.values![0]!.note!; });
      }
    }
    expect(seen).toEqual(notes);
  });

  test("A1 column letters", () => {
    expect([0, 25, 26, 51, 701, 702].map(columnLetters)).toEqual(["A", "Z", "AA", "AZ", "ZZ", "AAA"]);
  });
});

describe("retry and secrets", () => {
  test("backoff: exponential, full jitter, capped at 32 s", () => {
    expect(backoffMs(0, 1000, () => 1)).toBe(1000);
    expect(backoffMs(3, 1000, () => 1)).toBe(8000);
    expect(backoffMs(3, 1000, () => 0.5)).toBe(4000);
    expect(backoffMs(20, 1000, () => 1)).toBe(32000);
    expect(backoffMs(4, 1000, () => 0)).toBe(0);
  });

  test("only the auth library's metadata-probe warning is silenced", () => {
    expect(isLibraryNoise(["received unexpected error = x", "MetadataLookupWarning"])).toBe(true);
    expect(isLibraryNoise(["x", { type: "MetadataLookupWarning" }])).toBe(true);
    expect(isLibraryNoise(["x", "DeprecationWarning"])).toBe(false);
    expect(isLibraryNoise(["x"])).toBe(false);
  });

  test("scrub removes the token, bearer headers and token-shaped strings", () => {
    const text = 'Authorization: Bearer abc.def-123, access_token="s3cret" ya29.a0AfB_xyz and my-token-value';
    const out = scrub(text, ["my-token-value"]);
    for (const secret of ["abc.def-123", "s3cret", "ya29.a0AfB_xyz", "my-token-value"]) expect(out).not.toContain(secret);
  });

  test("an API error quoting the token is shown without it", async () => {
    stub = await startStub({ S1: { title: "T", sheets: {}, fail: 400, failMessage: "Invalid request for token fake-token-123 (Bearer fake-token-123)" } });
    const r = await liveCli(stub, ["check", "--spreadsheet", "S1"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/HTTP 400/);
    expect(r.stderr).not.toContain("fake-token-123");
  });

  test("401: the credentials were refused", async () => {
    stub = await startStub({ S1: { title: "T", sheets: {}, fail: 401 } });
    const r = await liveCli(stub, ["check", "--spreadsheet", "S1"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/kredensial Google ditolak.*GOOGLE_APPLICATION_CREDENTIALS/);
  });
});

describe("office list", () => {
  test("IDs, URLs, comments and blank lines", () => {
    expect(parseIdList("# header\nA1b-_2\n\n  https://docs.google.com/spreadsheets/d/XyZ_9/edit#gid=0  \nC # note\r\nD,E")).toEqual(["A1b-_2", "XyZ_9", "C", "D", "E"]);
  });

  test("property: no text makes the list reader throw", () => {
    fc.assert(fc.property(fc.string(), (t) => {
      for (const id of parseIdList(t)) expect(id).toBe(id.trim());
    }));
  });

  test("bounded map keeps the order and the bound", async () => {
    let open = 0;
    let most = 0;
    const out = await mapBounded([5, 1, 4, 2, 3, 0], 2, async (n) => {
      open++;
      most = Math.max(most, open);
      await new Promise((r) => setTimeout(r, n * 3));
      open--;
      return n * 10;
    });
    expect(out).toEqual([50, 10, 40, 20, 30, 0]);
    expect(most).toBe(2);
  });
});

test("the real binary reads the stub through the bundled CLI", async () => {
  stub = await startStub({
    S1: {
      title: "T",
      sheets: {
        Permohonan: {
          values: [
            ["ID Permohonan", "Nama", "NIK", "Nomor KK", "Tanggal Permohonan", "Tanggal SK Penonaktifan"],
            ["PBI-2026-00001", "Siti", "3273014506800001", "3273010101010001", serial(2026, 11, 2), serial(2026, 10, 15)],
          ],
          dates: new Map([["1,4", "02/11/2026"], ["1,5", "15/10/2026"]]),
        },
      },
    },
  });
  const env = { ...process.env, GOOGLE_OAUTH_ACCESS_TOKEN: "fake", PBIJK_SHEETS_ROOT_URL: stub.url, NO_COLOR: "1" };
  const child = spawn(process.execPath, [resolve(ROOT, "bin/pbijk.cjs"), "check", "--spreadsheet", "S1", "--today", "2026-11-24", "--json"], { cwd: ROOT, env });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d) => { stdout += d; });
  child.stderr.on("data", (d) => { stderr += d; });
  const code = await new Promise<number | null>((r) => child.on("close", r));
  expect(stderr).not.toMatch(/tak terduga|dihubungi/);
  expect(code).toBe(0);
  expect(JSON.parse(stdout).rows[0].deadline).toBe("2027-04-15");
});
