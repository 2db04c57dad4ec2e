/**
 * Independent review of the workflow and approvals (spec sections 5 and 6), driven through the
 * public entry points on the typed fakes. Expected behaviour is taken from the spec only.
 */
import { approve, handOver, reopen, returnRows } from "../../src/gas/approvals";
import { checkAll } from "../../src/gas/app";
import { syncBpjs } from "../../src/gas/bpjs";
import { draftLetters } from "../../src/gas/letters";
import * as main from "../../src/gas/main";
import type { FakeEnv } from "../fakes";
import { cellOf, closeOffice, headerIndex, nik, type Office, openOffice, TODAY } from "../gas/helpers";
import { checkedRows } from "../gas/letterHelpers";
import { ADMIN, BPJS, eligibleFor, KABID, MANAGER, officeWithRoles, OPERATOR, SIGNER, VERIFIER } from "../gas/approvalHelpers";

let env: FakeEnv;
let sheet: GoogleAppsScript.Spreadsheet.Sheet;
let docs: Office["docs"];
beforeEach(() => ({ env, sheet, docs } = openOffice()));
afterEach(() => closeOffice({ env, docs }));

const STAMP = "2026-11-24 10:00"; // TODAY in Asia/Jakarta
const KK = "3273010101100001";
const EVERYONE = [ADMIN, OPERATOR, KABID, VERIFIER, MANAGER, SIGNER, BPJS];

const log = (): unknown[][] => {
  const s = env.spreadsheet.getSheetByName("Log")!;
  return s.getLastRow() < 2 ? [] : s.getRange(2, 1, s.getLastRow() - 1, 7).getValues();
};
const set = (row: number, header: string, value: unknown) => sheet.getRange(row, headerIndex(sheet).get(header)! + 1).setValue(value);
const stage = (row = 2) => cellOf(sheet, row, "Tahap");
const snapshot = () => ({ values: JSON.stringify(sheet.getDataRange().getValues()), log: JSON.stringify(log()), docs: docs.documents.size });

type Move = typeof approve;
const as = (user: string, move: Move, rows: number[] = [2], note?: string) => {
  env.setUser(user);
  return move(env.spreadsheet, rows, note, TODAY);
};
/** A draft by `user`: its report, or the refusal's message when it throws. */
const draftAs = (user: string, rows: number[] = [2]): string => {
  env.setUser(user);
  try {
    return draftLetters(env.spreadsheet, { now: TODAY, rows });
  } catch (e) {
    return `THROWN: ${(e as Error).message}`;
  }
};
/** A move by `user`: its report, or the refusal's message when it throws. */
const tryAs = (user: string, move: Move, rows: number[] = [2], note?: string): string => {
  try {
    return as(user, move, rows, note);
  } catch (e) {
    return `THROWN: ${(e as Error).message}`;
  }
};

/** BPJS records `Aktif Kembali` in `Untuk BPJS` and an operator syncs it back. */
function bpjsOutcome(id: string): void {
  env.setUser(OPERATOR);
  syncBpjs(env.spreadsheet, TODAY);
  const view = env.spreadsheet.getSheetByName("Untuk BPJS")!;
  const headers = view.getRange(1, 1, 1, view.getLastColumn()).getValues()[0]!.map(String);
  const ids = view.getRange(1, 1, view.getLastRow(), 1).getValues().map((r) => r[0]);
  const row = ids.indexOf(id) + 1;
  expect(row).toBeGreaterThan(1);
  env.setUser(BPJS);
  view.getRange(row, headers.indexOf("Status BPJS") + 1).setValue("Aktif Kembali");
  view.getRange(row, headers.indexOf("Tanggal Aktif BPJS") + 1).setValue("24/11/2026");
  env.setUser(OPERATOR);
  syncBpjs(env.spreadsheet, TODAY);
  env.spreadsheet.setActiveSheet(sheet);
}

type Act = "draft" | "approve" | "handOver" | "bpjs";
interface Step { by: string; act: Act; from: string; to: string; stamp?: string }
const s = (by: string, act: Act, from: string, to: string, stamp?: string): Step => ({ by, act, from, to, stamp });

