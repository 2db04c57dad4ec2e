/**
 * `pbijk check --spreadsheet --write` leaves the same findings notes as the add-on's Periksa Semua
 * on the same rows: the add-on runs on the Apps Script fakes, the CLI against the Sheets API stub.
 */
import { checkAll } from "../../src/gas/app";
import { eligible, freshEnv, headerIndex, nik, preparedSheet, TODAY, writeRows } from "../gas/helpers";
import { liveCli, type Stub, startStub, type Value } from "./liveStub";

jest.setTimeout(20_000);

let stub: Stub | undefined;
afterEach(async () => {
  await stub?.close();
});

test("the CLI writes the add-on's own note on every row, and clears it where the add-on does", async () => {
  const env = freshEnv();
  let grid: Value[][];
  let addOnNotes: string[];
  let noteColumn: number;
  try {
    const sheet = preparedSheet(env);
    const id = (n: number) => ({ "ID Permohonan": `PBI-2026-${String(n).padStart(5, "0")}` });
    writeRows(sheet, [
      eligible("Siti", 1, id(1)),
      eligible("Budi", 2, { ...id(2), "Nomor KK": nik(2) }),
      eligible("Ani", 3, { ...id(3), NIK: "32730141019", "Nomor KK": "" }),
      eligible("Joko", 4, { ...id(4), NIK: nik(1) }),
      eligible("Rina", 5, { ...id(5), "Tanggal SK Penonaktifan": "31/02/2026" }),
    ]);
    const last = sheet.getLastRow();
    const width = sheet.getLastColumn();
    grid = sheet.getRange(1, 1, last, width).getValues().map((row) => row.map((cell) => {
      if (typeof cell === "string" || typeof cell === "number" || typeof cell === "boolean") return cell;
      throw new Error(`cell ${String(cell)} not modelled by this test`);
    }));
    checkAll(env.spreadsheet, TODAY);
    noteColumn = headerIndex(sheet).get("Hasil Pemeriksaan")!;
    addOnNotes = sheet.getRange(2, noteColumn + 1, last - 1, 1).getNotes().map((r) => r[0]!);
  } finally {
    env.uninstall();
  }
  expect(addOnNotes.filter(Boolean).length).toBeGreaterThanOrEqual(3);

  const notes = new Map(grid.slice(1).map((_, i) => [`${i + 1},${noteColumn}`, "catatan pemeriksaan lama"]));
  stub = await startStub({ S1: { title: "Dinsos", sheets: { Permohonan: { values: grid, notes, sheetId: 42 } } } });
  const r = await liveCli(stub, ["check", "--spreadsheet", "S1", "--today", "2026-11-24", "--write"]);
  expect(r.stderr).toContain("dengan catatan temuannya");
  expect(r.code).toBe(0);
  const cliNotes = grid.slice(1).map((_, i) => notes.get(`${i + 1},${noteColumn}`) ?? "");
  expect(cliNotes).toEqual(addOnNotes);
});
