/**
 * The local playground: a loopback HTTP server showing the emulated spreadsheet, the add-on's
 * menu and its real sidebar, all running the built dist/Code.js on the test fakes.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { dirname, join } from "node:path";
import { build } from "esbuild";
import { readSettings, SETTINGS_SHEET } from "../src/domain/settings";
import { ROLES, type Role } from "../src/domain/roles";
import type { FakeSnapshot } from "../test/fakes/snapshot";
import { listDocuments, previewDocument } from "./docs";
import { buildDemo, DEMO_USERS } from "./demo";
import { type Answer, Engine, OWNER } from "./engine";
import { sheetView } from "./grid";
import { SHIM } from "./shim";

export interface PlaygroundOptions {
  /** Repository root (dist/, node_modules/, playground/). */
  root: string;
  /** 0 = any free port. */
  port?: number;
  /** Where the demo is kept between runs. */
  stateFile: string;
  /** For tests: a fixed "now" for the demo data. */
  now?: number;
}

interface StateFile {
  version: 1;
  user: string;
  snapshot: FakeSnapshot;
}

export interface Playground {
  url: string;
  server: Server;
  engine: Engine;
  close(): Promise<void>;
}

const ROLE_ORDER: Role[] = ["operator", "kabid", "signer", "bpjs", "verifier", "manager", "admin"];

async function clientBundle(root: string): Promise<string> {
  const out = await build({
    entryPoints: [join(root, "playground/client/main.ts")],
    bundle: true,
    format: "iife",
    target: "es2020",
    platform: "browser",
    write: false,
    logLevel: "warning",
  });
  return out.outputFiles[0]!.text.replace(/<\/script/gi, "<\\/script");
}

function page(script: string, css: string): string {
  return `<!DOCTYPE html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>PBI-JK — Playground</title>
<style>${css}</style>
</head>
<body>
<div id="app"></div>
<script>${script}</script>
</body>
</html>`;
}

function withShim(html: string): string {
  const tag = `<script>${SHIM}</script>`;
  return /<head[^>]*>/i.test(html) ? html.replace(/<head[^>]*>/i, (m) => `${m}${tag}`) : tag + html;
}

async function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 1_000_000) throw new Error("Permintaan terlalu besar.");
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  const value: unknown = text ? JSON.parse(text) : {};
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new Error("Isi permintaan harus objek JSON.");
  return value as Record<string, unknown>;
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { "content-type": `${type}; charset=utf-8`, "cache-control": "no-store", "x-content-type-options": "nosniff" });
  res.end(body);
}

const json = (res: ServerResponse, value: unknown, status = 200) => send(res, status, "application/json", JSON.stringify(value));

function str(value: unknown, what: string): string {
  if (typeof value !== "string") throw new Error(`"${what}" harus teks.`);
  return value;
}

function int(value: unknown, what: string): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < 1) throw new Error(`"${what}" harus bilangan bulat positif.`);
  return value;
}

function answers(value: unknown): Answer[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new Error(`"answers" harus daftar.`);
  return value.map((a) => {
    const o = a as Record<string, unknown>;
    return { button: str(o["button"], "button"), ...(typeof o["text"] === "string" ? { text: o["text"] } : {}) };
  });
}

