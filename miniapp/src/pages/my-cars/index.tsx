import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { OwnerVehicle } from '../../api/vehicles';
import { ActionButton } from '../../components/action-button';
import { OwnerVehicleCard } from '../../components/owner-vehicle-card';
import { EmptyState, ErrorState, SignInState, SkeletonCards } from '../../components/page-states';
import { shanghaiDateOf } from '../../format/shanghai-time';
import { useLoginGate } from '../../hooks/use-login-gate';
import { useMyVehicles } from '../../hooks/use-my-vehicles';
import { usePullDownReload } from '../../hooks/use-pull-down-reload';
import { useVerifiedMobileGate } from '../../hooks/use-verified-mobile-gate';
import carIcon from '../../assets/tab-bar/my-cars-active.png';
import './index.scss';

function open(url: string) {
  void Taro.navigateTo({ url });
}

function openFile(vehicle: OwnerVehicle) {
  open(`/pages/service/vehicle/index?id=${vehicle.id}`);
}

function bookService(vehicle: OwnerVehicle) {
  open(`/pages/service/book/index?vehicleId=${vehicle.id}`);
}

const SHORTCUTS = [
  { title: '保养预约', subtitle: '查看、改期或取消', url: '/pages/service/my-bookings/index', testId: 'open-service-bookings' },
  { title: '维修进度', subtitle: '车辆在店实时进度', url: '/pages/service/work-orders/index', testId: 'open-work-orders' },
];

export default function MyCarsPage() {
  const { loggedIn, requireLogin } = useLoginGate();
  const vehicles = useMyVehicles(loggedIn);
  const verification = useVerifiedMobileGate();
  const today = shanghaiDateOf(new Date());

  usePullDownReload(vehicles.reload);

  // A car is bound to the mobile given at purchase: a customer who never proved theirs does that first.
  const openBind = () => requireLogin(() => void verification.requireVerifiedMobile(() => open('/pages/service/bind/index')));

  if (!loggedIn) {
    return (
      <View className='page'>
        <SignInState
          testId='my-cars-logged-out'
          iconSrc={carIcon}
          title='登录后查看您的爱车'
          description='绑定爱车后可查看车辆档案和保养提醒，在线预约保养、查看维修进度'
          onSignIn={() => requireLogin()}
          actionTestId='my-cars-login'
        />
      </View>
    );
  }

  const list = vehicles.data;
  return (
    <View className='page my-cars' data-testid='my-cars'>
      <View className='my-cars__shortcuts'>
        {SHORTCUTS.map((shortcut) => (
          <View
            key={shortcut.url}
            className='my-cars__shortcut'
            hoverClass='my-cars__shortcut--pressed'
            ariaRole='button'
            data-testid={shortcut.testId}
            onClick={() => open(shortcut.url)}
          >
            <Text className='my-cars__shortcut-title'>{shortcut.title}</Text>
            <Text className='my-cars__shortcut-subtitle'>{shortcut.subtitle}</Text>
          </View>
        ))}
      </View>

      {vehicles.loading && !list?.length ? (
        <SkeletonCards count={2} cardHeight={420} />
      ) : vehicles.errorMessage ? (
        <ErrorState message={vehicles.errorMessage} onRetry={() => void vehicles.reload()} />
      ) : list?.length ? (
        <View>
          {list.map((vehicle) => (
            <OwnerVehicleCard key={vehicle.id} vehicle={vehicle} today={today} onOpenFile={openFile} onBookService={bookService} />
          ))}
          <ActionButton variant='plain' busy={verification.busy} onClick={openBind} testId='bind-another-vehicle'>
            绑定其他爱车
          </ActionButton>
        </View>
      ) : (
        <EmptyState
          testId='my-cars-empty'
          iconSrc={carIcon}
          title='还没有绑定爱车'
          description='输入车架号（VIN）和车牌号绑定爱车，即可查看车辆档案、保养提醒，在线预约保养'
          action={
            <ActionButton busy={verification.busy} onClick={openBind} testId='bind-vehicle'>
              绑定爱车
            </ActionButton>
          }
        />
      )}
    </View>
  );
}
