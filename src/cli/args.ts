/** Commands, options and help texts of `pbijk` (spec section 9). */
import { isRealDate, isoDate, type IsoDate } from "../domain/dates";
import { DEFAULT_PROFILE_ID, PROFILES } from "../domain/profiles";
import { wrap } from "./terminal";

/** A mistake on the command line: the message and the usage go to stderr, exit 2. */
export class UsageError extends Error {
  constructor(message: string, readonly help: string) {
    super(message);
  }
}

export const COMMANDS = ["check", "export", "rekap", "profiles", "demo", "help"] as const;
export type Command = (typeof COMMANDS)[number];

const PROFILE_LIST = wrap(`${PROFILES.map((p) => p.id).join(", ")} (bawaan: ${DEFAULT_PROFILE_ID}).`, "Profil: ", "        ").join("\n");

export const USAGE = `pbijk: pemeriksa permohonan reaktivasi PBI-JK (Dinas Sosial)

Pemakaian:
  pbijk check BERKAS [opsi]   periksa berkas CSV atau Excel (.xlsx)
  pbijk check --spreadsheet ID [--write]
                              periksa sheet Google langsung (dan tulis hasilnya)
  pbijk export --spreadsheet ID --to BERKAS | --to-spreadsheet ID2
                              data untuk BPJS (NIK disamarkan)
  pbijk rekap --spreadsheets ID1,ID2 | --list BERKAS
                              satu rekap dari spreadsheet banyak kantor
  pbijk profiles [ID]         daftar profil SOP, atau aturan satu profil
  pbijk demo [ID]             periksa berkas contoh sebuah profil
  pbijk help [PERINTAH]       bantuan sebuah perintah
  pbijk --version             versi program

${PROFILE_LIST}
Bantuan tiap perintah: pbijk PERINTAH --help.`;

const CHECK_OPTIONS = `  --profile ID      profil SOP kantor (bawaan: ${DEFAULT_PROFILE_ID};
                    daftarnya: pbijk profiles); dengan --spreadsheet
                    bawaannya profil sheet itu di sheet Pengaturan kantor,
                    dan --profile yang berbeda disebutkan
  --today TANGGAL   tanggal hari ini, YYYY-MM-DD atau DD/MM/YYYY
                    (bawaan: hari ini, WIB)
  --sheet NAMA      sheet yang dibaca dari berkas Excel
                    (bawaan: sheet "Permohonan", bila tidak ada sheet pertama)
  --output BERKAS   tulis baris berkas ditambah kolom hasil ke BERKAS .csv
                    atau .xlsx (berkas yang diperiksa tidak pernah ditimpa)
  --json            cetak hasil sebagai JSON untuk program lain
  --spreadsheet ID  periksa spreadsheet Google ID (bukan berkas), sheet
                    --sheet (bawaan: Permohonan); perlu kredensial Google
  --write           dengan --spreadsheet: tulis Hasil Pemeriksaan,
                    Keputusan, Alasan, Batas Reaktivasi dan Tahap ke sheet
                    dalam satu permintaan; baris yang berubah tidak ditulis
  -h, --help        bantuan ini`;

