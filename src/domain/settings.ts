/**
 * The `Pengaturan` sheet: key/value rows plus two tables (request sheets with their profile
 * and overrides; e-mail → role). Read from plain cell values, every problem reported in
 * Indonesian naming the row to fix. Rows are read by small cell readers rather than zod: zod
 * (even zod/mini) was most of the Apps Script bundle, paid on every onEdit and sidebar call.
 */
import { DOCUMENT_KEYS, type DocumentKey } from "./documents";
import { DEFAULT_PROFILE_ID, findProfile, PROFILES, type Profile, type ProfileOverrides, withOverrides } from "./profiles";
import { ROLES, type Role } from "./roles";
import { type Cell, cellText, enumKey, headerKey } from "./text";
import { readBool } from "./values";

export const SETTINGS_SHEET = "Pengaturan";
export const DEFAULT_REQUEST_SHEET = "Permohonan";

/** Key/value rows: label in column A, value in column B, help in column C. */
export const SETTING_FIELDS = {
  government: { label: "Pemerintah", initial: "", help: "Baris pertama kop surat, mis. Pemerintah Kota Pangkalpinang." },
  office: { label: "Nama Dinas", initial: "Dinas Sosial", help: "Baris kedua kop surat." },
  address: { label: "Alamat Kantor", initial: "", help: "Alamat lengkap di kop surat." },
  phone: { label: "Telepon Kantor", initial: "", help: "Telepon di kop surat." },
  email: { label: "Email Kantor", initial: "", help: "Email di kop surat (juga saluran pengaduan)." },
  website: { label: "Situs Web", initial: "", help: "Situs di kop surat." },
  city: { label: "Tempat Surat", initial: "", help: "Kota sebelum tanggal surat, mis. Pangkalpinang." },
  addressee: { label: "Tujuan Surat", initial: "", help: "Yth. … pada surat, mis. Kepala BPJS Kesehatan Cabang Pangkalpinang." },
  healthAddressee: { label: "Tujuan Surat Bantuan Kesehatan", initial: "", help: "Yth. … pada surat bantuan pembiayaan kesehatan, mis. Direktur RSUD." },
  numberFormat: {
    label: "Format Nomor Surat",
    initial: "400.9.3.2/{nomor:3}/Dinsos/{bulan_romawi}/{tahun}",
    help: "{nomor:3} = urutan 3 digit, diulang tiap tahun; {bulan_romawi}; {bulan}; {tahun}.",
  },
  numberMode: { label: "Cara Penomoran", initial: "Otomatis", help: "Otomatis, atau Manual bila nomor diambil dari sistem lain." },
  templateId: { label: "ID Templat Surat", initial: "", help: "ID dokumen Google Docs templat; kosong = tata letak bawaan." },
  secondTemplateId: { label: "ID Templat Surat Keterangan", initial: "", help: "Untuk Surat Keterangan SIKS-NG; kosong = bawaan." },
  footer: { label: "Catatan Kaki Surat", initial: "Layanan ini tidak dipungut biaya.", help: "Tambahkan saluran pengaduan kantor." },
  copies: { label: "Tembusan", initial: "", help: "Pisahkan dengan titik koma." },
} as const;
export type SettingKey = keyof typeof SETTING_FIELDS;

/** Header of the request-sheet table; its rows map a sheet to a profile and overrides. */
export const SHEET_TABLE = {
  sheet: "Sheet Permohonan",
  profile: "Profil",
  windowMonths: "Jendela (bulan)",
  windowInclusive: "Jendela Termasuk Hari Terakhir",
  oncePerPerson: "Sekali per Orang",
  registryPolicy: "Kebijakan DTSEN/DTKS",
  requiresBpjsConfirmation: "Wajib Konfirmasi BPJS",
  requiredDocuments: "Dokumen Wajib",
  slaMinutes: "SLA (menit)",
  windowAnchor: "Kolom Acuan Jendela",
} as const;
export const ROLE_TABLE = { email: "Email Pengguna", role: "Peran" } as const;
/** One row per official who may sign (Purbalingga: Sekretaris Dinas or Kepala Dinas). */
export const SIGNER_TABLE = { title: "Jabatan Penandatangan", name: "Nama", rank: "Pangkat/Golongan", nip: "NIP" } as const;

export interface Signer {
  title: string;
  name: string;
  rank: string;
  nip: string;
}

