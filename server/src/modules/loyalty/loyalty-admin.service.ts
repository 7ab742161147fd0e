import { Injectable } from '@nestjs/common';
import type { Prisma } from '../../generated/prisma/client';
import { MemberTier } from '../../generated/prisma/enums';
import type { CreateRewardInput, MemberListQuery, UpdateRewardInput } from '../../contracts/loyalty.contract';
import { isMainlandMobile } from '../../contracts/common.contract';
import { AuditService, staffActor } from '../../core/audit/audit.service';
import type { StaffCaller } from '../../core/auth/caller';
import { customerMobileFor } from '../../core/auth/mobile-visibility';
import { PrismaService } from '../../core/database/prisma.service';
import { isUniqueViolation } from '../../core/database/prisma-errors';
import { CustomersService } from '../customers/customers.service';
import { LoyaltyError } from './loyalty.errors';
import { TIER_ORDER } from './points.rules';
import { MEMBER_WHERE } from './members.rules';
import { LoyaltyService } from './loyalty.service';
import { ENTRY_FIELDS } from './points-ledger.service';
import { byIdPages, mapBatches } from '../../core/exports/xlsx-export';

const ADMIN_REWARD_FIELDS = {
  id: true,
  code: true,
  name: true,
  kind: true,
  points: true,
  stock: true,
  valueFen: true,
  couponDays: true,
  description: true,
  imageUrl: true,
  active: true,
  sortOrder: true,
  _count: { select: { redemptions: true } },
} satisfies Prisma.RewardSelect;

/** What marketers manage: members and their ledgers, tiers, earning rules and the rewards catalogue. */
const MEMBER_ROW_FIELDS = { id: true, name: true, mobile: true, becameOwnerAt: true, createdAt: true, pointsAccount: { select: { tier: true, balance: true } } } as const;

function memberListWhere(query: Omit<MemberListQuery, 'page' | 'pageSize'>, within: Prisma.CustomerWhereInput): Prisma.CustomerWhereInput {
  const text = query.q?.trim();
  return {
    AND: [
      MEMBER_WHERE,
      within,
      text ? (isMainlandMobile(text) ? { mobile: text } : { name: { startsWith: text } }) : {},
      query.tier === MemberTier.STANDARD ? { OR: [{ pointsAccount: { is: null } }, { pointsAccount: { tier: MemberTier.STANDARD } }] } : query.tier ? { pointsAccount: { tier: query.tier } } : {},
    ],
  };
}

function memberView(row: Prisma.CustomerGetPayload<{ select: typeof MEMBER_ROW_FIELDS }>, caller: StaffCaller) {
  return {
    customerId: row.id,
    name: row.name,
    mobile: row.mobile && customerMobileFor(caller.role, row.mobile),
    tier: row.pointsAccount?.tier ?? MemberTier.STANDARD,
    balance: row.pointsAccount?.balance ?? 0,
    isOwner: row.becameOwnerAt !== null,
    joinedAt: row.createdAt,
  };
}

