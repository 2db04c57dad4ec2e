/**
 * Independent review of spec sections 5, 7 and 8: letters, the `Untuk BPJS` view, `Rekap`, privacy.
 * Expected values come from the spec (domain.md) only.
 */
import { approve, handOver } from "../../src/gas/approvals";
import { syncBpjs } from "../../src/gas/bpjs";
import { draftLetters } from "../../src/gas/letters";
import { onEdit } from "../../src/gas/main";
import { refreshRekap } from "../../src/gas/rekap";
import { sidebarApi } from "../../src/gas/sidebarApi";
import type { FakeEnv } from "../fakes";
import { cellOf, closeOffice, column, eligible, headerIndex, nik, type Office, openOffice, TODAY, writeRows, handedOver } from "../gas/helpers";
import { checkedRows, configureOffice } from "../gas/letterHelpers";
import { BPJS, eligibleFor, KABID, officeWithRoles, OPERATOR, SIGNER } from "../gas/approvalHelpers";
import { liveCli, serial, type Stub, startStub, type Value } from "../cli/liveStub";

let env: FakeEnv;
let sheet: GoogleAppsScript.Spreadsheet.Sheet;
let docs: Office["docs"];
beforeEach(() => ({ env, sheet, docs } = openOffice()));
afterEach(() => closeOffice({ env, docs }));

const KK = "3273010101100001";
const set = (row: number, header: string, value: unknown) => sheet.getRange(row, headerIndex(sheet).get(header)! + 1).setValue(value);
const logRows = () => {
  const s = env.spreadsheet.getSheetByName("Log")!;
  return s.getLastRow() < 2 ? [] : s.getRange(2, 1, s.getLastRow() - 1, 7).getValues();
};
const docsOf = (row: number) =>
  String(cellOf(sheet, row, "Tautan Surat")).split("\n").filter(Boolean).map((l) => docs.documents.get(/\/d\/([\w-]+)/.exec(l)?.[1] ?? "")!);
const draft = (now = TODAY) => {
  env.setUser(OPERATOR);
  return draftLetters(env.spreadsheet, { now });
};
/** Puts checked rows into Draf (profiles with reviews before drafting) and selects them. */
function toDraf(rows: number[]) {
  for (const r of rows) set(r, "Tahap", "Draf");
  env.setSelection(sheet.getRange(rows[0]!, 1, rows.length, 1));
}

// ---------------------------------------------------------------- letters (sections 5 and 7)
const TITLES: [string, string, RegExp][] = [
  ["nasional-2026", "Surat Keterangan Pengaktifan Kembali PBI-JK", /^KEPALA DINAS SOSIAL/m],
  ["pangkalpinang-reaktivasi", "Surat Rekomendasi Reaktivasi PBI-JK", /^KEPALA DINAS SOSIAL/m],
  ["pangkalpinang-bantuan-kesehatan", "Surat Rekomendasi Pengajuan Bantuan Pembiayaan Pelayanan Kesehatan", /^KEPALA DINAS SOSIAL/m],
  ["minsel", "Surat Rekomendasi Reaktivasi PBI-JK", /^KEPALA DINAS SOSIAL/m],
  ["bandung", "Surat Rekomendasi Reaktivasi PBI JK", /^KEPALA DINAS SOSIAL/m],
  ["purbalingga", "Surat Rekomendasi Reaktivasi KIS PBI", /^(SEKRETARIS|KEPALA) DINAS SOSIAL/m],
];

/** nasional-2026's whole way for the given rows: drafted, paraf by the Kabid, signed, handed over. */
function draftApproveAndHandOver(rows: number[]): void {
  draft();
  env.setUser(KABID);
  approve(env.spreadsheet, rows, undefined, TODAY);
  env.setUser(SIGNER);
  approve(env.spreadsheet, rows, undefined, TODAY);
  env.setUser(OPERATOR);
  handOver(env.spreadsheet, rows, undefined, TODAY);
}

