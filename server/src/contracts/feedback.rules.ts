import { ComplaintStatus } from './enums.contract';

/** An NPS answer of 6 or less is a detractor (it opens a complaint); 9 or more a promoter. */
export const DETRACTOR_MAX = 6;
export const PROMOTER_MIN = 9;

/** The NPS bands: 9–10 recommend, 7–8 passive, 0–6 detract. */
export type NpsBand = 'promoter' | 'passive' | 'detractor';

export function isDetractor(nps: number): boolean {
  return nps <= DETRACTOR_MAX;
}

export function isPromoter(nps: number): boolean {
  return nps >= PROMOTER_MIN;
}

export function npsBand(score: number): NpsBand {
  if (score >= PROMOTER_MIN) return 'promoter';
  return score > DETRACTOR_MAX ? 'passive' : 'detractor';
}

/** OPEN → IN_PROGRESS → RESOLVED → CLOSED; a resolved ticket may be reopened when the customer is not satisfied. */
export const COMPLAINT_NEXT_STATUSES: Record<ComplaintStatus, readonly ComplaintStatus[]> = {
  OPEN: [ComplaintStatus.IN_PROGRESS],
  IN_PROGRESS: [ComplaintStatus.RESOLVED],
  RESOLVED: [ComplaintStatus.CLOSED, ComplaintStatus.IN_PROGRESS],
  CLOSED: [],
};

export function canMoveComplaint(from: ComplaintStatus, to: ComplaintStatus): boolean {
  return COMPLAINT_NEXT_STATUSES[from].includes(to);
}
