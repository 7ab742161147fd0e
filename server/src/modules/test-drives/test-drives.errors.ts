import { defineDomainError } from '../../core/http/domain-error';

export const TestDriveError = defineDomainError('TestDriveError', {
  STORE_NOT_FOUND: 404,
  MODEL_NOT_FOUND: 404,
  ROUTE_NOT_FOUND: 404,
  BOOKING_NOT_FOUND: 404,
  SLOT_FULL: 409,
  SLOT_IN_PAST: 400,
  BEYOND_BOOKING_WINDOW: 400,
  OUTSIDE_OPENING_HOURS: 400,
  CHANGE_CUTOFF_PASSED: 409,
  BOOKING_NOT_ACTIVE: 409,
  BOOKING_NOT_COMPLETED: 409,
  ALREADY_RATED: 409,
});
