import { describe, expect, it } from '@jest/globals';
import { badgeText, channelOffWarningOf, messageTargetOf, messageTimeOf } from './messages';

describe('messageTargetOf', () => {
  it('opens a page of a subpackage with its query', () => {
    expect(messageTargetOf('pages/feedback/survey/index?id=12')).toEqual({ url: '/pages/feedback/survey/index?id=12', tab: false });
    expect(messageTargetOf('/pages/service/work-orders/index')).toEqual({ url: '/pages/service/work-orders/index', tab: false });
  });

  it('switches to a tab page, which takes no query', () => {
    expect(messageTargetOf('pages/my-cars/index?vehicleId=3')).toEqual({ url: '/pages/my-cars/index', tab: true });
  });

  it('goes nowhere for a notice without a page', () => {
    expect(messageTargetOf(null)).toBeNull();
    expect(messageTargetOf('  ')).toBeNull();
  });
});

describe('messageTimeOf', () => {
  // 2026-11-26 10:00 in Shanghai.
  const now = new Date('2026-11-26T02:00:00.000Z');

  it('shows the time for today and yesterday, in Shanghai', () => {
    expect(messageTimeOf('2026-11-26T01:30:00.000Z', now)).toBe('今天 09:30');
    // 23:30 on the 25th in Shanghai, though the 25th in UTC too.
    expect(messageTimeOf('2026-11-25T15:30:00.000Z', now)).toBe('昨天 23:30');
    // 00:10 on the 26th in Shanghai, still the 25th in UTC.
    expect(messageTimeOf('2026-11-25T16:10:00.000Z', now)).toBe('今天 00:10');
  });

  it('shows the date for older messages, with the year once it is another year', () => {
    expect(messageTimeOf('2026-11-20T02:00:00.000Z', now)).toBe('11月20日');
    expect(messageTimeOf('2025-12-31T02:00:00.000Z', now)).toBe('2025年12月31日');
  });
});

describe('copy', () => {
  it('warns what turning a channel off stops', () => {
    expect(channelOffWarningOf('sms')).toBe('关闭后将不再通过短信提醒您保养、续保等');
    expect(channelOffWarningOf('wechat')).toBe('关闭后将不再通过微信提醒您保养、续保等');
  });

  it('caps a badge at 99+', () => {
    expect(badgeText(7)).toBe('7');
    expect(badgeText(120)).toBe('99+');
  });
});
