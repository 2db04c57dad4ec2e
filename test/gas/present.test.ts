import { automaticNumberText, presentRows } from "../../src/gas/present";
import { mapHeaders } from "../../src/domain/columns";
import { installFakes, type FakeEnv } from "../fakes";

let env: FakeEnv;
beforeEach(() => {
  env = installFakes();
});
afterEach(() => env.uninstall());

test("numbers read as Sheets shows them under the automatic format", () => {
  expect(automaticNumberText(3273014101900001)).toBe("3.27301E+15");
  expect(automaticNumberText(1e15)).toBe("1E+15");
  expect(automaticNumberText(1234567890)).toBe("1234567890");
  expect(automaticNumberText(81234567890)).toBe("81234567890");
});

test("numbers in ID columns become their shown text; other cells are untouched", () => {
  const headers = ["NIK", "Nomor KK", "Nomor Kartu KIS", "Desil", "Tanggal Permohonan"];
  const date = new Date("2026-11-19T17:00:00Z");
  const rows = presentRows([headers, [3273014101900001, "3273010101100001", 1234567890, 3, date]], mapHeaders(headers), "Asia/Jakarta");
  expect(rows[1]).toEqual(["3.27301E+15", "3273010101100001", "1234567890", 3, date]);
  expect(rows[0]).toBe(headers);
});

test("in a spreadsheet outside Jakarta, dates are read in the spreadsheet's own zone", () => {
  const headers = ["Tanggal Permohonan", "Berkas Lengkap Pada"];
  // Midnight 20 Nov and 09:15 on 20 Nov in London.
  const rows = presentRows([headers, [new Date("2026-11-20T00:00:00Z"), new Date("2026-11-20T09:15:00Z")]], mapHeaders(headers), "Europe/London");
  expect(rows[1]).toEqual(["2026-11-20", "2026-11-20 09:15"]);
});

test("any column holding Dates is read in the spreadsheet's zone, also one the catalogue does not know", () => {
  const headers = ["Tanggal Berlaku SK", "Nama", "Berkas Lengkap Pada"];
  // Midnight 1 June and 08:30 on 2 June in Jayapura (UTC+9).
  const rows = presentRows(
    [headers, [new Date("2026-05-31T15:00:00Z"), "Ani", new Date("2026-06-01T23:30:00Z")]],
    mapHeaders(headers),
    "Asia/Jayapura",
  );
  expect(rows[1]).toEqual(["2026-06-01", "Ani", "2026-06-02 08:30"]);
});
