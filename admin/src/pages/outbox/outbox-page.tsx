import { useCallback, useState } from 'react';
import { ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex } from 'antd';
import { toApiError } from '../../api/client';
import {
  fetchOutboxSummary,
  listOutbox,
  listReminderRules,
  resendOutboxMessage,
  SMS_QUIET_HOURS_NOTE,
  type OutboxListQuery,
  type OutboxMessage,
} from '../../api/automation';
import { can, canOpen } from '../../access';
import { useRemoteData } from '../../hooks/use-remote-data';
import { useCurrentStaff } from '../../layouts/current-staff';
import { OutboxFilters } from './outbox-filters';
import { OutboxSummaryCards } from './outbox-summary';
import { OutboxTable } from './outbox-table';
import { useOutboxListQuery } from './use-outbox-list-query';
import { LoadError } from '../../components/load-error';

/** 发送记录 `/automation/outbox`: every message reminders and campaigns wrote, its delivery, and 重新发送 for failures. */
export function OutboxPage() {
  const staff = useCurrentStaff();
  const { query, changeFilters, changePage, resetFilters } = useOutboxListQuery();
  const summary = useRemoteData(fetchOutboxSummary);
  const rules = useRemoteData(listReminderRules);
  // Bumped by 刷新 and after a resend, so the list reloads even when the URL stays the same.
  const [version, setVersion] = useState(0);
  const refresh = () => {
    setVersion((current) => current + 1);
    summary.reload();
  };

  return (
    <Card
      title="发送记录"
      data-testid="outbox-page"
      extra={
        <Button icon={<ReloadOutlined />} onClick={refresh}>
          刷新
        </Button>
      }
    >
      <Flex vertical gap={16}>
        <OutboxSummaryCards summary={summary} selected={query.status} onSelect={(status) => changeFilters({ status })} />
        <Alert type="info" showIcon title={`失败的消息会自动重试，多次仍失败记为「失败待处理」。${SMS_QUIET_HOURS_NOTE}。`} />
        <OutboxFilters query={query} rules={rules} onChange={changeFilters} onReset={resetFilters} />
        <OutboxList
          key={version}
          query={query}
          linkMembers={canOpen(staff.role, '/members')}
          canResend={can(staff.role, 'automation.manage')}
          onResent={refresh}
          onPageChange={changePage}
        />
      </Flex>
    </Card>
  );
}

function OutboxList({
  query,
  linkMembers,
  canResend,
  onResent,
  onPageChange,
}: {
  query: OutboxListQuery;
  linkMembers: boolean;
  canResend: boolean;
  onResent: () => void;
  onPageChange: (page: number, pageSize: number) => void;
}) {
  const { message } = App.useApp();
  const load = useCallback((signal: AbortSignal) => listOutbox(query, signal), [query]);
  const messages = useRemoteData(load);

  async function resend(outboxMessage: OutboxMessage) {
    try {
      await resendOutboxMessage(outboxMessage.id);
      message.success('已重新加入发送队列');
    } catch (error) {
      message.error(toApiError(error).message);
    }
    // Resent or refused (someone else resent it meanwhile): either way the row's status has moved on.
    onResent();
  }

  if (messages.error) {
    return (
      <LoadError what="发送记录" error={messages.error} onRetry={messages.reload} data-testid="outbox-error" />
    );
  }
  const filtered = Boolean(query.status || query.channel || query.source || query.ruleId || query.campaignId || query.customerId);
  return (
    <OutboxTable
      page={messages.data}
      query={query}
      loading={messages.loading}
      filtered={filtered}
      linkMembers={linkMembers}
      onResend={canResend ? resend : undefined}
      onPageChange={onPageChange}
    />
  );
}
