/**
 * DocumentApp fake: documents with a body, header and footer made of paragraphs, list items,
 * tables and horizontal rules; `replaceText` with Apps Script's semantics (the pattern is a
 * regular expression, the replacement Java-style: `$n` is a group, `\x` is x, a lone `$` or a
 * trailing `\` throws); injectable failures (a quota error on the Nth call); call counts.
 * Also a LockService whose document lock is shared by named executions, so two drafters interleave.
 */
import { exposeAs, makeEnum, rawOf, unsafeCast } from "./core";

type Document = GoogleAppsScript.Document.Document;
type Attrs = Record<string, unknown>;

export interface DocCall {
  target: string;
  method: string;
  docId: string | null;
}

/** Decides whether the call (1-based index among all Docs calls) fails, and with what message. */
export type FailureRule = (call: DocCall, index: number) => string | null;

export const QUOTA_MESSAGE = "Service invoked too many times for one day: docs create.";

class State {
  docs = new Map<string, FakeDocument>();
  calls: DocCall[] = [];
  failures: FailureRule[] = [];
  /** Runs before a call (tests use it to interleave another drafter). */
  beforeCall: ((call: DocCall, index: number) => void) | null = null;
  serial = 0;

  record(target: string, method: string, docId: string | null): void {
    const call = { target, method, docId };
    this.calls.push(call);
    const index = this.calls.length;
    this.beforeCall?.(call, index);
    for (const rule of this.failures) {
      const message = rule(call, index);
      if (message) throw new Error(message);
    }
  }
}

function expose<T>(state: State, raw: object, label: string, members: readonly string[], docId: () => string | null): T {
  return exposeAs<T>(raw, { label, members, onCall: (method) => state.record(label.replace(/^Fake/, ""), method, docId()) });
}

// ---------------------------------------------------------------- replaceText

/** Java's Matcher.appendReplacement rules for the replacement string. */
export function javaReplacement(replacement: string, match: RegExpExecArray): string {
  let out = "";
  for (let i = 0; i < replacement.length; i++) {
    const c = replacement[i]!;
    if (c === "\\") {
      i++;
      if (i >= replacement.length) throw new Error("character to be escaped is missing");
      out += replacement[i];
    } else if (c === "$") {
      let j = i + 1;
      while (j < replacement.length && /\d/.test(replacement[j]!)) j++;
      if (j === i + 1) throw new Error("Illegal group reference");
      const group = Number(replacement.slice(i + 1, j));
      if (group >= match.length) throw new Error(`No group ${group}`);
      out += match[group] ?? "";
      i = j - 1;
    } else out += c;
  }
  return out;
}

export function replaceAll(text: string, pattern: string, replacement: string): string {
  const re = new RegExp(pattern, "g");
  let out = "";
  let last = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out += text.slice(last, m.index) + javaReplacement(replacement, m);
    last = m.index + m[0].length;
    if (m[0].length === 0) re.lastIndex++;
  }
  return out + text.slice(last);
}

// ---------------------------------------------------------------- elements

const ELEMENT_MEMBERS = ["getType", "getText", "setAttributes", "getAttributes", "copy", "asParagraph", "asListItem", "asTable",
  "removeFromParent", "replaceText"] as const;

abstract class FakeElement {
  abstract readonly type: string;
  attrs: Attrs = {};
  parent: FakeSection | null = null;
  api!: unknown;
  constructor(protected readonly state: State, protected readonly docId: () => string | null) {}
  abstract text(): string;
  abstract replace(pattern: string, replacement: string): void;
  abstract clone(): FakeElement;
  getType(): string {
    return this.type;
  }
  getText(): string {
    return this.text();
  }
  setAttributes(attrs: Attrs): unknown {
    for (const [k, v] of Object.entries(attrs)) if (v !== null && v !== undefined) this.attrs[k] = v;
    return this.api;
  }
  getAttributes(): Attrs {
    return { ...this.attrs };
  }
  copy(): unknown {
    return this.clone().api;
  }
  private as(type: string): unknown {
    if (this.type !== type) throw new Error(`Cannot cast ${this.type} to ${type}.`);
    return this.api;
  }
  asParagraph(): unknown {
    return this.as("PARAGRAPH");
  }
  asListItem(): unknown {
    return this.as("LIST_ITEM");
  }
  asTable(): unknown {
    return this.as("TABLE");
  }
  removeFromParent(): unknown {
    const p = this.parent;
    if (p) {
      if (p.children.length === 1 && p.kind === "BODY_SECTION") throw new Error("Can't remove the last paragraph in a document section.");
      p.children.splice(p.children.indexOf(this), 1);
    }
    this.parent = null;
    return this.api;
  }
  replaceText(pattern: string, replacement: string): unknown {
    this.replace(pattern, replacement);
    return this.api;
  }
}

