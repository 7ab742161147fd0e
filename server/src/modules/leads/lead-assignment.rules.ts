import { AssignmentMode } from '../../generated/prisma/enums';

export interface ConsultantCandidate {
  id: number;
  openLeads: number;
  specialtyModelIds: number[];
}

export interface AssignmentPolicy {
  mode: AssignmentMode;
  openLeadCap: number;
  /** The consultant who received the previous automatic assignment (round-robin pointer). */
  lastAssignedStaffId: number | null;
}

/**
 * Picks the consultant for a new lead: among on-duty consultants under their cap (and, in specialty mode,
 * those who specialise in the intended model when any do), the next one after the pointer in id order.
 * Returns null when nobody can take it.
 */
export function pickConsultant(candidates: ConsultantCandidate[], policy: AssignmentPolicy, intendedModelId: number | null): number | null {
  const available = candidates.filter((candidate) => candidate.openLeads < policy.openLeadCap).sort((a, b) => a.id - b.id);
  const specialists =
    policy.mode === AssignmentMode.MODEL_SPECIALTY && intendedModelId !== null
      ? available.filter((candidate) => candidate.specialtyModelIds.includes(intendedModelId))
      : [];
  const pool = specialists.length > 0 ? specialists : available;
  if (pool.length === 0) return null;
  const pointer = policy.lastAssignedStaffId ?? 0;
  return (pool.find((candidate) => candidate.id > pointer) ?? pool[0]).id;
}
