/**
 * Spec review (sections 8 and 9, README "Spreadsheet langsung") of the live-spreadsheet commands
 * `check --spreadsheet [--write]`, `export` and `rekap`, driven against the local stub of the
 * Sheets REST API (no internet). Expectations come from the spec and the README only.
 */
import ExcelJS from "exceljs";
import { cli } from "../cli/helpers";
import { liveCli, serial, settingsSheet, type Stub, type StubSheet, type StubSpreadsheet, startStub, type Value } from "../cli/liveStub";

jest.setTimeout(30_000);

/** A date cell [y, m, d] or a date-time [y, m, d, h, mi]. */
type D = [number, number, number] | [number, number, number, number, number];
type C = Value | { d: D };
const dt = (...d: D): { d: D } => ({ d });
const pad = (n: number) => String(n).padStart(2, "0");

/** A sheet whose date cells are serials that FORMATTED_STRING shows as text, as Sheets stores them. */
function sheet(headers: string[], rows: C[][]): StubSheet {
  const dates = new Map<string, string>();
  const values: Value[][] = [headers, ...rows.map((r, i) => r.map((c, j) => {
    if (typeof c !== "object") return c;
    const [y, m, d, h, mi] = c.d;
    const time = h === undefined ? 0 : (h * 60 + mi!) / 1440;
    dates.set(`${i + 1},${j}`, `${pad(d)}/${pad(m)}/${y}${h === undefined ? "" : ` ${pad(h)}:${pad(mi!)}:00`}`);
    return serial(y, m, d) + time;
  }))];
  return { values, dates };
}

function office(title: string, s: StubSheet, profile?: string, sla?: number): StubSpreadsheet {
  const settings: Record<string, StubSheet> = profile
    ? { Pengaturan: settingsSheet([["Sheet Permohonan", "Profil", "SLA (menit)"], ["Permohonan", profile, sla ?? ""]]) }
    : {};
  return { title, sheets: { Permohonan: s, ...settings } };
}

let stub: Stub;
afterEach(async () => {
  await stub?.close();
});

const text = (data: Uint8Array | undefined) => new TextDecoder().decode(data).replace(/^\uFEFF/, "");
const csvLines = (data: Uint8Array | undefined) => text(data).trim().split(/\r?\n/);

const NIK1 = "3273014506800001";
const KK1 = "3273010101010001";
const APPLIED = dt(2026, 11, 2);
const SK = dt(2026, 10, 15);

/** Section 8's columns of `Untuk BPJS`, in its order. */
const VIEW_COLUMNS = ["ID Permohonan", "Nama", "NIK", "Nomor Kartu KIS", "Nomor Surat", "Tanggal Surat", "Tautan Surat", "Tautan Berkas", "Status BPJS", "Tanggal Aktif BPJS", "Catatan BPJS"];

// ---------------------------------------------------------------------------------------------
describe("export: the BPJS view (spec section 8)", () => {
  const HEADERS = [
    "ID Permohonan", "Nama", "NIK", "Nomor KK", "Tanggal Permohonan", "Tanggal SK Penonaktifan", "Nomor HP", "Alamat",
    "Kebutuhan Layanan Kesehatan", "Nomor Kartu KIS", "Nomor Surat", "Tanggal Surat", "Tautan Surat", "Tautan Berkas",
    "Tahap", "Diserahkan Pada", "Status BPJS", "Tanggal Aktif BPJS", "Catatan BPJS", "Catatan",
  ];
  const row = (id: string, name: string, nik: Value, stage: string, handed: C, status = "", note = "", letter = "400/1/Dinsos"): C[] => [
    id, name, nik, KK1, APPLIED, SK, "081234567890", "Jl. Merdeka 1", "Penyakit Kronis", "0001234567890", letter, dt(2026, 11, 10),
    "https://docs.google.com/document/d/abc", "https://drive.google.com/x", stage, handed, status, "", note, "catatan internal",
  ];

  test("the CSV has exactly section 8's columns, in order, with no KK, phone, address or health need", async () => {
    stub = await startStub({ S1: office("Kota A", sheet(HEADERS, [row("PBI-2026-00001", "Siti", NIK1, "Diserahkan", dt(2026, 11, 12, 9, 0))])) });
    const r = await liveCli(stub, ["export", "--spreadsheet", "S1", "--to", "bpjs.csv"]);
    expect(r.code).toBe(0);
    const lines = csvLines(r.files["bpjs.csv"]);
    const header = lines[0]!.split(",");
    expect(header).toHaveLength(VIEW_COLUMNS.length);
    header.forEach((h, i) => expect(h.startsWith(VIEW_COLUMNS[i]!)).toBe(true));
    const csv = text(r.files["bpjs.csv"]);
    for (const secret of [NIK1, KK1, "081234567890", "Jl. Merdeka", "Penyakit Kronis", "catatan internal"]) expect(csv).not.toContain(secret);
    expect(lines[1]).toContain("3273********0001");
  });

  test("masked NIK from a NIK typed with separators or a text marker: 3273********0001", async () => {
    const rows = [
      row("PBI-2026-00001", "A", "3273-0145-0680-0001", "Diserahkan", dt(2026, 11, 12, 9, 0)),
      row("PBI-2026-00002", "B", "3273 0145 0680 0002", "Diserahkan", dt(2026, 11, 12, 9, 0)),
      row("PBI-2026-00003", "C", "'3273014506800003", "Diserahkan", dt(2026, 11, 12, 9, 0)),
      row("PBI-2026-00004", "D", "3273.0145.0680.0004", "Diserahkan", dt(2026, 11, 12, 9, 0)),
    ];
    stub = await startStub({ S1: office("Kota A", sheet(HEADERS, rows)) });
    const r = await liveCli(stub, ["export", "--spreadsheet", "S1", "--to", "bpjs.csv"]);
    expect(r.code).toBe(0);
    const masked = csvLines(r.files["bpjs.csv"]).slice(1).map((l) => l.split(",")[2]);
    expect(masked).toEqual(["3273********0001", "3273********0002", "3273********0003", "3273********0004"]);
  });

  test("only handed-over requests, finished ones included; not those before hand-over or closed without it", async () => {
    const rows = [
      row("PBI-2026-00001", "Diserahkan", NIK1, "Diserahkan", dt(2026, 11, 12, 9, 0)),
      row("PBI-2026-00002", "SelesaiAktif", NIK1, "Selesai", dt(2026, 11, 12, 9, 0), "Aktif Kembali"),
      row("PBI-2026-00003", "SelesaiDitolakBPJS", NIK1, "Selesai", dt(2026, 11, 12, 9, 0), "Ditolak"),
      row("PBI-2026-00004", "SiapDiserahkan", NIK1, "Siap Diserahkan", ""),
      row("PBI-2026-00005", "Draf", NIK1, "Draf", ""),
      row("PBI-2026-00006", "Ditolak", NIK1, "Ditolak", ""),
      row("PBI-2026-00007", "Dikembalikan", NIK1, "Dikembalikan", ""),
      row("PBI-2026-00008", "Diproses", NIK1, "Diserahkan", dt(2026, 11, 12, 9, 0), "Diproses"),
    ];
    stub = await startStub({ S1: office("Kota A", sheet(HEADERS, rows)) });
    const r = await liveCli(stub, ["export", "--spreadsheet", "S1", "--to", "bpjs.csv"]);
    expect(r.code).toBe(0);
    const names = csvLines(r.files["bpjs.csv"]).slice(1).map((l) => l.split(",")[1]);
    expect(names.sort()).toEqual(["Diproses", "Diserahkan", "SelesaiAktif", "SelesaiDitolakBPJS"]);
  });

  // Spec section 8: "for every request handed over, finished ones included". A `Selesai` row is
  // one the workflow only reaches after hand-over (section 6), even where `Diserahkan Pada` and
  // `Status BPJS` were not kept (e.g. rows carried over from the office's old register).
  test("a finished (Selesai) request is exported even without Diserahkan Pada / Status BPJS", async () => {
    const rows = [row("PBI-2026-00001", "Lama", NIK1, "Selesai", "")];
    stub = await startStub({ S1: office("Kota A", sheet(HEADERS, rows)) });
    const r = await liveCli(stub, ["export", "--spreadsheet", "S1", "--to", "bpjs.csv"]);
    expect(r.code).toBe(0);
    expect(csvLines(r.files["bpjs.csv"]).slice(1)).toHaveLength(1);
  });

  // Spec section 8: "`Untuk BPJS`: ... for every request handed over, finished ones included";
  // section 6: for `pangkalpinang-bantuan-kesehatan` a request is `Selesai` "at hand-over".
  test("a bantuan-kesehatan office's handed-over (Selesai) requests are in the view", async () => {
    const rows = [row("PBI-2026-00001", "Bantuan", NIK1, "Selesai", dt(2026, 11, 12, 9, 0))];
    stub = await startStub({ S1: office("Kota Pangkalpinang", sheet(HEADERS, rows), "pangkalpinang-bantuan-kesehatan") });
    const r = await liveCli(stub, ["export", "--spreadsheet", "S1", "--to", "bpjs.csv"]);
    expect(r.code).toBe(0);
    expect(csvLines(r.files["bpjs.csv"]).slice(1)).toHaveLength(1);
  });

  const INJECT = ["=1+1", "+6281234", "-2+3", "@SUM(A1)"];
  const injected = () => INJECT.map((name, i) =>
    row(`PBI-2026-0000${i + 1}`, name, NIK1, "Diserahkan", dt(2026, 11, 12, 9, 0), "Diproses", INJECT[(i + 1) % 4]!, INJECT[(i + 2) % 4]!));

  test("CSV: cells starting with = + - @ are guarded (Nama, Nomor Surat, Catatan BPJS)", async () => {
    stub = await startStub({ S1: office("Kota A", sheet(HEADERS, injected())) });
    const r = await liveCli(stub, ["export", "--spreadsheet", "S1", "--to", "bpjs.csv"]);
    expect(r.code).toBe(0);
    const cells = csvLines(r.files["bpjs.csv"]).slice(1).flatMap((l) => l.split(",")).map((c) => c.replace(/^"|"$/g, ""));
    for (const c of cells) expect(c).not.toMatch(/^[=+\-@]/);
    for (const v of INJECT) expect(cells).toContain(`'${v}`);
  });

  test("XLSX: no cell is a formula and none starts with = + - @", async () => {
    stub = await startStub({ S1: office("Kota A", sheet(HEADERS, injected())) });
    const r = await liveCli(stub, ["export", "--spreadsheet", "S1", "--to", "bpjs.xlsx"]);
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(r.files["bpjs.xlsx"]!) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const header = (ws.getRow(1).values as unknown[]).slice(1).map(String);
    expect(header).toHaveLength(VIEW_COLUMNS.length);
    header.forEach((h, i) => expect(h.startsWith(VIEW_COLUMNS[i]!)).toBe(true));
    let seen = 0;
    ws.eachRow((xrow, n) => {
      if (n === 1) return;
      xrow.eachCell((cell) => {
        expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
        if (typeof cell.value === "string") { seen++; expect(cell.value).not.toMatch(/^[=+\-@]/); }
      });
      expect(String(xrow.getCell(3).value)).toBe("3273********0001");
    });
    expect(seen).toBeGreaterThan(0);
  });

  test("--to-spreadsheet: section 8's columns, masked NIK, values RAW (nothing runs), the target's other sheets untouched", async () => {
    const target: StubSpreadsheet = { title: "Untuk BPJS Kota A", sheets: { Lain: { values: [["punya BPJS"]], sheetId: 5 }, "Untuk BPJS": { values: [["lama"], ["lama2"]], sheetId: 6 } } };
    stub = await startStub({ S1: office("Kota A", sheet(HEADERS, injected())), S2: target });
    const r = await liveCli(stub, ["export", "--spreadsheet", "S1", "--to-spreadsheet", "S2"]);
    expect(r.code).toBe(0);
    const put = stub.requests.find((q) => q.method === "PUT")!;
    expect(put.query.get("valueInputOption")).toBe("RAW");
    const values = stub.books.S2!.sheets["Untuk BPJS"]!.values;
    expect((values[0] as string[]).map((h, i) => h.startsWith(VIEW_COLUMNS[i]!))).toEqual(VIEW_COLUMNS.map(() => true));
    expect(values).toHaveLength(5);
    expect(values.slice(1).map((v) => v[2])).toEqual(Array(4).fill("3273********0001"));
    expect(JSON.stringify(values)).not.toContain(NIK1);
    expect(stub.books.S2!.sheets.Lain!.values).toEqual([["punya BPJS"]]);
  });
});

