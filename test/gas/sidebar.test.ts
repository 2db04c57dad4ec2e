/** The sidebar's server side on the typed fakes: inspector, queues per role, role-gated actions, masking. */
import fc from "fast-check";
import type { Inspector, PanelState, SidebarApi } from "../../src/gas/bridge";
import * as entryPoints from "../../src/gas/main";
import { NO_EMAIL } from "../../src/gas/access";
import { draftPlan, inspect, panelState, ROW_ACTIONS, type RowAction, runAction, selectRow, sidebarApi } from "../../src/gas/sidebarApi";
import type { FakeEnv } from "../fakes";
import { cellOf, column, eligible, headerIndex, nik, TODAY, closeOffice, type Office, openOffice, writeRows } from "./helpers";
import { checkedRows, configureOffice, KABID, OPERATOR } from "./letterHelpers";
import { draftReport } from "../../sidebar/report";
import { eligibleFor } from "./approvalHelpers";

const SIGNER = "kadis@dinsos.go.id";
const BPJS = "bpjs@bpjs-kesehatan.go.id";
const STRANGER = "tamu@gmail.com";
const KK = "3273010101100001";

let env: FakeEnv;
let sheet: GoogleAppsScript.Spreadsheet.Sheet;
let docs: Office["docs"];

beforeEach(() => {
  ({ env, sheet, docs } = openOffice());
  configureOffice(env, { roles: [["admin@dinsos.go.id", "admin"], [OPERATOR, "operator"], [KABID, "kabid"], [SIGNER, "signer"], [BPJS, "bpjs"]] });
});
afterEach(() => closeOffice({ env, docs }));

/** Sets `Tahap` by hand, as if earlier moves had happened. */
function setStage(row: number, stage: string): void {
  sheet.getRange(row, headerIndex(sheet).get("Tahap")! + 1).setValues([[stage]]);
}

/**
 * Row 2 waits in Draf, row 3 lacks its KTP, row 4 waits for the Kabid's paraf (urgent, deadline
 * 1 December 2026: 7 days after TODAY), row 5 for the signature, row 6 for hand-over, row 7 for BPJS.
 */
function office(): number[] {
  const rows = checkedRows(env, sheet, [
    eligible("Siti Aminah", 1),
    eligible("Budi Santoso", 2, { "Dok. KTP": false }),
    eligible("Citra", 3, { Mendesak: true, "Tanggal SK Penonaktifan": "01/06/2026" }),
    eligible("Dedi", 4),
    eligible("Eka", 5),
    eligible("Fajar", 6),
  ], TODAY);
  setStage(4, "Paraf Kabid");
  setStage(5, "Tanda Tangan");
  setStage(6, "Siap Diserahkan");
  setStage(7, "Diserahkan");
  return rows;
}

function select(row: number): void {
  env.setSelection(sheet.getRange(row, 1));
}

function as(user: string): void {
  env.setUser(user);
}

const ids = () => column(sheet, "ID Permohonan").map(String);

/** Only plain data crosses google.script.run: no Date, function, undefined or class instance. */
function expectPlainData(value: unknown, path = "$"): void {
  if (value === null || ["string", "number", "boolean"].includes(typeof value)) return;
  if (Array.isArray(value)) {
    value.forEach((v, i) => expectPlainData(v, `${path}[${i}]`));
    return;
  }
  expect({ path, kind: Object.prototype.toString.call(value) }).toEqual({ path, kind: "[object Object]" });
  for (const [k, v] of Object.entries(value as object)) expectPlainData(v, `${path}.${k}`);
}

describe("the typed bridge", () => {
  test("every function of the bridge is a top-level entry point", () => {
    // Type-level: assigning the entry module to the bridge fails to compile when a name is missing or renamed.
    const exposed: SidebarApi = entryPoints;
    for (const name of Object.keys(sidebarApi)) expect(typeof (exposed as unknown as Record<string, unknown>)[name]).toBe("function");
  });
});

