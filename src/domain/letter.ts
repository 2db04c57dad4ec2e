/**
 * The letter as data (spec section 7): the built-in layout after Permendagri 1/2023 (kop,
 * place and date, Nomor/Sifat/Lampiran/Hal, addressee, body with the participant's data and
 * the legal basis, signer block, tembusan, footer), the Surat Keterangan SIKS-NG, and the
 * placeholder values of template mode. The shell only renders these blocks into a Doc.
 */
import { formatLongDate, type IsoDate } from "./dates";
import type { Profile } from "./profiles";
import type { Settings, Signer } from "./settings";
import { enumKey } from "./text";

export type Align = "left" | "center" | "right" | "justify";

export interface ParagraphBlock {
  kind: "paragraph";
  text: string;
  align?: Align;
  bold?: boolean;
  underline?: boolean;
  /** Points; the document default (12) when absent. */
  size?: number;
  /** Left indent in points (the signer block sits on the right half). */
  indent?: number;
  firstLineIndent?: number;
  spaceAfter?: number;
}
/** A borderless table: label, colon, value rows. */
export interface TableBlock {
  kind: "table";
  rows: string[][];
  /** Column widths in points. */
  widths: number[];
}
export interface ListBlock {
  kind: "list";
  items: string[];
}
export interface RuleBlock {
  kind: "rule";
}
export type Block = ParagraphBlock | TableBlock | ListBlock | RuleBlock;

export interface LetterLayout {
  /** The Doc's name in Drive. */
  name: string;
  header: Block[];
  body: Block[];
  footer: Block[];
}

/** What a letter says about the person and the request, read from the row. */
export interface LetterPerson {
  id: string;
  name: string;
  nik: string;
  kk: string;
  cardNumber: string;
  address: string;
  village: string;
  district: string;
  deactivationRef: string;
  deactivationDate: IsoDate | null;
  registryStatus: string;
  decile: number | null;
}

export interface LetterInput {
  profile: Profile;
  settings: Pick<Settings, "values" | "signers">;
  person: LetterPerson;
  /** null: not numbered yet (minsel numbers after signature) — a line to fill in by hand. */
  number: string | null;
  date: IsoDate;
  /** Last day of the reactivation window, when the profile has one. */
  deadline: IsoDate | null;
}

export const UNNUMBERED = "…………………………";
const BLANK = "-";
const SIGNER_INDENT = 250;
const FIELD_WIDTHS = [80, 12, 360];
const DATA_WIDTHS = [150, 12, 290];

/**
 * Laws every letter cites. The profile's own SOP is added after them; offices whose rules
 * differ edit their template instead.
 */
export const LEGAL_BASIS = [
  "Undang-Undang Nomor 40 Tahun 2004 tentang Sistem Jaminan Sosial Nasional;",
  "Peraturan Pemerintah Nomor 101 Tahun 2012 tentang Penerima Bantuan Iuran Jaminan Kesehatan sebagaimana telah diubah dengan Peraturan Pemerintah Nomor 76 Tahun 2015;",
  "Peraturan Presiden Nomor 82 Tahun 2018 tentang Jaminan Kesehatan beserta perubahannya;",
  "Peraturan Menteri Sosial Nomor 3 Tahun 2026;",
];

/** The laws, then the office's own SOP where the profile comes from one. */
export function legalBasis(profile: Pick<Profile, "source">): string[] {
  const sop = /^SOP\s+/i.test(profile.source) ? [`Standar Operasional Prosedur ${profile.source.replace(/^SOP\s+/i, "")}.`] : [];
  const laws = [...LEGAL_BASIS];
  if (sop.length === 0) laws[laws.length - 1] = laws[laws.length - 1]!.replace(/;$/, ".");
  return [...laws, ...sop];
}

/** The signer for a profile: the first row of the signer table whose title the profile names. */
export function chooseSigner(signers: readonly Signer[], profile: Pick<Profile, "signer">): Signer | null {
  const wanted = profile.signer.split(/\s+atau\s+/i).map(enumKey);
  const usable = signers.filter((s) => s.name.trim() !== "");
  return usable.find((s) => wanted.some((w) => enumKey(s.title).includes(w))) ?? usable[0] ?? null;
}

/** NIP as printed: 19651220 198603 1 009. */
export function formatNip(nip: string): string {
  const d = nip.replace(/\s+/g, "");
  return /^\d{18}$/.test(d) ? `${d.slice(0, 8)} ${d.slice(8, 14)} ${d.slice(14, 15)} ${d.slice(15)}` : nip.trim();
}

