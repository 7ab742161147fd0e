import fc from 'fast-check';
import { Allocation, allocateFifo, allocateReversal, balanceOf, expiringLots, Lot, lotExpiry, pointsForSpend, spendingOrder, tierAfter, tierFor } from './points.rules';

const DAY = 86_400_000;

type Operation =
  | { kind: 'earn'; points: number; lifeDays: number }
  | { kind: 'redeem'; points: number }
  | { kind: 'adjust'; points: number }
  | { kind: 'reverse'; pick: number }
  | { kind: 'wait'; days: number };

interface Entry {
  type: 'EARN' | 'REDEEM' | 'EXPIRE' | 'ADJUST' | 'REVERSAL';
  points: number;
  lotId?: number;
  allocations: Allocation[];
}

/** A ledger driven only by the rules, as the service drives the database: lots, entries, allocations. */
class Ledger {
  lots: (Lot & { points: number })[] = [];
  entries: Entry[] = [];
  now = new Date('2026-01-15T04:00:00Z');

  credit(type: 'EARN' | 'ADJUST', points: number, lifeDays: number) {
    const lot = { id: this.lots.length + 1, points, remaining: points, expiresAt: new Date(this.now.getTime() + lifeDays * DAY) };
    this.lots.push(lot);
    this.entries.push({ type, points, lotId: lot.id, allocations: [] });
  }

  debit(type: 'REDEEM' | 'ADJUST' | 'REVERSAL' | 'EXPIRE', allocations: Allocation[]) {
    for (const allocation of allocations) this.lots.find((lot) => lot.id === allocation.lotId)!.remaining -= allocation.points;
    const points = allocations.reduce((sum, allocation) => sum + allocation.points, 0);
    if (points > 0) this.entries.push({ type, points: -points, allocations });
  }

  apply(operation: Operation): Allocation[] | null {
    switch (operation.kind) {
      case 'earn':
        this.credit('EARN', operation.points, operation.lifeDays);
        return null;
      case 'redeem': {
        const allocations = allocateFifo(this.lots, operation.points, this.now);
        if (allocations) this.debit('REDEEM', allocations);
        return allocations;
      }
      case 'adjust':
        if (operation.points >= 0) this.credit('ADJUST', operation.points, 730);
        else {
          const allocations = allocateFifo(this.lots, -operation.points, this.now);
          if (allocations) this.debit('ADJUST', allocations);
        }
        return null;
      case 'reverse': {
        const earns = this.entries.filter((entry) => entry.type === 'EARN');
        if (earns.length === 0) return null;
        const source = earns[operation.pick % earns.length];
        const { allocations, unrecovered } = allocateReversal(this.lots, source.lotId!, source.points, this.now);
        const taken = allocations.reduce((sum, allocation) => sum + allocation.points, 0);
        expect(taken + unrecovered).toBe(source.points);
        this.debit('REVERSAL', allocations);
        return null;
      }
      case 'wait':
        this.now = new Date(this.now.getTime() + operation.days * DAY);
        for (const lot of expiringLots(this.lots, this.now)) this.debit('EXPIRE', [{ lotId: lot.id, points: lot.remaining }]);
        return null;
    }
  }
}

const operation: fc.Arbitrary<Operation> = fc.oneof(
  fc.record({ kind: fc.constant('earn' as const), points: fc.integer({ min: 1, max: 500 }), lifeDays: fc.integer({ min: 1, max: 800 }) }),
  fc.record({ kind: fc.constant('redeem' as const), points: fc.integer({ min: 1, max: 600 }) }),
  fc.record({ kind: fc.constant('adjust' as const), points: fc.integer({ min: -300, max: 300 }) }),
  fc.record({ kind: fc.constant('reverse' as const), pick: fc.nat(50) }),
  fc.record({ kind: fc.constant('wait' as const), days: fc.integer({ min: 1, max: 120 }) }),
);

