/** A sheet as the page draws it, read through the fakes' Apps Script API in one block per property. */
import type { CellView, SheetView } from "./view";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const SPARE_ROWS = 20;
const DEFAULT_WIDTH = 100;

/** A column nobody sized gets a width for its text, as a double-click on its edge would give. */
function fittedWidth(display: string[][], c: number): number {
  let longest = 0;
  for (const line of display.slice(0, 60)) longest = Math.max(longest, (line[c] ?? "").length);
  return Math.max(60, Math.min(220, Math.round(longest * 7.2 + 14)));
}

export function sheetView(sheet: Sheet): SheetView {
  const rows = Math.min(sheet.getMaxRows(), Math.max(1, sheet.getLastRow()) + SPARE_ROWS);
  const cols = Math.min(sheet.getMaxColumns(), Math.max(1, sheet.getLastColumn()));
  const range = sheet.getRange(1, 1, rows, cols);
  const display = range.getDisplayValues();
  const values = range.getValues();
  const backgrounds = range.getBackgrounds();
  const notes = range.getNotes();
  const rules = range.getDataValidations();
  const weights = range.getFontWeights();
  const cells: CellView[][] = display.map((line, r) =>
    line.map((t, c) => {
      const cell: CellView = { t };
      const bg = backgrounds[r]![c]!;
      if (bg && bg !== "#ffffff") cell.bg = bg;
      if (weights[r]![c] === "bold") cell.bold = true;
      const note = notes[r]![c]!;
      if (note) cell.note = note;
      const rule = rules[r]![c];
      if (rule) {
        const type = String(rule.getCriteriaType());
        if (type === "CHECKBOX") cell.check = values[r]![c] === true;
        else if (type === "VALUE_IN_LIST") cell.list = ((rule.getCriteriaValues()[0] ?? []) as unknown[]).map(String);
        else if (type === "DATE_IS_VALID_DATE") cell.date = true;
      }
      return cell;
    }),
  );
  applyConditionalFormats(sheet, cells);
  const widths = Array.from({ length: cols }, (_, c) => {
    const width = sheet.getColumnWidth(c + 1);
    return width === DEFAULT_WIDTH ? fittedWidth(display, c) : width;
  });
  return { name: sheet.getName(), rows, cols, frozenRows: sheet.getFrozenRows(), widths, cells };
}

/** Sheets paints the first matching rule's format over the cell's own. */
function applyConditionalFormats(sheet: Sheet, cells: CellView[][]): void {
  const painted = new Set<string>();
  for (const rule of sheet.getConditionalFormatRules()) {
    const condition = rule.getBooleanCondition();
    if (!condition) continue;
    const type = String(condition.getCriteriaType());
    const wanted = condition.getCriteriaValues().map(String);
    const matches = (text: string): boolean => {
      if (type === "TEXT_EQUAL_TO") return text === wanted[0];
      if (type === "TEXT_CONTAINS") return text.includes(wanted[0] ?? "");
      if (type === "CELL_EMPTY") return text === "";
      if (type === "CELL_NOT_EMPTY") return text !== "";
      return false; // custom formulas are not evaluated here
    };
    for (const range of rule.getRanges()) {
      const lastRow = Math.min(cells.length, range.getRow() + range.getNumRows() - 1);
      for (let r = range.getRow(); r <= lastRow; r++) {
        const line = cells[r - 1]!;
        const lastCol = Math.min(line.length, range.getColumn() + range.getNumColumns() - 1);
        for (let c = range.getColumn(); c <= lastCol; c++) {
          const key = `${r}:${c}`;
          const cell = line[c - 1]!;
          if (painted.has(key) || !matches(cell.t)) continue;
          painted.add(key);
          const bg = condition.getBackground();
          const fg = condition.getFontColor();
          if (bg) cell.bg = bg;
          if (fg) cell.fg = fg;
          if (condition.getBold()) cell.bold = true;
        }
      }
    }
  }
}