/** Section 5, second table, and section 6: each profile's path after an ELIGIBLE check. */
const PATHS: { name: string; profile: string; extra?: Record<string, unknown>; archive?: boolean; steps: Step[]; numberAfter: number }[] = [
  {
    name: "nasional-2026", profile: "nasional-2026", numberAfter: 0,
    steps: [s(OPERATOR, "draft", "Draf", "Paraf Kabid"), s(KABID, "approve", "Paraf Kabid", "Tanda Tangan", "Paraf"),
      s(SIGNER, "approve", "Tanda Tangan", "Siap Diserahkan", "Ditandatangani"), s(OPERATOR, "handOver", "Siap Diserahkan", "Diserahkan"),
      s(OPERATOR, "bpjs", "Diserahkan", "Selesai")],
  },
  {
    name: "pangkalpinang-reaktivasi", profile: "pangkalpinang-reaktivasi", numberAfter: 2,
    steps: [s(VERIFIER, "approve", "Back Office", "Persetujuan Manajer", "Back Office"),
      s(MANAGER, "approve", "Persetujuan Manajer", "Draf", "Disetujui Manajer"), s(OPERATOR, "draft", "Draf", "Validasi Kepala Dinas"),
      s(SIGNER, "approve", "Validasi Kepala Dinas", "Siap Diserahkan", "Ditandatangani"), s(OPERATOR, "handOver", "Siap Diserahkan", "Diserahkan"),
      s(OPERATOR, "bpjs", "Diserahkan", "Selesai")],
  },
  {
    name: "pangkalpinang-reaktivasi (Mendesak: no skip)", profile: "pangkalpinang-reaktivasi", extra: { Mendesak: true }, numberAfter: 2,
    steps: [s(VERIFIER, "approve", "Back Office", "Persetujuan Manajer", "Back Office"),
      s(MANAGER, "approve", "Persetujuan Manajer", "Draf", "Disetujui Manajer"), s(OPERATOR, "draft", "Draf", "Validasi Kepala Dinas"),
      s(SIGNER, "approve", "Validasi Kepala Dinas", "Siap Diserahkan", "Ditandatangani"), s(OPERATOR, "handOver", "Siap Diserahkan", "Diserahkan")],
  },
  {
    name: "pangkalpinang-bantuan-kesehatan", profile: "pangkalpinang-bantuan-kesehatan", numberAfter: 2,
    steps: [s(VERIFIER, "approve", "Back Office", "Persetujuan Manajer", "Back Office"),
      s(MANAGER, "approve", "Persetujuan Manajer", "Draf", "Disetujui Manajer"), s(OPERATOR, "draft", "Draf", "Validasi Kepala Dinas"),
      s(SIGNER, "approve", "Validasi Kepala Dinas", "Siap Diserahkan", "Ditandatangani"), s(OPERATOR, "handOver", "Siap Diserahkan", "Selesai")],
  },
  {
    name: "pangkalpinang-bantuan-kesehatan (Mendesak)", profile: "pangkalpinang-bantuan-kesehatan", extra: { Mendesak: "Ya" }, numberAfter: 1,
    steps: [s(MANAGER, "approve", "Persetujuan Manajer", "Draf", "Disetujui Manajer"), s(OPERATOR, "draft", "Draf", "Validasi Kepala Dinas"),
      s(SIGNER, "approve", "Validasi Kepala Dinas", "Siap Diserahkan", "Ditandatangani"), s(OPERATOR, "handOver", "Siap Diserahkan", "Selesai")],
  },
  {
    name: "minsel", profile: "minsel", numberAfter: 3,
    steps: [s(OPERATOR, "draft", "Draf", "Paraf Kabid"), s(KABID, "approve", "Paraf Kabid", "Tanda Tangan", "Paraf"),
      s(SIGNER, "approve", "Tanda Tangan", "Penomoran dan Stempel", "Ditandatangani"),
      s(OPERATOR, "approve", "Penomoran dan Stempel", "Siap Diserahkan"), s(OPERATOR, "handOver", "Siap Diserahkan", "Diserahkan"),
      s(OPERATOR, "bpjs", "Diserahkan", "Selesai")],
  },
  {
    name: "bandung", profile: "bandung", archive: true, numberAfter: 0,
    steps: [s(OPERATOR, "draft", "Draf", "Verifikasi Draf"), s(KABID, "approve", "Verifikasi Draf", "Tanda Tangan", "Diverifikasi"),
      s(SIGNER, "approve", "Tanda Tangan", "Input ke BPJS", "Ditandatangani"), s(OPERATOR, "approve", "Input ke BPJS", "Siap Diserahkan"),
      s(OPERATOR, "handOver", "Siap Diserahkan", "Diserahkan"), s(OPERATOR, "bpjs", "Diserahkan", "Selesai")],
  },
  {
    name: "purbalingga", profile: "purbalingga", archive: true, numberAfter: 0,
    steps: [s(OPERATOR, "draft", "Draf", "Tanda Tangan"), s(SIGNER, "approve", "Tanda Tangan", "Siap Diserahkan", "Ditandatangani"),
      s(OPERATOR, "handOver", "Siap Diserahkan", "Diserahkan"), s(OPERATOR, "bpjs", "Diserahkan", "Selesai")],
  },
];

