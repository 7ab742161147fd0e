import dayjs, { type Dayjs } from 'dayjs';
import { z } from 'zod';

/** A date a picker holds (a browser-local Dayjs, or nothing), as the calendar date the API takes. */
export const optionalCalendarDay = z
  .custom<Dayjs>((value) => dayjs.isDayjs(value) && value.isValid(), { error: '请选择日期' })
  .nullish()
  .transform((day) => (day ? day.format('YYYY-MM-DD') : null));

/** A calendar date from the API (YYYY-MM-DD) as a value a DatePicker shows. */
export function pickerDay(date: string | null): Dayjs | undefined {
  return date ? dayjs(date) : undefined;
}

/** An empty text box means "not given": the server's optional fields take null, not ''. */
export function blankToNull(value: unknown): unknown {
  return typeof value === 'string' && value.trim() === '' ? null : value;
}
