/**
 * Spreadsheet and Docs calls on the typed fakes (test/fakes): Periksa Semua at 100, 1,000 and
 * 10,000 rows beside a naive per-cell implementation written here as the baseline, calls per
 * drafted letter and per onEdit. A call is a data round-trip as the fakes count it (isIoCall:
 * range reads and writes, structural changes); Docs calls are every DocumentApp/Document call.
 */
import { checkTable } from "../src/domain/check";
import { mapHeaders } from "../src/domain/columns";
import { todayInJakarta } from "../src/domain/dates";
import { RESULT_KEYS, rowOutput } from "../src/domain/outputs";
import { profileForSheet } from "../src/domain/settings";
import type { Cell } from "../src/domain/text";
import { checkAll, handleEdit } from "../src/gas/app";
import { draftLetters } from "../src/gas/letters";
import { loadSettings } from "../src/gas/settingsRepo";
import { parseA1 } from "../test/fakes/a1";
import { type FakeEnv, isIoCall } from "../test/fakes";
import { installFakeDocs } from "../test/fakes/document";
import { editEvent, eligible, freshEnv, preparedSheet, TODAY, writeRows } from "../test/gas/helpers";
import { checkedRows, configureOffice, OPERATOR } from "../test/gas/letterHelpers";

export const SIZES = [100, 1000, 10000] as const;

/** Calls and cells a run made (cells from each range call's A1 notation). */
export interface Traffic {
  calls: number;
  cells: number;
}

function traffic(env: FakeEnv, sheet: GoogleAppsScript.Spreadsheet.Sheet): Traffic {
  const io = env.calls.filter(isIoCall);
  let cells = 0;
  for (const c of io) {
    if (!c.a1) continue;
    const a = parseA1(c.a1, sheet.getMaxRows(), sheet.getMaxColumns());
    cells += a.numRows * a.numCols;
  }
  return { calls: io.length, cells };
}

const headers = (sheet: GoogleAppsScript.Spreadsheet.Sheet) => sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] as string[];

function requests(n: number): Record<string, unknown>[] {
  return Array.from({ length: n }, (_, i) => eligible(`Pemohon ${i}`, (i % 9999) + 1, i % 7 ? {} : { "Dok. KTP": false }));
}

/** The baseline: what a first version would do, one service call per cell read or written. */
function naiveCheckAll(sheet: GoogleAppsScript.Spreadsheet.Sheet, env: FakeEnv): void {
  const settings = loadSettings(env.spreadsheet).settings;
  const profile = profileForSheet(settings, sheet.getName());
  const width = sheet.getLastColumn();
  const height = sheet.getLastRow();
  const grid: Cell[][] = [];
  for (let r = 1; r <= height; r++) {
    const row: Cell[] = [];
    for (let c = 1; c <= width; c++) row.push(sheet.getRange(r, c).getDisplayValue());
    grid.push(row);
  }
  const table = checkTable(grid[0]!, grid.slice(1), profile, todayInJakarta(TODAY));
  const columns = mapHeaders(grid[0]!);
  for (const result of table.results) {
    const out = rowOutput(result, profile);
    for (const key of RESULT_KEYS) {
      const value = out[key];
      if (value !== null) sheet.getRange(result.row, columns[key]! + 1).setValue(value);
    }
    sheet.getRange(result.row, columns.checkResult! + 1).setNote(out.note);
  }
}

export interface CallFigures {
  periksaSemuaCalls: Record<string, number>;
  periksaSemuaCells: Record<string, number>;
  naiveCalls: Record<string, number>;
  naiveCells: Record<string, number>;
  callsPerLetter: number;
  sheetsCallsPerLetter: number;
  docsCallsPerLetter: number;
  docsCreatesPerLetter: number;
  /** An edit that changes the row's result (values and notes written). */
  callsPerEdit: number;
  /** An edit whose result values stay (only the notes written). */
  callsPerEditUnchanged: number;
  letters: number;
}

export function measureCalls(): CallFigures {
  const out: CallFigures = {
    periksaSemuaCalls: {}, periksaSemuaCells: {}, naiveCalls: {}, naiveCells: {},
    callsPerLetter: 0, sheetsCallsPerLetter: 0, docsCallsPerLetter: 0, docsCreatesPerLetter: 0, callsPerEdit: 0, callsPerEditUnchanged: 0, letters: 0,
  };
  for (const n of SIZES) {
    for (const kind of ["periksaSemua", "naive"] as const) {
      const env = freshEnv();
      try {
        const sheet = preparedSheet(env);
        writeRows(sheet, requests(n));
        env.resetCalls();
        if (kind === "naive") naiveCheckAll(sheet, env);
        else checkAll(env.spreadsheet, TODAY);
        const t = traffic(env, sheet);
        out[`${kind}Calls`][String(n)] = t.calls;
        out[`${kind}Cells`][String(n)] = t.cells;
      } finally {
        env.uninstall();
      }
    }
  }

  // Drafting: 20 checked rows, drafted by an operator in one batch.
  const env = freshEnv();
  const docs = installFakeDocs();
  try {
    const sheet = preparedSheet(env);
    configureOffice(env);
    const LETTERS = 20;
    checkedRows(env, sheet, requests(LETTERS).map((r) => ({ ...r, "Dok. KTP": true })));
    env.setUser(OPERATOR);
    docs.resetCalls();
    env.resetCalls();
    draftLetters(env.spreadsheet, { now: TODAY });
    const sheets = traffic(env, sheet).calls;
    out.letters = LETTERS;
    out.sheetsCallsPerLetter = sheets / LETTERS;
    out.docsCallsPerLetter = docs.calls.length / LETTERS;
    out.docsCreatesPerLetter = docs.calls.filter((c) => c.method === "create" || c.method === "makeCopy").length / LETTERS;
    out.callsPerLetter = out.sheetsCallsPerLetter + out.docsCallsPerLetter;

    // onEdit: a NIK typed into row 10 of the drafted sheet (its settings copy is in properties).
    env.resetCalls();
    const nikCol = headers(sheet).indexOf("NIK") + 1;
    const cell = sheet.getRange(10, nikCol);
    cell.setValue("3273014101900099");
    env.resetCalls();
    handleEdit(editEvent(cell));
    out.callsPerEditUnchanged = traffic(env, sheet).calls;

    // The usual edit changes the row's result: "Dok. KTP" unticked in row 11 (Layak -> Berkas Belum Lengkap).
    const ktp = sheet.getRange(11, headers(sheet).indexOf("Dok. KTP") + 1);
    ktp.setValues([[false]]);
    env.resetCalls();
    handleEdit(editEvent(ktp));
    out.callsPerEdit = traffic(env, sheet).calls;
  } finally {
    docs.uninstall();
    env.uninstall();
  }
  return out;
}
