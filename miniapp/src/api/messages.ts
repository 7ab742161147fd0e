import type { Page } from './page';
import { request } from './request';

// The customer's inbox and message preferences, mirrored from server/src/contracts/automation.contract.ts.

export type MessageChannel = 'WECHAT' | 'SMS' | 'IN_APP';

export interface CustomerMessage {
  id: number;
  channel: MessageChannel;
  title: string;
  body: string;
  /** The mini-program page the message opens, e.g. 'pages/feedback/survey/index?id=12'; null for a notice only. */
  page: string | null;
  sentAt: string;
  readAt: string | null;
}

/** Whether reminders may reach the customer by WeChat subscribe message and by SMS. */
export interface MessagePreferences {
  wechat: boolean;
  sms: boolean;
}

/** Newest first. */
export function listMyMessages(page: number, pageSize: number): Promise<Page<CustomerMessage>> {
  return request<Page<CustomerMessage>>({ path: `/me/messages?page=${page}&pageSize=${pageSize}` });
}

export async function getUnreadMessageCount(): Promise<number> {
  const { count } = await request<{ count: number }>({ path: '/me/messages/unread-count' });
  return count;
}

/** Marking read twice is harmless: the first read time stands. */
export function markMessageRead(messageId: number): Promise<CustomerMessage> {
  // An empty JSON object: the server refuses a JSON request with no body at all.
  return request<CustomerMessage>({ method: 'POST', path: `/me/messages/${messageId}/read`, body: {} });
}

/** Answers how many messages it marked. */
export async function markAllMessagesRead(): Promise<number> {
  const { updated } = await request<{ updated: number }>({ method: 'POST', path: '/me/messages/read-all', body: {} });
  return updated;
}

export function getMessagePreferences(): Promise<MessagePreferences> {
  return request<MessagePreferences>({ path: '/me/message-preferences' });
}

/** Changes only the channels given; answers both. */
export function updateMessagePreferences(change: Partial<MessagePreferences>): Promise<MessagePreferences> {
  return request<MessagePreferences>({ method: 'PUT', path: '/me/message-preferences', body: change });
}
