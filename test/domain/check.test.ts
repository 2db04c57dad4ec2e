/** checkTable: duplicates across rows, row numbers, blank rows, open stages. */
import { checkTable, columnsUsedBy, isOpenStage } from "../../src/domain/check";
import {
  ALL_KEYS, codes, eligibleFields, type Fields, headersFor, only, PEOPLE, profile, runTable, TODAY, toCells,
} from "./helpers";

/** Siti Nurhaliza's request, again and again. */
const siti = (overrides: Fields = {}): Fields => eligibleFields("nasional-2026", overrides);
const rudi = (overrides: Fields = {}): Fields => eligibleFields("pangkalpinang-reaktivasi", overrides);

function dupes(rows: Fields[], profileId = "nasional-2026", firstRow = 2) {
  const table = checkTable(headersFor(), rows.map((r) => toCells(r)), profile(profileId), TODAY, firstRow);
  return table.results.map((r) => ({ row: r.row, dup: only(r, "DUPLICATE_OPEN_REQUEST") }));
}

describe("DUPLICATE_OPEN_REQUEST", () => {
  test("the later row reports it, naming the first; the first does not", () => {
    const [first, second] = dupes([siti({ id: "PBI-2026-0001" }), siti({ id: "PBI-2026-0002" })], "nasional-2026", 41);
    expect(first!.dup).toEqual([]);
    expect(second!.dup).toEqual([expect.objectContaining({ severity: "error", field: "nik" })]);
    expect(second!.dup[0]!.message).toContain("41");
    expect(second!.row).toBe(42);
  });

  test("every later row reports it, each naming the first row", () => {
    const result = dupes([siti(), rudi(), siti(), siti()], "nasional-2026", 10);
    expect(result.map((r) => r.dup.length)).toEqual([0, 0, 1, 1]);
    for (const r of result.slice(2)) {
      expect(r.dup[0]!.message).toMatch(/\b10\b/);
      expect(r.dup[0]!.message).not.toMatch(/\b12\b/);
    }
  });

  test("the earlier row counts whatever its other findings", () => {
    const earlierWithErrors = siti({ applicationDate: "31/02/2026", phone: "123", decile: "x", docKtp: "mungkin" });
    const [a, b] = dupes([earlierWithErrors, siti()]);
    expect(a!.dup).toEqual([]);
    expect(b!.dup).toHaveLength(1);
    // also an earlier row whose NIK has a specific error (not a format one)
    const zeroSerial = "3273025503850000";
    const [c, d] = dupes([siti({ nik: zeroSerial, name: "" }), siti({ nik: zeroSerial })]);
    expect(c!.dup).toEqual([]);
    expect(d!.dup).toHaveLength(1);
  });

  test.each(["Selesai", "Ditolak", "Dikembalikan", "SELESAI", " ditolak ", "dikembalikan"])(
    "an earlier row finished as %j does not match",
    (stage) => {
      const [, b] = dupes([siti({ stage }), siti({ stage: "Diterima" })]);
      expect(b!.dup).toEqual([]);
    },
  );

  test.each(["Selesai", "Ditolak", "Dikembalikan", "SELESAI", "ditolak"])("a later row finished as %j is not reported", (stage) => {
    const [, b] = dupes([siti({ stage: "Draf" }), siti({ stage })]);
    expect(b!.dup).toEqual([]);
  });

  test.each(["", "Diterima", "Diperiksa", "Draf", "Paraf Kabid", "Tanda Tangan", "Diserahkan", "Perbaikan", "Back Office"])(
    "stage %j is open",
    (stage) => {
      expect(isOpenStage(stage)).toBe(true);
      const [, b] = dupes([siti({ stage }), siti({ stage })]);
      expect(b!.dup).toHaveLength(1);
    },
  );

  test("isOpenStage: finished stages, any case", () => {
    for (const s of ["Selesai", "Ditolak", "Dikembalikan", "selesai", "DITOLAK", " Dikembalikan "]) expect(isOpenStage(s)).toBe(false);
  });

  test("a finished first row, then two open rows: the third names the second", () => {
    const result = dupes([siti({ stage: "Selesai" }), siti(), siti()], "nasional-2026", 2);
    expect(result.map((r) => r.dup.length)).toEqual([0, 0, 1]);
    expect(result[2]!.dup[0]!.message).toMatch(/\b3\b/);
  });

  test("rows with an unrecognised Layanan are not matched", () => {
    expect(dupes([siti({ service: "Reaktivasi" }), siti()]).map((r) => r.dup.length)).toEqual([0, 0]);
    const [, b] = dupes([siti(), siti({ service: "PBI" })]);
    expect(b!.dup).toEqual([]);
    // not even with each other
    expect(dupes([siti({ service: "Reaktivasi" }), siti({ service: "Reaktivasi" })]).map((r) => r.dup.length)).toEqual([0, 0]);
    expect(dupes([siti({ service: "Reaktivasi" }), siti({ service: "PBI JK" })]).map((r) => r.dup.length)).toEqual([0, 0]);
  });

  test("blank Layanan and the profile's service name are the same service", () => {
    expect(dupes([siti({ service: "" }), siti({ service: "Reaktivasi PBI-JK" })])[1]!.dup).toHaveLength(1);
    expect(dupes([siti({ service: "reaktivasi pbi-jk" }), siti({ service: "" })])[1]!.dup).toHaveLength(1);
  });

  test("a different service is not matched", () => {
    const [, b] = dupes([siti(), siti({ service: "Bantuan Pembiayaan Kesehatan" })]);
    expect(b!.dup).toEqual([]);
    const [, d] = dupes([rudi({ service: "Reaktivasi PBI-JK" }), rudi()], "pangkalpinang-bantuan-kesehatan");
    expect(d!.dup).toEqual([]);
  });

  test("NIKs are compared with spaces removed (and as numbers or text)", () => {
    expect(dupes([siti({ nik: "3273 0255 0385 0003" }), siti({ nik: "3273025503850003" })])[1]!.dup).toHaveLength(1);
    expect(dupes([siti({ nik: "'3273-0255-0385-0003" }), siti({ nik: " 327302 550385 0003" })])[1]!.dup).toHaveLength(1);
  });

  test("different NIKs are not duplicates", () => {
    expect(dupes([siti(), siti({ nik: "3273025503850004" })])[1]!.dup).toEqual([]);
  });

  test("a NIK with NIK_FORMAT or NIK_PRECISION_LOST produces no duplicate", () => {
    expect(dupes([siti({ nik: "327302550385" }), siti({ nik: "327302550385" })])[1]!.dup).toEqual([]);
    expect(dupes([siti({ nik: "3.27302E+15" }), siti({ nik: "3.27302E+15" })])[1]!.dup).toEqual([]);
    expect(dupes([siti({ nik: 9171015506880001 }), siti({ nik: 9171015506880001 })])[1]!.dup).toEqual([]);
  });

  test("a duplicate makes the later row INVALID", () => {
    const table = runTable([siti(), siti()]);
    expect(table.results[0]!.decision).toBe("ELIGIBLE");
    expect(table.results[1]!.decision).toBe("INVALID");
    expect(table.results[1]!.reasons).toEqual([]);
  });
});

