/**
 * Faults in a drafting batch: a Docs or Sheets failure at each step (that call and every later one
 * in the run fail, as in an outage or a spent quota), then a rerun with the service back. The
 * rerun finishes every row with no duplicate document, letter number or log line.
 */
import { draftLetters } from "../../src/gas/letters";
import type { FakeEnv } from "../fakes";
import { isIoCall } from "../fakes";
import { type FakeDocs, installFakeDocs } from "../fakes/document";
import { column, eligible, freshEnv, preparedSheet, TODAY } from "../gas/helpers";
import { checkedRows, configureOffice, OPERATOR } from "../gas/letterHelpers";

const ROWS = 3;
let env: FakeEnv;
let docs: FakeDocs & { uninstall(): void };
let sheet: GoogleAppsScript.Spreadsheet.Sheet;

function start(): void {
  env = freshEnv();
  docs = installFakeDocs();
  sheet = preparedSheet(env);
  configureOffice(env);
  checkedRows(env, sheet, Array.from({ length: ROWS }, (_, i) => eligible(`Pemohon ${i}`, i + 1)));
  env.setUser(OPERATOR);
  docs.resetCalls();
}
function stop(): void {
  docs.uninstall();
  env.uninstall();
}
const draft = () => {
  try {
    return draftLetters(env.spreadsheet, { now: TODAY });
  } catch (error) {
    return `threw: ${(error as Error).message}`;
  }
};

/** Everything a finished batch must show, as one comparable object. */
function outcome() {
  const links = column(sheet, "Tautan Surat").map((l) => /\/d\/([\w-]+)/.exec(String(l))?.[1] ?? "");
  const log = env.spreadsheet.getSheetByName("Log")!.getDataRange().getValues().slice(1).filter((l) => l[3] === "Buat Draf Surat");
  const live = [...docs.documents.values()].filter((d) => !d.deleted).map((d) => d.id).sort();
  return {
    stages: column(sheet, "Tahap"),
    distinctNumbers: new Set(column(sheet, "Nomor Surat").filter(Boolean)).size,
    linkedDocs: [...new Set(links.filter(Boolean))].sort(),
    liveDocs: live,
    logIds: log.map((l) => String(l[2])).sort(),
  };
}

function expectFinished(label: string): void {
  const o = outcome();
  const ids = column(sheet, "ID Permohonan").map(String).sort();
  expect({ label, ...o }).toEqual({
    label, stages: Array(ROWS).fill("Paraf Kabid"), distinctNumbers: ROWS, linkedDocs: o.liveDocs, liveDocs: o.liveDocs, logIds: ids,
  });
  expect(o.liveDocs).toHaveLength(ROWS);
}

/** Calls a clean batch makes: Docs calls, and Sheets data round-trips. */
function cleanRun(): { docs: number; sheets: number; logWrite: number } {
  start();
  try {
    env.resetCalls();
    draft();
    expectFinished("clean");
    const io = env.calls.filter(isIoCall);
    return { docs: docs.calls.length, sheets: io.length, logWrite: io.findIndex((c) => c.sheet === "Log" && c.method === "setValues") + 1 };
  } finally {
    stop();
  }
}
const counts = cleanRun();
/** About 25 steps spread over the batch, the first and last included. */
const steps = (n: number) => [...new Set([...Array.from({ length: 25 }, (_, i) => 1 + Math.floor((i * (n - 1)) / 24))])];

test.each(steps(counts.docs))("Docs fails from call %i of the batch on; the rerun finishes cleanly", (k) => {
  start();
  try {
    docs.failAt(k, "Service unavailable: Docs", true);
    expect(draft()).not.toContain("threw: Error");
    docs.clearFailures();
    draft();
    expectFinished(`docs ${k}`);
  } finally {
    stop();
  }
});

function sheetsFailFrom(k: number): void {
  start();
  try {
    let n = 0;
    let failing = true;
    const push = env.calls.push.bind(env.calls);
    env.calls.push = (...records) => {
      for (const r of records) if (failing && isIoCall(r) && ++n >= k) throw new Error("Service Spreadsheets failed while accessing document with id ss-1.");
      return push(...records);
    };
    draft();
    failing = false;
    draft();
    expectFinished(`sheets ${k}`);
  } finally {
    stop();
  }
}

test.each(steps(counts.sheets).filter((k) => k !== counts.logWrite))("Sheets fails from data call %i of the batch on; the rerun finishes cleanly", sheetsFailFrom);

// The Log append alone fails: the rows have moved on, so the rerun drafts nothing; the lines
// waited in document properties and the rerun appends them (src/gas/auditLog.ts, commitMoves).
test("Sheets fails at the Log append; the rerun writes the missing log lines", () => {
  expect(counts.logWrite).toBeGreaterThan(0);
  sheetsFailFrom(counts.logWrite);
});
