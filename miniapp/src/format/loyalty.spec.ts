import { describe, expect, it } from '@jest/globals';
import type { Coupon } from '../api/loyalty';
import {
  couponDeadlineOf,
  couponsByStatus,
  couponValueText,
  expiringText,
  formatPoints,
  redeemNoteOf,
  referralInviteText,
  referralPointsText,
  referralRewardText,
  rewardAvailabilityOf,
  rewardTermsOf,
  signedPoints,
  tierProgressOf,
} from './loyalty';

describe('points figures', () => {
  it('groups thousands', () => {
    expect(formatPoints(12_345)).toBe('12,345');
    expect(formatPoints(0)).toBe('0');
  });

  it('signs ledger lines, credits with a plus', () => {
    expect(signedPoints(300)).toBe('+300');
    expect(signedPoints(-1_200)).toBe('-1,200');
  });

  it('says how many points expire on which Shanghai date', () => {
    expect(expiringText({ points: 1_200, expiresAt: '2026-03-31T15:59:59.999Z' })).toBe('1,200 积分将于 2026年3月31日 过期');
  });
});

describe('tierProgressOf', () => {
  it('counts what is still to earn for the next tier, and how far along the member is', () => {
    expect(tierProgressOf({ tierName: '普卡', earned12Months: 500, nextTier: { tier: 'SILVER', name: '银卡', minPoints: 2_000 } })).toEqual({
      percent: 25,
      text: '再获得 1,500 积分升级银卡',
    });
  });

  it('starts at nothing for a member who has earned nothing yet', () => {
    expect(tierProgressOf({ tierName: '普卡', earned12Months: 0, nextTier: { tier: 'SILVER', name: '银卡', minPoints: 2_000 } })).toEqual({
      percent: 0,
      text: '再获得 2,000 积分升级银卡',
    });
  });

  it('fills the bar at the top tier', () => {
    expect(tierProgressOf({ tierName: '黑金', earned12Months: 25_000, nextTier: null })).toEqual({ percent: 100, text: '您已是最高等级黑金会员' });
  });

  it('never shows a negative gap while an upgrade is on its way', () => {
    expect(tierProgressOf({ tierName: '银卡', earned12Months: 8_100, nextTier: { tier: 'GOLD', name: '金卡', minPoints: 8_000 } })).toEqual({
      percent: 100,
      text: '已达金卡标准，等级即将更新',
    });
  });
});

describe('rewardAvailabilityOf', () => {
  const wash = { points: 300, stock: 1_000 };

  it('offers a reward the balance covers', () => {
    expect(rewardAvailabilityOf(wash, 300)).toEqual({ state: 'redeemable', label: '立即兑换' });
  });

  it('says 积分不足 and by how much when the balance is short', () => {
    expect(rewardAvailabilityOf(wash, 299)).toEqual({ state: 'insufficient', label: '积分不足', shortBy: 1 });
  });

  it('says 已兑完 when the stock is gone, whatever the balance', () => {
    expect(rewardAvailabilityOf({ points: 300, stock: 0 }, 10_000)).toEqual({ state: 'sold-out', label: '已兑完' });
    expect(rewardAvailabilityOf({ points: 300, stock: 0 }, 'signed-out')).toEqual({ state: 'sold-out', label: '已兑完' });
  });

  it('asks a signed-out visitor to sign in first', () => {
    expect(rewardAvailabilityOf(wash, 'signed-out')).toEqual({ state: 'signed-out', label: '登录兑换' });
  });

  it('holds the button until the balance is known', () => {
    expect(rewardAvailabilityOf(wash, 'loading')).toEqual({ state: 'checking', label: '立即兑换' });
  });
});

