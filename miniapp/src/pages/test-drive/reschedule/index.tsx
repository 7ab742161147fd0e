import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { rescheduleTestDrive } from '../../../api/test-drives';
import { ActionButton } from '../../../components/action-button';
import { MissingBooking } from '../../../components/missing-booking';
import { EmptyState } from '../../../components/page-states';
import { RescheduleForm } from '../../../components/reschedule-form';
import { useLoginGate } from '../../../hooks/use-login-gate';
import { useMyTestDrives } from '../../../hooks/use-my-test-drives';
import { useTestDriveSlotPicker } from '../../../hooks/use-slot-picker';

function goBack() {
  void Taro.navigateBack();
}

export default function RescheduleBookingPage() {
  const { params } = useRouter<{ id?: string; date?: string }>();
  const bookingId = Number(params.id);
  const { loggedIn } = useLoginGate({ askOnLoad: true });
  const bookings = useMyTestDrives(loggedIn);
  const booking = bookings.data?.find((candidate) => candidate.id === bookingId);
  const picker = useTestDriveSlotPicker(booking?.store.id ?? null, booking?.model.id ?? null, params.date);

  if (!booking) return <MissingBooking lookup={bookings} waiting={!loggedIn} skeleton={{ count: 2, cardHeight: 240 }} />;
  if (booking.status !== 'CONFIRMED') {
    return (
      <View className='page'>
        <EmptyState title='该预约已不能改期' description='预约已取消、已开始或已结束' action={<ActionButton onClick={goBack}>返回</ActionButton>} />
      </View>
    );
  }

  return (
    <RescheduleForm
      booking={booking}
      details={[{ label: '车型', value: booking.model.name }]}
      picker={picker}
      title='选择新的时间'
      placeholder='请选择新的试驾时段'
      note={`临近开始时不能在线改约或取消，如有需要请致电 ${booking.store.phone}`}
      reschedule={(startAt) => rescheduleTestDrive(booking.id, startAt)}
      onStale={() => void bookings.reload()}
      testId='confirm-reschedule'
    />
  );
}
