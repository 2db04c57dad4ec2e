/** LockService, PropertiesService, CacheService, Session and Utilities. */
import { createHash, randomUUID } from "node:crypto";
import type { FakeContext } from "./context";
import { exposeAs, isDate, makeUser } from "./core";
import { formatJavaDate } from "./format";

type Lock = GoogleAppsScript.Lock.Lock;
type Properties = GoogleAppsScript.Properties.Properties;
type Cache = GoogleAppsScript.Cache.Cache;

// ---------------------------------------------------------------- locks

const LOCK_MEMBERS = ["tryLock", "waitLock", "releaseLock", "hasLock"] as const;

/** One lock; set `heldByOther` to simulate another execution holding it. */
export class FakeLock implements Pick<Lock, (typeof LOCK_MEMBERS)[number]> {
  readonly api: Lock;
  heldByOther = false;
  held = false;
  /** Writes not yet flushed at each release (Google asks for SpreadsheetApp.flush() first). */
  readonly releases: number[] = [];
  /** Counts the writes still buffered; set by createFakeServices. */
  pendingWrites: () => number = () => 0;
  /** Timeouts passed to tryLock/waitLock, in call order. */
  readonly attempts: Array<{ method: "tryLock" | "waitLock"; timeoutMs: number; acquired: boolean }> = [];

  constructor(label: string) {
    this.api = exposeAs<Lock>(this, { label, members: LOCK_MEMBERS });
  }
  tryLock(timeoutMs: number): boolean {
    const acquired = !this.heldByOther;
    this.attempts.push({ method: "tryLock", timeoutMs, acquired });
    if (acquired) this.held = true;
    return acquired;
  }
  waitLock(timeoutMs: number): void {
    const acquired = !this.heldByOther;
    this.attempts.push({ method: "waitLock", timeoutMs, acquired });
    if (!acquired) throw new Error("Lock timeout: another process was holding the lock for too long.");
    this.held = true;
  }
  releaseLock(): void {
    if (this.held) this.releases.push(this.pendingWrites());
    this.held = false;
  }
  hasLock(): boolean {
    return this.held;
  }
}

export interface FakeLocks {
  document: FakeLock;
  script: FakeLock;
  user: FakeLock;
}

function lockService(locks: FakeLocks): GoogleAppsScript.Lock.LockService {
  const members = ["getDocumentLock", "getScriptLock", "getUserLock"] as const;
  const service: Pick<GoogleAppsScript.Lock.LockService, (typeof members)[number]> = {
    getDocumentLock: () => locks.document.api,
    getScriptLock: () => locks.script.api,
    getUserLock: () => locks.user.api,
  };
  return exposeAs(service, { label: "FakeLockService", members });
}

// ---------------------------------------------------------------- properties

const PROPERTY_MEMBERS = [
  "getProperty", "setProperty", "setProperties", "getProperties", "getKeys", "deleteProperty", "deleteAllProperties",
] as const;
// Documented quotas: 9 KB per value, 500 KB per store (counted in UTF-8 bytes of keys and values).
const MAX_PROPERTY_VALUE = 9 * 1024;
const MAX_PROPERTY_STORE = 500 * 1024;
const bytes = (text: string) => Buffer.byteLength(text, "utf8");

/** A property store; `data` is inspectable from tests. Values are always strings. */
export class FakeProperties implements Pick<Properties, (typeof PROPERTY_MEMBERS)[number]> {
  readonly api: Properties;
  readonly data = new Map<string, string>();
  /** Methods called through the API, in order (service calls a run makes). */
  readonly calls: string[] = [];

  constructor(label: string) {
    this.api = exposeAs<Properties>(this, { label, members: PROPERTY_MEMBERS, onCall: (method) => this.calls.push(method) });
  }
  getProperty(key: string): string | null {
    return this.data.get(String(key)) ?? null;
  }
  setProperty(key: string, value: unknown): Properties {
    const text = String(value);
    if (bytes(text) > MAX_PROPERTY_VALUE) throw new Error("Argument too large: value");
    let total = bytes(String(key)) + bytes(text);
    for (const [k, v] of this.data) if (k !== String(key)) total += bytes(k) + bytes(v);
    if (total > MAX_PROPERTY_STORE) throw new Error("You have exceeded the property storage quota. Please remove some properties and try again.");
    this.data.set(String(key), text);
    return this.api;
  }
  setProperties(properties: Record<string, unknown>, deleteAllOthers = false): Properties {
    if (deleteAllOthers) this.data.clear();
    for (const [key, value] of Object.entries(properties)) this.setProperty(key, value);
    return this.api;
  }
  getProperties(): Record<string, string> {
    return Object.fromEntries(this.data);
  }
  getKeys(): string[] {
    return [...this.data.keys()];
  }
  deleteProperty(key: string): Properties {
    this.data.delete(String(key));
    return this.api;
  }
  deleteAllProperties(): Properties {
    this.data.clear();
    return this.api;
  }
}

export interface FakePropertyStores {
  document: FakeProperties;
  script: FakeProperties;
  user: FakeProperties;
}

function propertiesService(stores: FakePropertyStores): GoogleAppsScript.Properties.PropertiesService {
  const members = ["getDocumentProperties", "getScriptProperties", "getUserProperties"] as const;
  const service: Pick<GoogleAppsScript.Properties.PropertiesService, (typeof members)[number]> = {
    getDocumentProperties: () => stores.document.api,
    getScriptProperties: () => stores.script.api,
    getUserProperties: () => stores.user.api,
  };
  return exposeAs(service, { label: "FakePropertiesService", members });
}