const REGISTRY_POLICIES = { required: "required", facilitator: "facilitator", "decile-or-health-need": "decile-or-health-need" } as const;

export interface SheetSetting {
  sheet: string;
  profileId: string;
  overrides: ProfileOverrides;
}

export interface Settings {
  values: Record<SettingKey, string>;
  sheets: SheetSetting[];
  roles: { email: string; role: Role }[];
  signers: Signer[];
}

export interface SettingsProblem {
  /** Row in the Pengaturan sheet (1-based), when the problem has one. */
  row: number | null;
  message: string;
  /** A problem in the request-sheet table: checking cannot know which rules apply. */
  blocksChecks?: boolean;
}

/** Each role by code and by its Indonesian name: either may be typed. */
const ROLE_CHOICES = (Object.entries(ROLES) as [Role, string][]).map(([key, label]) => (enumKey(key) === enumKey(label) ? key : `${key} (${label})`)).join(", ");
const roleByName = new Map<string, Role>();
for (const [key, label] of Object.entries(ROLES) as [Role, string][]) {
  roleByName.set(enumKey(key), key);
  roleByName.set(enumKey(label), key);
}

/** Reads one cell's text into a value; `fail` records an Indonesian problem for the row. */
type CellReader<T> = (text: string, fail: (message: string) => void) => T;
type RowOf<R extends Record<string, CellReader<unknown>>> = { [K in keyof R]: ReturnType<R[K]> };

/** Reads every cell of a table row, so one pass reports all of the row's problems. */
function readRow<R extends Record<string, CellReader<unknown>>>(
  readers: R,
  cellOf: (key: keyof R & string) => string,
): { value: RowOf<R>; problems: string[] } {
  const problems: string[] = [];
  const value: Record<string, unknown> = {};
  for (const key of Object.keys(readers)) value[key] = readers[key]!(cellOf(key), (message) => problems.push(message));
  return { value: value as RowOf<R>, problems };
}

const trimmed: CellReader<string> = (s) => s.trim();

const optionalNumber =
  (label: string, min: number, max: number): CellReader<number | undefined> =>
  (s, fail) => {
    const text = s.trim();
    if (text === "") return undefined;
    const value = /^\d+$/.test(text) ? Number(text) : NaN;
    if (Number.isNaN(value)) fail(`${label} harus bilangan bulat ${min}–${max}.`);
    else if (value < min) fail(`${label} paling kecil ${min}.`);
    else if (value > max) fail(`${label} paling besar ${max}.`);
    return value >= min && value <= max ? value : undefined;
  };

const optionalBool =
  (label: string): CellReader<boolean | undefined> =>
  (s, fail) => {
    if (s.trim() === "") return undefined;
    const value = readBool(s);
    if (value === undefined) fail(`${label} harus Ya atau Tidak.`);
    return value;
  };

const SHEET_ROW = {
  sheet: (s, fail) => {
    if (s.trim() === "") fail(`Isi nama sheet di kolom "${SHEET_TABLE.sheet}".`);
    return s.trim();
  },
  profile: (s, fail) => {
    const id = s.trim();
    const chosen = id === "" ? DEFAULT_PROFILE_ID : id.toLowerCase();
    if (!findProfile(chosen)) fail(`Profil "${id}" tidak dikenal. Pilih salah satu: ${PROFILES.map((p) => p.id).join(", ")}.`);
    return chosen;
  },
  windowMonths: optionalNumber(SHEET_TABLE.windowMonths, 1, 36),
  windowInclusive: optionalBool(SHEET_TABLE.windowInclusive),
  windowAnchor: (s) => s.trim() || undefined,
  oncePerPerson: optionalBool(SHEET_TABLE.oncePerPerson),
  registryPolicy: (s, fail) => {
    const v = s.trim().toLowerCase();
    if (v === "") return undefined;
    if (!(v in REGISTRY_POLICIES)) {
      fail(`${SHEET_TABLE.registryPolicy} harus salah satu: ${Object.keys(REGISTRY_POLICIES).join(", ")}.`);
      return undefined;
    }
    return REGISTRY_POLICIES[v as keyof typeof REGISTRY_POLICIES];
  },
  requiresBpjsConfirmation: optionalBool(SHEET_TABLE.requiresBpjsConfirmation),
  requiredDocuments: (s, fail) => {
    if (s.trim() === "") return undefined;
    const docs: DocumentKey[] = [];
    for (const part of s.split(/[,;]/).map((p) => p.trim()).filter(Boolean)) {
      const key = documentKeyFor(part);
      if (key) docs.push(key);
      else fail(`Dokumen "${part}" tidak dikenal. Gunakan judul kolom dokumen, misalnya Dok. KTP, Dok. KK, Dok. SKTM.`);
    }
    return docs;
  },
  slaMinutes: optionalNumber(SHEET_TABLE.slaMinutes, 1, 1440),
} satisfies Record<keyof typeof SHEET_TABLE, CellReader<unknown>>;

