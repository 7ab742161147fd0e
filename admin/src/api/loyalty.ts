import { z } from 'zod';
import { MemberTier, PointsEntryType, RewardKind } from 'server/contracts/enums.contract';
import type * as contract from 'server/contracts/loyalty.contract';
import { request, type Paged } from './client';
import type { Wire } from 'server/contracts/wire.contract';

// The staff side of loyalty as server/contracts/loyalty.contract defines it: members and their points,
// adjustments, tiers, earning rules and the rewards catalogue. Labels are the words the marketing team uses.

export type { MemberTier, PointsEntryType, RewardKind };

/** Lowest to highest: the order the tiers are shown and checked in. */
export const MEMBER_TIERS = Object.values(MemberTier);

/** The seeded names; a marketer may rename a tier in 会员等级, so a loaded tier's own name wins. */
export const MEMBER_TIER_LABELS: Record<MemberTier, string> = { STANDARD: '普卡', SILVER: '银卡', GOLD: '金卡', BLACK: '黑金' };

export const POINTS_ENTRY_TYPES = Object.values(PointsEntryType);

export const POINTS_ENTRY_TYPE_LABELS: Record<PointsEntryType, string> = {
  EARN: '获得',
  REDEEM: '兑换',
  EXPIRE: '过期',
  ADJUST: '人工调整',
  REVERSAL: '冲回',
};

export const REWARD_KINDS = Object.values(RewardKind);

export const REWARD_KIND_LABELS: Record<RewardKind, string> = { SERVICE_COUPON: '保养券', WASH_COUPON: '洗车券', MERCHANDISE: '精品' };

/** Coupons are issued on redemption and carry a value and a validity; merchandise is collected at the store. */
export const isCouponKind = (kind: RewardKind) => kind !== 'MERCHANDISE';

export type CouponStatus = Coupon['status'];
export const COUPON_STATUS_LABELS: Record<CouponStatus, string> = { AVAILABLE: '可使用', USED: '已使用', EXPIRED: '已过期' };

// ---- Response shapes ----

export type MemberSummary = Wire<typeof contract.memberSummarySchema>;
export type PointsSummary = Wire<typeof contract.pointsSummarySchema>;
export type PointsEntry = Wire<typeof contract.pointsEntrySchema>;
export type Coupon = Wire<typeof contract.couponSchema>;
export type MemberDetail = Wire<typeof contract.memberDetailSchema>;
/** A lot of points from one credit, spent first-expiring-first. */
export type PointsLot = MemberDetail['lots'][number];
export type TierRule = Wire<typeof contract.tierRuleSchema>;
export type EarningRule = Wire<typeof contract.earningRuleSchema>;
export type AdminReward = Wire<typeof contract.adminRewardSchema>;

// ---- Form schemas: the server's rules, with the messages a person reads; the request types are the contract's ----

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

// ---- Calls ----

export type MemberListQuery = contract.MemberListQuery;
export type AdjustmentInput = z.input<typeof contract.adjustmentSchema>;
export type UpdateTiersInput = z.input<typeof contract.updateTiersSchema>;
export type UpdateEarningRuleInput = z.input<typeof contract.updateEarningRuleSchema>;
export type CreateRewardInput = z.input<typeof contract.createRewardSchema>;
export type UpdateRewardInput = z.input<typeof contract.updateRewardSchema>;

export function listMembers(query: MemberListQuery, signal?: AbortSignal): Promise<Paged<MemberSummary>> {
  return request<Paged<MemberSummary>>('/loyalty/members', { query, signal });
}

export function fetchMember(customerId: number, signal?: AbortSignal): Promise<MemberDetail> {
  return request<MemberDetail>(`/loyalty/members/${customerId}`, { signal });
}

export function adjustPoints(input: AdjustmentInput): Promise<Wire<typeof contract.adjustmentResultSchema>> {
  return request<Wire<typeof contract.adjustmentResultSchema>>('/loyalty/adjustments', { method: 'POST', body: adjustmentSchema.parse(input) });
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

