/** The result of `pbijk check` for a table read from a file or a live sheet: the same output for both. */
import { checkTable, type TableCheck } from "../domain/check";
import { columnList, describeDuplicates } from "../domain/columns";
import type { IsoDate } from "../domain/dates";
import type { Profile } from "../domain/profiles";
import { cellText } from "../domain/text";
import type { InputTable } from "./input";
import type { CliIo } from "./io";
import { writeJson } from "./json";
import { encodeOutput, resultRecords } from "./output";
import { formatTable } from "./table";
import { paint } from "./terminal";


/** Checks the table and prints the result; `check` is absent when the table cannot be checked (exit 2). */
export async function reportCheck(
  input: InputTable,
  profile: Profile,
  today: IsoDate,
  json: boolean,
  output: string | undefined,
  io: CliIo,
): Promise<{ code: number; check?: TableCheck }> {
  for (const note of input.notes) io.stderr(`pbijk: ${note}\n`);
  const check = checkTable(input.headers, input.rows, profile, today);
  if (check.duplicateColumns.length) {
    io.stderr(`pbijk: ${describeDuplicates(check.duplicateColumns)}\n`);
    return { code: 2 };
  }
  if (check.missingRequired.length) {
    io.stderr(`pbijk: kolom wajib tidak ditemukan di baris judul: ${columnList(check.missingRequired)}. Tambahkan kolomnya lalu periksa lagi.\n`);
    return { code: 2 };
  }
  if (check.missingUsed.length) {
    io.stderr(`pbijk: kolom yang dipakai profil ${profile.id} tidak ada dan dibaca kosong: ${columnList(check.missingUsed)}.\n`);
  }
  if (json) writeJson(profile, today, check, io.stdout);
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
      return { code: 2, check };
    }
    io.stderr(`pbijk: hasil ${check.results.length} permohonan ditulis ke ${output}.\n`);
  }
  return { code: 0, check };
}