describe("the row inspector", () => {
  beforeEach(() => office());

  test("shows decision, reasons with advice, findings under the user's own header, deadline and days left", () => {
    // The office calls the NIK column "No KTP" (an alias) and typed a short NIK.
    sheet.getRange(1, headerIndex(sheet).get("NIK")! + 1).setValues([["No KTP"]]);
    sheet.getRange(3, headerIndex(sheet).get("No KTP")! + 1).setValues([["327301"]]);
    as(OPERATOR);
    select(3);
    const row = inspect(env.spreadsheet, TODAY)!;
    expect(row).toMatchObject({ sheet: "Permohonan", row: 3, id: ids()[1], name: "Budi Santoso", decision: "Data Tidak Valid" });
    expect(row.findings).toEqual([expect.objectContaining({ column: "No KTP", severity: "error" })]);
    expect(row.findings[0]!.message).toMatch(/16 angka/);

    sheet.getRange(3, headerIndex(sheet).get("No KTP")! + 1).setValues([[nik(2)]]);
    const fixed = inspect(env.spreadsheet, TODAY)!;
    expect(fixed.decision).toBe("Berkas Belum Lengkap");
    expect(fixed.reasons.join(" ")).toContain("KTP");
    expect(fixed.reasons.join(" ")).toContain("Berkas belum lengkap");
    select(4);
    expect(inspect(env.spreadsheet, TODAY)).toMatchObject({ deadline: "2026-12-01", daysLeft: 7, urgent: true, stage: "Paraf Kabid" });
  });

  test("days left count Jakarta calendar days: 23:30 UTC is already the next day there", () => {
    as(OPERATOR);
    select(4);
    // 2026-11-24T23:30Z is 25 November 06:30 in Jakarta.
    expect(inspect(env.spreadsheet, new Date("2026-11-24T23:30:00Z"))!.daysLeft).toBe(6);
  });

  test("history lists the request's own Log lines, as text", () => {
    as(OPERATOR);
    select(2);
    expect(inspect(env.spreadsheet, TODAY)!.history).toEqual([]);
    runAction(env.spreadsheet, "draft", "Permohonan", [{ row: 2, id: ids()[0]! }], "");
    select(2);
    const row = inspect(env.spreadsheet, TODAY)!;
    expect(row.history).toEqual([expect.objectContaining({ user: OPERATOR, action: "Buat Draf Surat", from: "Draf", to: "Paraf Kabid" })]);
    expect(typeof row.history[0]!.at).toBe("string");
    select(3);
    expect(inspect(env.spreadsheet, TODAY)!.history).toEqual([]);
  });

  test("the payload is plain data: ISO strings, no Date objects", () => {
    as(OPERATOR);
    select(4);
    const row = inspect(env.spreadsheet, TODAY);
    expectPlainData(row);
    expectPlainData(panelState(env.spreadsheet, TODAY));
  });

  test("operators see the row's full NIK; Kabid, signer and BPJS see it masked; KK never", () => {
    select(2);
    as(OPERATOR);
    expect(inspect(env.spreadsheet, TODAY)!.nik).toBe(nik(1));
    for (const user of [KABID, SIGNER, BPJS]) {
      as(user);
      const row = inspect(env.spreadsheet, TODAY)!;
      expect(row.nik).toBe("3273********0001");
      expect(JSON.stringify(row)).not.toContain(nik(1));
    }
    as(OPERATOR);
    expect(JSON.stringify(inspect(env.spreadsheet, TODAY))).not.toContain(KK);
  });

  test("the drafted letters from Tautan Surat, labelled: the letter, then Pangkalpinang's SIKS-NG letter", () => {
    as(KABID);
    select(4);
    expect(inspect(env.spreadsheet, TODAY)!.letters).toEqual([]);
    const link = headerIndex(sheet).get("Tautan Surat")! + 1;
    sheet.getRange(4, link).setValues([["https://docs.google.com/document/d/abc/edit"]]);
    expect(inspect(env.spreadsheet, TODAY)!.letters).toEqual([
      { label: "Surat Keterangan Pengaktifan Kembali PBI-JK", text: "https://docs.google.com/document/d/abc/edit" },
    ]);
    configureOffice(env, { profile: "pangkalpinang-reaktivasi", roles: [[KABID, "kabid"]] });
    sheet.getRange(4, link).setValues([[" https://docs.google.com/document/d/abc/edit \nhttps://docs.google.com/document/d/def/edit"]]);
    expect(inspect(env.spreadsheet, TODAY)!.letters).toEqual([
      { label: "Surat Rekomendasi Reaktivasi PBI-JK", text: "https://docs.google.com/document/d/abc/edit" },
      { label: "Surat Keterangan SIKS-NG", text: "https://docs.google.com/document/d/def/edit" },
    ]);
  });

  test("a header row, a blank row and a sheet that is not a request sheet show nothing", () => {
    as(OPERATOR);
    select(1);
    expect(inspect(env.spreadsheet, TODAY)).toBeNull();
    select(40);
    expect(inspect(env.spreadsheet, TODAY)).toBeNull();
    const log = env.spreadsheet.getSheetByName("Log")!;
    env.setSelection(log.getRange("A2"));
    expect(inspect(env.spreadsheet, TODAY)).toBeNull();
  });
});

