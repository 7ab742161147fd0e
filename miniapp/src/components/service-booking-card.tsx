import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import type { ServiceBooking } from '../api/service';
import { SERVICE_BOOKING_STATUS_LABELS, serviceTypeText } from '../format/service';
import { timeRangeOf } from '../format/shanghai-time';
import { StatusTag } from './status-tag';
import './service-booking-card.scss';

interface ServiceBookingCardProps {
  booking: ServiceBooking;
  /** Buttons for what the owner may do with the booking now. */
  actions?: ReactNode;
  /** A line above the buttons, e.g. until when the booking can be changed. */
  notice?: string;
}

/** A workshop booking: what, which car, when, where, and the jobs asked for. */
export function ServiceBookingCard({ booking, actions, notice }: ServiceBookingCardProps) {
  const { vehicle } = booking;
  return (
    <View className='service-booking-card' data-testid='service-booking-card' data-booking-id={booking.id}>
      <View className='service-booking-card__heading'>
        <Text className='service-booking-card__title'>
          {serviceTypeText(booking.serviceType)} · {vehicle.plate ?? vehicle.model.name}
        </Text>
        <StatusTag label={SERVICE_BOOKING_STATUS_LABELS[booking.status]} testId='service-booking-status' />
      </View>
      <Text className='service-booking-card__time' data-testid='service-booking-time'>
        {timeRangeOf(booking.startAt, booking.endAt)}
      </Text>
      <Text className='service-booking-card__store'>{booking.store.name}</Text>
      <Text className='service-booking-card__muted'>{booking.store.address}</Text>
      {vehicle.plate && <Text className='service-booking-card__muted'>{vehicle.model.name}</Text>}
      <Text className='service-booking-card__detail' data-testid='service-booking-items'>
        项目：{booking.items.length > 0 ? booking.items.map((item) => item.name).join('、') : '到店由顾问检查后确定'}
      </Text>
      {booking.customerNote && <Text className='service-booking-card__detail'>备注：{booking.customerNote}</Text>}
      {notice && (
        <Text className='service-booking-card__notice' data-testid='service-booking-change-window'>
          {notice}
        </Text>
      )}
      {actions && <View className='service-booking-card__actions'>{actions}</View>}
    </View>
  );
}
