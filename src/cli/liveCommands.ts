/** The `pbijk` commands on live spreadsheets: check --spreadsheet, export, rekap. */
import { setupProblem } from "../domain/check";
import { headerOf, mapHeaders } from "../domain/columns";
import type { IsoDate } from "../domain/dates";
import { RESULT_KEYS } from "../domain/outputs";
import { guardFormula } from "../domain/privacy";
import { cellText } from "../domain/text";
import type { Profile } from "../domain/profiles";
import { type Rekap, rekapCellText, type RekapSource, rekapLayout, summarise } from "../domain/rekap";
import { SETTINGS_SHEET } from "../domain/settings";
import { planWrites } from "../domain/writePlan";
import { HELP, UsageError } from "./args";
import { InputError, writeCsv } from "./csv";
import type { CliIo } from "./io";
import { blockRanges, bpjsRecords, mapBounded, noteBatches, quoteSheet, readGrid, readSheet } from "./live";
import { officeName, officeProfile, profileLabel } from "./officeProfile";
import { reportCheck } from "./report";
import { connect, SCOPE_READ, SCOPE_WRITE, SheetsError } from "./sheetsApi";
import { writeXlsx } from "./xlsx";

export const BPJS_TARGET_SHEET = "Untuk BPJS";
/** Offices read at once: quick, and far below the per-minute read quota of one project. */
export const REKAP_CONCURRENCY = 4;

/** `chosen`: the `--profile` given, if any; otherwise the office's own from its `Pengaturan`. */
export async function checkSpreadsheet(
  spreadsheetId: string,
  sheet: string | undefined,
  chosen: Profile | undefined,
  today: IsoDate,
  options: { json: boolean; write: boolean; output: string | undefined },
  io: CliIo,
): Promise<number> {
  const client = await connect(io.env ?? {}, options.write ? SCOPE_WRITE : SCOPE_READ);
  const live = await readSheet(client, spreadsheetId, sheet, { settings: true });
  const office = officeProfile(live, chosen);
  if (options.write && office.blocking !== undefined) {
    // Results under guessed rules would contradict what the add-on writes in the same sheet.
    io.stderr(
      `pbijk: ${officeName(live)}: ${office.blocking}, jadi aturan kantor ini tidak diketahui; tidak ada yang ditulis. ` +
        `Perbaiki sheet "${SETTINGS_SHEET}", atau sebutkan aturannya dengan --profile ID.\n`,
    );
    return 2;
  }
  if (office.notice) io.stderr(`pbijk: ${office.notice}\n`);
  const profile = office.profile;
  const [headers = [], ...rows] = live.grid;
  const input = { delimiter: "," as const, sheetName: live.sheetName, headers, rows, notes: [] };
  const { code, check } = await reportCheck(input, profile, today, options.json, options.output, io);
  if (!options.write || !check || code !== 0) return code;

  // Re-read just before writing: a row sorted away is found by its ID, one edited meanwhile is refused.
  const current = await readGrid(client, spreadsheetId, live.sheetName);
  const plan = planWrites({ read: live.grid, current, results: check.results, profile, normalisePhones: false, clearOtherNotes: false });
  const columns = mapHeaders(current[0] ?? []);
  const missing = RESULT_KEYS.filter((k) => columns[k] === undefined && k !== "stage");
  const missingHeaders = missing.map((k) => `"${headerOf(k)}"`).join(", ");
  if (missing.length === RESULT_KEYS.length - 1) {
    throw new SheetsError(`sheet "${live.sheetName}" belum punya kolom hasil (${missingHeaders}); tidak ada yang ditulis. Jalankan Siapkan Sheet di add-on lalu ulangi --write.`);
  }
  const writes: { row: number; cells: Map<number, string> }[] = [];
  for (const { row, output } of plan.written) {
    const cells = new Map<number, string>();
    for (const key of RESULT_KEYS) {
      const column = columns[key];
      const value = output[key];
      if (column === undefined || value === null) continue;
      // USER_ENTERED so the ISO deadline becomes a date; every other text is kept from running as a formula.
      cells.set(column, key === "deadline" ? value : guardFormula(value));
    }
    writes.push({ row, cells });
  }
  const data = blockRanges(live.sheetName, writes);
  const what = `spreadsheet ${spreadsheetId}`;
  if (data.length) {
    await client.call(what, () =>
      client.api.spreadsheets.values.batchUpdate({ spreadsheetId, requestBody: { valueInputOption: "USER_ENTERED", data } }),
    );
  }
  // The values API has no notes: one more request (more only past NOTE_BATCH_BYTES), so no written row
  // keeps a note from an older check. Notes are never evaluated: no formula guard.
  let notesFailed: string | undefined;
  for (const requests of noteBatches(live.sheetId, plan)) {
    try {
      await client.call(what, () => client.api.spreadsheets.batchUpdate({ spreadsheetId, requestBody: { requests } }));
    } catch (error) {
      if (!(error instanceof SheetsError)) throw error;
      notesFailed = error.message;
      break;
    }
  }
  const written = `hasil ${plan.written.length} permohonan`;
  const where = `sheet "${live.sheetName}"`;
  const noteHeader = `"${cellText(current[0]?.[plan.noteColumn])}"`;
  if (notesFailed !== undefined) {
    io.stderr(
      `pbijk: ${written} sudah ditulis ke ${where}, tetapi catatan temuannya di ${noteHeader} gagal ditulis: ${notesFailed} ` +
        "Catatan yang ada bisa masih dari pemeriksaan lama; jalankan pbijk check --write lagi.\n",
    );
  } else if (plan.noteColumn < 0) io.stderr(`pbijk: ${written} ditulis ke ${where}.\n`);
  else io.stderr(`pbijk: ${written} ditulis ke ${where}, dengan catatan temuannya di ${noteHeader}.\n`);
  if (plan.refused.length) {
    const list = plan.refused.map((r) => `baris ${r.row} (${r.reason === "moved" ? "ID-nya tidak ditemukan lagi" : "isinya berubah sejak dibaca"})`);
    io.stderr(`pbijk: ${plan.refused.length} baris tidak ditulis karena sheet berubah selama pemeriksaan: ${list.join(", ")}. Jalankan pbijk check --write lagi.\n`);
  }
  if (missing.length) io.stderr(`pbijk: kolom hasil tidak ada di sheet dan tidak ditulis: ${missingHeaders}. Jalankan Siapkan Sheet di add-on untuk menambahkannya.\n`);
  // Partly done, as rekap with an office unread: 1; the values stand, a rerun writes the notes.
  return notesFailed === undefined ? 0 : 1;
}

