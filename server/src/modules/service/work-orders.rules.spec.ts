import fc from 'fast-check';
import { WorkOrderStatus } from '../../generated/prisma/enums';
import { allowedNext, canMoveWorkOrder, labourFen, partsForItems, partsReadiness, serviceSlotCapacity, workOrderTotals } from './work-orders.rules';

const ALL = Object.values(WorkOrderStatus);
const status = fc.constantFrom(...ALL);

describe('work-order state machine', () => {
  it('allows exactly the workshop’s moves', () => {
    const allowed = ALL.flatMap((from) => ALL.filter((to) => canMoveWorkOrder(from, to)).map((to) => `${from}→${to}`));
    expect(allowed.sort()).toEqual(
      ['CHECKED_IN→IN_PROGRESS', 'IN_PROGRESS→QUALITY_CHECK', 'QUALITY_CHECK→IN_PROGRESS', 'QUALITY_CHECK→READY', 'READY→SETTLED'].sort(),
    );
  });

  it('never leaves SETTLED and never stays in place', () => {
    fc.assert(fc.property(status, (to) => !canMoveWorkOrder(WorkOrderStatus.SETTLED, to)));
    fc.assert(fc.property(status, (from) => !canMoveWorkOrder(from, from)));
  });

  it('reaches SETTLED only through READY, which only quality check reaches', () => {
    fc.assert(fc.property(status, (from) => canMoveWorkOrder(from, WorkOrderStatus.SETTLED) === (from === WorkOrderStatus.READY)));
    fc.assert(fc.property(status, (from) => canMoveWorkOrder(from, WorkOrderStatus.READY) === (from === WorkOrderStatus.QUALITY_CHECK)));
  });

  it('reaches SETTLED from every status by allowed moves except from SETTLED itself', () => {
    for (const start of ALL) {
      const seen = new Set([start]);
      const queue = [start];
      while (queue.length) {
        for (const next of allowedNext(queue.shift()!).filter((status) => !seen.has(status))) {
          seen.add(next);
          queue.push(next);
        }
      }
      expect(seen.has(WorkOrderStatus.SETTLED)).toBe(true);
    }
  });
});

describe('work-order money', () => {
  it('prices labour as hours × rate in fen', () => {
    expect(labourFen(150, 30_000)).toBe(45_000); // 1.5 h at 300 CNY
    expect(labourFen(33, 30_000)).toBe(9_900);
    expect(labourFen(1, 33_333)).toBe(333);
  });

  it('totals labour and parts, less a coupon that never takes the total below zero', () => {
    const lines = [{ labourFen: 15_000, parts: [{ amountFen: 4_000 }, { amountFen: 32_000 }] }, { labourFen: 9_000, parts: [] }];
    expect(workOrderTotals(lines)).toEqual({ labourFen: 24_000, partsFen: 36_000, discountFen: 0, totalFen: 60_000 });
    expect(workOrderTotals(lines, 20_000)).toEqual({ labourFen: 24_000, partsFen: 36_000, discountFen: 20_000, totalFen: 40_000 });
    fc.assert(
      fc.property(fc.array(fc.record({ labourFen: fc.nat(1e6), parts: fc.array(fc.record({ amountFen: fc.nat(1e6) })) })), fc.nat(1e7), (lines, coupon) => {
        const totals = workOrderTotals(lines, coupon);
        return totals.totalFen === totals.labourFen + totals.partsFen - totals.discountFen && totals.totalFen >= 0 && totals.discountFen <= coupon;
      }),
    );
  });
});

describe('parts readiness', () => {
  const itemParts = new Map([
    [1, [{ partId: 10, quantity: 1 }, { partId: 11, quantity: 4 }]],
    [2, [{ partId: 12, quantity: 1 }]],
  ]);

  it('sums the parts of the requested items', () => {
    expect([...partsForItems([1, 2, 1], itemParts)]).toEqual([
      [10, 2],
      [11, 8],
      [12, 1],
    ]);
    expect(partsForItems([99], itemParts).size).toBe(0);
  });

  it('gives the parts to the earlier arrival first', () => {
    const stock = new Map([
      [10, 1],
      [11, 6],
    ]);
    const [first, second] = partsReadiness([partsForItems([1], itemParts), partsForItems([1], itemParts)], stock);
    expect(first.ready).toBe(true);
    expect(second).toEqual({
      ready: false,
      lines: [
        { partId: 10, needed: 1, available: 0, short: 1 },
        { partId: 11, needed: 4, available: 2, short: 2 },
      ],
    });
  });

  it('is ready with nothing needed and never reports more shortage than need', () => {
    expect(partsReadiness([new Map()], new Map())).toEqual([{ ready: true, lines: [] }]);
    fc.assert(
      fc.property(fc.array(fc.array(fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 5 })), { maxLength: 4 }), { maxLength: 6 }), fc.array(fc.tuple(fc.integer({ min: 1, max: 4 }), fc.nat(10))), (arrivals, stock) => {
        const result = partsReadiness(arrivals.map((pairs) => new Map(pairs)), new Map(stock));
        return result.every((arrival) => arrival.lines.every((line) => line.short >= 0 && line.short <= line.needed && line.available >= 0));
      }),
    );
  });
});

describe('service slot capacity', () => {
  it('is limited by bays and by advisors × jobs each', () => {
    expect(serviceSlotCapacity(4, 1, 2)).toBe(2);
    expect(serviceSlotCapacity(4, 3, 2)).toBe(4);
    expect(serviceSlotCapacity(0, 3, 2)).toBe(0);
    expect(serviceSlotCapacity(4, 0, 2)).toBe(0);
  });
});
