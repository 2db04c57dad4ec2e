/**
 * Synthetic demo data, from a seed: the add-on's own Siapkan Sheet builds the sheets, then two
 * offices' request sheets (national rules and Purbalingga's SOP) get a few hundred rows that
 * cover every decision, and the reviewed ones stand at several workflow stages.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { mapHeaders } from "../src/domain/columns";
import { decodeDistricts } from "../src/domain/regions";
import { DISTRICTS } from "../src/domain/regions-data";
import { ROLE_TABLE, SETTING_FIELDS, SHEET_TABLE, SIGNER_TABLE } from "../src/domain/settings";
import { type Engine, OWNER } from "./engine";

export const DEMO_USERS = [
  { email: OWNER, role: "admin" },
  { email: "operator@dinsos.example", role: "operator" },
  { email: "kabid@dinsos.example", role: "kabid" },
  { email: "sekdin@dinsos.example", role: "signer" },
  { email: "kadinsos@dinsos.example", role: "signer" },
  { email: "petugas@bpjs.example", role: "bpjs" },
] as const;

export const DEMO_SHEETS = [
  { sheet: "Permohonan", profile: "nasional-2026", rows: 180, regency: "3302" },
  { sheet: "Permohonan Purbalingga", profile: "purbalingga", rows: 120, regency: "3303" },
] as const;

/** mulberry32: small, seeded, good enough for demo data. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const GIVEN_F = ["Siti", "Sri", "Sumiyati", "Tarsih", "Wartini", "Rusmini", "Dwi", "Eka", "Nur", "Yuliani", "Ratna", "Kartini", "Suminah", "Tuginem", "Ani", "Lestari", "Wulan", "Rini", "Endang", "Rohayati"];
const GIVEN_M = ["Slamet", "Darsono", "Sutrisno", "Budi", "Agus", "Bambang", "Joko", "Rahmat", "Wahyu", "Sugeng", "Teguh", "Imam", "Karsono", "Tarno", "Yanto", "Hadi", "Rudi", "Samsul", "Warsito", "Kusno"];
const FAMILY = ["Riyadi", "Santoso", "Wibowo", "Hartono", "Purnomo", "Saputra", "Suryani", "Rahayu", "Wahyuni", "Setiawan", "Pratama", "Kurniawan", "Handayani", "Susanti", "Nugroho", "Prasetyo", "Aminah", "Marsudi", "Sukardi", ""];
const NOTES = ["", "", "", "Datang bersama kader desa", "Surat dari RSUD menyusul", "Pasien rawat inap", "Rujukan puskesmas", "Lansia, diantar keluarga"];
const HEALTH = ["Penyakit Kronis", "Penyakit Katastropik", "Darurat", "Persalinan"];

type Outcome = "layak" | "incomplete" | "notEligible" | "verify" | "invalid" | "healthNeed";
const OUTCOMES: Array<[Outcome, number]> = [["layak", 45], ["incomplete", 15], ["notEligible", 14], ["verify", 12], ["invalid", 8], ["healthNeed", 6]];

const DAY = 86_400_000;

/** Today's calendar date in Jakarta as a UTC-midnight timestamp (dates only, no machine zone). */
export function jakartaToday(now = Date.now()): number {
  const local = new Date(now + 7 * 3_600_000);
  return Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate());
}

