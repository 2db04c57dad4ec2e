/**
 * The add-on as Apps Script runs it: the built dist/Code.js in a bare vm context holding only
 * the fake services (as test/gas/bundle.test.ts loads it), driven by the playground page.
 */
import vm from "node:vm";
import { createFakeServices, type FakeHandle, FakeUi } from "../test/fakes";
import { type FakeSnapshot, restoreFakes, snapshotFakes } from "../test/fakes/snapshot";
import type { MenuRecord } from "../test/fakes/ui";
import { type DocFakes, loadDocFakes } from "./docs";

/** What the add-on showed the user during one call. */
export type UiEvent =
  | { kind: "toast"; title: string; message: string }
  | { kind: "alert"; title: string; message: string }
  | { kind: "sidebar"; title: string }
  | { kind: "dialog"; title: string; index: number };

/** A question the add-on asked (alert with choices, or a prompt); the page answers and runs again. */
export interface Question {
  kind: "alert" | "prompt";
  title: string;
  message: string;
  buttons: string[];
}

export interface RunOutcome {
  events: UiEvent[];
  question?: Question;
  /** The entry point's return value, through JSON as google.script.run passes it. */
  value?: unknown;
  /** A failure the add-on did not catch (google.script.run would call the failure handler). */
  error?: string;
}

/** An answer: the button's name, and the typed text for a prompt. */
export interface Answer {
  button: string;
  text?: string;
}

const BUTTONS: Record<string, string[]> = {
  OK: ["OK"], OK_CANCEL: ["OK", "CANCEL"], YES_NO: ["YES", "NO"], YES_NO_CANCEL: ["YES", "NO", "CANCEL"],
};

class NeedAnswer extends Error {}

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

function covers(range: GoogleAppsScript.Spreadsheet.Range, row: number, col: number): boolean {
  return row >= range.getRow() && row < range.getRow() + range.getNumRows() &&
    col >= range.getColumn() && col < range.getColumn() + range.getNumColumns();
}

/** The description of a warning-only protection over the cell ("" if it has none), or null. */
function warningFor(sheet: Sheet, row: number, col: number, types: typeof GoogleAppsScript.Spreadsheet.ProtectionType): string | null {
  for (const p of [...sheet.getProtections(types.SHEET), ...sheet.getProtections(types.RANGE)]) {
    if (!p.isWarningOnly()) continue;
    const inside = p.getProtectionType() === types.SHEET
      ? !p.getUnprotectedRanges().some((r) => covers(r, row, col))
      : covers(p.getRange(), row, col);
    if (inside) return p.getDescription();
  }
  return null;
}

export const OWNER = "admin@dinsos.example";

export class Engine {
  fakes!: FakeHandle;
  private context!: vm.Context;
  private answers: Answer[] = [];
  /** The state after the last completed action: what a run stopped by a question returns to. */
  private base: FakeSnapshot | null = null;
  private question: Question | null = null;
  /** Entry points: the top-level wrappers the build writes for Apps Script. */
  readonly entryPoints: ReadonlySet<string>;
  menu: MenuRecord | null = null;
  sidebar: { title: string; html: string } | null = null;
  dialogs: Array<{ title: string; html: string }> = [];

  private constructor(
    private readonly code: string,
    private readonly htmlFiles: Record<string, string>,
    readonly docs: DocFakes | null,
    public user: string,
  ) {
    this.entryPoints = new Set([...code.matchAll(/^function (\w+)\(e\)/gm)].map((m) => m[1]!));
  }

  static async create(code: string, htmlFiles: Record<string, string>, user: string, snapshot: FakeSnapshot | null): Promise<Engine> {
    const engine = new Engine(code, htmlFiles, await loadDocFakes(), user);
    engine.boot(snapshot);
    return engine;
  }

  /** Fresh fakes (restored from a snapshot if given), the bundle loaded, and the menu from onOpen. */
  boot(snapshot: FakeSnapshot | null): void {
    this.context = vm.createContext({ console: { log() {}, info() {}, warn() {}, error() {} } });
    this.fakes = createFakeServices({
      user: this.user,
      owner: OWNER,
      dateConstructor: vm.runInContext("Date", this.context) as DateConstructor,
      htmlFiles: this.htmlFiles,
    });
    if (snapshot) restoreFakes(this.fakes, snapshot);
    this.base = snapshot;
    this.askThroughPage(this.fakes.ui);
    Object.assign(this.context, this.fakes.services);
    if (this.docs) Object.assign(this.context, { DocumentApp: this.docs.api });
    vm.runInContext(this.code, this.context, { filename: "Code.js" });
    this.fakes.ui.menus.length = 0;
    this.call("onOpen", [{ authMode: "LIMITED" }]);
    this.menu = this.fakes.ui.menus[this.fakes.ui.menus.length - 1] ?? null;
    this.fakes.resetCalls();
  }

