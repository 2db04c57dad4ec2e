export async function buildAppsScript() {}
