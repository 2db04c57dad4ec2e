/** Section 3: the finding catalogue, required fields, desil; one row at a time. */
import { mapHeaders } from "../../src/domain/columns";
import { FINDINGS, type FindingCode, severityOf, summariseFindings, type Finding } from "../../src/domain/findings";
import { checkRow } from "../../src/domain/rowcheck";
import {
  ALL_KEYS, checkOne, codes, eligibleFields, type Fields, headersFor, type Key, only, PEOPLE, profile, rawNik, runTable,
  SPEC_SEVERITY, TODAY, toCells,
} from "./helpers";

describe("the finding catalogue", () => {
  test("has exactly the 20 codes of section 3 with their severities", () => {
    expect(Object.keys(SPEC_SEVERITY)).toHaveLength(20);
    const severities = Object.fromEntries(Object.keys(FINDINGS).map((c) => [c, severityOf(c as FindingCode, true)]));
    expect(severities).toEqual(SPEC_SEVERITY);
  });

  // One row per code: [code, profile, fields of the row under test, field key of the finding, earlier rows]
  const CASES: [string, string, Fields, Key, Fields[]][] = [
    ["REQUIRED_MISSING", "nasional-2026", { name: "" }, "name", []],
    ["VALUE_UNKNOWN", "nasional-2026", { registryStatus: "Sudah" }, "registryStatus", []],
    ["NIK_FORMAT", "nasional-2026", { nik: "327302550385" }, "nik", []],
    ["NIK_PRECISION_LOST", "nasional-2026", { nik: "3.27302E+15" }, "nik", []],
    ["NIK_PROVINCE_INVALID", "nasional-2026", { nik: rawNik("997302", "550385", "0003") }, "nik", []],
    ["NIK_BIRTHDATE_INVALID", "nasional-2026", { nik: rawNik("327302", "750385", "0003") }, "nik", []],
    ["NIK_SERIAL_ZERO", "nasional-2026", { nik: rawNik("327302", "550385", "0000") }, "nik", []],
    ["NIK_REGION_UNKNOWN", "nasional-2026", { nik: rawNik("327377", "550385", "0003") }, "nik", []],
    ["NIK_BIRTHDATE_MISMATCH", "nasional-2026", { birthDate: "05/03/1985" }, "nik", []],
    ["NIK_SEX_MISMATCH", "nasional-2026", { sex: "L" }, "nik", []],
    ["KK_FORMAT", "nasional-2026", { kk: "32730212031" }, "kk", []],
    ["KK_EQUALS_NIK", "nasional-2026", { kk: PEOPLE.bandung.nik }, "kk", []],
    ["CARD_FORMAT", "nasional-2026", { cardNumber: "12345" }, "cardNumber", []],
    ["DATE_INVALID", "nasional-2026", { deactivationDate: "31/06/2026" }, "deactivationDate", []],
    ["DATE_IN_FUTURE", "nasional-2026", { applicationDate: "01/01/2027" }, "applicationDate", []],
    ["DATE_ORDER", "nasional-2026", { deactivationDate: "21/11/2026" }, "deactivationDate", []],
    ["DECILE_INVALID", "nasional-2026", { decile: "3.5" }, "decile", []],
    ["PHONE_FORMAT", "nasional-2026", { phone: "022-2500000" }, "phone", []],
    ["SERVICE_NOT_OFFERED", "nasional-2026", { service: "Bantuan Pembiayaan Kesehatan" }, "service", []],
    ["DUPLICATE_OPEN_REQUEST", "nasional-2026", { id: "PBI-2026-0002" }, "nik", [eligibleFields("nasional-2026")]],
  ];

  test("every code has a case below", () => {
    expect(CASES.map(([c]) => c).sort()).toEqual(Object.keys(SPEC_SEVERITY).sort());
  });

  test.each(CASES)("%s (profile %s): exactly that finding, with its severity and field", (code, id, fields, field, earlier) => {
    const table = runTable([...earlier, eligibleFields(id, fields)], id);
    const r = table.results[table.results.length - 1]!;
    expect(r.findings).toEqual([
      { code, severity: SPEC_SEVERITY[code as keyof typeof SPEC_SEVERITY], field, message: expect.any(String) },
    ]);
    expect(r.findings[0]!.message.length).toBeGreaterThan(10);
    const isError = SPEC_SEVERITY[code as keyof typeof SPEC_SEVERITY] === "error";
    expect(r.decision === "INVALID").toBe(isError);
    if (!isError) expect(r.decision).toBe("ELIGIBLE");
  });

  test("messages are Indonesian and never repeat the NIK or KK", () => {
    const r = checkOne(eligibleFields("nasional-2026", { nik: rawNik("997302", "750385", "0000"), kk: "99730212031" }));
    expect(r.findings.length).toBeGreaterThanOrEqual(4);
    for (const f of r.findings) {
      expect(f.message).not.toContain("9973027503850000");
      expect(f.message).not.toContain("99730212031");
    }
  });
});

