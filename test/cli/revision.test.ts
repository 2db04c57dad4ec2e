/**
 * `pbijk check --json` on files written the way offices type them (spec sections 2–3 as revised
 * for issue 13): office booleans and aliases, separators, date texts, the NIK's century, header
 * names in messages and two columns naming one key.
 */
import { checkJson, cli, type Expected, runCheck, summarise, TODAY, want } from "./helpers";

const csv = (header: string[], rows: string[][]): string =>
  [header, ...rows].map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(",")).join("\n");

describe("office values (nasional-2026)", () => {
  const header = [
    "Tanggal Permohonan", "Nama", "NIK", "Nomor KK", "Tanggal Lahir", "Jenis Kelamin", "Tanggal SK Penonaktifan",
    "Berkas Lengkap Pada", "Status DTSEN/DTKS", "Desil", "Kebutuhan Layanan Kesehatan", "Layanan",
    "Dok. KTP", "Dok. KK", "Dok. Ket. Faskes", "Dok. SKTM", "Konfirmasi BPJS",
  ];
  // A woman born 12/05/1978 in Surabaya (357810), and a man born 1 December 1926.
  const base = [
    "20/11/2026", "Pemohon", "3578105205780001", "3578100202110005", "12/05/1978", "P", "01/10/2026",
    "20/11/2026 09:15", "Terdaftar", "2", "Tidak Ada", "", "BENAR", "Ada", "Sudah", "", "",
  ];
  let serial = 0;
  // Each row its own NIK serial, so no row is a duplicate open request of another.
  const row = (over: Record<number, string>) => {
    serial += 1;
    return base.map((c, i) => over[i] ?? (i === 2 ? `${c.slice(0, 12)}${String(serial).padStart(4, "0")}` : c));
  };
  const rows = [
    row({}), // 2
    row({ 12: "SALAH", 13: "Tidak Ada", 14: "Belum" }), // 3: three documents not ticked
    row({ 8: "Non DTKS" }), // 4
    row({ 8: "DTSEN", 5: "Pr" }), // 5
    row({ 11: "Reaktivasi PBI JK" }), // 6
    row({ 11: "Bantuan Pembiayaan Kesehatan" }), // 7
    row({ 11: "Reaktivasi" }), // 8
    row({ 2: "'3578-1052-0578-0099", 3: "3578.1002.0211.0005" }), // 9
    row({ 2: "3.57811E+15" }), // 10
    row({ 3: "3,57810E+15" }), // 11
    row({ 0: "Jumat, 20 Nov 2026", 6: "01-Okt-26", 7: "2026-11-20T09:15:00", 4: "12 Mei 78" }), // 12
    row({ 0: "20/11/2026 25:00" }), // 13
    row({ 2: "3578100112260001", 4: "01/12/1926", 5: "Lk" }), // 14: born December 1926
    row({ 5: "Pria", 15: "Lengkap", 16: "Sudah" }), // 15: unknown values in columns the profile does not read
    row({ 14: "Mungkin" }), // 16: unknown in a required document
    row({ 8: "-", 11: "-", 12: "Y." }), // 17: "-" in an enumeration is blank
    row({ 2: "-" }), // 18: a NIK of separators only is blank
  ];
  const file = csv(header, rows);

  test("decisions and findings", async () => {
    const { report } = await checkJson("/v/office.csv", { "/v/office.csv": file });
    const expected: Expected[] = [
      [2, "ELIGIBLE", [], "2027-04-01", [], []],
      [3, "INCOMPLETE", ["DOCUMENTS_INCOMPLETE"], "2027-04-01", ["docKtp", "docKk", "docHealthFacility"], []],
      [4, "NOT_ELIGIBLE", ["NOT_IN_SOCIAL_REGISTRY"], "2027-04-01", [], []],
      [5, "ELIGIBLE", [], "2027-04-01", [], []],
      [6, "ELIGIBLE", [], "2027-04-01", [], []],
      [7, "INVALID", [], null, [], ["SERVICE_NOT_OFFERED@service"]],
      [8, "INVALID", [], null, [], ["VALUE_UNKNOWN@service"]],
      [9, "ELIGIBLE", [], "2027-04-01", [], []],
      [10, "INVALID", [], null, [], ["NIK_PRECISION_LOST@nik"]],
      [11, "INVALID", [], null, [], ["KK_FORMAT@kk"]],
      [12, "ELIGIBLE", [], "2027-04-01", [], []],
      [13, "INVALID", [], null, [], ["DATE_INVALID@applicationDate"]],
      [14, "ELIGIBLE", [], "2027-04-01", [], []],
      [15, "ELIGIBLE", [], "2027-04-01", [], ["VALUE_UNKNOWN@bpjsConfirmation", "VALUE_UNKNOWN@docSktm", "VALUE_UNKNOWN@sex"]],
      [16, "INVALID", [], null, [], ["VALUE_UNKNOWN@docHealthFacility"]],
      [17, "NEEDS_VERIFICATION", ["REGISTRY_NOT_CHECKED"], "2027-04-01", [], []],
      [18, "INVALID", [], null, [], ["REQUIRED_MISSING@nik"]],
    ];
    expect(report.rows.map(summarise)).toEqual(expected.map(want));
    const warnings = report.rows[13]!.findings;
    expect(warnings.every((f) => f.severity === "warning")).toBe(true);
    expect(report.rows[14]!.findings[0]!.severity).toBe("error");
  });

  test("a semicolon file with a BOM and tabs and non-breaking spaces around values reads the same", async () => {
    const semi = `\uFEFF${[header, row({ 8: "\u00a0Terdaftar DTKS\t", 12: " benar ", 13: "\tYA" })].map((r) => r.join(";")).join("\r\n")}\r\n`;
    const { report } = await checkJson("/v/semi.csv", { "/v/semi.csv": semi });
    expect(report.rows.map(summarise)).toEqual([want([2, "ELIGIBLE", [], "2027-04-01", [], []])]);
  });
});

