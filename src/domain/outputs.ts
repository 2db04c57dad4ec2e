/** What a check writes back to a request row: summary, decision, reasons, deadline, stage, note. */
import type { RowResult } from "./check";
import { DECISIONS, reasonText } from "./eligibility";
import { summariseFindings } from "./findings";
import type { Profile } from "./profiles";
import { checkStage, stageWarning, workflowFor } from "./workflow";

export interface RowOutput {
  checkResult: string;
  decision: string;
  reasons: string;
  /** ISO date text: Sheets reads it as a date in every locale. */
  deadline: string;
  /** The new `Tahap`, or null to leave it as it is. */
  stage: string | null;
  /** Cell note on `Hasil Pemeriksaan`: one line per finding. */
  note: string;
}

export function rowOutput(result: RowResult, profile: Profile): RowOutput {
  const lines = result.findings.map((f) => `• ${f.severity === "error" ? "Galat" : "Peringatan"} (${f.code}): ${f.message}`);
  return {
    checkResult: summariseFindings(result.findings),
    decision: DECISIONS[result.decision],
    reasons: [
      ...result.reasons.map((r) => reasonText(r, result, profile)),
      // Section 6: the result says a request past its first stage no longer passes.
      ...(result.decision === "ELIGIBLE" || !result.request.stage ? [] : [stageWarning(result.request.stage, result.decision, workflowFor(profile), result.request.urgent)]),
    ].filter((t) => t).join(" "),
    deadline: result.deadline ?? "",
    // Checking moves a new request on; later stages belong to the workflow.
    stage: checkStage(result.request.stage, result.decision, profile, result.request.urgent),
    note: lines.join("\n"),
  };
}

/** IDs like PBI-2026-00042: unique, sortable, never reused (the counter only grows). */
export function nextIds(existing: readonly string[], lastIssued: number, year: number, count: number): { ids: string[]; last: number } {
  const prefix = `PBI-${year}-`;
  let last = lastIssued;
  for (const id of existing) {
    if (id.startsWith(prefix)) {
      const n = Number(id.slice(prefix.length));
      if (Number.isInteger(n) && n > last) last = n;
    }
  }
  const ids: string[] = [];
  for (let i = 0; i < count; i++) ids.push(`${prefix}${String(++last).padStart(5, "0")}`);
  return { ids, last };
}

/** The columns a check writes besides the ID, in sheet order. */
export const RESULT_KEYS = ["checkResult", "decision", "reasons", "deadline", "stage"] as const;
export type ResultKey = (typeof RESULT_KEYS)[number];
