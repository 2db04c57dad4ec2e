/** Letter previews: a document's sections as plain blocks the page renders with textContent. */
import { type DocFakes, listDocuments, previewDocument } from "../../playground/docs";

function element(type: string, text: string, attrs: Record<string, unknown> = {}) {
  return { getType: () => type, getText: () => text, getAttributes: () => attrs };
}

function section(...children: ReturnType<typeof element>[]) {
  return { getNumChildren: () => children.length, getChild: (i: number) => children[i]! };
}

const table = {
  getType: () => "TABLE",
  getText: () => "Nama\tSiti",
  getAttributes: () => ({}),
  getNumRows: () => 1,
  getRow: () => { throw new Error("FakeTable.getRow is not modelled"); },
};

const docs: DocFakes = {
  api: {},
  documents: new Map([
    ["doc-1", {
      id: "doc-1", name: "Surat PBI-2026-00001",
      getHeader: () => section(element("PARAGRAPH", "PEMERINTAH KABUPATEN PURBALINGGA", { BOLD: true, HORIZONTAL_ALIGNMENT: "CENTER" })),
      getBody: () => ({ getNumChildren: () => 3, getChild: (i: number) => [element("PARAGRAPH", "<b>Yth.</b>"), table, element("HORIZONTAL_RULE", "")][i]! }),
      getFooter: () => null,
    }],
    ["doc-2", { id: "doc-2", name: "Dihapus", deleted: true, getHeader: () => null, getBody: () => section(), getFooter: () => null }],
  ]),
};

test("lists the documents that still exist", () => {
  expect(listDocuments(docs)).toEqual([{ id: "doc-1", name: "Surat PBI-2026-00001" }]);
});

test("a preview keeps text as text, alignment and bold, and falls back to a table's text", () => {
  const preview = previewDocument(docs, "doc-1")!;
  expect(preview.header).toEqual([{ type: "paragraph", text: "PEMERINTAH KABUPATEN PURBALINGGA", bold: true, align: "CENTER" }]);
  expect(preview.body).toEqual([
    { type: "paragraph", text: "<b>Yth.</b>", bold: false, align: "" },
    { type: "paragraph", text: "Nama\tSiti", bold: false, align: "" },
    { type: "rule" },
  ]);
  expect(preview.footer).toEqual([]);
  expect(previewDocument(docs, "doc-2")).toBeNull();
  expect(previewDocument(docs, "nope")).toBeNull();
});

test("a fake that keeps its sections is read directly, so tables keep their cells", () => {
  const raw: DocFakes = {
    api: {},
    documents: new Map([["doc-3", {
      id: "doc-3", name: "Surat", getHeader: () => null, getFooter: () => null,
      getBody: () => { throw new Error("not used"); },
      body: { children: [
        { type: "PARAGRAPH", value: "Berdasarkan hasil pemeriksaan", attrs: { HORIZONTAL_ALIGNMENT: "JUSTIFY" } },
        { cells: [["Nomor", ":", "400.9.3.2/001"]], attrs: { BORDER_WIDTH: 0 } },
        { type: "LIST_ITEM", value: "Undang-Undang Nomor 40 Tahun 2004", attrs: {} },
        { type: "PARAGRAPH", value: "", hasRule: true, attrs: {} },
      ] },
    }]]),
  };
  expect(previewDocument(raw, "doc-3")!.body).toEqual([
    { type: "paragraph", text: "Berdasarkan hasil pemeriksaan", bold: false, align: "JUSTIFY" },
    { type: "table", rows: [["Nomor", ":", "400.9.3.2/001"]], borderless: true },
    { type: "list", text: "Undang-Undang Nomor 40 Tahun 2004", bold: false, align: "" },
    { type: "rule" },
  ]);
});
