import type { MessageChannel } from 'server/contracts/enums.contract';
import type {
  customerMessagePageSchema,
  customerMessageSchema,
  messagePreferencesSchema,
  updateMessagePreferencesSchema,
} from 'server/contracts/automation.contract';
import { request } from './request';
import type { Wire, Body } from './wire';

// The customer's inbox and message preferences.

export type { MessageChannel };

/** `page` is the mini-program page the message opens ('pages/feedback/survey/index?id=12'); null for a notice only. */
export type CustomerMessage = Wire<typeof customerMessageSchema>;

/** Whether reminders may reach the customer by WeChat subscribe message and by SMS. */
export type MessagePreferences = Wire<typeof messagePreferencesSchema>;

/** Newest first. */
export function listMyMessages(page: number, pageSize: number): Promise<Wire<typeof customerMessagePageSchema>> {
  return request<Wire<typeof customerMessagePageSchema>>({ path: `/me/messages?page=${page}&pageSize=${pageSize}` });
}

export async function getUnreadMessageCount(): Promise<number> {
  // The controller declares this answer inline (`{ count }`); the contracts have no schema for it.
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
  // Declared inline by the controller too (`{ updated }`).
  const { updated } = await request<{ updated: number }>({ method: 'POST', path: '/me/messages/read-all', body: {} });
  return updated;
}

export function getMessagePreferences(): Promise<MessagePreferences> {
  return request<MessagePreferences>({ path: '/me/message-preferences' });
}

/** Changes only the channels given; answers both. */
export function updateMessagePreferences(change: Body<typeof updateMessagePreferencesSchema>): Promise<MessagePreferences> {
  return request<MessagePreferences>({ method: 'PUT', path: '/me/message-preferences', body: change });
}