describe("letters", () => {
  test.each(TITLES)("%s: title %s, its signer, long dates, the built-in layout's parts", (profile, title, signer) => {
    officeWithRoles(env, profile);
    const rows = checkedRows(env, sheet, [eligibleFor(profile, "Siti", 1, { "Nomor Kartu KIS": "0001234567890" })]);
    toDraf(rows);
    expect(draft()).toContain("1 draf surat dibuat");
    const [doc] = docsOf(2);
    expect(doc!.getName()).toContain(title);
    const text = doc!.allText();
    // Hal carries the title (a surat dinas has no heading line; "Surat" is implied).
    expect(text).toMatch(new RegExp(`^Hal\\n:\\n${title.replace(/^Surat /, "")}$`, "m"));
    expect(text).toMatch(signer);
    expect(text).toContain("Pangkalpinang, 24 November 2026");
    for (const part of ["Nomor", "Sifat", "Lampiran", "Tembusan", "Layanan ini tidak dipungut biaya", "NIP.", "0001234567890"]) expect(text).toContain(part);
    if (profile !== "pangkalpinang-bantuan-kesehatan") expect(text).toContain("Yth. Kepala BPJS Kesehatan Cabang");
    expect(text).not.toMatch(/\b20\d\d-\d\d-\d\d\b/); // dates are long Indonesian dates
    expect(text).not.toContain("{{");
  });

  test.each([
    ["pangkalpinang-reaktivasi", "Terdaftar", 2],
    ["pangkalpinang-reaktivasi", "Tidak Terdaftar", 1],
    ["pangkalpinang-bantuan-kesehatan", "Terdaftar", 1],
    ["nasional-2026", "Terdaftar", 1],
  ])("%s, %s: %i document(s)", (profile, status, n) => {
    officeWithRoles(env, profile);
    const rows = checkedRows(env, sheet, [eligibleFor(profile, "Siti", 1, { "Status DTSEN/DTKS": status })]);
    toDraf(rows);
    draft();
    expect(docsOf(2)).toHaveLength(n);
    expect(docs.documents.size).toBe(n);
  });

  test("drafting a pangkalpinang Terdaftar row twice: same two documents, same numbers, no number consumed", () => {
    officeWithRoles(env, "pangkalpinang-reaktivasi");
    const rows = checkedRows(env, sheet, [eligiblePkpRow("Siti", 1), eligiblePkpRow("Budi", 2)]);
    toDraf([rows[0]!]);
    draft();
    const links = cellOf(sheet, 2, "Tautan Surat");
    const number = cellOf(sheet, 2, "Nomor Surat");
    const secondText = docsOf(2)[1]!.allText();
    set(2, "Tahap", "Perbaikan");
    draft(new Date("2026-11-25T03:00:00Z"));
    expect(cellOf(sheet, 2, "Tautan Surat")).toBe(links);
    expect(cellOf(sheet, 2, "Nomor Surat")).toBe(number);
    expect(docs.documents.size).toBe(2);
    expect(docsOf(2)[1]!.allText().match(/400\.9\.3\.2\/\d+/)?.[0]).toBe(secondText.match(/400\.9\.3\.2\/\d+/)?.[0]);
    // The next request gets the next free numbers: 001 and 002 went to the first row's two letters.
    toDraf([3]);
    draft(new Date("2026-11-25T03:00:00Z"));
    // Its SIKS-NG letter's number on the second line.
    expect(cellOf(sheet, 3, "Nomor Surat")).toBe("400.9.3.2/003/Dinsos/XI/2026\n400.9.3.2/004/Dinsos/XI/2026");
  });

  test("the year of a number is the Jakarta year: 31 Dec 23:59 WIB is 2026, 1 Jan 00:30 WIB restarts at 001 for 2027", () => {
    configureOffice(env);
    const late = new Date("2026-12-31T16:59:00Z"); // 23:59 WIB
    const after = new Date("2026-12-31T17:30:00Z"); // 1 Jan 2027 00:30 WIB
    checkedRows(env, sheet, [eligible("A", 1), eligible("B", 2)], late);
    env.setSelection(sheet.getRange("A2"));
    draft(late);
    expect(cellOf(sheet, 2, "Nomor Surat")).toBe("400.9.3.2/001/Dinsos/XII/2026");
    env.setSelection(sheet.getRange("A3"));
    draft(after);
    expect(cellOf(sheet, 3, "Nomor Surat")).toBe("400.9.3.2/001/Dinsos/I/2027");
    expect(String(cellOf(sheet, 3, "Tanggal Surat"))).toBe("2027-01-01");
    expect(docsOf(3)[0]!.allText()).toContain("Pangkalpinang, 1 Januari 2027");
  });

  test("template mode: every listed placeholder is replaced (long dates), repeated ones too; unknown ones are named", () => {
    const template = docs.addDocument("Templat", (doc) => {
      doc.body.children[0]!.replace("^$", "{{nama}}|{{nik}}|{{nomor_kk}}|{{nomor_kartu}}|{{alamat}}|{{desa_kelurahan}}|{{kecamatan}}");
      doc.body.appendParagraph("{{nomor_surat}}|{{tanggal_surat}}|{{tanggal_sk_penonaktifan}}|{{nomor_sk_penonaktifan}}");
      doc.body.appendParagraph("{{penandatangan_nama}}|{{penandatangan_jabatan}}|{{penandatangan_nip}}");
      doc.body.appendParagraph("{{nama}} dan {{nama}} {{Nama}} {{ nama }} {{tanggal_lahir_x}}");
    });
    configureOffice(env, { values: { templateId: template.id } });
    checkedRows(env, sheet, [eligible("Ani $& $$ $` \\1", 1, {
      "Nomor Kartu KIS": "0001234567890", Alamat: "Jl. Merdeka 5", "Desa/Kelurahan": "Kejaksaan", Kecamatan: "Taman Sari", "Nomor SK Penonaktifan": "SK-9/2026",
    })]);
    const message = draft();
    expect(message).toContain("{{tanggal_lahir_x}}");
    const lines = docsOf(2)[0]!.body.getText().split("\n");
    const name = "Ani $& $$ $` \\1";
    expect(lines[0]).toBe(`${name}|${nik(1)}|${KK}|0001234567890|Jl. Merdeka 5|Kejaksaan|Taman Sari`);
    expect(lines[1]).toBe("400.9.3.2/001/Dinsos/XI/2026|24 November 2026|1 Agustus 2026|SK-9/2026");
    const [signerName, signerTitle, nip] = lines[2]!.split("|");
    expect([signerName, signerTitle]).toEqual(["Drs. Ahmad Fauzi, M.Si", "Kepala Dinas Sosial"]);
    expect(nip!.replace(/\s/g, "")).toBe("196512201986031009");
    expect(lines[3]!.startsWith(`${name} dan ${name} `)).toBe(true);
    expect(lines[3]).toContain("{{tanggal_lahir_x}}");
  });

  test("the second document from its own template (ID Templat Surat Keterangan)", () => {
    const second = docs.addDocument("Templat SK", (doc) => {
      doc.body.children[0]!.replace("^$", "KETERANGAN {{nama}} {{nomor_surat}}");
    });
    officeWithRoles(env, "pangkalpinang-reaktivasi");
    configureOffice(env, { profile: "pangkalpinang-reaktivasi", values: { secondTemplateId: second.id }, roles: ALL_ROLES_WITH_OP });
    const rows = checkedRows(env, sheet, [eligiblePkpRow("Siti", 1)]);
    toDraf(rows);
    draft();
    const [, doc2] = docsOf(2);
    expect(doc2!.body.getText()).toBe("KETERANGAN Siti 400.9.3.2/002/Dinsos/XI/2026");
  });

  test("a letter drafted in December and redrafted in January keeps its number and document", () => {
    configureOffice(env);
    const dec = new Date("2026-12-30T03:00:00Z");
    const jan = new Date("2027-01-04T03:00:00Z");
    checkedRows(env, sheet, [eligible("A", 1), eligible("B", 2)], dec);
    env.setSelection(sheet.getRange("A2"));
    draft(dec);
    const link = cellOf(sheet, 2, "Tautan Surat");
    set(2, "Tahap", "Perbaikan");
    draft(jan);
    expect(cellOf(sheet, 2, "Nomor Surat")).toBe("400.9.3.2/001/Dinsos/XII/2026");
    expect(cellOf(sheet, 2, "Tautan Surat")).toBe(link);
    expect(docs.documents.size).toBe(1);
    env.setSelection(sheet.getRange("A3"));
    draft(jan);
    expect(cellOf(sheet, 3, "Nomor Surat")).toBe("400.9.3.2/001/Dinsos/I/2027");
  });

  test("date cells (midnight Jakarta) print as their Jakarta calendar date in the letter", () => {
    configureOffice(env);
    checkedRows(env, sheet, [eligible("A", 1, {
      "Tanggal SK Penonaktifan": new Date("2026-07-31T17:00:00Z"), // 1 Agustus 2026 00:00 WIB
      "Tanggal Permohonan": new Date("2026-11-19T17:00:00Z"),
    })]);
    draft();
    const text = docsOf(2)[0]!.allText();
    expect(text).toContain("1 Agustus 2026");
    expect(text).not.toContain("31 Juli 2026");
    expect(text).toContain("paling lambat 1 Februari 2027");
  });

  test("overlapping selections draft a row once", () => {
    configureOffice(env);
    checkedRows(env, sheet, [eligible("A", 1), eligible("B", 2)]);
    env.setSelection(sheet.getRange("A2:A3"), sheet.getRange("B2"), sheet.getRange("A2"));
    draft();
    expect(docs.documents.size).toBe(2);
    expect(column(sheet, "Nomor Surat")).toEqual(["400.9.3.2/001/Dinsos/XI/2026", "400.9.3.2/002/Dinsos/XI/2026"]);
  });

  /** Drafts row 2, loses the document properties (as a copied file does), redrafts; returns the first link. */
  function draftThenRedraftWithoutProperties(): string {
    draft();
    const link = cellOf(sheet, 2, "Tautan Surat");
    env.properties.document.deleteAllProperties();
    set(2, "Tahap", "Perbaikan");
    draft();
    return String(link);
  }

  // Spec 7: "Drafting again updates the same document instead of making a second one." The document is reused
  // and the number kept, and `Tautan Surat` still links it (the row never moves on without its letter).
  test("redrafting after the document properties were lost (a copied file) reuses the linked document and number", () => {
    configureOffice(env);
    checkedRows(env, sheet, [eligible("A", 1)]);
    const link = draftThenRedraftWithoutProperties();
    expect(docs.documents.size).toBe(1);
    expect(cellOf(sheet, 2, "Tautan Surat")).toBe(link);
    expect(cellOf(sheet, 2, "Nomor Surat")).toBe("400.9.3.2/001/Dinsos/XI/2026");
  });

  // Same sentence, for pangkalpinang's second document (its link is the second line of `Tautan Surat`).
  test("pangkalpinang: redrafting after the document properties were lost makes no second SIKS-NG document", () => {
    officeWithRoles(env, "pangkalpinang-reaktivasi");
    const rows = checkedRows(env, sheet, [eligiblePkpRow("Siti", 1)]);
    toDraf(rows);
    const link = draftThenRedraftWithoutProperties();
    expect(docs.documents.size).toBe(2);
    expect(cellOf(sheet, 2, "Tautan Surat")).toBe(link);
  });

  // Spec 7: "a number is never issued twice". A copied spreadsheet has no document properties, so the
  // SIKS-NG letter's number must be in the sheet (second line of `Nomor Surat`) to be counted.
  test("pangkalpinang: after the document properties were lost, the SIKS-NG letter's number is not issued again", () => {
    officeWithRoles(env, "pangkalpinang-reaktivasi");
    const rows = checkedRows(env, sheet, [eligiblePkpRow("Siti", 1), eligiblePkpRow("Budi", 2, { "Status DTSEN/DTKS": "Tidak Terdaftar" })]);
    toDraf([rows[0]!]);
    draft();
    expect(docsOf(2)[1]!.allText()).toContain("400.9.3.2/002/Dinsos/XI/2026");
    env.properties.document.deleteAllProperties();
    toDraf([rows[1]!]);
    draft();
    expect(cellOf(sheet, 3, "Nomor Surat")).not.toBe("400.9.3.2/002/Dinsos/XI/2026");
  });

  test("template placeholders inside a table are replaced too", () => {
    const template = docs.addDocument("Templat", (doc) => {
      doc.body.appendTable([["Nama", "{{nama}}"], ["Nomor", "{{nomor_surat}}"]]);
    });
    configureOffice(env, { values: { templateId: template.id } });
    checkedRows(env, sheet, [eligible("Ani", 1)]);
    draft();
    const text = docsOf(2)[0]!.allText();
    expect(text).toContain("Ani");
    expect(text).toContain("400.9.3.2/001/Dinsos/XI/2026");
    expect(text).not.toContain("{{");
  });

  test("automatic mode: a number already typed in the sheet is never issued again to another row", () => {
    configureOffice(env);
    checkedRows(env, sheet, [eligible("A", 1, { "Nomor Surat": "400.9.3.2/001/Dinsos/XI/2026" }), eligible("B", 2)]);
    draft();
    const numbers = column(sheet, "Nomor Surat").filter(Boolean);
    expect(new Set(numbers).size).toBe(numbers.length);
  });

  test("pangkalpinang: an alias of Terdaftar (`Terdaftar DTKS`) also gets the Surat Keterangan SIKS-NG", () => {
    officeWithRoles(env, "pangkalpinang-reaktivasi");
    const rows = checkedRows(env, sheet, [eligiblePkpRow("Siti", 1, { "Status DTSEN/DTKS": "Terdaftar DTKS" })]);
    toDraf(rows);
    draft();
    expect(docsOf(2)).toHaveLength(2);
  });

  // minsel numbers at Penomoran dan Stempel, after signature: the signed Doc is not rewritten (the
  // number goes on the signed paper with the stamp), so the draft keeps "Nomor : …………".

  test("addressees come from settings: the BPJS branch for reactivation, the named facility for bantuan", () => {
    officeWithRoles(env, "pangkalpinang-bantuan-kesehatan");
    configureOffice(env, { profile: "pangkalpinang-bantuan-kesehatan", values: { healthAddressee: "Direktur RSUD Depati Hamzah" }, roles: ALL_ROLES_WITH_OP });
    const rows = checkedRows(env, sheet, [eligiblePkpRow("Siti", 1)]);
    toDraf(rows);
    draft();
    expect(docsOf(2)[0]!.allText()).toContain("Yth. Direktur RSUD Depati Hamzah");
  });

  test("purbalingga with only a Kepala Dinas listed: the Kepala Dinas signs", () => {
    officeWithRoles(env, "purbalingga");
    const settings = env.spreadsheet.getSheetByName("Pengaturan")!;
    const at = settings.getDataRange().getValues().findIndex((r) => r[0] === "Sekretaris Dinas Sosial") + 1;
    env.asUser("admin@dinsos.go.id", () => settings.deleteRow(at));
    const rows = checkedRows(env, sheet, [eligibleFor("purbalingga", "A", 1)]);
    draft();
    expect(rows).toHaveLength(1);
    expect(docsOf(2)[0]!.allText()).toMatch(/^KEPALA DINAS SOSIAL/m);
  });

  // Spec 7: "a number is never issued twice ... Offices that take numbers from another system can type them instead (manual mode)."
  test("manual mode: a number typed on two rows is not issued twice", () => {
    configureOffice(env, { values: { numberMode: "Manual" } });
    checkedRows(env, sheet, [eligible("A", 1, { "Nomor Surat": "470/12/DS/2026" }), eligible("B", 2, { "Nomor Surat": "470/12/DS/2026" })]);
    draft();
    const drafted = column(sheet, "Tahap").filter((t) => t === "Paraf Kabid");
    expect(drafted.length).toBeLessThanOrEqual(1);
  });
});

