import dayjs, { type Dayjs } from 'dayjs';
import { z } from 'zod';
import { shanghaiNow, shanghaiWallClock, shanghaiWallClockToIso } from '../../shanghai-time';

/** Tomorrow 10:00 in Shanghai: a usual time for a message to land, one click away. */
export function defaultSendTime(): Dayjs {
  return shanghaiWallClock(shanghaiNow().add(1, 'day').hour(10).minute(0).second(0));
}

export const disabledBeforeToday = (current: Dayjs) => current.isBefore(shanghaiWallClock(shanghaiNow()).startOf('day'));

/** A picked send time (Shanghai wall clock), which must still lie ahead. */
export const sendTimeField = z
  .custom<Dayjs>((value) => dayjs.isDayjs(value) && value.isValid(), { error: '请选择发送时间' })
  .refine((picked) => dayjs(shanghaiWallClockToIso(picked)).isAfter(dayjs()), '发送时间须晚于现在');

/** The picker's props shared by the form and the 排期 dialog: Shanghai time in 5-minute steps, from today on. */
export const SEND_TIME_PICKER = {
  showTime: { format: 'HH:mm', minuteStep: 5 as const },
  format: 'YYYY-MM-DD HH:mm',
  disabledDate: disabledBeforeToday,
  placeholder: '选择发送时间',
};

/** The server refuses a time that has passed by the time the request lands. */
export const SCHEDULE_IN_PAST_MESSAGE = '发送时间须晚于现在，请重新选择';