const ACTION_CAPTION: Record<Act, string> = { draft: "Buat Draf Surat", approve: "Setujui", handOver: "Serahkan", bpjs: "" };

/** Runs one step by `user`; returns its report. */
function run(step: Step, user: string): string {
  if (step.act === "draft") return draftAs(user);
  if (step.act === "approve") return tryAs(user, approve);
  if (step.act === "handOver") return tryAs(user, handOver);
  return "";
}

describe("each profile's path from the check to its end, the right role at each stage", () => {
  test.each(PATHS.map((p) => [p.name, p] as const))("%s", (_n, path) => {
    officeWithRoles(env, path.profile);
    checkedRows(env, sheet, [eligibleFor(path.profile, "Siti Aminah", 1, path.extra)]);
    expect(cellOf(sheet, 2, "Keputusan")).toBe("Layak");
    expect(stage()).toBe(path.steps[0]!.from);
    const id = String(cellOf(sheet, 2, "ID Permohonan"));
    const expectedLog: unknown[][] = [];
    path.steps.forEach((step, i) => {
      expect({ i, stage: stage() }).toEqual({ i, stage: step.from });
      if (step.act !== "bpjs") {
        // Every other user is refused at this stage and nothing changes.
        for (const other of EVERYONE.filter((u) => u !== step.by)) {
          const before = snapshot();
          const said = run(step, other);
          expect({ stage: step.from, by: other, refused: /peran|hanya untuk|tidak terdaftar|belum terdaftar/i.test(said) }).toEqual({
            stage: step.from, by: other, refused: true,
          });
          expect(said).not.toMatch(/(^|: )[1-9]\d* (permohonan|draf surat)/m);
          expect(snapshot()).toEqual(before);
        }
        // Serahkan needs the archive copy first where the profile keeps one.
        if (step.act === "handOver" && path.archive) {
          const before = snapshot();
          expect(run(step, step.by)).toContain("Salinan Diarsipkan");
          expect(snapshot()).toEqual(before);
          set(2, "Salinan Diarsipkan", true);
        }
        const said = run(step, step.by);
        expect(said).not.toContain("THROWN");
        expect(said).toMatch(/(^|: )1 (permohonan|draf surat)/m);
        expectedLog.push([STAMP, step.by, id, ACTION_CAPTION[step.act], step.from, step.to]);
      } else {
        bpjsOutcome(id);
        expectedLog.push([STAMP, OPERATOR, id, expect.any(String), step.from, step.to]);
      }
      expect({ i, stage: stage() }).toEqual({ i, stage: step.to });
      if (step.stamp) {
        expect([cellOf(sheet, 2, `${step.stamp} Oleh`), cellOf(sheet, 2, `${step.stamp} Pada`)]).toEqual([step.by, STAMP]);
      }
      // The number: given once, at its profile's step, and kept.
      // A second letter's number (Pangkalpinang's SIKS-NG) is on the cell's second line.
      const numbered = String(cellOf(sheet, 2, "Nomor Surat")).split("\n")[0];
      if (i < path.numberAfter) expect({ i, numbered }).toEqual({ i, numbered: "" });
      else expect({ i, numbered }).toEqual({ i, numbered: "400.9.3.2/001/Dinsos/XI/2026" });
    });
    // Stamps of stages the row never passed stay empty (a Mendesak row skips Back Office).
    if (path.extra?.Mendesak && path.profile === "pangkalpinang-bantuan-kesehatan") {
      expect([cellOf(sheet, 2, "Back Office Oleh"), cellOf(sheet, 2, "Back Office Pada")]).toEqual(["", ""]);
    }
    if (path.steps.some((x) => x.act === "handOver")) expect(cellOf(sheet, 2, "Diserahkan Pada")).toBe(STAMP);
    // One Log line per move: time, user, ID, action, from, to (and the note).
    expect(log().map((l) => l.slice(0, 6))).toEqual(expectedLog);
    const text = JSON.stringify(log());
    expect(text).not.toContain(nik(1));
    expect(text).not.toContain(KK);
  });
});

