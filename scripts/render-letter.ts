/**
 * Renders the built-in letter layouts through the Docs adapter into fake Docs, then to PNGs with
 * Chromium (npm run render:letter): build/letter-<profile>.png and build/letter-siks-ng.png.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { buildLetter, buildSecondLetter } from "../src/domain/letter";
import { renderLayout } from "../src/gas/docs";
import { letterInput } from "../test/domain/letterFixtures";
import { documentHtml } from "../test/fakes/docHtml";
import { installFakeDocs } from "../test/fakes/document";

const out = join(__dirname, "..", "build");
mkdirSync(out, { recursive: true });
const docs = installFakeDocs();
const pages: [string, string][] = [];
for (const [file, layout] of [
  ["letter-pangkalpinang-reaktivasi", buildLetter(letterInput())],
  ["letter-nasional", buildLetter(letterInput("nasional-2026"))],
  ["letter-minsel", buildLetter(letterInput("minsel", { number: null }))],
  ["letter-bantuan", buildLetter(letterInput("pangkalpinang-bantuan-kesehatan", { deadline: null }))],
  ["letter-siks-ng", buildSecondLetter(letterInput())],
] as const) {
  const doc = DocumentApp.create(layout.name);
  renderLayout(doc, layout);
  const html = documentHtml(docs.documents.get(doc.getId())!);
  writeFileSync(join(out, `${file}.html`), html);
  pages.push([file, html]);
}

(async () => {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", args: ["--no-sandbox"] });
  try {
    const page = await browser.newPage({ viewport: { width: 820, height: 1130 }, deviceScaleFactor: 1 });
    for (const [file, html] of pages) {
      await page.setContent(html);
      await page.screenshot({ path: join(out, `${file}.png`), fullPage: true });
      console.log(`build/${file}.png`);
    }
  } finally {
    await browser.close();
  }
})().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
