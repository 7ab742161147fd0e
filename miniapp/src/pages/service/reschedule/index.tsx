import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { rescheduleServiceBooking } from '../../../api/service';
import { ActionButton } from '../../../components/action-button';
import { MissingBooking } from '../../../components/missing-booking';
import { EmptyState } from '../../../components/page-states';
import { RescheduleForm } from '../../../components/reschedule-form';
import { changeWindowOf, serviceTypeText } from '../../../format/service';
import { useLoginGate } from '../../../hooks/use-login-gate';
import { useMyServiceBookings } from '../../../hooks/use-my-service';
import { useServiceSlotPicker } from '../../../hooks/use-slot-picker';

function goBack() {
  void Taro.navigateBack();
}

export default function RescheduleServiceBookingPage() {
  const { params } = useRouter<{ id?: string; date?: string }>();
  const bookingId = Number(params.id);
  const { loggedIn } = useLoginGate({ askOnLoad: true });
  const bookings = useMyServiceBookings(loggedIn);
  const booking = bookings.data?.find((candidate) => candidate.id === bookingId);
  const picker = useServiceSlotPicker(booking?.store.id ?? null, params.date);

  if (!booking) return <MissingBooking lookup={bookings} waiting={!loggedIn} skeleton={{ count: 2, cardHeight: 240 }} />;
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

  return (
    <RescheduleForm
      booking={booking}
      details={[
        { label: '服务', value: serviceTypeText(booking.serviceType) },
        { label: '爱车', value: booking.vehicle.plate ?? booking.vehicle.model.name },
      ]}
      picker={picker}
      title='选择新的到店时间'
      placeholder='请选择新的到店时段'
      note={`${changeWindow.text}，之后如需调整请致电 ${booking.store.phone}`}
      noteTestId='reschedule-change-window'
      reschedule={(startAt) => rescheduleServiceBooking(booking.id, startAt)}
      onStale={() => void bookings.reload()}
      testId='confirm-service-reschedule'
    />
  );
}