// ---------------------------------------------------------------------------------------------
interface RekapJson {
  offices: { spreadsheet: string; title: string; profile: string; slaMinutes: number }[];
  failed: { spreadsheet: string; message: string }[];
  rekap: {
    total: number;
    byStage: { stage: string; count: number }[];
    byDecision: { decision: string; count: number }[];
    byReason: { reason: string; count: number }[];
    serviceTime: {
      measured: number; withinSla: number; shareWithinSla: number | null; medianMinutes: number | null; p90Minutes: number | null;
      sameDay: { counted: number; sameDay: number; share: number | null } | null;
    };
    deadlines: { source: string; id: string; deadline: string; daysLeft: number }[];
  };
}
const rekap = async (ids: string, ...extra: string[]) => {
  const r = await liveCli(stub, ["rekap", "--spreadsheets", ids, "--today", "2026-11-24", "--json", ...extra]);
  return { ...r, json: r.code === 2 ? undefined : (JSON.parse(r.stdout) as RekapJson) };
};

describe("rekap (spec section 8)", () => {
  const H = [
    "ID Permohonan", "Nama", "NIK", "Nomor KK", "Tanggal Permohonan", "Tanggal SK Penonaktifan", "Status DTSEN/DTKS", "Desil",
    "Kebutuhan Layanan Kesehatan", "Dok. KTP", "Dok. KK", "Dok. Ket. Faskes", "Dok. SKTM", "Dok. KIS", "Dok. Ket. BPJS",
    "Berkas Lengkap Pada", "Diserahkan Pada", "Tahap",
  ];
  /** A national row: registered, desil 3, every document; times and stage as given. */
  const r = (id: number, opts: { complete?: C; handed?: C; stage?: string; sk?: C; applied?: C; registry?: string; docs?: string[] } = {}): C[] => {
    const docs = opts.docs ?? ["Ya", "Ya", "Ya", "Ya", "Ya", "Ya"];
    return [
      `PBI-2026-${String(id).padStart(5, "0")}`, `Warga ${id}`, NIK1.slice(0, 12) + String(id).padStart(4, "0"), KK1, opts.applied ?? APPLIED, opts.sk ?? SK,
      opts.registry ?? "Terdaftar", 3, "Tidak Ada", ...docs, opts.complete ?? "", opts.handed ?? "", opts.stage ?? "",
    ];
  };
  /** A handed-over row whose service time is `minutes`, the file complete at 08:00 on 20 Nov. */
  const timed = (id: number, minutes: number): C[] => {
    const end = 8 * 60 + minutes;
    const day = 20 + Math.floor(end / 1440);
    const m = end % 1440;
    return r(id, { complete: dt(2026, 11, 20, 8, 0), handed: dt(2026, 11, day, Math.floor(m / 60), m % 60), stage: "Diserahkan" });
  };

  test("counts by stage, decision and reason", async () => {
    const rows = [
      r(1, { stage: "Draf" }), // ELIGIBLE
      r(2, { registry: "Tidak Terdaftar", stage: "Ditolak" }), // NOT_ELIGIBLE: NOT_IN_SOCIAL_REGISTRY
      r(3, { docs: ["Ya", "Ya", "Tidak", "Ya", "Ya", "Ya"], stage: "Dikembalikan" }), // INCOMPLETE
      r(4, { registry: "Belum Dicek", stage: "Diperiksa" }), // NEEDS_VERIFICATION: REGISTRY_NOT_CHECKED
      r(5, { registry: "Belum Dicek", docs: ["Ya", "Ya", "Tidak", "Ya", "Ya", "Ya"], stage: "Diperiksa" }), // INCOMPLETE
    ];
    stub = await startStub({ A: office("Dinsos A", sheet(H, rows), "nasional-2026") });
    const { code, json } = await rekap("A");
    expect(code).toBe(0);
    expect(json!.rekap.total).toBe(5);
    const counts = (xs: { count: number }[], key: (x: never) => string) => Object.fromEntries(xs.filter((x) => x.count > 0).map((x) => [key(x as never), x.count]));
    expect(counts(json!.rekap.byStage, (x: { stage: string }) => x.stage)).toEqual({ Draf: 1, Ditolak: 1, Dikembalikan: 1, Diperiksa: 2 });
    expect(counts(json!.rekap.byDecision, (x: { decision: string }) => x.decision)).toEqual({ ELIGIBLE: 1, NOT_ELIGIBLE: 1, INCOMPLETE: 2, NEEDS_VERIFICATION: 1 });
    expect(counts(json!.rekap.byReason, (x: { reason: string }) => x.reason)).toEqual({ NOT_IN_SOCIAL_REGISTRY: 1, DOCUMENTS_INCOMPLETE: 2, REGISTRY_NOT_CHECKED: 1 });
  });

  test("SLA exactly met counts as within; one minute over does not (nasional: 45)", async () => {
    stub = await startStub({ A: office("Dinsos A", sheet(H, [timed(1, 45), timed(2, 46)]), "nasional-2026") });
    const { json } = await rekap("A");
    const st = json!.rekap.serviceTime;
    expect([st.measured, st.withinSla, st.shareWithinSla]).toEqual([2, 1, 0.5]);
    expect(st.medianMinutes).toBe(45.5);
    expect(st.p90Minutes).toBeGreaterThanOrEqual(45.9);
    expect(st.p90Minutes).toBeLessThanOrEqual(46);
  });

  test("one sample: median and 90th percentile are that sample", async () => {
    stub = await startStub({ A: office("Dinsos A", sheet(H, [timed(1, 30)]), "nasional-2026") });
    const st = (await rekap("A")).json!.rekap.serviceTime;
    expect([st.measured, st.medianMinutes, st.p90Minutes, st.shareWithinSla]).toEqual([1, 30, 30, 1]);
  });

  test("ten samples 10..100: median 55, 90th percentile 90 (nearest rank) or 91 (interpolated)", async () => {
    const rows = Array.from({ length: 10 }, (_, i) => timed(i + 1, 10 * (i + 1)));
    stub = await startStub({ A: office("Dinsos A", sheet(H, rows), "nasional-2026") });
    const st = (await rekap("A")).json!.rekap.serviceTime;
    expect(st.measured).toBe(10);
    expect(st.medianMinutes).toBe(55);
    expect([90, 91]).toContain(st.p90Minutes);
    expect(st.withinSla).toBe(4); // 10, 20, 30, 40 <= 45
  });

  test("service time across midnight is elapsed time (23:30 -> 00:10 = 40 min)", async () => {
    const rows = [r(1, { complete: dt(2026, 11, 20, 23, 30), handed: dt(2026, 11, 21, 0, 10), stage: "Selesai" })];
    stub = await startStub({ A: office("Dinsos A", sheet(H, rows), "nasional-2026") });
    const st = (await rekap("A")).json!.rekap.serviceTime;
    expect([st.measured, st.medianMinutes, st.withinSla]).toEqual([1, 40, 1]);
  });

  test("two offices, each against its own SLA: 40 min is within nasional's 45 but not purbalingga's 30", async () => {
    stub = await startStub({
      A: office("Dinsos A", sheet(H, [timed(1, 40)]), "nasional-2026"),
      B: office("Dinsos B", sheet(H, [timed(2, 40)]), "purbalingga"),
    });
    const { code, json } = await rekap("A,B");
    expect(code).toBe(0);
    expect(json!.offices.map((o) => [o.spreadsheet, o.profile, o.slaMinutes])).toEqual([["A", "nasional-2026", 45], ["B", "purbalingga", 30]]);
    expect([json!.rekap.serviceTime.measured, json!.rekap.serviceTime.withinSla]).toEqual([2, 1]);
  });

  test("an office's SLA override in Pengaturan is its SLA (nasional with SLA 60: 50 min within)", async () => {
    stub = await startStub({ A: office("Dinsos A", sheet(H, [timed(1, 50)]), "nasional-2026", 60) });
    const { json } = await rekap("A");
    expect(json!.offices[0]!.slaMinutes).toBe(60);
    expect(json!.rekap.serviceTime.withinSla).toBe(1);
  });

  test("same-day share only where the profile asks (purbalingga), counting only its requests", async () => {
    const sameDay = r(1, { complete: dt(2026, 11, 20, 9, 0), handed: dt(2026, 11, 20, 9, 20), stage: "Diserahkan" });
    const nextDay = r(2, { complete: dt(2026, 11, 20, 15, 50), handed: dt(2026, 11, 21, 8, 0), stage: "Diserahkan" });
    const nationalNextDay = r(3, { complete: dt(2026, 11, 20, 15, 50), handed: dt(2026, 11, 21, 8, 0), stage: "Diserahkan" });
    stub = await startStub({
      A: office("Dinsos A", sheet(H, [nationalNextDay]), "nasional-2026"),
      B: office("Dinsos Purbalingga", sheet(H, [sameDay, nextDay]), "purbalingga"),
    });
    const both = (await rekap("A,B")).json!.rekap.serviceTime.sameDay;
    expect(both).toMatchObject({ counted: 2, sameDay: 1, share: 0.5 });
    const nationalOnly = (await rekap("A")).json!.rekap.serviceTime.sameDay;
    expect(nationalOnly ?? null).toBeNull();
  });

  test("14-day window: today and day 14 in, day 15 out, closed requests out; named by the office's title", async () => {
    // nasional: deadline = SK + 6 months, inclusive. Today 2026-11-24.
    const rows = [
      r(1, { sk: dt(2026, 6, 8), applied: dt(2026, 11, 20), stage: "Draf" }), // 2026-12-08: day 14
      r(2, { sk: dt(2026, 6, 9), applied: dt(2026, 11, 20), stage: "Draf" }), // 2026-12-09: day 15
      r(3, { sk: dt(2026, 5, 24), applied: dt(2026, 11, 20), stage: "" }), // 2026-11-24: today
      r(4, { sk: dt(2026, 6, 1), applied: dt(2026, 11, 20), stage: "Selesai" }), // closed
      r(5, { sk: dt(2026, 6, 1), applied: dt(2026, 11, 20), stage: "Ditolak" }), // closed
      r(6, { sk: dt(2026, 6, 1), applied: dt(2026, 11, 20), stage: "Dikembalikan" }), // closed
      r(7, { sk: dt(2026, 6, 2), applied: dt(2026, 11, 20), stage: "Diserahkan" }), // open (waiting for BPJS): 2026-12-02
    ];
    stub = await startStub({ A: office("Dinsos Kota A", sheet(H, rows), "nasional-2026") });
    const { json } = await rekap("A");
    const got = json!.rekap.deadlines.map((d) => [d.id, d.deadline, d.daysLeft]).sort();
    expect(got).toEqual([
      ["PBI-2026-00001", "2026-12-08", 14],
      ["PBI-2026-00003", "2026-11-24", 0],
      ["PBI-2026-00007", "2026-12-02", 8],
    ]);
    expect(json!.rekap.deadlines.every((d) => d.source.includes("Dinsos Kota A"))).toBe(true);
  });

  test("minsel (exclusive window): the deadline is the day before, so SK 9 Jun gives 8 Dec (day 14, in)", async () => {
    const MH = H.filter((h) => !h.startsWith("Dok. K") || h === "Dok. KTP" || h === "Dok. KK");
    const row = r(1, { sk: dt(2026, 6, 9), applied: dt(2026, 11, 20), stage: "Draf" });
    const keep = H.map((h) => MH.includes(h));
    stub = await startStub({ A: office("Dinsos Minsel", sheet(MH, [row.filter((_, i) => keep[i])]), "minsel") });
    const { json } = await rekap("A");
    expect(json!.rekap.deadlines.map((d) => [d.deadline, d.daysLeft])).toEqual([["2026-12-08", 14]]);
  });
});

