/**
 * Role checks cannot be skipped by calling server functions directly (google.script.run can call
 * any top-level function of dist/Code.js): every entry point the bundle exposes, called by a user
 * missing from the role table, is refused and changes nothing — except the entry points listed
 * in OPEN with the reason they need no role.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import vm from "node:vm";
import { createFakeServices } from "../fakes";
import { installFakeDocs } from "../fakes/document";

const code = readFileSync(join(__dirname, "../../dist/Code.js"), "utf8");
const STRANGER = "tamu@contoh.id";

/** Entry points anyone who can open the spreadsheet may run, with why. */
const OPEN: Record<string, string> = {
  onOpen: "builds the menu only",
  onInstall: "builds the menu only",
  onEdit: "a simple trigger: cannot read the user's e-mail (spec §6), re-checks the edited row only",
  menuOpenPanel: "opens the sidebar; its calls are gated themselves",
  menuSettings: "shows the Pengaturan sheet, reads only",
  menuCheckIntegrity: "spec §6: Periksa Integritas is for any role; reads only",
  menuRefreshRekap: "spec §6: Perbarui Rekap is for any role; writes only derived counts",
};

/** Arguments a browser would send, so the call reaches its role check (not a bad-input refusal). */
const ARGS: Record<string, (id: string) => unknown[]> = {
  apiRunAction: (id) => ["approve", "Permohonan", [{ row: 2, id }], ""],
  apiSelectRow: (id) => ["Permohonan", id],
};

function load() {
  const context = vm.createContext({ console });
  const fakes = createFakeServices({
    user: "admin@dinsos.go.id",
    dateConstructor: vm.runInContext("Date", context) as DateConstructor,
    htmlFiles: { sidebar: "<html></html>" },
  });
  const docs = installFakeDocs();
  Object.assign(context, fakes.services, { DocumentApp: docs.api });
  vm.runInContext(code, context, { filename: "Code.js" });
  return { context: context as Record<string, unknown>, fakes, docs };
}

/** Every top-level function Apps Script (and so google.script.run) can call. */
const entryPoints = [...code.matchAll(/^function (\w+)\(/gm)].map((m) => m[1]!);

function snapshot(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): string {
  return JSON.stringify(ss.getSheets().map((s) => [s.getName(), s.getDataRange().getValues()]));
}

test("the bundle exposes the entry points this test classifies", () => {
  expect(entryPoints.length).toBeGreaterThan(10);
  for (const name of Object.keys(OPEN)) expect(entryPoints).toContain(name);
});

test.each(entryPoints.filter((n) => !(n in OPEN)))("%s, called by a user without the role, is refused and changes nothing", (name) => {
  const { context, fakes, docs } = load();
  try {
    (context["menuSetup"] as () => void)();
    const sheet = fakes.spreadsheet.getSheetByName("Permohonan")!;
    const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0]!.map(String);
    const row = headers.map((h) => ({ Nama: "Siti", NIK: "3273014101900001", "Nomor KK": "3273010101100001", "Tanggal Permohonan": "20/11/2026",
      "Tanggal SK Penonaktifan": "01/08/2026", "Status DTSEN/DTKS": "Terdaftar", Desil: "2" } as Record<string, string>)[h] ?? "");
    sheet.getRange(2, 1, 1, row.length).setValues([row]);
    (context["menuCheckAll"] as () => void)();
    fakes.setSelection(sheet.getRange("A2"));
    fakes.setUser(STRANGER);
    const before = snapshot(fakes.spreadsheet);
    const alerts = fakes.ui.alerts.length;
    const properties = JSON.stringify(fakes.properties.document.getProperties());

    const id = String(sheet.getRange(2, headers.indexOf("ID Permohonan") + 1).getValues()[0]![0]);
    const args = ARGS[name]?.(id) ?? [];
    const result = (context[name] as (...a: unknown[]) => unknown)(...args);

    expect(snapshot(fakes.spreadsheet)).toBe(before);
    expect(JSON.stringify(fakes.properties.document.getProperties())).toBe(properties);
    expect(docs.documents.size).toBe(0);
    const said = result && typeof result === "object" ? JSON.stringify(result) : fakes.ui.alerts.slice(alerts).map((a) => a.prompt).join("\n");
    expect(said).toMatch(/peran/i);
    expect(said).toContain(STRANGER);
  } finally {
    docs.uninstall();
  }
});
