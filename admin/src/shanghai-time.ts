import dayjs, { type Dayjs } from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);

// The dealerships are in mainland China: times read in Shanghai whatever the browser's zone.
const SHANGHAI = 'Asia/Shanghai';

export function shanghaiNow(): Dayjs {
  return dayjs().tz(SHANGHAI);
}

/** An ISO (UTC) time from the API as Shanghai wall-clock time, e.g. 2025-03-08 14:05. */
export function formatShanghaiTime(iso: string | null, empty = '—'): string {
  return iso ? dayjs(iso).tz(SHANGHAI).format('YYYY-MM-DD HH:mm') : empty;
}

/** An ISO (UTC) time from the API as its Shanghai calendar date, e.g. 2025-03-08. */
export function formatShanghaiDate(iso: string): string {
  return dayjs(iso).tz(SHANGHAI).format('YYYY-MM-DD');
}
