/** Generated request rows for the benchmarks: a mix of valid, invalid and odd office values. */
export const HEADERS = ["ID Permohonan", "Tanggal Permohonan", "Nama", "NIK", "Nomor KK", "Nomor Kartu KIS", "Tanggal Lahir",
  "Jenis Kelamin", "Nomor HP", "Tanggal SK Penonaktifan", "Status DTSEN/DTKS", "Desil", "Kebutuhan Layanan Kesehatan",
  "Dok. KTP", "Dok. KK", "Dok. Ket. Faskes", "Tahap"];
const REGIONS = ["327301", "197101", "710501", "330301", "999901"];

export function generate(count: number): string[][] {
  const rows: string[][] = [];
  for (let i = 0; i < count; i++) {
    const day = (i % 28) + 1 + (i % 2 ? 40 : 0);
    const nik = `${REGIONS[i % REGIONS.length]}${String(day).padStart(2, "0")}0${(i % 9) + 1}${String(60 + (i % 40)).padStart(2, "0")}${String(i % 10000).padStart(4, "0")}`;
    rows.push([
      `R-${i}`, i % 7 ? "20/11/2026" : "2026-11-2x", `Pemohon ${i}`, i % 50 ? nik : "3.27301E+15",
      `32730101${String(i).padStart(8, "0")}`, i % 3 ? "0001234567890" : "", "", i % 2 ? "P" : "L", "0812-3456-7890",
      `${(i % 28) + 1} Jun 2026`, ["Terdaftar", "Tidak Terdaftar", "Belum Dicek"][i % 3]!, String(i % 11),
      i % 5 ? "Tidak Ada" : "Penyakit Kronis", "Ya", i % 4 ? "TRUE" : "", "v", i % 10 ? "" : "Selesai",
    ]);
  }
  return rows;
}