describe("actions offered on a row: the workflow guard for the caller's roles", () => {
  beforeEach(() => office());
  const offered = (user: string, row: number) => {
    as(user);
    select(row);
    return inspect(env.spreadsheet, TODAY)!.actions.map((a) => a.id);
  };

  test("the operator may check and draft a Draf row, close an incomplete one; Kabid and BPJS get neither", () => {
    expect(offered(OPERATOR, 2)).toEqual(["check", "draft"]);
    expect(offered(OPERATOR, 3)).toEqual(["check", "return"]);
    expect(offered(OPERATOR, 4)).toEqual(["check"]);
    expect(offered(KABID, 2)).toEqual([]);
    expect(offered(BPJS, 2)).toEqual([]);
  });

  test("a row back in Perbaikan offers Perbarui Draf Surat (the same document is updated)", () => {
    setStage(2, "Perbaikan");
    as(OPERATOR);
    select(2);
    expect(inspect(env.spreadsheet, TODAY)!.actions.map((a) => a.label)).toEqual(["Periksa", "Perbarui Draf Surat"]);
  });

  describe("with the approval moves wired in", () => {
    const saved = { ...ROW_ACTIONS };
    const stub: RowAction = () => "ok";
    beforeEach(() => Object.assign(ROW_ACTIONS, { approve: stub, return: stub, handOver: stub, reopen: stub }));
    afterEach(() => Object.assign(ROW_ACTIONS, saved));

    test("each role gets the moves of its own stage only", () => {
      expect(offered(KABID, 4)).toEqual(["approve", "return"]);
      expect(offered(SIGNER, 4)).toEqual([]);
      expect(offered(SIGNER, 5)).toEqual(["approve", "return"]);
      expect(offered(KABID, 5)).toEqual([]);
      expect(offered(OPERATOR, 6)).toEqual(["check", "handOver"]);
      // The operator closes an incomplete file (Dikembalikan), with a note the panel asks for.
      as(OPERATOR);
      select(3);
      expect(inspect(env.spreadsheet, TODAY)!.actions.find((a) => a.id === "return")).toEqual({ id: "return", label: "Kembalikan", needsNote: true });
    });

    test("Setujui on a row no longer eligible is not offered (the guard refuses it)", () => {
      sheet.getRange(4, headerIndex(sheet).get("Dok. KTP")! + 1).setValues([[false]]);
      expect(offered(KABID, 4)).toEqual(["return"]);
      as(KABID);
      expect(inspect(env.spreadsheet, TODAY)!.warning).toContain("bukan \"Layak\"");
    });

    test("runAction passes the rows found by ID and the note to the registered action", () => {
      const seen: [number[] | null, string | undefined][] = [];
      ROW_ACTIONS.return = (_ss, rows, note) => {
        seen.push([rows, note]);
        return "dikembalikan";
      };
      as(KABID);
      expect(runAction(env.spreadsheet, "return", "Permohonan", [{ row: 99, id: ids()[2]! }], "  NIK salah ketik  ")).toBe("dikembalikan");
      expect(seen).toEqual([[[4], "NIK salah ketik"]]);
    });
  });

  test("an action not available is refused by the server, even when called directly", () => {
    const saved = ROW_ACTIONS.approve;
    ROW_ACTIONS.approve = null;
    try {
      as(KABID);
      expect(sidebarApi.apiRunAction("approve", "Permohonan", [{ row: 4, id: ids()[2]! }], "")).toEqual({
        ok: false, message: expect.stringContaining("belum tersedia"),
      });
    } finally {
      ROW_ACTIONS.approve = saved;
    }
  });

  test("Setujui from the panel runs the real move: the Kabid's paraf is stamped and logged", () => {
    as(KABID);
    const result = sidebarApi.apiRunAction("approve", "Permohonan", [{ row: 4, id: ids()[2]! }], "");
    expect(result).toEqual({ ok: true, value: expect.stringContaining("1") });
    expect(column(sheet, "Paraf Oleh")[2]).toBe(KABID);
    expect(column(env.spreadsheet.getSheetByName("Log")!, "ID Permohonan")).toContain(ids()[2]);
  });
});