@Injectable()
export class LoyaltyAdminService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly loyalty: LoyaltyService,
    private readonly audit: AuditService,
    private readonly customers: CustomersService,
  ) {}

  /** Members (of a segment, when `within` is given), searched by mobile or name and filtered by tier. */
  async members(caller: StaffCaller, query: MemberListQuery, within: Prisma.CustomerWhereInput = {}) {
    const where = memberListWhere(query, within);
    const [rows, total] = await Promise.all([
      this.prisma.customer.findMany({ where, select: MEMBER_ROW_FIELDS, orderBy: { id: 'desc' }, skip: (query.page - 1) * query.pageSize, take: query.pageSize }),
      this.prisma.customer.count({ where }),
    ]);
    return { items: rows.map((row) => memberView(row, caller)), total, page: query.page, pageSize: query.pageSize };
  }

  /** The member list's rows (same filters and masking), newest first, a batch at a time, for export. */
  exportMembers(caller: StaffCaller, query: Omit<MemberListQuery, 'page' | 'pageSize'>) {
    const where = memberListWhere(query, {});
    return mapBatches(
      byIdPages((beforeId, take) => this.prisma.customer.findMany({ where: { AND: [where, beforeId ? { id: { lt: beforeId } } : {}] }, select: MEMBER_ROW_FIELDS, orderBy: { id: 'desc' }, take })),
      (row) => memberView(row, caller),
    );
  }

  /** A member's full mobile for a role that sees it masked; each look is audited. */
  async revealMobile(caller: StaffCaller, customerId: number) {
    const customer = await this.customers.basics(customerId);
    if (!customer) throw new LoyaltyError('CUSTOMER_NOT_FOUND', '会员不存在');
    await this.audit.record(this.prisma, { actor: staffActor(caller), action: 'customer.mobile_revealed', entityType: 'customer', entityId: String(customer.id) });
    return { mobile: customer.mobile };
  }

  async member(caller: StaffCaller, customerId: number) {
    const customer = await this.customers.basics(customerId);
    if (!customer) throw new LoyaltyError('CUSTOMER_NOT_FOUND', '会员不存在');
    const [points, lots, entries, coupons] = await Promise.all([
      this.loyalty.summary(customerId),
      this.prisma.pointsLot.findMany({ where: { customerId }, select: { id: true, points: true, remaining: true, expiresAt: true, createdAt: true, entry: { select: { reason: true } } }, orderBy: { expiresAt: 'asc' }, take: 200 }),
      this.prisma.pointsEntry.findMany({ where: { customerId }, select: ENTRY_FIELDS, orderBy: { id: 'desc' }, take: 200 }),
      this.loyalty.coupons(customerId),
    ]);
    return {
      customer: { id: customer.id, name: customer.name, mobile: customer.mobile && customerMobileFor(caller.role, customer.mobile), isOwner: customer.becameOwnerAt !== null },
      points,
      lots: lots.map(({ entry, ...lot }) => ({ ...lot, reason: entry.reason })),
      entries,
      coupons,
    };
  }

  tiers() {
    return this.prisma.tierRule.findMany({ select: { tier: true, name: true, minPoints: true, multiplierPercent: true, perks: true } }).then((rows) =>
      rows.sort((a, b) => TIER_ORDER.indexOf(a.tier) - TIER_ORDER.indexOf(b.tier)).map((row) => ({ ...row, perks: row.perks as string[] })),
    );
  }

  /** All four tiers at once: 普卡 starts at 0, each higher tier needs more points and earns at least as fast. */
  async updateTiers(tiers: { tier: MemberTier; name: string; minPoints: number; multiplierPercent: number; perks: string[] }[]) {
    const ordered = TIER_ORDER.map((tier) => tiers.find((entry) => entry.tier === tier));
    if (ordered.some((entry) => !entry)) throw new LoyaltyError('TIERS_INVALID', '须设置普卡、银卡、金卡、黑金四个等级');
    const [first, ...rest] = ordered as NonNullable<(typeof ordered)[number]>[];
    if (first.minPoints !== 0) throw new LoyaltyError('TIERS_INVALID', '普卡的门槛须为 0', [{ path: 'tiers.0.minPoints', message: '须为 0' }]);
    rest.forEach((tier, index) => {
      const below = ordered[index]!;
      if (tier.minPoints <= below.minPoints) throw new LoyaltyError('TIERS_INVALID', `${tier.name} 的门槛须高于 ${below.name}`, [{ path: `tiers.${index + 1}.minPoints`, message: '须高于下一级' }]);
      if (tier.multiplierPercent < below.multiplierPercent) throw new LoyaltyError('TIERS_INVALID', `${tier.name} 的积分倍率不能低于 ${below.name}`, [{ path: `tiers.${index + 1}.multiplierPercent`, message: '不能低于下一级' }]);
    });
    await this.prisma.$transaction(async (tx) => {
      for (const tier of ordered as NonNullable<(typeof ordered)[number]>[]) {
        await tx.tierRule.upsert({ where: { tier: tier.tier }, create: tier, update: tier });
      }
    });
    return this.tiers();
  }

  earningRules() {
    return this.prisma.earningRule.findMany({ select: { event: true, name: true, pointsPerYuan: true, fixedPoints: true, active: true }, orderBy: { event: 'asc' } });
  }

  async updateEarningRule(event: string, input: { pointsPerYuan?: number | null; fixedPoints?: number | null; active: boolean }) {
    const updated = await this.prisma.earningRule.updateMany({ where: { event }, data: { pointsPerYuan: input.pointsPerYuan, fixedPoints: input.fixedPoints, active: input.active } });
    if (updated.count !== 1) throw new LoyaltyError('EARNING_RULE_NOT_FOUND', `积分规则 ${event} 不存在`);
    return (await this.earningRules()).find((rule) => rule.event === event)!;
  }

  async allRewards() {
    const rows = await this.prisma.reward.findMany({ select: ADMIN_REWARD_FIELDS, orderBy: [{ sortOrder: 'asc' }, { id: 'asc' }] });
    return rows.map(adminReward);
  }

  async createReward(input: CreateRewardInput) {
    try {
      const row = await this.prisma.reward.create({ data: { ...input, valueFen: input.valueFen ?? null, couponDays: input.couponDays ?? null, imageUrl: input.imageUrl ?? null }, select: ADMIN_REWARD_FIELDS });
      return adminReward(row);
    } catch (error) {
      if (isUniqueViolation(error)) throw new LoyaltyError('REWARD_EXISTS', `礼品编码 ${input.code} 已存在`, [{ path: 'code', message: '编码已存在' }]);
      throw error;
    }
  }

  /** Edits a reward; stock moves by a delta in one conditional update, never below zero. */
  async updateReward(rewardId: number, input: UpdateRewardInput) {
    const { stockDelta, ...fields } = input;
    const updated = await this.prisma.$transaction(async (tx) => {
      if (!(await tx.reward.findUnique({ where: { id: rewardId }, select: { id: true } }))) return false;
      if (Object.keys(fields).length) await tx.reward.update({ where: { id: rewardId }, data: fields, select: { id: true } });
      if (stockDelta) {
        const moved = await tx.reward.updateMany({ where: { id: rewardId, ...(stockDelta < 0 ? { stock: { gte: -stockDelta } } : {}) }, data: { stock: { increment: stockDelta } } });
        if (moved.count !== 1) throw new LoyaltyError('OUT_OF_STOCK', '减少的数量超过现有库存', [{ path: 'stockDelta', message: '超过现有库存' }]);
      }
      return true;
    });
    if (!updated) throw new LoyaltyError('REWARD_NOT_FOUND', '礼品不存在');
    return adminReward(await this.prisma.reward.findUniqueOrThrow({ where: { id: rewardId }, select: ADMIN_REWARD_FIELDS }));
  }
}

function adminReward({ _count, ...row }: Prisma.RewardGetPayload<{ select: typeof ADMIN_REWARD_FIELDS }>) {
  return { ...row, redeemed: _count.redemptions };
}
