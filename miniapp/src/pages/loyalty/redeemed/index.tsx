import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { ActionButton } from '../../../components/action-button';
import { CouponCard } from '../../../components/coupon-card';
import { EmptyState } from '../../../components/page-states';
import { SuccessHero } from '../../../components/success-hero';
import { formatPoints } from '../../../format/loyalty';
import { dateTimeOf } from '../../../format/shanghai-time';
import { handedOverRedemption } from '../../../state/redemption-handoff';
import './index.scss';

function openCoupons() {
  void Taro.redirectTo({ url: '/pages/loyalty/coupons/index' });
}

function backToMall() {
  void Taro.navigateBack();
}

export default function RedeemedPage() {
  const redemptionId = Number(useRouter<{ id?: string }>().params.id);
  const [redemption] = useState(() => handedOverRedemption(redemptionId));
  const [now] = useState(() => new Date());

  if (!redemption) {
    return (
      <View className='page'>
        <EmptyState
          title='兑换已完成'
          description='兑换的券可在「我的券」中查看，积分变动可在「我的积分」中查看'
          action={<ActionButton onClick={openCoupons}>查看我的券</ActionButton>}
        />
      </View>
    );
  }

  const { coupon } = redemption;
  return (
    <View className='page redeemed' data-testid='redemption-success'>
      <SuccessHero
        title='兑换成功'
        subtitle={`已使用 ${formatPoints(redemption.points)} 积分兑换「${redemption.reward.name}」，剩余 ${formatPoints(redemption.balance)} 积分`}
        subtitleTestId='redemption-summary'
      />

      {coupon ? (
        <CouponCard coupon={coupon} now={now} />
      ) : (
        <View className='redeemed__pickup' data-testid='redemption-pickup'>
          <Text className='redeemed__pickup-title'>请到门店领取</Text>
          <Text className='redeemed__pickup-text'>领取时请向门店出示下方的兑换编号。</Text>
          <Text className='redeemed__pickup-number'>兑换编号 {redemption.id} · {dateTimeOf(redemption.createdAt)}</Text>
        </View>
      )}

      <View className='redeemed__action'>
        <ActionButton onClick={openCoupons} testId='redeemed-open-coupons'>
          查看我的券
        </ActionButton>
      </View>
      <View className='redeemed__action'>
        <ActionButton variant='plain' onClick={backToMall} testId='redeemed-back-to-mall'>
          继续兑换
        </ActionButton>
      </View>
    </View>
  );
}