describe("REQUIRED_MISSING", () => {
  const REQUIRED: Key[] = ["applicationDate", "name", "nik", "kk", "deactivationDate"];

  test.each(REQUIRED)("blank %s: one finding on that field", (key) => {
    for (const blank of ["", "   ", null, undefined]) {
      const r = checkOne(eligibleFields("nasional-2026", { [key]: blank }));
      expect(r.findings).toEqual([expect.objectContaining({ code: "REQUIRED_MISSING", severity: "error", field: key })]);
      expect(r.decision).toBe("INVALID");
    }
  });

  test("one finding per field when several are blank", () => {
    const r = checkOne(eligibleFields("nasional-2026", { applicationDate: "", name: "", nik: "", kk: "", deactivationDate: "" }));
    const missing = only(r, "REQUIRED_MISSING").map((f) => f.field).sort();
    expect(missing).toEqual([...REQUIRED].sort());
    expect(codes(r).filter((c) => c !== "REQUIRED_MISSING")).toEqual([]);
  });

  test("optional fields may be blank", () => {
    const r = checkOne(eligibleFields("nasional-2026", {
      id: "", completeAt: "", cardNumber: "", birthDate: "", sex: "", address: "", village: "", district: "", phone: "",
      deactivationRef: "", registryStatus: "Terdaftar", decile: "2", healthNeed: "", reactivatedBefore: "",
      bpjsConfirmation: "", facilitatorResult: "", urgent: "", documentsLink: "", note: "", stage: "",
    }));
    expect(codes(r)).toEqual([]);
    expect(r.decision).toBe("ELIGIBLE");
  });

  test("the SK date is not required for Bantuan Pembiayaan Kesehatan", () => {
    const r = checkOne(eligibleFields("pangkalpinang-bantuan-kesehatan", { deactivationDate: "" }), "pangkalpinang-bantuan-kesehatan");
    expect(codes(r)).toEqual([]);
    expect(r.decision).toBe("ELIGIBLE");
    expect(r.deadline).toBeNull();
  });

  test("the row's service decides whether the SK date is required", () => {
    // a reactivation row on the bantuan sheet: not offered, and its SK date is required
    const a = checkOne(eligibleFields("pangkalpinang-bantuan-kesehatan", { service: "Reaktivasi PBI-JK", deactivationDate: "" }), "pangkalpinang-bantuan-kesehatan");
    expect(codes(a).sort()).toEqual(["REQUIRED_MISSING", "SERVICE_NOT_OFFERED"]);
    expect(only(a, "REQUIRED_MISSING")[0]!.field).toBe("deactivationDate");
    // a bantuan row on a reactivation sheet: not offered, no SK date needed
    const b = checkOne(eligibleFields("nasional-2026", { service: "Bantuan Pembiayaan Kesehatan", deactivationDate: "" }));
    expect(codes(b)).toEqual(["SERVICE_NOT_OFFERED"]);
  });

  test("a blank or unrecognised Layanan counts as the profile's service", () => {
    const a = checkOne(eligibleFields("nasional-2026", { service: "Reaktivasi", deactivationDate: "" }));
    expect(codes(a).sort()).toEqual(["REQUIRED_MISSING", "VALUE_UNKNOWN"]);
    expect(only(a, "REQUIRED_MISSING")[0]!.field).toBe("deactivationDate");
    const b = checkOne(eligibleFields("pangkalpinang-bantuan-kesehatan", { service: "Bantuan", deactivationDate: "" }), "pangkalpinang-bantuan-kesehatan");
    expect(codes(b)).toEqual(["VALUE_UNKNOWN"]);
    const c = checkOne(eligibleFields("minsel", { service: "", deactivationDate: "" }), "minsel");
    expect(codes(c)).toEqual(["REQUIRED_MISSING"]);
  });

  test("pangkalpinang-reaktivasi also requires Nomor SK Penonaktifan", () => {
    const r = checkOne(eligibleFields("pangkalpinang-reaktivasi", { deactivationRef: " " }), "pangkalpinang-reaktivasi");
    expect(r.findings).toEqual([expect.objectContaining({ code: "REQUIRED_MISSING", severity: "error", field: "deactivationRef" })]);
    for (const id of ["nasional-2026", "pangkalpinang-bantuan-kesehatan", "minsel", "bandung", "purbalingga"]) {
      expect(codes(checkOne(eligibleFields(id, { deactivationRef: "" }), id))).toEqual([]);
    }
  });
});

