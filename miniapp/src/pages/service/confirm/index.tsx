import { Text, Textarea, View } from '@tarojs/components';
import Taro, { useLoad } from '@tarojs/taro';
import { useState } from 'react';
import { ApiError, messageOf, NETWORK_ERROR } from '../../../api/api-error';
import { VEHICLE_ALREADY_BOOKED } from '../../../api/service';
import { SLOT_UNAVAILABLE_CODES } from '../../../api/slots';
import { ActionButton } from '../../../components/action-button';
import { InfoRows } from '../../../components/info-rows';
import { NoticeBar } from '../../../components/notice-bar';
import { EmptyState } from '../../../components/page-states';
import { SlotPicker } from '../../../components/slot-picker';
import { serviceTypeText } from '../../../format/service';
import { shanghaiDateOf, timeRangeOf } from '../../../format/shanghai-time';
import { useBookService } from '../../../hooks/use-book-service';
import { useCustomerProfile } from '../../../hooks/use-customer-profile';
import { useLoginGate } from '../../../hooks/use-login-gate';
import { useServiceSlotPicker } from '../../../hooks/use-slot-picker';
import { handedOverServiceChoice, handOverServiceBooking } from '../../../state/service-booking-handoff';
import { MODAL_CONFIRM_COLOR } from '../../../styles/modal-colors';
import './index.scss';

const NOTE_MAX = 500;

function showMessage(title: string) {
  void Taro.showToast({ title, icon: 'none', duration: 2500 });
}

function backToBooking() {
  void Taro.navigateBack().catch(() => Taro.switchTab({ url: '/pages/my-cars/index' }));
}

/** The car already has a visit booked: offer the bookings list, where it can be moved or cancelled. */
async function explainAlreadyBooked(message: string) {
  const { confirm } = await Taro.showModal({
    title: '已有待到店的预约',
    content: message,
    confirmText: '查看预约',
    confirmColor: MODAL_CONFIRM_COLOR,
    cancelText: '知道了',
  });
  if (confirm) void Taro.redirectTo({ url: '/pages/service/my-bookings/index' });
}

export default function ConfirmServiceBookingPage() {
  const [choice] = useState(handedOverServiceChoice);
  const { loggedIn, requireLogin } = useLoginGate();
  const { profile } = useCustomerProfile();
  const booking = useBookService();
  const picker = useServiceSlotPicker(choice?.store.id ?? null, choice ? shanghaiDateOf(new Date(choice.slot.startAt)) : undefined);
  const [note, setNote] = useState('');
  const [slotRejection, setSlotRejection] = useState<string | null>(null);
  const [networkFailed, setNetworkFailed] = useState(false);

  useLoad(() => {
    if (!loggedIn) requireLogin();
  });

  if (!choice) {
    return (
      <View className='page'>
        <EmptyState
          title='预约信息已失效'
          description='请重新选择爱车、门店和到店时间'
          action={<ActionButton onClick={backToBooking}>重新选择</ActionButton>}
        />
      </View>
    );
  }
  if (!loggedIn) {
    return (
      <View className='page'>
        <EmptyState title='登录后即可预约保养' action={<ActionButton onClick={() => requireLogin()}>登录 / 注册</ActionButton>} />
      </View>
    );
  }

  const { vehicle, store, serviceType, items } = choice;
  // After a rejection the owner picks again below; until then the slot from the booking page stands.
  const slot = slotRejection ? picker.selectedSlot : choice.slot;
  const itemNames = items.length > 0 ? items.map((item) => item.name).join('、') : '到店由顾问检查后确定';

  const submit = () =>
    booking.run(async () => {
      if (!slot) return showMessage('请选择到店时段');
      setNetworkFailed(false);
      const trimmedNote = note.trim();
      try {
        const created = await booking.book({
          vehicleId: vehicle.id,
          storeId: store.id,
          serviceType,
          startAt: slot.startAt,
          itemIds: items.map((item) => item.id),
          ...(trimmedNote ? { note: trimmedNote } : {}),
        });
        handOverServiceBooking(created);
        void Taro.redirectTo({ url: `/pages/service/success/index?id=${created.id}` });
      } catch (error) {
        const code = error instanceof ApiError ? error.code : null;
        if (code && SLOT_UNAVAILABLE_CODES.has(code)) {
          setSlotRejection(messageOf(error));
          picker.selectSlot(null);
          void picker.slots.reload();
        } else if (code === VEHICLE_ALREADY_BOOKED) {
          await explainAlreadyBooked(messageOf(error));
        } else if (code === NETWORK_ERROR) {
          setNetworkFailed(true);
        } else {
          showMessage(messageOf(error));
        }
      }
    });

  return (
    <View className='page service-confirm'>
      <View className='service-confirm__card'>
        <Text className='service-confirm__card-title'>预约信息</Text>
        <InfoRows
          rows={[
            { label: '时间', value: slot ? timeRangeOf(slot.startAt, slot.endAt) : '请在下方重新选择', testId: 'service-confirm-time' },
            { label: '爱车', value: vehicle.plate ? `${vehicle.plate} · ${vehicle.model.name}` : vehicle.model.name },
            { label: '门店', value: store.name },
            { label: '地址', value: store.address },
            { label: '服务', value: serviceTypeText(serviceType), testId: 'service-confirm-type' },
            { label: '项目', value: itemNames, testId: 'service-confirm-items' },
          ]}
        />
      </View>

      {slotRejection && (
        <View className='service-confirm__repick' data-testid='slot-rejected'>
          <NoticeBar>{slotRejection}</NoticeBar>
          <SlotPicker picker={picker} />
        </View>
      )}

      <View className='service-confirm__card'>
        <View className='service-confirm__heading'>
          <Text className='service-confirm__card-title'>备注</Text>
          <Text className='service-confirm__note-count'>
            选填 · {note.length}/{NOTE_MAX}
          </Text>
        </View>
        <Textarea
          className='service-confirm__note'
          maxlength={NOTE_MAX}
          placeholder='如有异响、故障灯亮等情况，或希望顾问特别检查的地方，请写在这里'
          value={note}
          onInput={(event) => setNote(event.detail.value)}
          data-testid='service-note-input'
        />
        <Text className='service-confirm__hint'>
          {profile?.mobileMasked ? `顾问将通过 ${profile.mobileMasked} 与您确认预约` : '顾问将通过您登录的手机号与您确认预约'}
        </Text>
      </View>

      {networkFailed && (
        <NoticeBar testId='service-booking-network-error'>网络异常，预约可能未提交成功。请点击「重试」，不会重复预约。</NoticeBar>
      )}

      <ActionButton busy={booking.busy} disabled={!slot} onClick={() => void submit()} testId='confirm-service-booking'>
        {booking.busy ? '提交中…' : networkFailed ? '重试' : '确认预约'}
      </ActionButton>
      <Text className='service-confirm__footnote'>到店前如需改期或取消，可在「我的保养预约」中操作</Text>
    </View>
  );
}
