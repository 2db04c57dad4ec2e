import * as vm from "node:vm";
import { type FakeEnv, createFakeServices, installFakes, sheetFromRows } from "./fakes";

let fake: FakeEnv;

beforeEach(() => {
  fake = installFakes();
});
afterEach(() => {
  fake.uninstall();
});

const sheet1 = () => SpreadsheetApp.getActiveSpreadsheet().getSheetByName("Sheet1")!;

describe("globals and spreadsheet", () => {
  test("installs a fresh spreadsheet with one sheet", () => {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    expect(ss.getName()).toBe("Permohonan PBI-JK");
    expect(ss.getId()).toBe("ss-1");
    expect(ss.getSheets().map((s) => s.getName())).toEqual(["Sheet1"]);
    expect(SpreadsheetApp.getActive()).toBe(ss);
    expect(ss.getSpreadsheetTimeZone()).toBe("Asia/Jakarta");
    expect(ss.getSpreadsheetLocale()).toBe("id_ID");
    const sh = sheet1();
    expect([sh.getMaxRows(), sh.getMaxColumns(), sh.getLastRow(), sh.getLastColumn()]).toEqual([1000, 26, 0, 0]);
  });

  test("insertSheet refuses a taken name (case-insensitively) and activates the new sheet", () => {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    expect(() => ss.insertSheet("sheet1")).toThrow('A sheet with the name "sheet1" already exists. Please enter another name.');
    const data = ss.insertSheet("Data", 0);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(["Data", "Sheet1"]);
    expect(ss.getActiveSheet().getName()).toBe("Data");
    ss.deleteSheet(data);
    expect(ss.getSheetByName("Data")).toBeNull();
    expect(() => ss.deleteSheet(sheet1())).toThrow(/all the visible sheets/);
  });

  test("ranges outside the sheet throw like Apps Script; inserting rows grows it", () => {
    const sh = sheet1();
    expect(() => sh.getRange(1001, 1)).toThrow("The coordinates of the range are outside the dimensions of the sheet.");
    expect(() => sh.getRange(2, 1, 0, 3)).toThrow("The number of rows in the range must be at least 1.");
    sh.insertRowsAfter(1000, 5);
    sh.getRange(1005, 26).setValue("x");
    expect(sh.getMaxRows()).toBe(1005);
    expect(sh.getLastRow()).toBe(1005);
    expect(sh.getRange("B2:D4").getA1Notation()).toBe("B2:D4");
    expect(sh.getRange("C3").getA1Notation()).toBe("C3");
    expect(sh.getRange("A:B").getNumRows()).toBe(1005);
    expect(sh.getRange(2, 2, 3, 3).offset(1, 1, 1, 1).getA1Notation()).toBe("C3");
  });
});

