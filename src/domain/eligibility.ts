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

export const REASON_CODES = [
  "DEACTIVATION_TOO_OLD", "ALREADY_REACTIVATED", "NOT_IN_SOCIAL_REGISTRY", "DECILE_TOO_HIGH",
  "FACILITATOR_REJECTED", "BPJS_REJECTED", "DOCUMENTS_INCOMPLETE", "REGISTRY_NOT_CHECKED",
  "FACILITATOR_PENDING", "BPJS_NOT_CONFIRMED", "DECILE_UNKNOWN",
] as const;
export type ReasonCode = (typeof REASON_CODES)[number];

/** The first six reasons make a request not eligible. */
const REJECTING_COUNT = 6;
const REASON_INDEX = Object.fromEntries(REASON_CODES.map((r, i) => [r, i])) as Record<ReasonCode, number>;

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
  // One bit per reason, indexed like REASON_CODES, so the reasons come out in canonical order.
  let found = 0;
  const flag = (reason: ReasonCode) => {
    found |= 1 << REASON_INDEX[reason];
  };
  let deadline: IsoDate | null = null;
  if (profile.service === "reactivation" && row.windowStart) {
    deadline = reactivationDeadline(row.windowStart, profile);
    if (deadline && row.applicationDate && row.applicationDate > deadline) flag("DEACTIVATION_TOO_OLD");
  }
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

  const has = (i: number) => (found & (1 << i)) !== 0;
  const rejecting = REASON_CODES.filter((_, i) => i < REJECTING_COUNT && has(i));
  if (rejecting.length) return { decision: "NOT_ELIGIBLE", reasons: rejecting, deadline, missingDocuments };
  if (missingDocuments.length) {
    return { decision: "INCOMPLETE", reasons: ["DOCUMENTS_INCOMPLETE"], deadline, missingDocuments };
  }
  const pending = found === 0 ? [] : REASON_CODES.filter((_, i) => has(i));
  if (pending.length) return { decision: "NEEDS_VERIFICATION", reasons: pending, deadline, missingDocuments };
  return { decision: "ELIGIBLE", reasons: [], deadline, missingDocuments };
}

/** One Indonesian sentence per reason: what it means and what the applicant or office does next. */
export function reasonText(reason: ReasonCode, e: Eligibility, profile: Profile): string {
  switch (reason) {
    case "DEACTIVATION_TOO_OLD":
      return `Batas reaktivasi ${e.deadline ? formatLongDate(e.deadline) : ""} (${profile.windowMonths} bulan sejak ${profile.windowAnchor ? `"${profile.windowAnchor}"` : "SK penonaktifan"}) sudah lewat. Pemohon dapat mengajukan diri kembali sebagai peserta PBI-JK baru.`;
    case "ALREADY_REACTIVATED":
      return "Kepesertaan ini sudah pernah direaktivasi; reaktivasi hanya sekali untuk setiap orang.";
    case "NOT_IN_SOCIAL_REGISTRY":
      return "Pemohon tidak terdaftar di DTSEN/DTKS. Pemohon dapat melapor ke pemerintah desa/kelurahan setempat untuk diusulkan melalui Musyawarah Desa/Kelurahan.";
    case "DECILE_TOO_HIGH":
      return "Desil DTSEN pemohon di luar desil 1–5 dan tidak ada kebutuhan layanan kesehatan.";
    case "FACILITATOR_REJECTED":
      return "Hasil verifikasi fasilitator bersama kelurahan: pemohon tidak memenuhi kriteria keluarga miskin.";
    case "BPJS_REJECTED":
      return "BPJS Kesehatan menyatakan kepesertaan ini tidak dapat direaktivasi.";
    case "DOCUMENTS_INCOMPLETE":
      return `Berkas belum lengkap: ${e.missingDocuments.map((d) => `${DOCUMENTS[d].name} (${DOCUMENTS[d].source})`).join("; ")}.`;
    case "REGISTRY_NOT_CHECKED":
      return "Status DTSEN/DTKS belum dicek: operator SIKS-NG perlu memeriksanya lebih dulu.";
    case "FACILITATOR_PENDING":
      return "Pemohon tidak terdaftar di DTSEN/DTKS: fasilitator bersama kelurahan perlu memverifikasi dan memvalidasi datanya.";
    case "BPJS_NOT_CONFIRMED":
      return "Operator perlu memastikan ke BPJS Kesehatan cabang bahwa kepesertaan dapat direaktivasi.";
    case "DECILE_UNKNOWN":
      return "Desil DTSEN pemohon belum diisi: operator perlu mengecek desilnya di DTSEN.";
  }
}