describe("messages name the file's own headers", () => {
  test("aliases in the header row appear in the messages", async () => {
    const header = ["Tgl Permohonan", "Nama Lengkap", "No KTP", "No KK", "Tgl SK Nonaktif", "status dtks", "Desil DTSEN",
      "Dok. KTP", "Dok. KK", "Dok. Surat RS/Puskesmas"];
    const file = csv(header, [["20/11/2026", "A", "12345", "3578100202110005", "21/11/2026", "Mungkin", "2", "Ya", "Ya", "Ya"]]);
    const { report } = await checkJson("/v/alias.csv", { "/v/alias.csv": file });
    const messages = report.rows[0]!.findings.map((f) => `${f.code}: ${f.message}`);
    expect(messages).toEqual(expect.arrayContaining([
      expect.stringMatching(/^NIK_FORMAT: .*"No KTP"/),
      expect.stringMatching(/^DATE_ORDER: .*"Tgl SK Nonaktif" jatuh setelah "Tgl Permohonan"/),
      expect.stringMatching(/^VALUE_UNKNOWN: .*"status dtks"/),
    ]));
    expect(messages.join("\n")).not.toMatch(/"NIK"|"Tanggal SK Penonaktifan"|"Status DTSEN\/DTKS"/);
  });
});

describe("two columns naming one key", () => {
  test("No KTP and NIK: exit 2 naming both headers, nothing on stdout", async () => {
    const file = csv(["Tanggal Permohonan", "Nama", "No KTP", "Nomor KK", "Tanggal SK Penonaktifan", "NIK"],
      [["20/11/2026", "A", "3578105205780001", "3578100202110005", "01/10/2026", "3578105205780001"]]);
    const r = await runCheck("/v/dup.csv", { "/v/dup.csv": file });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain('"No KTP"');
    expect(r.stderr).toContain('"NIK"');
    expect(r.stderr).toMatch(/Ganti judul salah satunya/);
    expect(r.stderr).not.toContain("3578105205780001");
  });

  test("also without --json", async () => {
    const file = csv(["Tgl Permohonan", "Tanggal Permohonan", "Nama", "NIK", "Nomor KK", "Tanggal SK Penonaktifan"], []);
    const r = await cli(["check", "/v/dup2.csv", "--today", TODAY], { "/v/dup2.csv": file });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('"Tgl Permohonan" (kolom A) dan "Tanggal Permohonan" (kolom B)');
  });
});
