/**
 * Field checks of one request row (spec section 3): one reader per field returns the value and
 * its findings; RowChecker.check composes them and adds the checks across fields.
 */
import { type ColumnKey, type ColumnMap, type EnumKey, type InputKey, requiredColumnKeys, SERVICES, type Service } from "./columns";
import { type IsoDate, readDateCell } from "./dates";
import { DOCUMENT_KEYS, type DocumentKey } from "./documents";
import { type Finding, FindingMaker } from "./findings";
import { analyseNik, isAllDigits, isDigits, normalisePhone, readNumberCell, startsWithProvinceCode } from "./identity";
import type { Profile } from "./profiles";
import { REGION_SOURCE } from "./regions";
import { type Cell, cellText, enumKey, isBlank } from "./text";
import { enumChoices, readBool, readEnum } from "./values";

/** A row read into plain values; a value whose cell had an error (or unknown text) reads as its default. */
export interface RequestRow {
  id: string;
  /** The row's service; null when `Layanan` holds an unrecognised text. */
  service: Service | null;
  applicationDate: IsoDate | null;
  completeAt: { date: IsoDate; minutes: number | null } | null;
  deactivationDate: IsoDate | null;
  /** The date the reactivation window counts from: the anchor column's, else the SK date. */
  windowStart: IsoDate | null;
  /** 16 digits when the NIK has the right shape (no NIK_FORMAT / NIK_PRECISION_LOST). */
  nik: string | null;
  registryStatus: "Terdaftar" | "Tidak Terdaftar" | "Belum Dicek";
  decile: number | null;
  healthNeed: string;
  reactivatedBefore: boolean;
  bpjsConfirmation: "Dapat Direaktivasi" | "Tidak Dapat Direaktivasi" | "Belum";
  facilitatorResult: "Layak" | "Tidak Layak" | "Belum";
  urgent: boolean;
  /** Shared by the rows with the same ticks, so read-only (frozen). */
  documents: Readonly<Record<DocumentKey, boolean>>;
  /** +62… when `Nomor HP` is a valid mobile number. */
  phone: string | null;
  stage: string;
}

export interface RowCheck {
  row: RequestRow;
  /** Rows without findings share one frozen empty list. */
  findings: readonly Finding[];
}

export interface CheckContext {
  profile: Profile;
  today: IsoDate;
  columns: ColumnMap;
  /** The header text of each found column, so messages use the user's names. */
  headerNames?: Partial<Record<ColumnKey, string>>;
  /** Position of the profile's window anchor column, when it is not the SK date. */
  anchorColumn?: number;
  /** That column's header as the table writes it. */
  anchorHeader?: string;
}

/** A field's value and what is wrong with its cell. */
export interface Read<T> {
  readonly value: T;
  readonly findings: readonly Finding[];
}

const NONE: readonly Finding[] = Object.freeze([]);
const ok = <T>(value: T): Read<T> => ({ value, findings: NONE });
const bad = <T>(value: T, ...findings: Finding[]): Read<T> => ({ value, findings });

/** Columns whose enumeration or boolean values the profile's rules read: unknown text there is an error. */
export function columnsReadByRules(profile: Profile): Set<ColumnKey> {
  const keys = new Set<ColumnKey>(["service", "registryStatus", ...profile.requiredDocuments]);
  if (profile.registryPolicy === "decile-or-health-need") keys.add("healthNeed");
  if (profile.registryPolicy === "facilitator") keys.add("facilitatorResult");
  if (profile.requiresBpjsConfirmation) keys.add("bpjsConfirmation");
  if (profile.oncePerPerson) keys.add("reactivatedBefore");
  if (profile.service === "healthFinancing") keys.add("urgent");
  return keys;
}

const SERVICE_BY_NAME = new Map<string, Service>(
  (Object.entries(SERVICES) as [Service, string][]).map(([k, v]) => [enumKey(v), k]),
);

/** `Layanan`: blank = the profile's service (null value = unrecognised text). */
export function readService(cell: Cell, profile: Profile, make: FindingMaker): Read<Service | null> {
  const k = enumKey(cellText(cell));
  if (k === "") return ok(profile.service);
  const named = SERVICE_BY_NAME.get(k);
  if (named === undefined) return bad(null, make.make("VALUE_UNKNOWN", "service", "service", enumChoices("service")));
  if (named === profile.service) return ok(named);
  return bad(named, make.make("SERVICE_NOT_OFFERED", "other", "service", SERVICES[named], SERVICES[profile.service]));
}

