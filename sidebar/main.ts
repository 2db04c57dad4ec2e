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

/**
 * Why google.script.run failed, in Indonesian. The server answers its own problems as
 * {ok: false, message}; a failure here comes from Google (authorisation, several accounts
 * signed in, a time-out, the network) or is an error the server did not expect.
 */
function failureMessage(error: unknown): string {
  const e = (error ?? {}) as { name?: unknown; message?: unknown };
  const name = typeof e.name === "string" ? e.name : "";
  const message = typeof e.message === "string" ? e.message : typeof error === "string" ? error : "";
  if (name === "UserError") return message;
  if (message.startsWith("UserError: ")) return message.slice("UserError: ".length);
  // Several signed-in accounts: Google cannot tell which one runs the script.
  if (/PERMISSION_DENIED|reading from storage|multiple accounts|multi-?login/i.test(message)) {
    return "Anda masuk ke beberapa akun Google sekaligus, sehingga panel tidak dapat dijalankan. " +
      "Keluar dari akun lain, atau buka spreadsheet ini di jendela penyamaran (private) dengan satu akun saja.";
  }
  if (/authori[sz]ation|authori[sz]e|izin/i.test(message)) {
    return "Add-on belum diberi izin untuk akun ini. Jalankan sekali salah satu menu Ekstensi › PBI-JK " +
      "(mis. Periksa Semua) dan setujui izinnya, lalu buka panel lagi.";
  }
  if (/exceeded maximum execution time|timed? ?out|time-?out|deadline/i.test(message)) {
    return "Pemeriksaan melewati batas waktu Google. Coba lagi, atau periksa sebagian baris dengan Periksa Baris Terpilih.";
  }
  if (/network|failed to fetch|connection|HTTP 0|offline/i.test(message)) {
    return "Tidak dapat menghubungi server Google. Periksa koneksi internet, lalu coba lagi.";
  }
  return "Terjadi kesalahan tak terduga di server. Coba sekali lagi; bila berulang, hubungi admin aplikasi.";
}

function call<T>(name: string): Promise<Result<T>> {
  return new Promise((resolve) => {
    const runner = google.script.run
      .withSuccessHandler((value) => resolve(value as Result<T>))
      .withFailureHandler((error) => resolve({ ok: false, message: failureMessage(error) }));
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
