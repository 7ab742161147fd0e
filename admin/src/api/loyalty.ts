import { z } from 'zod';
import { request, type Paged } from './client';

// Mirrors server/src/contracts/loyalty.contract.ts, the staff side of loyalty: members and their points,
// adjustments, tiers, earning rules and the rewards catalogue. Labels are the words the marketing team uses.

/** Lowest to highest: the order the tiers are shown and checked in. */
export const MEMBER_TIERS = ['STANDARD', 'SILVER', 'GOLD', 'BLACK'] as const;
export type MemberTier = (typeof MEMBER_TIERS)[number];

/** The seeded names; a marketer may rename a tier in 会员等级, so a loaded tier's own name wins. */
export const MEMBER_TIER_LABELS: Record<MemberTier, string> = { STANDARD: '普卡', SILVER: '银卡', GOLD: '金卡', BLACK: '黑金' };

export const POINTS_ENTRY_TYPES = ['EARN', 'REDEEM', 'EXPIRE', 'ADJUST', 'REVERSAL'] as const;
export type PointsEntryType = (typeof POINTS_ENTRY_TYPES)[number];

export const POINTS_ENTRY_TYPE_LABELS: Record<PointsEntryType, string> = {
  EARN: '获得',
  REDEEM: '兑换',
  EXPIRE: '过期',
  ADJUST: '人工调整',
  REVERSAL: '冲回',
};

export const REWARD_KINDS = ['SERVICE_COUPON', 'WASH_COUPON', 'MERCHANDISE'] as const;
export type RewardKind = (typeof REWARD_KINDS)[number];

export const REWARD_KIND_LABELS: Record<RewardKind, string> = { SERVICE_COUPON: '保养券', WASH_COUPON: '洗车券', MERCHANDISE: '精品' };

/** Coupons are issued on redemption and carry a value and a validity; merchandise is collected at the store. */
export const isCouponKind = (kind: RewardKind) => kind !== 'MERCHANDISE';

export type CouponStatus = 'AVAILABLE' | 'USED' | 'EXPIRED';
export const COUPON_STATUS_LABELS: Record<CouponStatus, string> = { AVAILABLE: '可使用', USED: '已使用', EXPIRED: '已过期' };

// ---- Response shapes ----

export interface MemberSummary {
  customerId: number;
  name: string | null;
  /** Masked (138****5678) for the roles that see members. */
  mobile: string | null;
  tier: MemberTier;
  balance: number;
  isOwner: boolean;
  joinedAt: string;
}

export interface PointsSummary {
  customerId: number;
  /** Points in live lots: a lot past its date no longer counts. */
  balance: number;
  tier: MemberTier;
  tierName: string;
  /** The current tier's threshold and benefits. */
  tierMinPoints: number;
  perks: string[];
  /** Points earned in the last 12 months (adjustments do not count): what the tier is decided by. */
  earned12Months: number;
  /** The next tier up and the 12-month earnings that reach it; null at the top tier. */
  nextTier: { tier: MemberTier; name: string; minPoints: number } | null;
  /** Points expiring within 90 days, soonest first. */
  expiringSoon: { points: number; expiresAt: string }[];
}

export interface PointsEntry {
  id: number;
  type: PointsEntryType;
  /** Signed: credits positive, debits negative. */
  points: number;
  balanceAfter: number;
  reason: string;
  /** What caused it: service.settled, redemption, adjustment, expiry, reversal… */
  source: string;
  createdAt: string;
}

/** A lot of points from one credit, spent first-expiring-first. */
export interface PointsLot {
  id: number;
  points: number;
  remaining: number;
  expiresAt: string;
  createdAt: string;
  reason: string;
}

export interface Coupon {
  id: number;
  code: string;
  reward: { id: number; name: string; kind: RewardKind };
  valueFen: number | null;
  expiresAt: string;
  usedAt: string | null;
  status: CouponStatus;
}

export interface MemberDetail {
  customer: { id: number; name: string | null; mobile: string | null; isOwner: boolean };
  points: PointsSummary;
  /** Soonest expiry first. */
  lots: PointsLot[];
  /** The latest 200, newest first. */
  entries: PointsEntry[];
  coupons: Coupon[];
}

