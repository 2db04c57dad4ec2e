import { handleEdit, checkAll } from "../../src/gas/app";
import { isIoCall } from "../fakes";
import { editEvent, eligible, freshEnv, preparedSheet, TODAY, writeRows } from "../gas/helpers";
test("x", () => {
  const env = freshEnv();
  const sheet = preparedSheet(env);
  writeRows(sheet, Array.from({length: 20}, (_, i) => eligible(`P ${i}`, i + 1, {})));
  env.resetCalls();
  checkAll(env.spreadsheet, TODAY);
  console.log("checkAll", env.calls.filter(isIoCall).map((c) => `${c.target}.${c.method} ${c.a1 ?? ""}`).join("\n"));
  const nikCol = (sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] as string[]).indexOf("NIK") + 1;
  const cell = sheet.getRange(10, nikCol);
  cell.setValue("3273014101900099");
  env.resetCalls();
  handleEdit(editEvent(cell));
  console.log("edit", env.calls.map((c) => `${isIoCall(c) ? "IO " : ""}${c.target}.${c.method} ${c.a1 ?? ""}`).join("\n"));
  env.uninstall();
});
