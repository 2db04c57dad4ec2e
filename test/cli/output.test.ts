/**
 * What `pbijk check` prints (spec sections 3, 4, 8 and 9): the exact --json shape, the readable
 * Indonesian table, finding severities and messages, and that no full NIK or KK is ever echoed.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { checkJson, cli, fixture, ROOT, TODAY, type Report } from "./helpers";

/** Every file checked here, with the profile it is meant for. */
const FILES: [string, string][] = [
  [fixture("nasional-2026.csv"), "nasional-2026"],
  [fixture("pangkalpinang-reaktivasi.csv"), "pangkalpinang-reaktivasi"],
  [fixture("pangkalpinang-bantuan-kesehatan.csv"), "pangkalpinang-bantuan-kesehatan"],
  [fixture("minsel.csv"), "minsel"],
  [fixture("bandung.csv"), "bandung"],
  [fixture("purbalingga.csv"), "purbalingga"],
  [fixture("format-semicolon.csv"), "nasional-2026"],
  [fixture("format-quoted.csv"), "nasional-2026"],
  [fixture("format-headers.csv"), "nasional-2026"],
  [fixture("format-bom-crlf.csv"), "nasional-2026"],
  [fixture("format-dates.csv"), "nasional-2026"],
  [resolve(ROOT, "examples/demo-nasional-2026.csv"), "nasional-2026"],
];
const short = (path: string): string => path.slice(ROOT.length + 1);

const json = async (file: string, profile: string): Promise<Report> => (await checkJson(file, {}, profile)).report;
/** The header row of a fixture as written (BOM and quotes dropped). */
const fileHeaders = (file: string): string[] =>
  readFileSync(file, "utf8").replace(/^\uFEFF/, "").split(/\r?\n/)[0]!.split(/[;,]/).map((h) => h.trim().replace(/^"|"$/g, ""));

/** Spec section 3: every code and its severity. */
const SEVERITY: Record<string, "error" | "warning"> = {
  REQUIRED_MISSING: "error", VALUE_UNKNOWN: "error", NIK_FORMAT: "error", NIK_PRECISION_LOST: "error",
  NIK_PROVINCE_INVALID: "error", NIK_BIRTHDATE_INVALID: "error", NIK_SERIAL_ZERO: "error",
  NIK_REGION_UNKNOWN: "warning", NIK_BIRTHDATE_MISMATCH: "warning", NIK_SEX_MISMATCH: "warning",
  KK_FORMAT: "error", KK_EQUALS_NIK: "warning", CARD_FORMAT: "error", DATE_INVALID: "error",
  DATE_IN_FUTURE: "error", DATE_ORDER: "error", DECILE_INVALID: "error", PHONE_FORMAT: "warning",
  SERVICE_NOT_OFFERED: "error", DUPLICATE_OPEN_REQUEST: "error",
};

/** Section 2 headers, by field key, for the columns findings in these files are about. */
const HEADER: Record<string, string> = {
  service: "Layanan", applicationDate: "Tanggal Permohonan", completeAt: "Berkas Lengkap Pada", name: "Nama",
  nik: "NIK", kk: "Nomor KK", cardNumber: "Nomor Kartu KIS", birthDate: "Tanggal Lahir", sex: "Jenis Kelamin",
  phone: "Nomor HP", deactivationRef: "Nomor SK Penonaktifan", deactivationDate: "Tanggal SK Penonaktifan",
  registryStatus: "Status DTSEN/DTKS", decile: "Desil", healthNeed: "Kebutuhan Layanan Kesehatan",
};

const DECISION_LABEL: Record<string, string> = {
  ELIGIBLE: "Layak",
  NOT_ELIGIBLE: "Tidak Layak",
  INCOMPLETE: "Berkas Belum Lengkap",
  NEEDS_VERIFICATION: "Perlu Verifikasi",
  INVALID: "Data Tidak Valid",
};

const REASONS = [
  "DEACTIVATION_TOO_OLD", "ALREADY_REACTIVATED", "NOT_IN_SOCIAL_REGISTRY", "DECILE_TOO_HIGH",
  "FACILITATOR_REJECTED", "BPJS_REJECTED", "DOCUMENTS_INCOMPLETE", "REGISTRY_NOT_CHECKED",
  "FACILITATOR_PENDING", "BPJS_NOT_CONFIRMED", "DECILE_UNKNOWN",
];
const DOCUMENT_KEYS = ["docKtp", "docKk", "docSktm", "docCard", "docRegistry", "docBpjsStatus", "docHealthFacility"];

