/**
 * Apps Script loads and compiles the whole of Code.js on every onEdit and sidebar call, so its
 * size and cold start are budgets. Issue 12 set 120 KB and 5 ms for the checker alone (97 KB and
 * about 5 ms once zod was gone); with letters, approvals, the BPJS view, Rekap and the sidebar API
 * the unminified bundle was about 234 KB and 8–12 ms (minified: 133 KB, 9.4 ms, so minifying buys
 * little and costs readable stacks); the panel's own queues, the letter-record store and readable
 * service times took it to about 252 KB. The budgets below hold that line against a regression
 * of the zod kind (276 KB, 46 ms).
 */
import { execFileSync } from "node:child_process";
import { readFileSync, statSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { join } from "node:path";

const CODE = join(__dirname, "../../dist/Code.js");
const MAX_BYTES = 260 * 1000;
const MAX_MEDIAN_MS = 15;
const CONTEXTS = 21;

interface Series {
  /** Median wall-clock ms: the budget. */
  wall: number;
  /** Median CPU ms of the process: what the bundle costs, less the waiting for other processes. */
  cpu: number;
}

/**
 * Compiles and runs the bundle in fresh contexts, in a Node process of its own so jest's heap
 * stays out of it; a unique trailing comment defeats V8's compilation cache, which a fresh
 * Apps Script run does not have either.
 */
function coldEval(file: string): Series {
  const script = `
    const vm = require("node:vm");
    const code = require("node:fs").readFileSync(${JSON.stringify(file)}, "utf8");
    vm.runInNewContext(code + "\\n//warm-up", {});
    const wall = [], cpu = [];
    for (let i = 0; i < ${CONTEXTS}; i++) {
      const context = vm.createContext({ console });
      const start = process.hrtime.bigint(), used = process.cpuUsage();
      new vm.Script(code + "\\n//" + i + "-" + Math.random(), { filename: "Code.js" }).runInContext(context);
      const spent = process.cpuUsage(used);
      wall.push(Number(process.hrtime.bigint() - start) / 1e6);
      cpu.push((spent.user + spent.system) / 1e3);
    }
    const median = (xs) => xs.sort((a, b) => a - b)[xs.length >> 1];
    process.stdout.write(JSON.stringify({ wall: median(wall), cpu: median(cpu) }));`;
  return JSON.parse(execFileSync(process.execPath, ["-e", script], { encoding: "utf8" })) as Series;
}

test(`dist/Code.js is at most ${MAX_BYTES / 1000} KB`, () => {
  const bytes = statSync(CODE).size;
  console.log(`dist/Code.js: ${(bytes / 1000).toFixed(1)} KB (budget ${MAX_BYTES / 1000} KB)`);
  expect(bytes).toBeLessThanOrEqual(MAX_BYTES);
});

test(`a cold evaluation of dist/Code.js takes at most ${MAX_MEDIAN_MS} ms median`, () => {
  // A burst of load from other processes spoils a series, a slow bundle spoils every series:
  // the best of up to five medians is compared.
  const series: Series[] = [];
  while (series.length < 5 && !series.some((s) => s.wall <= MAX_MEDIAN_MS)) series.push(coldEval(CODE));
  const wall = Math.min(...series.map((s) => s.wall));
  const cpu = Math.min(...series.map((s) => s.cpu));
  const load = loadavg()[0]! / availableParallelism();
  console.log(`dist/Code.js cold evaluation, median of ${CONTEXTS} fresh contexts: `
    + `${series.map((s) => `${s.wall.toFixed(2)} ms (CPU ${s.cpu.toFixed(2)} ms)`).join(", ")}; `
    + `budget ${MAX_MEDIAN_MS} ms; load ${load.toFixed(1)} per core`);
  // Whatever the load, a bundle the size of the old zod one (46 ms) fails here.
  expect(cpu).toBeLessThanOrEqual(2 * MAX_MEDIAN_MS);
  // Wall time measures the bundle only when this process has a core to itself: with more work
  // than cores (other test files, other projects on a shared machine) it measures the queue.
  if (load > 1 && wall > MAX_MEDIAN_MS) {
    console.warn(`Budget of ${MAX_MEDIAN_MS} ms not asserted: the machine is busy (load ${load.toFixed(1)} per core).`);
    return;
  }
  expect(wall).toBeLessThanOrEqual(MAX_MEDIAN_MS);
});

test("the bundle holds no schema library: the settings readers are the project's own", () => {
  // zod was 180 KB of a 276 KB bundle; this names the cause if it comes back.
  expect(readFileSync(CODE, "utf8")).not.toMatch(/node_modules\/zod/);
});
