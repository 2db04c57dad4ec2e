/**
 * Interleaved executions on one spreadsheet. A drafting run makes its documents outside the lock;
 * each time any run pauses there (`docs.onCall` on `create`) the next execution of the scenario
 * runs in full (it may itself pause and start the one after), over separate, overlapping and
 * identical selections:
 * - three drafters: no letter number shared, every stamp (number, date, link, stage, log) kept;
 * - drafters with approvers (nasional-2026): Setujui by the kabid and the signer, Kembalikan with a
 *   note, Serahkan and other drafters: numbers distinct, every row's stamps match its Tahap and its
 *   Log history, exactly one Log line per move a run reported, one live document per request;
 *   then random executions (fast-check) paused at any Docs call, the lock taken and freed by
 *   others at random moments;
 * - minsel, where the operator's Setujui at Penomoran dan Stempel gives the number: drafters and
 *   numbering operators interleaved, and a spreadsheet whose other sheet numbers at drafting:
 *   every number issued once, across both paths;
 * - a busy lock: a move or drafting run (API or menu) that cannot get the lock changes nothing and
 *   says so; a drafter whose write-back finds it taken leaves sheet and Log as they were, and its
 *   rerun reuses its documents and numbers.
 */
import fc from "fast-check";
import { approve, checkIntegrity, handOver, returnRows } from "../../src/gas/approvals";
import { draftLetters } from "../../src/gas/letters";
import { menuApprove, menuDraftLetters } from "../../src/gas/main";
import { setupSpreadsheet } from "../../src/gas/setup";
import type { FakeEnv } from "../fakes";
import { type FakeDocs, installFakeDocs, SharedLockService } from "../fakes/document";
import { cellOf, column, eligible, freshEnv, preparedSheet, TODAY } from "../gas/helpers";
import { checkedRows, configureOffice, KABID, OPERATOR, OPERATOR2 } from "../gas/letterHelpers";
import { ALL_ROLES, eligibleFor, SIGNER } from "../gas/approvalHelpers";

const OPERATOR3 = "operator3@dinsos.go.id";
const STAMP = "2026-11-24 10:00"; // TODAY in Jakarta
const BUSY = "Pengguna lain sedang memproses sheet ini. Tunggu sebentar, lalu coba lagi.";
let env: FakeEnv;
let docs: FakeDocs & { uninstall(): void };
let sheet: GoogleAppsScript.Spreadsheet.Sheet;
let locks: SharedLockService;
beforeEach(() => {
  running = null;
  env = freshEnv();
  docs = installFakeDocs();
  sheet = preparedSheet(env);
  configureOffice(env, { roles: [["admin@dinsos.go.id", "admin"], [OPERATOR, "operator"], [OPERATOR2, "operator"], [OPERATOR3, "operator"], [KABID, "kabid"]] });
  locks = new SharedLockService();
  (globalThis as Record<string, unknown>)["LockService"] = locks.api;
});
afterEach(() => {
  docs.uninstall();
  env.uninstall();
});

/** Selections as A1 ranges of column A, per drafter, in the order they start. */
const SCENARIOS: Record<string, [string, string][]> = {
  "separate selections": [[OPERATOR, "A2:A3"], [OPERATOR2, "A4:A5"], [OPERATOR3, "A6:A7"]],
  "overlapping selections": [[OPERATOR, "A2:A5"], [OPERATOR2, "A4:A7"], [OPERATOR3, "A2:A7"]],
  "the same rows": [[OPERATOR, "A2:A7"], [OPERATOR2, "A2:A7"], [OPERATOR3, "A2:A7"]],
};