// ---------------------------------------------------------------------------------------------
describe("check --spreadsheet --write on a sheet with moved and user columns", () => {
  const H = [
    "Catatan Petugas", "Tahap", "NIK", "Keputusan", "Nama", "ID Permohonan", "Batas Reaktivasi", "Tanggal SK Penonaktifan",
    "Kolom Saya", "Nomor KK", "Alasan", "Tanggal Permohonan", "Hasil Pemeriksaan", "Status DTSEN/DTKS", "Desil",
    "Dok. KTP", "Dok. KK", "Dok. Ket. Faskes",
  ];
  const RESULT = new Set(["Tahap", "Keputusan", "Batas Reaktivasi", "Alasan", "Hasil Pemeriksaan"]);
  const col = (h: string) => H.indexOf(h);
  const row = (id: string, name: string, stage: string, registry: string, user: string): C[] =>
    [user, stage, NIK1.slice(0, 12) + id.slice(-4), "", name, id, "", SK, "=SUM(1;2)", KK1, "", APPLIED, "", registry, 3, "Ya", "Ya", "Ya"];

  test("writes only the result columns, by header; first stage for ELIGIBLE, Diperiksa otherwise; later stages kept", async () => {
    const rows = [
      row("PBI-2026-00001", "Siti", "", "Terdaftar", "telp dulu"), // ELIGIBLE -> Draf
      row("PBI-2026-00002", "Budi", "", "Tidak Terdaftar", "-"), // NOT_ELIGIBLE -> Diperiksa
      row("PBI-2026-00003", "Ani", "Paraf Kabid", "Terdaftar", "@ani"), // past its first stage: stays
      row("PBI-2026-00004", "Dewi", "Selesai", "Terdaftar", "+62"), // finished: stays
    ];
    const s = sheet(H, rows);
    const before = s.values.map((v) => [...v]);
    stub = await startStub({ S1: office("Dinsos Kota A", s, "nasional-2026") });
    const r = await liveCli(stub, ["check", "--spreadsheet", "S1", "--today", "2026-11-24", "--json", "--write"]);
    expect(r.code).toBe(0);
    const after = stub.books.S1!.sheets.Permohonan!.values;
    expect(after).toHaveLength(before.length);
    before.forEach((b, i) => H.forEach((h, j) => {
      if (i === 0 || !RESULT.has(h)) expect([i, h, after[i]![j]]).toEqual([i, h, b[j]]);
    }));
    expect(after.slice(1).map((v) => v[col("Tahap")])).toEqual(["Draf", "Diperiksa", "Paraf Kabid", "Selesai"]);
    expect(after[1]![col("Keputusan")]).toBe("Layak");
    expect(after[2]![col("Keputusan")]).toBe("Tidak Layak");
    expect(after[1]![col("Batas Reaktivasi")]).toMatch(/2027-04-15|15\/04\/2027/);
    expect(String(after[2]![col("Alasan")])).not.toBe("");
    for (const w of stub.requests.filter((q) => q.method !== "GET")) expect(JSON.stringify(w.body)).not.toMatch(/32730145068000\d\d/);
    expect(r.stderr).not.toMatch(/32730145068000\d\d/);
  });
});