function dmy(ms: number): string {
  const d = new Date(ms);
  return `${String(d.getUTCDate()).padStart(2, "0")}/${String(d.getUTCMonth() + 1).padStart(2, "0")}/${d.getUTCFullYear()}`;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

/** Kecamatan names and villages of a regency from the area data the region codes come from. */
function areaNames(root: string, regency: string): Map<string, { name: string; villages: string[] }> {
  const dir = join(root, "node_modules/idn-area-data/data");
  const dotted = `${regency.slice(0, 2)}.${regency.slice(2)}`;
  const out = new Map<string, { name: string; villages: string[] }>();
  try {
    for (const line of readFileSync(join(dir, "districts.csv"), "utf8").split("\n")) {
      const [code, parent, name] = line.split(",");
      if (parent === dotted && code && name) out.set(code.replace(/\./g, ""), { name: name.trim(), villages: [] });
    }
    for (const line of readFileSync(join(dir, "villages.csv"), "utf8").split("\n")) {
      const [, parent, name] = line.split(",");
      const entry = parent ? out.get(parent.replace(/\./g, "")) : undefined;
      if (entry && name) entry.villages.push(name.trim());
    }
  } catch {
    // Names are decoration: the codes alone still make valid NIKs.
  }
  return out;
}

interface Person {
  row: Record<string, unknown>;
  outcome: Outcome;
}

function makePerson(rand: () => number, today: number, profile: string, regency: string, areas: ReturnType<typeof areaNames>): Person {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  let roll = rand() * 100;
  const outcome = OUTCOMES.find(([, w]) => (roll -= w) < 0)?.[0] ?? "layak";
  const codes = [...decodeDistricts(DISTRICTS)].filter((c) => String(c).startsWith(regency)).map(String);
  const district = pick(codes);
  const area = areas.get(district);
  const female = rand() < 0.55;
  const given = pick(female ? GIVEN_F : GIVEN_M);
  const family = pick(FAMILY);
  const birth = Date.UTC(1945 + Math.floor(rand() * 60), Math.floor(rand() * 12), 1 + Math.floor(rand() * 28));
  const b = new Date(birth);
  const nik = `${district}${pad(b.getUTCDate() + (female ? 40 : 0), 2)}${pad(b.getUTCMonth() + 1, 2)}${pad(b.getUTCFullYear() % 100, 2)}${pad(1 + Math.floor(rand() * 9998), 4)}`;
  const kkIssued = today - Math.floor(rand() * 3000 + 200) * DAY;
  const k = new Date(kkIssued);
  const kk = `${district}${pad(k.getUTCDate(), 2)}${pad(k.getUTCMonth() + 1, 2)}${pad(k.getUTCFullYear() % 100, 2)}${pad(1 + Math.floor(rand() * 9998), 4)}`;
  const applied = today - Math.floor(rand() * 30) * DAY;
  const skDate = applied - Math.floor(20 + rand() * 140) * DAY;
  const national = profile === "nasional-2026";
  const docs: Record<string, boolean> = national
    ? { "Dok. KTP": true, "Dok. KK": true, "Dok. Ket. Faskes": true }
    : { "Dok. KTP": true, "Dok. KK": true, "Dok. KIS": true, "Dok. Ket. BPJS": true, "Dok. Ket. Faskes": true };
  const row: Record<string, unknown> = {
    Layanan: "Reaktivasi PBI-JK",
    "Tanggal Permohonan": dmy(applied),
    Nama: family ? `${given} ${family}` : given,
    NIK: nik,
    "Nomor KK": kk,
    "Tanggal Lahir": rand() < 0.8 ? dmy(birth) : "",
    "Jenis Kelamin": female ? "P" : "L",
    Alamat: `RT ${pad(1 + Math.floor(rand() * 8), 2)} RW ${pad(1 + Math.floor(rand() * 6), 2)}`,
    "Desa/Kelurahan": area?.villages.length ? pick(area.villages) : "",
    Kecamatan: area?.name ?? "",
    "Nomor HP": `08${pick(["12", "13", "21", "52", "57", "77", "81", "95"])}${pad(Math.floor(rand() * 1e8), 8)}`,
    "Nomor SK Penonaktifan": `${100 + Math.floor(rand() * 300)}/HUK/${new Date(skDate).getUTCFullYear()}`,
    "Tanggal SK Penonaktifan": dmy(skDate),
    "Status DTSEN/DTKS": "Terdaftar",
    Desil: national ? String(1 + Math.floor(rand() * 5)) : "",
    "Kebutuhan Layanan Kesehatan": "Tidak Ada",
    "Nomor Kartu KIS": national ? "" : `000${pad(Math.floor(rand() * 1e10), 10)}`,
    "Berkas Lengkap Pada": "",
    Catatan: pick(NOTES),
    ...docs,
  };
  const docNames = Object.keys(docs);
  switch (outcome) {
    case "incomplete":
      for (const d of docNames) if (rand() < 0.4) row[d] = false;
      row[pick(docNames)] = false;
      break;
    case "notEligible": {
      const why = rand();
      if (why < 0.4) row["Tanggal SK Penonaktifan"] = dmy(applied - Math.floor(200 + rand() * 150) * DAY);
      else if (why < 0.7 || !national) row["Status DTSEN/DTKS"] = "Tidak Terdaftar";
      else row["Desil"] = String(6 + Math.floor(rand() * 5));
      break;
    }
    case "verify":
      if (rand() < 0.6 || !national) row["Status DTSEN/DTKS"] = "Belum Dicek";
      else row["Desil"] = "";
      break;
    case "invalid": {
      const why = rand();
      if (why < 0.35) row["NIK"] = nik.slice(0, 15);
      else if (why < 0.55) row["NIK"] = `${nik.slice(0, 12)}0000`;
      else if (why < 0.75) row["Nomor KK"] = `${kk.slice(0, 10)}-${kk.slice(10, 14)}`;
      else if (why < 0.9) row["Tanggal SK Penonaktifan"] = dmy(applied + 5 * DAY);
      else row["Tanggal Permohonan"] = "";
      break;
    }
    case "healthNeed":
      if (national) {
        row["Status DTSEN/DTKS"] = rand() < 0.5 ? "Tidak Terdaftar" : "Terdaftar";
        row["Desil"] = row["Status DTSEN/DTKS"] === "Terdaftar" ? String(6 + Math.floor(rand() * 4)) : "";
        row["Kebutuhan Layanan Kesehatan"] = pick(HEALTH);
        row["Mendesak"] = rand() < 0.5;
      }
      break;
    default:
      break;
  }
  if (docNames.every((d) => row[d] === true)) row["Berkas Lengkap Pada"] = `${dmy(applied)} ${pad(8 + Math.floor(rand() * 6), 2)}:${pad(Math.floor(rand() * 60), 2)}`;
  return { row, outcome };
}

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

function headersOf(sheet: Sheet): string[] {
  return sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0]!.map(String);
}

