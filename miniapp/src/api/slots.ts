/** A time a store can be booked for (a test drive, a workshop visit), as the slot endpoints answer it. */
export interface BookableSlot {
  /** ISO instant (UTC); shown in Asia/Shanghai. */
  startAt: string;
  endAt: string;
  /** What is still free in the slot (test-drive cars, workshop capacity); 0 means full. */
  remaining: number;
}

/** Answers meaning the chosen slot cannot be had (taken meanwhile, passed, not offered): pick another. */
export const SLOT_UNAVAILABLE_CODES: ReadonlySet<string> = new Set([
  'SLOT_FULL',
  'SLOT_IN_PAST',
  'OUTSIDE_OPENING_HOURS',
  'BEYOND_BOOKING_WINDOW',
]);
