/** Field checks of one request row (spec section 3), also reading it into plain values. */
import { type ColumnKey, type ColumnMap, type EnumKey, type InputKey, requiredColumnKeys, SERVICES, type Service } from "./columns";
import { type IsoDate, readDateCell } from "./dates";
import { DOCUMENT_KEYS, type DocumentKey } from "./documents";
import { type Finding, finding, MESSAGES } from "./findings";
import { analyseNik, isAllDigits, isDigits, normalisePhone, PROVINCE_CODES, readNumberCell } from "./identity";
import type { Profile } from "./profiles";
import { REGION_SOURCE } from "./regions";
import { type Cell, cellText, enumKey, isBlank } from "./text";
import { enumChoices, readBool, readEnum } from "./values";

/** A row read into plain values; a value whose cell had an error reads as its default. */
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
  documents: Record<DocumentKey, boolean>;
  /** +62… when `Nomor HP` is a valid mobile number. */
  phone: string | null;
  stage: string;
}

export interface RowCheck {
  row: RequestRow;
  findings: Finding[];
}

export interface CheckContext {
  profile: Profile;
  today: IsoDate;
  columns: ColumnMap;
  /** Position of the profile's window anchor column, when it is not the SK date. */
  anchorColumn?: number;
}

const SERVICE_BY_NAME = new Map<string, Service>(
  (Object.entries(SERVICES) as [Service, string][]).map(([k, v]) => [enumKey(v), k]),
);
const DECILE_RE = /^\d+$/;
const BOOL_FIELDS = ["reactivatedBefore", "urgent", ...DOCUMENT_KEYS] as const;

