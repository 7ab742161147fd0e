import { ComplaintStatus } from '../../generated/prisma/enums';
import { isDetractor, isPromoter } from '../../contracts/nps.rules';

/** A complaint's first response is due within 24 hours. */
export const FIRST_RESPONSE_HOURS = 24;

// How an NPS answer is read lives beside the contracts, where the mini-program imports it too.
export { isDetractor };

export function firstResponseDue(createdAt: Date): Date {
  return new Date(createdAt.getTime() + FIRST_RESPONSE_HOURS * 3_600_000);
}

/** Late when not answered by the deadline, or answered after it. */
export function isFirstResponseLate(complaint: { firstResponseDueAt: Date; firstRespondedAt: Date | null }, now: Date): boolean {
  return (complaint.firstRespondedAt ?? now).getTime() > complaint.firstResponseDueAt.getTime();
}

const NEXT_STATUSES: Record<ComplaintStatus, ComplaintStatus[]> = {
  OPEN: [ComplaintStatus.IN_PROGRESS],
  IN_PROGRESS: [ComplaintStatus.RESOLVED],
  RESOLVED: [ComplaintStatus.CLOSED, ComplaintStatus.IN_PROGRESS],
  CLOSED: [],
};

export const COMPLAINT_STATUS_LABELS: Record<ComplaintStatus, string> = { OPEN: '待处理', IN_PROGRESS: '处理中', RESOLVED: '已解决', CLOSED: '已关闭' };

export function canMoveComplaint(from: ComplaintStatus, to: ComplaintStatus): boolean {
  return NEXT_STATUSES[from].includes(to);
}

/** NPS = % promoters (9–10) − % detractors (0–6); CSAT = the mean of 1–5. Null when nobody answered. */
export function surveyScores(answers: Array<{ nps: number; csat: number }>) {
  const promoters = answers.filter((answer) => isPromoter(answer.nps)).length;
  const detractors = answers.filter((answer) => isDetractor(answer.nps)).length;
  const passives = answers.length - promoters - detractors;
  if (answers.length === 0) return { nps: null, csatAverage: null, promoters, passives, detractors };
  const round1 = (value: number) => Math.round(value * 10) / 10;
  return {
    nps: round1(((promoters - detractors) / answers.length) * 100),
    csatAverage: round1(answers.reduce((sum, answer) => sum + answer.csat, 0) / answers.length),
    promoters,
    passives,
    detractors,
  };
}
