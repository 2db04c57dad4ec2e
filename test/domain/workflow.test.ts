/** Workflow per profile (spec sections 5 and 6): stages, the check's Tahap, and the move guard. */
import type { Decision } from "../../src/domain/eligibility";
import { findProfile, PROFILES, withOverrides } from "../../src/domain/profiles";
import type { Role } from "../../src/domain/roles";
import { guardMove, jakartaStamp, type MoveRequest, stageAfterCheck, stageWarning, stagesFor, workflowFor } from "../../src/domain/workflow";

const WORKFLOWS = Object.fromEntries(PROFILES.map((p) => [p.id, workflowFor(p)]));
import { STAGE_NAMES } from "../../src/domain/layout";

const names = (id: string, urgent = false) => stagesFor(WORKFLOWS[id]!, urgent).map((s) => `${s.name} (${s.role})`);

describe("stages after the decision (spec section 5)", () => {
  test("every profile has a workflow ending in Siap Diserahkan", () => {
    for (const p of PROFILES) expect(workflowFor(p).stages.at(-1)!.name).toBe("Siap Diserahkan");
  });

  test("each profile's stages and roles, as the section 5 table lists them", () => {
    expect(names("nasional-2026")).toEqual(["Draf (operator)", "Paraf Kabid (kabid)", "Tanda Tangan (signer)", "Siap Diserahkan (operator)"]);
    const pkp = ["Back Office (verifier)", "Persetujuan Manajer (manager)", "Draf (operator)", "Validasi Kepala Dinas (signer)", "Siap Diserahkan (operator)"];
    expect(names("pangkalpinang-reaktivasi")).toEqual(pkp);
    expect(names("pangkalpinang-bantuan-kesehatan")).toEqual(pkp);
    expect(names("pangkalpinang-bantuan-kesehatan", true)).toEqual(pkp.slice(1));
    expect(names("pangkalpinang-reaktivasi", true)).toEqual(pkp); // only bantuan skips Back Office
    expect(names("minsel")).toEqual(["Draf (operator)", "Paraf Kabid (kabid)", "Tanda Tangan (signer)", "Penomoran dan Stempel (operator)", "Siap Diserahkan (operator)"]);
    expect(names("bandung")).toEqual(["Draf (operator)", "Verifikasi Draf (kabid)", "Tanda Tangan (signer)", "Input ke BPJS (operator)", "Siap Diserahkan (operator)"]);
    expect(names("purbalingga")).toEqual(["Draf (operator)", "Tanda Tangan (signer)", "Siap Diserahkan (operator)"]);
  });

  test("every stage name is a Tahap dropdown value", () => {
    for (const w of Object.values(WORKFLOWS)) for (const s of w.stages) expect(STAGE_NAMES).toContain(s.name);
    expect(STAGE_NAMES).toEqual(expect.arrayContaining(["Diterima", "Diperiksa", "Perbaikan", "Diserahkan", "Selesai", "Dikembalikan", "Ditolak"]));
  });

  test("numbering happens at drafting, except minsel's Penomoran dan Stempel", () => {
    expect(Object.fromEntries(Object.values(WORKFLOWS).map((w) => [w.profileId, w.numberAt]))).toEqual({
      "nasional-2026": "Draf", "pangkalpinang-reaktivasi": "Draf", "pangkalpinang-bantuan-kesehatan": "Draf",
      minsel: "Penomoran dan Stempel", bandung: "Draf", purbalingga: "Draf",
    });
  });
});

describe("what a check writes to Tahap (section 6)", () => {
  const nasional = WORKFLOWS["nasional-2026"]!;
  const bantuan = WORKFLOWS["pangkalpinang-bantuan-kesehatan"]!;
  test.each<[string, Decision, string | null]>([
    ["", "INCOMPLETE", "Diperiksa"],
    ["Diterima", "INVALID", "Diperiksa"],
    ["", "ELIGIBLE", "Draf"],
    ["Diterima", "ELIGIBLE", "Draf"],
    ["Diperiksa", "ELIGIBLE", "Draf"],
    ["Diperiksa", "NOT_ELIGIBLE", null],
    ["diperiksa", "NOT_ELIGIBLE", "Diperiksa"],
    ["Draf", "ELIGIBLE", null],
    ["Draf", "INCOMPLETE", "Diperiksa"], // at its first stage, no longer eligible: nothing was done yet
    ["Paraf Kabid", "INCOMPLETE", null], // past its first stage: never moved by a check
    ["Perbaikan", "ELIGIBLE", null],
    ["Selesai", "ELIGIBLE", null],
    ["Dikembalikan", "ELIGIBLE", null],
  ])("nasional %j + %s -> %j", (stage, decision, expected) => {
    expect(stageAfterCheck(stage, decision, nasional, false)).toBe(expected);
  });

  test("bantuan: an urgent eligible row waits at Persetujuan Manajer; ticking Mendesak later skips Back Office", () => {
    expect(stageAfterCheck("", "ELIGIBLE", bantuan, true)).toBe("Persetujuan Manajer");
    expect(stageAfterCheck("", "ELIGIBLE", bantuan, false)).toBe("Back Office");
    expect(stageAfterCheck("Back Office", "ELIGIBLE", bantuan, true)).toBe("Persetujuan Manajer");
    // Unticking never sends a row back to a stage it already passed.
    expect(stageAfterCheck("Persetujuan Manajer", "ELIGIBLE", bantuan, false)).toBeNull();
    expect(stageAfterCheck("Draf", "NOT_ELIGIBLE", bantuan, false)).toBeNull();
  });
});

