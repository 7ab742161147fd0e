import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { ActionButton } from '../../components/action-button';
import { EmptyState } from '../../components/page-states';
import bookingIcon from '../../assets/tab-bar/booking-active.png';

export default function BookingPage() {
  return (
    <View className='page'>
      <EmptyState
        testId='booking-coming-soon'
        iconSrc={bookingIcon}
        title='预约试驾即将开放'
        description='很快您就可以在这里选择门店、车型和时间，在线预约到店试驾。开放前，欢迎直接致电门店预约。'
        action={
          <ActionButton variant='secondary' onClick={() => void Taro.switchTab({ url: '/pages/home/index' })}>
            查看门店电话
          </ActionButton>
        }
      />
    </View>
  );
}
