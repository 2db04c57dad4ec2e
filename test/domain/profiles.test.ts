/** Section 5: the profile table, as data. */
import { findProfile, PROFILES, withOverrides } from "../../src/domain/profiles";
import { checkOne, eligibleFields, PROFILE_IDS, profile } from "./helpers";

const TABLE = [
  // id, service, windowMonths, inclusive, oncePerPerson, registryPolicy, requiresBpjsConfirmation, documents, SLA
  ["nasional-2026", "reactivation", 6, true, false, "decile-or-health-need", false, ["docKtp", "docKk", "docHealthFacility"], 45],
  ["pangkalpinang-reaktivasi", "reactivation", 6, true, false, "facilitator", false, ["docKtp", "docKk", "docSktm"], 45],
  ["pangkalpinang-bantuan-kesehatan", "healthFinancing", null, null, false, "facilitator", false, ["docKtp", "docKk", "docSktm"], 45],
  ["minsel", "reactivation", 6, false, true, "required", false, ["docKtp", "docKk"], 10],
  ["bandung", "reactivation", 6, true, false, "required", true, ["docKk", "docKtp", "docCard", "docRegistry"], 40],
  ["purbalingga", "reactivation", 6, false, false, "required", false, ["docKtp", "docKk", "docCard", "docBpjsStatus", "docHealthFacility"], 30],
] as const;

describe("the profile table", () => {
  test("there are exactly the six profiles", () => {
    expect(PROFILES.map((p) => p.id).sort()).toEqual([...PROFILE_IDS].sort());
  });

  test.each(TABLE)("%s", (id, service, windowMonths, inclusive, once, policy, bpjs, docs, sla) => {
    const p = findProfile(id)!;
    expect(p).toBeDefined();
    expect(p.service).toBe(service);
    expect(p.windowMonths).toBe(windowMonths);
    if (inclusive !== null) expect(p.windowInclusive).toBe(inclusive);
    expect(p.oncePerPerson).toBe(once);
    expect(p.registryPolicy).toBe(policy);
    expect(p.requiresBpjsConfirmation).toBe(bpjs);
    expect([...p.requiredDocuments]).toEqual([...docs]);
    expect(p.slaMinutes).toBe(sla);
  });

  test("Purbalingga issues a complete file the same day; nobody else is held to that", () => {
    expect(profile("purbalingga").sameDay).toBe(true);
    for (const id of PROFILE_IDS.filter((p) => p !== "purbalingga")) expect(profile(id).sameDay).toBe(false);
  });

  test("only pangkalpinang-reaktivasi requires Nomor SK Penonaktifan (section 5 reading)", () => {
    expect([...profile("pangkalpinang-reaktivasi").extraRequiredFields]).toEqual(["deactivationRef"]);
    for (const id of PROFILE_IDS.filter((p) => p !== "pangkalpinang-reaktivasi")) expect(profile(id).extraRequiredFields).toEqual([]);
  });

  test("findProfile: unknown ids", () => {
    expect(findProfile("jakarta")).toBeUndefined();
    expect(findProfile("")).toBeUndefined();
  });
});

