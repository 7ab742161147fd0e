import type { Coupon, CouponStatus, MemberTier, PointsEntryType, PointsSummary, Referral, ReferralStatus, Reward, RewardKind } from '../api/loyalty';
import { formatFaceValue, groupThousands } from 'server/contracts/money.rules';
import { calendarDateOf, dateTimeOf } from './shanghai-time';
import type { StatusLabel } from './status-tone';

const DAY_MS = 24 * 60 * 60 * 1000;
/** A coupon this close to its end is flagged, so the member uses it in time. */
export const COUPON_REMINDER_DAYS = 7;

export const POINTS_ENTRY_TYPE_LABELS: Record<PointsEntryType, StatusLabel> = {
  EARN: { text: '获得', tone: 'active' },
  REDEEM: { text: '兑换', tone: 'brand' },
  EXPIRE: { text: '过期', tone: 'muted' },
  ADJUST: { text: '调整', tone: 'warning' },
  REVERSAL: { text: '冲回', tone: 'danger' },
};

export const REWARD_KIND_LABELS: Record<RewardKind, StatusLabel> = {
  SERVICE_COUPON: { text: '保养券', tone: 'brand' },
  WASH_COUPON: { text: '洗车券', tone: 'active' },
  MERCHANDISE: { text: '精品', tone: 'warning' },
};

export const COUPON_STATUS_LABELS: Record<CouponStatus, StatusLabel> = {
  AVAILABLE: { text: '可用', tone: 'active' },
  USED: { text: '已使用', tone: 'done' },
  EXPIRED: { text: '已过期', tone: 'muted' },
};

export const REFERRAL_STATUS_LABELS: Record<ReferralStatus, StatusLabel> = {
  IN_PROGRESS: { text: '跟进中', tone: 'brand' },
  CONVERTED: { text: '已提车', tone: 'active' },
  LOST: { text: '未成交', tone: 'muted' },
};

/** The order of the tabs on 我的券. */
export const COUPON_STATUSES: readonly CouponStatus[] = ['AVAILABLE', 'USED', 'EXPIRED'];

/** Tiers by CSS modifier: each card has the tier's own colours. */
export const TIER_STYLES: Record<MemberTier, string> = {
  STANDARD: 'standard',
  SILVER: 'silver',
  GOLD: 'gold',
  BLACK: 'black',
};

/** 12345 → '12,345'. */
export function formatPoints(points: number): string {
  return `${points < 0 ? '-' : ''}${groupThousands(Math.abs(points))}`;
}

/** A ledger line's points with their sign: 300 → '+300', -1200 → '-1,200'. */
export function signedPoints(points: number): string {
  return points > 0 ? `+${formatPoints(points)}` : formatPoints(points);
}

export interface TierProgress {
  /** 0–100: how far the 12-month earnings are towards the next tier; 100 at the top tier. */
  percent: number;
  text: string;
}

/** How far the member is from the next tier, by the points earned in the last 12 months. */
export function tierProgressOf({ tierName, earned12Months, nextTier }: Pick<PointsSummary, 'tierName' | 'earned12Months' | 'nextTier'>): TierProgress {
  if (!nextTier) return { percent: 100, text: `您已是最高等级${tierName}会员` };
  const missing = nextTier.minPoints - earned12Months;
  const percent = nextTier.minPoints > 0 ? Math.min(100, Math.max(0, Math.floor((earned12Months * 100) / nextTier.minPoints))) : 100;
  // Upgrades happen as the points come in; a gap here is only until the next refresh.
  if (missing <= 0) return { percent, text: `已达${nextTier.name}标准，等级即将更新` };
  return { percent, text: `再获得 ${formatPoints(missing)} 积分升级${nextTier.name}` };
}

/** '120 积分将于 2026年3月31日 过期'. */
export function expiringText({ points, expiresAt }: { points: number; expiresAt: string }): string {
  return `${formatPoints(points)} 积分将于 ${calendarDateOf(expiresAt)} 过期`;
}

export type RewardAvailability =
  | { state: 'redeemable'; label: string }
  | { state: 'sold-out'; label: string }
  | { state: 'insufficient'; label: string; shortBy: number }
  | { state: 'signed-out'; label: string }
  | { state: 'checking'; label: string };

/**
 * What a reward's button offers: 已兑完 when out of stock (whatever the balance), 登录兑换 to a visitor who is
 * signed out, 积分不足 when the balance is short of it, else 立即兑换 (not pressable until the balance is known).
 */
