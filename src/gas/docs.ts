/**
 * Google Docs adapter: renders the domain's letter blocks into a Doc, copies an office's
 * template into one, and replaces `{{placeholders}}` literally. Only the `documents` scope:
 * a template is copied element by element (DocumentApp.create + copy), not with Drive's
 * makeCopy, which needs full Drive access (`drive.file` cannot reach a Doc the add-on did not make).
 */
import type { Align, Block, LetterLayout, ParagraphBlock } from "../domain/letter";
import { escapeRegExp } from "../domain/text";

type Doc = GoogleAppsScript.Document.Document;
type Section = GoogleAppsScript.Document.Body | GoogleAppsScript.Document.HeaderSection | GoogleAppsScript.Document.FooterSection;

/** A4 with the margins of Permendagri 1/2023 (points: 3 cm left, 2 cm elsewhere). */
const PAGE = { PAGE_WIDTH: 595.3, PAGE_HEIGHT: 841.9, MARGIN_TOP: 56.7, MARGIN_BOTTOM: 56.7, MARGIN_LEFT: 85, MARGIN_RIGHT: 56.7 };
const FONT = "Arial";
const FONT_SIZE = 12;
/** Hanging indent of numbered lines: Docs' first default tab stop (0.5 in), so "1.<tab>" lines up either way. */
const LIST_INDENT = 36;

/** A Doc by ID, or null when it is gone or not readable by this user. */
export function openDocument(id: string): Doc | null {
  if (!id) return null;
  try {
    return DocumentApp.openById(id);
  } catch {
    return null;
  }
}

export function createDocument(name: string): Doc {
  return DocumentApp.create(name);
}

/** The Doc ID in a Docs link (`/d/ID/` or `?id=ID`), or "". */
export function documentIdFromLink(link: string): string {
  const m = /\/d\/([\w-]+)|[?&]id=([\w-]+)/.exec(link) ?? /^([\w-]{20,})$/.exec(link.trim());
  return m ? (m[1] ?? m[2] ?? "") : "";
}

function sections(doc: Doc): { body: Section; header: Section; footer: Section } {
  return { body: doc.getBody(), header: doc.getHeader() ?? doc.addHeader(), footer: doc.getFooter() ?? doc.addFooter() };
}

const ALIGN: Record<Align, () => GoogleAppsScript.Document.HorizontalAlignment> = {
  left: () => DocumentApp.HorizontalAlignment.LEFT,
  center: () => DocumentApp.HorizontalAlignment.CENTER,
  right: () => DocumentApp.HorizontalAlignment.RIGHT,
  justify: () => DocumentApp.HorizontalAlignment.JUSTIFY,
};

function paragraphAttributes(b: ParagraphBlock): Record<string, unknown> {
  const A = DocumentApp.Attribute;
  const indent = b.indent ?? 0;
  return {
    [A.FONT_FAMILY]: FONT,
    [A.FONT_SIZE]: b.size ?? FONT_SIZE,
    [A.BOLD]: b.bold ?? false,
    [A.UNDERLINE]: b.underline ?? false,
    [A.HORIZONTAL_ALIGNMENT]: ALIGN[b.align ?? "left"](),
    [A.INDENT_START]: indent,
    [A.INDENT_FIRST_LINE]: indent + (b.firstLineIndent ?? 0),
    [A.SPACING_BEFORE]: 0,
    [A.SPACING_AFTER]: b.spaceAfter ?? 6,
    [A.LINE_SPACING]: 1,
  };
}

/** Appends blocks to a section: two calls per paragraph, 2 + columns per table. */
function appendBlocks(section: Section, blocks: readonly Block[]): void {
  const A = DocumentApp.Attribute;
  for (const b of blocks) {
    switch (b.kind) {
      case "paragraph":
        section.appendParagraph(b.text).setAttributes(paragraphAttributes(b));
        break;
      case "rule":
        section.appendHorizontalRule();
        break;
      case "list":
        // Numbered by hand with a hanging indent: no list IDs to keep apart between sections.
        b.items.forEach((item, i) => {
          const last = i === b.items.length - 1;
          section.appendParagraph(`${i + 1}.\t${item}`).setAttributes({
            ...paragraphAttributes({ kind: "paragraph", text: item, align: "justify", indent: LIST_INDENT, spaceAfter: last ? 6 : 0 }),
            [A.INDENT_FIRST_LINE]: 0,
          });
        });
        break;
      case "table": {
        const table = section.appendTable(b.rows);
        table.setAttributes({ [A.BORDER_WIDTH]: 0, [A.FONT_FAMILY]: FONT, [A.FONT_SIZE]: FONT_SIZE });
        b.widths.forEach((w, i) => table.setColumnWidth(i, w));
        break;
      }
    }
  }
}