/** Checks rows of one table; built once per table so per-row work stays small. */
export class RowChecker {
  /** Required fields with and without the SK date (only the reactivation service needs it). */
  private readonly required: { withSk: InputKey[]; withoutSk: InputKey[] };

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
  }

  private cell(cells: readonly Cell[], key: ColumnKey): Cell {
    const i = this.ctx.columns[key];
    return i === undefined ? "" : cells[i];
  }

  /** A date that must not be in the future; null unless valid and past. */
  private pastDate(cells: readonly Cell[], key: "applicationDate" | "deactivationDate" | "birthDate", findings: Finding[]): IsoDate | null {
    const read = readDateCell(this.cell(cells, key));
    if (read.kind === "invalid") findings.push(finding("DATE_INVALID", key, MESSAGES.dateInvalid(key, false)));
    if (read.kind !== "ok") return null;
    if (read.date > this.ctx.today) {
      findings.push(finding("DATE_IN_FUTURE", key, MESSAGES.dateInFuture(key)));
      return null;
    }
    return read.date;
  }

  /** The anchor column's date (a setting); blank falls back to the SK date. */
  private anchorDate(cells: readonly Cell[], findings: Finding[]): IsoDate | null {
    const { anchorColumn, profile, today } = this.ctx;
    if (anchorColumn === undefined || !profile.windowAnchor) return null;
    const read = readDateCell(cells[anchorColumn]);
    if (read.kind === "invalid") findings.push(finding("DATE_INVALID", "deactivationDate", MESSAGES.anchorInvalid(profile.windowAnchor)));
    if (read.kind !== "ok") return null;
    if (read.date > today) {
      findings.push(finding("DATE_IN_FUTURE", "deactivationDate", MESSAGES.anchorInFuture(profile.windowAnchor)));
      return null;
    }
    return read.date;
  }

  /** An enumeration: unknown text is an error; blank reads as the default. */
  private enumValue<T extends string>(cells: readonly Cell[], key: EnumKey & ColumnKey, fallback: T, findings: Finding[]): T {
    const read = readEnum(key, this.cell(cells, key));
    if (read.kind === "unknown") {
      findings.push(finding("VALUE_UNKNOWN", key, MESSAGES.enumUnknown(key, enumChoices(key))));
    }
    return read.kind === "ok" ? (read.value as T) : fallback;
  }

  check(cells: readonly Cell[]): RowCheck {
    const { profile, today } = this.ctx;
    const findings: Finding[] = [];

    // Layanan: blank means the profile's service; the other service is not offered here.
    let service: Service | null = profile.service;
    const serviceCell = this.cell(cells, "service");
    if (!isBlank(serviceCell)) {
      const named = SERVICE_BY_NAME.get(enumKey(cellText(serviceCell)));
      if (named === undefined) {
        service = null;
        findings.push(finding("VALUE_UNKNOWN", "service", MESSAGES.serviceUnknown(enumChoices("service"))));
      } else {
        service = named;
        if (named !== profile.service) {
          findings.push(finding("SERVICE_NOT_OFFERED", "service", MESSAGES.serviceNotOffered(SERVICES[named], SERVICES[profile.service])));
        }
      }
    }
    // An unrecognised Layanan counts as the profile's service for what is required.
    const requiresSk = (service ?? profile.service) === "reactivation";

    for (const key of requiresSk ? this.required.withSk : this.required.withoutSk) {
      if (isBlank(this.cell(cells, key))) {
        findings.push(finding("REQUIRED_MISSING", key, MESSAGES.requiredMissing(key)));
      }
    }

    // Dates: invalid, in the future; only valid past dates are compared later.
    const applicationDate = this.pastDate(cells, "applicationDate", findings);
    const completeRead = readDateCell(this.cell(cells, "completeAt"), true);
    if (completeRead.kind === "invalid") findings.push(finding("DATE_INVALID", "completeAt", MESSAGES.dateInvalid("completeAt", true)));
    const birthDate = this.pastDate(cells, "birthDate", findings);
    const deactivationDate = this.pastDate(cells, "deactivationDate", findings);
    if (applicationDate && deactivationDate && deactivationDate > applicationDate) {
      findings.push(finding("DATE_ORDER", "deactivationDate", MESSAGES.dateOrder()));
    }
    const windowStart = this.anchorDate(cells, findings) ?? deactivationDate;

    const sex = this.enumValue<string>(cells, "sex", "", findings);
    const registryStatus = this.enumValue<RequestRow["registryStatus"]>(cells, "registryStatus", "Belum Dicek", findings);
    const healthNeed = this.enumValue<string>(cells, "healthNeed", "Tidak Ada", findings);
    const bpjsConfirmation = this.enumValue<RequestRow["bpjsConfirmation"]>(cells, "bpjsConfirmation", "Belum", findings);
    const facilitatorResult = this.enumValue<RequestRow["facilitatorResult"]>(cells, "facilitatorResult", "Belum", findings);

    const bool = (key: (typeof BOOL_FIELDS)[number]): boolean => {
      const value = readBool(this.cell(cells, key));
      if (value === undefined) findings.push(finding("VALUE_UNKNOWN", key, MESSAGES.boolUnknown(key)));
      return value ?? false;
    };
    const reactivatedBefore = bool("reactivatedBefore");
    const urgent = bool("urgent");
    const documents = {} as Record<DocumentKey, boolean>;
    for (const key of DOCUMENT_KEYS) documents[key] = bool(key);

    // NIK: a format or precision problem hides every other NIK finding.
    let nik: string | null = null;
    const nikRead = readNumberCell(this.cell(cells, "nik"));
    if (nikRead.kind === "precisionLost") findings.push(finding("NIK_PRECISION_LOST", "nik", MESSAGES.nikPrecisionLost()));
    else if (nikRead.kind === "text" && !isDigits(nikRead.text, 16)) {
      findings.push(finding("NIK_FORMAT", "nik", MESSAGES.nikFormat(nikRead.text.length)));
    } else if (nikRead.kind === "text") {
      nik = nikRead.text;
      const a = analyseNik(nik, today);
      if (!a.provinceValid) findings.push(finding("NIK_PROVINCE_INVALID", "nik", MESSAGES.nikProvince()));
      if (!a.birth) findings.push(finding("NIK_BIRTHDATE_INVALID", "nik", MESSAGES.nikBirthdate()));
      if (a.serialZero) findings.push(finding("NIK_SERIAL_ZERO", "nik", MESSAGES.nikSerialZero()));
      if (a.provinceValid && !a.regionKnown) findings.push(finding("NIK_REGION_UNKNOWN", "nik", MESSAGES.nikRegionUnknown(REGION_SOURCE)));
      if (a.birth && birthDate && birthDate !== a.birth.date) {
        findings.push(finding("NIK_BIRTHDATE_MISMATCH", "nik", MESSAGES.nikBirthdateMismatch()));
      }
      if (a.birth && sex && sex !== a.birth.sex) findings.push(finding("NIK_SEX_MISMATCH", "nik", MESSAGES.nikSexMismatch()));
    }

    const kkRead = readNumberCell(this.cell(cells, "kk"));
    if (kkRead.kind === "precisionLost") findings.push(finding("KK_FORMAT", "kk", MESSAGES.kkPrecisionLost()));
    else if (kkRead.kind === "text") {
      if (!isDigits(kkRead.text, 16)) findings.push(finding("KK_FORMAT", "kk", MESSAGES.kkFormat(kkRead.text.length)));
      else if (!PROVINCE_CODES.has(kkRead.text.slice(0, 2))) findings.push(finding("KK_FORMAT", "kk", MESSAGES.kkProvince()));
      if (nik !== null && kkRead.text === nik) findings.push(finding("KK_EQUALS_NIK", "kk", MESSAGES.kkEqualsNik()));
    }

    const cardRead = readNumberCell(this.cell(cells, "cardNumber"));
    if (cardRead.kind === "precisionLost") findings.push(finding("CARD_FORMAT", "cardNumber", MESSAGES.cardPrecisionLost()));
    else if (cardRead.kind === "text" && !isDigits(cardRead.text, 13)) {
      const shortDigits = cardRead.text.length < 13 && isAllDigits(cardRead.text);
      findings.push(finding("CARD_FORMAT", "cardNumber",
        shortDigits ? MESSAGES.cardLeadingZeros(cardRead.text.length) : MESSAGES.cardFormat()));
    }

    let decile: number | null = null;
    const decileCell = this.cell(cells, "decile");
    if (!isBlank(decileCell)) {
      const text = typeof decileCell === "number" ? String(decileCell) : cellText(decileCell).trim();
      const value = DECILE_RE.test(text) ? Number(text) : NaN;
      if (value >= 0 && value <= 10) decile = value;
      else findings.push(finding("DECILE_INVALID", "decile", MESSAGES.decileInvalid()));
    }

    let phone: string | null = null;
    const phoneRead = readNumberCell(this.cell(cells, "phone"));
    if (phoneRead.kind !== "blank") {
      phone = phoneRead.kind === "text" ? normalisePhone(phoneRead.text) : null;
      if (phone === null) findings.push(finding("PHONE_FORMAT", "phone", MESSAGES.phoneFormat()));
    }

    return {
      findings,
      row: {
        id: cellText(this.cell(cells, "id")).trim(),
        service,
        applicationDate,
        completeAt: completeRead.kind === "ok" ? { date: completeRead.date, minutes: completeRead.minutes } : null,
        deactivationDate,
        windowStart,
        nik,
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
}

/** Checks one row (tests and single-row callers); tables use RowChecker directly. */
export function checkRow(cells: readonly Cell[], ctx: CheckContext): RowCheck {
  return new RowChecker(ctx).check(cells);
}
