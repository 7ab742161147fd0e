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

/**
 * The UTC instants spanned by the Shanghai dates `from` to `to`, both inclusive, as a range filter: `gte` the
 * first day's start, `lt` the start of the day after the last. Either end may be left open.
 */
export function shanghaiDateSpan(from: string, to: string): { gte: Date; lt: Date };
export function shanghaiDateSpan(from: string | undefined, to: string | undefined): { gte?: Date; lt?: Date };
export function shanghaiDateSpan(from: string | undefined, to: string | undefined): { gte?: Date; lt?: Date } {
  return { ...(from ? { gte: startOfShanghaiDate(from) } : {}), ...(to ? { lt: startOfShanghaiDate(addDaysToDate(to, 1)) } : {}) };
}

/** China has kept UTC+8 all year since 1991, so a Shanghai date is plain arithmetic (dayjs' tz costs ~0.2 ms a call). */
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** The Shanghai calendar date ("YYYY-MM-DD") of an instant. */
export function shanghaiDateOf(instant: Date): string {
  return new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** A calendar date `months` later; the day is clamped to the month's end (31 Jan + 1 month = 28/29 Feb), as dayjs does. */
export function addMonthsToDate(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number);
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}

/** A calendar date `days` later (or earlier, when negative). */
export function addDaysToDate(date: string, days: number): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + days);
  return next.toISOString().slice(0, 10);
}

/** An instant as people in the stores read it, e.g. "3月5日 14:00". */
export function formatShanghaiTime(instant: Date): string {
  return dayjs(instant).tz(BUSINESS_TIME_ZONE).format('M月D日 HH:mm');
}
