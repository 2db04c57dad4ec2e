/** rows/second of check + decide on generated rows (`npm run bench`). */
import { checkTable } from "../src/domain/check";
import { findProfile } from "../src/domain/profiles";
import { generate, HEADERS } from "./rows";

const profile = findProfile("nasional-2026")!;
const rows = generate(100_000);
checkTable(HEADERS, rows.slice(0, 1000), profile, "2026-11-24"); // warm-up
const runs: number[] = [];
for (let r = 0; r < 5; r++) {
  const start = process.hrtime.bigint();
  const result = checkTable(HEADERS, rows, profile, "2026-11-24");
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (result.results.length !== rows.length) throw new Error("rows lost");
  runs.push(rows.length / seconds);
}
runs.sort((a, b) => a - b);
console.log(`check + decide, ${rows.length} rows: median ${Math.round(runs[2]!).toLocaleString("en")} rows/s (min ${Math.round(runs[0]!).toLocaleString("en")}, max ${Math.round(runs[4]!).toLocaleString("en")})`);
