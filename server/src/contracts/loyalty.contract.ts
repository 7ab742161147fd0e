import { z } from 'zod';
import { MemberTier, PointsEntryType, RewardKind } from '../generated/prisma/enums';
import { dateTimeSchema, pageOf, pageQuerySchema } from './common.contract';

export const memberTierSchema = z.enum(MemberTier);

export const pointsSummarySchema = z.object({
  customerId: z.number().int(),
  balance: z.number().int(),
  tier: memberTierSchema,
  tierName: z.string(),
  /** Points earned in the last 12 months: what the tier is decided by. */
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

export const redeemSchema = z.object({ rewardId: z.number().int().positive() }).strict();

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
    customerId: z.number().int().positive(),
    points: z.number().int().min(-1_000_000).max(1_000_000).refine((points) => points !== 0, '调整积分不能为 0'),
    reason: z.string().trim().min(1, '请填写调整原因').max(255),
    idempotencyKey: z.string().regex(/^[\w.:-]{1,128}$/, '幂等键须为 1–128 位字母、数字或 ._:-'),
  })
  .strict();

export const adjustmentResultSchema = pointsEntrySchema.extend({ customerId: z.number().int() });

export type AdjustmentInput = z.infer<typeof adjustmentSchema>;