describe("--json output shape", () => {
  test("stdout is one JSON document with keys profile, today, rows in that order", async () => {
    const r = await cli(["check", fixture("minsel.csv"), "--profile", "minsel", "--today", TODAY, "--json"]);
    expect(r.code).toBe(0);
    const parsed = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual(["profile", "today", "rows"]);
    expect(parsed.profile).toBe("minsel");
    expect(parsed.today).toBe(TODAY);
  });

  test.each(FILES.map(([file, profile]) => [short(file), file, profile]))(
    "%s: exact key order and types of every row and finding",
    async (_name, file, profile) => {
      const report = (await json(file, profile));
      expect(report.rows.length).toBeGreaterThan(0);
      for (const row of report.rows) {
        expect(Object.keys(row)).toEqual(["row", "decision", "reasons", "deadline", "missingDocuments", "findings"]);
        expect(Number.isInteger(row.row) && row.row >= 2).toBe(true);
        expect(Object.keys(DECISION_LABEL)).toContain(row.decision);
        for (const reason of row.reasons) expect(REASONS).toContain(reason);
        // canonical order
        expect(row.reasons).toEqual([...row.reasons].sort((a, b) => REASONS.indexOf(a) - REASONS.indexOf(b)));
        expect(row.deadline === null || /^\d{4}-\d{2}-\d{2}$/.test(row.deadline)).toBe(true);
        for (const doc of row.missingDocuments) expect(DOCUMENT_KEYS).toContain(doc);
        for (const f of row.findings) {
          expect(Object.keys(f)).toEqual(["code", "severity", "field", "message"]);
          expect(typeof f.message).toBe("string");
          expect(f.message.length).toBeGreaterThan(10);
        }
      }
    },
  );

  test.each(FILES.map(([file, profile]) => [short(file), file, profile]))(
    "%s: decisions agree with the findings and reasons (section 4, step 6)",
    async (_name, file, profile) => {
      for (const row of (await json(file, profile)).rows) {
        const hasError = row.findings.some((f) => f.severity === "error");
        if (hasError) {
          expect([row.decision, row.reasons, row.deadline, row.missingDocuments]).toEqual(["INVALID", [], null, []]);
          continue;
        }
        expect(row.decision).not.toBe("INVALID");
        const rejecting = row.reasons.filter((r) => REASONS.indexOf(r) < 6);
        if (row.decision === "NOT_ELIGIBLE") expect(rejecting).toEqual(row.reasons);
        if (row.decision === "INCOMPLETE") expect(row.reasons).toEqual(["DOCUMENTS_INCOMPLETE"]);
        if (row.decision === "ELIGIBLE") expect([row.reasons, row.missingDocuments]).toEqual([[], []]);
        if (row.decision !== "NOT_ELIGIBLE") expect(row.missingDocuments.length > 0).toBe(row.decision === "INCOMPLETE");
      }
    },
  );
});

describe("findings: severity and message", () => {
  test.each(FILES.map(([file, profile]) => [short(file), file, profile]))(
    "%s: every finding has the spec's severity and a message naming its column",
    async (_name, file, profile) => {
      for (const row of (await json(file, profile)).rows) {
        for (const f of row.findings) {
          expect(`${f.code}:${f.severity}`).toBe(`${f.code}:${SEVERITY[f.code]}`);
          // Section 2 (revised): a message names the column by the header the file has (ours when it lacks one).
          const header = HEADER[f.field];
          if (header) expect([...fileHeaders(file), header].some((h) => f.message.includes(`"${h}"`))).toBe(true);
        }
      }
    },
  );
});

describe("the readable table (no --json)", () => {
  test.each(FILES.map(([file, profile]) => [short(file), file, profile]))(
    "%s: one line per row naming its decision in Indonesian",
    async (_name, file, profile) => {
      const report = (await json(file, profile));
      const r = await cli(["check", file, "--profile", profile, "--today", TODAY]);
      expect(r.code).toBe(0);
      const lines = r.stdout.split("\n");
      for (const row of report.rows) {
        const rowLines = lines.filter((l) => new RegExp(`^\\s*${row.row}\\b`).test(l));
        expect(rowLines.length).toBeGreaterThanOrEqual(1);
        const label = DECISION_LABEL[row.decision]!;
        expect(rowLines.some((l) => l.includes(label) && (label !== "Layak" || !l.includes("Tidak Layak")))).toBe(true);
      }
    },
  );

  test("the table is in Indonesian: no English decision codes or English column titles", async () => {
    for (const [file, profile] of FILES) {
      const r = await cli(["check", file, "--profile", profile, "--today", TODAY]);
      expect(r.stdout).not.toMatch(/\b(ELIGIBLE|NOT_ELIGIBLE|INCOMPLETE|NEEDS_VERIFICATION|INVALID)\b/);
      expect(r.stdout).not.toMatch(/\b(Row|Decision|Reasons?|Deadline|Profile|Findings?|Missing|Warning|Error)\b/);
    }
  });

  test("the table names every Indonesian decision across the demo, and the profile", async () => {
    const r = await cli(["check", resolve(ROOT, "examples/demo-nasional-2026.csv"), "--today", TODAY]);
    for (const label of Object.values(DECISION_LABEL)) expect(r.stdout).toContain(label);
    expect(r.stdout).toContain("nasional-2026");
  });

  test("missing documents are named in Indonesian on the table (section 4: name the missing documents)", async () => {
    const r = await cli(["check", fixture("purbalingga.csv"), "--profile", "purbalingga", "--today", TODAY]);
    expect(r.stdout).not.toMatch(/\bdoc(Ktp|Kk|Card|BpjsStatus|HealthFacility)\b/);
    expect(r.stdout).toMatch(/KTP/);
    expect(r.stdout).toMatch(/BPJS/);
    expect(r.stdout).toMatch(/puskesmas/i);
  });

  // Section 4: NOT_ELIGIBLE is "Tidak Layak, with reasons and advice"; NOT_IN_SOCIAL_REGISTRY's advice
  // is to report to the desa/kelurahan to be proposed through Musyawarah Desa/Kelurahan (001).
  // Section 9: without --json the command prints "a readable Indonesian table".
  test("a Tidak Layak row carries its advice in Indonesian (Musyawarah Desa/Kelurahan)", async () => {
    const r = await cli(["check", fixture("minsel.csv"), "--profile", "minsel", "--today", TODAY]);
    // The table wraps long sentences; read it as one text.
    expect(r.stdout.replace(/\s+/g, " ")).toMatch(/Musyawarah Desa\/Kelurahan/i);
  });
});

