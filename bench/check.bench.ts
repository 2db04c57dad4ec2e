/** rows/second of check + decide on generated rows (`npm run bench`). */
import { checkTable } from "../src/domain/check";
import { findProfile } from "../src/domain/profiles";

const HEADERS = ["ID Permohonan", "Tanggal Permohonan", "Nama", "NIK", "Nomor KK", "Nomor Kartu KIS", "Tanggal Lahir",
  "Jenis Kelamin", "Nomor HP", "Tanggal SK Penonaktifan", "Status DTSEN/DTKS", "Desil", "Kebutuhan Layanan Kesehatan",
  "Dok. KTP", "Dok. KK", "Dok. Ket. Faskes", "Tahap"];
const REGIONS = ["327301", "197101", "710501", "330301", "999901"];

function generate(count: number): string[][] {
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

const profile = findProfile("nasional-2026")!;
const rows = generate(100_000);
checkTable(HEADERS, rows.slice(0, 1000), profile, "2026-11-24"); // warm-up
const runs: number[] = [];
for (let r = 0; r < 5; r++) {
  const start = process.hrtime.bigint();
  const result = checkTable(HEADERS, rows, profile, "2026-11-24");
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (result.results.length !== rows.length) throw new Error("rows lost");
  runs.push(rows.length / seconds);
}
runs.sort((a, b) => a - b);
console.log(`check + decide, ${rows.length} rows: median ${Math.round(runs[2]!).toLocaleString("en")} rows/s (min ${Math.round(runs[0]!).toLocaleString("en")}, max ${Math.round(runs[4]!).toLocaleString("en")})`);
