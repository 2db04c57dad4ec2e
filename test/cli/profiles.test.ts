/**
 * `pbijk check --json` on one realistic fixture per profile (spec sections 4, 5 and 9).
 * Every expectation below was worked out by hand from the spec, with today = 2026-11-24.
 */
import { resolve } from "node:path";
import { cli, fixture, ROOT, runCheck, summarise, TODAY, want, type Expected, type Report } from "./helpers";

function describeProfile(file: string, profile: string, expected: Expected[], extra?: (get: () => Report) => void): void {
  describe(`${profile}: ${file}`, () => {
    let result: { report: Report; stderr: string; code: number };
    beforeAll(async () => {
      result = await runCheck(fixture(file), {}, profile);
    });

    test("exits 0, names no missing column, echoes profile and today", async () => {
      expect(result.code).toBe(0);
      expect(result.stderr).toBe("");
      expect(result.report.profile).toBe(profile);
      expect(result.report.today).toBe(TODAY);
    });

    test("reports exactly the data rows, by spreadsheet row number", async () => {
      expect(result.report.rows.map((r) => r.row)).toEqual(expected.map((e) => e[0]));
    });

    for (const e of expected) {
      const reasonText = e[2].length ? ` (${e[2].join(", ")})` : "";
      test(`row ${e[0]}: ${e[1]}${reasonText}`, async () => {
        const actual = result.report.rows.find((r) => r.row === e[0]);
        expect(actual).toBeDefined();
        expect(summarise(actual!)).toEqual(want(e));
      });
    }

    extra?.(() => result.report);
  });
}

// nasional-2026: decile-or-health-need, inclusive 6-month window, docs KTP, KK, faskes letter.
describeProfile("nasional-2026.csv", "nasional-2026", [
  [2, "ELIGIBLE", [], "2027-01-10", [], []],
  // desil 7 and no health need; the missing faskes letter is listed even though the row is Tidak Layak
  [3, "NOT_ELIGIBLE", ["DECILE_TOO_HIGH"], "2026-12-30", ["docHealthFacility"], []],
  // desil 8 but a chronic illness: passes
  [4, "ELIGIBLE", [], "2027-03-01", [], []],
  [5, "NOT_ELIGIBLE", ["NOT_IN_SOCIAL_REGISTRY"], "2027-02-15", [], []],
  // not registered but giving birth (health need): passes the registry step; KK copy missing
  [6, "INCOMPLETE", ["DOCUMENTS_INCOMPLETE"], "2027-04-03", ["docKk"], []],
  [7, "NEEDS_VERIFICATION", ["DECILE_UNKNOWN"], "2027-02-20", [], []],
  // blank status = Belum Dicek: only REGISTRY_NOT_CHECKED whatever the desil (9) says
  [8, "NEEDS_VERIFICATION", ["REGISTRY_NOT_CHECKED"], "2027-05-05", [], []],
  // SK 31/03/2026 + 6 months = 30/09/2026 (day clamped); applied 05/10/2026
  [9, "NOT_ELIGIBLE", ["DEACTIVATION_TOO_OLD"], "2026-09-30", ["docKk", "docHealthFacility"], []],
  [10, "INVALID", [], null, [], ["DECILE_INVALID@decile", "VALUE_UNKNOWN@healthNeed"]],
  // desil "05" (leading zero allowed); applied on the deadline day itself (inclusive); landline number
  [11, "ELIGIBLE", [], "2026-11-24", [], ["PHONE_FORMAT@phone"]],
]);

