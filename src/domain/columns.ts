/**
 * The `Permohonan` columns (spec section 2). Columns are found by header text, never by
 * position, so users may reorder them or add their own.
 */
import { type Cell, cellText, headerKey } from "./text";

export const SERVICES = {
  reactivation: "Reaktivasi PBI-JK",
  healthFinancing: "Bantuan Pembiayaan Kesehatan",
} as const;
export type Service = keyof typeof SERVICES;

/** Canonical values of each enumeration; the first entry is what a blank cell means, if any. */
export const ENUMS = {
  service: [SERVICES.reactivation, SERVICES.healthFinancing],
  sex: ["L", "P"],
  registryStatus: ["Terdaftar", "Tidak Terdaftar", "Belum Dicek"],
  healthNeed: ["Tidak Ada", "Penyakit Kronis", "Penyakit Katastropik", "Darurat", "Persalinan", "Bayi dari Ibu PBI"],
  bpjsConfirmation: ["Dapat Direaktivasi", "Tidak Dapat Direaktivasi", "Belum"],
  facilitatorResult: ["Layak", "Tidak Layak", "Belum"],
  bpjsStatus: ["Diproses", "Aktif Kembali", "Ditolak", "Pindah Segmen"],
} as const;
export type EnumKey = keyof typeof ENUMS;

export type ColumnType = "id" | "text" | "date" | "datetime" | "bool" | "enum" | "number" | "identity";

export interface ColumnDef {
  readonly key: string;
  readonly header: string;
  readonly aliases: readonly string[];
  readonly type: ColumnType;
  /** Written by the add-on; users do not type in it. */
  readonly output?: boolean;
  readonly enumKey?: EnumKey;
}

function col(key: string, header: string, type: ColumnType, aliases: string[] = [], extra: Partial<ColumnDef> = {}): ColumnDef {
  return { key, header, type, aliases, ...extra };
}

export const INPUT_COLUMNS = [
  col("id", "ID Permohonan", "id", ["ID"]),
  col("service", "Layanan", "enum", ["Jenis Layanan"], { enumKey: "service" }),
  col("applicationDate", "Tanggal Permohonan", "date", ["Tgl Permohonan"]),
  col("completeAt", "Berkas Lengkap Pada", "datetime", ["Waktu Berkas Lengkap"]),
  col("name", "Nama", "text", ["Nama Lengkap", "Nama Peserta"]),
  col("nik", "NIK", "identity", ["No KTP", "Nomor NIK"]),
  col("kk", "Nomor KK", "identity", ["No KK", "KK"]),
  col("cardNumber", "Nomor Kartu KIS", "identity", ["No KIS", "No BPJS", "Nomor Kartu BPJS", "Noka"]),
  col("birthDate", "Tanggal Lahir", "date", ["Tgl Lahir"]),
  col("sex", "Jenis Kelamin", "enum", ["JK", "L/P"], { enumKey: "sex" }),
  col("address", "Alamat", "text"),
  col("village", "Desa/Kelurahan", "text", ["Kelurahan", "Desa"]),
  col("district", "Kecamatan", "text"),
  col("phone", "Nomor HP", "identity", ["No HP", "No Telepon", "WA"]),
  col("deactivationRef", "Nomor SK Penonaktifan", "text", ["No SK Nonaktif"]),
  col("deactivationDate", "Tanggal SK Penonaktifan", "date", ["Tgl SK Nonaktif", "Tanggal Nonaktif"]),
  col("registryStatus", "Status DTSEN/DTKS", "enum", ["Status DTKS", "Status DTSEN", "DTKS"], { enumKey: "registryStatus" }),
  col("decile", "Desil", "number", ["Desil DTSEN"]),
  col("healthNeed", "Kebutuhan Layanan Kesehatan", "enum", ["Kebutuhan Kesehatan"], { enumKey: "healthNeed" }),
  col("reactivatedBefore", "Pernah Direaktivasi", "bool"),
  col("bpjsConfirmation", "Konfirmasi BPJS", "enum", [], { enumKey: "bpjsConfirmation" }),
  col("facilitatorResult", "Verifikasi Fasilitator", "enum", ["Hasil Verifikasi"], { enumKey: "facilitatorResult" }),
  col("urgent", "Mendesak", "bool", ["Urgent"]),
  col("docKtp", "Dok. KTP", "bool"),
  col("docKk", "Dok. KK", "bool"),
  col("docSktm", "Dok. SKTM", "bool"),
  col("docCard", "Dok. KIS", "bool", ["Dok. Kartu KIS"]),
  col("docRegistry", "Dok. Ket. DTSEN/DTKS", "bool", ["Dok. Ket. DTKS"]),
  col("docBpjsStatus", "Dok. Ket. BPJS", "bool", ["Dok. Status Kepesertaan"]),
  col("docHealthFacility", "Dok. Ket. Faskes", "bool", ["Dok. Surat RS/Puskesmas"]),
  col("documentsLink", "Tautan Berkas", "text", ["Link Berkas"]),
  // Ticked by the operator once the archive copy is made; read at hand-over.
  col("archived", "Salinan Diarsipkan", "bool"),
  col("note", "Catatan", "text"),
] as const satisfies readonly ColumnDef[];

function out(key: string, header: string, type: ColumnType = "text", extra: Partial<ColumnDef> = {}): ColumnDef {
  return { key, header, type, aliases: [], output: true, ...extra };
}

