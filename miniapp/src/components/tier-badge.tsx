import { Text } from '@tarojs/components';
import type { MemberTier } from '../api/loyalty';
import { TIER_STYLES } from '../format/loyalty';
import './tier-badge.scss';

/** The member's tier as a small badge in the tier's colours: 普卡会员, 金卡会员. */
export function TierBadge({ tier, name, testId }: { tier: MemberTier; name: string; testId?: string }) {
  return (
    <Text className={`tier-badge tier-badge--${TIER_STYLES[tier]}`} data-testid={testId} data-tier={tier}>
      {name}会员
    </Text>
  );
}
