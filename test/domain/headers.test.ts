/** Section 2: columns are found by header text (case, spaces, dots, slashes, hyphens, underscores ignored). */
import { checkTable } from "../../src/domain/check";
import { mapHeaders } from "../../src/domain/columns";
import {
  ALL_KEYS, checkOne, codes, eligibleFields, type Key, PEOPLE, profile, runTable, SPEC_ALIASES, SPEC_HEADERS, TODAY,
  toCells,
} from "./helpers";

const INPUT_KEYS = ALL_KEYS.filter((k) => k !== "stage");

describe("header matching", () => {
  test.each(INPUT_KEYS.map((k) => [k, SPEC_HEADERS[k]] as const))("the spec header of %s (%s) maps to its key", (key, header) => {
    const map = mapHeaders(["Kolom Lain", header]);
    expect(map[key]).toBe(1);
  });

  test("Tahap is found by its header", () => {
    expect(mapHeaders(["Tahap"]).stage).toBe(0);
  });

  const aliasCases = Object.entries(SPEC_ALIASES).flatMap(([key, aliases]) =>
    (aliases ?? []).map((alias) => [key as Key, alias] as const),
  );
  test.each(aliasCases)("%s accepts the alias %s", (key, alias) => {
    const map = mapHeaders(["Kolom Lain", alias]);
    expect(map[key]).toBe(1);
  });

  test("each header also matches in any case and with spaces, dots, slashes, hyphens, underscores added or removed", () => {
    const variants: [Key, string][] = [
      ["applicationDate", "tanggal permohonan"],
      ["applicationDate", "TANGGAL_PERMOHONAN"],
      ["applicationDate", "Tanggal-Permohonan"],
      ["applicationDate", "TanggalPermohonan"],
      ["applicationDate", "Tgl. Permohonan"],
      ["applicationDate", " tgl_permohonan "],
      ["nik", "n.i.k"],
      ["nik", "No. KTP"],
      ["nik", "nomor_nik"],
      ["kk", "NOMOR KK"],
      ["kk", "no.kk"],
      ["kk", "k/k"],
      ["cardNumber", "nomor-kartu-kis"],
      ["cardNumber", "NO_BPJS"],
      ["cardNumber", "NOKA"],
      ["sex", "l / p"],
      ["sex", "LP"],
      ["sex", "jenis_kelamin"],
      ["village", "desa kelurahan"],
      ["village", "DESA-KELURAHAN"],
      ["phone", "nomor hp"],
      ["phone", "No.HP"],
      ["phone", "w.a."],
      ["deactivationDate", "tanggal sk penonaktifan"],
      ["deactivationDate", "Tgl.SK-Nonaktif"],
      ["registryStatus", "status dtsen dtks"],
      ["registryStatus", "STATUS_DTKS"],
      ["docKtp", "Dok KTP"],
      ["docKtp", "dok.ktp"],
      ["docKtp", "DOK_KTP"],
      ["docRegistry", "Dok Ket DTSEN DTKS"],
      ["docRegistry", "dok.ket.dtks"],
      ["docHealthFacility", "dok surat rs puskesmas"],
      ["docHealthFacility", "DOK-KET-FASKES"],
      ["docBpjsStatus", "dok_status_kepesertaan"],
      ["documentsLink", "link_berkas"],
      ["completeAt", "berkas lengkap pada"],
      ["completeAt", "waktu.berkas.lengkap"],
      ["healthNeed", "KEBUTUHAN-KESEHATAN"],
      ["facilitatorResult", "hasil_verifikasi"],
      ["stage", "TAHAP"],
    ];
    for (const [key, header] of variants) {
      expect([header, mapHeaders(["Kolom Lain", header])[key]]).toEqual([header, 1]);
    }
  });

  test("headers that name something else are not matched", () => {
    const map = mapHeaders(["Tanggal Permohonan Baru", "NIK Ibu", "Nomor", "Dok", "Keterangan"]);
    expect(map).toEqual({});
  });

  test("reordered columns give the same result", () => {
    const fields = eligibleFields("bandung", { decile: "7", phone: "021-555" });
    const ordered = runTable([fields], "bandung").results[0]!;
    const reversed = [...ALL_KEYS].reverse();
    const shuffled = [...ALL_KEYS].sort((a, b) => (a.length % 3) - (b.length % 3) || b.localeCompare(a));
    for (const keys of [reversed, shuffled]) {
      const other = runTable([fields], "bandung", { keys }).results[0]!;
      expect(other.decision).toBe(ordered.decision);
      expect(other.reasons).toEqual(ordered.reasons);
      expect(other.deadline).toEqual(ordered.deadline);
      expect(other.findings).toEqual(ordered.findings);
    }
    expect(ordered.decision).toBe("ELIGIBLE");
  });

  test("columns a user adds are left alone", () => {
    const fields = eligibleFields("nasional-2026");
    const headers = ["Nomor Antrian", ...ALL_KEYS.map((k) => SPEC_HEADERS[k]), "Keterangan Petugas", "Cek Ulang"];
    const cells = ["A-017", ...toCells(fields), "ganti nomor HP?", "salah format =1/0"];
    const plain = checkOne(fields);
    const result = checkTable(headers, [cells], profile("nasional-2026"), TODAY).results[0]!;
    expect(result.decision).toBe("ELIGIBLE");
    expect(result.findings).toEqual(plain.findings);
    expect(result.reasons).toEqual(plain.reasons);
  });
});

