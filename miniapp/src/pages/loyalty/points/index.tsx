import { Text, View } from '@tarojs/components';
import Taro, { useReachBottom } from '@tarojs/taro';
import type { PointsSummary } from '../../../api/loyalty';
import { ActionButton } from '../../../components/action-button';
import { LoadMoreFooter } from '../../../components/load-more-footer';
import { EmptyState, ErrorState, SignInState, SkeletonCards } from '../../../components/page-states';
import { PointsEntryRow } from '../../../components/points-entry-row';
import { TierBadge } from '../../../components/tier-badge';
import { expiringText, formatPoints, TIER_STYLES, tierProgressOf } from '../../../format/loyalty';
import { useLoginGate } from '../../../hooks/use-login-gate';
import { useMyPoints, usePointsEntries } from '../../../hooks/use-loyalty';
import { usePullDownReload } from '../../../hooks/use-pull-down-reload';
import meIcon from '../../../assets/tab-bar/me-active.png';
import './index.scss';

function open(url: string) {
  void Taro.navigateTo({ url });
}

/** The tier card: tier, balance, and how far the last 12 months' earnings are towards the next tier. */
function TierCard({ summary }: { summary: PointsSummary }) {
  const progress = tierProgressOf(summary);
  return (
    <View className={`points-page__tier points-page__tier--${TIER_STYLES[summary.tier]}`} data-testid='tier-card'>
      <View className='points-page__tier-heading'>
        <TierBadge tier={summary.tier} name={summary.tierName} testId='points-tier' />
        <Text className='points-page__tier-earned' data-testid='points-earned'>
          近 12 个月获得 {formatPoints(summary.earned12Months)} 积分
        </Text>
      </View>
      <Text className='points-page__balance' data-testid='points-balance'>
        {formatPoints(summary.balance)}
      </Text>
      <Text className='points-page__balance-label'>可用积分</Text>
      <View className='points-page__progress' aria-hidden>
        <View className='points-page__progress-bar' style={{ width: `${progress.percent}%` }} />
      </View>
      <Text className='points-page__progress-text' data-testid='tier-progress'>
        {progress.text}
      </Text>
      <Text className='points-page__tier-note'>等级按近 12 个月消费获得的积分评定</Text>
    </View>
  );
}

export default function PointsPage() {
  const { loggedIn, requireLogin } = useLoginGate({ askOnLoad: true });
  const points = useMyPoints(loggedIn);
  const entries = usePointsEntries(loggedIn);

  usePullDownReload(points.reload, entries.reload);

  useReachBottom(() => {
    void entries.loadMore();
  });

  if (!loggedIn) {
    return (
      <View className='page'>
        <SignInState
          iconSrc={meIcon}
          title='登录后查看您的积分'
          description='保养维修消费即可获得积分，兑换洗车券、保养券和精品礼品'
          onSignIn={() => requireLogin()}
        />
      </View>
    );
  }

  const summary = points.data;
  return (
    <View className='page points-page' data-testid='points-page'>
      {summary ? (
        <TierCard summary={summary} />
      ) : points.errorMessage ? (
        <ErrorState message={points.errorMessage} onRetry={() => void points.reload()} />
      ) : (
        <SkeletonCards count={1} cardHeight={360} />
      )}

      <View className='points-page__shortcuts'>
        <View className='points-page__shortcut-button'>
          <ActionButton onClick={() => open('/pages/loyalty/mall/index')} testId='open-points-mall'>
            积分商城
          </ActionButton>
        </View>
        <View className='points-page__shortcut-button'>
          <ActionButton variant='secondary' onClick={() => open('/pages/loyalty/coupons/index')} testId='open-coupons'>
            我的券
          </ActionButton>
        </View>
      </View>

      <View
        className='points-page__referral'
        hoverClass='points-page__referral--pressed'
        ariaRole='button'
        onClick={() => open('/pages/loyalty/referrals/index')}
        data-testid='open-referrals'
      >
        <View className='points-page__referral-text'>
          <Text className='points-page__referral-title'>邀请好友购车</Text>
          <Text className='points-page__referral-subtitle'>好友提车后，您可获得积分奖励</Text>
        </View>
        <Text className='points-page__referral-more'>去邀请 ›</Text>
      </View>

      {summary && (
        <>
          <View className='section-title'>
            <Text>即将过期</Text>
            <Text className='section-title__hint'>未来 90 天</Text>
          </View>
          <View className='points-page__card' data-testid='expiring-points'>
            {summary.expiringSoon.length > 0 ? (
              summary.expiringSoon.map((lot) => (
                <Text key={lot.expiresAt} className='points-page__expiring' data-testid='expiring-lot'>
                  {expiringText(lot)}
                </Text>
              ))
            ) : (
              <Text className='points-page__muted'>近 90 天没有即将过期的积分</Text>
            )}
          </View>
        </>
      )}

      <View className='section-title'>
        <Text>积分明细</Text>
        {entries.total > 0 && <Text className='section-title__hint'>共 {entries.total} 条</Text>}
      </View>
      {entries.loading && !entries.items?.length ? (
        <SkeletonCards count={3} cardHeight={120} />
      ) : entries.errorMessage ? (
        <ErrorState message={entries.errorMessage} onRetry={() => void entries.reload()} />
      ) : entries.items?.length ? (
        <View>
          <View className='points-page__card' data-testid='points-entries'>
            {entries.items.map((entry) => (
              <PointsEntryRow key={entry.id} entry={entry} />
            ))}
          </View>
          <LoadMoreFooter list={entries} moreTestId='load-more-entries' endTestId='entries-end' />
        </View>
      ) : (
        <EmptyState
          testId='points-entries-empty'
          title='还没有积分记录'
          description='到店保养维修消费后，积分会在结算后自动到账'
        />
      )}
    </View>
  );
}
