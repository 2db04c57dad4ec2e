/**
 * `Untuk BPJS` (spec section 8): the minimised view BPJS staff read, and the plan that brings
 * their outcome back to the request sheets by ID, never by position.
 */
import { type ColumnKey, type ColumnMap, ENUMS, headerOf, mapHeaders } from "./columns";
import { type IsoDate, readDateCell } from "./dates";
import { maskedIdentityCell } from "./privacy";
import { type Cell, cellText, enumKey, isBlank } from "./text";
import { enumChoices, readEnum } from "./values";

export const BPJS_VIEW_SHEET = "Untuk BPJS";
export const MASKED_NIK_HEADER = "NIK (Disamarkan)";

/** The view's columns, in order: exactly what section 8 lists (no KK, no health details). */
export const BPJS_VIEW_COLUMNS: readonly { key: ColumnKey | "maskedNik"; header: string }[] = [
  ...(["id", "name"] as const).map((key) => ({ key, header: headerOf(key) })),
  { key: "maskedNik", header: MASKED_NIK_HEADER },
  ...(["cardNumber", "letterNumber", "letterDate", "letterLink", "documentsLink", "bpjsStatus", "bpjsActiveDate", "bpjsNote"] as const)
    .map((key) => ({ key, header: headerOf(key) })),
];
export const BPJS_VIEW_HEADERS: readonly string[] = BPJS_VIEW_COLUMNS.map((c) => c.header);
/** The three columns BPJS staff write; everything else in the view is protected. */
export const BPJS_OUTCOME_KEYS = ["bpjsStatus", "bpjsActiveDate", "bpjsNote"] as const;
export const BPJS_DATE_KEYS: readonly ColumnKey[] = ["letterDate", "bpjsActiveDate"];

export type BpjsStatus = (typeof ENUMS.bpjsStatus)[number];
/** Outcomes that end a request (`Diproses` does not). */
export const FINAL_BPJS_STATUSES: readonly BpjsStatus[] = ["Aktif Kembali", "Ditolak", "Pindah Segmen"];
export const HANDED_OVER_STAGE = "Diserahkan";
export const DONE_STAGE = "Selesai";
export const SYNC_ACTION = "Hasil BPJS";

/** One request sheet as read: its name, whether BPJS follows up, and its cells (headers first). */
export interface RequestTable {
  sheet: string;
  bpjsFollowUp: boolean;
  grid: readonly (readonly Cell[])[];
}

function isFinal(status: string): boolean {
  return (FINAL_BPJS_STATUSES as readonly string[]).includes(status);
}

function at(row: readonly Cell[], columns: ColumnMap, key: ColumnKey): Cell {
  const i = columns[key];
  return i === undefined ? "" : row[i];
}

function text(row: readonly Cell[], columns: ColumnMap, key: ColumnKey): string {
  return cellText(at(row, columns, key)).trim();
}

/** A date cell as ISO text; text that is no date stays as typed, so nothing is lost. */
function dateText(cell: Cell): string {
  const read = readDateCell(cell);
  return read.kind === "ok" ? read.date : cellText(cell).trim();
}

/** Handed over: `Diserahkan Pada` filled, or in `Diserahkan` or `Selesai` (reached only after hand-over). */
export function isHandedOver(row: readonly Cell[], columns: ColumnMap): boolean {
  if (!isBlank(at(row, columns, "handedOverAt"))) return true;
  const stage = enumKey(text(row, columns, "stage"));
  return stage === enumKey(HANDED_OVER_STAGE) || stage === enumKey(DONE_STAGE);
}

