import type { CSSProperties, KeyboardEvent } from 'react';
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Table, Tag, Tooltip, Typography, theme, type GlobalToken, type TableColumnsType } from 'antd';
import { BOOKING_STATUS_LABELS, CAR_STATUS_LABELS, type Schedule, type ScheduleBooking, type ScheduleCar } from '../../api/test-drives';
import { formatShanghaiClock } from '../../shanghai-time';
import { BOOKING_STATUS_PALETTE, CarStatusTag, type StatusPalette } from './booking-status';

export interface ScheduleSlot {
  startAt: string;
  endAt: string;
}

/** What a cell of the board holds, which decides what a click on it does. */
export type CellState = 'booked' | 'free' | 'past' | 'unavailable';

interface ScheduleGridProps {
  schedule: Schedule;
  loading: boolean;
  /** The moment that divides past from future slots (epoch ms). */
  now: number;
  onBook: (car: ScheduleCar, slot: ScheduleSlot) => void;
  onOpenBooking: (booking: ScheduleBooking, car: ScheduleCar) => void;
}

const CAR_COLUMN_WIDTH = 190;
/** Slots share the width left by the car column, down to this; below it the board scrolls sideways. */
const SLOT_MIN_WIDTH = 104;
const CELL_HEIGHT = 70;

/** Available cars first, then those in service, retired ones last; the server's order within each. */
const CAR_ORDER = { AVAILABLE: 0, IN_SERVICE: 1, RETIRED: 2 } as const;

/**
 * The booking of a car that begins within a slot (bookings are made per slot, so at most one that is
 * not cancelled; the server leaves cancelled ones out, and a cancelled one never blocks the slot).
 */
export function bookingIn(car: ScheduleCar, slot: ScheduleSlot): ScheduleBooking | undefined {
  const start = Date.parse(slot.startAt);
  const end = Date.parse(slot.endAt);
  return car.bookings.find((booking) => {
    const at = Date.parse(booking.startAt);
    return booking.status !== 'CANCELLED' && at >= start && at < end;
  });
}

export function cellState(car: ScheduleCar, slot: ScheduleSlot, now: number): CellState {
  if (bookingIn(car, slot)) return 'booked';
  if (car.status !== 'AVAILABLE') return 'unavailable';
  return Date.parse(slot.startAt) > now ? 'free' : 'past';
}

