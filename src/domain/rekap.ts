/**
 * `Rekap` (spec section 8): the office's work at a glance, from plain request rows. The same
 * function serves the add-on (one spreadsheet) and the CLI (many offices).
 *
 * Decisions and reasons come from the rules applied to each row now (what Periksa Semua would
 * write), not from the `Keputusan` text, so a hand-edited cell cannot skew the counts.
 * Service time is elapsed clock time from `Berkas Lengkap Pada` to `Diserahkan Pada`.
 * Median: the middle value (mean of the two middle values for an even count).
 * 90th percentile: nearest rank, the smallest value with at least 90% of values at or below it
 * (sorted[ceil(0.9 n) - 1]).
 */
import { checkTable, isOpenStage, setupProblem } from "./check";
import { headerOf } from "./columns";
import { addDays, dayNumber, formatLongDate, formatShortDate, type IsoDate, readDateCell } from "./dates";
import { formatDuration } from "./duration";
import { type Decision, DECISIONS, REASON_CODES, type ReasonCode } from "./eligibility";
import { STAGE_NAMES } from "./layout";
import { guardFormula } from "./privacy";
import type { Profile } from "./profiles";
import { type Cell, cellText, enumKey } from "./text";

export const REKAP_SHEET = "Rekap";
export const DEADLINE_HORIZON_DAYS = 14;
export const CHART_WEEKS = 12;

/** Short labels for the summary; the sheet's `Alasan` keeps the full advice. */
export const REASON_LABELS: Record<ReasonCode, string> = {
  DEACTIVATION_TOO_OLD: "Lewat batas reaktivasi",
  ALREADY_REACTIVATED: "Sudah pernah direaktivasi",
  NOT_IN_SOCIAL_REGISTRY: "Tidak terdaftar DTSEN/DTKS",
  DECILE_TOO_HIGH: "Desil di atas 5",
  FACILITATOR_REJECTED: "Ditolak fasilitator",
  BPJS_REJECTED: "BPJS: tidak dapat direaktivasi",
  DOCUMENTS_INCOMPLETE: "Berkas belum lengkap",
  REGISTRY_NOT_CHECKED: "DTSEN/DTKS belum dicek",
  FACILITATOR_PENDING: "Menunggu verifikasi fasilitator",
  BPJS_NOT_CONFIRMED: "Menunggu konfirmasi BPJS",
  DECILE_UNKNOWN: "Desil belum diisi",
};

/** One request sheet (of one office): its rules and its cells, headers first. */
export interface RekapSource {
  /** Sheet or office name, shown next to each deadline. */
  source: string;
  profile: Profile;
  grid: readonly (readonly Cell[])[];
}

export interface Deadline {
  source: string;
  id: string;
  name: string;
  deadline: IsoDate;
  daysLeft: number;
}

export interface ServiceTime {
  /** Requests with both times readable and in order. */
  measured: number;
  withinSla: number;
  /** 0..1, null when nothing was measured. */
  shareWithinSla: number | null;
  medianMinutes: number | null;
  p90Minutes: number | null;
  /** Distinct SLAs (minutes) of the sources measured. */
  slaMinutes: number[];
  /** Handed-over requests whose times are missing a clock time, or out of order. */
  unmeasured: number;
  /** Only for profiles that ask for same-day issue (purbalingga); null when none does. */
  sameDay: { counted: number; sameDay: number; share: number | null } | null;
}

export interface WeekCount {
  /** Monday of the week (Jakarta calendar). */
  weekStart: IsoDate;
  counts: Record<Decision, number>;
}

export interface Rekap {
  today: IsoDate;
  total: number;
  byStage: { stage: string; count: number }[];
  byDecision: { decision: Decision; label: string; count: number }[];
  byReason: { reason: ReasonCode; label: string; count: number }[];
  serviceTime: ServiceTime;
  /** Open requests whose `Batas Reaktivasi` is today or within the next 14 days, soonest first. */
  deadlines: Deadline[];
  /** Requests per week of `Tanggal Permohonan` by decision, the 12 weeks up to today's. */
  perWeek: WeekCount[];
  /** Sources that could not be read (a required column missing), in Indonesian. */
  problems: string[];
}

