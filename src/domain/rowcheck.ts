/** Field checks of one request row (spec section 3), also reading it into plain values. */
import { type ColumnKey, type ColumnMap, type EnumKey, type InputKey, SERVICES, type Service } from "./columns";
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
}

const SERVICE_BY_NAME = new Map<string, Service>(
  (Object.entries(SERVICES) as [Service, string][]).map(([k, v]) => [enumKey(v), k]),
);
const DECILE_RE = /^\d+$/;
const BOOL_FIELDS = ["reactivatedBefore", "urgent", ...DOCUMENT_KEYS] as const;

export function checkRow(cells: readonly Cell[], ctx: CheckContext): RowCheck {
  const { profile, today, columns } = ctx;
  const findings: Finding[] = [];
  const cell = (key: ColumnKey): Cell => {
    const i = columns[key];
    return i === undefined ? "" : cells[i];
  };
  const add = (f: Finding) => findings.push(f);

  // Layanan: blank means the profile's service; the other service is not offered here.
  let service: Service | null = profile.service;
  const serviceCell = cell("service");
  if (!isBlank(serviceCell)) {
    const named = SERVICE_BY_NAME.get(enumKey(cellText(serviceCell)));
    if (named === undefined) {
      service = null;
      add(finding("VALUE_UNKNOWN", "service", MESSAGES.serviceUnknown(enumChoices("service"))));
    } else {
      service = named;
      if (named !== profile.service) {
        add(finding("SERVICE_NOT_OFFERED", "service", MESSAGES.serviceNotOffered(SERVICES[named], SERVICES[profile.service])));
      }
    }
  }
  // An unrecognised Layanan counts as the profile's service for what is required.
  const requiresSk = (service ?? profile.service) === "reactivation";

  const required: InputKey[] = ["applicationDate", "name", "nik", "kk"];
  if (requiresSk) required.push("deactivationDate");
  for (const extra of profile.extraRequiredFields) required.push(extra);
  for (const key of required) {
    if (isBlank(cell(key))) {
      add(finding("REQUIRED_MISSING", key, MESSAGES.requiredMissing(key)));
    }
  }

  // Dates: invalid, in the future; only valid past dates are compared later.
  const pastDate = (key: "applicationDate" | "deactivationDate" | "birthDate"): IsoDate | null => {
    const read = readDateCell(cell(key));
    if (read.kind === "invalid") add(finding("DATE_INVALID", key, MESSAGES.dateInvalid(key, false)));
    if (read.kind !== "ok") return null;
    if (read.date > today) {
      add(finding("DATE_IN_FUTURE", key, MESSAGES.dateInFuture(key)));
      return null;
    }
    return read.date;
  };
  const applicationDate = pastDate("applicationDate");
  const completeRead = readDateCell(cell("completeAt"), true);
  if (completeRead.kind === "invalid") add(finding("DATE_INVALID", "completeAt", MESSAGES.dateInvalid("completeAt", true)));
  const birthDate = pastDate("birthDate");
  const deactivationDate = pastDate("deactivationDate");
  if (applicationDate && deactivationDate && deactivationDate > applicationDate) {
    add(finding("DATE_ORDER", "deactivationDate", MESSAGES.dateOrder()));
  }

  // Enumerations: unknown text is an error; blank reads as the default.
  const enumValue = <T extends string>(key: EnumKey & ColumnKey, fallback: T): T => {
    const read = readEnum(key, cell(key));
    if (read.kind === "unknown") {
      const choices = key === "sex" ? ["L", "P", "Laki-laki", "Perempuan"] : enumChoices(key);
      add(finding("VALUE_UNKNOWN", key, MESSAGES.enumUnknown(key, choices)));
    }
    return read.kind === "ok" ? (read.value as T) : fallback;
  };
  const sex = enumValue<string>("sex", "");
  const registryStatus = enumValue<RequestRow["registryStatus"]>("registryStatus", "Belum Dicek");
  const healthNeed = enumValue<string>("healthNeed", "Tidak Ada");
  const bpjsConfirmation = enumValue<RequestRow["bpjsConfirmation"]>("bpjsConfirmation", "Belum");
  const facilitatorResult = enumValue<RequestRow["facilitatorResult"]>("facilitatorResult", "Belum");

  const bools = {} as Record<(typeof BOOL_FIELDS)[number], boolean>;
  for (const key of BOOL_FIELDS) {
    const value = readBool(cell(key));
    if (value === undefined) add(finding("VALUE_UNKNOWN", key, MESSAGES.boolUnknown(key)));
    bools[key] = value ?? false;
  }

  // NIK: a format or precision problem hides every other NIK finding.
  let nik: string | null = null;
  const nikRead = readNumberCell(cell("nik"));
  if (nikRead.kind === "precisionLost") add(finding("NIK_PRECISION_LOST", "nik", MESSAGES.nikPrecisionLost()));
  else if (nikRead.kind === "text" && !isDigits(nikRead.text, 16)) {
    add(finding("NIK_FORMAT", "nik", MESSAGES.nikFormat(nikRead.text.length)));
  } else if (nikRead.kind === "text") {
    nik = nikRead.text;
    const a = analyseNik(nik, today);
    if (!a.provinceValid) add(finding("NIK_PROVINCE_INVALID", "nik", MESSAGES.nikProvince()));
    if (!a.birth) add(finding("NIK_BIRTHDATE_INVALID", "nik", MESSAGES.nikBirthdate()));
    if (a.serialZero) add(finding("NIK_SERIAL_ZERO", "nik", MESSAGES.nikSerialZero()));
    if (a.provinceValid && !a.regionKnown) add(finding("NIK_REGION_UNKNOWN", "nik", MESSAGES.nikRegionUnknown(REGION_SOURCE)));
    if (a.birth && birthDate && birthDate !== a.birth.date) {
      add(finding("NIK_BIRTHDATE_MISMATCH", "nik", MESSAGES.nikBirthdateMismatch()));
    }
    if (a.birth && sex && sex !== a.birth.sex) add(finding("NIK_SEX_MISMATCH", "nik", MESSAGES.nikSexMismatch()));
  }

  const kkRead = readNumberCell(cell("kk"));
  if (kkRead.kind === "precisionLost") add(finding("KK_FORMAT", "kk", MESSAGES.kkPrecisionLost()));
  else if (kkRead.kind === "text") {
    if (!isDigits(kkRead.text, 16)) add(finding("KK_FORMAT", "kk", MESSAGES.kkFormat(kkRead.text.length)));
    else if (!PROVINCE_CODES.has(kkRead.text.slice(0, 2))) add(finding("KK_FORMAT", "kk", MESSAGES.kkProvince()));
    if (nik !== null && kkRead.text === nik) add(finding("KK_EQUALS_NIK", "kk", MESSAGES.kkEqualsNik()));
  }

  const cardRead = readNumberCell(cell("cardNumber"));
  if (cardRead.kind === "precisionLost") add(finding("CARD_FORMAT", "cardNumber", MESSAGES.cardPrecisionLost()));
  else if (cardRead.kind === "text" && !isDigits(cardRead.text, 13)) {
    const shortDigits = cardRead.text.length < 13 && isAllDigits(cardRead.text);
    add(finding("CARD_FORMAT", "cardNumber",
      shortDigits ? MESSAGES.cardLeadingZeros(cardRead.text.length) : MESSAGES.cardFormat()));
  }

  let decile: number | null = null;
  const decileCell = cell("decile");
  if (!isBlank(decileCell)) {
    const text = typeof decileCell === "number" ? String(decileCell) : cellText(decileCell).trim();
    const value = DECILE_RE.test(text) ? Number(text) : NaN;
    if (value >= 0 && value <= 10) decile = value;
    else add(finding("DECILE_INVALID", "decile", MESSAGES.decileInvalid()));
  }

  let phone: string | null = null;
  const phoneRead = readNumberCell(cell("phone"));
  if (phoneRead.kind !== "blank") {
    phone = phoneRead.kind === "text" ? normalisePhone(phoneRead.text) : null;
    if (phone === null) add(finding("PHONE_FORMAT", "phone", MESSAGES.phoneFormat()));
  }

  const documents = {} as Record<DocumentKey, boolean>;
  for (const key of DOCUMENT_KEYS) documents[key] = bools[key];

  return {
    findings,
    row: {
      id: cellText(cell("id")).trim(),
      service,
      applicationDate,
      completeAt: completeRead.kind === "ok" ? { date: completeRead.date, minutes: completeRead.minutes } : null,
      deactivationDate,
      nik,
      registryStatus,
      decile,
      healthNeed,
      reactivatedBefore: bools.reactivatedBefore,
      bpjsConfirmation,
      facilitatorResult,
      urgent: bools.urgent,
      documents,
      phone,
      stage: cellText(cell("stage")).trim(),
    },
  };
}
