/**
 * Credentials other than a ready token (a service-account key file or Application Default
 * Credentials) go through GoogleAuth with the narrowest scope each command needs. GoogleAuth is
 * replaced by one that records its options and hands out a fixed token, so nothing leaves
 * 127.0.0.1.
 */
import { liveCli, serial, type Stub, startStub } from "./liveStub";

jest.setTimeout(20_000);

const mockAuthOptions: { scopes?: string[]; keyFile?: string }[] = [];
jest.mock("google-auth-library", () => {
  const actual = jest.requireActual("google-auth-library");
  class GoogleAuth extends actual.GoogleAuth {
    constructor(options: { scopes?: string[]; keyFile?: string }) {
      super(options);
      mockAuthOptions.push(options);
    }
    async getClient() {
      const client = new actual.OAuth2Client();
      client.setCredentials({ access_token: "adc-token" });
      return client;
    }
  }
  return { ...actual, GoogleAuth };
});

const READ = "https://www.googleapis.com/auth/spreadsheets.readonly";
const WRITE = "https://www.googleapis.com/auth/spreadsheets";

let stub: Stub;
beforeEach(async () => {
  mockAuthOptions.length = 0;
  const values = [
    ["ID Permohonan", "Nama", "NIK", "Nomor KK", "Tanggal Permohonan", "Tanggal SK Penonaktifan", "Hasil Pemeriksaan", "Keputusan", "Tahap"],
    ["PBI-2026-00001", "Siti", "3273014506800001", "3273010101010001", serial(2026, 11, 2), serial(2026, 10, 15), "", "", "Diserahkan"],
  ];
  stub = await startStub({ S1: { title: "A", sheets: { Permohonan: { values } } }, S2: { title: "B", sheets: { "Untuk BPJS": { values: [] } } } });
});
afterEach(async () => {
  await stub.close();
});

const noToken = { GOOGLE_OAUTH_ACCESS_TOKEN: "", GOOGLE_APPLICATION_CREDENTIALS: "/secret/kunci.json" };

test.each([
  [["check", "--spreadsheet", "S1"], READ],
  [["check", "--spreadsheet", "S1", "--write"], WRITE],
  [["export", "--spreadsheet", "S1", "--to", "b.csv"], READ],
  [["export", "--spreadsheet", "S1", "--to-spreadsheet", "S2"], WRITE],
  [["rekap", "--spreadsheets", "S1"], READ],
])("%j asks for %s only", async (argv, scope) => {
  const r = await liveCli(stub, argv, noToken);
  expect(r.stderr).not.toMatch(/tak terduga|tidak dapat dihubungi|kredensial/);
  expect(r.code).toBe(0);
  // The library builds a scope-less GoogleAuth of its own when first loaded; ours are the ones with scopes.
  expect(mockAuthOptions.filter((o) => o?.scopes)).toEqual([{ scopes: [scope], keyFile: "/secret/kunci.json" }]);
  expect(stub.requests.length).toBeGreaterThan(0);
  expect(stub.requests.every((q) => q.authorization === "Bearer adc-token")).toBe(true);
});
