/**
 * Test helpers for the domain rules. Headers, person data and expected answers are written from
 * the spec (shared/spec/domain.md), not copied from src/domain, so the tests are an independent check.
 */
import { checkTable, type RowResult, type TableCheck } from "../../src/domain/check";
import type { Finding } from "../../src/domain/findings";
import { findProfile, type Profile } from "../../src/domain/profiles";
import type { Cell } from "../../src/domain/text";

/** The fixed "today" of every test (Asia/Jakarta). */
export const TODAY = "2026-11-24";

/** Section 2 headers, exactly as the spec writes them, plus `Tahap` (read as input where it exists). */
export const SPEC_HEADERS = {
  id: "ID Permohonan",
  service: "Layanan",
  applicationDate: "Tanggal Permohonan",
  completeAt: "Berkas Lengkap Pada",
  name: "Nama",
  nik: "NIK",
  kk: "Nomor KK",
  cardNumber: "Nomor Kartu KIS",
  birthDate: "Tanggal Lahir",
  sex: "Jenis Kelamin",
  address: "Alamat",
  village: "Desa/Kelurahan",
  district: "Kecamatan",
  phone: "Nomor HP",
  deactivationRef: "Nomor SK Penonaktifan",
  deactivationDate: "Tanggal SK Penonaktifan",
  registryStatus: "Status DTSEN/DTKS",
  decile: "Desil",
  healthNeed: "Kebutuhan Layanan Kesehatan",
  reactivatedBefore: "Pernah Direaktivasi",
  bpjsConfirmation: "Konfirmasi BPJS",
  facilitatorResult: "Verifikasi Fasilitator",
  urgent: "Mendesak",
  docKtp: "Dok. KTP",
  docKk: "Dok. KK",
  docSktm: "Dok. SKTM",
  docCard: "Dok. KIS",
  docRegistry: "Dok. Ket. DTSEN/DTKS",
  docBpjsStatus: "Dok. Ket. BPJS",
  docHealthFacility: "Dok. Ket. Faskes",
  documentsLink: "Tautan Berkas",
  archived: "Salinan Diarsipkan",
  note: "Catatan",
  stage: "Tahap",
} as const;

export type Key = keyof typeof SPEC_HEADERS;
export type Fields = Partial<Record<Key, Cell>>;
export const ALL_KEYS = Object.keys(SPEC_HEADERS) as Key[];

/** Section 2 aliases, as the spec lists them. */
export const SPEC_ALIASES: Partial<Record<Key, readonly string[]>> = {
  id: ["ID"],
  service: ["Jenis Layanan"],
  applicationDate: ["Tgl Permohonan"],
  completeAt: ["Waktu Berkas Lengkap"],
  name: ["Nama Lengkap", "Nama Peserta"],
  nik: ["No KTP", "Nomor NIK"],
  kk: ["No KK", "KK"],
  cardNumber: ["No KIS", "No BPJS", "Nomor Kartu BPJS", "Noka"],
  birthDate: ["Tgl Lahir"],
  sex: ["JK", "L/P"],
  village: ["Kelurahan", "Desa"],
  phone: ["No HP", "No Telepon", "WA"],
  deactivationRef: ["No SK Nonaktif"],
  deactivationDate: ["Tgl SK Nonaktif", "Tanggal Nonaktif"],
  registryStatus: ["Status DTKS", "Status DTSEN", "DTKS"],
  decile: ["Desil DTSEN"],
  healthNeed: ["Kebutuhan Kesehatan"],
  facilitatorResult: ["Hasil Verifikasi"],
  urgent: ["Urgent"],
  docCard: ["Dok. Kartu KIS"],
  docRegistry: ["Dok. Ket. DTKS"],
  docBpjsStatus: ["Dok. Status Kepesertaan"],
  docHealthFacility: ["Dok. Surat RS/Puskesmas"],
  documentsLink: ["Link Berkas"],
};

export const DOC_KEYS = [
  "docKtp", "docKk", "docSktm", "docCard", "docRegistry", "docBpjsStatus", "docHealthFacility",
] as const;
export type DocKey = (typeof DOC_KEYS)[number];

export const PROFILE_IDS = [
  "nasional-2026", "pangkalpinang-reaktivasi", "pangkalpinang-bantuan-kesehatan", "minsel", "bandung", "purbalingga",
] as const;
export type ProfileId = (typeof PROFILE_IDS)[number];
export const REACTIVATION_PROFILE_IDS = PROFILE_IDS.filter((p) => p !== "pangkalpinang-bantuan-kesehatan");

