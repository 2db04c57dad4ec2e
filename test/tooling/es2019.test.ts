/** Apps Script's V8 is only known to accept ES2019 syntax: both bundles must parse as ES2019. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "acorn";

const dist = join(__dirname, "../../dist");
const parse2019 = (code: string) => parse(code, { ecmaVersion: 2019, sourceType: "script" });

test("the check itself fails on syntax newer than ES2019", () => {
  expect(() => parse2019("const a = b ?? c;")).toThrow();
  expect(() => parse2019("const a = b?.c;")).toThrow();
  expect(() => parse2019("class A { #x = 1; }")).toThrow();
});

test("dist/Code.js parses as ES2019", () => {
  expect(() => parse2019(readFileSync(join(dist, "Code.js"), "utf8"))).not.toThrow();
});

test("the sidebar's script parses as ES2019", () => {
  const html = readFileSync(join(dist, "sidebar.html"), "utf8");
  const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
  expect(scripts.join("").length).toBeGreaterThan(1000);
  for (const script of scripts) expect(() => parse2019(script)).not.toThrow();
});
