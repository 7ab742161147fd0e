import { Injectable } from '@nestjs/common';
import type { Prisma } from '../../generated/prisma/client';
import { MemberTier, PointsEntryType } from '../../generated/prisma/enums';
import { PrismaService } from '../../core/database/prisma.service';
import { retryOnConflict } from '../../core/database/prisma-errors';
import { CustomersService } from '../customers/customers.service';
import { LoyaltyError } from './loyalty.errors';
import { allocateFifo, allocateReversal, Allocation, expiringLots, lotExpiry, tierAfter, tierFor } from './points.rules';

type Tx = Prisma.TransactionClient;

/** The member's account row, locked for the transaction. */
export interface LockedAccount {
  customerId: number;
  balance: number;
  tier: MemberTier;
  /** How many lots the sweep on taking the lock expired. */
  expiredLots: number;
}

export interface CreditInput {
  type: 'EARN' | 'ADJUST';
  points: number;
  reason: string;
  source: string;
  sourceId?: number | null;
  idempotencyKey: string;
  staffId?: number | null;
}

export interface DebitInput {
  type: 'REDEEM' | 'ADJUST';
  points: number;
  reason: string;
  source: string;
  sourceId?: number | null;
  idempotencyKey: string;
  staffId?: number | null;
}

export const ENTRY_FIELDS = { id: true, customerId: true, type: true, points: true, balanceAfter: true, reason: true, source: true, createdAt: true } satisfies Prisma.PointsEntrySelect;

/**
 * The points ledger. Every change to a member's points runs in one transaction holding the member's account
 * row (`FOR UPDATE`), so two redemptions of the same member take turns; entries are append-only and keyed by
 * a unique idempotency key, so a retry or a re-run job never counts twice; the account's balance has a
 * CHECK (balance >= 0) and each lot a CHECK (remaining >= 0), so not even a bug can take it below zero.
 */