/** Middle value; the mean of the two middle values for an even count. */
export function median(sorted: readonly number[]): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const mid = Math.floor(n / 2);
  return n % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Nearest-rank percentile (p in 0..100] of sorted values. */
export function nearestRank(sorted: readonly number[], p: number): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  return sorted[Math.max(1, Math.ceil((p / 100) * n)) - 1]!;
}

/** Monday of the week an ISO date falls in. */
export function weekStart(date: IsoDate): IsoDate {
  // Day 0 (1970-01-01) was a Thursday: Monday-based weekday = (day + 3) mod 7.
  const weekday = (((dayNumber(date) + 3) % 7) + 7) % 7;
  return addDays(date, -weekday);
}

function emptyDecisionCounts(): Record<Decision, number> {
  return Object.fromEntries(Object.keys(DECISIONS).map((d) => [d, 0])) as Record<Decision, number>;
}

export function summarise(sources: readonly RekapSource[], today: IsoDate): Rekap {
  const stages = new Map<string, number>();
  const decisions = emptyDecisionCounts();
  const reasons = new Map<ReasonCode, number>();
  const minutes: number[] = [];
  let withinSla = 0;
  let unmeasured = 0;
  const slas = new Set<number>();
  let sameDayCounted = 0;
  let sameDayCount = 0;
  let anySameDay = false;
  const deadlines: Deadline[] = [];
  const firstWeek = addDays(weekStart(today), -7 * (CHART_WEEKS - 1));
  const weeks = new Map<IsoDate, Record<Decision, number>>();
  for (let w = 0; w < CHART_WEEKS; w++) weeks.set(addDays(firstWeek, 7 * w), emptyDecisionCounts());
  const problems: string[] = [];
  let total = 0;

  for (const { source, profile, grid } of sources) {
    const problem = setupProblem(grid[0] ?? [], profile);
    if (problem) {
      problems.push(`${source}: ${problem}; sheet ini tidak direkap.`);
      continue;
    }
    const table = checkTable(grid[0] ?? [], grid.slice(1), profile, today);
    if (profile.sameDay) anySameDay = true;
    const nameCol = table.columns.name;
    const handedCol = table.columns.handedOverAt;
    for (const result of table.results) {
      total++;
      const cells = grid[result.row - 1] ?? [];
      const stage = canonicalStage(result.request.stage);
      stages.set(stage, (stages.get(stage) ?? 0) + 1);
      decisions[result.decision]++;
      for (const r of result.reasons) reasons.set(r, (reasons.get(r) ?? 0) + 1);

      const applied = result.request.applicationDate;
      const week = applied ? weeks.get(weekStart(applied)) : undefined;
      if (week) week[result.decision]++;

      const handed = handedCol === undefined ? null : readDateCell(cells[handedCol], true);
      const complete = result.request.completeAt;
      if (handed?.kind === "ok") {
        if (complete && profile.sameDay) {
          sameDayCounted++;
          if (complete.date === handed.date) sameDayCount++;
        }
        const elapsed = complete && complete.minutes !== null && handed.minutes !== null
          ? (dayNumber(handed.date) - dayNumber(complete.date)) * 1440 + handed.minutes - complete.minutes
          : null;
        if (elapsed === null || elapsed < 0) unmeasured++;
        else {
          minutes.push(elapsed);
          slas.add(profile.slaMinutes);
          if (elapsed <= profile.slaMinutes) withinSla++;
        }
      }

      const deadline = result.deadline;
      if (deadline && isOpenStage(result.request.stage)) {
        const daysLeft = dayNumber(deadline) - dayNumber(today);
        if (daysLeft >= 0 && daysLeft <= DEADLINE_HORIZON_DAYS) {
          deadlines.push({ source, id: result.request.id, name: nameCol === undefined ? "" : cellText(cells[nameCol]).trim(), deadline, daysLeft });
        }
      }
    }
  }

  minutes.sort((a, b) => a - b);
  deadlines.sort((a, b) => a.daysLeft - b.daysLeft || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    today,
    total,
    byStage: orderStages(stages),
    byDecision: (Object.keys(DECISIONS) as Decision[]).map((d) => ({ decision: d, label: DECISIONS[d], count: decisions[d] })),
    byReason: REASON_CODES.filter((r) => reasons.has(r)).map((r) => ({ reason: r, label: REASON_LABELS[r], count: reasons.get(r)! })),
    serviceTime: {
      measured: minutes.length,
      withinSla,
      shareWithinSla: minutes.length ? withinSla / minutes.length : null,
      medianMinutes: median(minutes),
      p90Minutes: nearestRank(minutes, 90),
      slaMinutes: [...slas].sort((a, b) => a - b),
      unmeasured,
      sameDay: anySameDay ? { counted: sameDayCounted, sameDay: sameDayCount, share: sameDayCounted ? sameDayCount / sameDayCounted : null } : null,
    },
    deadlines,
    perWeek: [...weeks].map(([weekStart, counts]) => ({ weekStart, counts })),
    problems,
  };
}