/** "Pemerintah Kota Pangkalpinang" → "Kota Pangkalpinang". */
function region(government: string): string {
  return government.trim().replace(/^pemerintah\s+/i, "");
}

function place(settings: LetterInput["settings"]): string {
  const city = settings.values.city.trim();
  return city || region(settings.values.government).replace(/^(kota|kabupaten|kab\.)\s+/i, "");
}

/** `Yth. …`: the setting, else the BPJS branch for reactivation or the facility for bantuan. */
export function addressee(input: Pick<LetterInput, "profile" | "settings">): string {
  const { values } = input.settings;
  const own = (input.profile.service === "healthFinancing" ? values.healthAddressee : values.addressee).trim();
  if (own) return own;
  return input.profile.service === "healthFinancing"
    ? "Direktur Rumah Sakit/Fasilitas Kesehatan Rujukan"
    : `Kepala BPJS Kesehatan Cabang ${place(input.settings)}`.trim();
}

/** The signer's title as the signature block prints it: "KEPALA DINAS SOSIAL KOTA PANGKALPINANG,". */
function signerTitle(signer: Signer | null, settings: LetterInput["settings"]): string {
  const office = settings.values.office.trim();
  let title = signer?.title.trim() || "Kepala Dinas Sosial";
  // "Kepala Dinas" alone names no office: the block names the Dinas in full, as letters do.
  if (/\bdinas$/i.test(title) && /^dinas\s/i.test(office)) title = `${title.slice(0, -"dinas".length)}${office}`;
  const where = region(settings.values.government);
  const full = where && !enumKey(title).includes(enumKey(where)) ? `${title} ${where}` : title;
  return `${full.toUpperCase()},`;
}

function kop(settings: LetterInput["settings"]): Block[] {
  const v = settings.values;
  const contacts = [v.phone && `Telepon ${v.phone}`, v.email && `Pos-el ${v.email}`, v.website && `Laman ${v.website}`].filter(Boolean).join(" · ");
  const blocks: Block[] = [];
  if (v.government.trim()) blocks.push({ kind: "paragraph", text: v.government.trim().toUpperCase(), align: "center", bold: true, size: 14, spaceAfter: 0 });
  blocks.push({ kind: "paragraph", text: (v.office.trim() || "Dinas Sosial").toUpperCase(), align: "center", bold: true, size: 16, spaceAfter: 0 });
  if (v.address.trim()) blocks.push({ kind: "paragraph", text: v.address.trim(), align: "center", size: 10, spaceAfter: 0 });
  if (contacts) blocks.push({ kind: "paragraph", text: contacts, align: "center", size: 10, spaceAfter: 0 });
  blocks.push({ kind: "rule" });
  return blocks;
}

function footer(settings: LetterInput["settings"], id: string): Block[] {
  const v = settings.values;
  const text = v.footer.trim();
  // The complaint channel every SOP lists, unless the office wrote it into the footer already.
  const channel = v.email.trim() && !text.includes(v.email.trim()) ? `Pengaduan layanan: ${v.email.trim()}` : "";
  const lines = [text, channel].filter(Boolean).join(" ");
  const blocks: Block[] = [];
  if (lines) blocks.push({ kind: "paragraph", text: lines, align: "center", size: 8, spaceAfter: 0 });
  blocks.push({ kind: "paragraph", text: `Ref. ${id}`, align: "right", size: 8, spaceAfter: 0 });
  return blocks;
}

function signatureBlock(input: LetterInput): Block[] {
  const signer = chooseSigner(input.settings.signers, input.profile);
  const p = (text: string, extra: Partial<ParagraphBlock> = {}): ParagraphBlock => ({ kind: "paragraph", text, indent: SIGNER_INDENT, spaceAfter: 0, ...extra });
  return [
    p(signerTitle(signer, input.settings)),
    p(""),
    p(""),
    p(""),
    p(signer?.name.trim() || "(nama penandatangan)", { bold: true, underline: true }),
    ...(signer?.rank.trim() ? [p(signer.rank.trim())] : []),
    p(signer?.nip.trim() ? `NIP. ${formatNip(signer.nip)}` : "NIP."),
  ];
}

const or = (text: string) => (text.trim() === "" ? BLANK : text.trim());

function personRows(person: LetterPerson, withSk: boolean): string[][] {
  const rows: [string, string][] = [
    ["Nama", person.name],
    ["NIK", person.nik],
    ["Nomor KK", person.kk],
    ["Nomor Kartu KIS", person.cardNumber],
    ["Alamat", person.address],
    ["Desa/Kelurahan", person.village],
    ["Kecamatan", person.district],
  ];
  if (withSk) {
    rows.push(["Nomor SK Penonaktifan", person.deactivationRef]);
    rows.push(["Tanggal SK Penonaktifan", person.deactivationDate ? formatLongDate(person.deactivationDate) : ""]);
  }
  return rows.map(([label, value]) => [label, ":", or(value)]);
}

