/** Section 4: eligibility under every profile of section 5. */
import { DECISIONS, decide, REASON_CODES, reactivationDeadline, reasonText } from "../../src/domain/eligibility";
import { withOverrides } from "../../src/domain/profiles";
import {
  checkOne, codes, DOC_KEYS, eligibleFields, type Fields, PROFILE_IDS, profile, REACTIVATION_PROFILE_IDS, SPEC_REASONS,
} from "./helpers";

const INCLUSIVE = ["nasional-2026", "pangkalpinang-reaktivasi", "bandung"];
const EXCLUSIVE = ["minsel", "purbalingga"];
const REQUIRED_POLICY = ["minsel", "bandung", "purbalingga"];
const FACILITATOR_POLICY = ["pangkalpinang-reaktivasi", "pangkalpinang-bantuan-kesehatan"];
const SPEC_DOCUMENTS: Record<string, string[]> = {
  "nasional-2026": ["docKtp", "docKk", "docHealthFacility"],
  "pangkalpinang-reaktivasi": ["docKtp", "docKk", "docSktm"],
  "pangkalpinang-bantuan-kesehatan": ["docKtp", "docKk", "docSktm"],
  minsel: ["docKtp", "docKk"],
  bandung: ["docKk", "docKtp", "docCard", "docRegistry"],
  purbalingga: ["docKtp", "docKk", "docCard", "docBpjsStatus", "docHealthFacility"],
};
const HEALTH_NEEDS = ["Penyakit Kronis", "Penyakit Katastropik", "Darurat", "Persalinan", "Bayi dari Ibu PBI"];

const run = (id: string, overrides: Fields = {}) => checkOne(eligibleFields(id, overrides), id);
const noDocs = (): Fields => Object.fromEntries(DOC_KEYS.map((k) => [k, ""]));

describe("codes and labels", () => {
  test("the 11 reason codes in canonical order", () => {
    expect([...REASON_CODES]).toEqual([...SPEC_REASONS]);
  });
  test("the five decisions and their Indonesian names", () => {
    expect({ ...DECISIONS }).toEqual({
      ELIGIBLE: "Layak",
      NOT_ELIGIBLE: "Tidak Layak",
      INCOMPLETE: "Berkas Belum Lengkap",
      NEEDS_VERIFICATION: "Perlu Verifikasi",
      INVALID: "Data Tidak Valid",
    });
  });
});

describe("every decision under every profile", () => {
  test.each([...PROFILE_IDS])("%s", (id) => {
    const eligible = run(id);
    expect(codes(eligible)).toEqual([]);
    expect(eligible).toMatchObject({ decision: "ELIGIBLE", reasons: [], missingDocuments: [] });

    const notEligible = FACILITATOR_POLICY.includes(id)
      ? run(id, { registryStatus: "Tidak Terdaftar", facilitatorResult: "Tidak Layak" })
      : run(id, { registryStatus: "Tidak Terdaftar" });
    expect(notEligible.decision).toBe("NOT_ELIGIBLE");

    const incomplete = run(id, { docKk: "" });
    expect(incomplete).toMatchObject({ decision: "INCOMPLETE", reasons: ["DOCUMENTS_INCOMPLETE"], missingDocuments: ["docKk"] });

    const verify = run(id, { registryStatus: "Belum Dicek" });
    expect(verify).toMatchObject({ decision: "NEEDS_VERIFICATION", reasons: ["REGISTRY_NOT_CHECKED"] });

    const invalid = run(id, { nik: "1234" });
    expect(invalid).toMatchObject({ decision: "INVALID", reasons: [], missingDocuments: [], deadline: null });
  });
});

