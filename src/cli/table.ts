/** The readable Indonesian report of `pbijk check` without --json. */
import type { TableCheck } from "../domain/check";
import { formatShortDate } from "../domain/dates";
import { DOCUMENTS } from "../domain/documents";
import { DECISIONS, type Decision, reasonText } from "../domain/eligibility";
import type { Profile } from "../domain/profiles";

export function formatTable(profile: Profile, today: string, check: TableCheck): string {
  const lines = [`Profil: ${profile.id} (${profile.name}) · hari ini: ${formatShortDate(today)}`, ""];
  lines.push(`${"Baris".padEnd(6)}${"Keputusan".padEnd(22)}${"Batas".padEnd(12)}Alasan`);
  lines.push("-".repeat(78));
  const counts = new Map<Decision, number>();
  for (const r of check.results) {
    counts.set(r.decision, (counts.get(r.decision) ?? 0) + 1);
    const deadline = r.deadline ? formatShortDate(r.deadline) : "-";
    lines.push(`${String(r.row).padEnd(6)}${DECISIONS[r.decision].padEnd(22)}${deadline.padEnd(12)}${r.reasons.join(", ") || "-"}`);
    for (const reason of r.reasons) lines.push(`${" ".repeat(6)}Alasan: ${reasonText(reason, r, profile)}`);
    if (r.missingDocuments.length && !r.reasons.includes("DOCUMENTS_INCOMPLETE")) {
      lines.push(`${" ".repeat(6)}Dokumen kurang: ${r.missingDocuments.map((d) => DOCUMENTS[d].name).join(", ")}`);
    }
    for (const f of r.findings) {
      lines.push(`${" ".repeat(6)}${f.severity === "error" ? "GALAT" : "PERINGATAN"} ${f.code}: ${f.message}`);
    }
  }
  lines.push("-".repeat(78));
  const summary = (Object.keys(DECISIONS) as Decision[])
    .filter((d) => counts.has(d))
    .map((d) => `${DECISIONS[d]}: ${counts.get(d)}`);
  lines.push(`${check.results.length} permohonan diperiksa${summary.length ? ` · ${summary.join(" · ")}` : ""}`);
  return `${lines.join("\n")}\n`;
}
