import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parse } from "csv-parse/sync";
import { DISTRICTS } from "../src/domain/regions-data";
import { DISTRICT_COUNT, REGION_SOURCE, decodeDistricts, isKnownDistrict, knownDistricts } from "../src/domain/regions";

const PKG_DIR = resolve(__dirname, "../node_modules/idn-area-data");

function csvCodes(): number[] {
  const rows = parse(readFileSync(resolve(PKG_DIR, "data/districts.csv"), "utf8"), {
    columns: true,
    skip_empty_lines: true,
  }) as { code: string }[];
  return rows.map((row) => Number(row.code.replace(/\./g, "")));
}

describe("regions data", () => {
  test("decodes to exactly the district codes of the installed idn-area-data CSV", () => {
    const fromCsv = csvCodes();
    const decoded = knownDistricts();
    expect(fromCsv.length).toBe(DISTRICT_COUNT);
    expect(new Set(fromCsv).size).toBe(fromCsv.length);
    expect(decoded.size).toBe(fromCsv.length);
    expect([...decoded].sort((a, b) => a - b)).toEqual([...fromCsv].sort((a, b) => a - b));
  });

  test("REGION_SOURCE names the decree edition and the installed package version", () => {
    const pkg = JSON.parse(readFileSync(resolve(PKG_DIR, "package.json"), "utf8")) as { version: string };
    expect(REGION_SOURCE).toBe(`Kepmendagri 300.2.2-2138/2025 (idn-area-data ${pkg.version})`);
  });

  test("is the 2025 edition: 7,285 kecamatan", () => {
    expect(DISTRICT_COUNT).toBe(7285);
  });

  test("stays compact", () => {
    expect(DISTRICTS.length).toBeLessThan(40_000);
  });

  test("decoder handles single suffixes and ranges", () => {
    expect([...decodeDistricts("1101:01-03,05;9671:10")]).toEqual([110101, 110102, 110103, 110105, 967110]);
  });
});

describe("isKnownDistrict", () => {
  test.each([
    ["327301", "Kota Bandung, Sukasari"],
    ["327302", "Kota Bandung, Coblong"],
    ["327330", "Kota Bandung, Mandalajati"],
    ["197101", "Kota Pangkalpinang, Bukit Intan"],
    ["197107", "Kota Pangkalpinang, Girimaya"],
    ["710501", "Minahasa Selatan, Modoinding"],
    ["710507", "Minahasa Selatan, Motoling"],
    ["710523", "Minahasa Selatan, Suluun Tareran"],
    ["717101", "Kota Manado, Bunaken"],
    ["330301", "Purbalingga, Kemangkon"],
    ["330318", "Purbalingga, Kertanegara"],
    ["110101", "Aceh Selatan, Bakongan"],
  ])("%s (%s) is known", (code) => {
    expect(isKnownDistrict(code)).toBe(true);
  });

  test.each([
    ["110000", "regency code with district 00"],
    ["999999", "no such province"],
    ["327331", "past the last Bandung district"],
    ["197108", "past the last Pangkalpinang district"],
    ["710504", "gap in Minahasa Selatan (04-06 not in the list)"],
    ["710511", "gap in Minahasa Selatan"],
    ["330319", "past the last Purbalingga district"],
    ["32730", "5 digits"],
    ["3273011", "7 digits"],
    ["abcdef", "letters"],
    ["32730a", "trailing letter"],
    ["3273 1", "space"],
    [" 32730", "leading space"],
    ["３２７３０１", "full-width digits"],
    ["", "empty"],
  ])("%j (%s) is not known", (code) => {
    expect(isKnownDistrict(code)).toBe(false);
  });
});
