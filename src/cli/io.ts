/** What the CLI may touch outside itself; tests pass fakes. */
import type { SheetsEnv } from "./sheetsApi";

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readFile: (path: string) => Uint8Array;
  writeFile: (path: string, data: Uint8Array) => void;
  /** True when both paths name one file (an --output that would overwrite the input). */
  sameFile: (a: string, b: string) => boolean;
  now: () => Date;
  /** Colour the table (a terminal, NO_COLOR unset). */
  colour: boolean;
  /** Folder holding demo-ID.csv for each profile. */
  examplesDir: string;
  /** Credentials and API root for live spreadsheets (process.env); none: only files work. */
  env?: SheetsEnv;
}
