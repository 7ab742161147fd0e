import type { DueStatus, MaintenanceDue, NextDue } from '../api/vehicles';
import { groupThousands } from 'server/contracts/money.rules';
import type { StatusLabel } from './status-tone';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Insurance this close to its end date is flagged, so the owner renews in time. */
export const INSURANCE_REMINDER_DAYS = 30;

export const DUE_STATUS_LABELS: Record<DueStatus, StatusLabel> = {
  DUE: { text: '已到期', tone: 'danger' },
  DUE_SOON: { text: '即将到期', tone: 'warning' },
  NOT_DUE: { text: '未到期', tone: 'done' },
};

/** 12345 → '12,345 公里'. */
export function formatKm(km: number): string {
  return `${groupThousands(km)} 公里`;
}

/** A Shanghai calendar date 'YYYY-MM-DD' → '2027年3月5日'. */
export function formatCalendarDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return `${year}年${month}月${day}日`;
}

/** Whole days from one calendar date to another ('YYYY-MM-DD'); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** When a schedule item falls due, by whichever limits it has: '2027年3月5日 或 15,000 公里'. */
export function dueWhenOf({ dueOn, dueKm }: Pick<MaintenanceDue, 'dueOn' | 'dueKm'>): string {
  const limits = [dueOn ? formatCalendarDate(dueOn) : null, dueKm !== null ? formatKm(dueKm) : null].filter(Boolean);
  return limits.length > 0 ? limits.join(' 或 ') : '按需';
}

/** When it was last done: '上次 2026年3月5日 · 10,000 公里', or null if never. */
export function lastDoneOf({ lastDoneOn, lastDoneKm }: Pick<MaintenanceDue, 'lastDoneOn' | 'lastDoneKm'>): string | null {
  const parts = [lastDoneOn ? formatCalendarDate(lastDoneOn) : null, lastDoneKm !== null ? formatKm(lastDoneKm) : null].filter(Boolean);
  return parts.length > 0 ? `上次 ${parts.join(' · ')}` : null;
}

export interface NextDueLine {
  text: string;
  /** The date has come or the odometer has reached the mileage. */
  overdue: boolean;
}

/**
 * The two lines of 下次保养 on a car card: the next item by date and by mileage, each with its name, and
 * whether it is already due by `today` (Shanghai date) or the car's last reading.
 */
export function nextDueLinesOf({ byDate, byMileage }: NextDue, today: string, mileageKm: number): { byDate: NextDueLine; byMileage: NextDueLine } {
  return {
    byDate: byDate
      ? { text: `${formatCalendarDate(byDate.dueOn)} · ${byDate.name}`, overdue: byDate.dueOn <= today }
      : { text: '暂无', overdue: false },
    byMileage: byMileage
      ? { text: `${formatKm(byMileage.dueKm)} · ${byMileage.name}`, overdue: byMileage.dueKm <= mileageKm }
      : { text: '暂无', overdue: false },
  };
}

/** Flags insurance that has ended or ends within 30 days of `today`; null while it has longer to run or is unknown. */
export function insuranceStateOf(expiresOn: string | null, today: string): StatusLabel | null {
  if (!expiresOn) return null;
  const daysLeft = daysBetween(today, expiresOn);
  if (daysLeft < 0) return { text: '已过期', tone: 'danger' };
  if (daysLeft <= INSURANCE_REMINDER_DAYS) return { text: daysLeft === 0 ? '今日到期' : `${daysLeft} 天后到期`, tone: 'warning' };
  return null;
}
