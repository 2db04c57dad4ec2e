/**
 * The one contract between the sidebar (sidebar/main.ts) and the server entry points
 * (src/gas/main.ts). Types only, no imports: the sidebar's type-check reads it too, so a renamed
 * server function fails both. Only plain data crosses: strings (dates as ISO), numbers, booleans.
 */

export type Result<T> = { ok: true; value: T } | { ok: false; message: string };

/** Row actions the panel can ask for; the server's registry says which are available. */
export type ActionId = "check" | "draft" | "approve" | "return" | "handOver" | "reopen" | "integrity";

export interface RowActionInfo {
  id: ActionId;
  /** The caption, as in the menu. */
  label: string;
  /** Kembalikan: the panel asks for a note first. */
  needsNote: boolean;
}

export interface FindingInfo {
  /** The column's header as the user's sheet spells it. */
  column: string;
  severity: "error" | "warning";
  message: string;
}

export interface LogEntry {
  at: string;
  user: string;
  action: string;
  from: string;
  to: string;
  note: string;
}

/** One line of `Tautan Surat`, as the sheet holds it: the panel decides whether it may be a link. */
export interface LetterLink {
  /** The letter's title: the first line is the letter, a second one Pangkalpinang's SIKS-NG letter. */
  label: string;
  text: string;
}

export interface Inspector {
  sheet: string;
  row: number;
  id: string;
  name: string;
  /** Full for operator roles, masked (3273********0001) for the others. */
  nik: string;
  /** Decision label (`Layak`, …) from a fresh check of the row; "" for a blank row. */
  decision: string;
  /** One sentence per reason, with what to do next. */
  reasons: string[];
  findings: FindingInfo[];
  /** ISO date (Asia/Jakarta calendar) or null. */
  deadline: string | null;
  daysLeft: number | null;
  stage: string;
  urgent: boolean;
  /** A row past its first stage that is no longer eligible. */
  warning: string;
  history: LogEntry[];
  /** The drafted letters (`Tautan Surat`), so reviewers can open them before paraf or signature. */
  letters: LetterLink[];
  /** What this user may do on this row now (the server's guard), in menu order. */
  actions: RowActionInfo[];
}

export interface QueueItem {
  sheet: string;
  row: number;
  id: string;
  name: string;
  maskedNik: string;
  stage: string;
  deadline: string | null;
  daysLeft: number | null;
  /** A row in Perbaikan with its `Catatan Pengembalian` filled (the text stays in the sheet). */
  returnNote: boolean;
}

export interface Queue {
  title: string;
  /** All matching rows; `items` holds at most the first few. */
  total: number;
  items: QueueItem[];
}

export interface PanelState {
  email: string;
  /** Role labels in Indonesian. */
  roles: string[];
  /** Actions this user's roles allow on selected rows (panel-wide buttons). */
  actions: ActionId[];
  queues: Queue[];
}

/** A request as the panel names it: the server finds it again by ID (the row may have moved). */
export interface RowRef {
  row: number;
  /** "" for a row not checked yet: then only while its ID cell is still blank. */
  id: string;
}

export interface DraftPlan {
  sheet: string;
  /** Selected rows the guard lets this user draft now, in sheet order. */
  rows: RowRef[];
  /** Selected rows refused, one line each. */
  refused: string[];
}

/** Every function the sidebar may call through google.script.run. */
export interface SidebarApi {
  apiCheckAll(): Result<string>;
  apiPanel(): Result<PanelState>;
  apiInspect(): Result<Inspector | null>;
  apiSelectRow(sheet: string, id: string): Result<Inspector | null>;
  apiDraftPlan(): Result<DraftPlan>;
  /** sheet and refs null: the user's selection. */
  apiRunAction(action: ActionId, sheet: string | null, refs: RowRef[] | null, note: string): Result<string>;
}
