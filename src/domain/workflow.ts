/**
 * The workflow after the decision (spec sections 5 and 6) as data per profile, what a check
 * writes to `Tahap`, and the guard every move passes. A refused move says in Indonesian which
 * role or stage it needs; the shell changes nothing for it.
 */
import type { OutputKey } from "./columns";
import { jakartaParts } from "./dates";
import type { Decision } from "./eligibility";
import { PROFILES, type Profile } from "./profiles";
import { ROLES, type Role } from "./roles";
import { enumKey } from "./text";

export const STAGES = {
  received: "Diterima",
  checked: "Diperiksa",
  backOffice: "Back Office",
  managerApproval: "Persetujuan Manajer",
  draft: "Draf",
  paraf: "Paraf Kabid",
  draftVerification: "Verifikasi Draf",
  signature: "Tanda Tangan",
  headValidation: "Validasi Kepala Dinas",
  numbering: "Penomoran dan Stempel",
  bpjsInput: "Input ke BPJS",
  readyForHandOver: "Siap Diserahkan",
  handedOver: "Diserahkan",
  correction: "Perbaikan",
  done: "Selesai",
  returned: "Dikembalikan",
  rejected: "Ditolak",
} as const;
export type StageName = (typeof STAGES)[keyof typeof STAGES];

/** Menu captions of the moves (spec section 6): a public contract. */
export const ACTIONS = {
  draft: "Buat Draf Surat",
  approve: "Setujui",
  return: "Kembalikan",
  handOver: "Serahkan",
  reopen: "Buka Kembali",
} as const;
export type Action = keyof typeof ACTIONS;

export interface Stamp {
  by: OutputKey;
  at: OutputKey;
}

export interface WorkflowStage {
  name: StageName;
  role: Role;
  /** Columns `Setujui` writes for this stage (who and when); none for operator-only steps. */
  stamp: Stamp | null;
}

export interface Workflow {
  profileId: string;
  /** Review stages in order, from the first after the decision to `Siap Diserahkan`. */
  stages: readonly WorkflowStage[];
  /** Where the letter number is assigned. */
  numberAt: typeof STAGES.draft | typeof STAGES.numbering;
  /** The stage `Mendesak` rows skip (003 step 4), if any. */
  urgentSkips: StageName | null;
  /** `Salinan Diarsipkan` must be ticked before hand-over (bandung, purbalingga). */
  archiveBeforeHandOver: boolean;
  /** No BPJS outcome to wait for: hand-over ends the request (`Selesai`). */
  endsAtHandOver: boolean;
}

/** Columns `Setujui` writes per stage (who and when); operator-only steps write none. */
const STAMPS: Partial<Record<StageName, Stamp>> = {
  [STAGES.backOffice]: { by: "backOfficeBy", at: "backOfficeAt" },
  [STAGES.managerApproval]: { by: "managerBy", at: "managerAt" },
  [STAGES.paraf]: { by: "parafBy", at: "parafAt" },
  [STAGES.draftVerification]: { by: "verifiedBy", at: "verifiedAt" },
  [STAGES.signature]: { by: "signedBy", at: "signedAt" },
  // The head of office validates by signing: the same stamp as a signature.
  [STAGES.headValidation]: { by: "signedBy", at: "signedAt" },
};

/** Review stages per profile id, from the profiles' own stage lists (section 5, second table). */
export const PROFILE_STAGES: Readonly<Record<string, readonly WorkflowStage[]>> = Object.fromEntries(
  PROFILES.map((p) => [p.id, p.stages.map((s): WorkflowStage => ({ name: s.name, role: s.role, stamp: STAMPS[s.name] ?? null }))]),
);

type WorkflowProfile = Pick<Profile, "id" | "numberAt" | "urgentSkipsBackOffice" | "archiveCopy" | "bpjsFollowUp">;

/** The profile's workflow; its flags (archive copy, numbering, urgent skip) follow settings overrides. */
export function workflowFor(profile: WorkflowProfile): Workflow {
  const stages = PROFILE_STAGES[profile.id];
  if (!stages) throw new Error(`No workflow for profile ${profile.id}`);
  return {
    profileId: profile.id,
    stages,
    numberAt: profile.numberAt === "after-signature" ? STAGES.numbering : STAGES.draft,
    urgentSkips: profile.urgentSkipsBackOffice ? STAGES.backOffice : null,
    archiveBeforeHandOver: profile.archiveCopy,
    endsAtHandOver: !profile.bpjsFollowUp,
  };
}

/** The stages this row passes through (a `Mendesak` row skips what its profile lets it skip). */
export function stagesFor(workflow: Workflow, urgent: boolean): readonly WorkflowStage[] {
  return urgent && workflow.urgentSkips ? workflow.stages.filter((s) => s.name !== workflow.urgentSkips) : workflow.stages;
}

export function firstStage(workflow: Workflow, urgent: boolean): StageName {
  return stagesFor(workflow, urgent)[0]!.name;
}

