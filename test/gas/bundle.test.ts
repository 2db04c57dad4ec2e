/** dist/Code.js as Apps Script loads it: a bare context holding nothing but the services. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import vm from "node:vm";
import { createFakeServices } from "../fakes";

const code = readFileSync(join(__dirname, "../../dist/Code.js"), "utf8");
const ENTRY_POINTS = ["onOpen", "onInstall", "onEdit", "menuSetup", "menuCheckAll", "menuCheckSelected",
  "menuOpenPanel", "menuSettings", "menuDraftLetters", "menuApprove", "menuReturn", "menuHandOver", "menuReopen", "menuSyncBpjs",
  "menuCheckIntegrity", "menuRefreshRekap", "apiCheckAll", "apiPanel", "apiInspect", "apiSelectRow", "apiDraftPlan", "apiRunAction"];

/** Loads the bundle with a console that records: the entry points catch and log every crash. */
function load() {
  const logged: string[] = [];
  const record = (...args: unknown[]) => void logged.push(args.map(String).join(" "));
  const context = vm.createContext({ console: { log: record, info: record, warn: record, error: record } });
  const fakes = createFakeServices({
    user: "admin@dinsos.go.id",
    dateConstructor: vm.runInContext("Date", context) as DateConstructor,
    htmlFiles: { sidebar: readFileSync(join(__dirname, "../../dist/sidebar.html"), "utf8") },
  });
  Object.assign(context, fakes.services);
  vm.runInContext(code, context, { filename: "Code.js" });
  return { context: context as Record<string, unknown>, fakes, logged };
}

test("every entry point is a top-level function", () => {
  const { context } = load();
  for (const name of ENTRY_POINTS) expect(typeof context[name]).toBe("function");
  expect(code).toMatch(/^function onOpen\(e\)/m);
});

test("the bundle needs no Node or browser globals and runs menu, setup, check and onEdit", () => {
  const { context, fakes, logged } = load();
  // A crash inside an entry point is caught and logged there: any log line fails the test.
  const call = (name: string, arg?: unknown) => {
    const result = (context[name] as (a?: unknown) => unknown)(arg);
    expect({ name, logged }).toEqual({ name, logged: [] });
    return result;
  };
  call("onOpen");
  expect(fakes.ui.menus[0]!.items.flatMap((i) => (i.kind === "item" ? [i.caption] : []))).toEqual(
    ["Siapkan Sheet", "Periksa Semua", "Periksa Baris Terpilih", "Buka Panel", "Pengaturan", "Buat Draf Surat", "Setujui", "Kembalikan",
      "Serahkan", "Buka Kembali", "Sinkronkan BPJS", "Periksa Integritas", "Perbarui Rekap"]);
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
  expect(sheet.getRange(2, headers.indexOf("Keputusan") + 1).getValues()[0]![0]).toBe("Berkas Belum Lengkap");
  // The operator mistypes the NIK: onEdit re-checks the row at once.
  const nikCell = sheet.getRange(2, headers.indexOf("NIK") + 1);
  nikCell.setValues([["327301"]]);
  call("onEdit", { range: nikCell });
  expect(sheet.getRange(2, headers.indexOf("Keputusan") + 1).getValues()[0]![0]).toBe("Data Tidak Valid");
  expect(sheet.getRange(2, headers.indexOf("Hasil Pemeriksaan") + 1).getNote()).toContain("NIK_FORMAT");
  const result = call("apiInspect") as { ok: boolean };
  expect(result.ok).toBe(true);
  call("menuDraftLetters"); // admin is not an operator: refused in Indonesian, no Docs touched
  expect(fakes.ui.alerts.at(-1)!.prompt).toContain("hanya untuk peran Operator");
  call("menuOpenPanel");
  expect(fakes.ui.sidebars).toHaveLength(1);
  call("menuRefreshRekap");
  expect(fakes.spreadsheet.getSheetByName("Rekap")!.getCharts()).toHaveLength(1);
  fakes.setSelection(sheet.getRange("A2"));
  call("menuApprove"); // the admin holds no reviewer role: the row is refused with what it needs
  expect(fakes.ui.alerts.at(-1)!.prompt).toContain("Setujui: 0 permohonan disetujui");
  call("menuCheckIntegrity");
  expect(JSON.stringify(fakes.toasts.at(-1))).toContain("setiap persetujuan tercatat di Log");
  call("menuSyncBpjs"); // the admin has no operator or bpjs role: refused in Indonesian
  expect(JSON.stringify(fakes.ui.alerts.at(-1))).toContain("hanya untuk peran Operator atau Petugas BPJS");
});