describe("every API function checks the caller's role on the server", () => {
  beforeEach(() => office());

  test("a user not in the role table gets nothing, from any function", () => {
    as(STRANGER);
    select(2);
    const id = ids()[0]!;
    const calls: [string, () => unknown][] = [
      ["apiCheckAll", () => sidebarApi.apiCheckAll()],
      ["apiPanel", () => sidebarApi.apiPanel()],
      ["apiInspect", () => sidebarApi.apiInspect()],
      ["apiSelectRow", () => sidebarApi.apiSelectRow("Permohonan", id)],
      ["apiDraftPlan", () => sidebarApi.apiDraftPlan()],
      ["apiRunAction", () => sidebarApi.apiRunAction("check", null, null, "")],
    ];
    expect(calls.map(([name]) => name).sort()).toEqual(Object.keys(sidebarApi).sort());
    for (const [name, fn] of calls) {
      expect({ name, result: fn() }).toEqual({ name, result: { ok: false, message: expect.stringContaining(`${STRANGER} belum terdaftar`) } });
    }
    expect(column(sheet, "Tahap")[0]).toBe("Draf");
  });

  test("a spreadsheet without Pengaturan: every function says the admin runs Siapkan Sheet", () => {
    env.spreadsheet.deleteSheet(env.spreadsheet.getSheetByName("Pengaturan")!);
    as(OPERATOR);
    for (const result of [sidebarApi.apiPanel(), sidebarApi.apiInspect(), sidebarApi.apiDraftPlan()]) {
      expect(result).toEqual({ ok: false, message: expect.stringContaining("Minta admin menjalankan menu PBI-JK › Siapkan Sheet") });
      if (!result.ok) expect(result.message).toContain('sheet "Pengaturan" belum ada');
    }
  });

  test("without a readable e-mail every function is refused with the reason", () => {
    as("");
    expect(sidebarApi.apiInspect()).toEqual({ ok: false, message: NO_EMAIL });
    expect(sidebarApi.apiRunAction("draft", null, null, "")).toEqual({ ok: false, message: NO_EMAIL });
  });

  test("the Kabid cannot draft or check, even by calling the functions straight from the browser", () => {
    as(KABID);
    select(2);
    const id = ids()[0]!;
    expect(sidebarApi.apiRunAction("draft", "Permohonan", [{ row: 2, id }], "")).toEqual({ ok: false, message: expect.stringContaining("Buat Draf Surat hanya untuk peran Operator") });
    expect(sidebarApi.apiDraftPlan()).toEqual({ ok: false, message: expect.stringContaining("hanya untuk peran Operator") });
    expect(sidebarApi.apiCheckAll()).toEqual({ ok: false, message: expect.stringContaining("Periksa Semua hanya untuk peran Operator, Verifikator, Admin") });
    expect(sidebarApi.apiRunAction("check", null, null, "")).toEqual({ ok: false, message: expect.stringContaining("hanya untuk peran") });
    expect(cellOf(sheet, 2, "Tahap")).toBe("Draf");
    expect(docs.documents.size).toBe(0);
  });

  test("whatever the browser sends, apiRunAction answers in Indonesian and never crashes", () => {
    as(OPERATOR);
    // Only the header row selected: a call meaning "the selection" has no rows either.
    select(1);
    const before = JSON.stringify(sheet.getDataRange().getValues());
    fc.assert(fc.property(
      fc.oneof(fc.constantFrom("check", "draft", "approve", "__proto__", "toString"), fc.anything()),
      fc.oneof(fc.constant("Permohonan"), fc.anything()),
      fc.oneof(fc.array(fc.record({ row: fc.integer(), id: fc.string() }), { maxLength: 3 }), fc.anything()),
      fc.anything(),
      (action, sheetName, refs, note) => {
        // A row given by number only while its ID cell is blank: none here, so nothing is ever run.
        const result = sidebarApi.apiRunAction(action as never, sheetName as never, refs as never, note as never);
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.message).not.toContain("tak terduga");
      },
    ), { numRuns: 150 });
    expect(JSON.stringify(sheet.getDataRange().getValues())).toBe(before);
  });

  test("whatever the browser sends, apiSelectRow answers in Indonesian and never crashes", () => {
    as(OPERATOR);
    fc.assert(fc.property(
      fc.oneof(fc.constant("Permohonan"), fc.anything()),
      fc.oneof(fc.constantFrom("", " ", "PBI-2026-99999"), fc.anything()),
      (sheetName, id) => {
        const result = sidebarApi.apiSelectRow(sheetName as never, id as never);
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.message).not.toContain("tak terduga");
      },
    ), { numRuns: 150 });
  });

  test("an object whose toString is not a function, as sheet, ID or row, gets an Indonesian answer", () => {
    as(OPERATOR);
    select(1);
    const odd = { toString: 0 };
    const bare = Object.create(null) as object;
    // fast-check's counterexample (seed 287289463), kept as a fixed example.
    const answers = [
      sidebarApi.apiRunAction("check", odd as never, [{ row: 0, id: "" }], [] as never),
      sidebarApi.apiRunAction("check", bare as never, [{ row: 0, id: "" }], ""),
      sidebarApi.apiSelectRow(odd as never, "x"),
      sidebarApi.apiSelectRow("Permohonan", odd as never),
      sidebarApi.apiSelectRow("Permohonan", bare as never),
      sidebarApi.apiSelectRow(bare as never, bare as never),
    ];
    for (const answer of answers) {
      expect(answer).toEqual({ ok: false, message: expect.stringMatching(/Muat ulang panel/) });
      if (!answer.ok) expect(answer.message).not.toContain("tak terduga");
    }
  });

  test("an unknown action or malformed rows from the browser are refused, not run", () => {
    as(OPERATOR);
    expect(sidebarApi.apiRunAction("constructor" as never, null, null, "")).toEqual({ ok: false, message: "Tindakan tidak dikenal. Muat ulang panel." });
    expect(sidebarApi.apiRunAction("check", "Pengaturan", [{ row: 2, id: "" }], "")).toEqual({ ok: false, message: expect.stringContaining("tidak ditemukan") });
    expect(sidebarApi.apiRunAction("check", "Permohonan", [{ row: 2, id: "" }], "")).toEqual({ ok: false, message: expect.stringContaining("Baris 2 sudah berubah") });
    expect(sidebarApi.apiRunAction("check", "Permohonan", [{ row: 2, id: "PBI-2026-99999" }], "")).toEqual({ ok: false, message: expect.stringContaining("PBI-2026-99999 tidak ditemukan") });
  });
});

