import Taro from '@tarojs/taro';
import { cancelServiceBooking, type ServiceBooking } from '../../../api/service';
import { ActionButton } from '../../../components/action-button';
import { BookingChangeButtons } from '../../../components/booking-change-buttons';
import { MyBookingsView } from '../../../components/my-bookings-view';
import { ServiceBookingCard } from '../../../components/service-booking-card';
import { changeWindowOf, serviceTypeText } from '../../../format/service';
import { shanghaiDateOf } from '../../../format/shanghai-time';
import { useCancelBooking } from '../../../hooks/use-cancel-booking';
import { useLoginGate } from '../../../hooks/use-login-gate';
import { useMyServiceBookings } from '../../../hooks/use-my-service';
import { usePullDownReload } from '../../../hooks/use-pull-down-reload';

function openMyCars() {
  void Taro.switchTab({ url: '/pages/my-cars/index' });
}

function openReschedule(booking: ServiceBooking) {
  const date = shanghaiDateOf(new Date(booking.startAt));
  void Taro.navigateTo({ url: `/pages/service/reschedule/index?id=${booking.id}&date=${date}` });
}

// Cancelling the dialler (or H5 without one) rejects; there is nothing to tell the owner.
function callStore(booking: ServiceBooking) {
  void Taro.makePhoneCall({ phoneNumber: booking.store.phone }).catch(() => undefined);
}

function openWorkOrders() {
  void Taro.navigateTo({ url: '/pages/service/work-orders/index' });
}

const EMPTY = {
  title: '还没有保养预约',
  description: '在「我的车」选择爱车，即可按保养计划预约到店',
  actionText: '去预约保养',
  onAction: openMyCars,
  testId: 'my-service-bookings-empty',
};

export default function MyServiceBookingsPage() {
  const { loggedIn, requireLogin } = useLoginGate({ askOnLoad: true });
  const bookings = useMyServiceBookings(loggedIn);
  const cancelling = useCancelBooking(bookings.reload);

  usePullDownReload(bookings.reload);

  const cancel = (booking: ServiceBooking) =>
    cancelling.cancel(booking, `${serviceTypeText(booking.serviceType)}预约`, () => cancelServiceBooking(booking.id));

  const now = new Date();

  const actionsOf = (booking: ServiceBooking) => {
    const changeWindow = changeWindowOf(booking, now);
    if (changeWindow && !changeWindow.open) {
      return (
        <ActionButton variant='secondary' size='medium' onClick={() => callStore(booking)} testId='call-store'>
          致电门店
        </ActionButton>
      );
    }
    if (changeWindow?.open) {
      return (
        <BookingChangeButtons
          cancelling={cancelling.busy}
          onCancel={() => void cancel(booking)}
          onReschedule={() => openReschedule(booking)}
          cancelTestId='cancel-service-booking'
          rescheduleTestId='reschedule-service-booking'
        />
      );
    }
    if (booking.status === 'CHECKED_IN') {
      return (
        <ActionButton variant='secondary' size='medium' onClick={openWorkOrders} testId='open-work-order'>
          查看维修进度
        </ActionButton>
      );
    }
    return undefined;
  };

  return (
    <MyBookingsView
      loggedIn={loggedIn}
      onSignIn={() => requireLogin()}
      signInTitle='登录后查看您的保养预约'
      bookings={bookings}
      cardHeight={300}
      renderBooking={(booking) => (
        <ServiceBookingCard key={booking.id} booking={booking} actions={actionsOf(booking)} notice={changeWindowOf(booking, now)?.text} />
      )}
      empty={EMPTY}
      testId='my-service-bookings'
    />
  );
}
