/**
 * The table on a terminal: 80 columns, rows named by number and Nama, colour only when asked
 * (a TTY without NO_COLOR), a count per decision at the end; and the word wrap it relies on.
 */
import fc from "fast-check";
import { readdirSync } from "node:fs";
import { resolve } from "node:path";
import { displayWidth, wantsColour, wrap } from "../../src/cli/terminal";
import { cli, fixture, ROOT, TODAY, type Report } from "./helpers";

const ESC = "\u001b[";
const plain = (text: string): string => text.replace(new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, "g"), "");

const DEMOS = readdirSync(resolve(ROOT, "examples")).filter((f) => /^demo-.*\.csv$/.test(f));
const CASES: [string, string][] = DEMOS.map((f) => [resolve(ROOT, "examples", f), f.slice(5, -4)]);

describe("80 columns", () => {
  test.each(CASES)("%s: every line of the table, the help and the profile fits in 80 columns", async (file, profile) => {
    const outputs = [
      (await cli(["check", file, "--profile", profile, "--today", TODAY], {}, { colour: true })).stdout,
      (await cli(["profiles", profile])).stdout,
    ];
    for (const text of outputs) {
      for (const line of plain(text).split("\n")) expect(displayWidth(line) <= 80 ? "" : line).toBe("");
    }
  });

  test("usage and every command's help fit in 80 columns", async () => {
    for (const argv of [["--help"], ["check", "--help"], ["profiles", "--help"], ["demo", "--help"], ["help", "--help"], ["profiles"]]) {
      for (const line of (await cli(argv)).stdout.split("\n")) expect(displayWidth(line) <= 80 ? "" : line).toBe("");
    }
  });

  test("a very long name is cut, not wrapped over the decision", async () => {
    const text = "Tanggal Permohonan,Nama,NIK,Nomor KK,Tanggal SK Penonaktifan\n" +
      `20/11/2026,${"Raden Mas ".repeat(10)}Wijaya,3273021708850001,3273021905120004,01/10/2026\n`;
    const r = await cli(["check", "/v/long.csv", "--today", TODAY], { "/v/long.csv": text });
    const row = r.stdout.split("\n").find((l) => l.startsWith("2 "))!;
    expect(row).toMatch(/Raden Mas .*…/);
    expect(displayWidth(row)).toBeLessThanOrEqual(80);
  });
});

describe("rows, names and counts", () => {
  test("each row line starts with its row number and Nama; a NIK typed in Nama is never shown", async () => {
    const text = "Tanggal Permohonan,Nama,NIK,Nomor KK,Tanggal SK Penonaktifan\n" +
      "20/11/2026,Asep Saepudin,3273021708850001,3273021905120004,01/10/2026\n" +
      "20/11/2026,3273021708850009,3273021708850009,3273021905120004,01/10/2026\n" +
      "20/11/2026,,3273021708850007,3273021905120004,01/10/2026\n";
    const r = await cli(["check", "/v/n.csv", "--today", TODAY], { "/v/n.csv": text });
    expect(r.stdout).toMatch(/^2\s+Asep Saepudin\s/m);
    expect(r.stdout).not.toContain("3273021708850009");
    expect(r.stdout).toMatch(/^3\s+\*{16}\s/m);
    expect(r.stdout).toMatch(/^4\s+\(tanpa nama\)\s/m);
  });

  test("reasons and findings in Indonesian words, the code in brackets", async () => {
    const r = await cli(["check", fixture("minsel.csv"), "--profile", "minsel", "--today", TODAY]);
    const text = r.stdout.replace(/\s+/g, " ");
    expect(text).toMatch(/Alasan: Kepesertaan ini sudah pernah direaktivasi[^()]*\(ALREADY_REACTIVATED\)/);
    expect(text).toMatch(/Galat: NIK harus tepat 16 angka[^()]*\(NIK_FORMAT\)/);
    // The message names the column as the file heads it (minsel.csv says "NO HP").
    expect(text).toMatch(/Peringatan: Kolom "NO HP"[^()]*\(PHONE_FORMAT\)/);
  });

  test("ends with the number checked and the count per decision, matching --json", async () => {
    const argv = ["check", fixture("minsel.csv"), "--profile", "minsel", "--today", TODAY];
    const report = JSON.parse((await cli([...argv, "--json"])).stdout) as Report;
    const lines = (await cli(argv)).stdout.trimEnd().split("\n");
    const labels: Record<string, string> = { ELIGIBLE: "Layak", NOT_ELIGIBLE: "Tidak Layak", INCOMPLETE: "Berkas Belum Lengkap", NEEDS_VERIFICATION: "Perlu Verifikasi", INVALID: "Data Tidak Valid" };
    const counts = new Map<string, number>();
    for (const row of report.rows) counts.set(labels[row.decision]!, (counts.get(labels[row.decision]!) ?? 0) + 1);
    const tail = lines.slice(-counts.size);
    expect(lines[lines.length - counts.size - 1]).toBe(`${report.rows.length} permohonan diperiksa`);
    expect(new Map(tail.map((l) => { const m = /^\s+(.+?)\s+(\d+)$/.exec(l)!; return [m[1]!, Number(m[2])]; }))).toEqual(counts);
  });
});

describe("colour", () => {
  test("none unless asked; asked, decisions are coloured and the text is otherwise the same", async () => {
    const argv = ["check", fixture("minsel.csv"), "--profile", "minsel", "--today", TODAY];
    const bare = await cli(argv);
    const coloured = await cli(argv, {}, { colour: true });
    expect(bare.stdout).not.toContain(ESC);
    expect(coloured.stdout).toContain(`${ESC}32mLayak`);
    expect(coloured.stdout).toContain(`${ESC}31mTidak Layak`);
    expect(plain(coloured.stdout)).toBe(bare.stdout);
    expect((await cli([...argv, "--json"], {}, { colour: true })).stdout).not.toContain(ESC);
  });

  test.each([
    [true, {}, true],
    [true, { NO_COLOR: "1" }, false],
    [true, { NO_COLOR: "0" }, false],
    [true, { NO_COLOR: "" }, true],
    [false, {}, false],
    [undefined, {}, false],
  ])("a TTY %s with env %j: colour %s", (tty, env, expected) => {
    expect(wantsColour(tty, env)).toBe(expected);
  });
});

describe("wrap", () => {
  const words = fc.array(fc.stringMatching(/^[A-Za-z0-9().,:"'–-]{1,30}$/), { maxLength: 40 });
  test("every line fits and the words come back in order", () => {
    fc.assert(
      fc.property(words, fc.integer({ min: 0, max: 20 }), fc.integer({ min: 40, max: 120 }), (ws, indent, width) => {
        const lines = wrap(ws.join(" "), "x".repeat(indent), " ".repeat(indent), width);
        for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(width);
        expect(lines.map((l, i) => (i === 0 ? l.slice(indent) : l.slice(indent))).join(" ").split(/\s+/).filter(Boolean)).toEqual(ws);
      }),
    );
  });

  test("a word longer than a line is cut across lines; no input throws", () => {
    expect(wrap("a".repeat(25), "> ", "  ", 10)).toEqual(["> aaaaaaaa", "  aaaaaaaa", "  aaaaaaaa", "  a"]);
    fc.assert(fc.property(fc.string(), fc.string({ maxLength: 10 }), (text, first) => {
      wrap(text, first, "  ", 20);
    }));
  });
});