describe("step 1: the reactivation window", () => {
  test.each(INCLUSIVE)("%s: inclusive, the deadline is SK + 6 months", (id) => {
    expect(run(id).deadline).toBe("2027-02-10");
    const onDeadline = run(id, { deactivationDate: "20/05/2026", applicationDate: "20/11/2026" });
    expect(onDeadline).toMatchObject({ decision: "ELIGIBLE", deadline: "2026-11-20" });
    const dayAfter = run(id, { deactivationDate: "20/05/2026", applicationDate: "21/11/2026" });
    expect(dayAfter).toMatchObject({ decision: "NOT_ELIGIBLE", reasons: ["DEACTIVATION_TOO_OLD"], deadline: "2026-11-20" });
  });

  test.each(EXCLUSIVE)("%s: exclusive, the deadline is the day before SK + 6 months", (id) => {
    expect(run(id).deadline).toBe("2027-02-09");
    const onDeadline = run(id, { deactivationDate: "20/05/2026", applicationDate: "19/11/2026" });
    expect(onDeadline).toMatchObject({ decision: "ELIGIBLE", deadline: "2026-11-19" });
    const sixMonths = run(id, { deactivationDate: "20/05/2026", applicationDate: "20/11/2026" });
    expect(sixMonths).toMatchObject({ decision: "NOT_ELIGIBLE", reasons: ["DEACTIVATION_TOO_OLD"], deadline: "2026-11-19" });
  });

  test.each(INCLUSIVE)("%s: 31 Aug + 6 months = 28 Feb (29 in a leap year), inclusive", (id) => {
    expect(run(id, { deactivationDate: "31/08/2025", applicationDate: "28/02/2026" })).toMatchObject({ decision: "ELIGIBLE", deadline: "2026-02-28" });
    expect(run(id, { deactivationDate: "31/08/2025", applicationDate: "01/03/2026" }).reasons).toEqual(["DEACTIVATION_TOO_OLD"]);
    expect(run(id, { deactivationDate: "31/08/2023", applicationDate: "29/02/2024" })).toMatchObject({ decision: "ELIGIBLE", deadline: "2024-02-29" });
    expect(run(id, { deactivationDate: "31/08/2023", applicationDate: "01/03/2024" }).reasons).toEqual(["DEACTIVATION_TOO_OLD"]);
    expect(run(id, { deactivationDate: "31/03/2026", applicationDate: "30/09/2026" })).toMatchObject({ decision: "ELIGIBLE", deadline: "2026-09-30" });
    expect(run(id, { deactivationDate: "31/03/2026", applicationDate: "01/10/2026" }).reasons).toEqual(["DEACTIVATION_TOO_OLD"]);
  });

  test.each(EXCLUSIVE)("%s: month-end clamping, then the day before", (id) => {
    expect(run(id, { deactivationDate: "31/08/2025", applicationDate: "27/02/2026" })).toMatchObject({ decision: "ELIGIBLE", deadline: "2026-02-27" });
    expect(run(id, { deactivationDate: "31/08/2025", applicationDate: "28/02/2026" }).reasons).toEqual(["DEACTIVATION_TOO_OLD"]);
    expect(run(id, { deactivationDate: "31/08/2023", applicationDate: "28/02/2024" })).toMatchObject({ decision: "ELIGIBLE", deadline: "2024-02-28" });
    expect(run(id, { deactivationDate: "31/08/2023", applicationDate: "29/02/2024" }).reasons).toEqual(["DEACTIVATION_TOO_OLD"]);
    expect(run(id, { deactivationDate: "31/03/2026", applicationDate: "29/09/2026" })).toMatchObject({ decision: "ELIGIBLE", deadline: "2026-09-29" });
    expect(run(id, { deactivationDate: "31/03/2026", applicationDate: "30/09/2026" }).reasons).toEqual(["DEACTIVATION_TOO_OLD"]);
  });

  test("an application on the SK date itself is in time", () => {
    for (const id of REACTIVATION_PROFILE_IDS) {
      expect(run(id, { deactivationDate: "20/11/2026", applicationDate: "20/11/2026" }).decision).toBe("ELIGIBLE");
    }
  });

  test("reactivationDeadline", () => {
    expect(reactivationDeadline("2025-08-31", profile("nasional-2026"))).toBe("2026-02-28");
    expect(reactivationDeadline("2023-08-31", profile("bandung"))).toBe("2024-02-29");
    expect(reactivationDeadline("2026-03-31", profile("pangkalpinang-reaktivasi"))).toBe("2026-09-30");
    expect(reactivationDeadline("2026-03-31", profile("minsel"))).toBe("2026-09-29");
    expect(reactivationDeadline("2025-11-30", profile("minsel"))).toBe("2026-05-29");
    expect(reactivationDeadline("2026-05-20", profile("purbalingga"))).toBe("2026-11-19");
    expect(reactivationDeadline("2026-08-10", profile("pangkalpinang-bantuan-kesehatan"))).toBeNull();
  });

  test("the deadline is output for every reactivation row, whatever the decision", () => {
    for (const id of REACTIVATION_PROFILE_IDS) {
      const exclusive = EXCLUSIVE.includes(id);
      const d = exclusive ? "2027-02-09" : "2027-02-10";
      expect(run(id, { registryStatus: "" })).toMatchObject({ decision: "NEEDS_VERIFICATION", deadline: d });
      expect(run(id, { docKtp: "" })).toMatchObject({ decision: "INCOMPLETE", deadline: d });
      expect(run(id, { registryStatus: "Tidak Terdaftar", facilitatorResult: "Tidak Layak" })).toMatchObject({ decision: "NOT_ELIGIBLE", deadline: d });
      expect(run(id, { deactivationDate: "01/01/2026" })).toMatchObject({
        decision: "NOT_ELIGIBLE", reasons: ["DEACTIVATION_TOO_OLD"], deadline: exclusive ? "2026-06-30" : "2026-07-01",
      });
      // with a warning only
      expect(run(id, { phone: "12345" })).toMatchObject({ decision: "ELIGIBLE", deadline: d });
    }
  });

  test("Bantuan Pembiayaan Kesehatan has no window and no deadline", () => {
    const id = "pangkalpinang-bantuan-kesehatan";
    expect(run(id).deadline).toBeNull();
    const old = run(id, { deactivationDate: "01/01/2020", applicationDate: "20/11/2026" });
    expect(old).toMatchObject({ decision: "ELIGIBLE", reasons: [], deadline: null });
    expect(run(id, { deactivationDate: "" }).deadline).toBeNull();
  });
});