// ---------------------------------------------------------------- cache

const CACHE_MEMBERS = ["get", "put", "remove", "removeAll", "getAll", "putAll"] as const;
const DEFAULT_TTL_S = 600;
const MAX_TTL_S = 21_600;

/** A cache whose entries expire by Date.now() (so jest fake timers drive expiry). */
export class FakeCache implements Pick<Cache, (typeof CACHE_MEMBERS)[number]> {
  readonly api: Cache;
  readonly entries = new Map<string, { value: string; expiresAt: number }>();

  constructor(label: string) {
    this.api = exposeAs<Cache>(this, { label, members: CACHE_MEMBERS });
  }
  get(key: string): string | null {
    const entry = this.entries.get(key);
    if (!entry) return null;
    if (entry.expiresAt <= Date.now()) {
      this.entries.delete(key);
      return null;
    }
    return entry.value;
  }
  put(key: string, value: unknown, ttlSeconds = DEFAULT_TTL_S): void {
    const text = String(value);
    if (String(key).length > 250) throw new Error("Argument too large: key");
    if (text.length > 100 * 1024) throw new Error("Argument too large: value");
    const ttl = Math.min(Math.max(ttlSeconds, 1), MAX_TTL_S);
    this.entries.set(String(key), { value: text, expiresAt: Date.now() + ttl * 1000 });
  }
  remove(key: string): void {
    this.entries.delete(key);
  }
  removeAll(keys: string[]): void {
    for (const key of keys) this.entries.delete(key);
  }
  getAll(keys: string[]): Record<string, string> {
    const out: Record<string, string> = {};
    for (const key of keys) {
      const value = this.get(key);
      if (value !== null) out[key] = value;
    }
    return out;
  }
  putAll(values: Record<string, unknown>, ttlSeconds = DEFAULT_TTL_S): void {
    for (const [key, value] of Object.entries(values)) this.put(key, value, ttlSeconds);
  }
}

export interface FakeCaches {
  document: FakeCache;
  script: FakeCache;
  user: FakeCache;
}

function cacheService(caches: FakeCaches): GoogleAppsScript.Cache.CacheService {
  const members = ["getDocumentCache", "getScriptCache", "getUserCache"] as const;
  const service: Pick<GoogleAppsScript.Cache.CacheService, (typeof members)[number]> = {
    getDocumentCache: () => caches.document.api,
    getScriptCache: () => caches.script.api,
    getUserCache: () => caches.user.api,
  };
  return exposeAs(service, { label: "FakeCacheService", members });
}

// ---------------------------------------------------------------- Session, Utilities

function session(ctx: FakeContext): GoogleAppsScript.Base.Session {
  const members = [
    "getActiveUser", "getEffectiveUser", "getScriptTimeZone", "getTemporaryActiveUserKey", "getActiveUserLocale",
  ] as const;
  const service: Pick<GoogleAppsScript.Base.Session, (typeof members)[number]> = {
    getActiveUser: () => makeUser(ctx.users.active),
    getEffectiveUser: () => makeUser(ctx.users.effective),
    getScriptTimeZone: () => ctx.scriptTimeZone,
    // Stable per user, opaque like the real key.
    getTemporaryActiveUserKey: () =>
      createHash("sha256").update(`tmp:${ctx.users.active}`).digest("base64url").slice(0, 43),
    getActiveUserLocale: () => "id",
  };
  return exposeAs(service, { label: "FakeSession", members });
}

function utilities(ctx: FakeContext): GoogleAppsScript.Utilities.Utilities {
  const members = ["formatDate", "getUuid", "sleep"] as const;
  const service: Pick<GoogleAppsScript.Utilities.Utilities, (typeof members)[number]> = {
    formatDate(date: unknown, timeZone: string, pattern: string): string {
      if (!isDate(date) || typeof timeZone !== "string" || typeof pattern !== "string") {
        throw new Error("The parameters don't match the method signature for Utilities.formatDate.");
      }
      return formatJavaDate(date, timeZone, pattern);
    },
    getUuid: () => randomUUID(),
    sleep(ms: number): void {
      ctx.sleeps.push(ms);
    },
  };
  return exposeAs(service, { label: "FakeUtilities", members });
}

export interface ServiceStores {
  locks: FakeLocks;
  properties: FakePropertyStores;
  caches: FakeCaches;
}

export function createStores(): ServiceStores {
  return {
    locks: {
      document: new FakeLock("FakeDocumentLock"),
      script: new FakeLock("FakeScriptLock"),
      user: new FakeLock("FakeUserLock"),
    },
    properties: {
      document: new FakeProperties("FakeDocumentProperties"),
      script: new FakeProperties("FakeScriptProperties"),
      user: new FakeProperties("FakeUserProperties"),
    },
    caches: {
      document: new FakeCache("FakeDocumentCache"),
      script: new FakeCache("FakeScriptCache"),
      user: new FakeCache("FakeUserCache"),
    },
  };
}

export function createBasicServices(ctx: FakeContext, stores: ServiceStores) {
  return {
    LockService: lockService(stores.locks),
    PropertiesService: propertiesService(stores.properties),
    CacheService: cacheService(stores.caches),
    Session: session(ctx),
    Utilities: utilities(ctx),
  };
}
