/** Sheet and range protections. */
import { type Area, contains, overlaps } from "./a1";
import { exposeAs, makeEnum, makeUser, rawOf } from "./core";
import type { FakeRange } from "./range";
import type { FakeSheet } from "./sheet";

type Protection = GoogleAppsScript.Spreadsheet.Protection;
type ProtectionTypeEnum = GoogleAppsScript.Spreadsheet.ProtectionType;
type Range = GoogleAppsScript.Spreadsheet.Range;
type User = GoogleAppsScript.Base.User;

export const ProtectionType = makeEnum<typeof GoogleAppsScript.Spreadsheet.ProtectionType>(
  "SpreadsheetApp.ProtectionType",
  ["RANGE", "SHEET"],
);

const MEMBERS = [
  "getRange", "getDescription", "setDescription", "setWarningOnly", "isWarningOnly",
  "addEditor", "addEditors", "removeEditor", "removeEditors", "getEditors", "canEdit",
  "canDomainEdit", "setDomainEdit", "remove", "getProtectionType",
  "setUnprotectedRanges", "getUnprotectedRanges",
] as const;

function emailOf(editor: string | User): string {
  return typeof editor === "string" ? editor : editor.getEmail();
}

export class FakeProtection implements Pick<Protection, (typeof MEMBERS)[number]> {
  readonly api: Protection;
  description = "";
  warningOnly = false;
  domainEdit = false;
  removed = false;
  readonly editors = new Set<string>();
  unprotected: Area[] = [];
  /**
   * A new protection mirrors the spreadsheet's own sharing (anyone who may edit the file may
   * edit here) until the script changes its editor list or domain setting:
   * https://developers.google.com/apps-script/reference/spreadsheet/sheet#protect() and
   * https://developers.google.com/apps-script/reference/spreadsheet/range#protect()
   */
  mirrorsSpreadsheet = true;

  /** `area` is null for a SHEET protection (it covers the whole sheet). */
  constructor(
    readonly sheet: FakeSheet,
    readonly type: "RANGE" | "SHEET",
    public area: Area | null,
  ) {
    const ctx = sheet.ss.ctx;
    // The creator and the owner are always editors, as in Apps Script.
    this.editors.add(ctx.owner);
    this.editors.add(ctx.users.effective);
    this.api = exposeAs<Protection>(this, {
      label: "FakeProtection",
      members: MEMBERS,
      onCall: (method) => ctx.calls.push({ target: "Protection", sheet: this.sheet.name, method }),
    });
  }

  /** The cells this protection guards right now. */
  coveredArea(): Area {
    return this.area ?? { row: 1, col: 1, numRows: this.sheet.maxRows, numCols: this.sheet.maxCols };
  }

  /** Whether `email` may write into `target` despite this protection. */
  allows(email: string, target: Area): boolean {
    if (this.removed || this.warningOnly || this.mirrorsSpreadsheet || this.editors.has(email)) return true;
    if (!overlaps(this.coveredArea(), target)) return true;
    // A write wholly inside an unprotected hole of a sheet protection is allowed.
    return this.unprotected.some((hole) => contains(hole, target));
  }

  getRange(): Range {
    const a = this.coveredArea();
    return this.sheet.rangeAt(a.row, a.col, a.numRows, a.numCols).api;
  }
  getDescription(): string {
    return this.description;
  }
  setDescription(description: string): Protection {
    this.description = String(description);
    return this.api;
  }
  setWarningOnly(warningOnly: boolean): Protection {
    this.warningOnly = warningOnly;
    return this.api;
  }
  isWarningOnly(): boolean {
    return this.warningOnly;
  }
  addEditor(editor: string | User): Protection {
    this.requireEditor();
    this.mirrorsSpreadsheet = false;
    this.editors.add(emailOf(editor));
    return this.api;
  }
  addEditors(editors: string[]): Protection {
    this.requireEditor();
    this.mirrorsSpreadsheet = false;
    for (const e of editors) this.editors.add(emailOf(e));
    return this.api;
  }
  removeEditor(editor: string | User): Protection {
    this.requireEditor();
    this.mirrorsSpreadsheet = false;
    this.dropEditor(emailOf(editor));
    return this.api;
  }
  removeEditors(editors: Array<string | User>): Protection {
    this.requireEditor();
    this.mirrorsSpreadsheet = false;
    for (const e of editors) this.dropEditor(emailOf(e));
    return this.api;
  }
  getEditors(): User[] {
    this.requireEditor();
    return [...this.editors].map(makeUser);
  }
  canEdit(): boolean {
    return this.mirrorsSpreadsheet || this.editors.has(this.sheet.ss.ctx.users.effective);
  }
  canDomainEdit(): boolean {
    this.requireEditor();
    return this.domainEdit;
  }
  setDomainEdit(editable: boolean): Protection {
    this.requireEditor();
    this.mirrorsSpreadsheet = false;
    this.domainEdit = editable;
    return this.api;
  }
  remove(): void {
    this.removed = true;
    this.sheet.dropProtection(this);
  }
  getProtectionType(): ProtectionTypeEnum {
    return ProtectionType[this.type];
  }
  setUnprotectedRanges(ranges: Range[]): Protection {
    if (this.type !== "SHEET") throw new Error("Unprotected ranges can only be set on a sheet protection.");
    this.unprotected = ranges.map((r) => rawOf<FakeRange>(r).area());
    return this.api;
  }
  getUnprotectedRanges(): Range[] {
    return this.unprotected.map((a) => this.sheet.rangeAt(a.row, a.col, a.numRows, a.numCols).api);
  }

  /**
   * Reading or changing the editors throws for a user who may not edit the protection:
   * https://developers.google.com/apps-script/reference/spreadsheet/protection#geteditors
   */
  private requireEditor(): void {
    const ctx = this.sheet.ss.ctx;
    if (!this.canEdit() && ctx.users.effective !== ctx.owner) {
      throw new Error("You do not have permission to access the editors of this protected range or sheet.");
    }
  }

  private dropEditor(email: string): void {
    // Apps Script silently keeps the owner and the current user.
    const ctx = this.sheet.ss.ctx;
    if (email === ctx.owner || email === ctx.users.effective) return;
    this.editors.delete(email);
  }
}