  snapshot(): FakeSnapshot {
    return snapshotFakes(this.fakes);
  }

  /** Takes the state as it is now as the point a stopped run returns to, and hands it over for saving. */
  commit(): FakeSnapshot {
    this.base = this.snapshot();
    return this.base;
  }

  setUser(email: string): void {
    this.user = email;
    this.fakes.setUser(email);
  }

  /**
   * Runs an entry point as Apps Script would. A question the page has not answered yet undoes
   * the run and comes back, so the page can ask the user and run it again with the answers.
   */
  run(name: string, args: unknown[] = [], answers: Answer[] = []): RunOutcome {
    if (!this.entryPoints.has(name)) return { events: [], error: `Fungsi "${name}" tidak ada di add-on.` };
    const before = this.base ?? this.commit();
    // The snapshot holds no selection: a run undone for a question must see the same rows again.
    const selection = (this.fakes.spreadsheet.getActiveRangeList()?.getRanges() ?? [])
      .map((r) => [r.getSheet().getName(), r.getRow(), r.getColumn(), r.getNumRows(), r.getNumColumns()] as const);
    const marks = this.marks();
    this.answers = [...answers];
    this.question = null;
    let value: unknown;
    let error: string | undefined;
    try {
      value = this.call(name, args);
    } catch (e) {
      if (!(e instanceof NeedAnswer) && !this.question) error = e instanceof Error ? e.message : String(e);
    }
    const question = this.question as Question | null;
    if (question) {
      this.boot(before);
      this.reselect(selection);
      return { events: [], question };
    }
    const events = this.eventsSince(marks);
    this.fakes.resetCalls();
    return error === undefined ? { events, value } : { events, error };
  }

  /**
   * Types a value into a cell and runs the simple onEdit trigger, like Sheets. A cell under a
   * warning-only protection asks first, as Sheets does; answered "NO", nothing changes.
   */
  edit(sheetName: string, row: number, col: number, input: string | boolean, answers: Answer[] = []): RunOutcome {
    const sheet = this.fakes.spreadsheet.getSheetByName(sheetName);
    if (!sheet) return { events: [], error: `Sheet "${sheetName}" tidak ada.` };
    const range = sheet.getRange(row, col);
    const warning = warningFor(sheet, row, col, this.fakes.services.SpreadsheetApp.ProtectionType);
    if (warning !== null) {
      const answer = answers[0];
      if (!answer) {
        const about = warning ? ` (${warning})` : "";
        return { events: [], question: { kind: "alert", title: "Perhatian", buttons: ["YES", "NO"],
          message: `Sel ini dilindungi${about}. Biasanya add-on yang mengisinya. Tetap ubah?` } };
      }
      if (answer.button !== "YES") return { events: [] };
    }
    const rule = range.getDataValidation();
    if (rule && typeof input === "string" && input !== "" && String(rule.getCriteriaType()) === "VALUE_IN_LIST" && !rule.getAllowInvalid()) {
      const allowed = (rule.getCriteriaValues()[0] ?? []) as unknown[];
      if (!allowed.map(String).includes(input)) {
        return { events: [], error: `Isian "${input}" tidak sah untuk sel ini. ${rule.getHelpText() || `Pilih salah satu: ${allowed.join(", ")}.`}` };
      }
    }
    const oldValue = range.getValue();
    try {
      range.setValue(input);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      // Sheets shows its own dialog here; the page says the same in Indonesian.
      if (/protected/i.test(message)) return { events: [], error: "Sel ini dilindungi dan akun Anda tidak termasuk yang boleh mengubahnya (Pengaturan hanya untuk admin)." };
      return { events: [], error: `Sel tidak dapat diubah: ${message}` };
    }
    // Sheets passes a ticked checkbox as the text "TRUE".
    const value = typeof input === "boolean" ? String(input).toUpperCase() : input;
    const event = { range, source: this.fakes.spreadsheet, value, oldValue, user: { getEmail: () => this.user }, authMode: "LIMITED" };
    return this.entryPoints.has("onEdit") ? this.run("onEdit", [event]) : { events: [] };
  }

