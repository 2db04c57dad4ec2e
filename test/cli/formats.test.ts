/**
 * How `pbijk check` reads CSV files (spec sections 2, 3 and 9): separators, BOM, CRLF, quoting,
 * header matching, blank rows, row numbers, date texts, identity numbers and duplicates.
 * Expectations are worked out by hand from the spec (today = 2026-11-24, profile nasional-2026).
 */
import { readFileSync } from "node:fs";
import { checkJson, cli, fixture, summarise, TODAY, want, type Expected, type Report } from "./helpers";

function expectRows(report: Report, expected: Expected[]): void {
  expect(report.rows.map(summarise)).toEqual(expected.map(want));
}

const BOM = new Uint8Array([0xef, 0xbb, 0xbf]);
const withBom = (text: string): Uint8Array => {
  const body = new TextEncoder().encode(text);
  const out = new Uint8Array(BOM.length + body.length);
  out.set(BOM, 0);
  out.set(body, BOM.length);
  return out;
};

describe("separators, BOM, line endings", () => {
  test("a semicolon-separated export (Excel, Indonesian locale): commas inside fields, quoted semicolons", async () => {
    const { report, stderr } = await checkJson(fixture("format-semicolon.csv"));
    expect(stderr).toBe("");
    expectRows(report, [
      // NIK typed with spaces: spaces are removed before checking
      [2, "ELIGIBLE", [], "2027-02-20", [], []],
      // "3,5" in a semicolon file is one cell: not a whole number
      [3, "INVALID", [], null, [], ["DECILE_INVALID@decile"]],
      // name with an unquoted comma; desil 10 but Darurat; faskes letter FALSE
      [4, "INCOMPLETE", ["DOCUMENTS_INCOMPLETE"], "2027-05-01", ["docHealthFacility"], []],
    ]);
  });

  test("a narrow semicolon sheet whose addresses and notes hold more unquoted commas than it has columns", async () => {
    const address = "Jl. Ploso Timur IV No. 21, RT 02, RW 07, Kel. Ploso, Kec. Tambaksari";
    const note = "Kemoterapi, kontrol rutin, obat habis, surat RS";
    const text = [
      "Tanggal Permohonan;Nama;NIK;Nomor KK;Tanggal SK Penonaktifan;Alamat;Catatan",
      ...Array.from({ length: 8 }, () => `20/11/2026;Wahyuni;3578106804860002;3578101504140004;05/10/2026;${address};${note}`),
      "",
    ].join("\r\n");
    const { report, stderr } = await checkJson("/virtual/narrow.csv", { "/virtual/narrow.csv": text });
    // Only the profile's own columns are missing (read as blank), never the headers the file has.
    expect(stderr).toContain("Kebutuhan Layanan Kesehatan");
    expect(stderr).not.toContain("Alamat");
    expect(report.rows.map((r) => r.findings.map((f) => f.code))).toEqual([[], ...Array(7).fill(["DUPLICATE_OPEN_REQUEST"])]);
  });

  test("a UTF-8 file with BOM and CRLF line endings (fixture)", async () => {
    const bytes = readFileSync(fixture("format-bom-crlf.csv"));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString("utf8")).toContain("\r\n");
    const { report, stderr } = await checkJson(fixture("format-bom-crlf.csv"));
    expect(stderr).toBe("");
    expectRows(report, [
      [2, "ELIGIBLE", [], "2027-04-05", [], []],
      [3, "NEEDS_VERIFICATION", ["DECILE_UNKNOWN"], "2027-04-06", [], []],
    ]);
  });

  test("BOM + semicolons + CRLF, written as bytes; the first header right after the BOM is recognised", async () => {
    const text = [
      "Tanggal Permohonan;Nama;NIK;Nomor KK;Tanggal SK Penonaktifan;Status DTSEN/DTKS;Desil;Kebutuhan Layanan Kesehatan;Dok. KTP;Dok. KK;Dok. Ket. Faskes",
      "20/11/2026;Wahyuni;3578106804860002;3578101504140004;05/10/2026;Terdaftar;3;Tidak Ada;Ya;Ya;Ya",
      "21/11/2026;Imam;3578101909690003;3578102608110006;06/10/2026;Tidak Terdaftar;;Tidak Ada;Ya;Ya;Ya",
      "",
    ].join("\r\n");
    const { report, stderr } = await checkJson("/virtual/bom-semicolon.csv", { "/virtual/bom-semicolon.csv": withBom(text) });
    expect(stderr).toBe("");
    expectRows(report, [
      [2, "ELIGIBLE", [], "2027-04-05", [], []],
      [3, "NOT_ELIGIBLE", ["NOT_IN_SOCIAL_REGISTRY"], "2027-04-06", [], []],
    ]);
  });

  test("a BOM file whose only required-column header comes first still passes the column check", async () => {
    const text = "Tanggal Permohonan,Nama,NIK,Nomor KK,Tanggal SK Penonaktifan\n20/11/2026,Wahyuni,3578106804860002,3578101504140004,05/10/2026\n";
    const r = await cli(["check", "/v/bom.csv", "--today", TODAY, "--json"], { "/v/bom.csv": withBom(text) });
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain("Tanggal Permohonan");
    expect((JSON.parse(r.stdout) as Report).rows.map((x) => x.row)).toEqual([2]);
  });
});

