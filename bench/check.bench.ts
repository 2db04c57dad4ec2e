/** rows/second of check + decide on 100,000 generated rows: the median of five runs. */
import { checkTable } from "../src/domain/check";
import { findProfile } from "../src/domain/profiles";
import { generate, HEADERS } from "./rows";

export interface CheckFigures {
  rows: number;
  median: number;
  min: number;
  max: number;
  /** Median rows per CPU second of this process: moves less with other processes' load. */
  cpuMedian: number;
}

export function measureCheck(count = 100_000): CheckFigures {
  const profile = findProfile("nasional-2026")!;
  const rows = generate(count);
  checkTable(HEADERS, rows.slice(0, 1000), profile, "2026-11-24"); // warm-up
  const runs: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < 5; r++) {
    const start = process.hrtime.bigint();
    const used = process.cpuUsage();
    const result = checkTable(HEADERS, rows, profile, "2026-11-24");
    const spent = process.cpuUsage(used);
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    if (result.results.length !== rows.length) throw new Error("rows lost");
    runs.push(rows.length / seconds);
    cpu.push(rows.length / ((spent.user + spent.system) / 1e6));
  }
  runs.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  return { rows: count, median: runs[2]!, min: runs[0]!, max: runs[4]!, cpuMedian: cpu[2]! };
}
