import { menuRefreshRekap } from "../../src/gas/main";
import { refreshRekap } from "../../src/gas/rekap";
import { setupSpreadsheet } from "../../src/gas/setup";
import { type FakeEnv, installFakes } from "../fakes";
import { eligible, TODAY, writeRows, openSheet } from "./helpers";

let env: FakeEnv;
let sheet: GoogleAppsScript.Spreadsheet.Sheet;
beforeEach(() => ({ env, sheet } = openSheet()));
afterEach(() => env.uninstall());

function rekapValues(): unknown[][] {
  return env.spreadsheet.getSheetByName("Rekap")!.getDataRange().getValues();
}

function line(label: string): unknown[] | undefined {
  return rekapValues().find((r) => r[0] === label);
}

test("Perbarui Rekap writes values (no formulas) and one stacked column chart of the weekly table", () => {
  writeRows(sheet, [
    // National SLA 45 minutes: 20 and 50 minutes → 1 of 2 within; median (20+50)/2 = 35.
    eligible("Ani", 1, { "ID Permohonan": "PBI-2026-00001", Tahap: "Selesai", "Berkas Lengkap Pada": "20/11/2026 09:00", "Diserahkan Pada": "20/11/2026 09:20" }),
    eligible("Budi", 2, { "ID Permohonan": "PBI-2026-00002", Tahap: "Diserahkan", "Berkas Lengkap Pada": "20/11/2026 09:00", "Diserahkan Pada": "20/11/2026 09:50" }),
    // SK 01/06/2026 + 6 months, inclusive → deadline 01/12/2026, 7 days after 24/11.
    eligible("Citra", 3, { "ID Permohonan": "PBI-2026-00003", Tahap: "Draf", "Tanggal SK Penonaktifan": "01/06/2026" }),
    eligible("Dedi", 4, { "ID Permohonan": "PBI-2026-00004", "Dok. KTP": false }),
  ]);
  const message = refreshRekap(env.spreadsheet, TODAY);
  expect(message).toContain("4 permohonan");
  const rekap = env.spreadsheet.getSheetByName("Rekap")!;
  const formulas = rekap.getDataRange().getFormulas().flat();
  expect(formulas.every((f) => f === "")).toBe(true);
  expect(line("Jumlah permohonan")?.[1]).toBe(4);
  expect(line("Layak")?.[1]).toBe(3);
  expect(line("Berkas Belum Lengkap")?.[1]).toBe(1);
  expect(line("Berkas belum lengkap")?.[1]).toBe(1);
  expect(line("Dalam SLA")?.[1]).toBe("1 dari 2 (50%)");
  expect(line("Median (menit)")?.slice(1, 3)).toEqual([35, "35 menit"]);
  // Dates go in as ISO text (Sheets reads it as that day in every locale) shown as dd/mm/yyyy.
  expect(line("PBI-2026-00003")?.slice(0, 4)).toEqual(["PBI-2026-00003", "Citra", "2026-12-01", 7]);
  const deadlineRow = rekapValues().findIndex((r) => r[0] === "PBI-2026-00003") + 1;
  expect(rekap.getRange(deadlineRow, 3).getNumberFormat()).toBe("dd/mm/yyyy");
  expect(line("Diserahkan di hari berkas lengkap")).toBeUndefined(); // national profile: not asked

  const charts = rekap.getCharts();
  expect(charts).toHaveLength(1);
  const [range] = charts[0]!.getRanges();
  const table = range!.getValues();
  expect(table[0]).toEqual(["Minggu mulai", "Layak", "Tidak Layak", "Berkas Belum Lengkap", "Perlu Verifikasi", "Data Tidak Valid"]);
  expect(table).toHaveLength(13);
  expect(table[12]![0]).toBe("2026-11-23");
  expect(range!.getNumberFormats().slice(1).map((r) => r[0])).toEqual(Array(12).fill("dd/mm/yyyy"));
  expect(charts[0]!.getOptions().get("isStacked")).toBe(true);
  expect(charts[0]!.getOptions().get("title")).toBe("Permohonan per minggu menurut keputusan");
});

