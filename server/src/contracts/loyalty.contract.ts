import { z } from 'zod';
import { MemberTier, PointsEntryType, RewardKind } from './enums.contract';
import { dateTimeSchema, fenAmount, idSchema, mobileSchema, pageOf, pageQuerySchema, sortOrderSchema } from './common.contract';

export const memberTierSchema = z.enum(MemberTier);

export const pointsSummarySchema = z.object({
  customerId: z.number().int(),
  balance: z.number().int(),
  tier: memberTierSchema,
  tierName: z.string(),
  /** The current tier's threshold and benefits. */
  tierMinPoints: z.number().int(),
  perks: z.array(z.string()),
  /** Points earned in the last 12 months (adjustments do not count): what the tier is decided by. */
  earned12Months: z.number().int(),
  nextTier: z.object({ tier: memberTierSchema, name: z.string(), minPoints: z.number().int() }).nullable(),
  /** Lots expiring within 90 days, soonest first. */
  expiringSoon: z.array(z.object({ points: z.number().int(), expiresAt: dateTimeSchema })),
});

export const pointsEntrySchema = z.object({
  id: z.number().int(),
  type: z.enum(PointsEntryType),
  points: z.number().int(),
  balanceAfter: z.number().int(),
  reason: z.string(),
  source: z.string(),
  createdAt: dateTimeSchema,
});

export const pointsEntryPageSchema = pageOf(pointsEntrySchema);
export const pointsEntryQuerySchema = pageQuerySchema;

export const rewardSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(RewardKind),
  points: z.number().int(),
  stock: z.number().int(),
  valueFen: z.number().int().nullable(),
  couponDays: z.number().int().nullable(),
  description: z.string(),
  imageUrl: z.string().nullable(),
});

export const redeemSchema = z.object({ rewardId: idSchema }).strict();

export const couponSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  reward: z.object({ id: z.number().int(), name: z.string(), kind: z.enum(RewardKind) }),
  valueFen: z.number().int().nullable(),
  expiresAt: dateTimeSchema,
  usedAt: dateTimeSchema.nullable(),
  status: z.enum(['AVAILABLE', 'USED', 'EXPIRED']),
});

export const redemptionSchema = z.object({
  id: z.number().int(),
  reward: z.object({ id: z.number().int(), name: z.string() }),
  points: z.number().int(),
  balance: z.number().int(),
  coupon: couponSchema.nullable(),
  createdAt: dateTimeSchema,
});

export const adjustmentSchema = z
  .object({
    customerId: idSchema,
    points: z.number().int().min(-1_000_000).max(1_000_000).refine((points) => points !== 0, '调整积分不能为 0'),
    reason: z.string().trim().min(1, '请填写调整原因').max(255),
    idempotencyKey: z.string().regex(/^[\w.:-]{1,128}$/, '幂等键须为 1–128 位字母、数字或 ._:-'),
  })
  .strict();

export const adjustmentResultSchema = pointsEntrySchema.extend({ customerId: z.number().int() });

export type AdjustmentInput = z.infer<typeof adjustmentSchema>;

export const memberListQuerySchema = pageQuerySchema.extend({
  /** A mobile, or the start of a name. */
  q: z.string().trim().max(32).optional(),
  tier: memberTierSchema.optional(),
});

export const memberSummarySchema = z.object({
  customerId: z.number().int(),
  name: z.string().nullable(),
  mobile: z.string().nullable(),
  tier: memberTierSchema,
  balance: z.number().int(),
  isOwner: z.boolean(),
  joinedAt: dateTimeSchema,
});

export const memberPageSchema = pageOf(memberSummarySchema);

export const memberDetailSchema = z.object({
  customer: z.object({ id: z.number().int(), name: z.string().nullable(), mobile: z.string().nullable(), isOwner: z.boolean() }),
  points: pointsSummarySchema,
  lots: z.array(z.object({ id: z.number().int(), points: z.number().int(), remaining: z.number().int(), expiresAt: dateTimeSchema, createdAt: dateTimeSchema, reason: z.string() })),
  entries: z.array(pointsEntrySchema),
  coupons: z.array(couponSchema),
});

