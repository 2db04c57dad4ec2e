/** Section 2: booleans and enumerations as users type them; VALUE_UNKNOWN for anything else. */
import { readBool, readEnum } from "../../src/domain/values";
import { checkOne, codes, eligibleFields, type Key, only, PEOPLE, profile } from "./helpers";

const TICKED = [true, "true", "TRUE", "True", "Ya", "YA", "ya", "Y", "y", "1", 1, "v", "V", "✓", "x", "X", "  Ya  ", " TRUE ", " ✓ ",
  "BENAR", "Benar", "benar", "Ada", "ADA", "Sudah", "sudah", "\u00a0Ya\t", "Y."];
const UNTICKED = [false, "false", "FALSE", "False", "Tidak", "TIDAK", "tidak", "T", "t", "0", 0, "-", "", "   ", null, undefined, " Tidak ", " - ",
  "SALAH", "Salah", "Tidak Ada", "TIDAK ADA", "tidak-ada", "Tidak\u00a0Ada", "Belum", "BELUM", "--", "_", "/", "."];
const UNKNOWN_BOOL = ["yes", "no", "2", 2, "Ya Tidak", "OK", "xx", "vv", "Lengkap", "Tidak Lengkap", "Belum Ada", new Date("2026-01-01T00:00:00Z")];

const BOOL_KEYS: Key[] = [
  "reactivatedBefore", "urgent", "docKtp", "docKk", "docSktm", "docCard", "docRegistry", "docBpjsStatus", "docHealthFacility", "archived",
];

describe("readBool", () => {
  test.each(TICKED.map((v) => [v]))("%j is ticked", (v) => {
    expect(readBool(v)).toBe(true);
  });
  test.each(UNTICKED.map((v) => [v]))("%j is not ticked", (v) => {
    expect(readBool(v)).toBe(false);
  });
  test.each(UNKNOWN_BOOL.map((v) => [v]))("%j is neither", (v) => {
    expect(readBool(v)).toBeUndefined();
  });
});

describe("booleans in a row", () => {
  test.each(TICKED.map((v) => [v]))("a document ticked as %j counts as present", (v) => {
    const r = checkOne(eligibleFields("nasional-2026", { docKtp: v }));
    expect(codes(r)).toEqual([]);
    expect(r.decision).toBe("ELIGIBLE");
  });

  test.each(UNTICKED.map((v) => [v]))("a document left as %j counts as missing", (v) => {
    const r = checkOne(eligibleFields("nasional-2026", { docKtp: v }));
    expect(codes(r)).toEqual([]);
    expect(r.decision).toBe("INCOMPLETE");
    expect(r.missingDocuments).toEqual(["docKtp"]);
  });

  test.each(BOOL_KEYS.map((k) => [k]))("%s with an unlisted value gives VALUE_UNKNOWN on that field", (key) => {
    // nasional-2026 reads docKtp, docKk and docHealthFacility only: elsewhere the finding is a warning.
    const read = ["docKtp", "docKk", "docHealthFacility"].includes(key);
    for (const value of ["Lengkap", "2", "yes"]) {
      const r = checkOne(eligibleFields("nasional-2026", { [key]: value }));
      expect(r.findings).toEqual([expect.objectContaining({ code: "VALUE_UNKNOWN", severity: read ? "error" : "warning", field: key })]);
      expect(r.decision).toBe(read ? "INVALID" : "ELIGIBLE");
    }
  });

  test("Pernah Direaktivasi read as a boolean (minsel): Ya → ALREADY_REACTIVATED, Tidak → not", () => {
    expect(checkOne(eligibleFields("minsel", { reactivatedBefore: " ya " }), "minsel").reasons).toEqual(["ALREADY_REACTIVATED"]);
    expect(checkOne(eligibleFields("minsel", { reactivatedBefore: "TIDAK" }), "minsel").decision).toBe("ELIGIBLE");
    expect(checkOne(eligibleFields("minsel", { reactivatedBefore: true }), "minsel").reasons).toEqual(["ALREADY_REACTIVATED"]);
  });

  test("Mendesak is read as a boolean", () => {
    expect(checkOne(eligibleFields("pangkalpinang-bantuan-kesehatan", { urgent: "x" }), "pangkalpinang-bantuan-kesehatan").request.urgent).toBe(true);
    expect(checkOne(eligibleFields("pangkalpinang-bantuan-kesehatan", { urgent: "" }), "pangkalpinang-bantuan-kesehatan").request.urgent).toBe(false);
  });
});