// pangkalpinang-reaktivasi (SOP 000): facilitator policy, SK number required, docs KTP, KK, SKTM.
describeProfile("pangkalpinang-reaktivasi.csv", "pangkalpinang-reaktivasi", [
  [2, "ELIGIBLE", [], "2027-02-03", [], []],
  [3, "ELIGIBLE", [], "2027-02-03", [], []],
  [4, "NEEDS_VERIFICATION", ["FACILITATOR_PENDING"], "2027-03-14", [], []],
  [5, "NOT_ELIGIBLE", ["FACILITATOR_REJECTED"], "2027-03-14", ["docSktm"], []],
  [6, "INVALID", [], null, [], ["REQUIRED_MISSING@deactivationRef"]],
  [7, "INCOMPLETE", ["DOCUMENTS_INCOMPLETE"], "2027-04-01", ["docSktm"], []],
  // SK 30/04/2026 + 6 months = 30/10/2026; applied 02/11/2026
  [8, "NOT_ELIGIBLE", ["DEACTIVATION_TOO_OLD"], "2026-10-30", [], []],
  // Belum Dicek wins over the facilitator's Layak
  [9, "NEEDS_VERIFICATION", ["REGISTRY_NOT_CHECKED"], "2027-04-01", [], []],
  // Terdaftar: the facilitator column is read only for Tidak Terdaftar
  [10, "ELIGIBLE", [], "2027-04-01", [], []],
  // same NIK as row 4, both open
  [11, "INVALID", [], null, [], ["DUPLICATE_OPEN_REQUEST"]],
], (get) => {
  test("the duplicate names the first open request (row 4)", async () => {
    const dup = get().rows.find((r) => r.row === 11)!.findings.find((f) => f.code === "DUPLICATE_OPEN_REQUEST");
    expect(dup?.message).toMatch(/\b4\b/);
  });
});

// pangkalpinang-bantuan-kesehatan (SOP 003): no window (deadline null), no SK columns at all.
describeProfile("pangkalpinang-bantuan-kesehatan.csv", "pangkalpinang-bantuan-kesehatan", [
  [2, "ELIGIBLE", [], null, [], []],
  // blank Layanan = the profile's service; urgent, not registered, facilitator Layak
  [3, "ELIGIBLE", [], null, [], []],
  // the other service: not offered here; as a reactivation row it also needs the SK date
  [4, "INVALID", [], null, [], ["SERVICE_NOT_OFFERED@service", "REQUIRED_MISSING@deactivationDate"]],
  [5, "NEEDS_VERIFICATION", ["FACILITATOR_PENDING"], null, [], []],
  [6, "NOT_ELIGIBLE", ["FACILITATOR_REJECTED"], null, [], []],
  [7, "INCOMPLETE", ["DOCUMENTS_INCOMPLETE"], null, ["docSktm"], []],
  // Layanan in lower case with spaces is still this service; landline phone is only a warning
  [8, "ELIGIBLE", [], null, [], ["PHONE_FORMAT@phone"]],
  // unrecognised Layanan text: VALUE_UNKNOWN, and it counts as this service (no SK date needed)
  [9, "INVALID", [], null, [], ["VALUE_UNKNOWN@service"]],
  [10, "NEEDS_VERIFICATION", ["REGISTRY_NOT_CHECKED"], null, [], []],
]);

