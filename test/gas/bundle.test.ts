/** dist/Code.js as Apps Script loads it: a bare context holding nothing but the services. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import vm from "node:vm";
import { createFakeServices } from "../fakes";

const code = readFileSync(join(__dirname, "../../dist/Code.js"), "utf8");
const ENTRY_POINTS = ["onOpen", "onInstall", "onEdit", "menuSetup", "menuCheckAll", "menuCheckSelected",
  "menuOpenPanel", "menuSettings", "menuSyncBpjs", "menuRefreshRekap", "apiCheckAll", "apiCheckSelected", "apiActiveRow"];

function load() {
  const context = vm.createContext({ console: { log() {}, info() {}, warn() {}, error() {} } });
  const fakes = createFakeServices({
    user: "admin@dinsos.go.id",
    dateConstructor: vm.runInContext("Date", context) as DateConstructor,
    htmlFiles: { sidebar: readFileSync(join(__dirname, "../../dist/sidebar.html"), "utf8") },
  });
  Object.assign(context, fakes.services);
  vm.runInContext(code, context, { filename: "Code.js" });
  return { context: context as Record<string, unknown>, fakes };
}

test("every entry point is a top-level function", () => {
  const { context } = load();
  for (const name of ENTRY_POINTS) expect(typeof context[name]).toBe("function");
  expect(code).toMatch(/^function onOpen\(e\)/m);
});

test("the bundle needs no Node or browser globals and runs menu, setup, check and onEdit", () => {
  const { context, fakes } = load();
  const call = (name: string, arg?: unknown) => (context[name] as (a?: unknown) => unknown)(arg);
  call("onOpen");
  expect(fakes.ui.menus[0]!.items.flatMap((i) => (i.kind === "item" ? [i.caption] : []))).toEqual(
    ["Siapkan Sheet", "Periksa Semua", "Periksa Baris Terpilih", "Buka Panel", "Pengaturan", "Sinkronkan BPJS", "Perbarui Rekap"]);
  call("menuSetup");
  expect(JSON.stringify(fakes.ui.alerts)).toContain("Permohonan");
  expect(JSON.stringify(fakes.ui.alerts)).not.toContain("kesalahan tak terduga");
  const sheet = fakes.spreadsheet.getSheetByName("Permohonan")!;
  const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0]!.map(String);
  const row = headers.map((h) => ({ Nama: "Siti Aminah", NIK: "3273014101900001", "Nomor KK": "3273010101100001",
    "Tanggal Permohonan": "20/11/2026", "Tanggal SK Penonaktifan": "01/08/2026" } as Record<string, string>)[h] ?? "");
  sheet.getRange(2, 1, 1, row.length).setValues([row]);
  const alerts = fakes.ui.alerts.length;
  call("menuCheckAll");
  expect(fakes.ui.alerts).toHaveLength(alerts);
  expect(sheet.getRange(2, headers.indexOf("Keputusan") + 1).getValues()[0]![0]).not.toBe("");
  call("onEdit", { range: sheet.getRange(2, headers.indexOf("Nama") + 1) });
  const result = call("apiActiveRow") as { ok: boolean };
  expect(result.ok).toBe(true);
  call("menuOpenPanel");
  expect(fakes.ui.sidebars).toHaveLength(1);
  call("menuRefreshRekap");
  expect(fakes.spreadsheet.getSheetByName("Rekap")!.getCharts()).toHaveLength(1);
  call("menuSyncBpjs"); // the admin has no operator or bpjs role: refused in Indonesian
  expect(JSON.stringify(fakes.ui.alerts.at(-1))).toContain("hanya untuk peran operator atau bpjs");
});
