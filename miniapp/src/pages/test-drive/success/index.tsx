import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { listMyTestDrives } from '../../../api/test-drives';
import { ActionButton } from '../../../components/action-button';
import { InfoRows } from '../../../components/info-rows';
import { MissingBooking } from '../../../components/missing-booking';
import { EmptyState } from '../../../components/page-states';
import { SuccessHero } from '../../../components/success-hero';
import { timeRangeOf } from '../../../format/shanghai-time';
import { calendarTextOf } from '../../../format/test-drive';
import { useBookingInHand } from '../../../hooks/use-booking-in-hand';
import { handedOverBooking } from '../../../state/test-drive-handoff';
import './index.scss';

// WeChat only: H5 has no subscribe messages, and a build without a template id has nothing to ask for.
const CAN_SUBSCRIBE = process.env.TARO_ENV === 'weapp' && TEST_DRIVE_TEMPLATE_ID !== '';

async function subscribeToReminder(): Promise<boolean> {
  try {
    // entityIds is Alipay's name for the same list; WeChat ignores it, but Taro's types require one of the two.
    const result = await Taro.requestSubscribeMessage({ tmplIds: [TEST_DRIVE_TEMPLATE_ID], entityIds: [] });
    // The answer is keyed by template id: 'accept', 'reject' or 'ban'.
    return (result as unknown as Record<string, unknown>)[TEST_DRIVE_TEMPLATE_ID] === 'accept';
  } catch {
    return false;
  }
}

function openMyBookings() {
  void Taro.redirectTo({ url: '/pages/test-drive/my-bookings/index' });
}

function goHome() {
  void Taro.switchTab({ url: '/pages/home/index' });
}

export default function BookingSuccessPage() {
  const bookingId = Number(useRouter<{ id?: string }>().params.id);
  const { booking, lookup } = useBookingInHand(bookingId, handedOverBooking, listMyTestDrives);
  const [subscribed, setSubscribed] = useState(false);

  if (!booking) {
    return (
      <MissingBooking
        lookup={lookup}
        skeleton={{ count: 2, cardHeight: 240 }}
        notFound={
          <EmptyState
            title='没有找到这条预约'
            description='请在「我的预约」中查看您的试驾预约'
            action={<ActionButton onClick={openMyBookings}>查看我的预约</ActionButton>}
          />
        }
      />
    );
  }

  const calendarText = calendarTextOf(booking);
  const copyCalendarText = () => {
    void Taro.setClipboardData({ data: calendarText });
  };
  const subscribe = async () => {
    const accepted = await subscribeToReminder();
    setSubscribed(accepted);
    void Taro.showToast({ title: accepted ? '已开启试驾提醒' : '未开启提醒', icon: 'none' });
  };

  return (
    <View className='page booking-success' data-testid='booking-success'>
      <SuccessHero title='预约成功' subtitle='顾问会尽快与您联系，请按时到店' />

      <View className='booking-success__card'>
        <InfoRows
          rows={[
            { label: '时间', value: timeRangeOf(booking.startAt, booking.endAt), testId: 'success-time' },
            { label: '门店', value: booking.store.name, testId: 'success-store' },
            { label: '地址', value: booking.store.address },
            { label: '电话', value: booking.store.phone },
            { label: '车型', value: booking.model.name, testId: 'success-model' },
            ...(booking.route ? [{ label: '路线', value: booking.route.name, testId: 'success-route' }] : []),
            { label: '联系人', value: booking.contactName },
          ]}
        />
      </View>

      <View className='booking-success__card'>
        <Text className='booking-success__card-title'>添加到日历</Text>
        <Text className='booking-success__calendar-text' userSelect data-testid='calendar-text'>
          {calendarText}
        </Text>
        <ActionButton variant='secondary' size='medium' onClick={copyCalendarText} testId='copy-calendar-text'>
          复制
        </ActionButton>
      </View>

      {CAN_SUBSCRIBE && !subscribed && (
        <View className='booking-success__action'>
          <ActionButton variant='secondary' onClick={() => void subscribe()}>
            开启试驾提醒（微信通知）
          </ActionButton>
        </View>
      )}

      <View className='booking-success__action'>
        <ActionButton onClick={openMyBookings} testId='success-my-bookings'>
          查看我的预约
        </ActionButton>
      </View>
      <View className='booking-success__action'>
        <ActionButton variant='plain' onClick={goHome} testId='success-home'>
          返回首页
        </ActionButton>
      </View>
    </View>
  );
}
