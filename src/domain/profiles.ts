/** Office profiles (spec section 5): each SOP's rules as data, plus the national default. */
import type { Service } from "./columns";
import type { DocumentKey } from "./documents";
import type { Role } from "./roles";
import type { StageName } from "./workflow";

export type RegistryPolicy = "required" | "facilitator" | "decile-or-health-need";

/** A review stage after the decision (section 5, second table); its stamp columns are the workflow's. */
export interface Stage {
  /** Written to `Tahap`. */
  name: StageName;
  role: Role;
}

export interface Profile {
  id: string;
  name: string;
  source: string;
  service: Service;
  /** null for a service without a reactivation window. */
  windowMonths: number | null;
  windowInclusive: boolean;
  /**
   * Header of the column the window counts from; null = `Tanggal SK Penonaktifan`. "Sejak
   * penonaktifan" is read by some offices as the SK's effective date, kept in a column of their own.
   */
  windowAnchor: string | null;
  oncePerPerson: boolean;
  registryPolicy: RegistryPolicy;
  requiresBpjsConfirmation: boolean;
  requiredDocuments: readonly DocumentKey[];
  /** Fields required on top of section 2's (000: the front office checks the SK's number). */
  extraRequiredFields: readonly "deactivationRef"[];
  slaMinutes: number;
  /** A complete file is issued the same day (004 "pada hari itu"). */
  sameDay: boolean;
  stages: readonly Stage[];
  signer: string;
  numberAt: "drafting" | "after-signature";
  letterTitle: string;
  /** 000 step 7: a Surat Keterangan SIKS-NG for rows registered in the social registry. */
  secondLetterTitle: string | null;
  /** 003 step 4: urgent rows skip Back Office. */
  urgentSkipsBackOffice: boolean;
  archiveCopy: boolean;
  /** false when the request ends at hand-over (no BPJS outcome to wait for). */
  bpjsFollowUp: boolean;
}

const draft: Stage = { name: "Draf", role: "operator" };
/** The last stage: the letter waits for the operator to hand it over. */
const handOver: Stage = { name: "Siap Diserahkan", role: "operator" };
const pangkalpinangStages: Stage[] = [
  { name: "Back Office", role: "verifier" },
  { name: "Persetujuan Manajer", role: "manager" },
  draft,
  { name: "Validasi Kepala Dinas", role: "signer" },
  handOver,
];

const base = {
  windowMonths: 6,
  windowInclusive: true,
  windowAnchor: null,
  oncePerPerson: false,
  requiresBpjsConfirmation: false,
  extraRequiredFields: [],
  sameDay: false,
  signer: "Kepala Dinas",
  numberAt: "drafting",
  secondLetterTitle: null,
  urgentSkipsBackOffice: false,
  archiveCopy: false,
  bpjsFollowUp: true,
} as const;

