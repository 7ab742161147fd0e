import { MessageChannel } from '../../generated/prisma/enums';
import { addDaysToDate, addMonthsToDate } from '../../core/time/shanghai-time';

/** No SMS between 21:00 and 08:00 Asia/Shanghai: what falls due then waits for the morning. */
export const QUIET_HOURS = { from: 21, until: 8 } as const;
const QUIET_CHANNELS: MessageChannel[] = [MessageChannel.SMS];
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** When a message on `channel` may go out if it is due at `at`: `at` itself, or 08:00 the next morning. */
export function sendableAt(channel: MessageChannel, at: Date): Date {
  if (!QUIET_CHANNELS.includes(channel)) return at;
  const local = new Date(at.getTime() + SHANGHAI_OFFSET_MS);
  const hour = local.getUTCHours();
  if (hour >= QUIET_HOURS.until && hour < QUIET_HOURS.from) return at;
  const morning = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate(), QUIET_HOURS.until) - SHANGHAI_OFFSET_MS);
  return hour >= QUIET_HOURS.from ? new Date(morning.getTime() + 86_400_000) : morning;
}

/** Failed sends are retried after 1 min, 5 min, 30 min and 2 h; the fifth failure parks the message. */
const RETRY_DELAYS_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000];
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;

export function retryDelayMs(failedAttempts: number): number | null {
  return failedAttempts >= MAX_ATTEMPTS ? null : RETRY_DELAYS_MS[Math.max(0, failedAttempts - 1)];
}

export type TemplateValues = Partial<Record<'name' | 'plate' | 'model' | 'date' | 'store' | 'points' | 'time', string | number | null>>;

/** Fills {name}, {plate}, ... ; a value that is missing reads as nothing rather than as "{plate}". */
export function renderTemplate(template: string, values: TemplateValues): string {
  return template.replace(/\{(\w+)\}/g, (_whole, key: string) => {
    const value = values[key as keyof TemplateValues];
    return value === null || value === undefined ? '' : String(value);
  });
}

/**
 * The due dates a rule sends for today: those whose send day (due − daysBefore) is today or up to
 * `catchUpDays` earlier, so a day the job did not run is caught up, and a reminder never goes out late by more.
 */
export function dueWindow(today: string, daysBefore: number, catchUpDays: number): { from: string; to: string } {
  return { from: addDaysToDate(today, daysBefore - catchUpDays), to: addDaysToDate(today, daysBefore) };
}

/** The delivery-date range whose first service (delivery + months) falls in the window. */
export function deliveredWindow(window: { from: string; to: string }, months: number): { from: string; to: string } {
  return { from: addMonthsToDate(window.from, -months), to: addMonthsToDate(window.to, -months) };
}

/**
 * The channel a customer message goes out on: the preferred one when the customer can get it there, else the
 * other outside channel they have and allow, else only their in-app inbox (which they cannot turn off).
 */
export function customerChannel(preferred: MessageChannel, contact: { openid: string | null; mobile: string | null; optedOut: MessageChannel[] }): MessageChannel {
  const reachable = (channel: MessageChannel) => !contact.optedOut.includes(channel) && (channel === MessageChannel.WECHAT ? contact.openid : contact.mobile) !== null;
  if (preferred === MessageChannel.IN_APP) return MessageChannel.IN_APP;
  const other = preferred === MessageChannel.WECHAT ? MessageChannel.SMS : MessageChannel.WECHAT;
  if (reachable(preferred)) return preferred;
  if (reachable(other)) return other;
  return MessageChannel.IN_APP;
}

export type DispatchDecision = { action: 'SEND'; to: string | null } | { action: 'DEFER'; until: Date } | { action: 'SKIP'; reason: string };

/** What to do with a claimed message now: send it, wait for the morning, or skip it (opted out, no address). */
export function dispatchDecision(
  message: { channel: MessageChannel; customerId: number | null },
  recipient: { openid: string | null; mobile: string | null; optedOut: MessageChannel[] } | null,
  now: Date,
): DispatchDecision {
  if (message.customerId === null || message.channel === MessageChannel.IN_APP) return { action: 'SEND', to: null };
  if (!recipient) return { action: 'SKIP', reason: '客户不存在' };
  if (recipient.optedOut.includes(message.channel)) return { action: 'SKIP', reason: message.channel === MessageChannel.SMS ? '客户已退订短信' : '客户已关闭微信消息' };
  const to = message.channel === MessageChannel.WECHAT ? recipient.openid : recipient.mobile;
  if (!to) return { action: 'SKIP', reason: message.channel === MessageChannel.WECHAT ? '客户未绑定微信' : '客户没有手机号' };
  const until = sendableAt(message.channel, now);
  if (until.getTime() > now.getTime()) return { action: 'DEFER', until };
  return { action: 'SEND', to };
}
