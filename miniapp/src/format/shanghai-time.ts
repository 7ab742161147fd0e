import { shanghaiDateOf, shanghaiWallClock } from 'server/contracts/shanghai-time.rules';

// Times are Asia/Shanghai whatever the phone's time zone, by the server's own rule (a fixed +08:00 shift).
export { shanghaiDateOf };

const DAY_MS = 24 * 60 * 60 * 1000;
const WEEKDAY_NAMES = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

const twoDigits = (value: number) => String(value).padStart(2, '0');

/** ISO weekday (1 = Monday … 7 = Sunday) of `now` in Asia/Shanghai. */
export function shanghaiWeekday(now: Date): number {
  const sundayBasedDay = shanghaiWallClock(now).getUTCDay();
  return sundayBasedDay === 0 ? 7 : sundayBasedDay;
}

export interface BookableDate {
  /** 'YYYY-MM-DD', as the slots API takes it. */
  date: string;
  /** '今天', '明天', or the weekday ('周四'). */
  dayLabel: string;
  /** '03-05'. */
  monthDay: string;
}

/** Today and the following days in Shanghai, labelled for date chips. */
export function bookableDates(now: Date, count: number): BookableDate[] {
  return Array.from({ length: count }, (_, offset) => {
    const day = shanghaiWallClock(new Date(now.getTime() + offset * DAY_MS));
    const dayLabel = offset === 0 ? '今天' : offset === 1 ? '明天' : WEEKDAY_NAMES[day.getUTCDay()];
    const date = day.toISOString().slice(0, 10);
    return { date, dayLabel, monthDay: date.slice(5) };
  });
}

/** '14:00' for an ISO instant. */
export function clockOf(iso: string): string {
  const clock = shanghaiWallClock(new Date(iso));
  return `${twoDigits(clock.getUTCHours())}:${twoDigits(clock.getUTCMinutes())}`;
}

/** '3月5日 周四' for an ISO instant. */
export function dayOf(iso: string): string {
  const clock = shanghaiWallClock(new Date(iso));
  return `${clock.getUTCMonth() + 1}月${clock.getUTCDate()}日 ${WEEKDAY_NAMES[clock.getUTCDay()]}`;
}

/** '3月5日 周四 14:00–15:00'. */
export function timeRangeOf(startAt: string, endAt: string): string {
  return `${dayOf(startAt)} ${clockOf(startAt)}–${clockOf(endAt)}`;
}

/** '11-26 09:30' for an ISO instant: a compact time for progress steps. */
export function shortDateTimeOf(iso: string): string {
  const clock = shanghaiWallClock(new Date(iso));
  return `${twoDigits(clock.getUTCMonth() + 1)}-${twoDigits(clock.getUTCDate())} ${clockOf(iso)}`;
}

/** '2026年3月5日' for an ISO instant: a date with its year, for records that span years. */
export function calendarDateOf(iso: string): string {
  const clock = shanghaiWallClock(new Date(iso));
  return `${clock.getUTCFullYear()}年${clock.getUTCMonth() + 1}月${clock.getUTCDate()}日`;
}

/** '2026年3月5日 14:00' for an ISO instant. */
export function dateTimeOf(iso: string): string {
  return `${calendarDateOf(iso)} ${clockOf(iso)}`;
}