export const PROFILES: readonly Profile[] = [
  {
    ...base,
    id: "nasional-2026",
    name: "Nasional (Permensos 3/2026)",
    source: "Permensos 3/2026 Pasal 20, DTSEN",
    service: "reactivation",
    registryPolicy: "decile-or-health-need",
    requiredDocuments: ["docKtp", "docKk", "docHealthFacility"],
    slaMinutes: 45,
    stages: [draft, { name: "Paraf Kabid", role: "kabid" }, { name: "Tanda Tangan", role: "signer" }, handOver],
    letterTitle: "Surat Keterangan Pengaktifan Kembali PBI-JK",
  },
  {
    ...base,
    id: "pangkalpinang-reaktivasi",
    name: "Kota Pangkalpinang — Reaktivasi PBI-JK",
    source: "SOP Dinas Sosial Kota Pangkalpinang 08.a/KEP/SEKRT-DINSOS/I/2022",
    service: "reactivation",
    registryPolicy: "facilitator",
    requiredDocuments: ["docKtp", "docKk", "docSktm"],
    extraRequiredFields: ["deactivationRef"],
    slaMinutes: 45,
    stages: pangkalpinangStages,
    letterTitle: "Surat Rekomendasi Reaktivasi PBI-JK",
    secondLetterTitle: "Surat Keterangan SIKS-NG",
  },
  {
    ...base,
    id: "pangkalpinang-bantuan-kesehatan",
    name: "Kota Pangkalpinang — Bantuan Pembiayaan Pelayanan Kesehatan",
    source: "SOP Dinas Sosial Kota Pangkalpinang 08.a/KEP/SEKRT-DINSOS/I/2022",
    service: "healthFinancing",
    windowMonths: null,
    registryPolicy: "facilitator",
    requiredDocuments: ["docKtp", "docKk", "docSktm"],
    slaMinutes: 45,
    stages: pangkalpinangStages,
    letterTitle: "Surat Rekomendasi Pengajuan Bantuan Pembiayaan Pelayanan Kesehatan",
    urgentSkipsBackOffice: true,
    bpjsFollowUp: false,
  },
  {
    ...base,
    id: "minsel",
    name: "Kabupaten Minahasa Selatan",
    source: "SOP Dinas Sosial Kab. Minahasa Selatan",
    service: "reactivation",
    windowInclusive: false,
    oncePerPerson: true,
    registryPolicy: "required",
    requiredDocuments: ["docKtp", "docKk"],
    slaMinutes: 10,
    stages: [
      draft,
      { name: "Paraf Kabid", role: "kabid" },
      { name: "Tanda Tangan", role: "signer" },
      { name: "Penomoran dan Stempel", role: "operator" },
      handOver,
    ],
    numberAt: "after-signature",
    letterTitle: "Surat Rekomendasi Reaktivasi PBI-JK",
  },
  {
    ...base,
    id: "bandung",
    name: "Kota Bandung",
    source: "SOP Dinas Sosial Kota Bandung PD.05.03.04/0031-Dinsos/2023",
    service: "reactivation",
    registryPolicy: "required",
    requiresBpjsConfirmation: true,
    requiredDocuments: ["docKk", "docKtp", "docCard", "docRegistry"],
    slaMinutes: 40,
    stages: [
      draft,
      { name: "Verifikasi Draf", role: "kabid" },
      { name: "Tanda Tangan", role: "signer" },
      { name: "Input ke BPJS", role: "operator" },
      handOver,
    ],
    letterTitle: "Surat Rekomendasi Reaktivasi PBI JK",
    archiveCopy: true,
  },
  {
    ...base,
    id: "purbalingga",
    name: "Kabupaten Purbalingga",
    source: "SOP DINSOSDALDUKKBP3A Kab. Purbalingga 460/053/2022",
    service: "reactivation",
    windowInclusive: false,
    registryPolicy: "required",
    requiredDocuments: ["docKtp", "docKk", "docCard", "docBpjsStatus", "docHealthFacility"],
    slaMinutes: 30,
    sameDay: true,
    stages: [draft, { name: "Tanda Tangan", role: "signer" }, handOver],
    signer: "Sekretaris Dinas atau Kepala Dinas",
    letterTitle: "Surat Rekomendasi Reaktivasi KIS PBI",
    archiveCopy: true,
  },
];

export const DEFAULT_PROFILE_ID = "nasional-2026";

export function findProfile(id: string): Profile | undefined {
  return PROFILES.find((p) => p.id === id.trim().toLowerCase());
}

/** Parameters a settings sheet may override for one request sheet. */
export type ProfileOverrides = Partial<
  Pick<Profile, "windowMonths" | "windowInclusive" | "windowAnchor" | "oncePerPerson" | "registryPolicy" |
    "requiresBpjsConfirmation" | "requiredDocuments" | "slaMinutes" | "sameDay" | "signer" | "archiveCopy">
>;

export function withOverrides(profile: Profile, overrides: ProfileOverrides = {}): Profile {
  const defined = Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined));
  return { ...profile, ...defined };
}