/** The canonical stage name a `Tahap` cell holds (any case, spaces trimmed), or null. */
export function stageName(text: string): StageName | null {
  const key = enumKey(text);
  return (Object.values(STAGES) as StageName[]).find((s) => enumKey(s) === key) ?? null;
}

const BEFORE_WORKFLOW = new Set<string>(["", enumKey(STAGES.received), enumKey(STAGES.checked)]);

/**
 * What a check writes to `Tahap`, or null to leave it. New, blank and `Diterima` rows become
 * `Diperiksa`; an ELIGIBLE row then waits in its first stage. A row at its first stage that is
 * no longer ELIGIBLE goes back to `Diperiksa` (nothing was done on it yet); a row past its first
 * stage is never moved (the moves' guards refuse it until it is fixed).
 */
export function stageAfterCheck(current: string, decision: Decision, workflow: Workflow, urgent: boolean): StageName | null {
  const key = enumKey(current);
  const first = firstStage(workflow, urgent);
  const target: StageName = decision === "ELIGIBLE" ? first : STAGES.checked;
  if (BEFORE_WORKFLOW.has(key)) return enumKey(target) === key && current === target ? null : target;
  // Ticking `Mendesak` on a row still waiting for Back Office skips it.
  const atFirst = key === enumKey(first) || key === enumKey(workflow.stages[0]!.name);
  if (!atFirst) return null;
  return current === target ? null : target;
}

/**
 * What a check adds to its result for a row past its first stage that is no longer ELIGIBLE
 * (someone edited it): every move but a return is refused until it is fixed. Null otherwise.
 */
export function stageWarning(current: string, decision: Decision, workflow: Workflow, urgent: boolean): string | null {
  if (decision === "ELIGIBLE") return null;
  const at = stageName(current);
  const review = stagesFor(workflow, urgent).map((s) => s.name as StageName);
  const past = at !== null && at !== firstStage(workflow, urgent) && (review.includes(at) || at === STAGES.correction);
  return past
    ? `Permohonan sudah di tahap "${at}" tetapi keputusannya kini bukan "Layak": perbaiki datanya. Sampai diperbaiki, hanya ${ACTIONS.return} yang dapat dilakukan.`
    : null;
}

/** Shorthand for the shell: the check's `Tahap` for a row of this profile. */
export function checkStage(current: string, decision: Decision, profile: WorkflowProfile, urgent: boolean): StageName | null {
  return stageAfterCheck(current, decision, workflowFor(profile), urgent);
}

// ---------------------------------------------------------------- moves

export interface MoveRequest {
  action: Action;
  workflow: Workflow;
  /** The row's `Tahap` as the sheet holds it. */
  stage: string;
  decision: Decision;
  urgent: boolean;
  /** `Salinan Diarsipkan` ticked. */
  archived: boolean;
  /** Roles of the user (from `Email Pengguna | Peran`). */
  roles: readonly Role[];
  /** The note given with a return. */
  note?: string;
}

export type MoveResult =
  | { ok: true; from: StageName; to: StageName; stamp: Stamp | null; assignsNumber: boolean }
  | { ok: false; message: string };

const refuse = (message: string): MoveResult => ({ ok: false, message });
const roleName = (role: Role) => ROLES[role];
const quoted = (names: readonly string[]) => names.map((n) => `"${n}"`).join(" atau ");

function needsRole(roles: readonly Role[], role: Role, what: string): MoveResult | null {
  return roles.includes(role) ? null : refuse(`${what} hanya untuk peran ${roleName(role)}.`);
}

