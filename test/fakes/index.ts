/**
 * In-memory fakes of the Apps Script services the add-on uses. Anything not modelled throws
 * "X.y is not modelled" when called, so tests never pass on behaviour the fake merely guessed.
 */
import type { FakeContext, ToastRecord } from "./context";
import { type CallRecord, isIoCall, rawOf, unflushedWrites, unsafeCast } from "./core";
import { type FakeCaches, type FakeLocks, type FakePropertyStores, createBasicServices, createStores } from "./services";
import { FakeSpreadsheet, FakeSpreadsheetApp } from "./spreadsheet";
import { FakeHtmlService, FakeUi } from "./ui";

export type { CallRecord, CallTarget } from "./core";
export { isIoCall } from "./core";
export type { ToastRecord } from "./context";
export type { AlertRecord, DialogRecord, MenuItemRecord, MenuRecord } from "./ui";
export { FakeUi } from "./ui";
export { FakeCache, FakeLock, FakeProperties } from "./services";

export interface FakeOptions {
  /** Active and effective user e-mail (default "operator@dinsos.go.id"). */
  user?: string;
  /** Spreadsheet owner; may always edit protected cells (default: `user`). */
  owner?: string;
  spreadsheetName?: string;
  spreadsheetId?: string;
  /** Spreadsheet time zone (default "Asia/Jakarta"). */
  timeZone?: string;
  /** Spreadsheet locale (default "id_ID"). */
  locale?: string;
  /** Session.getScriptTimeZone() (default "Asia/Jakarta", as in appsscript.json). */
  scriptTimeZone?: string;
  /** HTML project files by name (without ".html") for HtmlService.*FromFile. */
  htmlFiles?: Record<string, string>;
  /**
   * Written text that reads as a date (`2026-11-24`, `2026-11-24 10:00`, `24/11/2026` by the
   * locale) is stored as a date, as Sheets does with typed input. Off by default: most tests
   * assert the text they wrote.
   */
  parseTypedDates?: boolean;
  /** Date constructor for values read back, e.g. `vm.runInContext("Date", context)` for vm tests. */
  dateConstructor?: DateConstructor;
}

/** The globals Apps Script code sees. */
export interface FakeServices {
  SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  LockService: GoogleAppsScript.Lock.LockService;
  PropertiesService: GoogleAppsScript.Properties.PropertiesService;
  CacheService: GoogleAppsScript.Cache.CacheService;
  Session: GoogleAppsScript.Base.Session;
  Utilities: GoogleAppsScript.Utilities.Utilities;
  HtmlService: GoogleAppsScript.HTML.HtmlService;
}

export interface FakeHandle {
  services: FakeServices;
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet;
  ui: FakeUi;
  /** Every call on SpreadsheetApp/Spreadsheet/Sheet/Range/RangeList/Protection, in order. */
  calls: CallRecord[];
  /** Data round-trips (Range reads/writes, structural sheet changes), optionally for one sheet. */
  ioCalls(sheetName?: string): number;
  resetCalls(): void;
  /** Sets the active user (and the effective user, unless given separately). */
  setUser(email: string, effectiveEmail?: string): void;
  /** Runs fn as another user (an admin editing Pengaturan, say), then restores the users. */
  asUser<T>(email: string, fn: () => T): T;
  /** Selects ranges as if the user had (last one is the active range). */
  setSelection(...ranges: GoogleAppsScript.Spreadsheet.Range[]): void;
  locks: FakeLocks;
  properties: FakePropertyStores;
  caches: FakeCaches;
  toasts: ToastRecord[];
  /** Milliseconds passed to Utilities.sleep. */
  sleeps: number[];
  /** HTML project files by name; add more at any time. */
  htmlFiles: Map<string, string>;
}

export interface FakeEnv extends FakeHandle {
  /** Restores the globals that were there before installFakes. */
  uninstall(): void;
}