/** The view's rows (without headers), sorted by ID so a sort of `Permohonan` never reorders it. */
export function bpjsViewRows(tables: readonly RequestTable[]): string[][] {
  const rows: string[][] = [];
  for (const table of tables) {
    if (!table.bpjsFollowUp) continue;
    const columns = mapHeaders(table.grid[0] ?? []);
    for (const row of table.grid.slice(1)) {
      if (text(row, columns, "id") === "" || !isHandedOver(row, columns)) continue;
      rows.push(BPJS_VIEW_COLUMNS.map(({ key }) => {
        if (key === "maskedNik") return maskedIdentityCell(at(row, columns, "nik"));
        if (BPJS_DATE_KEYS.includes(key)) return dateText(at(row, columns, key));
        return text(row, columns, key);
      }));
    }
  }
  return rows.sort((a, b) => (a[0]! < b[0]! ? -1 : a[0]! > b[0]! ? 1 : 0));
}

/** One request row to change: its BPJS columns, and its stage when the outcome moves it. */
export interface SyncUpdate {
  sheet: string;
  /** Sheet row number (headers are row 1). */
  row: number;
  id: string;
  status: string;
  /** ISO date, or "" for blank. */
  activeDate: IsoDate | "";
  note: string;
  fromStage: string;
  /** The new `Tahap`, or null when it stays. */
  toStage: string | null;
}

export interface SyncPlan {
  updates: SyncUpdate[];
  /** IDs in the view that no request sheet holds: reported, never matched by guess. */
  unknownIds: { viewRow: number; id: string }[];
  /** Indonesian messages, one per view row left unchanged (or a column missing). */
  problems: string[];
  /** Outcomes refused (a bad status or date), by ID, as typed: the rebuilt view keeps them to correct. */
  held: Map<string, string[]>;
}

interface Located {
  table: RequestTable;
  columns: ColumnMap;
  /** Index in table.grid (= sheet row - 1). */
  index: number;
}

/** Where each ID lives; IDs on two rows are ambiguous and listed apart. */
function locateIds(tables: readonly RequestTable[]): { byId: Map<string, Located>; ambiguous: Set<string> } {
  const byId = new Map<string, Located>();
  const ambiguous = new Set<string>();
  for (const table of tables) {
    const columns = mapHeaders(table.grid[0] ?? []);
    if (columns.id === undefined) continue;
    table.grid.forEach((row, index) => {
      if (index === 0) return;
      const id = text(row, columns, "id");
      if (id === "") return;
      if (byId.has(id)) ambiguous.add(id);
      else byId.set(id, { table, columns, index });
    });
  }
  return { byId, ambiguous };
}

const NEEDED_IN_REQUESTS: readonly ColumnKey[] = ["id", "stage", ...BPJS_OUTCOME_KEYS];
const NEEDED_IN_VIEW: readonly ColumnKey[] = ["id", ...BPJS_OUTCOME_KEYS];

function missingColumns(sheet: string, columns: ColumnMap, keys: readonly ColumnKey[]): string[] {
  const missing = keys.filter((k) => columns[k] === undefined);
  if (missing.length === 0) return [];
  const fix = sheet === BPJS_VIEW_SHEET
    ? "hasil BPJS di sheet itu tidak dapat dibawa; Sinkronkan BPJS oleh operator menyusun sheet itu ulang."
    : "Jalankan menu PBI-JK › Siapkan Sheet.";
  return [`Kolom ${missing.map((k) => `"${headerOf(k)}"`).join(", ")} tidak ada di sheet "${sheet}": ${fix}`];
}

const STATUS_CHOICES = enumChoices("bpjsStatus").join(" / ");

/**
 * What the outcomes typed into the view change in the request sheets. `onlyViewRows` (sheet row
 * numbers of the view) limits the plan to edited rows; `today` bounds `Tanggal Aktif BPJS`.
 */
