/**
 * Drafted letters: the DocumentApp fake (test/fakes/document.ts) when the letters feature has
 * one, rendered as a plain structure the page turns into HTML with textContent.
 */

/** What the playground needs of the DocumentApp fake. */
export interface DocFakes {
  api: unknown;
  documents: Map<string, { id: string; name: string; deleted?: boolean; getBody(): unknown; getHeader(): unknown; getFooter(): unknown }>;
}

export async function loadDocFakes(): Promise<DocFakes | null> {
  const file = "document";
  try {
    // A pattern import: bundled when the file exists, a rejected promise when it does not.
    const mod = (await import(`../test/fakes/${file}.ts`)) as { createFakeDocs?: () => DocFakes };
    return mod.createFakeDocs ? mod.createFakeDocs() : null;
  } catch {
    return null;
  }
}

export interface DocBlock {
  type: "paragraph" | "list" | "table" | "rule";
  text?: string;
  rows?: string[][];
  bold?: boolean;
  align?: string;
}

export interface DocPreview {
  id: string;
  name: string;
  header: DocBlock[];
  body: DocBlock[];
  footer: DocBlock[];
}

interface ElementLike {
  getType(): unknown;
  getText?(): string;
  getAttributes?(): Record<string, unknown>;
  getNumRows?(): number;
  getRow?(i: number): { getNumCells(): number; getCell(j: number): { getText(): string } };
}

interface SectionLike {
  getNumChildren(): number;
  getChild(i: number): ElementLike;
}

function blocks(section: unknown): DocBlock[] {
  if (!section) return [];
  const s = section as SectionLike;
  const out: DocBlock[] = [];
  for (let i = 0; i < s.getNumChildren(); i++) {
    const el = s.getChild(i);
    const type = String(el.getType());
    const attrs = safe(() => el.getAttributes?.() ?? {}, {});
    const rows = type === "TABLE" ? safe(() => tableRows(el), null) : null;
    if (rows) {
      out.push({ type: "table", rows });
    } else if (type === "HORIZONTAL_RULE") {
      out.push({ type: "rule" });
    } else {
      out.push({
        type: type === "LIST_ITEM" ? "list" : "paragraph",
        text: el.getText?.() ?? "",
        bold: attrs["BOLD"] === true,
        align: typeof attrs["HORIZONTAL_ALIGNMENT"] === "string" ? attrs["HORIZONTAL_ALIGNMENT"] : String(attrs["HORIZONTAL_ALIGNMENT"] ?? ""),
      });
    }
  }
  return out;
}

/** Cell texts, where the fake models rows and cells; else the table is shown as its text. */
function tableRows(el: ElementLike): string[][] {
  const rows: string[][] = [];
  for (let r = 0; r < el.getNumRows!(); r++) {
    const row = el.getRow!(r);
    rows.push(Array.from({ length: row.getNumCells() }, (_, c) => row.getCell(c).getText()));
  }
  return rows;
}

function safe<T>(fn: () => T, fallback: T): T {
  try {
    return fn();
  } catch {
    return fallback;
  }
}

export function listDocuments(docs: DocFakes): Array<{ id: string; name: string }> {
  return [...docs.documents.values()].filter((d) => !d.deleted).map((d) => ({ id: d.id, name: d.name }));
}

export function previewDocument(docs: DocFakes, id: string): DocPreview | null {
  const doc = docs.documents.get(id);
  if (!doc || doc.deleted) return null;
  return {
    id: doc.id,
    name: doc.name,
    header: safe(() => blocks(doc.getHeader()), []),
    body: safe(() => blocks(doc.getBody()), []),
    footer: safe(() => blocks(doc.getFooter()), []),
  };
}
