/**
 * NIK checks per second and probe accuracy, ours (src/domain/identity) beside the npm package
 * `nik-parser` 1.0.1 on the same 100,000 NIKs. A probe is right when the verdict matches the spec
 * (domain.md §3): valid or not, and for valid NIKs the birth date and sex.
 */
import { nikParser } from "nik-parser";
import { analyseNik, isDigits } from "../src/domain/identity";

const TODAY = "2026-11-24";

interface Verdict {
  valid: boolean;
  birth?: string;
  sex?: "L" | "P";
}

export interface Probe {
  label: string;
  nik: string;
  expected: Verdict;
}

export const PROBES: readonly Probe[] = [
  { label: "a woman's +40 day", nik: "3273014101900001", expected: { valid: true, birth: "1990-01-01", sex: "P" } },
  { label: "31 February", nik: "3273013102900001", expected: { valid: false } },
  { label: "a 2005 birth", nik: "3273010101050001", expected: { valid: true, birth: "2005-01-01", sex: "L" } },
  { label: "province 96", nik: "9601010101900001", expected: { valid: true, birth: "1990-01-01", sex: "L" } },
  // A code missing from the list is a warning only (old NIKs keep codes of split regions).
  { label: "an unknown kecamatan", nik: "3273990101900001", expected: { valid: true, birth: "1990-01-01", sex: "L" } },
  { label: "serial 0000", nik: "3273010101900000", expected: { valid: false } },
  { label: "a plain NIK", nik: "3273010101900001", expected: { valid: true, birth: "1990-01-01", sex: "L" } },
];

function ours(nik: string): Verdict {
  if (!isDigits(nik, 16)) return { valid: false };
  const a = analyseNik(nik, TODAY);
  if (!a.provinceValid || !a.birth || a.serialZero) return { valid: false };
  return { valid: true, birth: a.birth.date, sex: a.birth.sex };
}

const iso = (d: Date) =>
  `${String(d.getFullYear()).padStart(4, "0")}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;

/** nik-parser as a developer would use it; it throws on a kecamatan it does not know. */
function theirs(nik: string): Verdict {
  try {
    const p = nikParser(nik);
    if (!p.isValid()) return { valid: false };
    const birth = p.lahir() as Date;
    return { valid: true, birth: iso(birth), sex: p.kelamin() === "wanita" ? "P" : "L" };
  } catch {
    return { valid: false };
  }
}

const same = (a: Verdict, b: Verdict) => a.valid === b.valid && (!a.valid || (a.birth === b.birth && a.sex === b.sex));

/** 100,000 NIKs: mostly real Bandung/Jakarta/... codes, every tenth one broken in some way. */
function sample(count: number): string[] {
  const regions = ["327301", "317101", "197101", "710501", "330301", "960101", "999901"];
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const day = (i % 28) + 1 + (i % 2 ? 40 : 0);
    const month = (i % 12) + 1;
    out.push(`${regions[i % regions.length]}${String(day).padStart(2, "0")}${String(month).padStart(2, "0")}${String(i % 100).padStart(2, "0")}${String(i % 10000).padStart(4, "0")}`);
  }
  return out;
}

function rate(fn: (nik: string) => Verdict, niks: readonly string[]): number {
  for (let i = 0; i < 10_000; i++) fn(niks[i]!); // warm-up
  const runs: number[] = [];
  for (let r = 0; r < 5; r++) {
    let valid = 0;
    const start = process.hrtime.bigint();
    for (const n of niks) if (fn(n).valid) valid++;
    runs.push(niks.length / (Number(process.hrtime.bigint() - start) / 1e9));
    if (valid < 0) throw new Error("unreachable"); // keeps the loop's result alive
  }
  return runs.sort((a, b) => a - b)[2]!;
}

export interface NikFigures {
  count: number;
  nikChecksPerSecond: number;
  nikParserChecksPerSecond: number;
  nikProbesRight: number;
  nikParserProbesRight: number;
  probeCount: number;
  /** Per probe: [ours right, nik-parser right]. */
  probes: Record<string, [boolean, boolean]>;
}

export function measureNik(count = 100_000): NikFigures {
  const niks = sample(count);
  const probes: Record<string, [boolean, boolean]> = {};
  for (const p of PROBES) probes[p.label] = [same(ours(p.nik), p.expected), same(theirs(p.nik), p.expected)];
  const right = (i: 0 | 1) => Object.values(probes).filter((r) => r[i]).length;
  return {
    count,
    nikChecksPerSecond: rate(ours, niks),
    nikParserChecksPerSecond: rate(theirs, niks),
    nikProbesRight: right(0),
    nikParserProbesRight: right(1),
    probeCount: PROBES.length,
    probes,
  };
}