export function planBpjsSync(
  viewGrid: readonly (readonly Cell[])[],
  tables: readonly RequestTable[],
  today: IsoDate,
  onlyViewRows?: ReadonlySet<number>,
): SyncPlan {
  const plan: SyncPlan = { updates: [], unknownIds: [], problems: [], held: new Map() };
  if (viewGrid.length < 2) return plan;
  const view = mapHeaders(viewGrid[0] ?? []);
  plan.problems.push(...missingColumns(BPJS_VIEW_SHEET, view, NEEDED_IN_VIEW));
  for (const t of tables) plan.problems.push(...missingColumns(t.sheet, mapHeaders(t.grid[0] ?? []), NEEDED_IN_REQUESTS));
  if (plan.problems.length) return plan;

  const { byId, ambiguous } = locateIds(tables);
  const firstViewRow = new Map<string, number>();
  viewGrid.forEach((cells, index) => {
    const viewRow = index + 1;
    if (index === 0) return;
    const id = text(cells, view, "id");
    if (id === "") return;
    const earlier = firstViewRow.get(id);
    if (earlier === undefined) firstViewRow.set(id, viewRow);
    if (onlyViewRows && !onlyViewRows.has(viewRow)) return;
    const where = `Baris ${viewRow} "${BPJS_VIEW_SHEET}" (${id})`;
    if (earlier !== undefined) {
      plan.problems.push(`${where}: ID ini sudah ada di baris ${earlier}; baris ini dilewati.`);
      return;
    }
    if (ambiguous.has(id)) {
      plan.problems.push(`${where}: ID ini ada di lebih dari satu baris permohonan; perbaiki ID-nya dulu, hasil BPJS belum dibawa.`);
      return;
    }
    const found = byId.get(id);
    if (!found) {
      plan.unknownIds.push({ viewRow, id });
      return;
    }
    const before = plan.problems.length;
    const update = outcomeUpdate(cells, view, found, today, where, plan.problems);
    if (update) plan.updates.push(update);
    else if (plan.problems.length > before) plan.held.set(id, BPJS_OUTCOME_KEYS.map((k) => cellText(at(cells, view, k)).trim()));
  });
  return plan;
}

/** The view's rows with the refused outcomes put back as BPJS typed them (nothing of theirs is lost). */
export function keepHeldOutcomes(rows: readonly string[][], held: ReadonlyMap<string, readonly string[]>): string[][] {
  if (held.size === 0) return rows as string[][];
  const positions = BPJS_OUTCOME_KEYS.map((k) => BPJS_VIEW_COLUMNS.findIndex((c) => c.key === k));
  return rows.map((row) => {
    const typed = held.get(row[0]!);
    if (!typed) return row;
    const kept = [...row];
    positions.forEach((p, i) => (kept[p] = typed[i]!));
    return kept;
  });
}