describe("values", () => {
  test("2-D setters reject a shape mismatch with Apps Script's wording", () => {
    const r = sheet1().getRange(1, 1, 2, 3);
    expect(() => r.setValues([[1, 2, 3]])).toThrow(
      "The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.",
    );
    expect(() => r.setValues([[1, 2, 3], [4, 5]])).toThrow(
      "The number of columns in the data does not match the number of columns in the range. The data has 2 but the range has 3.",
    );
    expect(() => r.setNumberFormats([["@", "@", "@"]])).toThrow(/rows in the data .* The data has 1 but the range has 2\./);
    expect(() => r.setBackgrounds([["#fff"], ["#fff"]])).toThrow(/columns in the data .* The data has 1 but the range has 3\./);
    expect(() => r.setNotes([])).toThrow(/The data has 0 but the range has 2\./);
    expect(() => r.setDataValidations([[null, null, null]])).toThrow(/The data has 1 but the range has 2\./);
  });

  test("leading zeros survive only in '@' cells", () => {
    const sh = sheet1();
    sh.getRange("A1").setNumberFormat("@").setValue("0812345678");
    sh.getRange("B1").setValue("0812345678");
    expect(sh.getRange("A1:B1").getValues()).toEqual([["0812345678", 812345678]]);
    expect(sh.getRange("A1:B1").getDisplayValues()).toEqual([["0812345678", "812345678"]]);
  });

  test("16-digit NIK in an automatic cell loses precision and shows in scientific notation", () => {
    const sh = sheet1();
    sh.getRange("A1:A3").setValues([["9171012345678901"], ["3273010101900001"], [1e15]]);
    const [[nik]] = sh.getRange("A1").getValues() as [[unknown]];
    expect(typeof nik).toBe("number");
    expect(String(nik)).not.toBe("9171012345678901");
    expect(nik).toBe(9171012345678900);
    expect(sh.getRange("A1:A3").getDisplayValues()).toEqual([["9.17101E+15"], ["3.27301E+15"], ["1E+15"]]);
    // A "0" format shows every digit the double still has.
    sh.getRange("A1").setNumberFormat("0");
    expect(sh.getRange("A1").getDisplayValue()).toBe("9171012345678900");
    // An "@" cell keeps the text exactly.
    sh.getRange("B1").setNumberFormat("@").setValue("9171012345678901");
    expect(sh.getRange("B1").getValue()).toBe("9171012345678901");
  });

  test("typed-input parsing: numbers, booleans, apostrophes, formulas", () => {
    const sh = sheet1();
    sh.getRange(1, 1, 1, 7).setValues([["-1.5", "3.27301E+15", "true", "FALSE", "'0123", "=A1*2", "12 kg"]]);
    expect(sh.getRange(1, 1, 1, 7).getValues()).toEqual([[-1.5, 3.27301e15, true, false, "0123", "=A1*2", "12 kg"]]);
    expect(sh.getRange(1, 1, 1, 7).getFormulas()).toEqual([["", "", "", "", "", "=A1*2", ""]]);
    expect(sh.getRange(1, 3, 1, 2).getDisplayValues()).toEqual([["TRUE", "FALSE"]]);
    sh.getRange("H1").setValue(null);
    expect(sh.getRange("H1").getValue()).toBe("");
    expect(() => sh.getRange("H1").setValue({ a: 1 })).toThrow(/Cannot store a object/);
  });

  test("number formats made of zeros pad; automatic numbers render like Sheets", () => {
    const sh = sheet1();
    sh.getRange("A1:A4").setValues([[42], [0.1 + 0.2], [Math.PI], [123456]]);
    sh.getRange("A1").setNumberFormat("0000000000000");
    expect(sh.getRange("A1:A4").getDisplayValues()).toEqual([["0000000000042"], ["0.3"], ["3.141592654"], ["123456"]]);
    sh.getRange("A4").setNumberFormat("0.00");
    expect(sh.getRange("A4").getDisplayValue()).toBe("123456.00");
    expect(sh.getRange("A4").getNumberFormat()).toBe("0.00");
    expect(sh.getRange("A2").getNumberFormat()).toBe("0.###############");
    sh.getRange("A4").setNumberFormat("#,##0");
    expect(() => sh.getRange("A4").getDisplayValue()).toThrow('Number format "#,##0" is not modelled');
  });

  test("dates display per cell format and spreadsheet time zone", () => {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const sh = sheet1();
    const instant = new Date("2026-01-31T17:30:00Z"); // 2026-02-01 00:30 in Jakarta
    sh.getRange("A1:C1").setValues([[instant, instant, new Date("2026-01-31T17:00:00Z")]]);
    sh.getRange("B1").setNumberFormat("yyyy-mm-dd hh:mm");
    expect(sh.getRange("A1:C1").getDisplayValues()).toEqual([["01/02/2026 00:30:00", "2026-02-01 00:30", "01/02/2026"]]);
    const back = sh.getRange("A1").getValue() as Date;
    expect(back).toBeInstanceOf(Date);
    expect(back.getTime()).toBe(instant.getTime());
    sh.getRange("A1").setNumberFormat("d mmmm yyyy");
    expect(sh.getRange("A1").getDisplayValue()).toBe("1 Februari 2026");
    ss.setSpreadsheetTimeZone("UTC");
    expect(sh.getRange("C1").getDisplayValue()).toBe("31/01/2026 17:00:00");
  });

  test("numbers in date-formatted cells are Sheets serial days", () => {
    const sh = sheet1();
    sh.getRange("A1").setNumberFormat("dd/mm/yyyy").setValue(46054);
    expect(sh.getRange("A1").getDisplayValue()).toBe("01/02/2026");
    const d = sh.getRange("A1").getValue() as Date;
    expect(d.toISOString()).toBe("2026-01-31T17:00:00.000Z"); // midnight in Jakarta
  });

  test("parseTypedDates: written text that reads as a date is a date, by the spreadsheet's locale", () => {
    const typed = (locale: string) => {
      const env = createFakeServices({ locale, parseTypedDates: true });
      const sh = env.spreadsheet.getSheets()[0]!;
      sh.getRange("B1:B5").setNumberFormat("@");
      sh.getRange("A1:B5").setValues([
        ["2026-12-01", "2026-12-01"], ["01/12/2026", "01/12/2026"], ["23/11/2026", "x"], ["2026-11-24 10:00", "x"], ["31/02/2026", "x"],
      ]);
      const jakarta = (v: unknown) => (v instanceof Date ? env.services.Utilities.formatDate(v, "Asia/Jakarta", "yyyy-MM-dd HH:mm") : v);
      return sh.getRange("A1:B5").getValues().map((r) => r.map(jakarta));
    };
    expect(typed("id_ID")).toEqual([
      ["2026-12-01 00:00", "2026-12-01"], ["2026-12-01 00:00", "01/12/2026"], ["2026-11-23 00:00", "x"], ["2026-11-24 10:00", "x"], ["31/02/2026", "x"],
    ]);
    // en_US reads month first: 01/12 is 12 January, and 23/11 is no date at all.
    expect(typed("en_US").map((r) => r[0])).toEqual(["2026-12-01 00:00", "2026-01-12 00:00", "23/11/2026", "2026-11-24 10:00", "31/02/2026"]);
    // Off by default: the text stays as written.
    const plain = createFakeServices().spreadsheet.getSheets()[0]!;
    plain.getRange("A1").setValue("2026-12-01");
    expect(plain.getRange("A1").getValue()).toBe("2026-12-01");
  });

  test("checkboxes read as booleans", () => {
    const sh = sheet1();
    sh.getRange("A1:A3").setValues([[""], ["TRUE"], ["false"]]);
    sh.getRange("A1:A3").insertCheckboxes();
    expect(sh.getRange("A1:A3").getValues()).toEqual([[false], [true], [false]]);
    expect(sh.getRange("A1:A3").getDisplayValues()).toEqual([["FALSE"], ["TRUE"], ["FALSE"]]);
    expect(sh.getLastRow()).toBe(3);
    const rule = SpreadsheetApp.newDataValidation().requireCheckbox().build();
    sh.getRange("B1").setDataValidation(rule);
    expect(sh.getRange("B1").getValue()).toBe(false);
    expect(String(sh.getRange("B1").getDataValidation()?.getCriteriaType())).toBe(
      String(SpreadsheetApp.DataValidationCriteria.CHECKBOX),
    );
    sh.getRange("A2").clearContent();
    expect(sh.getRange("A2").getValue()).toBe(false);
  });

  test("data validation and conditional format builders", () => {
    const sh = sheet1();
    const list = SpreadsheetApp.newDataValidation()
      .requireValueInList(["Ya", "Tidak"], true)
      .setAllowInvalid(false)
      .setHelpText("Pilih Ya/Tidak")
      .build();
    sh.getRange("C2:C3").setDataValidation(list);
    const got = sh.getRange("C3").getDataValidations()[0]![0]!;
    expect(got.getCriteriaType()).toBe(SpreadsheetApp.DataValidationCriteria.VALUE_IN_LIST);
    expect(got.getCriteriaValues()).toEqual([["Ya", "Tidak"], true]);
    expect([got.getAllowInvalid(), got.getHelpText()]).toEqual([false, "Pilih Ya/Tidak"]);
    sh.getRange("C2").setDataValidation(null);
    expect(sh.getRange("C2").getDataValidation()).toBeNull();
    expect(SpreadsheetApp.newDataValidation().requireDate().build().getCriteriaType()).toBe(
      SpreadsheetApp.DataValidationCriteria.DATE_IS_VALID_DATE,
    );

    const rule = SpreadsheetApp.newConditionalFormatRule()
      .whenTextEqualTo("TIDAK LAYAK")
      .setBackground("#f4cccc")
      .setFontColor("#990000")
      .setRanges([sh.getRange("D2:D100")])
      .build();
    sh.setConditionalFormatRules([rule]);
    const [stored] = sh.getConditionalFormatRules();
    expect(stored!.getRanges().map((r) => r.getA1Notation())).toEqual(["D2:D100"]);
    const cond = stored!.getBooleanCondition()!;
    expect([cond.getCriteriaValues(), cond.getBackground(), cond.getFontColor()]).toEqual([["TIDAK LAYAK"], "#f4cccc", "#990000"]);
  });

  test("formats, notes and backgrounds round-trip", () => {
    const r = sheet1().getRange("A1:B1");
    r.setBackground("#FFF").setNote("cek").setFontWeight("bold").setWrap(true).setHorizontalAlignment("center");
    expect(r.getBackgrounds()).toEqual([["#ffffff", "#ffffff"]]);
    r.setBackgrounds([["#FF0000", null]]);
    expect(r.getBackgrounds()).toEqual([["#ff0000", "#ffffff"]]);
    expect(r.getNotes()).toEqual([["cek", "cek"]]);
    r.clearNote();
    expect(r.getNotes()).toEqual([["", ""]]);
    r.setValue("x").clear();
    expect([r.getValues(), r.getBackgrounds()]).toEqual([[["", ""]], [["#ffffff", "#ffffff"]]]);
  });
});

