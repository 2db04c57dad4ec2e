/**
 * The batch-drafting report next to the button. The server says why each row was left, one line
 * a row (other callers and tests rely on those lines); here identical reasons become one line.
 */

/** Row numbers listed per reason before "…". */
const ROWS_SHOWN = 8;

/** `Baris 12 (PBI-2026-00011): reason`, with or without the server's bullet. */
const REFUSAL = /^(?:•\s*)?Baris (\d+)(?: \(([^)]*)\))?: (.+)$/s;

export interface DraftReport {
  /** "5 draf dibuat; 39 baris dilewati" (and rows not reached, when the run stopped). */
  summary: string;
  /** One line per distinct reason, then the server's other lines as they came. */
  details: string[];
}

/** Groups refusal lines by reason, in the order they first came. */
export function groupRefusals(lines: readonly string[]): { rows: number; details: string[] } {
  const groups = new Map<string, { first: string; rows: string[] }>();
  const others: string[] = [];
  for (const line of lines) {
    const m = REFUSAL.exec(line.trim());
    if (!m) {
      if (line.trim()) others.push(line.trim());
      continue;
    }
    const reason = m[3]!.trim();
    const group = groups.get(reason) ?? { first: `• Baris ${m[1]}${m[2] ? ` (${m[2]})` : ""}: ${reason}`, rows: [] };
    group.rows.push(m[1]!);
    groups.set(reason, group);
  }
  const details = [...groups].map(([reason, g]) => {
    if (g.rows.length === 1) return g.first;
    const shown = g.rows.slice(0, ROWS_SHOWN).join(", ");
    return `• ${reason} (${g.rows.length} baris: ${shown}${g.rows.length > ROWS_SHOWN ? ", …" : ""})`;
  });
  const rows = [...groups.values()].reduce((n, g) => n + g.rows.length, 0);
  return { rows, details: [...details, ...others] };
}

/** The report of one batch: drafted rows, refusal lines, and rows never sent (the run stopped). */
export function draftReport(drafted: number, lines: readonly string[], notReached: number): DraftReport {
  const { rows, details } = groupRefusals(lines);
  const parts = [`${drafted} draf dibuat`, `${rows} baris dilewati`];
  if (notReached > 0) parts.push(`${notReached} baris belum diproses`);
  return { summary: parts.join("; "), details };
}