describe("step 2: once per person", () => {
  test("minsel: Pernah Direaktivasi gives ALREADY_REACTIVATED", () => {
    expect(run("minsel", { reactivatedBefore: "Ya" })).toMatchObject({ decision: "NOT_ELIGIBLE", reasons: ["ALREADY_REACTIVATED"], deadline: "2027-02-09" });
    expect(run("minsel", { reactivatedBefore: "Tidak" }).decision).toBe("ELIGIBLE");
  });
  test.each(PROFILE_IDS.filter((p) => p !== "minsel"))("%s does not limit reactivation to once", (id) => {
    expect(run(id, { reactivatedBefore: "Ya" })).toMatchObject({ decision: "ELIGIBLE", reasons: [] });
  });
});

describe("step 3: registry policy `required`", () => {
  test.each(REQUIRED_POLICY)("%s", (id) => {
    expect(run(id, { registryStatus: "Terdaftar" }).decision).toBe("ELIGIBLE");
    expect(run(id, { registryStatus: "Tidak Terdaftar" })).toMatchObject({ decision: "NOT_ELIGIBLE", reasons: ["NOT_IN_SOCIAL_REGISTRY"] });
    // desil, health need and facilitator are not read
    expect(run(id, { registryStatus: "Terdaftar", decile: "9", facilitatorResult: "Tidak Layak" }).decision).toBe("ELIGIBLE");
    expect(run(id, { registryStatus: "Terdaftar", decile: "" }).decision).toBe("ELIGIBLE");
    expect(run(id, { registryStatus: "Tidak Terdaftar", facilitatorResult: "Layak", healthNeed: "Darurat" }).reasons).toEqual(["NOT_IN_SOCIAL_REGISTRY"]);
  });
});