describe("menu captions (a public contract)", () => {
  test("the PBI-JK menu lists the moves with the spec's captions, each calling its entry point", () => {
    main.onOpen();
    const items = env.ui.menus.flatMap((m) => m.items).filter((i) => i.kind === "item") as { caption: string; functionName: string }[];
    const captions = items.map((i) => i.caption);
    const byCaption = new Map(items.map((i) => [i.caption, i.functionName]));
    for (const c of ["Buat Draf Surat", "Setujui", "Kembalikan", "Serahkan", "Buka Kembali", "Sinkronkan BPJS", "Periksa Integritas", "Perbarui Rekap"]) {
      expect(captions).toContain(c);
      expect(typeof (main as Record<string, unknown>)[byCaption.get(c)!]).toBe("function");
    }
    expect(byCaption.get("Setujui")).toBe("menuApprove");
    expect(byCaption.get("Kembalikan")).toBe("menuReturn");
    expect(byCaption.get("Serahkan")).toBe("menuHandOver");
    expect(byCaption.get("Buka Kembali")).toBe("menuReopen");
    expect(byCaption.get("Buat Draf Surat")).toBe("menuDraftLetters");
  });
});

// ---------------------------------------------------------------- helpers for the stages

const pathOf = (name: string) => PATHS.find((p) => p.name === name)!;

/** A checked row of `path`, moved through its first `n` steps by the right users. */
function rowAt(path: (typeof PATHS)[number], n: number, extra: Record<string, unknown> = {}): string {
  officeWithRoles(env, path.profile);
  checkedRows(env, sheet, [eligibleFor(path.profile, "Siti Aminah", 1, { ...path.extra, ...extra })]);
  for (const step of path.steps.slice(0, n)) {
    if (step.act === "handOver" && path.archive) set(2, "Salinan Diarsipkan", true);
    if (step.act === "bpjs") bpjsOutcome(String(cellOf(sheet, 2, "ID Permohonan")));
    else expect(run(step, step.by)).toMatch(/(^|: )1 (permohonan|draf surat)/m);
  }
  expect(stage()).toBe(n < path.steps.length ? path.steps[n]!.from : path.steps.at(-1)!.to);
  env.resetCalls();
  return String(cellOf(sheet, 2, "ID Permohonan"));
}

const MOVES: [string, (user: string) => string][] = [
  ["Buat Draf Surat", (u) => draftAs(u)],
  ["Setujui", (u) => tryAs(u, approve)],
  ["Serahkan", (u) => tryAs(u, handOver)],
  ["Buka Kembali", (u) => tryAs(u, reopen)],
];

describe("every move but the stage's own is refused, in Indonesian, changing nothing; a later check moves nothing", () => {
  const cases = PATHS.flatMap((p) => [...p.steps.map((_, n) => n), p.steps.length].map((n) => [p.name, n] as const));
  test.each(cases)("%s after %i steps", (name, n) => {
    const path = pathOf(name);
    rowAt(path, n);
    if (path.archive) set(2, "Salinan Diarsipkan", true);
    const expected = path.steps[n];
    for (const user of EVERYONE) {
      for (const [caption, move] of MOVES) {
        const own = expected && expected.by === user && ACTION_CAPTION[expected.act] === caption;
        if (own) continue;
        const before = snapshot();
        const said = move(user);
        expect({ user, caption, said }).toEqual({ user, caption, said: expect.stringMatching(/hanya untuk|tidak terdaftar|belum terdaftar/) });
        expect({ user, caption, after: snapshot() }).toEqual({ user, caption, after: before });
      }
    }
    // A later check never moves a request past its first stage, and is not a move (no Log line).
    if (n > 0) {
      const before = { stage: stage(), log: JSON.stringify(log()) };
      env.setUser(OPERATOR);
      checkAll(env.spreadsheet, TODAY);
      expect({ stage: stage(), log: JSON.stringify(log()) }).toEqual(before);
    }
  });
});

