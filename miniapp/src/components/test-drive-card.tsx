import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import type { TestDriveBooking } from '../api/test-drives';
import { timeRangeOf } from '../format/shanghai-time';
import { BOOKING_STATUS_LABELS } from '../format/test-drive';
import { StarRating } from './star-rating';
import { StatusTag } from './status-tag';
import './test-drive-card.scss';

interface TestDriveCardProps {
  booking: TestDriveBooking;
  /** Buttons for what the customer may do with the booking now. */
  actions?: ReactNode;
}

export function TestDriveCard({ booking, actions }: TestDriveCardProps) {
  const status = BOOKING_STATUS_LABELS[booking.status];
  return (
    <View className='test-drive-card' data-testid='test-drive-card' data-booking-id={booking.id}>
      <View className='test-drive-card__heading'>
        <Text className='test-drive-card__model'>试驾 {booking.model.name}</Text>
        <StatusTag label={status} testId='booking-status' />
      </View>
      <Text className='test-drive-card__time'>{timeRangeOf(booking.startAt, booking.endAt)}</Text>
      <Text className='test-drive-card__store'>{booking.store.name}</Text>
      <Text className='test-drive-card__address'>{booking.store.address}</Text>
      {booking.route && (
        <Text className='test-drive-card__route' data-testid='booking-route'>
          试驾路线：{booking.route.name}
        </Text>
      )}
      {booking.rating !== null && (
        <View className='test-drive-card__rating'>
          <Text className='test-drive-card__rating-label'>我的评价</Text>
          <StarRating value={booking.rating} size='small' />
          {booking.ratingComment && <Text className='test-drive-card__comment'>{booking.ratingComment}</Text>}
        </View>
      )}
      {actions && <View className='test-drive-card__actions'>{actions}</View>}
    </View>
  );
}
