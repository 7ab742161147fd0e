import type { OpeningHours } from '../api/stores';

const SHANGHAI_UTC_OFFSET_MS = 8 * 60 * 60 * 1000;

/** ISO weekday (1 = Monday … 7 = Sunday) of `now` in Asia/Shanghai, whatever the phone's time zone. */
export function shanghaiWeekday(now: Date): number {
  const sundayBasedDay = new Date(now.getTime() + SHANGHAI_UTC_OFFSET_MS).getUTCDay();
  return sundayBasedDay === 0 ? 7 : sundayBasedDay;
}

/** '今日 09:00–18:00', or '今日休息' when the store has no hours today. */
export function describeTodayHours(openingHours: OpeningHours[], now: Date): string {
  const weekday = shanghaiWeekday(now);
  const today = openingHours.filter((hours) => hours.weekday === weekday);
  if (today.length === 0) return '今日休息';
  return `今日 ${today.map((hours) => `${hours.opensAt}–${hours.closesAt}`).join('，')}`;
}
