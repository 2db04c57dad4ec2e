/**
 * A per-call latency model that turns call counts into projected Apps Script times.
 *
 * SHEETS_CALL_MS and SHEETS_CELL_MS come from Google's Apps Script "Best practices" page
 * (developers.google.com/apps-script/guides/support/best-practices, "Use batch operations"): a
 * script making one call per cell of a 100 x 100 grid (10,000 calls) takes about 70 s, the same
 * work read and written in one batch about 1 s. So about 7 ms per call, and about 0.1 ms per cell
 * moved in a batch at most (that second includes the script's own work): the cell term is an upper bound. DOCS_CALL_MS is taken equal to a Sheets call (an assumption: Google publishes
 * no figure); DOCS_CREATE_MS, creating or copying a document (a Drive file), is an assumption of
 * 1.5 s from reports of DocumentApp.create/makeCopy in issue threads, not a Google figure.
 * (The 70 s and 1 s are recalled from that page: the copy searched for this bench was cut off
 * before them, so re-check them there.) EXECUTION_LIMIT_MS is the documented 6-minute run time of a consumer/Workspace execution.
 * Projections are orders of magnitude, not promises: measure on a real spreadsheet to confirm.
 */
export const SHEETS_CALL_MS = 7;
export const SHEETS_CELL_MS = 0.1;
export const DOCS_CALL_MS = 7;
export const DOCS_CREATE_MS = 1500;
export const EXECUTION_LIMIT_MS = 6 * 60 * 1000;

export const sheetsMs = (calls: number, cells: number) => calls * SHEETS_CALL_MS + cells * SHEETS_CELL_MS;
export const docsMs = (calls: number, creates: number) => (calls - creates) * DOCS_CALL_MS + creates * DOCS_CREATE_MS;