export function rewardAvailabilityOf(reward: Pick<Reward, 'points' | 'stock'>, balance: number | 'signed-out' | 'loading'): RewardAvailability {
  if (reward.stock <= 0) return { state: 'sold-out', label: '已兑完' };
  if (balance === 'signed-out') return { state: 'signed-out', label: '登录兑换' };
  if (balance === 'loading') return { state: 'checking', label: '立即兑换' };
  if (balance < reward.points) return { state: 'insufficient', label: '积分不足', shortBy: reward.points - balance };
  return { state: 'redeemable', label: '立即兑换' };
}

/** What the reward is worth and how long its coupon lasts: '价值 ¥60 · 兑换后 90 天内有效'; merchandise: '到店领取'. */
export function rewardTermsOf(reward: Pick<Reward, 'kind' | 'valueFen' | 'couponDays'>): string {
  if (reward.kind === 'MERCHANDISE') return '兑换后到店领取';
  const parts = [reward.valueFen !== null ? `价值 ${formatFaceValue(reward.valueFen)}` : null, reward.couponDays !== null ? `兑换后 ${reward.couponDays} 天内有效` : null];
  return parts.filter(Boolean).join(' · ');
}

/** What happens after redeeming, for the confirm step: where the coupon is, or where to collect the gift. */
export function redeemNoteOf(kind: RewardKind): string {
  return kind === 'MERCHANDISE' ? '兑换成功后请到门店领取，积分即时扣除。' : '兑换成功后券码在「我的券」中查看，到店结算时出示。积分即时扣除。';
}

/** The member's coupons by status, each list in the server's order (newest first). */
export function couponsByStatus(coupons: Coupon[]): Record<CouponStatus, Coupon[]> {
  const groups: Record<CouponStatus, Coupon[]> = { AVAILABLE: [], USED: [], EXPIRED: [] };
  for (const coupon of coupons) groups[coupon.status].push(coupon);
  return groups;
}

export interface CouponDeadline {
  text: string;
  /** Ends within a week: shown in the warning colour. */
  urgent: boolean;
}

/**
 * When a coupon ends, or when it was used or ended. Coupons end at an instant (redemption time plus their
 * days), not at midnight, so the time is shown too.
 */
export function couponDeadlineOf(coupon: Pick<Coupon, 'status' | 'expiresAt' | 'usedAt'>, now: Date): CouponDeadline {
  if (coupon.status === 'USED') return { text: coupon.usedAt ? `已于 ${dateTimeOf(coupon.usedAt)} 使用` : '已使用', urgent: false };
  if (coupon.status === 'EXPIRED') return { text: `已于 ${dateTimeOf(coupon.expiresAt)} 过期`, urgent: false };
  const msLeft = Date.parse(coupon.expiresAt) - now.getTime();
  const urgent = msLeft < COUPON_REMINDER_DAYS * DAY_MS;
  const daysLeft = Math.max(0, Math.floor(msLeft / DAY_MS));
  const hint = urgent ? (daysLeft === 0 ? '（即将到期）' : `（还剩 ${daysLeft} 天）`) : '';
  return { text: `有效期至 ${dateTimeOf(coupon.expiresAt)}${hint}`, urgent };
}

/** A coupon's face value for its card; merchandise has none. */
export function couponValueText(valueFen: number | null): string | null {
  return valueFen === null ? null : formatFaceValue(valueFen);
}

/** The promise of 邀请好友, by the points the referral rule gives now; without points, none is made. */
export function referralRewardText(rewardPoints: number): string {
  return rewardPoints > 0 ? `好友提车后，您可获得 ${formatPoints(rewardPoints)} 积分` : '推荐好友到店看车，门店顾问专属接待';
}

/** What a referral has earned: the points once the friend took delivery, else what is still to come. */
export function referralPointsText({ status, pointsEarned }: Pick<Referral, 'status' | 'pointsEarned'>): string | null {
  if (pointsEarned > 0) return `+${formatPoints(pointsEarned)} 积分`;
  return status === 'IN_PROGRESS' ? '提车后积分到账' : null;
}

/** What the member pastes to a friend where the mini-program's own share is not at hand (H5). */
export function referralInviteText(code: string): string {
  return `我在悦行汽车买车、保养都很省心，推荐你也来看看！微信搜索「悦行汽车」小程序，预约到店试驾。我的邀请码：${code}`;
}
