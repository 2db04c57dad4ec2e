/** Finding codes (spec section 3): severity, field and Indonesian message of each, in one table. */
import { type ColumnKey, headerOf } from "./columns";

export type Severity = "error" | "warning";

export interface Finding {
  code: FindingCode;
  severity: Severity;
  field: ColumnKey;
  message: string;
}

/** A column's name in quotes, as the user's sheet or file writes its header. */
export type HeaderName = (key: ColumnKey) => string;
type Template = (h: HeaderName, column: ColumnKey, ...args: never[]) => string;

interface FindingRule {
  /** "by-profile": an error in a column the profile's rules read, else a warning (VALUE_UNKNOWN). */
  readonly severity: Severity | "by-profile";
  /** The field a finding is filed under; null = the column that was read. */
  readonly field: ColumnKey | null;
  /** Message templates: they name the column and the fix, never the cell's content. */
  readonly messages: Readonly<Record<string, Template>>;
}

const UNUSED_COLUMN_NOTE = "Profil ini tidak memakai kolom ini untuk keputusan, jadi isinya dibaca kosong.";
const DATE_EXAMPLES = "seperti 31/01/2026, 2026-01-31 atau 31 Januari 2026";
const RETYPE_AS_TEXT = "Ubah format kolomnya menjadi Teks, lalu ketik ulang";

export const FINDINGS = {
  REQUIRED_MISSING: {
    severity: "error", field: null,
    messages: { missing: (h, c) => `Kolom ${h(c)} wajib diisi. Lengkapi dari berkas pemohon.` },
  },
  VALUE_UNKNOWN: {
    severity: "by-profile", field: null,
    messages: {
      enum: (h, c, choices: readonly string[]) => `Isi kolom ${h(c)} tidak dikenal. Pilih salah satu: ${choices.join(", ")}.`,
      bool: (h, c) =>
        `Isi kolom ${h(c)} tidak dikenal. Centang kotaknya (atau tulis Ya) bila ada, kosongkan (atau tulis Tidak) bila tidak ada.`,
      service: (h, c, choices: readonly string[]) =>
        `Isi kolom ${h(c)} tidak dikenal. Pilih salah satu: ${choices.join(", ")}, atau kosongkan untuk layanan sheet ini.`,
    },
  },
  NIK_FORMAT: {
    severity: "error", field: "nik",
    messages: {
      length: (h, c, length: number) =>
        `NIK harus tepat 16 angka; isi kolom ${h(c)} sekarang ${length} karakter setelah spasi, titik dan tanda hubung dihapus. Ketik ulang sesuai KTP.`,
    },
  },
  NIK_PRECISION_LOST: {
    severity: "error", field: "nik",
    messages: {
      lost: (h, c) =>
        `NIK tersimpan sebagai angka sehingga digit belakangnya hilang (tampil seperti 3.27301E+15). Ubah format kolom ${h(c)} menjadi Teks, lalu ketik ulang NIK dari KTP.`,
    },
  },
  NIK_PROVINCE_INVALID: {
    severity: "error", field: "nik",
    messages: { province: (h, c) => `Dua digit pertama di kolom ${h(c)} bukan kode provinsi. Periksa NIK pada KTP.` },
  },
  NIK_BIRTHDATE_INVALID: {
    severity: "error", field: "nik",
    messages: {
      birth: (h, c) =>
        `Digit 7–12 di kolom ${h(c)} (tanggal lahir DDMMYY, perempuan DD+40) bukan tanggal yang ada. Periksa NIK pada KTP.`,
    },
  },
  NIK_SERIAL_ZERO: {
    severity: "error", field: "nik",
    messages: { serial: (h, c) => `Empat digit terakhir di kolom ${h(c)} tidak boleh 0000. Periksa NIK pada KTP.` },
  },
  NIK_REGION_UNKNOWN: {
    severity: "warning", field: "nik",
    messages: {
      region: (h, c, edition: string) =>
        `Kode wilayah di kolom ${h(c)} (digit 1–6) tidak ada di daftar kecamatan Kemendagri (${edition}). Pastikan NIK benar; NIK lama dari wilayah yang dimekarkan tetap bisa sah.`,
    },
  },
  NIK_BIRTHDATE_MISMATCH: {
    severity: "warning", field: "nik",
    messages: {
      mismatch: (h, c) => `Kolom ${h("birthDate")} berbeda dengan tanggal lahir di ${h(c)}. Samakan dengan KTP, lalu perbaiki yang salah.`,
    },
  },
  NIK_SEX_MISMATCH: {
    severity: "warning", field: "nik",
    messages: {
      mismatch: (h, c) =>
        `Kolom ${h("sex")} berbeda dengan ${h(c)} (pada NIK perempuan, tanggal lahir ditambah 40). Samakan dengan KTP.`,
    },
  },
  KK_FORMAT: {
    severity: "error", field: "kk",
    messages: {
      length: (h, c, length: number) =>
        `Nomor KK harus tepat 16 angka; isi kolom ${h(c)} sekarang ${length} karakter setelah spasi, titik dan tanda hubung dihapus. Ketik ulang sesuai Kartu Keluarga.`,
      lost: (h, c) =>
        `Nomor KK tersimpan sebagai angka sehingga digit belakangnya hilang. Ubah format kolom ${h(c)} menjadi Teks, lalu ketik ulang dari Kartu Keluarga.`,
      province: (h, c) => `Dua digit pertama di kolom ${h(c)} bukan kode provinsi. Periksa Nomor KK pada Kartu Keluarga.`,
    },
  },
  KK_EQUALS_NIK: {
    severity: "warning", field: "kk",
    messages: { equal: (h, c) => `Kolom ${h(c)} sama dengan ${h("nik")}; biasanya salah ketik. Salin Nomor KK dari Kartu Keluarga.` },
  },
  CARD_FORMAT: {
    severity: "error", field: "cardNumber",
    messages: {
      length: (h, c) => `Kolom ${h(c)} harus tepat 13 angka sesuai kartu KIS. Ketik ulang nomornya.`,
      leadingZeros: (h, c, length: number) =>
        `Kolom ${h(c)} hanya berisi ${length} angka: angka nol (0) di depan kemungkinan hilang karena sel berformat angka. ${RETYPE_AS_TEXT} 13 angka sesuai kartu KIS.`,
      lost: (h, c) => `Kolom ${h(c)} tersimpan sebagai angka (tampil seperti 1.23457E+12). ${RETYPE_AS_TEXT} 13 angka sesuai kartu KIS.`,
    },
  },
  DATE_INVALID: {
    severity: "error", field: null,
    messages: {
      date: (h, c) => `Kolom ${h(c)} bukan tanggal yang dikenali. Tulis tanggal ${DATE_EXAMPLES}.`,
      dateTime: (h, c) => `Kolom ${h(c)} bukan tanggal yang dikenali. Tulis tanggal ${DATE_EXAMPLES}, boleh diikuti jam 09:15.`,
      anchor: (_h, _c, header: string) =>
        `Kolom "${header}" (acuan batas reaktivasi) bukan tanggal yang dikenali. Tulis tanggal ${DATE_EXAMPLES}.`,
    },
  },
  DATE_IN_FUTURE: {
    severity: "error", field: null,
    messages: {
      date: (h, c) => `Kolom ${h(c)} berisi tanggal setelah hari ini. Periksa kembali tanggalnya.`,
      anchor: (_h, _c, header: string) =>
        `Kolom "${header}" (acuan batas reaktivasi) berisi tanggal setelah hari ini. Periksa kembali tanggalnya.`,
    },
  },
  DATE_ORDER: {
    severity: "error", field: "deactivationDate",
    messages: {
      order: (h, c) => `Kolom ${h(c)} jatuh setelah ${h("applicationDate")}. Periksa kedua tanggal pada SK dan berkas.`,
    },
  },
  DECILE_INVALID: {
    severity: "error", field: "decile",
    messages: { decile: (h, c) => `Kolom ${h(c)} harus bilangan bulat 0–10. Kosongkan bila desil belum diketahui.` },
  },
  PHONE_FORMAT: {
    severity: "warning", field: "phone",
    messages: {
      phone: (h, c) => `Kolom ${h(c)} bukan nomor HP Indonesia yang dikenali. Tulis seperti 081234567890 atau +6281234567890.`,
    },
  },
  SERVICE_NOT_OFFERED: {
    severity: "error", field: "service",
    messages: {
      other: (h, c, named: string, offered: string) =>
        `Layanan "${named}" tidak dilayani di sheet ini (sheet ini untuk ${offered}). Catat permohonan di sheet layanan tersebut atau ubah kolom ${h(c)}.`,
    },
  },
  DUPLICATE_OPEN_REQUEST: {
    severity: "error", field: "nik",
    messages: {
      earlier: (h, c, row: number, id: string) =>
        `Isi kolom ${h(c)} dan ${h("service")} sama dengan permohonan yang masih terbuka di baris ${row}${id ? ` (ID ${id})` : ""}. Lanjutkan permohonan itu, atau selesaikan salah satunya.`,
    },
  },
} as const satisfies Record<string, FindingRule>;

