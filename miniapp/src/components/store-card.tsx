import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { Store } from '../api/stores';
import { describeTodayHours } from '../format/opening-hours';
import './store-card.scss';

interface StoreCardProps {
  store: Store;
  now: Date;
}

export function StoreCard({ store, now }: StoreCardProps) {
  const callStore = () => {
    void Taro.makePhoneCall({ phoneNumber: store.phone });
  };
  return (
    <View className='store-card' data-testid='store-card'>
      <View className='store-card__heading'>
        <Text className='store-card__name'>{store.name}</Text>
        <Text className='store-card__city'>{store.city}</Text>
      </View>
      <Text className='store-card__address'>{store.address}</Text>
      <View className='store-card__footer'>
        <Text className='store-card__hours'>{describeTodayHours(store.openingHours, now)}</Text>
        <View className='store-card__phone' hoverClass='store-card__phone--pressed' onClick={callStore}>
          <Text>致电 {store.phone}</Text>
        </View>
      </View>
    </View>
  );
}
