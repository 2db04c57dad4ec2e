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