describe("quoting, row numbers, blank rows, headers", () => {
  test("quoted fields with commas, semicolons, doubled quotes and newlines; row = record, not line", async () => {
    const { report, stderr } = await checkJson(fixture("format-quoted.csv"));
    // the file has no Kebutuhan Layanan Kesehatan column: named on stderr, read as Tidak Ada
    expect(stderr).toContain("Kebutuhan Layanan Kesehatan");
    expectRows(report, [
      [2, "ELIGIBLE", [], "2027-03-01", [], []],
      [3, "ELIGIBLE", [], "2027-03-02", [], []],
      [4, "NOT_ELIGIBLE", ["DECILE_TOO_HIGH"], "2027-03-03", [], []],
      [5, "ELIGIBLE", [], "2027-03-04", [], []],
    ]);
  });

  test("odd header spacing/case/punctuation, reordered columns, user columns, blank rows skipped with row numbers kept", async () => {
    const { report, stderr } = await checkJson(fixture("format-headers.csv"));
    // every column the profile uses is there, only spelled oddly
    expect(stderr).toBe("");
    expectRows(report, [
      [2, "ELIGIBLE", [], "2027-04-01", [], []],
      // rows 3 (empty line), 4 (only commas) and 5 (only spaces) are skipped
      [6, "NOT_ELIGIBLE", ["NOT_IN_SOCIAL_REGISTRY"], "2027-04-02", ["docHealthFacility"], []],
      // NIK and KK pasted from Excel as 3.27301E+15: precision lost; no KK_EQUALS_NIK from a lost NIK
      [7, "INVALID", [], null, [], ["NIK_PRECISION_LOST@nik", "KK_FORMAT@kk"]],
      // row 8 is blank
      [9, "ELIGIBLE", [], "2027-04-04", [], []],
    ]);
  });

  test("trailing blank lines and a last line without newline", async () => {
    const text = "Tanggal Permohonan,Nama,NIK,Nomor KK,Tanggal SK Penonaktifan,Status DTSEN/DTKS,Desil,Kebutuhan Layanan Kesehatan,Dok. KTP,Dok. KK,Dok. Ket. Faskes\n"
      + ",,,,,,,,,,\n"
      + "20/11/2026,Wahyuni,3578106804860002,3578101504140004,05/10/2026,Terdaftar,3,,Ya,Ya,Ya\n"
      + "\n\n"
      + "21/11/2026,Imam,3578101909690003,3578102608110006,06/10/2026,Terdaftar,3,,Ya,Ya,Ya";
    const { report } = await checkJson("/v/trailing.csv", { "/v/trailing.csv": text });
    expect(report.rows.map((r) => [r.row, r.decision])).toEqual([[3, "ELIGIBLE"], [6, "ELIGIBLE"]]);
  });
});

