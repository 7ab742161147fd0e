import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { ActionButton } from '../../../components/action-button';
import { EmptyState, ErrorState, SignInState, SkeletonCards } from '../../../components/page-states';
import { WorkOrderCard } from '../../../components/work-order-card';
import { useLoginGate } from '../../../hooks/use-login-gate';
import { useMyWorkOrders } from '../../../hooks/use-my-service';
import { usePullDownReload } from '../../../hooks/use-pull-down-reload';
import carIcon from '../../../assets/tab-bar/my-cars-active.png';
import './index.scss';

function openMyCars() {
  void Taro.switchTab({ url: '/pages/my-cars/index' });
}

export default function WorkOrdersPage() {
  const { loggedIn, requireLogin } = useLoginGate({ askOnLoad: true });
  const orders = useMyWorkOrders(loggedIn);

  usePullDownReload(orders.reload);

  if (!loggedIn) {
    return (
      <View className='page'>
        <SignInState iconSrc={carIcon} title='登录后查看维修进度' onSignIn={() => requireLogin()} />
      </View>
    );
  }

  const list = orders.data;
  // Cars still in the workshop first (the server lists newest first); settled visits follow as history.
  const inWorkshop = list?.filter((order) => order.status !== 'SETTLED') ?? [];
  const settled = list?.filter((order) => order.status === 'SETTLED') ?? [];

  return (
    <View className='page' data-testid='work-orders'>
      {orders.loading && !list?.length ? (
        <SkeletonCards count={2} cardHeight={420} />
      ) : orders.errorMessage ? (
        <ErrorState message={orders.errorMessage} onRetry={() => void orders.reload()} />
      ) : list?.length ? (
        <View>
          {inWorkshop.map((order) => (
            <WorkOrderCard key={order.id} order={order} />
          ))}
          {settled.length > 0 && (
            <View className='section-title'>
              <Text>已完成</Text>
              <Text className='section-title__hint'>共 {settled.length} 次</Text>
            </View>
          )}
          {settled.map((order) => (
            <WorkOrderCard key={order.id} order={order} />
          ))}
          <Text className='work-orders__hint'>下拉可刷新进度</Text>
        </View>
      ) : (
        <EmptyState
          testId='work-orders-empty'
          iconSrc={carIcon}
          title='暂无维修进度'
          description='爱车到店接车后，可在这里随时查看维修进度和费用'
          action={
            <ActionButton variant='secondary' onClick={openMyCars}>
              去预约保养
            </ActionButton>
          }
        />
      )}
    </View>
  );
}
