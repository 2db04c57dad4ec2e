/** Property-based checks of sections 3 and 4 with fast-check. */
import fc from "fast-check";
import { checkTable, type RowResult } from "../../src/domain/check";
import { formatLongDate, parseDateText, parseDateTimeText, readDateCell } from "../../src/domain/dates";
import { withOverrides, type Profile, type ProfileOverrides } from "../../src/domain/profiles";
import { isKnownDistrict } from "../../src/domain/regions";
import type { Cell } from "../../src/domain/text";
import {
  ALL_KEYS, checkOne, DOC_KEYS, eligibleFields, type Fields, headersFor, nikCodes, PROFILE_IDS, profile,
  SPEC_REASONS, SPEC_SEVERITY, TODAY, toCells,
} from "./helpers";

const PROVINCES = new Set([
  "11", "12", "13", "14", "15", "16", "17", "18", "19", "21", "31", "32", "33", "34", "35", "36",
  "51", "52", "53", "61", "62", "63", "64", "65", "71", "72", "73", "74", "75", "76", "81", "82",
  "91", "92", "93", "94", "95", "96",
]);
const DECISION_KEYS = ["ELIGIBLE", "NOT_ELIGIBLE", "INCOMPLETE", "NEEDS_VERIFICATION", "INVALID"];
const REJECTING = new Set<string>(SPEC_REASONS.slice(0, 6));
const MONTH_SPELLINGS: string[][] = [
  ["Januari", "Jan", "Jan."], ["Februari", "Feb", "Feb."], ["Maret", "Mar", "Mar."], ["April", "Apr", "Apr."],
  ["Mei", "Mei."], ["Juni", "Jun", "Jun."], ["Juli", "Jul", "Jul."],
  ["Agustus", "Agu", "Agt", "Ags", "Agu.", "Agt.", "Ags."], ["September", "Sep", "Sept", "Sep.", "Sept."],
  ["Oktober", "Okt", "Okt."], ["November", "Nov", "Nov."], ["Desember", "Des", "Des."],
];

// ---------------------------------------------------------------- independent date helpers
const pad = (n: number, w = 2) => String(n).padStart(w, "0");
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const monthDays = (y: number, m: number) => (m === 2 ? (isLeap(y) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31);
const iso = (y: number, m: number, d: number) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
function plusMonths(date: string, months: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const idx = y * 12 + (m - 1) + months;
  const ny = Math.floor(idx / 12);
  const nm = (idx % 12) + 1;
  return iso(ny, nm, Math.min(d, monthDays(ny, nm)));
}
function plusDays(date: string, days: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d) + days * 86_400_000);
  return iso(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}
const dayArb = (from: string, to: string) =>
  fc.date({ min: new Date(`${from}T00:00:00Z`), max: new Date(`${to}T00:00:00Z`), noInvalidDate: true })
    .map((d) => iso(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()));

/** A calendar date written in one of the recognised ways (or as a Sheets Date at Jakarta midnight). */
function writeDate(date: string, how: number): Cell {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  switch (how % 5) {
    case 0: return `${pad(d)}/${pad(m)}/${y}`;
    case 1: return date;
    case 2: return `${d} ${MONTH_SPELLINGS[m - 1]![0]} ${y}`;
    case 3: return `${d}.${m}.${y}`;
    default: return new Date(Date.UTC(y, m - 1, d) - 7 * 3_600_000);
  }
}

// ---------------------------------------------------------------- arbitrary cells
const cellArb: fc.Arbitrary<Cell> = fc.oneof(
  fc.string(),
  fc.string({ unit: "binary" }),
  fc.string({ unit: "grapheme" }),
  fc.double(),
  fc.integer(),
  fc.constantFrom(2 ** 53 + 2, 1e21, 1e308, -0, Number.MAX_VALUE, Number.MIN_VALUE, Number.NaN, Infinity, -Infinity,
    3273025503850003, 9171015506880001, 0.1, -1),
  fc.boolean(),
  // years 1–9999 (the range of YYYY-MM-DD); years outside it have their own tests in dates.test.ts
  fc.date({ min: new Date("0001-01-01T00:00:00Z"), max: new Date("9999-12-31T00:00:00Z"), noInvalidDate: false }),
  fc.constant(null),
  fc.constant(undefined),
  fc.constantFrom("Ya", "tidak", "✓", "x", "-", "Terdaftar", "Tidak Terdaftar", "Belum Dicek", "Layak", "Darurat",
    "Reaktivasi PBI-JK", "Bantuan Pembiayaan Kesehatan", "Selesai", "31/01/2026", "31 Agt. 2026", "2026-02-30",
    "3.27301E+15", "0812-3456-7890", "   ", "\u00a0", "=1+1", "10", "3,0", "20/11/2026 09:15"),
  fc.stringMatching(/^\d{1,20}$/),
);