function eligiblePkpRow(name: string, serial: number, extra: Record<string, unknown> = {}) {
  return eligibleFor("pangkalpinang-reaktivasi", name, serial, extra);
}
const ALL_ROLES_WITH_OP: [string, string][] = [["admin@dinsos.go.id", "admin"], [OPERATOR, "operator"], [KABID, "kabid"], [SIGNER, "signer"], [BPJS, "bpjs"]];

// ---------------------------------------------------------------- Untuk BPJS (section 8)
const VIEW_HEADERS = ["ID Permohonan", "Nama", "NIK", "Nomor Kartu KIS", "Nomor Surat", "Tanggal Surat", "Tautan Surat", "Tautan Berkas", "Status BPJS", "Tanggal Aktif BPJS", "Catatan BPJS"];
const STATUS_COL = 9;

const view = () => env.spreadsheet.getSheetByName("Untuk BPJS")!;
const viewRows = () => view().getDataRange().getValues().slice(1);
const viewRowOf = (id: string) => view().getRange(1, 1, view().getLastRow(), 1).getValues().findIndex((r) => r[0] === id) + 1;
const rowOf = (id: string) => column(sheet, "ID Permohonan").indexOf(id) + 2;
const sync = (user = OPERATOR) => {
  env.setUser(user);
  return syncBpjs(env.spreadsheet, TODAY);
};