function outcomeUpdate(cells: readonly Cell[], view: ColumnMap, found: Located, today: IsoDate, where: string, problems: string[]): SyncUpdate | null {
  const statusCell = at(cells, view, "bpjsStatus");
  const status = readEnum("bpjsStatus", statusCell);
  if (status.kind === "unknown") {
    problems.push(`${where}: "${headerOf("bpjsStatus")}" berisi "${cellText(statusCell).trim().slice(0, 40)}"; pilih ${STATUS_CHOICES}.`);
    return null;
  }
  const newStatus = status.kind === "ok" ? status.value : "";
  const date = readDateCell(at(cells, view, "bpjsActiveDate"));
  if (date.kind === "invalid") {
    problems.push(`${where}: "${headerOf("bpjsActiveDate")}" tidak terbaca sebagai tanggal; tulis seperti 31/01/2026.`);
    return null;
  }
  const activeDate = date.kind === "ok" ? date.date : "";
  if (activeDate > today) {
    problems.push(`${where}: "${headerOf("bpjsActiveDate")}" ada di masa depan; isi tanggal kepesertaan benar-benar aktif kembali.`);
    return null;
  }
  if (newStatus === "Aktif Kembali" && activeDate === "") {
    // Usually the officer has picked the status and is about to type the date: say it waits.
    problems.push(`${where}: status Aktif Kembali menunggu "${headerOf("bpjsActiveDate")}"; hasilnya dibawa setelah tanggal itu diisi.`);
    return null;
  }
  const note = text(cells, view, "bpjsNote");

  const row = found.table.grid[found.index]!;
  const old = readEnum("bpjsStatus", at(row, found.columns, "bpjsStatus"));
  const oldStatus = old.kind === "ok" ? old.value : text(row, found.columns, "bpjsStatus");
  const oldDate = dateText(at(row, found.columns, "bpjsActiveDate"));
  const oldNote = text(row, found.columns, "bpjsNote");
  const fromStage = text(row, found.columns, "stage");
  const stage = enumKey(fromStage);
  let toStage: string | null = null;
  if (isFinal(newStatus)) {
    if (stage === enumKey(HANDED_OVER_STAGE)) toStage = DONE_STAGE;
    else if (stage !== enumKey(DONE_STAGE) && newStatus !== oldStatus) {
      problems.push(`${where}: hasil BPJS dicatat, tetapi Tahap "${fromStage || "(kosong)"}" bukan ${HANDED_OVER_STAGE}, jadi permohonan tidak dipindah ke ${DONE_STAGE}.`);
    }
  } else if (stage === enumKey(DONE_STAGE) && isFinal(oldStatus)) {
    // BPJS took an outcome back: the request waits for it again.
    toStage = HANDED_OVER_STAGE;
  }
  if (toStage === null && newStatus === oldStatus && activeDate === oldDate && note === oldNote) return null;
  const sheetRow = found.index + 1;
  return { sheet: found.table.sheet, row: sheetRow, id: text(row, found.columns, "id"), status: newStatus, activeDate, note, fromStage, toStage };
}

/** The request tables with a plan's updates made, to rebuild the view from without re-reading. */
export function applySyncPlan(tables: readonly RequestTable[], updates: readonly SyncUpdate[]): RequestTable[] {
  return tables.map((table) => {
    const mine = updates.filter((u) => u.sheet === table.sheet);
    if (mine.length === 0) return table;
    const columns = mapHeaders(table.grid[0] ?? []);
    const grid = table.grid.map((row) => row.slice());
    for (const u of mine) {
      const row = grid[u.row - 1]!;
      row[columns.bpjsStatus!] = u.status;
      row[columns.bpjsActiveDate!] = u.activeDate;
      row[columns.bpjsNote!] = u.note;
      if (u.toStage !== null) row[columns.stage!] = u.toStage;
    }
    return { ...table, grid };
  });
}

export interface LogLine {
  id: string;
  action: string;
  from: string;
  to: string;
  /** The outcome only: `Catatan BPJS` may hold health details and never goes to the log. */
  note: string;
}

/** One `Log` line per request the outcome moved. */
export function syncLogLines(updates: readonly SyncUpdate[]): LogLine[] {
  return updates
    .filter((u) => u.toStage !== null)
    .map((u) => ({ id: u.id, action: SYNC_ACTION, from: u.fromStage, to: u.toStage!, note: `${headerOf("bpjsStatus")}: ${u.status || "(kosong)"}` }));
}

/** A short Indonesian summary of a plan for the user. */
export function describeSyncPlan(plan: SyncPlan): string {
  const moved = plan.updates.filter((u) => u.toStage === DONE_STAGE).length;
  const lines = [plan.updates.length
    ? `${plan.updates.length} hasil BPJS dibawa ke sheet permohonan${moved ? `, ${moved} permohonan selesai` : ""}.`
    : "Tidak ada hasil BPJS baru untuk dibawa ke sheet permohonan."];
  if (plan.unknownIds.length) {
    lines.push(`ID di "${BPJS_VIEW_SHEET}" yang tidak ada di sheet permohonan (tidak dibawa; mungkin barisnya dihapus): ${plan.unknownIds.map((u) => `${u.id} (baris ${u.viewRow})`).join(", ")}.`);
  }
  lines.push(...plan.problems.map((p) => `• ${p}`));
  return lines.join("\n");
}
