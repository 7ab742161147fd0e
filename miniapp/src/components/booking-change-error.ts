import Taro from '@tarojs/taro';
import { ApiError, messageOf } from '../api/api-error';
import { MODAL_CONFIRM_COLOR } from '../styles/modal-colors';

/** The store that took the booking: past the cut-off only it can change the booking. */
export interface BookingStore {
  name: string;
  phone: string;
}

/**
 * Tells the customer why changing a booking (改期, 取消; a test drive or a workshop visit) failed. Past
 * the cut-off only the store can help, so the answer offers to call it. Resolves once the customer has
 * read it.
 */
export async function explainChangeFailure(error: unknown, store: BookingStore): Promise<void> {
  const code = error instanceof ApiError ? error.code : null;
  if (code === 'CHANGE_CUTOFF_PASSED') {
    const { confirm } = await Taro.showModal({
      title: '无法在线修改',
      content: `${messageOf(error)}\n${store.name}：${store.phone}`,
      confirmText: '致电门店',
      confirmColor: MODAL_CONFIRM_COLOR,
      cancelText: '知道了',
    });
    if (confirm) await Taro.makePhoneCall({ phoneNumber: store.phone }).catch(() => undefined);
    return;
  }
  if (code === 'BOOKING_NOT_ACTIVE' || code === 'BOOKING_NOT_FOUND') {
    await Taro.showModal({ title: '预约状态已变化', content: messageOf(error), showCancel: false, confirmText: '知道了', confirmColor: MODAL_CONFIRM_COLOR });
    return;
  }
  void Taro.showToast({ title: messageOf(error), icon: 'none', duration: 2500 });
}