function checkInvariants(r: RowResult, p: Profile): void {
  expect(DECISION_KEYS).toContain(r.decision);
  for (const f of r.findings) {
    expect(Object.keys(SPEC_SEVERITY)).toContain(f.code);
    // VALUE_UNKNOWN is an error or a warning depending on the column (section 3); tested in values.test.ts.
    if (f.code === "VALUE_UNKNOWN") expect(["error", "warning"]).toContain(f.severity);
    else expect(f.severity).toBe(SPEC_SEVERITY[f.code as keyof typeof SPEC_SEVERITY]);
    expect(typeof f.field).toBe("string");
    expect(typeof f.message).toBe("string");
  }
  const hasError = r.findings.some((f) => f.severity === "error");
  expect(r.decision === "INVALID").toBe(hasError);
  // reasons: unique, in canonical order
  const order = r.reasons.map((x) => SPEC_REASONS.indexOf(x as (typeof SPEC_REASONS)[number]));
  expect(order.every((i) => i >= 0)).toBe(true);
  expect([...order].sort((a, b) => a - b)).toEqual(order);
  expect(new Set(order).size).toBe(order.length);
  // missing documents: the profile's, in its order
  const docs = [...p.requiredDocuments];
  expect(r.missingDocuments.every((d) => docs.includes(d))).toBe(true);
  expect([...r.missingDocuments].sort((a, b) => docs.indexOf(a) - docs.indexOf(b))).toEqual(r.missingDocuments);
  switch (r.decision) {
    case "INVALID":
      expect(r.reasons).toEqual([]);
      expect(r.missingDocuments).toEqual([]);
      expect(r.deadline).toBeNull();
      return;
    case "ELIGIBLE":
      expect(r.reasons).toEqual([]);
      expect(r.missingDocuments).toEqual([]);
      break;
    case "NOT_ELIGIBLE":
      expect(r.reasons.length).toBeGreaterThan(0);
      expect(r.reasons.every((x) => REJECTING.has(x))).toBe(true);
      break;
    case "INCOMPLETE":
      expect(r.reasons).toEqual(["DOCUMENTS_INCOMPLETE"]);
      expect(r.missingDocuments.length).toBeGreaterThan(0);
      break;
    case "NEEDS_VERIFICATION":
      expect(r.reasons.length).toBeGreaterThan(0);
      expect(r.reasons.some((x) => REJECTING.has(x) || x === "DOCUMENTS_INCOMPLETE")).toBe(false);
      expect(r.missingDocuments).toEqual([]);
      break;
  }
  if (p.service === "reactivation") expect(r.deadline).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  else expect(r.deadline).toBeNull();
}

describe("checkTable on arbitrary cells", () => {
  test("never throws; every row gets a decision and consistent output (raw rows)", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PROFILE_IDS),
        fc.array(fc.array(cellArb, { minLength: 0, maxLength: ALL_KEYS.length + 3 }), { maxLength: 4 }),
        (id, rows) => {
          const p = profile(id);
          const table = checkTable(headersFor(), rows, p, TODAY);
          for (const r of table.results) checkInvariants(r, p);
        },
      ),
      { numRuns: 300 },
    );
  });

  test("never throws; consistent output (a valid row with some cells replaced)", () => {
    const keyArb = fc.constantFrom(...ALL_KEYS);
    fc.assert(
      fc.property(
        fc.constantFrom(...PROFILE_IDS),
        fc.array(fc.array(fc.tuple(keyArb, cellArb), { maxLength: 4 }), { minLength: 1, maxLength: 3 }),
        (id, edits) => {
          const p = profile(id);
          const rows = edits.map((e) => toCells(eligibleFields(id, Object.fromEntries(e) as Fields)));
          const table = checkTable(headersFor(), rows, p, TODAY);
          expect(table.results).toHaveLength(rows.length);
          for (const r of table.results) checkInvariants(r, p);
        },
      ),
      { numRuns: 500 },
    );
  });

  test("arbitrary header cells never throw", () => {
    fc.assert(
      fc.property(fc.array(cellArb, { maxLength: 40 }), fc.array(cellArb, { maxLength: 40 }), (headers, row) => {
        const table = checkTable(headers, [row], profile("nasional-2026"), TODAY);
        for (const r of table.results) expect(DECISION_KEYS).toContain(r.decision);
      }),
    );
  });
});

