/** Perbarui Rekap: the summary of every request sheet, written as values, plus one chart. */
import { mapHeaders } from "../domain/columns";
import { todayInJakarta } from "../domain/dates";
import { DATE_FORMAT } from "../domain/layout";
import { isRekapDate, REKAP_SHEET, rekapLayout, type RekapSource, summarise } from "../domain/rekap";
import { profileForSheet } from "../domain/settings";
import type { Cell } from "../domain/text";
import { UserError } from "./errors";
import { presentRows } from "./present";
import { retrying, withDocumentLock } from "./services";
import { settingsForChecks } from "./settingsRepo";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const REKAP_CHART_TITLE = "Permohonan per minggu menurut keputusan";

export function refreshRekap(ss: Spreadsheet, now = new Date()): string {
  const { settings, note } = settingsForChecks(ss);
  return withDocumentLock(() => {
    const sources: RekapSource[] = settings.sheets.map(({ sheet: name }) => {
      const sheet = ss.getSheetByName(name);
      if (!sheet) throw new UserError(`Sheet "${name}" tidak ditemukan. Jalankan menu PBI-JK › Siapkan Sheet.`);
      const raw = retrying(() => sheet.getDataRange().getValues()) as Cell[][];
      return { source: name, profile: profileForSheet(settings, name), grid: presentRows(raw, mapHeaders(raw[0] ?? []), ss.getSpreadsheetTimeZone()) };
    });
    if (sources.length === 0) throw new UserError(`Tabel "Sheet Permohonan" di sheet Pengaturan masih kosong.`);
    const rekap = summarise(sources, todayInJakarta(now));
    const { grid, weekTable, dateBlocks } = rekapLayout(rekap);

    const sheet = ss.getSheetByName(REKAP_SHEET) ?? ss.insertSheet(REKAP_SHEET);
    // Values only: the summary is a snapshot, rebuilt on demand, never formulas.
    sheet.clear();
    for (const chart of sheet.getCharts()) sheet.removeChart(chart);
    if (grid.length > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), grid.length - sheet.getMaxRows());
    const width = grid[0]!.length;
    if (width > sheet.getMaxColumns()) sheet.insertColumnsAfter(sheet.getMaxColumns(), width - sheet.getMaxColumns());
    // Dates as ISO text, which every locale reads as the same day; shown as dd/mm/yyyy.
    const values = grid.map((row) => row.map((c) => (isRekapDate(c) ? c.date : c)));
    retrying(() => sheet.getRange(1, 1, grid.length, width).setValues(values));
    for (const b of dateBlocks) retrying(() => sheet.getRange(b.row, b.col, b.numRows, b.numCols).setNumberFormat(DATE_FORMAT));

    const data = sheet.getRange(weekTable.row, weekTable.col, weekTable.numRows, weekTable.numCols);
    const builder = sheet.newChart().asColumnChart();
    builder.addRange(data);
    builder.setNumHeaders(1);
    builder.setStacked().setTitle(REKAP_CHART_TITLE);
    builder.setPosition(1, width + 2, 0, 0);
    sheet.insertChart(builder.build());
    return `Rekap diperbarui: ${rekap.total} permohonan dari ${sources.length} sheet.${note}`;
  });
}