describe("dates", () => {
  test("every recognised date form (fixture): deadlines prove how the SK date was read", async () => {
    const { report, stderr } = await checkJson(fixture("format-dates.csv"));
    expect(stderr).toContain("Kebutuhan Layanan Kesehatan");
    // no DATE_INVALID anywhere and no birth-date mismatch: every Tanggal Lahir was read as the NIK's date
    expectRows(report, [
      [2, "ELIGIBLE", [], "2026-11-30", [], []], // 2026-05-31
      [3, "ELIGIBLE", [], "2026-11-30", [], []], // 31/05/2026
      [4, "ELIGIBLE", [], "2026-11-30", [], []], // 31-5-2026
      [5, "ELIGIBLE", [], "2026-11-30", [], []], // 31.05.26
      [6, "ELIGIBLE", [], "2026-12-01", [], []], // 1/6/26, applied 1/10/26
      [7, "ELIGIBLE", [], "2026-11-30", [], []], // 31 Mei 2026
      [8, "NOT_ELIGIBLE", ["DEACTIVATION_TOO_OLD"], "2026-07-15", [], []], // 15 Jan. 2026
      [9, "ELIGIBLE", [], "2027-03-10", [], []], // 10 sept 2026
      [10, "ELIGIBLE", [], "2027-04-03", [], []], // 3 Okt 2026, applied " 20 nov. 2026 "
      [11, "NOT_ELIGIBLE", ["DEACTIVATION_TOO_OLD"], "2026-10-04", [], []], // 4 Apr 2026
      [12, "ELIGIBLE", [], "2026-12-12", [], []], // 12 Jun 2026
      [13, "ELIGIBLE", [], "2027-01-04", [], []], // 4 Jul 2026
      [14, "ELIGIBLE", [], "2027-03-30", [], []], // 30 Sep. 2026
      [15, "ELIGIBLE", [], "2027-02-28", [], []], // 31 Agustus 2026 (clamped)
      [16, "ELIGIBLE", [], "2027-05-01", [], []], // 1 Nov 2026
      [17, "NOT_ELIGIBLE", ["DEACTIVATION_TOO_OLD"], "2026-08-01", [], []], // 1 Feb 2026
      [18, "NOT_ELIGIBLE", ["DEACTIVATION_TOO_OLD"], "2026-09-28", [], []], // 28 Mar 2026
      [19, "NOT_ELIGIBLE", ["DEACTIVATION_TOO_OLD"], "2026-07-31", [], []], // 31 Januari 2026
      [20, "ELIGIBLE", [], "2027-04-05", [], []], // 5 Oktober 2026
      [21, "ELIGIBLE", [], "2027-03-02", [], []], // 2 Sept. 2026
    ]);
  });

  test("unrecognised, impossible and future dates; DATE_ORDER only between valid past dates", async () => {
    const header = "Tanggal Permohonan,Nama,NIK,Nomor KK,Tanggal Lahir,Tanggal SK Penonaktifan,Berkas Lengkap Pada,Status DTSEN/DTKS,Desil,Kebutuhan Layanan Kesehatan,Dok. KTP,Dok. KK,Dok. Ket. Faskes";
    const row = (app: string, nik: string, birth: string, sk: string, complete: string) =>
      `${app},Pemohon,${nik},3578100202110005,${birth},${sk},${complete},Terdaftar,2,Tidak Ada,Ya,Ya,Ya`;
    const text = [
      header,
      row("2026/11/20", "3578100101700001", "", "01/10/2026", ""), // 2: year-first with slashes
      row("20/11/2026", "3578100101700002", "", "31/02/2026", ""), // 3: no 31 February
      row("20/11/2026", "3578100101700003", "", "31 Januari. 2026", ""), // 4: dot after a full month name
      row("20/11/2026", "3578100101700004", "", "31/05-2026", ""), // 5: mixed separators
      row("Nov 20 2026", "3578100101700005", "", "01/10/2026", ""), // 6: English order
      row("20/11/2026", "3578100101700006", "", "01/10/2026", "20/11/2026 25:00"), // 7: no hour 25
      row("20/11/2026", "3578100101700007", "", "01/10/2026", "kemarin sore"), // 8
      row("20/11/2026", "3578100503750099", "05.03.75", "01/10/2026", ""), // 9: birth year 75 = 1975 (2075 is after today)
      row("20/11/2026", "3578100101700010", "", "01/12/2026", ""), // 10: SK in the future; no DATE_ORDER
      row("25/11/2026", "3578100101700011", "", "01/10/2026", ""), // 11: application tomorrow
      row("20/11/2026", "3578100101700012", "", "21/11/2026", ""), // 12: SK after application
      row("24/11/2026", "3578100101700013", "", "24/11/2026", ""), // 13: same day is fine
      row("20/11/2026", "3578100101700014", "", "2026-02-29", ""), // 14: 2026 is not a leap year
      row("20/11/2026", "3578100101700015", "01/01/1970", "29 Feb 2024", "24 Nov 2026 07.05"), // 15: leap day; too old
    ].join("\n");
    const { report } = await checkJson("/v/dates.csv", { "/v/dates.csv": text });
    expectRows(report, [
      [2, "INVALID", [], null, [], ["DATE_INVALID@applicationDate"]],
      [3, "INVALID", [], null, [], ["DATE_INVALID@deactivationDate"]],
      [4, "INVALID", [], null, [], ["DATE_INVALID@deactivationDate"]],
      [5, "INVALID", [], null, [], ["DATE_INVALID@deactivationDate"]],
      [6, "INVALID", [], null, [], ["DATE_INVALID@applicationDate"]],
      [7, "INVALID", [], null, [], ["DATE_INVALID@completeAt"]],
      [8, "INVALID", [], null, [], ["DATE_INVALID@completeAt"]],
      [9, "ELIGIBLE", [], "2027-04-01", [], []],
      [10, "INVALID", [], null, [], ["DATE_IN_FUTURE@deactivationDate"]],
      [11, "INVALID", [], null, [], ["DATE_IN_FUTURE@applicationDate"]],
      [12, "INVALID", [], null, [], ["DATE_ORDER"]],
      [13, "ELIGIBLE", [], "2027-05-24", [], []],
      [14, "INVALID", [], null, [], ["DATE_INVALID@deactivationDate"]],
      [15, "NOT_ELIGIBLE", ["DEACTIVATION_TOO_OLD"], "2024-08-29", [], []],
    ]);
  });
});