test("onOpen and onInstall in AuthMode.NONE use nothing but the add-on menu", () => {
  // https://developers.google.com/apps-script/reference/script/auth-mode: in NONE (add-on installed,
  // not yet used in this file) no service needing authorisation works, properties included.
  const logged: string[] = [];
  const record = (...args: unknown[]) => void logged.push(args.map(String).join(" "));
  const context = vm.createContext({ console: { log: record, info: record, warn: record, error: record } });
  const fakes = createFakeServices({ user: "admin@dinsos.go.id" });
  const refuse = (service: string) => () => {
    throw new Error(`${service}: authorisation is required to perform that action.`);
  };
  const only = (service: string, allowed: Record<string, unknown>) =>
    new Proxy(allowed, { get: (target, key) => (typeof key === "string" && key in target ? target[key] : refuse(`${service}.${String(key)}`)) });
  Object.assign(context, {
    SpreadsheetApp: only("SpreadsheetApp", { getUi: () => fakes.services.SpreadsheetApp.getUi() }),
    PropertiesService: only("PropertiesService", {}),
    LockService: only("LockService", {}),
    Session: only("Session", {}),
    CacheService: only("CacheService", {}),
    HtmlService: only("HtmlService", {}),
    Utilities: fakes.services.Utilities,
  });
  vm.runInContext(code, context, { filename: "Code.js" });
  for (const name of ["onOpen", "onInstall"]) (context as Record<string, (e: unknown) => void>)[name]!({ authMode: "NONE" });
  expect(logged).toEqual([]);
  expect(fakes.ui.menus).toHaveLength(2);
  expect(fakes.ui.menus[0]!.items.length).toBeGreaterThan(10);
});

test("the top-level functions pass every argument on (google.script.run calls take several)", () => {
  const { context, fakes } = load();
  const call = (name: string, ...args: unknown[]) => (context[name] as (...a: unknown[]) => unknown)(...args);
  call("onOpen");
  call("menuSetup");
  const sheet = fakes.spreadsheet.getSheetByName("Permohonan")!;
  const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0]!.map(String);
  const row = headers.map((h) => ({ Nama: "Siti Aminah", NIK: "3273014101900001", "Nomor KK": "3273010101100001",
    "Tanggal Permohonan": "20/11/2026", "Tanggal SK Penonaktifan": "01/08/2026" } as Record<string, string>)[h] ?? "");
  sheet.getRange(2, 1, 1, row.length).setValues([row]);
  call("menuCheckAll");
  const id = String(sheet.getRange(2, headers.indexOf("ID Permohonan") + 1).getValue());
  expect(id).toMatch(/^PBI-/);
  fakes.setSelection(sheet.getRange("A1"));
  // The queue's click: the sheet and the ID both reach the server, which selects that row.
  const selected = call("apiSelectRow", "Permohonan", id) as { ok: boolean; value: { row: number; id: string } | null };
  expect(selected).toMatchObject({ ok: true, value: { row: 2, id } });
  // Kembalikan from the panel: the typed note arrives (a dropped note is refused as missing).
  const returned = call("apiRunAction", "return", "Permohonan", [{ row: 2, id }], "Fotokopi KK belum ada.") as { ok: boolean; value?: string; message?: string };
  expect(JSON.stringify(returned)).not.toContain("tulis catatan pengembalian");
});
