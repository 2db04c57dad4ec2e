#!/usr/bin/env node
// Runs the bundled CLI; builds it first when missing (installed with --ignore-scripts) or older
// than the sources (a developer's checkout).
const { existsSync, readdirSync, statSync } = require("node:fs");
const { join } = require("node:path");
const root = join(__dirname, "..");
const bundle = join(root, "build", "pbijk.cjs");

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

const sources = ["src/cli", "src/domain"].map((d) => join(root, d)).filter(existsSync);
if (!existsSync(bundle) || sources.some((d) => newestSource(d) > statSync(bundle).mtimeMs)) {
  require("node:child_process").execFileSync(process.execPath, [join(__dirname, "..", "scripts", "build.mjs"), "--cli"], { stdio: "inherit" });
}
require(bundle);
