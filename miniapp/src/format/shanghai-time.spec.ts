import { describe, expect, it } from '@jest/globals';
import { bookableDates, calendarDateOf, clockOf, dateTimeOf, dayOf, shanghaiDateOf, shortDateTimeOf, timeRangeOf } from './shanghai-time';

describe('shanghaiDateOf', () => {
  it('gives the Shanghai date, which is a day ahead of UTC after 16:00 UTC', () => {
    expect(shanghaiDateOf(new Date('2026-03-04T16:30:00Z'))).toBe('2026-03-05');
    expect(shanghaiDateOf(new Date('2026-03-04T15:59:00Z'))).toBe('2026-03-04');
  });
});

describe('bookableDates', () => {
  // Wednesday 4 March 2026, 23:30 in Shanghai.
  const lateWednesday = new Date('2026-03-04T15:30:00Z');

  it('starts with 今天 and 明天, then names the weekday', () => {
    const dates = bookableDates(lateWednesday, 14);
    expect(dates.slice(0, 3)).toEqual([
      { date: '2026-03-04', dayLabel: '今天', monthDay: '03-04' },
      { date: '2026-03-05', dayLabel: '明天', monthDay: '03-05' },
      { date: '2026-03-06', dayLabel: '周五', monthDay: '03-06' },
    ]);
  });

  it('covers 14 consecutive days across a month end', () => {
    const dates = bookableDates(new Date('2026-02-25T02:00:00Z'), 14);
    expect(dates).toHaveLength(14);
    expect(dates[3].date).toBe('2026-02-28');
    expect(dates[4].date).toBe('2026-03-01');
    expect(dates[13]).toEqual({ date: '2026-03-10', dayLabel: '周二', monthDay: '03-10' });
  });

  it('counts from the Shanghai day, not the UTC day', () => {
    // 00:30 on Thursday in Shanghai is still Wednesday in UTC.
    expect(bookableDates(new Date('2026-03-04T16:30:00Z'), 1)[0].date).toBe('2026-03-05');
  });
});

describe('slot times', () => {
  it('shows a UTC instant on the Shanghai clock', () => {
    expect(clockOf('2026-03-05T06:00:00.000Z')).toBe('14:00');
    expect(dayOf('2026-03-05T06:00:00.000Z')).toBe('3月5日 周四');
    expect(timeRangeOf('2026-03-05T06:00:00.000Z', '2026-03-05T07:00:00.000Z')).toBe('3月5日 周四 14:00–15:00');
    expect(shortDateTimeOf('2026-03-04T17:30:00.000Z')).toBe('03-05 01:30');
  });

  it('writes the year for records that span years, and the Shanghai date at New Year', () => {
    expect(calendarDateOf('2026-12-31T16:30:00.000Z')).toBe('2027年1月1日');
    expect(dateTimeOf('2026-03-05T06:00:00.000Z')).toBe('2026年3月5日 14:00');
  });
});
