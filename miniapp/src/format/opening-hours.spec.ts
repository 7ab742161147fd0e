import { describe, expect, it } from '@jest/globals';
import type { OpeningHours } from '../api/stores';
import { describeTodayHours } from './opening-hours';
import { shanghaiWeekday } from './shanghai-time';

const weekdayHours: OpeningHours[] = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opensAt: '09:00', closesAt: '18:00' }));

describe('shanghaiWeekday', () => {
  it('counts the day in Shanghai, not UTC: Sunday 20:00 UTC is already Monday there', () => {
    expect(shanghaiWeekday(new Date('2026-11-29T20:00:00Z'))).toBe(1);
  });

  it('numbers Sunday 7', () => {
    expect(shanghaiWeekday(new Date('2026-11-29T04:00:00Z'))).toBe(7);
  });
});

describe('describeTodayHours', () => {
  it("shows today's opening hours", () => {
    expect(describeTodayHours(weekdayHours, new Date('2026-11-25T04:00:00Z'))).toBe('今日 09:00–18:00');
  });

  it('says the store is closed on a day without hours', () => {
    expect(describeTodayHours(weekdayHours, new Date('2026-11-28T04:00:00Z'))).toBe('今日休息');
  });
});
