import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Prisma } from '../../generated/prisma/client';
import { MemberTier, PointsEntryType, RewardKind } from '../../generated/prisma/enums';
import type { AdjustmentInput } from '../../contracts/loyalty.contract';
import type { StaffCaller } from '../../core/auth/caller';
import { PrismaService } from '../../core/database/prisma.service';
import { shanghaiDay } from '../../core/time/shanghai-time';
import { readableCode } from './readable-code';
import { LoyaltyError } from './loyalty.errors';
import { TIER_ORDER } from './points.rules';
import { ENTRY_FIELDS, PointsLedgerService } from './points-ledger.service';
import { AuditService, staffActor } from '../../core/audit/audit.service';

const EXPIRING_SOON_DAYS = 90;

const REWARD_FIELDS = { id: true, code: true, name: true, kind: true, points: true, stock: true, valueFen: true, couponDays: true, description: true, imageUrl: true } satisfies Prisma.RewardSelect;
const COUPON_FIELDS = { id: true, code: true, valueFen: true, expiresAt: true, usedAt: true, reward: { select: { id: true, name: true, kind: true } } } satisfies Prisma.CouponSelect;

/** Members' points as they see them, the rewards catalogue, redemptions and coupons, and staff adjustments. */
@Injectable()
export class LoyaltyService {
  constructor(
    private readonly audit: AuditService,
    private readonly prisma: PrismaService,
    private readonly ledger: PointsLedgerService,
  ) {}

  async summary(customerId: number, now = new Date()) {
    const [account, lots, earned, rules] = await Promise.all([
      this.prisma.pointsAccount.findUnique({ where: { customerId }, select: { tier: true } }),
      this.prisma.pointsLot.findMany({ where: { customerId, remaining: { gt: 0 }, expiresAt: { gt: now } }, select: { remaining: true, expiresAt: true }, orderBy: { expiresAt: 'asc' } }),
      this.ledger.earnedInYear(this.prisma, customerId, now),
      this.prisma.tierRule.findMany({ select: { tier: true, name: true, minPoints: true, perks: true } }),
    ]);
    const tier = account?.tier ?? MemberTier.STANDARD;
    const soon = new Date(now.getTime() + EXPIRING_SOON_DAYS * 86_400_000);
    const expiring = new Map<number, number>();
    for (const lot of lots.filter((candidate) => candidate.expiresAt <= soon)) expiring.set(lot.expiresAt.getTime(), (expiring.get(lot.expiresAt.getTime()) ?? 0) + lot.remaining);
    const next = rules.filter((rule) => TIER_ORDER.indexOf(rule.tier) > TIER_ORDER.indexOf(tier)).sort((a, b) => a.minPoints - b.minPoints)[0] ?? null;
    return {
      customerId,
      // The live lots: a lot past its date no longer counts, even before the expiry job writes its entry.
      balance: lots.reduce((sum, lot) => sum + lot.remaining, 0),
      tier,
      tierName: rules.find((rule) => rule.tier === tier)?.name ?? tier,
      tierMinPoints: rules.find((rule) => rule.tier === tier)?.minPoints ?? 0,
      perks: (rules.find((rule) => rule.tier === tier)?.perks as string[] | undefined) ?? [],
      earned12Months: earned,
      nextTier: next && { tier: next.tier, name: next.name, minPoints: next.minPoints },
      expiringSoon: [...expiring].map(([time, points]) => ({ points, expiresAt: new Date(time) })),
    };
  }

  async entries(customerId: number, page: number, pageSize: number) {
    const [items, total] = await Promise.all([
      this.prisma.pointsEntry.findMany({ where: { customerId }, select: ENTRY_FIELDS, orderBy: { id: 'desc' }, skip: (page - 1) * pageSize, take: pageSize }),
      this.prisma.pointsEntry.count({ where: { customerId } }),
    ]);
    return { items, total, page, pageSize };
  }

  rewards() {
    return this.prisma.reward.findMany({ where: { active: true }, select: REWARD_FIELDS, orderBy: [{ sortOrder: 'asc' }, { id: 'asc' }] });
  }

  /**
   * Spends points on a reward: points (first-expiring first) and one unit of stock are taken in the member's
   * locked transaction, a coupon is issued for coupon rewards. A retry with the same Idempotency-Key returns
   * the same redemption; without one, every request is a new redemption.
   */
  async redeem(customerId: number, rewardId: number, idempotencyKey: string | undefined, now = new Date()) {
    const key = `${customerId}:${idempotencyKey ?? randomUUID()}`;
    const earlier = await this.prisma.redemption.findUnique({ where: { idempotencyKey: key }, select: { id: true, rewardId: true } });
    if (earlier && earlier.rewardId !== rewardId) throw new LoyaltyError('IDEMPOTENCY_KEY_REUSED', '该幂等键已用于兑换另一件礼品');
    if (earlier) return this.redemptionView(earlier.id, (await this.summary(customerId)).balance);
    const reward = await this.prisma.reward.findFirst({ where: { id: rewardId, active: true }, select: { id: true, name: true, kind: true, points: true, valueFen: true, couponDays: true } });
    if (!reward) throw new LoyaltyError('REWARD_NOT_FOUND', '礼品不存在或已下架');
    const { redemptionId, balance } = await this.ledger.withAccount(
      customerId,
      async (tx, account) => {
        const again = await tx.redemption.findUnique({ where: { idempotencyKey: key }, select: { id: true } });
        if (again) return { redemptionId: again.id, balance: account.balance };
        const entry = await this.ledger.debitIn(tx, account, { type: PointsEntryType.REDEEM, points: reward.points, reason: `兑换 ${reward.name}`, source: 'redemption', idempotencyKey: `redeem:${key}` }, now);
        // Before the redemption and coupon rows: their foreign keys would take a shared lock on the reward's row,
        // and two redemptions upgrading shared locks to take stock would deadlock.
        const taken = await tx.reward.updateMany({ where: { id: reward.id, active: true, stock: { gt: 0 } }, data: { stock: { decrement: 1 } } });
        if (taken.count !== 1) throw new LoyaltyError('OUT_OF_STOCK', `${reward.name} 已兑完`);
        const redemption = await tx.redemption.create({ data: { customerId, rewardId: reward.id, points: reward.points, entryId: entry.id, idempotencyKey: key, createdAt: now }, select: { id: true } });
        if (reward.kind !== RewardKind.MERCHANDISE) {
          await tx.coupon.create({
            data: { code: readableCode(10), customerId, rewardId: reward.id, redemptionId: redemption.id, valueFen: reward.valueFen, expiresAt: couponExpiry(now, reward.couponDays ?? 90) },
            select: { id: true },
          });
        }
        return { redemptionId: redemption.id, balance: account.balance };
      },
      now,
    );
    return this.redemptionView(redemptionId, balance);
  }

