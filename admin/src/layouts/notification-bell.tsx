import { useCallback, useEffect, useState } from 'react';
import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Empty, Flex, Popover, Spin, Typography, theme } from 'antd';
import { useNavigate } from 'react-router';
import { toApiError } from '../api/client';
import {
  fetchUnreadNotificationCount,
  listNotifications,
  markAllNotificationsRead,
  markNotificationRead,
  type AppNotification,
} from '../api/notifications';
import { useRemoteData } from '../hooks/use-remote-data';
import { formatShanghaiRelative } from '../shanghai-time';

/** How often the badge asks for the unread count. */
const POLL_MS = 60_000;
const LIST_SIZE = 10;

/** The header bell: unread count (polled), the latest notifications, and a jump to the lead. */
export function NotificationBell() {
  const unread = useRemoteData(fetchUnreadNotificationCount);
  const [open, setOpen] = useState(false);
  const reloadCount = unread.reload;

  useEffect(() => {
    // A hidden tab does not need a fresh count; it catches up when it is looked at again.
    const timer = window.setInterval(() => {
      if (document.visibilityState === 'visible') reloadCount();
    }, POLL_MS);
    return () => window.clearInterval(timer);
  }, [reloadCount]);

  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      trigger="click"
      placement="bottomRight"
      arrow={false}
      // Rendered on opening and dropped on closing, so every opening shows the latest notifications.
      destroyOnHidden
      content={<NotificationList onChanged={reloadCount} onNavigate={() => setOpen(false)} />}
    >
      <Badge count={unread.data ?? 0} size="small" overflowCount={99} data-testid="notification-count">
        <Button type="text" shape="circle" icon={<BellOutlined style={{ fontSize: 18 }} />} aria-label="通知" data-testid="notification-bell" />
      </Badge>
    </Popover>
  );
}

function NotificationList({ onChanged, onNavigate }: { onChanged: () => void; onNavigate: () => void }) {
  const navigate = useNavigate();
  const { token } = theme.useToken();
  const load = useCallback((signal: AbortSignal) => listNotifications({ page: 1, pageSize: LIST_SIZE }, signal), []);
  const notifications = useRemoteData(load);
  const [actionError, setActionError] = useState<string>();
  const items = notifications.data?.items ?? [];

  async function run(action: () => Promise<void>) {
    setActionError(undefined);
    try {
      await action();
      notifications.reload();
      onChanged();
    } catch (error) {
      setActionError(toApiError(error).message);
    }
  }

  async function openNotification(notification: AppNotification) {
    if (!notification.readAt) await run(() => markNotificationRead(notification.id));
    if (notification.leadId !== null) {
      onNavigate();
      navigate(`/leads/${notification.leadId}`);
    }
  }

  return (
    <Flex vertical style={{ width: 360 }} data-testid="notification-list">
      <Flex justify="space-between" align="center" style={{ paddingBottom: 8, borderBottom: `1px solid ${token.colorBorderSecondary}` }}>
        <Typography.Text strong>通知</Typography.Text>
        <Button
          type="link"
          size="small"
          disabled={!items.some((item) => !item.readAt)}
          onClick={() => run(markAllNotificationsRead)}
          data-testid="notification-read-all"
        >
          全部已读
        </Button>
      </Flex>
      {(notifications.error || actionError) && (
        <Typography.Text type="danger" style={{ padding: '8px 0' }}>
          {actionError ?? notifications.error?.message}
        </Typography.Text>
      )}
      <Spin spinning={notifications.loading}>
        <div style={{ maxHeight: 420, overflowY: 'auto' }}>
          {items.length === 0 && !notifications.loading ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无通知" />
          ) : (
            items.map((item) => (
              <Flex
                key={item.id}
                vertical
                gap={2}
                data-testid="notification-item"
                onClick={() => openNotification(item)}
                style={{
                  padding: '10px 4px',
                  borderBottom: `1px solid ${token.colorBorderSecondary}`,
                  cursor: item.leadId !== null || !item.readAt ? 'pointer' : 'default',
                }}
              >
                <Flex gap={6} align="center">
                  {!item.readAt && <Badge status="processing" />}
                  <Typography.Text strong={!item.readAt} ellipsis>
                    {item.title}
                  </Typography.Text>
                </Flex>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {item.body}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatShanghaiRelative(item.createdAt)}
                </Typography.Text>
              </Flex>
            ))
          )}
        </div>
      </Spin>
    </Flex>
  );
}