// minsel (SOP 001): once per person, exclusive window, DTKS required, docs KTP and KK.
describeProfile("minsel.csv", "minsel", [
  // the spec's own example (section 9): SK 30/11/2025 -> 30/05/2026, exclusive -> 29/05/2026
  [2, "NOT_ELIGIBLE", ["DEACTIVATION_TOO_OLD"], "2026-05-29", [], ["PHONE_FORMAT@phone"]],
  [3, "ELIGIBLE", [], "2027-01-19", [], []],
  [4, "NOT_ELIGIBLE", ["ALREADY_REACTIVATED"], "2027-03-09", [], []],
  // canonical order; documents still listed
  [5, "NOT_ELIGIBLE", ["ALREADY_REACTIVATED", "NOT_IN_SOCIAL_REGISTRY"], "2027-03-09", ["docKk"], []],
  // SK 20/05/2026: last day 19/11/2026 (exclusive); applied 19/11 passes, 20/11 is too old
  [6, "ELIGIBLE", [], "2026-11-19", [], []],
  [7, "NOT_ELIGIBLE", ["DEACTIVATION_TOO_OLD"], "2026-11-19", ["docKk"], []],
  [8, "NEEDS_VERIFICATION", ["REGISTRY_NOT_CHECKED"], "2027-05-01", [], []],
  [9, "INCOMPLETE", ["DOCUMENTS_INCOMPLETE"], "2027-05-01", ["docKtp"], []],
  // 15-digit NIK
  [10, "INVALID", [], null, [], ["NIK_FORMAT@nik"]],
  // row 3 entered twice
  [11, "INVALID", [], null, [], ["DUPLICATE_OPEN_REQUEST"]],
], (get) => {
  test("row 2 is exactly the spec's section-9 example", async () => {
    const row = get().rows.find((r) => r.row === 2)!;
    expect({ ...row, findings: row.findings.map(({ message: _m, ...f }) => f) }).toEqual({
      row: 2,
      decision: "NOT_ELIGIBLE",
      reasons: ["DEACTIVATION_TOO_OLD"],
      deadline: "2026-05-29",
      missingDocuments: [],
      findings: [{ code: "PHONE_FORMAT", severity: "warning", field: "phone" }],
    });
  });
  test("the duplicate names the first open request (row 3)", async () => {
    const dup = get().rows.find((r) => r.row === 11)!.findings.find((f) => f.code === "DUPLICATE_OPEN_REQUEST");
    expect(dup?.message).toMatch(/\b3\b/);
  });
});

// bandung (SOP 002): BPJS confirmation, docs KK, KTP, KIS, Ket. DTKS, inclusive national window.
describeProfile("bandung.csv", "bandung", [
  // SK 31/08/2026 + 6 months = 28/02/2027 (clamped)
  [2, "ELIGIBLE", [], "2027-02-28", [], []],
  [3, "NOT_ELIGIBLE", ["BPJS_REJECTED"], "2027-01-15", [], []],
  [4, "NEEDS_VERIFICATION", ["BPJS_NOT_CONFIRMED"], "2027-04-01", [], []],
  [5, "NEEDS_VERIFICATION", ["REGISTRY_NOT_CHECKED", "BPJS_NOT_CONFIRMED"], "2027-04-01", [], []],
  // missing documents in the profile's order (KK, KTP, KIS, Ket. DTKS)
  [6, "INCOMPLETE", ["DOCUMENTS_INCOMPLETE"], "2027-03-12", ["docCard", "docRegistry"], []],
  // only the rejecting reason is reported (BPJS_NOT_CONFIRMED is dropped), documents still listed
  [7, "NOT_ELIGIBLE", ["NOT_IN_SOCIAL_REGISTRY"], "2027-03-12", ["docKtp"], []],
  // SK 24/05/2026: inclusive deadline 24/11/2026 = the application date
  [8, "ELIGIBLE", [], "2026-11-24", [], []],
  // card number of 9 digits (leading zeros lost)
  [9, "INVALID", [], null, [], ["CARD_FORMAT@cardNumber"]],
  // 3273 31 is not a Bandung kecamatan in the list: warning only
  [10, "ELIGIBLE", [], "2027-03-12", [], ["NIK_REGION_UNKNOWN@nik"]],
]);

// purbalingga (SOP 004): exclusive window, docs KTP, KK, KIS, Ket. BPJS, faskes letter.
describeProfile("purbalingga.csv", "purbalingga", [
  // SK 12/06/2026 -> 12/12/2026, exclusive -> 11/12/2026
  [2, "ELIGIBLE", [], "2026-12-11", [], []],
  // SK 01/09/2026 -> 01/03/2027, exclusive -> 28/02/2027
  [3, "INCOMPLETE", ["DOCUMENTS_INCOMPLETE"], "2027-02-28", ["docBpjsStatus"], []],
  [4, "INCOMPLETE", ["DOCUMENTS_INCOMPLETE"], "2027-04-14", ["docCard", "docHealthFacility"], []],
  [5, "NOT_ELIGIBLE", ["NOT_IN_SOCIAL_REGISTRY"], "2027-04-14",
    ["docKtp", "docKk", "docCard", "docBpjsStatus", "docHealthFacility"], []],
  // SK 24/05/2026: "kurang dari 6 bulan" ends 23/11/2026; applied 24/11/2026
  [6, "NOT_ELIGIBLE", ["DEACTIVATION_TOO_OLD"], "2026-11-23", [], []],
  [7, "NEEDS_VERIFICATION", ["REGISTRY_NOT_CHECKED"], "2027-04-14", [], []],
  // birth date and sex differ from the NIK: warnings only
  [8, "ELIGIBLE", [], "2027-04-14", [], ["NIK_BIRTHDATE_MISMATCH", "NIK_SEX_MISMATCH"]],
  // SK dated after the application
  [9, "INVALID", [], null, [], ["DATE_ORDER"]],
  // documents ticked with ✓, x, v, 1 and Y
  [10, "ELIGIBLE", [], "2027-04-14", [], []],
]);