test.each(Object.keys(SCENARIOS))("three drafters interleaved, %s: distinct numbers, every stamp kept", (name) => {
  const rows = checkedRows(env, sheet, Array.from({ length: 6 }, (_, i) => eligible(`Pemohon ${i}`, i + 1)));
  const drafters = SCENARIOS[name]!;
  const run = (n: number): string => {
    const [user, a1] = drafters[n]!;
    env.setUser(user);
    env.setSelection(sheet.getRange(a1));
    try {
      return draftLetters(env.spreadsheet, { now: TODAY });
    } catch (error) {
      return (error as Error).message;
    }
  };
  // When drafter n makes its first document, drafter n+1 runs in full.
  const started = new Set<number>();
  let depth = 0;
  docs.onCall((call) => {
    if (call.method !== "create" || depth + 1 >= drafters.length || started.has(depth + 1)) return;
    const next = ++depth;
    started.add(next);
    locks.as(`E${next}`, () => run(next));
    depth--;
    const [user, a1] = drafters[depth]!;
    env.setUser(user);
    env.setSelection(sheet.getRange(a1));
  });
  started.add(0);
  locks.as("E0", () => run(0));
  docs.onCall(null);
  // Each later drafter ran inside the one before (one that found every row taken makes no document, so starts no other).
  expect(started.size).toBeGreaterThanOrEqual(2);
  // Anything a busy lock left undrafted is finished by one more run.
  env.setUser(OPERATOR);
  env.setSelection(sheet.getRange("A2:A7"));
  locks.as("E9", () => draftLetters(env.spreadsheet, { now: TODAY }));

  const numbers = column(sheet, "Nomor Surat");
  expect(numbers.every(Boolean)).toBe(true);
  expect(new Set(numbers).size).toBe(rows.length);
  expect(column(sheet, "Tahap")).toEqual(Array(rows.length).fill("Paraf Kabid"));
  expect(column(sheet, "Tanggal Surat").every((d) => String(d) !== "")).toBe(true);
  const links = column(sheet, "Tautan Surat").map(String);
  expect(new Set(links).size).toBe(rows.length);
  const log = logLines().filter((l) => l[3] === "Buat Draf Surat");
  expect(log.map((l) => String(l[2])).sort()).toEqual(column(sheet, "ID Permohonan").map(String).sort());
  if (name !== "the same rows") expect(new Set(log.map((l) => l[1])).size).toBeGreaterThan(1); // nested runs drafted too
  // One live document per request.
  expect([...docs.documents.values()].filter((d) => !d.deleted)).toHaveLength(rows.length);
});

// ---------------------------------------------------------------- executions and what they report

type Act = "draft" | "approve" | "return" | "handOver";
/** One execution: who, what, on which selection (A1 of column A). */
interface Step {
  by: string;
  act: Act;
  a1: string;
  note?: string;
}
const CAPTION: Record<Act, string> = { draft: "Buat Draf Surat", approve: "Setujui", return: "Kembalikan", handOver: "Serahkan" };
const MOVES = { approve, return: returnRows, handOver } as const;

/** What one execution reported, and the requests it says it moved. */
interface Outcome {
  step: Step;
  report: string;
  /** Ran while another execution was paused making a document. */
  nested: boolean;
  moved: string[];
}

function logLines(): unknown[][] {
  const log = env.spreadsheet.getSheetByName("Log")!;
  return log.getLastRow() < 2 ? [] : log.getRange(2, 1, log.getLastRow() - 1, 7).getValues();
}

/** Row number -> ID Permohonan (rows never move in these tests). */
function idsByRow(target = sheet): Map<number, string> {
  return new Map(column(target, "ID Permohonan").map((id, i) => [i + 2, String(id)]));
}

/**
 * The requests a run moved, read from its report alone: the selected rows minus those it lists
 * as refused or changed. Its count must be the number the report starts with.
 */
function movedBy(step: Step, report: string, target = sheet): string[] {
  // Busy at the start, or at the write-back of documents already made (the rerun records them): nothing moved.
  if (report === BUSY || report.includes("belum dicatat di sheet karena pengguna lain sedang memproses")) return [];
  const counted = step.act === "draft" ? /^(\d+) draf surat dibuat/.exec(report) : new RegExp(`^${CAPTION[step.act]}: (\\d+) permohonan`).exec(report);
  if (!counted) throw new Error(`unexpected report of ${step.act} by ${step.by}: ${report}`);
  expect(report).not.toContain("belum dibuatkan surat"); // no time budget or Docs failure here
  const listed = new Set([...report.matchAll(/^• Baris \d+ \(([^)]+)\)/gm)].map((m) => m[1]!));
  const range = target.getRange(step.a1);
  const ids = idsByRow(target);
  const selected = Array.from({ length: range.getNumRows() }, (_, i) => ids.get(range.getRow() + i)!).filter(Boolean);
  const moved = selected.filter((id) => !listed.has(id));
  expect({ step, report, moved: moved.length }).toEqual({ step, report, moved: Number(counted[1]) });
  return moved;
}