/** Reviewer stages of each path: the step index, the reviewer, and the stamps after drafting. */
const REVIEWS: [string, number][] = PATHS.flatMap((p) =>
  p.steps.flatMap((st, n) => (st.act === "approve" && st.by !== OPERATOR && st.by !== VERIFIER && st.by !== MANAGER ? [[p.name, n] as [string, number]] : [])),
);

describe("a reviewer's return goes to Perbaikan with its note; later reviews' stamps are emptied; redrafting keeps number and document", () => {
  test.each(REVIEWS)("%s, return at step %i", (name, n) => {
    const path = pathOf(name);
    const id = rowAt(path, n);
    const step = path.steps[n]!;
    const numberBefore = cellOf(sheet, 2, "Nomor Surat");
    const linkBefore = cellOf(sheet, 2, "Tautan Surat");
    const docsBefore = docs.documents.size;
    // Without a note: refused, nothing changed.
    const before = snapshot();
    expect(tryAs(step.by, returnRows, [2], "   ")).toMatch(/catatan pengembalian/);
    expect(tryAs(step.by, returnRows, [2], undefined)).toMatch(/catatan pengembalian/);
    expect(snapshot()).toEqual(before);
    // Another user (not this stage's role) cannot return it.
    for (const other of EVERYONE.filter((u) => u !== step.by)) {
      expect(tryAs(other, returnRows, [2], "Salah ketik nama")).toMatch(/hanya untuk|belum terdaftar/);
      expect(snapshot()).toEqual(before);
    }
    expect(tryAs(step.by, returnRows, [2], "Salah ketik nama")).toMatch(/^Kembalikan: 1 permohonan dikembalikan/);
    expect(stage()).toBe("Perbaikan");
    expect(cellOf(sheet, 2, "Catatan Pengembalian")).toBe("Salah ketik nama");
    expect(log().at(-1)).toEqual([STAMP, step.by, id, "Kembalikan", step.from, "Perbaikan", "Salah ketik nama"]);
    // Stamps of the reviews after drafting are emptied: the new draft needs its own.
    const draftAt = path.steps.findIndex((x) => x.act === "draft");
    for (const later of path.steps.slice(draftAt + 1)) {
      if (later.stamp) expect([later.stamp, cellOf(sheet, 2, `${later.stamp} Oleh`), cellOf(sheet, 2, `${later.stamp} Pada`)]).toEqual([later.stamp, "", ""]);
    }
    // Nothing but the operator's redraft moves it on; the same number and document are kept.
    for (const user of EVERYONE) expect(tryAs(user, approve)).toContain("0 permohonan disetujui");
    expect(tryAs(OPERATOR, handOver)).toContain("0 permohonan diserahkan");
    expect(draftAs(OPERATOR)).toMatch(/(^|: )1 draf surat/m);
    expect(stage()).toBe(path.steps[draftAt]!.to);
    expect(cellOf(sheet, 2, "Nomor Surat")).toBe(numberBefore);
    expect(cellOf(sheet, 2, "Tautan Surat")).toBe(linkBefore);
    expect(docs.documents.size).toBe(docsBefore);
    expect(log().at(-1)!.slice(1, 6)).toEqual([OPERATOR, id, "Buat Draf Surat", "Perbaikan", path.steps[draftAt]!.to]);
  });

  test("minsel: after a return and redraft the number is still given once, at Penomoran dan Stempel, and never reused", () => {
    const path = pathOf("minsel");
    rowAt(path, 2); // at Tanda Tangan
    as(SIGNER, returnRows, [2], "Perbaiki alamat");
    draftAs(OPERATOR);
    expect(cellOf(sheet, 2, "Nomor Surat")).toBe("");
    as(KABID, approve);
    as(SIGNER, approve);
    expect(cellOf(sheet, 2, "Nomor Surat")).toBe("");
    as(OPERATOR, approve);
    expect(cellOf(sheet, 2, "Nomor Surat")).toBe("400.9.3.2/001/Dinsos/XI/2026");
    // The operator's Setujui at Penomoran dan Stempel cannot run twice.
    expect(as(OPERATOR, approve)).toContain("0 permohonan disetujui");
    expect(cellOf(sheet, 2, "Nomor Surat")).toBe("400.9.3.2/001/Dinsos/XI/2026");
  });
});

