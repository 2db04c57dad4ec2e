/** Setujui, Kembalikan, Serahkan, Buka Kembali and Periksa Integritas on the typed fakes. */
import { approve, checkIntegrity, handOver, reopen, returnRows } from "../../src/gas/approvals";
import { checkAll } from "../../src/gas/app";
import { syncBpjs } from "../../src/gas/bpjs";
import { NO_EMAIL } from "../../src/gas/access";
import { draftLetters } from "../../src/gas/letters";
import { menuApprove, menuReturn } from "../../src/gas/main";
import type { FakeEnv } from "../fakes";
import { cellOf, column, headerIndex, nik, TODAY, closeOffice, type Office, openOffice } from "./helpers";
import { checkedRows, configureOffice } from "./letterHelpers";
import { ADMIN, BPJS, eligibleFor, KABID, MANAGER, officeWithRoles, OPERATOR, SIGNER, VERIFIER } from "./approvalHelpers";

let env: FakeEnv;
let sheet: GoogleAppsScript.Spreadsheet.Sheet;
let docs: Office["docs"];
beforeEach(() => ({ env, sheet, docs } = openOffice()));
afterEach(() => closeOffice({ env, docs }));

const STAMP = "2026-11-24 10:00"; // TODAY in Jakarta
const KK = "3273010101100001";
const log = () => {
  const s = env.spreadsheet.getSheetByName("Log")!;
  return s.getLastRow() < 2 ? [] : s.getRange(2, 1, s.getLastRow() - 1, 7).getValues();
};
const set = (row: number, header: string, value: unknown) => sheet.getRange(row, headerIndex(sheet).get(header)! + 1).setValue(value);
const stage = (row = 2) => cellOf(sheet, row, "Tahap");
type Move = typeof approve;
const as = (user: string, move: Move, rows: number[] | null = [2], note?: string) => {
  env.setUser(user);
  return move(env.spreadsheet, rows, note, TODAY);
};

/** BPJS records `Aktif Kembali` in `Untuk BPJS` and an operator syncs it back. */
function bpjsOutcome(id: string): void {
  env.setUser(OPERATOR);
  syncBpjs(env.spreadsheet, TODAY);
  const view = env.spreadsheet.getSheetByName("Untuk BPJS")!;
  const ids = view.getRange(1, 1, view.getLastRow(), 1).getValues().map((r) => r[0]);
  const row = ids.indexOf(id) + 1;
  expect(row).toBeGreaterThan(1);
  env.setUser(BPJS);
  view.getRange(row, 9, 1, 2).setValues([["Aktif Kembali", "24/11/2026"]]);
  env.setUser(OPERATOR);
  syncBpjs(env.spreadsheet, TODAY);
}

type Step = { by: string; act: "draft" | "approve" | "handOver" | "archive" | "bpjs"; to: string };
const step = (by: string, act: Step["act"], to: string): Step => ({ by, act, to });

