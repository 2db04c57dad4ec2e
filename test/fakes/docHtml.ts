/** A fake Doc as an A4 HTML page, to look at the letter the way Docs would lay it out. */
import type { FakeDocument, FakeSection } from "./document";
import { FakeParagraph, FakeTable } from "./document";

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const pt = (v: unknown, fallback = 0) => `${typeof v === "number" ? v : fallback}pt`;

function paragraphHtml(p: FakeParagraph): string {
  if (p.hasRule) return `<hr class="rule">`;
  const a = p.attrs;
  const start = typeof a.INDENT_START === "number" ? a.INDENT_START : 0;
  const firstLine = typeof a.INDENT_FIRST_LINE === "number" ? a.INDENT_FIRST_LINE : start;
  const style = [
    `font-family:${String(a.FONT_FAMILY ?? "Arial")}`, `font-size:${pt(a.FONT_SIZE, 11)}`,
    a.BOLD ? "font-weight:bold" : "", a.UNDERLINE ? "text-decoration:underline" : "",
    `text-align:${String(a.HORIZONTAL_ALIGNMENT ?? "LEFT").toLowerCase()}`,
    `margin:${pt(a.SPACING_BEFORE)} 0 ${pt(a.SPACING_AFTER)} ${start}pt`, `text-indent:${firstLine - start}pt`,
  ].filter(Boolean).join(";");
  const m = /^(\d+\.)\t(.*)$/s.exec(p.value);
  const text = m ? `<span style="display:inline-block;width:${start - firstLine}pt;text-indent:0">${esc(m[1]!)}</span>${esc(m[2]!)}` : esc(p.value) || "&nbsp;";
  return `<p style="${style}">${text}</p>`;
}

function tableHtml(t: FakeTable): string {
  const border = t.attrs.BORDER_WIDTH === 0 ? "none" : "1px solid #000";
  const cols = t.widths.map((w) => `<col style="width:${w === null ? "auto" : `${w}pt`}">`).join("");
  const rows = t.cells.map((r) => `<tr>${r.map((c) => `<td style="border:${border}">${esc(c) || "&nbsp;"}</td>`).join("")}</tr>`).join("");
  return `<table style="font-family:${String(t.attrs.FONT_FAMILY ?? "Arial")};font-size:${pt(t.attrs.FONT_SIZE, 11)}">${cols}${rows}</table>`;
}

function sectionHtml(section: FakeSection | null): string {
  if (!section) return "";
  return section.children.map((c) => (c instanceof FakeTable ? tableHtml(c) : paragraphHtml(c as FakeParagraph))).join("\n");
}

export function documentHtml(doc: FakeDocument): string {
  const a = doc.body.attrs;
  const page = { w: pt(a.PAGE_WIDTH, 612), h: pt(a.PAGE_HEIGHT, 792), t: pt(a.MARGIN_TOP, 72), b: pt(a.MARGIN_BOTTOM, 72), l: pt(a.MARGIN_LEFT, 72), r: pt(a.MARGIN_RIGHT, 72) };
  return `<!doctype html><html><head><meta charset="utf-8"><title>${esc(doc.name)}</title><style>
  body { margin: 0; background: #888; }
  .page { position: relative; box-sizing: border-box; width: ${page.w}; min-height: ${page.h}; margin: 0 auto; background: #fff;
    padding: 28pt ${page.r} ${page.b} ${page.l}; line-height: 1.15; color: #000; }
  .header { margin-bottom: 14pt; }
  .footer { position: absolute; left: ${page.l}; right: ${page.r}; bottom: 20pt; }
  .rule { border: 0; border-top: 3px solid #000; border-bottom: 1px solid #000; height: 2px; margin: 4pt 0 0; }
  table { border-collapse: collapse; table-layout: fixed; margin: 0 0 6pt; }
  td { vertical-align: top; padding: 0 4pt 0 0; }
  p { white-space: pre-wrap; }
</style></head><body><div class="page">
<div class="header">${sectionHtml(doc.header)}</div>
<div class="body">${sectionHtml(doc.body)}</div>
<div class="footer">${sectionHtml(doc.footer)}</div>
</div></body></html>`;
}
