/** The Docs adapter and the DocumentApp fake: replaceText's semantics, literal placeholders, templates. */
import fc from "fast-check";
import { buildLetter } from "../../src/domain/letter";
import { copyTemplate, documentIdFromLink, fillPlaceholders, literalPattern, literalReplacement, readTemplate, renderLayout } from "../../src/gas/docs";
import { letterInput } from "../domain/letterFixtures";
import { documentHtml } from "../fakes/docHtml";
import { type FakeDocs, installFakeDocs, replaceAll } from "../fakes/document";

let docs: FakeDocs & { uninstall(): void };
beforeEach(() => {
  docs = installFakeDocs();
});
afterEach(() => docs.uninstall());

describe("the fake's replaceText follows Apps Script (regex pattern, Java replacement)", () => {
  test("$n is a group, \\x is x; a lone $ or a trailing \\ throws", () => {
    expect(replaceAll("Budi Santoso", "(\\w+) (\\w+)", "$2, $1")).toBe("Santoso, Budi");
    expect(replaceAll("a.b", ".", "x")).toBe("xxx"); // the pattern is a regular expression
    expect(replaceAll("harga", "harga", "Rp\\$1")).toBe("Rp$1");
    expect(() => replaceAll("x", "x", "Rp$")).toThrow("Illegal group reference");
    expect(() => replaceAll("x", "x", "a\\")).toThrow("character to be escaped is missing");
    expect(() => replaceAll("x", "x", "$1")).toThrow("No group 1");
  });

  test("a raw value with $1 would be mangled: that is why values are escaped", () => {
    expect(replaceAll("{{nama}}", literalPattern("{{nama}}"), "Rp$0")).toBe("Rp{{nama}}");
    expect(replaceAll("{{nama}}", literalPattern("{{nama}}"), literalReplacement("Rp$0 \\n {x}"))).toBe("Rp$0 \\n {x}");
  });

  test("any text goes in literally (property)", () => {
    fc.assert(fc.property(fc.string(), fc.string({ minLength: 1 }), (value, key) => {
      const placeholder = `{{${key}}}`;
      expect(replaceAll(`<${placeholder}>`, literalPattern(placeholder), literalReplacement(value))).toBe(`<${value}>`);
    }));
  });

  test("unmodelled members fail loudly; a missing document throws like Apps Script", () => {
    const doc = DocumentApp.create("x");
    expect(() => (doc as unknown as { getTabs(): unknown }).getTabs()).toThrow("FakeDocument.getTabs is not modelled");
    expect(() => DocumentApp.openById("nope")).toThrow(/Document is missing/);
  });
});

test("the Doc ID in a link", () => {
  expect(documentIdFromLink("https://docs.google.com/document/d/1AbC_d-E/edit")).toBe("1AbC_d-E");
  expect(documentIdFromLink("https://docs.google.com/open?id=1AbC")).toBe("1AbC");
  expect(documentIdFromLink("1AbCdEfGhIjKlMnOpQrStUvWx")).toBe("1AbCdEfGhIjKlMnOpQrStUvWx");
  expect(documentIdFromLink("")).toBe("");
});

test("rendering twice replaces the content (a redraft), header and footer included", () => {
  const doc = DocumentApp.create("x");
  renderLayout(doc, buildLetter(letterInput()));
  const raw = docs.documents.get(doc.getId())!;
  const once = raw.allText();
  renderLayout(doc, buildLetter(letterInput()));
  expect(raw.allText()).toBe(once);
  expect(raw.header!.getText()).toContain("DINAS SOSIAL");
  expect(raw.footer!.getText()).toContain("Ref. PBI-2026-00042");
  expect(raw.body.children[0]!.getText()).toBe("Pangkalpinang, 24 November 2026"); // no empty first paragraph
  expect(raw.name).toBe("Surat Rekomendasi Reaktivasi PBI-JK - PBI-2026-00042");
});

test("a template is copied element by element (paragraphs, lists, tables, attributes) and filled in every section", () => {
  const template = docs.addDocument("Templat", (d) => {
    d.body.setAttributes({ MARGIN_LEFT: 90, PAGE_WIDTH: 600 });
    (d.body.appendParagraph("Yth. {{tujuan}}") as GoogleAppsScript.Document.Paragraph).setAttributes({ BOLD: true });
    d.body.appendListItem("Nama {{nama}}");
    d.body.appendTable([["NIK", "{{nik}}"]]);
    d.addHeader();
    d.header!.appendParagraph("{{pemerintah}}");
    d.addFooter();
    d.footer!.appendParagraph("{{salah_ketik}}");
    for (const section of [d.body, d.header!, d.footer!]) section.children.shift(); // as typed: no empty first line
  });
  const doc = DocumentApp.create("baru");
  copyTemplate(readTemplate(template.api), doc, "Surat - X");
  const unknown = fillPlaceholders(doc, { tujuan: "Kepala BPJS", nama: "Siti", nik: "1971014101900001", pemerintah: "Pemerintah Kota" });
  const raw = docs.documents.get(doc.getId())!;
  expect(raw.body.children.map((c) => [c.type, c.getText()])).toEqual([
    ["PARAGRAPH", "Yth. Kepala BPJS"], ["LIST_ITEM", "Nama Siti"], ["TABLE", "NIK\n1971014101900001"],
  ]);
  expect(raw.body.children[0]!.attrs).toMatchObject({ BOLD: true });
  expect(raw.body.attrs).toMatchObject({ MARGIN_LEFT: 90, PAGE_WIDTH: 600 });
  expect(raw.header!.getText()).toBe("Pemerintah Kota");
  expect(unknown).toEqual(["salah_ketik"]);
  expect(template.body.getText()).toContain("{{nama}}");
});

test("a value holding another placeholder is never replaced in turn", () => {
  const doc = DocumentApp.create("x");
  const raw = docs.documents.get(doc.getId())!;
  raw.body.children[0]!.replace("^$", "{{nama}} / {{nik}}");
  fillPlaceholders(doc, { nama: "{{nik}} $1", nik: "123" });
  expect(raw.body.getText()).toBe("{{nik}} $1 / 123");
});

test("a quota failure on the Nth call, then every later one", () => {
  docs.failAt(2, "Service invoked too many times for one day: docs create.", true);
  const doc = DocumentApp.create("x");
  expect(() => doc.getBody()).toThrow("Service invoked too many times");
  expect(() => DocumentApp.create("y")).toThrow("Service invoked too many times");
  docs.clearFailures();
  expect(DocumentApp.create("z").getName()).toBe("z");
});

test("the rendering helper shows the kop, its rule, the data table and the hanging list numbers", () => {
  const doc = DocumentApp.create("x");
  renderLayout(doc, buildLetter(letterInput()));
  const html = documentHtml(docs.documents.get(doc.getId())!);
  expect(html).toContain("DINAS SOSIAL");
  expect(html).toContain('<hr class="rule">');
  expect(html).toContain("<td style=\"border:none\">NIK</td>");
  expect(html).toMatch(/>1\.<\/span>Undang-Undang Nomor 40/);
});