describe("step 3: registry policy `facilitator`", () => {
  test.each(FACILITATOR_POLICY)("%s", (id) => {
    expect(run(id, { registryStatus: "Terdaftar" }).decision).toBe("ELIGIBLE");
    // the facilitator is read only for Tidak Terdaftar
    expect(run(id, { registryStatus: "Terdaftar", facilitatorResult: "Tidak Layak" }).decision).toBe("ELIGIBLE");
    expect(run(id, { registryStatus: "Tidak Terdaftar", facilitatorResult: "Layak" })).toMatchObject({ decision: "ELIGIBLE", reasons: [] });
    expect(run(id, { registryStatus: "Tidak Terdaftar", facilitatorResult: "Tidak Layak" })).toMatchObject({ decision: "NOT_ELIGIBLE", reasons: ["FACILITATOR_REJECTED"] });
    expect(run(id, { registryStatus: "Tidak Terdaftar", facilitatorResult: "Belum" })).toMatchObject({ decision: "NEEDS_VERIFICATION", reasons: ["FACILITATOR_PENDING"] });
    expect(run(id, { registryStatus: "Tidak Terdaftar", facilitatorResult: "" })).toMatchObject({ decision: "NEEDS_VERIFICATION", reasons: ["FACILITATOR_PENDING"] });
    // desil and health need are not read
    expect(run(id, { registryStatus: "Terdaftar", decile: "10" }).decision).toBe("ELIGIBLE");
    expect(run(id, { registryStatus: "Tidak Terdaftar", facilitatorResult: "Layak", decile: "10", healthNeed: "" }).decision).toBe("ELIGIBLE");
    expect(run(id, { registryStatus: "Tidak Terdaftar", facilitatorResult: "Belum", healthNeed: "Darurat" }).reasons).toEqual(["FACILITATOR_PENDING"]);
  });
});

describe("step 3: registry policy `decile-or-health-need` (nasional-2026)", () => {
  const id = "nasional-2026";
  test.each(["1", "2", "3", "4", "5", "05"])("Terdaftar with desil %s passes", (decile) => {
    expect(run(id, { decile }).decision).toBe("ELIGIBLE");
  });
  test.each(["0", "6", "7", "8", "9", "10"])("Terdaftar with desil %s and no health need: DECILE_TOO_HIGH", (decile) => {
    expect(run(id, { decile })).toMatchObject({ decision: "NOT_ELIGIBLE", reasons: ["DECILE_TOO_HIGH"] });
    expect(run(id, { decile, healthNeed: "Tidak Ada" }).reasons).toEqual(["DECILE_TOO_HIGH"]);
  });
  test("Terdaftar with blank desil and no health need: DECILE_UNKNOWN", () => {
    expect(run(id, { decile: "" })).toMatchObject({ decision: "NEEDS_VERIFICATION", reasons: ["DECILE_UNKNOWN"] });
  });
  test.each(HEALTH_NEEDS)("a health need (%s) passes whatever the desil, registered or not", (healthNeed) => {
    for (const decile of ["", "0", "3", "9", "10"]) {
      expect(run(id, { healthNeed, decile }).decision).toBe("ELIGIBLE");
    }
    expect(run(id, { healthNeed, registryStatus: "Tidak Terdaftar" }).decision).toBe("ELIGIBLE");
    expect(run(id, { healthNeed: healthNeed.toUpperCase(), registryStatus: "Tidak Terdaftar", decile: "" }).decision).toBe("ELIGIBLE");
  });
  test("Tidak Terdaftar without a health need: NOT_IN_SOCIAL_REGISTRY, whatever the desil", () => {
    for (const decile of ["", "2", "9"]) {
      expect(run(id, { registryStatus: "Tidak Terdaftar", decile })).toMatchObject({ decision: "NOT_ELIGIBLE", reasons: ["NOT_IN_SOCIAL_REGISTRY"] });
    }
  });
  test("the facilitator is not read", () => {
    expect(run(id, { facilitatorResult: "Tidak Layak" }).decision).toBe("ELIGIBLE");
    expect(run(id, { registryStatus: "Tidak Terdaftar", facilitatorResult: "Layak" }).reasons).toEqual(["NOT_IN_SOCIAL_REGISTRY"]);
  });
});

