import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { OwnerWorkOrder } from '../api/service';
import { formatYuan } from 'server/contracts/money.rules';
import { serviceTypeText, WORK_ORDER_STATUS_LABELS, workOrderProgressOf } from '../format/service';
import { clockOf, dayOf } from '../format/shanghai-time';
import { ActionButton } from './action-button';
import { ProgressSteps } from './progress-steps';
import { StatusTag } from './status-tag';
import './work-order-card.scss';

/** One car's visit to the workshop as the owner follows it: where it stands, the jobs, the bill, the store's phone. */
export function WorkOrderCard({ order }: { order: OwnerWorkOrder }) {
  const { vehicle } = order;
  const settled = order.status === 'SETTLED';
  const callStore = () => {
    void Taro.makePhoneCall({ phoneNumber: order.store.phone }).catch(() => undefined);
  };
  return (
    <View className='work-order-card' data-testid='work-order-card' data-work-order-id={order.id}>
      <View className='work-order-card__heading'>
        <Text className='work-order-card__vehicle'>
          {vehicle.plate ? `${vehicle.plate} · ${vehicle.model.name}` : vehicle.model.name}
        </Text>
        <StatusTag label={WORK_ORDER_STATUS_LABELS[order.status]} testId='work-order-status' />
      </View>
      <Text className='work-order-card__meta'>
        {serviceTypeText(order.serviceType)} · {order.store.name} · {dayOf(order.checkedInAt)} {clockOf(order.checkedInAt)} 接车
      </Text>

      <View className='work-order-card__progress'>
        <ProgressSteps steps={workOrderProgressOf(order)} />
      </View>

      <View className='work-order-card__section'>
        <Text className='work-order-card__section-title'>维修项目</Text>
        {order.items.length > 0 ? (
          order.items.map((item, index) => (
            <Text key={`${index}-${item}`} className='work-order-card__item'>
              · {item}
            </Text>
          ))
        ) : (
          <Text className='work-order-card__item work-order-card__item--muted'>顾问正在检查车辆，稍后更新维修项目</Text>
        )}
      </View>

      <View className='work-order-card__total'>
        <Text className='work-order-card__total-label'>{settled ? '结算金额' : '当前合计'}</Text>
        <Text className='work-order-card__total-amount' data-testid='work-order-total'>
          {formatYuan(order.totalFen)}
        </Text>
      </View>
      {!settled && <Text className='work-order-card__hint'>金额以结算单为准，增加项目前顾问会先与您确认</Text>}

      <View className='work-order-card__actions'>
        <ActionButton variant='secondary' size='medium' onClick={callStore} testId='call-store'>
          致电门店 {order.store.phone}
        </ActionButton>
      </View>
    </View>
  );
}
