import { useCallback, useState } from 'react';
import { useLoginGate } from './use-login-gate';
import { useShownResource } from './use-shown-resource';

/**
 * The booking a success page shows (试驾, 保养): the one the confirm page handed over, or, when the page was
 * opened afresh (an H5 reload) and nothing is in hand, the one of that id in the customer's list. `lookup` is
 * that list, for the page to show while it loads, or fails.
 */
export function useBookingInHand<Booking extends { id: number }>(
  bookingId: number,
  handedOver: (bookingId: number) => Booking | null,
  listMine: () => Promise<Booking[]>,
) {
  const [inHand] = useState(() => handedOver(bookingId));
  const { loggedIn } = useLoginGate();
  const readBack = loggedIn && inHand === null;
  const load = useCallback(() => (readBack ? listMine() : Promise.resolve<Booking[]>([])), [readBack, listMine]);
  const lookup = useShownResource(load);
  return { booking: inHand ?? lookup.data?.find((candidate) => candidate.id === bookingId), lookup };
}
