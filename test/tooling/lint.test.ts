/**
 * The linter keeps the layers apart: each rule is proved on a small tree of files, linted with
 * the project's own biome.json, so a rule that stops matching fails here.
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

const root = join(__dirname, "../..");
const biome = join(root, "node_modules/.bin/biome");

interface Finding {
  rule: string;
  file: string;
}

/** Lints a tree of files with the project's config; returns the exit status and the findings. */
function lint(files: Record<string, string>): { status: number; findings: Finding[] } {
  const dir = mkdtempSync(join(tmpdir(), "pbijk-lint-"));
  try {
    copyFileSync(join(root, "biome.json"), join(dir, "biome.json"));
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    let status = 0;
    let out: string;
    try {
      out = execFileSync(biome, ["lint", "--vcs-enabled=false", "--reporter=github", "."], { cwd: dir, encoding: "utf8", stdio: "pipe" });
    } catch (error) {
      const failed = error as { status: number; stdout: string };
      status = failed.status;
      out = failed.stdout;
    }
    const findings = [...out.matchAll(/^::error title=([^,]+),file=([^,]+),/gm)].map((m) => ({
      rule: m[1]!,
      file: m[2]!.slice(dir.length + 1),
    }));
    return { status, findings };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const TARGETS = {
  "src/gas/app.ts": "export const gas = 1;\n",
  "src/cli/main.ts": "export const cli = 1;\n",
  "src/domain/text.ts": "export const text = 1;\n",
};
const RESTRICTED = "lint/style/noRestrictedImports";
const NODE = "lint/correctness/noNodejsModules";

const VIOLATIONS: [name: string, file: string, text: string, rule: string][] = [
  ["src/domain imports src/gas", "src/domain/gas-value.ts", 'import { gas } from "../gas/app";\nexport const x = gas;\n', RESTRICTED],
  ["src/domain imports a type from src/gas", "src/domain/gas-type.ts", 'import type { Gas } from "../gas/app";\nexport const x = 1 as unknown as Gas;\n', RESTRICTED],
  ["src/domain imports src/cli", "src/domain/cli.ts", 'import { cli } from "../cli/main";\nexport const x = cli;\n', RESTRICTED],
  ["src/domain (nested) imports src/gas", "src/domain/sub/gas.ts", 'import { gas } from "../../gas/app";\nexport const x = gas;\n', RESTRICTED],
  ["src/domain imports node:fs", "src/domain/node-fs.ts", 'import { readFileSync } from "node:fs";\nexport const x = readFileSync;\n', NODE],
  ["src/domain imports path", "src/domain/path.ts", 'import { join } from "path";\nexport const x = join;\n', NODE],
  ["src/gas imports src/cli", "src/gas/cli.ts", 'import { cli } from "../cli/main";\nexport const x = cli;\n', RESTRICTED],
  ["src/gas imports node:fs", "src/gas/node-fs.ts", 'import { readFileSync } from "node:fs";\nexport const x = readFileSync;\n', NODE],
  ["src/cli imports src/gas", "src/cli/gas.ts", 'import { gas } from "../gas/app";\nexport const x = gas;\n', RESTRICTED],
];

// One linter run over every violating file (each in a file of its own) keeps the test fast.
let violating: { status: number; findings: Finding[] };
beforeAll(() => {
  violating = lint({ ...TARGETS, ...Object.fromEntries(VIOLATIONS.map(([, file, text]) => [file, text])) });
});

test("a tree with violations fails the lint", () => {
  expect(violating.status).not.toBe(0);
});

test.each(VIOLATIONS)("%s is reported", (_name, file, _text, rule) => {
  expect(violating.findings).toContainEqual({ rule, file });
});

test("nothing but the violations is reported", () => {
  expect(violating.findings.map((f) => f.file).sort()).toEqual(VIOLATIONS.map(([, file]) => file).sort());
});

test("the allowed imports pass: domain within itself, gas and cli from domain, cli from Node", () => {
  const { status, findings } = lint({
    ...TARGETS,
    "src/domain/ok.ts": 'import { text } from "./text";\nexport const x = text;\n',
    "src/gas/ok.ts": 'import { text } from "../domain/text";\nexport const x = text;\n',
    "src/cli/ok.ts": 'import { readFileSync } from "node:fs";\nimport { text } from "../domain/text";\nexport const x = [readFileSync, text];\n',
  });
  expect(findings).toEqual([]);
  expect(status).toBe(0);
});

test("npm test runs the linter", () => {
  const scripts = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).scripts as Record<string, string>;
  expect(scripts.lint).toMatch(/^biome lint\b/);
  expect(scripts.test).toContain("npm run lint");
});
