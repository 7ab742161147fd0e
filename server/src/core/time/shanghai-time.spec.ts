import dayjs from 'dayjs';
import fc from 'fast-check';
import { addMonthsToDate, BUSINESS_TIME_ZONE, shanghaiDateOf, shanghaiDay, startOfShanghaiDate } from './shanghai-time';

describe('Shanghai business days', () => {
  it('starts a Shanghai day at 16:00 UTC the evening before', () => {
    const { start, end } = shanghaiDay(new Date('2026-11-25T17:30:00Z'));
    expect(start.toISOString()).toBe('2026-11-25T16:00:00.000Z');
    expect(end.toISOString()).toBe('2026-11-26T16:00:00.000Z');
  });

  it('reads a calendar date as the start of that Shanghai day', () => {
    expect(startOfShanghaiDate('2026-01-01').toISOString()).toBe('2025-12-31T16:00:00.000Z');
  });

  it('dates an instant as the time-zone database does', () => {
    const instant = fc.date({ min: new Date('1992-01-01T00:00:00Z'), max: new Date('2060-01-01T00:00:00Z'), noInvalidDate: true });
    fc.assert(fc.property(instant, (at) => shanghaiDateOf(at) === dayjs(at).tz(BUSINESS_TIME_ZONE).format('YYYY-MM-DD')));
  });

  it('adds calendar months like dayjs, clamping to the end of the month', () => {
    expect(addMonthsToDate('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonthsToDate('2027-12-31', 2)).toBe('2028-02-29');
    expect(addMonthsToDate('2026-07-10', 24)).toBe('2028-07-10');
    const date = fc.date({ min: new Date('1992-01-01T00:00:00Z'), max: new Date('2060-01-01T00:00:00Z'), noInvalidDate: true }).map((at) => at.toISOString().slice(0, 10));
    fc.assert(fc.property(date, fc.integer({ min: 0, max: 120 }), (day, months) => addMonthsToDate(day, months) === dayjs(day).add(months, 'month').format('YYYY-MM-DD')));
  });
});
