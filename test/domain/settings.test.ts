import { defaultSettingsGrid, letterGaps, missingSettingsRows, profileForSheet, readSettings, roleOf, SHEET_TABLE, SIGNER_TABLE } from "../../src/domain/settings";

function gridWith(sheetRow: string[], roles: string[][] = []): string[][] {
  const grid = defaultSettingsGrid("Permohonan", "admin@dinsos.go.id");
  const at = grid.findIndex((r) => r[0] === "Permohonan");
  grid[at] = [...sheetRow, ...Array(grid[0]!.length).fill("")].slice(0, grid[0]!.length);
  return [...grid, ...roles];
}

test("the default grid reads back without problems, national profile for Permohonan", () => {
  const { settings, problems } = readSettings(defaultSettingsGrid("Permohonan", "admin@dinsos.go.id"));
  expect(problems).toEqual([]);
  expect(settings.sheets).toEqual([{ sheet: "Permohonan", profileId: "nasional-2026", overrides: expect.any(Object) }]);
  expect(profileForSheet(settings, "Permohonan").id).toBe("nasional-2026");
  expect(roleOf(settings, " ADMIN@dinsos.go.id ")).toEqual(["admin"]);
  expect(settings.values.numberFormat).toBe("400.9.3.2/{nomor:3}/Dinsos/{bulan_romawi}/{tahun}");
});

test("overrides change single parameters of the profile", () => {
  const { settings, problems } = readSettings(gridWith(["Permohonan", "minsel", "3", "ya", "", "", "", "Dok. KTP; Dok. SKTM", "20"]));
  expect(problems).toEqual([]);
  const profile = profileForSheet(settings, "Permohonan");
  expect(profile.id).toBe("minsel");
  expect(profile.windowMonths).toBe(3);
  expect(profile.windowInclusive).toBe(true);
  expect(profile.oncePerPerson).toBe(true); // untouched
  expect(profile.requiredDocuments).toEqual(["docKtp", "docSktm"]);
  expect(profile.slaMinutes).toBe(20);
});

test("every problem is Indonesian and names its row", () => {
  const grid = gridWith(["Permohonan", "kota-x", "tiga", "mungkin", "", "semua", "", "Dok. Akta", "0"],
    [["Email Pengguna", "Peran"], ["bukan-email", "operator"], ["kabid@dinsos.go.id", "raja"]]);
  const { problems } = readSettings(grid);
  const row = grid.findIndex((r) => r[0] === "Permohonan") + 1;
  const messages = problems.map((p) => `${p.row}: ${p.message}`);
  expect(messages).toEqual(expect.arrayContaining([
    expect.stringMatching(new RegExp(`^${row}: Profil "kota-x" tidak dikenal`)),
    `${row}: ${SHEET_TABLE.windowMonths} harus bilangan bulat 1–36.`,
    `${row}: ${SHEET_TABLE.windowInclusive} harus Ya atau Tidak.`,
    expect.stringContaining(`${row}: ${SHEET_TABLE.registryPolicy} harus salah satu`),
    expect.stringContaining(`Dokumen "Dok. Akta" tidak dikenal`),
    `${row}: ${SHEET_TABLE.slaMinutes} paling kecil 1.`,
    expect.stringContaining("Email pengguna tidak sah."),
    expect.stringContaining(`Peran "raja" tidak dikenal`),
  ]));
});

test("numbering format and numbering mode are checked", () => {
  const grid = defaultSettingsGrid();
  const set = (label: string, value: string) => {
    grid.find((r) => r[0] === label)![1] = value;
  };
  set("Format Nomor Surat", "400/Dinsos/2026");
  set("Cara Penomoran", "kadang");
  const messages = readSettings(grid).problems.map((p) => p.message);
  expect(messages).toEqual([
    `"Cara Penomoran" harus Otomatis atau Manual.`,
    `"Format Nomor Surat" harus memuat {nomor}, misalnya {nomor:3}.`,
  ]);
});

