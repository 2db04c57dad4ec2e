/**
 * Shared machinery: the Proxy that turns a fake into an Apps Script typed object,
 * the call log, and loud failures for anything not modelled.
 */

export type CallTarget =
  | "SpreadsheetApp"
  | "Spreadsheet"
  | "Sheet"
  | "Range"
  | "RangeList"
  | "Protection";

export interface CallRecord {
  target: CallTarget;
  /** Sheet name at call time (Sheet, Range and Protection calls; Spreadsheet insertSheet/deleteSheet). */
  sheet?: string;
  method: string;
  /** The range's A1 notation (Range calls), to check which cells a read touched. */
  a1?: string;
}

const RANGE_READS = new Set([
  "getValues", "getValue", "getDisplayValues", "getDisplayValue",
  "getNumberFormats", "getNumberFormat", "getBackgrounds", "getBackground",
  "getNotes", "getNote", "getFormulas", "getFormula",
  "getDataValidations", "getDataValidation", "getFontWeights", "getFontWeight", "isBlank",
]);
const SHEET_STRUCTURAL = new Set(["sort", "moveColumns", "setFrozenRows", "setConditionalFormatRules", "clear"]);

/** True when a call is a data round-trip to the spreadsheet (what performance budgets count). */
export function isIoCall(call: CallRecord): boolean {
  const m = call.method;
  switch (call.target) {
    case "Range":
      return RANGE_READS.has(m) || /^(set|clear|insert)/.test(m);
    case "Sheet":
      return /^(insert|delete)/.test(m) || SHEET_STRUCTURAL.has(m);
    case "Spreadsheet":
      return m === "insertSheet" || m === "deleteSheet";
    default:
      return false;
  }
}

/** True for a data round-trip that changes the spreadsheet (buffered until a flush). */
export function isWriteCall(call: CallRecord): boolean {
  return isIoCall(call) && !(call.target === "Range" && RANGE_READS.has(call.method));
}

/** Writes logged since the last SpreadsheetApp.flush(): what a lock release would leave unapplied. */
export function unflushedWrites(calls: readonly CallRecord[]): number {
  let count = 0;
  for (const call of calls) {
    if (call.target === "SpreadsheetApp" && call.method === "flush") count = 0;
    else if (isWriteCall(call)) count++;
  }
  return count;
}

/** Date check that also accepts Dates made in another realm (a vm context). */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === "[object Date]";
}

/** The one place where a fake is reinterpreted as an Apps Script type. */
export function unsafeCast<T>(value: unknown): T {
  return value as T;
}

export function notModelled(label: string, member: string): Error {
  return new Error(`${label}.${member} is not modelled`);
}

// Keys that test tooling (jest matchers, pretty-format, promises, node inspect) probes on
// arbitrary objects: answer "absent" instead of handing out a throwing stub.
const PROBED = new Set([
  "then", "toJSON", "asymmetricMatch", "$$typeof", "nodeType", "tagName", "constructor",
  "inspect", "valueOf", "length", "prototype", "nodeName", "mock", "_isMockFunction",
]);

function isProbe(key: string): boolean {
  return PROBED.has(key) || key.startsWith("@@") || key.startsWith("_") || key.startsWith("$");
}

export interface ExposeOptions {
  /** Name used in "X.y is not modelled" errors, e.g. "FakeRange". */
  label: string;
  /** Members reachable through the typed object; everything else throws when called. */
  members: readonly string[];
  /** Called before each modelled method runs (for the call log). */
  onCall?: (method: string, args: unknown[]) => void;
  /** Lets callers assign arbitrary properties (HtmlTemplate variables). */
  openProperties?: boolean;
  /** Identity shown to jest (`toEqual`, failure output); defaults to a unique id. */
  describe?: () => string;
}

/** The one own key a fake shows to jest, so distinct objects never compare equal by accident. */
export const IDENTITY_KEY = "$fake";
let serial = 0;

const rawByApi = new WeakMap<object, object>();

/** The fake behind a typed object handed out by exposeAs (for test helpers only). */
export function rawOf<T extends object>(api: unknown): T {
  const raw = typeof api === "object" && api !== null ? rawByApi.get(api) : undefined;
  if (!raw) throw new Error("Not a fake Apps Script object");
  return unsafeCast<T>(raw);
}

/**
 * Wraps a fake so that only its modelled members are visible; calls are logged and run
 * against the fake itself (so internal calls are never logged), unknown members throw.
 */
export function exposeAs<T>(raw: object, opts: ExposeOptions): T {
  const members = new Set(opts.members);
  const wrappers = new Map<string, (...args: unknown[]) => unknown>();
  const assigned = new Map<string, unknown>();
  const id = `${opts.label}#${++serial}`;
  const identity = opts.describe ?? (() => id);
  const proxy = new Proxy(raw, {
    get(target, key) {
      if (typeof key !== "string") {
        if (key === Symbol.toStringTag) return opts.label;
        return undefined;
      }
      if (key === "toString") return () => opts.label.replace(/^Fake/, "");
      if (members.has(key)) {
        const member: unknown = Reflect.get(target, key);
        if (typeof member !== "function") return member;
        let wrapper = wrappers.get(key);
        if (!wrapper) {
          wrapper = (...args: unknown[]) => {
            opts.onCall?.(key, args);
            return (member as (...a: unknown[]) => unknown).apply(target, args);
          };
          wrappers.set(key, wrapper);
        }
        return wrapper;
      }
      if (assigned.has(key)) return assigned.get(key);
      if (key === IDENTITY_KEY) return identity();
      if (isProbe(key)) return undefined;
      // Capitalised members are enums/constants: fail on access, not on a later call.
      if (/^[A-Z]/.test(key)) throw notModelled(opts.label, key);
      return () => {
        throw notModelled(opts.label, key);
      };
    },
    set(_target, key, value) {
      if (opts.openProperties && typeof key === "string" && !members.has(key)) {
        assigned.set(key, value);
        return true;
      }
      throw new Error(`Cannot assign ${opts.label}.${String(key)}: not modelled`);
    },
    has(_target, key) {
      return typeof key === "string" && (members.has(key) || assigned.has(key));
    },
    // Opaque like real Apps Script objects, except for one identity key jest compares.
    ownKeys() {
      return [IDENTITY_KEY, ...assigned.keys()];
    },
    getOwnPropertyDescriptor(_target, key) {
      if (key === IDENTITY_KEY) return { value: identity(), writable: false, enumerable: true, configurable: true };
      if (typeof key === "string" && assigned.has(key)) {
        return { value: assigned.get(key), writable: true, enumerable: true, configurable: true };
      }
      return undefined;
    },
  });
  rawByApi.set(proxy, raw);
  return unsafeCast<T>(proxy);
}

/** A runtime enum object (values are their own names) that throws on unknown members. */
export function makeEnum<E>(label: string, names: readonly string[]): E {
  const values: Record<string, string> = {};
  for (const name of names) values[name] = name;
  Object.freeze(values);
  return unsafeCast<E>(
    new Proxy(values, {
      get(target, key) {
        if (typeof key !== "string") return undefined;
        if (Object.prototype.hasOwnProperty.call(target, key)) return target[key];
        if (key === "toString") return () => label;
        if (isProbe(key)) return undefined;
        throw new Error(`${label}.${key} is not modelled`);
      },
    }),
  );
}

/** A Base.User-like object. */
export function makeUser(email: string): GoogleAppsScript.Base.User {
  return exposeAs<GoogleAppsScript.Base.User>(
    { getEmail: () => email },
    { label: "FakeUser", members: ["getEmail"] },
  );
}