describe("missing columns", () => {
  const requiredReactivation: Key[] = ["applicationDate", "name", "nik", "kk", "deactivationDate"];

  test("a sheet with every column lacks nothing", () => {
    const table = runTable([eligibleFields()], "nasional-2026");
    expect(table.missingRequired).toEqual([]);
    expect(table.missingUsed).toEqual([]);
  });

  test.each(requiredReactivation)("a reactivation sheet without the %s column reports it in missingRequired", (key) => {
    const keys = ALL_KEYS.filter((k) => k !== key);
    const table = runTable([eligibleFields()], "nasional-2026", { keys });
    expect(table.missingRequired).toEqual([key]);
  });

  test.each(["applicationDate", "name", "nik", "kk"] as Key[])(
    "a pangkalpinang-bantuan-kesehatan sheet without the %s column reports it",
    (key) => {
      const keys = ALL_KEYS.filter((k) => k !== key);
      const table = runTable([eligibleFields("pangkalpinang-bantuan-kesehatan")], "pangkalpinang-bantuan-kesehatan", { keys });
      expect(table.missingRequired).toEqual([key]);
    },
  );

  test("the SK date column is required only for the reactivation service", () => {
    const keys = ALL_KEYS.filter((k) => k !== "deactivationDate");
    expect(runTable([], "pangkalpinang-bantuan-kesehatan", { keys }).missingRequired).toEqual([]);
    for (const id of ["nasional-2026", "pangkalpinang-reaktivasi", "minsel", "bandung", "purbalingga"]) {
      expect(runTable([], id, { keys }).missingRequired).toEqual(["deactivationDate"]);
    }
  });

  test("a sheet holding only the required columns (by alias) lacks no required column", () => {
    const table = checkTable(
      ["Tgl Permohonan", "Nama Lengkap", "No KTP", "No KK", "Tgl SK Nonaktif"],
      [["20/11/2026", PEOPLE.bandung.name, PEOPLE.bandung.nik, PEOPLE.bandung.kk, "10/08/2026"]],
      profile("bandung"),
      TODAY,
    );
    expect(table.missingRequired).toEqual([]);
    // the profile's rules read these; absent, they are named once and read as blank
    expect(table.missingUsed).toEqual(expect.arrayContaining(["registryStatus", "bpjsConfirmation", "docKk", "docKtp", "docCard", "docRegistry"]));
    const row = table.results[0]!;
    expect(row.findings).toEqual([]);
    expect(row.decision).toBe("INCOMPLETE");
  });

  test("a column the rules use but the sheet lacks is named once and read as blank, with no per-row finding", () => {
    const keys = ALL_KEYS.filter((k) => k !== "decile" && k !== "docHealthFacility");
    const table = runTable([eligibleFields(), eligibleFields("purbalingga")], "nasional-2026", { keys });
    expect(table.missingUsed).toEqual(expect.arrayContaining(["decile", "docHealthFacility"]));
    expect(table.missingUsed.filter((k) => k === "decile")).toHaveLength(1);
    for (const r of table.results) {
      expect(r.findings).toEqual([]);
      expect(r.decision).toBe("INCOMPLETE");
      expect(r.missingDocuments).toEqual(["docHealthFacility"]);
    }
  });

  // Spec 2: "A column the rules need but the sheet lacks is a setup problem reported once, not an error per row."
  test.each(requiredReactivation)("a missing required column (%s) is reported once, not as an error on every row", (key) => {
    const keys = ALL_KEYS.filter((k) => k !== key);
    const table = runTable([eligibleFields(), eligibleFields("purbalingga")], "nasional-2026", { keys });
    expect(table.missingRequired).toEqual([key]);
    for (const r of table.results) expect(r.findings.filter((f) => f.field === key)).toEqual([]);
  });

  // Section 5 reading: pangkalpinang-reaktivasi also requires Nomor SK Penonaktifan.
  test("pangkalpinang-reaktivasi without a Nomor SK Penonaktifan column names it once, not on every row", () => {
    const keys = ALL_KEYS.filter((k) => k !== "deactivationRef");
    const table = runTable([eligibleFields("pangkalpinang-reaktivasi")], "pangkalpinang-reaktivasi", { keys });
    expect([...table.missingRequired, ...table.missingUsed]).toContain("deactivationRef");
    expect(table.results[0]!.findings.filter((f) => f.field === "deactivationRef")).toEqual([]);
  });

  test("a missing optional column (Tahap, Catatan, Alamat) changes nothing", () => {
    const keys = ALL_KEYS.filter((k) => !["stage", "note", "address", "documentsLink", "id"].includes(k));
    const r = runTable([eligibleFields("minsel")], "minsel", { keys }).results[0]!;
    expect(codes(r)).toEqual([]);
    expect(r.decision).toBe("ELIGIBLE");
  });
});
