/**
 * The panel. Every call goes through the typed bridge (src/gas/bridge.ts); data from the sheet
 * is put in with textContent and DOM nodes only, never parsed as HTML.
 */
import { formatLongDate } from "../src/domain/dates";
import { type DraftReport, draftReport } from "./report";
import type { ActionId, Inspector, LetterLink, LogEntry, PanelState, Queue, QueueItem, Result, RowActionInfo, RowRef, SidebarApi } from "../src/gas/bridge";

interface Runner {
  withSuccessHandler(fn: (value: unknown) => void): Runner;
  withFailureHandler(fn: (error: unknown) => void): Runner;
  [name: string]: unknown;
}
declare const google: { script: { run: Runner } };

/** Rows per Buat Draf Surat call: each call stays far below Apps Script's 6 minutes. */
const DRAFT_CHUNK = 5;

function byId<T extends HTMLElement>(id: string): T {
  return document.getElementById(id) as T;
}

/**
 * Why google.script.run failed, in Indonesian. The server answers its own problems as
 * {ok: false, message}; a failure here comes from Google (authorisation, several accounts
 * signed in, a time-out, the network) or is an error the server did not expect.
 */
function failureMessage(error: unknown): string {
  const e = (error ?? {}) as { name?: unknown; message?: unknown };
  const name = typeof e.name === "string" ? e.name : "";
  const message = typeof e.message === "string" ? e.message : typeof error === "string" ? error : "";
  if (name === "UserError") return message;
  if (message.startsWith("UserError: ")) return message.slice("UserError: ".length);
  // Several signed-in accounts: Google cannot tell which one runs the script.
  if (/PERMISSION_DENIED|reading from storage|multiple accounts|multi-?login/i.test(message)) {
    return "Anda masuk ke beberapa akun Google sekaligus, sehingga panel tidak dapat dijalankan. " +
      "Keluar dari akun lain, atau buka spreadsheet ini di jendela penyamaran (private) dengan satu akun saja.";
  }
  if (/authori[sz]ation|authori[sz]e|izin/i.test(message)) {
    return "Add-on belum diberi izin untuk akun ini. Jalankan sekali salah satu menu Ekstensi › PBI-JK " +
      "(mis. Periksa Semua) dan setujui izinnya, lalu buka panel lagi.";
  }
  if (/exceeded maximum execution time|timed? ?out|time-?out|deadline/i.test(message)) {
    return "Pemeriksaan melewati batas waktu Google. Coba lagi, atau periksa sebagian baris dengan Periksa Baris Terpilih.";
  }
  if (/network|failed to fetch|connection|HTTP 0|offline/i.test(message)) {
    return "Tidak dapat menghubungi server Google. Periksa koneksi internet, lalu coba lagi.";
  }
  return "Terjadi kesalahan tak terduga di server. Coba sekali lagi; bila berulang, hubungi admin aplikasi.";
}

/** One server call, typed by the bridge: a renamed or re-typed server function fails the type-check here. */
function call<K extends keyof SidebarApi>(name: K, ...args: Parameters<SidebarApi[K]>): Promise<ReturnType<SidebarApi[K]>> {
  type Answer = ReturnType<SidebarApi[K]>;
  return new Promise((resolve) => {
    const runner = google.script.run
      .withSuccessHandler((value) => resolve(value as Answer))
      .withFailureHandler((error) => resolve({ ok: false, message: failureMessage(error) } as Answer));
    (runner[name] as (...a: unknown[]) => void)(...args);
  });
}

// ---------------------------------------------------------------- small DOM helpers

type Child = Node | string;

/** An element with text children only: strings become text nodes, never markup. */
function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: { className?: string; text?: string } = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props.className) node.className = props.className;
  if (props.text !== undefined) node.textContent = props.text;
  node.append(...children);
  return node;
}

function button(label: string, onClick: (b: HTMLButtonElement) => void, className = ""): HTMLButtonElement {
  const b = el("button", { className, text: label });
  b.type = "button";
  b.addEventListener("click", () => onClick(b));
  return b;
}

/** The one status line: a report ("ok"), a refusal or failure ("error"), or progress (""). */
function setStatus(text: string, kind: "" | "ok" | "error" = ""): void {
  const status = byId("status");
  status.textContent = text;
  status.className = text ? kind : "";
}

/** Disables every action while a call runs: one call at a time. */
async function busy<T>(text: string, work: () => Promise<T>): Promise<T> {
  const main = byId("panel");
  main.setAttribute("aria-busy", "true");
  const buttons = [...main.querySelectorAll("button")];
  for (const b of buttons) b.disabled = true;
  setStatus(text);
  try {
    return await work();
  } finally {
    for (const b of buttons) b.disabled = false;
    main.removeAttribute("aria-busy");
  }
}

