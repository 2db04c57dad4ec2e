/** `pbijk`: checks request files against a profile (spec section 9). */
import { version } from "../../package.json";
import { checkTable } from "../domain/check";
import { columnDef, type ColumnKey, headerOf } from "../domain/columns";
import { todayInJakarta } from "../domain/dates";
import { DEFAULT_PROFILE_ID, findProfile, type Profile, PROFILES } from "../domain/profiles";
import { cellText } from "../domain/text";
import { COMMANDS, type Command, HELP, parseArgs, parseToday, USAGE, UsageError } from "./args";
import { InputError } from "./csv";
import { loadTable } from "./input";
import { writeJson } from "./json";
import { encodeOutput, isOutputPath, resultRecords } from "./output";
import { profileDetails, profileList } from "./profileInfo";
import { formatTable } from "./table";
import { paint } from "./terminal";

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readFile: (path: string) => Uint8Array;
  writeFile: (path: string, data: Uint8Array) => void;
  /** True when both paths name one file (an --output that would overwrite the input). */
  sameFile: (a: string, b: string) => boolean;
  now: () => Date;
  /** Colour the table (a terminal, NO_COLOR unset). */
  colour: boolean;
  /** Folder holding demo-ID.csv for each profile. */
  examplesDir: string;
}

export { USAGE };

/** The demo files are written as of this day. */
export const DEMO_TODAY = "2026-11-24";

function columnList(keys: ColumnKey[]): string {
  return keys
    .map((k) => {
      const aliases = columnDef(k).aliases;
      return `"${headerOf(k)}"${aliases.length ? ` (atau ${aliases.map((a) => `"${a}"`).join(", ")})` : ""}`;
    })
    .join(", ");
}

function profileArg(id: string | undefined, help: string): Profile {
  const profile = findProfile(id ?? DEFAULT_PROFILE_ID);
  if (!profile) throw new UsageError(`Profil "${id}" tidak dikenal. Pilih salah satu: ${PROFILES.map((p) => p.id).join(", ")}.`, help);
  return profile;
}

async function runCheck(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseArgs("check", args);
  if (parsed.help) return help("check", io);
  const [file, extra] = parsed.positionals;
  if (file === undefined) throw new UsageError("Sebutkan berkas yang akan diperiksa.", HELP.check);
  if (extra !== undefined) throw new UsageError("Hanya satu berkas yang dapat diperiksa sekaligus.", HELP.check);
  const profile = profileArg(parsed.options.get("--profile"), HELP.check);
  const todayArg = parsed.options.get("--today");
  const today = todayArg === undefined ? todayInJakarta(io.now()) : parseToday(todayArg);
  const output = parsed.options.get("--output");
  if (output !== undefined && !isOutputPath(output)) {
    throw new UsageError(`--output harus berakhiran .csv atau .xlsx, misalnya hasil.csv.`, HELP.check);
  }
  if (output !== undefined && io.sameFile(file, output)) {
    io.stderr(`pbijk: --output "${output}" adalah berkas yang diperiksa; berkas asli tidak ditimpa. Pilih nama lain, misalnya hasil.csv.\n`);
    return 2;
  }

  let bytes: Uint8Array;
  try {
    bytes = io.readFile(file);
  } catch {
    io.stderr(`pbijk: berkas "${file}" tidak dapat dibaca: pastikan nama dan letaknya benar.\n`);
    return 2;
  }
  const input = await loadTable(file, bytes, parsed.options.get("--sheet"));
  for (const note of input.notes) io.stderr(`pbijk: ${note}\n`);
  const check = checkTable(input.headers, input.rows, profile, today);
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
  if (parsed.flags.has("--json")) writeJson(profile, today, check, io.stdout);
  else {
    const nameAt = check.columns.name;
    const names = check.results.map((r) => (nameAt === undefined ? "" : cellText(input.rows[r.row - 2]?.[nameAt])));
    io.stdout(formatTable(profile, today, check, names, paint(io.colour)));
  }
  if (output !== undefined) {
    const data = await encodeOutput(output, input, resultRecords(input, check, profile));
    try {
      io.writeFile(output, data);
    } catch {
      io.stderr(`pbijk: berkas hasil "${output}" tidak dapat ditulis: pastikan foldernya ada dan berkas itu tidak sedang dibuka di Excel.\n`);
      return 2;
    }
    io.stderr(`pbijk: hasil ${check.results.length} permohonan ditulis ke ${output}.\n`);
  }
  return 0;
}

function runProfiles(args: readonly string[], io: CliIo): number {
  const parsed = parseArgs("profiles", args);
  if (parsed.help) return help("profiles", io);
  const [id, extra] = parsed.positionals;
  if (extra !== undefined) throw new UsageError("Sebutkan satu profil saja.", HELP.profiles);
  io.stdout(id === undefined ? profileList() : profileDetails(profileArg(id, HELP.profiles)));
  return 0;
}

async function runDemo(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseArgs("demo", args);
  if (parsed.help) return help("demo", io);
  const [id, extra] = parsed.positionals;
  if (extra !== undefined) throw new UsageError("Sebutkan satu profil saja.", HELP.demo);
  const profile = profileArg(id, HELP.demo);
  const rest = [...parsed.flags, ...[...parsed.options].flat()];
  return runCheck([`${io.examplesDir}/demo-${profile.id}.csv`, "--profile", profile.id, "--today", DEMO_TODAY, ...rest], io);
}

function help(command: Command, io: CliIo): number {
  io.stdout(`${HELP[command]}\n`);
  return 0;
}

const isCommand = (text: string | undefined): text is Command => (COMMANDS as readonly string[]).includes(text ?? "");

async function dispatch(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === "--version" || command === "-V") {
    io.stdout(`pbijk ${version}\n`);
    return 0;
  }
  if (command === undefined) throw new UsageError("Sebutkan perintahnya.", USAGE);
  if (command === "--help" || command === "-h") {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  if (command === "check") return runCheck(rest, io);
  if (command === "profiles") return runProfiles(rest, io);
  if (command === "demo") return runDemo(rest, io);
  if (command === "help") {
    if (rest.includes("--help") || rest.includes("-h")) return help("help", io);
    const topic = rest.find((a) => !a.startsWith("-"));
    if (topic === undefined) return (io.stdout(`${USAGE}\n`), 0);
    if (isCommand(topic)) return help(topic, io);
    throw new UsageError(`Perintah tidak dikenal: ${topic}.`, USAGE);
  }
  throw new UsageError(`Perintah tidak dikenal: ${command}.`, USAGE);
}

export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`pbijk: ${error.message}\n\n${error.help}\n`);
      return 2;
    }
    if (error instanceof InputError) {
      io.stderr(`pbijk: ${error.message}\n`);
      return 2;
    }
    // Never a stack trace (which could quote row data) for the user; a short pointer instead.
    io.stderr(`pbijk: terjadi kesalahan tak terduga (${(error as Error)?.name ?? "Error"}). Laporkan ke pengelola aplikasi.\n`);
    return 1;
  }
}
