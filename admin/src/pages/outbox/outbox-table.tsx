import { useState } from 'react';
import { RedoOutlined } from '@ant-design/icons';
import { Button, Empty, Flex, Popconfirm, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { RESENDABLE_STATUSES, type OutboxListQuery, type OutboxMessage, type OutboxRecipient } from '../../api/automation';
import type { Paged } from '../../api/client';
import { ChannelTag, OutboxSourceTag, OutboxStatusTag } from '../../components/automation-tags';
import { formatShanghaiShort, formatShanghaiTime } from '../../shanghai-time';
import { listPagination } from '../../hooks/use-list-query';

interface OutboxTableProps {
  page: Paged<OutboxMessage> | undefined;
  query: OutboxListQuery;
  loading: boolean;
  filtered: boolean;
  /** Whether a customer's name links to their member page (the roles that may open 会员). */
  linkMembers: boolean;
  /** Present for those who may send a message again. */
  onResend?: (message: OutboxMessage) => Promise<void>;
  onPageChange: (page: number, pageSize: number) => void;
}

function Recipient({ recipient, linkMembers }: { recipient: OutboxRecipient | null; linkMembers: boolean }) {
  if (!recipient) return <Typography.Text type="secondary">—</Typography.Text>;
  if (recipient.kind === 'STAFF') {
    return (
      <Flex gap={6} align="center">
        <span>{recipient.name ?? `员工 #${recipient.id}`}</span>
        <Tag color="blue" style={{ marginInlineEnd: 0 }}>
          员工
        </Tag>
      </Flex>
    );
  }
  const name = recipient.name ?? '未留姓名';
  return (
    <Flex vertical gap={0}>
      {linkMembers ? <Link to={`/members/${recipient.id}`}>{name}</Link> : <span>{name}</span>}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {recipient.mobile ?? '未留手机号'}
      </Typography.Text>
    </Flex>
  );
}

/** The outbox: every message the system wrote, who it is for, and how its delivery went. */
export function OutboxTable({ page, query, loading, filtered, linkMembers, onResend, onPageChange }: OutboxTableProps) {
  const columns: TableColumnsType<OutboxMessage> = [
    { title: '生成时间', dataIndex: 'createdAt', width: 135, render: (_, message) => formatShanghaiTime(message.createdAt) },
    { title: '接收人', key: 'recipient', width: 130, render: (_, message) => <Recipient recipient={message.recipient} linkMembers={linkMembers} /> },
    { title: '渠道', dataIndex: 'channel', width: 125, render: (_, message) => <ChannelTag channel={message.channel} /> },
    {
      title: '内容',
      key: 'content',
      render: (_, message) => (
        <Tooltip
          title={
            <Flex vertical gap={4}>
              <strong>{message.title}</strong>
              <span style={{ whiteSpace: 'pre-wrap' }}>{message.body}</span>
            </Flex>
          }
        >
          <Flex vertical gap={0} style={{ minWidth: 0 }}>
            <Flex gap={6} align="center" style={{ minWidth: 0 }}>
              <OutboxSourceTag source={message.source} />
              <Typography.Text strong ellipsis>
                {message.title}
              </Typography.Text>
            </Flex>
            <Typography.Text type="secondary" ellipsis style={{ fontSize: 12 }}>
              {message.body}
            </Typography.Text>
          </Flex>
        </Tooltip>
      ),
    },
    { title: '提醒日期', dataIndex: 'dueOn', width: 105 },
    {
      title: '状态 / 原因',
      dataIndex: 'status',
      width: 170,
      render: (_, message) => (
        <Flex vertical gap={2} align="flex-start" style={{ minWidth: 0, maxWidth: '100%' }}>
          <OutboxStatusTag status={message.status} />
          {message.lastError && (
            <Typography.Text
              type={message.status === 'DEAD' ? 'danger' : 'secondary'}
              ellipsis={{ tooltip: message.lastError }}
              style={{ fontSize: 12, maxWidth: '100%' }}
              data-testid="outbox-last-error"
            >
              {message.lastError}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      title: '尝试',
      dataIndex: 'attempts',
      width: 140,
      render: (_, message) => (
        <Flex vertical gap={0}>
          <span>{message.attempts} 次</span>
          {message.status === 'PENDING' && message.attempts > 0 && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatShanghaiShort(message.nextAttemptAt)} 重试
            </Typography.Text>
          )}
          {message.status === 'SENT' && message.sentAt && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatShanghaiShort(message.sentAt)} 发出
            </Typography.Text>
          )}
        </Flex>
      ),
    },
  ];

  if (onResend) {
    columns.push({
      title: '操作',
      key: 'actions',
      width: 110,
      fixed: 'right',
      render: (_, message) => (RESENDABLE_STATUSES.includes(message.status) ? <ResendButton message={message} onResend={onResend} /> : null),
    });
  }

  return (
    <Table<OutboxMessage>
      data-testid="outbox-table"
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={page?.items ?? []}
      loading={loading}
      scroll={{ x: 1130 }}
      locale={{ emptyText: <Empty description={filtered ? '没有符合条件的消息' : '还没有发送记录：自动提醒与营销活动生成的消息会出现在这里'} /> }}
      pagination={listPagination(query, page?.total, onPageChange)}
    />
  );
}

/** 重新发送 asks first: the customer will get the message (again, if it had reached them by another way). */
function ResendButton({ message, onResend }: { message: OutboxMessage; onResend: (message: OutboxMessage) => Promise<void> }) {
  const [busy, setBusy] = useState(false);
  return (
    <Popconfirm
      title="重新发送这条消息？"
      description={
        message.status === 'SKIPPED'
          ? '重新发送时仍会检查退订与联系方式：原因未消除的会再次跳过。'
          : '消息将重新进入发送队列，按原渠道发送；请先核实客户是否已收到。'
      }
      okText="重新发送"
      cancelText="取消"
      onConfirm={async () => {
        setBusy(true);
        try {
          await onResend(message);
        } finally {
          setBusy(false);
        }
      }}
    >
      <Button type="link" size="small" icon={<RedoOutlined />} loading={busy} data-testid={`outbox-resend-${message.id}`}>
        重新发送
      </Button>
    </Popconfirm>
  );
}
