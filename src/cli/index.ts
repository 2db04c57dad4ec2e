/** Node entry of the `pbijk` command. */
import { readFileSync, realpathSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { run } from "./main";
import { wantsColour } from "./terminal";

/** `pbijk check big.csv | head`: the reader left, so there is nobody to tell; end quietly. */
function quietOnClosedPipe(stream: NodeJS.WriteStream): void {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(0);
    throw error;
  });
}
quietOnClosedPipe(process.stdout);
quietOnClosedPipe(process.stderr);

function write(stream: NodeJS.WriteStream, text: string): void {
  try {
    stream.write(text);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EPIPE") process.exit(0);
    throw error;
  }
}

function sameFile(a: string, b: string): boolean {
  try {
    const [sa, sb] = [statSync(a), statSync(b)];
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    // The output does not exist yet (or the input does not): compare where they would be.
    const real = (p: string) => {
      try {
        return realpathSync(p);
      } catch {
        return resolve(p);
      }
    };
    return real(a) === real(b);
  }
}

void run(process.argv.slice(2), {
  stdout: (t) => write(process.stdout, t),
  stderr: (t) => write(process.stderr, t),
  readFile: (p) => readFileSync(p),
  writeFile: (p, data) => writeFileSync(p, data),
  sameFile,
  now: () => new Date(),
  colour: wantsColour(process.stdout.isTTY, process.env),
  examplesDir: join(__dirname, "..", "examples"),
  env: process.env,
}).then((code) => {
  process.exitCode = code;
});
