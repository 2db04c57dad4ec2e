/** The letter as data (spec section 7). */
import {
  addressee, type Block, buildLetter, buildSecondLetter, chooseSigner, formatNip, needsSecondLetter, placeholderValues, UNNUMBERED,
} from "../../src/domain/letter";
import { findProfile } from "../../src/domain/profiles";
import { letterInput, officeSettings, PERSON } from "./letterFixtures";

const text = (blocks: Block[]) =>
  blocks.map((b) => (b.kind === "paragraph" ? b.text : b.kind === "table" ? b.rows.map((r) => r.join(" ")).join("\n") : b.kind === "list" ? b.items.join("\n") : "---")).join("\n");

describe("built-in layout", () => {
  const letter = buildLetter(letterInput());
  const body = text(letter.body);

  test("kop: government, office, address and contacts, then a rule", () => {
    expect(text(letter.header)).toBe([
      "PEMERINTAH KOTA PANGKALPINANG", "DINAS SOSIAL",
      "Jl. Usman Ambon No. 25, Kel. Kejaksaan, Kec. Taman Sari, Kota Pangkalpinang 33173",
      "Telepon 081358734496 · Pos-el dinsos@pangkalpinangkota.go.id · Laman sosialpangkalpinang.com", "---",
    ].join("\n"));
  });

  test("place and long date, Nomor/Sifat/Lampiran/Hal, addressee", () => {
    expect(body).toContain("Pangkalpinang, 24 November 2026");
    expect(body).toContain("Nomor : 400.9.3.2/042/Dinsos/XI/2026\nSifat : Biasa\nLampiran : -\nHal : Rekomendasi Reaktivasi PBI-JK");
    expect(body).toContain("Yth. Kepala BPJS Kesehatan Cabang Pangkalpinang\ndi\nTempat");
  });

  test("the participant's data, SK number and date, deadline, legal basis with the SOP", () => {
    for (const line of ["Nama : Siti Aminah", "NIK : 1971014101900001", "Nomor KK : 1971010101100001", "Nomor Kartu KIS : 0001234567890",
      "Alamat : Jl. Merdeka No. 5 RT 002 RW 001", "Desa/Kelurahan : Kejaksaan", "Kecamatan : Taman Sari",
      "Nomor SK Penonaktifan : SK-123/BPJS/2026", "Tanggal SK Penonaktifan : 1 Agustus 2026"]) expect(body).toContain(line);
    expect(body).toContain("paling lambat 1 Februari 2027");
    expect(body).toContain("Undang-Undang Nomor 40 Tahun 2004 tentang Sistem Jaminan Sosial Nasional");
    expect(body).toContain("Standar Operasional Prosedur Dinas Sosial Kota Pangkalpinang 08.a/KEP/SEKRT-DINSOS/I/2022.");
    // The national profile has no SOP of its own: its list ends with the Permensos.
    expect(text(buildLetter(letterInput("nasional-2026")).body)).toMatch(/Peraturan Menteri Sosial Nomor 3 Tahun 2026\.\nDemikian/);
  });

  test("signer block: jabatan with the region, name, pangkat, spaced NIP; tembusan; footer with the complaint channel", () => {
    expect(body).toContain("KEPALA DINAS SOSIAL KOTA PANGKALPINANG,\n\n\n\nDrs. Ahmad Fauzi, M.Si\nPembina Utama Muda (IV/c)\nNIP. 19651220 198603 1 009");
    expect(body).toContain("Tembusan:\nWali Kota Pangkalpinang (sebagai laporan);\nKepala Bidang Linjamsos.");
    expect(text(letter.footer)).toBe("Layanan ini tidak dipungut biaya. Pengaduan layanan: dinsos@pangkalpinangkota.go.id\nRef. PBI-2026-00042");
    expect(letter.name).toBe("Surat Rekomendasi Reaktivasi PBI-JK - PBI-2026-00042");
  });

  test("a signer titled just \"Kepala Dinas\" (or Sekretaris Dinas) signs with the Dinas's full name", () => {
    const office = "Dinas Sosial, Pengendalian Penduduk dan Keluarga Berencana";
    const settings = officeSettings({ office, government: "Pemerintah Kabupaten Purbalingga" });
    const signed = (title: string) => {
      const input = letterInput();
      const signers = input.settings.signers.map((s) => ({ ...s, title }));
      return text(buildLetter({ ...input, settings: { ...settings, signers } }).body);
    };
    expect(signed("Kepala Dinas")).toContain("KEPALA DINAS SOSIAL, PENGENDALIAN PENDUDUK DAN KELUARGA BERENCANA KABUPATEN PURBALINGGA,\n");
    expect(signed("Sekretaris Dinas")).toContain("SEKRETARIS DINAS SOSIAL, PENGENDALIAN PENDUDUK DAN KELUARGA BERENCANA KABUPATEN PURBALINGGA,\n");
    // A title the office wrote in full stays as written.
    expect(signed("Kepala Dinas Sosial")).toContain("KEPALA DINAS SOSIAL KABUPATEN PURBALINGGA,\n");
  });

  test("nasional's Surat Keterangan states, the offices' Surat Rekomendasi recommend: one letter, one name", () => {
    const nasional = text(buildLetter(letterInput("nasional-2026")).body);
    expect(nasional).toContain("bersama ini kami menerangkan bahwa kepesertaan Penerima Bantuan Iuran Jaminan Kesehatan (PBI-JK) atas nama berikut memenuhi syarat untuk diaktifkan kembali:");
    expect(nasional).toContain("Surat keterangan ini diberikan berdasarkan:");
    expect(nasional).toContain("Demikian surat keterangan ini disampaikan");
    expect(nasional).not.toMatch(/rekomendasi/i);
    expect(body).toContain("bersama ini kami merekomendasikan pengaktifan kembali");
    expect(body).toContain("Demikian rekomendasi ini disampaikan");
  });

  test("an unnumbered letter (minsel) leaves a line to fill in; blank data shows a dash", () => {
    const minsel = text(buildLetter(letterInput("minsel", { number: null, person: { ...PERSON, cardNumber: "" } })).body);
    expect(minsel).toContain(`Nomor : ${UNNUMBERED}`);
    expect(minsel).toContain("Nomor Kartu KIS : -");
  });

  test("bantuan: its own title, body, addressee; no SK lines", () => {
    const input = letterInput("pangkalpinang-bantuan-kesehatan");
    const bantuan = text(buildLetter(input).body);
    expect(bantuan).toContain("Hal : Rekomendasi Pengajuan Bantuan Pembiayaan Pelayanan Kesehatan");
    expect(bantuan).toContain("bantuan pembiayaan pelayanan kesehatan kepada:");
    expect(bantuan).not.toContain("Nomor SK Penonaktifan");
    expect(addressee(input)).toBe("Direktur Rumah Sakit/Fasilitas Kesehatan Rujukan");
    expect(addressee({ ...input, settings: officeSettings({ healthAddressee: "Direktur RSUD Depati Hamzah" }) })).toBe("Direktur RSUD Depati Hamzah");
    expect(addressee({ ...letterInput(), settings: officeSettings({ addressee: "Kepala BPJS Kesehatan Cabang Bangka" }) })).toBe("Kepala BPJS Kesehatan Cabang Bangka");
  });
});