/** The step of the execution running now: a paused one gets its user and selection back. */
let running: { step: Step; target: GoogleAppsScript.Spreadsheet.Sheet } | null = null;

/** Runs one step as execution `name`, as its user on its selection; a refusal thrown is its report. */
function execute(step: Step, name: string, nested: boolean, target = sheet): Outcome {
  const paused = running;
  running = { step, target };
  const report = locks.as(name, () => {
    env.setUser(step.by);
    env.setSelection(target.getRange(step.a1));
    try {
      return step.act === "draft" ? draftLetters(env.spreadsheet, { now: TODAY }) : MOVES[step.act](env.spreadsheet, null, step.note, TODAY);
    } catch (error) {
      return (error as Error).message;
    } finally {
      running = paused;
      if (paused) {
        env.setUser(paused.step.by);
        env.setSelection(paused.target.getRange(paused.step.a1));
      }
    }
  });
  return { step, report, nested, moved: movedBy(step, report, target) };
}

/**
 * Runs the steps in order, each pause of a drafting run (a document being made, outside the lock)
 * starting the next step in full; the steps no pause reached run after, one by one. Outcomes in
 * the steps' order.
 */
function interleave(steps: readonly Step[], target = sheet): Outcome[] {
  const queue = steps.map((step, i) => ({ step, i }));
  const outcomes: Outcome[] = [];
  docs.onCall((call) => {
    const next = call.method === "create" ? queue.shift() : undefined;
    if (next) outcomes[next.i] = execute(next.step, `E${next.i}`, true, target);
  });
  while (queue.length) {
    const next = queue.shift()!;
    outcomes[next.i] = execute(next.step, `E${next.i}`, false, target);
  }
  docs.onCall(null);
  return outcomes;
}

/** Every move the runs reported, as user|ID|action, sorted; the same for the Log. */
function reportedMoves(outcomes: readonly Outcome[]): string[] {
  return outcomes.flatMap((o) => o.moved.map((id) => `${o.step.by}|${id}|${CAPTION[o.step.act]}`)).sort();
}
function loggedMoves(): string[] {
  return logLines().map((l) => `${l[1]}|${l[2]}|${l[3]}`).sort();
}

const step = (by: string, act: Act, a1: string, note?: string): Step => ({ by, act, a1, note });

// ---------------------------------------------------------------- drafters and approvers

/**
 * nasional-2026, 14 requests on rows 2-15, before the interleaving: 2-3 Siap Diserahkan, 4-5
 * Tanda Tangan, 6-7 Paraf Kabid, 8 Perbaikan (returned), 9-15 Draf.
 */
const BEFORE: Step[] = [
  step(OPERATOR, "draft", "A2:A8"),
  step(KABID, "approve", "A2:A5"),
  step(SIGNER, "approve", "A2:A3"),
  step(KABID, "return", "A8", "Alamat pada surat salah"),
];

/** The first step is the drafter whose pauses start the others. */
const MIXED: Record<string, Step[]> = {
  "separate rows": [
    step(OPERATOR, "draft", "A9:A12"),
    step(KABID, "approve", "A6"),
    step(SIGNER, "approve", "A4"),
    step(KABID, "return", "A7", "Nama penandatangan keliru"),
    step(OPERATOR2, "draft", "A13:A15"),
    step(OPERATOR2, "handOver", "A2"),
    step(OPERATOR3, "draft", "A8"),
    step(SIGNER, "return", "A5", "Tanda tangan belum sesuai"),
  ],
  "overlapping selections": [
    step(OPERATOR, "draft", "A6:A11"),
    step(KABID, "approve", "A4:A6"),
    step(SIGNER, "return", "A5:A6", "Tanda tangan belum sesuai"),
    step(SIGNER, "approve", "A3:A6"),
    step(KABID, "return", "A5:A8", "Nomor KK di surat salah"),
    step(OPERATOR2, "draft", "A8:A15"),
    step(OPERATOR2, "handOver", "A2:A5"),
    step(KABID, "approve", "A9:A15"),
    step(OPERATOR3, "draft", "A5:A9"),
    step(SIGNER, "approve", "A2:A15"),
  ],
  "the same rows": [
    step(OPERATOR, "draft", "A2:A15"),
    step(KABID, "return", "A2:A15", "Tanggal surat salah"),
    step(SIGNER, "return", "A2:A15", "Tanda tangan belum sesuai"),
    step(OPERATOR2, "handOver", "A2:A15"),
    step(OPERATOR2, "draft", "A2:A15"),
    step(KABID, "approve", "A2:A15"),
    step(SIGNER, "approve", "A2:A15"),
    step(OPERATOR3, "draft", "A2:A15"),
    step(KABID, "approve", "A2:A15"),
  ],
};