export function profile(id: string): Profile {
  const p = findProfile(id);
  if (!p) throw new Error(`no profile ${id}`);
  return p;
}

/**
 * A NIK built as the spec describes it: 6 region digits, DDMMYY (women DD+40), 4 serial digits.
 */
export function makeNik(o: { region?: string; birth?: string; sex?: "L" | "P"; serial?: string } = {}): string {
  const region = o.region ?? "327302";
  const birth = o.birth ?? "1985-03-15";
  const [y, m, d] = birth.split("-");
  const day = Number(d) + (o.sex === "P" ? 40 : 0);
  return `${region}${String(day).padStart(2, "0")}${m}${y!.slice(2)}${o.serial ?? "0001"}`;
}

/** A raw NIK from digit groups, for NIKs no real person has (province 00, day 32 ...). */
export function rawNik(region: string, ddmmyy: string, serial: string): string {
  return region + ddmmyy + serial;
}

export interface Person {
  name: string;
  nik: string;
  kk: string;
  birthDate: string; // dd/mm/yyyy as an operator types it
  sex: "L" | "P";
  address: string;
  village: string;
  district: string;
  phone: string;
}

/** Synthetic people, one per office region. */
export const PEOPLE = {
  bandung: {
    name: "Siti Nurhaliza",
    nik: makeNik({ region: "327302", birth: "1985-03-15", sex: "P", serial: "0003" }),
    kk: "3273021203100007",
    birthDate: "15/03/1985",
    sex: "P",
    address: "Jl. Dipatiukur No. 12 RT 03/RW 05",
    village: "Lebakgede",
    district: "Coblong",
    phone: "0812-2233-4455",
  },
  pangkalpinang: {
    name: "Rudi Hartono",
    nik: makeNik({ region: "197101", birth: "1979-08-17", sex: "L", serial: "0012" }),
    kk: "1971010405090002",
    birthDate: "17/08/1979",
    sex: "L",
    address: "Jl. Jenderal Sudirman Gg. Melati No. 4",
    village: "Bukit Intan",
    district: "Bukit Intan",
    phone: "081377889900",
  },
  minsel: {
    name: "Maria Wowor",
    nik: makeNik({ region: "710507", birth: "1990-12-02", sex: "P", serial: "0101" }),
    kk: "7105071511120004",
    birthDate: "02/12/1990",
    sex: "P",
    address: "Jaga II",
    village: "Motoling",
    district: "Motoling",
    phone: "+6285298765432",
  },
  purbalingga: {
    name: "Slamet Riyadi",
    nik: makeNik({ region: "330301", birth: "1962-07-05", sex: "L", serial: "0044" }),
    kk: "3303012001080011",
    birthDate: "05/07/1962",
    sex: "L",
    address: "Desa Kemangkon RT 01/RW 02",
    village: "Kemangkon",
    district: "Kemangkon",
    phone: "6281390001122",
  },
} as const satisfies Record<string, Person>;

export function personFor(profileId: string): Person {
  if (profileId.startsWith("pangkalpinang")) return PEOPLE.pangkalpinang;
  if (profileId === "minsel") return PEOPLE.minsel;
  if (profileId === "purbalingga") return PEOPLE.purbalingga;
  return PEOPLE.bandung;
}

/**
 * A row that every profile decides ELIGIBLE on TODAY: registered, desil 2, BPJS confirmed,
 * every document ticked, SK of 10/08/2026 and application of 20/11/2026 (inside 6 months).
 */
export function eligibleFields(profileId: string = "nasional-2026", overrides: Fields = {}): Fields {
  const p = personFor(profileId);
  const fields: Fields = {
    id: "PBI-2026-0001",
    service: "",
    applicationDate: "20/11/2026",
    completeAt: "20/11/2026 09:15",
    name: p.name,
    nik: p.nik,
    kk: p.kk,
    cardNumber: "0001234567890",
    birthDate: p.birthDate,
    sex: p.sex,
    address: p.address,
    village: p.village,
    district: p.district,
    phone: p.phone,
    deactivationRef: "400.9.3.2/117/Dinsos/VIII/2026",
    deactivationDate: "10/08/2026",
    registryStatus: "Terdaftar",
    decile: "2",
    healthNeed: "",
    reactivatedBefore: "",
    bpjsConfirmation: "Dapat Direaktivasi",
    facilitatorResult: "",
    urgent: "",
    docKtp: true,
    docKk: true,
    docSktm: true,
    docCard: true,
    docRegistry: true,
    docBpjsStatus: true,
    docHealthFacility: true,
    documentsLink: "https://drive.google.com/drive/folders/berkas-0001",
    archived: "",
    note: "",
    stage: "Diperiksa",
  };
  return { ...fields, ...overrides };
}

