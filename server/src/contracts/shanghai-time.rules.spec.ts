import { addDaysToDate, addMonthsToDate, shanghaiDateOf, shanghaiWallClockOf } from './shanghai-time.rules';

describe('Shanghai time rules', () => {
  it('reads an instant on the Shanghai wall clock, eight hours ahead of UTC', () => {
    expect(shanghaiWallClockOf(new Date('2026-03-08T06:05:09.000Z'))).toBe('2026-03-08T14:05:09.000');
  });

  it('puts an instant after 16:00 UTC on the next Shanghai day', () => {
    expect(shanghaiDateOf(new Date('2026-03-08T15:59:59Z'))).toBe('2026-03-08');
    expect(shanghaiDateOf(new Date('2026-03-08T16:00:00Z'))).toBe('2026-03-09');
  });

  it('moves calendar dates by days across a month end and by months clamped to the month end', () => {
    expect(addDaysToDate('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDaysToDate('2026-03-01', -1)).toBe('2026-02-28');
    expect(addMonthsToDate('2026-01-31', 1)).toBe('2026-02-28');
  });
});