function deadlineText(deadline: string | null, daysLeft: number | null): string {
  if (!deadline || daysLeft === null) return "-";
  const when = daysLeft > 0 ? `${daysLeft} hari lagi` : daysLeft === 0 ? "hari ini" : `lewat ${-daysLeft} hari`;
  return `${formatLongDate(deadline)} (${when})`;
}

const DECISION_CLASS: Record<string, string> = {
  Layak: "ok", "Tidak Layak": "bad", "Berkas Belum Lengkap": "warn", "Perlu Verifikasi": "info", "Data Tidak Valid": "bad",
};


// ---------------------------------------------------------------- inspector

function field(term: string, value: Child, className = ""): Node[] {
  return [el("dt", { text: term }), el("dd", { className }, value)];
}

function renderInspector(row: Inspector | null): void {
  const box = byId("inspector");
  if (!row) {
    box.replaceChildren(el("p", { className: "muted", text: "Pilih satu baris permohonan di sheet, lalu tekan Muat baris terpilih." }));
    return;
  }
  const head = el("div", { className: "card-head" },
    el("strong", { className: "name", text: row.name || "(tanpa nama)" }),
    el("span", { className: "muted", text: `${row.id || "belum ada ID"} · ${row.sheet} baris ${row.row}` }));
  head.tabIndex = -1;
  const facts = el("dl", { className: "facts" },
    ...field("Keputusan", el("span", { className: `badge ${DECISION_CLASS[row.decision] ?? ""}`, text: row.decision || "-" })),
    ...field("Tahap", row.stage || "-"),
    ...field("Batas Reaktivasi", deadlineText(row.deadline, row.daysLeft), row.daysLeft !== null && row.daysLeft <= 14 ? "soon" : ""),
    ...field("NIK", row.nik || "-"),
    ...(row.urgent ? field("Mendesak", "Ya") : []));
  const parts: Node[] = [head, facts];
  if (row.letters.length) parts.push(el("h3", { text: "Surat" }), lettersList(row.letters));
  if (row.warning) parts.push(el("p", { className: "warning", text: row.warning }));
  if (row.reasons.length) parts.push(el("h3", { text: "Alasan dan saran" }), el("ul", { className: "reasons" }, ...row.reasons.map((r) => el("li", { text: r }))));
  parts.push(el("h3", { text: row.findings.length ? `Temuan (${row.findings.length})` : "Temuan" }));
  parts.push(row.findings.length
    ? el("ul", { className: "findings" }, ...row.findings.map((f) =>
      el("li", { className: f.severity }, el("span", { className: "column", text: f.column }), el("span", { text: f.message }))))
    : el("p", { className: "muted", text: "Tidak ada temuan." }));
  parts.push(el("h3", { text: "Tindakan" }), actionsBox(row));
  parts.push(el("h3", { text: "Riwayat" }), historyList(row.history));
  box.replaceChildren(el("article", { className: "card" }, ...parts));
}

/**
 * The href for a `Tautan Surat` line, or null: only an http(s) address on docs.google.com. A cell
 * anyone can edit must never become a javascript: or look-alike link.
 */
function docsHref(text: string): string | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  const ok = (url.protocol === "https:" || url.protocol === "http:") && url.hostname === "docs.google.com" && !url.username && !url.password;
  return ok ? url.href : null;
}

function lettersList(letters: LetterLink[]): HTMLElement {
  return el("ul", { className: "letters" }, ...letters.map((l) => {
    const href = docsHref(l.text);
    if (!href) {
      return el("li", {}, el("span", { className: "letter-label", text: l.label }), el("span", { text: l.text }),
        el("span", { className: "muted", text: "Bukan tautan Google Docs: tidak dibuka dari panel." }));
    }
    const a = el("a", { text: l.label });
    a.href = href;
    a.target = "_blank";
    a.rel = "noopener noreferrer";
    return el("li", {}, a, el("span", { className: "muted", text: "Google Docs, tab baru" }));
  }));
}

function actionsBox(row: Inspector): HTMLElement {
  if (row.actions.length === 0) return el("p", { className: "muted", text: "Tidak ada tindakan untuk peran Anda pada tahap ini." });
  const ref: RowRef = { row: row.row, id: row.id };
  const form = noteForm(row, ref);
  const buttons = row.actions.map((a: RowActionInfo) =>
    button(a.label, () => {
      if (a.needsNote) {
        form.hidden = false;
        form.querySelector("textarea")!.focus();
      } else void runRowAction(a.id, a.label, row.sheet, [ref], "");
    }, a.id === "return" ? "secondary" : ""));
  return el("div", { className: "actions" }, el("div", { className: "row-buttons" }, ...buttons), form);
}

