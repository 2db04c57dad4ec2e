import {
  applySyncPlan, bpjsViewRows, describeSyncPlan, planBpjsSync, type RequestTable, syncLogLines,
} from "../../src/domain/bpjsView";
import { guardFormula, maskedIdentityCell } from "../../src/domain/privacy";
import type { Cell } from "../../src/domain/text";
import fc from "fast-check";
import { makeNik, TODAY } from "./helpers";

// Headers written from spec sections 2 and 8, not taken from src.
const REQUEST_HEADERS = [
  "ID Permohonan", "Nama", "NIK", "Nomor KK", "Nomor Kartu KIS", "Kebutuhan Layanan Kesehatan", "Tahap",
  "Nomor Surat", "Tanggal Surat", "Tautan Surat", "Tautan Berkas", "Diserahkan Pada",
  "Status BPJS", "Tanggal Aktif BPJS", "Catatan BPJS",
];
const VIEW_HEADERS = [
  "ID Permohonan", "Nama", "NIK (Disamarkan)", "Nomor Kartu KIS", "Nomor Surat", "Tanggal Surat",
  "Tautan Surat", "Tautan Berkas", "Status BPJS", "Tanggal Aktif BPJS", "Catatan BPJS",
];

type Req = Partial<Record<(typeof REQUEST_HEADERS)[number], Cell>>;

function request(id: string, serial: number, extra: Req = {}): Cell[] {
  const base: Req = {
    "ID Permohonan": id,
    Nama: `Pemohon ${serial}`,
    NIK: makeNik({ region: "327302", birth: "1985-03-15", serial: String(serial).padStart(4, "0") }),
    "Nomor KK": "3273021203100007",
    "Nomor Kartu KIS": "0001234567890",
    "Kebutuhan Layanan Kesehatan": "Penyakit Kronis",
    Tahap: "Diserahkan",
    "Nomor Surat": `400.9.3.2/${serial}/Dinsos/XI/2026`,
    "Tanggal Surat": "21/11/2026",
    "Tautan Surat": `https://docs.google.com/document/d/surat-${serial}`,
    "Tautan Berkas": `https://drive.google.com/berkas-${serial}`,
    "Diserahkan Pada": "21/11/2026 10:00",
    ...extra,
  };
  return REQUEST_HEADERS.map((h) => base[h] ?? "");
}

function table(rows: (readonly Cell[])[], sheet = "Permohonan", bpjsFollowUp = true): RequestTable {
  return { sheet, bpjsFollowUp, grid: [REQUEST_HEADERS, ...rows] };
}

type ViewFields = Partial<Record<(typeof VIEW_HEADERS)[number], Cell>>;
function viewRow(id: string, fields: ViewFields = {}): Cell[] {
  return VIEW_HEADERS.map((h) => (h === "ID Permohonan" ? id : fields[h] ?? ""));
}

