import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import { addDaysToDate } from '../../contracts/shanghai-time.rules';

dayjs.extend(utc);
dayjs.extend(timezone);

// The dayjs-free date arithmetic lives beside the contracts, where the mini-program imports it too.
export { addDaysToDate, addMonthsToDate, shanghaiDateOf } from '../../contracts/shanghai-time.rules';

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

/**
 * The UTC instants spanned by the Shanghai dates `from` to `to`, both inclusive, as a range filter: `gte` the
 * first day's start, `lt` the start of the day after the last. Either end may be left open.
 */
export function shanghaiDateSpan(from: string, to: string): { gte: Date; lt: Date };
export function shanghaiDateSpan(from: string | undefined, to: string | undefined): { gte?: Date; lt?: Date };
export function shanghaiDateSpan(from: string | undefined, to: string | undefined): { gte?: Date; lt?: Date } {
  return { ...(from ? { gte: startOfShanghaiDate(from) } : {}), ...(to ? { lt: startOfShanghaiDate(addDaysToDate(to, 1)) } : {}) };
}

/** An instant as people in the stores read it, e.g. "3月5日 14:00". */
export function formatShanghaiTime(instant: Date): string {
  return dayjs(instant).tz(BUSINESS_TIME_ZONE).format('M月D日 HH:mm');
}
