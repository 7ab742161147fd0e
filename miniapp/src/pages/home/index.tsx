import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect } from 'react';
import { ActionButton } from '../../components/action-button';
import { EmptyState, ErrorState, SkeletonCards } from '../../components/page-states';
import { StoreCard } from '../../components/store-card';
import { VehicleModelCard } from '../../components/vehicle-model-card';
import type { VehicleModel } from '../../api/vehicle-models';
import { useStores, useVehicleModels } from '../../hooks/use-catalog';
import { usePullDownReload } from '../../hooks/use-pull-down-reload';
import { rememberReferralCode } from '../../state/referral';
import { preselectModel } from '../../state/test-drive-handoff';
import './index.scss';

function goToBooking() {
  void Taro.switchTab({ url: '/pages/booking/index' });
}

/** switchTab drops query params, so the model travels through the shared hand-off. */
function bookTestDriveOf(model: VehicleModel) {
  preselectModel(model.id);
  goToBooking();
}

export default function HomePage() {
  const { params } = useRouter();
  useEffect(() => rememberReferralCode(params.ref), [params.ref]);
  const vehicleModels = useVehicleModels();
  const stores = useStores();
  const now = new Date();

  usePullDownReload(vehicleModels.reload, stores.reload);

  return (
    <View className='page home'>
      <View className='home__banner'>
        <Text className='home__banner-title'>心仪车型，先试再买</Text>
        <Text className='home__banner-subtitle'>在线预约到店试驾，专属顾问全程陪同</Text>
        <View className='home__banner-action'>
          <ActionButton variant='secondary' size='small' onClick={goToBooking}>
            预约试驾
          </ActionButton>
        </View>
      </View>

      <View className='section-title'>
        <Text>在售车型</Text>
        {vehicleModels.data && <Text className='section-title__hint'>共 {vehicleModels.data.length} 款</Text>}
      </View>
      {vehicleModels.loading && !vehicleModels.data ? (
        <SkeletonCards count={2} cardHeight={480} />
      ) : vehicleModels.errorMessage ? (
        <ErrorState message={vehicleModels.errorMessage} onRetry={() => void vehicleModels.reload()} />
      ) : vehicleModels.data?.length ? (
        vehicleModels.data.map((model) => (
          <VehicleModelCard key={model.id} model={model} onBookTestDrive={bookTestDriveOf} />
        ))
      ) : (
        <EmptyState title='暂无在售车型' description='新车型上架后会第一时间展示在这里' />
      )}

      <View className='section-title'>
        <Text>门店</Text>
        {stores.data && <Text className='section-title__hint'>共 {stores.data.length} 家</Text>}
      </View>
      {stores.loading && !stores.data ? (
        <SkeletonCards count={2} cardHeight={220} />
      ) : stores.errorMessage ? (
        <ErrorState message={stores.errorMessage} onRetry={() => void stores.reload()} />
      ) : stores.data?.length ? (
        stores.data.map((store) => <StoreCard key={store.id} store={store} now={now} />)
      ) : (
        <EmptyState title='暂无门店信息' description='门店信息整理中，请稍后再来看看' />
      )}
    </View>
  );
}