// ---------------------------------------------------------------------------------------------
describe("API errors: Indonesian message, the right exit code, no stack, token or NIK", () => {
  const H = ["ID Permohonan", "Nama", "NIK", "Nomor KK", "Tanggal Permohonan", "Tanggal SK Penonaktifan", "Tahap", "Diserahkan Pada"];
  const good = () => office("Dinsos A", sheet(H, [["PBI-2026-00001", "Siti", NIK1, KK1, APPLIED, SK, "Diserahkan", dt(2026, 11, 12, 9, 0)]]), "nasional-2026");
  const LEAKY = `Request had invalid credentials: Bearer fake-token-123 ya29.a0AfH6SMBxyzxyzxyzxyzxyz for NIK ${NIK1}`;
  const commands: [string, string[]][] = [
    ["check", ["check", "--spreadsheet", "S1", "--today", "2026-11-24"]],
    ["export", ["export", "--spreadsheet", "S1", "--to", "b.csv"]],
    ["rekap", ["rekap", "--spreadsheets", "S1", "--today", "2026-11-24"]],
  ];
  const clean = (out: string, nik = true) => {
    expect(out).not.toContain("fake-token-123");
    expect(out).not.toContain("ya29.");
    if (nik) expect(out).not.toContain(NIK1);
    expect(out).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(out).not.toMatch(/Error:|TypeError|GaxiosError/);
  };

  test.each(commands)("%s: 403 says there is no access and how to share; exit 2", async (_, argv) => {
    stub = await startStub({ S1: { ...good(), fail: 403, failMessage: LEAKY } });
    const r = await liveCli(stub, argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/izin/);
    clean(r.stderr + r.stdout);
  });

  test.each(commands)("%s: 404 says the ID is wrong; exit 2", async (_, argv) => {
    stub = await startStub({});
    const r = await liveCli(stub, argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/tidak ditemukan/);
    clean(r.stderr + r.stdout);
  });

  test.each(commands)("%s: 401 says the credentials were refused; exit 2", async (_, argv) => {
    stub = await startStub({ S1: { ...good(), fail: 401, failMessage: LEAKY } });
    const r = await liveCli(stub, argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/kredensial|token/i);
    clean(r.stderr + r.stdout);
  });

  test.each(commands)("%s: 429 twice then success works; exit 0", async (_, argv) => {
    stub = await startStub({ S1: { ...good(), quota: 2 } });
    const r = await liveCli(stub, argv);
    expect(r.code).toBe(0);
    clean(r.stderr + r.stdout);
  });

  test.each(commands)("%s: 500 stops with an Indonesian message, exit 2, no token or stack", async (_, argv) => {
    stub = await startStub({ S1: { ...good(), fail: 500, failMessage: LEAKY } });
    const r = await liveCli(stub, argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^pbijk: .*(spreadsheet|Google|coba)/m);
    clean(r.stderr + r.stdout, false);
  });

  // Spec section 8: "NIK and KK are personal data ... never in logs, error messages or exception
  // texts". An API error text that echoes a NIK (Google quotes ranges and values in 4xx/5xx
  // messages) is passed through to stderr and to rekap's --json `failed[].message`.
  test.each(commands)("%s: 500 whose API text quotes a NIK: the NIK is not printed", async (_, argv) => {
    stub = await startStub({ S1: { ...good(), fail: 500, failMessage: LEAKY } });
    const r = await liveCli(stub, argv);
    expect(r.stderr + r.stdout).not.toContain(NIK1);
  });

  test.each(commands)("%s: 503 is retried (README: 429 and 503), then a clear stop", async (_, argv) => {
    stub = await startStub({ S1: { ...good(), fail: 503, failMessage: "The service is currently unavailable." } });
    const r = await liveCli(stub, argv, { PBIJK_SHEETS_RETRIES: "2" });
    expect(r.code).toBe(2);
    expect(stub.requests.length).toBeGreaterThanOrEqual(3);
    clean(r.stderr + r.stdout);
  });

  test("rekap: one office failing with 500 is named, the other summed; exit 1", async () => {
    stub = await startStub({ S1: good(), S2: { ...good(), fail: 500, failMessage: LEAKY } });
    const r = await liveCli(stub, ["rekap", "--spreadsheets", "S1,S2", "--today", "2026-11-24", "--json"]);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout) as RekapJson;
    expect(json.rekap.total).toBe(1);
    expect(json.failed.map((f) => f.spreadsheet)).toEqual(["S2"]);
    expect(r.stderr).toMatch(/S2/);
    clean(r.stderr + r.stdout, false);
  });

  test("check --spreadsheet findings and table never quote a NIK or KK", async () => {
    const bad = ["PBI-2026-00001", "Siti", "9973014506800001", "9973014506800001", APPLIED, SK, "", ""];
    stub = await startStub({ S1: office("Dinsos A", sheet(H, [bad]), "nasional-2026") });
    const json = await liveCli(stub, ["check", "--spreadsheet", "S1", "--today", "2026-11-24", "--json"]);
    const table = await liveCli(stub, ["check", "--spreadsheet", "S1", "--today", "2026-11-24"]);
    for (const out of [json.stdout, json.stderr, table.stdout, table.stderr]) expect(out).not.toContain("9973014506800001");
  });
});