// The manager's return goes back to Back Office, not to Perbaikan: before drafting there is no
// draft to correct, and drafting from Perbaikan would skip the manager (a choice stated in the README).

// ---------------------------------------------------------------- the operator's closings, Buka Kembali

const NOT_ELIGIBLE: Record<string, Record<string, unknown>> = {
  "nasional-2026": { "Tanggal SK Penonaktifan": "01/01/2025" },
  "pangkalpinang-reaktivasi": { "Status DTSEN/DTKS": "Tidak Terdaftar", "Verifikasi Fasilitator": "Tidak Layak" },
  "pangkalpinang-bantuan-kesehatan": { "Status DTSEN/DTKS": "Tidak Terdaftar", "Verifikasi Fasilitator": "Tidak Layak" },
  minsel: { "Pernah Direaktivasi": true },
  bandung: { "Konfirmasi BPJS": "Tidak Dapat Direaktivasi" },
  purbalingga: { "Status DTSEN/DTKS": "Tidak Terdaftar" },
};
const FIRST: Record<string, string> = {
  "nasional-2026": "Draf", "pangkalpinang-reaktivasi": "Back Office", "pangkalpinang-bantuan-kesehatan": "Back Office", minsel: "Draf", bandung: "Draf", purbalingga: "Draf",
};

describe("the operator's return: INCOMPLETE to Dikembalikan, NOT_ELIGIBLE to Ditolak; Buka Kembali", () => {
  test.each(Object.keys(NOT_ELIGIBLE))("%s", (profile) => {
    officeWithRoles(env, profile);
    checkedRows(env, sheet, [
      eligibleFor(profile, "A", 1, { "Dok. KK": false }),
      eligibleFor(profile, "B", 2, NOT_ELIGIBLE[profile]),
      eligibleFor(profile, "C", 3),
    ]);
    expect(["Keputusan", "Tahap"].map((h) => [cellOf(sheet, 2, h), cellOf(sheet, 3, h)])).toEqual([
      ["Berkas Belum Lengkap", "Tidak Layak"], ["Diperiksa", "Diperiksa"],
    ]);
    const [idA, idB] = [String(cellOf(sheet, 2, "ID Permohonan")), String(cellOf(sheet, 3, "ID Permohonan"))];
    let before = snapshot();
    for (const user of EVERYONE.filter((u) => u !== OPERATOR)) expect(tryAs(user, returnRows, [2, 3], "Lengkapi berkas")).not.toMatch(/: [1-9] permohonan/);
    expect(tryAs(OPERATOR, returnRows, [2, 3], "")).toMatch(/catatan pengembalian/);
    // Nothing else moves these rows.
    for (const user of EVERYONE) for (const [, move] of MOVES) expect(move(user)).not.toMatch(/(^|: )[1-9]\d* (permohonan|draf surat)/m);
    expect(snapshot()).toEqual(before);
    // The operator cannot close an ELIGIBLE row waiting in its first stage.
    expect(tryAs(OPERATOR, returnRows, [4], "Tidak jadi")).toContain("0 permohonan dikembalikan");
    expect(cellOf(sheet, 4, "Tahap")).toBe(FIRST[profile]);

    expect(as(OPERATOR, returnRows, [2, 3], "Lengkapi berkas")).toMatch(/^Kembalikan: 2 permohonan dikembalikan/);
    expect([stage(2), stage(3)]).toEqual(["Dikembalikan", "Ditolak"]);
    expect([cellOf(sheet, 2, "Catatan Pengembalian"), cellOf(sheet, 3, "Catatan Pengembalian")]).toEqual(["Lengkapi berkas", "Lengkapi berkas"]);
    expect(log()).toEqual([
      [STAMP, OPERATOR, idA, "Kembalikan", "Diperiksa", "Dikembalikan", "Lengkapi berkas"],
      [STAMP, OPERATOR, idB, "Kembalikan", "Diperiksa", "Ditolak", "Lengkapi berkas"],
    ]);
    // Endings: a later check leaves them; no move but Buka Kembali of Dikembalikan, by the operator.
    env.setUser(OPERATOR);
    checkAll(env.spreadsheet, TODAY);
    expect([stage(2), stage(3)]).toEqual(["Dikembalikan", "Ditolak"]);
    before = snapshot();
    for (const user of EVERYONE.filter((u) => u !== OPERATOR)) expect(tryAs(user, reopen, [2, 3])).not.toMatch(/: [1-9] permohonan/);
    for (const user of EVERYONE) for (const [caption, move] of MOVES.filter(([c]) => c !== "Buka Kembali")) {
      expect({ caption, said: move(user) }).toEqual({ caption, said: expect.not.stringMatching(/(^|: )[1-9]\d* (permohonan|draf surat)/m) });
    }
    for (const user of EVERYONE) expect(tryAs(user, returnRows, [2, 3], "lagi")).not.toMatch(/: [1-9] permohonan/);
    expect(tryAs(OPERATOR, reopen, [3])).toContain("0 permohonan dibuka kembali");
    expect(snapshot()).toEqual(before);
    expect(as(OPERATOR, reopen, [2, 3])).toMatch(/^Buka Kembali: 1 permohonan dibuka kembali/);
    expect([stage(2), stage(3)]).toEqual(["Diterima", "Ditolak"]);
    expect(log().at(-1)).toEqual([STAMP, OPERATOR, idA, "Buka Kembali", "Dikembalikan", "Diterima", ""]);
    // Checked again once the documents are in: the same row, its first stage.
    set(2, "Dok. KK", true);
    env.setUser(OPERATOR);
    checkAll(env.spreadsheet, TODAY);
    expect([cellOf(sheet, 2, "ID Permohonan"), stage(2)]).toEqual([idA, FIRST[profile]]);
    expect(log()).toHaveLength(3);
  });
});

