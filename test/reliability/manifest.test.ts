/**
 * appsscript.json: validates against the manifest schema shipped in schemas/ (ajv, draft-07), and
 * its scopes are exactly the README's allowlist, each with its reason.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv from "ajv";

const ROOT = join(__dirname, "../..");
const manifest = JSON.parse(readFileSync(join(ROOT, "appsscript.json"), "utf8")) as { oauthScopes?: string[] };
const schema = JSON.parse(readFileSync(join(ROOT, "schemas/appsscript.schema.json"), "utf8")) as object;

/** `| \`scope\` | reason |` rows of the README's "OAuth scopes" table, as full scope URLs. */
function allowlist(): Map<string, string> {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  const section = readme.split(/^### OAuth scopes.*$/m)[1]?.split(/^#{2,3} /m)[0] ?? "";
  const rows = new Map<string, string>();
  for (const [, scope, why] of section.matchAll(/^\| `([\w.]+)` \| (.*) \|$/gm)) rows.set(`https://www.googleapis.com/auth/${scope}`, why!.trim());
  return rows;
}

const validator = () => {
  // uri format checked by the pattern in the schema; ajv's own formats are a separate package.
  const ajv = new Ajv({ allErrors: true, strict: true, validateFormats: false });
  return ajv.compile(schema);
};

test("the manifest validates against the shipped appsscript.json schema", () => {
  const validate = validator();
  expect(validate(manifest) ? [] : validate.errors).toEqual([]);
});

test("the schema refuses what a manifest must not hold (so the check above can fail)", () => {
  const validate = validator();
  for (const bad of [
    { ...manifest, runtimeVersion: "V9" },
    { ...manifest, oauthScopes: ["spreadsheets"] },
    { ...manifest, oauthScope: [] },
    { ...manifest, exceptionLogging: "CLOUD" },
  ]) {
    expect(validate(bad)).toBe(false);
  }
});

test("every scope is on the README's allowlist with a reason, and the allowlist has nothing unused", () => {
  const allowed = allowlist();
  expect(allowed.size).toBeGreaterThan(0);
  expect([...(manifest.oauthScopes ?? [])].sort()).toEqual([...allowed.keys()].sort());
  for (const [scope, why] of allowed) expect([scope, why.length > 20]).toEqual([scope, true]);
});

test("no broad scope sneaks in: whole Drive, all spreadsheets, external requests", () => {
  for (const scope of ["drive", "spreadsheets", "script.external_request", "drive.readonly"]) {
    expect(manifest.oauthScopes).not.toContain(`https://www.googleapis.com/auth/${scope}`);
  }
});
