import type { MemberTier, PointsEntryType, RewardKind } from 'server/contracts/enums.contract';
import type {
  couponSchema,
  pointsEntryPageSchema,
  pointsEntrySchema,
  pointsSummarySchema,
  redeemSchema,
  redemptionSchema,
  referFriendSchema,
  referralResultSchema,
  referralsSchema,
  rewardSchema,
} from 'server/contracts/loyalty.contract';
import { request } from './request';
import type { Wire, Body } from './wire';

// The member's side of loyalty (积分, 积分商城, 我的券, 邀请好友).

/** 普卡 / 银卡 / 金卡 / 黑金. */
export type { MemberTier, PointsEntryType, RewardKind };

/** `earned12Months` decides the tier; `nextTier` is null at the top; `expiringSoon` covers 90 days, soonest first. */
export type PointsSummary = Wire<typeof pointsSummarySchema>;

/** `points` is signed: credits positive, debits negative. */
export type PointsEntry = Wire<typeof pointsEntrySchema>;

/** `stock` 0 means 已兑完; `valueFen` and `couponDays` are null for merchandise. */
export type Reward = Wire<typeof rewardSchema>;

/** `code` is what the customer shows at the counter. */
export type Coupon = Wire<typeof couponSchema>;
export type CouponStatus = Coupon['status'];

/** `balance` after the redemption; `coupon` null for merchandise, collected at the store. */
export type Redemption = Wire<typeof redemptionSchema>;

/** `rewardPoints` 0 while the rule is switched off; referrals newest first, only those that count for the member. */
export type MyReferrals = Wire<typeof referralsSchema>;

/** A referred friend, masked by the server (王*, 138****5678); `pointsEarned` once they took delivery, else 0. */
export type Referral = MyReferrals['referrals'][number];
/** Where a referred friend's lead stands: 跟进中, bought (提车), or lost. */
export type ReferralStatus = Referral['status'];

/** `modelId` and `note` left out when the member does not know or writes nothing. */
export type ReferFriendInput = Body<typeof referFriendSchema>;

/** `eligible` false for the member themselves or a friend already a customer (the store still calls, no points). */
export type ReferralResult = Wire<typeof referralResultSchema>;

export function getMyPoints(): Promise<PointsSummary> {
  return request<PointsSummary>({ path: '/me/points' });
}

/** The points history, newest first. */
export function listMyPointsEntries(page: number, pageSize: number): Promise<Wire<typeof pointsEntryPageSchema>> {
  return request<Wire<typeof pointsEntryPageSchema>>({ path: `/me/points/entries?page=${page}&pageSize=${pageSize}` });
}

/** Public: the rewards on offer. */
export function listRewards(): Promise<Reward[]> {
  return request<Reward[]>({ path: '/loyalty/rewards' });
}

/** The key makes a resent request (a network retry, a second tap) return the first redemption, never spend twice. */
export function redeemReward(rewardId: number, idempotencyKey: string): Promise<Redemption> {
  const body: Body<typeof redeemSchema> = { rewardId };
  return request<Redemption>({ method: 'POST', path: '/me/points/redemptions', body, idempotencyKey });
}

/** The member's coupons, newest first. */
export function listMyCoupons(): Promise<Coupon[]> {
  return request<Coupon[]>({ path: '/me/coupons' });
}

export function getMyReferrals(): Promise<MyReferrals> {
  return request<MyReferrals>({ path: '/me/referrals' });
}

/** Not idempotent and so never resent by the client: a second send of the same friend answers "already a customer". */
export function referFriend(input: ReferFriendInput): Promise<ReferralResult> {
  return request<ReferralResult>({ method: 'POST', path: '/me/referrals', body: input });
}
