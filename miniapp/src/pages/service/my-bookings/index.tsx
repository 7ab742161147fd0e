import { View } from '@tarojs/components';
import Taro, { useLoad, usePullDownRefresh } from '@tarojs/taro';
import { cancelServiceBooking, type ServiceBooking } from '../../../api/service';
import { ActionButton } from '../../../components/action-button';
import { explainChangeFailure } from '../../../components/booking-change-error';
import { EmptyState, ErrorState, SkeletonCards } from '../../../components/page-states';
import { ServiceBookingCard } from '../../../components/service-booking-card';
import { changeWindowOf, serviceTypeText } from '../../../format/service';
import { shanghaiDateOf, timeRangeOf } from '../../../format/shanghai-time';
import { useLoginGate } from '../../../hooks/use-login-gate';
import { useMyServiceBookings } from '../../../hooks/use-my-service';
import { useSingleFlight } from '../../../hooks/use-single-flight';
import { MODAL_DANGER_COLOR } from '../../../styles/modal-colors';
import bookingIcon from '../../../assets/tab-bar/booking-active.png';

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

export default function MyServiceBookingsPage() {
  const { loggedIn, requireLogin } = useLoginGate();
  const bookings = useMyServiceBookings(loggedIn);
  const cancelling = useSingleFlight();

  useLoad(() => {
    if (!loggedIn) requireLogin();
  });

  usePullDownRefresh(() => {
    void bookings.reload().finally(() => Taro.stopPullDownRefresh());
  });

  const cancel = (booking: ServiceBooking) =>
    cancelling.run(async () => {
      const { confirm } = await Taro.showModal({
        title: '取消预约',
        content: `确定取消 ${timeRangeOf(booking.startAt, booking.endAt)} 在${booking.store.name}的${serviceTypeText(booking.serviceType)}预约吗？`,
        confirmText: '取消预约',
        confirmColor: MODAL_DANGER_COLOR,
        cancelText: '再想想',
      });
      if (!confirm) return;
      try {
        await cancelServiceBooking(booking.id);
        void Taro.showToast({ title: '已取消预约', icon: 'success' });
      } catch (error) {
        await explainChangeFailure(error, booking.store);
      }
      await bookings.reload();
    });

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
        <>
          <ActionButton variant='plain' size='medium' busy={cancelling.busy} onClick={() => void cancel(booking)} testId='cancel-service-booking'>
            取消
          </ActionButton>
          <ActionButton variant='secondary' size='medium' onClick={() => openReschedule(booking)} testId='reschedule-service-booking'>
            改期
          </ActionButton>
        </>
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

  if (!loggedIn) {
    return (
      <View className='page'>
        <EmptyState
          iconSrc={bookingIcon}
          title='登录后查看您的保养预约'
          action={<ActionButton onClick={() => requireLogin()}>登录 / 注册</ActionButton>}
        />
      </View>
    );
  }

  return (
    <View className='page' data-testid='my-service-bookings'>
      {bookings.loading && !bookings.data?.length ? (
        <SkeletonCards count={3} cardHeight={300} />
      ) : bookings.errorMessage ? (
        <ErrorState message={bookings.errorMessage} onRetry={() => void bookings.reload()} />
      ) : bookings.data?.length ? (
        bookings.data.map((booking) => (
          <ServiceBookingCard key={booking.id} booking={booking} actions={actionsOf(booking)} notice={changeWindowOf(booking, now)?.text} />
        ))
      ) : (
        <EmptyState
          testId='my-service-bookings-empty'
          iconSrc={bookingIcon}
          title='还没有保养预约'
          description='在「我的车」选择爱车，即可按保养计划预约到店'
          action={<ActionButton onClick={openMyCars}>去预约保养</ActionButton>}
        />
      )}
    </View>
  );
}