describe("Untuk BPJS", () => {
  beforeEach(() => officeWithRoles(env, "nasional-2026"));

  test("exactly the listed columns (NIK masked), nothing else", () => {
    writeRows(sheet, [handedOver("Ani", 1, { "Tautan Berkas": "https://drive.google.com/x" })]);
    sync();
    const values = view().getDataRange().getValues();
    expect(values[0]!.map((h) => String(h).replace(/\s*\(.*\)$/, ""))).toEqual(VIEW_HEADERS);
    expect(values[1]!.slice(0, 5)).toEqual(["PBI-2026-00001", "Ani", "3273********0001", "0001234567890", "400.9.3.2/1/Dinsos/XI/2026"]);
    expect(values[1]![7]).toBe("https://drive.google.com/x");
  });

  test("every request handed over, finished ones included, whatever the case of Tahap; not those before hand-over", () => {
    writeRows(sheet, [
      handedOver("Ani", 1, { Tahap: "Selesai", "Status BPJS": "Aktif Kembali" }),
      handedOver("Budi", 2, { Tahap: "selesai", "Status BPJS": "Ditolak" }),
      handedOver("Citra", 3, { Tahap: "diserahkan" }),
      handedOver("Dedi", 4, { Tahap: "Siap Diserahkan", "Diserahkan Pada": "" }),
      handedOver("Eka", 5, { Tahap: "Selesai", "Status BPJS": "Pindah Segmen" }),
    ]);
    sync();
    expect(viewRows().map((r) => r[0]).sort()).toEqual(["PBI-2026-00001", "PBI-2026-00002", "PBI-2026-00003", "PBI-2026-00005"]);
  });

  test("a request handed over through Serahkan, then finished by BPJS, stays in the view with its outcome", () => {
    const rows = checkedRows(env, sheet, [eligibleFor("nasional-2026", "Ani", 1)]);
    draftApproveAndHandOver(rows);
    expect(cellOf(sheet, 2, "Tahap")).toBe("Diserahkan");
    sync();
    const id = String(cellOf(sheet, 2, "ID Permohonan"));
    const r = viewRowOf(id);
    expect(r).toBeGreaterThan(1);
    const v = view().getRange(r, 1, 1, 11).getValues()[0]!;
    expect(v[4]).toBe(cellOf(sheet, 2, "Nomor Surat"));
    expect(v[6]).toBe(cellOf(sheet, 2, "Tautan Surat"));
    expect(String(v[5])).not.toBe("");
    env.setUser(BPJS);
    view().getRange(r, STATUS_COL, 1, 2).setValues([["Aktif Kembali", "24/11/2026"]]);
    sync();
    expect(cellOf(sheet, 2, "Tahap")).toBe("Selesai");
    sync();
    expect(viewRowOf(id)).toBeGreaterThan(1);
    expect(view().getRange(viewRowOf(id), STATUS_COL).getValue()).toBe("Aktif Kembali");
  });

  test("NIK typed with spaces is masked as 3273********0003", () => {
    writeRows(sheet, [handedOver("Citra", 3, { NIK: "3273 0141 0190 0003" })]);
    sync();
    expect(viewRows()[0]![2]).toBe("3273********0003");
  });

  // Spec 8: "masked (`3273********0001`) in lists and in the BPJS view"; spec 3: separators removed
  // before NIK checks are "spaces, hyphens and dots (`3174-0101-0109-0018`), and one leading apostrophe".
  test.each([["3273-0141-0190-0001"], ["3273.0141.0190.0001"], ["'3273014101900001"]])("NIK typed as %s is masked as 3273********0001", (typed) => {
    writeRows(sheet, [handedOver("Ani", 1, { NIK: typed })]);
    sync();
    expect(viewRows()[0]![2]).toBe("3273********0001");
  });

  // Same rule in the sidebar's lists (spec 8: "masked ... in lists").
  test("the sidebar's lists mask a NIK typed with hyphens as 3273********0001", () => {
    writeRows(sheet, [handedOver("Ani", 1, { NIK: "3273-0141-0190-0001", Tahap: "Siap Diserahkan", "Diserahkan Pada": "" })]);
    env.setUser(OPERATOR);
    const panel = JSON.stringify(sidebarApi.apiPanel());
    expect(panel).toContain("Ani");
    expect(panel).toContain("3273********0001");
  });

  test("the sidebar's lists mask a plain NIK", () => {
    writeRows(sheet, [handedOver("Ani", 1, { Tahap: "Siap Diserahkan", "Diserahkan Pada": "" })]);
    env.setUser(OPERATOR);
    const panel = JSON.stringify(sidebarApi.apiPanel());
    expect(panel).toContain("3273********0001");
    expect(panel).not.toContain(nik(1));
  });

  test("a NIK that looks like a formula is neither a formula nor shown whole in the view", () => {
    writeRows(sheet, [handedOver("Ani", 1, { NIK: "=3273014101900001" }), handedOver("Budi", 2, { NIK: "+3273014101900002" })]);
    sync();
    for (const id of ["PBI-2026-00001", "PBI-2026-00002"]) {
      const cell = view().getRange(viewRowOf(id), 3);
      expect(cell.getFormula()).toBe("");
      expect(String(cell.getValue())).not.toMatch(/\d{16}/);
    }
  });

  test.each(["=1+1", "+62 Budi", "-Budi", "@Budi", "-1", "+1", "=HYPERLINK(\"http://x\")"])("a name %s stays text, as typed, in the view", (name) => {
    writeRows(sheet, [handedOver(name, 1)]);
    sync();
    const cell = view().getRange(viewRowOf("PBI-2026-00001"), 2);
    expect(cell.getFormula()).toBe("");
    expect(cell.getValue()).toBe(name);
  });

  test("an onEdit outcome without the editor's e-mail is logged as `tidak diketahui`, with the editor's e-mail when known", () => {
    writeRows(sheet, [handedOver("Ani", 1), handedOver("Budi", 2)]);
    sync();
    env.setUser(""); // a simple trigger: no e-mail from the session either
    const r1 = view().getRange(viewRowOf("PBI-2026-00001"), STATUS_COL);
    r1.setValue("Ditolak");
    onEdit({ range: r1, source: env.spreadsheet } as unknown as GoogleAppsScript.Events.SheetsOnEdit);
    env.setUser(BPJS);
    const r2 = view().getRange(viewRowOf("PBI-2026-00002"), STATUS_COL);
    r2.setValue("Ditolak");
    onEdit({ range: r2, source: env.spreadsheet, user: { getEmail: () => BPJS } } as unknown as GoogleAppsScript.Events.SheetsOnEdit);
    const log = logRows();
    expect(log.map((l) => [l[1], l[2], l[5]])).toEqual([["tidak diketahui", "PBI-2026-00001", "Selesai"], [BPJS, "PBI-2026-00002", "Selesai"]]);
    expect(JSON.stringify(log)).not.toContain(nik(1));
    expect(JSON.stringify(log)).not.toContain("Penyakit Kronis");
  });

  test("two request sheets: the view holds the handed-over requests of both; outcomes go back to the right sheet by ID", () => {
    const settings = env.spreadsheet.getSheetByName("Pengaturan")!;
    const at = settings.getDataRange().getValues().findIndex((r) => r[0] === "Permohonan") + 1;
    env.asUser("admin@dinsos.go.id", () => {
      settings.insertRowAfter(at);
      settings.getRange(at + 1, 1, 1, 2).setValues([["Permohonan 2", "nasional-2026"]]);
    });
    const second = env.spreadsheet.insertSheet("Permohonan 2");
    const width = sheet.getLastColumn();
    if (second.getMaxColumns() < width) second.insertColumnsAfter(second.getMaxColumns(), width - second.getMaxColumns());
    second.getRange(1, 1, 1, width).setValues(sheet.getRange(1, 1, 1, width).getValues());
    second.getRange(1, 1, 50, width).setNumberFormat("@");
    writeRows(sheet, [handedOver("Ani", 1)]);
    writeRows(second, [handedOver("Budi", 2)]);
    sync();
    expect(viewRows().map((r) => r[0]).sort()).toEqual(["PBI-2026-00001", "PBI-2026-00002"]);
    env.setUser(BPJS);
    view().getRange(viewRowOf("PBI-2026-00002"), STATUS_COL).setValue("Ditolak");
    sync();
    const secondTahap = second.getRange(2, headerIndex(sheet).get("Tahap")! + 1).getValue();
    expect(secondTahap).toBe("Selesai");
    expect(cellOf(sheet, 2, "Tahap")).toBe("Diserahkan");
  });

  test("a pasted block of two outcomes is brought back for both rows; a later note-only edit flows back too", () => {
    writeRows(sheet, [handedOver("Ani", 1), handedOver("Budi", 2)]);
    sync();
    env.setUser(BPJS);
    const block = view().getRange(2, STATUS_COL, 2, 3);
    block.setValues([["Ditolak", "", "a"], ["Pindah Segmen", "", "b"]]);
    onEdit({ range: block, source: env.spreadsheet, user: { getEmail: () => BPJS } } as unknown as GoogleAppsScript.Events.SheetsOnEdit);
    expect([cellOf(sheet, 2, "Tahap"), cellOf(sheet, 3, "Tahap")]).toEqual(["Selesai", "Selesai"]);
    const note = view().getRange(viewRowOf("PBI-2026-00001"), 11);
    note.setValue("sudah dikonfirmasi ulang");
    onEdit({ range: note, source: env.spreadsheet, user: { getEmail: () => BPJS } } as unknown as GoogleAppsScript.Events.SheetsOnEdit);
    expect(cellOf(sheet, rowOf("PBI-2026-00001"), "Catatan BPJS")).toBe("sudah dikonfirmasi ulang");
  });

  test("a Tanggal Aktif BPJS entered as a date cell (midnight Jakarta) comes back as that calendar date", () => {
    writeRows(sheet, [handedOver("Ani", 1)]);
    sync();
    env.setUser(BPJS);
    view().getRange(2, STATUS_COL, 1, 2).setValues([["Aktif Kembali", new Date("2026-11-22T17:00:00Z")]]); // 23/11/2026 WIB
    sync();
    expect(String(cellOf(sheet, 2, "Tanggal Aktif BPJS"))).toBe("2026-11-23");
    expect(cellOf(sheet, 2, "Tahap")).toBe("Selesai");
  });

  test("a corrected outcome on a finished request flows back", () => {
    writeRows(sheet, [handedOver("Ani", 1)]);
    sync();
    env.setUser(BPJS);
    view().getRange(2, STATUS_COL).setValue("Ditolak");
    sync();
    env.setUser(BPJS);
    view().getRange(2, STATUS_COL, 1, 2).setValues([["Aktif Kembali", "24/11/2026"]]);
    sync();
    expect(cellOf(sheet, 2, "Status BPJS")).toBe("Aktif Kembali");
    expect(cellOf(sheet, 2, "Tahap")).toBe("Selesai");
  });

  // Spec 8: "BPJS staff write the outcome there and it flows back to `Permohonan` by ID". A rejected entry is
  // reported to whoever synced, and the rebuilt view keeps what BPJS typed, to be corrected.
  test("an outcome the sync cannot take (bad date) stays in the view for BPJS to correct", () => {
    writeRows(sheet, [handedOver("Ani", 1)]);
    sync();
    env.setUser(BPJS);
    view().getRange(2, STATUS_COL, 1, 3).setValues([["Aktif Kembali", "31/02/2026", "cek"]]);
    const message = sync();
    expect(message).toContain("PBI-2026-00001");
    expect(view().getRange(2, STATUS_COL, 1, 3).getValues()[0]).toEqual(["Aktif Kembali", "31/02/2026", "cek"]);
  });

  test("only the three BPJS columns are open to BPJS staff, also on rows added by a later sync", () => {
    writeRows(sheet, [handedOver("Ani", 1)]);
    sync();
    writeRows(sheet, Array.from({ length: 30 }, (_, i) => handedOver(`P${i}`, i + 2)), 3);
    sync();
    const last = view().getLastRow();
    expect(last).toBe(32);
    env.setUser(BPJS);
    view().getRange(last, STATUS_COL, 1, 3).setValues([["Diproses", "", "x"]]);
    for (const col of [1, 2, 3, 4, 5, 6, 7, 8]) expect(() => view().getRange(last, col).setValue("y")).toThrow(/protected/);
  });

  test("sync messages and the Log hold no NIK, KK or health need, even for a row with an unknown status", () => {
    writeRows(sheet, [handedOver("Ani", 1), handedOver("Budi", 2)]);
    sync();
    env.setUser(BPJS);
    view().getRange(viewRowOf("PBI-2026-00001"), STATUS_COL, 1, 3).setValues([["Sudah", "", ""]]);
    view().getRange(viewRowOf("PBI-2026-00002"), STATUS_COL, 1, 3).setValues([["Aktif Kembali", "99/99/2026", ""]]);
    let message = "";
    try {
      message = sync();
    } catch (e) {
      message = String(e);
    }
    const all = JSON.stringify([message, logRows(), env.toasts, env.ui.alerts]);
    for (const secret of [nik(1), nik(2), KK, "Penyakit Kronis"]) expect(all).not.toContain(secret);
  });
});