describe("identity numbers, enumerations, booleans (section 3)", () => {
  const header = "Tanggal Permohonan,Nama,NIK,Nomor KK,Nomor Kartu KIS,Tanggal Lahir,Jenis Kelamin,Nomor HP,Tanggal SK Penonaktifan,Status DTSEN/DTKS,Desil,Kebutuhan Layanan Kesehatan,Dok. KTP,Dok. KK,Dok. Ket. Faskes";
  interface R { app?: string; name?: string; nik: string; kk?: string; card?: string; birth?: string; sex?: string; phone?: string; sk?: string; status?: string; decile?: string; need?: string; ktp?: string; kkDoc?: string; faskes?: string }
  const line = (r: R) => [
    r.app ?? "20/11/2026", r.name ?? "Pemohon Uji", r.nik, r.kk ?? "3578100202110005", r.card ?? "", r.birth ?? "",
    r.sex ?? "", r.phone ?? "", r.sk ?? "01/10/2026", r.status ?? "Terdaftar", r.decile ?? "2", r.need ?? "Tidak Ada",
    r.ktp ?? "Ya", r.kkDoc ?? "Ya", r.faskes ?? "Ya",
  ].map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(",");
  const rows: R[] = [
    { nik: "357810120578003" }, // 2: 15 digits
    { nik: "9901010000000000", birth: "01/01/1990", sex: "P" }, // 3: province, birth date and serial all wrong
    { nik: "3578100112260001" }, // 4: born 01/12/1926 (2026 would be after today)
    { nik: "3578101205780000" }, // 5: serial 0000
    { nik: "3578103102800001" }, // 6: 31 February
    { nik: "3578101205780007", kk: "3578101205780007" }, // 7: KK typed as the NIK
    { nik: "3578101205780008", kk: "9912345678901234" }, // 8: KK province 99
    { nik: "3578101205780009", kk: "35781012345678", card: "12345", sex: "Pria" }, // 9
    { nik: "3578101205780010", decile: "11", ktp: "ada" }, // 10: "ada" is ticked
    { app: "", name: "", nik: "", kk: "", sk: "" }, // 11: every required field blank
    { nik: "3578101205780012", birth: "12/05/1978", sex: "L", phone: "+62 812-3456-7890", card: "0001234567890",
      status: " TERDAFTAR ", decile: "1", need: " tidak ada ", ktp: "TRUE", kkDoc: "1", faskes: "✓" }, // 12: all fine
    { nik: "3578101205780013", decile: "0" }, // 13: desil 0
    { nik: "3578101205780014", decile: "3.5" }, // 14
    { nik: "3578101205780015", status: "Ada" }, // 15
    { nik: "3578101205780016", decile: "004" }, // 16: leading zeros allowed
    { nik: "3578 1012 0578 0017", kk: "3578 1002 0211 0005", card: "0001 2345 6789 0" }, // 17: spaces removed
    { nik: "3578101205780018", birth: "13/05/1978", sex: "Perempuan" }, // 18: both mismatch warnings
    { nik: "3578105205780019", birth: "12/05/1978", sex: "P" }, // 19: woman, DD+40, consistent
    { nik: "3578101205780020", phone: "08123" }, // 20: phone too short
    { nik: "1971051506900021", kk: "1971050101150002", ktp: "-", kkDoc: "T", faskes: "tidak" }, // 21: unticked forms
  ];
  const text = [header, ...rows.map(line)].join("\n");

  test("exact findings and decisions", async () => {
    const { report } = await checkJson("/v/fields.csv", { "/v/fields.csv": text });
    expectRows(report, [
      [2, "INVALID", [], null, [], ["NIK_FORMAT@nik"]],
      [3, "INVALID", [], null, [], ["NIK_PROVINCE_INVALID@nik", "NIK_BIRTHDATE_INVALID@nik", "NIK_SERIAL_ZERO@nik"]],
      [4, "ELIGIBLE", [], "2027-04-01", [], []],
      [5, "INVALID", [], null, [], ["NIK_SERIAL_ZERO@nik"]],
      [6, "INVALID", [], null, [], ["NIK_BIRTHDATE_INVALID@nik"]],
      [7, "ELIGIBLE", [], "2027-04-01", [], ["KK_EQUALS_NIK"]],
      [8, "INVALID", [], null, [], ["KK_FORMAT@kk"]],
      [9, "INVALID", [], null, [], ["KK_FORMAT@kk", "CARD_FORMAT@cardNumber", "VALUE_UNKNOWN@sex"]],
      [10, "INVALID", [], null, [], ["DECILE_INVALID@decile"]],
      [11, "INVALID", [], null, [], [
        "REQUIRED_MISSING@applicationDate", "REQUIRED_MISSING@name", "REQUIRED_MISSING@nik",
        "REQUIRED_MISSING@kk", "REQUIRED_MISSING@deactivationDate",
      ]],
      [12, "ELIGIBLE", [], "2027-04-01", [], []],
      [13, "NOT_ELIGIBLE", ["DECILE_TOO_HIGH"], "2027-04-01", [], []],
      [14, "INVALID", [], null, [], ["DECILE_INVALID@decile"]],
      [15, "INVALID", [], null, [], ["VALUE_UNKNOWN@registryStatus"]],
      [16, "ELIGIBLE", [], "2027-04-01", [], []],
      [17, "ELIGIBLE", [], "2027-04-01", [], []],
      [18, "ELIGIBLE", [], "2027-04-01", [], ["NIK_BIRTHDATE_MISMATCH", "NIK_SEX_MISMATCH"]],
      [19, "ELIGIBLE", [], "2027-04-01", [], []],
      [20, "ELIGIBLE", [], "2027-04-01", [], ["PHONE_FORMAT@phone"]],
      [21, "INCOMPLETE", ["DOCUMENTS_INCOMPLETE"], "2027-04-01", ["docKtp", "docKk", "docHealthFacility"], []],
    ]);
  });

  test("the card message says leading zeros were probably lost for a short all-digit number", async () => {
    const { report } = await checkJson("/v/fields.csv", { "/v/fields.csv": text });
    const card = report.rows.find((r) => r.row === 9)!.findings.find((f) => f.code === "CARD_FORMAT")!;
    expect(card.message).toMatch(/\b0\b|nol/i);
  });
});

