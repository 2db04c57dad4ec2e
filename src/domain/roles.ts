/** Roles (spec section 1), assigned by e-mail address in the settings sheet. */
export const ROLES = {
  operator: "Operator",
  verifier: "Verifikator",
  manager: "Manajer Layanan",
  kabid: "Kepala Bidang",
  signer: "Penandatangan",
  bpjs: "Petugas BPJS",
  admin: "Admin",
} as const;
export type Role = keyof typeof ROLES;