// ---------------------------------------------------------------- Rekap (section 8)
const rekap = () => env.spreadsheet.getSheetByName("Rekap")!.getDataRange().getValues();
const line = (label: string | RegExp) => rekap().find((r) => (typeof label === "string" ? r[0] === label : label.test(String(r[0]))));
const deadlineIds = () => {
  const rows = rekap();
  const start = rows.findIndex((r) => String(r[0]).startsWith("Batas reaktivasi dalam 14 hari"));
  const out: string[] = [];
  for (let i = start + 2; i < rows.length && rows[i]![0] !== ""; i++) out.push(String(rows[i]![0]));
  return out;
};
/** A request handed over `minutes` after its file was complete (20/11/2026 09:00). */
function timed(serial: number, minutes: number, extra: Record<string, unknown> = {}) {
  const end = new Date(Date.UTC(2026, 10, 20, 2, minutes)); // 09:00 WIB + minutes
  const wib = new Date(end.getTime() + 7 * 3600_000);
  const p = (n: number) => String(n).padStart(2, "0");
  const text = `${p(wib.getUTCDate())}/${p(wib.getUTCMonth() + 1)}/${wib.getUTCFullYear()} ${p(wib.getUTCHours())}:${p(wib.getUTCMinutes())}`;
  return eligible(`P${serial}`, serial, { "ID Permohonan": `PBI-2026-${String(serial).padStart(5, "0")}`, Tahap: "Diserahkan", "Berkas Lengkap Pada": "20/11/2026 09:00", "Diserahkan Pada": text, ...extra });
}