/** Fresh fakes (spreadsheet "Permohonan PBI-JK", id "ss-1", one sheet "Sheet1") not bound to any global. */
export function createFakeServices(options: FakeOptions = {}): FakeHandle {
  const user = options.user ?? "operator@dinsos.go.id";
  const ctx: FakeContext = {
    calls: [],
    users: { active: user, effective: user },
    owner: options.owner ?? user,
    scriptTimeZone: options.scriptTimeZone ?? "Asia/Jakarta",
    toasts: [],
    sleeps: [],
    ui: new FakeUi(),
    htmlFiles: new Map(Object.entries(options.htmlFiles ?? {})),
    newDate: (ms) => new (options.dateConstructor ?? Date)(ms),
    parseTypedDates: options.parseTypedDates ?? false,
  };
  const ss = new FakeSpreadsheet(ctx, {
    id: options.spreadsheetId ?? "ss-1",
    name: options.spreadsheetName ?? "Permohonan PBI-JK",
    timeZone: options.timeZone ?? "Asia/Jakarta",
    locale: options.locale ?? "id_ID",
  });
  const stores = createStores();
  for (const lock of Object.values(stores.locks)) lock.pendingWrites = () => unflushedWrites(ctx.calls);
  const services: FakeServices = {
    SpreadsheetApp: new FakeSpreadsheetApp(ctx, ss).api,
    HtmlService: new FakeHtmlService(ctx.htmlFiles).api,
    ...createBasicServices(ctx, stores),
  };
  return {
    services,
    spreadsheet: ss.api,
    ui: ctx.ui,
    calls: ctx.calls,
    ioCalls: (sheetName) => ctx.calls.filter((c) => isIoCall(c) && (sheetName === undefined || c.sheet === sheetName)).length,
    resetCalls: () => {
      ctx.calls.length = 0;
    },
    setUser: (email, effectiveEmail) => {
      ctx.users.active = email;
      ctx.users.effective = effectiveEmail ?? email;
    },
    asUser: (email, fn) => {
      const before = { ...ctx.users };
      ctx.users.active = email;
      ctx.users.effective = email;
      try {
        return fn();
      } finally {
        Object.assign(ctx.users, before);
      }
    },
    setSelection: (...ranges) => ss.select(ranges.map((r) => rawOf(r))),
    locks: stores.locks,
    properties: stores.properties,
    caches: stores.caches,
    toasts: ctx.toasts,
    sleeps: ctx.sleeps,
    htmlFiles: ctx.htmlFiles,
  };
}

/** Creates fresh fakes and installs them as Apps Script globals on globalThis. */
export function installFakes(options: FakeOptions = {}): FakeEnv {
  const handle = createFakeServices(options);
  const globals = unsafeCast<Record<string, unknown>>(globalThis);
  const previous = new Map<string, PropertyDescriptor | undefined>();
  for (const [name, service] of Object.entries(handle.services)) {
    previous.set(name, Object.getOwnPropertyDescriptor(globalThis, name));
    globals[name] = service;
  }
  return {
    ...handle,
    uninstall() {
      for (const [name, descriptor] of previous) {
        if (descriptor) Object.defineProperty(globalThis, name, descriptor);
        else delete globals[name];
      }
    },
  };
}

/**
 * Test setup: a sheet holding `rows` (ragged rows padded with ""), with whole columns in
 * `textColumns` formatted "@" first. Reuses an existing sheet of that name, grows the sheet
 * to fit, keeps the active sheet, and leaves no trace in the call log.
 */
export function sheetFromRows(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  name: string,
  rows: unknown[][],
  opts: { textColumns?: number[] } = {},
): GoogleAppsScript.Spreadsheet.Sheet {
  const raw = rawOf<FakeSpreadsheet>(ss);
  const mark = raw.ctx.calls.length;
  const active = raw.activeSheet();
  try {
    const sheet = ss.getSheetByName(name) ?? ss.insertSheet(name);
    const textColumns = opts.textColumns ?? [];
    const width = Math.max(1, ...rows.map((r) => r.length), ...textColumns);
    if (rows.length > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), rows.length - sheet.getMaxRows());
    if (width > sheet.getMaxColumns()) sheet.insertColumnsAfter(sheet.getMaxColumns(), width - sheet.getMaxColumns());
    for (const col of textColumns) sheet.getRange(1, col, sheet.getMaxRows(), 1).setNumberFormat("@");
    if (rows.length > 0) {
      const padded = rows.map((r) => [...r, ...new Array<string>(width - r.length).fill("")]);
      sheet.getRange(1, 1, rows.length, width).setValues(padded);
    }
    return sheet;
  } finally {
    raw.activate(active);
    raw.ctx.calls.length = mark;
  }
}
