import Taro from '@tarojs/taro';
import { cancelTestDrive, type TestDriveBooking } from '../../../api/test-drives';
import { ActionButton } from '../../../components/action-button';
import { BookingChangeButtons } from '../../../components/booking-change-buttons';
import { MyBookingsView } from '../../../components/my-bookings-view';
import { TestDriveCard } from '../../../components/test-drive-card';
import { shanghaiDateOf } from '../../../format/shanghai-time';
import { useCancelBooking } from '../../../hooks/use-cancel-booking';
import { useLoginGate } from '../../../hooks/use-login-gate';
import { useMyTestDrives } from '../../../hooks/use-my-test-drives';
import { usePullDownReload } from '../../../hooks/use-pull-down-reload';

function openBookingTab() {
  void Taro.switchTab({ url: '/pages/booking/index' });
}

function openReschedule(booking: TestDriveBooking) {
  const date = shanghaiDateOf(new Date(booking.startAt));
  void Taro.navigateTo({ url: `/pages/test-drive/reschedule/index?id=${booking.id}&date=${date}` });
}

function openRating(booking: TestDriveBooking) {
  void Taro.navigateTo({ url: `/pages/test-drive/rate/index?id=${booking.id}` });
}

const EMPTY = {
  title: '还没有试驾预约',
  description: '选好门店、车型和时间，即可在线预约到店试驾',
  actionText: '去预约试驾',
  onAction: openBookingTab,
  testId: 'my-bookings-empty',
};

export default function MyBookingsPage() {
  const { loggedIn, requireLogin } = useLoginGate({ askOnLoad: true });
  const bookings = useMyTestDrives(loggedIn);
  const cancelling = useCancelBooking(bookings.reload);

  usePullDownReload(bookings.reload);

  const cancel = (booking: TestDriveBooking) => cancelling.cancel(booking, '试驾', () => cancelTestDrive(booking.id));

  const actionsOf = (booking: TestDriveBooking) => {
    if (booking.status === 'CONFIRMED') {
      return (
        <BookingChangeButtons
          cancelling={cancelling.busy}
          onCancel={() => void cancel(booking)}
          onReschedule={() => openReschedule(booking)}
          cancelTestId='cancel-booking'
          rescheduleTestId='reschedule-booking'
        />
      );
    }
    if (booking.status === 'COMPLETED' && booking.rating === null) {
      return (
        <ActionButton size='medium' onClick={() => openRating(booking)} testId='rate-booking'>
          评价
        </ActionButton>
      );
    }
    return undefined;
  };

  return (
    <MyBookingsView
      loggedIn={loggedIn}
      onSignIn={() => requireLogin()}
      signInTitle='登录后查看您的预约'
      bookings={bookings}
      cardHeight={260}
      renderBooking={(booking) => <TestDriveCard key={booking.id} booking={booking} actions={actionsOf(booking)} />}
      empty={EMPTY}
      testId='my-bookings'
    />
  );
}
