/**
 * `pbijk check --spreadsheet` and `pbijk rekap` take each office's profile from its own
 * `Pengaturan` sheet (read as displayed, in the request that reads the title), as the add-on
 * does; `--profile` wins and says so; an office without one, or whose table is broken, falls
 * back to the national profile with a line on stderr, and `--write` refuses to guess.
 */
import type { Report } from "./helpers";
import { liveCli, serial, settingsSheet, type Stub, type StubSheet, type StubSpreadsheet, startStub, type Value } from "./liveStub";

jest.setTimeout(20_000);

const HEADERS = [
  "ID Permohonan", "Nama", "NIK", "Nomor KK", "Tanggal Permohonan", "Nomor SK Penonaktifan", "Tanggal SK Penonaktifan",
  "Status DTSEN/DTKS", "Desil", "Kebutuhan Layanan Kesehatan", "Verifikasi Fasilitator", "Dok. KTP", "Dok. KK", "Dok. SKTM", "Dok. Ket. Faskes",
  "Hasil Pemeriksaan", "Keputusan", "Alasan", "Batas Reaktivasi", "Tahap",
];
const DECISION = 16, STAGE = 19;

/**
 * Two rows the profiles decide differently. Rusdi is registered (desil 3) with KTP, KK and SKTM
 * but no health-facility letter: complete for Pangkalpinang (KTP, KK, SKTM), Berkas Belum Lengkap
 * nationally (KTP, KK, Ket. Faskes). Nurhayati is not registered, has no health need, and the
 * facilitator found her Layak: Layak for Pangkalpinang (facilitator policy), Tidak Layak
 * nationally (registered with desil 1-5, or a health need).
 */
function requests(): StubSheet {
  const applied = [serial(2026, 11, 17), serial(2026, 11, 18)];
  const sk = serial(2026, 8, 3);
  const values: Value[][] = [
    HEADERS,
    ["PBI-2026-00001", "Rusdi Hamid", "1971020304750002", "1971021207090001", applied[0]!, "168/HUK/2026", sk, "Terdaftar", 3, "Tidak Ada", "", "Ya", "Ya", "Ya", "Tidak", "", "", "", "", ""],
    ["PBI-2026-00002", "Nurhayati", "1971044112830003", "1971040808100007", applied[1]!, "168/HUK/2026", sk, "Tidak Terdaftar", "", "Tidak Ada", "Layak", "Ya", "Ya", "Ya", "Ya", "", "", "", "", ""],
  ];
  const dates = new Map([["1,4", "17/11/2026"], ["2,4", "18/11/2026"], ["1,6", "03/08/2026"], ["2,6", "03/08/2026"]]);
  return { values, dates };
}

const table = (...rows: Value[][]) => settingsSheet([["Sheet Permohonan", "Profil", "SLA (menit)"], ...rows]);

function office(title: string, settings: StubSheet | undefined): StubSpreadsheet {
  return { title, sheets: { Permohonan: requests(), ...(settings ? { Pengaturan: settings } : {}) } };
}

const PANGKALPINANG = () => office("Dinsos Kota Pangkalpinang", table(["Permohonan", "pangkalpinang-reaktivasi", ""]));

let stub: Stub;
afterEach(async () => {
  await stub?.close();
});

const check = (id: string, ...extra: string[]) => liveCli(stub, ["check", "--spreadsheet", id, "--today", "2026-11-24", "--json", ...extra]);
const decisions = (stdout: string) => (JSON.parse(stdout) as Report).rows.map((r) => [r.decision, r.reasons, r.missingDocuments]);

const NATIONAL_DECISIONS = [["INCOMPLETE", ["DOCUMENTS_INCOMPLETE"], ["docHealthFacility"]], ["NOT_ELIGIBLE", ["NOT_IN_SOCIAL_REGISTRY"], []]];
const PANGKALPINANG_DECISIONS = [["ELIGIBLE", [], []], ["ELIGIBLE", [], []]];

