import Taro from '@tarojs/taro';
import { useState } from 'react';
import { ApiError, messageOf, NETWORK_ERROR } from '../api/api-error';
import { newIdempotencyKey } from '../api/idempotency-key';
import { SLOT_UNAVAILABLE_CODES, type BookableSlot } from '../api/slots';
import { useSingleFlight } from './use-single-flight';
import type { SlotPicker } from './use-slot-picker';

interface ConfirmBookingOptions<Input, Booking> {
  /** Sends the booking with the screen's idempotency key. */
  book: (input: Input, idempotencyKey: string) => Promise<Booking>;
  /** The slot picked on the page before; it stands until the server refuses it. */
  pickedSlot: BookableSlot | null;
  /** Where to pick again once it is refused: the same store's (and model's) slots. */
  picker: SlotPicker;
  onBooked: (booking: Booking) => void;
  /** A refusal only this flow knows (a route withdrawn, the car already booked); true once dealt with. */
  onRefused?: (error: ApiError) => boolean | Promise<boolean>;
}

function showMessage(title: string) {
  void Taro.showToast({ title, icon: 'none', duration: 2500 });
}

/**
 * The confirm screen of a booking flow (试驾, 保养). Its idempotency key is made when the screen opens and sent
 * with every attempt from it (a retry after a network error, a new slot after 该时段刚被约满), so however often
 * the request goes out, the customer ends up with at most one booking; a second tap while one attempt is in
 * flight is dropped. A slot taken meanwhile is said, and the customer picks again in `picker`; a request lost
 * on the network offers 重试.
 */
export function useConfirmBooking<Input, Booking>({ book, pickedSlot, picker, onBooked, onRefused }: ConfirmBookingOptions<Input, Booking>) {
  const [idempotencyKey] = useState(() => newIdempotencyKey());
  const { busy, run } = useSingleFlight();
  const [slotRejection, setSlotRejection] = useState<string | null>(null);
  const [networkFailed, setNetworkFailed] = useState(false);
  // After a rejection the customer picks again below; until then the slot from the page before stands.
  const slot = slotRejection ? picker.selectedSlot : pickedSlot;

  const submit = (inputFor: (slot: BookableSlot) => Input) =>
    run(async () => {
      if (!slot) return;
      setNetworkFailed(false);
      try {
        onBooked(await book(inputFor(slot), idempotencyKey));
      } catch (error) {
        const code = error instanceof ApiError ? error.code : null;
        if (code && SLOT_UNAVAILABLE_CODES.has(code)) {
          setSlotRejection(messageOf(error));
          picker.selectSlot(null);
          void picker.slots.reload();
        } else if (code === NETWORK_ERROR) {
          setNetworkFailed(true);
        } else if (!(error instanceof ApiError && onRefused && (await onRefused(error)))) {
          showMessage(messageOf(error));
        }
      }
    });

  return { busy, slot, slotRejection, networkFailed, submit };
}