/** A 16-digit NIK and what its digits say; null value unless it has the right shape. */
export function readNik(cell: Cell, today: IsoDate, make: FindingMaker): Read<{ digits: string; birth: { date: IsoDate; sex: "L" | "P" } | null } | null> {
  const read = readNumberCell(cell);
  if (read.kind === "blank") return ok(null);
  if (read.kind === "precisionLost") return bad(null, make.make("NIK_PRECISION_LOST", "lost", "nik"));
  if (!isDigits(read.text, 16)) return bad(null, make.make("NIK_FORMAT", "length", "nik", read.text.length));
  const a = analyseNik(read.text, today);
  const findings: Finding[] = [];
  if (!a.provinceValid) findings.push(make.make("NIK_PROVINCE_INVALID", "province", "nik"));
  if (!a.birth) findings.push(make.make("NIK_BIRTHDATE_INVALID", "birth", "nik"));
  if (a.serialZero) findings.push(make.make("NIK_SERIAL_ZERO", "serial", "nik"));
  if (a.provinceValid && !a.regionKnown) findings.push(make.make("NIK_REGION_UNKNOWN", "region", "nik", REGION_SOURCE));
  return { value: { digits: read.text, birth: a.birth }, findings: findings.length ? findings : NONE };
}

/** Nomor KK: 16 digits starting with a province code. */
export function readKk(cell: Cell, make: FindingMaker): Read<string | null> {
  const read = readNumberCell(cell);
  if (read.kind === "blank") return ok(null);
  if (read.kind === "precisionLost") return bad(null, make.make("KK_FORMAT", "lost", "kk"));
  if (!isDigits(read.text, 16)) return bad(null, make.make("KK_FORMAT", "length", "kk", read.text.length));
  if (!startsWithProvinceCode(read.text)) return bad(read.text, make.make("KK_FORMAT", "province", "kk"));
  return ok(read.text);
}

/** Nomor Kartu KIS: 13 digits; fewer digits usually lost their leading zeros. */
export function readCard(cell: Cell, make: FindingMaker): Read<string | null> {
  const read = readNumberCell(cell);
  if (read.kind === "blank") return ok(null);
  if (read.kind === "precisionLost") return bad(null, make.make("CARD_FORMAT", "lost", "cardNumber"));
  if (isDigits(read.text, 13)) return ok(read.text);
  if (read.text.length < 13 && isAllDigits(read.text)) {
    return bad(null, make.make("CARD_FORMAT", "leadingZeros", "cardNumber", read.text.length));
  }
  return bad(null, make.make("CARD_FORMAT", "length", "cardNumber"));
}

/** A date that must not be in the future; null unless valid and not after today. */
export function readPastDate(
  cell: Cell, key: "applicationDate" | "deactivationDate" | "birthDate", today: IsoDate, make: FindingMaker,
): Read<IsoDate | null> {
  const read = readDateCell(cell, false, key === "birthDate" ? today : undefined);
  if (read.kind === "blank") return ok(null);
  if (read.kind === "invalid") return bad(null, make.make("DATE_INVALID", "date", key));
  if (read.date > today) return bad(null, make.make("DATE_IN_FUTURE", "date", key));
  return ok(read.date);
}

/** `Berkas Lengkap Pada`: a date with an optional time. */
export function readCompleteAt(cell: Cell, make: FindingMaker): Read<RequestRow["completeAt"]> {
  const read = readDateCell(cell, true);
  if (read.kind === "blank") return ok(null);
  if (read.kind === "invalid") return bad(null, make.make("DATE_INVALID", "dateTime", "completeAt"));
  return ok({ date: read.date, minutes: read.minutes });
}

/** The profile's window anchor column (a setting); blank falls back to the SK date. */
export function readAnchorDate(cell: Cell, header: string, today: IsoDate, make: FindingMaker): Read<IsoDate | null> {
  const read = readDateCell(cell);
  if (read.kind === "blank") return ok(null);
  if (read.kind === "invalid") return bad(null, make.make("DATE_INVALID", "anchor", "deactivationDate", header));
  if (read.date > today) return bad(null, make.make("DATE_IN_FUTURE", "anchor", "deactivationDate", header));
  return ok(read.date);
}