export async function exportBpjs(
  spreadsheetId: string,
  sheet: string | undefined,
  target: { file?: string; spreadsheet?: string },
  full: boolean,
  io: CliIo,
): Promise<number> {
  const client = await connect(io.env ?? {}, target.spreadsheet ? SCOPE_WRITE : SCOPE_READ);
  const records = bpjsRecords(await readSheet(client, spreadsheetId, sheet), full);
  const count = records.length - 1;
  if (target.file !== undefined) {
    const data = /\.xlsx$/i.test(target.file)
      ? await writeXlsx(BPJS_TARGET_SHEET, records.map((r) => r.map(guardFormula)))
      : new TextEncoder().encode(writeCsv(records, ","));
    try {
      io.writeFile(target.file, data);
    } catch {
      throw new InputError(`berkas "${target.file}" tidak dapat ditulis: pastikan foldernya ada dan berkas itu tidak sedang dibuka di Excel.`);
    }
    io.stderr(`pbijk: ${count} permohonan untuk BPJS ditulis ke ${target.file}${full ? " (NIK lengkap)" : " (NIK disamarkan)"}.\n`);
    return 0;
  }
  const targetId = target.spreadsheet!;
  const what = `spreadsheet tujuan ${targetId}`;
  const meta = await client.call(what, () => client.api.spreadsheets.get({ spreadsheetId: targetId, fields: "sheets.properties.title" }));
  if (!(meta.sheets ?? []).some((s) => s.properties?.title === BPJS_TARGET_SHEET)) {
    await client.call(what, () =>
      client.api.spreadsheets.batchUpdate({ spreadsheetId: targetId, requestBody: { requests: [{ addSheet: { properties: { title: BPJS_TARGET_SHEET } } }] } }),
    );
  }
  const range = quoteSheet(BPJS_TARGET_SHEET);
  await client.call(what, () => client.api.spreadsheets.values.clear({ spreadsheetId: targetId, range }));
  // RAW: Sheets stores every value as the text given, so nothing runs there; guarded too, since
  // offices download that sheet as CSV, which Excel would run.
  const values = records.map((r) => r.map(guardFormula));
  await client.call(what, () =>
    client.api.spreadsheets.values.update({ spreadsheetId: targetId, range: `${range}!A1`, valueInputOption: "RAW", requestBody: { values } }),
  );
  io.stderr(`pbijk: ${count} permohonan untuk BPJS ditulis ke sheet "${BPJS_TARGET_SHEET}" di spreadsheet ${targetId}${full ? " (NIK lengkap)" : " (NIK disamarkan)"}.\n`);
  return 0;
}

