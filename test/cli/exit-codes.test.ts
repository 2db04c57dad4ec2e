/**
 * Exit status, messages and defaults of `pbijk check` (spec section 9): 0 when the file was
 * checked whatever the decisions; 2 with a clear Indonesian message on stderr (and nothing on
 * stdout) for an unreadable or empty file, an unknown profile, a bad --today or a missing
 * required column; absent columns the profile's rules use named once on stderr with exit 0.
 */
import { resolve } from "node:path";
import { checkJson, cli, fixture, ROOT, type Report } from "./helpers";

/** Occurrences of a literal text. */
const count = (haystack: string, needle: string): number => haystack.split(needle).length - 1;

/** A valid national row per column; tests drop columns from it. */
const NATIONAL: Record<string, string[]> = {
  "Tanggal Permohonan": ["20/11/2026", "21/11/2026", "22/11/2026"],
  "Nama": ["Sutrisno Hadi", "Siti Aminah", "Agus Salim"],
  "NIK": ["3578101205780003", "3578066308920007", "3578031708700001"],
  "Nomor KK": ["3578100202110005", "3578061507150002", "3578032211050006"],
  "Tanggal SK Penonaktifan": ["10/07/2026", "30/06/2026", "20/08/2026"],
  "Status DTSEN/DTKS": ["Terdaftar", "Terdaftar", "Terdaftar"],
  "Desil": ["3", "2", "1"],
  "Kebutuhan Layanan Kesehatan": ["Tidak Ada", "Tidak Ada", "Tidak Ada"],
  "Dok. KTP": ["Ya", "Ya", "Ya"],
  "Dok. KK": ["Ya", "Ya", "Ya"],
  "Dok. Ket. Faskes": ["Ya", "Ya", "Ya"],
};

function table(columns: Record<string, string[]>, omit: string[] = [], rows = 3): string {
  const headers = Object.keys(columns).filter((h) => !omit.includes(h));
  const lines = [headers.join(",")];
  for (let i = 0; i < rows; i++) lines.push(headers.map((h) => columns[h]![i] ?? "").join(","));
  return `${lines.join("\n")}\n`;
}

function expectUsageFailure(r: { code: number; stdout: string; stderr: string }): void {
  expect(r.code).toBe(2);
  expect(r.stdout).toBe("");
  expect(r.stderr.trim()).not.toBe("");
}

describe("exit 0 whatever the decisions", () => {
  test("a file where every row is Data Tidak Valid still exits 0", async () => {
    const text = "Tanggal Permohonan,Nama,NIK,Nomor KK,Tanggal SK Penonaktifan\n"
      + "kemarin,Pemohon Satu,123,456,01/10/2026\n"
      + "20/11/2026,,3.27301E+15,3578100202110005,\n";
    const r = await cli(["check", "/v/invalid.csv", "--today", "2026-11-24", "--json"], { "/v/invalid.csv": text });
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.rows.map((x) => x.decision)).toEqual(["INVALID", "INVALID"]);
  });

  test("a file with only the header row is checked: exit 0, no rows", async () => {
    const r = await cli(["check", "/v/header.csv", "--today", "2026-11-24", "--json"], {
      "/v/header.csv": "Tanggal Permohonan,Nama,NIK,Nomor KK,Tanggal SK Penonaktifan,Status DTSEN/DTKS,Desil,Kebutuhan Layanan Kesehatan,Dok. KTP,Dok. KK,Dok. Ket. Faskes\n",
    });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ profile: "nasional-2026", today: "2026-11-24", rows: [] });
  });

  test.each([
    ["nasional-2026.csv", "nasional-2026"],
    ["pangkalpinang-reaktivasi.csv", "pangkalpinang-reaktivasi"],
    ["pangkalpinang-bantuan-kesehatan.csv", "pangkalpinang-bantuan-kesehatan"],
    ["minsel.csv", "minsel"],
    ["bandung.csv", "bandung"],
    ["purbalingga.csv", "purbalingga"],
  ])("%s under %s exits 0 with and without --json", async (file, profile) => {
    expect((await cli(["check", fixture(file), "--profile", profile, "--today", "2026-11-24"])).code).toBe(0);
    expect((await cli(["check", fixture(file), "--profile", profile, "--today", "2026-11-24", "--json"])).code).toBe(0);
  });
});

