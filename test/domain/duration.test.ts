import fc from "fast-check";
import { formatDuration } from "../../src/domain/duration";

test.each([
  [0, "0 menit"],
  [1, "1 menit"],
  [59, "59 menit"],
  [60, "1 jam"],
  [61, "1 jam 1 menit"],
  [245, "4 jam 5 menit"],
  [1439, "23 jam 59 menit"],
  [1440, "1 hari"],
  [1500, "1 hari 1 jam"],
  // Rekap's median 17,393 minutes: 12 days 1 hour 53 minutes, to the nearest hour.
  [17393, "12 hari 2 jam"],
  [34382, "23 hari 21 jam"],
  [525600, "365 hari"],
  // A median may be the mean of two minutes.
  [35.5, "36 menit"],
  [1439.6, "1 hari"],
])("%p minutes read %p", (minutes, text) => {
  expect(formatDuration(minutes)).toBe(text);
});

test("a value that is no duration reads as a dash, never throws", () => {
  for (const bad of [-1, Number.NaN, Number.POSITIVE_INFINITY]) expect(formatDuration(bad)).toBe("-");
  fc.assert(fc.property(fc.double(), (n) => typeof formatDuration(n) === "string"));
});

test("every whole minute under a day reads back exactly", () => {
  fc.assert(fc.property(fc.integer({ min: 0, max: 1439 }), (n) => {
    const m = /^(?:(\d+) jam)? ?(?:(\d+) menit)?$/.exec(formatDuration(n));
    expect(m).not.toBeNull();
    expect(Number(m![1] ?? 0) * 60 + Number(m![2] ?? 0)).toBe(n);
  }));
});