const DECILE_RE = /^\d+$/;

/** Desil: a whole number 0–10 (digits only); blank = unknown. */
export function readDecile(cell: Cell, make: FindingMaker): Read<number | null> {
  if (isBlank(cell)) return ok(null);
  const text = typeof cell === "number" ? String(cell) : cellText(cell).trim();
  const value = DECILE_RE.test(text) ? Number(text) : NaN;
  return value >= 0 && value <= 10 ? ok(value) : bad(null, make.make("DECILE_INVALID", "decile", "decile"));
}

/** Nomor HP, normalised to +62…; a bad number is only a warning. */
export function readPhone(cell: Cell, make: FindingMaker): Read<string | null> {
  const text = cellText(cell).replace(/[\s-]+/g, "");
  if (text === "") return ok(null);
  const phone = normalisePhone(text);
  return phone === null ? bad(null, make.make("PHONE_FORMAT", "phone", "phone")) : ok(phone);
}

export type BoolKey = "reactivatedBefore" | "urgent" | "archived" | DocumentKey;

/** A boolean cell; unknown text reads as not ticked. */
export function readBoolField(cell: Cell, key: BoolKey, make: FindingMaker): Read<boolean> {
  const value = readBool(cell);
  return value === undefined ? bad(false, make.make("VALUE_UNKNOWN", "bool", key)) : ok(value);
}

/** An enumeration cell; blank or unknown text reads as `fallback`. */
export function readEnumField<T extends string>(cell: Cell, key: EnumKey & ColumnKey, fallback: T, make: FindingMaker): Read<T> {
  const read = readEnum(key, cell);
  if (read.kind === "ok") return ok(read.value as T);
  return read.kind === "blank" ? ok(fallback) : bad(fallback, make.make("VALUE_UNKNOWN", "enum", key, enumChoices(key)));
}

/** An identity cell holding nothing but separators (`-`, `'`) is blank. */
const SEPARATORS_ONLY_RE = /^\s*'?[\s.-]*$/;

/** True when the cell is blank after the normalisation its field's rule applies. */
function blankFor(key: InputKey, cell: Cell): boolean {
  if (isBlank(cell)) return true;
  return (key === "nik" || key === "kk") && typeof cell === "string" && SEPARATORS_ONLY_RE.test(cell);
}

/** Day, month and two-digit year: the NIK has no century of its own. */
const sameBirthDay = (a: IsoDate, b: IsoDate) => a.slice(2) === b.slice(2);

/** Reads of a text a sheet repeats, remembered per column: bounded, so a sheet of distinct texts cannot grow it. */
const MEMO_LIMIT = 1000;

/** A cell reader that reads each distinct string cell once (offices repeat a handful of values per column). */
function memoisedReader<T>(read: (cell: Cell) => Read<T>): (cell: Cell) => Read<T> {
  const byText = new Map<string, Read<T>>();
  return (cell) => {
    if (typeof cell !== "string") return read(cell);
    let r = byText.get(cell);
    if (r === undefined) {
      r = read(cell);
      if (byText.size >= MEMO_LIMIT) byText.clear();
      byText.set(cell, r);
    }
    return r;
  };
}

type CellReader<T> = (cell: Cell) => Read<T>;

/** Checks rows of one table; built once per table so per-row work stays small. */
export class RowChecker {
  /** Required fields with and without the SK date (only the reactivation service needs it). */
  private readonly required: { withSk: InputKey[]; withoutSk: InputKey[] };
  private readonly make: FindingMaker;
  /** Readers of fields whose reads depend only on the cell (dates, enumerations, booleans), built once per table. */
  private readonly read: {
    service: CellReader<Service | null>;
    applicationDate: CellReader<IsoDate | null>;
    completeAt: CellReader<RequestRow["completeAt"]>;
    birthDate: CellReader<IsoDate | null>;
    deactivationDate: CellReader<IsoDate | null>;
    sex: CellReader<string>;
    registryStatus: CellReader<RequestRow["registryStatus"]>;
    healthNeed: CellReader<string>;
    bpjsConfirmation: CellReader<RequestRow["bpjsConfirmation"]>;
    facilitatorResult: CellReader<RequestRow["facilitatorResult"]>;
    decile: CellReader<number | null>;
    bool: Record<BoolKey, CellReader<boolean>>;
  };

