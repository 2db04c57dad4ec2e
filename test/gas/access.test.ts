/**
 * Periksa Semua, Periksa Baris Terpilih and Siapkan Sheet check the caller's role themselves
 * (google.script.run can call them directly). Until the office lists anyone, they stay open:
 * whoever installs the add-on has to set it up and try it.
 */
import { checkAll, checkSelected, setup, STOPPED } from "../../src/gas/app";
import { menuSettings, menuSetup } from "../../src/gas/main";
import type { FakeEnv } from "../fakes";
import { column, eligible, freshEnv, preparedSheet, TODAY, writeRows } from "./helpers";
import { configureOffice, KABID, OPERATOR } from "./letterHelpers";

const VERIFIER = "verif@dinsos.go.id";
let env: FakeEnv;
let sheet: GoogleAppsScript.Spreadsheet.Sheet;

beforeEach(() => {
  env = freshEnv();
  sheet = preparedSheet(env);
  writeRows(sheet, [eligible("Siti", 1)]);
});
afterEach(() => env.uninstall());

const snapshot = () => JSON.stringify(env.spreadsheet.getSheets().map((s) => s.getDataRange().getValues()));

test("with no one listed yet, anyone checks (a fresh office)", () => {
  configureOffice(env, { roles: [] });
  env.setUser("siapa@contoh.id");
  expect(checkAll(env.spreadsheet, TODAY)).toContain("1 permohonan diperiksa");
});

test("Periksa Semua and Periksa Baris Terpilih refuse a role that does not check, and change nothing", () => {
  configureOffice(env, { roles: [[OPERATOR, "operator"], [KABID, "kabid"]] });
  env.setUser(KABID);
  env.setSelection(sheet.getRange("A2"));
  const before = snapshot();
  expect(() => checkAll(env.spreadsheet, TODAY)).toThrow(`Periksa Semua hanya untuk peran Operator, Verifikator, Admin. Akun ${KABID} berperan Kepala Bidang`);
  expect(() => checkSelected(env.spreadsheet, TODAY)).toThrow("Periksa Baris Terpilih hanya untuk peran");
  env.setUser("tamu@contoh.id");
  expect(() => checkAll(env.spreadsheet, TODAY)).toThrow('Akun tamu@contoh.id belum terdaftar di tabel "Email Pengguna | Peran"');
  env.setUser("");
  expect(() => checkAll(env.spreadsheet, TODAY)).toThrow("Email akun Anda tidak terbaca");
  expect(snapshot()).toBe(before);
});

test("the operator, the verifier and the admin check", () => {
  configureOffice(env, { roles: [["admin@dinsos.go.id", "admin"], [OPERATOR, "operator"], [VERIFIER, "verifier"]] });
  for (const user of [OPERATOR, VERIFIER, "admin@dinsos.go.id"]) {
    env.setUser(user);
    expect(checkAll(env.spreadsheet, TODAY)).toContain("1 permohonan diperiksa");
  }
  expect(column(sheet, "Keputusan")).toEqual(["Layak"]);
});

test("Siapkan Sheet: once an admin is listed, only an admin runs it again", () => {
  configureOffice(env, { roles: [["admin@dinsos.go.id", "admin"], [OPERATOR, "operator"]] });
  env.setUser(OPERATOR);
  const before = snapshot();
  expect(() => setup(env.spreadsheet)).toThrow(`Siapkan Sheet hanya untuk peran Admin. Akun ${OPERATOR} berperan Operator`);
  expect(snapshot()).toBe(before);
  env.setUser("admin@dinsos.go.id");
  expect(() => setup(env.spreadsheet)).not.toThrow();
});

test("a refusal from the menu does not leave the \"working…\" toast up", () => {
  configureOffice(env, { roles: [["admin@dinsos.go.id", "admin"], [OPERATOR, "operator"]] });
  env.setUser(OPERATOR);
  menuSetup();
  expect(env.toasts.map((t) => t.message)).toEqual(["Menyiapkan sheet…", STOPPED]);
  expect(env.ui.alerts.at(-1)!.prompt).toContain("Siapkan Sheet hanya untuk peran Admin");
});

