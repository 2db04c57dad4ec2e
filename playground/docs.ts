/**
 * Drafted letters: the DocumentApp fake (test/fakes/document.ts) when the letters feature has
 * one, rendered as a plain structure the page turns into HTML with textContent.
 */

/** What the playground needs of the DocumentApp fake. */
export interface DocFakes {
  api: unknown;
  documents: Map<string, FakeDoc>;
}

interface FakeDoc {
  id: string;
  name: string;
  deleted?: boolean;
  /** The fake's own sections, when it keeps them (read directly: tables keep their cells there). */
  body?: unknown;
  header?: unknown;
  footer?: unknown;
  getBody(): unknown;
  getHeader(): unknown;
  getFooter(): unknown;
}

interface RawElement {
  type?: unknown;
  value?: unknown;
  cells?: unknown;
  hasRule?: unknown;
  attrs?: Record<string, unknown>;
}

/** Blocks from the fake's internal section (children with value/cells/attrs), if it has that shape. */
function rawBlocks(section: unknown): DocBlock[] | null {
  const children = (section as { children?: unknown } | null)?.children;
  if (!Array.isArray(children)) return null;
  return (children as RawElement[]).map((child): DocBlock => {
    const attrs = child.attrs ?? {};
    if (Array.isArray(child.cells)) {
      return { type: "table", rows: (child.cells as unknown[][]).map((r) => r.map(String)), borderless: attrs["BORDER_WIDTH"] === 0 };
    }
    if (child.hasRule === true) return { type: "rule" };
    return {
      type: child.type === "LIST_ITEM" ? "list" : "paragraph", text: String(child.value ?? ""), bold: attrs["BOLD"] === true,
      align: typeof attrs["HORIZONTAL_ALIGNMENT"] === "string" ? attrs["HORIZONTAL_ALIGNMENT"] : "",
      ...layout(attrs),
    };
  });
}

/** What places a paragraph on the page: the signer block sits on the right half, its name underlined. */
function layout(attrs: Record<string, unknown>): Pick<DocBlock, "indent" | "underline"> {
  const indent = attrs["INDENT_START"];
  return {
    ...(typeof indent === "number" && indent > 0 ? { indent } : {}),
    ...(attrs["UNDERLINE"] === true ? { underline: true } : {}),
  };
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
  /** Left indent in points (Docs' INDENT_START). */
  indent?: number;
  underline?: boolean;
  /** A layout table (Docs border width 0), e.g. "Nomor : …" lines. */
  borderless?: boolean;
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
        ...layout(attrs),
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
    header: safe(() => rawBlocks(doc.header) ?? blocks(doc.getHeader()), []),
    body: safe(() => rawBlocks(doc.body) ?? blocks(doc.getBody()), []),
    footer: safe(() => rawBlocks(doc.footer) ?? blocks(doc.getFooter()), []),
  };
}