describe("readEnum", () => {
  test("Status DTSEN/DTKS", () => {
    expect(readEnum("registryStatus", "terdaftar")).toEqual({ kind: "ok", value: "Terdaftar" });
    expect(readEnum("registryStatus", " TIDAK TERDAFTAR ")).toEqual({ kind: "ok", value: "Tidak Terdaftar" });
    expect(readEnum("registryStatus", "belum dicek")).toEqual({ kind: "ok", value: "Belum Dicek" });
    expect(readEnum("registryStatus", "")).toEqual({ kind: "blank" });
    expect(readEnum("registryStatus", "Terdaftar DTKS")).toEqual({ kind: "ok", value: "Terdaftar" });
    expect(readEnum("registryStatus", "Sudah Terdaftar")).toEqual({ kind: "unknown" });
  });

  test("Jenis Kelamin: L/P and Laki-laki/Perempuan, any case", () => {
    for (const v of ["L", "l", " L ", "Laki-laki", "LAKI-LAKI", "laki-laki"]) expect(readEnum("sex", v)).toEqual({ kind: "ok", value: "L" });
    for (const v of ["P", "p", "Perempuan", "PEREMPUAN", " perempuan "]) expect(readEnum("sex", v)).toEqual({ kind: "ok", value: "P" });
    for (const v of ["Pria", "Wanita", "LP", "X"]) expect(readEnum("sex", v)).toEqual({ kind: "unknown" });
    for (const v of ["Lk", "LK", "lk.", "Laki laki", "laki_laki"]) expect(readEnum("sex", v)).toEqual({ kind: "ok", value: "L" });
    for (const v of ["Pr", "PR", "pr."]) expect(readEnum("sex", v)).toEqual({ kind: "ok", value: "P" });
  });

  test("every listed value of every enumeration, in any case", () => {
    const lists: [Parameters<typeof readEnum>[0], string[]][] = [
      ["service", ["Reaktivasi PBI-JK", "Bantuan Pembiayaan Kesehatan"]],
      ["registryStatus", ["Terdaftar", "Tidak Terdaftar", "Belum Dicek"]],
      ["healthNeed", ["Tidak Ada", "Penyakit Kronis", "Penyakit Katastropik", "Darurat", "Persalinan", "Bayi dari Ibu PBI"]],
      ["bpjsConfirmation", ["Dapat Direaktivasi", "Tidak Dapat Direaktivasi", "Belum"]],
      ["facilitatorResult", ["Layak", "Tidak Layak", "Belum"]],
    ];
    for (const [key, values] of lists) {
      for (const v of values) {
        expect(readEnum(key, v)).toEqual({ kind: "ok", value: v });
        expect(readEnum(key, ` ${v.toUpperCase()} `)).toEqual({ kind: "ok", value: v });
        expect(readEnum(key, v.toLowerCase())).toEqual({ kind: "ok", value: v });
      }
    }
  });
});