describe("check --spreadsheet", () => {
  test("without --profile, the office's Pengaturan decides: Pangkalpinang rules, in the same three requests", async () => {
    stub = await startStub({ P1: PANGKALPINANG() });
    const r = await check("P1");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).profile).toBe("pangkalpinang-reaktivasi");
    expect(decisions(r.stdout)).toEqual(PANGKALPINANG_DECISIONS);
    expect(r.stderr).not.toMatch(/profil/);
    // The title's request, then the two reads of the sheet: as many as before Pengaturan was read.
    expect(stub.requests).toHaveLength(3);
    const meta = stub.requests[0]!;
    expect(meta.path).toBe("/v4/spreadsheets/P1");
    expect(meta.query.getAll("ranges")).toEqual(["'Pengaturan'", "'Permohonan'!A1"]);
    expect(meta.query.get("fields")).toContain("sheets.data.rowData.values.formattedValue");
  });

  test("the same rows in a national office decide otherwise", async () => {
    stub = await startStub({ N1: office("Dinsos Kota Surabaya", table(["Permohonan", "nasional-2026", ""])) });
    const r = await check("N1");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).profile).toBe("nasional-2026");
    expect(decisions(r.stdout)).toEqual(NATIONAL_DECISIONS);
  });

  test("--write writes the office's own decisions and first stage (Back Office for Pangkalpinang)", async () => {
    stub = await startStub({ P1: PANGKALPINANG() });
    const r = await check("P1", "--write");
    expect(r.code).toBe(0);
    const rows = stub.books.P1!.sheets.Permohonan!.values;
    expect(rows.slice(1).map((v) => [v[DECISION], v[STAGE]])).toEqual([["Layak", "Back Office"], ["Layak", "Back Office"]]);
  });

  test("--profile wins, and says once that the office uses another", async () => {
    stub = await startStub({ P1: PANGKALPINANG() });
    const r = await check("P1", "--profile", "nasional-2026");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).profile).toBe("nasional-2026");
    expect(decisions(r.stdout)).toEqual(NATIONAL_DECISIONS);
    const line = 'pbijk: kantor "Dinsos Kota Pangkalpinang" (P1) memakai profil pangkalpinang-reaktivasi di Pengaturan; --profile nasional-2026 dipakai.\n';
    expect(r.stderr.split(line)).toHaveLength(2);
  });

  test("--profile naming the office's own profile says nothing; with the office's overrides it says so", async () => {
    stub = await startStub({ P1: PANGKALPINANG(), P2: office("Dinsos Kota Pangkalpinang 2", table(["Permohonan", "pangkalpinang-reaktivasi", 30])) });
    const same = await check("P1", "--profile", "pangkalpinang-reaktivasi");
    expect(same.stderr).not.toMatch(/memakai profil/);
    const adjusted = await check("P2", "--profile", "pangkalpinang-reaktivasi");
    expect(adjusted.stderr).toContain(
      'pbijk: kantor "Dinsos Kota Pangkalpinang 2" (P2) memakai profil pangkalpinang-reaktivasi (disesuaikan) di Pengaturan; --profile pangkalpinang-reaktivasi dipakai.\n',
    );
  });

  test("a request sheet the table does not list uses the national profile, as in the add-on", async () => {
    stub = await startStub({ P1: office("Dinsos Kota Pangkalpinang", table(["Permohonan Kesehatan", "pangkalpinang-bantuan-kesehatan", ""])) });
    const r = await check("P1");
    expect(JSON.parse(r.stdout).profile).toBe("nasional-2026");
    expect(decisions(r.stdout)).toEqual(NATIONAL_DECISIONS);
  });

  test("no Pengaturan sheet: the national profile, with one line naming the office and why", async () => {
    stub = await startStub({ X1: office("Dinsos Kab X", undefined) });
    const r = await check("X1");
    expect(r.code).toBe(0);
    expect(decisions(r.stdout)).toEqual(NATIONAL_DECISIONS);
    expect(r.stderr).toContain('pbijk: kantor "Dinsos Kab X" (X1) tidak punya sheet "Pengaturan"; profil nasional-2026 dipakai.\n');
    expect(r.stderr.match(/Pengaturan/g)).toHaveLength(1);
    // The request naming Pengaturan is refused (400); the sheet list then says it is absent.
    expect(stub.requests.filter((q) => q.path === "/v4/spreadsheets/X1")).toHaveLength(2);
  });

  test("no Pengaturan sheet and --profile: that profile, no line", async () => {
    stub = await startStub({ X1: office("Dinsos Kab X", undefined) });
    const r = await check("X1", "--profile", "pangkalpinang-reaktivasi");
    expect(decisions(r.stdout)).toEqual(PANGKALPINANG_DECISIONS);
    expect(r.stderr).not.toMatch(/Pengaturan/);
  });

  test("Pengaturan is read as displayed, as the add-on reads it: 30 shown as 30,0 is not a whole number", async () => {
    const settings = table(["Permohonan", "pangkalpinang-reaktivasi", 30]);
    settings.dates = new Map([["4,2", "30,0"]]);
    stub = await startStub({ P1: office("Dinsos Kota Pangkalpinang", settings) });
    const r = await check("P1");
    expect(JSON.parse(r.stdout).profile).toBe("nasional-2026");
    expect(r.stderr).toContain("(baris 5: SLA (menit) harus bilangan bulat 1–1440.)");
  });

  describe("a request-sheet table that blocks checks (an unknown profile)", () => {
    const broken = () => office("Dinsos Kota Y", table(["Permohonan", "surabaya", ""]));

    test("without --write: the national profile, with the problem named", async () => {
      stub = await startStub({ Y1: broken() });
      const r = await check("Y1");
      expect(r.code).toBe(0);
      expect(decisions(r.stdout)).toEqual(NATIONAL_DECISIONS);
      expect(r.stderr).toMatch(/^pbijk: kantor "Dinsos Kota Y" \(Y1\): tabel "Sheet Permohonan" di sheet "Pengaturan" bermasalah \(baris 5: Profil "surabaya" tidak dikenal\. .*\), jadi profilnya tidak diketahui; profil nasional-2026 dipakai\.\n/);
    });

    test("with --write: nothing checked or written, exit 2, the problem named", async () => {
      stub = await startStub({ Y1: broken() });
      const r = await check("Y1", "--write");
      expect(r.code).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr).toMatch(/kantor "Dinsos Kota Y" \(Y1\): .*baris 5: Profil "surabaya" tidak dikenal.*tidak ada yang ditulis\. Perbaiki sheet "Pengaturan", atau sebutkan aturannya dengan --profile ID\./);
      expect(stub.requests.every((q) => q.method === "GET")).toBe(true);
      expect(stub.books.Y1!.sheets.Permohonan!.values[1]![DECISION]).toBe("");
    });

    test("with --write and --profile: the rules are named, so written, and the problem said", async () => {
      stub = await startStub({ Y1: broken() });
      const r = await check("Y1", "--write", "--profile", "pangkalpinang-reaktivasi");
      expect(r.code).toBe(0);
      expect(r.stderr).toMatch(/bermasalah \(baris 5: Profil "surabaya" tidak dikenal\..*\); --profile pangkalpinang-reaktivasi dipakai\./);
      expect(stub.books.Y1!.sheets.Permohonan!.values[1]![DECISION]).toBe("Layak");
    });
  });
});

