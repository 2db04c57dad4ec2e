/** Finding codes (spec section 3) with their severity and Indonesian messages. */
import { type ColumnKey, headerOf } from "./columns";

export const FINDING_SEVERITY = {
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

export type FindingCode = keyof typeof FINDING_SEVERITY;
export type Severity = "error" | "warning";

export interface Finding {
  code: FindingCode;
  severity: Severity;
  field: ColumnKey;
  message: string;
}

export function finding(code: FindingCode, field: ColumnKey, message: string): Finding {
  return { code, severity: FINDING_SEVERITY[code], field, message };
}

export function hasError(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === "error");
}

/** "2 galat, 1 peringatan" or "OK", for the `Hasil Pemeriksaan` column. */
export function summariseFindings(findings: readonly Finding[]): string {
  const errors = findings.filter((f) => f.severity === "error").length;
  const warnings = findings.length - errors;
  const parts: string[] = [];
  if (errors) parts.push(`${errors} galat`);
  if (warnings) parts.push(`${warnings} peringatan`);
  return parts.length ? parts.join(", ") : "OK";
}

const q = (key: ColumnKey) => `"${headerOf(key)}"`;
const DATE_EXAMPLES = "seperti 31/01/2026, 2026-01-31 atau 31 Januari 2026";

/** Message texts. They name the column and the fix, and never repeat the cell's content. */
const TEXTS = {
  requiredMissing: (key: ColumnKey) => `Kolom ${q(key)} wajib diisi. Lengkapi dari berkas pemohon.`,
  enumUnknown: (key: ColumnKey, choices: readonly string[]) =>
    `Isi kolom ${q(key)} tidak dikenal. Pilih salah satu: ${choices.join(", ")}.`,
  boolUnknown: (key: ColumnKey) =>
    `Isi kolom ${q(key)} tidak dikenal. Centang kotaknya (atau tulis Ya) bila ada, kosongkan (atau tulis Tidak) bila tidak ada.`,
  serviceUnknown: (choices: readonly string[]) =>
    `Isi kolom ${q("service")} tidak dikenal. Pilih salah satu: ${choices.join(", ")}, atau kosongkan untuk layanan sheet ini.`,
  serviceNotOffered: (named: string, offered: string) =>
    `Layanan "${named}" tidak dilayani di sheet ini (sheet ini untuk ${offered}). Catat permohonan di sheet layanan tersebut atau ubah kolom ${q("service")}.`,
  nikFormat: (length: number) =>
    `NIK harus tepat 16 angka; isi kolom ${q("nik")} sekarang ${length} karakter setelah spasi dihapus. Ketik ulang sesuai KTP.`,
  nikPrecisionLost: () =>
    `NIK tersimpan sebagai angka sehingga digit belakangnya hilang (tampil seperti 3.27301E+15). Ubah format kolom ${q("nik")} menjadi Teks, lalu ketik ulang NIK dari KTP.`,
  nikProvince: () => `Dua digit pertama di kolom ${q("nik")} bukan kode provinsi. Periksa NIK pada KTP.`,
  nikBirthdate: () =>
    `Digit 7–12 di kolom ${q("nik")} (tanggal lahir DDMMYY, perempuan DD+40) bukan tanggal yang ada atau jatuh setelah hari ini. Periksa NIK pada KTP.`,
  nikSerialZero: () => `Empat digit terakhir di kolom ${q("nik")} tidak boleh 0000. Periksa NIK pada KTP.`,
  nikRegionUnknown: (edition: string) =>
    `Kode wilayah di kolom ${q("nik")} (digit 1–6) tidak ada di daftar kecamatan Kemendagri (${edition}). Pastikan NIK benar; NIK lama dari wilayah yang dimekarkan tetap bisa sah.`,
  nikBirthdateMismatch: () =>
    `Kolom ${q("birthDate")} berbeda dengan tanggal lahir di NIK. Samakan dengan KTP, lalu perbaiki yang salah.`,
  nikSexMismatch: () =>
    `Kolom ${q("sex")} berbeda dengan NIK (pada NIK perempuan, tanggal lahir ditambah 40). Samakan dengan KTP.`,
  kkFormat: (length: number) =>
    `Nomor KK harus tepat 16 angka; isi kolom ${q("kk")} sekarang ${length} karakter setelah spasi dihapus. Ketik ulang sesuai Kartu Keluarga.`,
  kkPrecisionLost: () =>
    `Nomor KK tersimpan sebagai angka sehingga digit belakangnya hilang. Ubah format kolom ${q("kk")} menjadi Teks, lalu ketik ulang dari Kartu Keluarga.`,
  kkProvince: () => `Dua digit pertama di kolom ${q("kk")} bukan kode provinsi. Periksa Nomor KK pada Kartu Keluarga.`,
  kkEqualsNik: () =>
    `Kolom ${q("kk")} sama dengan NIK; biasanya salah ketik. Salin Nomor KK dari Kartu Keluarga.`,
  cardFormat: () => `Kolom ${q("cardNumber")} harus tepat 13 angka sesuai kartu KIS. Ketik ulang nomornya.`,
  cardLeadingZeros: (length: number) =>
    `Kolom ${q("cardNumber")} hanya berisi ${length} angka: angka 0 di depan kemungkinan hilang karena sel berformat angka. Ubah format kolom menjadi Teks, lalu ketik ulang 13 angka sesuai kartu KIS.`,
  cardPrecisionLost: () =>
    `Kolom ${q("cardNumber")} tersimpan sebagai angka (tampil seperti 1.23457E+12). Ubah format kolom menjadi Teks, lalu ketik ulang 13 angka sesuai kartu KIS.`,
  dateInvalid: (key: ColumnKey, withTime: boolean) =>
    `Kolom ${q(key)} bukan tanggal yang dikenali. Tulis tanggal ${DATE_EXAMPLES}${withTime ? ", boleh diikuti jam 09:15" : ""}.`,
  dateInFuture: (key: ColumnKey) => `Kolom ${q(key)} berisi tanggal setelah hari ini. Periksa kembali tanggalnya.`,
  anchorInvalid: (header: string) =>
    `Kolom "${header}" (acuan batas reaktivasi) bukan tanggal yang dikenali. Tulis tanggal ${DATE_EXAMPLES}.`,
  anchorInFuture: (header: string) =>
    `Kolom "${header}" (acuan batas reaktivasi) berisi tanggal setelah hari ini. Periksa kembali tanggalnya.`,
  dateOrder: () =>
    `Kolom ${q("deactivationDate")} jatuh setelah ${q("applicationDate")}. Periksa kedua tanggal pada SK dan berkas.`,
  decileInvalid: () => `Kolom ${q("decile")} harus bilangan bulat 0–10. Kosongkan bila desil belum diketahui.`,
  phoneFormat: () =>
    `Kolom ${q("phone")} bukan nomor HP Indonesia yang dikenali. Tulis seperti 081234567890 atau +6281234567890.`,
  duplicateOpen: (row: number, id: string) =>
    `Isi kolom ${q("nik")} dan ${q("service")} sama dengan permohonan yang masih terbuka di baris ${row}${id ? ` (ID ${id})` : ""}. Lanjutkan permohonan itu, atau selesaikan salah satunya.`,
} as const;

type Texts = typeof TEXTS;
const cache = new Map<string, string>();

/** The same few texts recur on thousands of rows: build each once. */
export const MESSAGES = Object.fromEntries(
  Object.entries(TEXTS).map(([name, build]) => [
    name,
    (...args: unknown[]) => {
      const key = `${name}|${args.join("|")}`;
      let text = cache.get(key);
      if (text === undefined) {
        text = (build as (...a: unknown[]) => string)(...args);
        if (cache.size < 10000) cache.set(key, text);
      }
      return text;
    },
  ]),
) as unknown as Texts;
