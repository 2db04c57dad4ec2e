/**
 * The playground page: a spreadsheet grid, the add-on menu, the sidebar panel, role switch and
 * letter previews. Every piece of data goes into the page with textContent, never as HTML.
 */
import type { CellView, SheetView } from "../view";

interface MenuItem { kind: "item" | "separator" | "submenu"; caption?: string; functionName?: string; menu?: MenuRecord }
interface MenuRecord { name: string; items: MenuItem[] }
interface State {
  version: number;
  spreadsheet: string;
  sheets: { name: string; hidden: boolean }[];
  active: string;
  selection: { row: number; col: number; numRows: number; numCols: number };
  menu: MenuRecord | null;
  user: string;
  users: { email: string; role: string; label: string }[];
  sidebar: { title: string } | null;
  documents: boolean;
}
type UiEvent =
  | { kind: "toast"; title: string; message: string }
  | { kind: "alert"; title: string; message: string }
  | { kind: "sidebar"; title: string }
  | { kind: "dialog"; title: string; index: number };
interface Question { kind: "alert" | "prompt"; title: string; message: string; buttons: string[] }
interface Answer { button: string; text?: string }
interface Outcome { events: UiEvent[]; question?: Question; error?: string; value?: unknown }

declare global {
  interface Window {
    pbijkAsk(q: Question): Promise<Answer>;
    pbijkRan(events: UiEvent[]): void;
    pbijkClose(): void;
    pbijkFocus(): void;
  }
}

type Child = Node | string | null | undefined | false;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: Array<Child | HTMLElement | null>): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "class") node.className = v;
    else node.setAttribute(k, v);
  }
  for (const c of children) if (c) node.append(typeof c === "string" ? document.createTextNode(c) : c);
  return node;
}

