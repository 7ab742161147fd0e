import { Text, View } from '@tarojs/components';
import type { Referral } from '../api/loyalty';
import { REFERRAL_STATUS_LABELS, referralPointsText } from '../format/loyalty';
import { calendarDateOf } from '../format/shanghai-time';
import { StatusTag } from './status-tag';
import './referral-row.scss';

/** A friend the member referred, masked as the server sends it: where the friend stands, and the points it earned. */
export function ReferralRow({ referral }: { referral: Referral }) {
  const points = referralPointsText(referral);
  return (
    <View className='referral-row' data-testid='referral-row' data-lead-id={referral.leadId} data-status={referral.status}>
      <View className='referral-row__text'>
        <View className='referral-row__heading'>
          <Text className='referral-row__name' data-testid='referral-name'>
            {referral.name}
          </Text>
          <Text className='referral-row__mobile' data-testid='referral-mobile'>
            {referral.mobile}
          </Text>
        </View>
        <Text className='referral-row__time'>推荐于 {calendarDateOf(referral.referredAt)}</Text>
      </View>
      <View className='referral-row__side'>
        <StatusTag label={REFERRAL_STATUS_LABELS[referral.status]} testId='referral-status' />
        {points && (
          <Text className={`referral-row__points${referral.pointsEarned > 0 ? ' referral-row__points--earned' : ''}`} data-testid='referral-points'>
            {points}
          </Text>
        )}
      </View>
    </View>
  );
}