  /** Selects rows × columns on a sheet, as a click or drag in Sheets would. */
  select(sheetName: string, row: number, col: number, numRows: number, numCols: number): void {
    const sheet = this.fakes.spreadsheet.getSheetByName(sheetName);
    if (!sheet) return;
    this.fakes.setSelection(sheet.getRange(row, col, numRows, numCols));
    this.fakes.resetCalls();
  }

  private reselect(ranges: ReadonlyArray<readonly [string, number, number, number, number]>): void {
    const found = ranges.flatMap(([name, row, col, rows, cols]) => {
      const sheet = this.fakes.spreadsheet.getSheetByName(name);
      return sheet ? [sheet.getRange(row, col, rows, cols)] : [];
    });
    if (found.length) this.fakes.setSelection(...found);
    this.fakes.resetCalls();
  }

  activateSheet(sheetName: string): void {
    const sheet = this.fakes.spreadsheet.getSheetByName(sheetName);
    if (sheet) this.fakes.spreadsheet.setActiveSheet(sheet);
    this.fakes.resetCalls();
  }

  private call(name: string, args: unknown[]): unknown {
    const fn = (this.context as Record<string, unknown>)[name];
    if (typeof fn !== "function") throw new Error(`Fungsi "${name}" tidak ada di add-on.`);
    const result: unknown = fn(...args);
    return result === undefined ? undefined : JSON.parse(JSON.stringify(result)) as unknown;
  }

  private marks() {
    const ui = this.fakes.ui;
    return { toasts: this.fakes.toasts.length, alerts: ui.alerts.length, sidebars: ui.sidebars.length, dialogs: ui.dialogs.length };
  }

  private eventsSince(marks: ReturnType<Engine["marks"]>): UiEvent[] {
    const ui = this.fakes.ui;
    const events: UiEvent[] = [];
    for (const t of this.fakes.toasts.slice(marks.toasts)) events.push({ kind: "toast", title: t.title, message: t.message });
    for (const a of ui.alerts.slice(marks.alerts)) events.push({ kind: "alert", title: a.title ?? "", message: a.prompt });
    const sidebar = ui.sidebars[ui.sidebars.length - 1];
    if (ui.sidebars.length > marks.sidebars && sidebar) {
      this.sidebar = { title: sidebar.getTitle(), html: sidebar.getContent() };
      events.push({ kind: "sidebar", title: this.sidebar.title });
    }
    for (const d of ui.dialogs.slice(marks.dialogs)) {
      this.dialogs.push({ title: d.title, html: d.html.getContent() });
      events.push({ kind: "dialog", title: d.title, index: this.dialogs.length - 1 });
    }
    return events;
  }

  /** Alerts with choices (and prompts, where the Ui fake models them) are answered by the page. */
  private askThroughPage(ui: FakeUi): void {
    const raw = ui as unknown as Record<string, unknown>;
    const alert = FakeUi.prototype.alert;
    raw["alert"] = (a: string, b?: unknown, c?: unknown) => {
      const titled = c !== undefined;
      const buttons = String((titled ? c : b) ?? "OK");
      if (buttons !== "OK") {
        const answer = this.answers.shift();
        if (!answer) this.ask({ kind: "alert", title: titled ? a : "", message: String(titled ? b : a), buttons: BUTTONS[buttons] ?? ["OK"] });
        ui.alertResponses.unshift(answer!.button as unknown as GoogleAppsScript.Base.Button);
      }
      return alert.call(ui, a, b as never, c as never);
    };
    const prompt = (FakeUi.prototype as unknown as Record<string, unknown>)["prompt"];
    if (typeof prompt !== "function") return;
    raw["prompt"] = (a: string, b?: unknown, c?: unknown) => {
      const titled = c !== undefined;
      const buttons = String((titled ? c : b) ?? "OK");
      const answer = this.answers.shift();
      if (!answer) this.ask({ kind: "prompt", title: titled ? a : "", message: String(titled ? b : a), buttons: BUTTONS[buttons] ?? ["OK"] });
      return { getResponseText: () => answer!.text ?? "", getSelectedButton: () => answer!.button };
    };
  }

  private ask(question: Question): never {
    this.question = question;
    throw new NeedAnswer(question.message);
  }
}
