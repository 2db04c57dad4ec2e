/**
 * `pbijk check --json` end to end on 100,000 rows, the bin run as a user runs it, against a floor
 * measured in the same run (bench/floor.cjs: start Node, read, csv-parse, write JSON of the same
 * size). Goal: at most 1.6 times the floor. Medians of 3 interleaved runs (keeps the whole bench near 3 minutes on 2 cores).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, openSync, closeSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { generate, HEADERS } from "./rows";

const ROOT = resolve(__dirname, "..");
const ROWS = 100_000;
const RUNS = 3;

export interface CliFigures {
  rows: number;
  jsonBytes: number;
  /** Median of RUNS, seconds. */
  pbijk: { wall: number; cpu: number };
  floor: { wall: number; cpu: number };
}
const CPU = join(ROOT, "bench/cpu.cjs");
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Wall-clock and CPU seconds of one run, stdout to a file. */
function time(args: string[], out: string): { wall: number; cpu: number } {
  const fd = openSync(out, "w");
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ["--require", CPU, ...args], { cwd: ROOT, stdio: ["ignore", fd, "pipe", "pipe"] });
  const wall = Number(process.hrtime.bigint() - start) / 1e9;
  closeSync(fd);
  if (r.status !== 0) throw new Error(`${args.join(" ")} exited ${r.status}: ${r.stderr}`);
  return { wall, cpu: Number(String(r.output[3]).trim()) / 1000 };
}

export function measureCli(): CliFigures {
  const dir = mkdtempSync(join(tmpdir(), "pbijk-bench-"));
  const input = join(dir, "permohonan.csv");
  const out = join(dir, "out.json");
  const quote = (c: string) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
  writeFileSync(input, [HEADERS, ...generate(ROWS)].map((r) => r.map(quote).join(",")).join("\n") + "\n");
  const pbijkArgs = [join(ROOT, "bin/pbijk.cjs"), "check", input, "--today", "2026-11-24", "--json"];
  time(pbijkArgs, out); // builds the bundle if stale, warms the file cache
  const size = statSync(out).size;
  JSON.parse(readFileSync(out, "utf8"));
  const floorArgs = [join(ROOT, "bench/floor.cjs"), input, String(size)];
  const floor: { wall: number; cpu: number }[] = [];
  const pbijk: { wall: number; cpu: number }[] = [];
  // Interleaved, so a busy moment on a shared machine hits both.
  for (let i = 0; i < RUNS; i++) {
    floor.push(time(floorArgs, out));
    pbijk.push(time(pbijkArgs, out));
  }
  rmSync(dir, { recursive: true, force: true });
  const pick = (xs: { wall: number; cpu: number }[]) => ({ wall: median(xs.map((t) => t.wall)), cpu: median(xs.map((t) => t.cpu)) });
  return { rows: ROWS, jsonBytes: size, pbijk: pick(pbijk), floor: pick(floor) };
}