test("running it again replaces the sheet's content and keeps a single chart", () => {
  writeRows(sheet, [eligible("Ani", 1, { "ID Permohonan": "PBI-2026-00001" })]);
  refreshRekap(env.spreadsheet, TODAY);
  writeRows(sheet, [eligible("Budi", 2, { "ID Permohonan": "PBI-2026-00002" })], 3);
  menuRefreshRekap();
  expect(line("Jumlah permohonan")?.[1]).toBe(2);
  expect(env.spreadsheet.getSheetByName("Rekap")!.getCharts()).toHaveLength(1);
  expect(env.toasts.at(-1)?.message).toContain("Rekap diperbarui");
});

test("the chart fake fails loudly: no type, no range, or an unmodelled member", () => {
  const rekap = env.spreadsheet.insertSheet("Rekap");
  expect(() => rekap.newChart().build()).toThrow(/type is not set/);
  expect(() => rekap.newChart().asColumnChart().build()).toThrow(/at least one range/);
  expect(() => rekap.newChart().asPieChart()).toThrow(/is not modelled/);
  const chart = rekap.newChart().asLineChart().addRange(rekap.getRange("A1:B3")).setPosition(2, 3, 0, 0).build();
  expect(chart.getChartId()).toBeNull();
  rekap.insertChart(chart);
  expect(chart.getChartId()).not.toBeNull();
  expect(chart.getContainerInfo().getAnchorColumn()).toBe(3);
  expect(() => rekap.insertChart(chart)).toThrow(/already/);
  rekap.removeChart(chart);
  expect(rekap.getCharts()).toEqual([]);
});

// Sheets reads typed text by the spreadsheet's locale (https://support.google.com/docs/answer/58515):
// where the admin answered Tidak to the locale change, an en_US spreadsheet turned Rekap's
// dd/mm/yyyy text 01/12/2026 into 12 January 2026 (and left 23/11/2026 as text). ISO text reads
// the same in every locale; the cell's format shows it the Indonesian way.
test("Rekap dates mean the same day in a spreadsheet left in en_US", () => {
  env.uninstall();
  env = installFakes({ user: "admin@dinsos.go.id", locale: "en_US", parseTypedDates: true });
  setupSpreadsheet(env.spreadsheet, "admin@dinsos.go.id", false);
  sheet = env.spreadsheet.getSheetByName("Permohonan")!;
  // SK 2026-06-01 (ISO reads the same in every locale) + 6 months → deadline 1 December 2026.
  writeRows(sheet, [eligible("Citra", 3, { "ID Permohonan": "PBI-2026-00003", Tahap: "Draf", "Tanggal SK Penonaktifan": "2026-06-01" })]);
  refreshRekap(env.spreadsheet, TODAY);
  const deadline = line("PBI-2026-00003")?.[2];
  const day = deadline instanceof Date ? Utilities.formatDate(deadline, "Asia/Jakarta", "yyyy-MM-dd") : deadline;
  expect(["01/12/2026", "2026-12-01"]).toContain(day);
  // Shown the Indonesian way whatever the locale; the weekly table's first column too.
  const rekap = env.spreadsheet.getSheetByName("Rekap")!;
  const display = rekap.getDataRange().getDisplayValues();
  expect(display.find((r) => r[0] === "PBI-2026-00003")?.[2]).toBe("01/12/2026");
  const weeks = rekap.getCharts()[0]!.getRanges()[0]!.getDisplayValues().slice(1).map((r) => r[0]);
  expect(weeks.at(-1)).toBe("23/11/2026");
  expect(weeks.every((w) => /^\d{2}\/\d{2}\/2026$/.test(w!))).toBe(true);
});
