import { useCallback, useState } from 'react';
import { Empty, Flex, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { listCustomerMessages, type CustomerMessage } from '../../api/automation';
import { canOpen } from '../../access';
import { ChannelTag } from '../../components/automation-tags';
import { useRemoteData } from '../../hooks/use-remote-data';
import { useCurrentStaff } from '../../layouts/current-staff';
import { formatShanghaiTime } from '../../shanghai-time';
import { LoadError } from '../../components/load-error';

const PAGE_SIZE = 20;

/** 消息记录: what the member was sent (reminders, campaigns, survey invitations), newest first, and whether they read it. */
export function MemberMessagesTab({ customerId }: { customerId: number }) {
  const staff = useCurrentStaff();
  const [paging, setPaging] = useState({ page: 1, pageSize: PAGE_SIZE });
  const load = useCallback((signal: AbortSignal) => listCustomerMessages({ customerId, ...paging }, signal), [customerId, paging]);
  const messages = useRemoteData(load);

  if (messages.error && !messages.data) {
    return (
      <LoadError what="消息记录" error={messages.error} onRetry={messages.reload} data-testid="member-messages-error" />
    );
  }

  const columns: TableColumnsType<CustomerMessage> = [
    { title: '发送时间', dataIndex: 'sentAt', width: 150, render: (_, message) => formatShanghaiTime(message.sentAt) },
    { title: '渠道', dataIndex: 'channel', width: 140, render: (_, message) => <ChannelTag channel={message.channel} /> },
    { title: '标题', dataIndex: 'title', width: 200, ellipsis: true },
    {
      title: '内容',
      dataIndex: 'body',
      render: (_, message) => (
        <Typography.Text ellipsis={{ tooltip: <span style={{ whiteSpace: 'pre-wrap' }}>{message.body}</span> }} style={{ maxWidth: 420 }}>
          {message.body}
        </Typography.Text>
      ),
    },
    {
      title: '已读',
      dataIndex: 'readAt',
      width: 150,
      render: (_, message) =>
        message.readAt ? (
          <Typography.Text type="secondary">{formatShanghaiTime(message.readAt)}</Typography.Text>
        ) : message.channel === 'IN_APP' ? (
          <Tag color="blue" style={{ marginInlineEnd: 0 }}>
            未读
          </Tag>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
  ];

  return (
    <Flex vertical gap={8}>
      {canOpen(staff.role, '/automation/outbox') && (
        <Flex justify="flex-end">
          <Link to={`/automation/outbox?customerId=${customerId}`} data-testid="member-outbox-link">
            查看发送记录（含未发出、失败的消息）
          </Link>
        </Flex>
      )}
      <Table<CustomerMessage>
        data-testid="member-messages"
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={messages.data?.items ?? []}
        loading={messages.loading}
        scroll={{ x: 860 }}
        locale={{ emptyText: <Empty description="还没有发给该会员的消息" /> }}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: messages.data?.total ?? 0,
          hideOnSinglePage: true,
          showTotal: (total) => `共 ${total} 条`,
          onChange: (page, pageSize) => setPaging({ page: pageSize === paging.pageSize ? page : 1, pageSize }),
        }}
      />
    </Flex>
  );
}