export class FakeParagraph extends FakeElement {
  hasRule = false;
  constructor(state: State, docId: () => string | null, public value: string, readonly type: "PARAGRAPH" | "LIST_ITEM" = "PARAGRAPH") {
    super(state, docId);
    this.api = expose(state, this, type === "PARAGRAPH" ? "FakeParagraph" : "FakeListItem",
      [...ELEMENT_MEMBERS, "setText", "appendHorizontalRule"], docId);
  }
  text(): string {
    return this.value;
  }
  replace(pattern: string, replacement: string): void {
    this.value = replaceAll(this.value, pattern, replacement);
  }
  clone(): FakeParagraph {
    const p = new FakeParagraph(this.state, () => null, this.value, this.type);
    p.attrs = { ...this.attrs };
    p.hasRule = this.hasRule;
    return p;
  }
  setText(text: string): void {
    this.value = String(text);
  }
  appendHorizontalRule(): unknown {
    this.hasRule = true;
    return {};
  }
}

export class FakeTable extends FakeElement {
  readonly type = "TABLE";
  widths: (number | null)[];
  constructor(state: State, docId: () => string | null, public cells: string[][]) {
    super(state, docId);
    this.widths = (cells[0] ?? []).map(() => null);
    this.api = expose(state, this, "FakeTable", [...ELEMENT_MEMBERS, "setColumnWidth", "getNumRows"], docId);
  }
  text(): string {
    return this.cells.map((r) => r.join("\n")).join("\n");
  }
  replace(pattern: string, replacement: string): void {
    this.cells = this.cells.map((r) => r.map((c) => replaceAll(c, pattern, replacement)));
  }
  clone(): FakeTable {
    const t = new FakeTable(this.state, () => null, this.cells.map((r) => [...r]));
    t.attrs = { ...this.attrs };
    t.widths = [...this.widths];
    return t;
  }
  setColumnWidth(column: number, width: number): unknown {
    if (column < 0 || column >= this.widths.length) throw new Error("Index out of bounds.");
    this.widths[column] = width;
    return this.api;
  }
  getNumRows(): number {
    return this.cells.length;
  }
}

const SECTION_MEMBERS = ["appendParagraph", "appendListItem", "appendTable", "appendHorizontalRule", "clear", "getChild", "getNumChildren",
  "getText", "replaceText", "setAttributes", "getAttributes", "getType"] as const;

export class FakeSection {
  children: FakeElement[] = [];
  attrs: Attrs = {};
  readonly api: unknown;
  constructor(private readonly state: State, readonly kind: "BODY_SECTION" | "HEADER_SECTION" | "FOOTER_SECTION", private readonly docId: () => string | null) {
    const label = { BODY_SECTION: "FakeBody", HEADER_SECTION: "FakeHeaderSection", FOOTER_SECTION: "FakeFooterSection" }[kind];
    this.api = expose(state, this, label, SECTION_MEMBERS, docId);
    // A new section holds one empty paragraph, as in Docs.
    this.clear();
  }
  private adopt<T extends FakeElement>(el: T): unknown {
    if (el.parent) throw new Error("Element must be detached.");
    el.parent = this;
    this.children.push(el);
    return el.api;
  }
  private raw(api: unknown): FakeElement {
    return rawOf<FakeElement>(api);
  }
  appendParagraph(content: unknown): unknown {
    if (typeof content === "string") return this.adopt(new FakeParagraph(this.state, this.docId, content));
    const el = this.raw(content);
    if (el.type !== "PARAGRAPH") throw new Error("Invalid argument: paragraph");
    return this.adopt(el);
  }
  appendListItem(content: unknown): unknown {
    if (typeof content === "string") return this.adopt(new FakeParagraph(this.state, this.docId, content, "LIST_ITEM"));
    const el = this.raw(content);
    if (el.type !== "LIST_ITEM") throw new Error("Invalid argument: listItem");
    return this.adopt(el);
  }
  appendTable(content: unknown): unknown {
    if (Array.isArray(content)) return this.adopt(new FakeTable(this.state, this.docId, content.map((r: unknown[]) => r.map(String))));
    const el = this.raw(content);
    if (el.type !== "TABLE") throw new Error("Invalid argument: table");
    return this.adopt(el);
  }
  appendHorizontalRule(): unknown {
    const p = new FakeParagraph(this.state, this.docId, "");
    p.hasRule = true;
    this.adopt(p);
    return {};
  }
  clear(): unknown {
    for (const c of this.children) c.parent = null;
    this.children = [];
    this.adopt(new FakeParagraph(this.state, this.docId, ""));
    return this.api;
  }
  getChild(i: number): unknown {
    const c = this.children[i];
    if (!c) throw new Error("Child index (" + i + ") must be less than the number of child elements (" + this.children.length + ").");
    return c.api;
  }
  getNumChildren(): number {
    return this.children.length;
  }
  getText(): string {
    return this.children.map((c) => c.text()).join("\n");
  }
  replaceText(pattern: string, replacement: string): unknown {
    for (const c of this.children) c.replace(pattern, replacement);
    return this.api;
  }
  setAttributes(attrs: Attrs): unknown {
    Object.assign(this.attrs, attrs);
    return this.api;
  }
  getAttributes(): Attrs {
    return { ...this.attrs };
  }
  getType(): string {
    return this.kind;
  }
}