export async function startPlayground(options: PlaygroundOptions): Promise<Playground> {
  const { root, stateFile } = options;
  const dist = join(root, "dist");
  const code = readFileSync(join(dist, "Code.js"), "utf8");
  const htmlFiles = { sidebar: readFileSync(join(dist, "sidebar.html"), "utf8") };
  const html = page(await clientBundle(root), readFileSync(join(root, "playground/client/style.css"), "utf8"));

  let saved: StateFile | null = null;
  if (existsSync(stateFile)) {
    try {
      saved = JSON.parse(readFileSync(stateFile, "utf8")) as StateFile;
      if (saved.version !== 1) saved = null;
    } catch {
      saved = null; // a damaged file: start from the demo again
    }
  }
  const firstUser = DEMO_USERS[1].email;
  const engine = await Engine.create(code, htmlFiles, saved?.user ?? firstUser, saved?.snapshot ?? null);
  if (!saved) buildDemo(engine, root, undefined, options.now);

  const save = () => {
    mkdirSync(dirname(stateFile), { recursive: true });
    const state: StateFile = { version: 1, user: engine.user, snapshot: engine.commit() };
    const tmp = `${stateFile}.tmp`;
    writeFileSync(tmp, JSON.stringify(state));
    renameSync(tmp, stateFile);
  };
  if (!saved) save();
  let version = 1;
  const changed = () => {
    version++;
    save();
  };

  const users = () => {
    const sheet = engine.fakes.spreadsheet.getSheetByName(SETTINGS_SHEET);
    const roles = sheet ? readSettings(sheet.getDataRange().getDisplayValues()).settings.roles : [];
    engine.fakes.resetCalls();
    return roles
      .filter((r) => ROLE_ORDER.includes(r.role))
      .sort((a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role))
      .map((r) => ({ email: r.email, role: r.role, label: ROLES[r.role] }));
  };

  const state = () => {
    const ss = engine.fakes.spreadsheet;
    const active = ss.getActiveSheet().getName();
    const range = ss.getActiveRange();
    const out = {
      version,
      spreadsheet: ss.getName(),
      sheets: ss.getSheets().map((s) => ({ name: s.getName(), hidden: s.isSheetHidden() })),
      active,
      selection: range
        ? { row: range.getRow(), col: range.getColumn(), numRows: range.getNumRows(), numCols: range.getNumColumns() }
        : { row: 1, col: 1, numRows: 1, numCols: 1 },
      menu: engine.menu,
      user: engine.user,
      users: users(),
      sidebar: engine.sidebar ? { title: engine.sidebar.title } : null,
      documents: engine.docs !== null,
    };
    engine.fakes.resetCalls();
    return out;
  };

  let hosts: string[] = [];

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // Loopback names only: a page elsewhere that rebinds its own name to 127.0.0.1 gets nothing.
    if (!hosts.includes(req.headers.host ?? "")) return send(res, 403, "text/plain", "Host ditolak.");
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    if (req.method === "GET") {
      if (url.pathname === "/") return send(res, 200, "text/html", html);
      if (url.pathname === "/api/state") return json(res, state());
      if (url.pathname === "/api/sheet") {
        const sheet = engine.fakes.spreadsheet.getSheetByName(url.searchParams.get("name") ?? "");
        if (!sheet) return json(res, { error: "Sheet tidak ditemukan." }, 404);
        const view = sheetView(sheet);
        engine.fakes.resetCalls();
        return json(res, view);
      }
      if (url.pathname === "/sidebar") {
        if (!engine.sidebar) return send(res, 404, "text/plain", "Panel belum dibuka.");
        return send(res, 200, "text/html", withShim(engine.sidebar.html));
      }
      if (url.pathname.startsWith("/dialog/")) {
        const dialog = engine.dialogs[Number(url.pathname.slice("/dialog/".length))];
        if (!dialog) return send(res, 404, "text/plain", "Dialog tidak ada.");
        return send(res, 200, "text/html", withShim(dialog.html));
      }
      if (url.pathname === "/api/documents") {
        if (!engine.docs) return json(res, { available: false, documents: [] });
        return json(res, { available: true, documents: listDocuments(engine.docs) });
      }
      if (url.pathname === "/api/document") {
        const doc = engine.docs ? previewDocument(engine.docs, url.searchParams.get("id") ?? "") : null;
        return doc ? json(res, doc) : json(res, { error: "Dokumen tidak ditemukan." }, 404);
      }
      return send(res, 404, "text/plain", "Tidak ditemukan.");
    }
    if (req.method !== "POST") return send(res, 405, "text/plain", "Metode tidak didukung.");
    // Only this page may drive the server (no other site through the user's browser).
    const origin = req.headers.origin;
    if (origin !== undefined && origin !== `http://${req.headers.host}`) return json(res, { error: "Asal permintaan ditolak." }, 403);
    const body = await readBody(req);
    switch (url.pathname) {
      case "/api/menu": {
        const outcome = engine.run(str(body["fn"], "fn"), [], answers(body["answers"]));
        if (!outcome.question) changed();
        return json(res, outcome);
      }
      case "/api/run": {
        const args = Array.isArray(body["args"]) ? (body["args"] as unknown[]) : [];
        const outcome = engine.run(str(body["name"], "name"), args, answers(body["answers"]));
        if (!outcome.question) changed();
        return json(res, outcome);
      }
      case "/api/edit": {
        const value = body["value"];
        if (typeof value !== "string" && typeof value !== "boolean") throw new Error(`"value" harus teks atau benar/salah.`);
        const outcome = engine.edit(str(body["sheet"], "sheet"), int(body["row"], "row"), int(body["col"], "col"), value, answers(body["answers"]));
        if (!outcome.question) changed();
        return json(res, outcome);
      }
      case "/api/select": {
        engine.select(str(body["sheet"], "sheet"), int(body["row"], "row"), int(body["col"], "col"),
          int(body["numRows"] ?? 1, "numRows"), int(body["numCols"] ?? 1, "numCols"));
        return json(res, { ok: true });
      }
      case "/api/activate": {
        engine.activateSheet(str(body["sheet"], "sheet"));
        changed();
        return json(res, { ok: true });
      }
      case "/api/role": {
        const email = str(body["email"], "email");
        if (!users().some((u) => u.email === email)) return json(res, { error: "Pengguna tidak ada di tabel peran Pengaturan." }, 400);
        engine.setUser(email);
        changed();
        return json(res, { ok: true });
      }
      case "/api/reset": {
        rmSync(stateFile, { force: true });
        engine.user = firstUser;
        engine.sidebar = null;
        engine.dialogs = [];
        engine.boot(null);
        buildDemo(engine, root, undefined, options.now);
        changed();
        return json(res, { ok: true });
      }
      default:
        return send(res, 404, "text/plain", "Tidak ditemukan.");
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      // Messages here are the server's own (bad requests); the add-on's errors never reach this.
      if (!res.headersSent) json(res, { error: error instanceof Error ? error.message : String(error) }, 400);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", resolve);
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : options.port;
  hosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  return {
    url: `http://127.0.0.1:${port}/`,
    server,
    engine,
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      // A browser keeps connections open between requests; they must not hold the close.
      server.closeAllConnections();
    }),
  };
}

/** `npm start`: the repository's playground on PORT (or a free port). */
export async function main(root: string): Promise<void> {
  const port = process.env["PORT"] ? Number(process.env["PORT"]) : 0;
  let playground: Playground;
  try {
    playground = await startPlayground({ root, port, stateFile: join(root, ".playground/state.json") });
  } catch (error) {
    const code = (error as { code?: string }).code;
    process.stderr.write(code === "EADDRINUSE"
      ? `Port ${port} sudah dipakai program lain. Jalankan dengan PORT lain, mis. PORT=8081 npm start, atau tanpa PORT untuk port bebas.\n`
      : `Playground gagal dimulai: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
    return;
  }
  process.stdout.write(`Playground PBI-JK: ${playground.url}\nPerubahan disimpan di .playground/state.json (pemilik spreadsheet: ${OWNER}). Tekan Ctrl+C untuk berhenti.\n`);
}
