import { Text, View } from '@tarojs/components';
import type { PointsSummary } from '../api/loyalty';
import { formatPoints } from '../format/loyalty';
import { TierBadge } from './tier-badge';
import './points-summary-card.scss';

export interface PointsShortcut {
  title: string;
  onClick: () => void;
  testId: string;
}

interface PointsSummaryCardProps {
  /** Undefined while loading, or when it failed (the balance then shows '--'). */
  summary: PointsSummary | undefined;
  onOpen: () => void;
  shortcuts: PointsShortcut[];
}

/** 我的: the member's tier and balance at a glance, with the way to 积分明细, 积分商城 and 我的券. */
export function PointsSummaryCard({ summary, onOpen, shortcuts }: PointsSummaryCardProps) {
  return (
    <View className='points-summary-card' data-testid='me-points-card'>
      <View className='points-summary-card__main' hoverClass='points-summary-card__main--pressed' ariaRole='button' onClick={onOpen}>
        <View className='points-summary-card__figure'>
          <Text className='points-summary-card__balance' data-testid='me-points-balance'>
            {summary ? formatPoints(summary.balance) : '--'}
          </Text>
          <Text className='points-summary-card__label'>可用积分</Text>
        </View>
        <View className='points-summary-card__side'>
          {summary && <TierBadge tier={summary.tier} name={summary.tierName} testId='me-points-tier' />}
          <Text className='points-summary-card__more'>积分明细 ›</Text>
        </View>
      </View>
      <View className='points-summary-card__shortcuts'>
        {shortcuts.map((shortcut) => (
          <View
            key={shortcut.title}
            className='points-summary-card__shortcut'
            hoverClass='points-summary-card__shortcut--pressed'
            ariaRole='button'
            data-testid={shortcut.testId}
            onClick={shortcut.onClick}
          >
            <Text>{shortcut.title}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}