@Injectable()
export class PointsLedgerService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly customers: CustomersService,
  ) {}

  /** Runs `work` holding the member's account row. Expired lots are swept first, so the balance is exact. */
  async withAccount<T>(customerId: number, work: (tx: Tx, account: LockedAccount) => Promise<T>, now = new Date()): Promise<T> {
    await this.ensureAccount(customerId);
    return retryOnConflict(() =>
      this.prisma.$transaction(async (tx) => {
        const [row] = await tx.$queryRaw<{ balance: number; tier: MemberTier }[]>`SELECT balance, tier FROM points_accounts WHERE customer_id = ${customerId} FOR UPDATE`;
        const account: LockedAccount = { customerId, balance: Number(row.balance), tier: row.tier, expiredLots: 0 };
        account.expiredLots = await this.expireDueIn(tx, account, now);
        return work(tx, account);
      }),
    );
  }

  /** Outside the transaction: an INSERT IGNORE before the row lock would deadlock concurrent first touches. */
  private async ensureAccount(customerId: number): Promise<void> {
    if (await this.prisma.pointsAccount.findUnique({ where: { customerId }, select: { customerId: true } })) return;
    if (!(await this.customers.exists(customerId))) throw new LoyaltyError('CUSTOMER_NOT_FOUND', '会员不存在');
    await this.prisma.pointsAccount.createMany({ data: [{ customerId }], skipDuplicates: true });
  }

  /** Adds a lot of points expiring at the end of the month 24 months on; the same key again returns the first entry. */
  async creditIn(tx: Tx, account: LockedAccount, input: CreditInput, now = new Date()) {
    const earlier = await this.entryByKey(tx, account, input.idempotencyKey);
    if (earlier) return earlier;
    const balanceAfter = account.balance + input.points;
    const entry = await tx.pointsEntry.create({
      data: { customerId: account.customerId, type: input.type, points: input.points, balanceAfter, reason: input.reason, source: input.source, sourceId: input.sourceId ?? null, idempotencyKey: input.idempotencyKey, staffId: input.staffId ?? null, createdAt: now },
      select: ENTRY_FIELDS,
    });
    await tx.pointsLot.create({ data: { customerId: account.customerId, entryId: entry.id, points: input.points, remaining: input.points, expiresAt: lotExpiry(now) }, select: { id: true } });
    await this.setBalance(tx, account, balanceAfter);
    if (input.type === PointsEntryType.EARN) await this.settleTier(tx, account, now, false);
    return entry;
  }

  /** Takes points from the lots that expire first, or 409 INSUFFICIENT_POINTS; the same key again returns the first entry. */
  async debitIn(tx: Tx, account: LockedAccount, input: DebitInput, now = new Date()) {
    const earlier = await this.entryByKey(tx, account, input.idempotencyKey);
    if (earlier) return earlier;
    const allocations = allocateFifo(await this.liveLots(tx, account.customerId, now), input.points, now);
    if (!allocations) throw new LoyaltyError('INSUFFICIENT_POINTS', `积分不足：需要 ${input.points}，当前可用 ${account.balance}`);
    return this.writeDebit(tx, account, { ...input, type: input.type, points: input.points }, allocations, now);
  }

  /**
   * Takes back what an earning gave (its own lot first, then the lots that expire first). Points the member
   * already spent and cannot cover are not taken below zero; the entry's reason says how many.
   */
  async reverseIn(tx: Tx, account: LockedAccount, sourceKey: string, reason: string, now = new Date()) {
    const source = await tx.pointsEntry.findUnique({ where: { idempotencyKey: sourceKey }, select: { id: true, customerId: true, points: true, type: true, lot: { select: { id: true } }, reversedBy: { select: ENTRY_FIELDS } } });
    if (!source || source.customerId !== account.customerId || source.type !== PointsEntryType.EARN || !source.lot) throw new LoyaltyError('ENTRY_NOT_REVERSIBLE', '只能冲回获得积分的记录');
    if (source.reversedBy) return source.reversedBy;
    const { allocations, unrecovered } = allocateReversal(await this.liveLots(tx, account.customerId, now), source.lot.id, source.points, now);
    return this.writeDebit(
      tx,
      account,
      { type: PointsEntryType.REVERSAL, points: source.points - unrecovered, reason: unrecovered ? `${reason}（${unrecovered} 分已使用，未扣回）` : reason, source: 'reversal', sourceId: source.id, idempotencyKey: `reverse:${sourceKey}`, reversesEntryId: source.id },
      allocations,
      now,
    );
  }

  private async writeDebit(
    tx: Tx,
    account: LockedAccount,
    input: { type: PointsEntryType; points: number; reason: string; source: string; sourceId?: number | null; idempotencyKey: string; staffId?: number | null; reversesEntryId?: number },
    allocations: Allocation[],
    now: Date,
  ) {
    const taken = allocations.reduce((sum, allocation) => sum + allocation.points, 0);
    const balanceAfter = account.balance - taken;
    const entry = await tx.pointsEntry.create({
      data: {
        customerId: account.customerId,
        type: input.type,
        points: -taken,
        balanceAfter,
        reason: input.reason,
        source: input.source,
        sourceId: input.sourceId ?? null,
        idempotencyKey: input.idempotencyKey,
        reversesEntryId: input.reversesEntryId ?? null,
        staffId: input.staffId ?? null,
        createdAt: now,
      },
      select: ENTRY_FIELDS,
    });
    for (const allocation of allocations) {
      const drawn = await tx.pointsLot.updateMany({ where: { id: allocation.lotId, remaining: { gte: allocation.points } }, data: { remaining: { decrement: allocation.points } } });
      if (drawn.count !== 1) throw new Error(`points lot ${allocation.lotId} changed under the account lock`);
    }
    if (allocations.length) await tx.pointsAllocation.createMany({ data: allocations.map((allocation) => ({ entryId: entry.id, lotId: allocation.lotId, points: allocation.points })) });
    await this.setBalance(tx, account, balanceAfter);
    return entry;
  }

  /** Expires, once each, the member's lots whose time is up (an EXPIRE entry per lot, keyed by the lot). */
  private async expireDueIn(tx: Tx, account: LockedAccount, now: Date): Promise<number> {
    const due = expiringLots(await tx.pointsLot.findMany({ where: { customerId: account.customerId, remaining: { gt: 0 }, expiresAt: { lte: now } }, select: { id: true, remaining: true, expiresAt: true } }), now);
    for (const lot of due) {
      await this.writeDebit(tx, account, { type: PointsEntryType.EXPIRE, points: lot.remaining, reason: '积分到期', source: 'expiry', sourceId: lot.id, idempotencyKey: `expire:${lot.id}` }, [{ lotId: lot.id, points: lot.remaining }], now);
    }
    return due.length;
  }

  /** The expiry job: members with lots past their date, each swept under their own account lock. */
  async expireDue(now = new Date(), batch = 500): Promise<number> {
    let expired = 0;
    for (;;) {
      const members = await this.prisma.pointsLot.findMany({ where: { remaining: { gt: 0 }, expiresAt: { lte: now } }, select: { customerId: true }, distinct: ['customerId'], take: batch });
      if (members.length === 0) return expired;
      for (const { customerId } of members) expired += await this.withAccount(customerId, async (_tx, account) => account.expiredLots, now);
    }
  }

  private async liveLots(tx: Tx, customerId: number, now: Date) {
    return tx.pointsLot.findMany({ where: { customerId, remaining: { gt: 0 }, expiresAt: { gt: now } }, select: { id: true, remaining: true, expiresAt: true }, orderBy: [{ expiresAt: 'asc' }, { id: 'asc' }] });
  }

  private async entryByKey(tx: Tx, account: LockedAccount, idempotencyKey: string) {
    const entry = await tx.pointsEntry.findUnique({ where: { idempotencyKey }, select: ENTRY_FIELDS });
    if (entry && entry.customerId !== account.customerId) throw new LoyaltyError('IDEMPOTENCY_KEY_REUSED', '该幂等键已用于另一位会员');
    return entry;
  }

  private async setBalance(tx: Tx, account: LockedAccount, balance: number) {
    await tx.pointsAccount.update({ where: { customerId: account.customerId }, data: { balance }, select: { customerId: true } });
    account.balance = balance;
  }

  /** The tier the last 12 months earned: taken at once when higher, and when lower only at the yearly review. */
  private async settleTier(tx: Tx, account: LockedAccount, now: Date, yearlyReview: boolean) {
    const reached = tierFor(await this.earnedInYear(tx, account.customerId, now), await tx.tierRule.findMany({ select: { tier: true, minPoints: true } }));
    const tier = tierAfter(account.tier, reached, yearlyReview);
    if (tier !== account.tier || yearlyReview) {
      await tx.pointsAccount.update({ where: { customerId: account.customerId }, data: { tier, ...(yearlyReview ? { tierReviewedAt: now } : {}) }, select: { customerId: true } });
      account.tier = tier;
    }
  }

  /** The yearly review: members not reviewed for a year get the tier their last 12 months earned, up or down. */
  async reviewTiers(now = new Date(), batch = 500): Promise<number> {
    const yearAgo = new Date(now.getTime() - 365 * 86_400_000);
    let reviewed = 0;
    for (;;) {
      const due = await this.prisma.pointsAccount.findMany({
        where: { createdAt: { lte: yearAgo }, OR: [{ tierReviewedAt: null }, { tierReviewedAt: { lte: yearAgo } }] },
        select: { customerId: true },
        take: batch,
      });
      if (due.length === 0) return reviewed;
      for (const { customerId } of due) await this.withAccount(customerId, (tx, account) => this.settleTier(tx, account, now, true), now);
      reviewed += due.length;
    }
  }

  /** Points earned in the rolling 12 months, net of reversals. */
  async earnedInYear(db: Tx | PrismaService, customerId: number, now = new Date()): Promise<number> {
    const since = new Date(now.getTime() - 365 * 86_400_000);
    const sum = await db.pointsEntry.aggregate({ where: { customerId, type: { in: [PointsEntryType.EARN, PointsEntryType.REVERSAL] }, createdAt: { gt: since } }, _sum: { points: true } });
    return sum._sum.points ?? 0;
  }

  /** Gives a member points once under `idempotencyKey` (a birthday gift, a campaign bonus, fixed event points). */
  async grant(customerId: number, input: Omit<CreditInput, 'type'>, now = new Date()): Promise<void> {
    await this.withAccount(customerId, (tx, account) => this.creditIn(tx, account, { ...input, type: PointsEntryType.EARN }, now), now);
  }

  /** Points still left in lots that expire within [start, end), per member and expiry day, for the 30-day warning. */
  async expiringBetween(start: Date, end: Date): Promise<Array<{ customerId: number; points: number; expiresAt: Date }>> {
    const groups = await this.prisma.pointsLot.groupBy({
      by: ['customerId', 'expiresAt'],
      where: { expiresAt: { gte: start, lt: end }, remaining: { gt: 0 } },
      _sum: { remaining: true },
    });
    return groups.map((group) => ({ customerId: group.customerId, expiresAt: group.expiresAt, points: group._sum.remaining ?? 0 }));
  }
}
