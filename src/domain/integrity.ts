/**
 * Periksa Integritas (spec section 6): every approval stamp in a request row should have the
 * `Log` line its move wrote. A stamp without one was typed in by hand (or the log was edited).
 */
import { type ColumnMap, headerOf, type OutputKey } from "./columns";
import { LOG_HEADERS } from "./layout";
import { type Cell, cellText, enumKey, headerKey, isBlank } from "./text";
import { ACTIONS, PROFILE_STAGES, STAGES } from "./workflow";

interface StampRule {
  /** The "who" column, or null where the sheet keeps only "when" (hand-over). */
  by: OutputKey | null;
  at: OutputKey;
  action: string;
  /** Stages whose move writes this stamp: the Log line's "from" stage is one of them. */
  from: ReadonlySet<string>;
}

/** Stamps of every profile, with the stages that write them (a profile change keeps old stamps checkable). */
function stampRules(): StampRule[] {
  const rules = new Map<OutputKey, StampRule>();
  for (const stages of Object.values(PROFILE_STAGES)) {
    for (const s of stages) {
      if (!s.stamp) continue;
      const rule = rules.get(s.stamp.by) ?? { by: s.stamp.by, at: s.stamp.at, action: ACTIONS.approve, from: new Set<string>() };
      (rule.from as Set<string>).add(enumKey(s.name));
      rules.set(s.stamp.by, rule);
    }
  }
  return [
    ...rules.values(),
    { by: null, at: "handedOverAt", action: ACTIONS.handOver, from: new Set([enumKey(STAGES.readyForHandOver)]) },
  ];
}

const RULES = stampRules();

export interface UnloggedApproval {
  /** Sheet row number. */
  row: number;
  id: string;
  /** The stamp's headers, e.g. "Paraf Oleh/Pada". */
  stamp: string;
  /** Who the stamp names ("" for a hand-over). */
  user: string;
}

const matchKey = (id: string, action: string, user: string, from: string) => [id, enumKey(action), enumKey(user), enumKey(from)].join("\u0000");

/** The Log's lines as match keys, its columns found by header text; no header row means no lines. */
function loggedMoves(log: readonly (readonly Cell[])[]): { withUser: Set<string>; anyUser: Set<string> } {
  const headers = (log[0] ?? []).map((h) => headerKey(cellText(h)));
  const [, user, id, action, from] = [0, 1, 2, 3, 4].map((i) => headers.indexOf(headerKey(LOG_HEADERS[i]!)));
  const withUser = new Set<string>();
  const anyUser = new Set<string>();
  if ([user, id, action, from].some((i) => i === undefined || i < 0)) return { withUser, anyUser };
  for (const line of log.slice(1)) {
    const text = (i: number) => cellText(line[i!]).trim();
    withUser.add(matchKey(text(id!), text(action!), text(user!), text(from!)));
    anyUser.add(matchKey(text(id!), text(action!), "", text(from!)));
  }
  return { withUser, anyUser };
}

/** True when some row holds an approval stamp: only then is the Log worth reading. */
export function hasStamps(rows: readonly (readonly Cell[])[], columns: ColumnMap): boolean {
  const stampColumns = RULES.flatMap((rule) => [rule.by === null ? undefined : columns[rule.by], columns[rule.at]]).filter((c): c is number => c !== undefined);
  return rows.some((cells) => stampColumns.some((c) => !isBlank(cells[c])));
}

/**
 * Stamps with no matching Log line (same ID, action, user, and a stage that writes that stamp),
 * in row order. `rows` are the data rows (sheet row 2 first); columns the sheet lacks are skipped.
 */
export function unloggedApprovals(rows: readonly (readonly Cell[])[], columns: ColumnMap, log: readonly (readonly Cell[])[]): UnloggedApproval[] {
  const idCol = columns.id;
  if (idCol === undefined) return [];
  const logged = loggedMoves(log);
  const found: UnloggedApproval[] = [];
  rows.forEach((cells, i) => {
    const id = cellText(cells[idCol]).trim();
    for (const rule of RULES) {
      const byCol = rule.by === null ? undefined : columns[rule.by];
      const atCol = columns[rule.at];
      const by = byCol === undefined ? "" : cellText(cells[byCol]).trim();
      const stamped = by !== "" || (atCol !== undefined && !isBlank(cells[atCol]));
      if (!stamped) continue;
      const seen = [...rule.from].some((from) =>
        rule.by === null ? logged.anyUser.has(matchKey(id, rule.action, "", from)) : logged.withUser.has(matchKey(id, rule.action, by, from)));
      if (!seen) found.push({ row: i + 2, id, stamp: stampLabel(rule), user: by });
    }
  });
  return found;
}

function stampLabel(rule: StampRule): string {
  if (rule.by === null) return headerOf(rule.at);
  return `${headerOf(rule.by)}/${headerOf(rule.at).split(" ").pop()}`;
}

/** The Indonesian report of Periksa Integritas. */
export function describeUnlogged(found: readonly UnloggedApproval[], sheetName: string): string {
  if (found.length === 0) return `Sheet "${sheetName}": setiap persetujuan tercatat di Log.`;
  const lines = found.map((f) => `• Baris ${f.row} (${f.id || "tanpa ID"}): ${f.stamp}${f.user ? ` (${f.user})` : ""} tanpa baris Log yang cocok`);
  return [`Sheet "${sheetName}": ${found.length} persetujuan tidak tercatat di Log (mungkin diketik tangan):`, ...lines].join("\n");
}

/** One line for a check's result: how many and which IDs. */
export function unloggedSummary(found: readonly UnloggedApproval[]): string {
  if (found.length === 0) return "";
  const ids = [...new Set(found.map((f) => f.id || `baris ${f.row}`))];
  return ` ${found.length} persetujuan tanpa catatan Log (${ids.join(", ")}): jalankan Periksa Integritas.`;
}