export const tierRuleSchema = z.object({
  tier: memberTierSchema,
  name: z.string().trim().min(1).max(16),
  minPoints: z.number().int().min(0).max(10_000_000),
  multiplierPercent: z.number().int().min(100).max(500),
  perks: z.array(z.string().trim().min(1).max(64)).max(20),
});

export const updateTiersSchema = z.object({ tiers: z.array(tierRuleSchema).length(4) }).strict();

export const earningRuleSchema = z.object({
  event: z.string(),
  name: z.string(),
  pointsPerYuan: z.number().int().nullable(),
  fixedPoints: z.number().int().nullable(),
  active: z.boolean(),
});

export const updateEarningRuleSchema = z
  .object({ pointsPerYuan: z.number().int().min(0).max(100).nullish(), fixedPoints: z.number().int().min(0).max(1_000_000).nullish(), active: z.boolean() })
  .strict();

export const eventParamSchema = z.object({ event: z.string().max(48) });

/** What a coupon or gift is worth: at most 10,000 CNY. */
const rewardValueFen = fenAmount(1_000_000);

export const createRewardSchema = z
  .object({
    code: z.string().trim().regex(/^[A-Z0-9-]{2,32}$/, '编码为 2–32 位大写字母、数字或 -'),
    name: z.string().trim().min(1).max(64),
    kind: z.enum(RewardKind),
    points: z.number().int().min(1).max(10_000_000),
    stock: z.number().int().min(0).max(10_000_000),
    valueFen: rewardValueFen.nullish(),
    couponDays: z.number().int().min(1).max(3650).nullish(),
    description: z.string().trim().max(255).default(''),
    imageUrl: z.url().max(512).nullish(),
    sortOrder: sortOrderSchema.default(0),
  })
  .strict();

/**
 * Only the fields given change (no defaults here, unlike creation). Stock moves by a delta (restock +N,
 * write-off −N) so it never races with redemptions taking units.
 */
export const updateRewardSchema = z
  .object({
    name: z.string().trim().min(1).max(64).optional(),
    kind: z.enum(RewardKind).optional(),
    points: z.number().int().min(1).max(10_000_000).optional(),
    valueFen: rewardValueFen.nullish(),
    couponDays: z.number().int().min(1).max(3650).nullish(),
    description: z.string().trim().max(255).optional(),
    imageUrl: z.url().max(512).nullish(),
    sortOrder: sortOrderSchema.optional(),
    active: z.boolean().optional(),
    stockDelta: z.number().int().min(-10_000_000).max(10_000_000).optional(),
  })
  .strict();

export const adminRewardSchema = rewardSchema.extend({ active: z.boolean(), sortOrder: z.number().int(), redeemed: z.number().int() });

export type MemberListQuery = z.infer<typeof memberListQuerySchema>;
export type CreateRewardInput = z.infer<typeof createRewardSchema>;
export type UpdateRewardInput = z.infer<typeof updateRewardSchema>;

export const referFriendSchema = z
  .object({
    name: z.string().trim().min(1, '请填写好友姓名').max(64),
    mobile: mobileSchema,
    storeId: idSchema,
    modelId: idSchema.nullish(),
    note: z.string().trim().max(200).nullish(),
  })
  .strict();

export const referralResultSchema = z.object({
  leadId: z.number().int(),
  /** False when the friend is the referrer or already a customer: the store still calls, no points are earned. */
  eligible: z.boolean(),
  message: z.string(),
});

export const referralsSchema = z.object({
  code: z.string(),
  /** Points the referrer earns when a referred friend takes delivery. */
  rewardPoints: z.number().int(),
  referrals: z.array(
    z.object({
      leadId: z.number().int(),
      /** The friend's name as 王** and mobile as 138****5678: the referrer does not see the store's record. */
      name: z.string(),
      mobile: z.string(),
      referredAt: dateTimeSchema,
      status: z.enum(['IN_PROGRESS', 'CONVERTED', 'LOST']),
      pointsEarned: z.number().int(),
    }),
  ),
});

export type ReferFriendInput = z.infer<typeof referFriendSchema>;

export const reversalSchema = z
  .object({ entryId: idSchema, reason: z.string().trim().min(1, '请填写冲回原因').max(200) })
  .strict();
