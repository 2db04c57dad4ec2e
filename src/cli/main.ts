/** `pbijk`: checks request CSV files against a profile (spec section 9). */
import { headerOf, columnDef, type ColumnKey } from "../domain/columns";
import { todayInJakarta, isRealDate } from "../domain/dates";
import { checkTable, type TableCheck } from "../domain/check";
import { DEFAULT_PROFILE_ID, findProfile, PROFILES, type Profile } from "../domain/profiles";
import { CsvError, parseCsv } from "./csv";
import { formatTable } from "./table";

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readFile: (path: string) => Uint8Array;
  now: () => Date;
}

export const USAGE = `Pemakaian:
  pbijk check BERKAS.csv [--profile ID] [--today YYYY-MM-DD] [--json]
  pbijk profiles        daftar profil SOP
  pbijk demo            periksa data contoh

Profil: ${PROFILES.map((p) => p.id).join(", ")} (bawaan: ${DEFAULT_PROFILE_ID}).`;

class UsageError extends Error {}

interface CheckArgs {
  file: string;
  profile: Profile;
  today: string;
  json: boolean;
}

function parseCheckArgs(args: string[], now: Date): CheckArgs {
  let file: string | undefined;
  let profileId = DEFAULT_PROFILE_ID;
  let today = todayInJakarta(now);
  let json = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const [flag, inline] = arg.startsWith("--") && arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    const value = () => {
      const v = inline ?? args[++i];
      if (v === undefined || v === "") throw new UsageError(`Opsi ${flag} perlu nilai.`);
      return v;
    };
    if (flag === "--json") json = true;
    else if (flag === "--profile") profileId = value();
    else if (flag === "--today") today = value();
    else if (flag.startsWith("-") && flag !== "-") throw new UsageError(`Opsi tidak dikenal: ${flag}.`);
    else if (file === undefined) file = arg;
    else throw new UsageError("Hanya satu berkas CSV yang dapat diperiksa sekaligus.");
  }
  if (file === undefined) throw new UsageError("Sebutkan berkas CSV yang akan diperiksa.");
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(today);
  if (!m || !isRealDate(Number(m[1]), Number(m[2]), Number(m[3]))) {
    throw new UsageError(`--today harus tanggal YYYY-MM-DD yang ada, misalnya 2026-11-24.`);
  }
  const profile = findProfile(profileId);
  if (!profile) {
    throw new UsageError(`Profil "${profileId}" tidak dikenal. Pilih salah satu: ${PROFILES.map((p) => p.id).join(", ")}.`);
  }
  return { file, profile, today, json };
}

function columnList(keys: ColumnKey[]): string {
  return keys
    .map((k) => {
      const aliases = columnDef(k).aliases;
      return `"${headerOf(k)}"${aliases.length ? ` (atau ${aliases.map((a) => `"${a}"`).join(", ")})` : ""}`;
    })
    .join(", ");
}

export function toJson(profile: Profile, today: string, check: TableCheck): string {
  return JSON.stringify({
    profile: profile.id,
    today,
    rows: check.results.map((r) => ({
      row: r.row,
      decision: r.decision,
      reasons: r.reasons,
      deadline: r.deadline,
      missingDocuments: r.missingDocuments,
      findings: r.findings.map((f) => ({ code: f.code, severity: f.severity, field: f.field, message: f.message })),
    })),
  });
}

function runCheck(args: string[], io: CliIo): number {
  const { file, profile, today, json } = parseCheckArgs(args, io.now());
  let bytes: Uint8Array;
  try {
    bytes = io.readFile(file);
  } catch {
    io.stderr(`pbijk: berkas "${file}" tidak dapat dibaca: pastikan nama dan letaknya benar.\n`);
    return 2;
  }
  const table = parseCsv(bytes);
  if (table.decodedAsLatin1) io.stderr("pbijk: berkas bukan UTF-8; dibaca sebagai Windows-1252.\n");
  const check = checkTable(table.headers, table.rows, profile, today);
  if (check.duplicateColumns.length) {
    const pairs = check.duplicateColumns.map((d) =>
      `kolom "${d.headers[0]}" (kolom ${d.positions[0] + 1}) dan "${d.headers[1]}" (kolom ${d.positions[1] + 1}) sama-sama dibaca sebagai "${headerOf(d.key)}"`);
    io.stderr(`pbijk: ${pairs.join("; ")}. Ganti judul salah satunya (atau hapus kolom yang tidak dipakai), lalu periksa lagi.\n`);
    return 2;
  }
  if (check.missingRequired.length) {
    io.stderr(`pbijk: kolom wajib tidak ditemukan di baris judul: ${columnList(check.missingRequired)}. Tambahkan kolomnya lalu periksa lagi.\n`);
    return 2;
  }
  if (check.missingUsed.length) {
    io.stderr(`pbijk: kolom yang dipakai profil ${profile.id} tidak ada dan dibaca kosong: ${columnList(check.missingUsed)}.\n`);
  }
  io.stdout(json ? `${toJson(profile, today, check)}\n` : formatTable(profile, today, check));
  return 0;
}

export function run(argv: string[], io: CliIo): number {
  const [command, ...rest] = argv;
  try {
    if (command === "check") return runCheck(rest, io);
    if (command === "profiles") {
      io.stdout(PROFILES.map((p) => `${p.id.padEnd(34)}${p.name}\n`).join(""));
      return 0;
    }
    if (command === "--help" || command === "-h" || command === "help") {
      io.stdout(`${USAGE}\n`);
      return 0;
    }
    throw new UsageError(command ? `Perintah tidak dikenal: ${command}.` : "Sebutkan perintahnya.");
  } catch (error) {
    if (error instanceof UsageError || error instanceof CsvError) {
      io.stderr(`pbijk: ${error.message}\n${error instanceof UsageError ? `${USAGE}\n` : ""}`);
      return 2;
    }
    // Never a stack trace (which could quote row data) for the user; a short pointer instead.
    io.stderr(`pbijk: terjadi kesalahan tak terduga (${(error as Error)?.name ?? "Error"}). Laporkan ke pengelola aplikasi.\n`);
    return 1;
  }
}
