/** The panel: buttons call the server through google.script.run; results are shown as text. */
type Result<T> = { ok: true; value: T } | { ok: false; message: string };
interface ActiveRow { sheet: string; row: number; id: string; checkResult: string; decision: string; reasons: string; findings: string }

interface Runner {
  withSuccessHandler(fn: (value: unknown) => void): Runner;
  withFailureHandler(fn: (error: Error) => void): Runner;
  [name: string]: unknown;
}
declare const google: { script: { run: Runner } };

function byId<T extends HTMLElement>(id: string): T {
  return document.getElementById(id) as T;
}

function call<T>(name: string): Promise<Result<T>> {
  return new Promise((resolve) => {
    const runner = google.script.run
      .withSuccessHandler((value) => resolve(value as Result<T>))
      .withFailureHandler(() => resolve({ ok: false, message: "Tidak dapat menghubungi server. Periksa koneksi, lalu coba lagi." }));
    (runner[name] as () => void)();
  });
}

function setStatus(text: string, error = false): void {
  const status = byId("status");
  status.textContent = text;
  status.className = error ? "error" : "";
}

async function run(button: HTMLButtonElement, name: string): Promise<void> {
  button.disabled = true;
  setStatus("Sedang memeriksa…");
  const result = await call<string>(name);
  button.disabled = false;
  if (result.ok) setStatus(result.value);
  else setStatus(result.message, true);
  await showRow();
}

async function showRow(): Promise<void> {
  const list = byId("row");
  list.replaceChildren();
  const result = await call<ActiveRow | null>("apiActiveRow");
  if (!result.ok) return setStatus(result.message, true);
  const row = result.value;
  const entries: [string, string][] = row
    ? [["Baris", `${row.sheet} baris ${row.row}`], ["ID Permohonan", row.id || "(belum ada)"], ["Hasil Pemeriksaan", row.checkResult],
      ["Keputusan", row.decision], ["Alasan", row.reasons], ["Temuan", row.findings]]
    : [["Baris", "Pilih satu baris permohonan di sheet."]];
  for (const [term, value] of entries) {
    const dt = document.createElement("dt");
    dt.textContent = term;
    const dd = document.createElement("dd");
    dd.textContent = value || "-";
    list.append(dt, dd);
  }
}

byId<HTMLButtonElement>("check-all").addEventListener("click", (e) => void run(e.currentTarget as HTMLButtonElement, "apiCheckAll"));
byId<HTMLButtonElement>("check-selected").addEventListener("click", (e) => void run(e.currentTarget as HTMLButtonElement, "apiCheckSelected"));
byId<HTMLButtonElement>("refresh").addEventListener("click", () => void showRow());
void showRow();