/** Which stamps a nasional-2026 row holds in each stage (a return clears the reviews' stamps). */
const STAMPS_AT: Record<string, { letter: boolean; paraf: boolean; signed: boolean; handedOver: boolean }> = {
  Draf: { letter: false, paraf: false, signed: false, handedOver: false },
  "Paraf Kabid": { letter: true, paraf: false, signed: false, handedOver: false },
  "Tanda Tangan": { letter: true, paraf: true, signed: false, handedOver: false },
  "Siap Diserahkan": { letter: true, paraf: true, signed: true, handedOver: false },
  Diserahkan: { letter: true, paraf: true, signed: true, handedOver: true },
  Perbaikan: { letter: true, paraf: false, signed: false, handedOver: false },
};

/** Who did a review, by the request's Log lines: the last approval of that stage since the last return. */
function reviewerOf(lines: readonly unknown[][], stage: string): string {
  let by = "";
  for (const l of lines) {
    if (l[3] === "Kembalikan") by = "";
    if (l[3] === "Setujui" && l[4] === stage) by = String(l[1]);
  }
  return by;
}

/** The stamps, stage, numbers, documents and Log of every row agree with each other. */
function expectConsistent(outcomes: readonly Outcome[]): void {
  expect(loggedMoves()).toEqual(reportedMoves(outcomes));
  const log = logLines();
  const numbers: string[] = [];
  for (const [row, id] of idsByRow()) {
    const lines = log.filter((l) => l[2] === id);
    const stage = String(cellOf(sheet, row, "Tahap"));
    const got = (header: string) => String(cellOf(sheet, row, header));
    // Tahap is where the last logged move took the request.
    expect({ id, stage }).toEqual({ id, stage: lines.length ? lines.at(-1)![5] : "Draf" });
    const want = STAMPS_AT[stage];
    expect({ id, stage, known: Boolean(want) }).toEqual({ id, stage, known: true });
    const paraf = want!.paraf ? reviewerOf(lines, "Paraf Kabid") : "";
    const signed = want!.signed ? reviewerOf(lines, "Tanda Tangan") : "";
    expect({ id, stage, stamps: [got("Paraf Oleh"), got("Paraf Pada"), got("Ditandatangani Oleh"), got("Ditandatangani Pada"), got("Diserahkan Pada")] })
      .toEqual({ id, stage, stamps: [paraf, paraf && STAMP, signed, signed && STAMP, want!.handedOver ? STAMP : ""] });
    if (want!.paraf) expect(paraf).toBe(KABID);
    if (want!.signed) expect(signed).toBe(SIGNER);
    // The number given at the first drafting stays through every redraft.
    const drafted = lines.filter((l) => l[3] === "Buat Draf Surat").map((l) => /Nomor ([^;\s]+)/.exec(String(l[6]))?.[1]);
    const number = got("Nomor Surat");
    if (want!.letter) {
      expect({ id, drafted }).toEqual({ id, drafted: drafted.map(() => number) });
      expect(number).toMatch(/^400\.9\.3\.2\/\d{3}\/Dinsos\/XI\/2026$/);
      expect(got("Tanggal Surat")).not.toBe("");
      expect(got("Tautan Surat")).toMatch(/^https:\/\/docs\.google\.com\/document\/d\/doc-\d+\/edit$/);
      numbers.push(number);
    } else {
      expect({ id, letter: [number, got("Tanggal Surat"), got("Tautan Surat")] }).toEqual({ id, letter: ["", "", ""] });
    }
  }
  expect(new Set(numbers).size).toBe(numbers.length);
  // One live document per request that has a letter, none made beside them.
  const links = column(sheet, "Tautan Surat").map(String).filter(Boolean);
  expect(new Set(links).size).toBe(links.length);
  expect([...docs.documents.values()].filter((d) => !d.deleted).map((d) => `https://docs.google.com/document/d/${d.id}/edit`).sort()).toEqual([...links].sort());
  expect(checkIntegrity(env.spreadsheet)).toBe('Sheet "Permohonan": setiap persetujuan tercatat di Log.');
}