const PATHS: { profile: string; extra?: Record<string, unknown>; first: string; steps: Step[]; stamps: [string, string][] }[] = [
  {
    profile: "nasional-2026", first: "Draf",
    steps: [step(OPERATOR, "draft", "Paraf Kabid"), step(KABID, "approve", "Tanda Tangan"), step(SIGNER, "approve", "Siap Diserahkan"),
      step(OPERATOR, "handOver", "Diserahkan"), step(OPERATOR, "bpjs", "Selesai")],
    stamps: [["Paraf Oleh", KABID], ["Ditandatangani Oleh", SIGNER]],
  },
  {
    profile: "pangkalpinang-reaktivasi", first: "Back Office",
    steps: [step(VERIFIER, "approve", "Persetujuan Manajer"), step(MANAGER, "approve", "Draf"), step(OPERATOR, "draft", "Validasi Kepala Dinas"),
      step(SIGNER, "approve", "Siap Diserahkan"), step(OPERATOR, "handOver", "Diserahkan"), step(OPERATOR, "bpjs", "Selesai")],
    stamps: [["Back Office Oleh", VERIFIER], ["Disetujui Manajer Oleh", MANAGER], ["Ditandatangani Oleh", SIGNER]],
  },
  {
    profile: "pangkalpinang-bantuan-kesehatan", first: "Back Office",
    steps: [step(VERIFIER, "approve", "Persetujuan Manajer"), step(MANAGER, "approve", "Draf"), step(OPERATOR, "draft", "Validasi Kepala Dinas"),
      step(SIGNER, "approve", "Siap Diserahkan"), step(OPERATOR, "handOver", "Selesai")],
    stamps: [["Back Office Oleh", VERIFIER], ["Disetujui Manajer Oleh", MANAGER], ["Ditandatangani Oleh", SIGNER]],
  },
  {
    profile: "pangkalpinang-bantuan-kesehatan", extra: { Mendesak: true }, first: "Persetujuan Manajer",
    steps: [step(MANAGER, "approve", "Draf"), step(OPERATOR, "draft", "Validasi Kepala Dinas"), step(SIGNER, "approve", "Siap Diserahkan"),
      step(OPERATOR, "handOver", "Selesai")],
    stamps: [["Back Office Oleh", ""], ["Disetujui Manajer Oleh", MANAGER], ["Ditandatangani Oleh", SIGNER]],
  },
  {
    profile: "minsel", first: "Draf",
    steps: [step(OPERATOR, "draft", "Paraf Kabid"), step(KABID, "approve", "Tanda Tangan"), step(SIGNER, "approve", "Penomoran dan Stempel"),
      step(OPERATOR, "approve", "Siap Diserahkan"), step(OPERATOR, "handOver", "Diserahkan"), step(OPERATOR, "bpjs", "Selesai")],
    stamps: [["Paraf Oleh", KABID], ["Ditandatangani Oleh", SIGNER]],
  },
  {
    profile: "bandung", first: "Draf",
    steps: [step(OPERATOR, "draft", "Verifikasi Draf"), step(KABID, "approve", "Tanda Tangan"), step(SIGNER, "approve", "Input ke BPJS"),
      step(OPERATOR, "approve", "Siap Diserahkan"), step(OPERATOR, "archive", "Siap Diserahkan"), step(OPERATOR, "handOver", "Diserahkan"),
      step(OPERATOR, "bpjs", "Selesai")],
    stamps: [["Diverifikasi Oleh", KABID], ["Ditandatangani Oleh", SIGNER], ["Paraf Oleh", ""]],
  },
  {
    profile: "purbalingga", first: "Draf",
    steps: [step(OPERATOR, "draft", "Tanda Tangan"), step(SIGNER, "approve", "Siap Diserahkan"), step(OPERATOR, "archive", "Siap Diserahkan"),
      step(OPERATOR, "handOver", "Diserahkan"), step(OPERATOR, "bpjs", "Selesai")],
    stamps: [["Ditandatangani Oleh", SIGNER], ["Paraf Oleh", ""]],
  },
];

