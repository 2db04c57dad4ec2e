/** A Pengaturan as an office fills it in, and a person, for letter tests and the rendering script. */
import { findProfile } from "../../src/domain/profiles";
import type { LetterInput, LetterPerson } from "../../src/domain/letter";
import { SETTING_FIELDS, type SettingKey, type Settings } from "../../src/domain/settings";

export function officeSettings(over: Partial<Record<SettingKey, string>> = {}): Pick<Settings, "values" | "signers"> {
  const values = Object.fromEntries(Object.entries(SETTING_FIELDS).map(([k, f]) => [k, f.initial])) as Record<SettingKey, string>;
  Object.assign(values, {
    government: "Pemerintah Kota Pangkalpinang",
    office: "Dinas Sosial",
    address: "Jl. Usman Ambon No. 25, Kel. Kejaksaan, Kec. Taman Sari, Kota Pangkalpinang 33173",
    phone: "081358734496",
    email: "dinsos@pangkalpinangkota.go.id",
    website: "sosialpangkalpinang.com",
    city: "Pangkalpinang",
    copies: "Wali Kota Pangkalpinang (sebagai laporan); Kepala Bidang Linjamsos",
    ...over,
  });
  return {
    values,
    signers: [
      { title: "Sekretaris Dinas Sosial", name: "Rina Marlina, S.Sos", rank: "Pembina (IV/a)", nip: "197805122005012003" },
      { title: "Kepala Dinas Sosial", name: "Drs. Ahmad Fauzi, M.Si", rank: "Pembina Utama Muda (IV/c)", nip: "196512201986031009" },
    ],
  };
}

export const PERSON: LetterPerson = {
  id: "PBI-2026-00042",
  name: "Siti Aminah",
  nik: "1971014101900001",
  kk: "1971010101100001",
  cardNumber: "0001234567890",
  address: "Jl. Merdeka No. 5 RT 002 RW 001",
  village: "Kejaksaan",
  district: "Taman Sari",
  deactivationRef: "SK-123/BPJS/2026",
  deactivationDate: "2026-08-01",
  registryStatus: "Terdaftar",
  decile: 2,
};

export function letterInput(profileId = "pangkalpinang-reaktivasi", over: Partial<LetterInput> = {}): LetterInput {
  return {
    profile: findProfile(profileId)!,
    settings: officeSettings(),
    person: PERSON,
    number: "400.9.3.2/042/Dinsos/XI/2026",
    date: "2026-11-24",
    deadline: "2027-02-01",
    ...over,
  };
}
