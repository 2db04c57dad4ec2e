/** Periksa Integritas (spec section 6) and the layout version reading, as pure functions. */
import fc from "fast-check";
import { ALL_COLUMNS, headerOf, mapHeaders } from "../../src/domain/columns";
import type { Cell } from "../../src/domain/text";
import { describeUnlogged, hasStamps, unloggedApprovals, unloggedSummary } from "../../src/domain/integrity";
import { layoutVersionOf, LOG_HEADERS, V1_KEYS, V2_KEYS } from "../../src/domain/layout";

const HEADERS = ["ID Permohonan", "Paraf Oleh", "Paraf Pada", "Ditandatangani Oleh", "Ditandatangani Pada", "Diserahkan Pada"];
const columns = mapHeaders(HEADERS);
const KABID = "kabid@dinsos.go.id";
const line = (id: string, action: string, user: string, from: string) => ["2026-11-24 10:00", user, id, action, from, "x", ""];

describe("hasStamps", () => {
  test("any stamp column, a lone date or a hand-over date included, makes the Log worth reading", () => {
    const blank = ["PBI-2026-00001", "", " ", "", "", ""];
    expect(hasStamps([blank], columns)).toBe(false);
    for (let c = 1; c < HEADERS.length; c++) {
      const row = [...blank];
      row[c] = c % 2 ? KABID : "24/11/2026";
      expect(hasStamps([blank, row], columns)).toBe(true);
    }
  });

  test("whenever unloggedApprovals finds something, hasStamps is true", () => {
    const cell = fc.oneof(fc.constant(""), fc.constant(" "), fc.constant(KABID), fc.constant("24/11/2026"), fc.integer());
    fc.assert(fc.property(fc.array(fc.tuple(fc.constant("PBI-2026-00001"), cell, cell, cell, cell, cell)), (rows) => {
      if (unloggedApprovals(rows, columns, [LOG_HEADERS]).length > 0) expect(hasStamps(rows, columns)).toBe(true);
    }));
  });
});

describe("unloggedApprovals", () => {
  const rows = [
    ["PBI-2026-00001", KABID, "24/11/2026 10:00", "", "", ""],
    ["PBI-2026-00002", "KABID@dinsos.go.id ", "24/11/2026 10:00", "", "", ""],
    ["PBI-2026-00003", "", "", "kadis@dinsos.go.id", "", "24/11/2026 12:00"],
    ["PBI-2026-00004", "", "", "", "", ""],
  ];

  test("a stamp matches a Log line with the same ID, action, user (any case) and a stage that writes it", () => {
    const log = [LOG_HEADERS, line("PBI-2026-00001", "Setujui", KABID, "Paraf Kabid"), line("PBI-2026-00002", "Setujui", KABID, "paraf kabid"),
      line("PBI-2026-00003", "Setujui", "kadis@dinsos.go.id", "Validasi Kepala Dinas"), line("PBI-2026-00003", "Serahkan", "op@x.id", "Siap Diserahkan")];
    expect(unloggedApprovals(rows, columns, log)).toEqual([]);
  });

  test("flags stamps without a line, a line of another stage or user, and a lone date", () => {
    const log = [LOG_HEADERS, line("PBI-2026-00001", "Setujui", KABID, "Tanda Tangan"), line("PBI-2026-00002", "Setujui", "lain@x.id", "Paraf Kabid")];
    const dateOnly = [["PBI-2026-00005", "", "24/11/2026 10:00", "", "", ""]];
    expect(unloggedApprovals([...rows, ...dateOnly], columns, log).map((f) => [f.row, f.id, f.stamp, f.user])).toEqual([
      [2, "PBI-2026-00001", "Paraf Oleh/Pada", KABID],
      [3, "PBI-2026-00002", "Paraf Oleh/Pada", "KABID@dinsos.go.id"],
      [4, "PBI-2026-00003", "Ditandatangani Oleh/Pada", "kadis@dinsos.go.id"],
      [4, "PBI-2026-00003", "Diserahkan Pada", ""],
      [6, "PBI-2026-00005", "Paraf Oleh/Pada", ""],
    ]);
  });

  test("the Log's columns are found by header text; a Log without headers matches nothing", () => {
    const reordered = [[...LOG_HEADERS].reverse(), [...line("PBI-2026-00001", "Setujui", KABID, "Paraf Kabid")].reverse()];
    expect(unloggedApprovals(rows.slice(0, 1), columns, reordered)).toEqual([]);
    expect(unloggedApprovals(rows.slice(0, 1), columns, [])).toHaveLength(1);
  });

  test("reports name the row, the ID and the stamp; the check's line lists the IDs once", () => {
    const found = unloggedApprovals(rows.slice(2, 3), columns, []);
    expect(describeUnlogged(found, "Permohonan")).toBe(
      'Sheet "Permohonan": 2 persetujuan tidak tercatat di Log (mungkin diketik tangan):\n' +
      "• Baris 2 (PBI-2026-00003): Ditandatangani Oleh/Pada (kadis@dinsos.go.id) tanpa baris Log yang cocok\n" +
      "• Baris 2 (PBI-2026-00003): Diserahkan Pada tanpa baris Log yang cocok");
    expect(unloggedSummary(found)).toBe(" 2 persetujuan tanpa catatan Log (PBI-2026-00003): jalankan Periksa Integritas.");
    expect(unloggedSummary([])).toBe("");
  });
});

