/**
 * Jest setup for the whole suite: every console method and Apps Script's Logger is watched, and a
 * test whose output carries a NIK or KK (16 digits, also split by spaces, dots or hyphens, or in
 * scientific notation) or a health detail fails. The output itself still goes through.
 */
const SENSITIVE: readonly [string, RegExp][] = [
  ["a 16-digit NIK/KK", /(?<![\d])\d(?:[\s.-]?\d){15}(?![\d])/],
  ["a NIK/KK in scientific notation", /\d[.,]\d+E\+1[45]/i],
  ["a health detail", /Penyakit (?:Kronis|Katastropik)|Persalinan|Bayi dari Ibu PBI/i],
];

/** Which kinds of sensitive text `text` holds (never the text itself: this goes to the report). */
export function sensitiveKinds(text: string): string[] {
  return SENSITIVE.filter(([, re]) => re.test(text)).map(([kind]) => kind);
}

const seen: string[] = [];
const METHODS = ["log", "info", "warn", "error", "debug", "trace"] as const;

function watch(label: string, original: (...args: unknown[]) => void): (...args: unknown[]) => void {
  return (...args: unknown[]) => {
    const text = args.map((a) => (a instanceof Error ? `${a.message}\n${a.stack}` : typeof a === "string" ? a : safeJson(a))).join(" ");
    for (const kind of sensitiveKinds(text)) seen.push(`${label} printed ${kind}`);
    original(...args);
  };
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

for (const m of METHODS) {
  const original = console[m].bind(console);
  console[m] = watch(`console.${m}`, original);
}

// Apps Script's Logger: the shell uses console, but a Logger call anywhere is watched too.
const globals = globalThis as Record<string, unknown>;
const logged: string[] = [];
globals["Logger"] = {
  log: watch("Logger.log", (...args: unknown[]) => {
    logged.push(args.map(String).join(" "));
  }),
  getLog: () => logged.join("\n"),
  clear: () => {
    logged.length = 0;
  },
};

afterEach(() => {
  if (seen.length === 0) return;
  const found = [...new Set(seen)];
  seen.length = 0;
  throw new Error(`Sensitive data reached a log: ${found.join("; ")}`);
});