  private async redemptionView(redemptionId: number, balance: number) {
    const row = await this.prisma.redemption.findUniqueOrThrow({
      where: { id: redemptionId },
      select: { id: true, points: true, createdAt: true, reward: { select: { id: true, name: true } }, coupon: { select: COUPON_FIELDS } },
    });
    return { ...row, balance, coupon: row.coupon && couponView(row.coupon) };
  }

  /** The member's redemptions, newest first: merchandise is collected at the store by its redemption number. */
  async redemptions(customerId: number) {
    const rows = await this.prisma.redemption.findMany({
      where: { customerId },
      select: { id: true, points: true, createdAt: true, reward: { select: { id: true, name: true } }, coupon: { select: COUPON_FIELDS } },
      orderBy: { id: 'desc' },
      take: 200,
    });
    const { balance } = await this.summary(customerId);
    return rows.map((row) => ({ ...row, balance, coupon: row.coupon && couponView(row.coupon) }));
  }

  async coupons(customerId: number, now = new Date()) {
    const rows = await this.prisma.coupon.findMany({ where: { customerId }, select: COUPON_FIELDS, orderBy: { id: 'desc' }, take: 200 });
    return rows.map((row) => couponView(row, now));
  }

  /**
   * Takes back what an earning gave (a refunded work order, an order earned by mistake): the same points, from
   * its own lot first; what the member already spent is not taken below zero. Each earning is reversed once.
   */
  async reverse(caller: StaffCaller, entryId: number, reason: string, now = new Date()) {
    const source = await this.prisma.pointsEntry.findUnique({ where: { id: entryId }, select: { customerId: true, type: true, idempotencyKey: true } });
    if (!source || source.type !== PointsEntryType.EARN) throw new LoyaltyError('ENTRY_NOT_REVERSIBLE', '只能冲回获得积分的记录');
    const entry = await this.ledger.withAccount(source.customerId, (tx, account) => this.ledger.reverseIn(tx, account, source.idempotencyKey, `冲回：${reason}`, now), now);
    return { ...entry!, customerId: source.customerId };
  }

  /** A marketer's or admin's correction, credit or debit (never below zero), once per idempotency key. */
  async adjust(caller: StaffCaller, input: AdjustmentInput, now = new Date()) {
    const key = `adjust:${input.idempotencyKey}`;
    const entry = await this.ledger.withAccount(
      input.customerId,
      async (tx, account) => {
        const written =
          input.points > 0
            ? await this.ledger.creditIn(tx, account, { type: PointsEntryType.ADJUST, points: input.points, reason: input.reason, source: 'adjustment', idempotencyKey: key, staffId: caller.staffId }, now)
            : await this.ledger.debitIn(tx, account, { type: PointsEntryType.ADJUST, points: -input.points, reason: input.reason, source: 'adjustment', idempotencyKey: key, staffId: caller.staffId }, now);
        await this.audit.record(tx, { actor: staffActor(caller), action: 'points.adjusted', entityType: 'customer', entityId: input.customerId, after: { points: input.points, reason: input.reason, entryId: written.id, balanceAfter: written.balanceAfter } });
        return written;
      },
      now,
    );
    if (entry.points !== input.points) throw new LoyaltyError('IDEMPOTENCY_KEY_REUSED', '该幂等键已用于另一笔不同的调整');
    return entry;
  }

  /** Redemptions within [start, end) by the customers matching `customer` (a campaign's response). */
  redeemedBetween(start: Date, end: Date, customer: Prisma.CustomerWhereInput) {
    return this.prisma.redemption.findMany({ where: { createdAt: { gte: start, lt: end }, customer }, select: { customerId: true, createdAt: true } });
  }
}

/** A coupon lasts until the end of the Shanghai day `days` after it was issued. */
function couponExpiry(issuedAt: Date, days: number): Date {
  return new Date(shanghaiDay(new Date(issuedAt.getTime() + days * 86_400_000)).end.getTime() - 1);
}


function couponView(row: Prisma.CouponGetPayload<{ select: typeof COUPON_FIELDS }>, now = new Date()) {
  return { ...row, status: row.usedAt ? ('USED' as const) : row.expiresAt <= now ? ('EXPIRED' as const) : ('AVAILABLE' as const) };
}