describe("every profile's path, end to end", () => {
  test.each(PATHS.map((p) => [`${p.profile}${p.extra ? " (Mendesak)" : ""}`, p] as const))("%s", (_name, path) => {
    officeWithRoles(env, path.profile);
    checkedRows(env, sheet, [eligibleFor(path.profile, "Siti Aminah", 1, path.extra)]);
    expect(cellOf(sheet, 2, "Keputusan")).toBe("Layak");
    expect(stage()).toBe(path.first);
    const id = String(cellOf(sheet, 2, "ID Permohonan"));
    for (const s of path.steps) {
      env.setUser(s.by);
      if (s.act === "draft") expect(draftLetters(env.spreadsheet, { now: TODAY })).toContain("1 draf surat dibuat");
      if (s.act === "approve") expect(as(s.by, approve)).toMatch(/^Setujui: 1 permohonan disetujui/);
      if (s.act === "handOver") expect(as(s.by, handOver)).toMatch(/^Serahkan: 1 permohonan diserahkan/);
      if (s.act === "archive") set(2, "Salinan Diarsipkan", true);
      if (s.act === "bpjs") bpjsOutcome(id);
      expect({ after: `${s.act} by ${s.by}`, stage: stage() }).toEqual({ after: `${s.act} by ${s.by}`, stage: s.to });
    }
    for (const [header, user] of path.stamps) {
      expect({ header, by: cellOf(sheet, 2, header) }).toEqual({ header, by: user });
      expect({ header, at: cellOf(sheet, 2, header.replace("Oleh", "Pada")) }).toEqual({ header, at: user ? STAMP : "" });
    }
    expect(cellOf(sheet, 2, "Diserahkan Pada")).toBe(STAMP);
    // Pangkalpinang's Terdaftar rows also get the SIKS-NG letter, its number on the second line.
    expect(String(cellOf(sheet, 2, "Nomor Surat"))).toMatch(/^400\.9\.3\.2\/001\/Dinsos\/XI\/2026(\n400\.9\.3\.2\/002\/Dinsos\/XI\/2026)?$/);
    // One Log line per move, in order; the check placing the row in its first stage is not a move.
    const moves = path.steps.filter((s) => s.act !== "archive");
    expect(log().map((l) => [l[1], l[2], l[5]])).toEqual(moves.map((s) => [s.by, id, s.to]));
    expect(JSON.stringify(log())).not.toContain(nik(1));
    expect(JSON.stringify(log())).not.toContain(KK);
    // Every stamp came from a move: nothing to flag.
    expect(checkIntegrity(env.spreadsheet)).toBe('Sheet "Permohonan": setiap persetujuan tercatat di Log.');
  });

  test("minsel: Penomoran dan Stempel assigns the number once, and the Log line names it", () => {
    officeWithRoles(env, "minsel");
    checkedRows(env, sheet, [eligibleFor("minsel", "A", 1), eligibleFor("minsel", "B", 2)]);
    env.setUser(OPERATOR);
    draftLetters(env.spreadsheet, { now: TODAY });
    expect(column(sheet, "Nomor Surat")).toEqual(["", ""]);
    as(KABID, approve, [2, 3]);
    as(SIGNER, approve, [2, 3]);
    set(3, "Nomor Surat", "400.9.3.2/007/Dinsos/XI/2026"); // typed before: kept, and the sequence goes past it
    expect(as(OPERATOR, approve, [2, 3])).toContain("2 permohonan disetujui");
    expect(column(sheet, "Nomor Surat")).toEqual(["400.9.3.2/008/Dinsos/XI/2026", "400.9.3.2/007/Dinsos/XI/2026"]);
    expect(log().slice(-2).map((l) => [l[3], l[4], l[5], l[6]])).toEqual([
      ["Setujui", "Penomoran dan Stempel", "Siap Diserahkan", "Nomor 400.9.3.2/008/Dinsos/XI/2026"],
      ["Setujui", "Penomoran dan Stempel", "Siap Diserahkan", "Nomor 400.9.3.2/007/Dinsos/XI/2026"],
    ]);
  });
});

/** A nasional-2026 row drafted and waiting for the Kabid's paraf. */
function atParaf(count = 1): number[] {
  officeWithRoles(env, "nasional-2026");
  const rows = checkedRows(env, sheet, Array.from({ length: count }, (_, i) => eligibleFor("nasional-2026", `P${i}`, i + 1)));
  env.setUser(OPERATOR);
  draftLetters(env.spreadsheet, { now: TODAY });
  env.resetCalls();
  return rows;
}

function snapshot() {
  return { values: sheet.getDataRange().getValues(), log: log() };
}