describe("step 3: Belum Dicek under any policy", () => {
  test.each([...PROFILE_IDS])("%s: REGISTRY_NOT_CHECKED whatever desil, health need or facilitator say", (id) => {
    const variants: Fields[] = [
      {}, { decile: "9" }, { decile: "" }, { decile: "0" }, { healthNeed: "Darurat" }, { healthNeed: "Darurat", decile: "10" },
      { facilitatorResult: "Layak" }, { facilitatorResult: "Tidak Layak" }, { facilitatorResult: "Belum" },
    ];
    for (const v of variants) {
      for (const registryStatus of ["Belum Dicek", "", "belum dicek"]) {
        const r = run(id, { ...v, registryStatus });
        expect([JSON.stringify(v), r.decision, r.reasons]).toEqual([JSON.stringify(v), "NEEDS_VERIFICATION", ["REGISTRY_NOT_CHECKED"]]);
      }
    }
  });

  test("steps 1, 2, 4 and 5 still apply", () => {
    const b = { registryStatus: "Belum Dicek" };
    expect(run("nasional-2026", { ...b, deactivationDate: "01/01/2026" })).toMatchObject({ decision: "NOT_ELIGIBLE", reasons: ["DEACTIVATION_TOO_OLD"] });
    expect(run("minsel", { ...b, reactivatedBefore: "Ya" })).toMatchObject({ decision: "NOT_ELIGIBLE", reasons: ["ALREADY_REACTIVATED"] });
    expect(run("bandung", { ...b, bpjsConfirmation: "Tidak Dapat Direaktivasi" })).toMatchObject({ decision: "NOT_ELIGIBLE", reasons: ["BPJS_REJECTED"] });
    expect(run("bandung", { ...b, bpjsConfirmation: "Belum" })).toMatchObject({
      decision: "NEEDS_VERIFICATION", reasons: ["REGISTRY_NOT_CHECKED", "BPJS_NOT_CONFIRMED"],
    });
    for (const id of PROFILE_IDS) {
      expect(run(id, { ...b, docKtp: "" })).toMatchObject({ decision: "INCOMPLETE", reasons: ["DOCUMENTS_INCOMPLETE"], missingDocuments: ["docKtp"] });
    }
  });
});

describe("step 4: BPJS confirmation (bandung)", () => {
  test("Tidak Dapat Direaktivasi: BPJS_REJECTED; Belum or blank: BPJS_NOT_CONFIRMED", () => {
    expect(run("bandung", { bpjsConfirmation: "Tidak Dapat Direaktivasi" })).toMatchObject({ decision: "NOT_ELIGIBLE", reasons: ["BPJS_REJECTED"] });
    expect(run("bandung", { bpjsConfirmation: "Belum" })).toMatchObject({ decision: "NEEDS_VERIFICATION", reasons: ["BPJS_NOT_CONFIRMED"] });
    expect(run("bandung", { bpjsConfirmation: "" })).toMatchObject({ decision: "NEEDS_VERIFICATION", reasons: ["BPJS_NOT_CONFIRMED"] });
    expect(run("bandung", { bpjsConfirmation: "Dapat Direaktivasi" }).decision).toBe("ELIGIBLE");
  });
  test.each(PROFILE_IDS.filter((p) => p !== "bandung"))("%s does not ask BPJS", (id) => {
    expect(run(id, { bpjsConfirmation: "Tidak Dapat Direaktivasi" }).decision).toBe("ELIGIBLE");
    expect(run(id, { bpjsConfirmation: "" }).decision).toBe("ELIGIBLE");
  });
});

describe("step 5: required documents", () => {
  test.each([...PROFILE_IDS])("%s: each required document, and only those", (id) => {
    const required = SPEC_DOCUMENTS[id]!;
    for (const doc of DOC_KEYS) {
      const r = run(id, { [doc]: "Tidak" });
      if (required.includes(doc)) {
        expect(r).toMatchObject({ decision: "INCOMPLETE", reasons: ["DOCUMENTS_INCOMPLETE"], missingDocuments: [doc] });
      } else {
        expect(r).toMatchObject({ decision: "ELIGIBLE", reasons: [], missingDocuments: [] });
      }
    }
  });

  test.each([...PROFILE_IDS])("%s: missing documents are listed in the profile's order", (id) => {
    const r = run(id, noDocs());
    expect(r).toMatchObject({ decision: "INCOMPLETE", reasons: ["DOCUMENTS_INCOMPLETE"], missingDocuments: SPEC_DOCUMENTS[id] });
  });

  test("bandung's order (KK before KTP) is kept", () => {
    expect(run("bandung", { docKtp: "", docKk: "-", docRegistry: "0" }).missingDocuments).toEqual(["docKk", "docKtp", "docRegistry"]);
  });
});