/** "Surat Rekomendasi Reaktivasi PBI-JK" → Hal "Rekomendasi Reaktivasi PBI-JK". */
export function subjectOf(title: string): string {
  return title.replace(/^surat\s+/i, "");
}

function dateLine(input: Pick<LetterInput, "settings" | "date">): ParagraphBlock {
  const where = place(input.settings);
  return { kind: "paragraph", text: `${where ? `${where}, ` : ""}${formatLongDate(input.date)}`, indent: SIGNER_INDENT };
}

const para = (text: string, extra: Partial<ParagraphBlock> = {}): ParagraphBlock =>
  ({ kind: "paragraph", text, align: "justify", firstLineIndent: 36, ...extra });

function tembusan(settings: LetterInput["settings"]): Block[] {
  const items = settings.values.copies.split(";").map((s) => s.trim()).filter(Boolean);
  if (items.length === 0) return [];
  return [{ kind: "paragraph", text: "Tembusan:", spaceAfter: 0 }, { kind: "list", items: items.map((i, n) => `${i}${n === items.length - 1 ? "." : ";"}`) }];
}

/** The recommendation letter in the built-in layout. */
export function buildLetter(input: LetterInput): LetterLayout {
  const { profile, person } = input;
  const reactivation = profile.service === "reactivation";
  // A "Surat Keterangan" (nasional) states a fact; the offices' letters recommend. One letter, one name.
  const statement = /^surat\s+keterangan\b/i.test(profile.letterTitle);
  const kind = statement ? "surat keterangan" : "rekomendasi";
  const body: Block[] = [
    dateLine(input),
    { kind: "table", widths: FIELD_WIDTHS, rows: [
      ["Nomor", ":", input.number ?? UNNUMBERED],
      ["Sifat", ":", "Biasa"],
      ["Lampiran", ":", BLANK],
      ["Hal", ":", subjectOf(profile.letterTitle)],
    ] },
    { kind: "paragraph", text: "", spaceAfter: 0 },
    { kind: "paragraph", text: `Yth. ${addressee(input)}`, spaceAfter: 0 },
    { kind: "paragraph", text: "di", spaceAfter: 0 },
    { kind: "paragraph", text: "Tempat", indent: 24 },
    para(reactivation
      ? `Berdasarkan hasil pemeriksaan berkas permohonan dan Data Tunggal Sosial dan Ekonomi Nasional (DTSEN), bersama ini kami ${statement ? "menerangkan bahwa kepesertaan Penerima Bantuan Iuran Jaminan Kesehatan (PBI-JK) atas nama berikut memenuhi syarat untuk diaktifkan kembali" : "merekomendasikan pengaktifan kembali kepesertaan Penerima Bantuan Iuran Jaminan Kesehatan (PBI-JK) atas nama"}:`
      : "Berdasarkan hasil pemeriksaan berkas permohonan dan verifikasi data, bersama ini kami merekomendasikan pemberian bantuan pembiayaan pelayanan kesehatan kepada:"),
    { kind: "table", widths: DATA_WIDTHS, rows: personRows(person, reactivation) },
    para(reactivation
      ? `Kepesertaan yang bersangkutan dinonaktifkan berdasarkan surat keputusan tersebut dan permohonan diajukan dalam batas waktu pengaktifan kembali${input.deadline ? ` (paling lambat ${formatLongDate(input.deadline)})` : ""}. Yang bersangkutan termasuk warga tidak mampu yang membutuhkan jaminan kesehatan, sehingga kami mohon kepesertaan PBI-JK yang bersangkutan dapat diaktifkan kembali.`
      : "Yang bersangkutan termasuk warga tidak mampu yang membutuhkan pelayanan kesehatan, sehingga kami mohon dapat diberikan bantuan pembiayaan pelayanan kesehatan sesuai ketentuan yang berlaku."),
    para(`${kind[0]!.toUpperCase()}${kind.slice(1)} ini diberikan berdasarkan:`, { spaceAfter: 0 }),
    { kind: "list", items: legalBasis(profile) },
    para(`Demikian ${kind} ini disampaikan untuk dapat dipergunakan sebagaimana mestinya. Atas perhatian dan kerja samanya, kami ucapkan terima kasih.`),
    ...signatureBlock(input),
    { kind: "paragraph", text: "", spaceAfter: 0 },
    ...tembusan(input.settings),
  ];
  return { name: `${profile.letterTitle} - ${person.id}`, header: kop(input.settings), body, footer: footer(input.settings, person.id) };
}

