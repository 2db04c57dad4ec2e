import { median, nearestRank, rekapCellText, type RekapSource, rekapLayout, summarise, weekStart } from "../../src/domain/rekap";
import type { Cell } from "../../src/domain/text";
import fc from "fast-check";
import { ALL_KEYS, eligibleFields, type Fields, headersFor, makeNik, profile, TODAY, toCells } from "./helpers";

const HEADERS = [...headersFor(ALL_KEYS), "Diserahkan Pada"];

function row(profileId: string, id: string, serial: number, handed: string, extra: Fields = {}): Cell[] {
  const region = profileId === "purbalingga" ? "330301" : "327302";
  const fields = eligibleFields(profileId, {
    id,
    name: `Pemohon ${id}`,
    nik: makeNik({ region, birth: "1962-07-05", serial: String(serial).padStart(4, "0") }),
    ...extra,
  });
  return [...toCells(fields, ALL_KEYS), handed];
}

// Purbalingga: SLA 30 minutes, same day. Every figure below is worked out by hand in the comments.
const purbalingga: RekapSource = {
  source: "Purbalingga",
  profile: profile("purbalingga"),
  grid: [HEADERS,
    row("purbalingga", "P1", 1, "20/11/2026 09:40", { stage: "Selesai" }), // 09:15→09:40 = 25 min, same day
    row("purbalingga", "P2", 2, "20/11/2026 09:45", { stage: "Selesai" }), // 30 min (= SLA), same day
    row("purbalingga", "P3", 3, "20/11/2026 10:15", { stage: "Diserahkan" }), // 60 min, same day
    row("purbalingga", "P4", 4, "21/11/2026 08:10", { stage: "Diserahkan", completeAt: "20/11/2026 15:50" }), // 490+490 = 980 min, next day
    row("purbalingga", "P5", 5, "20/11/2026 11:00", { stage: "Diserahkan", completeAt: "20/11/2026" }), // no clock time: unmeasured, same day
    row("purbalingga", "P6", 6, "", { docKtp: false, applicationDate: "23/11/2026" }), // INCOMPLETE
    row("purbalingga", "P7", 7, "", { registryStatus: "Tidak Terdaftar", applicationDate: "23/11/2026" }), // NOT_ELIGIBLE
    row("purbalingga", "P8", 8, "", { nik: "123" }), // INVALID
    row("purbalingga", "P9", 9, "", { stage: "Draf", deactivationDate: "01/06/2026" }), // deadline 30/11/2026: 6 days
    row("purbalingga", "P10", 10, "", { stage: "", deactivationDate: "09/06/2026" }), // deadline 08/12/2026: 14 days
    row("purbalingga", "P11", 11, "", { stage: "Selesai", deactivationDate: "09/06/2026" }), // closed: not listed
    row("purbalingga", "P12", 12, "", { stage: "Draf", deactivationDate: "10/06/2026" }), // 09/12/2026: 15 days
    row("purbalingga", "P13", 13, "", { stage: "Draf", deactivationDate: "24/05/2026" }), // 23/11/2026: passed
  ],
};
// National: SLA 45 minutes, no same-day rule.
const national: RekapSource = {
  source: "Nasional",
  profile: profile("nasional-2026"),
  grid: [HEADERS,
    row("nasional-2026", "N1", 21, "19/11/2026 08:40", { stage: "Selesai", completeAt: "19/11/2026 08:00" }), // 40 min
    row("nasional-2026", "N2", 22, "19/11/2026 09:00", { stage: "Diserahkan", completeAt: "19/11/2026 10:00" }), // before complete: unmeasured
  ],
};

test("median and nearest-rank percentile on hand-computed lists", () => {
  expect(median([])).toBeNull();
  expect(median([7])).toBe(7);
  expect(median([1, 2, 3, 4])).toBe(2.5);
  expect(median([25, 30, 40, 60, 980])).toBe(40);
  expect(nearestRank([1, 2, 3, 4], 90)).toBe(4); // ceil(3.6) = 4th
  expect(nearestRank(Array.from({ length: 20 }, (_, i) => i + 1), 90)).toBe(18); // ceil(18) = 18th
  expect(nearestRank([5], 90)).toBe(5);
  expect(nearestRank([], 90)).toBeNull();
});

test("weeks start on Monday (Jakarta calendar dates)", () => {
  expect(weekStart("2026-11-24")).toBe("2026-11-23"); // a Tuesday
  expect(weekStart("2026-11-23")).toBe("2026-11-23");
  expect(weekStart("2026-11-22")).toBe("2026-11-16"); // a Sunday
  expect(weekStart("2027-01-01")).toBe("2026-12-28");
});