test("the signer: the profile's title first (purbalingga: Sekretaris Dinas), else the first with a name", () => {
  const { signers } = officeSettings();
  expect(chooseSigner(signers, findProfile("nasional-2026")!)?.name).toBe("Drs. Ahmad Fauzi, M.Si");
  expect(chooseSigner(signers, findProfile("purbalingga")!)?.name).toBe("Rina Marlina, S.Sos");
  expect(chooseSigner([{ title: "Plt. Kepala", name: "X", rank: "", nip: "" }], findProfile("minsel")!)?.name).toBe("X");
  expect(chooseSigner([{ title: "Kepala Dinas Sosial", name: "", rank: "", nip: "" }], findProfile("minsel")!)).toBeNull();
  expect(formatNip("196512201986031009")).toBe("19651220 198603 1 009");
});

test("Surat Keterangan SIKS-NG: pangkalpinang-reaktivasi Terdaftar rows only; states the registry status", () => {
  const pkp = findProfile("pangkalpinang-reaktivasi")!;
  expect(needsSecondLetter(pkp, PERSON)).toBe(true);
  expect(needsSecondLetter(pkp, { registryStatus: "Tidak Terdaftar" })).toBe(false);
  expect(needsSecondLetter(findProfile("nasional-2026")!, PERSON)).toBe(false);
  const second = buildSecondLetter(letterInput());
  const body = text(second.body);
  expect(body).toContain("SURAT KETERANGAN\nNomor: 400.9.3.2/042/Dinsos/XI/2026");
  expect(body).toContain("SIKS-NG) dengan status Terdaftar, desil 2.");
  expect(body).toContain("Nama : Drs. Ahmad Fauzi, M.Si\nNIP : 19651220 198603 1 009\nJabatan : Kepala Dinas Sosial");
  expect(second.name).toBe("Surat Keterangan SIKS-NG - PBI-2026-00042");
});

test("placeholders of section 7", () => {
  const values = placeholderValues(letterInput());
  expect(values).toMatchObject({
    nama: "Siti Aminah", nik: "1971014101900001", nomor_kk: "1971010101100001", nomor_kartu: "0001234567890",
    alamat: "Jl. Merdeka No. 5 RT 002 RW 001", desa_kelurahan: "Kejaksaan", kecamatan: "Taman Sari",
    nomor_surat: "400.9.3.2/042/Dinsos/XI/2026", tanggal_surat: "24 November 2026", tanggal_sk_penonaktifan: "1 Agustus 2026",
    nomor_sk_penonaktifan: "SK-123/BPJS/2026", penandatangan_nama: "Drs. Ahmad Fauzi, M.Si", penandatangan_jabatan: "Kepala Dinas Sosial",
    penandatangan_nip: "19651220 198603 1 009",
  });
});
