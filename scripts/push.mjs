// `npm run push`: builds dist/ and uploads it with `clasp push`, but only to a project that the
// deployer named in .clasp.json. That file holds a real script ID, so it stays out of git;
// .clasp.json.example is the committed template. `--check` only validates .clasp.json.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const PLACEHOLDER = "REPLACE_WITH_YOUR_SCRIPT_ID";
const HOW = "Salin .clasp.json.example menjadi .clasp.json dan isi \"scriptId\" dengan ID skrip proyek Apps Script Anda "
  + "(editor Apps Script: Project Settings › Script ID), atau jalankan `npx clasp clone <ID> --rootDir dist`. Lihat README, bagian \"Deploying\".";

/** What is wrong with dir/.clasp.json, in Indonesian, or null when a push may go ahead. */
export function claspConfigProblem(dir) {
  const file = join(dir, ".clasp.json");
  if (!existsSync(file)) return `Tidak ada .clasp.json, jadi tidak ada proyek tujuan. ${HOW}`;
  let config;
  try {
    config = JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return `.clasp.json bukan JSON yang sah. Perbaiki atau buat ulang. ${HOW}`;
  }
  const id = typeof config?.scriptId === "string" ? config.scriptId.trim() : "";
  if (id === "" || id === PLACEHOLDER) return `.clasp.json belum berisi ID skrip (masih "${id || "kosong"}"). ${HOW}`;
  if (!/^[A-Za-z0-9_-]{20,}$/.test(id)) return `"scriptId" di .clasp.json tidak tampak seperti ID skrip Apps Script. ${HOW}`;
  if (resolve(dir, config.rootDir ?? ".") !== resolve(dir, "dist")) {
    return `"rootDir" di .clasp.json harus "dist": hanya hasil build di dist/ yang boleh diunggah, bukan kode sumber.`;
  }
  return null;
}

function run(command, args) {
  const result = spawnSync(command, args, { stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const problem = claspConfigProblem(process.cwd());
  if (problem) {
    console.error(`npm run push dibatalkan: ${problem}`);
    process.exit(1);
  }
  if (args.includes("--check")) {
    console.log(".clasp.json siap: npm run push akan mengunggah dist/ ke proyek itu.");
    process.exit(0);
  }
  const root = join(dirname(fileURLToPath(import.meta.url)), "..");
  run(process.execPath, [join(root, "scripts/build.mjs")]);
  // Extra arguments go to clasp, e.g. `npm run push -- --force` to overwrite the manifest.
  run(join(root, "node_modules/.bin/clasp"), ["push", ...args]);
}
