import dayjs, { type Dayjs } from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import { addDaysToDate, shanghaiDateOf, shanghaiWallClockOf } from 'server/contracts/shanghai-time.rules';

dayjs.extend(utc);
dayjs.extend(timezone);

// The dealerships are in mainland China: times read in Shanghai whatever the browser's zone.
const SHANGHAI = 'Asia/Shanghai';

export function shanghaiNow(): Dayjs {
  return dayjs().tz(SHANGHAI);
}

/** The Shanghai wall clock of an ISO instant from the API, 'YYYY-MM-DDTHH:mm:ss.sss'. */
const wallClock = (iso: string) => shanghaiWallClockOf(new Date(iso));

/** An ISO (UTC) time from the API as Shanghai wall-clock time, e.g. 2025-03-08 14:05. */
export function formatShanghaiTime(iso: string | null, empty = '—'): string {
  return iso ? wallClock(iso).slice(0, 16).replace('T', ' ') : empty;
}

/** An ISO (UTC) time to the second, for records where the order of events matters (the audit log), e.g. 2025-03-08 14:05:09. */
export function formatShanghaiSeconds(iso: string): string {
  return wallClock(iso).slice(0, 19).replace('T', ' ');
}

/** An ISO (UTC) time from the API as its Shanghai calendar date, e.g. 2025-03-08. */
export function formatShanghaiDate(iso: string): string {
  return shanghaiDateOf(new Date(iso));
}

/**
 * Pickers hold browser-local Dayjs values; the dealership means Shanghai wall-clock time whatever
 * the browser's zone. These two convert between a picked wall-clock value and the UTC instant.
 */
export function shanghaiWallClockToIso(picked: Dayjs): string {
  return dayjs.tz(picked.format('YYYY-MM-DDTHH:mm:ss'), SHANGHAI).toISOString();
}

/** A Shanghai wall-clock moment as a browser-local Dayjs a picker can show, e.g. tomorrow 10:00. */
export function shanghaiWallClock(moment: Dayjs): Dayjs {
  return dayjs(moment.tz(SHANGHAI).format('YYYY-MM-DDTHH:mm:ss'));
}

/** Whether an ISO instant lies in the past. */
export function isPast(iso: string): boolean {
  return dayjs(iso).isBefore(dayjs());
}

/** A friendly relative time for lists: 刚刚, 5 分钟前, 3 小时前, else the Shanghai time. */
export function formatShanghaiRelative(iso: string): string {
  const minutes = dayjs().diff(dayjs(iso), 'minute');
  if (minutes < 1) return '刚刚';
  if (minutes < 60) return `${minutes} 分钟前`;
  if (minutes < 24 * 60) return `${Math.floor(minutes / 60)} 小时前`;
  return formatShanghaiTime(iso);
}

/** A short Shanghai time for cards: 3月8日 14:05. */
export function formatShanghaiShort(iso: string): string {
  const clock = wallClock(iso);
  return `${Number(clock.slice(5, 7))}月${Number(clock.slice(8, 10))}日 ${clock.slice(11, 16)}`;
}

/** Today's Shanghai calendar date, e.g. 2025-03-08: the dealership's "today" whatever the browser's zone. */
export function shanghaiToday(): string {
  return shanghaiDateOf(new Date());
}

/** The Shanghai clock time of an ISO instant, e.g. 14:00, for slots within one day. */
export function formatShanghaiClock(iso: string): string {
  return wallClock(iso).slice(11, 16);
}

/** A calendar date (YYYY-MM-DD) moved by whole days, e.g. 2025-03-08 + 1 → 2025-03-09. */
export const addCalendarDays: (date: string, days: number) => string = addDaysToDate;