/** 14 checked nasional-2026 requests on rows 2-15, every role, three operators. */
function nasionalOffice(): void {
  configureOffice(env, { profile: "nasional-2026", roles: [...ALL_ROLES, [OPERATOR2, "operator"], [OPERATOR3, "operator"]] });
  checkedRows(env, sheet, Array.from({ length: 14 }, (_, i) => eligibleFor("nasional-2026", `Pemohon ${i}`, i + 1)));
}

/** A new spreadsheet, documents and lock (for each case of a property). */
function startOver(): void {
  docs.uninstall();
  env.uninstall();
  env = freshEnv();
  docs = installFakeDocs();
  sheet = preparedSheet(env);
  locks = new SharedLockService();
  (globalThis as Record<string, unknown>)["LockService"] = locks.api;
  running = null;
}

describe("drafters and approvers interleaved (nasional-2026)", () => {
  beforeEach(nasionalOffice);

  test.each(Object.keys(MIXED))("%s: distinct numbers, stamps match Tahap, one Log line per reported move", (name) => {
    const before = BEFORE.map((s, i) => execute(s, `B${i}`, false));
    expect(column(sheet, "Tahap")).toEqual(["Siap Diserahkan", "Siap Diserahkan", "Tanda Tangan", "Tanda Tangan", "Paraf Kabid", "Paraf Kabid",
      "Perbaikan", ...Array(7).fill("Draf")]);
    const during = interleave(MIXED[name]!);
    // Most executions ran while a drafter was paused, and approvers among them.
    expect(during.filter((o) => o.nested).length).toBeGreaterThanOrEqual(3);
    expect(during.some((o) => o.nested && o.step.act !== "draft" && o.moved.length > 0)).toBe(true);
    // Both reviewers returned something: the signer's return clears the kabid's paraf.
    expect(during.filter((o) => o.step.act === "return" && o.moved.length > 0).map((o) => o.step.by).sort()).toEqual([KABID, SIGNER].sort());
    // One more drafting run finishes whatever is left in Draf or Perbaikan.
    const last = execute(step(OPERATOR, "draft", "A2:A15"), "E9", false);
    expect(column(sheet, "Tahap").filter((s) => s === "Draf" || s === "Perbaikan")).toEqual([]);
    expectConsistent([...before, ...during, last]);
  });

  test("random executions, paused at any Docs call, with the lock taken and freed by others at random: the same holds", () => {
    const anyStep = fc
      .record({
        by: fc.constantFrom(OPERATOR, OPERATOR2, KABID, SIGNER),
        act: fc.constantFrom<Act>("draft", "approve", "return", "handOver"),
        first: fc.integer({ min: 2, max: 15 }),
        size: fc.integer({ min: 0, max: 13 }),
      })
      // Drafting and hand-over by an operator: a reviewer's is refused whole, before any row.
      .map(({ by, act, first, size }) => step(act === "draft" || act === "handOver" ? (by === KABID ? OPERATOR3 : by === SIGNER ? OPERATOR : by) : by,
        act, `A${first}:A${Math.min(15, first + size)}`, act === "return" ? "Perbaiki surat" : undefined));
    // At each Docs call: nothing, the next execution in full, another execution takes the lock, or frees it.
    const event = fc.constantFrom("none", "run", "take", "free");
    let fresh = true;
    fc.assert(
      fc.property(fc.array(anyStep, { minLength: 3, maxLength: 12 }), fc.array(event, { minLength: 30, maxLength: 30 }), (steps, events) => {
        if (!fresh) {
          startOver();
          nasionalOffice();
        }
        fresh = false;
        const before = BEFORE.map((s, i) => execute(s, `B${i}`, false));
        const queue = steps.map((s, i) => ({ s, i }));
        const during: Outcome[] = [];
        let calls = 0;
        docs.onCall(() => {
          const what = events[calls++ % events.length];
          if (what === "take" && locks.owner === null) locks.owner = "other";
          if (what === "free" && locks.owner === "other") locks.owner = null;
          const next = what === "run" ? queue.shift() : undefined;
          if (next) during[next.i] = execute(next.s, `E${next.i}`, true);
        });
        for (let next = queue.shift(); next; next = queue.shift()) during[next.i] = execute(next.s, `E${next.i}`, false);
        docs.onCall(null);
        locks.owner = null;
        const last = execute(step(OPERATOR, "draft", "A2:A15"), "E99", false);
        expectConsistent([...before, ...during, last]);
      }),
      { numRuns: 40 },
    );
  });
});

