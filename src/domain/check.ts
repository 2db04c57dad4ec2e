/** Checking a whole table of requests: field checks, duplicates across rows, decisions. */
import {
  columnDef, type ColumnKey, columnList, type ColumnMap, describeDuplicates, type DuplicateColumn, duplicateColumns, headerNames, mapHeaders,
  requiredColumnKeys, type Service,
} from "./columns";
import type { IsoDate } from "./dates";
import type { DocumentKey } from "./documents";
import { decide, type Decision, NO_DOCUMENTS, NO_REASONS, type ReasonCode } from "./eligibility";
import { type Finding, hasError } from "./findings";
import type { Profile } from "./profiles";
import { type RequestRow, RowChecker } from "./rowcheck";
import { type Cell, cellText, enumKey, headerKey, isBlank } from "./text";
import { readBool } from "./values";

export interface RowResult {
  /** Spreadsheet row number (headers are row 1). */
  row: number;
  request: RequestRow;
  findings: readonly Finding[];
  decision: Decision;
  reasons: readonly ReasonCode[];
  deadline: IsoDate | null;
  missingDocuments: readonly DocumentKey[];
}

export interface TableCheck {
  columns: ColumnMap;
  /** Required columns the header row lacks: nothing can be checked without them. */
  missingRequired: ColumnKey[];
  /** The profile's window anchor column (a setting) when the header row lacks it. */
  missingAnchor: string | null;
  /** Columns the profile's rules read that the header row lacks; read as blank. */
  missingUsed: ColumnKey[];
  /** Two columns naming one key (`No KTP` and `NIK`): a setup problem that stops the check; only the first is read. */
  duplicateColumns: DuplicateColumn[];
  results: RowResult[];
}

const FINISHED = new Set(["selesai", "ditolak", "dikembalikan"]);

export function isOpenStage(stage: string): boolean {
  return !FINISHED.has(enumKey(stage));
}

/** Columns the profile's eligibility rules read, beyond the required ones. */
export function columnsUsedBy(profile: Profile): ColumnKey[] {
  // A field only this profile requires (000's SK number) is named once when its column is absent.
  const keys: ColumnKey[] = [...profile.extraRequiredFields, "registryStatus"];
  if (profile.registryPolicy === "decile-or-health-need") keys.push("decile", "healthNeed");
  if (profile.registryPolicy === "facilitator") keys.push("facilitatorResult");
  if (profile.requiresBpjsConfirmation) keys.push("bpjsConfirmation");
  if (profile.oncePerPerson) keys.push("reactivatedBefore");
  keys.push(...profile.requiredDocuments);
  return keys;
}

/**
 * A row with nothing typed: every cell blank, or an unticked box in a boolean column (checkbox
 * cells hold FALSE, and Siapkan Sheet puts them down whole columns). `booleans`: those columns.
 */
export function isBlankRow(cells: readonly Cell[], booleans: ReadonlySet<number> = NO_COLUMNS): boolean {
  for (let j = 0; j < cells.length; j++) {
    const cell = cells[j];
    if (!isBlank(cell) && !(booleans.has(j) && readBool(cell) === false)) return false;
  }
  return true;
}

const NO_COLUMNS: ReadonlySet<number> = new Set();

/** Positions of the boolean columns (checkboxes) in a header map. */
export function booleanColumns(columns: ColumnMap): Set<number> {
  return new Set(Object.entries(columns).filter(([key]) => columnDef(key as ColumnKey).type === "bool").map(([, i]) => i!));
}

/**
 * What keeps a sheet from being read at all (spec section 2), in Indonesian, or null: a
 * required column missing, or two columns read as one field.
 */
export function setupProblem(headers: readonly Cell[], profile: Profile): string | null {
  const columns = mapHeaders(headers);
  const missing = requiredColumnKeys(profile.service).filter((k) => columns[k] === undefined);
  if (missing.length) return `kolom ${columnList(missing)} tidak ada`;
  const twice = duplicateColumns(headers);
  return twice.length ? describeDuplicates(twice).replace(/\.$/, "") : null;
}

/**
 * Checks data rows (without the header row). `firstRow` is the sheet row number of rows[0].
 * Rows whose cells are all blank are skipped.
 */
export function checkTable(
  headers: readonly Cell[],
  rows: readonly (readonly Cell[])[],
  profile: Profile,
  today: IsoDate,
  firstRow = 2,
): TableCheck {
  const columns = mapHeaders(headers);
  const missingRequired = requiredColumnKeys(profile.service).filter((k) => columns[k] === undefined);
  const missingUsed = columnsUsedBy(profile).filter((k) => columns[k] === undefined);
  const anchor = profile.windowAnchor;
  const anchorColumn = anchor ? headers.findIndex((h) => headerKey(cellText(h)) === headerKey(anchor)) : -1;
  const missingAnchor = anchor && anchorColumn < 0 ? anchor : null;
  const checker = new RowChecker({
    profile, today, columns, headerNames: headerNames(headers, columns),
    ...(anchorColumn < 0 ? {} : { anchorColumn, anchorHeader: cellText(headers[anchorColumn]).trim() }),
  });
  const booleans = booleanColumns(columns);
  const results: RowResult[] = [];
  // First open request per service and NIK, as its index in `results`.
  const firstOpen = new Map<Service, Map<string, number>>();

  for (let i = 0; i < rows.length; i++) {
    const cells = rows[i]!;
    if (isBlankRow(cells, booleans)) continue;
    const rowNumber = firstRow + i;
    const checked = checker.check(cells);
    const row = checked.row;
    let findings = checked.findings;
    if (row.nik !== null && row.service !== null && isOpenStage(row.stage)) {
      let byNik = firstOpen.get(row.service);
      if (!byNik) firstOpen.set(row.service, (byNik = new Map()));
      const first = byNik.get(row.nik);
      if (first === undefined) byNik.set(row.nik, results.length);
      else {
        const earlier = results[first]!;
        findings = [...findings, checker.duplicate(earlier.row, earlier.request.id)];
      }
    }
    results.push(resultFor(rowNumber, row, findings, profile));
  }
  return { columns, missingRequired, missingAnchor, missingUsed, duplicateColumns: duplicateColumns(headers), results };
}

function resultFor(rowNumber: number, request: RequestRow, findings: readonly Finding[], profile: Profile): RowResult {
  if (hasError(findings)) {
    return { row: rowNumber, request, findings, decision: "INVALID", reasons: NO_REASONS, deadline: null, missingDocuments: NO_DOCUMENTS };
  }
  const e = decide(request, profile);
  return { row: rowNumber, request, findings, decision: e.decision, reasons: e.reasons, deadline: e.deadline, missingDocuments: e.missingDocuments };
}
