/** dist/Code.js size and cold evaluation (compile + run) in fresh vm contexts: the median of 21. */
import { readFileSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { Script, createContext, runInNewContext } from "node:vm";

const CODE = resolve(__dirname, "../dist/Code.js");

export function measureBundle(contexts = 21): { bundleBytes: number; coldEvalMs: number } {
  const code = readFileSync(CODE, "utf8");
  runInNewContext(`${code}\n//warm-up`, {});
  const times: number[] = [];
  for (let i = 0; i < contexts; i++) {
    const context = createContext({ console });
    const start = process.hrtime.bigint();
    // A unique trailing comment defeats V8's compilation cache, which a fresh Apps Script run lacks.
    new Script(`${code}\n//${i}-${Math.random()}`, { filename: "Code.js" }).runInContext(context);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return { bundleBytes: statSync(CODE).size, coldEvalMs: times[contexts >> 1]! };
}