// The bundled demo file (examples/demo-nasional-2026.csv) under the national profile, as `pbijk demo` runs it.
describe("examples/demo-nasional-2026.csv under nasional-2026", () => {
  const expected: Expected[] = [
    [2, "ELIGIBLE", [], "2027-02-01", [], []],
    [3, "ELIGIBLE", [], "2027-03-15", [], ["PHONE_FORMAT@phone"]],
    [4, "NOT_ELIGIBLE", ["DEACTIVATION_TOO_OLD"], "2026-10-12", [], []],
    [5, "NOT_ELIGIBLE", ["NOT_IN_SOCIAL_REGISTRY"], "2027-02-20", ["docHealthFacility"], []],
    [6, "NOT_ELIGIBLE", ["DECILE_TOO_HIGH"], "2027-04-02", [], ["NIK_REGION_UNKNOWN@nik"]],
    [7, "INCOMPLETE", ["DOCUMENTS_INCOMPLETE"], "2027-04-05", ["docHealthFacility"], []],
    [8, "NEEDS_VERIFICATION", ["REGISTRY_NOT_CHECKED"], "2027-04-30", [], []],
    [9, "NEEDS_VERIFICATION", ["DECILE_UNKNOWN"], "2027-02-28", [], []],
    [10, "INVALID", [], null, [], ["NIK_PRECISION_LOST@nik"]],
    [11, "INVALID", [], null, [], ["REQUIRED_MISSING@deactivationDate"]],
    [12, "INVALID", [], null, [], ["DUPLICATE_OPEN_REQUEST"]],
    [13, "ELIGIBLE", [], "2027-05-10", [], ["KK_EQUALS_NIK"]],
  ];
  let report: Report;
  let stderr: string;
  beforeAll(async () => {
    const r = await cli(["check", resolve(ROOT, "examples/demo-nasional-2026.csv"), "--today", TODAY, "--json"]);
    expect(r.code).toBe(0);
    stderr = r.stderr;
    report = JSON.parse(r.stdout) as Report;
  });

  test("checks cleanly with the default profile", async () => {
    expect(stderr).toBe("");
    expect(report.profile).toBe("nasional-2026");
    expect(report.rows.map((r) => r.row)).toEqual(expected.map((e) => e[0]));
  });

  test("shows every decision and a few warnings", async () => {
    expect(new Set(report.rows.map((r) => r.decision))).toEqual(
      new Set(["ELIGIBLE", "NOT_ELIGIBLE", "INCOMPLETE", "NEEDS_VERIFICATION", "INVALID"]),
    );
    const warnings = report.rows.flatMap((r) => r.findings).filter((f) => f.severity === "warning");
    expect(warnings.length).toBeGreaterThanOrEqual(2);
  });

  for (const e of expected) {
    test(`row ${e[0]}: ${e[1]}`, async () => {
      const actual = report.rows.find((r) => r.row === e[0]);
      expect(actual).toBeDefined();
      expect(summarise(actual!)).toEqual(want(e));
    });
  }

  test("the duplicate on row 12 names row 2 or its ID", async () => {
    const dup = report.rows.find((r) => r.row === 12)!.findings[0]!;
    expect(dup.message).toMatch(/\b2\b|PBI-2026-0101/);
  });
});