describe("call counting", () => {
  test("a read plus a write is two round-trips; getters are not I/O", () => {
    const sh = sheet1();
    fake.resetCalls();
    const r = sh.getRange(1, 1, 2, 2);
    expect(fake.ioCalls()).toBe(0);
    r.setValues(r.getValues());
    expect(fake.ioCalls()).toBe(2);
    expect(fake.ioCalls("Sheet1")).toBe(2);
    expect(fake.ioCalls("Other")).toBe(0);
    sh.getLastRow();
    expect(fake.calls).toEqual([
      { target: "Sheet", sheet: "Sheet1", method: "getRange" },
      { target: "Range", sheet: "Sheet1", method: "getValues", a1: "A1:B2" },
      { target: "Range", sheet: "Sheet1", method: "setValues", a1: "A1:B2" },
      { target: "Sheet", sheet: "Sheet1", method: "getLastRow" },
    ]);
    sh.insertColumnAfter(1);
    sh.setFrozenRows(1);
    expect(fake.ioCalls()).toBe(4);
    fake.resetCalls();
    expect(fake.calls).toHaveLength(0);
  });

  test("sheetFromRows leaves no trace in the log and keeps the active sheet", () => {
    sheet1().getRange("A1").getValue();
    const before = [...fake.calls];
    const sh = sheetFromRows(fake.spreadsheet, "Data", [["NIK", "Nama"], ["0012", "Budi"], ["3273010101900001"]], {
      textColumns: [1],
    });
    expect(fake.calls).toEqual(before);
    expect(SpreadsheetApp.getActiveSpreadsheet().getActiveSheet().getName()).toBe("Sheet1");
    expect(sh.getDataRange().getValues()).toEqual([["NIK", "Nama"], ["0012", "Budi"], ["3273010101900001", ""]]);
  });
});

