import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { listMyServiceBookings } from '../../../api/service';
import { ActionButton } from '../../../components/action-button';
import { InfoRows } from '../../../components/info-rows';
import { MissingBooking } from '../../../components/missing-booking';
import { EmptyState } from '../../../components/page-states';
import { SuccessHero } from '../../../components/success-hero';
import { serviceTypeText } from '../../../format/service';
import { timeRangeOf } from '../../../format/shanghai-time';
import { useBookingInHand } from '../../../hooks/use-booking-in-hand';
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
  const { booking, lookup } = useBookingInHand(bookingId, handedOverServiceBooking, listMyServiceBookings);

  if (!booking) {
    return (
      <MissingBooking
        lookup={lookup}
        skeleton={{ count: 2, cardHeight: 240 }}
        notFound={
          <EmptyState
            title='没有找到这条预约'
            description='请在「我的保养预约」中查看'
            action={<ActionButton onClick={openMyBookings}>查看我的保养预约</ActionButton>}
          />
        }
      />
    );
  }

  const { vehicle } = booking;
  return (
    <View className='page service-success' data-testid='service-booking-success'>
      <SuccessHero title='预约成功' subtitle='请按时到店，服务顾问会提前与您确认' />

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