// ---------------------------------------------------------------------------------------------
describe("more: formula guard and privacy in rekap and check --output; exit codes", () => {
  const H = ["ID Permohonan", "Nama", "NIK", "Nomor KK", "Tanggal Permohonan", "Tanggal SK Penonaktifan", "Tahap", "Diserahkan Pada", "Catatan"];
  const openRow = (id: string, name: string, nik = NIK1): C[] => [id, name, nik, KK1, dt(2026, 11, 20), dt(2026, 6, 1), "Draf", "", "=HYPERLINK(\"x\")"];

  test("rekap --csv guards names and office titles starting with = + - @", async () => {
    stub = await startStub({
      A: office("=HYPERLINK(\"http://evil\")", sheet(H, [openRow("PBI-2026-00001", "=1+1"), openRow("PBI-2026-00002", "@Budi", "3273011203750002")]), "nasional-2026"),
    });
    const r = await liveCli(stub, ["rekap", "--spreadsheets", "A", "--today", "2026-11-24", "--csv", "rekap.csv"]);
    expect(r.code).toBe(0);
    const cells = csvLines(r.files["rekap.csv"]).flatMap((l) => l.split(",")).map((c) => c.replace(/^"|"$/g, ""));
    expect(cells.some((c) => c.includes("1+1"))).toBe(true);
    for (const c of cells) expect(c).not.toMatch(/^[=+@]|^-./);
    expect(text(r.files["rekap.csv"]) + r.stdout).not.toContain(NIK1);
  });

  test("check --spreadsheet --output hasil.csv guards the sheet's own text cells", async () => {
    stub = await startStub({ A: office("Dinsos A", sheet(H, [openRow("PBI-2026-00001", "+62 Siti")]), "nasional-2026") });
    const r = await liveCli(stub, ["check", "--spreadsheet", "A", "--today", "2026-11-24", "--output", "hasil.csv"]);
    expect(r.code).toBe(0);
    const cells = csvLines(r.files["hasil.csv"]).flatMap((l) => l.split(",")).map((c) => c.replace(/^"|"$/g, ""));
    expect(cells).toContain("'+62 Siti");
    for (const c of cells) expect(c).not.toMatch(/^[=+@]|^-./);
  });

  test("export: rows sorted by ID; a 15-digit NIK is not printed whole", async () => {
    const rows: C[][] = [
      ["PBI-2026-00010", "B", "327301450680001", KK1, APPLIED, SK, "Diserahkan", dt(2026, 11, 12, 9, 0), ""],
      ["PBI-2026-00002", "A", NIK1, KK1, APPLIED, SK, "Diserahkan", dt(2026, 11, 12, 9, 0), ""],
    ];
    stub = await startStub({ A: office("Dinsos A", sheet(H, rows)) });
    const r = await liveCli(stub, ["export", "--spreadsheet", "A", "--to", "b.csv"]);
    expect(r.code).toBe(0);
    const lines = csvLines(r.files["b.csv"]).slice(1);
    expect(lines.map((l) => l.split(",")[0])).toEqual(["PBI-2026-00002", "PBI-2026-00010"]);
    expect(text(r.files["b.csv"])).not.toContain("327301450680001");
  });

  test("export --to with an unknown extension is a bad option: exit 2, no API call", async () => {
    stub = await startStub({ A: office("Dinsos A", sheet(H, [])) });
    const r = await liveCli(stub, ["export", "--spreadsheet", "A", "--to", "bpjs.txt"]);
    expect(r.code).toBe(2);
    expect(stub.requests).toHaveLength(0);
  });

  test("export --to-spreadsheet: a target without access (403) is exit 2 and names it", async () => {
    const rows: C[][] = [["PBI-2026-00002", "A", NIK1, KK1, APPLIED, SK, "Diserahkan", dt(2026, 11, 12, 9, 0), ""]];
    stub = await startStub({ A: office("Dinsos A", sheet(H, rows)), B: { title: "B", sheets: {}, fail: 403 } });
    const r = await liveCli(stub, ["export", "--spreadsheet", "A", "--to-spreadsheet", "B"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/izin/);
    expect(r.stderr).toMatch(/\bB\b/);
  });

  test("rekap: an office without a Permohonan sheet is named and the others summed; exit 1", async () => {
    stub = await startStub({
      A: office("Dinsos A", sheet(H, [openRow("PBI-2026-00001", "Siti")]), "nasional-2026"),
      B: { title: "Dinsos B", sheets: { Lain: { values: [["x"]] } } },
    });
    const r = await liveCli(stub, ["rekap", "--spreadsheets", "A,B", "--today", "2026-11-24", "--json"]);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout) as RekapJson;
    expect(json.rekap.total).toBe(1);
    expect(json.failed.map((f) => f.spreadsheet)).toEqual(["B"]);
  });

  // README "rekap": "An office that cannot be read (...) is named with its reason on stderr, in the
  // table and in --json/--csv, and the others are still summed. Exit status: 0 all read, 1 some
  // failed". A request sheet lacking a required column cannot be summarised either.
  test("rekap: an office whose Permohonan lacks a required column is named and not counted; exit 1", async () => {
    const noKk = sheet(H.filter((h) => h !== "Nomor KK"), [openRow("PBI-2026-00009", "Tanpa KK").filter((_, i) => i !== 3)]);
    stub = await startStub({
      A: office("Dinsos A", sheet(H, [openRow("PBI-2026-00001", "Siti")]), "nasional-2026"),
      B: office("Dinsos B", noKk, "nasional-2026"),
    });
    const r = await liveCli(stub, ["rekap", "--spreadsheets", "A,B", "--today", "2026-11-24", "--json"]);
    const json = JSON.parse(r.stdout) as RekapJson & { rekap: { problems: string[] } };
    expect(json.rekap.total).toBe(1);
    expect(r.stderr + JSON.stringify(json.failed) + JSON.stringify(json.rekap.problems)).toMatch(/Nomor KK/);
    // (It used to exit 0 and name the office only in rekap.problems. Fixed.)
    expect(r.stderr).toMatch(/Dinsos B|\bB\b/);
    expect(r.code).toBe(1);
  });

  test("rekap --profile: top-level profile given; without it, none", async () => {
    stub = await startStub({ A: office("Dinsos A", sheet(H, [openRow("PBI-2026-00001", "Siti")]), "purbalingga") });
    const withP = JSON.parse((await liveCli(stub, ["rekap", "--spreadsheets", "A", "--today", "2026-11-24", "--json", "--profile", "minsel"])).stdout);
    expect(withP.profile).toBe("minsel");
    expect(withP.offices[0].slaMinutes).toBe(10);
    const without = JSON.parse((await liveCli(stub, ["rekap", "--spreadsheets", "A", "--today", "2026-11-24", "--json"])).stdout);
    expect(without.profile).toBeUndefined();
    expect(without.offices[0].profile).toBe("purbalingga");
  });
});

describe("more: check --spreadsheet --write and stages (spec section 6)", () => {
  const H = ["ID Permohonan", "Nama", "NIK", "Nomor KK", "Tanggal Permohonan", "Tanggal SK Penonaktifan", "Status DTSEN/DTKS", "Desil",
    "Dok. KTP", "Dok. KK", "Dok. Ket. Faskes", "Dok. SKTM", "Mendesak", "Verifikasi Fasilitator", "Hasil Pemeriksaan", "Keputusan", "Alasan", "Batas Reaktivasi", "Tahap"];
  const STAGE = H.indexOf("Tahap");
  const row = (n: number, stage: string, urgent = ""): C[] =>
    [`PBI-2026-0000${n}`, `Warga ${n}`, NIK1.slice(0, 12) + `000${n}`, KK1, APPLIED, SK, "Terdaftar", 3, "Ya", "Ya", "Ya", "Ya", urgent, "", "", "", "", "", stage];

  test("an ELIGIBLE row keeps any stage past the first, and its ending", async () => {
    const stages = ["", "Diterima", "Perbaikan", "Tanda Tangan", "Siap Diserahkan", "Diserahkan", "Dikembalikan", "Ditolak"];
    stub = await startStub({ A: office("Dinsos A", sheet(H, stages.map((st, i) => row(i + 1, st))), "nasional-2026") });
    const r = await liveCli(stub, ["check", "--spreadsheet", "A", "--today", "2026-11-24", "--json", "--write"]);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { rows: { decision: string }[] }).rows.map((x) => x.decision)).toEqual(stages.map(() => "ELIGIBLE"));
    const after = stub.books.A!.sheets.Permohonan!.values.slice(1).map((v) => v[STAGE]);
    expect(after).toEqual(["Draf", "Draf", "Perbaikan", "Tanda Tangan", "Siap Diserahkan", "Diserahkan", "Dikembalikan", "Ditolak"]);
  });

  test("pangkalpinang-bantuan-kesehatan: a Mendesak row skips Back Office (spec section 5)", async () => {
    stub = await startStub({ A: office("Dinsos Pangkalpinang", sheet(H, [row(1, "", "Ya"), row(2, "", "Tidak")]), "pangkalpinang-bantuan-kesehatan") });
    const r = await liveCli(stub, ["check", "--spreadsheet", "A", "--today", "2026-11-24", "--json", "--write"]);
    expect(r.code).toBe(0);
    const after = stub.books.A!.sheets.Permohonan!.values.slice(1).map((v) => v[STAGE]);
    expect(after).toEqual(["Persetujuan Manajer", "Back Office"]);
  });
});

