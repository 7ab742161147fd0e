import { describe, expect, it } from '@jest/globals';
import { complaintCategoryText, isDetractor, NPS_SCORES, npsWordOf, surveyRewardPromiseOf, surveyStatusLabelOf, surveyThanksOf } from './feedback';

describe('the NPS question', () => {
  it('offers the 11 scores from 0 to 10', () => {
    expect(NPS_SCORES).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('counts 0–6 as a detractor, whom the store manager calls back', () => {
    expect(isDetractor(0)).toBe(true);
    expect(isDetractor(6)).toBe(true);
    expect(isDetractor(7)).toBe(false);
    expect(isDetractor(10)).toBe(false);
  });

  it('says what the chosen score means', () => {
    expect(npsWordOf(null)).toBe('请点选 0–10 分');
    expect(npsWordOf(3)).toBe('3 分 · 不太愿意推荐');
    expect(npsWordOf(8)).toBe('8 分 · 可能会推荐');
    expect(npsWordOf(9)).toBe('9 分 · 非常愿意推荐');
  });
});

describe('survey rewards', () => {
  it('promises the points only while the reward rule gives some', () => {
    expect(surveyRewardPromiseOf(1200)).toBe('完成评价可获得 1,200 积分');
    expect(surveyRewardPromiseOf(0)).toBeNull();
  });

  it('thanks with the points earned, or without when there were none', () => {
    expect(surveyThanksOf(50)).toBe('50 积分即将到账，可在「我的积分」查看');
    expect(surveyThanksOf(0)).toBe('您的意见会帮助我们做得更好');
  });
});

describe('labels', () => {
  it('tells a pending survey from an answered one', () => {
    expect(surveyStatusLabelOf({ answeredAt: null }).text).toBe('待评价');
    expect(surveyStatusLabelOf({ answeredAt: '2026-11-20T02:00:00.000Z' }).text).toBe('已评价');
  });

  it('names every complaint category in Chinese', () => {
    expect(complaintCategoryText('WAITING')).toBe('等待时间');
    expect(complaintCategoryText('VEHICLE_QUALITY')).toBe('车辆质量');
  });
});