describe("rekap", () => {
  const REKAP_HEADERS = ["ID Permohonan", "Nama", "NIK", "Nomor KK", "Tanggal Permohonan", "Tanggal SK Penonaktifan", "Tahap", "Berkas Lengkap Pada", "Diserahkan Pada"];
  const at = (d: number, h: number, m: number) => serial(2026, 11, d) + (h * 60 + m) / 1440;

  /** One request handed over 20 minutes after its file was complete (09:00 → 09:20 on 20/11/2026). */
  function handedOver(title: string, profile: string): StubSpreadsheet {
    const values: Value[][] = [
      REKAP_HEADERS,
      ["PBI-2026-00001", "Rusdi Hamid", "1971020304750002", "1971021207090001", serial(2026, 11, 17), serial(2026, 8, 3), "Diserahkan", at(20, 9, 0), at(20, 9, 20)],
    ];
    const dates = new Map([["1,4", "17/11/2026"], ["1,5", "03/08/2026"], ["1,7", "20/11/2026 09:00:00"], ["1,8", "20/11/2026 09:20:00"]]);
    return { title, sheets: { Permohonan: { values, dates }, Pengaturan: table(["Permohonan", profile, ""]) } };
  }

  // Minahasa Selatan's SLA is 10 minutes, Bandung's 40: 20 minutes is late in one, in time in the other.
  const offices = () => ({ M: handedOver("Dinsos Kab Minahasa Selatan", "minsel"), B: handedOver("Dinsos Kota Bandung", "bandung") });

  interface RekapJson {
    profile?: string;
    offices: { spreadsheet: string; title: string; profile: string; slaMinutes: number }[];
    rekap: { serviceTime: { measured: number; withinSla: number; slaMinutes: number[] } };
  }

  test("each office is measured against its own SLA, in three requests per office", async () => {
    stub = await startStub(offices());
    const r = await liveCli(stub, ["rekap", "--spreadsheets", "M,B", "--today", "2026-11-24", "--json"]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as RekapJson;
    expect(out).not.toHaveProperty("profile");
    expect(out.offices).toEqual([
      { spreadsheet: "M", title: "Dinsos Kab Minahasa Selatan", profile: "minsel", slaMinutes: 10 },
      { spreadsheet: "B", title: "Dinsos Kota Bandung", profile: "bandung", slaMinutes: 40 },
    ]);
    expect(out.rekap.serviceTime).toMatchObject({ measured: 2, withinSla: 1, slaMinutes: [10, 40] });
    expect(r.stderr).toBe("");
    expect(stub.requests).toHaveLength(6);
    for (const id of ["M", "B"]) expect(stub.requests.filter((q) => q.path.startsWith(`/v4/spreadsheets/${id}`))).toHaveLength(3);
  });

  test("--profile applies to every office, each difference said once, the JSON keeps the top-level profile", async () => {
    stub = await startStub(offices());
    const r = await liveCli(stub, ["rekap", "--spreadsheets", "M,B", "--today", "2026-11-24", "--json", "--profile", "nasional-2026"]);
    const out = JSON.parse(r.stdout) as RekapJson;
    expect(out.profile).toBe("nasional-2026");
    expect(out.offices.map((o) => [o.profile, o.slaMinutes])).toEqual([["nasional-2026", 45], ["nasional-2026", 45]]);
    expect(out.rekap.serviceTime).toMatchObject({ measured: 2, withinSla: 2, slaMinutes: [45] });
    expect(r.stderr).toBe(
      'pbijk: kantor "Dinsos Kab Minahasa Selatan" (M) memakai profil minsel di Pengaturan; --profile nasional-2026 dipakai.\n' +
        'pbijk: kantor "Dinsos Kota Bandung" (B) memakai profil bandung di Pengaturan; --profile nasional-2026 dipakai.\n',
    );
  });

  test("the table and the CSV name each office's profile and SLA; an office without Pengaturan is named on stderr", async () => {
    const books: Record<string, StubSpreadsheet> = offices();
    const plain = handedOver("Dinsos Kab X", "nasional-2026");
    delete plain.sheets.Pengaturan;
    books.X = plain;
    stub = await startStub(books);
    const r = await liveCli(stub, ["rekap", "--spreadsheets", "M,B,X", "--today", "2026-11-24", "--csv", "rekap.csv"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\nKantor\s+Spreadsheet\s+Profil\s+SLA \(menit\)\n/);
    expect(r.stdout).toMatch(/\nDinsos Kab Minahasa Selatan\s+M\s+minsel\s+10\n/);
    expect(r.stdout).toMatch(/\nDinsos Kota Bandung\s+B\s+bandung\s+40\n/);
    expect(r.stdout).toMatch(/\nDinsos Kab X\s+X\s+nasional-2026\s+45\n/);
    // 20 minutes: late for minsel (10), in time for bandung (40) and the national fallback (45).
    expect(r.stdout).toMatch(/\nDalam SLA\s+2 dari 3 \(66,7%\)\n/);
    const csv = new TextDecoder().decode(r.files["rekap.csv"]);
    expect(csv).toContain("\r\nKantor,Spreadsheet,Profil,SLA (menit)\r\nDinsos Kab Minahasa Selatan,M,minsel,10\r\n");
    expect(r.stderr).toContain('pbijk: kantor "Dinsos Kab X" (X) tidak punya sheet "Pengaturan"; profil nasional-2026 dipakai.\n');
  });

  test("an office title that looks like a formula is listed guarded", async () => {
    stub = await startStub({ F: handedOver('=HYPERLINK("http://x")', "minsel") });
    const r = await liveCli(stub, ["rekap", "--spreadsheets", "F", "--today", "2026-11-24", "--csv", "rekap.csv"]);
    expect(r.code).toBe(0);
    expect(new TextDecoder().decode(r.files["rekap.csv"])).toContain(`\r\n"'=HYPERLINK(""http://x"")",F,minsel,10\r\n`);
  });
});

test("the stub refuses spreadsheets.get shapes it does not model, and answers a missing sheet as the API does", async () => {
  stub = await startStub({ P1: PANGKALPINANG() });
  const get = async (query: string) => (await fetch(`${stub.url}v4/spreadsheets/P1?${query}`)).status;
  expect(await get(`ranges=${encodeURIComponent("Pengaturan!A1:C9")}&fields=sheets.data.rowData.values.formattedValue`)).toBe(400);
  expect(await get("includeGridData=true")).toBe(400);
  expect(await get(`ranges=${encodeURIComponent("'Pengaturan'")}&fields=sheets.data.rowData.values.effectiveValue`)).toBe(400);
  expect(await get(`ranges=${encodeURIComponent("'Pengaturan'")}`)).toBe(400);
  expect(stub.unmodelled).toHaveLength(4);
  stub.unmodelled.length = 0;
  expect(await get(`ranges=${encodeURIComponent("'Nope'")}&fields=properties.title`)).toBe(400);
  expect(stub.unmodelled).toEqual([]);
});
