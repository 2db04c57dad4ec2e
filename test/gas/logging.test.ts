/** No NIK, KK or phone number reaches a log, whatever fails (issue 12). */
import { menuCheckAll, menuCheckSelected, onEdit, apiCheckAll } from "../../src/gas/main";
import type { FakeEnv } from "../fakes";
import { editEvent, eligible, freshEnv, headerIndex, nik, preparedSheet, writeRows } from "./helpers";

const KK = "3273010101100001";
const PHONE = "0812-3456-7890";

let env: FakeEnv;
let printed: string[];
const restore: (() => void)[] = [];

beforeEach(() => {
  env = freshEnv();
  printed = [];
  for (const method of ["log", "info", "warn", "error", "debug"] as const) {
    const spy = jest.spyOn(console, method).mockImplementation((...args: unknown[]) => void printed.push(args.map(String).join(" ")));
    restore.push(() => spy.mockRestore());
  }
  const logger = { log: (...args: unknown[]) => void printed.push(args.map(String).join(" ")) };
  (globalThis as Record<string, unknown>).Logger = logger;
  restore.push(() => delete (globalThis as Record<string, unknown>).Logger);
});
afterEach(() => {
  restore.splice(0).forEach((undo) => undo());
  env.uninstall();
});

/** SpreadsheetApp whose flush fails with a message quoting a row, as a service error might. */
function failingFlush(): void {
  const real = SpreadsheetApp;
  const failing = new Proxy(real, {
    get(target, key) {
      if (key === "flush") {
        return () => {
          throw new Error(`Invalid value at row 2: ${nik(1)} / ${KK} / ${PHONE} / +62 812 3456 7890`);
        };
      }
      return Reflect.get(target, key) as unknown;
    },
  });
  (globalThis as Record<string, unknown>).SpreadsheetApp = failing;
  restore.unshift(() => void ((globalThis as Record<string, unknown>).SpreadsheetApp = real));
}

test("failing menu actions, sidebar calls and onEdit log the action and a scrubbed message only", () => {
  const sheet = preparedSheet(env);
  writeRows(sheet, [eligible("Siti Aminah", 1, { "Nomor HP": PHONE, "Nomor KK": KK })]);
  failingFlush();
  menuCheckAll();
  env.setSelection(sheet.getRange("A2"));
  menuCheckSelected();
  expect(apiCheckAll()).toEqual({ ok: false, message: expect.stringContaining("kesalahan tak terduga") });
  onEdit(editEvent(sheet.getRange(2, headerIndex(sheet).get("Nama")! + 1)));
  expect(printed.filter((p) => p.includes("Invalid value at row 2: #"))).toHaveLength(4);
  expect(printed.map((p) => p.split(":")[0])).toEqual(["checkAll", "checkSelected", "apiCheckAll", "onEdit"]);
  const all = printed.join("\n");
  for (const secret of [nik(1), KK, PHONE, "81234567890", "3456", "Siti"]) expect(all).not.toContain(secret);
  // The alert the user saw holds no trace either.
  expect(JSON.stringify(env.ui.alerts)).not.toContain(nik(1));
});