describe('points ledger properties (1,000 random sequences)', () => {
  it('keeps balance = sum of lot remainders ≥ 0, spends first-expiring first, and replays to the same balance', () => {
    fc.assert(
      fc.property(fc.array(operation, { minLength: 1, maxLength: 60 }), (operations) => {
        const ledger = new Ledger();
        for (const step of operations) {
          const liveBefore = spendingOrder(ledger.lots, ledger.now).map((lot) => ({ ...lot }));
          const allocations = ledger.apply(step);

          // Never negative: no lot below zero, and the balance is the sum of what the live lots hold.
          expect(ledger.lots.every((lot) => lot.remaining >= 0 && lot.remaining <= lot.points)).toBe(true);
          const balance = balanceOf(ledger.lots, ledger.now);
          expect(balance).toBeGreaterThanOrEqual(0);

          // FIFO by expiry: a redemption drains every earlier-expiring live lot before touching a later one.
          if (step.kind === 'redeem' && allocations) {
            const used = new Set(allocations.map((allocation) => allocation.lotId));
            const lastUsed = liveBefore.filter((lot) => used.has(lot.id)).pop()!;
            for (const lot of liveBefore) {
              if (lot.expiresAt < lastUsed.expiresAt || (lot.expiresAt.getTime() === lastUsed.expiresAt.getTime() && lot.id < lastUsed.id)) {
                expect(ledger.lots.find((candidate) => candidate.id === lot.id)!.remaining).toBe(0);
              }
            }
          }
          if (step.kind === 'redeem' && !allocations) expect(step.points).toBeGreaterThan(balanceOf(liveBefore, ledger.now));

          // Replay: the entries alone give the balance, and their allocations rebuild every lot's remainder.
          expect(ledger.entries.reduce((sum, entry) => sum + entry.points, 0)).toBe(ledger.lots.reduce((sum, lot) => sum + lot.remaining, 0));
          for (const lot of ledger.lots) {
            const spent = ledger.entries.flatMap((entry) => entry.allocations).filter((allocation) => allocation.lotId === lot.id).reduce((sum, allocation) => sum + allocation.points, 0);
            expect(lot.points - spent).toBe(lot.remaining);
          }
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe('points rules', () => {
  it('expires a lot at the end of the month, 24 months after it was earned (Shanghai time)', () => {
    expect(lotExpiry(new Date('2026-03-10T02:00:00Z')).toISOString()).toBe('2028-03-31T15:59:59.999Z');
    // 31 Dec 20:00 UTC is already 1 Jan in Shanghai.
    expect(lotExpiry(new Date('2026-12-31T20:00:00Z')).toISOString()).toBe('2029-01-31T15:59:59.999Z');
    expect(lotExpiry(new Date('2026-03-10T02:00:00Z'), 12).toISOString()).toBe('2027-03-31T15:59:59.999Z');
  });

  it('refuses to spend more than the live lots hold and ignores expired ones', () => {
    const now = new Date('2026-06-01T00:00:00Z');
    const lots = [
      { id: 1, remaining: 100, expiresAt: new Date('2026-05-31T00:00:00Z') },
      { id: 2, remaining: 50, expiresAt: new Date('2027-01-01T00:00:00Z') },
    ];
    expect(allocateFifo(lots, 60, now)).toBeNull();
    expect(allocateFifo(lots, 50, now)).toEqual([{ lotId: 2, points: 50 }]);
    expect(expiringLots(lots, now).map((lot) => lot.id)).toEqual([1]);
  });

  it('reverses from the source lot first, then first-expiring, and reports what was already spent', () => {
    const now = new Date('2026-06-01T00:00:00Z');
    const lots = [
      { id: 1, remaining: 30, expiresAt: new Date('2027-05-01T00:00:00Z') },
      { id: 2, remaining: 20, expiresAt: new Date('2026-12-01T00:00:00Z') },
    ];
    expect(allocateReversal(lots, 1, 40, now)).toEqual({ allocations: [{ lotId: 1, points: 30 }, { lotId: 2, points: 10 }], unrecovered: 0 });
    expect(allocateReversal(lots, 1, 80, now)).toEqual({ allocations: [{ lotId: 1, points: 30 }, { lotId: 2, points: 20 }], unrecovered: 30 });
  });

  it('earns on whole yuan with the tier multiplier, in integers', () => {
    expect(pointsForSpend(123_456, 1, 100)).toBe(1_234);
    expect(pointsForSpend(10_000, 1, 115)).toBe(115);
    expect(pointsForSpend(99, 1, 200)).toBe(0);
    expect(pointsForSpend(50_000, 2, 150)).toBe(1_500);
  });

  it('decides the tier by points earned in 12 months: up at once, down only at the yearly review', () => {
    const rules = [
      { tier: 'STANDARD' as const, minPoints: 0 },
      { tier: 'SILVER' as const, minPoints: 2_000 },
      { tier: 'GOLD' as const, minPoints: 8_000 },
      { tier: 'BLACK' as const, minPoints: 20_000 },
    ];
    expect([0, 1_999, 2_000, 8_000, 25_000].map((earned) => tierFor(earned, rules))).toEqual(['STANDARD', 'STANDARD', 'SILVER', 'GOLD', 'BLACK']);
    expect(tierAfter('SILVER', 'GOLD', false)).toBe('GOLD');
    expect(tierAfter('GOLD', 'SILVER', false)).toBe('GOLD');
    expect(tierAfter('GOLD', 'SILVER', true)).toBe('SILVER');
  });
});
