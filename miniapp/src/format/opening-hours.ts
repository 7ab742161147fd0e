import type { OpeningHours } from '../api/stores';
import { shanghaiWeekday } from './shanghai-time';

/** '今日 09:00–18:00', or '今日休息' when the store has no hours today. */
export function describeTodayHours(openingHours: OpeningHours[], now: Date): string {
  const weekday = shanghaiWeekday(now);
  const today = openingHours.filter((hours) => hours.weekday === weekday);
  if (today.length === 0) return '今日休息';
  return `今日 ${today.map((hours) => `${hours.opensAt}–${hours.closesAt}`).join('，')}`;
}