// ---------------------------------------------------------------- minsel: numbers at Penomoran dan Stempel

const NUMBER = /^400\.9\.3\.2\/(\d{3})\/Dinsos\/XI\/2026$/;

/** Every number any run gave, by request, from the Log notes; each given once. */
function numbersInLog(): Map<string, string> {
  const byNumber = new Map<string, string>();
  for (const l of logLines()) {
    const number = /Nomor ([^;\s]+)/.exec(String(l[6]))?.[1];
    if (!number) continue;
    const id = String(l[2]);
    // A redraft names the request's number again; another request never does.
    expect({ number, id }).toEqual({ number, id: byNumber.get(number) ?? id });
    byNumber.set(number, id);
  }
  return byNumber;
}

describe("minsel: drafters interleaved with numbering at Penomoran dan Stempel", () => {
  beforeEach(() => {
    configureOffice(env, { profile: "minsel", roles: [...ALL_ROLES, [OPERATOR2, "operator"], [OPERATOR3, "operator"]] });
    checkedRows(env, sheet, Array.from({ length: 12 }, (_, i) => eligibleFor("minsel", `Pemohon ${i}`, i + 1)));
  });

  const SELECTIONS: Record<string, Step[]> = {
    "separate rows": [
      step(OPERATOR, "draft", "A8:A9"),
      step(OPERATOR2, "approve", "A2:A3"),
      step(OPERATOR3, "draft", "A10:A11"),
      step(OPERATOR, "approve", "A4:A5"),
      step(OPERATOR2, "approve", "A6:A7"),
    ],
    "overlapping selections": [
      step(OPERATOR, "draft", "A6:A9"),
      step(OPERATOR2, "approve", "A2:A5"),
      step(OPERATOR3, "draft", "A8:A11"),
      step(OPERATOR, "approve", "A4:A7"),
      step(OPERATOR3, "approve", "A3:A11"),
    ],
    "the same rows": [
      step(OPERATOR, "draft", "A2:A11"),
      step(OPERATOR2, "approve", "A2:A11"),
      step(OPERATOR3, "draft", "A2:A11"),
      step(OPERATOR, "approve", "A2:A11"),
      step(OPERATOR3, "approve", "A2:A11"),
    ],
  };

  test.each(Object.keys(SELECTIONS))("%s: every number given once, only at Penomoran dan Stempel", (name) => {
    // Rows 2-7 wait in Penomoran dan Stempel; 8-13 in Draf.
    const before = [step(OPERATOR, "draft", "A2:A7"), step(KABID, "approve", "A2:A7"), step(SIGNER, "approve", "A2:A7")].map((s, i) => execute(s, `B${i}`, false));
    expect(column(sheet, "Nomor Surat")).toEqual(Array(12).fill(""));
    const first = interleave(SELECTIONS[name]!);
    expect(first.filter((o) => o.nested).length).toBeGreaterThanOrEqual(2);
    expect(first.some((o) => o.nested && o.step.act === "approve" && o.moved.length > 0)).toBe(true);
    // Rows 8-11, drafted meanwhile, go through the reviews and are numbered while rows 12-13 are drafted.
    const later = [step(KABID, "approve", "A2:A11"), step(SIGNER, "approve", "A2:A11")].map((s, i) => execute(s, `C${i}`, false));
    const second = interleave([step(OPERATOR, "draft", "A12:A13"), step(OPERATOR2, "approve", "A2:A11"), step(OPERATOR, "approve", "A2:A13")]);
    expect(second.slice(1).map((o) => o.nested)).toEqual([true, true]);
    const outcomes = [...before, ...first, ...later, ...second];
    expect(loggedMoves()).toEqual(reportedMoves(outcomes));
    expect(column(sheet, "Tahap")).toEqual([...Array(10).fill("Siap Diserahkan"), "Paraf Kabid", "Paraf Kabid"]);

    const numbers = column(sheet, "Nomor Surat").map(String);
    expect(numbers.slice(10)).toEqual(["", ""]);
    expect(numbers.slice(0, 10).every((n) => NUMBER.test(n))).toBe(true);
    expect(new Set(numbers.slice(0, 10)).size).toBe(10);
    // Drafting gave none; each Penomoran dan Stempel gave one, logged once, on its own request.
    expect(logLines().filter((l) => l[3] === "Buat Draf Surat" && /Nomor/.test(String(l[6])))).toEqual([]);
    const given = numbersInLog();
    expect(given.size).toBe(10);
    for (const [row, id] of idsByRow()) {
      expect({ id, number: String(cellOf(sheet, row, "Nomor Surat")) }).toEqual({ id, number: [...given].find(([, i]) => i === id)?.[0] ?? "" });
    }
    // The sequence has no holes and no repeats: 001..010.
    expect(numbers.slice(0, 10).map((n) => Number(NUMBER.exec(n)![1])).sort((a, b) => a - b)).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
  });

  test("a spreadsheet with a sheet numbering at drafting beside a minsel sheet: one counter, no number twice", () => {
    const other = addRequestSheet("Permohonan Nasional", "nasional-2026");
    checkedRows(env, other, Array.from({ length: 4 }, (_, i) => eligibleFor("nasional-2026", `Nasional ${i}`, i + 20)));
    // The minsel rows 2-7 wait in Penomoran dan Stempel.
    const before = [step(OPERATOR, "draft", "A2:A7"), step(KABID, "approve", "A2:A7"), step(SIGNER, "approve", "A2:A7")].map((s, i) => execute(s, `B${i}`, false));
    // A drafter on the other sheet pauses at each document; operators number minsel rows meanwhile.
    const queue: Step[] = [step(OPERATOR2, "approve", "A2:A4"), step(OPERATOR3, "approve", "A5:A7")];
    const outcomes = [...before];
    docs.onCall((call) => {
      const next = call.method === "create" ? queue.shift() : undefined;
      if (next) outcomes.push(execute(next, `M${queue.length}`, true));
    });
    outcomes.push(execute(step(OPERATOR, "draft", "A2:A5"), "E0", false, other));
    docs.onCall(null);
    expect(queue).toEqual([]);
    expect(outcomes.filter((o) => o.nested).map((o) => o.moved.length)).toEqual([3, 3]);
    expect(loggedMoves()).toEqual(reportedMoves(outcomes));

    const numbers = [...column(sheet, "Nomor Surat"), ...column(other, "Nomor Surat")].map(String).filter(Boolean);
    expect(numbers).toHaveLength(10);
    expect(new Set(numbers).size).toBe(10);
    expect(numbersInLog().size).toBe(10);
    expect(numbers.map((n) => Number(NUMBER.exec(n)![1])).sort((a, b) => a - b)).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
  });
});