// ---------------------------------------------------------------- a row no longer ELIGIBLE past its first stage

/** Stages past the first one, up to Siap Diserahkan, of each path: [path, steps done]. */
const PAST_FIRST: [string, number][] = PATHS.flatMap((p) =>
  p.steps.flatMap((st, n) => (n > 0 && st.act !== "bpjs" && st.from !== "Diserahkan" ? [[p.name, n] as [string, number]] : [])),
);
const isReviewer = (user: string) => [KABID, SIGNER, MANAGER].includes(user);

describe("a row edited after its first stage so that it is no longer ELIGIBLE: the check leaves Tahap, every move but a return is refused", () => {
  test.each(PAST_FIRST)("%s after %i steps", (name, n) => {
    const path = pathOf(name);
    rowAt(path, n);
    if (path.archive) set(2, "Salinan Diarsipkan", true);
    set(2, "Dok. KK", false);
    env.setUser(OPERATOR);
    checkAll(env.spreadsheet, TODAY);
    expect(cellOf(sheet, 2, "Keputusan")).toBe("Berkas Belum Lengkap");
    expect(stage()).toBe(path.steps[n]!.from);
    const before = snapshot();
    for (const user of EVERYONE) {
      for (const [caption, move] of MOVES) {
        const said = move(user);
        expect({ user, caption, said }).toEqual({ user, caption, said: expect.not.stringMatching(/(^|: )[1-9]\d* (permohonan|draf surat)/m) });
        expect({ user, caption, said }).toEqual({ user, caption, said: expect.stringMatching(/bukan "Layak"|hanya untuk|terdaftar/) });
      }
    }
    expect(snapshot()).toEqual(before);
    // The stage's reviewer may still return it (a reviewer's return goes to Perbaikan).
    const step = path.steps[n]!;
    if (isReviewer(step.by) && step.by !== MANAGER) {
      expect(as(step.by, returnRows, [2], "Dokumen KK hilang")).toMatch(/^Kembalikan: 1 permohonan dikembalikan/);
      expect(stage()).toBe("Perbaikan");
      // From Perbaikan the redraft is refused while it is not Layak.
      const after = snapshot();
      expect(draftAs(OPERATOR)).toMatch(/0 draf surat|bukan "Layak"/);
      expect(snapshot()).toEqual(after);
    }
  });
});

