/** `pbijk`: checks request files against a profile (spec section 9). */
import { version } from "../../package.json";
import { todayInJakarta } from "../domain/dates";
import { DEFAULT_PROFILE_ID, findProfile, type Profile, PROFILES } from "../domain/profiles";
import { COMMANDS, type Command, HELP, parseArgs, parseToday, USAGE, UsageError } from "./args";
import { InputError } from "./csv";
import { loadTable } from "./input";
import type { CliIo } from "./io";
import { checkSpreadsheet, exportBpjs, parseIdList, rekapOffices } from "./liveCommands";
import { reportCheck } from "./report";
import { isOutputPath } from "./output";
import { profileDetails, profileList } from "./profileInfo";

export type { CliIo };
export { USAGE };

/** The demo files are written as of this day. */
export const DEMO_TODAY = "2026-11-24";

function todayArg(text: string | undefined, io: CliIo): string {
  return text === undefined ? todayInJakarta(io.now()) : parseToday(text);
}

function outputArg(output: string | undefined): string | undefined {
  if (output !== undefined && !isOutputPath(output)) {
    throw new UsageError(`--output harus berakhiran .csv atau .xlsx, misalnya hasil.csv.`, HELP.check);
  }
  return output;
}

async function runExport(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseArgs("export", args);
  if (parsed.help) return help("export", io);
  if (parsed.positionals.length) throw new UsageError(`Argumen tidak dikenal: ${parsed.positionals[0]}.`, HELP.export);
  const source = parsed.options.get("--spreadsheet");
  if (source === undefined) throw new UsageError("Sebutkan spreadsheet sumber: --spreadsheet ID.", HELP.export);
  const file = parsed.options.get("--to");
  const spreadsheet = parsed.options.get("--to-spreadsheet");
  if ((file === undefined) === (spreadsheet === undefined)) throw new UsageError("Pilih satu tujuan: --to BERKAS atau --to-spreadsheet ID2.", HELP.export);
  if (file !== undefined && !isOutputPath(file)) throw new UsageError("--to harus berakhiran .csv atau .xlsx, misalnya bpjs.csv.", HELP.export);
  if (spreadsheet !== undefined && spreadsheet === source) {
    throw new UsageError("--to-spreadsheet harus spreadsheet lain: yang bisa membuka spreadsheet kantor bisa membaca semua sheet-nya.", HELP.export);
  }
  return exportBpjs(source, parsed.options.get("--sheet"), { file, spreadsheet }, parsed.flags.has("--full"), io);
}

async function runRekap(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseArgs("rekap", args);
  if (parsed.help) return help("rekap", io);
  if (parsed.positionals.length) throw new UsageError(`Argumen tidak dikenal: ${parsed.positionals[0]}.`, HELP.rekap);
  const listed = parsed.options.get("--spreadsheets");
  const listFile = parsed.options.get("--list");
  if ((listed === undefined) === (listFile === undefined)) throw new UsageError("Pilih salah satu: --spreadsheets ID1,ID2 atau --list BERKAS.", HELP.rekap);
  let text = listed ?? "";
  if (listFile !== undefined) {
    try {
      text = new TextDecoder().decode(io.readFile(listFile));
    } catch {
      io.stderr(`pbijk: berkas daftar "${listFile}" tidak dapat dibaca: pastikan nama dan letaknya benar.\n`);
      return 2;
    }
  }
  const ids = [...new Set(parseIdList(text))];
  const profile = givenProfile(parsed.options.get("--profile"), HELP.rekap);
  const options = { json: parsed.flags.has("--json"), csv: parsed.options.get("--csv") };
  return rekapOffices(ids, parsed.options.get("--sheet"), profile, todayArg(parsed.options.get("--today"), io), options, io);
}

function profileArg(id: string | undefined, help: string): Profile {
  const profile = findProfile(id ?? DEFAULT_PROFILE_ID);
  if (!profile) throw new UsageError(`Profil "${id}" tidak dikenal. Pilih salah satu: ${PROFILES.map((p) => p.id).join(", ")}.`, help);
  return profile;
}

/** `--profile` on live spreadsheets: only when given; otherwise each office's own applies. */
const givenProfile = (id: string | undefined, help: string): Profile | undefined => (id === undefined ? undefined : profileArg(id, help));

async function runCheck(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseArgs("check", args);
  if (parsed.help) return help("check", io);
  const [file, extra] = parsed.positionals;
  const spreadsheet = parsed.options.get("--spreadsheet");
  if (spreadsheet !== undefined && file !== undefined) throw new UsageError("Pilih salah satu: BERKAS atau --spreadsheet ID.", HELP.check);
  if (spreadsheet === undefined && parsed.flags.has("--write")) throw new UsageError("--write hanya untuk --spreadsheet ID; untuk berkas pakai --output.", HELP.check);
  if (spreadsheet !== undefined) {
    const profile = givenProfile(parsed.options.get("--profile"), HELP.check);
    const output = outputArg(parsed.options.get("--output"));
    const options = { json: parsed.flags.has("--json"), write: parsed.flags.has("--write"), output };
    return checkSpreadsheet(spreadsheet, parsed.options.get("--sheet"), profile, todayArg(parsed.options.get("--today"), io), options, io);
  }
  if (file === undefined) throw new UsageError("Sebutkan berkas yang akan diperiksa.", HELP.check);
  if (extra !== undefined) throw new UsageError("Hanya satu berkas yang dapat diperiksa sekaligus.", HELP.check);
  const profile = profileArg(parsed.options.get("--profile"), HELP.check);
  const today = todayArg(parsed.options.get("--today"), io);
  const output = outputArg(parsed.options.get("--output"));
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
  return (await reportCheck(input, profile, today, parsed.flags.has("--json"), output, io)).code;
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
  if (command === "export") return runExport(rest, io);
  if (command === "rekap") return runRekap(rest, io);
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
