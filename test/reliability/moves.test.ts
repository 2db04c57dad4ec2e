/**
 * Rows sorted, inserted or deleted and columns moved between a read and the write that follows:
 * each result lands on its own request (found again by ID), or the row is left and reported.
 * Periksa Semua (between its two reads) and Buat Draf Surat (while a document is made).
 */
import { checkAll } from "../../src/gas/app";
import { draftLetters } from "../../src/gas/letters";
import type { FakeEnv } from "../fakes";
import { type FakeDocs, installFakeDocs } from "../fakes/document";
import { column, eligible, headerIndex, onSecondRead, TODAY, writeRows, openSheet } from "../gas/helpers";
import { checkedRows, configureOffice, OPERATOR } from "../gas/letterHelpers";

let env: FakeEnv;
let sheet: GoogleAppsScript.Spreadsheet.Sheet;
beforeEach(() => ({ env, sheet } = openSheet()));
afterEach(() => env.uninstall());

type Change = (s: GoogleAppsScript.Spreadsheet.Sheet) => void;
const col = (h: string) => headerIndex(sheet).get(h)! + 1;
/** Changes another user might make; "Dedi" is a row they insert, "Budi" the row they delete. */
const CHANGES: Record<string, Change> = {
  "sort by name, descending": (s) => s.sort(col("Nama"), false),
  "a row inserted above": (s) => {
    s.insertRowsBefore(2, 1);
    s.getRange(2, col("Nama")).setValue("Dedi");
  },
  "a row deleted": (s) => s.deleteRow(3),
  "Keputusan moved to column A": (s) => s.moveColumns(s.getRange(1, col("Keputusan"), 1, 1), 1),
  "NIK moved to the end": (s) => s.moveColumns(s.getRange(1, col("NIK"), 1, 1), s.getLastColumn() + 1),
  "sort, insert and delete together": (s) => {
    s.sort(col("Nama"), false);
    s.insertRowsBefore(2, 2);
    s.deleteRow(5);
  },
};

const decisions = () => {
  const names = column(sheet, "Nama");
  const values = column(sheet, "Keputusan");
  return Object.fromEntries(names.map((n, i) => [String(n), values[i]]).filter(([n]) => n !== ""));
};

test.each(Object.keys(CHANGES))("Periksa Semua: %s between reading and writing", (name) => {
  writeRows(sheet, [eligible("Ani", 1), eligible("Budi", 2, { "Dok. KTP": false }), eligible("Citra", 3, { NIK: "123" })]);
  checkAll(env.spreadsheet, TODAY); // IDs for every row
  // Each row's input changes so every result would be rewritten: Ani incomplete, Budi eligible, Citra valid.
  const ktp = headerIndex(sheet).get("Dok. KTP")!;
  const nikCol = headerIndex(sheet).get("NIK")!;
  sheet.getRange(2, ktp + 1, 2, 1).setValues([[false], [true]]);
  sheet.getRange(4, nikCol + 1).setValue("3273014101900003");
  onSecondRead(env, () => CHANGES[name]!(sheet));
  const message = checkAll(env.spreadsheet, TODAY);
  const expected: Record<string, string> = { Ani: "Berkas Belum Lengkap", Budi: "Layak", Citra: "Layak" };
  const got = decisions();
  for (const [who, decision] of Object.entries(got)) {
    if (who === "Dedi") expect([who, decision]).toEqual([who, ""]);
    else expect([who, decision]).toEqual([who, expected[who]]);
  }
  if (!("Budi" in got)) expect(message).toContain("berpindah atau terhapus");
});

describe("Buat Draf Surat", () => {
  let docs: FakeDocs & { uninstall(): void };
  beforeEach(() => {
    docs = installFakeDocs();
    configureOffice(env);
  });
  afterEach(() => docs.uninstall());

  test.each(Object.keys(CHANGES))("%s while the first document is made", (name) => {
    checkedRows(env, sheet, [eligible("Ani", 1), eligible("Budi", 2), eligible("Citra", 3)]);
    env.setUser(OPERATOR);
    let changed = false;
    docs.onCall((call) => {
      if (changed || call.method !== "create") return;
      changed = true;
      CHANGES[name]!(sheet);
    });
    draftLetters(env.spreadsheet, { now: TODAY });
    docs.onCall(null);
    // Each letter link is on the row of the person the document names.
    const names = column(sheet, "Nama").map(String);
    const links = column(sheet, "Tautan Surat").map(String);
    let linked = 0;
    names.forEach((who, i) => {
      const id = /\/d\/([\w-]+)/.exec(links[i]!)?.[1];
      if (!id) return;
      linked++;
      expect([who, docs.documents.get(id)!.allText().includes(who)]).toEqual([who, true]);
    });
    // Rows not written this time are finished by a rerun, with the documents already made.
    draftLetters(env.spreadsheet, { now: TODAY });
    const live = [...docs.documents.values()].filter((d) => !d.deleted).length;
    const finished = column(sheet, "Tautan Surat").filter((l) => String(l).includes("/d/")).length;
    expect(finished).toBeGreaterThanOrEqual(linked);
    expect(live).toBe(finished + (names.includes("Budi") ? 0 : 1));
    expect(new Set(column(sheet, "Nomor Surat").filter(Boolean)).size).toBe(finished);
  });
});