/** Whether a row gets the profile's second document (000 step 7: `Terdaftar` rows). */
export function needsSecondLetter(profile: Pick<Profile, "secondLetterTitle">, person: Pick<LetterPerson, "registryStatus">): boolean {
  return profile.secondLetterTitle !== null && person.registryStatus === "Terdaftar";
}

/** The Surat Keterangan SIKS-NG in a short built-in layout stating the registry status. */
export function buildSecondLetter(input: LetterInput): LetterLayout {
  const { profile, person } = input;
  const signer = chooseSigner(input.settings.signers, profile);
  const title = profile.secondLetterTitle ?? "Surat Keterangan";
  const decile = person.decile !== null ? `, desil ${person.decile}` : "";
  const body: Block[] = [
    { kind: "paragraph", text: "SURAT KETERANGAN", align: "center", bold: true, underline: true, size: 13, spaceAfter: 0 },
    { kind: "paragraph", text: `Nomor: ${input.number ?? UNNUMBERED}`, align: "center" },
    para("Yang bertanda tangan di bawah ini:", { spaceAfter: 0 }),
    { kind: "table", widths: DATA_WIDTHS, rows: [
      ["Nama", ":", or(signer?.name ?? "")],
      ["NIP", ":", signer?.nip ? formatNip(signer.nip) : BLANK],
      ["Jabatan", ":", or(signer?.title ?? "")],
    ] },
    para("menerangkan bahwa:", { spaceAfter: 0 }),
    { kind: "table", widths: DATA_WIDTHS, rows: personRows(person, false) },
    para(`benar terdaftar dalam Data Tunggal Sosial dan Ekonomi Nasional (DTSEN/DTKS) pada aplikasi Sistem Informasi Kesejahteraan Sosial - Next Generation (SIKS-NG) dengan status ${person.registryStatus}${decile}.`),
    para(`Surat keterangan ini dibuat sebagai kelengkapan ${subjectOf(profile.letterTitle)} dan untuk dipergunakan sebagaimana mestinya.`),
    dateLine(input),
    ...signatureBlock(input),
  ];
  return { name: `${title} - ${person.id}`, header: kop(input.settings), body, footer: footer(input.settings, person.id) };
}

/**
 * Template mode: `{{key}}` → value (spec section 7 names the first fourteen). Values are text
 * to insert literally.
 */
export function placeholderValues(input: LetterInput): Record<string, string> {
  const { person, settings, profile } = input;
  const signer = chooseSigner(settings.signers, profile);
  const v = settings.values;
  return {
    nama: person.name,
    nik: person.nik,
    nomor_kk: person.kk,
    nomor_kartu: person.cardNumber,
    alamat: person.address,
    desa_kelurahan: person.village,
    kecamatan: person.district,
    nomor_surat: input.number ?? UNNUMBERED,
    tanggal_surat: formatLongDate(input.date),
    tanggal_sk_penonaktifan: person.deactivationDate ? formatLongDate(person.deactivationDate) : "",
    nomor_sk_penonaktifan: person.deactivationRef,
    penandatangan_nama: signer?.name ?? "",
    penandatangan_jabatan: signer?.title ?? "",
    penandatangan_nip: signer?.nip ? formatNip(signer.nip) : "",
    penandatangan_pangkat: signer?.rank ?? "",
    id_permohonan: person.id,
    status_dtsen: person.registryStatus,
    desil: person.decile === null ? "" : String(person.decile),
    batas_reaktivasi: input.deadline ? formatLongDate(input.deadline) : "",
    tempat_surat: place(settings),
    tujuan: addressee(input),
    hal: subjectOf(profile.letterTitle),
    judul_surat: profile.letterTitle,
    pemerintah: v.government,
    dinas: v.office,
    alamat_kantor: v.address,
    telepon_kantor: v.phone,
    email_kantor: v.email,
    situs_web: v.website,
    tembusan: v.copies.split(";").map((s) => s.trim()).filter(Boolean).join("\n"),
    catatan_kaki: v.footer,
  };
}

/** `{{key}}` placeholders left in a text after replacement: keys the add-on does not know. */
export function unknownPlaceholders(text: string): string[] {
  return [...new Set([...text.matchAll(/\{\{\s*([^{}]+?)\s*\}\}/g)].map((m) => m[1]!))];
}