/** Whether `action` may move a row now; on success where it goes and what it stamps. */
export function guardMove(req: MoveRequest): MoveResult {
  const from = stageName(req.stage);
  const stages = stagesFor(req.workflow, req.urgent);
  const caption = ACTIONS[req.action];
  const at = (name: StageName) => stages.findIndex((s) => s.name === name);
  const next = (name: StageName): StageName => {
    const i = at(name);
    return i >= 0 && i + 1 < stages.length ? stages[i + 1]!.name : STAGES.readyForHandOver;
  };
  const notEligible = refuse(`${caption}: keputusan permohonan ini bukan "Layak"; periksa dan perbaiki datanya dulu.`);

  switch (req.action) {
    case "draft": {
      const roleProblem = needsRole(req.roles, "operator", caption);
      if (roleProblem) return roleProblem;
      if (from !== STAGES.draft && from !== STAGES.correction) {
        return refuse(`${caption} hanya untuk permohonan di tahap ${quoted([STAGES.draft, STAGES.correction])}; tahap sekarang "${req.stage || "kosong"}".`);
      }
      if (req.decision !== "ELIGIBLE") return notEligible;
      return { ok: true, from, to: next(STAGES.draft), stamp: null, assignsNumber: req.workflow.numberAt === STAGES.draft };
    }
    case "approve": {
      const current = stages.find((s) => s.name === from);
      if (!from || !current || current.name === STAGES.draft || current.name === STAGES.readyForHandOver) {
        const approvable = stages.filter((s) => s.name !== STAGES.draft && s.name !== STAGES.readyForHandOver).map((s) => s.name);
        return refuse(`${caption} hanya untuk permohonan di tahap ${quoted(approvable)}; tahap sekarang "${req.stage || "kosong"}".`);
      }
      const roleProblem = needsRole(req.roles, current.role, `${caption} di tahap "${current.name}"`);
      if (roleProblem) return roleProblem;
      if (req.decision !== "ELIGIBLE") return notEligible;
      return { ok: true, from, to: next(current.name), stamp: current.stamp, assignsNumber: current.name === req.workflow.numberAt };
    }
    case "return": {
      if (!req.note?.trim()) return refuse(`${caption}: tulis catatan pengembalian.`);
      const current = stages.find((s) => s.name === from);
      if (current && current.role !== "operator") {
        const roleProblem = needsRole(req.roles, current.role, `${caption} di tahap "${current.name}"`);
        if (roleProblem) return roleProblem;
        // Before drafting there is no draft to correct (Pangkalpinang's Back Office and manager):
        // back to the previous review, so drafting from Perbaikan never skips one.
        const i = at(current.name);
        if (i < at(STAGES.draft)) {
          if (i === 0) {
            return refuse(`${caption} di tahap "${current.name}": belum ada draf untuk diperbaiki. Catat hasil verifikasi di kolomnya lalu jalankan Periksa; permohonan yang tidak layak ditutup Operator dengan ${caption}.`);
          }
          return { ok: true, from: current.name, to: stages[i - 1]!.name, stamp: null, assignsNumber: false };
        }
        return { ok: true, from: current.name, to: STAGES.correction, stamp: null, assignsNumber: false };
      }
      // The operator closes a request the check did not pass: before any review started, or at
      // a stage the operator holds once an edit made it fail (only a return may move it then).
      const roleProblem = needsRole(req.roles, "operator", caption);
      if (roleProblem) return roleProblem;
      const open = from === null || from === STAGES.received || from === STAGES.checked;
      const operatorStage = from === STAGES.correction || current?.role === "operator";
      if (!open && !operatorStage) {
        return refuse(`${caption} oleh Operator hanya untuk permohonan di tahap ${quoted([STAGES.received, STAGES.checked])}, atau di tahap Operator bila keputusannya tidak lagi "Layak".`);
      }
      const closedFrom = from ?? STAGES.received;
      if (req.decision === "INCOMPLETE") return { ok: true, from: closedFrom, to: STAGES.returned, stamp: null, assignsNumber: false };
      if (req.decision === "NOT_ELIGIBLE") return { ok: true, from: closedFrom, to: STAGES.rejected, stamp: null, assignsNumber: false };
      if (!open && req.decision === "ELIGIBLE") {
        return refuse(`${caption} oleh Operator di tahap "${closedFrom}" hanya untuk permohonan yang tidak lagi "Layak"; permohonan ini masih Layak, lanjutkan tahapnya.`);
      }
      return refuse(`${caption} oleh Operator hanya untuk keputusan "Berkas Belum Lengkap" atau "Tidak Layak".`);
    }
    case "handOver": {
      const roleProblem = needsRole(req.roles, "operator", caption);
      if (roleProblem) return roleProblem;
      if (from !== STAGES.readyForHandOver) return refuse(`${caption} hanya untuk permohonan di tahap "${STAGES.readyForHandOver}".`);
      if (req.decision !== "ELIGIBLE") return notEligible;
      if (req.workflow.archiveBeforeHandOver && !req.archived) return refuse(`${caption}: centang "Salinan Diarsipkan" dulu (salinan surat disimpan sebagai arsip).`);
      return { ok: true, from, to: req.workflow.endsAtHandOver ? STAGES.done : STAGES.handedOver, stamp: null, assignsNumber: false };
    }
    case "reopen": {
      const roleProblem = needsRole(req.roles, "operator", caption);
      if (roleProblem) return roleProblem;
      if (from !== STAGES.returned) return refuse(`${caption} hanya untuk permohonan di tahap "${STAGES.returned}".`);
      return { ok: true, from, to: STAGES.received, stamp: null, assignsNumber: false };
    }
  }
}

/** When a move happened, as stamps and `Log` lines show it: "2026-11-24 10:05" in Asia/Jakarta. */
export function jakartaStamp(instant: Date): string {
  const { date, minutes } = jakartaParts(instant);
  return `${date} ${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

/** One `Log` line (LOG_HEADERS order): never NIK, KK or health details, only the request ID. */
export function logLine(at: Date, user: string, id: string, action: Action, from: string, to: string, note = ""): string[] {
  return [jakartaStamp(at), user, id, ACTIONS[action], from, to, note];
}