describe("queues per role", () => {
  beforeEach(() => office());
  const queues = (user: string): PanelState => {
    as(user);
    return panelState(env.spreadsheet, TODAY);
  };
  const names = (state: PanelState) => Object.fromEntries(state.queues.map((q) => [q.title, q.items.map((i) => i.name)]));

  test("Kabid: waiting for my paraf, urgent, deadline within 14 days", () => {
    expect(names(queues(KABID))).toEqual({ "Menunggu paraf saya": ["Citra"], Mendesak: ["Citra"], "Batas ≤ 14 hari": ["Citra"] });
  });

  test("signer: ready to sign", () => {
    expect(names(queues(SIGNER))["Siap ditandatangani"]).toEqual(["Dedi"]);
    expect(names(queues(SIGNER))["Menunggu paraf saya"]).toBeUndefined();
  });

  test("operator: not handed over yet and waiting for BPJS; BPJS staff only the latter", () => {
    const operator = names(queues(OPERATOR));
    expect(operator["Belum diserahkan"]).toEqual(["Eka"]);
    expect(operator["Menunggu hasil BPJS"]).toEqual(["Fajar"]);
    expect(names(queues(BPJS))).toEqual({ "Menunggu hasil BPJS": ["Fajar"] });
  });

  test("operator: rows to draft, rows returned for correction (with the note's presence), and the operator's own Setujui", () => {
    // The signer returns Dedi's letter with a note; Eka is put back in Perbaikan by hand, without one.
    as(SIGNER);
    expect(runAction(env.spreadsheet, "return", "Permohonan", [{ row: 5, id: ids()[3]! }], "Tanggal surat salah")).toContain("1 permohonan");
    setStage(6, "Perbaikan");
    const operator = queues(OPERATOR);
    expect(names(operator)).toMatchObject({
      // Budi (no KTP) waits in no drafting queue: the guard would refuse him.
      "Siap dibuatkan draf surat": ["Siti Aminah"],
      "Dikembalikan untuk perbaikan": ["Dedi", "Eka"],
      "Menunggu Setujui saya": [],
    });
    const returned = operator.queues.find((q) => q.title === "Dikembalikan untuk perbaikan")!.items;
    expect(returned.map((i) => [i.name, i.returnNote])).toEqual([["Dedi", true], ["Eka", false]]);
    // Presence only: the note's text stays in the sheet.
    expect(JSON.stringify(operator)).not.toContain("Tanggal surat salah");
    expect(names(queues(KABID))["Dikembalikan untuk perbaikan"]).toBeUndefined();
  });

  test.each([["minsel", "Penomoran dan Stempel"], ["bandung", "Input ke BPJS"]])(
    "operator (%s): a row at %s waits in Menunggu Setujui saya; other roles do not see it there", (profile, stage) => {
      configureOffice(env, { profile, roles: [[OPERATOR, "operator"], [KABID, "kabid"], [SIGNER, "signer"]] });
      writeRows(sheet, [eligibleFor(profile, "Dedi", 4, { "ID Permohonan": ids()[3], Tahap: stage })], 5);
      expect(names(queues(OPERATOR))["Menunggu Setujui saya"]).toEqual(["Dedi"]);
      expect(names(queues(KABID))["Menunggu paraf saya"] ?? []).not.toContain("Dedi");
      expect(names(queues(SIGNER))["Siap ditandatangani"] ?? []).not.toContain("Dedi");
    });

  test("queues show masked NIKs only, and no KK", () => {
    for (const user of [OPERATOR, KABID, SIGNER, BPJS]) {
      const text = JSON.stringify(queues(user));
      for (let n = 1; n <= 6; n++) expect(text).not.toContain(nik(n));
      expect(text).not.toContain(KK);
    }
    expect(queues(KABID).queues[0]!.items[0]!.maskedNik).toBe("3273********0003");
  });

  test("the panel lists the actions the caller's roles allow", () => {
    expect(queues(OPERATOR).actions).toEqual(["check", "draft", "approve", "return", "handOver", "reopen", "integrity"]);
    expect(queues(KABID).actions).toEqual(["approve", "return", "integrity"]);
    expect(queues("admin@dinsos.go.id").actions).toEqual(["check", "integrity"]);
  });
});

