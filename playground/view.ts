/** The grid as the server sends it to the page (shared by server and client). */
export interface CellView {
  /** Display text (what Sheets shows). */
  t: string;
  /** Background, when not white (cell colour, or a matching conditional format). */
  bg?: string;
  fg?: string;
  bold?: boolean;
  note?: string;
  /** Checkbox state (checkbox cells only). */
  check?: boolean;
  /** Dropdown choices (list validation). */
  list?: string[];
  date?: boolean;
}

export interface SheetView {
  name: string;
  rows: number;
  cols: number;
  frozenRows: number;
  widths: number[];
  cells: CellView[][];
}
