/** `pbijk profiles [ID]`: the profile list, or one profile's rules in Indonesian. */
import { headerOf, SERVICES } from "../domain/columns";
import { DOCUMENTS } from "../domain/documents";
import { type Profile, PROFILES, type RegistryPolicy } from "../domain/profiles";
import { ROLES } from "../domain/roles";
import { fit, wrap } from "./terminal";

const REGISTRY: Record<RegistryPolicy, string> = {
  required: "harus Terdaftar di DTSEN/DTKS; Tidak Terdaftar berarti Tidak Layak",
  facilitator: "Terdaftar di DTSEN/DTKS, atau bila Tidak Terdaftar, dinyatakan Layak oleh verifikasi fasilitator bersama kelurahan",
  "decile-or-health-need": "Terdaftar di DTSEN dengan desil 1–5, atau ada kebutuhan layanan kesehatan",
};

export function profileList(): string {
  const lines = PROFILES.flatMap((p) => wrap(p.name, fit(p.id, 33), " ".repeat(33)));
  return `${lines.join("\n")}\n\nAturan satu profil: pbijk profiles ID\n`;
}

const LABEL = 20;

function windowText(p: Profile): string {
  if (p.windowMonths === null) return "tidak ada (layanan ini tanpa batas waktu reaktivasi)";
  const anchor = p.windowAnchor ?? headerOf("deactivationDate");
  return `${p.windowMonths} bulan sejak ${anchor}; ${p.windowInclusive ? "hari terakhirnya masih boleh (inklusif)" : "permohonan harus sebelum hari itu (eksklusif)"}`;
}

export function profileDetails(p: Profile): string {
  const fields: [string, string][] = [
    ["Sumber", p.source],
    ["Layanan", SERVICES[p.service]],
    ["Batas reaktivasi", windowText(p)],
    ["Sekali per orang", p.oncePerPerson ? `ya (kolom ${headerOf("reactivatedBefore")})` : "tidak"],
    ["Aturan DTSEN/DTKS", REGISTRY[p.registryPolicy]],
    ["Konfirmasi BPJS", p.requiresBpjsConfirmation ? `wajib (kolom ${headerOf("bpjsConfirmation")})` : "tidak perlu"],
    ["Dokumen wajib", p.requiredDocuments.map((d) => `${DOCUMENTS[d].name} (kolom ${headerOf(d)})`).join(", ")],
    ...(p.extraRequiredFields.length ? [["Kolom wajib lain", p.extraRequiredFields.map((k) => headerOf(k)).join(", ")] as [string, string]] : []),
    ["Waktu layanan", `${p.slaMinutes} menit sejak berkas lengkap${p.sameDay ? "; surat selesai di hari yang sama" : ""}`],
    ["Penandatangan", p.signer],
    ["Surat", p.secondLetterTitle ? `${p.letterTitle}; juga ${p.secondLetterTitle}` : p.letterTitle],
  ];
  const lines = [...wrap(p.name, `${p.id}: `, "  "), ""];
  for (const [label, value] of fields) lines.push(...wrap(value, fit(`${label}:`, LABEL), " ".repeat(LABEL)));
  // Stages one per line, in order: the path a letter takes after the decision.
  p.stages.forEach((s, i) => lines.push(...wrap(`${i + 1}. ${s.name} (${ROLES[s.role]})`, fit(i ? "" : "Tahapan surat:", LABEL), " ".repeat(LABEL + 3))));
  if (p.urgentSkipsBackOffice) lines.push(...wrap("Baris Mendesak melewati Back Office.", " ".repeat(LABEL), " ".repeat(LABEL)));
  return `${lines.join("\n")}\n`;
}
