import { ComplaintStatus } from '../../generated/prisma/enums';
import { canMoveComplaint, isDetractor, isPromoter } from '../../contracts/feedback.rules';

/** A complaint's first response is due within 24 hours. */
export const FIRST_RESPONSE_HOURS = 24;

// How an NPS answer is read and how a complaint moves live beside the contracts, where the apps import them too.
export { canMoveComplaint, isDetractor };

export function firstResponseDue(createdAt: Date): Date {
  return new Date(createdAt.getTime() + FIRST_RESPONSE_HOURS * 3_600_000);
}

/** Late when not answered by the deadline, or answered after it. */
export function isFirstResponseLate(complaint: { firstResponseDueAt: Date; firstRespondedAt: Date | null }, now: Date): boolean {
  return (complaint.firstRespondedAt ?? now).getTime() > complaint.firstResponseDueAt.getTime();
}

export const COMPLAINT_STATUS_LABELS: Record<ComplaintStatus, string> = { OPEN: '待处理', IN_PROGRESS: '处理中', RESOLVED: '已解决', CLOSED: '已关闭' };

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
