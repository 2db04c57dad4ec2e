/** Buat Draf Surat on the typed fakes: refusals, log lines, numbers, Docs, failures and resuming. */
import { issueNumbers } from "../../src/gas/letterNumbers";
import { NO_EMAIL } from "../../src/gas/access";
import { draftLetters } from "../../src/gas/letters";
import { menuDraftLetters } from "../../src/gas/main";
import { UNNUMBERED } from "../../src/domain/letter";
import type { FakeEnv } from "../fakes";
import { QUOTA_MESSAGE, SharedLockService } from "../fakes/document";
import { checkAll } from "../../src/gas/app";
import { cellOf, column, eligible, nik, TODAY, closeOffice, type Office, openOffice, writeRows } from "./helpers";
import { checkedRows, configureOffice, eligiblePkp, KABID, OPERATOR, OPERATOR2 } from "./letterHelpers";

let env: FakeEnv;
let sheet: GoogleAppsScript.Spreadsheet.Sheet;
let docs: Office["docs"];
beforeEach(() => ({ env, sheet, docs } = openOffice()));
afterEach(() => closeOffice({ env, docs }));

const log = () => env.spreadsheet.getSheetByName("Log")!.getDataRange().getValues().slice(1);
const docOf = (row: number) => {
  const id = /\/d\/([\w-]+)/.exec(String(cellOf(sheet, row, "Tautan Surat")))?.[1];
  return docs.documents.get(id ?? "")!;
};
const draft = (options: Parameters<typeof draftLetters>[1] = {}) => draftLetters(env.spreadsheet, { now: TODAY, ...options });

function office(opts: Parameters<typeof configureOffice>[1] = {}) {
  configureOffice(env, opts);
}

