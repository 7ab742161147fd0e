import type { Page } from './page';
import { request } from './request';

// The member's side of loyalty (积分, 积分商城, 我的券), mirrored from server/src/contracts/loyalty.contract.ts.

/** 普卡 / 银卡 / 金卡 / 黑金. */
export type MemberTier = 'STANDARD' | 'SILVER' | 'GOLD' | 'BLACK';
export type PointsEntryType = 'EARN' | 'REDEEM' | 'EXPIRE' | 'ADJUST' | 'REVERSAL';
export type RewardKind = 'SERVICE_COUPON' | 'WASH_COUPON' | 'MERCHANDISE';
export type CouponStatus = 'AVAILABLE' | 'USED' | 'EXPIRED';

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