describe("NIK properties", () => {
  const SPECIFIC = ["NIK_PROVINCE_INVALID", "NIK_BIRTHDATE_INVALID", "NIK_SERIAL_ZERO", "NIK_REGION_UNKNOWN", "NIK_BIRTHDATE_MISMATCH", "NIK_SEX_MISMATCH"];

  /** Section 3, computed independently. */
  function expectedNikCodes(nik: string, birthDate: string, sex: string): string[] {
    const out: string[] = [];
    const province = PROVINCES.has(nik.slice(0, 2));
    if (!province) out.push("NIK_PROVINCE_INVALID");
    const dd = Number(nik.slice(6, 8));
    const mm = Number(nik.slice(8, 10));
    const yy = Number(nik.slice(10, 12));
    const day = dd > 40 ? dd - 40 : dd;
    // Revised section 3: 20YY when that whole date is not after today, else 19YY.
    const year = iso(2000 + yy, mm, day) <= TODAY ? 2000 + yy : 1900 + yy;
    const real = mm >= 1 && mm <= 12 && day >= 1 && day <= monthDays(year, mm);
    const date = real ? iso(year, mm, day) : null;
    const birthOk = date !== null;
    if (!birthOk) out.push("NIK_BIRTHDATE_INVALID");
    if (nik.slice(12) === "0000") out.push("NIK_SERIAL_ZERO");
    if (province && !isKnownDistrict(nik.slice(0, 6))) out.push("NIK_REGION_UNKNOWN");
    // Day, month and two-digit year only: the NIK has no century.
    if (birthOk && birthDate && birthDate.slice(2) !== date!.slice(2)) out.push("NIK_BIRTHDATE_MISMATCH");
    if (birthOk && sex && sex !== (dd > 40 ? "P" : "L")) out.push("NIK_SEX_MISMATCH");
    return out.sort();
  }

  const nikArb = fc.oneof(
    fc.stringMatching(/^\d{16}$/),
    // plausible NIKs: a real-looking region, a plausible date, sometimes a woman
    fc.tuple(fc.constantFrom("327302", "327330", "197101", "710507", "330301", "327399", "997302", "110101"),
      fc.integer({ min: 0, max: 75 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 9999 }))
      .map(([r, d, m, y, s]) => `${r}${pad(d)}${pad(m)}${pad(y)}${pad(s, 4)}`),
  );

  test("every 16-digit NIK gets only specific NIK codes, exactly as section 3 says", () => {
    fc.assert(
      fc.property(
        nikArb,
        fc.option(dayArb("1900-01-01", TODAY), { nil: "" }),
        fc.constantFrom("", "L", "P"),
        fc.boolean(),
        (nik, birthDate, sex, nikOfBirth) => {
          // half the time Tanggal Lahir is the NIK's own date, when it has one
          const own = expectedNikCodes(nik, "", "").includes("NIK_BIRTHDATE_INVALID") ? null : (() => {
            const dd = Number(nik.slice(6, 8));
            const day = dd > 40 ? dd - 40 : dd;
            const yy = Number(nik.slice(10, 12));
            const mm = Number(nik.slice(8, 10));
            const year = iso(2000 + yy, mm, day) <= TODAY ? 2000 + yy : 1900 + yy;
            return iso(year, mm, day);
          })();
          const bd = nikOfBirth && own ? own : birthDate;
          const r = checkOne(eligibleFields("bandung", {
            nik, kk: "3273021203100007", birthDate: bd ? writeDate(bd, nik.charCodeAt(15) % 4) : "", sex,
          }), "bandung");
          const got = nikCodes(r);
          expect(got.every((c) => SPECIFIC.includes(c))).toBe(true);
          expect(got).toEqual(expectedNikCodes(nik, bd, sex));
        },
      ),
      { numRuns: 1000 },
    );
  });

  test("spaces anywhere in a NIK change nothing", () => {
    fc.assert(
      fc.property(nikArb, fc.array(fc.integer({ min: 0, max: 16 }), { maxLength: 5 }), (nik, cuts) => {
        let spaced = nik;
        for (const c of [...cuts].sort((a, b) => b - a)) spaced = `${spaced.slice(0, c)} ${spaced.slice(c)}`;
        const a = checkOne(eligibleFields("bandung", { nik, birthDate: "", sex: "" }), "bandung");
        const b = checkOne(eligibleFields("bandung", { nik: ` ${spaced} `, birthDate: "", sex: "" }), "bandung");
        expect(nikCodes(b)).toEqual(nikCodes(a));
      }),
    );
  });

  test("any string of digits that is not 16 long gets NIK_FORMAT (and no other NIK code)", () => {
    fc.assert(
      fc.property(fc.oneof(fc.stringMatching(/^\d{1,15}$/), fc.stringMatching(/^\d{17,40}$/)), (nik) => {
        const r = checkOne(eligibleFields("bandung", { nik }), "bandung");
        expect(nikCodes(r)).toEqual(["NIK_FORMAT"]);
      }),
      { numRuns: 300 },
    );
  });
});