describe("workflow and letter (second table of section 5)", () => {
  const stages = (id: string) => profile(id).stages.map((s) => `${s.name} (${s.role})`);

  test("stages after the decision, with their roles", () => {
    expect(stages("nasional-2026")).toEqual(["Draf (operator)", "Paraf Kabid (kabid)", "Tanda Tangan (signer)", "Siap Diserahkan (operator)"]);
    const pkp = ["Back Office (verifier)", "Persetujuan Manajer (manager)", "Draf (operator)", "Validasi Kepala Dinas (signer)", "Siap Diserahkan (operator)"];
    expect(stages("pangkalpinang-reaktivasi")).toEqual(pkp);
    expect(stages("pangkalpinang-bantuan-kesehatan")).toEqual(pkp);
    expect(stages("minsel")).toEqual([
      "Draf (operator)", "Paraf Kabid (kabid)", "Tanda Tangan (signer)", "Penomoran dan Stempel (operator)", "Siap Diserahkan (operator)",
    ]);
    expect(stages("bandung")).toEqual([
      "Draf (operator)", "Verifikasi Draf (kabid)", "Tanda Tangan (signer)", "Input ke BPJS (operator)", "Siap Diserahkan (operator)",
    ]);
    expect(stages("purbalingga")).toEqual(["Draf (operator)", "Tanda Tangan (signer)", "Siap Diserahkan (operator)"]);
  });

  test("number assignment, letters, urgent rows, archive copies", () => {
    expect(profile("minsel").numberAt).toBe("after-signature");
    for (const id of PROFILE_IDS.filter((p) => p !== "minsel")) expect(profile(id).numberAt).toBe("drafting");
    expect(profile("nasional-2026").letterTitle).toBe("Surat Keterangan Pengaktifan Kembali PBI-JK");
    expect(profile("pangkalpinang-reaktivasi").letterTitle).toBe("Surat Rekomendasi Reaktivasi PBI-JK");
    expect(profile("pangkalpinang-reaktivasi").secondLetterTitle).toMatch(/Surat Keterangan SIKS-NG/);
    expect(profile("pangkalpinang-bantuan-kesehatan").letterTitle).toBe("Surat Rekomendasi Pengajuan Bantuan Pembiayaan Pelayanan Kesehatan");
    expect(profile("minsel").letterTitle).toBe("Surat Rekomendasi Reaktivasi PBI-JK");
    expect(profile("bandung").letterTitle).toBe("Surat Rekomendasi Reaktivasi PBI JK");
    expect(profile("purbalingga").letterTitle).toBe("Surat Rekomendasi Reaktivasi KIS PBI");
    expect(profile("pangkalpinang-bantuan-kesehatan").urgentSkipsBackOffice).toBe(true);
    expect(profile("pangkalpinang-reaktivasi").urgentSkipsBackOffice).toBe(false);
    expect(PROFILES.filter((p) => p.archiveCopy).map((p) => p.id).sort()).toEqual(["bandung", "purbalingga"]);
    expect(profile("purbalingga").signer).toMatch(/Sekretaris Dinas/);
    expect(profile("purbalingga").signer).toMatch(/Kepala Dinas/);
    for (const id of PROFILE_IDS.filter((p) => p !== "purbalingga")) expect(profile(id).signer).toBe("Kepala Dinas");
  });
});

describe("withOverrides", () => {
  const overrides = [
    { windowMonths: 3 },
    { windowInclusive: false },
    { oncePerPerson: true },
    { registryPolicy: "required" as const },
    { requiresBpjsConfirmation: true },
    { requiredDocuments: ["docKtp"] as const },
    { slaMinutes: 60 },
  ];

  test.each(overrides.map((o) => [Object.keys(o)[0]!, o] as const))("changes %s only", (_name, o) => {
    const base = profile("nasional-2026");
    const before = structuredClone(base);
    const changed = withOverrides(base, o);
    const [key, value] = Object.entries(o)[0]!;
    expect((changed as unknown as Record<string, unknown>)[key]).toEqual(value);
    expect({ ...changed, [key]: (base as unknown as Record<string, unknown>)[key] }).toEqual(base);
    expect(base).toEqual(before); // the shared profile is not mutated
  });

  test("an undefined override changes nothing", () => {
    expect(withOverrides(profile("bandung"), { windowMonths: undefined })).toEqual(profile("bandung"));
    expect(withOverrides(profile("bandung"))).toEqual(profile("bandung"));
  });

  test("an overridden window applies to the decision", () => {
    const three = withOverrides(profile("nasional-2026"), { windowMonths: 3 });
    const r = checkOne(eligibleFields("nasional-2026", { deactivationDate: "10/08/2026", applicationDate: "11/11/2026" }), "x", { profile: three });
    expect(r).toMatchObject({ decision: "NOT_ELIGIBLE", reasons: ["DEACTIVATION_TOO_OLD"], deadline: "2026-11-10" });
    const ok = checkOne(eligibleFields("nasional-2026", { deactivationDate: "10/08/2026", applicationDate: "10/11/2026" }), "x", { profile: three });
    expect(ok.decision).toBe("ELIGIBLE");
  });
});