  constructor(private readonly ctx: CheckContext) {
    const base: InputKey[] = ["applicationDate", "name", "nik", "kk"];
    // A required column the table lacks is one setup problem (TableCheck.missingRequired, or
    // missingUsed for a profile's own extra field), not an error on every row.
    const profileRequired = new Set<InputKey>([...requiredColumnKeys(ctx.profile.service), ...ctx.profile.extraRequiredFields]);
    const present = (key: InputKey) => ctx.columns[key] !== undefined || !profileRequired.has(key);
    this.required = {
      withSk: [...base, "deactivationDate", ...ctx.profile.extraRequiredFields].filter(present),
      withoutSk: [...base, ...ctx.profile.extraRequiredFields].filter(present),
    };
    const readByRules = columnsReadByRules(ctx.profile);
    const make = (this.make = new FindingMaker(ctx.headerNames, (key) => readByRules.has(key)));
    const { profile, today } = ctx;
    const pastDate = (key: "applicationDate" | "deactivationDate" | "birthDate") =>
      memoisedReader((c) => readPastDate(c, key, today, make));
    const enumeration = <T extends string>(key: EnumKey & ColumnKey, fallback: T) =>
      memoisedReader((c) => readEnumField(c, key, fallback, make));
    const bool = {} as Record<BoolKey, CellReader<boolean>>;
    for (const key of ["reactivatedBefore", "urgent", "archived", ...DOCUMENT_KEYS] as const) {
      bool[key] = memoisedReader((c) => readBoolField(c, key, make));
    }
    this.read = {
      service: memoisedReader((c) => readService(c, profile, make)),
      applicationDate: pastDate("applicationDate"),
      completeAt: memoisedReader((c) => readCompleteAt(c, make)),
      birthDate: pastDate("birthDate"),
      deactivationDate: pastDate("deactivationDate"),
      sex: enumeration<string>("sex", ""),
      registryStatus: enumeration<RequestRow["registryStatus"]>("registryStatus", "Belum Dicek"),
      healthNeed: enumeration<string>("healthNeed", "Tidak Ada"),
      bpjsConfirmation: enumeration<RequestRow["bpjsConfirmation"]>("bpjsConfirmation", "Belum"),
      facilitatorResult: enumeration<RequestRow["facilitatorResult"]>("facilitatorResult", "Belum"),
      decile: memoisedReader((c) => readDecile(c, make)),
      bool,
    };
  }

  private cell(cells: readonly Cell[], key: ColumnKey): Cell {
    const i = this.ctx.columns[key];
    return i === undefined ? "" : cells[i];
  }

  /** Documents records by tick combination: rows keep no record of their own (most of a row's size). */
  private readonly documentRecords = new Map<number, Readonly<Record<DocumentKey, boolean>>>();
  /** The current row's findings: one list reused, each row keeps a copy of its own size (or NONE). */
  private readonly found: Finding[] = [];

  /** A read's value; its findings join the current row's. */
  private take<T>(read: Read<T>): T {
    // Indexed: shared frozen lists (NONE) take for-of off its fast path.
    for (let i = 0; i < read.findings.length; i++) this.found.push(read.findings[i]!);
    return read.value;
  }

  /** The documents record of a tick combination (bit i = DOCUMENT_KEYS[i]), shared: 7 ticks make at most 128. */
  private documentsFor(ticks: number): Readonly<Record<DocumentKey, boolean>> {
    let record = this.documentRecords.get(ticks);
    if (record === undefined) {
      record = Object.freeze(Object.fromEntries(DOCUMENT_KEYS.map((key, i) => [key, (ticks & (2 ** i)) !== 0]))) as Record<DocumentKey, boolean>;
      this.documentRecords.set(ticks, record);
    }
    return record;
  }

  /** A boolean field of the current row. */
  private bool(cells: readonly Cell[], key: BoolKey): boolean {
    return this.take(this.read.bool[key](this.cell(cells, key)));
  }

