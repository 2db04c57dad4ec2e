/** Setup for the approval tests: every role of an office, and an eligible row per profile. */
import type { FakeEnv } from "../fakes";
import { eligible } from "./helpers";
import { configureOffice, eligiblePkp, KABID, OPERATOR } from "./letterHelpers";

export { KABID, OPERATOR };
export const ADMIN = "admin@dinsos.go.id";
export const VERIFIER = "verifikator@dinsos.go.id";
export const MANAGER = "manajer@dinsos.go.id";
export const SIGNER = "kadis@dinsos.go.id";
export const BPJS = "petugas@bpjs-kesehatan.go.id";

export const ALL_ROLES: [string, string][] = [
  [ADMIN, "admin"], [OPERATOR, "operator"], [KABID, "kabid"], [VERIFIER, "verifier"], [MANAGER, "manager"], [SIGNER, "signer"], [BPJS, "bpjs"],
];

export function officeWithRoles(env: FakeEnv, profile: string): void {
  configureOffice(env, { profile, roles: ALL_ROLES });
}

/** A request each profile's check finds ELIGIBLE (its documents, registry and window rules). */
export function eligibleFor(profile: string, name: string, serial: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  switch (profile) {
    case "pangkalpinang-reaktivasi":
    case "pangkalpinang-bantuan-kesehatan":
      return eligiblePkp(name, serial, extra);
    case "minsel":
      return eligible(name, serial, { "Pernah Direaktivasi": false, "Tanggal SK Penonaktifan": "01/09/2026", ...extra });
    case "bandung":
      return eligible(name, serial, { "Konfirmasi BPJS": "Dapat Direaktivasi", "Dok. KIS": true, "Dok. Ket. DTSEN/DTKS": true, ...extra });
    case "purbalingga":
      return eligible(name, serial, { "Dok. KIS": true, "Dok. Ket. BPJS": true, "Tanggal SK Penonaktifan": "01/09/2026", ...extra });
    default:
      return eligible(name, serial, extra);
  }
}
