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

/** The table entry of a reason; a code outside the table is a programming error, never another reason. */
export function reasonRule(code: ReasonCode): ReasonRule {
  const rule = REASON_BY_CODE.get(code);
  if (!rule) throw new Error(`Unknown reason code: ${String(code)}`);
  return rule;
}

export interface Eligibility {
  decision: Decision;
  reasons: ReasonCode[];
  deadline: IsoDate | null;
  missingDocuments: DocumentKey[];
}

/** Last day to apply: SK date + window months, the day before when the window is exclusive. */
export function reactivationDeadline(deactivationDate: IsoDate, profile: Profile): IsoDate | null {
  if (profile.service !== "reactivation" || profile.windowMonths === null) return null;
  const end = addMonthsClamped(deactivationDate, profile.windowMonths);
  return profile.windowInclusive ? end : addDays(end, -1);
}

/** Decides a row that has no error-level finding. */
export function decide(row: RequestRow, profile: Profile): Eligibility {
  // A set, reported in REASONS order: a code outside the table is never reported as another reason.
  const found = new Set<ReasonCode>();
  const flag = (reason: ReasonCode) => found.add(reason);
  const deadline = row.windowStart === null ? null : reactivationDeadline(row.windowStart, profile);
  if (deadline !== null && (row.applicationDate ?? "") > deadline) flag("DEACTIVATION_TOO_OLD");
  if (profile.oncePerPerson && row.reactivatedBefore) flag("ALREADY_REACTIVATED");

  const healthNeed = row.healthNeed !== "Tidak Ada";
  if (row.registryStatus === "Belum Dicek") flag("REGISTRY_NOT_CHECKED");
  else if (profile.registryPolicy === "required") {
    if (row.registryStatus === "Tidak Terdaftar") flag("NOT_IN_SOCIAL_REGISTRY");
  } else if (profile.registryPolicy === "facilitator") {
    if (row.registryStatus === "Tidak Terdaftar") {
      if (row.facilitatorResult === "Tidak Layak") flag("FACILITATOR_REJECTED");
      else if (row.facilitatorResult === "Belum") flag("FACILITATOR_PENDING");
    }
  } else if (!healthNeed) {
    if (row.registryStatus === "Tidak Terdaftar") flag("NOT_IN_SOCIAL_REGISTRY");
    else if (row.decile === null) flag("DECILE_UNKNOWN");
    else if (row.decile < 1 || row.decile > 5) flag("DECILE_TOO_HIGH");
  }

  if (profile.requiresBpjsConfirmation) {
    if (row.bpjsConfirmation === "Tidak Dapat Direaktivasi") flag("BPJS_REJECTED");
    else if (row.bpjsConfirmation === "Belum") flag("BPJS_NOT_CONFIRMED");
  }

  const missingDocuments = profile.requiredDocuments.filter((d) => !row.documents[d]);
  if (missingDocuments.length) flag("DOCUMENTS_INCOMPLETE");

  if (found.size === 0) return { decision: "ELIGIBLE", reasons: [], deadline, missingDocuments };
  const ordered = REASONS.filter((r) => found.has(r.code));
  const rejecting = ordered.filter((r) => r.rejects);
  if (rejecting.length) return { decision: "NOT_ELIGIBLE", reasons: rejecting.map((r) => r.code), deadline, missingDocuments };
  if (missingDocuments.length) {
    return { decision: "INCOMPLETE", reasons: ["DOCUMENTS_INCOMPLETE"], deadline, missingDocuments };
  }
  return { decision: "NEEDS_VERIFICATION", reasons: ordered.map((r) => r.code), deadline, missingDocuments };
}

/** One Indonesian text per reason: what it means, then what the applicant or office does next. */
export function reasonText(reason: ReasonCode, e: Eligibility, profile: Profile): string {
  const rule = reasonRule(reason);
  return `${rule.text(e, profile)} ${rule.advice}`;
}