function paletteColors(palette: StatusPalette, token: GlobalToken): { background: string; accent: string } {
  switch (palette) {
    case 'blue':
      return { background: token.blue1, accent: token.blue6 };
    case 'orange':
      return { background: token.orange1, accent: token.orange6 };
    case 'green':
      return { background: token.green1, accent: token.green6 };
    case 'red':
      return { background: token.red1, accent: token.red6 };
    default:
      return { background: token.colorFillTertiary, accent: token.colorTextTertiary };
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

/**
 * 试驾排班: one row per test-drive car, one column per slot of the day. A booking opens its drawer;
 * an empty future slot of an available car books on a customer's behalf. No dragging: every action
 * is a click, which also works on a shop-floor tablet.
 */
export function ScheduleGrid({ schedule, loading, now, onBook, onOpenBooking }: ScheduleGridProps) {
  const { token } = theme.useToken();
  const cars = [...schedule.cars].sort((a, b) => CAR_ORDER[a.status] - CAR_ORDER[b.status]);
  const currentSlot = schedule.slots.find((slot) => Date.parse(slot.startAt) <= now && now < Date.parse(slot.endAt));

  const columns: TableColumnsType<ScheduleCar> = [
    {
      title: '试驾车辆',
      key: 'car',
      width: CAR_COLUMN_WIDTH,
      fixed: 'left',
      render: (_, car) => (
        <Flex vertical gap={2} data-testid="schedule-car" data-car-id={car.id}>
          <Flex gap={6} align="center" wrap>
            <Typography.Text strong style={{ fontSize: 15, letterSpacing: 0.5 }}>
              {car.plate}
            </Typography.Text>
            <CarStatusTag status={car.status} />
          </Flex>
          <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis>
            {car.model.name}
          </Typography.Text>
        </Flex>
      ),
    },
    ...schedule.slots.map((slot) => {
      const isCurrent = slot === currentSlot;
      return {
        title: (
          <Flex vertical align="center" gap={0}>
            <span>{formatShanghaiClock(slot.startAt)}</span>
            {isCurrent && (
              <Tag color="processing" style={{ marginInlineEnd: 0, fontSize: 11, lineHeight: '16px' }}>
                当前
              </Tag>
            )}
          </Flex>
        ),
        key: slot.startAt,
        align: 'center' as const,
        onHeaderCell: () => ({ style: isCurrent ? { background: token.blue1 } : {} }),
        onCell: () => ({ style: { padding: 4 } }),
        render: (_: unknown, car: ScheduleCar) => (
          <SlotCell car={car} slot={slot} now={now} token={token} onBook={onBook} onOpenBooking={onOpenBooking} />
        ),
      };
    }),
  ];

  return (
    <Table<ScheduleCar>
      data-testid="schedule-grid"
      rowKey="id"
      size="small"
      bordered
      columns={columns}
      dataSource={cars}
      loading={loading}
      pagination={false}
      scroll={{ x: CAR_COLUMN_WIDTH + SLOT_MIN_WIDTH * schedule.slots.length }}
      locale={{ emptyText: <Empty description="本店还没有试驾车辆，请先在「试驾车辆」中添加" /> }}
    />
  );
}

interface SlotCellProps {
  car: ScheduleCar;
  slot: ScheduleSlot;
  now: number;
  token: GlobalToken;
  onBook: ScheduleGridProps['onBook'];
  onOpenBooking: ScheduleGridProps['onOpenBooking'];
}

function SlotCell({ car, slot, now, token, onBook, onOpenBooking }: SlotCellProps) {
  const state = cellState(car, slot, now);
  const time = formatShanghaiClock(slot.startAt);
  const cellProps = { 'data-testid': 'schedule-cell', 'data-car-id': car.id, 'data-slot': time, 'data-state': state };
  const frame: CSSProperties = { height: CELL_HEIGHT, borderRadius: token.borderRadius };

  if (state === 'booked') {
    const booking = bookingIn(car, slot)!;
    const { background, accent } = paletteColors(BOOKING_STATUS_PALETTE[booking.status], token);
    const open = () => onOpenBooking(booking, car);
    return (
      <div {...cellProps}>
        <Card
          hoverable
          size="small"
          role="button"
          tabIndex={0}
          aria-label={`${booking.contactName} ${time} ${BOOKING_STATUS_LABELS[booking.status]}`}
          data-testid="schedule-booking"
          data-booking-id={booking.id}
          data-status={booking.status}
          onClick={open}
          onKeyDown={onActivate(open)}
          style={{ ...frame, background, borderColor: accent, borderInlineStartWidth: 4, textAlign: 'start' }}
          styles={{ body: { padding: '4px 8px' } }}
        >
          <Flex vertical gap={0}>
            <Typography.Text strong ellipsis style={{ fontSize: 13 }}>
              {booking.contactName}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {booking.mobile}
            </Typography.Text>
            <Typography.Text style={{ fontSize: 12, color: accent }}>{BOOKING_STATUS_LABELS[booking.status]}</Typography.Text>
          </Flex>
        </Card>
      </div>
    );
  }

  if (state === 'free') {
    return (
      <div {...cellProps}>
        <Button
          type="dashed"
          block
          icon={<PlusOutlined />}
          aria-label={`${car.plate} ${time} 代客预约`}
          data-testid="schedule-book"
          onClick={() => onBook(car, slot)}
          style={{ ...frame, color: token.colorTextTertiary }}
        >
          预约
        </Button>
      </div>
    );
  }

  const unavailable = state === 'unavailable';
  return (
    <Tooltip title={unavailable ? `${CAR_STATUS_LABELS[car.status]}，不可预约` : '时段已过'}>
      <div
        {...cellProps}
        style={{
          ...frame,
          background: unavailable
            ? `repeating-linear-gradient(135deg, ${token.colorFillQuaternary} 0 6px, ${token.colorFillTertiary} 6px 12px)`
            : token.colorFillQuaternary,
        }}
      />
    </Tooltip>
  );
}