async function api<T>(path: string, body?: unknown): Promise<T> {
  const res = await fetch(path, body === undefined ? {} : { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  const data = (await res.json()) as T & { error?: string };
  if (!res.ok) throw new Error(data.error ?? `Permintaan gagal (${res.status}).`);
  return data;
}

const BUTTON_LABELS: Record<string, string> = { OK: "OK", CANCEL: "Batal", YES: "Ya", NO: "Tidak", CLOSE: "Tutup" };

function columnName(n: number): string {
  let s = "";
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

// ------------------------------------------------------------------ layout

const app = document.getElementById("app")!;
const menuButton = el("button", { id: "menu-button", type: "button", "aria-haspopup": "menu", "aria-expanded": "false", "aria-controls": "menu" }, "Ekstensi › PBI-JK");
const menuList = el("ul", { id: "menu", role: "menu", "aria-label": "Menu PBI-JK", hidden: "" });
const roleSelect = el("select", { id: "role", "aria-label": "Peran pengguna" });
const resetButton = el("button", { id: "reset", type: "button", class: "secondary" }, "Reset demo");
const docsButton = el("button", { id: "docs-button", type: "button", class: "secondary", hidden: "" }, "Surat");
const title = el("span", { class: "doc-title" });
const cellRef = el("span", { id: "cell-ref", class: "cell-ref", "aria-live": "polite" });
const formula = el("output", { id: "cell-value", class: "cell-value" });
const gridWrap = el("div", { id: "grid", class: "grid", tabindex: "0", role: "region", "aria-label": "Isi sheet" });
const tabs = el("div", { class: "tabs", role: "tablist", "aria-label": "Sheet" });
const panel = el("aside", { id: "sidebar", class: "sidebar", hidden: "", "aria-label": "Panel add-on" });
const docsPanel = el("aside", { id: "documents", class: "documents", hidden: "", "aria-label": "Draf surat" });
const toasts = el("div", { id: "toasts", class: "toasts", role: "status", "aria-live": "polite" });
const dialog = el("dialog", { id: "dialog", "aria-labelledby": "dialog-title" });

app.append(
  el("header", { class: "top" },
    el("span", { class: "logo", "aria-hidden": "true" }, "▦"), title,
    el("nav", { class: "menubar", "aria-label": "Menu" }, el("div", { class: "menu-wrap" }, menuButton, menuList)),
    el("span", { class: "spacer" }),
    el("label", { class: "role" }, "Masuk sebagai ", roleSelect),
    docsButton, resetButton),
  el("div", { class: "formula" }, cellRef, formula),
  el("div", { class: "body" }, el("main", { class: "sheet" }, gridWrap, tabs), panel, docsPanel),
  toasts, dialog,
);

let state: State;
let view: SheetView | null = null;
let active = { row: 2, col: 1 };
let anchorRow: number | null = null;

// ------------------------------------------------------------------ events from the add-on

function toast(t: { title: string; message: string }): void {
  const node = el("div", { class: "toast" }, t.title ? el("strong", {}, t.title) : null, el("span", {}, t.message));
  toasts.append(node);
  setTimeout(() => node.remove(), 7000);
}

function showDialog(heading: string, message: string, buttons: string[], input: boolean): Promise<Answer> {
  return new Promise((resolve) => {
    const field = input ? el("input", { type: "text", id: "dialog-input", "aria-label": "Jawaban" }) : null;
    const row = el("div", { class: "dialog-buttons" });
    dialog.replaceChildren(el("h2", { id: "dialog-title" }, heading || "PBI-JK"), el("p", { class: "dialog-message" }, message), ...(field ? [field] : []), row);
    for (const b of buttons) {
      const button = el("button", { type: "button", class: b === buttons[0] ? "" : "secondary" }, BUTTON_LABELS[b] ?? b);
      button.addEventListener("click", () => {
        dialog.close();
        resolve(field ? { button: b, text: field.value } : { button: b });
      });
      row.append(button);
    }
    dialog.onclose = () => resolve({ button: buttons.includes("CANCEL") ? "CANCEL" : buttons[buttons.length - 1]! });
    dialog.showModal();
    (field ?? row.querySelector("button"))?.focus();
  });
}

window.pbijkAsk = (q) => showDialog(q.title, q.message, q.buttons, q.kind === "prompt");
// The sheet is redrawn first, so an alert sits over the updated grid as in Sheets.
window.pbijkRan = (events) => void refresh().then(() => handleEvents(events));
window.pbijkClose = () => closePanel();
window.pbijkFocus = () => gridWrap.focus();

async function handleEvents(events: UiEvent[]): Promise<void> {
  for (const e of events) {
    if (e.kind === "toast") toast(e);
    else if (e.kind === "alert") await showDialog(e.title, e.message, ["OK"], false);
    else if (e.kind === "sidebar") openPanel(e.title);
    else if (e.kind === "dialog") await showFrameDialog(e.title, e.index);
  }
}

function openPanel(heading: string): void {
  const close = el("button", { type: "button", class: "icon", "aria-label": "Tutup panel" }, "×");
  close.addEventListener("click", closePanel);
  const frame = el("iframe", { src: `/sidebar?t=${Date.now()}`, title: heading || "Panel add-on", name: "sidebar" });
  panel.replaceChildren(el("div", { class: "panel-head" }, el("h2", {}, heading || "Panel"), close), frame);
  panel.hidden = false;
}

function closePanel(): void {
  panel.hidden = true;
  panel.replaceChildren();
}

function showFrameDialog(heading: string, index: number): Promise<void> {
  return new Promise((resolve) => {
    const close = el("button", { type: "button", class: "secondary" }, "Tutup");
    dialog.replaceChildren(el("h2", { id: "dialog-title" }, heading || "PBI-JK"),
      el("iframe", { src: `/dialog/${index}`, title: heading || "Dialog", class: "dialog-frame" }), el("div", { class: "dialog-buttons" }, close));
    close.addEventListener("click", () => dialog.close());
    dialog.onclose = () => resolve();
    dialog.showModal();
  });
}

/** Runs a server action; a question from the add-on is asked here and the action runs again. */
async function perform(path: string, body: Record<string, unknown>): Promise<void> {
  const given: Answer[] = [];
  for (;;) {
    let outcome: Outcome;
    try {
      outcome = await api<Outcome>(path, { ...body, answers: given });
    } catch (error) {
      await showDialog("PBI-JK", error instanceof Error ? error.message : String(error), ["OK"], false);
      return;
    }
    if (outcome.question) {
      given.push(await window.pbijkAsk(outcome.question));
      continue;
    }
    await refresh();
    await handleEvents(outcome.events);
    if (outcome.error) await showDialog("PBI-JK", outcome.error, ["OK"], false);
    return;
  }
}

// ------------------------------------------------------------------ menu

function buildMenu(menu: MenuRecord | null): void {
  menuList.replaceChildren();
  menuButton.textContent = menu ? `Ekstensi › ${menu.name === "(add-on)" ? "PBI-JK" : menu.name}` : "Ekstensi";
  const add = (items: MenuItem[]) => {
    for (const item of items) {
      if (item.kind === "separator") menuList.append(el("li", { role: "separator" }));
      else if (item.kind === "submenu" && item.menu) {
        menuList.append(el("li", { role: "presentation", class: "menu-group" }, item.menu.name));
        add(item.menu.items);
      } else if (item.kind === "item" && item.functionName) {
        const fn = item.functionName;
        const li = el("li", { role: "menuitem", tabindex: "-1", "data-fn": fn }, item.caption ?? fn);
        li.addEventListener("click", () => runMenu(fn));
        menuList.append(li);
      }
    }
  };
  add(menu?.items ?? []);
}

function menuItems(): HTMLElement[] {
  return [...menuList.querySelectorAll<HTMLElement>('[role="menuitem"]')];
}

function openMenu(focusLast = false): void {
  menuList.hidden = false;
  menuButton.setAttribute("aria-expanded", "true");
  const items = menuItems();
  items[focusLast ? items.length - 1 : 0]?.focus();
}

function closeMenu(focusButton = true): void {
  menuList.hidden = true;
  menuButton.setAttribute("aria-expanded", "false");
  if (focusButton) menuButton.focus();
}

function runMenu(fn: string): void {
  closeMenu(true);
  void perform("/api/menu", { fn });
}

menuButton.addEventListener("click", () => (menuList.hidden ? openMenu() : closeMenu()));
menuButton.addEventListener("keydown", (e) => {
  if (e.key === "ArrowDown" || e.key === "ArrowUp") {
    e.preventDefault();
    openMenu(e.key === "ArrowUp");
  }
});
menuList.addEventListener("keydown", (e) => {
  const items = menuItems();
  const at = items.indexOf(document.activeElement as HTMLElement);
  if (e.key === "ArrowDown" || e.key === "ArrowUp") {
    e.preventDefault();
    const next = (at + (e.key === "ArrowDown" ? 1 : -1) + items.length) % items.length;
    items[next]?.focus();
  } else if (e.key === "Home" || e.key === "End") {
    e.preventDefault();
    items[e.key === "Home" ? 0 : items.length - 1]?.focus();
  } else if (e.key === "Enter" || e.key === " ") {
    e.preventDefault();
    const fn = items[at]?.dataset["fn"];
    if (fn) runMenu(fn);
  } else if (e.key === "Escape" || e.key === "Tab") {
    if (e.key === "Escape") e.preventDefault();
    closeMenu(e.key === "Escape");
  }
});
document.addEventListener("click", (e) => {
  if (!menuList.hidden && !(e.target as Node).parentElement?.closest(".menu-wrap")) closeMenu(false);
});

// ------------------------------------------------------------------ role, reset, letters

roleSelect.addEventListener("change", async () => {
  await api("/api/role", { email: roleSelect.value });
  toast({ title: "Peran", message: `Sekarang masuk sebagai ${roleSelect.value}.` });
  // An open panel shows the account that loaded it: load it again for the new one.
  const frame = panel.querySelector("iframe");
  if (frame) frame.src = `/sidebar?t=${Date.now()}`;
  await refresh();
});

resetButton.addEventListener("click", async () => {
  const answer = await showDialog("Reset demo", "Semua perubahan dihapus dan data demo dibuat ulang. Lanjutkan?", ["YES", "NO"], false);
  if (answer.button !== "YES") return;
  closePanel();
  await api("/api/reset", {});
  toast({ title: "Demo", message: "Data demo dibuat ulang." });
  await refresh();
});

docsButton.addEventListener("click", () => void toggleDocuments());

async function toggleDocuments(): Promise<void> {
  if (!docsPanel.hidden) {
    docsPanel.hidden = true;
    return;
  }
  const { documents } = await api<{ documents: { id: string; name: string }[] }>("/api/documents");
  const list = el("ul", { class: "doc-list" });
  for (const d of documents) {
    const b = el("button", { type: "button", class: "link" }, d.name);
    b.addEventListener("click", () => void previewDocument(d.id));
    list.append(el("li", {}, b));
  }
  docsPanel.replaceChildren(el("h2", {}, "Draf surat"), documents.length ? list : el("p", {}, "Belum ada draf surat. Jalankan menu Buat Draf Surat."),
    el("div", { id: "doc-preview", class: "doc-preview" }));
  docsPanel.hidden = false;
}

interface DocBlock { type: "paragraph" | "list" | "table" | "rule"; text?: string; rows?: string[][]; bold?: boolean; align?: string; borderless?: boolean; indent?: number; underline?: boolean }
interface DocPreview { name: string; header: DocBlock[]; body: DocBlock[]; footer: DocBlock[] }

async function previewDocument(id: string): Promise<void> {
  const doc = await api<DocPreview>(`/api/document?id=${encodeURIComponent(id)}`);
  const render = (blocks: DocBlock[]) => blocks.map((b) => {
    if (b.type === "rule") return el("hr");
    if (b.type === "table") {
      return el("table", b.borderless ? { class: "plain" } : {}, ...(b.rows ?? []).map((r) => el("tr", {}, ...r.map((c) => el("td", {}, c)))));
    }
    const p = el(b.type === "list" ? "li" : "p", {}, b.text ?? "");
    if (b.bold) p.classList.add("bold");
    if (b.underline) p.classList.add("underline");
    // Points of the letter's text width (A4 less its margins, src/gas/docs.ts: 454 pt), as a share of the preview's width.
    if (b.indent) p.style.paddingLeft = `${Math.min(80, (b.indent / 454) * 100).toFixed(1)}%`;
    if (b.align) p.dataset["align"] = b.align.toLowerCase();
    return p;
  });
  document.getElementById("doc-preview")!.replaceChildren(el("article", { class: "page", "aria-label": doc.name },
    el("header", {}, ...render(doc.header)), el("section", {}, ...render(doc.body)), el("footer", {}, ...render(doc.footer))));
}

// ------------------------------------------------------------------ grid

function renderTabs(): void {
  tabs.replaceChildren();
  for (const s of state.sheets.filter((x) => !x.hidden)) {
    const tab = el("button", { type: "button", role: "tab", "aria-selected": String(s.name === state.active), class: "tab" }, s.name);
    tab.addEventListener("click", async () => {
      await api("/api/activate", { sheet: s.name });
      active = { row: 2, col: 1 };
      await refresh();
    });
    tabs.append(tab);
  }
}

function cellNode(cell: CellView, r: number, c: number): HTMLTableCellElement {
  const td = el("td", { "data-r": String(r), "data-c": String(c) });
  if (cell.check !== undefined) {
    const box = el("input", { type: "checkbox", "aria-label": `${columnName(c)}${r}`, tabindex: "-1" });
    box.checked = cell.check;
    box.addEventListener("change", () => void edit(r, c, box.checked));
    td.append(box);
    td.classList.add("center");
  } else {
    td.textContent = cell.t;
    if (cell.list) td.classList.add("list");
  }
  if (cell.bg) td.style.background = cell.bg;
  if (cell.fg) td.style.color = cell.fg;
  if (cell.bold) td.classList.add("bold");
  if (cell.note) {
    td.title = cell.note;
    td.classList.add("has-note");
  }
  return td;
}

const ROW_HEIGHT = 25;
const BUFFER_ROWS = 15;
let rendered = { first: 0, last: -1 };

/** The table frame: header, frozen rows and a body drawn for the rows in view only. */
function renderGrid(): void {
  if (!view) return;
  const v = view;
  const colgroup = el("colgroup", {}, el("col", { style: "width:46px" }), ...v.widths.map((w) => el("col", { style: `width:${w}px` })));
  const head = el("tr", {}, el("th", { class: "corner" }), ...v.widths.map((_, c) => el("th", { scope: "col" }, columnName(c + 1))));
  const table = el("table", { class: "cells", "aria-label": `Sheet ${v.name}`, "aria-rowcount": String(v.rows), "aria-colcount": String(v.cols) },
    colgroup, el("thead", {}, head), el("tbody"));
  const scroll = { top: gridWrap.scrollTop, left: gridWrap.scrollLeft };
  // The sheet's full height first: an empty body would clamp the kept scroll to the top.
  table.tBodies[0]!.append(spacer(v.rows));
  gridWrap.replaceChildren(table);
  rendered = { first: 0, last: -1 };
  gridWrap.scrollTop = scroll.top;
  gridWrap.scrollLeft = scroll.left;
  renderRows(true);
}

function rowNode(r: number): HTMLTableRowElement {
  const line = view!.cells[r - 1]!;
  const rowHead = el("th", { scope: "row", class: "rowhead", "data-r": String(r), "aria-rowindex": String(r + 1) }, String(r));
  const tr = el("tr", { "data-r": String(r) }, rowHead, ...line.map((cell, j) => cellNode(cell, r, j + 1)));
  if (r <= view!.frozenRows) tr.classList.add("frozen");
  return tr;
}

function spacer(rows: number): HTMLTableRowElement {
  return el("tr", { class: "spacer", "aria-hidden": "true" },
    el("td", { colspan: String(view!.cols + 1), style: `height:${rows * ROW_HEIGHT}px` }));
}

/** Draws the rows in view (a few hundred rows of sixty columns would make every click slow). */
function renderRows(force = false): void {
  if (!view) return;
  const body = gridWrap.querySelector("tbody");
  if (!body) return;
  const frozen = view.frozenRows;
  const top = Math.floor(gridWrap.scrollTop / ROW_HEIGHT);
  const first = Math.max(frozen + 1, top - BUFFER_ROWS);
  const last = Math.min(view.rows, top + Math.ceil(gridWrap.clientHeight / ROW_HEIGHT) + BUFFER_ROWS);
  if (!force && first >= rendered.first && last <= rendered.last) return;
  const from = Math.max(frozen + 1, first - BUFFER_ROWS);
  const to = Math.min(view.rows, last + BUFFER_ROWS);
  rendered = { first: from, last: to };
  const rows: HTMLTableRowElement[] = [];
  for (let r = 1; r <= frozen; r++) rows.push(rowNode(r));
  if (from > frozen + 1) rows.push(spacer(from - frozen - 1));
  for (let r = from; r <= to; r++) rows.push(rowNode(r));
  if (to < view.rows) rows.push(spacer(view.rows - to));
  body.replaceChildren(...rows);
  paintSelection();
}

let scrollPending = false;
gridWrap.addEventListener("scroll", () => {
  if (scrollPending) return;
  scrollPending = true;
  requestAnimationFrame(() => {
    scrollPending = false;
    renderRows();
  });
});

/** Scrolls a row into view, drawing it first when it is outside the drawn rows. */
function revealRow(row: number): void {
  if (!view) return;
  const headerSpace = ROW_HEIGHT * (view.frozenRows + 1);
  const y = (row - 1) * ROW_HEIGHT;
  if (y < gridWrap.scrollTop + headerSpace - ROW_HEIGHT) gridWrap.scrollTop = Math.max(0, y - headerSpace);
  else if (y + ROW_HEIGHT > gridWrap.scrollTop + gridWrap.clientHeight) gridWrap.scrollTop = y + ROW_HEIGHT - gridWrap.clientHeight + ROW_HEIGHT;
  renderRows();
}

/** Scrolls a row to the middle of the grid when it is out of view (or at its very edge). */
function centreRow(row: number): void {
  const y = (row - 1) * ROW_HEIGHT;
  const top = gridWrap.scrollTop + ROW_HEIGHT * 2;
  if (y >= top && y + ROW_HEIGHT * 2 <= gridWrap.scrollTop + gridWrap.clientHeight) return;
  gridWrap.scrollTop = Math.max(0, y - Math.floor(gridWrap.clientHeight / 2));
  renderRows();
}

function paintSelection(): void {
  gridWrap.querySelectorAll(".active, .selected").forEach((n) => n.classList.remove("active", "selected"));
  const s = state.selection;
  for (let r = s.row; r < s.row + s.numRows; r++) {
    gridWrap.querySelector(`tr[data-r="${r}"]`)?.classList.add("selected");
  }
  const td = gridWrap.querySelector<HTMLElement>(`td[data-r="${active.row}"][data-c="${active.col}"]`);
  td?.classList.add("active");
  cellRef.textContent = `${columnName(active.col)}${active.row}`;
  const cell = view?.cells[active.row - 1]?.[active.col - 1];
  formula.textContent = cell ? (cell.check !== undefined ? String(cell.check ? "TRUE" : "FALSE") : cell.t) : "";
}

async function select(row: number, col: number, numRows = 1, numCols = 1): Promise<void> {
  active = { row, col };
  state.selection = { row, col, numRows, numCols };
  paintSelection();
  await api("/api/select", { sheet: state.active, row, col, numRows, numCols });
}

gridWrap.addEventListener("click", (e) => {
  const target = e.target as HTMLElement;
  const td = target.closest<HTMLElement>("td[data-r]");
  const th = target.closest<HTMLElement>("th.rowhead");
  if (td) {
    anchorRow = null;
    void select(Number(td.dataset["r"]), Number(td.dataset["c"]));
  } else if (th && view) {
    const r = Number(th.dataset["r"]);
    const from = e.shiftKey && anchorRow !== null ? Math.min(anchorRow, r) : r;
    const to = e.shiftKey && anchorRow !== null ? Math.max(anchorRow, r) : r;
    if (!e.shiftKey) anchorRow = r;
    active = { row: r, col: 1 };
    void select(from, 1, to - from + 1, view.cols).then(() => {
      active = { row: r, col: 1 };
      paintSelection();
    });
  }
});
gridWrap.addEventListener("dblclick", (e) => {
  const td = (e.target as HTMLElement).closest<HTMLElement>("td[data-r]");
  if (td) openEditor(Number(td.dataset["r"]), Number(td.dataset["c"]));
});
gridWrap.addEventListener("keydown", (e) => {
  if (!view || (e.target as HTMLElement).closest(".editor")) return;
  const moves: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
  const move = moves[e.key];
  if (move) {
    e.preventDefault();
    const row = Math.min(view.rows, Math.max(1, active.row + move[0]));
    const col = Math.min(view.cols, Math.max(1, active.col + move[1]));
    revealRow(row);
    void select(row, col);
    gridWrap.querySelector(`td[data-r="${row}"][data-c="${col}"]`)?.scrollIntoView({ block: "nearest", inline: "nearest" });
  } else if (e.key === "Enter" || e.key === "F2") {
    e.preventDefault();
    openEditor(active.row, active.col);
  } else if (e.key === " ") {
    const cell = view.cells[active.row - 1]?.[active.col - 1];
    if (cell?.check !== undefined) {
      e.preventDefault();
      void edit(active.row, active.col, !cell.check);
    }
  }
});

function openEditor(row: number, col: number): void {
  const cell = view?.cells[row - 1]?.[col - 1];
  const td = gridWrap.querySelector<HTMLElement>(`td[data-r="${row}"][data-c="${col}"]`);
  if (!cell || !td || cell.check !== undefined) return;
  void select(row, col);
  const label = `Ubah ${columnName(col)}${row}`;
  let input: HTMLInputElement | HTMLSelectElement;
  const keys = (e: KeyboardEvent) => {
    if (e.key === "Enter") {
      e.preventDefault();
      finish(true);
    } else if (e.key === "Escape") {
      e.preventDefault();
      finish(false);
    }
    e.stopPropagation();
  };
  if (cell.list) {
    input = el("select", { "aria-label": label, class: "editor" }, el("option", { value: "" }, ""),
      ...cell.list.map((v) => el("option", { value: v }, v)));
  } else {
    input = el("input", { type: "text", "aria-label": label, class: "editor" });
  }
  input.value = cell.t;
  let done = false;
  const finish = (commit: boolean) => {
    if (done) return;
    done = true;
    const value = input.value;
    input.remove();
    td.textContent = commit ? value : cell.t;
    gridWrap.focus();
    if (commit && value !== cell.t) void edit(row, col, value);
  };
  if (input instanceof HTMLSelectElement) input.addEventListener("keydown", keys);
  else input.addEventListener("keydown", keys);
  if (input instanceof HTMLSelectElement) input.addEventListener("change", () => finish(true));
  input.addEventListener("blur", () => finish(true));
  td.textContent = "";
  td.append(input);
  input.focus();
}

async function edit(row: number, col: number, value: string | boolean): Promise<void> {
  await perform("/api/edit", { sheet: state.active, row, col, value });
}

// ------------------------------------------------------------------ refresh

async function refresh(): Promise<void> {
  state = await api<State>("/api/state");
  title.textContent = state.spreadsheet;
  buildMenu(state.menu);
  roleSelect.replaceChildren(...state.users.map((u) => el("option", { value: u.email }, `${u.label} — ${u.email}`)));
  if (!state.users.some((u) => u.email === state.user)) roleSelect.append(el("option", { value: state.user }, state.user));
  roleSelect.value = state.user;
  docsButton.hidden = !state.documents;
  renderTabs();
  view = await api<SheetView>(`/api/sheet?name=${encodeURIComponent(state.active)}`);
  // A selection made by the add-on (the panel's queue picks a row) is scrolled into view, as Sheets does.
  const pickedElsewhere = state.selection.numRows === 1 && state.selection.row !== active.row;
  if (state.selection.numRows > 1 || state.selection.row !== active.row) active = { row: state.selection.row, col: state.selection.col };
  renderGrid();
  if (pickedElsewhere) centreRow(active.row);
  document.body.dataset["ready"] = String(state.version);
}

void refresh();
