import Taro from '@tarojs/taro';
import { useCallback } from 'react';
import { explainChangeFailure, type BookingStore } from '../components/booking-change-error';
import { timeRangeOf } from '../format/shanghai-time';
import { MODAL_DANGER_COLOR } from '../styles/modal-colors';
import { useSingleFlight } from './use-single-flight';

interface CancellableBooking {
  startAt: string;
  endAt: string;
  store: BookingStore;
}

/**
 * 取消 on a list of bookings (试驾, 保养). `cancel(booking, what, send)` asks first, naming the time, the
 * store and `what` is booked; sends; explains a refusal (past the cut-off, with the store's number); then
 * reads the list again either way, so it shows how the booking stands. One cancel at a time.
 */
export function useCancelBooking(reload: () => Promise<void>) {
  const { busy, run } = useSingleFlight();

  const cancel = useCallback(
    (booking: CancellableBooking, what: string, send: () => Promise<unknown>) =>
      run(async () => {
        const { confirm } = await Taro.showModal({
          title: '取消预约',
          content: `确定取消 ${timeRangeOf(booking.startAt, booking.endAt)} 在${booking.store.name}的${what}吗？`,
          confirmText: '取消预约',
          confirmColor: MODAL_DANGER_COLOR,
          cancelText: '再想想',
        });
        if (!confirm) return;
        try {
          await send();
          void Taro.showToast({ title: '已取消预约', icon: 'success' });
        } catch (error) {
          await explainChangeFailure(error, booking.store);
        }
        await reload();
      }),
    [run, reload],
  );

  return { busy, cancel };
}