describe("selecting and acting by request ID", () => {
  beforeEach(() => office());

  test("clicking a queue item selects its row, found by ID after the sheet was sorted", () => {
    as(KABID);
    const id = ids()[2]!;
    // Someone sorts: Citra's row moves from 4 to 2.
    const range = sheet.getRange(2, 1, 6, sheet.getLastColumn());
    const values = range.getValues();
    range.setValues([values[2]!, values[0]!, values[1]!, values[3]!, values[4]!, values[5]!]);
    const row = selectRow(env.spreadsheet, "Permohonan", id, TODAY)!;
    expect(row).toMatchObject({ row: 2, id, name: "Citra" });
    expect(env.spreadsheet.getActiveRange()!.getRow()).toBe(2);
    expect(env.spreadsheet.getActiveSheet().getName()).toBe("Permohonan");
  });

  test("batch drafting: the plan lists draftable rows and refusals; each chunk drafts only its rows", () => {
    as(OPERATOR);
    env.setSelection(sheet.getRange(2, 1, 6, 1));
    const plan = draftPlan(env.spreadsheet, TODAY);
    expect(plan.rows).toEqual([{ row: 2, id: ids()[0] }]);
    expect(plan.refused.join("\n")).toContain("Baris 3");
    expect(plan.refused).toHaveLength(5);
    // A chunk names the rows: the selection does not matter any more.
    select(5);
    expect(runAction(env.spreadsheet, "draft", plan.sheet, plan.rows, "")).toContain("1 draf surat dibuat");
    expect(cellOf(sheet, 2, "Tahap")).toBe("Paraf Kabid");
    expect(cellOf(sheet, 5, "Tahap")).toBe("Tanda Tangan");
  });

  test("Periksa on the inspector's row checks that row", () => {
    as(OPERATOR);
    sheet.getRange(3, headerIndex(sheet).get("Dok. KTP")! + 1).setValues([[true]]);
    const message = runAction(env.spreadsheet, "check", "Permohonan", [{ row: 3, id: ids()[1]! }], "");
    expect(message).toContain("1 permohonan diperiksa");
    expect(cellOf(sheet, 3, "Keputusan")).toBe("Layak");
  });
});

