import type { MessageChannel } from '../api/messages';
import { clockOf, shanghaiDateOf } from './shanghai-time';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The tab pages of app.config.ts: these open with switchTab, which takes no query string. */
const TAB_PAGES: ReadonlySet<string> = new Set(['pages/home/index', 'pages/booking/index', 'pages/my-cars/index', 'pages/me/index']);

export const MESSAGE_CHANNEL_TEXT: Record<MessageChannel, string> = {
  WECHAT: '微信',
  SMS: '短信',
  IN_APP: '站内',
};

export interface MessageTarget {
  url: string;
  /** A tab page: opened with switchTab rather than navigateTo. */
  tab: boolean;
}

/** Where tapping a message goes: its page ('pages/feedback/survey/index?id=12', with or without a leading '/'), or nowhere. */
export function messageTargetOf(page: string | null): MessageTarget | null {
  const trimmed = page?.trim().replace(/^\/+/, '') ?? '';
  if (!trimmed) return null;
  const path = trimmed.split('?')[0];
  if (TAB_PAGES.has(path)) return { url: `/${path}`, tab: true };
  return { url: `/${trimmed}`, tab: false };
}

/** When a message came, the way a chat list says it: '今天 09:30', '昨天 18:05', '11月20日', '2025年11月20日'. */
export function messageTimeOf(sentAt: string, now: Date): string {
  const day = shanghaiDateOf(new Date(sentAt));
  if (day === shanghaiDateOf(now)) return `今天 ${clockOf(sentAt)}`;
  if (day === shanghaiDateOf(new Date(now.getTime() - DAY_MS))) return `昨天 ${clockOf(sentAt)}`;
  const [year, month, date] = day.split('-').map(Number);
  if (day.slice(0, 4) === shanghaiDateOf(now).slice(0, 4)) return `${month}月${date}日`;
  return `${year}年${month}月${date}日`;
}

/** What turning a channel off means for the customer, asked before it is turned off. */
export function channelOffWarningOf(channel: 'wechat' | 'sms'): string {
  return `关闭后将不再通过${channel === 'sms' ? '短信' : '微信'}提醒您保养、续保等`;
}

/** An unread count for a badge: '99+' past 99. */
export function badgeText(count: number): string {
  return count > 99 ? '99+' : String(count);
}