describe("DECILE_INVALID", () => {
  test.each(["3.5", "3,0", "3.0", "10.0", "11", "-1", "tiga", "1 0", "5a", "+3", "1e1", 3.5, 11, -1, true])("%j is invalid", (decile) => {
    const r = checkOne(eligibleFields("nasional-2026", { decile }));
    expect(r.findings).toEqual([expect.objectContaining({ code: "DECILE_INVALID", severity: "error", field: "decile" })]);
  });

  test.each([["03", 3], ["0", 0], ["10", 10], ["010", 10], [" 7 ", 7], ["1", 1], [4, 4], [0, 0]] as const)("%j is desil %i", (decile, value) => {
    const r = checkOne(eligibleFields("nasional-2026", { decile }));
    expect(codes(r)).toEqual([]);
    expect(r.request.decile).toBe(value);
  });

  test("blank desil is unknown, not invalid", () => {
    const r = checkOne(eligibleFields("nasional-2026", { decile: "" }));
    expect(codes(r)).toEqual([]);
    expect(r.request.decile).toBeNull();
  });

  test("desil is checked under every profile (a field check, not an eligibility rule)", () => {
    expect(codes(checkOne(eligibleFields("bandung", { decile: "3,0" }), "bandung"))).toEqual(["DECILE_INVALID"]);
  });
});

describe("checkRow", () => {
  test("reads one row into plain values", () => {
    const keys = ALL_KEYS;
    const { row, findings } = checkRow(toCells(eligibleFields("bandung", { phone: "0812 2233 4455" })), {
      profile: profile("bandung"),
      today: TODAY,
      columns: mapHeaders(headersFor(keys)),
    });
    expect(findings).toEqual([]);
    expect(row).toMatchObject({
      id: "PBI-2026-0001",
      service: "reactivation",
      applicationDate: "2026-11-20",
      deactivationDate: "2026-08-10",
      completeAt: { date: "2026-11-20", minutes: 555 },
      nik: PEOPLE.bandung.nik,
      registryStatus: "Terdaftar",
      decile: 2,
      healthNeed: "Tidak Ada",
      reactivatedBefore: false,
      bpjsConfirmation: "Dapat Direaktivasi",
      facilitatorResult: "Belum",
      phone: "+6281222334455",
      stage: "Diperiksa",
    });
  });

  test("the NIK is read with spaces removed", () => {
    const { row } = checkRow(toCells(eligibleFields("bandung", { nik: "3273 0255 0385 0003" })), {
      profile: profile("bandung"), today: TODAY, columns: mapHeaders(headersFor()),
    });
    expect(row.nik).toBe("3273025503850003");
  });
});

describe("summariseFindings (Hasil Pemeriksaan)", () => {
  const f = (code: keyof typeof SPEC_SEVERITY): Finding =>
    ({ code, severity: SPEC_SEVERITY[code], field: "nik", message: "x" }) as Finding;
  test("counts errors and warnings", () => {
    expect(summariseFindings([f("NIK_FORMAT"), f("DATE_INVALID"), f("PHONE_FORMAT")])).toBe("2 galat, 1 peringatan");
    expect(summariseFindings([])).toBe("OK");
  });
  test("from a real row", () => {
    const r = checkOne(eligibleFields("nasional-2026", { decile: "11", cardNumber: "12", kk: PEOPLE.bandung.nik }));
    expect(summariseFindings(r.findings)).toBe("2 galat, 1 peringatan");
  });
});
