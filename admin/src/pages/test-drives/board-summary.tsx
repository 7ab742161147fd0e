import { Flex, Space, Statistic, Typography, theme } from 'antd';
import { BOOKING_STATUS_LABELS, type Schedule } from '../../api/test-drives';
import { BOARD_STATUSES, type BoardStatus } from './booking-status';

interface BoardSummaryProps {
  schedule: Schedule | undefined;
  isToday: boolean;
}

/** The day in numbers (bookings, completed) and the colour legend with a count per status. */
export function BoardSummary({ schedule, isToday }: BoardSummaryProps) {
  const { token } = theme.useToken();
  const bookings = (schedule?.cars.flatMap((car) => car.bookings) ?? []).filter((booking) => booking.status !== 'CANCELLED');
  const count = (status: BoardStatus) => bookings.filter((booking) => booking.status === status).length;
  const swatch: Record<BoardStatus, string> = {
    CONFIRMED: token.blue6,
    IN_PROGRESS: token.orange6,
    COMPLETED: token.green6,
    NO_SHOW: token.colorTextTertiary,
  };

  return (
    <Flex justify="space-between" align="end" wrap gap={16} data-testid="board-summary">
      <Space size={40}>
        <Statistic title={isToday ? '今日预约' : '当日预约'} value={bookings.length} suffix="个" data-testid="board-count-total" />
        <Statistic title="已完成" value={count('COMPLETED')} suffix="个" data-testid="board-count-completed" />
      </Space>
      <Space size={16} wrap data-testid="board-legend">
        {BOARD_STATUSES.map((status) => (
          <Space key={status} size={6}>
            <span style={{ display: 'inline-block', width: 12, height: 12, borderRadius: 3, background: swatch[status] }} />
            <Typography.Text>
              {BOOKING_STATUS_LABELS[status]} {count(status)}
            </Typography.Text>
          </Space>
        ))}
        <Space size={6}>
          <span
            style={{
              display: 'inline-block',
              width: 12,
              height: 12,
              borderRadius: 3,
              border: `1px dashed ${token.colorBorder}`,
            }}
          />
          <Typography.Text type="secondary">空闲可约</Typography.Text>
        </Space>
      </Space>
    </Flex>
  );
}
