import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { CouponStatus } from '../../../api/loyalty';
import { ActionButton } from '../../../components/action-button';
import { CouponCard } from '../../../components/coupon-card';
import { EmptyState, ErrorState, SignInState, SkeletonCards } from '../../../components/page-states';
import { SegmentedTabs, type SegmentedTab } from '../../../components/segmented-tabs';
import { COUPON_STATUS_LABELS, COUPON_STATUSES, couponsByStatus } from '../../../format/loyalty';
import { useLoginGate } from '../../../hooks/use-login-gate';
import { useMyCoupons } from '../../../hooks/use-loyalty';
import { usePullDownReload } from '../../../hooks/use-pull-down-reload';

const EMPTY_TEXT: Record<CouponStatus, { title: string; description: string }> = {
  AVAILABLE: { title: '暂无可用的券', description: '在积分商城用积分兑换洗车券、保养券' },
  USED: { title: '暂无已使用的券', description: '到店结算时核销的券会显示在这里' },
  EXPIRED: { title: '暂无已过期的券', description: '券在有效期内未使用，会显示在这里' },
};

function openMall() {
  void Taro.navigateTo({ url: '/pages/loyalty/mall/index' });
}

export default function CouponsPage() {
  const { loggedIn, requireLogin } = useLoginGate({ askOnLoad: true });
  const coupons = useMyCoupons(loggedIn);
  const [status, setStatus] = useState<CouponStatus>('AVAILABLE');

  usePullDownReload(coupons.reload);

  if (!loggedIn) {
    return (
      <View className='page'>
        <SignInState title='登录后查看您的券' onSignIn={() => requireLogin()} />
      </View>
    );
  }

  const groups = couponsByStatus(coupons.data ?? []);
  const tabs: SegmentedTab<CouponStatus>[] = COUPON_STATUSES.map((key) => ({
    key,
    title: COUPON_STATUS_LABELS[key].text,
    count: coupons.data ? groups[key].length : undefined,
  }));
  const shown = groups[status];
  // Read once per render: the page re-renders whenever the list is read again (each time it shows).
  const now = new Date();

  return (
    <View className='page' data-testid='coupons-page'>
      <SegmentedTabs tabs={tabs} selectedKey={status} onSelect={setStatus} testId='coupon-tab' />
      {coupons.loading && !coupons.data ? (
        <SkeletonCards count={2} cardHeight={360} />
      ) : coupons.errorMessage ? (
        <ErrorState message={coupons.errorMessage} onRetry={() => void coupons.reload()} />
      ) : shown.length > 0 ? (
        shown.map((coupon) => <CouponCard key={coupon.id} coupon={coupon} now={now} />)
      ) : (
        <EmptyState
          testId='coupons-empty'
          title={EMPTY_TEXT[status].title}
          description={EMPTY_TEXT[status].description}
          action={status === 'AVAILABLE' ? <ActionButton onClick={openMall}>去积分商城</ActionButton> : undefined}
        />
      )}
    </View>
  );
}
