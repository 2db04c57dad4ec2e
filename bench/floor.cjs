// The floor `pbijk check --json` is measured against: start Node, read the CSV, parse it with
// csv-parse, write trivial JSON of the given size to stdout. Usage: node bench/floor.cjs FILE BYTES
const { readFileSync } = require("node:fs");
const { parse } = require("csv-parse/sync");

const [file, bytes] = process.argv.slice(2);
const records = parse(readFileSync(file, "utf8"), { relax_column_count: true, relax_quotes: true });
const rows = records.length - 1;
const pad = "x".repeat(Math.max(0, Math.round(Number(bytes) / rows) - 12));
process.stdout.write(`${JSON.stringify({ rows: records.slice(1).map((_, i) => ({ row: i + 2, t: pad })) })}\n`);