describe("drafting eligible rows", () => {
  beforeEach(() => office());

  test("writes number, date, link and the next stage; one Log line per row without NIK or KK", () => {
    const rows = checkedRows(env, sheet, [eligible("Siti Aminah", 1), eligible("Budi", 2)]);
    expect(rows.map((r) => cellOf(sheet, r, "Tahap"))).toEqual(["Draf", "Draf"]);
    env.setUser(OPERATOR);
    const message = draft();
    expect(message).toContain("2 draf surat dibuat");
    expect(column(sheet, "Nomor Surat")).toEqual(["400.9.3.2/001/Dinsos/XI/2026", "400.9.3.2/002/Dinsos/XI/2026"]);
    expect(column(sheet, "Tanggal Surat").map(String)).toEqual(["2026-11-24", "2026-11-24"]);
    expect(column(sheet, "Tahap")).toEqual(["Paraf Kabid", "Paraf Kabid"]);
    const ids = column(sheet, "ID Permohonan");
    expect(log()).toEqual([
      ["2026-11-24 10:00", OPERATOR, ids[0], "Buat Draf Surat", "Draf", "Paraf Kabid", "Nomor 400.9.3.2/001/Dinsos/XI/2026"],
      ["2026-11-24 10:00", OPERATOR, ids[1], "Buat Draf Surat", "Draf", "Paraf Kabid", "Nomor 400.9.3.2/002/Dinsos/XI/2026"],
    ]);
    expect(JSON.stringify(log())).not.toContain(nik(1));
    expect(JSON.stringify(log())).not.toContain("3273010101100001");
    const text = docOf(2).allText();
    for (const part of ["PEMERINTAH KOTA PANGKALPINANG", "Siti Aminah", nik(1), "3273010101100001", "400.9.3.2/001/Dinsos/XI/2026",
      "Pangkalpinang, 24 November 2026", "Surat Keterangan Pengaktifan Kembali PBI-JK".replace(/^Surat /, ""), "NIP. 19651220 198603 1 009",
      "Layanan ini tidak dipungut biaya."]) {
      expect(text).toContain(part);
    }
    expect(docs.documents.size).toBe(2);
  });

  test("sheet I/O stays fixed whatever the number of rows; Docs calls per letter are bounded", () => {
    checkedRows(env, sheet, Array.from({ length: 12 }, (_, i) => eligible(`Pemohon ${i}`, i + 1)));
    env.setUser(OPERATOR);
    docs.resetCalls();
    draft();
    // Two reads, one write per block of adjacent columns (Nomor/Tanggal/Tautan Surat; Tahap), one Log write.
    expect(env.ioCalls("Permohonan")).toBeLessThanOrEqual(4);
    expect(env.ioCalls("Log")).toBeLessThanOrEqual(2);
    const perLetter = docs.calls.length / 12;
    expect(perLetter).toBeLessThan(130);
    console.info(`Docs calls per built-in letter: ${perLetter}`);
  });

  test("refusals: rows not ELIGIBLE, not in Draf/Perbaikan, or without an ID are listed and left unchanged", () => {
    checkedRows(env, sheet, [eligible("Siti", 1), eligible("Budi", 2, { "Dok. KTP": false }), eligible("Ani", 3)]);
    sheet.getRange(4, sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0]!.indexOf("Tahap") + 1).setValue("Paraf Kabid");
    env.setUser(OPERATOR);
    const before = [column(sheet, "Tahap"), column(sheet, "Nomor Surat")];
    const message = draft();
    expect(message).toContain("1 draf surat dibuat");
    expect(message).toMatch(/Baris 3 \(PBI-2026-00002\): Buat Draf Surat hanya untuk permohonan di tahap "Draf" atau "Perbaikan"; tahap sekarang "Diperiksa"/);
    expect(message).toMatch(/Baris 4 \(PBI-2026-00003\): .*"Paraf Kabid"/);
    expect(column(sheet, "Tahap")).toEqual(["Paraf Kabid", before[0]![1], "Paraf Kabid"]);
    expect(column(sheet, "Nomor Surat").slice(1)).toEqual(before[1]!.slice(1));
    expect(log()).toHaveLength(1);
  });

  test("an ELIGIBLE row edited to INCOMPLETE while in Draf is refused by the fresh check", () => {
    checkedRows(env, sheet, [eligible("Siti", 1)]);
    const idx = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0]!.indexOf("Dok. KK");
    sheet.getRange(2, idx + 1).setValue(false);
    env.setUser(OPERATOR);
    expect(draft()).toContain('bukan "Layak"');
    expect(cellOf(sheet, 2, "Tahap")).toBe("Draf");
    expect(docs.documents.size).toBe(0);
  });

  test("only an operator drafts; an unreadable e-mail is said and refused; nothing changes", () => {
    checkedRows(env, sheet, [eligible("Siti", 1)]);
    env.setUser(KABID);
    expect(() => draft()).toThrow(/hanya untuk peran Operator; kabid@dinsos.go.id/);
    env.setUser("");
    expect(() => draft()).toThrow(NO_EMAIL);
    expect(cellOf(sheet, 2, "Tahap")).toBe("Draf");
    expect(docs.documents.size).toBe(0);
    expect(log()).toHaveLength(0);
  });

  test("the menu entry shows refusals in an alert, never a stack trace", () => {
    checkedRows(env, sheet, [eligible("Siti", 1)]);
    env.setUser("");
    menuDraftLetters();
    expect(env.ui.alerts.at(-1)!.prompt).toContain("Email akun Anda tidak terbaca");
    expect(env.ui.alerts.at(-1)!.prompt).not.toMatch(/at .*\.ts/);
  });

  test("drafting again (a returned draft) updates the same document and keeps its number", () => {
    checkedRows(env, sheet, [eligible("Siti", 1)]);
    env.setUser(OPERATOR);
    draft();
    const link = cellOf(sheet, 2, "Tautan Surat");
    const doc = docOf(2);
    sheet.getRange(2, sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0]!.indexOf("Tahap") + 1).setValue("Perbaikan");
    const name = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0]!.indexOf("Nama");
    sheet.getRange(2, name + 1).setValue("Siti Aminah Binti Ahmad");
    draft({ now: new Date("2026-11-26T03:00:00Z") });
    expect(docs.documents.size).toBe(1);
    expect(cellOf(sheet, 2, "Tautan Surat")).toBe(link);
    expect(cellOf(sheet, 2, "Nomor Surat")).toBe("400.9.3.2/001/Dinsos/XI/2026");
    expect(doc.allText()).toContain("Siti Aminah Binti Ahmad");
    expect(doc.allText().match(/Siti Aminah/g)).toHaveLength(1); // replaced, not appended
    expect(log().at(-1)!.slice(3)).toEqual(["Buat Draf Surat", "Perbaikan", "Paraf Kabid", "Nomor 400.9.3.2/001/Dinsos/XI/2026; draf diperbarui"]);
  });

  test("a draft redone next month keeps the date its number was given with", () => {
    checkedRows(env, sheet, [eligible("Siti", 1)]);
    env.setUser(OPERATOR);
    draft();
    const dated = cellOf(sheet, 2, "Tanggal Surat");
    expect(String(dated)).toBe("2026-11-24");
    sheet.getRange(2, sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0]!.indexOf("Tahap") + 1).setValue("Perbaikan");
    draft({ now: new Date("2026-12-03T03:00:00Z") });
    expect(cellOf(sheet, 2, "Nomor Surat")).toBe("400.9.3.2/001/Dinsos/XI/2026");
    expect(cellOf(sheet, 2, "Tanggal Surat")).toBe(dated);
    expect(docOf(2).allText()).toContain("24 November 2026");
    expect(docOf(2).allText()).not.toContain("3 Desember 2026");
  });

  test("a letter whose document was deleted is refused with what to do", () => {
    checkedRows(env, sheet, [eligible("Siti", 1)]);
    env.setUser(OPERATOR);
    draft();
    docOf(2).deleted = true;
    sheet.getRange(2, sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0]!.indexOf("Tahap") + 1).setValue("Perbaikan");
    expect(draft()).toContain("tidak dapat dibuka. Pulihkan dari Sampah Google Drive");
    expect(cellOf(sheet, 2, "Tahap")).toBe("Perbaikan");
    expect(docs.documents.size).toBe(1);
  });
});

