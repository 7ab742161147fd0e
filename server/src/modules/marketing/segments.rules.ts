import type { Prisma } from '../../generated/prisma/client';
import { SegmentFilter, segmentFilterSchema } from '../../contracts/marketing.contract';
import { shanghaiDateOf } from '../../core/time/shanghai-time';

const DAY_MS = 86_400_000;

function monthsAgo(now: Date, months: number): Date {
  const at = new Date(now);
  at.setUTCMonth(at.getUTCMonth() - months);
  return at;
}

/**
 * A saved filter as the contract reads it, or null when it no longer passes (saved before a bound existed):
 * such a segment is listed as invalid, to be edited or deleted, instead of failing every list that shows it.
 */
export function storedSegmentFilter(stored: Prisma.JsonValue): SegmentFilter | null {
  const parsed = segmentFilterSchema.safeParse(stored);
  return parsed.success ? parsed.data : null;
}

/**
 * A segment's filter as one Prisma `where` over customers, so the database counts it (EXISTS subqueries on
 * indexed foreign keys) instead of the server loading members. Each condition narrows; none given = everyone
 * (the caller adds the member condition).
 */
export function segmentWhere(filter: SegmentFilter, now: Date): Prisma.CustomerWhereInput {
  const and: Prisma.CustomerWhereInput[] = [];
  if (filter.tiers?.length) {
    const tiers = { pointsAccount: { tier: { in: filter.tiers } } };
    and.push(filter.tiers.includes('STANDARD') ? { OR: [tiers, { pointsAccount: { is: null } }] } : tiers);
  }
  if (filter.modelIds?.length) and.push({ vehicles: { some: { modelId: { in: filter.modelIds } } } });
  if (filter.storeIds?.length) and.push({ OR: [{ vehicles: { some: { storeId: { in: filter.storeIds } } } }, { leads: { some: { storeId: { in: filter.storeIds } } } }] });
  const age = filter.vehicleAgeMonths;
  if (age && (age.min != null || age.max != null)) {
    and.push({
      vehicles: { some: { deliveredAt: { ...(age.min != null ? { lte: monthsAgo(now, age.min) } : {}), ...(age.max != null ? { gte: monthsAgo(now, age.max) } : {}) } } },
    });
  }
  const idle = filter.daysSinceLastService;
  if (idle && (idle.min != null || idle.max != null)) {
    const before = idle.min != null ? new Date(now.getTime() - idle.min * DAY_MS) : undefined;
    const after = idle.max != null ? new Date(now.getTime() - idle.max * DAY_MS) : undefined;
    const window = { ...(before ? { lte: before } : {}), ...(after ? { gte: after } : {}) };
    and.push({ vehicles: { some: { OR: [{ lastServiceAt: window }, { lastServiceAt: null, deliveredAt: window }] } } });
  }
  const balance = filter.pointsBalance;
  if (balance && (balance.min != null || balance.max != null)) {
    const held = { pointsAccount: { balance: { ...(balance.min != null ? { gte: balance.min } : {}), ...(balance.max != null ? { lte: balance.max } : {}) } } };
    // No account yet is a balance of 0.
    and.push(!balance.min ? { OR: [held, { pointsAccount: { is: null } }] } : held);
  }
  if (filter.insuranceExpiringWithinDays) {
    const today = new Date(`${shanghaiDateOf(now)}T00:00:00Z`);
    and.push({ vehicles: { some: { insuranceExpiresOn: { gte: today, lte: new Date(today.getTime() + filter.insuranceExpiringWithinDays * DAY_MS) } } } });
  }
  if (filter.leadStages?.length) and.push({ leads: { some: { stage: { in: filter.leadStages } } } });
  if (filter.birthdayMonths?.length) and.push({ OR: birthdayRanges(filter.birthdayMonths, now) });
  return { AND: and };
}

const OLDEST_BIRTH_YEAR = 1920;

/** "Born in March" as one date range per year: Prisma cannot say MONTH(birthday), and ranges can use an index. */
function birthdayRanges(months: number[], now: Date): Prisma.CustomerWhereInput[] {
  const ranges: Prisma.CustomerWhereInput[] = [];
  for (let year = OLDEST_BIRTH_YEAR; year <= now.getUTCFullYear(); year += 1) {
    for (const month of months) ranges.push({ birthday: { gte: new Date(Date.UTC(year, month - 1, 1)), lt: new Date(Date.UTC(year, month, 1)) } });
  }
  return ranges;
}
