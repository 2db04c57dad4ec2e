/**
 * The commands around `check`: usage, per-command help, --version, `profiles ID` (each
 * profile's rules, spec section 5), `demo ID` (a demo file written for that profile), and
 * --today in both accepted forms.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { cli, fixture, ROOT, TODAY, type Report } from "./helpers";

const COMMANDS = ["check", "profiles", "demo", "help"];
const PROFILE_IDS = ["nasional-2026", "pangkalpinang-reaktivasi", "pangkalpinang-bantuan-kesehatan", "minsel", "bandung", "purbalingga"];

describe("usage, help and version", () => {
  test.each([["--help"], ["-h"], ["help"]])("%s prints a usage naming every command, exit 0", async (flag) => {
    const r = await cli([flag]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    for (const c of COMMANDS) expect(r.stdout).toMatch(new RegExp(`pbijk ${c}\\b`));
    expect(r.stdout).toContain("--version");
  });

  test.each(COMMANDS.flatMap((c) => [[c, "--help"], [c, "-h"]]))("%s %s prints that command's help, exit 0", async (command, flag) => {
    const r = await cli([command, flag]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toContain(`Pemakaian: pbijk ${command}`);
  });

  test("help CHECK is the same text as check --help; the check help lists every option", async () => {
    const viaHelp = await cli(["help", "check"]);
    expect(viaHelp.stdout).toBe((await cli(["check", "--help"])).stdout);
    for (const option of ["--profile", "--today", "--sheet", "--output", "--json"]) expect(viaHelp.stdout).toContain(option);
  });

  test("--version prints the package version", async () => {
    const { version } = JSON.parse(readFileSync(resolve(ROOT, "package.json"), "utf8")) as { version: string };
    const r = await cli(["--version"]);
    expect(r).toEqual({ code: 0, stdout: `pbijk ${version}\n`, stderr: "" });
  });

  test.each([[[]], [["periksa"]], [["check", "--jsn", "a.csv"]], [["help", "periksa"]]])("%j: exit 2, the message and the usage on stderr", async (argv) => {
    const r = await cli(argv);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^pbijk: /);
    expect(r.stderr).toContain("Pemakaian:");
  });
});

describe("profiles ID shows that profile's rules", () => {
  test("without an ID: every profile, one per line", async () => {
    const r = await cli(["profiles"]);
    expect(r.code).toBe(0);
    for (const id of PROFILE_IDS) expect(r.stdout).toMatch(new RegExp(`^${id}\\s`, "m"));
  });

  /** Spec section 5, read by hand: window, registry rule, documents, SLA and the stages in order. */
  const CASES: [string, RegExp[], string[], string[]][] = [
    ["nasional-2026", [/6 bulan/, /inklusif/, /desil 1–5/, /45 menit/], ["fotokopi KTP", "fotokopi Kartu Keluarga", "surat dari rumah sakit atau puskesmas"], ["Draf", "Paraf Kabid", "Tanda Tangan", "Siap Diserahkan"]],
    ["pangkalpinang-reaktivasi", [/6 bulan/, /inklusif/, /fasilitator/, /45 menit/, /Nomor SK Penonaktifan/], ["fotokopi KTP", "SKTM"], ["Back Office", "Persetujuan Manajer", "Draf", "Validasi Kepala Dinas", "Siap Diserahkan"]],
    ["pangkalpinang-bantuan-kesehatan", [/tidak ada/, /fasilitator/, /45 menit/, /Mendesak melewati Back Office/], ["SKTM"], ["Back Office", "Persetujuan Manajer", "Draf", "Validasi Kepala Dinas", "Siap Diserahkan"]],
    ["minsel", [/6 bulan/, /eksklusif/, /Sekali per orang:\s+ya/, /harus Terdaftar/, /10 menit/], ["fotokopi KTP", "fotokopi Kartu Keluarga"], ["Draf", "Paraf Kabid", "Tanda Tangan", "Penomoran dan Stempel", "Siap Diserahkan"]],
    ["bandung", [/6 bulan/, /inklusif/, /Konfirmasi BPJS:\s+wajib/, /40 menit/], ["fotokopi kartu KIS PBI yang nonaktif", "surat keterangan terdaftar DTSEN/DTKS"], ["Draf", "Verifikasi Draf", "Tanda Tangan", "Input ke BPJS", "Siap Diserahkan"]],
    ["purbalingga", [/6 bulan/, /eksklusif/, /30 menit/, /hari yang sama/], ["surat keterangan status kepesertaan dari BPJS Kesehatan", "surat dari rumah sakit atau puskesmas"], ["Draf", "Tanda Tangan", "Siap Diserahkan"]],
  ];
  test.each(CASES)("%s", async (id, rules, documents, stages) => {
    const r = await cli(["profiles", id]);
    expect(r.code).toBe(0);
    const text = r.stdout.replace(/\s+/g, " ");
    expect(text).toContain(id);
    for (const rule of rules) expect(text).toMatch(rule);
    for (const d of documents) expect(text).toContain(d);
    const at = stages.map((s) => text.indexOf(`. ${s} (`));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  test("an unknown ID: exit 2 naming the known ones", async () => {
    const r = await cli(["profiles", "manado"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('"manado"');
    for (const id of PROFILE_IDS) expect(r.stderr).toContain(id);
  });
});

describe("demo ID runs the demo file written for that profile", () => {
  test.each(PROFILE_IDS)("%s", async (id) => {
    const r = await cli(["demo", id, "--json"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as Report;
    expect([report.profile, report.today]).toEqual([id, "2026-11-24"]);
    const file = readFileSync(resolve(ROOT, `examples/demo-${id}.csv`), "utf8");
    expect(report.rows.length).toBe(file.trim().split("\n").length - 1);
    // A demo shows the profile at work: several different decisions.
    expect(new Set(report.rows.map((x) => x.decision)).size).toBeGreaterThanOrEqual(3);
  });

  test("without an ID: the national demo", async () => {
    const r = await cli(["demo"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("nasional-2026");
  });

  test("each profile's demo file is its own", () => {
    const texts = PROFILE_IDS.map((id) => readFileSync(resolve(ROOT, `examples/demo-${id}.csv`), "utf8"));
    expect(new Set(texts).size).toBe(PROFILE_IDS.length);
  });
});

describe("--today", () => {
  test("DD/MM/YYYY and D/M/YYYY mean the same day as YYYY-MM-DD", async () => {
    const iso = await cli(["check", fixture("minsel.csv"), "--profile", "minsel", "--today", TODAY, "--json"]);
    for (const form of ["24/11/2026", "--today=24/11/2026"]) {
      const argv = form.startsWith("--") ? [form] : ["--today", form];
      const r = await cli(["check", fixture("minsel.csv"), "--profile", "minsel", ...argv, "--json"]);
      expect(r.stdout).toBe(iso.stdout);
    }
    const short = await cli(["check", fixture("minsel.csv"), "--profile", "minsel", "--today", "5/1/2027", "--json"]);
    expect((JSON.parse(short.stdout) as Report).today).toBe("2027-01-05");
  });
});