const STAGE_BY_KEY = new Map<string, string>(STAGE_NAMES.map((s) => [enumKey(s), s]));

/** A `Tahap` as its canonical name; blank is a request not yet checked (`Diterima`). */
function canonicalStage(stage: string): string {
  if (stage.trim() === "") return "Diterima";
  return STAGE_BY_KEY.get(enumKey(stage)) ?? stage.trim();
}

function orderStages(stages: Map<string, number>): { stage: string; count: number }[] {
  const known = STAGE_NAMES.filter((s) => stages.has(s)).map((s) => ({ stage: s, count: stages.get(s)! }));
  const other = [...stages].filter(([s]) => !STAGE_BY_KEY.has(enumKey(s))).sort(([a], [b]) => a.localeCompare(b)).map(([stage, count]) => ({ stage, count }));
  return [...known, ...other];
}

/**
 * A calendar date: each shell writes it its own way. Sheets reads typed `dd/mm/yyyy` by the
 * spreadsheet's locale (en_US turns 01/12 into 12 January), so the add-on writes ISO text, which
 * every locale reads as the same day, with a `dd/mm/yyyy` format; the CLI prints `dd/mm/yyyy`.
 */
export interface RekapDate {
  date: IsoDate;
}

export type RekapCell = string | number | RekapDate;

export function isRekapDate(cell: RekapCell): cell is RekapDate {
  return typeof cell === "object";
}

/** A cell as people read it (the CLI's terminal and CSV): dates as dd/mm/yyyy. */
export function rekapCellText(cell: RekapCell): string {
  return isRekapDate(cell) ? formatShortDate(cell.date) : String(cell);
}

/** A block of cells, 1-based. */
export interface RekapBlock {
  row: number;
  col: number;
  numRows: number;
  numCols: number;
}

/** The `Rekap` sheet as values, where its weekly table (the chart's data) sits, and its date cells as column blocks. */
export interface RekapLayout {
  grid: RekapCell[][];
  weekTable: RekapBlock;
  dateBlocks: RekapBlock[];
}

function percent(share: number | null): string {
  return share === null ? "-" : `${(Math.round(share * 1000) / 10).toString().replace(".", ",")}%`;
}

/** Minutes as people say them, next to the minutes (which stay, for sums and sorting). */
function spoken(minutes: number | null): string {
  return minutes === null ? "" : formatDuration(minutes);
}

