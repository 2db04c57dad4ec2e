/** The playground server without a browser: who may call it, letters panel, saving and reset. */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Playground, startPlayground } from "../../playground/server";

jest.setTimeout(120_000);

let playground: Playground;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "pbijk-server-"));
  playground = await startPlayground({ root: join(__dirname, "../.."), stateFile: join(dir, "state.json") });
});
afterAll(async () => {
  await playground?.close();
  rmSync(dir, { recursive: true, force: true });
});

function call(path: string, opts: { method?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<{ status: number; text: string }> {
  const url = new URL(path, playground.url);
  return new Promise((resolve, reject) => {
    const req = request(url, { method: opts.method ?? "GET", headers: { "content-type": "application/json", ...opts.headers } }, (res) => {
      let text = "";
      res.on("data", (c: Buffer) => (text += c.toString("utf8")));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on("error", reject);
    req.end(opts.body === undefined ? undefined : JSON.stringify(opts.body));
  });
}

test("serves the page on the loopback address and refuses other host names and origins", async () => {
  expect(playground.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  expect((await call("/")).text).toContain("<title>PBI-JK");
  expect((await call("/api/state", { headers: { host: "evil.example" } })).status).toBe(403);
  const foreign = await call("/api/menu", { method: "POST", body: { fn: "menuCheckAll" }, headers: { origin: "http://evil.example" } });
  expect(foreign.status).toBe(403);
  expect(JSON.parse((await call("/api/menu", { method: "POST", body: { fn: "eval" } })).text)).toEqual({ events: [], error: 'Fungsi "eval" tidak ada di add-on.' });
});

test("without a DocumentApp fake the letters panel is off", async () => {
  const state = JSON.parse((await call("/api/state")).text) as { documents: boolean };
  expect(state.documents).toBe(playground.engine.docs !== null);
  if (!playground.engine.docs) expect(JSON.parse((await call("/api/documents")).text)).toEqual({ available: false, documents: [] });
});

test("an edit is saved to the state file at once, and Reset demo brings the demo back", async () => {
  const sheet = playground.engine.fakes.spreadsheet.getSheetByName("Permohonan")!;
  const col = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0]!.indexOf("Catatan") + 1;
  const original = sheet.getRange(2, col).getDisplayValue();
  const edit = await call("/api/edit", { method: "POST", body: { sheet: "Permohonan", row: 2, col, value: "DIUBAH-TES" } });
  expect(edit.status).toBe(200);
  expect(readFileSync(join(dir, "state.json"), "utf8")).toContain("DIUBAH-TES");
  expect((await call("/api/reset", { method: "POST", body: {} })).status).toBe(200);
  expect(existsSync(join(dir, "state.json"))).toBe(true);
  expect(readFileSync(join(dir, "state.json"), "utf8")).not.toContain("DIUBAH-TES");
  expect(playground.engine.fakes.spreadsheet.getSheetByName("Permohonan")!.getRange(2, col).getDisplayValue()).toBe(original);
});

test("a role outside the Pengaturan role table is refused", async () => {
  const res = await call("/api/role", { method: "POST", body: { email: "orang@lain.example" } });
  expect(res.status).toBe(400);
  expect(JSON.parse(res.text)).toEqual({ error: "Pengguna tidak ada di tabel peran Pengaturan." });
});