describe("DUPLICATE_OPEN_REQUEST across rows", () => {
  const A = "3578101205780003";
  const B = "3578066308920007";
  const header = "ID Permohonan,Layanan,Tanggal Permohonan,Nama,NIK,Nomor KK,Tanggal SK Penonaktifan,Status DTSEN/DTKS,Desil,Kebutuhan Layanan Kesehatan,Dok. KTP,Dok. KK,Dok. Ket. Faskes,Tahap";
  const line = (id: string, service: string, app: string, nik: string, stage: string) =>
    `${id},${service},${app},Pemohon ${id},${nik},3578100202110005,01/10/2026,Terdaftar,2,Tidak Ada,Ya,Ya,Ya,${stage}`;
  const text = [
    header,
    line("P-01", "", "2026/11/20", A, "Diperiksa"), // 2: has its own error, still counts as first
    line("P-02", "", "20/11/2026", A, ""), // 3: duplicate of row 2
    line("P-03", "Reaktivasi PBI-JK", "20/11/2026", A, "Selesai"), // 4: finished
    line("P-04", "", "20/11/2026", B, "DITOLAK"), // 5: finished
    line("P-05", "", "21/11/2026", B, "Draf"), // 6: earlier B is finished: not a duplicate
    line("P-06", "Reaktivasi", "21/11/2026", A, ""), // 7: unrecognised Layanan: not matched
    line("P-07", "", "22/11/2026", "3578 1012 0578 0003", "Paraf Kabid"), // 8: A with spaces
    line("P-08", "Bantuan Pembiayaan Kesehatan", "22/11/2026", A, ""), // 9: other service: not matched
    line("P-09", "", "23/11/2026", B, "dikembalikan"), // 10: finished
    line("P-10", "", "24/11/2026", B, ""), // 11: duplicate of row 6
  ].join("\n");

  test("reported on later open rows with the same NIK and service only", async () => {
    const { report } = await checkJson("/v/dup.csv", { "/v/dup.csv": text });
    expectRows(report, [
      [2, "INVALID", [], null, [], ["DATE_INVALID@applicationDate"]],
      [3, "INVALID", [], null, [], ["DUPLICATE_OPEN_REQUEST"]],
      [4, "ELIGIBLE", [], "2027-04-01", [], []],
      [5, "ELIGIBLE", [], "2027-04-01", [], []],
      [6, "ELIGIBLE", [], "2027-04-01", [], []],
      [7, "INVALID", [], null, [], ["VALUE_UNKNOWN@service"]],
      [8, "INVALID", [], null, [], ["DUPLICATE_OPEN_REQUEST"]],
      [9, "INVALID", [], null, [], ["SERVICE_NOT_OFFERED@service"]],
      [10, "ELIGIBLE", [], "2027-04-01", [], []],
      [11, "INVALID", [], null, [], ["DUPLICATE_OPEN_REQUEST"]],
    ]);
    const message = (row: number) => report.rows.find((r) => r.row === row)!.findings[0]!.message;
    expect(message(3)).toMatch(/\b2\b|P-01/);
    expect(message(8)).toMatch(/\b2\b|P-01/);
    expect(message(11)).toMatch(/\b6\b|P-05/);
  });
});
