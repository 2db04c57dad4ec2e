/** Plain-terminal layout: an 80-column width, word wrap, and colour only where it shows. */

export const WIDTH = 80;

/** Display width by code point: names and messages here are Latin text. */
export const displayWidth = (text: string): number => [...text].length;

/**
 * `text` word-wrapped to `width`: the first line starts with `first`, the others with `rest`
 * (both counted in the width). A word longer than a line is cut.
 */
export function wrap(text: string, first: string, rest: string, width = WIDTH): string[] {
  const lines: string[] = [];
  let line = first;
  let empty = true;
  for (let word of text.split(/\s+/).filter(Boolean)) {
    while (true) {
      const room = width - displayWidth(line) - (empty ? 0 : 1);
      const chars = [...word];
      if (chars.length <= room) {
        line += (empty ? "" : " ") + word;
        empty = false;
        break;
      }
      if (!empty) {
        lines.push(line);
        line = rest;
        empty = true;
        continue;
      }
      line += chars.slice(0, room).join("");
      lines.push(line);
      line = rest;
      word = chars.slice(room).join("");
    }
  }
  if (!empty || lines.length === 0) lines.push(line);
  return lines;
}

/** `text` cut to `width` (with an ellipsis) and padded to it. */
export function fit(text: string, width: number): string {
  const chars = [...text];
  const cut = chars.length > width ? `${chars.slice(0, width - 1).join("")}…` : text;
  return cut + " ".repeat(Math.max(0, width - displayWidth(cut)));
}

/** https://no-color.org: colour on a terminal unless NO_COLOR holds any non-empty value. */
export function wantsColour(isTty: boolean | undefined, env: Record<string, string | undefined>): boolean {
  return isTty === true && !env["NO_COLOR"];
}

export type Colour = "red" | "green" | "yellow" | "bold" | "dim";
const CODES: Record<Colour, string> = { red: "31", green: "32", yellow: "33", bold: "1", dim: "2" };

export type Paint = (colour: Colour, text: string) => string;
export const paint = (enabled: boolean): Paint =>
  enabled ? (colour, text) => `\u001b[${CODES[colour]}m${text}\u001b[0m` : (_colour, text) => text;
