/**
 * `npm run bench [-- --json FILE] [-- --quick]`: every measured figure in one run, printed as a
 * table and, with --json, written as JSON with the same figures (keys documented in the README,
 * "Kinerja"). --quick skips the 100,000-row CLI runs (a minute or more on a shared machine).
 */
import { writeFileSync } from "node:fs";
import { measureBundle } from "./bundle.bench";
import { measureCalls, SIZES } from "./calls.bench";
import { measureCheck } from "./check.bench";
import { measureCli } from "./cli.bench";
import { DOCS_CALL_MS, DOCS_CREATE_MS, docsMs, EXECUTION_LIMIT_MS, SHEETS_CALL_MS, SHEETS_CELL_MS, sheetsMs } from "./latency";
import { measureNik } from "./nik.bench";

const args = process.argv.slice(2);
const jsonAt = args.indexOf("--json");
const jsonFile = jsonAt >= 0 ? args[jsonAt + 1] : undefined;
if (jsonAt >= 0 && !jsonFile) throw new Error("--json needs a file name");
const quick = args.includes("--quick");

const round = (x: number, digits = 0) => Number(x.toFixed(digits));
const started = Date.now();
const check = measureCheck();
const cli = quick ? null : measureCli();
const nik = measureNik();
const calls = measureCalls();
const bundle = measureBundle();

const byRows = (f: (n: string) => number) => Object.fromEntries(SIZES.map((n) => [String(n), round(f(String(n)))]));
const LETTERS = 100;
// Projections use the latency model's upper bound per cell (see bench/latency.ts).
const figures = {
  checkRowsPerSecond: round(check.median),
  checkCpuRowsPerSecond: round(check.cpuMedian),
  cliRowsPerSecond: cli ? round(cli.rows / cli.pbijk.wall) : null,
  cliFloorRowsPerSecond: cli ? round(cli.rows / cli.floor.wall) : null,
  cliCpuRowsPerSecond: cli ? round(cli.rows / cli.pbijk.cpu) : null,
  cliFloorCpuRowsPerSecond: cli ? round(cli.rows / cli.floor.cpu) : null,
  cliToFloorRatio: cli ? round(cli.pbijk.wall / cli.floor.wall, 2) : null,
  nikChecksPerSecond: round(nik.nikChecksPerSecond),
  nikParserChecksPerSecond: round(nik.nikParserChecksPerSecond),
  nikProbesRight: nik.nikProbesRight,
  nikParserProbesRight: nik.nikParserProbesRight,
  probeCount: nik.probeCount,
  probes: nik.probes,
  periksaSemuaCalls: calls.periksaSemuaCalls,
  naiveCalls: calls.naiveCalls,
  periksaSemuaCells: calls.periksaSemuaCells,
  naiveCells: calls.naiveCells,
  callsPerLetter: round(calls.callsPerLetter, 1),
  sheetsCallsPerLetter: round(calls.sheetsCallsPerLetter, 2),
  docsCallsPerLetter: round(calls.docsCallsPerLetter, 1),
  callsPerEdit: calls.callsPerEdit,
  callsPerEditUnchanged: calls.callsPerEditUnchanged,
  bundleBytes: bundle.bundleBytes,
  coldEvalMs: round(bundle.coldEvalMs, 2),
  latencyModel: { sheetsCallMs: SHEETS_CALL_MS, sheetsCellMs: SHEETS_CELL_MS, docsCallMs: DOCS_CALL_MS, docsCreateMs: DOCS_CREATE_MS },
  projectedPeriksaSemuaMs: byRows((n) => sheetsMs(calls.periksaSemuaCalls[n]!, calls.periksaSemuaCells[n]!)),
  projectedNaiveMs: byRows((n) => sheetsMs(calls.naiveCalls[n]!, calls.naiveCells[n]!)),
  projectedDraft100LettersMs: round(
    LETTERS * (calls.sheetsCallsPerLetter * SHEETS_CALL_MS) + docsMs(LETTERS * calls.docsCallsPerLetter, LETTERS * calls.docsCreatesPerLetter),
  ),
  executionLimitMs: EXECUTION_LIMIT_MS,
  benchSeconds: 0,
};
figures.benchSeconds = round((Date.now() - started) / 1000, 1);

const n = (x: number | null, digits = 0) => (x === null ? "(--quick)" : x.toLocaleString("en", { maximumFractionDigits: digits }));
const s = (ms: number) => `${(ms / 1000).toLocaleString("en", { maximumFractionDigits: 1 })} s`;
const rows: [string, string][] = [
  ["check + decide, 100,000 rows (goal ≥ 200,000)", `${n(figures.checkRowsPerSecond)} rows/s (per CPU second ${n(figures.checkCpuRowsPerSecond)})`],
  ["pbijk check --json, 100,000 rows, median wall", `${n(figures.cliRowsPerSecond)} rows/s`],
  ["  floor (Node + read + csv-parse + write), same run", `${n(figures.cliFloorRowsPerSecond)} rows/s (ratio ${n(figures.cliToFloorRatio, 2)}, goal ≤ 1.6)`],
  ["NIK checks, 100,000 NIKs: ours", `${n(figures.nikChecksPerSecond)} /s, probes right ${nik.nikProbesRight}/${nik.probeCount}`],
  ["  nik-parser 1.0.1", `${n(figures.nikParserChecksPerSecond)} /s, probes right ${nik.nikParserProbesRight}/${nik.probeCount}`],
  ...SIZES.map((k): [string, string] => [
    `Periksa Semua, ${k.toLocaleString("en")} rows: calls (naive)`,
    `${calls.periksaSemuaCalls[k]} (${n(calls.naiveCalls[k]!)}) · projected ${s(figures.projectedPeriksaSemuaMs[k]!)} (${s(figures.projectedNaiveMs[k]!)})`,
  ]),
  ["calls per drafted letter (Sheets + Docs)", `${figures.callsPerLetter} (${figures.sheetsCallsPerLetter} + ${figures.docsCallsPerLetter})`],
  ["projected, drafting 100 letters", s(figures.projectedDraft100LettersMs)],
  ["calls per onEdit, result changes (unchanged) (goal ≤ 3)", `${figures.callsPerEdit} (${figures.callsPerEditUnchanged})`],
  ["dist/Code.js (budget ≤ 260 KB)", `${(figures.bundleBytes / 1000).toFixed(1)} KB`],
  ["cold evaluation, median of 21 (budget ≤ 15 ms)", `${figures.coldEvalMs} ms`],
];
const width = Math.max(...rows.map((r) => r[0].length));
console.log(rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join("\n"));
console.log(`Latency model: ${SHEETS_CALL_MS} ms per Sheets call + ${SHEETS_CELL_MS} ms per cell; ${DOCS_CALL_MS} ms per Docs call, ${DOCS_CREATE_MS} ms per document made (bench/latency.ts). Limit ${s(EXECUTION_LIMIT_MS)} per run. Bench took ${figures.benchSeconds} s.`);
if (jsonFile) writeFileSync(jsonFile, `${JSON.stringify(figures, null, 2)}\n`);