export interface TierRule {
  tier: MemberTier;
  name: string;
  /** Points earned in 12 months that reach the tier. */
  minPoints: number;
  /** Earning multiplier in percent: 125 = ×1.25. */
  multiplierPercent: number;
  perks: string[];
}

export interface EarningRule {
  event: string;
  name: string;
  /** Set for spending rules (points per CNY, times the tier's multiplier); null for fixed-point rules. */
  pointsPerYuan: number | null;
  fixedPoints: number | null;
  active: boolean;
}

export interface AdminReward {
  id: number;
  code: string;
  name: string;
  kind: RewardKind;
  points: number;
  stock: number;
  valueFen: number | null;
  couponDays: number | null;
  description: string;
  imageUrl: string | null;
  active: boolean;
  sortOrder: number;
  /** Redemptions so far. */
  redeemed: number;
}

// ---- Request bodies: the server's rules, with the messages a person reads ----

export const MAX_ADJUSTMENT = 1_000_000;

export const adjustmentSchema = z.object({
  customerId: z.number().int().positive(),
  points: z
    .number({ error: '请填写积分' })
    .int('积分须为整数')
    .min(-MAX_ADJUSTMENT, `单次最多调整 ${MAX_ADJUSTMENT} 分`)
    .max(MAX_ADJUSTMENT, `单次最多调整 ${MAX_ADJUSTMENT} 分`)
    .refine((points) => points !== 0, '调整积分不能为 0'),
  reason: z.string({ error: '请填写调整原因' }).trim().min(1, '请填写调整原因').max(255, '原因最多 255 个字符'),
  idempotencyKey: z.string().regex(/^[\w.:-]{1,128}$/),
});
export type AdjustmentInput = z.input<typeof adjustmentSchema>;

export const MAX_TIER_POINTS = 10_000_000;
export const MIN_MULTIPLIER_PERCENT = 100;
export const MAX_MULTIPLIER_PERCENT = 500;
export const MAX_PERKS = 20;

export const tierRuleSchema = z.object({
  tier: z.enum(MEMBER_TIERS),
  name: z.string({ error: '请填写等级名称' }).trim().min(1, '请填写等级名称').max(16, '名称最多 16 个字符'),
  minPoints: z
    .number({ error: '请填写门槛' })
    .int('门槛须为整数')
    .min(0, '门槛不能为负')
    .max(MAX_TIER_POINTS, `门槛最多 ${MAX_TIER_POINTS}`),
  multiplierPercent: z
    .number({ error: '请填写积分倍率' })
    .int()
    .min(MIN_MULTIPLIER_PERCENT, '积分倍率不能低于 ×1.00')
    .max(MAX_MULTIPLIER_PERCENT, '积分倍率最高 ×5.00'),
  perks: z.array(z.string().trim().min(1, '权益不能为空').max(64, '每项权益最多 64 个字符')).max(MAX_PERKS, `权益最多 ${MAX_PERKS} 项`),
});

export const updateTiersSchema = z.object({ tiers: z.array(tierRuleSchema).length(MEMBER_TIERS.length) });
export type UpdateTiersInput = z.input<typeof updateTiersSchema>;

export const MAX_POINTS_PER_YUAN = 100;
export const MAX_FIXED_POINTS = 1_000_000;

export const pointsPerYuanSchema = z
  .number({ error: '请填写每元积分' })
  .int('每元积分须为整数')
  .min(0, '不能为负')
  .max(MAX_POINTS_PER_YUAN, `每元最多 ${MAX_POINTS_PER_YUAN} 分`);

export const fixedPointsSchema = z
  .number({ error: '请填写奖励积分' })
  .int('奖励积分须为整数')
  .min(0, '不能为负')
  .max(MAX_FIXED_POINTS, `最多 ${MAX_FIXED_POINTS} 分`);

export const updateEarningRuleSchema = z.object({
  pointsPerYuan: pointsPerYuanSchema.nullish(),
  fixedPoints: fixedPointsSchema.nullish(),
  active: z.boolean(),
});
export type UpdateEarningRuleInput = z.input<typeof updateEarningRuleSchema>;

export const MAX_REWARD_POINTS = 10_000_000;
export const MAX_STOCK = 10_000_000;

