import { retrying } from "../../src/gas/services";
import { installFakes, type FakeEnv } from "../fakes";

let env: FakeEnv;
beforeEach(() => {
  env = installFakes();
});
afterEach(() => env.uninstall());

test("a passing Sheets failure is tried again after a growing pause", () => {
  let calls = 0;
  const value = retrying(() => {
    if (++calls < 3) throw new Error("Service Spreadsheets timed out while accessing document with id ss-1.");
    return 42;
  });
  expect(value).toBe(42);
  expect(env.sleeps).toHaveLength(2);
  expect(env.sleeps[1]!).toBeGreaterThan(env.sleeps[0]!);
});

test("a real error is not retried, and retries stop after the last attempt", () => {
  let calls = 0;
  expect(() => retrying(() => {
    calls++;
    throw new Error("The coordinates of the range are outside the dimensions of the sheet.");
  })).toThrow("coordinates");
  expect(calls).toBe(1);
  calls = 0;
  expect(() => retrying(() => {
    calls++;
    throw new Error("Service timed out");
  })).toThrow("timed out");
  expect(calls).toBe(3);
});

test.each([
  "Service Spreadsheets failed while accessing document with id 1K1319vu2-OlQCMgfD4XOpYiHpX7YdyoL9GSteSe_Mfs.",
  "Exception: Service Spreadsheets failed while accessing document with id ss-1.",
  "Service Documents failed while accessing document with id doc-1.",
  "Service timed out: Spreadsheets",
  "Service timed out",
])("Apps Script's passing failure %j is tried again", (text) => {
  let calls = 0;
  const value = retrying(() => {
    if (++calls < 2) throw new Error(text);
    return "ok";
  });
  expect(value).toBe("ok");
  expect(calls).toBe(2);
  expect(env.sleeps).toHaveLength(1);
});

test("a failure that names a lasting cause is not retried, though it mentions the document", () => {
  let calls = 0;
  expect(() => retrying(() => {
    calls++;
    throw new Error("You do not have permission to access the requested document.");
  })).toThrow("permission");
  expect(calls).toBe(1);
});