describe("numbers", () => {
  test("a Docs quota failure halfway, then a rerun: no row without its document, no duplicate, no number twice", () => {
    office();
    checkedRows(env, sheet, [eligible("A", 1), eligible("B", 2), eligible("C", 3)]);
    env.setUser(OPERATOR);
    docs.resetCalls();
    draft();
    const perLetter = docs.calls.length / 3;
    // Fresh start: fail in the middle of the second letter, and every call after (the daily quota).
    resetRows();
    docs.resetCalls();
    docs.failAt(Math.floor(perLetter * 1.5), QUOTA_MESSAGE, true);
    const message = draft();
    expect(message).toContain("1 draf surat dibuat");
    expect(message).toContain("Kuota Google Docs");
    expect(message).toContain("2 permohonan belum dibuatkan surat");
    expect(column(sheet, "Tahap")).toEqual(["Paraf Kabid", "Draf", "Draf"]);
    expect(column(sheet, "Tautan Surat").slice(1)).toEqual(["", ""]);
    docs.clearFailures();
    draft();
    expect(column(sheet, "Tahap")).toEqual(["Paraf Kabid", "Paraf Kabid", "Paraf Kabid"]);
    expect(column(sheet, "Nomor Surat")).toEqual(["004", "005", "006"].map((n) => `400.9.3.2/${n}/Dinsos/XI/2026`));
    // The half-made document of the second row was reused: one document per request.
    expect(docs.documents.size).toBe(3 + 3);
    expect(new Set(column(sheet, "Tautan Surat")).size).toBe(3);
    expect(log()).toHaveLength(3 + 3);

    /** Back to Draf with new IDs, as if three new requests: keeps the first run's documents apart. */
    function resetRows() {
      const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0]!;
      for (const h of ["Nomor Surat", "Tanggal Surat", "Tautan Surat"]) sheet.getRange(2, headers.indexOf(h) + 1, 3, 1).setValues([[""], [""], [""]]);
      sheet.getRange(2, headers.indexOf("Tahap") + 1, 3, 1).setValues([["Draf"], ["Draf"], ["Draf"]]);
      sheet.getRange(2, headers.indexOf("ID Permohonan") + 1, 3, 1).setValues([["PBI-2026-00011"], ["PBI-2026-00012"], ["PBI-2026-00013"]]);
    }
  });

  /** OPERATOR drafts rows `a`; while it makes its first document (not holding the lock), OPERATOR2 drafts rows `b`. Returns B's report. */
  function interleave(a: string, b: string): string {
    const locks = new SharedLockService();
    (globalThis as Record<string, unknown>)["LockService"] = locks.api;
    env.setUser(OPERATOR);
    env.setSelection(sheet.getRange(a));
    let interleaved = "";
    docs.onCall((call) => {
      if (call.method !== "create" || interleaved) return;
      interleaved = "running";
      locks.as("B", () => {
        env.setUser(OPERATOR2);
        env.setSelection(sheet.getRange(b));
        interleaved = draft();
        env.setUser(OPERATOR);
        env.setSelection(sheet.getRange(a));
      });
    });
    locks.as("A", () => draft());
    return interleaved;
  }

  test("two operators drafting at the same moment never get one number", () => {
    office();
    checkedRows(env, sheet, [eligible("A", 1), eligible("B", 2), eligible("C", 3), eligible("D", 4)]);
    // A drafts rows 2–3; while A makes its first document (not holding the lock), B drafts rows 4–5.
    const interleaved = interleave("A2:A3", "A4:A5");
    expect(interleaved).toContain("2 draf surat dibuat");
    const numbers = column(sheet, "Nomor Surat");
    expect(new Set(numbers).size).toBe(4);
    expect(numbers).toEqual(["001", "002", "003", "004"].map((n) => `400.9.3.2/${n}/Dinsos/XI/2026`));
    expect(log().map((l) => l[1])).toEqual([OPERATOR2, OPERATOR2, OPERATOR, OPERATOR]);
  });

  test("two operators selecting the same row: the second leaves it to the first; one document, one number", () => {
    office();
    checkedRows(env, sheet, [eligible("A", 1), eligible("B", 2), eligible("C", 3)]);
    const interleaved = interleave("A2:A3", "A3:A4");
    expect(interleaved).toContain("1 draf surat dibuat");
    expect(interleaved).toContain("Baris 3 (PBI-2026-00002): sedang dibuatkan surat oleh pengguna lain");
    expect(docs.documents.size).toBe(3);
    expect(new Set(column(sheet, "Nomor Surat")).size).toBe(3);
    expect(column(sheet, "Tahap")).toEqual(["Paraf Kabid", "Paraf Kabid", "Paraf Kabid"]);
    // Leases end with the run: a later redraft of the row is not blocked.
    expect(JSON.stringify(env.properties.document.getProperties())).not.toContain("lease");
  });

  test("while another drafter holds the lock, drafting is refused and changes nothing", () => {
    office();
    checkedRows(env, sheet, [eligible("A", 1)]);
    const locks = new SharedLockService();
    (globalThis as Record<string, unknown>)["LockService"] = locks.api;
    env.setUser(OPERATOR);
    locks.as("B", () => locks.api.getDocumentLock().tryLock(1));
    expect(() => locks.as("A", () => draft())).toThrow("Pengguna lain sedang memproses");
    expect(cellOf(sheet, 2, "Tahap")).toBe("Draf");
    expect(env.properties.document.getKeys().filter((k) => k.startsWith("pbijk.letter"))).toEqual([]);
  });

  test("the sequence restarts each year; a deleted letter's number is never issued again", () => {
    office();
    checkedRows(env, sheet, [eligible("A", 1), eligible("B", 2)], new Date("2026-12-30T03:00:00Z"));
    env.setUser(OPERATOR);
    env.setSelection(sheet.getRange("A2"));
    draft({ now: new Date("2026-12-30T03:00:00Z") });
    expect(cellOf(sheet, 2, "Nomor Surat")).toBe("400.9.3.2/001/Dinsos/XII/2026");
    sheet.deleteRow(2); // the letter and its row are deleted
    env.setSelection(sheet.getRange("A2"));
    draft({ now: new Date("2026-12-31T03:00:00Z") });
    expect(cellOf(sheet, 2, "Nomor Surat")).toBe("400.9.3.2/002/Dinsos/XII/2026");
    writeAnother();
    draft({ now: new Date("2027-01-02T03:00:00Z") });
    expect(cellOf(sheet, 3, "Nomor Surat")).toBe("400.9.3.2/001/Dinsos/I/2027");
    expect(env.properties.document.getProperty("pbijk.letterNumber.2026")).toBe("2");
    expect(env.properties.document.getProperty("pbijk.letterNumber.2027")).toBe("1");

    function writeAnother() {
      checkedRows(env, sheet, [eligible("B", 2), eligible("C", 3)], new Date("2027-01-02T03:00:00Z"));
      env.setUser(OPERATOR);
      env.setSelection(sheet.getRange("A3"));
    }
  });

  test("manual mode: the operator's typed number is required and used as typed", () => {
    office({ values: { numberMode: "Manual" } });
    checkedRows(env, sheet, [eligible("A", 1), eligible("B", 2, { "Nomor Surat": "470/12/DS/2026" })]);
    env.setUser(OPERATOR);
    const message = draft();
    expect(message).toContain('Baris 2 (PBI-2026-00001): isi kolom "Nomor Surat" dulu (Cara Penomoran: Manual).');
    expect(column(sheet, "Nomor Surat")).toEqual(["", "470/12/DS/2026"]);
    expect(docOf(3).allText()).toContain("470/12/DS/2026");
    expect(env.properties.document.getProperty("pbijk.letterNumber.2026")).toBeNull();
  });

  test("a number typed on two rows is drafted once: the second row is refused, whatever the mode", () => {
    office({ values: { numberMode: "Manual" } });
    checkedRows(env, sheet, [eligible("A", 1, { "Nomor Surat": "470/12/DS/2026" }), eligible("B", 2, { "Nomor Surat": " 470/12/DS/2026 " })]);
    env.setUser(OPERATOR);
    const message = draft();
    expect(message).toContain('Baris 3 (PBI-2026-00002): nomor surat "470/12/DS/2026" sudah dipakai permohonan di baris 2; setiap surat perlu nomornya sendiri.');
    expect(column(sheet, "Tahap")).toEqual(["Paraf Kabid", "Draf"]);
    expect(docs.documents.size).toBe(1);
  });

  test("minsel numbers at Penomoran dan Stempel: the draft leaves the number to fill in", () => {
    office({ profile: "minsel", values: {} });
    checkedRows(env, sheet, [eligible("A", 1, { "Pernah Direaktivasi": false, "Tanggal SK Penonaktifan": "01/09/2026" })]);
    env.setUser(OPERATOR);
    expect(draft()).toContain("1 draf surat dibuat");
    expect(cellOf(sheet, 2, "Nomor Surat")).toBe("");
    expect(cellOf(sheet, 2, "Tahap")).toBe("Paraf Kabid");
    expect(docOf(2).allText()).toContain(UNNUMBERED);
    expect(log()[0]![6]).toBe("");
  });

  test("an invalid number format stops drafting with the problem, before any document", () => {
    office({ values: { numberFormat: "400/{nomer}/{tahun}" } });
    checkedRows(env, sheet, [eligible("A", 1)]);
    env.setUser(OPERATOR);
    expect(() => draft()).toThrow(/Format Nomor Surat.*"\{nomer\}" tidak dikenal/);
    expect(docs.documents.size).toBe(0);
  });
});