describe("masking and formula guard", () => {
  test("a NIK shows its first and last four digits only", () => {
    expect(maskedIdentityCell("3273025503850001")).toBe("3273********0001");
    expect(maskedIdentityCell(" 3273 0255 0385 0001 ")).toBe("3273********0001");
    expect(maskedIdentityCell("123")).toBe("***");
    // Typed with separators or an apostrophe (section 3 reads them as the same NIK): masked the same.
    for (const typed of ["3273-0255-0385-0001", "3273.0255.0385.0001", "'3273025503850001", " '3273 0255 0385 0001"]) {
      expect(maskedIdentityCell(typed)).toBe("3273********0001");
    }
    expect(maskedIdentityCell("")).toBe("");
  });

  test("cells starting with = + - @ are neutralised, others untouched", () => {
    expect(guardFormula("=HYPERLINK(\"http://x\")")).toBe("'=HYPERLINK(\"http://x\")");
    expect(guardFormula("+62812")).toBe("'+62812");
    expect(guardFormula("-1")).toBe("'-1");
    expect(guardFormula("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(guardFormula("Siti = Ani")).toBe("Siti = Ani");
    expect(guardFormula("")).toBe("");
  });

  test("no text throws, and a guarded text never starts a formula", () => {
    fc.assert(fc.property(fc.string(), (s) => {
      const out = guardFormula(s);
      // A lone sign is no formula and stays; anything longer never starts one.
      expect(out.length > 1 && /^[=+\-@]/.test(out)).toBe(false);
      expect(out.endsWith(s)).toBe(true);
    }));
    fc.assert(fc.property(fc.string(), (s) => {
      expect(maskedIdentityCell(s).length).toBeLessThanOrEqual(s.replace(/\s+/g, "").length);
    }));
  });
});

describe("the BPJS view rows", () => {
  test("one row per handed-over request, finished ones included, with exactly the listed columns", () => {
    const t = table([
      request("PBI-2026-00003", 3),
      request("PBI-2026-00001", 1, { Tahap: "Selesai", "Status BPJS": "Aktif Kembali", "Tanggal Aktif BPJS": "23/11/2026" }),
      request("PBI-2026-00002", 2, { Tahap: "Tanda Tangan", "Diserahkan Pada": "" }),
      request("PBI-2026-00004", 4, { Tahap: "Diserahkan", "Diserahkan Pada": "" }),
      request("", 5),
      request("PBI-2026-00006", 6, { Tahap: "Selesai", "Diserahkan Pada": "", "Status BPJS": "Ditolak" }),
      request("PBI-2026-00007", 7, { Tahap: "Ditolak", "Diserahkan Pada": "" }),
    ]);
    const rows = bpjsViewRows([t]);
    expect(rows.map((r) => r[0])).toEqual(["PBI-2026-00001", "PBI-2026-00003", "PBI-2026-00004", "PBI-2026-00006"]);
    expect(rows[0]).toEqual([
      "PBI-2026-00001", "Pemohon 1", "3273********0001", "0001234567890", "400.9.3.2/1/Dinsos/XI/2026", "2026-11-21",
      "https://docs.google.com/document/d/surat-1", "https://drive.google.com/berkas-1", "Aktif Kembali", "2026-11-23", "",
    ]);
    const all = rows.flat().join("|");
    expect(all).not.toContain("3273021203100007"); // KK
    expect(all).not.toContain("Penyakit Kronis"); // health need
    expect(all).not.toContain(makeNik({ region: "327302", birth: "1985-03-15", serial: "0001" }));
  });

  test("a service with no BPJS follow-up is left out", () => {
    expect(bpjsViewRows([table([request("PBI-2026-00001", 1)], "Bantuan", false)])).toEqual([]);
  });
});

describe("the sync plan", () => {
  const requests = table([
    request("PBI-2026-00001", 1),
    request("PBI-2026-00002", 2),
    request("PBI-2026-00003", 3),
  ]);

  test("outcomes are matched by ID after the request sheet was sorted", () => {
    const view = [VIEW_HEADERS,
      viewRow("PBI-2026-00001", { "Status BPJS": "Aktif Kembali", "Tanggal Aktif BPJS": "23/11/2026", "Catatan BPJS": "aktif per 23/11" }),
      viewRow("PBI-2026-00003", { "Status BPJS": "Diproses" }),
    ];
    // Someone sorted Permohonan descending by ID and inserted a row on top.
    const sorted = table([request("PBI-2026-00009", 9, { Tahap: "Draf", "Diserahkan Pada": "" }), ...requests.grid.slice(1).reverse()]);
    const plan = planBpjsSync(view, [sorted], TODAY);
    expect(plan.problems).toEqual([]);
    expect(plan.unknownIds).toEqual([]);
    expect(plan.updates).toEqual([
      { sheet: "Permohonan", row: 5, id: "PBI-2026-00001", status: "Aktif Kembali", activeDate: "2026-11-23", note: "aktif per 23/11", fromStage: "Diserahkan", toStage: "Selesai" },
      { sheet: "Permohonan", row: 3, id: "PBI-2026-00003", status: "Diproses", activeDate: "", note: "", fromStage: "Diserahkan", toStage: null },
    ]);
  });

  test("Ditolak and Pindah Segmen finish a request too; Diproses does not", () => {
    const view = [VIEW_HEADERS,
      viewRow("PBI-2026-00001", { "Status BPJS": "ditolak" }),
      viewRow("PBI-2026-00002", { "Status BPJS": "Pindah Segmen" }),
      viewRow("PBI-2026-00003", { "Status BPJS": "Diproses" }),
    ];
    const plan = planBpjsSync(view, [requests], TODAY);
    expect(plan.updates.map((u) => [u.id, u.status, u.toStage])).toEqual([
      ["PBI-2026-00001", "Ditolak", "Selesai"],
      ["PBI-2026-00002", "Pindah Segmen", "Selesai"],
      ["PBI-2026-00003", "Diproses", null],
    ]);
  });

  test("an unknown ID is reported, never matched to another row", () => {
    const view = [VIEW_HEADERS, viewRow("PBI-2026-00077", { "Status BPJS": "Aktif Kembali", "Tanggal Aktif BPJS": "23/11/2026" })];
    const plan = planBpjsSync(view, [requests], TODAY);
    expect(plan.updates).toEqual([]);
    expect(plan.unknownIds).toEqual([{ viewRow: 2, id: "PBI-2026-00077" }]);
    expect(describeSyncPlan(plan)).toContain("PBI-2026-00077 (baris 2)");
  });

  test("unchanged outcomes produce no update", () => {
    const done = table([request("PBI-2026-00001", 1, { Tahap: "Selesai", "Status BPJS": "Ditolak", "Catatan BPJS": "x" })]);
    const view = [VIEW_HEADERS, viewRow("PBI-2026-00001", { "Status BPJS": "Ditolak", "Catatan BPJS": "x" })];
    expect(planBpjsSync(view, [done], TODAY).updates).toEqual([]);
  });

  test("an outcome taken back reopens a finished request at Diserahkan", () => {
    const done = table([request("PBI-2026-00001", 1, { Tahap: "Selesai", "Status BPJS": "Ditolak" })]);
    const view = [VIEW_HEADERS, viewRow("PBI-2026-00001", { "Status BPJS": "Diproses" })];
    expect(planBpjsSync(view, [done], TODAY).updates[0]).toMatchObject({ fromStage: "Selesai", toStage: "Diserahkan" });
  });

  test("bad status, unreadable or future date, and Aktif Kembali without a date are refused with Indonesian messages", () => {
    const view = [VIEW_HEADERS,
      viewRow("PBI-2026-00001", { "Status BPJS": "Sudah aktif" }),
      viewRow("PBI-2026-00002", { "Status BPJS": "Ditolak", "Tanggal Aktif BPJS": "31/02/2026" }),
      viewRow("PBI-2026-00003", { "Status BPJS": "Aktif Kembali", "Tanggal Aktif BPJS": "25/11/2026" }),
    ];
    const plan = planBpjsSync(view, [requests], TODAY);
    expect(plan.updates).toEqual([]);
    expect(plan.problems).toHaveLength(3);
    expect(plan.problems[0]).toContain("Baris 2");
    expect(plan.problems[0]).toContain("\"Status BPJS\" berisi \"Sudah aktif\"");
    expect(plan.problems[0]).toContain("Diproses / Aktif Kembali / Ditolak / Pindah Segmen");
    expect(plan.problems[1]).toContain("\"Tanggal Aktif BPJS\" tidak terbaca sebagai tanggal");
    expect(plan.problems[2]).toContain("masa depan");
    const noDate = planBpjsSync([VIEW_HEADERS, viewRow("PBI-2026-00001", { "Status BPJS": "Aktif Kembali" })], [requests], TODAY);
    expect(noDate.problems[0]).toBe("Baris 2 \"Untuk BPJS\" (PBI-2026-00001): status Aktif Kembali menunggu \"Tanggal Aktif BPJS\"; hasilnya dibawa setelah tanggal itu diisi.");
    expect(describeSyncPlan(noDate)).toMatch(/^Tidak ada hasil BPJS baru untuk dibawa ke sheet permohonan\.\n• Baris 2/);
  });

  test("an ID twice in the view or on two request rows is not guessed", () => {
    const view = [VIEW_HEADERS,
      viewRow("PBI-2026-00001", { "Status BPJS": "Diproses" }),
      viewRow("PBI-2026-00001", { "Status BPJS": "Ditolak" }),
      viewRow("PBI-2026-00002", { "Status BPJS": "Ditolak" }),
    ];
    const copied = table([...requests.grid.slice(1), request("PBI-2026-00002", 8)]);
    const plan = planBpjsSync(view, [copied], TODAY);
    expect(plan.updates.map((u) => u.id)).toEqual(["PBI-2026-00001"]);
    expect(plan.problems[0]).toContain("Baris 3");
    expect(plan.problems[0]).toContain("sudah ada di baris 2");
    expect(plan.problems[1]).toContain("lebih dari satu baris permohonan");
  });

  test("a final status on a request not waiting at Diserahkan is written but does not move it", () => {
    const t = table([request("PBI-2026-00001", 1, { Tahap: "Dikembalikan" })]);
    const plan = planBpjsSync([VIEW_HEADERS, viewRow("PBI-2026-00001", { "Status BPJS": "Ditolak" })], [t], TODAY);
    expect(plan.updates[0]).toMatchObject({ status: "Ditolak", toStage: null });
    expect(plan.problems[0]).toContain("bukan Diserahkan");
  });

  test("only the edited view rows are planned when asked", () => {
    const view = [VIEW_HEADERS,
      viewRow("PBI-2026-00001", { "Status BPJS": "Ditolak" }),
      viewRow("PBI-2026-00002", { "Status BPJS": "Ditolak" }),
    ];
    expect(planBpjsSync(view, [requests], TODAY, new Set([3])).updates.map((u) => u.id)).toEqual(["PBI-2026-00002"]);
  });

  test("a view or request sheet lacking the BPJS columns is a setup problem", () => {
    const plan = planBpjsSync([["ID Permohonan", "Nama"], ["PBI-2026-00001", "x"]], [requests], TODAY);
    expect(plan.problems[0]).toContain("\"Status BPJS\", \"Tanggal Aktif BPJS\", \"Catatan BPJS\" tidak ada di sheet \"Untuk BPJS\"");
  });

  test("applying a plan and logging it: one log line per move, no NIK, KK or note text", () => {
    const view = [VIEW_HEADERS,
      viewRow("PBI-2026-00002", { "Status BPJS": "Aktif Kembali", "Tanggal Aktif BPJS": "22/11/2026", "Catatan BPJS": "pasien kanker" }),
      viewRow("PBI-2026-00003", { "Catatan BPJS": "menunggu" }),
    ];
    const plan = planBpjsSync(view, [requests], TODAY);
    const [after] = applySyncPlan([requests], plan.updates);
    const rows = bpjsViewRows([after!]);
    expect(rows.find((r) => r[0] === "PBI-2026-00002")!.slice(8)).toEqual(["Aktif Kembali", "2026-11-22", "pasien kanker"]);
    expect(after!.grid[2]![REQUEST_HEADERS.indexOf("Tahap")]).toBe("Selesai");
    expect(requests.grid[2]![REQUEST_HEADERS.indexOf("Tahap")]).toBe("Diserahkan"); // input untouched
    const lines = syncLogLines(plan.updates);
    expect(lines).toEqual([{ id: "PBI-2026-00002", action: "Hasil BPJS", from: "Diserahkan", to: "Selesai", note: "Status BPJS: Aktif Kembali" }]);
    expect(JSON.stringify(lines)).not.toMatch(/kanker|3273/);
  });

  test("no view cell content ever throws the planner", () => {
    const cell = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.date({ noInvalidDate: false }));
    fc.assert(fc.property(fc.array(fc.array(cell, { minLength: 11, maxLength: 11 }), { maxLength: 5 }), (rows) => {
      planBpjsSync([VIEW_HEADERS, ...rows], [requests], TODAY);
    }));
  });
});
