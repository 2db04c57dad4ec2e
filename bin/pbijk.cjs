#!/usr/bin/env node
// Runs the bundled CLI; builds it first when missing (e.g. installed with --ignore-scripts).
const { existsSync } = require("node:fs");
const { join } = require("node:path");
const bundle = join(__dirname, "..", "build", "pbijk.cjs");
if (!existsSync(bundle)) {
  require("node:child_process").execFileSync(process.execPath, [join(__dirname, "..", "scripts", "build.mjs"), "--cli"], { stdio: "inherit" });
}
require(bundle);