const SIGNER_ROW = {
  title: trimmed,
  name: trimmed,
  rank: trimmed,
  nip: (s, fail) => {
    const nip = s.replace(/\s+/g, "");
    if (nip !== "" && !/^\d{18}$/.test(nip)) fail(`${SIGNER_TABLE.nip} penandatangan harus 18 angka.`);
    return nip;
  },
} satisfies Record<keyof typeof SIGNER_TABLE, CellReader<unknown>>;

const ROLE_ROW = {
  email: (s, fail) => {
    const email = s.trim().toLowerCase();
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) fail("Email pengguna tidak sah.");
    return email;
  },
  role: (s, fail): Role => {
    const role = roleByName.get(enumKey(s));
    if (!role) fail(`Peran "${s.trim()}" tidak dikenal. Pilih salah satu: ${ROLE_CHOICES}.`);
    return role ?? "operator";
  },
} satisfies Record<keyof typeof ROLE_TABLE, CellReader<unknown>>;

function documentKeyFor(text: string): DocumentKey | undefined {
  const k = headerKey(text);
  const plain = headerKey(text.replace(/^dok\.?\s*/i, ""));
  return DOCUMENT_KEYS.find((d) => headerKey(d) === k || headerKey(d.replace(/^doc/, "")) === plain);
}

const labelToKey = new Map<string, SettingKey>(
  (Object.entries(SETTING_FIELDS) as [SettingKey, { label: string }][]).map(([k, f]) => [headerKey(f.label), k]),
);

/** Reads the Pengaturan sheet's values (as displayed) into settings, or Indonesian problems. */
export function readSettings(grid: readonly (readonly Cell[])[]): { settings: Settings; problems: SettingsProblem[] } {
  const values = Object.fromEntries(Object.keys(SETTING_FIELDS).map((k) => [k, ""])) as Record<SettingKey, string>;
  const sheets: SheetSetting[] = [];
  const roles: Settings["roles"] = [];
  const signers: Signer[] = [];
  const problems: SettingsProblem[] = [];
  let table: "sheets" | "roles" | "signers" | null = null;
  let columns: string[] = [];

  grid.forEach((cells, i) => {
    const rowNumber = i + 1;
    const text = cells.map((c) => cellText(c).trim());
    const first = headerKey(text[0] ?? "");
    if (first === "") {
      table = null;
      return;
    }
    if (first === headerKey(SHEET_TABLE.sheet)) {
      table = "sheets";
      columns = text.map(headerKey);
      return;
    }
    if (first === headerKey(ROLE_TABLE.email)) {
      table = "roles";
      columns = text.map(headerKey);
      return;
    }
    if (first === headerKey(SIGNER_TABLE.title)) {
      table = "signers";
      columns = text.map(headerKey);
      return;
    }
    const at = (label: string) => {
      const idx = columns.indexOf(headerKey(label));
      return idx < 0 ? "" : (text[idx] ?? "");
    };
    if (table === "sheets") {
      const { value, problems: found } = readRow(SHEET_ROW, (k) => at(SHEET_TABLE[k]));
      found.forEach((message) => problems.push({ row: rowNumber, message, blocksChecks: true }));
      if (!found.length) {
        const { sheet, profile, ...overrides } = value;
        sheets.push({ sheet, profileId: profile, overrides });
      }
      return;
    }
    if (table === "signers") {
      const { value, problems: found } = readRow(SIGNER_ROW, (k) => at(SIGNER_TABLE[k]));
      found.forEach((message) => problems.push({ row: rowNumber, message }));
      if (!found.length) signers.push(value);
      return;
    }
    if (table === "roles") {
      const { value, problems: found } = readRow(ROLE_ROW, (k) => at(ROLE_TABLE[k]));
      found.forEach((message) => problems.push({ row: rowNumber, message }));
      if (!found.length) roles.push(value);
      return;
    }
    const key = labelToKey.get(first);
    if (key) values[key] = text[1] ?? "";
  });

  const mode = enumKey(values.numberMode);
  if (mode !== "" && mode !== "otomatis" && mode !== "manual") {
    problems.push({ row: null, message: `"${SETTING_FIELDS.numberMode.label}" harus Otomatis atau Manual.` });
  }
  if (values.numberFormat !== "" && !values.numberFormat.includes("{nomor")) {
    problems.push({ row: null, message: `"${SETTING_FIELDS.numberFormat.label}" harus memuat {nomor}, misalnya {nomor:3}.` });
  }
  const seen = new Set<string>();
  for (const s of sheets) {
    if (seen.has(s.sheet)) {
      problems.push({ row: null, message: `Sheet "${s.sheet}" tercantum dua kali di tabel "${SHEET_TABLE.sheet}".`, blocksChecks: true });
    }
    seen.add(s.sheet);
  }
  return { settings: { values, sheets, roles, signers }, problems };
}