describe("step 6: the decision", () => {
  test("NOT_ELIGIBLE reports only the first six reasons, in canonical order, and still lists missing documents", () => {
    const minsel = run("minsel", {
      deactivationDate: "01/01/2026", reactivatedBefore: "Ya", registryStatus: "Tidak Terdaftar", ...noDocs(),
    });
    expect(minsel).toMatchObject({
      decision: "NOT_ELIGIBLE",
      reasons: ["DEACTIVATION_TOO_OLD", "ALREADY_REACTIVATED", "NOT_IN_SOCIAL_REGISTRY"],
      missingDocuments: ["docKtp", "docKk"],
      deadline: "2026-06-30",
    });

    const bandung = run("bandung", {
      deactivationDate: "01/01/2026", registryStatus: "Tidak Terdaftar", bpjsConfirmation: "Tidak Dapat Direaktivasi", docCard: "",
    });
    expect(bandung).toMatchObject({
      decision: "NOT_ELIGIBLE",
      reasons: ["DEACTIVATION_TOO_OLD", "NOT_IN_SOCIAL_REGISTRY", "BPJS_REJECTED"],
      missingDocuments: ["docCard"],
    });

    const nasional = run("nasional-2026", { deactivationDate: "01/01/2026", decile: "8", docHealthFacility: "", docKtp: "" });
    expect(nasional).toMatchObject({
      decision: "NOT_ELIGIBLE", reasons: ["DEACTIVATION_TOO_OLD", "DECILE_TOO_HIGH"], missingDocuments: ["docKtp", "docHealthFacility"],
    });

    const pkp = run("pangkalpinang-reaktivasi", {
      deactivationDate: "01/01/2026", registryStatus: "Tidak Terdaftar", facilitatorResult: "Tidak Layak", docSktm: "",
    });
    expect(pkp).toMatchObject({ decision: "NOT_ELIGIBLE", reasons: ["DEACTIVATION_TOO_OLD", "FACILITATOR_REJECTED"], missingDocuments: ["docSktm"] });
  });

  test("NOT_ELIGIBLE hides verification reasons", () => {
    // BPJS_NOT_CONFIRMED and REGISTRY_NOT_CHECKED would also apply
    const r = run("bandung", { deactivationDate: "01/01/2026", registryStatus: "", bpjsConfirmation: "" });
    expect(r).toMatchObject({ decision: "NOT_ELIGIBLE", reasons: ["DEACTIVATION_TOO_OLD"] });
    const n = run("nasional-2026", { registryStatus: "Tidak Terdaftar", bpjsConfirmation: "" });
    expect(n.reasons).toEqual(["NOT_IN_SOCIAL_REGISTRY"]);
  });

  test("rejecting reasons of every kind in canonical order (profiles with overridden parameters)", () => {
    const too = { deactivationDate: "01/01/2026", reactivatedBefore: "Ya", bpjsConfirmation: "Tidak Dapat Direaktivasi" };
    const nas = withOverrides(profile("nasional-2026"), { oncePerPerson: true, requiresBpjsConfirmation: true });
    expect(checkOne(eligibleFields("nasional-2026", { ...too, decile: "7" }), "x", { profile: nas }).reasons).toEqual([
      "DEACTIVATION_TOO_OLD", "ALREADY_REACTIVATED", "DECILE_TOO_HIGH", "BPJS_REJECTED",
    ]);
    const pkp = withOverrides(profile("pangkalpinang-reaktivasi"), { oncePerPerson: true, requiresBpjsConfirmation: true });
    expect(checkOne(eligibleFields("pangkalpinang-reaktivasi", { ...too, registryStatus: "Tidak Terdaftar", facilitatorResult: "Tidak Layak" }), "x", { profile: pkp }).reasons).toEqual([
      "DEACTIVATION_TOO_OLD", "ALREADY_REACTIVATED", "FACILITATOR_REJECTED", "BPJS_REJECTED",
    ]);
    const min = withOverrides(profile("minsel"), { requiresBpjsConfirmation: true });
    expect(checkOne(eligibleFields("minsel", { ...too, registryStatus: "Tidak Terdaftar", ...noDocs() }), "x", { profile: min })).toMatchObject({
      decision: "NOT_ELIGIBLE",
      reasons: ["DEACTIVATION_TOO_OLD", "ALREADY_REACTIVATED", "NOT_IN_SOCIAL_REGISTRY", "BPJS_REJECTED"],
      missingDocuments: ["docKtp", "docKk"],
    });
  });

  test("INCOMPLETE reports only DOCUMENTS_INCOMPLETE", () => {
    const r = run("bandung", { registryStatus: "Belum Dicek", bpjsConfirmation: "Belum", docKk: "" });
    expect(r).toMatchObject({ decision: "INCOMPLETE", reasons: ["DOCUMENTS_INCOMPLETE"], missingDocuments: ["docKk"] });
    const p = run("pangkalpinang-reaktivasi", { registryStatus: "Tidak Terdaftar", facilitatorResult: "", docSktm: "" });
    expect(p).toMatchObject({ decision: "INCOMPLETE", reasons: ["DOCUMENTS_INCOMPLETE"], missingDocuments: ["docSktm"] });
    const n = run("nasional-2026", { decile: "", docHealthFacility: "" });
    expect(n).toMatchObject({ decision: "INCOMPLETE", reasons: ["DOCUMENTS_INCOMPLETE"] });
  });

  test("NEEDS_VERIFICATION lists every remaining reason in canonical order", () => {
    expect(run("bandung", { registryStatus: "", bpjsConfirmation: "" }).reasons).toEqual(["REGISTRY_NOT_CHECKED", "BPJS_NOT_CONFIRMED"]);
    const pkp = withOverrides(profile("pangkalpinang-reaktivasi"), { requiresBpjsConfirmation: true });
    expect(checkOne(eligibleFields("pangkalpinang-reaktivasi", { registryStatus: "Tidak Terdaftar", facilitatorResult: "Belum", bpjsConfirmation: "Belum" }), "x", { profile: pkp })).toMatchObject({
      decision: "NEEDS_VERIFICATION", reasons: ["FACILITATOR_PENDING", "BPJS_NOT_CONFIRMED"],
    });
    const nas = withOverrides(profile("nasional-2026"), { requiresBpjsConfirmation: true });
    expect(checkOne(eligibleFields("nasional-2026", { decile: "", bpjsConfirmation: "" }), "x", { profile: nas })).toMatchObject({
      decision: "NEEDS_VERIFICATION", reasons: ["BPJS_NOT_CONFIRMED", "DECILE_UNKNOWN"], missingDocuments: [],
    });
  });

  test("INVALID: findings only; no reasons, no missing documents, no deadline", () => {
    const r = run("minsel", {
      nik: "7105074212900", deactivationDate: "01/01/2026", reactivatedBefore: "Ya", registryStatus: "Tidak Terdaftar", ...noDocs(),
    });
    expect(r).toMatchObject({ decision: "INVALID", reasons: [], missingDocuments: [], deadline: null });
    expect(codes(r)).toEqual(["NIK_FORMAT"]);
    for (const id of PROFILE_IDS) {
      expect(run(id, { decile: "11", docKtp: "" })).toMatchObject({ decision: "INVALID", reasons: [], missingDocuments: [], deadline: null });
    }
  });

  test("warnings do not block the decision", () => {
    const r = run("nasional-2026", { phone: "022-123", kk: eligibleFields().nik, sex: "L", birthDate: "01/01/1985" });
    expect(codes(r).sort()).toEqual(["KK_EQUALS_NIK", "NIK_BIRTHDATE_MISMATCH", "NIK_SEX_MISMATCH", "PHONE_FORMAT"]);
    expect(r.decision).toBe("ELIGIBLE");
  });

  test("every reason code is reachable", () => {
    const seen = new Set<string>();
    const add = (reasons: readonly string[]) => reasons.forEach((x) => seen.add(x));
    add(run("nasional-2026", { deactivationDate: "01/01/2026" }).reasons);
    add(run("minsel", { reactivatedBefore: "Y" }).reasons);
    add(run("purbalingga", { registryStatus: "Tidak Terdaftar" }).reasons);
    add(run("nasional-2026", { decile: "6" }).reasons);
    add(run("pangkalpinang-bantuan-kesehatan", { registryStatus: "Tidak Terdaftar", facilitatorResult: "Tidak Layak" }).reasons);
    add(run("bandung", { bpjsConfirmation: "Tidak Dapat Direaktivasi" }).reasons);
    add(run("purbalingga", { docBpjsStatus: "" }).reasons);
    add(run("minsel", { registryStatus: "" }).reasons);
    add(run("pangkalpinang-reaktivasi", { registryStatus: "Tidak Terdaftar" }).reasons);
    add(run("bandung", { bpjsConfirmation: "" }).reasons);
    add(run("nasional-2026", { decile: "" }).reasons);
    expect([...seen].sort()).toEqual([...SPEC_REASONS].sort());
  });

  test("decide() gives the same answer as the table check for an error-free row", () => {
    for (const id of PROFILE_IDS) {
      const r = run(id, { registryStatus: "Tidak Terdaftar", docKtp: "" });
      expect(decide(r.request, profile(id))).toEqual({
        decision: r.decision, reasons: r.reasons, deadline: r.deadline, missingDocuments: r.missingDocuments,
      });
    }
  });
});