describe("refusals change nothing and say what is needed", () => {
  test("the wrong role for the stage", () => {
    atParaf();
    const before = snapshot();
    const message = as(OPERATOR, approve);
    expect(message).toContain("Setujui: 0 permohonan disetujui.");
    expect(message).toContain('Baris 2 (PBI-2026-00001): Setujui di tahap "Paraf Kabid" hanya untuk peran Kepala Bidang.');
    expect(as(SIGNER, approve)).toContain("hanya untuk peran Kepala Bidang");
    expect(snapshot()).toEqual(before);
  });

  test("the wrong stage: Setujui in Draf, Serahkan before Siap Diserahkan, Buka Kembali of an open row", () => {
    officeWithRoles(env, "nasional-2026");
    checkedRows(env, sheet, [eligibleFor("nasional-2026", "A", 1)]);
    const before = snapshot();
    expect(as(KABID, approve)).toContain('Setujui hanya untuk permohonan di tahap "Paraf Kabid" atau "Tanda Tangan"; tahap sekarang "Draf"');
    expect(as(OPERATOR, handOver)).toContain('Serahkan hanya untuk permohonan di tahap "Siap Diserahkan"');
    expect(as(OPERATOR, reopen)).toContain('Buka Kembali hanya untuk permohonan di tahap "Dikembalikan"');
    expect(snapshot()).toEqual(before);
  });

  test("a row past its first stage that is no longer Layak: only a return, which needs the note", () => {
    atParaf();
    set(2, "Dok. KK", false); // someone edits the row after drafting
    checkAll(env.spreadsheet, TODAY);
    expect(stage()).toBe("Paraf Kabid");
    const before = snapshot();
    expect(as(KABID, approve)).toContain('Setujui: keputusan permohonan ini bukan "Layak"');
    expect(snapshot()).toEqual(before);
    expect(as(KABID, returnRows, [2], "Dokumen KK hilang dari berkas")).toMatch(/^Kembalikan: 1 permohonan dikembalikan/);
    expect(stage()).toBe("Perbaikan");
    expect(cellOf(sheet, 2, "Catatan Pengembalian")).toBe("Dokumen KK hilang dari berkas");
    expect(log().at(-1)).toEqual([STAMP, KABID, "PBI-2026-00001", "Kembalikan", "Paraf Kabid", "Perbaikan", "Dokumen KK hilang dari berkas"]);
  });

  test("at a stage the operator holds, a row no longer Layak is closed by the operator's return; every stamp emptied", () => {
    atParaf();
    as(KABID, approve);
    as(SIGNER, approve);
    expect(stage()).toBe("Siap Diserahkan");
    set(2, "Dok. KK", false); // the file turns out to lack the KK after signing
    env.setUser(OPERATOR);
    checkAll(env.spreadsheet, TODAY);
    expect(stage()).toBe("Siap Diserahkan");
    // The check's result says so (section 6), in Alasan.
    expect(String(cellOf(sheet, 2, "Alasan"))).toContain('Permohonan sudah di tahap "Siap Diserahkan" tetapi keputusannya kini bukan "Layak"');
    expect(as(OPERATOR, handOver)).toContain('keputusan permohonan ini bukan "Layak"');
    expect(as(KABID, returnRows, [2], "KK hilang")).toContain("hanya untuk peran Operator");
    expect(as(OPERATOR, returnRows, [2], "Bawa fotokopi KK")).toMatch(/^Kembalikan: 1 permohonan dikembalikan/);
    expect(stage()).toBe("Dikembalikan");
    expect(["Paraf Oleh", "Paraf Pada", "Ditandatangani Oleh", "Ditandatangani Pada"].map((h) => cellOf(sheet, 2, h))).toEqual(["", "", "", ""]);
    expect(cellOf(sheet, 2, "Nomor Surat")).not.toBe(""); // a number once issued stays with its request
    expect(log().at(-1)).toEqual([STAMP, OPERATOR, "PBI-2026-00001", "Kembalikan", "Siap Diserahkan", "Dikembalikan", "Bawa fotokopi KK"]);
    // Reopened and complete again, it goes through every review afresh.
    as(OPERATOR, reopen);
    set(2, "Dok. KK", true);
    checkAll(env.spreadsheet, TODAY);
    expect(stage()).toBe("Draf");
    expect(String(cellOf(sheet, 2, "Alasan"))).toBe("");
  });

  test("the operator's return at its own stage is refused while the row is still Layak", () => {
    atParaf();
    as(KABID, approve);
    as(SIGNER, approve);
    const before = snapshot();
    expect(as(OPERATOR, returnRows, [2], "salah pilih")).toContain('Kembalikan oleh Operator di tahap "Siap Diserahkan" hanya untuk permohonan yang tidak lagi "Layak"');
    expect(snapshot()).toEqual(before);
  });

  test("while another user holds the lock, a move is refused and changes nothing", () => {
    atParaf();
    const before = snapshot();
    env.locks.document.heldByOther = true;
    expect(() => as(KABID, approve)).toThrow(/Pengguna lain sedang memproses/);
    env.locks.document.heldByOther = false;
    expect(snapshot()).toEqual(before);
  });

  test("no readable e-mail: every move is refused with the reason", () => {
    atParaf();
    const before = snapshot();
    for (const move of [approve, returnRows, handOver, reopen]) expect(() => as("", move, [2], "catatan")).toThrow(NO_EMAIL);
    expect(snapshot()).toEqual(before);
  });

  test("a return without a note is refused, from the API and from the menu; Cancel changes nothing", () => {
    atParaf();
    const before = snapshot();
    expect(() => as(KABID, returnRows, [2], "  ")).toThrow(/tulis catatan pengembalian \(wajib\)/);
    env.setUser(KABID);
    env.setSelection(sheet.getRange("A2"));
    env.ui.promptResponses.push({ text: "Tanda tangan salah", button: env.ui.Button.CANCEL });
    menuReturn();
    expect(env.toasts.at(-1)!.message).toContain("dibatalkan; tidak ada yang diubah");
    env.ui.promptResponses.push({ text: "" });
    menuReturn();
    expect(env.ui.alerts.at(-1)!.prompt).toContain("tulis catatan pengembalian");
    expect(snapshot()).toEqual(before);
    env.ui.promptResponses.push({ text: `Nama salah eja; NIK ${nik(1)} tertukar` });
    menuReturn();
    expect(env.ui.prompts).toHaveLength(3);
    expect(env.ui.prompts[0]!.buttons).toBe(env.ui.ButtonSet.OK_CANCEL);
    expect(stage()).toBe("Perbaikan");
    // The row keeps the note as typed; the Log never holds the NIK typed into it.
    expect(cellOf(sheet, 2, "Catatan Pengembalian")).toBe(`Nama salah eja; NIK ${nik(1)} tertukar`);
    expect(log().at(-1)!.slice(3)).toEqual(["Kembalikan", "Paraf Kabid", "Perbaikan", "Nama salah eja; NIK # tertukar"]);
  });

  test("Kembalikan from the menu says why a row cannot be returned before asking for a note", () => {
    officeWithRoles(env, "nasional-2026");
    checkedRows(env, sheet, [eligibleFor("nasional-2026", "A", 1)]);
    expect(stage()).toBe("Draf");
    const before = snapshot();
    env.setUser(OPERATOR);
    env.setSelection(sheet.getRange("A2"));
    menuReturn();
    // Still Layak at the operator's own stage: refused up front, no note asked for, nothing changed.
    expect(env.ui.prompts).toHaveLength(0);
    expect(env.ui.alerts.at(-1)!.prompt).toContain("Kembalikan: 0 permohonan dikembalikan.");
    expect(env.ui.alerts.at(-1)!.prompt).toMatch(/Baris 2 \(PBI-\d{4}-\d{5}\): .*Layak/);
    expect(snapshot()).toEqual(before);
    // A user with no role hears so before typing too.
    env.setUser("tamu@contoh.id");
    menuReturn();
    expect(env.ui.prompts).toHaveLength(0);
    expect(env.ui.alerts.at(-1)!.prompt).toContain("belum terdaftar dengan peran");
  });

  test("bandung: Serahkan needs Salinan Diarsipkan ticked", () => {
    officeWithRoles(env, "bandung");
    checkedRows(env, sheet, [eligibleFor("bandung", "A", 1)]);
    set(2, "Tahap", "Siap Diserahkan");
    const before = snapshot();
    expect(as(OPERATOR, handOver)).toContain('centang "Salinan Diarsipkan" dulu');
    expect(snapshot()).toEqual(before);
    set(2, "Salinan Diarsipkan", true);
    expect(as(OPERATOR, handOver)).toContain("1 permohonan diserahkan");
    expect(stage()).toBe("Diserahkan");
  });

  test("the menu item shows the report, never a stack trace", () => {
    atParaf();
    env.setUser(OPERATOR);
    env.setSelection(sheet.getRange("A2"));
    menuApprove();
    expect(env.toasts.length + env.ui.alerts.length).toBeGreaterThan(0);
    const shown = JSON.stringify([env.ui.alerts, env.toasts]);
    expect(shown).toContain("hanya untuk peran Kepala Bidang");
    expect(shown).not.toMatch(/at .*\.ts/);
  });
});

