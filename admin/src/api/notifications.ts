import type { pageQuerySchema } from 'server/contracts/common.contract';
import type * as contract from 'server/contracts/leads.contract';
import type { z } from 'zod';
import { request, type Paged } from './client';
import type { Wire } from 'server/contracts/wire.contract';

export type AppNotification = Wire<typeof contract.notificationSchema>;

/** The server's page query with `unread` (sent as true/false; the server declares it beside its controller). */
export type NotificationListQuery = z.output<typeof pageQuerySchema> & { unread?: boolean };

export function listNotifications(query: NotificationListQuery, signal?: AbortSignal): Promise<Paged<AppNotification>> {
  return request<Paged<AppNotification>>('/notifications', { query, signal });
}

export async function fetchUnreadNotificationCount(signal?: AbortSignal): Promise<number> {
  const { count } = await request<{ count: number }>('/notifications/unread-count', { signal });
  return count;
}

export async function markNotificationRead(notificationId: number): Promise<void> {
  await request<unknown>(`/notifications/${notificationId}/read`, { method: 'POST' });
}

export async function markAllNotificationsRead(): Promise<void> {
  await request<unknown>('/notifications/read-all', { method: 'POST' });
}