function writeObjects(sheet: Sheet, rows: Record<string, unknown>[]): void {
  const headers = headersOf(sheet);
  const grid = rows.map((row) => headers.map((h) => (h in row ? row[h] : "")));
  if (grid.length + 1 > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), grid.length + 1 - sheet.getMaxRows());
  sheet.getRange(2, 1, grid.length, headers.length).setValues(grid);
}

/** Office identity, signers, both request sheets and the demo users' roles, in one write. */
function fillSettings(engine: Engine): void {
  const sheet = engine.fakes.spreadsheet.getSheetByName("Pengaturan")!;
  const grid = sheet.getDataRange().getValues().map((r) => r.map(String));
  const width = Math.max(4, grid[0]!.length);
  const line = (...cells: string[]) => [...cells, ...Array<string>(width - cells.length).fill("")];
  const values: Partial<Record<keyof typeof SETTING_FIELDS, string>> = {
    government: "Pemerintah Kabupaten Purbalingga",
    office: "Dinas Sosial, Pengendalian Penduduk, Keluarga Berencana, Pemberdayaan Perempuan dan Perlindungan Anak",
    address: "Jl. Contoh Raya No. 8, Purbalingga 53311",
    phone: "(0281) 000000",
    email: "dinsos@purbalingga.example",
    website: "dinsos.purbalingga.example",
    city: "Purbalingga",
    addressee: "Kepala BPJS Kesehatan Kantor Cabang Purbalingga",
    copies: "Bupati Purbalingga; Arsip",
  };
  const rows = grid.map((r) => line(...r.slice(0, width)));
  for (const [key, value] of Object.entries(values)) {
    const at = rows.findIndex((r) => r[0] === SETTING_FIELDS[key as keyof typeof SETTING_FIELDS].label);
    if (at >= 0) rows[at]![1] = value;
  }
  const after = (header: string) => rows.findIndex((r) => r[0] === header);
  const signers = after(SIGNER_TABLE.title);
  rows.splice(signers + 1, 1,
    line("Kepala Dinas", "Drs. Contoh Santosa, M.Si.", "Pembina Utama Muda (IV/c)", "197001012000031001"),
    line("Sekretaris Dinas", "Contoh Wulandari, S.Sos.", "Pembina (IV/a)", "197805052005022002"));
  const sheets = after(SHEET_TABLE.sheet);
  rows.splice(sheets + 1, 1, ...DEMO_SHEETS.map((s) => line(s.sheet, s.profile)));
  const roles = after(ROLE_TABLE.email);
  let end = roles + 1;
  while (end < rows.length && rows[end]![0] !== "") end++;
  rows.splice(roles + 1, end - roles - 1, ...DEMO_USERS.map((u) => line(u.email, u.role)));
  const range = sheet.getRange(1, 1, rows.length, width);
  range.setNumberFormat("@");
  range.setValues(rows);
}

