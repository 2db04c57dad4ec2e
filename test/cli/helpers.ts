/**
 * Shared helpers for the `pbijk` CLI tests: paths, the fixed "today", the --json report shape,
 * an in-process runner around `run` from src/cli/main, and the row summaries the expectations
 * are compared through.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { run } from "../../src/cli/main";

/** The repository root. */
export const ROOT = resolve(__dirname, "../..");
/** The fixed "today" of every test (Asia/Jakarta). */
export const TODAY = "2026-11-24";
/** Absolute path of a file in test/fixtures. */
export const fixture = (name: string): string => resolve(ROOT, "test/fixtures", name);

export interface JsonFinding { code: string; severity: string; field: string; message: string }
export interface JsonRow {
  row: number;
  decision: string;
  reasons: string[];
  deadline: string | null;
  missingDocuments: string[];
  findings: JsonFinding[];
}
export interface Report { profile: string; today: string; rows: JsonRow[] }

export interface CliResult { code: number; stdout: string; stderr: string }

export interface CliOptions {
  /** The clock (default 10:00 on 24 November 2026 in Jakarta). */
  now?: Date;
  colour?: boolean;
  /** Environment variables the CLI sees (the live commands read their token and endpoint here). */
  env?: Record<string, string>;
}

/**
 * Runs the CLI in-process. Paths found in `files` are read from there (text is UTF-8 encoded),
 * every other path from disk; files the CLI writes land in `files` (never on disk).
 */
export async function cli(
  argv: string[],
  files: Record<string, string | Uint8Array> = {},
  { now = new Date("2026-11-24T03:00:00Z"), colour = false, env }: CliOptions = {},
): Promise<CliResult> {
  let stdout = "";
  let stderr = "";
  const code = await run(argv, {
    stdout: (t) => { stdout += t; },
    stderr: (t) => { stderr += t; },
    readFile: (p) => {
      const v = files[p];
      if (v !== undefined) return typeof v === "string" ? new TextEncoder().encode(v) : v;
      return readFileSync(p);
    },
    writeFile: (p, data) => { files[p] = data; },
    sameFile: (a, b) => resolve(a) === resolve(b),
    now: () => now,
    colour,
    examplesDir: resolve(ROOT, "examples"),
    ...(env ? { env } : {}),
  });
  return { code, stdout, stderr };
}

const checkArgv = (path: string, profile: string): string[] =>
  ["check", path, "--profile", profile, "--today", TODAY, "--json"];

/**
 * `check --json` of a file (on disk or in `files`) with no assertions: the report is parsed when
 * the exit code is 0, and is empty otherwise.
 */
export async function runCheck(
  path: string,
  files: Record<string, string | Uint8Array> = {},
  profile = "nasional-2026",
): Promise<CliResult & { report: Report }> {
  const r = await cli(checkArgv(path, profile), files);
  let report: Report = { profile: "", today: "", rows: [] };
  if (r.code === 0) report = JSON.parse(r.stdout) as Report;
  return { ...r, report };
}

/**
 * `check --json` of a file (on disk or in `files`) that must succeed: something on stdout (else
 * stderr is shown) and exit 0. Returns the parsed report and stderr.
 */
export async function checkJson(
  path: string,
  files: Record<string, string | Uint8Array> = {},
  profile = "nasional-2026",
): Promise<{ report: Report; stderr: string }> {
  const r = await cli(checkArgv(path, profile), files);
  expect(r.stdout === "" ? r.stderr : "").toBe("");
  expect(r.code).toBe(0);
  return { report: JSON.parse(r.stdout) as Report, stderr: r.stderr };
}

/** Codes whose field the spec pins down unambiguously; for the others only the code is compared. */
export const FIELD_CHECKED = new Set([
  "REQUIRED_MISSING", "VALUE_UNKNOWN", "NIK_FORMAT", "NIK_PRECISION_LOST", "NIK_PROVINCE_INVALID",
  "NIK_BIRTHDATE_INVALID", "NIK_SERIAL_ZERO", "NIK_REGION_UNKNOWN", "KK_FORMAT", "CARD_FORMAT",
  "DATE_INVALID", "DATE_IN_FUTURE", "DECILE_INVALID", "PHONE_FORMAT", "SERVICE_NOT_OFFERED",
]);

export type Decision = "ELIGIBLE" | "NOT_ELIGIBLE" | "INCOMPLETE" | "NEEDS_VERIFICATION" | "INVALID";
/** [row, decision, reasons, deadline, missingDocuments, findings as "CODE" or "CODE@field"] */
export type Expected = [number, Decision, string[], string | null, string[], string[]];

/** A report row in the form `want` gives an expectation: findings as sorted "CODE" or "CODE@field". */
export function summarise(r: JsonRow) {
  return {
    row: r.row,
    decision: r.decision,
    reasons: r.reasons,
    deadline: r.deadline,
    missingDocuments: r.missingDocuments,
    findings: r.findings.map((f) => (FIELD_CHECKED.has(f.code) ? `${f.code}@${f.field}` : f.code)).sort(),
  };
}

/** An expectation in the form `summarise` gives a report row. */
export function want(e: Expected) {
  const [row, decision, reasons, deadline, missingDocuments, findings] = e;
  return { row, decision, reasons, deadline, missingDocuments, findings: [...findings].sort() };
}