test("Siapkan Sheet with no admin listed is open (the table is being filled in)", () => {
  configureOffice(env, { roles: [[OPERATOR, "operator"]] });
  env.setUser(OPERATOR);
  expect(() => setup(env.spreadsheet)).not.toThrow();
});

test("Pengaturan is protected for real: only the listed admins and whoever ran Siapkan Sheet edit the role table", () => {
  configureOffice(env, { roles: [["admin@dinsos.go.id", "admin"], [OPERATOR, "operator"]] });
  // Siapkan Sheet already ran (as admin@dinsos.go.id) when the spreadsheet was prepared.
  const settings = env.spreadsheet.getSheetByName("Pengaturan")!;
  const next = settings.getLastRow() + 1; // right below the role table, which ends the sheet
  env.setUser(OPERATOR);
  expect(() => settings.getRange(next, 1, 1, 2).setValues([[OPERATOR, "admin"]])).toThrow("protected");
  // A second admin added by an admin can edit once Siapkan Sheet has run again; a rerun with nothing new changes nothing.
  env.setUser("admin@dinsos.go.id");
  settings.getRange(next, 1, 1, 2).setValues([["admin2@dinsos.go.id", "admin"]]);
  expect(setup(env.spreadsheet)).toContain("hanya admin (admin2@dinsos.go.id, admin@dinsos.go.id)");
  expect(setup(env.spreadsheet)).not.toContain("dilindungi");
  env.setUser("admin2@dinsos.go.id");
  expect(() => settings.getRange(next, 3).setValue("catatan")).not.toThrow();
});

test("an admin listed after the last Siapkan Sheet runs it: told who must rerun it, the rest is set up, no generic error", () => {
  // Real Sheets refuses such a user Pengaturan's cells and even its protection's editor list
  // (https://developers.google.com/apps-script/reference/spreadsheet/protection#geteditors).
  configureOffice(env, { roles: [["admin@dinsos.go.id", "admin"], ["admin2@dinsos.go.id", "admin"]] });
  env.spreadsheet.deleteSheet(env.spreadsheet.getSheetByName("Log")!);
  env.setUser("admin2@dinsos.go.id");
  const before = JSON.stringify(env.spreadsheet.getSheetByName("Pengaturan")!.getDataRange().getValues());
  const report = setup(env.spreadsheet);
  expect(report).toContain('Sheet "Pengaturan" dilindungi dan akun admin2@dinsos.go.id belum termasuk penyuntingnya');
  expect(report).toContain("menjalankan Siapkan Sheet sekali lagi");
  expect(report).toContain('Sheet "Log" dibuat');
  expect(JSON.stringify(env.spreadsheet.getSheetByName("Pengaturan")!.getDataRange().getValues())).toBe(before);
  // The admin who can edit it reruns Siapkan Sheet: from then on the new admin edits Pengaturan.
  env.setUser("admin@dinsos.go.id");
  expect(setup(env.spreadsheet)).toContain("hanya admin (admin2@dinsos.go.id, admin@dinsos.go.id)");
  env.setUser("admin2@dinsos.go.id");
  expect(setup(env.spreadsheet)).not.toContain("belum termasuk penyuntingnya");
});

test("Pengaturan from the menu says what letters would still print blank", () => {
  env.setUser("admin@dinsos.go.id");
  menuSettings();
  // Siapkan Sheet's fresh Pengaturan is valid but names no government, address, place or signer.
  expect(env.toasts.at(-1)!.message).toBe('Pengaturan valid, tetapi surat yang dibuat sekarang akan kosong di bagian ini: isi "Pemerintah", "Alamat Kantor", "Tempat Surat", tabel "Jabatan Penandatangan" (Nama dan NIP).');
  configureOffice(env);
  menuSettings();
  expect(env.toasts.at(-1)!.message).toBe("Pengaturan valid.");
});
