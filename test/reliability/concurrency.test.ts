/**
 * Interleaved drafters: each operator's run pauses while Google makes a document (outside the
 * lock) and the next operator's run happens then, nested three deep, over overlapping and separate
 * selections. No letter number is shared, no row loses its stamp (number, date, link, stage, log).
 * Approvers are not here: src/gas/approvals.ts is not on this branch yet.
 */
import { draftLetters } from "../../src/gas/letters";
import type { FakeEnv } from "../fakes";
import { type FakeDocs, installFakeDocs, SharedLockService } from "../fakes/document";
import { column, eligible, freshEnv, preparedSheet, TODAY } from "../gas/helpers";
import { checkedRows, configureOffice, KABID, OPERATOR, OPERATOR2 } from "../gas/letterHelpers";

const OPERATOR3 = "operator3@dinsos.go.id";
let env: FakeEnv;
let docs: FakeDocs & { uninstall(): void };
let sheet: GoogleAppsScript.Spreadsheet.Sheet;
beforeEach(() => {
  env = freshEnv();
  docs = installFakeDocs();
  sheet = preparedSheet(env);
  configureOffice(env, { roles: [["admin@dinsos.go.id", "admin"], [OPERATOR, "operator"], [OPERATOR2, "operator"], [OPERATOR3, "operator"], [KABID, "kabid"]] });
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
  const locks = new SharedLockService();
  (globalThis as Record<string, unknown>)["LockService"] = locks.api;
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
  const log = env.spreadsheet.getSheetByName("Log")!.getDataRange().getValues().slice(1).filter((l) => l[3] === "Buat Draf Surat");
  expect(log.map((l) => String(l[2])).sort()).toEqual(column(sheet, "ID Permohonan").map(String).sort());
  if (name !== "the same rows") expect(new Set(log.map((l) => l[1])).size).toBeGreaterThan(1); // nested runs drafted too
  // One live document per request.
  expect([...docs.documents.values()].filter((d) => !d.deleted)).toHaveLength(rows.length);
});
