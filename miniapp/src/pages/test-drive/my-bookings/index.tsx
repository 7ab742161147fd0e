import { View } from '@tarojs/components';
import Taro, { useLoad, usePullDownRefresh } from '@tarojs/taro';
import type { TestDriveBooking } from '../../../api/test-drives';
import { cancelTestDrive } from '../../../api/test-drives';
import { ActionButton } from '../../../components/action-button';
import { EmptyState, ErrorState, SkeletonCards } from '../../../components/page-states';
import { TestDriveCard } from '../../../components/test-drive-card';
import { shanghaiDateOf, timeRangeOf } from '../../../format/shanghai-time';
import { useLoginGate } from '../../../hooks/use-login-gate';
import { useMyTestDrives } from '../../../hooks/use-my-test-drives';
import { useSingleFlight } from '../../../hooks/use-single-flight';
import { MODAL_DANGER_COLOR } from '../../../styles/modal-colors';
import bookingIcon from '../../../assets/tab-bar/booking-active.png';
import { explainChangeFailure } from '../../../components/booking-change-error';

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

export default function MyBookingsPage() {
  const { loggedIn, requireLogin } = useLoginGate();
  const bookings = useMyTestDrives(loggedIn);
  const cancelling = useSingleFlight();

  useLoad(() => {
    if (!loggedIn) requireLogin();
  });

  usePullDownRefresh(() => {
    void bookings.reload().finally(() => Taro.stopPullDownRefresh());
  });

  const cancel = (booking: TestDriveBooking) =>
    cancelling.run(async () => {
      const { confirm } = await Taro.showModal({
        title: '取消预约',
        content: `确定取消 ${timeRangeOf(booking.startAt, booking.endAt)} 在${booking.store.name}的试驾吗？`,
        confirmText: '取消预约',
        confirmColor: MODAL_DANGER_COLOR,
        cancelText: '再想想',
      });
      if (!confirm) return;
      try {
        await cancelTestDrive(booking.id);
        void Taro.showToast({ title: '已取消预约', icon: 'success' });
      } catch (error) {
        await explainChangeFailure(error, booking.store);
      }
      await bookings.reload();
    });

  const actionsOf = (booking: TestDriveBooking) => {
    if (booking.status === 'CONFIRMED') {
      return (
        <>
          <ActionButton variant='plain' size='medium' busy={cancelling.busy} onClick={() => void cancel(booking)} testId='cancel-booking'>
            取消
          </ActionButton>
          <ActionButton variant='secondary' size='medium' onClick={() => openReschedule(booking)} testId='reschedule-booking'>
            改期
          </ActionButton>
        </>
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

  if (!loggedIn) {
    return (
      <View className='page'>
        <EmptyState
          iconSrc={bookingIcon}
          title='登录后查看您的预约'
          action={<ActionButton onClick={() => requireLogin()}>登录 / 注册</ActionButton>}
        />
      </View>
    );
  }

  return (
    <View className='page' data-testid='my-bookings'>
      {bookings.loading && !bookings.data?.length ? (
        <SkeletonCards count={3} cardHeight={260} />
      ) : bookings.errorMessage ? (
        <ErrorState message={bookings.errorMessage} onRetry={() => void bookings.reload()} />
      ) : bookings.data?.length ? (
        bookings.data.map((booking) => <TestDriveCard key={booking.id} booking={booking} actions={actionsOf(booking)} />)
      ) : (
        <EmptyState
          testId='my-bookings-empty'
          iconSrc={bookingIcon}
          title='还没有试驾预约'
          description='选好门店、车型和时间，即可在线预约到店试驾'
          action={<ActionButton onClick={openBookingTab}>去预约试驾</ActionButton>}
        />
      )}
    </View>
  );
}
