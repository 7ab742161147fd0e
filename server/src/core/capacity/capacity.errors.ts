import { defineDomainError } from '../http/domain-error';

export const CapacityError = defineDomainError('CapacityError', {
  SLOT_IN_PAST: 400,
  BEYOND_BOOKING_WINDOW: 400,
  OUTSIDE_OPENING_HOURS: 400,
});
