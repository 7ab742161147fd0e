import type { KeyboardEvent } from 'react';
import { Card, Empty, Flex, Typography, theme, type GlobalToken } from 'antd';
import dayjs from 'dayjs';
import { SERVICE_BOOKING_STATUS_LABELS, type ServiceBooking, type ServiceBookingStatus } from '../../api/service';
import { ServiceTypeTag } from '../../components/service-tags';
import { formatShanghaiClock, formatShanghaiDate } from '../../shanghai-time';

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];
const DAY_MIN_WIDTH = 150;

interface WeekGridProps {
  /** The seven Shanghai dates of the week, Monday first. */
  days: string[];
  bookings: ServiceBooking[];
  today: string;
  onOpen: (booking: ServiceBooking) => void;
}

function statusAccent(status: ServiceBookingStatus, token: GlobalToken): string {
  switch (status) {
    case 'CONFIRMED':
      return token.blue6;
    case 'CHECKED_IN':
      return token.green6;
    case 'NO_SHOW':
      return token.orange6;
    default:
      return token.colorTextQuaternary;
  }
}

function onActivate(action: () => void) {
  return (event: KeyboardEvent) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      action();
    }
  };
}

/** 预约日历: one column per day of the week, its bookings in time order; a click opens one. */
export function WeekGrid({ days, bookings, today, onOpen }: WeekGridProps) {
  const { token } = theme.useToken();
  const byDay = new Map<string, ServiceBooking[]>(days.map((day) => [day, []]));
  for (const booking of [...bookings].sort((a, b) => Date.parse(a.startAt) - Date.parse(b.startAt))) {
    byDay.get(formatShanghaiDate(booking.startAt))?.push(booking);
  }

  return (
    <div style={{ overflowX: 'auto' }}>
      <div
        data-testid="week-grid"
        style={{ display: 'grid', gridTemplateColumns: `repeat(7, minmax(${DAY_MIN_WIDTH}px, 1fr))`, gap: 8, minWidth: DAY_MIN_WIDTH * 7 + 48 }}
      >
        {days.map((day) => {
          const dayBookings = byDay.get(day) ?? [];
          const live = dayBookings.filter((booking) => booking.status !== 'CANCELLED').length;
          const isToday = day === today;
          return (
            <Flex
              key={day}
              vertical
              gap={6}
              data-testid="week-day"
              data-date={day}
              style={{
                background: isToday ? token.blue1 : token.colorFillQuaternary,
                borderRadius: token.borderRadiusLG,
                padding: 8,
                minHeight: 360,
                opacity: day < today ? 0.75 : 1,
              }}
            >
              <Flex justify="space-between" align="baseline">
                <Typography.Text strong style={{ color: isToday ? token.colorPrimary : undefined }}>
                  {WEEKDAYS[dayjs(day).day()]} {dayjs(day).format('M/D')}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {live} 台
                </Typography.Text>
              </Flex>
              {dayBookings.length === 0 && (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="无预约" styles={{ image: { height: 32 } }} style={{ marginTop: 24 }} />
              )}
              {dayBookings.map((booking) => {
                const accent = statusAccent(booking.status, token);
                const open = () => onOpen(booking);
                return (
                  <Card
                    key={booking.id}
                    hoverable
                    size="small"
                    role="button"
                    tabIndex={0}
                    data-testid="calendar-booking"
                    data-booking-id={booking.id}
                    data-status={booking.status}
                    onClick={open}
                    onKeyDown={onActivate(open)}
                    style={{ borderInlineStart: `4px solid ${accent}`, opacity: booking.status === 'CANCELLED' ? 0.55 : 1 }}
                    styles={{ body: { padding: '6px 8px' } }}
                  >
                    <Flex vertical gap={2}>
                      <Flex justify="space-between" align="center" gap={4}>
                        <Typography.Text strong>{formatShanghaiClock(booking.startAt)}</Typography.Text>
                        <ServiceTypeTag type={booking.serviceType} />
                      </Flex>
                      <Typography.Text ellipsis style={{ fontSize: 13, letterSpacing: 0.3 }}>
                        {booking.vehicle.plate ?? `…${booking.vehicle.vin.slice(-6)}`} {booking.vehicle.model.name}
                      </Typography.Text>
                      <Flex justify="space-between" gap={4}>
                        <Typography.Text type="secondary" ellipsis style={{ fontSize: 12 }}>
                          {booking.contactName}
                        </Typography.Text>
                        <Typography.Text style={{ fontSize: 12, color: accent, flexShrink: 0, textDecoration: booking.status === 'CANCELLED' ? 'line-through' : undefined }}>
                          {SERVICE_BOOKING_STATUS_LABELS[booking.status]}
                        </Typography.Text>
                      </Flex>
                    </Flex>
                  </Card>
                );
              })}
            </Flex>
          );
        })}
      </div>
    </div>
  );
}