describe("exit 2 with a clear Indonesian message and nothing on stdout", () => {
  test("a file that does not exist", async () => {
    const path = resolve(ROOT, "test/fixtures/tidak-ada-berkas-ini.csv");
    const r = await cli(["check", path, "--today", "2026-11-24"]);
    expectUsageFailure(r);
    expect(r.stderr).toMatch(/berkas/i);
    expect(r.stderr).toContain("tidak-ada-berkas-ini.csv");
  });

  test("a path that cannot be read as a file (a directory)", async () => {
    const r = await cli(["check", resolve(ROOT, "test/fixtures"), "--today", "2026-11-24", "--json"]);
    expectUsageFailure(r);
    expect(r.stderr).toMatch(/berkas/i);
  });

  test.each([
    ["0 bytes", ""],
    ["only a BOM", "\uFEFF"],
    ["only blank lines", "\r\n\r\n"],
    ["only spaces", "   \n  \n"],
  ])("an empty file (%s)", async (_label, content) => {
    const r = await cli(["check", "/v/kosong.csv", "--today", "2026-11-24", "--json"], { "/v/kosong.csv": content });
    expectUsageFailure(r);
    expect(r.stderr).toMatch(/kosong/i);
  });

  test("an unknown --profile", async () => {
    const r = await cli(["check", fixture("nasional-2026.csv"), "--profile", "jakarta-selatan", "--today", "2026-11-24"]);
    expectUsageFailure(r);
    expect(r.stderr).toMatch(/profil/i);
    expect(r.stderr).toContain("jakarta-selatan");
  });

  test.each(["2026-02-30", "30/02/2026", "24-11-2026", "2026-13-01", "besok", "2026-11-24T10:00"])("a bad --today %s", async (today) => {
    const r = await cli(["check", fixture("nasional-2026.csv"), "--today", today, "--json"]);
    expectUsageFailure(r);
    expect(r.stderr).toContain("--today");
  });

  test.each(["Tanggal Permohonan", "Nama", "NIK", "Nomor KK", "Tanggal SK Penonaktifan"])(
    "a file without the required column %s",
    async (column) => {
      const r = await cli(["check", "/v/missing.csv", "--today", "2026-11-24", "--json"], { "/v/missing.csv": table(NATIONAL, [column]) });
      expectUsageFailure(r);
      expect(r.stderr).toContain(column);
      expect(r.stderr).toMatch(/kolom/i);
    },
  );

  test("the SK date column is required for every reactivation profile", async () => {
    for (const profile of ["nasional-2026", "pangkalpinang-reaktivasi", "minsel", "bandung", "purbalingga"]) {
      const r = await cli(["check", "/v/no-sk.csv", "--profile", profile, "--today", "2026-11-24", "--json"], {
        "/v/no-sk.csv": table(NATIONAL, ["Tanggal SK Penonaktifan"]),
      });
      expectUsageFailure(r);
      expect(r.stderr).toContain("Tanggal SK Penonaktifan");
    }
  });

  test("an alias counts as the column (No KTP, No KK, Tgl Permohonan, Nama Lengkap, Tgl SK Nonaktif)", async () => {
    const text = "Tgl Permohonan,Nama Lengkap,No KTP,No KK,Tgl SK Nonaktif\n20/11/2026,Sutrisno Hadi,3578101205780003,3578100202110005,10/07/2026\n";
    const r = await cli(["check", "/v/alias.csv", "--today", "2026-11-24", "--json"], { "/v/alias.csv": text });
    expect(r.code).toBe(0);
  });
});