describe("date parser properties", () => {
  test("never throw on any text or cell", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: "binary" }), fc.stringMatching(/^[\d./\- :A-Za-z]{0,24}$/)), (text) => {
        parseDateText(text);
        parseDateTimeText(text);
      }),
      { numRuns: 1000 },
    );
    fc.assert(
      fc.property(cellArb, fc.boolean(), (cell, withTime) => {
        const r = readDateCell(cell, withTime);
        expect(["blank", "invalid", "ok"]).toContain(r.kind);
      }),
      { numRuns: 500 },
    );
  });

  test("every valid date round-trips through every recognised form", () => {
    fc.assert(
      fc.property(
        dayArb("1000-01-01", "9999-12-31"),
        fc.integer({ min: 0, max: 10 }),
        fc.constantFrom("lower", "upper", "as-is"),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        (date, pick, casing, hh, mi) => {
          const [y, m, d] = date.split("-").map(Number) as [number, number, number];
          const spellings = MONTH_SPELLINGS[m - 1]!;
          let month = spellings[pick % spellings.length]!;
          month = casing === "lower" ? month.toLowerCase() : casing === "upper" ? month.toUpperCase() : month;
          const forms = [
            `${d}/${m}/${y}`, `${pad(d)}/${pad(m)}/${y}`, `${d}-${m}-${y}`, `${pad(d)}.${pad(m)}.${y}`, date,
            `${d} ${month} ${y}`, ` ${pad(d)} ${month} ${y} `, formatLongDate(date),
          ];
          if (y >= 2000 && y <= 2099) forms.push(`${d}/${m}/${String(y).slice(2)}`, `${pad(d)}.${pad(m)}.${String(y).slice(2)}`);
          for (const form of forms) {
            expect([form, parseDateText(form)]).toEqual([form, date]);
            expect([form, parseDateTimeText(form)]).toEqual([form, { date, minutes: null }]);
            const sep = (hh + mi) % 2 ? ":" : ".";
            expect(parseDateTimeText(`${form.trim()} ${pad(hh)}${sep}${pad(mi)}`)).toEqual({ date, minutes: hh * 60 + mi });
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  // Spec 3: "Dates are calendar dates in Asia/Jakarta" (with Jakarta's offsets of the time: +7:30 before 1964).
  test("a Date value is always read as its Asia/Jakarta calendar date", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date("1900-01-01T00:00:00Z"), max: new Date("2100-01-01T00:00:00Z"), noInvalidDate: true }), (d) => {
        const jakarta = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Jakarta", year: "numeric", month: "2-digit", day: "2-digit" }).format(d);
        expect(readDateCell(d)).toMatchObject({ kind: "ok", date: jakarta });
      }),
      { numRuns: 500 },
    );
  });
});

