import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { ApiError, messageOf } from '../../../api/api-error';
import type { Reward } from '../../../api/loyalty';
import { ActionButton } from '../../../components/action-button';
import { ConfirmSheet } from '../../../components/confirm-sheet';
import { InfoRows } from '../../../components/info-rows';
import { EmptyState, ErrorState, SkeletonCards } from '../../../components/page-states';
import { RewardCard } from '../../../components/reward-card';
import { TierBadge } from '../../../components/tier-badge';
import { formatPoints, redeemNoteOf, rewardAvailabilityOf } from '../../../format/loyalty';
import { useLoginGate } from '../../../hooks/use-login-gate';
import { useMyPoints, useRedeemReward, useRewards } from '../../../hooks/use-loyalty';
import { usePullDownReload } from '../../../hooks/use-pull-down-reload';
import { handOverRedemption } from '../../../state/redemption-handoff';
import { MODAL_CONFIRM_COLOR } from '../../../styles/modal-colors';
import './index.scss';

/** Answers that mean the catalogue or the balance has moved on: say so, then show how things stand now. */
const STALE_CHOICE_CODES: ReadonlySet<string> = new Set(['INSUFFICIENT_POINTS', 'OUT_OF_STOCK', 'REWARD_NOT_FOUND']);

function openCoupons() {
  void Taro.navigateTo({ url: '/pages/loyalty/coupons/index' });
}

export default function PointsMallPage() {
  const { loggedIn, requireLogin } = useLoginGate();
  const rewards = useRewards();
  const points = useMyPoints(loggedIn);
  const redemption = useRedeemReward();
  const balance = !loggedIn ? 'signed-out' : (points.data?.balance ?? 'loading');
  const [chosen, setChosen] = useState<Reward | null>(null);

  usePullDownReload(rewards.reload, points.reload);

  const choose = (reward: Reward) => {
    if (balance === 'signed-out') requireLogin();
    else if (typeof balance === 'number') setChosen(reward);
  };

  const confirm = () =>
    redemption.run(async () => {
      if (!chosen) return;
      try {
        const result = await redemption.redeem(chosen.id);
        handOverRedemption(result);
        setChosen(null);
        void Taro.navigateTo({ url: `/pages/loyalty/redeemed/index?id=${result.id}` });
      } catch (error) {
        setChosen(null);
        if (error instanceof ApiError && STALE_CHOICE_CODES.has(error.code)) {
          await Taro.showModal({ title: '兑换未成功', content: messageOf(error), showCancel: false, confirmText: '知道了', confirmColor: MODAL_CONFIRM_COLOR });
          await Promise.all([rewards.reload(), points.reload()]);
        } else {
          void Taro.showToast({ title: messageOf(error), icon: 'none', duration: 2500 });
        }
      }
    });

  const summary = points.data;
  return (
    <View className='page points-mall' data-testid='points-mall'>
      <View className='points-mall__balance'>
        {loggedIn ? (
          <View className='points-mall__balance-text'>
            <Text className='points-mall__balance-label'>可用积分</Text>
            <View className='points-mall__balance-row'>
              <Text className='points-mall__balance-value' data-testid='mall-balance'>
                {summary ? formatPoints(summary.balance) : points.errorMessage ? '--' : '…'}
              </Text>
              {summary && <TierBadge tier={summary.tier} name={summary.tierName} />}
            </View>
          </View>
        ) : (
          <View className='points-mall__balance-text'>
            <Text className='points-mall__balance-value points-mall__balance-value--signed-out'>登录后查看积分</Text>
            <Text className='points-mall__balance-label'>保养维修消费即可获得积分</Text>
          </View>
        )}
        {loggedIn ? (
          <ActionButton variant='secondary' size='small' onClick={openCoupons} testId='mall-open-coupons'>
            我的券
          </ActionButton>
        ) : (
          <ActionButton size='small' onClick={() => requireLogin()} testId='mall-login'>
            登录
          </ActionButton>
        )}
      </View>
      {loggedIn && points.errorMessage && (
        <View className='points-mall__section'>
          <ErrorState message={points.errorMessage} onRetry={() => void points.reload()} />
        </View>
      )}

      <View className='section-title'>
        <Text>可兑换礼品</Text>
        <Text className='section-title__hint'>兑换后积分即时扣除</Text>
      </View>
      {rewards.loading && !rewards.data ? (
        <SkeletonCards count={3} cardHeight={280} />
      ) : rewards.errorMessage ? (
        <ErrorState message={rewards.errorMessage} onRetry={() => void rewards.reload()} />
      ) : rewards.data?.length ? (
        rewards.data.map((reward) => (
          <RewardCard
            key={reward.id}
            reward={reward}
            availability={rewardAvailabilityOf(reward, balance)}
            busy={redemption.busy}
            onRedeem={choose}
          />
        ))
      ) : (
        <EmptyState testId='rewards-empty' title='暂无可兑换的礼品' description='礼品正在上新，请稍后再来看看' />
      )}

      {chosen && typeof balance === 'number' && (
        <ConfirmSheet
          title='确认兑换'
          confirmText='确认兑换'
          busy={redemption.busy}
          onConfirm={() => void confirm()}
          onCancel={() => setChosen(null)}
          testId='redeem-confirm'
        >
          <Text className='points-mall__confirm-name' data-testid='redeem-confirm-name'>
            {chosen.name}
          </Text>
          <InfoRows
            wideLabels
            rows={[
              { label: '所需积分', value: formatPoints(chosen.points) },
              { label: '当前积分', value: formatPoints(balance) },
              { label: '兑换后剩余', value: formatPoints(balance - chosen.points), testId: 'redeem-confirm-after' },
            ]}
          />
          <Text className='points-mall__confirm-note'>{redeemNoteOf(chosen.kind)}</Text>
        </ConfirmSheet>
      )}
    </View>
  );
}