describe("Rekap", () => {
  beforeEach(() => officeWithRoles(env, "nasional-2026"));

  test("Batas Reaktivasi window: today and day 14 in, day 15 and past out; only open requests", () => {
    // nasional: SK + 6 months, inclusive. Today 24/11/2026.
    writeRows(sheet, [
      eligible("Hari Ini", 1, { "ID Permohonan": "PBI-2026-00001", "Tanggal SK Penonaktifan": "24/05/2026" }), // deadline 24/11 (day 0)
      eligible("Empat Belas", 2, { "ID Permohonan": "PBI-2026-00002", "Tanggal SK Penonaktifan": "08/06/2026" }), // 08/12 (day 14)
      eligible("Lima Belas", 3, { "ID Permohonan": "PBI-2026-00003", "Tanggal SK Penonaktifan": "09/06/2026" }), // 09/12 (day 15)
      eligible("Selesai", 4, { "ID Permohonan": "PBI-2026-00004", "Tanggal SK Penonaktifan": "01/06/2026", Tahap: "Selesai" }),
      eligible("Ditolak", 5, { "ID Permohonan": "PBI-2026-00005", "Tanggal SK Penonaktifan": "01/06/2026", Tahap: "ditolak" }),
      eligible("Dikembalikan", 6, { "ID Permohonan": "PBI-2026-00006", "Tanggal SK Penonaktifan": "01/06/2026", Tahap: "Dikembalikan" }),
      eligible("Diserahkan", 7, { "ID Permohonan": "PBI-2026-00007", "Tanggal SK Penonaktifan": "01/06/2026", Tahap: "Diserahkan" }),
    ]);
    refreshRekap(env.spreadsheet, TODAY);
    expect(deadlineIds().sort()).toEqual(["PBI-2026-00001", "PBI-2026-00002", "PBI-2026-00007"]);
    const rows = rekap();
    // ISO text (the same day in every locale), shown as dd/mm/yyyy by the cell's format.
    expect(rows.find((r) => r[0] === "PBI-2026-00001")!.slice(2, 4)).toEqual(["2026-11-24", 0]);
    expect(rows.find((r) => r[0] === "PBI-2026-00002")!.slice(2, 4)).toEqual(["2026-12-08", 14]);
  });

  test("the window with date cells (midnight Jakarta): day 14 in, day 15 out", () => {
    writeRows(sheet, [
      eligible("Empat Belas", 2, { "ID Permohonan": "PBI-2026-00002", "Tanggal SK Penonaktifan": new Date("2026-06-07T17:00:00Z") }), // 08/06 WIB
      eligible("Lima Belas", 3, { "ID Permohonan": "PBI-2026-00003", "Tanggal SK Penonaktifan": new Date("2026-06-08T17:00:00Z") }), // 09/06 WIB
    ]);
    refreshRekap(env.spreadsheet, TODAY);
    expect(deadlineIds()).toEqual(["PBI-2026-00002"]);
  });

  test("the window counts Jakarta calendar days: late evening WIB is still the same day", () => {
    writeRows(sheet, [
      eligible("Empat Belas", 2, { "ID Permohonan": "PBI-2026-00002", "Tanggal SK Penonaktifan": "08/06/2026" }),
      eligible("Lima Belas", 3, { "ID Permohonan": "PBI-2026-00003", "Tanggal SK Penonaktifan": "09/06/2026" }),
    ]);
    refreshRekap(env.spreadsheet, new Date("2026-11-24T16:30:00Z")); // 23:30 WIB on 24/11
    expect(deadlineIds()).toEqual(["PBI-2026-00002"]);
    refreshRekap(env.spreadsheet, new Date("2026-11-24T17:30:00Z")); // 00:30 WIB on 25/11
    expect(deadlineIds().sort()).toEqual(["PBI-2026-00002", "PBI-2026-00003"]);
  });

  test("the SLA exactly met counts as within; one sample: median and 90th percentile are that sample", () => {
    writeRows(sheet, [timed(1, 45)]);
    refreshRekap(env.spreadsheet, TODAY);
    expect(line("Dalam SLA")?.[1]).toBe("1 dari 1 (100%)");
    expect(line("Median (menit)")?.[1]).toBe(45);
    expect(line(/^Persentil ke-90/)?.[1]).toBe(45);
  });

  test("46 minutes is outside a 45-minute SLA", () => {
    writeRows(sheet, [timed(1, 46), timed(2, 45)]);
    refreshRekap(env.spreadsheet, TODAY);
    expect(line("Dalam SLA")?.[1]).toBe("1 dari 2 (50%)");
  });

  test("small samples: median of an odd count, 90th percentile within the sample's range", () => {
    writeRows(sheet, [timed(1, 10), timed(2, 20), timed(3, 30), timed(4, 40), timed(5, 50)]);
    refreshRekap(env.spreadsheet, TODAY);
    expect(line("Median (menit)")?.[1]).toBe(30);
    const p90 = line(/^Persentil ke-90/)?.[1] as number;
    expect(p90).toBeGreaterThanOrEqual(40);
    expect(p90).toBeLessThanOrEqual(50);
    expect(line("Diukur")?.[1]).toBe(5);
  });

  test("a request handed over then finished is measured; one not yet handed over is not", () => {
    writeRows(sheet, [
      timed(1, 20, { Tahap: "Selesai", "Status BPJS": "Aktif Kembali" }),
      timed(2, 60),
      eligible("Belum", 3, { "ID Permohonan": "PBI-2026-00003", Tahap: "Siap Diserahkan", "Berkas Lengkap Pada": "20/11/2026 09:00" }),
    ]);
    refreshRekap(env.spreadsheet, TODAY);
    expect(line("Diukur")?.[1]).toBe(2);
    expect(line("Dalam SLA")?.[1]).toBe("1 dari 2 (50%)");
    expect(line("Median (menit)")?.[1]).toBe(40);
  });

  test("purbalingga: same-day share counts Jakarta calendar days (23:50 → 00:10 is not the same day)", () => {
    officeWithRoles(env, "purbalingga");
    writeRows(sheet, [
      eligible("A", 1, { "ID Permohonan": "PBI-2026-00001", Tahap: "Diserahkan", "Berkas Lengkap Pada": "20/11/2026 23:50", "Diserahkan Pada": "21/11/2026 00:10" }),
      eligible("B", 2, { "ID Permohonan": "PBI-2026-00002", Tahap: "Selesai", "Berkas Lengkap Pada": "20/11/2026 08:00", "Diserahkan Pada": "20/11/2026 15:00" }),
    ]);
    refreshRekap(env.spreadsheet, TODAY);
    expect(line("SLA (menit)")?.[1]).toBe(30);
    expect(line("Dalam SLA")?.[1]).toBe("1 dari 2 (50%)");
    expect(line("Diserahkan di hari berkas lengkap")?.[1]).toBe("1 dari 2 (50%)");
  });

  test("counts by stage, decision and reason; values, not formulas; no NIK, KK or health need", () => {
    writeRows(sheet, [
      eligible("=1+1", 1, { "ID Permohonan": "PBI-2026-00001", Tahap: "Draf", "Tanggal SK Penonaktifan": "25/05/2026" }),
      eligible("B", 2, { "ID Permohonan": "PBI-2026-00002", "Status DTSEN/DTKS": "Tidak Terdaftar", "Dok. KK": false }),
      eligible("C", 3, { "ID Permohonan": "PBI-2026-00003", "Status DTSEN/DTKS": "Belum Dicek", "Kebutuhan Layanan Kesehatan": "Penyakit Kronis", "Tanggal SK Penonaktifan": "24/05/2026" }),
      eligible("D", 4, { "ID Permohonan": "PBI-2026-00004", Desil: "", "Dok. KTP": false }),
      eligible("E", 5, { "ID Permohonan": "PBI-2026-00005", NIK: "123" }),
    ]);
    refreshRekap(env.spreadsheet, TODAY);
    expect(line("Jumlah permohonan")?.[1]).toBe(5);
    expect(line("Layak")?.[1]).toBe(1);
    expect(line("Tidak Layak")?.[1]).toBe(1);
    expect(line("Berkas Belum Lengkap")?.[1]).toBe(1);
    expect(line("Perlu Verifikasi")?.[1]).toBe(1);
    expect(line("Data Tidak Valid")?.[1]).toBe(1);
    expect(line("Tidak terdaftar DTSEN/DTKS")?.[1]).toBe(1);
    expect(line("Berkas belum lengkap")?.[1]).toBe(1); // B is NOT_ELIGIBLE: only its first-six reasons count
    expect(line("Draf")?.[1]).toBe(1);
    expect(rekap().find((r) => r[0] === "PBI-2026-00001")?.[1]).toBe("=1+1");
    const sheetRekap = env.spreadsheet.getSheetByName("Rekap")!;
    expect(sheetRekap.getDataRange().getFormulas().flat().every((f) => f === "")).toBe(true);
    const text = JSON.stringify(rekap());
    for (const secret of [nik(1), nik(3), KK, "Penyakit Kronis"]) expect(text).not.toContain(secret);
  });
});

