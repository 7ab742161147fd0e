import dayjs from 'dayjs';
import { BUSINESS_TIME_ZONE } from '../time/shanghai-time';

export interface Slot {
  startAt: Date;
  endAt: Date;
}

export interface OpeningHours {
  opensAt: string;
  closesAt: string;
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a Shanghai calendar date. */
export function weekdayOf(date: string): number {
  const day = dayjs.tz(date, BUSINESS_TIME_ZONE).day();
  return day === 0 ? 7 : day;
}

/** The slots of one Shanghai day: back to back from opening, each ending no later than closing. */
export function slotsOfDay(date: string, hours: OpeningHours | null, slotMinutes: number): Slot[] {
  if (!hours) return [];
  const opens = dayjs.tz(`${date} ${hours.opensAt}`, BUSINESS_TIME_ZONE);
  const closes = dayjs.tz(`${date} ${hours.closesAt}`, BUSINESS_TIME_ZONE);
  const slots: Slot[] = [];
  for (let start = opens; !start.add(slotMinutes, 'minute').isAfter(closes); start = start.add(slotMinutes, 'minute')) {
    slots.push({ startAt: start.toDate(), endAt: start.add(slotMinutes, 'minute').toDate() });
  }
  return slots;
}

export type SlotProblem = 'SLOT_IN_PAST' | 'BEYOND_BOOKING_WINDOW' | 'OUTSIDE_OPENING_HOURS';

/** Why a start time cannot be booked, or null. `daySlots` are the slots of the start's day. */
export function slotProblem(startAt: Date, now: Date, bookingWindowDays: number, daySlots: Slot[]): SlotProblem | null {
  if (startAt.getTime() <= now.getTime()) return 'SLOT_IN_PAST';
  if (startAt.getTime() > now.getTime() + bookingWindowDays * 86_400_000) return 'BEYOND_BOOKING_WINDOW';
  if (!daySlots.some((slot) => slot.startAt.getTime() === startAt.getTime())) return 'OUTSIDE_OPENING_HOURS';
  return null;
}

/** Customers may change or cancel until the cut-off before the start. */
export function withinChangeWindow(startAt: Date, now: Date, cutoffMinutes: number): boolean {
  return startAt.getTime() - now.getTime() >= cutoffMinutes * 60_000;
}