describe("templates and the second document", () => {
  test("template mode: placeholders replaced literally in body, header and footer ($1, \\, braces as typed)", () => {
    const template = docs.addDocument("Templat", (doc) => {
      doc.addHeader();
      doc.header!.children[0]!.replace("^$", "KOP {{dinas}}");
      doc.body.children[0]!.replace("^$", "Nama: {{nama}} / NIK {{nik}} / Nomor {{nomor_surat}}");
      doc.addFooter();
      doc.footer!.children[0]!.replace("^$", "Ref {{id_permohonan}} {{tidak_ada}}");
    });
    office({ values: { templateId: template.id } });
    const odd = "Rp$1 \\ {{nik}} {x} $";
    checkedRows(env, sheet, [eligible(odd, 1)]);
    env.setUser(OPERATOR);
    expect(draft()).toContain("Templat memuat penanda yang tidak dikenal: {{tidak_ada}}");
    const doc = docOf(2);
    expect(doc.body.getText()).toBe(`Nama: ${odd} / NIK ${nik(1)} / Nomor 400.9.3.2/001/Dinsos/XI/2026`);
    expect(doc.header!.getText()).toBe("KOP Dinas Sosial");
    expect(doc.footer!.getText()).toBe(`Ref ${cellOf(sheet, 2, "ID Permohonan")} {{tidak_ada}}`);
    expect(template.body.getText()).toContain("{{nama}}"); // the template itself is untouched
  });

  test("a template ID that cannot be opened is one clear message", () => {
    office({ values: { templateId: "1AbCdEfGhIjKlMnOpQrStUvWxYz" } });
    checkedRows(env, sheet, [eligible("A", 1)]);
    env.setUser(OPERATOR);
    expect(() => draft()).toThrow(/"ID Templat Surat" \(1AbCdEfGhIjKlMnOpQrStUvWxYz\) tidak dapat dibuka/);
  });

  test("pangkalpinang-reaktivasi Terdaftar rows also get the Surat Keterangan SIKS-NG, numbered on its own", () => {
    office({ profile: "pangkalpinang-reaktivasi" });
    checkedRows(env, sheet, [eligiblePkp("A", 1), eligiblePkp("B", 2, { "Status DTSEN/DTKS": "Tidak Terdaftar" })]);
    // Pangkalpinang reviews before drafting: Back Office and the manager, then Draf.
    expect(column(sheet, "Tahap")).toEqual(["Back Office", "Back Office"]);
    const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0]!;
    sheet.getRange(2, headers.indexOf("Tahap") + 1, 2, 1).setValues([["Draf"], ["Draf"]]);
    env.setUser(OPERATOR);
    const message = draft();
    expect(message).toContain("2 draf surat dibuat");
    const links = String(cellOf(sheet, 2, "Tautan Surat")).split("\n");
    expect(links).toHaveLength(2);
    expect(String(cellOf(sheet, 3, "Tautan Surat")).split("\n")).toHaveLength(1);
    const second = docs.documents.get(/\/d\/([\w-]+)/.exec(links[1]!)![1]!)!;
    expect(second.allText()).toContain("SURAT KETERANGAN");
    expect(second.allText()).toContain("dengan status Terdaftar");
    expect(second.allText()).toContain("400.9.3.2/002/Dinsos/XI/2026");
    // The SIKS-NG letter's number on the cell's second line: the sheet holds every number issued.
    expect(column(sheet, "Nomor Surat")).toEqual(["400.9.3.2/001/Dinsos/XI/2026\n400.9.3.2/002/Dinsos/XI/2026", "400.9.3.2/003/Dinsos/XI/2026"]);
    expect(column(sheet, "Tahap")).toEqual(["Validasi Kepala Dinas", "Validasi Kepala Dinas"]);
  });
});