describe("more: export cell values and aliases; retry settings", () => {
  const H = ["Noka", "Tahap", "No KTP", "Nama Lengkap", "ID", "No KK", "Tgl Permohonan", "Tgl SK Nonaktif", "Tanggal Surat", "Nomor Surat", "Tanggal Aktif BPJS", "Status BPJS", "Diserahkan Pada"];
  const rows: C[][] = [["0001234567890", "Selesai", NIK1, "Siti", "PBI-2026-00001", KK1, APPLIED, SK, dt(2026, 11, 10), "400/7/Dinsos", dt(2026, 11, 20), "Aktif Kembali", dt(2026, 11, 12, 9, 0)]];

  test("CSV: header aliases and moved columns are read; dates are dates, not serial numbers", async () => {
    stub = await startStub({ A: office("Dinsos A", sheet(H, rows)) });
    const r = await liveCli(stub, ["export", "--spreadsheet", "A", "--to", "b.csv"]);
    expect(r.code).toBe(0);
    const cells = csvLines(r.files["b.csv"])[1]!.split(",");
    expect(cells.slice(0, 5)).toEqual(["PBI-2026-00001", "Siti", "3273********0001", "0001234567890", "400/7/Dinsos"]);
    expect(cells[5]).toMatch(/2026-11-10|10\/11\/2026|10 November 2026/);
    expect(cells[8]).toBe("Aktif Kembali");
    expect(cells[9]).toMatch(/2026-11-20|20\/11\/2026|20 November 2026/);
  });

  test("XLSX: the card number keeps its leading zeros, the masked NIK is text", async () => {
    stub = await startStub({ A: office("Dinsos A", sheet(H, rows)) });
    const r = await liveCli(stub, ["export", "--spreadsheet", "A", "--to", "b.xlsx"]);
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(r.files["b.xlsx"]!) as unknown as ArrayBuffer);
    const x = wb.worksheets[0]!.getRow(2);
    expect(String(x.getCell(4).value)).toBe("0001234567890");
    expect(x.getCell(3).value).toBe("3273********0001");
  });

  test("PBIJK_SHEETS_RETRIES=0: one try only on 429, then exit 2 in Indonesian", async () => {
    stub = await startStub({ A: { ...office("Dinsos A", sheet(H, rows)), quota: 5 } });
    const r = await liveCli(stub, ["check", "--spreadsheet", "A"], { PBIJK_SHEETS_RETRIES: "0" });
    expect(r.code).toBe(2);
    expect(stub.requests).toHaveLength(1);
    expect(r.stderr).toMatch(/kuota/);
  });

  test("rekap: an office over quota after its retries is named, the others summed; exit 1", async () => {
    stub = await startStub({ A: office("Dinsos A", sheet(H, rows)), B: { ...office("Dinsos B", sheet(H, rows)), quota: 1000 } });
    const r = await liveCli(stub, ["rekap", "--spreadsheets", "A,B", "--today", "2026-11-24", "--json"], { PBIJK_SHEETS_RETRIES: "1" });
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout) as RekapJson;
    expect(json.failed.map((f) => f.spreadsheet)).toEqual(["B"]);
    expect(json.failed[0]!.message).toMatch(/kuota/);
  });
});

describe("more: two columns for one field (spec section 2)", () => {
  const H = ["ID Permohonan", "Nama", "No KTP", "NIK", "Nomor KK", "Tanggal Permohonan", "Tanggal SK Penonaktifan", "Tahap", "Diserahkan Pada", "Keputusan", "Hasil Pemeriksaan", "Alasan", "Batas Reaktivasi"];
  const rows: C[][] = [["PBI-2026-00001", "Siti", NIK1, "3273011203750002", KK1, APPLIED, SK, "Diserahkan", dt(2026, 11, 12, 9, 0), "", "", "", ""]];

  test.each([["check"], ["check --write"]])("%s: exit 2 naming both headers; nothing written", async (cmd) => {
    stub = await startStub({ A: office("Dinsos A", sheet(H, rows), "nasional-2026") });
    const r = await liveCli(stub, ["check", "--spreadsheet", "A", "--today", "2026-11-24", ...(cmd.includes("write") ? ["--write"] : [])]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('"No KTP"');
    expect(r.stderr).toContain('"NIK"');
    expect(stub.requests.filter((q) => q.method !== "GET")).toHaveLength(0);
    expect(r.stderr).not.toContain(NIK1);
  });

  // Spec section 2: "Two columns whose headers map to the same key (say `No KTP` and `NIK`) are a
  // setup problem naming both headers: the add-on stops the check and says which to rename; the
  // CLI exits 2." README rekap: "An office that cannot be read (...) is named with its reason".
  // (rekap used to count the row silently. Fixed.)
  test("rekap: an office with two NIK columns is named, not silently summarised", async () => {
    stub = await startStub({ A: office("Dinsos A", sheet(H, rows), "nasional-2026") });
    const k = await liveCli(stub, ["rekap", "--spreadsheets", "A", "--today", "2026-11-24", "--json"]);
    const j = JSON.parse(k.stdout || "{}") as { rekap?: { problems: string[] }; failed?: unknown[] };
    expect(k.stderr + JSON.stringify(j.rekap?.problems ?? []) + JSON.stringify(j.failed ?? [])).toContain("No KTP");
  });

  // Same sentence (section 2): export used to take the first of the two columns silently. Fixed.
  test("export: two NIK columns are a setup problem naming both (exit 2)", async () => {
    stub = await startStub({ A: office("Dinsos A", sheet(H, rows), "nasional-2026") });
    const e = await liveCli(stub, ["export", "--spreadsheet", "A", "--to", "b.csv"]);
    expect(e.code).toBe(2);
    expect(e.stderr).toContain('"No KTP"');
  });
});

describe("more: rekap inputs and outputs", () => {
  const H = ["ID Permohonan", "Nama", "NIK", "Nomor KK", "Tanggal Permohonan", "Tanggal SK Penonaktifan", "Berkas Lengkap Pada", "Diserahkan Pada", "Tahap"];
  const base = (n: number, complete: C, handed: C, stage: string): C[] => [`PBI-2026-0000${n}`, `Warga ${n}`, NIK1.slice(0, 12) + `000${n}`, KK1, APPLIED, SK, complete, handed, stage];

  test("date-time texts (not date values) in Berkas Lengkap Pada / Diserahkan Pada are measured", async () => {
    const rows = [
      base(1, "20/11/2026 08:00", "20/11/2026 08:45", "Diserahkan"),
      base(2, "2026-11-20T08:00", "2026-11-20 09:00:00", "Diserahkan"),
    ];
    stub = await startStub({ A: office("Dinsos A", sheet(H, rows), "nasional-2026") });
    const st = (await rekap("A")).json!.rekap.serviceTime;
    expect([st.measured, st.withinSla, st.medianMinutes]).toEqual([2, 1, 52.5]);
  });

  test("stages are counted case-insensitively across offices; blank Tahap is Diterima", async () => {
    stub = await startStub({
      A: office("Dinsos A", sheet(H, [base(1, "", "", "Diserahkan"), base(2, "", "", "")]), "nasional-2026"),
      B: office("Dinsos B", sheet(H, [base(3, "", "", "diserahkan"), base(4, "", "", "DISERAHKAN")]), "nasional-2026"),
    });
    const byStage = (await rekap("A,B")).json!.rekap.byStage;
    expect(byStage).toEqual([{ stage: "Diterima", count: 1 }, { stage: "Diserahkan", count: 3 }]);
  });

  test("a failed office is named in the table and in --csv", async () => {
    stub = await startStub({ A: office("Dinsos A", sheet(H, [base(1, "", "", "")]), "nasional-2026"), B: { ...office("Dinsos B", sheet(H, [])), fail: 403 } });
    const r = await liveCli(stub, ["rekap", "--spreadsheets", "A,B", "--today", "2026-11-24", "--csv", "r.csv"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/\bB\b.*izin/);
    expect(text(r.files["r.csv"])).toMatch(/\bB\b.*izin/);
  });

  test("--write: written texts and notes never quote a NIK or KK, even for NIK errors", async () => {
    const WH = [...H, "Hasil Pemeriksaan", "Keputusan", "Alasan", "Batas Reaktivasi"];
    const bad = ["9973014506800001", "3273019999800001", "3273014506800000", "3273014506800009"];
    const rows = bad.map((nik, i) => [...base(i + 1, "", "", ""), "", "", "", ""].map((c, j) => (j === 2 ? nik : j === 3 ? (i === 3 ? nik : "9973010101010001") : c)));
    stub = await startStub({ A: office("Dinsos A", sheet(WH, rows), "nasional-2026") });
    const r = await liveCli(stub, ["check", "--spreadsheet", "A", "--today", "2026-11-24", "--write"]);
    expect(r.code).toBe(0);
    const writes = JSON.stringify(stub.requests.filter((q) => q.method !== "GET").map((q) => q.body));
    expect(writes).toMatch(/NIK_PROVINCE_INVALID/);
    for (const n of [...bad, "9973010101010001"]) {
      expect(writes).not.toContain(n);
      expect(writes).not.toContain(n.slice(0, 6) + n.slice(6, 12));
      expect(r.stdout + r.stderr).not.toContain(n);
    }
  });
});

describe("more: today in Asia/Jakarta, --today forms, export stage case", () => {
  const H = ["ID Permohonan", "Nama", "NIK", "Nomor KK", "Tanggal Permohonan", "Tanggal SK Penonaktifan", "Tahap", "Diserahkan Pada"];
  const rows: C[][] = [["PBI-2026-00001", "Siti", NIK1, KK1, APPLIED, SK, "diserahkan", ""]];

  test("rekap and check without --today: today in Asia/Jakarta (01:00 WIB on 25 Nov is 25 Nov)", async () => {
    stub = await startStub({ A: office("Dinsos A", sheet(H, rows), "nasional-2026") });
    const env = { GOOGLE_OAUTH_ACCESS_TOKEN: "fake-token-123", PBIJK_SHEETS_ROOT_URL: stub.url, PBIJK_SHEETS_BACKOFF_MS: "1", PBIJK_SHEETS_RETRIES: "3" };
    const now = new Date("2026-11-24T18:00:00Z");
    const k = await cli(["rekap", "--spreadsheets", "A", "--json"], {}, { env, now });
    expect(JSON.parse(k.stdout).today).toBe("2026-11-25");
    const c = await cli(["check", "--spreadsheet", "A", "--json"], {}, { env, now });
    expect(JSON.parse(c.stdout).today).toBe("2026-11-25");
  });

  test("--today DD/MM/YYYY is accepted by check --spreadsheet and rekap", async () => {
    stub = await startStub({ A: office("Dinsos A", sheet(H, rows), "nasional-2026") });
    const c = await liveCli(stub, ["check", "--spreadsheet", "A", "--today", "24/11/2026", "--json"]);
    expect(JSON.parse(c.stdout).today).toBe("2026-11-24");
    const k = await liveCli(stub, ["rekap", "--spreadsheets", "A", "--today", "24/11/2026", "--json"]);
    expect(JSON.parse(k.stdout).today).toBe("2026-11-24");
  });

  test("export: a Tahap typed in another case (diserahkan) is handed over", async () => {
    stub = await startStub({ A: office("Dinsos A", sheet(H, rows), "nasional-2026") });
    const e = await liveCli(stub, ["export", "--spreadsheet", "A", "--to", "b.csv"]);
    expect(e.code).toBe(0);
    expect(csvLines(e.files["b.csv"]).slice(1)).toHaveLength(1);
  });
});

describe("more: bad options (exit 2, no API call) and --output xlsx", () => {
  const H = ["ID Permohonan", "Nama", "NIK", "Nomor KK", "Tanggal Permohonan", "Tanggal SK Penonaktifan", "Tahap", "Diserahkan Pada"];
  test.each([
    [["export", "--spreadsheet", "A"]],
    [["export", "--spreadsheet", "A", "--to", "b.csv", "--to-spreadsheet", "B"]],
    [["export", "--to", "b.csv"]],
    [["rekap"]],
    [["rekap", "--spreadsheets", "A", "--list", "x.txt"]],
    [["rekap", "--list", "tidak-ada.txt"]],
    [["check", "--spreadsheet", "A", "--profile", "tidak-ada"]],
    [["rekap", "--spreadsheets", "A", "--profile", "tidak-ada"]],
  ])("%j", async (argv) => {
    stub = await startStub({ A: office("Dinsos A", sheet(H, [])) });
    const r = await liveCli(stub, argv, {}, { "x.txt": new TextEncoder().encode("A\n") });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^pbijk: /m);
    expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(stub.requests).toHaveLength(0);
  });

  test("check --spreadsheet --output hasil.xlsx: no formula cells, guarded texts", async () => {
    const rows: C[][] = [["PBI-2026-00001", "=1+1", NIK1, KK1, APPLIED, SK, "", ""]];
    stub = await startStub({ A: office("Dinsos A", sheet(H, rows), "nasional-2026") });
    const r = await liveCli(stub, ["check", "--spreadsheet", "A", "--today", "2026-11-24", "--output", "h.xlsx"]);
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(r.files["h.xlsx"]!) as unknown as ArrayBuffer);
    wb.worksheets[0]!.eachRow((row) => row.eachCell((cell) => {
      expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
      if (typeof cell.value === "string") expect(cell.value).not.toMatch(/^[=+@]|^-./);
    }));
  });

  // Spec section 8: "exports guard against formula injection (`=`, `+`, `-`, `@` at the start of a
  // cell)". README: `--to-spreadsheet` sends values RAW "so Sheets stores every value as text and
  // nothing is ever run as a formula" -- a deliberate reading: the cells still start with `=`, and
  // the README's own privacy steps have BPJS staff download that sheet as CSV (File > Download >
  // CSV), where Excel runs them. So the values are guarded too (fixed).
  test("--to-spreadsheet: cells starting with = + - @ are stored guarded", async () => {
    const rows: C[][] = [["PBI-2026-00001", "=HYPERLINK(\"http://x\",\"klik\")", NIK1, KK1, APPLIED, SK, "Diserahkan", dt(2026, 11, 12, 9, 0)]];
    stub = await startStub({ A: office("Dinsos A", sheet(H, rows)), B: { title: "B", sheets: {} } });
    const r = await liveCli(stub, ["export", "--spreadsheet", "A", "--to-spreadsheet", "B"]);
    expect(r.code).toBe(0);
    for (const v of stub.books.B!.sheets["Untuk BPJS"]!.values.flat()) expect(String(v)).not.toMatch(/^[=+@]|^-./);
  });
});