describe("pangkalpinang-bantuan-kesehatan needs no SK date column", () => {
  test("a file without Tanggal SK Penonaktifan passes under the bantuan profile", async () => {
    const columns: Record<string, string[]> = {
      "Tanggal Permohonan": ["20/11/2026"],
      "Nama": ["Marlina Sari"],
      "NIK": ["1971054502790003"],
      "Nomor KK": ["1971052002100001"],
      "Status DTKS": ["Terdaftar"],
      "Verifikasi Fasilitator": [""],
      "Dok. KTP": ["Ya"],
      "Dok. KK": ["Ya"],
      "Dok. SKTM": ["Ya"],
    };
    const r = await cli(["check", "/v/bantuan.csv", "--profile", "pangkalpinang-bantuan-kesehatan", "--today", "2026-11-24", "--json"], {
      "/v/bantuan.csv": table(columns, [], 1),
    });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    const report = JSON.parse(r.stdout) as Report;
    expect(report.rows.map((x) => [x.row, x.decision, x.deadline])).toEqual([[2, "ELIGIBLE", null]]);
  });
});

describe("absent columns the profile's rules use are named once on stderr, exit 0", () => {
  test("nasional-2026 without registry, desil, health need and document columns", async () => {
    const omit = ["Status DTSEN/DTKS", "Desil", "Kebutuhan Layanan Kesehatan", "Dok. KTP", "Dok. KK", "Dok. Ket. Faskes"];
    const r = await cli(["check", "/v/bare.csv", "--today", "2026-11-24", "--json"], { "/v/bare.csv": table(NATIONAL, omit) });
    expect(r.code).toBe(0);
    expect(count(r.stderr, "Status DTSEN/DTKS")).toBe(1);
    expect(r.stderr.match(/Desil(?! DTSEN)/g)?.length).toBe(1);
    for (const column of ["Kebutuhan Layanan Kesehatan", "Dok. KTP", "Dok. KK", "Dok. Ket. Faskes"]) {
      expect(count(r.stderr, column)).toBe(1);
    }
    // columns only other profiles use are not named
    for (const column of ["Konfirmasi BPJS", "Verifikasi Fasilitator", "Dok. SKTM", "Dok. KIS", "Dok. Ket. BPJS", "Pernah Direaktivasi"]) {
      expect(r.stderr).not.toContain(column);
    }
    // absent = blank: Belum Dicek, documents not ticked
    const report = JSON.parse(r.stdout) as Report;
    for (const row of report.rows) {
      expect([row.decision, row.reasons, row.missingDocuments, row.findings]).toEqual([
        "INCOMPLETE", ["DOCUMENTS_INCOMPLETE"], ["docKtp", "docKk", "docHealthFacility"], [],
      ]);
    }
  });

  test("bandung without Konfirmasi BPJS and Dok. Ket. DTSEN/DTKS", async () => {
    const columns: Record<string, string[]> = {
      "Tanggal Permohonan": ["20/11/2026", "21/11/2026", "22/11/2026"],
      "Nama": ["Asep Saepudin", "Euis Komariah", "Dadang Sunarya"],
      "NIK": ["3273021708850001", "3273165003770002", "3273220310690003"],
      "Nomor KK": ["3273021905120004", "3273160707070007", "3273221502100005"],
      "Tanggal SK Penonaktifan": ["31/08/2026", "15/07/2026", "01/10/2026"],
      "Status DTKS": ["Terdaftar", "Terdaftar", "Terdaftar"],
      "Dok. KK": ["Ya", "Ya", "Ya"],
      "Dok. KTP": ["Ya", "Ya", "Ya"],
      "Dok. KIS": ["Ya", "Ya", "Ya"],
    };
    const r = await cli(["check", "/v/bdg.csv", "--profile", "bandung", "--today", "2026-11-24", "--json"], { "/v/bdg.csv": table(columns) });
    expect(r.code).toBe(0);
    expect(count(r.stderr, "Konfirmasi BPJS")).toBe(1);
    expect(count(r.stderr, "Dok. Ket. DTSEN/DTKS")).toBe(1);
    for (const column of ["Status DTSEN/DTKS", "Dok. KTP", "Desil", "Kebutuhan Layanan Kesehatan", "Verifikasi Fasilitator"]) {
      expect(r.stderr).not.toContain(column);
    }
    const report = JSON.parse(r.stdout) as Report;
    expect(report.rows.map((x) => [x.row, x.decision, x.reasons, x.deadline, x.missingDocuments])).toEqual([
      [2, "INCOMPLETE", ["DOCUMENTS_INCOMPLETE"], "2027-02-28", ["docRegistry"]],
      [3, "INCOMPLETE", ["DOCUMENTS_INCOMPLETE"], "2027-01-15", ["docRegistry"]],
      [4, "INCOMPLETE", ["DOCUMENTS_INCOMPLETE"], "2027-04-01", ["docRegistry"]],
    ]);
  });

  test("pangkalpinang-reaktivasi without Verifikasi Fasilitator", async () => {
    const columns: Record<string, string[]> = {
      "Tgl Permohonan": ["20/11/2026", "21/11/2026"],
      "Nama": ["Ahmad Fauzi", "Rusdi Hamid"],
      "No KTP": ["1971051506900004", "1971020304750002"],
      "No KK": ["1971050101150002", "1971021207090001"],
      "No SK Nonaktif": ["201/HUK/2026", "168/HUK/2026"],
      "Tgl SK Nonaktif": ["14/09/2026", "03/08/2026"],
      "Status DTKS": ["Tidak Terdaftar", "Terdaftar"],
      "Dok. KTP": ["Ya", "Ya"],
      "Dok. KK": ["Ya", "Ya"],
      "Dok. SKTM": ["Ya", "Ya"],
    };
    const r = await cli(["check", "/v/pkp.csv", "--profile", "pangkalpinang-reaktivasi", "--today", "2026-11-24", "--json"], {
      "/v/pkp.csv": table(columns, [], 2),
    });
    expect(r.code).toBe(0);
    expect(count(r.stderr, "Verifikasi Fasilitator")).toBe(1);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.rows.map((x) => [x.row, x.decision, x.reasons])).toEqual([
      [2, "NEEDS_VERIFICATION", ["FACILITATOR_PENDING"]],
      [3, "ELIGIBLE", []],
    ]);
  });

  test("minsel without Pernah Direaktivasi (its once-per-person rule reads it)", async () => {
    const columns: Record<string, string[]> = {
      "TANGGAL PERMOHONAN": ["20/11/2026", "21/11/2026"],
      "NAMA": ["Olvie Tumbelaka", "Stevi Rondonuwu"],
      "NIK": ["7105125208920002", "7105092310990002"],
      "NO KK": ["7105121210140006", "7105091801200003"],
      "TGL SK NONAKTIF": ["20/07/2026", "20/07/2026"],
      "STATUS DTKS": ["Terdaftar", "Terdaftar"],
      "DOK. KTP": ["Ya", "Ya"],
      "DOK. KK": ["Ya", "Ya"],
    };
    const r = await cli(["check", "/v/minsel.csv", "--profile", "minsel", "--today", "2026-11-24", "--json"], {
      "/v/minsel.csv": table(columns, [], 2),
    });
    expect(r.code).toBe(0);
    expect(count(r.stderr, "Pernah Direaktivasi")).toBe(1);
    expect(r.stderr).not.toContain("Konfirmasi BPJS");
    expect(r.stderr).not.toContain("Desil");
    const report = JSON.parse(r.stdout) as Report;
    expect(report.rows.map((x) => x.decision)).toEqual(["ELIGIBLE", "ELIGIBLE"]);
  });
});

