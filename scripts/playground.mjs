// `npm start`: builds the Apps Script project when dist/ is missing or older than its sources,
// bundles the playground server, and starts it.
import { existsSync, readdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

const outputs = ["dist/Code.js", "dist/sidebar.html"].map((p) => join(root, p));
const built = Math.min(...outputs.map((p) => (existsSync(p) ? statSync(p).mtimeMs : 0)));
const sources = Math.max(...["src", "sidebar", "appsscript.json", "scripts/build-gas.mjs"].map((p) => newest(join(root, p))));
if (built === 0 || sources > built) {
  console.log("Membangun dist/ …");
  const { buildAppsScript } = await import("./build-gas.mjs");
  await buildAppsScript(root);
}

const server = join(root, "build/playground/server.cjs");
await build({
  entryPoints: [join(root, "playground/server.ts")],
  outfile: server,
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node20",
  packages: "external",
  logLevel: "warning",
});
const { main } = await import(pathToFileURL(server).href);
await main(root);