describe("privacy: no full NIK or KK is ever printed (section 8)", () => {
  /** Every identity-looking number in a file: digit runs (spaces allowed inside) of 15+ digits. */
  function identityNumbers(file: string): string[] {
    const text = readFileSync(file, "utf8");
    const found = new Set<string>();
    for (const m of text.matchAll(/\d[\d ]*\d/g)) {
      const digits = m[0].replace(/ /g, "");
      if (digits.length >= 15) {
        found.add(digits);
        found.add(m[0].trim());
      }
    }
    return [...found];
  }

  test.each(FILES.map(([file, profile]) => [short(file), file, profile]))(
    "%s: neither the table, the JSON nor stderr contains a NIK or KK from the file",
    async (_name, file, profile) => {
      const numbers = identityNumbers(file);
      expect(numbers.length).toBeGreaterThan(0);
      const table = await cli(["check", file, "--profile", profile, "--today", TODAY]);
      const asJson = await cli(["check", file, "--profile", profile, "--today", TODAY, "--json"]);
      for (const n of numbers) {
        expect(table.stdout.includes(n) ? `table contains ${n}` : "").toBe("");
        expect(table.stderr.includes(n) ? `stderr contains ${n}` : "").toBe("");
        expect(asJson.stdout.includes(n) ? `JSON contains ${n}` : "").toBe("");
        expect(asJson.stderr.includes(n) ? `stderr contains ${n}` : "").toBe("");
      }
    },
  );

  test("messages about a NIK do not quote it, even a malformed one", async () => {
    const r = await cli(["check", fixture("minsel.csv"), "--profile", "minsel", "--today", TODAY, "--json"]);
    const report = JSON.parse(r.stdout) as Report;
    const nikFinding = report.rows.find((x) => x.row === 10)!.findings[0]!;
    expect(nikFinding.code).toBe("NIK_FORMAT");
    expect(nikFinding.message).not.toContain("710512150465001");
    expect(nikFinding.message).not.toMatch(/\d{8,}/);
  });
});

describe("--json is written in pieces but is one document", () => {
  test.each(FILES.map(([file, profile]) => [short(file), file, profile]))(
    "%s: byte for byte what JSON.stringify gives for the same report, one line",
    async (_name, file, profile) => {
      const r = await cli(["check", file, "--profile", profile, "--today", TODAY, "--json"]);
      expect(r.stdout).toBe(`${JSON.stringify(JSON.parse(r.stdout))}\n`);
    },
  );

  test("a large report arrives in several writes that join into valid JSON", async () => {
    const { run } = await import("../../src/cli/main");
    const head = "Tanggal Permohonan,Nama,NIK,Nomor KK,Tanggal SK Penonaktifan,Catatan";
    const row = '20/11/2026,Asep,3273021708850001,3273021905120004,01/10/2026,"catatan ""panjang"" \\ sekali"';
    const text = [head, ...Array.from({ length: 6000 }, () => row)].join("\n");
    const pieces: string[] = [];
    const code = await run(["check", "/v/big.csv", "--today", TODAY, "--json"], {
      stdout: (t) => pieces.push(t), stderr: () => undefined, readFile: () => new TextEncoder().encode(text),
      writeFile: () => undefined, sameFile: () => false, now: () => new Date(), colour: false, examplesDir: ROOT,
    });
    expect(code).toBe(0);
    expect(pieces.length).toBeGreaterThan(1);
    const report = JSON.parse(pieces.join("")) as Report;
    expect(report.rows.length).toBe(6000);
    expect(report.rows[5999]!.row).toBe(6001);
  });
});