describe('reward words', () => {
  it("gives a coupon's value and how long it lasts", () => {
    expect(rewardTermsOf({ kind: 'WASH_COUPON', valueFen: 6_000, couponDays: 90 })).toBe('价值 ¥60 · 兑换后 90 天内有效');
  });

  it('sends the member to the store for merchandise', () => {
    expect(rewardTermsOf({ kind: 'MERCHANDISE', valueFen: null, couponDays: null })).toBe('兑换后到店领取');
  });

  it('says after confirming where the coupon will be, or where to collect the gift', () => {
    expect(redeemNoteOf('WASH_COUPON')).toBe('兑换成功后券码在「我的券」中查看，到店结算时出示。积分即时扣除。');
    expect(redeemNoteOf('MERCHANDISE')).toBe('兑换成功后请到门店领取，积分即时扣除。');
  });
});

describe('coupons', () => {
  const coupon = (id: number, status: Coupon['status']): Coupon => ({
    id,
    code: `CODE${id}`,
    reward: { id: 2, name: '精致洗车券', kind: 'WASH_COUPON' },
    valueFen: 6_000,
    expiresAt: '2026-06-01T06:30:00.000Z',
    usedAt: status === 'USED' ? '2026-04-02T02:00:00.000Z' : null,
    status,
  });

  it('groups coupons by status, keeping the newest first within each', () => {
    const groups = couponsByStatus([coupon(5, 'AVAILABLE'), coupon(4, 'USED'), coupon(3, 'AVAILABLE'), coupon(1, 'EXPIRED')]);
    expect(groups.AVAILABLE.map((each) => each.id)).toEqual([5, 3]);
    expect(groups.USED.map((each) => each.id)).toEqual([4]);
    expect(groups.EXPIRED.map((each) => each.id)).toEqual([1]);
  });

  it('shows when an available coupon ends, to the minute on the Shanghai clock', () => {
    expect(couponDeadlineOf(coupon(1, 'AVAILABLE'), new Date('2026-03-01T00:00:00Z'))).toEqual({ text: '有效期至 2026年6月1日 14:30', urgent: false });
  });

  it('flags a coupon ending within a week with the days left', () => {
    expect(couponDeadlineOf(coupon(1, 'AVAILABLE'), new Date('2026-05-29T00:00:00Z'))).toEqual({ text: '有效期至 2026年6月1日 14:30（还剩 3 天）', urgent: true });
    expect(couponDeadlineOf(coupon(1, 'AVAILABLE'), new Date('2026-06-01T00:00:00Z'))).toEqual({ text: '有效期至 2026年6月1日 14:30（即将到期）', urgent: true });
  });

  it('says when a coupon was used, or when it ended', () => {
    expect(couponDeadlineOf(coupon(1, 'USED'), new Date('2026-05-01T00:00:00Z')).text).toBe('已于 2026年4月2日 10:00 使用');
    expect(couponDeadlineOf(coupon(1, 'EXPIRED'), new Date('2026-07-01T00:00:00Z')).text).toBe('已于 2026年6月1日 14:30 过期');
  });

  it('shows the face value in yuan, and none for merchandise', () => {
    expect(couponValueText(20_000)).toBe('¥200');
    expect(couponValueText(null)).toBeNull();
  });
});

describe('referrals', () => {
  it('promises the points a friend\'s delivery earns, and no points while the rule is off', () => {
    expect(referralRewardText(1_000)).toBe('好友提车后，您可获得 1,000 积分');
    expect(referralRewardText(0)).toBe('推荐好友到店看车，门店顾问专属接待');
  });

  it('shows the points a referral earned, or that they come with the delivery', () => {
    expect(referralPointsText({ status: 'CONVERTED', pointsEarned: 1_000 })).toBe('+1,000 积分');
    expect(referralPointsText({ status: 'IN_PROGRESS', pointsEarned: 0 })).toBe('提车后积分到账');
    expect(referralPointsText({ status: 'LOST', pointsEarned: 0 })).toBeNull();
  });

  it('puts the share code into the invitation pasted to a friend', () => {
    expect(referralInviteText('ABCD2345')).toContain('我的邀请码：ABCD2345');
  });
});
