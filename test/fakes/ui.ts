/** Ui (menus, alerts, sidebars, dialogs) and HtmlService. */
import { exposeAs, makeEnum, rawOf } from "./core";

type Ui = GoogleAppsScript.Base.Ui;
type Menu = GoogleAppsScript.Base.Menu;
type Button = GoogleAppsScript.Base.Button;
type ButtonSet = GoogleAppsScript.Base.ButtonSet;
type HtmlOutput = GoogleAppsScript.HTML.HtmlOutput;
type HtmlTemplate = GoogleAppsScript.HTML.HtmlTemplate;
type HtmlServiceType = GoogleAppsScript.HTML.HtmlService;

export const Button = makeEnum<typeof GoogleAppsScript.Base.Button>("Ui.Button", ["CLOSE", "OK", "CANCEL", "YES", "NO"]);
export const ButtonSet = makeEnum<typeof GoogleAppsScript.Base.ButtonSet>(
  "Ui.ButtonSet",
  ["OK", "OK_CANCEL", "YES_NO", "YES_NO_CANCEL"],
);

export type MenuItemRecord =
  | { kind: "item"; caption: string; functionName: string }
  | { kind: "separator" }
  | { kind: "submenu"; menu: MenuRecord };

export interface MenuRecord {
  name: string;
  items: MenuItemRecord[];
}

export interface AlertRecord {
  title: string | null;
  prompt: string;
  buttons: ButtonSet;
  response: Button;
}

export interface PromptRecord {
  title: string | null;
  prompt: string;
  buttons: ButtonSet;
  response: { text: string; button: Button };
}

export interface DialogRecord {
  html: HtmlOutput;
  title: string;
  modal: boolean;
}

const MENU_MEMBERS = ["addItem", "addSeparator", "addSubMenu", "addToUi"] as const;

class FakeMenu implements Pick<Menu, (typeof MENU_MEMBERS)[number]> {
  readonly api: Menu;
  readonly record: MenuRecord;
  constructor(
    private readonly ui: FakeUi,
    name: string,
  ) {
    this.record = { name, items: [] };
    this.api = exposeAs<Menu>(this, { label: "FakeMenu", members: MENU_MEMBERS });
  }
  addItem(caption: string, functionName: string): Menu {
    if (typeof functionName !== "string" || functionName === "") throw new Error("addItem needs a function name");
    this.record.items.push({ kind: "item", caption, functionName });
    return this.api;
  }
  addSeparator(): Menu {
    this.record.items.push({ kind: "separator" });
    return this.api;
  }
  addSubMenu(menu: Menu): Menu {
    this.record.items.push({ kind: "submenu", menu: rawOf<FakeMenu>(menu).record });
    return this.api;
  }
  addToUi(): void {
    this.ui.menus.push(this.record);
  }
}

const UI_MEMBERS = [
  "Button", "ButtonSet", "createMenu", "createAddonMenu", "alert", "prompt", "showSidebar", "showModalDialog", "showModelessDialog",
] as const;

/** Records everything shown to the user; queue alert answers in `alertResponses`. */
export class FakeUi implements Pick<Ui, (typeof UI_MEMBERS)[number]> {
  readonly api: Ui;
  readonly Button = Button;
  readonly ButtonSet = ButtonSet;
  readonly menus: MenuRecord[] = [];
  readonly alerts: AlertRecord[] = [];
  readonly sidebars: HtmlOutput[] = [];
  readonly dialogs: DialogRecord[] = [];
  /** Answers for the next alerts, first in first out; by default the set's first button. */
  readonly alertResponses: Button[] = [];
  readonly prompts: PromptRecord[] = [];
  /** Answers for the next prompts (text typed, button pressed); by default "" and the set's first button. */
  readonly promptResponses: { text: string; button?: Button }[] = [];

  constructor() {
    this.api = exposeAs<Ui>(this, { label: "FakeUi", members: UI_MEMBERS });
  }

  createMenu(caption: string): Menu {
    return new FakeMenu(this, caption).api;
  }
  createAddonMenu(): Menu {
    return new FakeMenu(this, "(add-on)").api;
  }
  alert(a: string, b?: string | ButtonSet, c?: ButtonSet): Button {
    const titled = c !== undefined; // alert(title, prompt, buttons)
    const title = titled ? a : null;
    const prompt = titled ? String(b) : a;
    const buttons = (titled ? c : b) ?? ButtonSet.OK;
    if (!isButtonSet(buttons)) throw new Error(`Invalid ButtonSet: ${String(buttons)}`);
    const response = this.alertResponses.shift() ?? defaultButton(buttons);
    this.alerts.push({ title, prompt: String(prompt), buttons, response });
    return response;
  }
  /** prompt(prompt), prompt(prompt, buttons) or prompt(title, prompt, buttons), as Apps Script overloads it. */
  prompt(a: string, b?: string | ButtonSet, c?: ButtonSet): GoogleAppsScript.Base.PromptResponse {
    const titled = c !== undefined;
    const title = titled ? a : null;
    const prompt = titled ? String(b) : a;
    const buttons = (titled ? c : b) ?? ButtonSet.OK;
    if (!isButtonSet(buttons)) throw new Error(`Invalid ButtonSet: ${String(buttons)}`);
    const queued = this.promptResponses.shift();
    const response = { text: queued?.text ?? "", button: queued?.button ?? defaultButton(buttons) };
    this.prompts.push({ title, prompt, buttons, response });
    return exposeAs<GoogleAppsScript.Base.PromptResponse>(
      { getResponseText: () => response.text, getSelectedButton: () => response.button },
      { label: "FakePromptResponse", members: ["getResponseText", "getSelectedButton"] as const },
    );
  }
  showSidebar(html: HtmlOutput): void {
    rawOf(html);
    this.sidebars.push(html);
  }
  showModalDialog(html: HtmlOutput, title: string): void {
    rawOf(html);
    this.dialogs.push({ html, title, modal: true });
  }
  showModelessDialog(html: HtmlOutput, title: string): void {
    rawOf(html);
    this.dialogs.push({ html, title, modal: false });
  }
}

