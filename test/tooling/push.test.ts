/** `npm run push` uploads only to a project named in an untracked .clasp.json. */
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const root = join(__dirname, "../..");
const script = join(root, "scripts/push.mjs");
const REAL_LOOKING_ID = "1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-AbCdEfGhIjKlMnOpQ";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "pbijk-push-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the push script in `dir` with `--check`, so a config that passes never builds or uploads. */
function push(clasp?: unknown) {
  if (clasp !== undefined) writeFileSync(join(dir, ".clasp.json"), typeof clasp === "string" ? clasp : JSON.stringify(clasp));
  const result = spawnSync(process.execPath, [script, "--check"], { cwd: dir, encoding: "utf8" });
  return { status: result.status, out: result.stdout, err: result.stderr };
}

test("without .clasp.json it refuses and says how to make one", () => {
  const { status, err } = push();
  expect(status).toBe(1);
  expect(err).toContain("Tidak ada .clasp.json");
  expect(err).toContain(".clasp.json.example");
  expect(err).toContain("scriptId");
});

test("the committed example, still holding the placeholder, is refused", () => {
  copyFileSync(join(root, ".clasp.json.example"), join(dir, ".clasp.json"));
  const { status, err } = push();
  expect(status).toBe(1);
  expect(err).toContain("belum berisi ID skrip");
  expect(err).toContain("REPLACE_WITH_YOUR_SCRIPT_ID");
});

test.each([
  ["an empty script ID", { scriptId: " ", rootDir: "dist" }, "belum berisi ID skrip"],
  ["a script ID that is not one", { scriptId: "my project", rootDir: "dist" }, "tidak tampak seperti ID skrip"],
  ["a file that is not JSON", "{ scriptId: ", "bukan JSON yang sah"],
  ["a rootDir other than dist", { scriptId: REAL_LOOKING_ID, rootDir: "src" }, `"rootDir" di .clasp.json harus "dist"`],
  ["no rootDir (would upload the sources)", { scriptId: REAL_LOOKING_ID }, `"rootDir" di .clasp.json harus "dist"`],
])("%s is refused", (_name, clasp, message) => {
  const { status, err } = push(clasp);
  expect(status).toBe(1);
  expect(err).toContain(message);
});

test("a real-looking script ID with rootDir dist passes the check", () => {
  const { status, out, err } = push({ scriptId: REAL_LOOKING_ID, rootDir: "dist" });
  expect(err).toBe("");
  expect(status).toBe(0);
  expect(out).toContain(".clasp.json siap");
});

test("git ignores .clasp.json and tracks only the example", () => {
  const git = (...args: string[]) => execFileSync("git", args, { cwd: root, encoding: "utf8" }).trim();
  expect(git("check-ignore", ".clasp.json")).toBe(".clasp.json");
  expect(git("ls-files", ".clasp.json")).toBe("");
  expect(JSON.parse(readFileSync(join(root, ".clasp.json.example"), "utf8"))).toEqual({ scriptId: "REPLACE_WITH_YOUR_SCRIPT_ID", rootDir: "dist" });
});

test("npm run push runs this script", () => {
  const scripts = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).scripts as Record<string, string>;
  expect(scripts.push).toBe("node scripts/push.mjs");
});
