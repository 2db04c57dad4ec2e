/** Eligibility (spec section 4): a decision, its reasons in canonical order, and the deadline. */
import { addDays, addMonthsClamped, formatLongDate, type IsoDate } from "./dates";
import { DOCUMENTS, type DocumentKey } from "./documents";
import type { Profile } from "./profiles";
import type { RequestRow } from "./rowcheck";

export const DECISIONS = {
  ELIGIBLE: "Layak",
  NOT_ELIGIBLE: "Tidak Layak",
  INCOMPLETE: "Berkas Belum Lengkap",
  NEEDS_VERIFICATION: "Perlu Verifikasi",
  INVALID: "Data Tidak Valid",
} as const;
export type Decision = keyof typeof DECISIONS;

interface ReasonRule {
  readonly code: string;
  /** Makes the request NOT_ELIGIBLE (spec section 4 step 6). */
  readonly rejects: boolean;
  /** What the reason means for this row. */
  readonly text: (e: Eligibility, profile: Profile) => string;
  /** What the applicant or office does next. */
  readonly advice: string;
}

/** Every reason in canonical order (spec section 4): the order reasons are reported in. */
export const REASONS = [
  {
    code: "DEACTIVATION_TOO_OLD", rejects: true,
    text: (e, p) =>
      `Batas reaktivasi ${e.deadline ? formatLongDate(e.deadline) : ""} (${p.windowMonths} bulan sejak ${p.windowAnchor ? `"${p.windowAnchor}"` : "SK penonaktifan"}) sudah lewat.`,
    advice: "Pemohon dapat mengajukan diri kembali sebagai peserta PBI-JK baru.",
  },
  {
    code: "ALREADY_REACTIVATED", rejects: true,
    text: () => "Kepesertaan ini sudah pernah direaktivasi; reaktivasi hanya sekali untuk setiap orang.",
    advice: "Pemohon dapat melapor ke desa/kelurahan untuk diusulkan kembali sebagai peserta PBI-JK baru.",
  },
  {
    code: "NOT_IN_SOCIAL_REGISTRY", rejects: true,
    text: () => "Pemohon tidak terdaftar di DTSEN/DTKS.",
    advice: "Pemohon dapat melapor ke pemerintah desa/kelurahan setempat untuk diusulkan melalui Musyawarah Desa/Kelurahan.",
  },
  {
    code: "DECILE_TOO_HIGH", rejects: true,
    text: () => "Desil DTSEN pemohon di luar desil 1–5 dan tidak ada kebutuhan layanan kesehatan.",
    advice: "Bila keadaan ekonomi keluarga berubah, pemohon dapat meminta pemutakhiran data DTSEN melalui desa/kelurahan.",
  },
  {
    code: "FACILITATOR_REJECTED", rejects: true,
    text: () => "Hasil verifikasi fasilitator bersama kelurahan: pemohon tidak memenuhi kriteria keluarga miskin.",
    advice: "Bila keadaan keluarga berubah, pemohon dapat meminta verifikasi ulang melalui kelurahan.",
  },
  {
    code: "BPJS_REJECTED", rejects: true,
    text: () => "BPJS Kesehatan menyatakan kepesertaan ini tidak dapat direaktivasi.",
    advice: "Pemohon dapat menanyakan alasannya ke BPJS Kesehatan Care Center 165 atau kantor BPJS Kesehatan terdekat.",
  },
  {
    code: "DOCUMENTS_INCOMPLETE", rejects: false,
    text: (e) => `Berkas belum lengkap: ${e.missingDocuments.map((d) => `${DOCUMENTS[d].name} (${DOCUMENTS[d].source})`).join("; ")}.`,
    advice: "Lengkapi dokumen tersebut, lalu ajukan kembali.",
  },
  {
    code: "REGISTRY_NOT_CHECKED", rejects: false,
    text: () => "Status DTSEN/DTKS belum dicek.",
    advice: "Operator SIKS-NG perlu memeriksanya lebih dulu, lalu mengisi kolom Status DTSEN/DTKS.",
  },
  {
    code: "FACILITATOR_PENDING", rejects: false,
    text: () => "Pemohon tidak terdaftar di DTSEN/DTKS dan belum diverifikasi fasilitator.",
    advice: "Fasilitator bersama kelurahan perlu memverifikasi dan memvalidasi datanya, lalu mengisi kolom Verifikasi Fasilitator.",
  },
  {
    code: "BPJS_NOT_CONFIRMED", rejects: false,
    text: () => "Belum ada konfirmasi BPJS Kesehatan bahwa kepesertaan dapat direaktivasi.",
    advice: "Operator perlu memastikannya ke BPJS Kesehatan cabang, lalu mengisi kolom Konfirmasi BPJS.",
  },
  {
    code: "DECILE_UNKNOWN", rejects: false,
    text: () => "Desil DTSEN pemohon belum diisi.",
    advice: "Operator perlu mengecek desilnya di DTSEN, lalu mengisi kolom Desil.",
  },
] as const satisfies readonly ReasonRule[];

export type ReasonCode = (typeof REASONS)[number]["code"];
export const REASON_CODES: readonly ReasonCode[] = REASONS.map((r) => r.code);

const REASON_BY_CODE = new Map<string, ReasonRule>(REASONS.map((r) => [r.code, r]));

/** Each reason's bit, by its canonical position: a row's reasons are one number (no set per row). */
const REASON_BITS = new Map<ReasonCode, number>(REASONS.map((r, i) => [r.code, 2 ** i]));
const REJECTING_BITS = REASONS.reduce((bits, r, i) => (r.rejects ? bits | (2 ** i) : bits), 0);
const bit = (reason: ReasonCode): number => REASON_BITS.get(reason)!;