describe("layoutVersionOf", () => {
  const v1 = V1_KEYS.map(headerOf);
  const v2 = ALL_COLUMNS.map((c) => c.header);
  test("the recorded version wins; otherwise the headers tell 1 or 2; a new spreadsheet has none", () => {
    expect(layoutVersionOf("3", [v1])).toBe(3);
    expect(layoutVersionOf(null, [v1])).toBe(1);
    expect(layoutVersionOf(null, [["Nama", "Kolom Saya"], v1])).toBe(1);
    expect(layoutVersionOf(null, [v2])).toBe(2);
    expect(layoutVersionOf("", [v2, ["Kolom Saya"]])).toBe(2);
    expect(layoutVersionOf("rusak", [])).toBeNull();
    expect(layoutVersionOf(null, [[]])).toBeNull();
  });
  test("version 2 added exactly the approval, letter and BPJS columns", () => {
    expect(V2_KEYS.map(headerOf)).toEqual(expect.arrayContaining(["Paraf Oleh", "Nomor Surat", "Diserahkan Pada", "Salinan Diarsipkan", "Status BPJS"]));
    expect(V2_KEYS.map(headerOf)).not.toContain("Tahap");
    expect([...V1_KEYS, ...V2_KEYS].sort()).toEqual(ALL_COLUMNS.map((c) => c.key).sort());
  });
});

describe("no input throws", () => {
  const cell: fc.Arbitrary<Cell> = fc.oneof(
    fc.string(), fc.constantFrom(...HEADERS, ...LOG_HEADERS, "Setujui", "Serahkan", "Paraf Kabid", KABID), fc.double(), fc.boolean(),
    fc.constant(null), fc.constant(undefined), fc.date(),
  );
  const grid = fc.array(fc.array(cell, { maxLength: 9 }), { maxLength: 6 });
  test("unloggedApprovals over any sheet and Log; layoutVersionOf over any recorded text and headers", () => {
    fc.assert(fc.property(grid, grid, fc.array(cell, { maxLength: 9 }), (rows, log, headers) => {
      const found = unloggedApprovals(rows, mapHeaders(headers), log);
      expect(Array.isArray(found)).toBe(true);
      describeUnlogged(found, "Permohonan");
    }));
    fc.assert(fc.property(fc.option(fc.string()), grid, (recorded, headers) => {
      const v = layoutVersionOf(recorded, headers);
      expect(v === null || (Number.isInteger(v) && v > 0)).toBe(true);
    }));
  });
});
