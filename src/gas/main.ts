/**
 * Apps Script entry points. The build re-exposes every export here as a top-level function,
 * since Apps Script only sees top-level function declarations.
 */
import { buildMenu, handleEdit, menu, sidebarApi } from "./app";

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
export const apiCheckAll = sidebarApi.checkAll;
export const apiCheckSelected = sidebarApi.checkSelected;
export const apiActiveRow = sidebarApi.activeRow;
export const apiApprove = sidebarApi.approve;
export const apiReturn = sidebarApi.returnRows;
export const apiHandOver = sidebarApi.handOver;
export const apiReopen = sidebarApi.reopen;
export const apiCheckIntegrity = sidebarApi.checkIntegrity;
