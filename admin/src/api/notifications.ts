import { request, type Paged } from './client';

export interface AppNotification {
  id: number;
  kind: string;
  title: string;
  body: string;
  leadId: number | null;
  taskId: number | null;
  readAt: string | null;
  createdAt: string;
}

export type NotificationListQuery = {
  unread?: boolean;
  page: number;
  pageSize: number;
};

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