describe("more: --sheet, office lists", () => {
  const H = ["ID Permohonan", "Nama", "NIK", "Nomor KK", "Tanggal Permohonan", "Tanggal SK Penonaktifan", "Status DTSEN/DTKS", "Dok. KTP", "Dok. KK", "Dok. SKTM", "Dok. Ket. Faskes",
    "Berkas Lengkap Pada", "Diserahkan Pada", "Tahap"];
  const row = (n: number, minutes: number): C[] =>
    [`PBI-2026-0000${n}`, `Warga ${n}`, NIK1.slice(0, 12) + `000${n}`, KK1, APPLIED, "", "Terdaftar", "Ya", "Ya", "Ya", "Tidak",
      dt(2026, 11, 20, 8, 0), dt(2026, 11, 20, 8 + Math.floor(minutes / 60), minutes % 60), "Selesai"];
  const twoSheets = (): StubSpreadsheet => ({
    title: "Dinsos Pangkalpinang",
    sheets: {
      Permohonan: sheet(H, [row(1, 40)]),
      "Permohonan Kesehatan": sheet(H, [row(2, 40)]),
      Pengaturan: settingsSheet([["Sheet Permohonan", "Profil", "SLA (menit)"], ["Permohonan", "pangkalpinang-reaktivasi", 30], ["Permohonan Kesehatan", "pangkalpinang-bantuan-kesehatan", ""]]),
    },
  });

  test("rekap --sheet: the profile Pengaturan gives that sheet (bantuan: no SK column needed, SLA 45)", async () => {
    stub = await startStub({ A: twoSheets() });
    const r = await liveCli(stub, ["rekap", "--spreadsheets", "A", "--sheet", "Permohonan Kesehatan", "--today", "2026-11-24", "--json"]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as RekapJson;
    expect(json.offices[0]!.profile).toBe("pangkalpinang-bantuan-kesehatan");
    expect(json.rekap.serviceTime.withinSla).toBe(1);
    const main = JSON.parse((await liveCli(stub, ["rekap", "--spreadsheets", "A", "--today", "2026-11-24", "--json"])).stdout) as RekapJson;
    expect(main.offices[0]!.slaMinutes).toBe(30);
    expect(main.rekap.serviceTime.withinSla).toBe(0);
  });

  test("check --spreadsheet --sheet with a quote in the sheet name", async () => {
    const b = twoSheets();
    b.sheets["Data 'Lama'"] = b.sheets.Permohonan!;
    stub = await startStub({ A: b });
    const r = await liveCli(stub, ["check", "--spreadsheet", "A", "--sheet", "Data 'Lama'", "--today", "2026-11-24", "--json"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).rows).toHaveLength(1);
  });

  test("rekap --list from Windows Notepad (BOM, CRLF) and --spreadsheets with spaces", async () => {
    stub = await startStub({ A: twoSheets(), B: twoSheets() });
    const list = new TextEncoder().encode("\uFEFFA\r\n# komentar\r\nB\r\n");
    const r = await liveCli(stub, ["rekap", "--list", "k.txt", "--today", "2026-11-24", "--json"], {}, { "k.txt": list });
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as RekapJson).offices.map((o) => o.spreadsheet)).toEqual(["A", "B"]);
    const s = await liveCli(stub, ["rekap", "--spreadsheets", "A, B", "--today", "2026-11-24", "--json"]);
    expect(s.code).toBe(0);
    expect((JSON.parse(s.stdout) as RekapJson).offices.map((o) => o.spreadsheet)).toEqual(["A", "B"]);
  });
});

