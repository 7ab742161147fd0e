import { describe, expect, it } from '@jest/globals';
import { daysBetween, dueWhenOf, formatCalendarDate, formatKm, insuranceStateOf, lastDoneOf, nextDueLinesOf } from './vehicle';

describe('vehicle figures', () => {
  it('shows mileage with thousands separators', () => {
    expect(formatKm(12_345)).toBe('12,345 公里');
    expect(formatKm(0)).toBe('0 公里');
  });

  it('writes a calendar date the Chinese way, without leading zeros', () => {
    expect(formatCalendarDate('2027-03-05')).toBe('2027年3月5日');
  });

  it('counts calendar days across a month end and a leap day', () => {
    expect(daysBetween('2028-02-27', '2028-03-01')).toBe(3);
    expect(daysBetween('2026-12-01', '2026-11-30')).toBe(-1);
  });
});

describe('dueWhenOf', () => {
  it('names both limits when an item has a date and a mileage', () => {
    expect(dueWhenOf({ dueOn: '2027-03-05', dueKm: 15_000 })).toBe('2027年3月5日 或 15,000 公里');
  });

  it('names the one limit an item has', () => {
    expect(dueWhenOf({ dueOn: null, dueKm: 40_000 })).toBe('40,000 公里');
    expect(dueWhenOf({ dueOn: '2027-03-05', dueKm: null })).toBe('2027年3月5日');
  });
});

describe('lastDoneOf', () => {
  it('says when an item was last done, or nothing if never', () => {
    expect(lastDoneOf({ lastDoneOn: '2026-03-05', lastDoneKm: 10_000 })).toBe('上次 2026年3月5日 · 10,000 公里');
    expect(lastDoneOf({ lastDoneOn: null, lastDoneKm: null })).toBeNull();
  });
});

describe('nextDueLinesOf', () => {
  const nextDue = {
    byDate: { name: '更换空调滤芯', dueOn: '2027-01-10' },
    byMileage: { name: '更换机油机滤', dueKm: 15_000 },
  };

  it('gives the next item by date and the next by mileage', () => {
    expect(nextDueLinesOf(nextDue, '2026-11-25', 12_000)).toEqual({
      byDate: { text: '2027年1月10日 · 更换空调滤芯', overdue: false },
      byMileage: { text: '15,000 公里 · 更换机油机滤', overdue: false },
    });
  });

  it('marks a line due once its date has come or the car has reached its mileage', () => {
    const lines = nextDueLinesOf(nextDue, '2027-01-10', 15_000);
    expect(lines.byDate.overdue).toBe(true);
    expect(lines.byMileage.overdue).toBe(true);
  });

  it('says 暂无 when nothing is scheduled', () => {
    expect(nextDueLinesOf({ byDate: null, byMileage: null }, '2026-11-25', 0)).toEqual({
      byDate: { text: '暂无', overdue: false },
      byMileage: { text: '暂无', overdue: false },
    });
  });
});

describe('insuranceStateOf', () => {
  it('flags insurance ending within 30 days with the days left', () => {
    expect(insuranceStateOf('2026-12-10', '2026-11-25')).toEqual({ text: '15 天后到期', tone: 'warning' });
    expect(insuranceStateOf('2026-11-25', '2026-11-25')).toEqual({ text: '今日到期', tone: 'warning' });
  });

  it('flags insurance that has ended', () => {
    expect(insuranceStateOf('2026-11-24', '2026-11-25')).toEqual({ text: '已过期', tone: 'danger' });
  });

  it('says nothing while it has more than 30 days to run, or when the date is unknown', () => {
    expect(insuranceStateOf('2027-01-01', '2026-11-25')).toBeNull();
    expect(insuranceStateOf(null, '2026-11-25')).toBeNull();
  });
});
