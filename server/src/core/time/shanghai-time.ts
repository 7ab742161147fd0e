import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);

/** Business days, opening hours and "today" are reckoned in the stores' time zone. */
export const BUSINESS_TIME_ZONE = 'Asia/Shanghai';

/** The UTC instants where the Shanghai calendar day containing `instant` starts and ends (end exclusive). */
export function shanghaiDay(instant: Date): { start: Date; end: Date } {
  const start = dayjs(instant).tz(BUSINESS_TIME_ZONE).startOf('day');
  return { start: start.toDate(), end: start.add(1, 'day').toDate() };
}

/** The UTC instant where a Shanghai date "YYYY-MM-DD" starts. */
export function startOfShanghaiDate(date: string): Date {
  return dayjs.tz(date, BUSINESS_TIME_ZONE).startOf('day').toDate();
}

/** The Shanghai calendar date ("YYYY-MM-DD") of an instant. */
export function shanghaiDateOf(instant: Date): string {
  return dayjs(instant).tz(BUSINESS_TIME_ZONE).format('YYYY-MM-DD');
}

/** An instant as people in the stores read it, e.g. "3月5日 14:00". */
export function formatShanghaiTime(instant: Date): string {
  return dayjs(instant).tz(BUSINESS_TIME_ZONE).format('M月D日 HH:mm');
}