describe("a spreadsheet whose document properties are gone (a copy): the sheet remembers", () => {
  /** A Pangkalpinang Terdaftar row drafted (main letter and SIKS-NG); returns the `Tahap` column. */
  function draftedPkp(): number {
    office({ profile: "pangkalpinang-reaktivasi" });
    checkedRows(env, sheet, [eligiblePkp("A", 1)]);
    const tahap = (sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] as string[]).indexOf("Tahap") + 1;
    sheet.getRange(2, tahap).setValues([["Draf"]]);
    env.setUser(OPERATOR);
    draft();
    return tahap;
  }

  test("the SIKS-NG letter's number is in the sheet, so it is never issued again", () => {
    const tahap = draftedPkp();
    env.properties.document.deleteAllProperties();
    writeRows(sheet, [eligiblePkp("B", 2, { "Status DTSEN/DTKS": "Tidak Terdaftar" })], 3);
    checkAll(env.spreadsheet, TODAY);
    sheet.getRange(3, tahap).setValues([["Draf"]]);
    env.setSelection(sheet.getRange("A3"));
    draft();
    expect(cellOf(sheet, 3, "Nomor Surat")).toBe("400.9.3.2/003/Dinsos/XI/2026");
  });

  test("a redraft reuses both documents from Tautan Surat and keeps the link and both numbers", () => {
    const tahap = draftedPkp();
    const before = { link: cellOf(sheet, 2, "Tautan Surat"), number: cellOf(sheet, 2, "Nomor Surat"), docs: docs.documents.size };
    env.properties.document.deleteAllProperties();
    sheet.getRange(2, tahap).setValues([["Perbaikan"]]);
    draft();
    expect({ link: cellOf(sheet, 2, "Tautan Surat"), number: cellOf(sheet, 2, "Nomor Surat"), docs: docs.documents.size }).toEqual(before);
    expect(cellOf(sheet, 2, "Tahap")).toBe("Validasi Kepala Dinas");
  });
});