describe("Rekap across sheets", () => {
  /** The office's `Permohonan` under `profile`, plus a second request sheet `name` under `other`. */
  function twoSheets(profile: string, name: string, other: string): GoogleAppsScript.Spreadsheet.Sheet {
    configureOffice(env, { profile });
    const settings = env.spreadsheet.getSheetByName("Pengaturan")!;
    const at = settings.getDataRange().getValues().findIndex((r) => r[0] === "Permohonan") + 1;
    env.asUser("admin@dinsos.go.id", () => {
      settings.insertRowAfter(at);
      settings.getRange(at + 1, 1, 1, 2).setValues([[name, other]]);
    });
    const second = env.spreadsheet.insertSheet(name);
    const width = sheet.getLastColumn();
    if (second.getMaxColumns() < width) second.insertColumnsAfter(second.getMaxColumns(), width - second.getMaxColumns());
    second.getRange(1, 1, 1, width).setValues(sheet.getRange(1, 1, 1, width).getValues());
    second.getRange(1, 1, 50, width).setNumberFormat("@");
    return second;
  }

  test("each sheet's profile SLA applies: 30 minutes is within nasional (45) and outside minsel (10)", () => {
    const second = twoSheets("nasional-2026", "Minsel", "minsel");
    writeRows(sheet, [timed(1, 30)]);
    writeRows(second, [timed(2, 30)]);
    refreshRekap(env.spreadsheet, TODAY);
    expect(line("Diukur")?.[1]).toBe(2);
    expect(line("Dalam SLA")?.[1]).toBe("1 dari 2 (50%)");
  });

  test("same-day share counts only the sheets whose profile asks for it (purbalingga), not a nasional sheet", () => {
    const second = twoSheets("purbalingga", "Nasional", "nasional-2026");
    writeRows(sheet, [timed(1, 20)]); // purbalingga, same day
    writeRows(second, [eligible("N", 2, { "ID Permohonan": "PBI-2026-00002", Tahap: "Diserahkan", "Berkas Lengkap Pada": "20/11/2026 23:50", "Diserahkan Pada": "21/11/2026 00:10" })]);
    refreshRekap(env.spreadsheet, TODAY);
    expect(line("Diukur")?.[1]).toBe(2);
    expect(line("Diserahkan di hari berkas lengkap")?.[1]).toBe("1 dari 1 (100%)");
  });

  test("90th percentile by nearest rank on ten samples (10..100 minutes) is 90", () => {
    configureOffice(env);
    writeRows(sheet, Array.from({ length: 10 }, (_, i) => timed(i + 1, (i + 1) * 10)));
    refreshRekap(env.spreadsheet, TODAY);
    expect(line(/^Persentil ke-90/)?.[1]).toBe(90);
    expect(line("Median (menit)")?.[1]).toBe(55);
  });
});

describe("Rekap after the real workflow", () => {
  test("date-time cells (not text) and the Diserahkan Pada that Serahkan writes are measured in minutes", () => {
    officeWithRoles(env, "nasional-2026");
    const rows = checkedRows(env, sheet, [
      eligibleFor("nasional-2026", "Ani", 1, { "Berkas Lengkap Pada": new Date("2026-11-24T02:30:00Z") }), // 09:30 WIB
    ]);
    draftApproveAndHandOver(rows); // 10:00 WIB
    writeRows(sheet, [eligible("Budi", 2, {
      "ID Permohonan": "PBI-2026-00099", Tahap: "Selesai",
      "Berkas Lengkap Pada": new Date("2026-11-20T02:00:00Z"), "Diserahkan Pada": new Date("2026-11-20T02:45:00Z"),
    })], 3);
    refreshRekap(env.spreadsheet, TODAY);
    expect(line("Diukur")?.[1]).toBe(2);
    expect(line("Dalam SLA")?.[1]).toBe("2 dari 2 (100%)");
    expect(line("Median (menit)")?.[1]).toBe(37.5);
  });
});