function ofTotal(part: number, whole: number, share: number | null): string {
  return `${part} dari ${whole} (${percent(share)})`;
}

/** Indonesian labels and plain values; text that could start a formula is neutralised. */
export function rekapLayout(r: Rekap): RekapLayout {
  const rows: RekapCell[][] = [];
  const add = (...cells: RekapCell[]) => rows.push(cells);
  const s = r.serviceTime;
  add("Rekap PBI-JK", `per ${formatLongDate(r.today)}`);
  add("Jumlah permohonan", r.total);
  add("");
  add("Tahap", "Jumlah");
  r.byStage.forEach((x) => add(x.stage, x.count));
  add("");
  add("Keputusan", "Jumlah");
  r.byDecision.forEach((x) => add(x.label, x.count));
  add("");
  add("Alasan", "Jumlah");
  if (r.byReason.length === 0) add("(tidak ada)", 0);
  r.byReason.forEach((x) => add(x.label, x.count));
  add("");
  add("Waktu layanan", `${headerOf("completeAt")} → ${headerOf("handedOverAt")} (menit)`);
  add("Diukur", s.measured);
  add("SLA (menit)", s.slaMinutes.join(", ") || "-", s.slaMinutes.map(formatDuration).join(", "));
  add("Dalam SLA", ofTotal(s.withinSla, s.measured, s.shareWithinSla));
  add("Median (menit)", s.medianMinutes ?? "-", spoken(s.medianMinutes));
  add("Persentil ke-90 (menit, peringkat terdekat)", s.p90Minutes ?? "-", spoken(s.p90Minutes));
  add("Tidak terukur (jam tidak tercatat atau urutan terbalik)", s.unmeasured);
  if (s.sameDay) add("Diserahkan di hari berkas lengkap", ofTotal(s.sameDay.sameDay, s.sameDay.counted, s.sameDay.share));
  add("");
  add(`Batas reaktivasi dalam ${DEADLINE_HORIZON_DAYS} hari (permohonan terbuka)`);
  add(headerOf("id"), headerOf("name"), headerOf("deadline"), "Sisa Hari", "Sheet");
  if (r.deadlines.length === 0) add("(tidak ada)");
  r.deadlines.forEach((d) => add(d.id, d.name, { date: d.deadline }, d.daysLeft, d.source));
  add("");
  add(`Permohonan per minggu (${headerOf("applicationDate")}) menurut keputusan`);
  const decisions = Object.keys(DECISIONS) as Decision[];
  const weekRow = rows.length + 1;
  add("Minggu mulai", ...decisions.map((d) => DECISIONS[d]));
  r.perWeek.forEach((w) => add({ date: w.weekStart }, ...decisions.map((d) => w.counts[d])));
  if (r.problems.length) {
    add("");
    r.problems.forEach((p) => add("Catatan", p));
  }
  const width = Math.max(...rows.map((x) => x.length));
  const grid = rows.map((x) => [...x.map((c) => (typeof c === "string" ? guardFormula(c) : c)), ...Array<RekapCell>(width - x.length).fill("")]);
  return { grid, weekTable: { row: weekRow, col: 1, numRows: r.perWeek.length + 1, numCols: decisions.length + 1 }, dateBlocks: dateBlocks(grid) };
}

/** Runs of date cells down each column: one format call per run, not per cell. */
function dateBlocks(grid: readonly (readonly RekapCell[])[]): RekapBlock[] {
  const blocks: RekapBlock[] = [];
  const width = grid[0]?.length ?? 0;
  for (let c = 0; c < width; c++) {
    let start = -1;
    for (let r = 0; r <= grid.length; r++) {
      const date = r < grid.length && isRekapDate(grid[r]![c]!);
      if (date && start < 0) start = r;
      if (!date && start >= 0) {
        blocks.push({ row: start + 1, col: c + 1, numRows: r - start, numCols: 1 });
        start = -1;
      }
    }
  }
  return blocks;
}
