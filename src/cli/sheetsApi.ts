/**
 * The Google Sheets API for `pbijk` on live spreadsheets: credentials, the narrowest scope, a
 * bounded retry on quota errors, and Indonesian messages that never carry a token.
 * The client libraries are loaded only here (they are large and stay out of the bundle).
 */
import type { sheets_v4 } from "@googleapis/sheets";
import { scrubDigits } from "../domain/privacy";
import { InputError } from "./csv";

export const SCOPE_READ = "https://www.googleapis.com/auth/spreadsheets.readonly";
export const SCOPE_WRITE = "https://www.googleapis.com/auth/spreadsheets";
export type Scope = typeof SCOPE_READ | typeof SCOPE_WRITE;

/** A live-spreadsheet failure with a message for the user (exit 2, or named per office by rekap). */
export class SheetsError extends InputError {
  /** The API's HTTP status, when the API answered. */
  constructor(message: string, readonly status?: number) {
    super(message);
  }
}

export interface SheetsEnv {
  GOOGLE_OAUTH_ACCESS_TOKEN?: string;
  GOOGLE_APPLICATION_CREDENTIALS?: string;
  PBIJK_SHEETS_ROOT_URL?: string;
  /** First backoff step in ms (tests set it small). */
  PBIJK_SHEETS_BACKOFF_MS?: string;
  PBIJK_SHEETS_RETRIES?: string;
}

export interface SheetsClient {
  api: sheets_v4.Sheets;
  /** Runs one API call with the retry and the Indonesian error mapping. */
  call<T>(what: string, request: () => Promise<{ data: T }>): Promise<T>;
}