describe("the move guard", () => {
  const req = (over: Partial<MoveRequest>): MoveRequest => ({
    action: "draft", workflow: WORKFLOWS["nasional-2026"]!, stage: "Draf", decision: "ELIGIBLE", urgent: false,
    archived: false, roles: ["operator"] as Role[], ...over,
  });

  test("drafting: operator, from Draf or Perbaikan, ELIGIBLE only; numbers where the profile numbers at drafting", () => {
    expect(guardMove(req({}))).toEqual({ ok: true, from: "Draf", to: "Paraf Kabid", stamp: null, assignsNumber: true });
    expect(guardMove(req({ stage: "perbaikan" }))).toMatchObject({ ok: true, from: "Perbaikan", to: "Paraf Kabid" });
    expect(guardMove(req({ workflow: WORKFLOWS.minsel! }))).toMatchObject({ ok: true, assignsNumber: false });
    expect(guardMove(req({ workflow: WORKFLOWS["pangkalpinang-reaktivasi"]! }))).toMatchObject({ to: "Validasi Kepala Dinas" });
    expect(guardMove(req({ workflow: WORKFLOWS.purbalingga! }))).toMatchObject({ to: "Tanda Tangan" });
  });

  test("drafting refusals name the role or the stage needed", () => {
    const role = guardMove(req({ roles: ["kabid", "admin"] }));
    expect(role).toEqual({ ok: false, message: expect.stringContaining("hanya untuk peran Operator") });
    const stage = guardMove(req({ stage: "Paraf Kabid" }));
    expect(stage).toEqual({ ok: false, message: expect.stringMatching(/"Draf" atau "Perbaikan".*"Paraf Kabid"/) });
    expect(guardMove(req({ stage: "" }))).toMatchObject({ ok: false, message: expect.stringContaining('"kosong"') });
    expect(guardMove(req({ decision: "INCOMPLETE" }))).toMatchObject({ ok: false, message: expect.stringContaining('bukan "Layak"') });
  });

  test("approving: only the current stage's role; stamps its columns; minsel numbers at Penomoran dan Stempel", () => {
    const minsel = WORKFLOWS.minsel!;
    expect(guardMove(req({ action: "approve", stage: "Paraf Kabid", roles: ["kabid"] }))).toEqual(
      { ok: true, from: "Paraf Kabid", to: "Tanda Tangan", stamp: { by: "parafBy", at: "parafAt" }, assignsNumber: false });
    expect(guardMove(req({ action: "approve", stage: "Paraf Kabid", roles: ["signer"] }))).toMatchObject(
      { ok: false, message: expect.stringContaining("hanya untuk peran Kepala Bidang") });
    expect(guardMove(req({ action: "approve", workflow: minsel, stage: "Penomoran dan Stempel" }))).toMatchObject(
      { ok: true, to: "Siap Diserahkan", assignsNumber: true });
    expect(guardMove(req({ action: "approve", stage: "Draf" }))).toMatchObject({ ok: false, message: expect.stringContaining('"Paraf Kabid" atau "Tanda Tangan"') });
    expect(guardMove(req({ action: "approve", workflow: WORKFLOWS.bandung!, stage: "Verifikasi Draf", roles: ["kabid"] }))).toMatchObject(
      { ok: true, stamp: { by: "verifiedBy", at: "verifiedAt" } });
    const bantuan = WORKFLOWS["pangkalpinang-bantuan-kesehatan"]!;
    expect(guardMove(req({ action: "approve", workflow: bantuan, stage: "Back Office", roles: ["verifier"], urgent: true }))).toMatchObject({ ok: false });
    expect(guardMove(req({ action: "approve", workflow: bantuan, stage: "Persetujuan Manajer", roles: ["manager"], urgent: true }))).toMatchObject(
      { ok: true, to: "Draf", stamp: { by: "managerBy", at: "managerAt" } });
  });

  test("returns need a note; a reviewer's goes to Perbaikan, the operator's closes the request", () => {
    expect(guardMove(req({ action: "return", stage: "Tanda Tangan", roles: ["signer"] }))).toMatchObject({ ok: false, message: expect.stringContaining("catatan") });
    expect(guardMove(req({ action: "return", stage: "Tanda Tangan", roles: ["signer"], note: "NIP salah" }))).toMatchObject({ ok: true, to: "Perbaikan" });
    expect(guardMove(req({ action: "return", stage: "Diperiksa", decision: "INCOMPLETE", note: "KK belum ada" }))).toMatchObject({ ok: true, to: "Dikembalikan" });
    expect(guardMove(req({ action: "return", stage: "Diperiksa", decision: "NOT_ELIGIBLE", note: "lewat 6 bulan" }))).toMatchObject({ ok: true, to: "Ditolak" });
    expect(guardMove(req({ action: "return", stage: "Diperiksa", decision: "ELIGIBLE", note: "x" }))).toMatchObject({ ok: false });
  });

  test("before drafting a return goes to the previous review; at the first there is nothing to return", () => {
    const pkp = { workflow: WORKFLOWS["pangkalpinang-reaktivasi"]!, note: "SKTM kedaluwarsa" };
    expect(guardMove(req({ ...pkp, action: "return", stage: "Persetujuan Manajer", roles: ["manager"] }))).toMatchObject({ ok: true, to: "Back Office" });
    expect(guardMove(req({ ...pkp, action: "return", stage: "Back Office", roles: ["verifier"] })))
      .toMatchObject({ ok: false, message: expect.stringContaining("belum ada draf untuk diperbaiki") });
    expect(guardMove(req({ ...pkp, action: "return", stage: "Validasi Kepala Dinas", roles: ["signer"] }))).toMatchObject({ ok: true, to: "Perbaikan" });
    const urgent = { ...pkp, workflow: WORKFLOWS["pangkalpinang-bantuan-kesehatan"]!, urgent: true };
    expect(guardMove(req({ ...urgent, action: "return", stage: "Persetujuan Manajer", roles: ["manager"] }))).toMatchObject({ ok: false });
  });

  test("hand-over needs the archive copy where the profile keeps one; bantuan ends there", () => {
    const ready = { action: "handOver" as const, stage: "Siap Diserahkan" };
    expect(guardMove(req({ ...ready }))).toMatchObject({ ok: true, to: "Diserahkan" });
    expect(guardMove(req({ ...ready, workflow: WORKFLOWS.bandung! }))).toMatchObject({ ok: false, message: expect.stringContaining("Salinan Diarsipkan") });
    expect(guardMove(req({ ...ready, workflow: WORKFLOWS.bandung!, archived: true }))).toMatchObject({ ok: true });
    expect(guardMove(req({ ...ready, workflow: WORKFLOWS["pangkalpinang-bantuan-kesehatan"]! }))).toMatchObject({ ok: true, to: "Selesai" });
    // An office that keeps no copy turns it off in Pengaturan (a profile override).
    const noCopy = workflowFor(withOverrides(findProfile("bandung")!, { archiveCopy: false }));
    expect(guardMove(req({ ...ready, workflow: noCopy }))).toMatchObject({ ok: true, to: "Diserahkan" });
    expect(guardMove(req({ action: "reopen", stage: "Dikembalikan" }))).toMatchObject({ ok: true, to: "Diterima" });
    expect(guardMove(req({ action: "reopen", stage: "Ditolak" }))).toMatchObject({ ok: false });
  });
});

test("a row past its first stage that is no longer ELIGIBLE is flagged; others are not", () => {
  const nasional = WORKFLOWS["nasional-2026"]!;
  expect(stageWarning("Paraf Kabid", "INCOMPLETE", nasional, false)).toMatch(/tahap "Paraf Kabid".*hanya Kembalikan/);
  expect(stageWarning("Perbaikan", "NOT_ELIGIBLE", nasional, false)).toContain('"Perbaikan"');
  expect(stageWarning("Paraf Kabid", "ELIGIBLE", nasional, false)).toBeNull();
  expect(stageWarning("Draf", "INCOMPLETE", nasional, false)).toBeNull(); // the first stage: the check moves it back
  expect(stageWarning("Diperiksa", "INCOMPLETE", nasional, false)).toBeNull();
  expect(stageWarning("Selesai", "INCOMPLETE", nasional, false)).toBeNull();
});

test("stamps are Jakarta date-times whatever the machine's zone", () => {
  expect(jakartaStamp(new Date("2026-11-24T17:05:00Z"))).toBe("2026-11-25 00:05");
  expect(jakartaStamp(new Date("2026-11-24T03:00:00Z"))).toBe("2026-11-24 10:00");
});