// ---------------------------------------------------------------- documents

const DOCUMENT_MEMBERS = ["getId", "getUrl", "getName", "setName", "getBody", "getHeader", "addHeader", "getFooter", "addFooter", "saveAndClose"] as const;

export class FakeDocument {
  readonly api: Document;
  readonly body: FakeSection;
  header: FakeSection | null = null;
  footer: FakeSection | null = null;
  /** Deleted in Drive: openById fails. */
  deleted = false;
  constructor(private readonly state: State, readonly id: string, public name: string) {
    this.api = expose<Document>(state, this, "FakeDocument", DOCUMENT_MEMBERS, () => id);
    this.body = new FakeSection(state, "BODY_SECTION", () => id);
  }
  getId(): string {
    return this.id;
  }
  getUrl(): string {
    return `https://docs.google.com/open?id=${this.id}`;
  }
  getName(): string {
    return this.name;
  }
  setName(name: string): Document {
    this.name = name;
    return this.api;
  }
  getBody(): unknown {
    return this.body.api;
  }
  getHeader(): unknown {
    return this.header?.api ?? null;
  }
  addHeader(): unknown {
    if (this.header) throw new Error("Document tab already contains a header.");
    this.header = new FakeSection(this.state, "HEADER_SECTION", () => this.id);
    return this.header.api;
  }
  getFooter(): unknown {
    return this.footer?.api ?? null;
  }
  addFooter(): unknown {
    if (this.footer) throw new Error("Document tab already contains a footer.");
    this.footer = new FakeSection(this.state, "FOOTER_SECTION", () => this.id);
    return this.footer.api;
  }
  saveAndClose(): void {}
  /** All text: header, body, footer (for assertions). */
  allText(): string {
    return [this.header?.getText() ?? "", this.body.getText(), this.footer?.getText() ?? ""].join("\n");
  }
}

export interface FakeDocs {
  api: GoogleAppsScript.Document.DocumentApp;
  documents: Map<string, FakeDocument>;
  calls: DocCall[];
  /** Makes later calls fail; rules stay until cleared. */
  fail(rule: FailureRule): void;
  /** The Nth call from now (and, with `persist`, every later one) throws `message`. */
  failAt(n: number, message?: string, persist?: boolean): void;
  clearFailures(): void;
  onCall(hook: ((call: DocCall, index: number) => void) | null): void;
  /** A document as if the user had made it in Docs (e.g. the office's template). */
  addDocument(name: string, build?: (doc: FakeDocument) => void): FakeDocument;
  resetCalls(): void;
}