/** Shared empty lists: results are read-only, and most rows have no reason or missing document. */
export const NO_REASONS: readonly ReasonCode[] = Object.freeze([]);
export const NO_DOCUMENTS: readonly DocumentKey[] = Object.freeze([]);

/** Reason lists by bit set (at most 2^11), in REASONS order; frozen, shared by the rows with the same reasons. */
const REASON_LISTS = new Map<number, readonly ReasonCode[]>();

/** The reasons whose bits are set, in REASONS order. */
function reasonsIn(bits: number): readonly ReasonCode[] {
  let list = REASON_LISTS.get(bits);
  if (list === undefined) REASON_LISTS.set(bits, (list = Object.freeze(REASONS.filter((r) => bits & bit(r.code)).map((r) => r.code))));
  return list;
}

/** The table entry of a reason; a code outside the table is a programming error, never another reason. */
export function reasonRule(code: ReasonCode): ReasonRule {
  const rule = REASON_BY_CODE.get(code);
  if (!rule) throw new Error(`Unknown reason code: ${String(code)}`);
  return rule;
}

export interface Eligibility {
  decision: Decision;
  reasons: readonly ReasonCode[];
  deadline: IsoDate | null;
  missingDocuments: readonly DocumentKey[];
}

/** Deadlines by SK date for the last window asked (a table has one window and a few hundred SK dates). */
let deadlineMemo = { months: Number.NaN, inclusive: false, byDate: new Map<IsoDate, IsoDate>() };
/** Cleared past this many dates, so a sheet of distinct dates cannot grow it. */
const DEADLINE_MEMO_LIMIT = 5000;

/** Last day to apply: SK date + window months, the day before when the window is exclusive. */
export function reactivationDeadline(deactivationDate: IsoDate, profile: Profile): IsoDate | null {
  const { windowMonths: months, windowInclusive: inclusive } = profile;
  if (profile.service !== "reactivation" || months === null) return null;
  if (deadlineMemo.months !== months || deadlineMemo.inclusive !== inclusive) deadlineMemo = { months, inclusive, byDate: new Map() };
  const byDate = deadlineMemo.byDate;
  let deadline = byDate.get(deactivationDate);
  if (deadline === undefined) {
    const end = addMonthsClamped(deactivationDate, months);
    deadline = inclusive ? end : addDays(end, -1);
    if (byDate.size >= DEADLINE_MEMO_LIMIT) byDate.clear();
    byDate.set(deactivationDate, deadline);
  }
  return deadline;
}

/** Decides a row that has no error-level finding. */
export function decide(row: RequestRow, profile: Profile): Eligibility {
  // Reasons as bits, reported in REASONS order: a code outside the table is never reported as another reason.
  let found = 0;
  const deadline = row.windowStart === null ? null : reactivationDeadline(row.windowStart, profile);
  if (deadline !== null && (row.applicationDate ?? "") > deadline) found |= bit("DEACTIVATION_TOO_OLD");
  if (profile.oncePerPerson && row.reactivatedBefore) found |= bit("ALREADY_REACTIVATED");

  const healthNeed = row.healthNeed !== "Tidak Ada";
  if (row.registryStatus === "Belum Dicek") found |= bit("REGISTRY_NOT_CHECKED");
  else if (profile.registryPolicy === "required") {
    if (row.registryStatus === "Tidak Terdaftar") found |= bit("NOT_IN_SOCIAL_REGISTRY");
  } else if (profile.registryPolicy === "facilitator") {
    if (row.registryStatus === "Tidak Terdaftar") {
      if (row.facilitatorResult === "Tidak Layak") found |= bit("FACILITATOR_REJECTED");
      else if (row.facilitatorResult === "Belum") found |= bit("FACILITATOR_PENDING");
    }
  } else if (!healthNeed) {
    if (row.registryStatus === "Tidak Terdaftar") found |= bit("NOT_IN_SOCIAL_REGISTRY");
    else if (row.decile === null) found |= bit("DECILE_UNKNOWN");
    else if (row.decile < 1 || row.decile > 5) found |= bit("DECILE_TOO_HIGH");
  }

  if (profile.requiresBpjsConfirmation) {
    if (row.bpjsConfirmation === "Tidak Dapat Direaktivasi") found |= bit("BPJS_REJECTED");
    else if (row.bpjsConfirmation === "Belum") found |= bit("BPJS_NOT_CONFIRMED");
  }

  const missing = profile.requiredDocuments.filter((d) => !row.documents[d]);
  const missingDocuments = missing.length ? missing : NO_DOCUMENTS;
  if (missingDocuments.length) found |= bit("DOCUMENTS_INCOMPLETE");

  if (found === 0) return { decision: "ELIGIBLE", reasons: NO_REASONS, deadline, missingDocuments };
  if (found & REJECTING_BITS) return { decision: "NOT_ELIGIBLE", reasons: reasonsIn(found & REJECTING_BITS), deadline, missingDocuments };
  if (missingDocuments.length) {
    return { decision: "INCOMPLETE", reasons: reasonsIn(bit("DOCUMENTS_INCOMPLETE")), deadline, missingDocuments };
  }
  return { decision: "NEEDS_VERIFICATION", reasons: reasonsIn(found), deadline, missingDocuments };
}

/** One Indonesian text per reason: what it means, then what the applicant or office does next. */
export function reasonText(reason: ReasonCode, e: Eligibility, profile: Profile): string {
  const rule = reasonRule(reason);
  return `${rule.text(e, profile)} ${rule.advice}`;
}