/** `--list FILE`: one ID per line; blank lines and `#` comments skipped; a URL gives its ID. */
export function parseIdList(text: string): string[] {
  return text
    .split(/\r?\n|,/)
    .map((line) => line.replace(/#.*/, "").trim())
    .filter(Boolean)
    .map((id) => /\/d\/([\w-]+)/.exec(id)?.[1] ?? id);
}

export interface OfficeFailure {
  spreadsheet: string;
  message: string;
}

export interface OfficeRead {
  spreadsheet: string;
  title: string;
  profile: Profile;
}

/** The offices summed, each with the profile it was summarised under (after the summary grid). */
export function officeRows(offices: readonly OfficeRead[]): string[][] {
  return [
    [""],
    ["Kantor", "Spreadsheet", "Profil", "SLA (menit)"],
    // A title is anyone's text: kept from running as a formula when the CSV is opened.
    ...offices.map((o) => [guardFormula(o.title), o.spreadsheet, profileLabel(o.profile), String(o.profile.slaMinutes)]),
  ];
}

/** Aligned plain-text columns of the summary grid and the offices' rows. */
export function rekapText(rekap: Rekap, offices: readonly OfficeRead[], failed: readonly OfficeFailure[]): string {
  const grid = [...rekapLayout(rekap).grid.map((r) => r.map(rekapCellText)), ...officeRows(offices)];
  const widths: number[] = [];
  for (const row of grid) row.forEach((c, i) => { if (i < row.length - 1) widths[i] = Math.max(widths[i] ?? 0, Math.min(c.length, 60)); });
  const lines = grid.map((row) => row.map((c, i) => (i < row.length - 1 ? c.padEnd(widths[i]!) : c)).join("  ").trimEnd());
  if (failed.length) {
    lines.push("", "Kantor yang tidak terbaca (tidak ikut dihitung)");
    for (const f of failed) lines.push(`${f.spreadsheet}  ${f.message}`);
  }
  return `${lines.join("\n")}\n`;
}

/** `chosen`: the `--profile` given, if any; otherwise each office's own from its `Pengaturan`. */
export async function rekapOffices(
  ids: readonly string[],
  sheet: string | undefined,
  chosen: Profile | undefined,
  today: IsoDate,
  options: { json: boolean; csv: string | undefined },
  io: CliIo,
): Promise<number> {
  if (ids.length === 0) throw new UsageError("Sebutkan minimal satu ID spreadsheet.", HELP.rekap);
  const client = await connect(io.env ?? {}, SCOPE_READ);
  const reads = await mapBounded(ids, REKAP_CONCURRENCY, async (id) => {
    try {
      return { id, sheet: await readSheet(client, id, sheet, { settings: true }) };
    } catch (error) {
      if (error instanceof InputError) return { id, message: error.message };
      return { id, message: "terjadi kesalahan tak terduga saat membaca." };
    }
  });
  const sources: RekapSource[] = [];
  const offices: OfficeRead[] = [];
  const failed: OfficeFailure[] = [];
  for (const r of reads) {
    if (!r.sheet) {
      failed.push({ spreadsheet: r.id, message: r.message ?? "" });
      continue;
    }
    const { profile, notice } = officeProfile(r.sheet, chosen);
    if (notice) io.stderr(`pbijk: ${notice}\n`);
    // A sheet the check could not read is an office not counted, not one counted as empty.
    const problem = setupProblem(r.sheet.grid[0] ?? [], profile);
    if (problem) {
      failed.push({ spreadsheet: r.id, message: `${problem}.` });
      continue;
    }
    sources.push({ source: r.sheet.title, profile, grid: r.sheet.grid });
    offices.push({ spreadsheet: r.id, title: r.sheet.title, profile });
  }
  for (const f of failed) io.stderr(`pbijk: kantor ${f.spreadsheet} tidak ikut direkap: ${f.message}\n`);
  if (sources.length === 0) {
    io.stderr("pbijk: tidak ada spreadsheet yang dapat dibaca; rekap tidak dibuat.\n");
    return 2;
  }
  const rekap = summarise(sources, today);
  if (options.json) {
    const listed = offices.map((o) => ({ spreadsheet: o.spreadsheet, title: o.title, profile: o.profile.id, slaMinutes: o.profile.slaMinutes }));
    io.stdout(`${JSON.stringify({ ...(chosen ? { profile: chosen.id } : {}), today, offices: listed, failed, rekap })}\n`);
  } else io.stdout(rekapText(rekap, offices, failed));
  if (options.csv !== undefined) {
    const grid = [...rekapLayout(rekap).grid.map((r) => r.map(rekapCellText)), ...officeRows(offices)];
    for (const f of failed) grid.push(["Tidak terbaca", f.spreadsheet, f.message]);
    try {
      io.writeFile(options.csv, new TextEncoder().encode(writeCsv(grid, ",")));
    } catch {
      throw new InputError(`berkas "${options.csv}" tidak dapat ditulis: pastikan foldernya ada dan berkas itu tidak sedang dibuka di Excel.`);
    }
    io.stderr(`pbijk: rekap ditulis ke ${options.csv}.\n`);
  }
  return failed.length ? 1 : 0;
}