/** What a reward is; shared by 新建 and 编辑 (a code and the opening stock only when creating). */
const rewardFields = {
  name: z.string({ error: '请填写礼品名称' }).trim().min(1, '请填写礼品名称').max(64, '名称最多 64 个字符'),
  kind: z.enum(REWARD_KINDS, { error: '请选择类型' }),
  points: z.number({ error: '请填写所需积分' }).int('积分须为整数').min(1, '所需积分至少为 1').max(MAX_REWARD_POINTS, '所需积分过大'),
  valueFen: z.number().int().min(0, '面值不能为负').nullish(),
  couponDays: z.number().int('有效天数须为整数').min(1, '有效期至少 1 天').max(3650, '有效期最多 3650 天').nullish(),
  description: z.string().trim().max(255, '说明最多 255 个字符'),
  imageUrl: z.url('请输入正确的图片地址（http 或 https）').max(512, '图片地址过长').nullish(),
  sortOrder: z.number().int('排序须为整数'),
};

export const createRewardSchema = z.object({
  code: z
    .string({ error: '请填写礼品编码' })
    .trim()
    .regex(/^[A-Z0-9-]{2,32}$/, '编码为 2–32 位大写字母、数字或 -'),
  ...rewardFields,
  stock: z.number({ error: '请填写库存' }).int('库存须为整数').min(0, '库存不能为负').max(MAX_STOCK, '库存过大'),
  description: rewardFields.description.default(''),
  sortOrder: rewardFields.sortOrder.default(0),
});
export type CreateRewardInput = z.input<typeof createRewardSchema>;

/**
 * Stock moves by a delta (补货 +N, 核减 −N) so it never races with members redeeming. Built without the
 * create defaults, so a field left out stays as it is (the server's PATCH changes only the fields given).
 */
export const updateRewardSchema = z
  .object(rewardFields)
  .partial()
  .extend({
    stockDelta: z.number().int('数量须为整数').min(-MAX_STOCK).max(MAX_STOCK).optional(),
    active: z.boolean().optional(),
  });
export type UpdateRewardInput = z.input<typeof updateRewardSchema>;

// ---- Calls ----

// A type alias, not an interface, so it fits the client's query record as it is.
export type MemberListQuery = {
  /** A full mobile, or the start of a name. */
  q?: string;
  tier?: MemberTier;
  page: number;
  pageSize: number;
};

export function listMembers(query: MemberListQuery, signal?: AbortSignal): Promise<Paged<MemberSummary>> {
  return request<Paged<MemberSummary>>('/loyalty/members', { query, signal });
}

export function fetchMember(customerId: number, signal?: AbortSignal): Promise<MemberDetail> {
  return request<MemberDetail>(`/loyalty/members/${customerId}`, { signal });
}

export function adjustPoints(input: AdjustmentInput): Promise<PointsEntry & { customerId: number }> {
  return request<PointsEntry & { customerId: number }>('/loyalty/adjustments', { method: 'POST', body: adjustmentSchema.parse(input) });
}

export function listTiers(signal?: AbortSignal): Promise<TierRule[]> {
  return request<TierRule[]>('/loyalty/tiers', { signal });
}

export function updateTiers(input: UpdateTiersInput): Promise<TierRule[]> {
  return request<TierRule[]>('/loyalty/tiers', { method: 'PUT', body: updateTiersSchema.parse(input) });
}

export function listEarningRules(signal?: AbortSignal): Promise<EarningRule[]> {
  return request<EarningRule[]>('/loyalty/earning-rules', { signal });
}

export function updateEarningRule(event: string, input: UpdateEarningRuleInput): Promise<EarningRule> {
  return request<EarningRule>(`/loyalty/earning-rules/${encodeURIComponent(event)}`, { method: 'PUT', body: updateEarningRuleSchema.parse(input) });
}

/** Every reward, inactive ones included, in catalogue order. */
export function listAllRewards(signal?: AbortSignal): Promise<AdminReward[]> {
  return request<AdminReward[]>('/loyalty/rewards/all', { signal });
}

export function createReward(input: CreateRewardInput): Promise<AdminReward> {
  return request<AdminReward>('/loyalty/rewards', { method: 'POST', body: createRewardSchema.parse(input) });
}

export function updateReward(rewardId: number, input: UpdateRewardInput): Promise<AdminReward> {
  return request<AdminReward>(`/loyalty/rewards/${rewardId}`, { method: 'PATCH', body: updateRewardSchema.parse(input) });
}

