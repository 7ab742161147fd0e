import { addMonthsToDate, shanghaiDateOf, startOfShanghaiDate } from '../../core/time/shanghai-time';

/**
 * Points maths, free of the database: lots, first-expiring-first spending, expiry and reversal. The ledger
 * service applies exactly these functions inside a transaction that holds the member's account row.
 */

export interface Lot {
  id: number;
  /** Points still unspent in this lot. */
  remaining: number;
  expiresAt: Date;
}

export interface Allocation {
  lotId: number;
  points: number;
}

/** Earned points live 24 months and die at the end of that month (Shanghai): earned 2026-03-10 → 2028-03-31 23:59:59.999. */
export function lotExpiry(earnedAt: Date, months = 24): Date {
  const firstOfEarnMonth = `${shanghaiDateOf(earnedAt).slice(0, 8)}01`;
  const firstAfter = addMonthsToDate(firstOfEarnMonth, months + 1);
  return new Date(startOfShanghaiDate(firstAfter).getTime() - 1);
}

/** Live lots in spending order: the one that expires first goes first (then the older lot). */
export function spendingOrder(lots: Lot[], now: Date): Lot[] {
  return lots.filter((lot) => lot.remaining > 0 && lot.expiresAt > now).sort((a, b) => a.expiresAt.getTime() - b.expiresAt.getTime() || a.id - b.id);
}

export function balanceOf(lots: Lot[], now: Date): number {
  return spendingOrder(lots, now).reduce((sum, lot) => sum + lot.remaining, 0);
}

/** Takes `points` from the lots that expire first; null when the live lots do not hold that many. */
export function allocateFifo(lots: Lot[], points: number, now: Date): Allocation[] | null {
  if (points <= 0) return [];
  const allocations: Allocation[] = [];
  let left = points;
  for (const lot of spendingOrder(lots, now)) {
    const take = Math.min(lot.remaining, left);
    allocations.push({ lotId: lot.id, points: take });
    left -= take;
    if (left === 0) return allocations;
  }
  return null;
}

/**
 * Taking back what an earning gave (a refunded work order): from that earning's own lot first, then from the
 * lots that expire first. The balance never goes below zero: what the member has already spent and cannot
 * cover is reported as `unrecovered` rather than owed.
 */
export function allocateReversal(lots: Lot[], sourceLotId: number, points: number, now: Date): { allocations: Allocation[]; unrecovered: number } {
  const own = lots.find((lot) => lot.id === sourceLotId && lot.remaining > 0 && lot.expiresAt > now);
  const fromOwn = own ? Math.min(own.remaining, points) : 0;
  const others = lots.filter((lot) => lot.id !== sourceLotId);
  const rest = points - fromOwn;
  const available = balanceOf(others, now);
  const fromOthers = allocateFifo(others, Math.min(rest, available), now) ?? [];
  return {
    allocations: [...(fromOwn > 0 ? [{ lotId: sourceLotId, points: fromOwn }] : []), ...fromOthers],
    unrecovered: rest - Math.min(rest, available),
  };
}

/** Lots whose time is up and still hold points: each expires once, for exactly what is left in it. */
export function expiringLots(lots: Lot[], now: Date): Lot[] {
  return lots.filter((lot) => lot.remaining > 0 && lot.expiresAt <= now);
}

/**
 * Points for money spent: whole CNY × points per CNY × the tier's multiplier (in percent, so 1.5× is 150 and
 * the sum stays in integers). Part of a yuan and part of a point are dropped, never rounded up.
 */
export function pointsForSpend(totalFen: number, pointsPerYuan: number, multiplierPercent: number): number {
  return Math.floor((Math.floor(totalFen / 100) * pointsPerYuan * multiplierPercent) / 100);
}

export const TIER_ORDER = ['STANDARD', 'SILVER', 'GOLD', 'BLACK'] as const;
export type Tier = (typeof TIER_ORDER)[number];

/** The highest tier whose threshold the points earned in 12 months reach (普卡 when none). */
export function tierFor(earned12Months: number, rules: { tier: Tier; minPoints: number }[]): Tier {
  return rules
    .filter((rule) => earned12Months >= rule.minPoints)
    .map((rule) => rule.tier)
    .reduce<Tier>((best, tier) => (TIER_ORDER.indexOf(tier) > TIER_ORDER.indexOf(best) ? tier : best), 'STANDARD');
}

/** Upgrades happen at once; a lower tier only at the yearly review. */
export function tierAfter(current: Tier, reached: Tier, yearlyReview: boolean): Tier {
  return yearlyReview || TIER_ORDER.indexOf(reached) > TIER_ORDER.indexOf(current) ? reached : current;
}
