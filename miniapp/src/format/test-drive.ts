import type { TestDriveBooking, TestDriveBookingStatus, TestDriveRoute } from '../api/test-drives';
import { timeRangeOf } from './shanghai-time';
import type { StatusLabel } from './status-tone';

export const BOOKING_STATUS_LABELS: Record<TestDriveBookingStatus, StatusLabel> = {
  CONFIRMED: { text: '已确认', tone: 'brand' },
  IN_PROGRESS: { text: '进行中', tone: 'active' },
  COMPLETED: { text: '已完成', tone: 'done' },
  CANCELLED: { text: '已取消', tone: 'muted' },
  NO_SHOW: { text: '未到店', tone: 'danger' },
};

type CalendarFields = Pick<TestDriveBooking, 'startAt' | 'endAt' | 'store' | 'model'>;

/** One line to paste into a calendar or a chat: when, where, what, and how to reach the store. */
export function calendarTextOf({ startAt, endAt, store, model }: CalendarFields): string {
  return `${timeRangeOf(startAt, endAt)} ${store.name} 试驾 ${model.name}，地址：${store.address}，电话：${store.phone}`;
}

/** '8 公里 · 约 25 分钟': how long a route is, on its card. */
export function routeSummaryOf({ lengthKm, durationMinutes }: Pick<TestDriveRoute, 'lengthKm' | 'durationMinutes'>): string {
  return `${lengthKm} 公里 · 约 ${durationMinutes} 分钟`;
}
