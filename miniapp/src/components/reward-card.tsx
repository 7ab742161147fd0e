import { Image, Text, View } from '@tarojs/components';
import type { Reward } from '../api/loyalty';
import { formatPoints, REWARD_KIND_LABELS, rewardTermsOf, type RewardAvailability } from '../format/loyalty';
import { groupThousands } from 'server/contracts/money.rules';
import { ActionButton } from './action-button';
import { StatusTag } from './status-tag';
import './reward-card.scss';

interface RewardCardProps {
  reward: Reward;
  availability: RewardAvailability;
  busy: boolean;
  onRedeem: (reward: Reward) => void;
}

/** A reward in 积分商城: what it is, what it costs, what is left, and whether the member can have it now. */
export function RewardCard({ reward, availability, busy, onRedeem }: RewardCardProps) {
  const kind = REWARD_KIND_LABELS[reward.kind];
  // 积分不足 and 已兑完 are shown on a button that cannot be pressed; 登录兑换 leads to login.
  const pressable = availability.state === 'redeemable' || availability.state === 'signed-out';
  return (
    <View className='reward-card' data-testid='reward-card' data-reward-code={reward.code} data-state={availability.state}>
      <View className='reward-card__body'>
        {reward.imageUrl ? (
          <Image className='reward-card__image' src={reward.imageUrl} mode='aspectFill' />
        ) : (
          <View className={`reward-card__image reward-card__image--${reward.kind.toLowerCase().replace(/_/g, '-')}`}>
            <Text>{kind.text}</Text>
          </View>
        )}
        <View className='reward-card__text'>
          <View className='reward-card__heading'>
            <Text className='reward-card__name'>{reward.name}</Text>
            {/* Without a picture, the tile already names the kind. */}
            {reward.imageUrl && <StatusTag label={kind} />}
          </View>
          <Text className='reward-card__description'>{reward.description}</Text>
          <Text className='reward-card__terms'>{rewardTermsOf(reward)}</Text>
        </View>
      </View>
      <View className='reward-card__footer'>
        <View className='reward-card__price'>
          <Text className='reward-card__points' data-testid='reward-points'>
            {formatPoints(reward.points)}
          </Text>
          <Text className='reward-card__unit'> 积分</Text>
          <Text className='reward-card__stock' data-testid='reward-stock'>
            {reward.stock > 0 ? `剩余 ${groupThousands(reward.stock)}` : '库存 0'}
          </Text>
        </View>
        <ActionButton
          size='medium'
          variant={availability.state === 'redeemable' ? 'primary' : 'secondary'}
          disabled={!pressable}
          busy={busy && pressable}
          onClick={() => onRedeem(reward)}
          testId='redeem-reward'
        >
          {availability.label}
        </ActionButton>
      </View>
      {availability.state === 'insufficient' && (
        <Text className='reward-card__short'>还差 {formatPoints(availability.shortBy)} 积分</Text>
      )}
    </View>
  );
}