function isButtonSet(value: unknown): value is ButtonSet {
  return typeof value === "string" && ["OK", "OK_CANCEL", "YES_NO", "YES_NO_CANCEL"].includes(value);
}

function defaultButton(set: ButtonSet): Button {
  return String(set).startsWith("YES") ? Button.YES : Button.OK;
}

// ---------------------------------------------------------------- HtmlService

const OUTPUT_MEMBERS = [
  "getContent", "setContent", "append", "clear", "getTitle", "setTitle", "getWidth", "setWidth",
  "getHeight", "setHeight", "setSandboxMode", "setXFrameOptionsMode", "addMetaTag", "setFaviconUrl",
] as const;

export class FakeHtmlOutput implements Pick<HtmlOutput, (typeof OUTPUT_MEMBERS)[number]> {
  readonly api: HtmlOutput;
  title = "";
  width = 0;
  height = 0;
  sandboxMode: unknown = null;
  xFrameOptionsMode: unknown = null;
  readonly metaTags: Array<{ name: string; content: string }> = [];
  faviconUrl = "";

  constructor(public content: string) {
    this.api = exposeAs<HtmlOutput>(this, { label: "FakeHtmlOutput", members: OUTPUT_MEMBERS });
  }
  getContent(): string {
    return this.content;
  }
  setContent(content: string): HtmlOutput {
    this.content = content;
    return this.api;
  }
  append(added: string): HtmlOutput {
    this.content += added;
    return this.api;
  }
  clear(): HtmlOutput {
    this.content = "";
    return this.api;
  }
  getTitle(): string {
    return this.title;
  }
  setTitle(title: string): HtmlOutput {
    this.title = title;
    return this.api;
  }
  getWidth(): number {
    return this.width;
  }
  setWidth(width: number): HtmlOutput {
    this.width = width;
    return this.api;
  }
  getHeight(): number {
    return this.height;
  }
  setHeight(height: number): HtmlOutput {
    this.height = height;
    return this.api;
  }
  setSandboxMode(mode: GoogleAppsScript.HTML.SandboxMode): HtmlOutput {
    this.sandboxMode = mode;
    return this.api;
  }
  setXFrameOptionsMode(mode: GoogleAppsScript.HTML.XFrameOptionsMode): HtmlOutput {
    this.xFrameOptionsMode = mode;
    return this.api;
  }
  addMetaTag(name: string, content: string): HtmlOutput {
    this.metaTags.push({ name, content });
    return this.api;
  }
  setFaviconUrl(url: string): HtmlOutput {
    this.faviconUrl = url;
    return this.api;
  }
}

const TEMPLATE_MEMBERS = ["evaluate", "getRawContent"] as const;

/** Template variables may be assigned; evaluate() does no scriptlet processing. */
class FakeHtmlTemplate implements Pick<HtmlTemplate, (typeof TEMPLATE_MEMBERS)[number]> {
  readonly api: HtmlTemplate;
  constructor(private readonly raw: string) {
    this.api = exposeAs<HtmlTemplate>(this, { label: "FakeHtmlTemplate", members: TEMPLATE_MEMBERS, openProperties: true });
  }
  evaluate(): HtmlOutput {
    return new FakeHtmlOutput(this.raw).api;
  }
  getRawContent(): string {
    return this.raw;
  }
}

const SERVICE_MEMBERS = [
  "SandboxMode", "XFrameOptionsMode", "createHtmlOutput", "createHtmlOutputFromFile",
  "createTemplate", "createTemplateFromFile",
] as const;

export class FakeHtmlService implements Pick<HtmlServiceType, (typeof SERVICE_MEMBERS)[number]> {
  readonly api: HtmlServiceType;
  readonly SandboxMode = makeEnum<typeof GoogleAppsScript.HTML.SandboxMode>(
    "HtmlService.SandboxMode",
    ["EMULATED", "IFRAME", "NATIVE"],
  );
  readonly XFrameOptionsMode = makeEnum<typeof GoogleAppsScript.HTML.XFrameOptionsMode>(
    "HtmlService.XFrameOptionsMode",
    ["ALLOWALL", "DEFAULT"],
  );

  /** `files` maps project file names (without ".html") to their content. */
  constructor(private readonly files: Map<string, string>) {
    this.api = exposeAs<HtmlServiceType>(this, { label: "FakeHtmlService", members: SERVICE_MEMBERS });
  }
  createHtmlOutput(html?: unknown): HtmlOutput {
    if (html !== undefined && typeof html !== "string") throw new Error("FakeHtmlService.createHtmlOutput(blob) is not modelled");
    return new FakeHtmlOutput(html ?? "").api;
  }
  createHtmlOutputFromFile(filename: string): HtmlOutput {
    return new FakeHtmlOutput(this.file(filename)).api;
  }
  createTemplate(html: unknown): HtmlTemplate {
    if (typeof html !== "string") throw new Error("FakeHtmlService.createTemplate(blob) is not modelled");
    return new FakeHtmlTemplate(html).api;
  }
  createTemplateFromFile(filename: string): HtmlTemplate {
    return new FakeHtmlTemplate(this.file(filename)).api;
  }
  private file(filename: string): string {
    const content = this.files.get(filename.replace(/\.html$/, ""));
    if (content === undefined) throw new Error(`No HTML file named ${filename} was found.`);
    return content;
  }
}