describe("many rows", () => {
  /**
   * The cost model: Docs calls per letter measured on the fake, times assumed latencies
   * (DocumentApp.create 1.5 s, openById 0.6 s, saveAndClose 0.5 s, any other Docs call 40 ms).
   */
  const MODEL = { create: 1500, openById: 600, saveAndClose: 500, other: 40 };
  function predict(label: string, letters: number): number {
    const ms = docs.calls.reduce((sum, c) => sum + (MODEL[c.method as keyof typeof MODEL] ?? MODEL.other), 0) / letters;
    const perMinute = 60000 / ms;
    console.info(`${label}: ${(docs.calls.length / letters).toFixed(1)} Docs calls/letter, ~${(ms / 1000).toFixed(1)} s/letter, ~${perMinute.toFixed(1)} letters/min, ~${Math.floor(4.5 * perMinute)} per run`);
    return docs.calls.length / letters;
  }

  test("service calls per letter, built-in layout and template (the model's prediction is printed)", () => {
    office();
    checkedRows(env, sheet, Array.from({ length: 10 }, (_, i) => eligible(`P${i}`, i + 1)));
    env.setUser(OPERATOR);
    docs.resetCalls();
    draft();
    expect(predict("built-in", 10)).toBeLessThan(120);
    // A one-page template: 30 paragraphs, a data table, kop in the header, footer; 14 placeholders.
    const template = docs.addDocument("Templat", (d) => {
      d.addHeader();
      d.header!.appendParagraph("{{pemerintah}}");
      d.addFooter();
      d.footer!.appendParagraph("{{catatan_kaki}}");
      for (let i = 0; i < 30; i++) d.body.appendParagraph(i === 0 ? "{{tempat_surat}}, {{tanggal_surat}} {{nomor_surat}} {{tujuan}}" : `Paragraf ${i}`);
      d.body.appendTable([["Nama", "{{nama}}"], ["NIK", "{{nik}}"], ["KK", "{{nomor_kk}}"], ["Alamat", "{{alamat}}"]]);
      d.body.appendParagraph("{{penandatangan_jabatan}} {{penandatangan_nama}} {{penandatangan_nip}} {{penandatangan_pangkat}}");
    });
    const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0]!;
    sheet.getRange(2, headers.indexOf("Tahap") + 1, 10, 1).setValues(Array.from({ length: 10 }, () => ["Perbaikan"]));
    office({ values: { templateId: template.id } });
    docs.resetCalls();
    draft();
    expect(predict("template (redraft)", 10)).toBeLessThan(190);
  });

  test("stops before the time limit, says how many are left; running again continues", () => {
    office();
    checkedRows(env, sheet, Array.from({ length: 6 }, (_, i) => eligible(`P${i}`, i + 1)));
    env.setUser(OPERATOR);
    let t = 0;
    const clock = () => (t += 60_000); // a minute per letter
    const first = draft({ clock });
    expect(first).toContain("4 draf surat dibuat");
    expect(first).toContain("2 permohonan belum dibuatkan surat karena batas waktu");
    expect(env.toasts.some((x) => x.message.includes("Membuat draf surat"))).toBe(true);
    t = 0;
    const second = draft({ clock });
    expect(second).toContain("2 draf surat dibuat");
    expect(new Set(column(sheet, "Nomor Surat")).size).toBe(6);
    expect(docs.documents.size).toBe(6);
    // Every row now holds its number and link: no record is left in document properties.
    expect(env.properties.document.getKeys().filter((k) => k.startsWith("pbijk.draft") || k.startsWith("pbijk.letter."))).toEqual([]);
  });
});

