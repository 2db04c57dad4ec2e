/** The documentation stays true and self-contained: every code is explained, no link leaves the repository. */
import { existsSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { DECISIONS, REASON_CODES } from "../../src/domain/eligibility";
import { FINDINGS } from "../../src/domain/findings";
import { ROOT } from "./helpers";

const read = (path: string): string => readFileSync(resolve(ROOT, path), "utf8");

test("docs/kode.md explains every decision (with its Indonesian label), reason and finding code", () => {
  const text = read("docs/kode.md");
  for (const [code, label] of Object.entries(DECISIONS)) expect(text).toContain(`| \`${code}\` | ${label} |`);
  for (const code of [...REASON_CODES, ...Object.keys(FINDINGS)]) expect(text).toContain(`| \`${code}\` |`);
});

test.each(["README.md", "PANDUAN.md", "docs/kode.md"])("%s links only to files in the repository, which exist", (path) => {
  const text = read(path);
  for (const m of text.matchAll(/\]\(([^)]+)\)/g)) {
    const target = m[1]!.split("#")[0]!;
    if (/^https?:/.test(target)) continue;
    expect(target).not.toMatch(/^\.\.\//);
    expect(target === "" || existsSync(resolve(ROOT, dirname(path), target)) ? "" : target).toBe("");
  }
  expect(text).not.toMatch(/\.\.\/shared|\/work\//);
});

test("the README starts with what works today and what is still to come", () => {
  const text = read("README.md");
  const at = text.indexOf("## Yang sudah bisa / yang belum");
  expect(at).toBeGreaterThan(0);
  expect(text.indexOf("## ")).toBe(at);
});