describe("rows of a table", () => {
  test("row numbers start at 2 and count skipped blank rows", () => {
    const blank: Fields = {};
    const spaces = Object.fromEntries(ALL_KEYS.map((k) => [k, "  "])) as Fields;
    const nulls = Object.fromEntries(ALL_KEYS.map((k) => [k, null])) as Fields;
    const table = runTable([siti(), blank, spaces, nulls, rudi()]);
    expect(table.results.map((r) => r.row)).toEqual([2, 6]);
  });

  test("a row holding only unticked boxes is blank (checkboxes hold FALSE down whole columns); a ticked one is not", () => {
    const unticked: Fields = { docKtp: false, docKk: "FALSE", docSktm: "Tidak", urgent: "-", archived: false, reactivatedBefore: "" };
    const ticked: Fields = { docKtp: true };
    const falseAsName: Fields = { name: "FALSE" };
    const table = runTable([siti(), unticked, ticked, falseAsName]);
    expect(table.results.map((r) => r.row)).toEqual([2, 4, 5]);
  });

  test("firstRow offsets the numbering", () => {
    const table = checkTable(headersFor(), [toCells(siti()), toCells(rudi())], profile("nasional-2026"), TODAY, 100);
    expect(table.results.map((r) => r.row)).toEqual([100, 101]);
  });

  test("a row with only one filled cell is checked, not skipped", () => {
    const table = runTable([{ note: "telepon ulang" }]);
    expect(table.results).toHaveLength(1);
    expect(only(table.results[0]!, "REQUIRED_MISSING").map((f) => f.field).sort()).toEqual(
      ["applicationDate", "deactivationDate", "kk", "name", "nik"],
    );
  });

  test("short rows (fewer cells than headers) read the rest as blank", () => {
    const headers = headersFor();
    const cells = toCells(siti()).slice(0, 8);
    const r = checkTable(headers, [cells], profile("nasional-2026"), TODAY).results[0]!;
    expect(codes(r)).toEqual(["REQUIRED_MISSING"]); // Tanggal SK Penonaktifan is beyond the cut
    expect(only(r, "REQUIRED_MISSING")[0]!.field).toBe("deactivationDate");
  });

  test("each row is checked on its own data", () => {
    const table = runTable([eligibleFields("nasional-2026"), eligibleFields("purbalingga"), eligibleFields("minsel")]);
    expect(table.results.map((r) => r.decision)).toEqual(["ELIGIBLE", "ELIGIBLE", "ELIGIBLE"]);
    expect(table.results.map((r) => r.request.nik)).toEqual([PEOPLE.bandung.nik, PEOPLE.purbalingga.nik, PEOPLE.minsel.nik]);
  });
});

describe("columnsUsedBy", () => {
  test("names the columns each profile's rules read", () => {
    expect(columnsUsedBy(profile("nasional-2026"))).toEqual(
      expect.arrayContaining(["registryStatus", "decile", "healthNeed", "docKtp", "docKk", "docHealthFacility"]),
    );
    expect(columnsUsedBy(profile("pangkalpinang-reaktivasi"))).toEqual(
      expect.arrayContaining(["registryStatus", "facilitatorResult", "docKtp", "docKk", "docSktm"]),
    );
    expect(columnsUsedBy(profile("bandung"))).toEqual(
      expect.arrayContaining(["registryStatus", "bpjsConfirmation", "docKk", "docKtp", "docCard", "docRegistry"]),
    );
    expect(columnsUsedBy(profile("minsel"))).toEqual(expect.arrayContaining(["registryStatus", "reactivatedBefore", "docKtp", "docKk"]));
    expect(columnsUsedBy(profile("purbalingga"))).toEqual(
      expect.arrayContaining(["registryStatus", "docKtp", "docKk", "docCard", "docBpjsStatus", "docHealthFacility"]),
    );
    // rules a profile does not have
    expect(columnsUsedBy(profile("bandung"))).not.toContain("decile");
    expect(columnsUsedBy(profile("nasional-2026"))).not.toContain("bpjsConfirmation");
    expect(columnsUsedBy(profile("nasional-2026"))).not.toContain("facilitatorResult");
  });
});
