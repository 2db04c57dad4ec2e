/** Node entry of the `pbijk` command. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { run } from "./main";

const argv = process.argv.slice(2);
// `pbijk demo` checks the bundled example rows, so a newcomer sees the product without a sheet.
const args = argv[0] === "demo" ? ["check", join(__dirname, "..", "examples", "demo.csv"), "--profile", argv[1] ?? "nasional-2026", "--today", "2026-11-24"] : argv;
process.exitCode = run(args, {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  readFile: (p) => readFileSync(p),
  now: () => new Date(),
});
