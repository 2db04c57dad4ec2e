/**
 * The --json report (spec section 9), written in pieces: one 20 MB string for 100,000 rows
 * costs more in memory and garbage collection than the check itself.
 */
import type { TableCheck } from "../domain/check";
import type { Finding } from "../domain/findings";
import type { Profile } from "../domain/profiles";

/** Bytes of JSON handed to the writer at a time. */
const PIECE = 1 << 20;

/** Findings repeat the same few texts on thousands of rows: encode each distinct one once. */
function findingEncoder(): (f: Finding) => string {
  const cache = new Map<string, string>();
  return (f) => {
    const key = `${f.code}\u0000${f.field}\u0000${f.message}`;
    let text = cache.get(key);
    if (text === undefined) {
      text = JSON.stringify({ code: f.code, severity: f.severity, field: f.field, message: f.message });
      if (cache.size < 100_000) cache.set(key, text);
    }
    return text;
  };
}

const list = (values: readonly string[]): string => (values.length ? `["${values.join('","')}"]` : "[]");

export function writeJson(profile: Profile, today: string, check: TableCheck, write: (text: string) => void): void {
  const finding = findingEncoder();
  // Rows gathered in an array and joined per piece: a long `+=` chain lives until it is written,
  // which makes V8 move it to the old generation and the collector work for nothing.
  let piece: string[] = [`{"profile":${JSON.stringify(profile.id)},"today":${JSON.stringify(today)},"rows":[`];
  let size = 0;
  check.results.forEach((r, i) => {
    // Codes, decisions and ISO dates are plain ASCII words: they need no escaping.
    const row = `${i ? "," : ""}{"row":${r.row},"decision":"${r.decision}","reasons":${list(r.reasons)},` +
      `"deadline":${r.deadline === null ? "null" : `"${r.deadline}"`},"missingDocuments":${list(r.missingDocuments)},` +
      `"findings":[${r.findings.map(finding).join(",")}]}`;
    piece.push(row);
    size += row.length;
    if (size >= PIECE) {
      write(piece.join(""));
      piece = [];
      size = 0;
    }
  });
  piece.push("]}\n");
  write(piece.join(""));
}