/** Adds a request sheet of `profile` to Pengaturan's table and lets Siapkan Sheet make it. */
function addRequestSheet(name: string, profile: string): GoogleAppsScript.Spreadsheet.Sheet {
  const settings = env.spreadsheet.getSheetByName("Pengaturan")!;
  const cells = settings.getDataRange().getValues();
  const at = cells.findIndex((r) => r[0] === "Sheet Permohonan");
  settings.insertRowsAfter(at + 2, 1);
  settings.getRange(at + 3, 1, 1, 2).setValues([[name, profile]]);
  env.setUser("admin@dinsos.go.id");
  setupSpreadsheet(env.spreadsheet, "admin@dinsos.go.id");
  return env.spreadsheet.getSheetByName(name)!;
}

// ---------------------------------------------------------------- a busy lock

describe("a busy lock", () => {
  beforeEach(() => {
    configureOffice(env, { profile: "nasional-2026", roles: [...ALL_ROLES, [OPERATOR2, "operator"]] });
    checkedRows(env, sheet, Array.from({ length: 6 }, (_, i) => eligibleFor("nasional-2026", `Pemohon ${i}`, i + 1)));
    // 2-3 Siap Diserahkan, 4 Tanda Tangan, 5 Paraf Kabid, 6-7 Draf.
    [step(OPERATOR, "draft", "A2:A5"), step(KABID, "approve", "A2:A4"), step(SIGNER, "approve", "A2:A3")].forEach((s, i) => execute(s, `B${i}`, false));
  });

  const state = () => ({
    values: sheet.getDataRange().getValues(),
    log: logLines(),
    properties: env.properties.document.api.getProperties(),
    documents: docs.documents.size,
  });

  test("while another execution holds it, every move and drafting run changes nothing and says so in Indonesian", () => {
    const others = [step(OPERATOR2, "draft", "A6:A7"), step(KABID, "approve", "A5"), step(SIGNER, "approve", "A4"),
      step(KABID, "return", "A5", "Nama salah"), step(OPERATOR2, "handOver", "A2:A3")];
    const refused: Outcome[] = [];
    let seen: ReturnType<typeof state> | null = null;
    let shown = "";
    // While the holder has read the sheet under the lock (and written nothing yet), the others try.
    const push = env.calls.push.bind(env.calls);
    env.calls.push = (...records) => {
      const n = push(...records);
      if (locks.owner === "H" && records.some((r) => r.method === "getDataRange" && r.sheet === "Permohonan")) {
        env.calls.push = push;
        seen = state();
        others.forEach((s, i) => refused.push(execute(s, `R${i}`, true)));
        // From the menu the user sees the same sentence, and no stack trace.
        env.setSelection(sheet.getRange("A6:A7"));
        env.setUser(OPERATOR2);
        locks.as("R-menu-draft", () => menuDraftLetters());
        env.setSelection(sheet.getRange("A5"));
        env.setUser(KABID);
        locks.as("R-menu-approve", () => menuApprove());
        shown = JSON.stringify([env.ui.alerts, env.toasts]);
        expect(state()).toEqual(seen);
      }
      return n;
    };
    const holder = execute(step(KABID, "approve", "A5"), "H", false);
    env.calls.push = push;
    expect(seen).not.toBeNull();
    expect(refused.map((o) => o.report)).toEqual(Array(others.length).fill(BUSY));
    expect(shown.split(BUSY)).toHaveLength(3);
    expect(shown).not.toMatch(/Error|\bat \w+ \(/);
    expect(locks.attempts.filter((a) => a.execution.startsWith("R")).map((a) => a.acquired)).toEqual(Array(others.length + 2).fill(false));
    // The holder's own move went through, logged once; the refused ones left no line.
    expect(holder.moved).toHaveLength(1);
    expect(cellOf(sheet, 5, "Tahap")).toBe("Tanda Tangan");
    expect(logLines().filter((l) => l[2] === holder.moved[0])).toHaveLength(2);
    expect(logLines().filter((l) => String(l[1]) === OPERATOR2 || l[3] === "Kembalikan")).toEqual([]);
  });

  test("a drafter whose write-back finds the lock taken leaves the sheet and Log as they were; the rerun reuses its documents and numbers", () => {
    const before = state();
    let taken = false;
    docs.onCall((call) => {
      // Another execution takes the lock while this drafter makes its documents, and keeps it.
      if (call.method === "create" && !taken) {
        taken = true;
        locks.owner = "other";
      }
    });
    const busy = execute(step(OPERATOR2, "draft", "A6:A7"), "D", false);
    docs.onCall(null);
    expect(busy.report).toContain("2 draf surat sudah dibuat, tetapi belum dicatat di sheet karena pengguna lain sedang memproses sheet ini. "
      + "Pilih baris yang sama dan jalankan Buat Draf Surat lagi: surat dan nomor yang sama akan dipakai.");
    const after = state();
    expect({ values: after.values, log: after.log }).toEqual({ values: before.values, log: before.log });
    const made = docs.documents.size - before.documents;
    expect(made).toBe(2);
    locks.owner = null;
    // Its leases ended with it: another operator may finish the rows, with no second document or number.
    const rerun = execute(step(OPERATOR, "draft", "A6:A7"), "D2", false);
    expect(rerun.moved).toHaveLength(2);
    expect(docs.documents.size - before.documents).toBe(made);
    const numbers = column(sheet, "Nomor Surat").map(String);
    expect(numbers.slice(4)).toEqual(["400.9.3.2/005/Dinsos/XI/2026", "400.9.3.2/006/Dinsos/XI/2026"]);
    expect(new Set(numbers).size).toBe(6);
  });
});
