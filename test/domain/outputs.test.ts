import { checkTable } from "../../src/domain/check";
import { nextIds, rowOutput } from "../../src/domain/outputs";
import { findProfile } from "../../src/domain/profiles";
import { missingHeaders } from "../../src/domain/layout";
import { ALL_COLUMNS } from "../../src/domain/columns";

const profile = findProfile("nasional-2026")!;
const HEADERS = ["Nama", "NIK", "Nomor KK", "Tanggal Permohonan", "Tanggal SK Penonaktifan", "Status DTSEN/DTKS", "Desil", "Tahap"];

test("IDs continue after the highest issued, from the counter or the sheet", () => {
  expect(nextIds([], 0, 2026, 2)).toEqual({ ids: ["PBI-2026-00001", "PBI-2026-00002"], last: 2 });
  expect(nextIds(["PBI-2026-00007", "PBI-2025-00900", "lain"], 3, 2026, 1)).toEqual({ ids: ["PBI-2026-00008"], last: 8 });
  // A deleted row's number is never issued again: the counter remembers it.
  expect(nextIds(["PBI-2026-00002"], 9, 2026, 1).ids).toEqual(["PBI-2026-00010"]);
});

test("a checked row's outputs: summary, Indonesian decision and reasons, ISO deadline, stage", () => {
  const table = checkTable(HEADERS, [
    ["Siti", "3273014101900001", "3273010101100001", "20/11/2026", "01/08/2026", "Tidak Terdaftar", "", ""],
    ["Budi", "123", "3273010101100001", "20/11/2026", "01/08/2026", "Terdaftar", "2", "Paraf Kabid"],
  ], profile, "2026-11-24");
  const [a, b] = table.results.map((r) => rowOutput(r, profile));
  expect(a).toMatchObject({ checkResult: "OK", decision: "Tidak Layak", deadline: "2027-02-01", stage: "Diperiksa" });
  expect(a!.reasons).toContain("Musyawarah Desa/Kelurahan");
  expect(a!.note).toBe("");
  expect(b).toMatchObject({ checkResult: "1 galat", decision: "Data Tidak Valid", deadline: "", stage: null });
  // Section 6: past its first stage and no longer ELIGIBLE, the result says so (only a return may move it).
  expect(b!.reasons).toBe('Permohonan sudah di tahap "Paraf Kabid" tetapi keputusannya kini bukan "Layak": perbaiki datanya. Sampai diperbaiki, hanya Kembalikan yang dapat dilakukan.');
  expect(b!.note).toContain("NIK_FORMAT");
  expect(b!.note).not.toContain("123");
});

test("Alasan adds the stage warning after the reasons, and only past the first stage", () => {
  const rows = [
    ["Siti", "3273014101900001", "3273010101100001", "20/11/2026", "01/08/2026", "Tidak Terdaftar", "", "Tanda Tangan"],
    ["Ani", "3273014101900002", "3273010101100001", "20/11/2026", "01/08/2026", "Tidak Terdaftar", "", "Draf"],
  ];
  const [late, first] = checkTable(HEADERS, rows, profile, "2026-11-24").results.map((r) => rowOutput(r, profile));
  expect(late!.reasons).toMatch(/Musyawarah Desa\/Kelurahan.* Permohonan sudah di tahap "Tanda Tangan"/);
  expect(first!.reasons).not.toContain("Permohonan sudah di tahap");
  expect(first!.stage).toBe("Diperiksa");
});

test("setup adds every catalogue column a sheet lacks, recognising aliases", () => {
  expect(missingHeaders([])).toEqual(ALL_COLUMNS.map((c) => c.header));
  const missing = missingHeaders(["No KTP", "nama lengkap", "Kolom Saya"]);
  expect(missing).not.toContain("NIK");
  expect(missing).not.toContain("Nama");
  expect(missing).toContain("Nomor KK");
});

describe("the window anchor column (a setting)", () => {
  const anchored = { ...profile, windowAnchor: "Tanggal Berlaku SK" };
  const headers = [...HEADERS, "Tanggal Berlaku SK"];
  const row = (effective: string, nik = "3273014101900001") =>
    ["Siti", nik, "3273010101100001", "20/11/2026", "01/04/2026", "Terdaftar", "2", "", effective];

  test("the deadline counts from the anchor column; a blank anchor falls back to the SK date", () => {
    const table = checkTable(headers, [row("01/06/2026"), row("", "3273014101900002")], anchored, "2026-11-24");
    expect(table.missingAnchor).toBeNull();
    expect(table.results.map((r) => r.deadline)).toEqual(["2026-12-01", "2026-10-01"]);
    // No document columns here: the first is incomplete; the second is past its SK-date window.
    expect(table.results.map((r) => r.decision)).toEqual(["INCOMPLETE", "NOT_ELIGIBLE"]);
  });

  test("a bad anchor date is a finding naming that column; a missing anchor column is one setup problem", () => {
    const bad = checkTable(headers, [row("kemarin")], anchored, "2026-11-24").results[0]!;
    expect(bad.findings.map((f) => [f.code, f.field])).toEqual([["DATE_INVALID", "deactivationDate"]]);
    expect(bad.findings[0]!.message).toContain('"Tanggal Berlaku SK"');
    expect(checkTable(HEADERS, [row("").slice(0, -1)], anchored, "2026-11-24").missingAnchor).toBe("Tanggal Berlaku SK");
  });
});
