import type { ReactNode } from 'react';
import { MailOutlined, MessageOutlined, WechatOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import {
  MESSAGE_CHANNEL_LABELS,
  OUTBOX_SOURCE_LABELS,
  OUTBOX_STATUS_LABELS,
  type MessageChannel,
  type OutboxSource,
  type OutboxStatus,
} from '../api/automation';

// The messaging tags, one colour scheme wherever a channel or a message's delivery shows.

const CHANNEL_STYLES: Record<MessageChannel, { color: string; icon: ReactNode }> = {
  WECHAT: { color: 'green', icon: <WechatOutlined /> },
  SMS: { color: 'blue', icon: <MessageOutlined /> },
  IN_APP: { color: 'purple', icon: <MailOutlined /> },
};

export function ChannelTag({ channel }: { channel: MessageChannel }) {
  const { color, icon } = CHANNEL_STYLES[channel];
  return (
    <Tag color={color} icon={icon} style={{ marginInlineEnd: 0 }} data-testid="channel-tag" data-channel={channel}>
      {MESSAGE_CHANNEL_LABELS[channel]}
    </Tag>
  );
}

/** Red is the one that needs a person: the message ran out of retries. */
const OUTBOX_STATUS_COLORS: Record<OutboxStatus, string> = {
  PENDING: 'default',
  SENDING: 'processing',
  SENT: 'success',
  SKIPPED: 'warning',
  DEAD: 'error',
};

export function OutboxStatusTag({ status }: { status: OutboxStatus }) {
  return (
    <Tag color={OUTBOX_STATUS_COLORS[status]} style={{ marginInlineEnd: 0 }} data-testid="outbox-status" data-status={status}>
      {OUTBOX_STATUS_LABELS[status]}
    </Tag>
  );
}

/** Where a message came from; a source this admin does not know yet shows as the server names it. */
export function OutboxSourceTag({ source }: { source: string }) {
  const label = OUTBOX_SOURCE_LABELS[source as OutboxSource] ?? source;
  return <Tag style={{ marginInlineEnd: 0 }}>{label}</Tag>;
}
