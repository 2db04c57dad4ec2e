/** Letter numbers from the yearly counter in document properties (spec section 7). */
import type { IsoDate } from "../domain/dates";
import { counterKey, formatLetterNumber, nextSequences, parseNumberFormat, sequenceOf } from "../domain/numbering";
import { SETTING_FIELDS } from "../domain/settings";
import { UserError } from "./errors";
import { documentProperties } from "./services";

/**
 * The next `count` letter numbers of the year of `date`. Call inside the document lock (drafting,
 * and `Penomoran dan Stempel` for profiles that number after signature): the counter in document
 * properties only grows, and never falls behind a number already in the sheet.
 */
export function issueNumbers(format: string, date: IsoDate, sheetNumbers: readonly string[], count: number): string[] {
  const parsed = parseNumberFormat(format);
  if (!parsed.ok) throw new UserError(`Perbaiki "${SETTING_FIELDS.numberFormat.label}" di Pengaturan: ${parsed.problems.join(" ")}`);
  const year = Number(date.slice(0, 4));
  const props = documentProperties();
  let highest = 0;
  // A cell may hold two numbers, one per line (a request's second letter).
  for (const cell of sheetNumbers) for (const n of cell.split("\n")) highest = Math.max(highest, sequenceOf(format, n.trim(), year) ?? 0);
  const { sequences, last } = nextSequences(Number(props.getProperty(counterKey(year)) ?? "0"), highest, count);
  props.setProperty(counterKey(year), String(last));
  return sequences.map((n) => formatLetterNumber(format, n, date));
}