describe("structure", () => {
  test("sort moves whole rows (values, notes, backgrounds, validations) below frozen rows", () => {
    const sh = sheetFromRows(fake.spreadsheet, "Data", [["Nama", "Umur"], ["Citra", 30], ["Adi", 41], ["Budi", 25]]);
    sh.setFrozenRows(1);
    sh.getRange("A3").setNote("catatan Adi").setBackground("#00ff00");
    sh.sort(1);
    expect(sh.getRange("A1:B4").getValues()).toEqual([["Nama", "Umur"], ["Adi", 41], ["Budi", 25], ["Citra", 30]]);
    expect(sh.getRange("A1:A4").getNotes()).toEqual([[""], ["catatan Adi"], [""], [""]]);
    expect(sh.getRange("A2").getBackground()).toBe("#00ff00");
    sh.sort(2, false);
    expect(sh.getRange("A2:A4").getValues()).toEqual([["Adi"], ["Citra"], ["Budi"]]);
  });

  test("moveColumns moves values with their header and all cell state", () => {
    const sh = sheetFromRows(fake.spreadsheet, "Data", [["A", "B", "C", "D"], [1, 2, 3, 4]]);
    sh.getRange("A2").setNote("a-note");
    sh.moveColumns(sh.getRange("A1"), 4); // before old column D
    expect(sh.getRange("A1:D2").getValues()).toEqual([["B", "C", "A", "D"], [2, 3, 1, 4]]);
    expect(sh.getRange("C2").getNote()).toBe("a-note");
    sh.moveColumns(sh.getRange("C1:D1"), 1);
    expect(sh.getRange("A1:D1").getValues()).toEqual([["A", "D", "B", "C"]]);
  });

  test("deleting and inserting rows and columns shifts cell state", () => {
    const sh = sheetFromRows(fake.spreadsheet, "Data", [["h1", "h2"], ["r2", "x"], ["r3", "y"]]);
    sh.getRange("A3").setNote("n3");
    sh.deleteRows(2, 1);
    expect(sh.getMaxRows()).toBe(999);
    expect(sh.getRange("A2").getNote()).toBe("n3");
    sh.insertColumnsAfter(1, 2);
    expect(sh.getMaxColumns()).toBe(28);
    expect(sh.getRange("A1:D1").getValues()).toEqual([["h1", "", "", "h2"]]);
    sh.deleteColumns(2, 2);
    expect(sh.getRange("A2:B2").getValues()).toEqual([["r3", "y"]]);
    expect(() => sh.deleteRows(1, sh.getMaxRows())).toThrow("Sorry, it is not possible to delete all non-frozen rows.");
  });

  test("protections: sheet protect() returns the existing one; range protections list and remove", () => {
    const sh = sheet1();
    const p1 = sh.protect().setDescription("kunci");
    const p2 = sh.protect();
    expect(p2.getDescription()).toBe("kunci");
    expect(sh.getProtections(SpreadsheetApp.ProtectionType.SHEET)).toHaveLength(1);
    const pr = sh.getRange("B2:B10").protect().setDescription("kolom B").setWarningOnly(true);
    expect(pr.isWarningOnly()).toBe(true);
    expect(pr.getProtectionType()).toBe(SpreadsheetApp.ProtectionType.RANGE);
    const ranges = sh.getProtections(SpreadsheetApp.ProtectionType.RANGE);
    expect(ranges.map((p) => p.getRange().getA1Notation())).toEqual(["B2:B10"]);
    p1.addEditor("a@dinsos.go.id").addEditors(["b@dinsos.go.id"]).removeEditor("operator@dinsos.go.id");
    expect(p1.getEditors().map((u) => u.getEmail())).toEqual(["operator@dinsos.go.id", "a@dinsos.go.id", "b@dinsos.go.id"]);
    p1.setUnprotectedRanges([sh.getRange("C2:C5")]);
    expect(p1.getUnprotectedRanges().map((r) => r.getA1Notation())).toEqual(["C2:C5"]);
    p1.remove();
    pr.remove();
    expect(sh.getProtections(SpreadsheetApp.ProtectionType.SHEET)).toEqual([]);
    expect(sh.getProtections(SpreadsheetApp.ProtectionType.RANGE)).toEqual([]);
  });

  test("protected cells reject writes from users who are not editors", () => {
    const sh = sheet1();
    const p = sh.getRange("A1:A5").protect();
    sh.insertRowsBefore(1, 1);
    expect(p.getRange().getA1Notation()).toBe("A2:A6");
    // Until its editor list changes, a new protection mirrors the spreadsheet's sharing.
    fake.setUser("tamu@dinsos.go.id");
    sh.getRange("A2").setValue(1);
    expect(p.canEdit()).toBe(true);
    fake.setUser("operator@dinsos.go.id");
    p.removeEditors(p.getEditors());
    fake.setUser("tamu@dinsos.go.id");
    expect(p.canEdit()).toBe(false);
    expect(() => sh.getRange("A2").setValue(1)).toThrow(/protected cell/);
    sh.getRange("B2").setValue(1);
    p.setWarningOnly(true);
    sh.getRange("A2").setValue(1);
  });
});

