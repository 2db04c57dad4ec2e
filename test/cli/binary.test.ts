/**
 * The real `pbijk` binary (bin/pbijk.cjs, which builds build/pbijk.cjs when missing), run as a
 * child process: valid JSON and exit codes, and the bundled demo.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { ROOT, type Report } from "./helpers";

const BIN = resolve(ROOT, "bin/pbijk.cjs");

function pbijk(args: string[], env: NodeJS.ProcessEnv = process.env) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: "utf8", timeout: 60_000, env });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

test("node bin/pbijk.cjs check … --json prints valid JSON and exits 0; exits 2 with stderr only on errors", () => {
  const ok = pbijk(["check", "test/fixtures/minsel.csv", "--profile", "minsel", "--today", "2026-11-24", "--json"]);
  expect(ok.stderr).toBe("");
  expect(ok.status).toBe(0);
  const report = JSON.parse(ok.stdout) as Report;
  expect([report.profile, report.today]).toEqual(["minsel", "2026-11-24"]);
  expect(report.rows.map((r) => [r.row, r.decision, r.reasons, r.deadline])).toEqual([
    [2, "NOT_ELIGIBLE", ["DEACTIVATION_TOO_OLD"], "2026-05-29"],
    [3, "ELIGIBLE", [], "2027-01-19"],
    [4, "NOT_ELIGIBLE", ["ALREADY_REACTIVATED"], "2027-03-09"],
    [5, "NOT_ELIGIBLE", ["ALREADY_REACTIVATED", "NOT_IN_SOCIAL_REGISTRY"], "2027-03-09"],
    [6, "ELIGIBLE", [], "2026-11-19"],
    [7, "NOT_ELIGIBLE", ["DEACTIVATION_TOO_OLD"], "2026-11-19"],
    [8, "NEEDS_VERIFICATION", ["REGISTRY_NOT_CHECKED"], "2027-05-01"],
    [9, "INCOMPLETE", ["DOCUMENTS_INCOMPLETE"], "2027-05-01"],
    [10, "INVALID", [], null],
    [11, "INVALID", [], null],
  ]);

  const unknownProfile = pbijk(["check", "test/fixtures/minsel.csv", "--profile", "manado", "--json"]);
  expect(unknownProfile.status).toBe(2);
  expect(unknownProfile.stdout).toBe("");
  expect(unknownProfile.stderr).toContain("manado");

  const missingFile = pbijk(["check", "test/fixtures/belum-ada.csv", "--json"]);
  expect(missingFile.status).toBe(2);
  expect(missingFile.stdout).toBe("");
  expect(missingFile.stderr).toMatch(/berkas/i);
});

test("node bin/pbijk.cjs demo prints the Indonesian table for examples/demo-nasional-2026.csv", () => {
  const r = pbijk(["demo"]);
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  expect(r.stdout).toContain("nasional-2026");
  for (const label of ["Layak", "Tidak Layak", "Berkas Belum Lengkap", "Perlu Verifikasi", "Data Tidak Valid"]) {
    expect(r.stdout).toContain(label);
  }
  // the 12 demo rows, spreadsheet rows 2–13, each on its own line
  for (let row = 2; row <= 13; row++) expect(r.stdout).toMatch(new RegExp(`^\\s*${row}\\s`, "m"));
  expect(r.stdout).not.toMatch(/^\s*14\s/m);
});

describe("a closed pipe and a terminal", () => {
  let dir: string;
  let big: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "pbijk-"));
    const [header, ...rows] = readFileSync(resolve(ROOT, "examples/demo-nasional-2026.csv"), "utf8").trim().split("\n");
    big = join(dir, "besar.csv");
    // Far more output than a pipe buffer holds, so the writer meets the closed pipe.
    writeFileSync(big, [header, ...Array.from({ length: 4000 }, (_, i) => rows[i % rows.length]!.replace(/PBI-2026-01\d\d/, `PBI-${i}`))].join("\n"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test.each([[[]], [["--json"]]])("pbijk check big.csv %j | head ends quietly with exit 0", (extra) => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: bash expands it, not JavaScript
    const r = spawnSync("bash", ["-c", 'node "$0" check "$1" --today 2026-11-24 $2 | head -c 200 > /dev/null; echo "${PIPESTATUS[0]}"', BIN, big, extra.join(" ")], {
      cwd: ROOT, encoding: "utf8", timeout: 60_000,
    });
    expect(r.stderr).toBe("");
    expect(r.stdout.trim()).toBe("0");
  });

  test("--output naming the input by another path (relative, or through a symlink) is refused; a new file is written", () => {
    const input = join(dir, "masuk.csv");
    const original = readFileSync(resolve(ROOT, "examples/demo-minsel.csv"));
    writeFileSync(input, original);
    symlinkSync(input, join(dir, "tautan.csv"));
    for (const output of [relative(ROOT, input), `${dir}//./masuk.csv`, join(dir, "tautan.csv")]) {
      const r = pbijk(["check", input, "--profile", "minsel", "--output", output]);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/tidak ditimpa/);
      expect(readFileSync(input)).toEqual(original);
    }
    const ok = pbijk(["check", input, "--profile", "minsel", "--output", join(dir, "hasil.csv")]);
    expect(ok.status).toBe(0);
    expect(readFileSync(join(dir, "hasil.csv"), "utf8")).toMatch(/^\uFEFFNO,TANGGAL PERMOHONAN,.*,Hasil Pemeriksaan,Keputusan,Alasan,Batas Reaktivasi,Dokumen Kurang\r\n/);
    const unwritable = pbijk(["check", input, "--profile", "minsel", "--output", join(dir, "tidak-ada", "hasil.csv")]);
    expect(unwritable.status).toBe(2);
    expect(unwritable.stderr).toMatch(/tidak dapat ditulis/);
  });

  const hasScript = existsSync("/usr/bin/script");
  (hasScript ? test : test.skip)("colour on a terminal (script gives it a TTY), none with NO_COLOR or through a pipe", () => {
    const onTty = (env: NodeJS.ProcessEnv) =>
      spawnSync("/usr/bin/script", ["-qec", `"${process.execPath}" "${BIN}" demo minsel`, "/dev/null"], { cwd: ROOT, encoding: "utf8", timeout: 60_000, env }).stdout;
    const { NO_COLOR: _unset, ...env } = process.env;
    expect(onTty(env)).toContain("\u001b[31mTidak Layak");
    expect(onTty({ ...env, NO_COLOR: "1" })).not.toContain("\u001b[");
    expect(onTty({ ...env, NO_COLOR: "1" })).toContain("Tidak Layak");
    expect(pbijk(["demo", "minsel"], env).stdout).not.toContain("\u001b[");
  });
});
