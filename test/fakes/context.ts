/** State shared by every fake of one environment. */
import type { CallRecord } from "./core";
import type { FakeUi } from "./ui";

export interface ToastRecord {
  message: string;
  title: string;
  timeoutSeconds: number | null;
}

export interface FakeContext {
  calls: CallRecord[];
  users: { active: string; effective: string };
  /** The spreadsheet owner: may always edit protected ranges. */
  owner: string;
  scriptTimeZone: string;
  toasts: ToastRecord[];
  sleeps: number[];
  ui: FakeUi;
  htmlFiles: Map<string, string>;
  /** Written text that reads as a date becomes a date, as in Sheets (FakeOptions.parseTypedDates). */
  parseTypedDates: boolean;
  /** Builds the Dates handed to callers (in the caller's realm when run inside a vm context). */
  newDate: (ms: number) => Date;
}