/** Kembalikan asks for its note here; the server refuses an empty one too. */
function noteForm(row: Inspector, ref: RowRef): HTMLElement {
  const label = el("label", { text: "Catatan pengembalian (wajib)" });
  const area = el("textarea");
  area.id = "return-note";
  area.rows = 3;
  label.htmlFor = area.id;
  // The note goes into Log, which every editor can read (spec section 6: no health details there).
  const hint = el("p", { className: "muted", text: "Catatan ini masuk ke sheet Log: jangan tulis NIK, KK atau keterangan penyakit." });
  const error = el("p", { className: "error" });
  const send = button("Kirim Pengembalian", () => {
    if (!area.value.trim()) {
      error.textContent = "Tulis catatan pengembalian: alasan dan apa yang perlu diperbaiki.";
      area.focus();
      return;
    }
    void runRowAction("return", "Kembalikan", row.sheet, [ref], area.value);
  });
  const cancel = button("Batal", () => {
    form.hidden = true;
  }, "secondary");
  const form = el("div", { className: "note-form" }, label, area, hint, error, el("div", { className: "row-buttons" }, send, cancel));
  form.hidden = true;
  return form;
}

function historyList(lines: LogEntry[]): HTMLElement {
  if (lines.length === 0) return el("p", { className: "muted", text: "Belum ada riwayat di sheet Log." });
  return el("ol", { className: "history" }, ...lines.map((l) =>
    el("li", {},
      el("span", { className: "muted", text: `${l.at} · ${l.user}` }),
      el("span", { text: `${l.action}: ${l.from || "-"} → ${l.to || "-"}` }),
      ...(l.note ? [el("span", { className: "note", text: l.note })] : []))));
}

async function loadInspector(): Promise<boolean> {
  const result = await call("apiInspect");
  if (!result.ok) {
    setStatus(result.message, "error");
    return false;
  }
  renderInspector(result.value);
  return true;
}

// ---------------------------------------------------------------- queues and panel

function queueItem(item: QueueItem): HTMLElement {
  const b = button("", () => void selectItem(item), "item");
  b.append(
    el("span", { className: "item-name", text: item.name || item.id }),
    el("span", { className: "muted", text: `${item.id} · NIK ${item.maskedNik || "-"}` }),
    el("span", { className: "muted", text: `${item.stage || "-"}${item.deadline ? ` · batas ${deadlineText(item.deadline, item.daysLeft)}` : ""}` }));
  if (item.returnNote) b.append(el("span", { className: "flag", text: "Ada catatan pengembalian (kolom Catatan Pengembalian)" }));
  return el("li", {}, b);
}

function renderQueue(queue: Queue): HTMLElement {
  const summary = el("summary", {}, el("span", { text: queue.title }), el("span", { className: `count${queue.total ? " has" : ""}`, text: String(queue.total) }));
  const body: Node[] = queue.items.length
    ? [el("ul", { className: "queue" }, ...queue.items.map(queueItem))]
    : [el("p", { className: "muted", text: "Tidak ada permohonan." })];
  if (queue.total > queue.items.length) body.push(el("p", { className: "muted", text: `… dan ${queue.total - queue.items.length} lainnya (batas terdekat ditampilkan lebih dulu).` }));
  const details = el("details", {}, summary, ...body);
  details.open = queue.total > 0;
  return details;
}

function renderPanel(state: PanelState): void {
  byId("who").textContent = `${state.email} · ${state.roles.join(", ")}`;
  const can = (id: ActionId) => state.actions.includes(id);
  byId("check-all").hidden = !can("check");
  byId("check-selected").hidden = !can("check");
  byId("draft-selected").hidden = !can("draft");
  byId("sheet-actions").hidden = !can("check") && !can("draft");
  byId("queues").replaceChildren(...(state.queues.length ? state.queues.map(renderQueue) : [el("p", { className: "muted", text: "Tidak ada antrean untuk peran Anda." })]));
}

/**
 * Whether the panel can work at all: when apiPanel fails (no Pengaturan, an account not in the
 * role table, no connection) every other call would fail the same way, so only the reason and
 * Muat ulang panel are shown.
 */
function setReady(ready: boolean): void {
  byId("not-ready").hidden = ready;
  byId("row-section").hidden = !ready;
  byId("queues-section").hidden = !ready;
  if (!ready) {
    byId("sheet-actions").hidden = true;
    byId("who").textContent = "";
  }
}

/** Loads the panel; false when it cannot work (the reason is in the status line). */
async function loadPanel(): Promise<boolean> {
  const result = await call("apiPanel");
  setReady(result.ok);
  if (!result.ok) {
    setStatus(result.message, "error");
    return false;
  }
  renderPanel(result.value);
  return true;
}