describe("each selected row on its own", () => {
  test("allowed rows move, refused ones are listed; one read, one write per column block, one Log write", () => {
    const rows = atParaf(10);
    set(5, "Tahap", "Draf"); // one row not yet drafted
    env.resetCalls();
    const message = as(KABID, approve, rows);
    const io = { sheet: env.ioCalls("Permohonan"), log: env.ioCalls("Log") };
    expect(message).toContain("9 permohonan disetujui");
    expect(message).toContain("Baris 5 (PBI-2026-00004)");
    expect(column(sheet, "Tahap")).toEqual(rows.map((r) => (r === 5 ? "Draf" : "Tanda Tangan")));
    expect(column(sheet, "Paraf Oleh")).toEqual(rows.map((r) => (r === 5 ? "" : KABID)));
    expect(log().filter((l) => l[3] === "Setujui")).toHaveLength(9);
    // One read; Tahap and the Paraf stamp are separate column blocks.
    expect(io.sheet).toBe(3);
    console.info(`Setujui on 10 rows: ${io.sheet} Permohonan calls, ${io.log} Log calls`);
    expect(io.log).toBeLessThanOrEqual(2);
    // Under the document lock, released with nothing left unflushed.
    expect(env.locks.document.attempts.at(-1)!.acquired).toBe(true);
    expect(env.locks.document.releases.at(-1)).toBe(0);
    expect(env.locks.document.held).toBe(false);
  });

  test("the operator closes an INCOMPLETE row as Dikembalikan, reopens it; a NOT_ELIGIBLE row as Ditolak", () => {
    officeWithRoles(env, "nasional-2026");
    checkedRows(env, sheet, [
      eligibleFor("nasional-2026", "A", 1, { "Dok. KK": false }),
      eligibleFor("nasional-2026", "B", 2, { "Tanggal SK Penonaktifan": "01/01/2025" }),
      eligibleFor("nasional-2026", "C", 3),
    ]);
    expect(column(sheet, "Keputusan")).toEqual(["Berkas Belum Lengkap", "Tidak Layak", "Layak"]);
    expect(as(KABID, returnRows, [2], "Lengkapi KK")).toContain("hanya untuk peran Operator");
    const message = as(OPERATOR, returnRows, [2, 3, 4], "Lengkapi KK");
    expect(message).toContain("2 permohonan dikembalikan");
    expect(message).toContain('Baris 4 (PBI-2026-00003): Kembalikan oleh Operator di tahap "Draf" hanya untuk permohonan yang tidak lagi "Layak"; permohonan ini masih Layak, lanjutkan tahapnya.');
    expect(column(sheet, "Tahap")).toEqual(["Dikembalikan", "Ditolak", "Draf"]);
    expect(as(OPERATOR, reopen, [2, 3])).toContain("1 permohonan dibuka kembali");
    expect(column(sheet, "Tahap")).toEqual(["Diterima", "Ditolak", "Draf"]);
    expect(log().map((l) => [l[3], l[4], l[5]])).toEqual([
      ["Kembalikan", "Diperiksa", "Dikembalikan"], ["Kembalikan", "Diperiksa", "Ditolak"], ["Buka Kembali", "Dikembalikan", "Diterima"],
    ]);
    // The reopened row is checked again like a new one.
    set(2, "Dok. KK", true);
    checkAll(env.spreadsheet, TODAY);
    expect(stage(2)).toBe("Draf");
  });

  test("a reviewer's return goes to Perbaikan; redrafting sends it through the reviews again", () => {
    atParaf();
    as(KABID, approve);
    expect(cellOf(sheet, 2, "Paraf Oleh")).toBe(KABID);
    as(SIGNER, returnRows, [2], "Perbaiki alamat");
    expect(stage()).toBe("Perbaikan");
    // The old draft's paraf is emptied: the new draft needs its own (the Log keeps the first).
    expect([cellOf(sheet, 2, "Paraf Oleh"), cellOf(sheet, 2, "Paraf Pada")]).toEqual(["", ""]);
    expect(as(KABID, approve)).toContain("tahap sekarang \"Perbaikan\"");
    env.setUser(OPERATOR);
    draftLetters(env.spreadsheet, { now: TODAY });
    expect(stage()).toBe("Paraf Kabid");
    as(KABID, approve);
    as(SIGNER, approve);
    expect(stage()).toBe("Siap Diserahkan");
    expect(log().map((l) => l[3])).toEqual(["Buat Draf Surat", "Setujui", "Kembalikan", "Buat Draf Surat", "Setujui", "Setujui"]);
    expect(cellOf(sheet, 2, "Paraf Oleh")).toBe(KABID);
    expect(checkIntegrity(env.spreadsheet)).toContain("setiap persetujuan tercatat di Log");
  });
});

