import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { ActionButton } from '../../../components/action-button';
import { InfoRows } from '../../../components/info-rows';
import { EmptyState, ErrorState, SkeletonCards } from '../../../components/page-states';
import { serviceTypeText } from '../../../format/service';
import { timeRangeOf } from '../../../format/shanghai-time';
import { useLoginGate } from '../../../hooks/use-login-gate';
import { useMyServiceBookings } from '../../../hooks/use-my-service';
import { handedOverServiceBooking } from '../../../state/service-booking-handoff';
import './index.scss';

function openMyBookings() {
  void Taro.redirectTo({ url: '/pages/service/my-bookings/index' });
}

function backToMyCars() {
  void Taro.switchTab({ url: '/pages/my-cars/index' });
}

export default function ServiceBookingSuccessPage() {
  const bookingId = Number(useRouter<{ id?: string }>().params.id);
  const [handedOver] = useState(() => handedOverServiceBooking(bookingId));
  const { loggedIn } = useLoginGate();
  // Opened afresh (an H5 reload) the booking is not in hand: read it back from the owner's list.
  const fetched = useMyServiceBookings(loggedIn && handedOver === null);
  const booking = handedOver ?? fetched.data?.find((candidate) => candidate.id === bookingId);

  if (!booking) {
    return (
      <View className='page'>
        {fetched.errorMessage ? (
          <ErrorState message={fetched.errorMessage} onRetry={() => void fetched.reload()} />
        ) : fetched.loading ? (
          <SkeletonCards count={2} cardHeight={240} />
        ) : (
          <EmptyState
            title='没有找到这条预约'
            description='请在「我的保养预约」中查看'
            action={<ActionButton onClick={openMyBookings}>查看我的保养预约</ActionButton>}
          />
        )}
      </View>
    );
  }

  const { vehicle } = booking;
  return (
    <View className='page service-success' data-testid='service-booking-success'>
      <View className='service-success__hero'>
        <View className='service-success__check'>
          <Text>✓</Text>
        </View>
        <Text className='service-success__title'>预约成功</Text>
        <Text className='service-success__subtitle'>请按时到店，服务顾问会提前与您确认</Text>
      </View>

      <View className='service-success__card'>
        <InfoRows
          rows={[
            { label: '时间', value: timeRangeOf(booking.startAt, booking.endAt), testId: 'service-success-time' },
            { label: '爱车', value: vehicle.plate ? `${vehicle.plate} · ${vehicle.model.name}` : vehicle.model.name },
            { label: '服务', value: serviceTypeText(booking.serviceType) },
            {
              label: '项目',
              value: booking.items.length > 0 ? booking.items.map((item) => item.name).join('、') : '到店由顾问检查后确定',
              testId: 'service-success-items',
            },
            { label: '门店', value: booking.store.name, testId: 'service-success-store' },
            { label: '地址', value: booking.store.address },
            { label: '电话', value: booking.store.phone },
          ]}
        />
      </View>

      <View className='service-success__action'>
        <ActionButton onClick={openMyBookings} testId='service-success-my-bookings'>
          查看我的保养预约
        </ActionButton>
      </View>
      <View className='service-success__action'>
        <ActionButton variant='plain' onClick={backToMyCars} testId='service-success-my-cars'>
          返回我的车
        </ActionButton>
      </View>
    </View>
  );
}
