import { shanghaiDay, startOfShanghaiDate } from './shanghai-time';

describe('Shanghai business days', () => {
  it('starts a Shanghai day at 16:00 UTC the evening before', () => {
    const { start, end } = shanghaiDay(new Date('2026-11-25T17:30:00Z'));
    expect(start.toISOString()).toBe('2026-11-25T16:00:00.000Z');
    expect(end.toISOString()).toBe('2026-11-26T16:00:00.000Z');
  });

  it('reads a calendar date as the start of that Shanghai day', () => {
    expect(startOfShanghaiDate('2026-01-01').toISOString()).toBe('2025-12-31T16:00:00.000Z');
  });
});