/** Cells of one row in the order of `keys` (absent fields are blank text, as in a CSV). */
export function toCells(fields: Fields, keys: readonly Key[] = ALL_KEYS): Cell[] {
  return keys.map((k) => (Object.prototype.hasOwnProperty.call(fields, k) ? fields[k] : ""));
}

export function headersFor(keys: readonly Key[] = ALL_KEYS): string[] {
  return keys.map((k) => SPEC_HEADERS[k]);
}

export function runTable(
  rows: readonly Fields[],
  profileId: string = "nasional-2026",
  opts: { keys?: readonly Key[]; today?: string; profile?: Profile } = {},
): TableCheck {
  const keys = opts.keys ?? ALL_KEYS;
  return checkTable(
    headersFor(keys),
    rows.map((r) => toCells(r, keys)),
    opts.profile ?? profile(profileId),
    opts.today ?? TODAY,
  );
}

/** Checks one row (sheet row 2) under a profile. */
export function checkOne(fields: Fields, profileId: string = "nasional-2026", opts: { profile?: Profile } = {}): RowResult {
  const result = runTable([fields], profileId, opts).results[0];
  if (!result) throw new Error("row was skipped");
  return result;
}

export function codes(result: RowResult): string[] {
  return result.findings.map((f) => f.code);
}

export function only(result: RowResult, code: string): Finding[] {
  return result.findings.filter((f) => f.code === code);
}

export const NIK_CODES = [
  "NIK_FORMAT", "NIK_PRECISION_LOST", "NIK_PROVINCE_INVALID", "NIK_BIRTHDATE_INVALID", "NIK_SERIAL_ZERO",
  "NIK_REGION_UNKNOWN", "NIK_BIRTHDATE_MISMATCH", "NIK_SEX_MISMATCH",
] as const;

export function nikCodes(result: RowResult): string[] {
  return codes(result).filter((c) => c.startsWith("NIK_")).sort();
}

/** The 20 finding codes of section 3 with their severity, copied from the spec on purpose: the oracle the code is checked against. */
export const SPEC_SEVERITY = {
  REQUIRED_MISSING: "error",
  VALUE_UNKNOWN: "error",
  NIK_FORMAT: "error",
  NIK_PRECISION_LOST: "error",
  NIK_PROVINCE_INVALID: "error",
  NIK_BIRTHDATE_INVALID: "error",
  NIK_SERIAL_ZERO: "error",
  NIK_REGION_UNKNOWN: "warning",
  NIK_BIRTHDATE_MISMATCH: "warning",
  NIK_SEX_MISMATCH: "warning",
  KK_FORMAT: "error",
  KK_EQUALS_NIK: "warning",
  CARD_FORMAT: "error",
  DATE_INVALID: "error",
  DATE_IN_FUTURE: "error",
  DATE_ORDER: "error",
  DECILE_INVALID: "error",
  PHONE_FORMAT: "warning",
  SERVICE_NOT_OFFERED: "error",
  DUPLICATE_OPEN_REQUEST: "error",
} as const;

/** Section 4's reason codes in canonical order. */
export const SPEC_REASONS = [
  "DEACTIVATION_TOO_OLD", "ALREADY_REACTIVATED", "NOT_IN_SOCIAL_REGISTRY", "DECILE_TOO_HIGH",
  "FACILITATOR_REJECTED", "BPJS_REJECTED", "DOCUMENTS_INCOMPLETE", "REGISTRY_NOT_CHECKED",
  "FACILITATOR_PENDING", "BPJS_NOT_CONFIRMED", "DECILE_UNKNOWN",
] as const;
export const REJECTING_REASONS = SPEC_REASONS.slice(0, 6) as readonly string[];

/** ISO date to d/m/yyyy. */
export function dmy(iso: string): string {
  const [y, m, d] = iso.split("-");
  return `${d}/${m}/${y}`;
}