export const OUTPUT_COLUMNS = [
  out("checkResult", "Hasil Pemeriksaan"),
  out("decision", "Keputusan"),
  out("reasons", "Alasan"),
  out("deadline", "Batas Reaktivasi", "date"),
  out("stage", "Tahap"),
  out("backOfficeBy", "Back Office Oleh"),
  out("backOfficeAt", "Back Office Pada", "datetime"),
  out("managerBy", "Disetujui Manajer Oleh"),
  out("managerAt", "Disetujui Manajer Pada", "datetime"),
  out("verifiedBy", "Diverifikasi Oleh"),
  out("verifiedAt", "Diverifikasi Pada", "datetime"),
  out("parafBy", "Paraf Oleh"),
  out("parafAt", "Paraf Pada", "datetime"),
  out("signedBy", "Ditandatangani Oleh"),
  out("signedAt", "Ditandatangani Pada", "datetime"),
  out("letterNumber", "Nomor Surat"),
  out("letterDate", "Tanggal Surat", "date"),
  out("letterLink", "Tautan Surat"),
  out("handedOverAt", "Diserahkan Pada", "datetime"),
  out("returnNote", "Catatan Pengembalian"),
  out("bpjsStatus", "Status BPJS", "enum", { enumKey: "bpjsStatus" }),
  out("bpjsActiveDate", "Tanggal Aktif BPJS", "date"),
  out("bpjsNote", "Catatan BPJS"),
] as const satisfies readonly ColumnDef[];

export type InputKey = (typeof INPUT_COLUMNS)[number]["key"];
export type OutputKey = (typeof OUTPUT_COLUMNS)[number]["key"];
export type ColumnKey = InputKey | OutputKey;

export const ALL_COLUMNS: readonly ColumnDef[] = [...INPUT_COLUMNS, ...OUTPUT_COLUMNS];

const BY_KEY = new Map<string, ColumnDef>(ALL_COLUMNS.map((c) => [c.key, c]));
const BY_HEADER_KEY = new Map<string, ColumnDef>();
for (const c of ALL_COLUMNS) {
  for (const name of [c.header, ...c.aliases]) {
    const k = headerKey(name);
    if (!BY_HEADER_KEY.has(k)) BY_HEADER_KEY.set(k, c);
  }
}

export function columnDef(key: ColumnKey): ColumnDef {
  return BY_KEY.get(key)!;
}

export function headerOf(key: ColumnKey): string {
  return columnDef(key).header;
}

/** Columns named for a message: each header with its aliases. */
export function columnList(keys: ColumnKey[]): string {
  return keys
    .map((k) => {
      const aliases = columnDef(k).aliases;
      return `"${headerOf(k)}"${aliases.length ? ` (atau ${aliases.map((a) => `"${a}"`).join(", ")})` : ""}`;
    })
    .join(", ");
}


/** The catalogue column a header names, if any. */
export function columnForHeader(header: Cell): ColumnDef | undefined {
  return BY_HEADER_KEY.get(headerKey(cellText(header)));
}

/** Column positions (0-based) by key; the first of two columns naming the same key wins. */
export type ColumnMap = Partial<Record<ColumnKey, number>>;

export function mapHeaders(headers: readonly Cell[]): ColumnMap {
  const map: ColumnMap = {};
  headers.forEach((h, i) => {
    const def = columnForHeader(h);
    if (def && map[def.key as ColumnKey] === undefined) map[def.key as ColumnKey] = i;
  });
  return map;
}

/** Two columns whose headers name the same key: a setup problem (rename one of them). */
export interface DuplicateColumn {
  key: ColumnKey;
  /** The two headers as the table writes them, and their 0-based positions. */
  headers: [string, string];
  positions: [number, number];
}

/** Every column after the first that names an already-named key. */
export function duplicateColumns(headers: readonly Cell[]): DuplicateColumn[] {
  const first = new Map<string, number>();
  const duplicates: DuplicateColumn[] = [];
  headers.forEach((h, i) => {
    const def = columnForHeader(h);
    if (!def) return;
    const j = first.get(def.key);
    if (j === undefined) first.set(def.key, i);
    else duplicates.push({ key: def.key as ColumnKey, headers: [cellText(headers[j]).trim(), cellText(h).trim()], positions: [j, i] });
  });
  return duplicates;
}

/** 0-based column -> spreadsheet letters (0 -> A, 26 -> AA). */
export function columnLetters(index: number): string {
  let n = index + 1;
  let out = "";
  while (n > 0) {
    out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** What to tell the user about duplicate columns: both headers, where they are, what to do. */
export function describeDuplicates(duplicates: readonly DuplicateColumn[]): string {
  const pairs = duplicates.map((d) =>
    `kolom "${d.headers[0]}" (kolom ${columnLetters(d.positions[0])}) dan "${d.headers[1]}" (kolom ${columnLetters(d.positions[1])}) sama-sama dibaca sebagai "${headerOf(d.key)}"`);
  return `${pairs.join("; ")}. Ganti judul salah satunya (atau hapus kolom yang tidak dipakai), lalu periksa lagi.`;
}

/** The header text of each mapped column, as the table writes it (for messages). */
export function headerNames(headers: readonly Cell[], map: ColumnMap): Partial<Record<ColumnKey, string>> {
  const names: Partial<Record<ColumnKey, string>> = {};
  for (const [key, i] of Object.entries(map) as [ColumnKey, number][]) names[key] = cellText(headers[i]).trim();
  return names;
}

/** Keys of the required columns (spec section 9): the SK date only for the reactivation service. */
export function requiredColumnKeys(service: Service): InputKey[] {
  const keys: InputKey[] = ["applicationDate", "name", "nik", "kk"];
  if (service === "reactivation") keys.push("deactivationDate");
  return keys;
}