describe("advice attached to reasons", () => {
  test("NOT_IN_SOCIAL_REGISTRY: report to the desa/kelurahan for Musyawarah Desa/Kelurahan", () => {
    const r = run("minsel", { registryStatus: "Tidak Terdaftar" });
    const text = reasonText("NOT_IN_SOCIAL_REGISTRY", r, profile("minsel"));
    expect(text).toMatch(/desa\/kelurahan/i);
    expect(text).toMatch(/Musyawarah Desa\/Kelurahan/i);
  });

  test("DEACTIVATION_TOO_OLD: apply afresh as a PBI-JK participant", () => {
    const r = run("minsel", { deactivationDate: "30/11/2025" });
    expect(r.deadline).toBe("2026-05-29");
    const text = reasonText("DEACTIVATION_TOO_OLD", r, profile("minsel"));
    expect(text).toMatch(/PBI-JK/);
    expect(text).toMatch(/baru|kembali/i);
  });

  test("DOCUMENTS_INCOMPLETE names each missing document and where to get it", () => {
    const p = run("purbalingga", noDocs());
    const text = reasonText("DOCUMENTS_INCOMPLETE", p, profile("purbalingga"));
    expect(text).toMatch(/165/);
    expect(text).toMatch(/Chika/);
    expect(text).toMatch(/kantor BPJS/i);
    expect(text).toMatch(/rumah sakit|puskesmas/i);
    expect(text).toMatch(/KTP/);
    expect(text).toMatch(/Kartu Keluarga|KK/);
    expect(text).toMatch(/KIS/);
    const s = run("pangkalpinang-reaktivasi", { docSktm: "" });
    const sktm = reasonText("DOCUMENTS_INCOMPLETE", s, profile("pangkalpinang-reaktivasi"));
    expect(sktm).toMatch(/SKTM/);
    expect(sktm).toMatch(/kelurahan/i);
    expect(sktm).toMatch(/kecamatan/i);
    expect(sktm).not.toMatch(/KTP/);
  });

  test("DOCUMENTS_INCOMPLETE reads as one list: no brackets inside brackets", () => {
    const text = reasonText("DOCUMENTS_INCOMPLETE", run("purbalingga", noDocs()), profile("purbalingga"));
    expect(text).toContain("fotokopi KTP (bila KTP hilang, urus ke Dinas Dukcapil); fotokopi Kartu Keluarga (bila KK hilang, urus ke Dinas Dukcapil)");
    expect(text).not.toMatch(/\([^)]*\(/);
  });
});
