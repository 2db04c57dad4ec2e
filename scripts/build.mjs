// Builds the CLI (build/pbijk.cjs) and, without --cli, the Apps Script project (dist/).
import { build } from "esbuild";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const cliOnly = process.argv.includes("--cli");

await build({
  entryPoints: [join(root, "src/cli/index.ts")],
  outfile: join(root, "build/pbijk.cjs"),
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node20",
  // Loaded only for Excel files: bundling it would slow every start.
  external: ["exceljs", "@googleapis/sheets", "google-auth-library"],
  logLevel: "warning",
});

if (!cliOnly) {
  const { buildAppsScript } = await import("./build-gas.mjs");
  await buildAppsScript(root);
}
