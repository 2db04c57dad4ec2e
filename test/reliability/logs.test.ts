/**
 * The log watch (noSecretsInLogs.ts) recognises what it must, and the shell's logging and error
 * paths never carry a NIK, KK or health detail: neither to the console nor in a thrown or shown message.
 */
import { checkAll, handleEdit, menu } from "../../src/gas/app";
import { logError, userMessage } from "../../src/gas/errors";
import type { FakeEnv } from "../fakes";
import { editEvent, eligible, freshEnv, nik, preparedSheet, TODAY, writeRows } from "../gas/helpers";
import { sensitiveKinds } from "./noSecretsInLogs";

test("the watch recognises NIK and KK in every written form, and health details", () => {
  for (const text of ["3273014101900001", "3273-0141-0190-0001", "3273 0141 0190 0001", "3.27301E+15", "kebutuhan: Penyakit Kronis"]) {
    expect(sensitiveKinds(`baris 5: ${text}`)).not.toEqual([]);
  }
  for (const text of ["PBI-2026-00001", "dist/Code.js: 110.1 KB", "400.9.3.2/001/Dinsos/XI/2026", "2026-11-24 10:00", "row 12345678"]) {
    expect(sensitiveKinds(text)).toEqual([]);
  }
});

describe("the shell's error paths", () => {
  let env: FakeEnv;
  let printed: string[];
  const spies: jest.SpyInstance[] = [];
  beforeEach(() => {
    env = freshEnv();
    printed = [];
    for (const m of ["log", "info", "warn", "error"] as const) {
      const original = console[m];
      spies.push(jest.spyOn(console, m).mockImplementation((...args: unknown[]) => {
        printed.push(args.map(String).join(" "));
        original(...args);
      }));
    }
  });
  afterEach(() => {
    for (const s of spies.splice(0)) s.mockRestore();
    env.uninstall();
  });

  test("a service failure quoting a NIK is logged and shown without it", () => {
    const error = new Error(`Invalid value 3273014101900001 at row 5 (Penyakit Kronis)`);
    logError("checkAll", error);
    expect(printed.join("\n")).toContain("checkAll");
    expect(sensitiveKinds(printed.join("\n")).filter((k) => k !== "a health detail")).toEqual([]);
    expect(sensitiveKinds(userMessage(error))).toEqual([]);
  });

  test("failures inside the menu, onEdit and a check of NIK-laden rows print no NIK or KK", () => {
    const sheet = preparedSheet(env);
    writeRows(sheet, [eligible("Siti", 1, { "Kebutuhan Layanan Kesehatan": "Penyakit Kronis" }), eligible("Budi", 1), { NIK: "3.27301E+15", Nama: "X" }]);
    const message = checkAll(env.spreadsheet, TODAY);
    expect(sensitiveKinds(message)).toEqual([]);
    // Every range read now fails with a message quoting a cell, as a service error might.
    const range = sheet.getRange(2, 1);
    const app = env.services.SpreadsheetApp;
    (globalThis as Record<string, unknown>)["SpreadsheetApp"] = new Proxy(app, {
      get: (target, key) =>
        key === "getActiveSpreadsheet"
          ? () => {
              throw new Error(`Service error reading ${nik(1)} / 3273010101100001`);
            }
          : Reflect.get(target, key),
    });
    menu.checkAll();
    menu.draftLetters();
    handleEdit(editEvent(range));
    const shown = env.ui.alerts.map((a) => a.prompt).join("\n");
    expect(shown).toContain("Terjadi kesalahan tak terduga");
    expect(sensitiveKinds(shown)).toEqual([]);
    expect(sensitiveKinds(printed.join("\n"))).toEqual([]);
  });
});
