/** The one plan of writes (src/domain/writePlan.ts), on plain grids. */
import { checkTable } from "../../src/domain/check";
import { findProfile } from "../../src/domain/profiles";
import type { Cell } from "../../src/domain/text";
import { planWrites } from "../../src/domain/writePlan";

const profile = findProfile("nasional-2026")!;
const HEADERS = ["ID Permohonan", "Nama", "NIK", "Nomor KK", "Tanggal Permohonan", "Tanggal SK Penonaktifan", "Nomor HP",
  "Status DTSEN/DTKS", "Desil", "Dok. KTP", "Dok. KK", "Dok. Ket. Faskes", "Hasil Pemeriksaan", "Keputusan", "Alasan",
  "Batas Reaktivasi", "Tahap"];
const C = {
  phone: HEADERS.indexOf("Nomor HP"), result: HEADERS.indexOf("Hasil Pemeriksaan"), decision: HEADERS.indexOf("Keputusan"),
  reasons: HEADERS.indexOf("Alasan"), deadline: HEADERS.indexOf("Batas Reaktivasi"), stage: HEADERS.indexOf("Tahap"),
  ktp: HEADERS.indexOf("Dok. KTP"),
};

function row(id: string, name: string, serial: number, phone = ""): Cell[] {
  return [id, name, `327301410190${String(serial).padStart(4, "0")}`, "3273010101100001", "20/11/2026", "01/08/2026", phone,
    "Terdaftar", "2", true, true, true, "", "", "", "", ""];
}

function plan(read: Cell[][], current: Cell[][], clearOtherNotes = true) {
  const table = checkTable(read[0]!, read.slice(1), profile, "2026-11-24");
  return planWrites({ read, current, results: table.results, profile, normalisePhones: true, clearOtherNotes });
}

const copy = (grid: Cell[][]) => grid.map((r) => r.slice());

test("unchanged rows get their results in one block per group of adjacent columns", () => {
  const read = [HEADERS, row("PBI-2026-00001", "Ani", 1), row("PBI-2026-00002", "Budi", 2, "0812-3456-7890")];
  const p = plan(read, copy(read));
  expect(p.firstRow).toBe(2);
  expect(p.rowCount).toBe(2);
  expect(p.refused).toEqual([]);
  expect([...p.cells.keys()].sort((a, b) => a - b)).toEqual([C.phone, C.result, C.decision, C.reasons,
    C.deadline, C.stage]);
  expect(p.cells.get(C.decision)).toEqual(["Layak", "Layak"]);
  expect(p.cells.get(C.phone)).toEqual(["", "+6281234567890"]);
  expect(p.notes).toEqual(["", ""]);
});

test("a row whose input changed after the first read is refused, and its note kept", () => {
  const read = [HEADERS, row("PBI-2026-00001", "Ani", 1), row("PBI-2026-00002", "Budi", 2)];
  const current = copy(read);
  current[1]![C.ktp] = false;
  const p = plan(read, current);
  expect(p.refused).toEqual([{ row: 2, reason: "changed" }]);
  expect(p.written.map((w) => w.row)).toEqual([3]);
  // The span starts at the first row written: the refused row is not touched at all.
  expect(p.firstRow).toBe(3);
  expect(p.cells.get(C.decision)).toEqual(["Layak"]);
  expect(p.notes).toEqual([""]);
});

test("a phone is normalised only where the cell still holds the text that was read", () => {
  const read = [HEADERS, row("", "Ani", 1, "0812-3456-7890")];
  const current = copy(read);
  expect(plan(read, current).cells.get(C.phone)).toEqual(["+6281234567890"]);
  current[1]![C.phone] = "0813 0000 1111";
  const p = plan(read, current);
  expect(p.cells.has(C.phone)).toBe(false);
  expect(p.refused).toEqual([{ row: 2, reason: "changed" }]);
});

test("rows are found by ID after a sort; a row without ID that moved is refused as moved", () => {
  const read = [HEADERS, row("PBI-2026-00001", "Ani", 1), row("", "Budi", 2)];
  // Sorted by name, descending: Budi's row (no ID yet) moved up, Ani's (with ID) down.
  const current = [HEADERS, read[2]!.slice(), read[1]!.slice()];
  const p = plan(read, current);
  expect(p.refused).toEqual([{ row: 3, reason: "moved" }]);
  expect(p.written).toEqual([{ row: 3, output: expect.objectContaining({ decision: "Layak" }) }]);
});

test("nothing to write gives an empty plan; a row cleared by an edit loses its results but keeps its stage", () => {
  const read = [HEADERS, row("PBI-2026-00001", "Ani", 1)];
  read[1]![C.decision] = "Layak";
  read[1]![C.stage] = "Diperiksa";
  const p = planWrites({ read, current: read, results: [], cleared: [2], profile, normalisePhones: true, clearOtherNotes: false });
  expect(p.cells.get(C.decision)).toEqual([""]);
  expect(p.cells.get(C.stage)).toEqual(["Diperiksa"]);
  expect(p.notes).toEqual([""]);
  const none = planWrites({ read, current: read, results: [], profile, normalisePhones: true, clearOtherNotes: false });
  expect(none.rowCount).toBe(0);
});