describe("eligibility against an independent model of section 4", () => {
  const SPEC: Record<string, { service: "reactivation" | "healthFinancing"; windowMonths: number | null; inclusive: boolean; once: boolean;
    policy: "required" | "facilitator" | "decile-or-health-need"; bpjs: boolean; docs: string[] }> = {
    "nasional-2026": { service: "reactivation", windowMonths: 6, inclusive: true, once: false, policy: "decile-or-health-need", bpjs: false, docs: ["docKtp", "docKk", "docHealthFacility"] },
    "pangkalpinang-reaktivasi": { service: "reactivation", windowMonths: 6, inclusive: true, once: false, policy: "facilitator", bpjs: false, docs: ["docKtp", "docKk", "docSktm"] },
    "pangkalpinang-bantuan-kesehatan": { service: "healthFinancing", windowMonths: null, inclusive: true, once: false, policy: "facilitator", bpjs: false, docs: ["docKtp", "docKk", "docSktm"] },
    minsel: { service: "reactivation", windowMonths: 6, inclusive: false, once: true, policy: "required", bpjs: false, docs: ["docKtp", "docKk"] },
    bandung: { service: "reactivation", windowMonths: 6, inclusive: true, once: false, policy: "required", bpjs: true, docs: ["docKk", "docKtp", "docCard", "docRegistry"] },
    purbalingga: { service: "reactivation", windowMonths: 6, inclusive: false, once: false, policy: "required", bpjs: false, docs: ["docKtp", "docKk", "docCard", "docBpjsStatus", "docHealthFacility"] },
  };

  const casing = (v: string, how: number) => (how === 0 ? v : how === 1 ? v.toUpperCase() : ` ${v.toLowerCase()} `);

  test("decision, reasons, deadline and missing documents", () => {
    fc.assert(
      fc.property(
        fc.record({
          id: fc.constantFrom(...PROFILE_IDS),
          overrides: fc.record({
            windowInclusive: fc.option(fc.boolean(), { nil: undefined }),
            oncePerPerson: fc.option(fc.boolean(), { nil: undefined }),
            requiresBpjsConfirmation: fc.option(fc.boolean(), { nil: undefined }),
            registryPolicy: fc.option(fc.constantFrom("required", "facilitator", "decile-or-health-need" as const), { nil: undefined }),
            windowMonths: fc.option(fc.integer({ min: 1, max: 12 }), { nil: undefined }),
          }),
          sk: dayArb("2024-01-01", TODAY),
          appOffset: fc.integer({ min: 0, max: 700 }),
          registry: fc.constantFrom("Terdaftar", "Tidak Terdaftar", "Belum Dicek", ""),
          decile: fc.constantFrom("", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "03"),
          health: fc.constantFrom("", "Tidak Ada", "Penyakit Kronis", "Penyakit Katastropik", "Darurat", "Persalinan", "Bayi dari Ibu PBI"),
          facilitator: fc.constantFrom("", "Layak", "Tidak Layak", "Belum"),
          bpjs: fc.constantFrom("", "Dapat Direaktivasi", "Tidak Dapat Direaktivasi", "Belum"),
          reactivated: fc.boolean(),
          docs: fc.array(fc.boolean(), { minLength: 7, maxLength: 7 }),
          how: fc.integer({ min: 0, max: 4 }),
          caseHow: fc.integer({ min: 0, max: 2 }),
        }),
        (g) => {
          const spec = SPEC[g.id]!;
          const ov: ProfileOverrides = {};
          if (g.overrides.windowInclusive !== undefined) ov.windowInclusive = g.overrides.windowInclusive;
          if (g.overrides.oncePerPerson !== undefined) ov.oncePerPerson = g.overrides.oncePerPerson;
          if (g.overrides.requiresBpjsConfirmation !== undefined) ov.requiresBpjsConfirmation = g.overrides.requiresBpjsConfirmation;
          if (g.overrides.registryPolicy !== undefined) ov.registryPolicy = g.overrides.registryPolicy;
          if (g.overrides.windowMonths !== undefined && spec.service === "reactivation") ov.windowMonths = g.overrides.windowMonths;
          const p = withOverrides(profile(g.id), ov);
          const window = ov.windowMonths ?? spec.windowMonths;
          const inclusive = ov.windowInclusive ?? spec.inclusive;
          const once = ov.oncePerPerson ?? spec.once;
          const policy = ov.registryPolicy ?? spec.policy;
          const bpjs = ov.requiresBpjsConfirmation ?? spec.bpjs;

          let app = plusDays(g.sk, g.appOffset);
          if (app > TODAY) app = TODAY;
          const docs = Object.fromEntries(DOC_KEYS.map((k, i) => [k, g.docs[i] ? "Ya" : ""])) as Fields;
          const fields = eligibleFields(g.id, {
            deactivationDate: writeDate(g.sk, g.how),
            applicationDate: writeDate(app, g.how + 1),
            registryStatus: casing(g.registry, g.caseHow),
            decile: g.decile,
            healthNeed: casing(g.health, g.caseHow),
            facilitatorResult: casing(g.facilitator, g.caseHow),
            bpjsConfirmation: casing(g.bpjs, g.caseHow),
            reactivatedBefore: g.reactivated ? "Ya" : "Tidak",
            ...docs,
          });
          const r = checkOne(fields, g.id, { profile: p });
          expect(r.findings).toEqual([]);

          // section 4, step by step
          const found = new Set<string>();
          let deadline: string | null = null;
          if (spec.service === "reactivation" && window !== null) {
            const end = plusMonths(g.sk, window);
            deadline = inclusive ? end : plusDays(end, -1);
            if (app > deadline) found.add("DEACTIVATION_TOO_OLD");
          }
          if (once && g.reactivated) found.add("ALREADY_REACTIVATED");
          const registry = g.registry || "Belum Dicek";
          const facilitator = g.facilitator || "Belum";
          const healthNeed = g.health !== "" && g.health !== "Tidak Ada";
          if (registry === "Belum Dicek") found.add("REGISTRY_NOT_CHECKED");
          else if (policy === "required") {
            if (registry === "Tidak Terdaftar") found.add("NOT_IN_SOCIAL_REGISTRY");
          } else if (policy === "facilitator") {
            if (registry === "Tidak Terdaftar") {
              if (facilitator === "Tidak Layak") found.add("FACILITATOR_REJECTED");
              if (facilitator === "Belum") found.add("FACILITATOR_PENDING");
            }
          } else if (!healthNeed) {
            if (registry === "Tidak Terdaftar") found.add("NOT_IN_SOCIAL_REGISTRY");
            else if (g.decile === "") found.add("DECILE_UNKNOWN");
            else if (Number(g.decile) < 1 || Number(g.decile) > 5) found.add("DECILE_TOO_HIGH");
          }
          if (bpjs) {
            const c = g.bpjs || "Belum";
            if (c === "Tidak Dapat Direaktivasi") found.add("BPJS_REJECTED");
            if (c === "Belum") found.add("BPJS_NOT_CONFIRMED");
          }
          const missing = spec.docs.filter((d) => !g.docs[DOC_KEYS.indexOf(d as (typeof DOC_KEYS)[number])]);
          if (missing.length) found.add("DOCUMENTS_INCOMPLETE");
          const all = SPEC_REASONS.filter((x) => found.has(x));
          const rejecting = all.filter((x) => REJECTING.has(x));
          const expected = rejecting.length
            ? { decision: "NOT_ELIGIBLE", reasons: rejecting }
            : found.has("DOCUMENTS_INCOMPLETE")
              ? { decision: "INCOMPLETE", reasons: ["DOCUMENTS_INCOMPLETE"] }
              : all.length
                ? { decision: "NEEDS_VERIFICATION", reasons: all }
                : { decision: "ELIGIBLE", reasons: [] };
          expect({ decision: r.decision, reasons: r.reasons, deadline: r.deadline, missingDocuments: r.missingDocuments })
            .toEqual({ ...expected, deadline, missingDocuments: missing });
        },
      ),
      { numRuns: 1500 },
    );
  });
});
