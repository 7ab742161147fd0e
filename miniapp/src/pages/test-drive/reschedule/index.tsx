import { Text, View } from '@tarojs/components';
import Taro, { useLoad, useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { ApiError, messageOf } from '../../../api/api-error';
import { SLOT_UNAVAILABLE_CODES } from '../../../api/slots';
import { rescheduleTestDrive } from '../../../api/test-drives';
import { ActionButton } from '../../../components/action-button';
import { InfoRows } from '../../../components/info-rows';
import { NoticeBar } from '../../../components/notice-bar';
import { EmptyState, ErrorState, SkeletonCards } from '../../../components/page-states';
import { SlotPicker } from '../../../components/slot-picker';
import { timeRangeOf } from '../../../format/shanghai-time';
import { useLoginGate } from '../../../hooks/use-login-gate';
import { useMyTestDrives } from '../../../hooks/use-my-test-drives';
import { useSingleFlight } from '../../../hooks/use-single-flight';
import { useTestDriveSlotPicker } from '../../../hooks/use-slot-picker';
import { explainChangeFailure } from '../../../components/booking-change-error';
import './index.scss';

function goBack() {
  void Taro.navigateBack();
}

export default function RescheduleBookingPage() {
  const { params } = useRouter<{ id?: string; date?: string }>();
  const bookingId = Number(params.id);
  const { loggedIn, requireLogin } = useLoginGate();
  const bookings = useMyTestDrives(loggedIn);
  const booking = bookings.data?.find((candidate) => candidate.id === bookingId);
  const picker = useTestDriveSlotPicker(booking?.store.id ?? null, booking?.model.id ?? null, params.date);
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
  if (booking.status !== 'CONFIRMED') {
    return (
      <View className='page'>
        <EmptyState title='该预约已不能改期' description='预约已取消、已开始或已结束' action={<ActionButton onClick={goBack}>返回</ActionButton>} />
      </View>
    );
  }

  const save = () =>
    saving.run(async () => {
      const slot = picker.selectedSlot;
      if (!slot) return;
      try {
        await rescheduleTestDrive(booking.id, slot.startAt);
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
    <View className='page reschedule'>
      <View className='reschedule__card'>
        <InfoRows
          rows={[
            { label: '原时间', value: timeRangeOf(booking.startAt, booking.endAt) },
            { label: '门店', value: booking.store.name },
            { label: '车型', value: booking.model.name },
          ]}
        />
      </View>

      <Text className='reschedule__title'>选择新的时间</Text>
      {slotRejection && <NoticeBar testId='slot-rejected'>{slotRejection}</NoticeBar>}
      <SlotPicker picker={picker} currentStartAt={booking.startAt} />

      <View className='reschedule__footer'>
        <Text className='reschedule__selection'>
          {picker.selectedSlot ? `改到 ${timeRangeOf(picker.selectedSlot.startAt, picker.selectedSlot.endAt)}` : '请选择新的试驾时段'}
        </Text>
        <ActionButton busy={saving.busy} disabled={!picker.selectedSlot} onClick={() => void save()} testId='confirm-reschedule'>
          {saving.busy ? '提交中…' : '确认改期'}
        </ActionButton>
        <Text className='reschedule__hint'>临近开始时不能在线改约或取消，如有需要请致电 {booking.store.phone}</Text>
      </View>
    </View>
  );
}
