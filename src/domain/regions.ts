/**
 * Kemendagri district (kecamatan) codes: digits 1-6 of a NIK (2 province, 2 regency, 2 district).
 * Pure TS (runs in Apps Script too); the data is generated into ./regions-data.ts by `npm run regions`.
 */
import { DISTRICTS } from "./regions-data";

export { REGION_SOURCE, DISTRICT_COUNT } from "./regions-data";

let known: Set<number> | undefined;

/**
 * Decodes the compact DISTRICTS string ("1101:01-18,20;1102:01-12;...") into 6-digit codes as
 * numbers (110101 ...). Exported for tests; callers should use isKnownDistrict.
 */
export function decodeDistricts(encoded: string): Set<number> {
  const codes = new Set<number>();
  for (const regency of encoded.split(";")) {
    const [prefix, items] = regency.split(":");
    if (!prefix || !items) continue;
    const base = Number(prefix) * 100;
    for (const item of items.split(",")) {
      const [from, to] = item.split("-");
      const start = Number(from);
      const end = to === undefined ? start : Number(to);
      for (let s = start; s <= end; s++) codes.add(base + s);
    }
  }
  return codes;
}

/** All known district codes as numbers; decoded once, on first use. */
export function knownDistricts(): ReadonlySet<number> {
  if (known === undefined) known = decodeDistricts(DISTRICTS);
  return known;
}

/** True when code6 is exactly 6 ASCII digits naming a district in the official list. */
export function isKnownDistrict(code6: string): boolean {
  if (typeof code6 !== "string" || code6.length !== 6) return false;
  let n = 0;
  for (let i = 0; i < 6; i++) {
    const d = code6.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    n = n * 10 + d;
  }
  if (known === undefined) known = decodeDistricts(DISTRICTS);
  return known.has(n);
}