describe("defaults", () => {
  test("--profile defaults to nasional-2026", async () => {
    const withDefault = await cli(["check", fixture("nasional-2026.csv"), "--today", "2026-11-24", "--json"]);
    const explicit = await cli(["check", fixture("nasional-2026.csv"), "--profile", "nasional-2026", "--today", "2026-11-24", "--json"]);
    expect(withDefault.code).toBe(0);
    const report = JSON.parse(withDefault.stdout) as Report;
    expect(report.profile).toBe("nasional-2026");
    expect(withDefault.stdout).toBe(explicit.stdout);
  });

  test.each([
    ["2026-11-23T17:30:00Z", "2026-11-24"], // 00:30 in Jakarta, still the 23rd in UTC
    ["2026-11-24T16:59:59Z", "2026-11-24"], // 23:59:59 in Jakarta
    ["2026-11-24T17:00:00Z", "2026-11-25"], // midnight in Jakarta
  ])("--today defaults to today in Asia/Jakarta (now = %s -> %s)", async (instant, today) => {
    const r = await cli(["check", fixture("nasional-2026.csv"), "--json"], {}, { now: new Date(instant) });
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as Report).today).toBe(today);
  });

  test("an application dated today (Jakarta) is not in the future just after Jakarta midnight", async () => {
    const text = "Tanggal Permohonan,Nama,NIK,Nomor KK,Tanggal SK Penonaktifan,Status DTSEN/DTKS,Desil,Kebutuhan Layanan Kesehatan,Dok. KTP,Dok. KK,Dok. Ket. Faskes\n"
      + "24/11/2026,Nur Aini,3578214112010006,3578210101200003,24/05/2026,Terdaftar,5,Tidak Ada,Ya,Ya,Ya\n";
    const r = await cli(["check", "/v/today.csv", "--json"], { "/v/today.csv": text }, { now: new Date("2026-11-23T17:05:00Z") });
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.today).toBe("2026-11-24");
    expect(report.rows.map((x) => [x.decision, x.deadline, x.findings.map((f) => f.code)])).toEqual([
      ["ELIGIBLE", "2026-11-24", []],
    ]);
  });
});

