import type { slotSchema } from 'server/contracts/test-drives.contract';
import type { Wire } from './wire';

/**
 * A time a store can be booked for (a test drive, a workshop visit; both endpoints answer this shape): ISO
 * instants shown in Asia/Shanghai, and what is still free in the slot (cars, workshop capacity); 0 means full.
 */
export type BookableSlot = Wire<typeof slotSchema>;

/** Answers meaning the chosen slot cannot be had (taken meanwhile, passed, not offered): pick another. */
export const SLOT_UNAVAILABLE_CODES: ReadonlySet<string> = new Set([
  'SLOT_FULL',
  'SLOT_IN_PAST',
  'OUTSIDE_OPENING_HOURS',
  'BEYOND_BOOKING_WINDOW',
]);