const REVIEW_STAGES: Record<string, string[]> = {
  "nasional-2026": ["Paraf Kabid", "Tanda Tangan", "Siap Diserahkan", "Diserahkan", "Selesai"],
  purbalingga: ["Tanda Tangan", "Siap Diserahkan", "Diserahkan", "Selesai"],
};
const ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"];

/** Moves some eligible rows along their workflow, with the stamps and Log lines each move leaves. */
type LogLine = [{ ms: number; text: string }, ...string[]];

function advanceStages(engine: Engine, rand: () => number, today: number, name: string, profile: string, counter: { n: number }): LogLine[] {
  const sheet = engine.fakes.spreadsheet.getSheetByName(name)!;
  const headers = headersOf(sheet);
  const cols = mapHeaders(headers);
  const last = sheet.getLastRow();
  const range = sheet.getRange(2, 1, last - 1, headers.length);
  const grid = range.getValues();
  const log: LogLine[] = [];
  const stages = REVIEW_STAGES[profile]!;
  const set = (row: unknown[], key: keyof typeof cols, value: unknown) => {
    const i = cols[key];
    if (i !== undefined) row[i] = value;
  };
  // A time of day on that date; the Log is sorted by the full instant afterwards.
  const stamp = (ms: number) => {
    const minutes = (8 + Math.floor(rand() * 8)) * 60 + Math.floor(rand() * 60);
    return { ms: ms + minutes * 60_000, text: `${dmy(ms)} ${pad(Math.floor(minutes / 60), 2)}:${pad(minutes % 60, 2)}` };
  };
  for (const row of grid) {
    const decision = String(row[cols.decision!] ?? "");
    const id = String(row[cols.id!] ?? "");
    if (decision === "Berkas Belum Lengkap" && rand() < 0.3) {
      set(row, "stage", "Dikembalikan");
      set(row, "returnNote", "Berkas dikembalikan untuk dilengkapi pemohon.");
      log.push([stamp(today - DAY), "operator@dinsos.example", id, "Kembalikan", "Diperiksa", "Dikembalikan", "Berkas belum lengkap"]);
      continue;
    }
    if (decision !== "Layak" || rand() < 0.3) continue;
    const reached = Math.floor(rand() * stages.length);
    const day = today - (stages.length - reached) * DAY;
    counter.n++;
    const month = new Date(day).getUTCMonth();
    set(row, "letterNumber", `400.9.3.2/${pad(counter.n, 3)}/Dinsos/${ROMAN[month]}/${new Date(day).getUTCFullYear()}`);
    set(row, "letterDate", dmy(day));
    log.push([stamp(day), "operator@dinsos.example", id, "Buat Draf Surat", "Draf", stages[0]!, ""]);
    for (let s = 1; s <= reached; s++) {
      const from = stages[s - 1]!;
      const when = stamp(day + Math.floor(s / 2) * DAY);
      const at = when.text;
      if (from === "Paraf Kabid") {
        set(row, "parafBy", "kabid@dinsos.example");
        set(row, "parafAt", at);
      }
      if (from === "Tanda Tangan") {
        set(row, "signedBy", "sekdin@dinsos.example");
        set(row, "signedAt", at);
      }
      if (from === "Siap Diserahkan") {
        set(row, "handedOverAt", at);
        if (profile === "purbalingga") set(row, "archived", true);
      }
      if (from === "Diserahkan") {
        set(row, "bpjsStatus", "Aktif Kembali");
        set(row, "bpjsActiveDate", dmy(today));
      }
      const by = from === "Paraf Kabid" ? "kabid@dinsos.example" : from === "Tanda Tangan" ? "sekdin@dinsos.example" : from === "Diserahkan" ? "petugas@bpjs.example" : "operator@dinsos.example";
      log.push([when, by, id, from === "Siap Diserahkan" ? "Serahkan" : "Setujui", from, stages[s]!, ""]);
    }
    if (stages[reached] === "Diserahkan") set(row, "bpjsStatus", "Diproses");
    set(row, "stage", stages[reached]);
  }
  range.setValues(grid);
  return log;
}