describe("Periksa Integritas", () => {
  test("lists stamps typed by hand, by ID; a full check names them too", () => {
    atParaf(3);
    as(KABID, approve, [2]);
    set(3, "Paraf Oleh", KABID); // typed in by hand
    set(3, "Paraf Pada", "24/11/2026 11:00");
    set(4, "Diserahkan Pada", "24/11/2026 12:00");
    env.setUser(ADMIN); // any user may run it
    const message = checkIntegrity(env.spreadsheet);
    expect(message).toContain('Sheet "Permohonan": 2 persetujuan tidak tercatat di Log');
    expect(message).toContain(`Baris 3 (PBI-2026-00002): Paraf Oleh/Pada (${KABID}) tanpa baris Log yang cocok`);
    expect(message).toContain("Baris 4 (PBI-2026-00003): Diserahkan Pada tanpa baris Log yang cocok");
    expect(message).not.toContain("PBI-2026-00001");
    env.resetCalls();
    const checked = checkAll(env.spreadsheet, TODAY);
    expect(checked).toContain("2 persetujuan tanpa catatan Log (PBI-2026-00002, PBI-2026-00003): jalankan Periksa Integritas.");
    // One Log read for the whole check, whatever the number of rows.
    expect(env.calls.filter((c) => c.sheet === "Log" && c.method === "getValues")).toHaveLength(1);
  });

  test("a stamp whose Log line names another user or stage is flagged", () => {
    atParaf();
    as(KABID, approve);
    set(2, "Paraf Oleh", "orang.lain@dinsos.go.id");
    expect(checkIntegrity(env.spreadsheet)).toContain("Paraf Oleh/Pada (orang.lain@dinsos.go.id)");
  });
});

