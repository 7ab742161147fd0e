import { Text, View } from '@tarojs/components';
import Taro, { useLoad, useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { ApiError, messageOf } from '../../../api/api-error';
import { rescheduleServiceBooking } from '../../../api/service';
import { SLOT_UNAVAILABLE_CODES } from '../../../api/slots';
import { ActionButton } from '../../../components/action-button';
import { explainChangeFailure } from '../../../components/booking-change-error';
import { InfoRows } from '../../../components/info-rows';
import { NoticeBar } from '../../../components/notice-bar';
import { EmptyState, ErrorState, SkeletonCards } from '../../../components/page-states';
import { SlotPicker } from '../../../components/slot-picker';
import { changeWindowOf, serviceTypeText } from '../../../format/service';
import { timeRangeOf } from '../../../format/shanghai-time';
import { useLoginGate } from '../../../hooks/use-login-gate';
import { useMyServiceBookings } from '../../../hooks/use-my-service';
import { useSingleFlight } from '../../../hooks/use-single-flight';
import { useServiceSlotPicker } from '../../../hooks/use-slot-picker';
import './index.scss';

function goBack() {
  void Taro.navigateBack();
}

export default function RescheduleServiceBookingPage() {
  const { params } = useRouter<{ id?: string; date?: string }>();
  const bookingId = Number(params.id);
  const { loggedIn, requireLogin } = useLoginGate();
  const bookings = useMyServiceBookings(loggedIn);
  const booking = bookings.data?.find((candidate) => candidate.id === bookingId);
  const picker = useServiceSlotPicker(booking?.store.id ?? null, params.date);
  const saving = useSingleFlight();
  const [slotRejection, setSlotRejection] = useState<string | null>(null);

  useLoad(() => {
    if (!loggedIn) requireLogin();
  });

  if (!booking) {
    return (
      <View className='page'>
        {bookings.errorMessage ? (
          <ErrorState message={bookings.errorMessage} onRetry={() => void bookings.reload()} />
        ) : bookings.loading || !loggedIn ? (
          <SkeletonCards count={2} cardHeight={240} />
        ) : (
          <EmptyState title='没有找到这条预约' action={<ActionButton onClick={goBack}>返回</ActionButton>} />
        )}
      </View>
    );
  }
  const changeWindow = changeWindowOf(booking, new Date());
  if (!changeWindow) {
    return (
      <View className='page'>
        <EmptyState title='该预约已不能改期' description='预约已取消，或车辆已到店' action={<ActionButton onClick={goBack}>返回</ActionButton>} />
      </View>
    );
  }
  if (!changeWindow.open) {
    const callStore = () => void Taro.makePhoneCall({ phoneNumber: booking.store.phone }).catch(() => undefined);
    return (
      <View className='page'>
        <EmptyState
          testId='reschedule-closed'
          title='已不能在线改期'
          description={changeWindow.text}
          action={<ActionButton onClick={callStore}>致电{booking.store.name}</ActionButton>}
        />
      </View>
    );
  }

  const save = () =>
    saving.run(async () => {
      const slot = picker.selectedSlot;
      if (!slot) return;
      try {
        await rescheduleServiceBooking(booking.id, slot.startAt);
        void Taro.showToast({ title: '改期成功', icon: 'success' });
        setTimeout(goBack, 800);
      } catch (error) {
        if (error instanceof ApiError && SLOT_UNAVAILABLE_CODES.has(error.code)) {
          setSlotRejection(messageOf(error));
          picker.selectSlot(null);
          void picker.slots.reload();
          return;
        }
        await explainChangeFailure(error, booking.store);
        // Cut-off passed or the booking changed meanwhile: the list shows how it stands now.
        void bookings.reload();
      }
    });

  return (
    <View className='page service-reschedule'>
      <View className='service-reschedule__card'>
        <InfoRows
          rows={[
            { label: '原时间', value: timeRangeOf(booking.startAt, booking.endAt) },
            { label: '门店', value: booking.store.name },
            { label: '服务', value: serviceTypeText(booking.serviceType) },
            { label: '爱车', value: booking.vehicle.plate ?? booking.vehicle.model.name },
          ]}
        />
      </View>

      <Text className='service-reschedule__title'>选择新的到店时间</Text>
      {slotRejection && <NoticeBar testId='slot-rejected'>{slotRejection}</NoticeBar>}
      <SlotPicker picker={picker} currentStartAt={booking.startAt} />

      <View className='service-reschedule__footer'>
        <Text className='service-reschedule__selection'>
          {picker.selectedSlot ? `改到 ${timeRangeOf(picker.selectedSlot.startAt, picker.selectedSlot.endAt)}` : '请选择新的到店时段'}
        </Text>
        <ActionButton busy={saving.busy} disabled={!picker.selectedSlot} onClick={() => void save()} testId='confirm-service-reschedule'>
          {saving.busy ? '提交中…' : '确认改期'}
        </ActionButton>
        <Text className='service-reschedule__hint' data-testid='reschedule-change-window'>
          {changeWindow.text}，之后如需调整请致电 {booking.store.phone}
        </Text>
      </View>
    </View>
  );
}
