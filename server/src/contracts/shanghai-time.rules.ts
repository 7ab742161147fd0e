/**
 * Shanghai calendar and wall-clock arithmetic for the three apps, without a time-zone database: the stores are
 * in mainland China, which has kept UTC+8 all year since 1991, so a fixed shift is exact (and costs nothing in
 * the mini-program's bundle).
 */
/** Asia/Shanghai's distance from UTC, the whole year. */
export const SHANGHAI_UTC_OFFSET_MS = 8 * 3_600_000;

/** A Date whose UTC fields (getUTCHours, getUTCDate, …) read as the Shanghai wall clock at `instant`. */
export function shanghaiWallClock(instant: Date): Date {
  return new Date(instant.getTime() + SHANGHAI_UTC_OFFSET_MS);
}

/** The Shanghai wall clock of an instant, 'YYYY-MM-DDTHH:mm:ss.sss' (no zone). */
export function shanghaiWallClockOf(instant: Date): string {
  return shanghaiWallClock(instant).toISOString().slice(0, 23);
}

/** The Shanghai calendar date ('YYYY-MM-DD') of an instant. */
export function shanghaiDateOf(instant: Date): string {
  return shanghaiWallClockOf(instant).slice(0, 10);
}

/** A calendar date `days` later (or earlier, when negative). */
export function addDaysToDate(date: string, days: number): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + days);
  return next.toISOString().slice(0, 10);
}

/** A calendar date `months` later; the day is clamped to the month's end (31 Jan + 1 month = 28/29 Feb). */
export function addMonthsToDate(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number);
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}
