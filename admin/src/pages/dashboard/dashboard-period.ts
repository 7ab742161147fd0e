import dayjs, { type Dayjs } from 'dayjs';
import { addCalendarDays, shanghaiNow, shanghaiToday } from '../../shanghai-time';

// The dashboard's periods are Shanghai calendar dates, both ends included, whatever the browser's zone.

const DATE_FORMAT = 'YYYY-MM-DD';

export interface Period {
  from: string;
  to: string;
}

function lastDays(days: number): Period {
  const to = shanghaiToday();
  return { from: addCalendarDays(to, 1 - days), to };
}

function sinceStartOf(unit: 'month' | 'quarter' | 'year'): Period {
  const today = shanghaiNow();
  const start = unit === 'quarter' ? today.month(Math.floor(today.month() / 3) * 3).startOf('month') : today.startOf(unit);
  return { from: start.format(DATE_FORMAT), to: today.format(DATE_FORMAT) };
}

/** The period the dashboard opens with: the last 30 days, today included. */
export const defaultPeriod = (): Period => lastDays(30);

export const PERIOD_PRESETS: { label: string; period: () => Period }[] = [
  { label: '近 7 天', period: () => lastDays(7) },
  { label: '近 30 天', period: defaultPeriod },
  { label: '本月', period: () => sinceStartOf('month') },
  { label: '本季度', period: () => sinceStartOf('quarter') },
  { label: '今年', period: () => sinceStartOf('year') },
];

/** A calendar date as the browser-local Dayjs a picker shows (midnight of that date, whatever the zone). */
export const pickerDate = (date: string): Dayjs => dayjs(date);

export const calendarDate = (picked: Dayjs): string => picked.format(DATE_FORMAT);