test("counts by stage, decision and reason across two offices", () => {
  const r = summarise([purbalingga, national], TODAY);
  expect(r.total).toBe(15);
  expect(r.byStage).toEqual([
    { stage: "Diterima", count: 1 }, { stage: "Diperiksa", count: 3 }, { stage: "Draf", count: 3 },
    { stage: "Diserahkan", count: 4 }, { stage: "Selesai", count: 4 },
  ]);
  expect(r.byDecision.map((d) => [d.label, d.count])).toEqual([
    ["Layak", 12], ["Tidak Layak", 1], ["Berkas Belum Lengkap", 1], ["Perlu Verifikasi", 0], ["Data Tidak Valid", 1],
  ]);
  expect(r.byReason.map((x) => [x.reason, x.count])).toEqual([["NOT_IN_SOCIAL_REGISTRY", 1], ["DOCUMENTS_INCOMPLETE", 1]]);
  expect(r.problems).toEqual([]);
});

test("service time against each profile's SLA: share within, median, p90, same-day share", () => {
  const s = summarise([purbalingga, national], TODAY).serviceTime;
  // Measured: 25, 30, 60, 980 (SLA 30) and 40 (SLA 45). Within: 25, 30, 40 → 3 of 5.
  expect(s.measured).toBe(5);
  expect(s.withinSla).toBe(3);
  expect(s.shareWithinSla).toBeCloseTo(0.6, 10);
  expect(s.medianMinutes).toBe(40);
  expect(s.p90Minutes).toBe(980); // ceil(0.9 × 5) = 5th of 5
  expect(s.slaMinutes).toEqual([30, 45]);
  expect(s.unmeasured).toBe(2);
  // Purbalingga only: P1–P5 handed over, P4 on the next day → 4 of 5.
  expect(s.sameDay).toEqual({ counted: 5, sameDay: 4, share: 0.8 });
  expect(summarise([national], TODAY).serviceTime.sameDay).toBeNull();
});

test("open requests whose deadline falls within 14 days, relative to the given today", () => {
  expect(summarise([purbalingga, national], TODAY).deadlines).toEqual([
    { source: "Purbalingga", id: "P9", name: "Pemohon P9", deadline: "2026-11-30", daysLeft: 6 },
    { source: "Purbalingga", id: "P10", name: "Pemohon P10", deadline: "2026-12-08", daysLeft: 14 },
  ]);
  expect(summarise([purbalingga], "2026-11-25").deadlines.map((d) => [d.id, d.daysLeft])).toEqual([
    ["P9", 5], ["P10", 13], ["P12", 14],
  ]);
});

test("requests per week by decision over the 12 weeks up to today's", () => {
  const weeks = summarise([purbalingga, national], TODAY).perWeek;
  expect(weeks).toHaveLength(12);
  expect(weeks[0]!.weekStart).toBe("2026-09-07");
  expect(weeks[11]!.weekStart).toBe("2026-11-23");
  // 20/11 and 19/11 fall in the week of 16/11: 12 eligible + P8 invalid; P6 and P7 applied 23/11.
  expect(weeks[10]).toEqual({ weekStart: "2026-11-16", counts: { ELIGIBLE: 12, NOT_ELIGIBLE: 0, INCOMPLETE: 0, NEEDS_VERIFICATION: 0, INVALID: 1 } });
  expect(weeks[11]!.counts).toEqual({ ELIGIBLE: 0, NOT_ELIGIBLE: 1, INCOMPLETE: 1, NEEDS_VERIFICATION: 0, INVALID: 0 });
});

test("a source lacking a required column is named and the others still counted", () => {
  const broken: RekapSource = { source: "Kantor C", profile: profile("minsel"), grid: [["ID Permohonan", "Nama"], ["X1", "Ani"]] };
  const r = summarise([broken, national], TODAY);
  expect(r.total).toBe(2);
  expect(r.problems[0]).toContain("Kantor C");
  expect(r.problems[0]).toContain("\"NIK\"");
});

test("an empty sheet gives zeros and no figures, and no cell content throws", () => {
  const r = summarise([{ source: "Kosong", profile: profile("bandung"), grid: [HEADERS] }], TODAY);
  expect(r.total).toBe(0);
  expect(r.serviceTime.shareWithinSla).toBeNull();
  expect(r.serviceTime.medianMinutes).toBeNull();
  const cell = fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.date({ noInvalidDate: false }));
  fc.assert(fc.property(fc.array(fc.array(cell, { minLength: HEADERS.length, maxLength: HEADERS.length }), { maxLength: 4 }), (rows) => {
    summarise([{ source: "x", profile: profile("purbalingga"), grid: [HEADERS, ...rows] }], TODAY);
  }), { numRuns: 50 });
});

