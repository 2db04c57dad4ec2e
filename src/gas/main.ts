/**
 * Apps Script entry points. The build re-exposes every export here as a top-level function,
 * since Apps Script only sees top-level function declarations.
 */
import { buildMenu, handleEdit, menu } from "./app";
import { sidebarApi } from "./sidebarApi";

export function onOpen(): void {
  buildMenu();
}

export function onInstall(): void {
  buildMenu();
}

export function onEdit(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  handleEdit(e);
}

export const menuSetup = menu.setup;
export const menuCheckAll = menu.checkAll;
export const menuCheckSelected = menu.checkSelected;
export const menuOpenPanel = menu.openPanel;
export const menuSettings = menu.settings;
export const menuDraftLetters = menu.draftLetters;
export const menuApprove = menu.approve;
export const menuReturn = menu.returnRows;
export const menuHandOver = menu.handOver;
export const menuReopen = menu.reopen;
export const menuSyncBpjs = menu.syncBpjs;
export const menuCheckIntegrity = menu.checkIntegrity;
export const menuRefreshRekap = menu.refreshRekap;
// Destructured from the typed bridge: a name missing here or renamed there fails the type-check.
export const { apiCheckAll, apiPanel, apiInspect, apiSelectRow, apiDraftPlan, apiRunAction } = sidebarApi;
