import { Text, View } from '@tarojs/components';
import type { PointsEntry } from '../api/loyalty';
import { formatPoints, POINTS_ENTRY_TYPE_LABELS, signedPoints } from '../format/loyalty';
import { dateTimeOf } from '../format/shanghai-time';
import { StatusTag } from './status-tag';
import './points-entry-row.scss';

/** One line of the points history: what happened, when, the points in or out, and the balance after. */
export function PointsEntryRow({ entry }: { entry: PointsEntry }) {
  const credit = entry.points > 0;
  return (
    <View className='points-entry-row' data-testid='points-entry' data-type={entry.type} data-points={entry.points}>
      <View className='points-entry-row__text'>
        <View className='points-entry-row__heading'>
          <StatusTag label={POINTS_ENTRY_TYPE_LABELS[entry.type]} testId='points-entry-type' />
          <Text className='points-entry-row__reason'>{entry.reason}</Text>
        </View>
        <Text className='points-entry-row__time'>{dateTimeOf(entry.createdAt)}</Text>
      </View>
      <View className='points-entry-row__figures'>
        <Text className={`points-entry-row__points${credit ? ' points-entry-row__points--credit' : ''}`} data-testid='points-entry-points'>
          {signedPoints(entry.points)}
        </Text>
        <Text className='points-entry-row__balance'>余额 {formatPoints(entry.balanceAfter)}</Text>
      </View>
    </View>
  );
}