export type FindingCode = keyof typeof FINDINGS;
type Messages<C extends FindingCode> = (typeof FINDINGS)[C]["messages"];
type Args<T> = T extends (h: HeaderName, c: ColumnKey, ...args: infer A) => string ? A : never;

/** Severity of a code; VALUE_UNKNOWN's depends on the column (`readByRules`). */
export function severityOf(code: FindingCode, readByRules: boolean): Severity {
  const s = FINDINGS[code].severity;
  return s === "by-profile" ? (readByRules ? "error" : "warning") : s;
}

/**
 * Builds findings of one table: messages name columns by the table's own headers. A table
 * repeats few texts on thousands of rows, so each finding is built once and shared.
 */
export class FindingMaker {
  private readonly cache = new Map<string, Finding>();
  private readonly name: HeaderName;

  /** `headers`: the user's header text per column; `readByRules`: columns whose unknown values are errors. */
  constructor(headers: Partial<Record<ColumnKey, string>> = {}, private readonly readByRules: (key: ColumnKey) => boolean = () => true) {
    this.name = (key) => `"${headers[key] ?? headerOf(key)}"`;
  }

  make<C extends FindingCode, V extends keyof Messages<C> & string>(
    code: C, variant: V, column: ColumnKey, ...args: Args<Messages<C>[V]>
  ): Finding {
    const key = `${code}|${variant}|${column}|${args.join("|")}`;
    let f = this.cache.get(key);
    if (f === undefined) {
      const rule: FindingRule = FINDINGS[code];
      const template = rule.messages[variant] as (h: HeaderName, c: ColumnKey, ...a: unknown[]) => string;
      const severity = severityOf(code, this.readByRules(column));
      // A warning must say why it does not stop the decision.
      const note = rule.severity === "by-profile" && severity === "warning" ? ` ${UNUSED_COLUMN_NOTE}` : "";
      f = { code, severity, field: rule.field ?? column, message: template(this.name, column, ...args) + note };
      if (this.cache.size < 10000) this.cache.set(key, f);
    }
    return f;
  }
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