test("inspector type keeps the XSS name as data", () => {
  const xss = "<img src=x onerror=alert(1)>";
  checkedRows(env, sheet, [eligible(xss, 1)], TODAY);
  as(OPERATOR);
  select(2);
  const row: Inspector = inspect(env.spreadsheet, TODAY)!;
  expect(row.name).toBe(xss);
});

test("the inspector and the queues read each sheet in a fixed number of calls, whatever the row count", () => {
  const cost = (count: number) => {
    const rows = Array.from({ length: count }, (_, i) => eligible(`P${i}`, i + 1));
    checkedRows(env, sheet, rows, TODAY);
    as(OPERATOR);
    select(2);
    env.resetCalls();
    inspect(env.spreadsheet, TODAY);
    const inspector = env.ioCalls();
    env.resetCalls();
    panelState(env.spreadsheet, TODAY);
    return [inspector, env.ioCalls()];
  };
  const small = cost(3);
  expect(cost(60)).toEqual(small);
  expect(small[0]).toBeLessThanOrEqual(6);
});

describe("the panel's drafting report (sidebar/report.ts)", () => {
  const stage = (s: string) => `Buat Draf Surat hanya untuk permohonan di tahap "Draf" atau "Perbaikan"; tahap sekarang "${s}".`;

  test("identical reasons become one line with the count and the first rows; a single one keeps its row and ID", () => {
    const lines = [
      ...Array.from({ length: 10 }, (_, i) => `Baris ${i + 12} (PBI-2026-${String(i + 12).padStart(5, "0")}): ${stage("Diperiksa")}`),
      `• Baris 30 (PBI-2026-00030): ${stage("Siap Diserahkan")}`,
      `• Baris 31: belum punya ID Permohonan: jalankan Periksa Semua dulu.`,
      `• Baris 40 (PBI-2026-00040): ${stage("Siap Diserahkan")}`,
      "Kuota Google Docs akun ini untuk hari ini habis (Service invoked too many times).",
    ];
    expect(draftReport(5, lines, 0)).toEqual({
      summary: "5 draf dibuat; 13 baris dilewati",
      details: [
        `• ${stage("Diperiksa")} (10 baris: 12, 13, 14, 15, 16, 17, 18, 19, …)`,
        `• ${stage("Siap Diserahkan")} (2 baris: 30, 40)`,
        "• Baris 31: belum punya ID Permohonan: jalankan Periksa Semua dulu.",
        "Kuota Google Docs akun ini untuk hari ini habis (Service invoked too many times).",
      ],
    });
  });

  test("rows never sent because the run stopped are counted apart; no refusal says so plainly", () => {
    expect(draftReport(5, [], 10).summary).toBe("5 draf dibuat; 0 baris dilewati; 10 baris belum diproses");
    expect(draftReport(0, [""], 0)).toEqual({ summary: "0 draf dibuat; 0 baris dilewati", details: [] });
  });
});