/** Builds the demo spreadsheet in a freshly booted engine, through the add-on's own menu. */
export function buildDemo(engine: Engine, root: string, seed = 20261124, now = Date.now()): void {
  const rand = seeded(seed);
  const today = jakartaToday(now);
  const user = engine.user;
  engine.setUser(OWNER);
  const yes = [{ button: "YES" }, { button: "YES" }, { button: "YES" }];
  engine.run("menuSetup", [], yes);
  fillSettings(engine);
  engine.run("menuSetup", [], yes);
  for (const s of DEMO_SHEETS) {
    const areas = areaNames(root, s.regency);
    const people = Array.from({ length: s.rows }, () => makePerson(rand, today, s.profile, s.regency, areas));
    writeObjects(engine.fakes.spreadsheet.getSheetByName(s.sheet)!, people.map((p) => p.row));
  }
  engine.run("menuCheckAll", [], yes);
  const counter = { n: 0 };
  const log = DEMO_SHEETS.flatMap((s) => advanceStages(engine, rand, today, s.sheet, s.profile, counter));
  const logSheet = engine.fakes.spreadsheet.getSheetByName("Log");
  if (logSheet && log.length) {
    log.sort((a, b) => a[0].ms - b[0].ms);
    const width = logSheet.getLastColumn();
    const rows = log.map(([when, ...rest]) => [when.text, ...rest, ...Array<string>(width).fill("")].slice(0, width));
    if (rows.length + 1 > logSheet.getMaxRows()) logSheet.insertRowsAfter(logSheet.getMaxRows(), rows.length);
    logSheet.getRange(2, 1, rows.length, width).setValues(rows);
  }
  const ss = engine.fakes.spreadsheet;
  const blank = ss.getSheetByName("Sheet1");
  if (blank && blank.getLastRow() === 0) ss.deleteSheet(blank);
  ss.setActiveSheet(ss.getSheetByName(DEMO_SHEETS[0].sheet)!);
  engine.setUser(user);
  engine.fakes.ui.alerts.length = 0;
  engine.fakes.toasts.length = 0;
  engine.fakes.resetCalls();
}