/** A new section holds one empty paragraph that cannot be removed while it is the only one. */
function dropLeadingEmpty(section: Section): void {
  if (section.getNumChildren() < 2) return;
  const first = section.getChild(0);
  if (first.getType() === DocumentApp.ElementType.PARAGRAPH && first.asParagraph().getText() === "") first.removeFromParent();
}

/** Replaces the Doc's content with the layout (the same Doc on a redraft). */
export function renderLayout(doc: Doc, layout: LetterLayout): void {
  const s = sections(doc);
  s.body.setAttributes(PAGE);
  for (const [section, blocks] of [[s.header, layout.header], [s.body, layout.body], [s.footer, layout.footer]] as const) {
    section.clear();
    appendBlocks(section, blocks);
    dropLeadingEmpty(section);
  }
  doc.setName(layout.name);
}

type Part = { element: GoogleAppsScript.Document.Element; type: GoogleAppsScript.Document.ElementType };

/** A template read once per run: its elements by section, and its page setup. */
export interface TemplateParts {
  page: Record<string, unknown>;
  sections: Record<"header" | "body" | "footer", Part[]>;
}

export function readTemplate(template: Doc): TemplateParts {
  const read = (section: Section | null): Part[] => {
    const parts: Part[] = [];
    if (!section) return parts;
    for (let i = 0; i < section.getNumChildren(); i++) {
      const element = section.getChild(i);
      parts.push({ element, type: element.getType() });
    }
    return parts;
  };
  const body = template.getBody();
  return {
    page: pageAttributes(body.getAttributes() as Record<string, unknown>),
    sections: { header: read(template.getHeader()), body: read(body), footer: read(template.getFooter()) },
  };
}

/** Copies the template's paragraphs, list items and tables into the Doc: three calls per element. */
export function copyTemplate(template: TemplateParts, doc: Doc, name: string): void {
  const to = sections(doc);
  to.body.setAttributes(template.page);
  const T = DocumentApp.ElementType;
  for (const key of ["header", "body", "footer"] as const) {
    const target = to[key];
    target.clear();
    for (const { element, type } of template.sections[key]) {
      if (type === T.PARAGRAPH) target.appendParagraph(element.copy().asParagraph());
      else if (type === T.LIST_ITEM) target.appendListItem(element.copy().asListItem());
      else if (type === T.TABLE) target.appendTable(element.copy().asTable());
      // Anything else (a table of contents) has no place in a letter template.
    }
    dropLeadingEmpty(target);
  }
  doc.setName(name);
}

function pageAttributes(attrs: Record<string, unknown>): Record<string, unknown> {
  const keys = Object.keys(PAGE);
  return Object.fromEntries(Object.entries(attrs).filter(([k, v]) => keys.includes(k) && v !== null && v !== undefined));
}

/** Escapes a literal for replaceText's regular expression (RE2). */
export const literalPattern = escapeRegExp;

/** Escapes a value for replaceText's replacement, where `$n` and `\` are special. */
export function literalReplacement(text: string): string {
  return text.replace(/[\\$]/g, "\\$&");
}

/**
 * Replaces each `{{key}}` found in the body, header and footer with its value, as typed. Reads
 * each section's text once and calls replaceText only for placeholders it holds. A value that
 * itself holds braces goes in last, through a private-use marker, so a name typed as
 * `{{nik}}` is never replaced in turn. Returns the placeholders the add-on does not know.
 */
export function fillPlaceholders(doc: Doc, values: Readonly<Record<string, string>>): string[] {
  const unknown = new Set<string>();
  const marker = (key: string) => `\uE000${key}\uE001`;
  for (const section of [doc.getHeader(), doc.getBody(), doc.getFooter()] as (Section | null)[]) {
    if (!section) continue;
    const text = section.getText();
    for (const m of text.matchAll(/\{\{([^{}]*)\}\}/g)) if (values[m[1]!] === undefined) unknown.add(m[1]!);
    const present = Object.entries(values).filter(([key]) => text.includes(`{{${key}}}`));
    const braced = present.filter(([, value]) => /[{}]/.test(value));
    for (const [key] of braced) section.replaceText(literalPattern(`{{${key}}}`), literalReplacement(marker(key)));
    for (const [key, value] of present) {
      if (!braced.some(([k]) => k === key)) section.replaceText(literalPattern(`{{${key}}}`), literalReplacement(clean(value)));
    }
    for (const [key, value] of braced) section.replaceText(literalPattern(marker(key)), literalReplacement(clean(value)));
  }
  return [...unknown];
}

/** The markers are the add-on's own: a value never carries them in. */
function clean(value: string): string {
  return value.replace(/[\uE000\uE001]/g, "");
}