  check(cells: readonly Cell[]): RowCheck {
    const { profile, today, anchorColumn, anchorHeader } = this.ctx;
    const { make, read } = this;
    const findings = this.found;
    findings.length = 0;

    const service = this.take(read.service(this.cell(cells, "service")));
    // An unrecognised Layanan counts as the profile's service for what is required.
    for (const key of (service ?? profile.service) === "reactivation" ? this.required.withSk : this.required.withoutSk) {
      if (blankFor(key, this.cell(cells, key))) findings.push(make.make("REQUIRED_MISSING", "missing", key));
    }

    const applicationDate = this.take(read.applicationDate(this.cell(cells, "applicationDate")));
    const completeAt = this.take(read.completeAt(this.cell(cells, "completeAt")));
    const birthDate = this.take(read.birthDate(this.cell(cells, "birthDate")));
    const deactivationDate = this.take(read.deactivationDate(this.cell(cells, "deactivationDate")));
    if (applicationDate && deactivationDate && deactivationDate > applicationDate) {
      findings.push(make.make("DATE_ORDER", "order", "deactivationDate"));
    }
    const anchorDate = anchorColumn !== undefined && profile.windowAnchor
      ? this.take(readAnchorDate(cells[anchorColumn], anchorHeader ?? profile.windowAnchor, today, make))
      : null;

    const sex = this.take(read.sex(this.cell(cells, "sex")));
    const registryStatus = this.take(read.registryStatus(this.cell(cells, "registryStatus")));
    const healthNeed = this.take(read.healthNeed(this.cell(cells, "healthNeed")));
    const bpjsConfirmation = this.take(read.bpjsConfirmation(this.cell(cells, "bpjsConfirmation")));
    const facilitatorResult = this.take(read.facilitatorResult(this.cell(cells, "facilitatorResult")));
    const reactivatedBefore = this.bool(cells, "reactivatedBefore");
    const urgent = this.bool(cells, "urgent");
    let ticks = 0;
    for (let i = 0; i < DOCUMENT_KEYS.length; i++) if (this.bool(cells, DOCUMENT_KEYS[i]!)) ticks |= 2 ** i;
    const documents = this.documentsFor(ticks);
    // Read at hand-over only (workflow); here just so an unknown value gets its warning.
    this.bool(cells, "archived");

    // NIK: a format or precision problem hides every other NIK finding (readNik returns null).
    const nik = this.take(readNik(this.cell(cells, "nik"), today, make));
    if (nik?.birth && birthDate && !sameBirthDay(birthDate, nik.birth.date)) {
      findings.push(make.make("NIK_BIRTHDATE_MISMATCH", "mismatch", "nik"));
    }
    if (nik?.birth && sex && sex !== nik.birth.sex) findings.push(make.make("NIK_SEX_MISMATCH", "mismatch", "nik"));
    const kk = this.take(readKk(this.cell(cells, "kk"), make));
    if (nik && kk === nik.digits) findings.push(make.make("KK_EQUALS_NIK", "equal", "kk"));
    this.take(readCard(this.cell(cells, "cardNumber"), make));
    const decile = this.take(read.decile(this.cell(cells, "decile")));
    const phone = this.take(readPhone(this.cell(cells, "phone"), make));

    return {
      findings: findings.length ? findings.slice() : NONE,
      row: {
        id: cellText(this.cell(cells, "id")).trim(),
        service,
        applicationDate,
        completeAt,
        deactivationDate,
        windowStart: anchorDate ?? deactivationDate,
        nik: nik?.digits ?? null,
        registryStatus,
        decile,
        healthNeed,
        reactivatedBefore,
        bpjsConfirmation,
        facilitatorResult,
        urgent,
        documents,
        phone,
        stage: cellText(this.cell(cells, "stage")).trim(),
      },
    };
  }

  /** DUPLICATE_OPEN_REQUEST, built with this table's header names. */
  duplicate(earlierRow: number, earlierId: string): Finding {
    return this.make.make("DUPLICATE_OPEN_REQUEST", "earlier", "nik", earlierRow, earlierId);
  }
}

/** Checks one row (tests and single-row callers); tables use RowChecker directly. */
export function checkRow(cells: readonly Cell[], ctx: CheckContext): RowCheck {
  return new RowChecker(ctx).check(cells);
}
