/**
 * Buat Draf Surat's crash-recovery records in document properties: per request, the number(s) it
 * took and the Doc(s) it made, from taking the number until its row holds them. Once the row is
 * written the sheet remembers (a redraft reads `Nomor Surat` and `Tautan Surat`), so the record is
 * dropped: the store holds 500 KB in all, and records kept forever filled it after ~4,000 letters.
 *
 * A run keeps its records in keys of its own, up to PER_KEY requests each, with a lease (until when,
 * ms) that keeps other runs off those requests. Only the run writes its keys while the lease holds;
 * a later run, under the document lock, takes over records whose lease has ended. So saving a Doc ID
 * rewrites one key, and dropping records is one call per key, never one per request.
 */

/** What a request's record holds: its number(s) and Doc(s). */
export interface LetterRecord {
  number?: string;
  doc?: string;
  secondNumber?: string;
  secondDoc?: string;
}

interface Stored {
  until: number;
  records: Record<string, LetterRecord>;
}

type Properties = GoogleAppsScript.Properties.Properties;

const PREFIX = "pbijk.draft.";
/** Before: one key per request, kept forever. Read, and dropped when a run takes the request over. */
const LEGACY_PREFIX = "pbijk.letter.";
/** Requests per key: far under the 9 KB a value may hold, whatever the number format. */
export const PER_KEY = 10;

/** A record found in the store, and where. */
interface Found {
  key: string;
  until: number;
  record: LetterRecord;
}

/** Every stored record by request ID, from one read of the store. */
export class RecordStore {
  private readonly byId = new Map<string, Found[]>();
  private readonly stored = new Map<string, Stored>();

  constructor(all: Readonly<Record<string, string>>) {
    for (const [key, text] of Object.entries(all)) {
      if (key.startsWith(LEGACY_PREFIX)) {
        const record = parse<LetterRecord & { lease?: { until?: number } }>(text);
        if (!record) continue;
        const { lease, ...kept } = record;
        this.add(key.slice(LEGACY_PREFIX.length), { key, until: Number(lease?.until) || 0, record: kept });
      } else if (key.startsWith(PREFIX)) {
        const stored = parse<Stored>(text);
        if (!stored || typeof stored.records !== "object" || stored.records === null) continue;
        this.stored.set(key, stored);
        for (const [id, record] of Object.entries(stored.records)) this.add(id, { key, until: Number(stored.until) || 0, record });
      }
    }
  }

  private add(id: string, found: Found): void {
    this.byId.set(id, [...(this.byId.get(id) ?? []), found]);
  }

  /** Whether another run drafts the request now (its lease has not ended). */
  leased(id: string, now: number): boolean {
    return (this.byId.get(id) ?? []).some((f) => f.until > now);
  }

  /** The request's record (a copy); a field any found record has is kept. */
  record(id: string): LetterRecord {
    const merged: LetterRecord = {};
    for (const { record } of this.byId.get(id) ?? []) {
      for (const field of ["number", "doc", "secondNumber", "secondDoc"] as const) {
        if (typeof record[field] === "string" && record[field] && !merged[field]) merged[field] = record[field];
      }
    }
    return merged;
  }

  /**
   * Under the document lock: keys of ended leases without the given requests (taken over) and
   * without those `done` says their row already holds. Returns the keys to write and to delete.
   */
  release(taken: ReadonlySet<string>, done: (id: string, record: LetterRecord) => boolean, now: number): { updates: Record<string, string>; gone: string[] } {
    const updates: Record<string, string> = {};
    const gone: string[] = [];
    for (const id of taken) for (const f of this.byId.get(id) ?? []) if (f.key.startsWith(LEGACY_PREFIX)) gone.push(f.key);
    for (const [key, stored] of this.stored) {
      if (stored.until > now) continue;
      const kept = Object.entries(stored.records).filter(([id, record]) => !taken.has(id) && !done(id, record));
      if (kept.length === Object.keys(stored.records).length) continue;
      if (kept.length === 0) gone.push(key);
      else updates[key] = JSON.stringify({ until: stored.until, records: Object.fromEntries(kept) });
    }
    return { updates, gone };
  }
}

/** One run's records, in its own keys. */
export class RunRecords {
  private readonly keyOf = new Map<string, string>();
  private readonly records = new Map<string, LetterRecord>();

  constructor(private readonly props: Properties, private readonly run: string, private readonly until: number) {}

  /**
   * Under the document lock: records the requests' numbers with this run's lease, and drops what
   * `store` says others hold for them or is done, in one write (plus one delete per emptied key).
   */
  claim(entries: ReadonlyArray<readonly [string, LetterRecord]>, store: RecordStore, done: (id: string, record: LetterRecord) => boolean, now: number): void {
    entries.forEach(([id, record], i) => {
      this.keyOf.set(id, `${PREFIX}${this.run}.${Math.floor(i / PER_KEY)}`);
      this.records.set(id, record);
    });
    const { updates, gone } = store.release(new Set(this.keyOf.keys()), done, now);
    for (const key of new Set(this.keyOf.values())) updates[key] = this.text(key, this.until);
    // Ours first: a failure before the deletes leaves a copy, never a gap.
    if (Object.keys(updates).length) this.props.setProperties(updates);
    for (const key of gone) this.props.deleteProperty(key);
  }

  /** Saves one request's record (a new Doc's ID, at once): one write of its key. */
  save(id: string, record: LetterRecord): void {
    const key = this.keyOf.get(id);
    if (!key) return;
    this.records.set(id, record);
    this.props.setProperty(key, this.text(key, this.until));
  }

  /** Ends the run: drops the records of the written requests, keeps the others without a lease. */
  finish(written: ReadonlySet<string>): void {
    const updates: Record<string, string> = {};
    const gone: string[] = [];
    for (const key of new Set(this.keyOf.values())) {
      for (const [id, k] of this.keyOf) if (k === key && written.has(id)) this.records.delete(id);
      if (this.idsOf(key).length === 0) gone.push(key);
      else updates[key] = this.text(key, 0);
    }
    if (Object.keys(updates).length) this.props.setProperties(updates);
    for (const key of gone) this.props.deleteProperty(key);
  }

  private idsOf(key: string): string[] {
    return [...this.keyOf].filter(([id, k]) => k === key && this.records.has(id)).map(([id]) => id);
  }

  private text(key: string, until: number): string {
    const stored: Stored = { until, records: Object.fromEntries(this.idsOf(key).map((id) => [id, this.records.get(id)!])) };
    return JSON.stringify(stored);
  }
}

function parse<T>(text: string): T | null {
  try {
    const value = JSON.parse(text) as unknown;
    return value && typeof value === "object" ? (value as T) : null;
  } catch {
    return null;
  }
}