test("the Rekap sheet layout: plain values, the weekly table where the chart reads it, no formula text", () => {
  const withFormulaName: RekapSource = {
    ...purbalingga,
    grid: [HEADERS, row("purbalingga", "P9", 9, "", { stage: "Draf", deactivationDate: "01/06/2026", name: "=IMPORTXML(\"http://x\")" })],
  };
  const { grid, weekTable, dateBlocks } = rekapLayout(summarise([withFormulaName, national], TODAY));
  expect(grid.every((r) => r.length === grid[0]!.length)).toBe(true);
  expect(grid[weekTable.row - 1]![0]).toBe("Minggu mulai");
  expect(grid[weekTable.row - 1]!.slice(1, weekTable.numCols)).toEqual(["Layak", "Tidak Layak", "Berkas Belum Lengkap", "Perlu Verifikasi", "Data Tidak Valid"]);
  // Dates stay dates: each shell writes them its own way (the CLI as dd/mm/yyyy).
  expect(grid[weekTable.row + weekTable.numRows - 2]![0]).toEqual({ date: "2026-11-23" });
  expect(rekapCellText(grid[weekTable.row + weekTable.numRows - 2]![0]!)).toBe("23/11/2026");
  const flat = grid.flat();
  expect(flat).toContain("'=IMPORTXML(\"http://x\")");
  expect(flat.some((c) => typeof c === "string" && /^[=+\-@]/.test(c))).toBe(false);
  expect(flat).toContainEqual({ date: "2026-11-30" });
  // Every date cell is in a block (one format call each): the deadline column and the week column.
  const inBlocks = dateBlocks.reduce((n, b) => n + b.numRows * b.numCols, 0);
  expect(inBlocks).toBe(grid.flat().filter((c) => typeof c === "object").length);
  expect(dateBlocks).toEqual([
    { row: weekTable.row + 1, col: 1, numRows: weekTable.numRows - 1, numCols: 1 },
    { row: grid.findIndex((r) => r[0] === "P9") + 1, col: 3, numRows: 1, numCols: 1 },
  ]);
  const line = (label: string) => grid.find((r) => r[0] === label);
  expect(line("Dalam SLA")?.[1]).toBe("1 dari 1 (100%)"); // N1 40 ≤ 45; N2 unmeasured; P9 not handed over
  expect(line("Median (menit)")?.[1]).toBe(40);
  expect(line("Diserahkan di hari berkas lengkap")?.[1]).toBe("0 dari 0 (-)");
  // Minutes stay; beside them the form a front-desk reader says.
  expect(line("Median (menit)")?.slice(1, 3)).toEqual([40, "40 menit"]);
  expect(line("SLA (menit)")?.slice(1, 3)).toEqual(["45", "45 menit"]);
  // Shares keep one decimal, written the Indonesian way: 2 of 3 = 66,7%.
  const thirds = rekapLayout(summarise([{ ...purbalingga, grid: purbalingga.grid.slice(0, 4) }], TODAY)).grid;
  expect(thirds.find((r) => r[0] === "Dalam SLA")?.[1]).toBe("2 dari 3 (66,7%)");
});

test("service times of days read as days and hours beside the minutes; nothing measured leaves the form blank", () => {
  const slow: RekapSource = {
    source: "Nasional",
    profile: profile("nasional-2026"),
    grid: [HEADERS,
      // 08/11 08:00 → 20/11 09:53: 12 × 1440 + 113 = 17,393 minutes.
      row("nasional-2026", "S1", 31, "20/11/2026 09:53", { stage: "Selesai", completeAt: "08/11/2026 08:00" }),
      // 01/11 08:00 → 24/11 05:02: 22 × 1440 + 1262 = 32,942 minutes.
      row("nasional-2026", "S2", 32, "24/11/2026 05:02", { stage: "Selesai", completeAt: "01/11/2026 08:00" }),
    ],
  };
  const grid = rekapLayout(summarise([slow], TODAY)).grid;
  const line = (label: string) => grid.find((r) => String(r[0]).startsWith(label));
  expect(line("Median (menit)")?.slice(1, 3)).toEqual([(17393 + 32942) / 2, "17 hari 11 jam"]);
  expect(line("Persentil ke-90")?.slice(1, 3)).toEqual([32942, "22 hari 21 jam"]);
  const none = rekapLayout(summarise([{ ...slow, grid: [HEADERS] }], TODAY)).grid;
  expect(none.find((r) => r[0] === "Median (menit)")?.slice(1, 3)).toEqual(["-", ""]);
});
