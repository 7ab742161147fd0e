import { useCallback, useState } from 'react';
import { newIdempotencyKey } from '../api/idempotency-key';
import { bookService, listServiceItems, type BookServiceInput, type ServiceItem } from '../api/service';
import { useAsyncResource } from './use-async-resource';
import { useSingleFlight } from './use-single-flight';

const NO_ITEMS: ServiceItem[] = [];

/** The jobs on a model's maintenance schedule; none are loaded until the model is known. */
export function useServiceItems(modelId: number | null) {
  const load = useCallback(() => (modelId ? listServiceItems(modelId) : Promise.resolve(NO_ITEMS)), [modelId]);
  return useAsyncResource(load);
}

/**
 * Booking a workshop visit from the confirm screen. Its idempotency key is made when the screen opens
 * and sent with every attempt from it (a retry after a network error, a new slot after 该时段刚被约满),
 * so however often the request goes out, the owner ends up with at most one booking. `run` drops a
 * second tap while one attempt is in flight.
 */
export function useBookService() {
  const [idempotencyKey] = useState(() => newIdempotencyKey());
  const { busy, run } = useSingleFlight();
  const book = useCallback((input: BookServiceInput) => bookService(input, idempotencyKey), [idempotencyKey]);
  return { busy, run, book };
}
