/** The readable Indonesian report of `pbijk check` without --json, 80 columns wide. */
import type { RowResult, TableCheck } from "../domain/check";
import { formatShortDate } from "../domain/dates";
import { DOCUMENTS } from "../domain/documents";
import { DECISIONS, type Decision, reasonText } from "../domain/eligibility";
import type { Profile } from "../domain/profiles";
import { type Colour, fit, type Paint, WIDTH, wrap } from "./terminal";

const DECISION_COLOUR: Record<Decision, Colour> = {
  ELIGIBLE: "green",
  NOT_ELIGIBLE: "red",
  INCOMPLETE: "yellow",
  NEEDS_VERIFICATION: "yellow",
  INVALID: "red",
};

const ROW = 7;
const NAME = 30;
const DECISION = 22;
const INDENT = " ".repeat(ROW);

/** Long digit runs in a name cell are most likely a NIK typed in the wrong column: never print them. */
const safeName = (name: string): string => name.replace(/\d{6,}/g, (d) => "*".repeat(d.length)).trim() || "(tanpa nama)";

/** Wrapped detail lines under a row, the label painted. */
function detail(label: string, colour: Colour, text: string, paint: Paint): string[] {
  const lines = wrap(text, `${INDENT}${label}: `, `${INDENT}  `);
  lines[0] = lines[0]!.replace(`${label}:`, paint(colour, `${label}:`));
  return lines;
}

function rowLines(r: RowResult, name: string, profile: Profile, paint: Paint): string[] {
  const deadline = r.deadline ? formatShortDate(r.deadline) : "";
  const label = DECISIONS[r.decision];
  // Padding stays outside the colour codes so the line can be trimmed.
  const decision = paint(DECISION_COLOUR[r.decision], label) + (deadline ? " ".repeat(DECISION - label.length) + deadline : "");
  const lines = [`${fit(String(r.row), ROW)}${fit(safeName(name), NAME)}${decision}`];
  for (const f of r.findings) {
    lines.push(...detail(f.severity === "error" ? "Galat" : "Peringatan", f.severity === "error" ? "red" : "yellow", `${f.message} (${f.code})`, paint));
  }
  for (const reason of r.reasons) lines.push(...detail("Alasan", "bold", `${reasonText(reason, r, profile)} (${reason})`, paint));
  if (r.missingDocuments.length && !r.reasons.includes("DOCUMENTS_INCOMPLETE")) {
    lines.push(...detail("Dokumen kurang", "bold", r.missingDocuments.map((d) => DOCUMENTS[d].name).join(", "), paint));
  }
  return lines;
}

/** `names[i]` is the `Nama` of results[i]. */
export function formatTable(profile: Profile, today: string, check: TableCheck, names: readonly string[], paint: Paint): string {
  const lines = [
    ...wrap(`${profile.id} (${profile.name})`, "Profil: ", "  "),
    `Hari ini: ${formatShortDate(today)}`,
    "",
    paint("bold", `${fit("Baris", ROW)}${fit("Nama", NAME)}${fit("Keputusan", DECISION)}Batas`),
    "-".repeat(WIDTH),
  ];
  const counts = new Map<Decision, number>();
  check.results.forEach((r, i) => {
    counts.set(r.decision, (counts.get(r.decision) ?? 0) + 1);
    lines.push(...rowLines(r, names[i] ?? "", profile, paint));
  });
  lines.push("-".repeat(WIDTH));
  lines.push(`${check.results.length} permohonan diperiksa`);
  for (const d of Object.keys(DECISIONS) as Decision[]) {
    if (counts.has(d)) lines.push(`  ${paint(DECISION_COLOUR[d], DECISIONS[d])}${" ".repeat(DECISION - DECISIONS[d].length)}${String(counts.get(d)).padStart(6)}`);
  }
  return `${lines.join("\n")}\n`;
}