/** The profile for a request sheet; a sheet missing from the table uses the national default. */
export function profileForSheet(settings: Pick<Settings, "sheets">, sheetName: string): Profile {
  const entry = settings.sheets.find((s) => s.sheet === sheetName);
  const profile = findProfile(entry?.profileId ?? DEFAULT_PROFILE_ID) ?? findProfile(DEFAULT_PROFILE_ID)!;
  return withOverrides(profile, entry?.overrides);
}

/**
 * What a letter drafted now would print blank: the built-in kop's lines (a template holds its
 * own) and a signer's name. Valid settings may still lack them; Pengaturan says so.
 */
export function letterGaps(settings: Pick<Settings, "values" | "signers">): string[] {
  const v = settings.values;
  const blank = (k: SettingKey) => v[k].trim() === "";
  const fields: SettingKey[] = blank("templateId") ? ["government", "address", "city"] : [];
  const gaps = fields.filter(blank).map((k) => `"${SETTING_FIELDS[k].label}"`);
  if (!settings.signers.some((s) => s.name.trim() !== "")) gaps.push(`tabel "${SIGNER_TABLE.title}" (${SIGNER_TABLE.name} dan ${SIGNER_TABLE.nip})`);
  return gaps;
}

export function roleOf(settings: Pick<Settings, "roles">, email: string): Role[] {
  const e = email.trim().toLowerCase();
  return settings.roles.filter((r) => r.email === e).map((r) => r.role);
}

const ROLE_HELP = `Peran (kode atau nama): ${ROLE_CHOICES}`;

/** The rows Siapkan Sheet writes into a new Pengaturan sheet. */
export function defaultSettingsGrid(requestSheet = DEFAULT_REQUEST_SHEET, adminEmail = ""): string[][] {
  return pad([["Pengaturan PBI-JK", "Nilai", "Keterangan"], ...missingSettingsRows([], requestSheet, adminEmail)]);
}

/**
 * Rows to append to an existing Pengaturan sheet so it has every label and table: a rerun of
 * Siapkan Sheet adds what is missing and leaves what the office wrote alone.
 */
export function missingSettingsRows(grid: readonly (readonly Cell[])[], requestSheet = DEFAULT_REQUEST_SHEET, adminEmail = ""): string[][] {
  const firsts = new Set(grid.map((r) => headerKey(cellText(r[0]))));
  const rows: string[][] = [];
  for (const f of Object.values(SETTING_FIELDS)) if (!firsts.has(headerKey(f.label))) rows.push([f.label, f.initial, f.help]);
  const table = (header: readonly string[], body: string[][]) => {
    if (firsts.has(headerKey(header[0]!))) return;
    rows.push([""], [...header], ...body);
  };
  table(Object.values(SIGNER_TABLE), [["Kepala Dinas Sosial", "", "", ""]]);
  table(Object.values(SHEET_TABLE), [[requestSheet, DEFAULT_PROFILE_ID]]);
  table([ROLE_TABLE.email, ROLE_TABLE.role, ROLE_HELP], adminEmail ? [[adminEmail, "admin"]] : []);
  return rows.length ? pad(rows) : [];
}

function pad(rows: string[][]): string[][] {
  const width = Math.max(3, ...rows.map((r) => r.length));
  return rows.map((r) => [...r, ...Array<string>(width - r.length).fill("")]);
}