test(
  // §6: "if such a row is no longer `ELIGIBLE` (someone edited it), the result says so and every move but a
  // return is refused until it is fixed". At an operator stage past the first (here Siap Diserahkan) the
  // operator's return closes it.
  "a row no longer ELIGIBLE at Siap Diserahkan can still be returned (the operator closes it as Dikembalikan)",
  () => {
    rowAt(pathOf("nasional-2026"), 3);
    set(2, "Dok. KK", false);
    env.setUser(OPERATOR);
    checkAll(env.spreadsheet, TODAY);
    expect(stage()).toBe("Siap Diserahkan");
    const said = [OPERATOR, KABID, SIGNER].map((u) => tryAs(u, returnRows, [2], "Dokumen KK hilang"));
    expect(said.some((m) => /^Kembalikan: 1 permohonan dikembalikan/.test(m))).toBe(true);
  },
);

test(
  // §6: "A later check never moves a request that is past its first stage; if such a row is no longer
  // `ELIGIBLE` (someone edited it), the result says so" (in `Alasan`).
  "the check's result says a row past its first stage is no longer Layak",
  () => {
    rowAt(pathOf("nasional-2026"), 1); // at Paraf Kabid
    set(2, "Dok. KK", false);
    env.setUser(OPERATOR);
    const message = checkAll(env.spreadsheet, TODAY);
    const shown = [message, cellOf(sheet, 2, "Hasil Pemeriksaan"), cellOf(sheet, 2, "Alasan")].join(" | ");
    expect(shown).toMatch(/Paraf Kabid|Kembalikan|tahap/i);
  },
);

// A `Mendesak` bantuan row starts at Persetujuan Manajer: like any first stage, a return there is
// refused (the finding goes in its column and the operator closes a request that is not Layak).

describe("the sidebar runs the same moves under the same guards", () => {
  const api = (action: string, id: string, note = "") => {
    const r = main.apiRunAction(action as Parameters<typeof main.apiRunAction>[0], "Permohonan", [{ row: 2, id }], note) as { ok: boolean; value?: string; message?: string };
    return r.ok ? String(r.value) : `REFUSED: ${r.message}`;
  };
  test("wrong role or stage refused and nothing changed; a blank note refused; the right role moves the row", () => {
    const id = rowAt(pathOf("nasional-2026"), 1); // Paraf Kabid
    const before = snapshot();
    for (const user of [OPERATOR, SIGNER, VERIFIER, MANAGER, BPJS, ADMIN]) {
      env.setUser(user);
      expect(api("approve", id)).not.toMatch(/: [1-9] permohonan/);
      expect(api("handOver", id)).not.toMatch(/: [1-9] permohonan/);
      expect(api("reopen", id)).not.toMatch(/: [1-9] permohonan/);
      expect(api("return", id, "Salah")).not.toMatch(/: [1-9] permohonan/);
    }
    env.setUser(KABID);
    expect(api("return", id, "   ")).toMatch(/catatan pengembalian/);
    expect(snapshot()).toEqual(before);
    expect(api("approve", id)).toMatch(/^Setujui: 1 permohonan disetujui/);
    expect(stage()).toBe("Tanda Tangan");
    expect(log().at(-1)).toEqual([expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d$/), KABID, id, "Setujui", "Paraf Kabid", "Tanda Tangan", ""]);
  });
});

describe("the Log never holds NIK, KK or health details", () => {
  test("a return note quoting the NIK (with separators), the KK and the health need: the row keeps it, the Log does not", () => {
    const id = rowAt(pathOf("nasional-2026"), 1, { "Kebutuhan Layanan Kesehatan": "Penyakit Kronis" });
    const note = `NIK 3273-0141-0190-0001 dan KK ${KK} tertukar; Penyakit Kronis`;
    as(KABID, returnRows, [2], note);
    expect(cellOf(sheet, 2, "Catatan Pengembalian")).toBe(note);
    const line = log().at(-1)!;
    expect(line.slice(0, 6)).toEqual([STAMP, KABID, id, "Kembalikan", "Paraf Kabid", "Perbaikan"]);
    const text = JSON.stringify(log());
    for (const secret of [nik(1), "3273-0141-0190-0001", KK, "Penyakit Kronis"]) expect(text).not.toContain(secret);
    // A later check leaves Perbaikan alone (past the first stage).
    env.setUser(OPERATOR);
    checkAll(env.spreadsheet, TODAY);
    expect(stage()).toBe("Perbaikan");
  });

  // Free text cannot be scrubbed of health details reliably: the Kembalikan prompt and the sidebar
  // ask not to write NIK, KK or health details in a note (it goes to Log).
});