export function createFakeDocs(): FakeDocs {
  const state = new State();
  const app = {
    create(name: string): Document {
      const id = `doc-${++state.serial}`;
      const doc = new FakeDocument(state, id, String(name));
      state.docs.set(id, doc);
      return doc.api;
    },
    openById(id: string): Document {
      const doc = state.docs.get(String(id));
      if (!doc || doc.deleted) throw new Error("Document is missing (perhaps it was deleted, or you don't have read access?)");
      return doc.api;
    },
    ElementType: makeEnum("ElementType", ["PARAGRAPH", "LIST_ITEM", "TABLE", "BODY_SECTION", "HEADER_SECTION", "FOOTER_SECTION", "HORIZONTAL_RULE"]),
    HorizontalAlignment: makeEnum("HorizontalAlignment", ["LEFT", "CENTER", "RIGHT", "JUSTIFY"]),
    Attribute: makeEnum("Attribute", ["BOLD", "UNDERLINE", "FONT_SIZE", "FONT_FAMILY", "HORIZONTAL_ALIGNMENT", "INDENT_START", "INDENT_FIRST_LINE",
      "INDENT_END", "SPACING_AFTER", "SPACING_BEFORE", "LINE_SPACING", "BORDER_WIDTH", "MARGIN_TOP", "MARGIN_BOTTOM", "MARGIN_LEFT",
      "MARGIN_RIGHT", "PAGE_WIDTH", "PAGE_HEIGHT", "ITALIC"]),
  };
  const api = exposeAs<GoogleAppsScript.Document.DocumentApp>(app, {
    label: "FakeDocumentApp",
    members: ["create", "openById", "ElementType", "HorizontalAlignment", "Attribute"],
    onCall: (method) => state.record("DocumentApp", method, null),
  });
  return {
    api,
    documents: state.docs,
    calls: state.calls,
    fail: (rule) => state.failures.push(rule),
    failAt(n, message = QUOTA_MESSAGE, persist = false) {
      const at = state.calls.length + n;
      state.failures.push((_call, index) => (index === at || (persist && index > at) ? message : null));
    },
    clearFailures: () => {
      state.failures.length = 0;
    },
    onCall: (hook) => {
      state.beforeCall = hook;
    },
    addDocument(name, build) {
      const doc = new FakeDocument(state, `tpl-${++state.serial}`, name);
      state.docs.set(doc.id, doc);
      build?.(doc);
      return doc;
    },
    resetCalls: () => {
      state.calls.length = 0;
    },
  };
}

/** Installs a fresh DocumentApp global; returns it with an uninstall function. */
export function installFakeDocs(): FakeDocs & { uninstall(): void } {
  const docs = createFakeDocs();
  const globals = unsafeCast<Record<string, unknown>>(globalThis);
  const previous = globals["DocumentApp"];
  globals["DocumentApp"] = docs.api;
  return { ...docs, uninstall: () => (previous === undefined ? delete globals["DocumentApp"] : (globals["DocumentApp"] = previous)) };
}

// ---------------------------------------------------------------- a lock two executions share

/**
 * LockService whose document lock is one mutex shared by named executions: `as("B", fn)` runs
 * fn as execution B. A tryLock while another execution holds it waits its timeout and fails
 * (nothing runs concurrently in a test), as the real lock does when the holder does not finish.
 */
export class SharedLockService {
  owner: string | null = null;
  current = "A";
  readonly attempts: Array<{ execution: string; acquired: boolean; timeoutMs: number }> = [];
  readonly api: GoogleAppsScript.Lock.LockService;
  constructor() {
    const lockFor = () => {
      const self = this;
      const lock = {
        tryLock(timeoutMs: number): boolean {
          const acquired = self.owner === null || self.owner === self.current;
          self.attempts.push({ execution: self.current, acquired, timeoutMs });
          if (acquired) self.owner = self.current;
          return acquired;
        },
        waitLock(timeoutMs: number): void {
          if (!lock.tryLock(timeoutMs)) throw new Error("Lock timeout: another process was holding the lock for too long.");
        },
        releaseLock(): void {
          if (self.owner === self.current) self.owner = null;
        },
        hasLock: () => self.owner === self.current,
      };
      return exposeAs<GoogleAppsScript.Lock.Lock>(lock, { label: "FakeSharedLock", members: ["tryLock", "waitLock", "releaseLock", "hasLock"] });
    };
    this.api = exposeAs<GoogleAppsScript.Lock.LockService>({ getDocumentLock: lockFor }, { label: "FakeLockService", members: ["getDocumentLock"] });
  }
  as<T>(execution: string, fn: () => T): T {
    const before = this.current;
    this.current = execution;
    try {
      return fn();
    } finally {
      this.current = before;
    }
  }
}
