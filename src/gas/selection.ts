/** The rows a user selected (sheet row numbers, header row excluded). */
export function selectedRowNumbers(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): Set<number> {
  const rows = new Set<number>();
  for (const range of ss.getActiveRangeList()?.getRanges() ?? []) {
    for (let r = Math.max(2, range.getRow()); r < range.getRow() + range.getNumRows(); r++) rows.add(r);
  }
  return rows;
}