export const HELP: Record<Command, string> = {
  check: `Pemakaian: pbijk check BERKAS [opsi]

Memeriksa setiap baris permohonan di BERKAS: CSV (koma, titik koma atau tab;
UTF-8 atau "Unicode text" dari Excel) atau Excel (.xlsx). Baris 1 harus berisi
judul kolom sheet Permohonan (NIK, Nama, Nomor KK, Tanggal Permohonan, ...).

Opsi:
${CHECK_OPTIONS}

Kode keluar: 0 bila berkas diperiksa (apa pun keputusannya); 2 bila berkas
tidak dapat dibaca, kolom wajib tidak ada, atau opsi salah, dan untuk --write
tanpa --profile bila tabel Sheet Permohonan di Pengaturan bermasalah (tidak
ada yang ditulis); 1 untuk --write bila hasil tertulis tetapi catatan temuan
gagal ditulis (jalankan lagi).`,
  export: `Pemakaian: pbijk export --spreadsheet ID (--to BERKAS | --to-spreadsheet ID2) [opsi]

Menyalin data untuk BPJS (kolom sheet Untuk BPJS: ID, Nama, NIK disamarkan,
Nomor Kartu KIS, surat, tautan berkas, status BPJS) dari permohonan yang sudah
diserahkan, ke berkas .csv/.xlsx atau ke sheet "Untuk BPJS" di spreadsheet
lain (agar BPJS tidak perlu membuka spreadsheet kantor).

Opsi:
  --spreadsheet ID      spreadsheet sumber (ID dari URL: .../d/ID/edit)
  --sheet NAMA          sheet permohonan (bawaan: Permohonan)
  --to BERKAS           tulis ke BERKAS .csv atau .xlsx
  --to-spreadsheet ID2  tulis ke sheet "Untuk BPJS" di spreadsheet ID2
                        (isinya diganti)
  --full                NIK lengkap, tidak disamarkan (hanya bila perlu)
  -h, --help            bantuan ini`,
  rekap: `Pemakaian: pbijk rekap (--spreadsheets ID1,ID2,... | --list BERKAS) [opsi]

Satu rekap dari spreadsheet banyak kantor (kabupaten/kota): jumlah per tahap,
keputusan dan alasan, waktu layanan terhadap SLA, dan batas reaktivasi dalam
14 hari. Spreadsheet dibaca bersamaan (paling banyak 4 sekaligus); yang gagal
disebut beserta sebabnya, yang lain tetap direkap.

Opsi:
  --spreadsheets IDS  ID spreadsheet dipisah koma
  --list BERKAS       berkas berisi satu ID per baris (# untuk komentar)
  --sheet NAMA        sheet permohonan (bawaan: Permohonan)
  --profile ID        profil SOP untuk semua kantor (bawaan: profil tiap
                      kantor di sheet Pengaturan-nya; tanpa Pengaturan:
                      ${DEFAULT_PROFILE_ID})
  --today TANGGAL     tanggal hari ini (bawaan: hari ini, WIB)
  --json              cetak rekap sebagai JSON
  --csv BERKAS        tulis rekap juga ke BERKAS .csv
  -h, --help          bantuan ini

Kode keluar: 0 bila semua terbaca; 1 bila sebagian gagal (rekap yang lain
tetap dicetak); 2 bila tidak ada yang terbaca atau opsi salah.`,
  profiles: `Pemakaian: pbijk profiles [ID]

Tanpa ID: daftar profil SOP. Dengan ID: aturan profil itu (batas waktu
reaktivasi, aturan DTSEN/DTKS, dokumen wajib, waktu layanan, tahapan surat).

${PROFILE_LIST}`,
  demo: `Pemakaian: pbijk demo [ID] [--json] [--output BERKAS]

Memeriksa berkas contoh profil ID (examples/demo-ID.csv) dengan tanggal hari
ini 24/11/2026, agar terlihat hasilnya tanpa data sendiri.

${PROFILE_LIST}`,
  help: `Pemakaian: pbijk help [PERINTAH]

Menampilkan bantuan. Perintah: ${COMMANDS.join(", ")}.`,
};

export interface ParsedArgs {
  positionals: string[];
  options: Map<string, string>;
  flags: Set<string>;
  help: boolean;
}

/** Options taking a value and flags, per command; anything else is a usage error. */
const SPEC: Record<Command, { values: string[]; flags: string[] }> = {
  check: { values: ["--profile", "--today", "--sheet", "--output", "--spreadsheet"], flags: ["--json", "--write"] },
  export: { values: ["--spreadsheet", "--sheet", "--to", "--to-spreadsheet"], flags: ["--full"] },
  rekap: { values: ["--spreadsheets", "--list", "--sheet", "--profile", "--today", "--csv"], flags: ["--json"] },
  demo: { values: ["--output"], flags: ["--json"] },
  profiles: { values: [], flags: [] },
  help: { values: [], flags: [] },
};

export function parseArgs(command: Command, args: readonly string[]): ParsedArgs {
  const spec = SPEC[command];
  const parsed: ParsedArgs = { positionals: [], options: new Map(), flags: new Set(), help: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const eq = arg.startsWith("--") ? arg.indexOf("=") : -1;
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    if (flag === "-h" || flag === "--help") parsed.help = true;
    else if (spec.values.includes(flag)) {
      const value = eq > 0 ? arg.slice(eq + 1) : args[++i];
      if (value === undefined || value === "") throw new UsageError(`Opsi ${flag} perlu nilai.`, HELP[command]);
      parsed.options.set(flag, value);
    } else if (spec.flags.includes(flag)) parsed.flags.add(flag);
    else if (flag.startsWith("-") && flag !== "-") throw new UsageError(`Opsi tidak dikenal: ${flag}.`, HELP[command]);
    else parsed.positionals.push(arg);
  }
  return parsed;
}

/** `--today`: YYYY-MM-DD or DD/MM/YYYY, a real date. */
export function parseToday(text: string): IsoDate {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const dmy = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : dmy ? [dmy[3], dmy[2], dmy[1]] : [];
  if (y !== undefined && isRealDate(Number(y), Number(m), Number(d))) return isoDate(Number(y), Number(m), Number(d));
  throw new UsageError("--today harus tanggal yang ada, ditulis YYYY-MM-DD atau DD/MM/YYYY, misalnya 2026-11-24 atau 24/11/2026.", HELP.check);
}
