import fc from 'fast-check';
import { LeadStage } from './enums.contract';
import { canMoveStage, OPEN_STAGES, REOPEN_STAGES, requiresNextFollowUp, stageDataProblems } from './lead-stages.rules';

const ALL_STAGES = Object.values(LeadStage);
const stage = fc.constantFrom(...ALL_STAGES);
const NOW = new Date('2026-11-25T10:00:00Z');
const LATER = '2026-11-26T10:00:00Z';

describe('lead stage machine', () => {
  it('never leaves DELIVERED', () => {
    fc.assert(fc.property(stage, (to) => !canMoveStage(LeadStage.DELIVERED, to)));
  });

  it('can lose a lead from every open stage and from no closed one', () => {
    fc.assert(fc.property(stage, (from) => canMoveStage(from, LeadStage.LOST) === OPEN_STAGES.includes(from)));
  });

  it('never moves an open lead backwards', () => {
    fc.assert(
      fc.property(fc.constantFrom(...OPEN_STAGES), fc.constantFrom(...OPEN_STAGES), (from, to) =>
        canMoveStage(from, to) === OPEN_STAGES.indexOf(to) > OPEN_STAGES.indexOf(from),
      ),
    );
  });

  it('delivers only an ordered lead', () => {
    fc.assert(fc.property(stage, (from) => canMoveStage(from, LeadStage.DELIVERED) === (from === LeadStage.ORDERED)));
  });

  it('reopens a lost lead into an open stage before the order', () => {
    fc.assert(fc.property(stage, (to) => canMoveStage(LeadStage.LOST, to) === REOPEN_STAGES.includes(to)));
  });

  it('reaches DELIVERED from NEW along any forward walk that passes ORDERED', () => {
    fc.assert(
      fc.property(fc.subarray([...OPEN_STAGES.slice(1, -1)]), (middle) => {
        const path = [LeadStage.NEW, ...middle, LeadStage.ORDERED, LeadStage.DELIVERED];
        return path.every((current, index) => index === 0 || canMoveStage(path[index - 1], current));
      }),
    );
  });

  it('asks for the next follow-up on every move except closing the lead', () => {
    fc.assert(fc.property(stage, (to) => requiresNextFollowUp(to) === !([LeadStage.LOST, LeadStage.DELIVERED] as LeadStage[]).includes(to)));
  });
});

describe('stage data', () => {
  const next = { dueAt: LATER, purpose: '邀约到店' };

  it('refuses a next follow-up in the past', () => {
    expect(stageDataProblems(LeadStage.INVITED, { nextFollowUp: { dueAt: '2026-11-24T10:00:00Z', purpose: 'x' } }, NOW)).toEqual([
      expect.objectContaining({ code: 'NEXT_FOLLOW_UP_REQUIRED', path: 'nextFollowUp.dueAt' }),
    ]);
  });

  it('needs at least one need at CONTACTED', () => {
    expect(stageDataProblems(LeadStage.CONTACTED, { nextFollowUp: next, needs: { budget: ' ' } }, NOW)).toEqual([
      expect.objectContaining({ code: 'STAGE_DATA_REQUIRED', path: 'needs' }),
    ]);
    expect(stageDataProblems(LeadStage.CONTACTED, { nextFollowUp: next, needs: { use: '家用' } }, NOW)).toEqual([]);
  });

  it('needs a reason to lose a lead and no next task', () => {
    expect(stageDataProblems(LeadStage.LOST, {}, NOW)).toEqual([expect.objectContaining({ path: 'lostReason' })]);
    expect(stageDataProblems(LeadStage.LOST, { lostReason: 'PRICE' }, NOW)).toEqual([]);
  });

  it('needs the whole delivery checklist', () => {
    const delivery = { pdiDone: true, insuranceDone: true, temporaryPlateDone: false, handoverDone: true };
    expect(stageDataProblems(LeadStage.DELIVERED, { delivery }, NOW)).toEqual([expect.objectContaining({ code: 'DELIVERY_CHECKLIST_INCOMPLETE' })]);
    expect(stageDataProblems(LeadStage.DELIVERED, { delivery: { ...delivery, temporaryPlateDone: true } }, NOW)).toEqual([]);
  });
});
