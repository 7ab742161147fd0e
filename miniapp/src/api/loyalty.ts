import type { Page } from './page';
import { request } from './request';

// The member's side of loyalty (积分, 积分商城, 我的券, 邀请好友), mirrored from server/src/contracts/loyalty.contract.ts.

/** 普卡 / 银卡 / 金卡 / 黑金. */
export type MemberTier = 'STANDARD' | 'SILVER' | 'GOLD' | 'BLACK';
export type PointsEntryType = 'EARN' | 'REDEEM' | 'EXPIRE' | 'ADJUST' | 'REVERSAL';
export type RewardKind = 'SERVICE_COUPON' | 'WASH_COUPON' | 'MERCHANDISE';
export type CouponStatus = 'AVAILABLE' | 'USED' | 'EXPIRED';
/** Where a referred friend's lead stands: 跟进中, bought (提车), or lost. */
export type ReferralStatus = 'IN_PROGRESS' | 'CONVERTED' | 'LOST';

export interface PointsSummary {
  customerId: number;
  balance: number;
  tier: MemberTier;
  tierName: string;
  /** Points earned in the last 12 months: what the tier is decided by (adjustments do not count). */
  earned12Months: number;
  /** The next tier up and the 12-month earnings that reach it; null at the top tier. */
  nextTier: { tier: MemberTier; name: string; minPoints: number } | null;
  /** Points expiring within 90 days, soonest first; `expiresAt` is an ISO instant. */
  expiringSoon: Array<{ points: number; expiresAt: string }>;
}

export interface PointsEntry {
  id: number;
  type: PointsEntryType;
  /** Signed: credits positive, debits negative. */
  points: number;
  balanceAfter: number;
  reason: string;
  source: string;
  createdAt: string;
}

export interface Reward {
  id: number;
  code: string;
  name: string;
  kind: RewardKind;
  points: number;
  /** 0 means 已兑完. */
  stock: number;
  /** Coupons: face value in fen; null for merchandise. */
  valueFen: number | null;
  /** Coupons: how many days a coupon lasts after redemption. */
  couponDays: number | null;
  description: string;
  imageUrl: string | null;
}

export interface Coupon {
  id: number;
  /** What the customer shows at the counter. */
  code: string;
  reward: { id: number; name: string; kind: RewardKind };
  valueFen: number | null;
  expiresAt: string;
  usedAt: string | null;
  status: CouponStatus;
}

export interface Redemption {
  id: number;
  reward: { id: number; name: string };
  points: number;
  /** The balance after the redemption. */
  balance: number;
  /** The coupon issued; null for merchandise, collected at the store. */
  coupon: Coupon | null;
  createdAt: string;
}

export interface Referral {
  leadId: number;
  /** Masked by the server (王*, 138****5678): the referrer does not see the store's record. */
  name: string;
  mobile: string;
  referredAt: string;
  status: ReferralStatus;
  /** Points earned for this friend: the reward once they took delivery, else 0. */
  pointsEarned: number;
}

export interface MyReferrals {
  /** The member's share code. */
  code: string;
  /** Points the member earns when a referred friend takes delivery; 0 while the rule is switched off. */
  rewardPoints: number;
  /** Newest first; only referrals that count for the member (not themselves, not existing customers). */
  referrals: Referral[];
}

export interface ReferFriendInput {
  name: string;
  mobile: string;
  storeId: number;
  /** Left out when the member does not know which model the friend wants. */
  modelId?: number;
  /** Left out when the member writes nothing. */
  note?: string;
}

export interface ReferralResult {
  leadId: number;
  /** False for the member themselves, or a friend already a customer: the store still calls, no points. */
  eligible: boolean;
  /** What to tell the member either way. */
  message: string;
}

export function getMyPoints(): Promise<PointsSummary> {
  return request<PointsSummary>({ path: '/me/points' });
}

/** The points history, newest first. */
export function listMyPointsEntries(page: number, pageSize: number): Promise<Page<PointsEntry>> {
  return request<Page<PointsEntry>>({ path: `/me/points/entries?page=${page}&pageSize=${pageSize}` });
}

/** Public: the rewards on offer. */
export function listRewards(): Promise<Reward[]> {
  return request<Reward[]>({ path: '/loyalty/rewards' });
}

/** The key makes a resent request (a network retry, a second tap) return the first redemption, never spend twice. */
export function redeemReward(rewardId: number, idempotencyKey: string): Promise<Redemption> {
  return request<Redemption>({ method: 'POST', path: '/me/points/redemptions', body: { rewardId }, idempotencyKey });
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