describe("a profile's own required field", () => {
  const HEAD = "Tanggal Permohonan,Nama,NIK,Nomor KK,Tanggal SK Penonaktifan,Status DTKS,Dok. KTP,Dok. KK,Dok. SKTM";
  const ROW = "20/11/2026,Rudi Hartono,1971011808660002,1971011111120009,01/08/2026,Terdaftar,Ya,Ya,Ya";

  test("without its column (pangkalpinang's Nomor SK Penonaktifan) the file is checked and the column named once", async () => {
    const { report, stderr } = await checkJson("/mem/pk.csv", { "/mem/pk.csv": `${HEAD}\n${ROW}\n${ROW.replace("Rudi Hartono", "Rina")
      .replace("1971011808660002", "1971015808660003")}\n` }, "pangkalpinang-reaktivasi");
    expect(report.rows.map((r) => r.decision)).toEqual(["ELIGIBLE", "ELIGIBLE"]);
    expect(stderr.match(/Nomor SK Penonaktifan/g)).toHaveLength(1);
  });

  test("with its column, a blank cell is REQUIRED_MISSING on that row", async () => {
    const { report } = await checkJson("/mem/pk.csv", { "/mem/pk.csv": `${HEAD},No SK Nonaktif\n${ROW},\n${ROW.replace("Rudi Hartono", "Rina")
      .replace("1971011808660002", "1971015808660003")},123/SK/2026\n` }, "pangkalpinang-reaktivasi");
    expect(report.rows.map((r) => [r.decision, r.findings.map((f) => `${f.code}@${f.field}`)])).toEqual([
      ["INVALID", ["REQUIRED_MISSING@deactivationRef"]],
      ["ELIGIBLE", []],
    ]);
  });
});
