import { logError, UNEXPECTED, UserError, userMessage } from "../../src/gas/errors";

test("users see our Indonesian message, or a generic one, never a service's text or a trace", () => {
  expect(userMessage(new UserError("Kolom \"NIK\" tidak ditemukan."))).toBe("Kolom \"NIK\" tidak ditemukan.");
  expect(userMessage(new TypeError("Cannot read properties of undefined (reading 'x') at checkRow"))).toBe(UNEXPECTED);
  expect(userMessage("3273014101900001")).toBe(UNEXPECTED);
});

test("logs name an unexpected error by its type only, so no cell content reaches the log", () => {
  const spy = jest.spyOn(console, "error").mockImplementation(() => {});
  logError("checkAll", new Error("Invalid value 3273014101900001 in cell B2"));
  logError("checkAll", new UserError("already shown"));
  expect(spy.mock.calls).toEqual([["checkAll: Error"]]);
  spy.mockRestore();
});
