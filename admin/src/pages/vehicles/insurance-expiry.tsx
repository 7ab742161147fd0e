import { Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { shanghaiToday } from '../../shanghai-time';

/** Within this many days of expiry a renewal is worth raising with the owner. */
const RENEWAL_WINDOW_DAYS = 30;

/** Days from today (Shanghai) to a calendar date: negative once it has passed. */
export function daysUntil(date: string): number {
  return dayjs(date).diff(dayjs(shanghaiToday()), 'day');
}

/** An insurance expiry date, red once expired and orange in the month before. */
export function InsuranceExpiry({ on, empty = '未登记' }: { on: string | null; empty?: string }) {
  if (!on) return <Typography.Text type="secondary">{empty}</Typography.Text>;
  const days = daysUntil(on);
  if (days < 0) {
    return (
      <span data-testid="insurance-expiry" data-state="expired">
        {on}{' '}
        <Tag color="red" style={{ marginInlineEnd: 0 }}>
          已脱保
        </Tag>
      </span>
    );
  }
  if (days <= RENEWAL_WINDOW_DAYS) {
    return (
      <span data-testid="insurance-expiry" data-state="expiring">
        {on}{' '}
        <Tag color="orange" style={{ marginInlineEnd: 0 }}>
          {days === 0 ? '今天到期' : `${days} 天后到期`}
        </Tag>
      </span>
    );
  }
  return (
    <span data-testid="insurance-expiry" data-state="valid">
      {on}
    </span>
  );
}