/** Tokens, NIK-like digit runs and health needs, removed from a text before it is shown. */
export function scrub(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const s of secrets) if (s.length >= 4) out = out.split(s).join("[disembunyikan]");
  return scrubDigits(out)
    .replace(/Bearer\s+[^\s"',]+/gi, "Bearer [disembunyikan]")
    .replace(/\bya29\.[\w.-]+/g, "[disembunyikan]")
    .replace(/("?(?:access_token|refresh_token|private_key|client_secret)"?\s*[:=]\s*)("[^"]*"|[^\s,&}]+)/gi, "$1[disembunyikan]");
}

const HOW_TO_AUTHENTICATE =
  "Atur GOOGLE_APPLICATION_CREDENTIALS ke berkas kunci akun layanan (JSON), " +
  "jalankan `gcloud auth application-default login`, atau isi GOOGLE_OAUTH_ACCESS_TOKEN dengan token akses. " +
  'Lihat README bagian "Spreadsheet langsung".';
const MISSING_CREDENTIALS = `kredensial Google tidak ditemukan. ${HOW_TO_AUTHENTICATE}`;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function numberEnv(text: string | undefined, fallback: number): number {
  const n = Number(text);
  return text !== undefined && text !== "" && Number.isFinite(n) && n >= 0 ? n : fallback;
}

interface ApiFailure {
  status?: number;
  code?: string | number;
  message?: string;
  response?: { data?: { error?: { message?: string } } };
}

/** Full jitter: a random wait up to base·2^attempt, capped, so offices retrying together spread out. */
export function backoffMs(attempt: number, baseMs: number, random: () => number = Math.random): number {
  return Math.round(random() * Math.min(baseMs * 2 ** attempt, 32_000));
}

/**
 * The auth library warns in English on stderr when it probes for a Google Cloud metadata server
 * and finds none (any machine outside Google Cloud); the user gets our message instead.
 */
export function isLibraryNoise(args: readonly unknown[]): boolean {
  const type = typeof args[1] === "string" ? args[1] : (args[1] as { type?: string } | undefined)?.type;
  return type === "MetadataLookupWarning";
}

function quietLibraryWarnings(): void {
  const emit = process.emitWarning;
  if ((emit as { quiet?: boolean }).quiet) return;
  const quiet = ((...args: Parameters<typeof process.emitWarning>) => {
    if (!isLibraryNoise(args)) emit.apply(process, args);
  }) as typeof process.emitWarning & { quiet?: boolean };
  quiet.quiet = true;
  process.emitWarning = quiet;
}

export async function connect(env: SheetsEnv, scope: Scope): Promise<SheetsClient> {
  quietLibraryWarnings();
  const [{ sheets }, { GoogleAuth, OAuth2Client }] = await Promise.all([import("@googleapis/sheets"), import("google-auth-library")]);
  const token = env.GOOGLE_OAUTH_ACCESS_TOKEN?.trim();
  const secrets = token ? [token] : [];
  let auth: InstanceType<typeof OAuth2Client> | InstanceType<typeof GoogleAuth>;
  if (token) {
    const client = new OAuth2Client();
    client.setCredentials({ access_token: token });
    auth = client;
  } else {
    const google = new GoogleAuth({ scopes: [scope], ...(env.GOOGLE_APPLICATION_CREDENTIALS ? { keyFile: env.GOOGLE_APPLICATION_CREDENTIALS } : {}) });
    try {
      await google.getClient();
    } catch {
      throw new SheetsError(MISSING_CREDENTIALS);
    }
    auth = google;
  }
  const rootUrl = env.PBIJK_SHEETS_ROOT_URL?.trim() || undefined;
  // Our own retry below: the library's would retry quota errors without a bound we choose.
  // Node's own fetch: the library would otherwise load node-fetch through a dynamic import.
  const api = sheets({ version: "v4", auth, retry: false, fetchImplementation: fetch, ...(rootUrl ? { rootUrl } : {}) });
  const baseMs = numberEnv(env.PBIJK_SHEETS_BACKOFF_MS, 1000);
  const retries = numberEnv(env.PBIJK_SHEETS_RETRIES, 5);

  async function call<T>(what: string, request: () => Promise<{ data: T }>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return (await request()).data;
      } catch (error) {
        if (error instanceof SheetsError) throw error;
        const failure = (error ?? {}) as ApiFailure;
        const status = failure.status ?? (typeof failure.code === "number" ? failure.code : undefined);
        if ((status === 429 || status === 503) && attempt < retries) {
          await sleep(backoffMs(attempt, baseMs));
          continue;
        }
        throw new SheetsError(failureMessage(what, status, failure, attempt, secrets), status);
      }
    }
  }
  return { api, call };
}

function failureMessage(what: string, status: number | undefined, failure: ApiFailure, attempts: number, secrets: readonly string[]): string {
  if (status === 401) return `${what}: kredensial Google ditolak (kedaluwarsa atau tidak sah). ${HOW_TO_AUTHENTICATE}`;
  if (status === 403) {
    return `${what}: tidak ada izin. Bagikan spreadsheet itu ke e-mail akun layanan atau akun yang dipakai ` +
      "(Lihat untuk membaca, Editor untuk --write dan --to-spreadsheet), dan pastikan Google Sheets API aktif di proyeknya.";
  }
  if (status === 404) return `${what}: spreadsheet tidak ditemukan. Periksa ID-nya (bagian URL di antara /d/ dan /edit).`;
  if (status === 429 || status === 503) {
    return `${what}: kuota Google Sheets API habis atau layanan sibuk; sudah dicoba ${attempts + 1} kali. Tunggu satu menit lalu jalankan lagi.`;
  }
  const detail = failure.response?.data?.error?.message ?? "";
  if (status !== undefined) return scrub(`${what}: Google Sheets API menolak permintaan (HTTP ${status})${detail ? `: ${detail}` : ""}.`, secrets);
  const code = typeof failure.code === "string" ? ` (${failure.code})` : "";
  return scrub(`${what}: Google Sheets API tidak dapat dihubungi${code}. Periksa sambungan internet lalu coba lagi.`, secrets);
}