describe("numbering after signature (minsel's Penomoran dan Stempel, used by Setujui)", () => {
  test("issueNumbers continues the drafting sequence, past any number already in the sheet", () => {
    const format = "400.9.3.2/{nomor:3}/Dinsos/{bulan_romawi}/{tahun}";
    expect(issueNumbers(format, "2026-11-24", [], 2)).toEqual(["400.9.3.2/001/Dinsos/XI/2026", "400.9.3.2/002/Dinsos/XI/2026"]);
    // A spreadsheet copied without its properties: the sheet's highest number still counts.
    env.properties.document.deleteAllProperties();
    expect(issueNumbers(format, "2026-12-01", ["400.9.3.2/007/Dinsos/XI/2026", "470/3/manual"], 1)).toEqual(["400.9.3.2/008/Dinsos/XII/2026"]);
    expect(() => issueNumbers("{tahun}", "2026-12-01", [], 1)).toThrow(/harus memuat \{nomor\}/);
  });
});

describe("document properties: 500 KB per document in all (real quota)", () => {
  // https://developers.google.com/apps-script/guides/services/quotas ("Properties value size 9 KB / val,
  // Properties total storage 500 KB / property store"); the fake enforces both.
  const QUOTA = 500 * 1024;
  /** Real Docs IDs have 44 characters; the fake's are short. */
  const DOC_ID_BYTES = 44;

  /** Bytes of the whole store, real Docs IDs in place of the fake's short ones. */
  const storeBytes = () => Object.entries(env.properties.document.getProperties()).reduce((n, [key, value]) =>
    n + Buffer.byteLength(key) + Buffer.byteLength(value.replace(/doc-\d+/g, "x".repeat(DOC_ID_BYTES))), 0);
  const recordKeys = () => env.properties.document.getKeys().filter((k) => k.startsWith("pbijk.draft.") || k.startsWith("pbijk.letter."));

  // Records were kept per request forever (~121 bytes each): the store filled after ~4,200 letters,
  // and then every draft, Log journal, ID counter and settings copy write failed.
  test("10,000 drafted requests fit in the document's property store: a written row leaves no record", () => {
    office();
    checkedRows(env, sheet, Array.from({ length: 10 }, (_, i) => eligible(`Pemohon ${i}`, i + 1)));
    env.setUser(OPERATOR);
    const before = storeBytes();
    draft();
    expect(column(sheet, "Tahap")).toEqual(Array(10).fill("Paraf Kabid"));
    expect(recordKeys()).toEqual([]);
    expect(before + ((storeBytes() - before) / 10) * 10_000).toBeLessThanOrEqual(QUOTA);
  });

  test("a run stopped by Docs keeps the unwritten requests' records in a few keys, no lease; the rerun reuses and drops them", () => {
    office();
    checkedRows(env, sheet, Array.from({ length: 25 }, (_, i) => eligible(`Pemohon ${i}`, i + 1)));
    env.setUser(OPERATOR);
    docs.resetCalls();
    let created = 0;
    docs.fail((call) => (call.method === "create" && ++created >= 13 ? QUOTA_MESSAGE : null));
    const props = env.properties.document;
    props.calls.length = 0;
    expect(draft()).toContain("12 draf surat dibuat");
    // Ten requests per key; the first key's requests are all written, so it is gone.
    const keys = recordKeys();
    expect(keys).toHaveLength(2);
    for (const key of keys) {
      const value = JSON.parse(props.getProperty(key)!) as { until: number; records: Record<string, unknown> };
      expect(value.until).toBe(0);
      expect(Buffer.byteLength(props.getProperty(key)!)).toBeLessThan(9 * 1024);
    }
    // Dropping records is one call per key, not one per request.
    expect(props.calls.filter((m) => m === "deleteProperty").length).toBeLessThan(6);
    docs.clearFailures();
    draft();
    expect(column(sheet, "Tahap")).toEqual(Array(25).fill("Paraf Kabid"));
    expect(column(sheet, "Nomor Surat")).toEqual(Array.from({ length: 25 }, (_, i) => `400.9.3.2/${String(i + 1).padStart(3, "0")}/Dinsos/XI/2026`));
    expect(docs.documents.size).toBe(25);
    expect(recordKeys()).toEqual([]);
  });

  test("a record kept per request by an older version is used (number and Doc) and then dropped", () => {
    office();
    checkedRows(env, sheet, [eligible("A", 1)]);
    env.setUser(OPERATOR);
    const made = docs.addDocument("Surat lama", () => undefined);
    const id = String(cellOf(sheet, 2, "ID Permohonan"));
    env.properties.document.setProperty(`pbijk.letter.${id}`, JSON.stringify({ number: "400.9.3.2/007/Dinsos/XI/2026", doc: made.id }));
    draft();
    expect(cellOf(sheet, 2, "Nomor Surat")).toBe("400.9.3.2/007/Dinsos/XI/2026");
    expect(String(cellOf(sheet, 2, "Tautan Surat"))).toContain(made.id);
    expect(docs.documents.size).toBe(1);
    expect(recordKeys()).toEqual([]);
  });

  test("an ended run's record whose row already holds its document is dropped by the next draft", () => {
    office();
    checkedRows(env, sheet, [eligible("A", 1), eligible("B", 2)]);
    env.setUser(OPERATOR);
    env.setSelection(sheet.getRange("A2"));
    draft();
    const id = String(cellOf(sheet, 2, "ID Permohonan"));
    const doc = /\/d\/([\w-]+)/.exec(String(cellOf(sheet, 2, "Tautan Surat")))![1]!;
    // As if a run had written the sheet and stopped before dropping its records.
    env.properties.document.setProperty("pbijk.draft.old.0", JSON.stringify({ until: 0, records: { [id]: { number: "x", doc } } }));
    env.setSelection(sheet.getRange("A3"));
    draft();
    expect(recordKeys()).toEqual([]);
  });
});
