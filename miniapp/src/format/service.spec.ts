import { describe, expect, it } from '@jest/globals';
import type { OwnerWorkOrder } from '../api/service';
import { changeWindowOf, serviceTypeText, workOrderProgressOf } from './service';

const checkedIn: OwnerWorkOrder = {
  id: 1,
  status: 'CHECKED_IN',
  serviceType: 'MAINTENANCE',
  store: { id: 1, name: '上海浦东旗舰店', phone: '021-58881234' },
  vehicle: { id: 7, plate: '沪B12345', model: { id: 5, name: '电跃 E5' } },
  items: ['更换空调滤芯'],
  totalFen: 38_000,
  checkedInAt: '2026-11-26T01:00:00.000Z',
  startedAt: null,
  qualityCheckedAt: null,
  readyAt: null,
  settledAt: null,
};

const statesOf = (order: OwnerWorkOrder) => workOrderProgressOf(order).map((step) => step.state);

describe('workOrderProgressOf', () => {
  it('marks a car just received as the first step, with its time', () => {
    const steps = workOrderProgressOf(checkedIn);
    expect(steps.map((step) => step.text)).toEqual(['已接车', '维修中', '质检中', '待取车', '已结算']);
    expect(statesOf(checkedIn)).toEqual(['current', 'todo', 'todo', 'todo', 'todo']);
    expect(steps[0].at).toBe(checkedIn.checkedInAt);
  });

  it('marks the steps before the current one done', () => {
    const ready = { ...checkedIn, status: 'READY' as const, startedAt: '2026-11-26T02:00:00.000Z', qualityCheckedAt: '2026-11-26T04:00:00.000Z', readyAt: '2026-11-26T05:00:00.000Z' };
    expect(statesOf(ready)).toEqual(['done', 'done', 'done', 'current', 'todo']);
  });

  it('shows a car sent back from quality check as 维修中, without the earlier check time', () => {
    const rework = { ...checkedIn, status: 'IN_PROGRESS' as const, startedAt: '2026-11-26T02:00:00.000Z', qualityCheckedAt: '2026-11-26T04:00:00.000Z' };
    const steps = workOrderProgressOf(rework);
    expect(statesOf(rework)).toEqual(['done', 'current', 'todo', 'todo', 'todo']);
    expect(steps[2].at).toBeNull();
  });

  it('marks every step done once the bill is settled', () => {
    const settled = { ...checkedIn, status: 'SETTLED' as const, settledAt: '2026-11-26T08:00:00.000Z' };
    expect(statesOf(settled)).toEqual(['done', 'done', 'done', 'done', 'done']);
  });
});

describe('serviceTypeText', () => {
  it('names each service type in Chinese', () => {
    expect(serviceTypeText('MAINTENANCE')).toBe('保养');
    expect(serviceTypeText('BODY_PAINT')).toBe('钣喷');
  });
});

describe('changeWindowOf', () => {
  const store = { id: 1, name: '上海浦东旗舰店', address: '上海市浦东新区张江路 1288 号', phone: '021-58881234' };
  // Cut-off Thursday 5 March 2026 08:00 in Shanghai, two hours before a 10:00 visit.
  const booking = { status: 'CONFIRMED' as const, changeableUntil: '2026-03-05T00:00:00.000Z', store };

  it('offers changes before the cut-off and says until when, on the Shanghai clock', () => {
    expect(changeWindowOf(booking, new Date('2026-03-04T23:59:00Z'))).toEqual({ open: true, text: '3月5日 周四 08:00 前可在线改期或取消' });
  });

  it('stops offering them from the cut-off on, and names the phone to call instead', () => {
    expect(changeWindowOf(booking, new Date('2026-03-05T00:00:00Z'))).toEqual({
      open: false,
      text: '已过在线改期时限，如需改期或取消请致电门店 021-58881234',
    });
  });

  it('has nothing to say of a booking that is no longer upcoming', () => {
    expect(changeWindowOf({ ...booking, status: 'CHECKED_IN', changeableUntil: null }, new Date('2026-03-04T00:00:00Z'))).toBeNull();
    expect(changeWindowOf({ ...booking, status: 'CANCELLED', changeableUntil: null }, new Date('2026-03-04T00:00:00Z'))).toBeNull();
  });
});
