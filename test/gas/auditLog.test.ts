/**
 * A move writes its rows, then its Log lines; the lines wait in document properties in between.
 * When only the Log append fails, the next action under the lock appends them; lines whose row
 * write never landed are dropped, never guessed.
 */
import { approve, checkIntegrity } from "../../src/gas/approvals";
import { commitMoves, withMoveLock } from "../../src/gas/auditLog";
import { draftLetters } from "../../src/gas/letters";
import { type FakeEnv, isIoCall } from "../fakes";
import { cellOf, eligible, headerIndex, TODAY, closeOffice, type Office, openOffice } from "./helpers";
import { checkedRows, configureOffice, KABID, OPERATOR } from "./letterHelpers";

let env: FakeEnv;
let sheet: GoogleAppsScript.Spreadsheet.Sheet;
let docs: Office["docs"];
beforeEach(() => ({ env, sheet, docs } = openOffice()));
afterEach(() => closeOffice({ env, docs }));

const logLines = () => {
  const s = env.spreadsheet.getSheetByName("Log")!;
  return s.getLastRow() < 2 ? [] : s.getRange(2, 1, s.getLastRow() - 1, 7).getValues();
};
const journal = () => Object.keys(env.properties.document.getProperties()).filter((k) => k.startsWith("pbijk.pendingLog"));

/** Every write to the Log sheet fails while `on` is true, as in a quota or an outage. */
function logWritesFail(): { off(): void } {
  let on = true;
  const push = env.calls.push.bind(env.calls);
  env.calls.push = (...records) => {
    for (const r of records) if (on && isIoCall(r) && r.sheet === "Log" && r.method === "setValues") throw new Error("Service Spreadsheets failed while accessing document with id ss-1.");
    return push(...records);
  };
  return { off: () => (on = false) };
}

test("Setujui whose Log append fails: the stamp stays, and Periksa Integritas first appends the waiting line", () => {
  configureOffice(env);
  env.setUser(OPERATOR);
  checkedRows(env, sheet, [eligible("Siti", 1)]);
  draftLetters(env.spreadsheet, { now: TODAY });
  const before = logLines().length;
  const failure = logWritesFail();
  env.setUser(KABID);
  expect(() => approve(env.spreadsheet, [2], undefined, TODAY)).toThrow("Service Spreadsheets failed");
  failure.off();
  expect(cellOf(sheet, 2, "Paraf Oleh")).toBe(KABID);
  expect(logLines()).toHaveLength(before);
  expect(journal().length).toBeGreaterThan(0);

  expect(checkIntegrity(env.spreadsheet)).toContain("setiap persetujuan tercatat di Log");
  const added = logLines().slice(before);
  expect(added).toHaveLength(1);
  expect(added[0]!.slice(1, 6)).toEqual([KABID, cellOf(sheet, 2, "ID Permohonan"), "Setujui", "Paraf Kabid", "Tanda Tangan"]);
  expect(journal()).toEqual([]);
  // A second look appends nothing more.
  checkIntegrity(env.spreadsheet);
  expect(logLines()).toHaveLength(before + 1);
});

/** Rows with an ID and a Tahap, as a check leaves them. */
function rows(count: number, stage: string): string[] {
  const headers = headerIndex(sheet);
  const width = sheet.getLastColumn();
  const ids = Array.from({ length: count }, (_, i) => `PBI-2026-${String(i + 1).padStart(5, "0")}`);
  const grid = ids.map((id) => {
    const row = Array<string>(width).fill("");
    row[headers.get("ID Permohonan")!] = id;
    row[headers.get("Tahap")!] = stage;
    return row;
  });
  sheet.getRange(2, 1, count, width).setValues(grid);
  return ids;
}

test("a large batch waits in several property values (each under 9 KB) and is appended whole", () => {
  const ids = rows(300, "Tanda Tangan");
  const note = "Catatan panjang dari Kepala Bidang tentang berkas yang perlu dilengkapi. ".repeat(3);
  const pending = ids.map((id) => ({ sheetId: sheet.getSheetId(), line: ["2026-11-24 10:00", KABID, id, "Setujui", "Paraf Kabid", "Tanda Tangan", note] }));
  const failure = logWritesFail();
  expect(() => withMoveLock(env.spreadsheet, () => commitMoves(env.spreadsheet, pending, () => undefined))).toThrow("Service Spreadsheets failed");
  failure.off();
  expect(journal().length).toBeGreaterThan(10);
  for (const value of Object.values(env.properties.document.getProperties())) expect(Buffer.byteLength(value, "utf8")).toBeLessThan(9 * 1024);

  withMoveLock(env.spreadsheet, () => undefined);
  expect(logLines().map((l) => l[2])).toEqual(ids);
  expect(logLines()[0]![6]).toBe(note);
  expect(journal()).toEqual([]);
});