describe("enumerations in a row", () => {
  const ENUM_CASES: [Key, string][] = [
    ["service", "Reaktivasi"],
    ["sex", "Pria"],
    ["registryStatus", "Ada"],
    ["healthNeed", "Sakit"],
    ["bpjsConfirmation", "Sudah"],
    ["facilitatorResult", "Lolos"],
  ];
  test.each(ENUM_CASES)("%s = %j gives VALUE_UNKNOWN on that field", (key, value) => {
    // nasional-2026 (decile-or-health-need, no confirmation) reads Layanan, registry and health need.
    const read = ["service", "registryStatus", "healthNeed"].includes(key);
    const r = checkOne(eligibleFields("nasional-2026", { [key]: value }));
    expect(only(r, "VALUE_UNKNOWN")).toEqual([expect.objectContaining({ severity: read ? "error" : "warning", field: key })]);
    expect(r.decision).toBe(read ? "INVALID" : "ELIGIBLE");
  });

  test("values are matched case-insensitively, surrounding spaces ignored", () => {
    const r = checkOne(eligibleFields("bandung", {
      registryStatus: "  TERDAFTAR ",
      healthNeed: "penyakit kronis",
      bpjsConfirmation: "dapat direaktivasi",
      facilitatorResult: "LAYAK",
      sex: "perempuan",
      service: " reaktivasi pbi-jk ",
    }), "bandung");
    expect(codes(r)).toEqual([]);
    expect(r.decision).toBe("ELIGIBLE");
  });

  test("spaces, dots, hyphens, slashes and underscores inside a value do not matter; other letters do", () => {
    for (const v of ["TidakTerdaftar", "tidak_terdaftar", "Tidak-Terdaftar", "Tidak.Terdaftar", "tidak / terdaftar"]) {
      expect(checkOne(eligibleFields("nasional-2026", { registryStatus: v })).reasons).toEqual(["NOT_IN_SOCIAL_REGISTRY"]);
    }
    expect(codes(checkOne(eligibleFields("nasional-2026", { registryStatus: "Tidak Terdaftarr" })))).toEqual(["VALUE_UNKNOWN"]);
  });

  test("blank Status DTSEN/DTKS means Belum Dicek", () => {
    for (const id of ["nasional-2026", "pangkalpinang-reaktivasi", "minsel", "bandung", "purbalingga", "pangkalpinang-bantuan-kesehatan"]) {
      const r = checkOne(eligibleFields(id, { registryStatus: "" }), id);
      expect(r.request.registryStatus).toBe("Belum Dicek");
      expect(r.reasons).toEqual(["REGISTRY_NOT_CHECKED"]);
    }
  });

  test("blank Kebutuhan Layanan Kesehatan means Tidak Ada", () => {
    const blank = checkOne(eligibleFields("nasional-2026", { decile: "8", healthNeed: "" }));
    const explicit = checkOne(eligibleFields("nasional-2026", { decile: "8", healthNeed: "Tidak Ada" }));
    expect(blank.reasons).toEqual(["DECILE_TOO_HIGH"]);
    expect(explicit.reasons).toEqual(["DECILE_TOO_HIGH"]);
  });

  test("blank Konfirmasi BPJS means Belum", () => {
    const r = checkOne(eligibleFields("bandung", { bpjsConfirmation: "" }), "bandung");
    expect(r.reasons).toEqual(["BPJS_NOT_CONFIRMED"]);
    expect(checkOne(eligibleFields("bandung", { bpjsConfirmation: "belum" }), "bandung").reasons).toEqual(["BPJS_NOT_CONFIRMED"]);
  });

  test("blank Verifikasi Fasilitator means Belum", () => {
    const r = checkOne(eligibleFields("pangkalpinang-reaktivasi", { registryStatus: "Tidak Terdaftar", facilitatorResult: "" }), "pangkalpinang-reaktivasi");
    expect(r.reasons).toEqual(["FACILITATOR_PENDING"]);
  });

  test("blank Layanan means the profile's service", () => {
    const bantuan = checkOne(eligibleFields("pangkalpinang-bantuan-kesehatan", { service: "" }), "pangkalpinang-bantuan-kesehatan");
    expect(codes(bantuan)).toEqual([]);
    expect(bantuan.request.service).toBe(profile("pangkalpinang-bantuan-kesehatan").service);
    const reaktivasi = checkOne(eligibleFields("pangkalpinang-reaktivasi", { service: "" }), "pangkalpinang-reaktivasi");
    expect(reaktivasi.request.service).toBe(profile("pangkalpinang-reaktivasi").service);
    expect(reaktivasi.deadline).toBe("2027-02-10");
  });

  test("Jenis Kelamin accepts Laki-laki / Perempuan", () => {
    // Rudi Hartono is a man (NIK day 17), Siti Nurhaliza a woman (NIK day 55)
    expect(codes(checkOne(eligibleFields("pangkalpinang-reaktivasi", { sex: "Laki-laki" }), "pangkalpinang-reaktivasi"))).toEqual([]);
    expect(codes(checkOne(eligibleFields("bandung", { sex: "Perempuan" }), "bandung"))).toEqual([]);
    expect(PEOPLE.bandung.sex).toBe("P");
  });
});

describe("Layanan: SERVICE_NOT_OFFERED vs VALUE_UNKNOWN", () => {
  test("the other service's name is SERVICE_NOT_OFFERED", () => {
    const r = checkOne(eligibleFields("nasional-2026", { service: "Bantuan Pembiayaan Kesehatan" }));
    expect(r.findings).toEqual([expect.objectContaining({ code: "SERVICE_NOT_OFFERED", severity: "error", field: "service" })]);
    expect(r.decision).toBe("INVALID");
    const other = checkOne(eligibleFields("pangkalpinang-bantuan-kesehatan", { service: "  reaktivasi PBI-JK" }), "pangkalpinang-bantuan-kesehatan");
    expect(codes(other)).toEqual(["SERVICE_NOT_OFFERED"]);
  });

  test("the profile's own service name is fine in any case", () => {
    expect(codes(checkOne(eligibleFields("bandung", { service: "REAKTIVASI PBI-JK" }), "bandung"))).toEqual([]);
    expect(codes(checkOne(eligibleFields("pangkalpinang-bantuan-kesehatan", { service: "bantuan pembiayaan kesehatan" }), "pangkalpinang-bantuan-kesehatan"))).toEqual([]);
  });

  test.each(["Reaktivasi", "Reaktivasi PBI", "Bantuan Kesehatan", "PBI-JK", "Aktivasi Baru"])("%j is VALUE_UNKNOWN, not SERVICE_NOT_OFFERED", (v) => {
    for (const id of ["nasional-2026", "pangkalpinang-bantuan-kesehatan"]) {
      const r = checkOne(eligibleFields(id, { service: v }), id);
      expect(r.findings).toEqual([expect.objectContaining({ code: "VALUE_UNKNOWN", severity: "error", field: "service" })]);
    }
  });
});
