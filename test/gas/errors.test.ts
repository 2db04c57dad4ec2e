import { scrubDigits } from "../../src/domain/privacy";
import { logError, UNEXPECTED, UserError, userMessage } from "../../src/gas/errors";

test("users see our Indonesian message, or a generic one, never a service's text or a trace", () => {
  expect(userMessage(new UserError("Kolom \"NIK\" tidak ditemukan."))).toBe("Kolom \"NIK\" tidak ditemukan.");
  expect(userMessage(new TypeError("Cannot read properties of undefined (reading 'x') at checkRow"))).toBe(UNEXPECTED);
  expect(userMessage("3273014101900001")).toBe(UNEXPECTED);
});

test("digit runs of 6 or more, also split by spaces, dots or hyphens, are scrubbed; short numbers stay", () => {
  expect(scrubDigits("NIK 3273014101900001, HP 0812-3456-7890, +62 812 3456 7890, KK 3273.0101.1000.01"))
    .toBe("NIK #, HP #, #, KK #");
  expect(scrubDigits("Code.js:1234:56 baris 12345")).toBe("Code.js:1234:56 baris 12345");
  expect(scrubDigits("nilai 123456")).toBe("nilai #");
});

test("the log holds the action, the error's message and stack, scrubbed; a UserError or a thrown value is not printed", () => {
  const spy = jest.spyOn(console, "error").mockImplementation(() => {});
  const error = new Error("Invalid value 3273014101900001 in cell B2");
  logError("checkAll", error);
  logError("checkAll", new UserError("already shown"));
  logError("onEdit", "3273014101900001");
  expect(spy).toHaveBeenCalledTimes(2);
  const [first] = spy.mock.calls[0]!;
  expect(first).toMatch(/^checkAll: Error: Invalid value # in cell B2\n/);
  expect(first).toContain("errors.test.ts"); // the stack, for whoever supports the office
  expect(spy.mock.calls[1]![0]).toBe("onEdit: string: (bukan Error)");
  expect(JSON.stringify(spy.mock.calls)).not.toMatch(/\d{6}/);
  spy.mockRestore();
});