test("lines whose rows never moved are dropped, not appended", () => {
  const ids = rows(2, "Paraf Kabid");
  const pending = ids.map((id) => ({ sheetId: sheet.getSheetId(), line: ["2026-11-24 10:00", KABID, id, "Setujui", "Paraf Kabid", "Tanda Tangan", ""] }));
  // The row write fails after the journal is saved: nothing moved.
  expect(() => withMoveLock(env.spreadsheet, () => commitMoves(env.spreadsheet, pending, () => {
    sheet.getRange(2, headerIndex(sheet).get("Tahap")! + 1).setValue("Tanda Tangan");
    throw new Error("Service Spreadsheets failed while accessing document with id ss-1.");
  }))).toThrow();
  withMoveLock(env.spreadsheet, () => undefined);
  // Only the first row's write landed before the failure.
  expect(logLines().map((l) => l[2])).toEqual([ids[0]]);
  expect(journal()).toEqual([]);
});

test("with nothing waiting, taking the lock costs one property read and no spreadsheet call", () => {
  env.resetCalls();
  withMoveLock(env.spreadsheet, () => undefined);
  expect(env.calls.filter(isIoCall)).toEqual([]);
  expect(logLines()).toEqual([]);
});

/** Saves lines as a failed run would leave them: rows written, Log append failed. */
function leaveWaiting(pending: { sheetId: number; line: string[] }[]): void {
  const failure = logWritesFail();
  expect(() => withMoveLock(env.spreadsheet, () => commitMoves(env.spreadsheet, pending, () => undefined))).toThrow();
  failure.off();
}
const approval = (id: string, note = "") => ["2026-11-24 10:00", KABID, id, "Setujui", "Paraf Kabid", "Tanda Tangan", note];

test("a request moved on since (a check, a later move) still gets its line; a renamed sheet keeps its lines", () => {
  const ids = rows(2, "Penomoran dan Stempel");
  leaveWaiting(ids.map((id) => ({ sheetId: sheet.getSheetId(), line: approval(id) })));
  sheet.setName("Permohonan 2026");
  withMoveLock(env.spreadsheet, () => undefined);
  expect(logLines().map((l) => l[2])).toEqual(ids);
});

test("lines the Log already ends with are not appended twice (the journal outlived its append)", () => {
  const ids = rows(2, "Tanda Tangan");
  const pending = ids.map((id) => ({ sheetId: sheet.getSheetId(), line: approval(id, "berkas lengkap") }));
  withMoveLock(env.spreadsheet, () => commitMoves(env.spreadsheet, pending, () => undefined));
  expect(logLines()).toHaveLength(2);
  // As if clearing the journal had failed after the append.
  const text = JSON.stringify(pending);
  env.properties.document.setProperties({ "pbijk.pendingLog": "1", "pbijk.pendingLog.0": text });
  withMoveLock(env.spreadsheet, () => undefined);
  expect(logLines()).toHaveLength(2);
  expect(journal()).toEqual([]);
});

test("notes in any script are saved within the byte limit per value and come back whole", () => {
  const ids = rows(40, "Tanda Tangan");
  const note = "Catatan: berkas “lengkap” ✓ — ditinjau ulang 🙂 ".repeat(20);
  leaveWaiting(ids.map((id) => ({ sheetId: sheet.getSheetId(), line: approval(id, note) })));
  for (const value of Object.values(env.properties.document.getProperties())) expect(Buffer.byteLength(value, "utf8")).toBeLessThanOrEqual(8000);
  withMoveLock(env.spreadsheet, () => undefined);
  expect(logLines().map((l) => l[6])).toEqual(ids.map(() => note));
});

test("while waiting lines cannot be written, a check still runs and a move stops before it changes anything", () => {
  const ids = rows(1, "Tanda Tangan");
  leaveWaiting(ids.map((id) => ({ sheetId: sheet.getSheetId(), line: approval(id) })));
  const failure = logWritesFail();
  expect(withMoveLock(env.spreadsheet, () => "checked")).toBe("checked");
  const move = () => withMoveLock(env.spreadsheet, () => commitMoves(env.spreadsheet, [{ sheetId: sheet.getSheetId(), line: approval("PBI-2026-09999") }], () => {
    throw new Error("rows must not be written");
  }));
  expect(move).toThrow('Baris "Log" dari tindakan sebelumnya belum dapat ditulis, jadi tindakan ini belum dijalankan dan tidak ada yang diubah.');
  failure.off();
  expect(journal().length).toBeGreaterThan(0);
  withMoveLock(env.spreadsheet, () => undefined);
  expect(logLines().map((l) => l[2])).toEqual(ids);
});