describe("other services", () => {
  test("lock contention: tryLock false, waitLock throws", () => {
    const lock = LockService.getDocumentLock();
    expect(lock.tryLock(1000)).toBe(true);
    expect(lock.hasLock()).toBe(true);
    lock.releaseLock();
    fake.locks.document.heldByOther = true;
    expect(lock.tryLock(1000)).toBe(false);
    expect(() => lock.waitLock(30_000)).toThrow("Lock timeout: another process was holding the lock for too long.");
    expect(lock.hasLock()).toBe(false);
    expect(LockService.getScriptLock().tryLock(10)).toBe(true);
    expect(fake.locks.document.attempts.map((a) => a.acquired)).toEqual([true, false, false]);
  });

  test("properties are strings", () => {
    const props = PropertiesService.getDocumentProperties();
    props.setProperty("count", 5 as unknown as string);
    props.setProperties({ a: true as unknown as string, b: "x" });
    expect(props.getProperty("count")).toBe("5");
    expect(props.getProperties()).toEqual({ count: "5", a: "true", b: "x" });
    props.setProperties({ only: "1" }, true);
    expect(props.getKeys()).toEqual(["only"]);
    props.deleteProperty("only");
    expect(props.getProperty("only")).toBeNull();
    expect(PropertiesService.getScriptProperties().getKeys()).toEqual([]);
  });

  test("cache get/put/expiry", () => {
    const cache = CacheService.getScriptCache();
    cache.put("k", "v", 1);
    cache.putAll({ a: "1", b: "2" });
    expect(cache.getAll(["a", "b", "zz"])).toEqual({ a: "1", b: "2" });
    expect(cache.get("k")).toBe("v");
    const now = Date.now();
    const spy = jest.spyOn(Date, "now").mockReturnValue(now + 2000);
    expect(cache.get("k")).toBeNull();
    spy.mockRestore();
    cache.remove("a");
    expect(cache.get("a")).toBeNull();
  });

  test("Session users and time zone", () => {
    expect(Session.getActiveUser().getEmail()).toBe("operator@dinsos.go.id");
    fake.setUser("op@dinsos.go.id");
    expect(Session.getActiveUser().getEmail()).toBe("op@dinsos.go.id");
    expect(Session.getEffectiveUser().getEmail()).toBe("op@dinsos.go.id");
    expect(Session.getScriptTimeZone()).toBe("Asia/Jakarta");
    expect(Session.getTemporaryActiveUserKey()).toMatch(/^[\w-]{20,}$/);
  });

  test("Utilities.formatDate uses Java patterns in any zone", () => {
    const d = new Date("2026-01-31T17:30:00Z");
    expect(Utilities.formatDate(d, "Asia/Jakarta", "yyyy-MM-dd HH:mm")).toBe("2026-02-01 00:30");
    expect(Utilities.formatDate(d, "Asia/Jayapura", "d/M/yy H:mm:ss")).toBe("1/2/26 2:30:00");
    expect(Utilities.formatDate(d, "America/New_York", "dd MMM yyyy 'pukul' HH.mm Z")).toBe("31 Jan 2026 pukul 12.30 -0500");
    expect(Utilities.formatDate(d, "GMT+7", "yyyyMMdd'T'HHmm")).toBe("20260201T0030");
    expect(Utilities.getUuid()).toMatch(/^[0-9a-f-]{36}$/);
    Utilities.sleep(250);
    expect(fake.sleeps).toEqual([250]);
  });

  test("Ui records menus, alerts, sidebars; HtmlService reads registered files", () => {
    const ui = SpreadsheetApp.getUi();
    ui.createMenu("PBI-JK")
      .addItem("Periksa data", "checkData")
      .addSeparator()
      .addSubMenu(ui.createMenu("Lainnya").addItem("Bantuan", "showHelp"))
      .addToUi();
    expect(fake.ui.menus[0]).toEqual({
      name: "PBI-JK",
      items: [
        { kind: "item", caption: "Periksa data", functionName: "checkData" },
        { kind: "separator" },
        { kind: "submenu", menu: { name: "Lainnya", items: [{ kind: "item", caption: "Bantuan", functionName: "showHelp" }] } },
      ],
    });
    expect(ui.alert("Selesai")).toBe(ui.Button.OK);
    fake.ui.alertResponses.push(ui.Button.NO);
    expect(ui.alert("Hapus?", "Yakin?", ui.ButtonSet.YES_NO)).toBe(ui.Button.NO);
    expect(fake.ui.alerts.map((a) => [a.title, a.prompt])).toEqual([[null, "Selesai"], ["Hapus?", "Yakin?"]]);

    fake.htmlFiles.set("Sidebar", "<p>Halo</p>");
    const html = HtmlService.createHtmlOutputFromFile("Sidebar").setTitle("PBI-JK").append("<hr>");
    ui.showSidebar(html);
    expect(fake.ui.sidebars[0]!.getContent()).toBe("<p>Halo</p><hr>");
    expect(fake.ui.sidebars[0]!.getTitle()).toBe("PBI-JK");
    expect(() => HtmlService.createHtmlOutputFromFile("Missing")).toThrow("No HTML file named Missing was found.");
    const t = HtmlService.createTemplateFromFile("Sidebar");
    t.user = "x";
    expect(t.evaluate().getContent()).toBe("<p>Halo</p>");
    ui.showModalDialog(HtmlService.createHtmlOutput("<b>ok</b>"), "Dialog");
    expect(fake.ui.dialogs[0]!.title).toBe("Dialog");
    SpreadsheetApp.getActiveSpreadsheet().toast("Tersimpan", "PBI-JK");
    expect(fake.toasts).toEqual([{ message: "Tersimpan", title: "PBI-JK", timeoutSeconds: 5 }]);
  });

  test("active range and range list", () => {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    expect(ss.getActiveRange()!.getA1Notation()).toBe("A1");
    const data = sheetFromRows(ss, "Data", [["x"]]);
    fake.setSelection(data.getRange("A2:B3"), data.getRange("D5"));
    expect(ss.getActiveSheet().getName()).toBe("Data");
    expect(ss.getActiveRange()!.getA1Notation()).toBe("D5");
    expect(ss.getActiveRangeList()!.getRanges().map((r) => r.getA1Notation())).toEqual(["A2:B3", "D5"]);
  });
});

