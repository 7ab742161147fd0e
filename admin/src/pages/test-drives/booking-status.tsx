import { Tag } from 'antd';
import { BOOKING_STATUS_LABELS, CAR_STATUS_LABELS, type BookingStatus, type CarStatus } from '../../api/test-drives';

/** A palette name per booking status: booked blue, on the road orange, done green, no-show grey. */
export type StatusPalette = 'blue' | 'orange' | 'green' | 'grey' | 'red';

export const BOOKING_STATUS_PALETTE: Record<BookingStatus, StatusPalette> = {
  CONFIRMED: 'blue',
  IN_PROGRESS: 'orange',
  COMPLETED: 'green',
  NO_SHOW: 'grey',
  CANCELLED: 'red',
};

/** The statuses the board shows, in the order a drive goes through them; cancelled ones are not on it. */
export const BOARD_STATUSES = ['CONFIRMED', 'IN_PROGRESS', 'COMPLETED', 'NO_SHOW'] as const satisfies readonly BookingStatus[];
export type BoardStatus = (typeof BOARD_STATUSES)[number];

const TAG_COLORS: Record<StatusPalette, string> = { blue: 'blue', orange: 'orange', green: 'green', grey: 'default', red: 'red' };

export function BookingStatusTag({ status }: { status: BookingStatus }) {
  return (
    <Tag color={TAG_COLORS[BOOKING_STATUS_PALETTE[status]]} data-testid="booking-status-tag" style={{ marginInlineEnd: 0 }}>
      {BOOKING_STATUS_LABELS[status]}
    </Tag>
  );
}

const CAR_STATUS_COLORS: Record<CarStatus, string> = { AVAILABLE: 'green', IN_SERVICE: 'orange', RETIRED: 'default' };

export function CarStatusTag({ status }: { status: CarStatus }) {
  return (
    <Tag color={CAR_STATUS_COLORS[status]} data-testid="car-status-tag" style={{ marginInlineEnd: 0 }}>
      {CAR_STATUS_LABELS[status]}
    </Tag>
  );
}