test("signers are a table: one row each, NIP of 18 digits", () => {
  const grid = defaultSettingsGrid();
  const at = grid.findIndex((r) => r[0] === SIGNER_TABLE.title);
  const width = grid[0]!.length;
  const row = (...cells: string[]) => [...cells, ...Array<string>(width - cells.length).fill("")];
  grid.splice(at + 1, 1,
    row("Sekretaris Dinas", "Dra. Sri Wahyuni", "Pembina (IV/a)", "19700101 199503 2 001"),
    row("Kepala Dinas", "Eni Sosiatman", "Pembina Utama Muda (IV/c)", "1965"));
  const { settings, problems } = readSettings(grid);
  expect(settings.signers.map((s) => [s.title, s.nip])).toEqual([["Sekretaris Dinas", "197001011995032001"]]);
  expect(problems).toEqual([{ row: at + 3, message: "NIP penandatangan harus 18 angka." }]);
});

test("an older Pengaturan gets only what it lacks", () => {
  const full = defaultSettingsGrid("Permohonan", "admin@dinsos.go.id");
  expect(missingSettingsRows(full)).toEqual([]);
  const older = full.filter((r) => r[0] !== "Tembusan" && r[0] !== SIGNER_TABLE.title && r[0] !== "Kepala Dinas Sosial");
  const added = missingSettingsRows(older).map((r) => r[0]);
  expect(added).toEqual(["Tembusan", "", SIGNER_TABLE.title, "Kepala Dinas Sosial"]);
});

test("a sheet listed twice is a problem; an unlisted sheet gets the national profile", () => {
  const grid = gridWith(["Permohonan", "bandung"]);
  const at = grid.findIndex((r) => r[0] === "Permohonan");
  grid.splice(at + 1, 0, ["Permohonan", "minsel", ...Array(grid[0]!.length - 2).fill("")]);
  const { settings, problems } = readSettings(grid);
  expect(problems.map((p) => p.message)).toContain(`Sheet "Permohonan" tercantum dua kali di tabel "Sheet Permohonan".`);
  expect(profileForSheet(settings, "Lainnya").id).toBe("nasional-2026");
});

test("a role may be typed as its code or its Indonesian name, and the message lists both", () => {
  const grid = gridWith(["Permohonan", "nasional-2026", "", "", "", "", "", "", ""],
    [["Email Pengguna", "Peran"], ["kabid@dinsos.go.id", "Kepala Bidang"], ["ttd@dinsos.go.id", "penandatangan"], ["x@dinsos.go.id", "raja"]]);
  const { settings, problems } = readSettings(grid);
  expect(roleOf(settings, "kabid@dinsos.go.id")).toEqual(["kabid"]);
  expect(roleOf(settings, "ttd@dinsos.go.id")).toEqual(["signer"]);
  expect(problems.map((p) => p.message).join("\n")).toContain('Peran "raja" tidak dikenal. Pilih salah satu: operator, verifier (Verifikator), ' +
    "manager (Manajer Layanan), kabid (Kepala Bidang), signer (Penandatangan), bpjs (Petugas BPJS), admin.");
});

test("letterGaps names what a letter drafted now would print blank", () => {
  const { settings } = readSettings(defaultSettingsGrid("Permohonan", "admin@dinsos.go.id"));
  expect(letterGaps(settings)).toEqual(['"Pemerintah"', '"Alamat Kantor"', '"Tempat Surat"', 'tabel "Jabatan Penandatangan" (Nama dan NIP)']);
  const filled = {
    values: { ...settings.values, government: "Pemerintah Kota Pangkalpinang", address: "Jl. Usman Ambon No. 25", city: "Pangkalpinang" },
    signers: [{ title: "Kepala Dinas", name: "Drs. Ahmad Fauzi", rank: "", nip: "" }],
  };
  expect(letterGaps(filled)).toEqual([]);
  // A template holds its own kop: only the signer is still needed from Pengaturan.
  expect(letterGaps({ ...settings, values: { ...settings.values, templateId: "1abc" } })).toEqual(['tabel "Jabatan Penandatangan" (Nama dan NIP)']);
});
