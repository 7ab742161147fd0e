import { shanghaiDateOf } from '../time/shanghai-time';
import { slotProblem, slotsOfDay, weekdayOf, withinChangeWindow } from './slots.rules';

describe('test-drive slots', () => {
  it('cuts a Shanghai opening day into back-to-back slots that end by closing time', () => {
    const slots = slotsOfDay('2026-12-01', { opensAt: '09:00', closesAt: '17:30' }, 60);
    expect(slots).toHaveLength(8);
    expect(slots[0].startAt.toISOString()).toBe('2026-12-01T01:00:00.000Z');
    expect(slots[7].endAt.toISOString()).toBe('2026-12-01T09:00:00.000Z');
  });

  it('has no slots on a day without opening hours', () => {
    expect(slotsOfDay('2026-12-01', null, 60)).toEqual([]);
  });

  it('knows the weekday of a Shanghai date', () => {
    expect(weekdayOf('2026-11-30')).toBe(1);
    expect(weekdayOf('2026-12-06')).toBe(7);
    expect(shanghaiDateOf(new Date('2026-11-30T17:00:00Z'))).toBe('2026-12-01');
  });

  it('refuses the past, beyond the window, and anything but a slot boundary', () => {
    const slots = slotsOfDay('2026-12-01', { opensAt: '09:00', closesAt: '18:00' }, 60);
    const now = new Date('2026-11-30T02:00:00Z');
    expect(slotProblem(slots[2].startAt, now, 14, slots)).toBeNull();
    expect(slotProblem(new Date('2026-11-30T01:00:00Z'), now, 14, slots)).toBe('SLOT_IN_PAST');
    expect(slotProblem(slots[2].startAt, now, 0, slots)).toBe('BEYOND_BOOKING_WINDOW');
    expect(slotProblem(new Date(slots[2].startAt.getTime() + 15 * 60_000), now, 14, slots)).toBe('OUTSIDE_OPENING_HOURS');
  });

  it('allows changes until the cut-off', () => {
    const start = new Date('2026-12-01T06:00:00Z');
    expect(withinChangeWindow(start, new Date('2026-12-01T04:00:00Z'), 120)).toBe(true);
    expect(withinChangeWindow(start, new Date('2026-12-01T04:00:01Z'), 120)).toBe(false);
  });
});
