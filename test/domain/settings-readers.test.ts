/** The cell readers that replaced zod for Pengaturan: every input read, every problem reported. */
import fc from "fast-check";
import { defaultSettingsGrid, profileForSheet, readSettings, ROLE_TABLE, SHEET_TABLE, SIGNER_TABLE } from "../../src/domain/settings";
import type { Cell } from "../../src/domain/text";

const HEADERS = [SHEET_TABLE.sheet, ROLE_TABLE.email, SIGNER_TABLE.title, "Profil", "Peran", "NIP", "Format Nomor Surat"];
const cell: fc.Arbitrary<Cell> = fc.oneof(
  fc.string(),
  fc.constantFrom(...HEADERS, "", " ", "ya", "tidak", "37", "0", "admin", "a@b.co", "Dok. KTP; Dok. X"),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.date({ noInvalidDate: false }),
);

test("no grid makes readSettings throw; every problem has a message and a row in the grid or none", () => {
  fc.assert(
    fc.property(fc.array(fc.array(cell, { maxLength: 12 }), { maxLength: 30 }), (grid) => {
      const { problems } = readSettings(grid);
      for (const p of problems) {
        expect(p.message.trim()).not.toBe("");
        if (p.row !== null) expect(p.row >= 1 && p.row <= grid.length).toBe(true);
      }
    }),
    { numRuns: 300 },
  );
});

function withSheetRow(cells: Record<string, string>): { grid: string[][]; row: number } {
  const grid = defaultSettingsGrid("Permohonan");
  const header = grid.findIndex((r) => r[0] === SHEET_TABLE.sheet);
  const columns = grid[header]!;
  grid[header + 1] = columns.map((label) => cells[label] ?? "");
  return { grid, row: header + 2 };
}

test("numbers above the range and not numbers at all are named with the column", () => {
  const { grid, row } = withSheetRow({ [SHEET_TABLE.sheet]: "Permohonan", [SHEET_TABLE.windowMonths]: "37", [SHEET_TABLE.slaMinutes]: "dua puluh" });
  expect(readSettings(grid).problems).toEqual([
    { row, message: "Jendela (bulan) paling besar 36.", blocksChecks: true },
    { row, message: "SLA (menit) harus bilangan bulat 1–1440.", blocksChecks: true },
  ]);
});

test("a request-sheet row with a problem is not applied: the sheet keeps the national profile", () => {
  const { grid } = withSheetRow({ [SHEET_TABLE.sheet]: "Permohonan", [SHEET_TABLE.profile]: "minsel", [SHEET_TABLE.oncePerPerson]: "mungkin" });
  const { settings, problems } = readSettings(grid);
  expect(problems.map((p) => p.message)).toEqual(["Sekali per Orang harus Ya atau Tidak."]);
  expect(settings.sheets).toEqual([]);
  expect(profileForSheet(settings, "Permohonan").id).toBe("nasional-2026");
});

test("a good request-sheet row carries each override, and no override for an empty cell", () => {
  const { grid } = withSheetRow({
    [SHEET_TABLE.sheet]: " Permohonan ", [SHEET_TABLE.profile]: " MINSEL ", [SHEET_TABLE.registryPolicy]: "Facilitator",
    [SHEET_TABLE.requiresBpjsConfirmation]: "tidak", [SHEET_TABLE.windowAnchor]: " Tanggal SK Penonaktifan ",
  });
  const { settings, problems } = readSettings(grid);
  expect(problems).toEqual([]);
  expect(settings.sheets).toEqual([{
    sheet: "Permohonan",
    profileId: "minsel",
    overrides: {
      windowMonths: undefined, windowInclusive: undefined, windowAnchor: "Tanggal SK Penonaktifan", oncePerPerson: undefined,
      registryPolicy: "facilitator", requiresBpjsConfirmation: false, requiredDocuments: undefined, slaMinutes: undefined,
    },
  }]);
});

test("role rows: the e-mail is trimmed and lower-cased, the role found by key or label; bad rows are left out", () => {
  const grid = [[ROLE_TABLE.email, ROLE_TABLE.role], [" Kabid@Dinsos.go.id ", " KABID "], ["operator@dinsos", "operator"]];
  const { settings, problems } = readSettings(grid);
  expect(settings.roles).toEqual([{ email: "kabid@dinsos.go.id", role: "kabid" }]);
  expect(problems).toEqual([{ row: 3, message: "Email pengguna tidak sah." }]);
});