test("pangkalpinang: a return from Validasi Kepala Dinas keeps the Back Office and manager stamps (not redone)", () => {
  officeWithRoles(env, "pangkalpinang-reaktivasi");
  checkedRows(env, sheet, [eligibleFor("pangkalpinang-reaktivasi", "A", 1)]);
  as(VERIFIER, approve);
  as(MANAGER, approve);
  env.setUser(OPERATOR);
  draftLetters(env.spreadsheet, { now: TODAY });
  as(SIGNER, returnRows, [2], "Hal surat salah");
  expect(stage()).toBe("Perbaikan");
  expect([cellOf(sheet, 2, "Back Office Oleh"), cellOf(sheet, 2, "Disetujui Manajer Oleh")]).toEqual([VERIFIER, MANAGER]);
  expect(as(MANAGER, approve)).toContain('tahap sekarang "Perbaikan"');
});

test("minsel with Cara Penomoran Manual: Penomoran dan Stempel needs the typed number, and keeps it", () => {
  configureOffice(env, { profile: "minsel", values: { numberMode: "Manual" }, roles: [[OPERATOR, "operator"], [KABID, "kabid"], [SIGNER, "signer"]] });
  env.setUser(OPERATOR);
  checkedRows(env, sheet, [eligibleFor("minsel", "A", 1)]);
  set(2, "Tahap", "Penomoran dan Stempel");
  const before = snapshot();
  expect(as(OPERATOR, approve)).toContain('isi kolom "Nomor Surat" dulu (Cara Penomoran: Manual)');
  expect(snapshot()).toEqual(before);
  set(2, "Nomor Surat", "470/12/DS/2026");
  expect(as(OPERATOR, approve)).toContain("1 permohonan disetujui");
  expect(cellOf(sheet, 2, "Nomor Surat")).toBe("470/12/DS/2026");
  expect(log().at(-1)!.slice(3)).toEqual(["Setujui", "Penomoran dan Stempel", "Siap Diserahkan", "Nomor 470/12/DS/2026"]);
});

test("pangkalpinang: the manager's return goes back to Back Office, whose stamp is emptied; drafting never skips a review", () => {
  officeWithRoles(env, "pangkalpinang-reaktivasi");
  checkedRows(env, sheet, [eligibleFor("pangkalpinang-reaktivasi", "A", 1)]);
  expect(as(VERIFIER, returnRows, [2], "SKTM kedaluwarsa")).toContain("belum ada draf untuk diperbaiki");
  as(VERIFIER, approve);
  expect(as(MANAGER, returnRows, [2], "Periksa ulang SKTM")).toContain("1 permohonan dikembalikan");
  expect(stage()).toBe("Back Office");
  expect([cellOf(sheet, 2, "Back Office Oleh"), cellOf(sheet, 2, "Catatan Pengembalian")]).toEqual(["", "Periksa ulang SKTM"]);
  env.setUser(OPERATOR);
  expect(draftLetters(env.spreadsheet, { now: TODAY })).toContain("0 draf surat");
  as(VERIFIER, approve);
  expect(stage()).toBe("Persetujuan Manajer");
  expect(log().map((l) => [l[3], l[4], l[5]])).toEqual([
    ["Setujui", "Back Office", "Persetujuan Manajer"], ["Kembalikan", "Persetujuan Manajer", "Back Office"], ["Setujui", "Back Office", "Persetujuan Manajer"],
  ]);
});
