import { useCallback, useState } from 'react';
import { newIdempotencyKey } from '../api/idempotency-key';
import { bookTestDrive, type BookTestDriveInput } from '../api/test-drives';
import { useSingleFlight } from './use-single-flight';

/**
 * Booking from the confirm screen. Its idempotency key is made when the screen opens and sent with every
 * attempt from it (a retry after a network error, a new slot after 该时段刚被约满), so however often the
 * request goes out, the customer ends up with at most one booking. `run` drops a second tap while one
 * attempt is in flight.
 */
export function useBookTestDrive() {
  const [idempotencyKey] = useState(() => newIdempotencyKey());
  const { busy, run } = useSingleFlight();
  const book = useCallback((input: BookTestDriveInput) => bookTestDrive(input, idempotencyKey), [idempotencyKey]);
  return { busy, run, book };
}