describe("more: --write and IDs", () => {
  const H = ["ID Permohonan", "Nama", "NIK", "Nomor KK", "Tanggal Permohonan", "Tanggal SK Penonaktifan", "Status DTSEN/DTKS", "Desil", "Dok. KTP", "Dok. KK", "Dok. Ket. Faskes",
    "Hasil Pemeriksaan", "Keputusan", "Alasan", "Batas Reaktivasi", "Tahap"];
  const DEC = H.indexOf("Keputusan");
  const row = (id: string, n: number, registry: string): C[] =>
    [id, `Warga ${n}`, NIK1.slice(0, 12) + `000${n}`, KK1, APPLIED, SK, registry, 3, "Ya", "Ya", "Ya", "", "", "", "", ""];

  test("two rows sharing one ID: neither gets the other's result", async () => {
    stub = await startStub({ A: office("Dinsos A", sheet(H, [row("PBI-2026-00001", 1, "Terdaftar"), row("PBI-2026-00001", 2, "Tidak Terdaftar")]), "nasional-2026") });
    const r = await liveCli(stub, ["check", "--spreadsheet", "A", "--today", "2026-11-24", "--json", "--write"]);
    const after = stub.books.A!.sheets.Permohonan!.values;
    expect(r.code).toBe(0);
    expect([["Layak", "Tidak Layak"], ["Layak", ""], ["", "Tidak Layak"], ["", ""]]).toContainEqual(after.slice(1).map((v) => v[DEC]));
  });

  test("rows without an ID, sorted between the read and the write: no row gets another's result", async () => {
    const b = office("Dinsos A", sheet(H, [row("", 1, "Terdaftar"), row("", 2, "Tidak Terdaftar")]), "nasional-2026");
    b.onRead = (n, s) => {
      if (n === 2) s.values = [s.values[0]!, s.values[2]!, s.values[1]!];
    };
    stub = await startStub({ A: b });
    const r = await liveCli(stub, ["check", "--spreadsheet", "A", "--today", "2026-11-24", "--json", "--write"]);
    expect(r.code).toBe(0);
    const after = stub.books.A!.sheets.Permohonan!.values.slice(1).map((v) => [v[1], v[DEC]]);
    for (const [name, decision] of after) {
      if (name === "Warga 1") expect(["Layak", ""]).toContain(decision);
      else expect(["Tidak Layak", ""]).toContain(decision);
    }
  });
});

describe("more: --write meets quota and server errors", () => {
  const H = ["ID Permohonan", "Nama", "NIK", "Nomor KK", "Tanggal Permohonan", "Tanggal SK Penonaktifan", "Hasil Pemeriksaan", "Keputusan", "Alasan", "Batas Reaktivasi", "Tahap"];
  const DEC = H.indexOf("Keputusan");
  const rows: C[][] = [["PBI-2026-00001", "Siti", NIK1, KK1, APPLIED, SK, "", "", "", "", ""]];

  test("429 on the write requests: retried, values and notes written, exit 0", async () => {
    const b = office("Dinsos A", sheet(H, rows), "nasional-2026");
    b.onRead = (n) => {
      if (n === 2) b.quota = 2;
    };
    stub = await startStub({ A: b });
    const r = await liveCli(stub, ["check", "--spreadsheet", "A", "--today", "2026-11-24", "--write"]);
    expect(r.code).toBe(0);
    expect(stub.books.A!.sheets.Permohonan!.values[1]![DEC]).not.toBe("");
  });

  test("the values write failing (500): nothing claimed written, non-zero exit, no NIK or token", async () => {
    const b = office("Dinsos A", sheet(H, rows), "nasional-2026");
    b.onRead = (n) => {
      if (n === 2) { b.fail = 500; b.failMessage = `boom ${NIK1} Bearer fake-token-123`; }
    };
    stub = await startStub({ A: b });
    const r = await liveCli(stub, ["check", "--spreadsheet", "A", "--today", "2026-11-24", "--write"]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).not.toMatch(/ditulis ke sheet "Permohonan"\.|dengan catatan temuannya/);
    expect(r.stderr).not.toContain("fake-token-123");
    expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(stub.books.A!.sheets.Permohonan!.values[1]![DEC]).toBe("");
  });
});

// Spec section 9: "rows whose cells are all blank are skipped"; section 2: "A cell that is blank
// after the normalisation a rule applies (say `-` in an enumeration) counts as blank", and an
// unticked box (`FALSE`) is "not ticked", the same as blank. Offices that put checkboxes down
// the document columns (Insert > Checkbox writes FALSE into every cell) get rows holding only
// FALSE below their data. Such rows used to be checked and counted by `rekap`. Fixed.
describe("more: rows holding only unticked checkboxes", () => {
  const H = ["ID Permohonan", "Nama", "NIK", "Nomor KK", "Tanggal Permohonan", "Tanggal SK Penonaktifan", "Dok. KTP", "Dok. KK", "Dok. Ket. Faskes", "Tahap"];
  const rows: C[][] = [
    ["PBI-2026-00001", "Siti", NIK1, KK1, APPLIED, SK, true, true, false, ""],
    ["", "", "", "", "", "", false, false, false, ""],
    ["", "", "", "", "", "", false, false, false, ""],
  ];
  test("check --spreadsheet skips them", async () => {
    stub = await startStub({ A: office("Dinsos A", sheet(H, rows), "nasional-2026") });
    const r = await liveCli(stub, ["check", "--spreadsheet", "A", "--today", "2026-11-24", "--json"]);
    expect(JSON.parse(r.stdout).rows).toHaveLength(1);
  });
  test("rekap does not count them", async () => {
    stub = await startStub({ A: office("Dinsos A", sheet(H, rows), "nasional-2026") });
    expect((await rekap("A")).json!.rekap.total).toBe(1);
  });
});

describe("more: empty sheets and the CSV's BOM", () => {
  const H = ["ID Permohonan", "Nama", "NIK", "Nomor KK", "Tanggal Permohonan", "Tanggal SK Penonaktifan", "Tahap", "Diserahkan Pada"];
  test("a sheet with headers only: checked, 0 rows, exit 0; export writes the header with a BOM", async () => {
    stub = await startStub({ A: office("Dinsos A", sheet(H, []), "nasional-2026") });
    const c = await liveCli(stub, ["check", "--spreadsheet", "A", "--today", "2026-11-24", "--json"]);
    expect(c.code).toBe(0);
    expect(JSON.parse(c.stdout).rows).toEqual([]);
    const e = await liveCli(stub, ["export", "--spreadsheet", "A", "--to", "b.csv"]);
    expect(e.code).toBe(0);
    expect([...e.files["b.csv"]!.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csvLines(e.files["b.csv"])).toHaveLength(1);
  });
  test("an empty sheet (no header row): exit 2 with a message", async () => {
    stub = await startStub({ A: { title: "Dinsos A", sheets: { Permohonan: { values: [] } } } });
    const c = await liveCli(stub, ["check", "--spreadsheet", "A", "--today", "2026-11-24"]);
    expect(c.code).toBe(2);
    expect(c.stderr).toMatch(/^pbijk: /m);
  });
});

describe("more: health details (spec section 8: sensitive personal data)", () => {
  const H = ["ID Permohonan", "Nama", "NIK", "Nomor KK", "Tanggal Permohonan", "Tanggal SK Penonaktifan", "Kebutuhan Layanan Kesehatan", "Status DTSEN/DTKS",
    "Hasil Pemeriksaan", "Keputusan", "Alasan", "Batas Reaktivasi", "Tahap", "Diserahkan Pada"];
  const rows: C[][] = [["PBI-2026-00001", "Siti", NIK1, KK1, APPLIED, SK, "HIV stadium 3", "Terdaftar", "", "", "", "", "Diserahkan", dt(2026, 11, 12, 9, 0)]];
  test("an unknown health-need text is never quoted by check (json, table, --write) or export/rekap", async () => {
    stub = await startStub({ A: office("Dinsos A", sheet(H, rows), "nasional-2026") });
    const outs = [
      await liveCli(stub, ["check", "--spreadsheet", "A", "--today", "2026-11-24", "--json"]),
      await liveCli(stub, ["check", "--spreadsheet", "A", "--today", "2026-11-24"]),
      await liveCli(stub, ["check", "--spreadsheet", "A", "--today", "2026-11-24", "--write"]),
      await liveCli(stub, ["export", "--spreadsheet", "A", "--to", "b.csv"]),
      await liveCli(stub, ["rekap", "--spreadsheets", "A", "--today", "2026-11-24", "--json"]),
    ];
    expect(outs[0]!.stdout).toContain("VALUE_UNKNOWN");
    for (const o of outs) expect(o.stdout + o.stderr + Object.values(o.files).map(text).join("")).not.toMatch(/HIV/);
    expect(JSON.stringify(stub.requests.filter((q) => q.method !== "GET").map((q) => q.body))).not.toMatch(/HIV/);
  });
});