async function selectItem(item: QueueItem): Promise<void> {
  const result = await busy("Memilih baris…", () => call("apiSelectRow", item.sheet, item.id));
  if (!result.ok) return setStatus(result.message, "error");
  setStatus(`${item.id} dipilih (${item.sheet} baris ${result.value?.row ?? item.row}).`, "ok");
  renderInspector(result.value);
  byId("inspector").querySelector<HTMLElement>(".card-head")?.focus();
}

async function refreshAll(): Promise<void> {
  if (await loadPanel()) await loadInspector();
}

// ---------------------------------------------------------------- actions

function showReport(result: Result<string>): void {
  if (result.ok) setStatus(result.value, "ok");
  else setStatus(result.message, "error");
}

async function runRowAction(action: ActionId, label: string, sheet: string | null, refs: RowRef[] | null, note: string): Promise<void> {
  const result = await busy(`${label}…`, () => call("apiRunAction", action, sheet, refs, note));
  showReport(result);
  await refreshAll();
  // The report stays visible after the refresh.
  showReport(result);
}

function setProgress(done: number, total: number): void {
  const box = byId("progress");
  box.hidden = total === 0;
  const bar = byId<HTMLProgressElement>("progress-bar");
  bar.max = Math.max(total, 1);
  bar.value = done;
  byId("progress-text").textContent = `${done} dari ${total} permohonan`;
}

/** The batch's report next to the button, where the user is looking; "" clears it. */
function showDraftReport(report: DraftReport | null, kind: "ok" | "error" = "ok"): void {
  const box = byId("draft-report");
  box.hidden = report === null;
  box.className = kind;
  box.replaceChildren(...(report
    ? [el("strong", { text: report.summary }), ...(report.details.length ? [el("ul", {}, ...report.details.map((d) => el("li", { text: d.replace(/^•\s*/, "") })))] : [])]
    : []));
}

/** Buat Draf Surat on the selected rows, a few per call, with the count so far. */
async function draftSelected(): Promise<void> {
  showDraftReport(null);
  const lines: string[] = [];
  let failed = "";
  let planned = 0;
  let sent = 0;
  let drafted = 0;
  await busy("Menyiapkan draf surat…", async () => {
    const plan = await call("apiDraftPlan");
    if (!plan.ok) {
      failed = plan.message;
      return;
    }
    const { sheet, rows, refused } = plan.value;
    planned = rows.length;
    lines.push(...refused);
    setProgress(0, rows.length);
    for (let i = 0; i < rows.length; i += DRAFT_CHUNK) {
      setStatus(`Membuat draf surat ${Math.min(i + DRAFT_CHUNK, rows.length)} dari ${rows.length}…`);
      const chunk = rows.slice(i, i + DRAFT_CHUNK);
      const result = await call("apiRunAction", "draft", sheet, chunk, "");
      if (!result.ok) {
        failed = result.message;
        break;
      }
      sent += chunk.length;
      const [first = "", ...rest] = result.value.split("\n");
      const count = /^(\d+) draf/.exec(first);
      drafted += count ? Number(count[1]) : 0;
      lines.push(...rest);
      setProgress(sent, rows.length);
      // Out of Docs quota or time: the next chunk would stop the same way.
      if (rest.some((l) => /Kuota|belum dibuatkan surat|Google Docs gagal/.test(l))) break;
    }
  });
  await refreshAll();
  if (failed && planned === 0 && lines.length === 0) {
    setStatus(failed, "error");
    return;
  }
  const report = draftReport(drafted, lines, planned - sent);
  if (failed) report.details.unshift(failed);
  showDraftReport(report, failed ? "error" : "ok");
  setStatus(failed ? `${failed}\n${report.summary}` : `${report.summary}.`, failed ? "error" : "ok");
}

async function checkAll(): Promise<void> {
  const result = await busy("Sedang memeriksa…", () => call("apiCheckAll"));
  await refreshAll();
  showReport(result);
}

byId("check-all").addEventListener("click", () => void checkAll());
byId("check-selected").addEventListener("click", () => void runRowAction("check", "Sedang memeriksa", null, null, ""));
byId("draft-selected").addEventListener("click", () => void draftSelected());
/** Muat baris terpilih and Muat ulang panel: "Memuat…" goes away, a failure's reason stays. */
function reload(): void {
  void busy("Memuat…", async () => {
    if ((await loadPanel()) && (await loadInspector())) setStatus("");
  });
}

byId("refresh").addEventListener("click", reload);
byId("reload").addEventListener("click", reload);
void refreshAll();
