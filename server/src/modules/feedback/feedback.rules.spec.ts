import { ComplaintStatus } from '../../generated/prisma/enums';
import { canMoveComplaint, firstResponseDue, isDetractor, isFirstResponseLate, surveyScores } from './feedback.rules';

describe('survey scores', () => {
  it('computes NPS as promoters minus detractors, in percent, and CSAT as the mean', () => {
    const answers = [
      { nps: 10, csat: 5 },
      { nps: 9, csat: 4 },
      { nps: 8, csat: 4 },
      { nps: 6, csat: 2 },
    ];
    expect(surveyScores(answers)).toEqual({ nps: 25, csatAverage: 3.8, promoters: 2, passives: 1, detractors: 1 });
  });

  it('has no score when nobody answered', () => {
    expect(surveyScores([])).toEqual({ nps: null, csatAverage: null, promoters: 0, passives: 0, detractors: 0 });
  });

  it('treats 6 and below as a detractor', () => {
    expect(isDetractor(6)).toBe(true);
    expect(isDetractor(7)).toBe(false);
  });
});

describe('complaints', () => {
  it('moves OPEN → IN_PROGRESS → RESOLVED → CLOSED, and may reopen a resolved ticket', () => {
    expect(canMoveComplaint(ComplaintStatus.OPEN, ComplaintStatus.IN_PROGRESS)).toBe(true);
    expect(canMoveComplaint(ComplaintStatus.OPEN, ComplaintStatus.CLOSED)).toBe(false);
    expect(canMoveComplaint(ComplaintStatus.RESOLVED, ComplaintStatus.IN_PROGRESS)).toBe(true);
    expect(canMoveComplaint(ComplaintStatus.CLOSED, ComplaintStatus.IN_PROGRESS)).toBe(false);
  });

  it('is late when the first response misses the 24-hour deadline', () => {
    const createdAt = new Date('2026-03-01T02:00:00Z');
    const due = firstResponseDue(createdAt);
    expect(due.toISOString()).toBe('2026-03-02T02:00:00.000Z');
    expect(isFirstResponseLate({ firstResponseDueAt: due, firstRespondedAt: null }, new Date('2026-03-02T01:59:00Z'))).toBe(false);
    expect(isFirstResponseLate({ firstResponseDueAt: due, firstRespondedAt: null }, new Date('2026-03-02T02:01:00Z'))).toBe(true);
    expect(isFirstResponseLate({ firstResponseDueAt: due, firstRespondedAt: new Date('2026-03-02T03:00:00Z') }, new Date('2026-03-01T00:00:00Z'))).toBe(true);
  });
});
