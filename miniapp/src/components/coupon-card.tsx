import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { Coupon } from '../api/loyalty';
import { COUPON_STATUS_LABELS, couponDeadlineOf, couponValueText } from '../format/loyalty';
import { ActionButton } from './action-button';
import { StatusTag } from './status-tag';
import './coupon-card.scss';

function copyCode(code: string) {
  void Taro.setClipboardData({ data: code }).catch(() => undefined);
}

/**
 * A coupon as the member shows it at the counter: the code large enough to read across the desk, its value
 * and until when it lasts. Used and expired coupons are greyed and their code struck through.
 */
export function CouponCard({ coupon, now }: { coupon: Coupon; now: Date }) {
  const available = coupon.status === 'AVAILABLE';
  const value = couponValueText(coupon.valueFen);
  const deadline = couponDeadlineOf(coupon, now);
  return (
    <View
      className={`coupon-card${available ? '' : ' coupon-card--spent'}`}
      data-testid='coupon-card'
      data-status={coupon.status}
      data-coupon-id={coupon.id}
    >
      <View className='coupon-card__top'>
        <View className='coupon-card__value'>
          {value ? (
            <Text className='coupon-card__amount' data-testid='coupon-value'>
              {value}
            </Text>
          ) : (
            <Text className='coupon-card__amount coupon-card__amount--gift'>礼品</Text>
          )}
        </View>
        <View className='coupon-card__text'>
          <View className='coupon-card__heading'>
            <Text className='coupon-card__name' data-testid='coupon-name'>
              {coupon.reward.name}
            </Text>
            <StatusTag label={COUPON_STATUS_LABELS[coupon.status]} />
          </View>
          <Text className={`coupon-card__deadline${deadline.urgent ? ' coupon-card__deadline--urgent' : ''}`} data-testid='coupon-deadline'>
            {deadline.text}
          </Text>
        </View>
      </View>
      <View className='coupon-card__code-box'>
        <Text className='coupon-card__code-label'>券码</Text>
        <Text className='coupon-card__code' userSelect data-testid='coupon-code'>
          {coupon.code}
        </Text>
        {available && <Text className='coupon-card__hint'>到店结算时出示此券码，由服务顾问核销</Text>}
      </View>
      {available && (
        <View className='coupon-card__actions'>
          <ActionButton variant='secondary' size='small' onClick={() => copyCode(coupon.code)} testId='copy-coupon-code'>
            复制券码
          </ActionButton>
        </View>
      )}
    </View>
  );
}
