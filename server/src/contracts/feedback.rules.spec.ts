import { canMoveComplaint, npsBand } from './feedback.rules';

describe('feedback rules', () => {
  it('bands an NPS answer: 0–6 detract, 7–8 passive, 9–10 promote', () => {
    expect([0, 6, 7, 8, 9, 10].map(npsBand)).toEqual(['detractor', 'detractor', 'passive', 'passive', 'promoter', 'promoter']);
  });

  it('moves a complaint forward one step, reopens a resolved one, and never moves a closed one', () => {
    expect(canMoveComplaint('OPEN', 'IN_PROGRESS')).toBe(true);
    expect(canMoveComplaint('OPEN', 'RESOLVED')).toBe(false);
    expect(canMoveComplaint('RESOLVED', 'IN_PROGRESS')).toBe(true);
    expect(canMoveComplaint('CLOSED', 'OPEN')).toBe(false);
  });
});
