/** A1 notation helpers (1-based rows and columns). */

export interface Area {
  row: number;
  col: number;
  numRows: number;
  numCols: number;
}

export function columnLetters(col: number): string {
  let out = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) {
    out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  }
  return out;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function a1Of(area: Area): string {
  const start = `${columnLetters(area.col)}${area.row}`;
  if (area.numRows === 1 && area.numCols === 1) return start;
  return `${start}:${columnLetters(area.col + area.numCols - 1)}${area.row + area.numRows - 1}`;
}

/** "A1", "A1:C10", "A:C", "2:5", "A2:C" (open ends reach the sheet's edge). */
export function parseA1(a1: string, maxRows: number, maxCols: number): Area {
  const m = /^\$?([A-Z]+)?\$?(\d+)?(?::\$?([A-Z]+)?\$?(\d+)?)?$/i.exec(a1.trim());
  if (!m || (!m[1] && !m[2])) throw new Error("Range not found");
  const [, c1, r1, c2, r2] = m;
  const hasEnd = a1.includes(":");
  if (!hasEnd && (!c1 || !r1)) throw new Error("Range not found");
  if (hasEnd && !c2 && !r2) throw new Error("Range not found");
  const colA = c1 ? columnNumber(c1) : 1;
  const rowA = r1 ? Number(r1) : 1;
  const colB = hasEnd ? (c2 ? columnNumber(c2) : maxCols) : colA;
  const rowB = hasEnd ? (r2 ? Number(r2) : maxRows) : rowA;
  if (rowA < 1 || rowB < 1) throw new Error("Range not found");
  const row = Math.min(rowA, rowB);
  const col = Math.min(colA, colB);
  return { row, col, numRows: Math.abs(rowB - rowA) + 1, numCols: Math.abs(colB - colA) + 1 };
}

/** Whether two areas share at least one cell. */
export function overlaps(a: Area, b: Area): boolean {
  return a.row < b.row + b.numRows && b.row < a.row + a.numRows &&
    a.col < b.col + b.numCols && b.col < a.col + a.numCols;
}

/** Whether `inner` lies entirely inside `outer`. */
export function contains(outer: Area, inner: Area): boolean {
  return inner.row >= outer.row && inner.col >= outer.col &&
    inner.row + inner.numRows <= outer.row + outer.numRows &&
    inner.col + inner.numCols <= outer.col + outer.numCols;
}