// ---------------------------------------------------------------- pbijk export / rekap (sections 8)
describe("pbijk export", () => {
  const H = ["ID Permohonan", "Nama", "NIK", "Nomor KK", "Tanggal Permohonan", "Tanggal SK Penonaktifan", "Tahap", "Diserahkan Pada", "Nomor Kartu KIS", "Nomor Surat", "Status BPJS", "Catatan BPJS", "Tautan Berkas", "Kebutuhan Layanan Kesehatan"];
  const A = serial(2026, 11, 2);
  const SK = serial(2026, 10, 15);
  const row = (id: string, name: string, nikValue: string, extra: Partial<Record<string, Value>> = {}): Value[] => {
    const base: Record<string, Value> = {
      "ID Permohonan": id, Nama: name, NIK: nikValue, "Nomor KK": KK, "Tanggal Permohonan": A, "Tanggal SK Penonaktifan": SK, Tahap: "Diserahkan",
      "Diserahkan Pada": "", "Nomor Kartu KIS": "", "Nomor Surat": "", "Status BPJS": "", "Catatan BPJS": "", "Tautan Berkas": "", "Kebutuhan Layanan Kesehatan": "Penyakit Kronis",
    };
    return H.map((h) => (extra[h] ?? base[h]) as Value);
  };
  let stub: Stub | undefined;
  afterEach(async () => {
    await stub?.close();
    stub = undefined;
  });
  const csvOf = async (rows: Value[][]) => {
    stub = await startStub({ S1: { title: "Kota A", sheets: { Permohonan: { values: [H, ...rows] } } } });
    const r = await liveCli(stub, ["export", "--spreadsheet", "S1", "--to", "bpjs.csv"]);
    expect(r.code).toBe(0);
    return new TextDecoder().decode(r.files["bpjs.csv"]).replace(/^\uFEFF/, "").trim().split("\r\n");
  };
  const cells = (line: string) => {
    const out: string[] = [];
    const re = /("(?:[^"]|"")*"|[^,]*)(,|$)/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(line)) && m[0] !== "") {
      out.push(m[1]!.startsWith('"') ? m[1]!.slice(1, -1).replace(/""/g, '"') : m[1]!);
      if (m[2] === "") break;
    }
    return out;
  };

  test("exactly the listed columns; finished requests handed over are included", async () => {
    const lines = await csvOf([
      row("PBI-2026-00001", "Ani", nik(1), { Tahap: "Selesai", "Status BPJS": "Aktif Kembali", "Diserahkan Pada": "21/11/2026 10:00" }),
      row("PBI-2026-00002", "Budi", nik(2)),
      row("PBI-2026-00003", "Citra", nik(3), { Tahap: "Siap Diserahkan" }),
    ]);
    expect(cells(lines[0]!).map((h) => h.replace(/\s*\(.*\)$/, ""))).toEqual(VIEW_HEADERS);
    expect(lines.slice(1).map((l) => cells(l)[0]).sort()).toEqual(["PBI-2026-00001", "PBI-2026-00002"]);
  });

  test.each(["=1+1", "+62 Budi", "-Budi", "@SUM(A1)", "-1"])("a name %s is guarded against formula injection", async (name) => {
    const lines = await csvOf([row("PBI-2026-00001", name, nik(1))]);
    const c = cells(lines[1]!);
    expect(c[1]).toBe(`'${name}`);
  });

  test("other cells starting with = + - @ are guarded too (Nomor Surat, Catatan BPJS, Tautan Berkas)", async () => {
    const lines = await csvOf([row("PBI-2026-00001", "Ani", nik(1), { "Nomor Surat": "-12/Dinsos", "Catatan BPJS": "@SUM(A1)", "Tautan Berkas": "=HYPERLINK(\"x\")", "Status BPJS": "Diproses" })]);
    const c = cells(lines[1]!);
    expect(c[4]).toBe("'-12/Dinsos");
    expect(c[7]).toBe("'=HYPERLINK(\"x\")");
    expect(c[10]).toBe("'@SUM(A1)");
  });

  test("a NIK that looks like a formula is neither a formula nor shown whole", async () => {
    const lines = await csvOf([row("PBI-2026-00001", "Ani", "=3273014101900001"), row("PBI-2026-00002", "Budi", "+3273014101900002")]);
    for (const l of lines.slice(1)) {
      const c = cells(l)[2]!;
      expect(c).not.toMatch(/^[=+\-@]/);
      expect(c).not.toMatch(/\d{16}/);
    }
  });

  // Spec 8: "masked (`3273********0001`) in lists and in the BPJS view"; spec 3 removes hyphens, dots and one leading apostrophe.
  test("a NIK typed with hyphens is masked as 3273********0001", async () => {
    const lines = await csvOf([row("PBI-2026-00001", "Ani", "3273-0141-0190-0001")]);
    expect(cells(lines[1]!)[2]).toBe("3273********0001");
  });

  test("the Excel export is guarded too: no formula cells, names starting with = + - @ kept as guarded text", async () => {
    stub = await startStub({ S1: { title: "Kota A", sheets: { Permohonan: { values: [H, row("PBI-2026-00001", "=1+1", nik(1)), row("PBI-2026-00002", "@SUM(A1)", nik(2))] } } } });
    const r = await liveCli(stub, ["export", "--spreadsheet", "S1", "--to", "bpjs.xlsx"]);
    expect(r.code).toBe(0);
    const ExcelJS = require("exceljs") as typeof import("exceljs");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(r.files["bpjs.xlsx"]!) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const names: unknown[] = [];
    ws.eachRow((rowCells, n) => {
      rowCells.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula));
      if (n > 1) names.push(rowCells.getCell(2).value);
    });
    for (const n of names) expect(String(n)).not.toMatch(/^[=+\-@]/);
  });

  test("--full: a NIK cell that looks like a formula is guarded", async () => {
    stub = await startStub({ S1: { title: "Kota A", sheets: { Permohonan: { values: [H, row("PBI-2026-00001", "Ani", "=1+1"), row("PBI-2026-00002", "Budi", "-3273014101900002")] } } } });
    const r = await liveCli(stub, ["export", "--spreadsheet", "S1", "--to", "bpjs.csv", "--full"]);
    expect(r.code).toBe(0);
    const lines = new TextDecoder().decode(r.files["bpjs.csv"]).replace(/^\uFEFF/, "").trim().split("\r\n");
    for (const l of lines.slice(1)) expect(cells(l)[2]).not.toMatch(/^[=+\-@]/);
  });

  test("rekap --csv: a name starting with = + - @ in the deadline list is guarded", async () => {
    const RH = ["ID Permohonan", "Nama", "NIK", "Nomor KK", "Tanggal Permohonan", "Tanggal SK Penonaktifan", "Tahap", "Status DTSEN/DTKS", "Desil", "Dok. KTP", "Dok. KK", "Dok. Ket. Faskes"];
    const rr = (id: string, name: string, n: string) => [id, name, n, KK, "20/11/2026", "24/05/2026", "Draf", "Terdaftar", "2", true, true, true];
    stub = await startStub({ S1: { title: "Kota A", sheets: { Permohonan: { values: [RH, rr("PBI-2026-00001", "=1+1", nik(1)), rr("PBI-2026-00002", "@SUM(A1)", nik(2)), rr("PBI-2026-00003", "+62", nik(3)), rr("PBI-2026-00004", "-Budi", nik(4))] } } } });
    const r = await liveCli(stub, ["rekap", "--spreadsheets", "S1", "--today", "2026-11-24", "--csv", "rekap.csv"]);
    expect(r.code).toBe(0);
    const lines = new TextDecoder().decode(r.files["rekap.csv"]).replace(/^\uFEFF/, "").split("\r\n");
    const listed = lines.filter((l) => l.startsWith("PBI-2026-0000"));
    expect(listed).toHaveLength(4);
    for (const l of listed) expect(cells(l)[1]).toMatch(/^'/);
    const text = lines.join("\n");
    for (let i = 1; i <= 4; i++) expect(text).not.toContain(nik(i));
  });

  test("rekap --json: deadlines today and day 14 in, day 15 and finished out; SLA exactly met is within", async () => {
    const RH = ["ID Permohonan", "Nama", "NIK", "Nomor KK", "Tanggal Permohonan", "Tanggal SK Penonaktifan", "Tahap", "Berkas Lengkap Pada", "Diserahkan Pada", "Status DTSEN/DTKS", "Desil", "Dok. KTP", "Dok. KK", "Dok. Ket. Faskes"];
    const rr = (id: string, sk: string, tahap: string, from = "", to = "") => [id, "X", nik(Number(id.slice(-2))), KK, "20/11/2026", sk, tahap, from, to, "Terdaftar", "2", true, true, true];
    stub = await startStub({ S1: { title: "Kota A", sheets: { Permohonan: { values: [RH,
      rr("PBI-2026-00001", "24/05/2026", "Draf"),
      rr("PBI-2026-00002", "08/06/2026", "Diserahkan", "20/11/2026 09:00", "20/11/2026 09:45"),
      rr("PBI-2026-00003", "09/06/2026", "Draf"),
      rr("PBI-2026-00004", "01/06/2026", "Selesai", "20/11/2026 09:00", "20/11/2026 09:46"),
    ] } } } });
    const r = await liveCli(stub, ["rekap", "--spreadsheets", "S1", "--today", "2026-11-24", "--json"]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { rekap: { deadlines: { id: string; daysLeft: number }[]; serviceTime: { measured: number; withinSla: number; medianMinutes: number } } };
    expect(out.rekap.deadlines.map((d) => [d.id, d.daysLeft])).toEqual([["PBI-2026-00001", 0], ["PBI-2026-00002", 14]]);
    expect(out.rekap.serviceTime).toMatchObject({ measured: 2, withinSla: 1, medianMinutes: 45.5 });
  });

  test("no KK or health need in the export", async () => {
    const lines = await csvOf([row("PBI-2026-00001", "Ani", nik(1))]);
    const text = lines.join("\n");
    expect(text).not.toContain(KK);
    expect(text).not.toContain("Penyakit Kronis");
    expect(text).not.toContain(nik(1));
  });
});