describe("loud failures and isolation", () => {
  test("an unmodelled method throws a clear error", () => {
    const r = sheet1().getRange("A1");
    expect(() => (r.setFontFamily as (f: string) => unknown)("Arial")).toThrow("FakeRange.setFontFamily is not modelled");
    expect(() => sheet1().appendRow(["x"])).toThrow("FakeSheet.appendRow is not modelled");
    expect(() => SpreadsheetApp.openById("x")).toThrow("FakeSpreadsheetApp.openById is not modelled");
    expect(() => SpreadsheetApp.BorderStyle).toThrow("FakeSpreadsheetApp.BorderStyle is not modelled");
  });

  test("fakes compare by identity in jest: equal ranges match, different ones do not", () => {
    const sh = sheet1();
    expect(sh.getRange("A1:B2")).toEqual(sh.getRange(1, 1, 2, 2));
    expect(sh.getRange("A1")).not.toEqual(sh.getRange("A2"));
    expect(sh.getDataRange().getSheet()).toEqual(sh);
    expect(SpreadsheetApp.newDataValidation().requireDate().build()).not.toEqual(
      SpreadsheetApp.newDataValidation().requireDate().build(),
    );
  });

  test("uninstall restores the previous globals", () => {
    fake.uninstall();
    expect((globalThis as { SpreadsheetApp?: unknown }).SpreadsheetApp).toBeUndefined();
    fake = installFakes(); // afterEach uninstalls again
  });

  test("services run inside a bare vm context", () => {
    const context = vm.createContext({});
    const handle = createFakeServices({ user: "vm@dinsos.go.id", dateConstructor: vm.runInContext("Date", context) });
    Object.assign(context, handle.services);
    const result = vm.runInContext(
      `const sh = SpreadsheetApp.getActiveSpreadsheet().getActiveSheet();
       sh.getRange(1, 1, 1, 3).setValues([["007", Session.getActiveUser().getEmail(), new Date(Date.UTC(2026, 0, 31, 17, 30))]]);
       const d = sh.getRange(1, 3).getValue();
       [sh.getRange(1, 1, 1, 2).getDisplayValues()[0].join("|"), d instanceof Date, Utilities.formatDate(d, "Asia/Jakarta", "dd-MM-yyyy")].join("|")`,
      context,
    );
    expect(result).toBe("7|vm@dinsos.go.id|true|01-02-2026");
    expect(handle.ioCalls()).toBe(3);
    expect(handle.services.SpreadsheetApp).not.toEqual(SpreadsheetApp);
  });
});
