import { useState, type ReactNode } from 'react';
import { ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Input, Segmented, Select, Space } from 'antd';
import { toApiError } from '../../api/client';
import {
  listReminderRules,
  MESSAGE_CHANNEL_LABELS,
  MESSAGE_CHANNELS,
  REMINDER_KIND_LABELS,
  SMS_QUIET_HOURS_NOTE,
  updateReminderRule,
  type MessageChannel,
  type ReminderRule,
} from '../../api/automation';
import { can } from '../../access';
import { useRemoteData } from '../../hooks/use-remote-data';
import { useCurrentStaff } from '../../layouts/current-staff';
import { ReminderRuleDrawer } from './reminder-rule-drawer';
import { ReminderRuleTable } from './reminder-rule-table';
import { LoadError } from '../../components/load-error';

type EnabledFilter = 'all' | 'enabled' | 'disabled';

const ENABLED_OPTIONS: { value: EnabledFilter; label: string }[] = [
  { value: 'all', label: '全部' },
  { value: 'enabled', label: '已启用' },
  { value: 'disabled', label: '已停用' },
];

interface RuleFilters {
  q: string;
  channel?: MessageChannel;
  enabled: EnabledFilter;
}

function matches(rule: ReminderRule, { q, channel, enabled }: RuleFilters): boolean {
  const text = q.trim();
  if (text && !rule.name.includes(text) && !REMINDER_KIND_LABELS[rule.kind].includes(text) && !rule.template.includes(text)) return false;
  if (channel && rule.channel !== channel) return false;
  return enabled === 'all' || rule.enabled === (enabled === 'enabled');
}

/** 自动提醒 `/automation/rules`: the rules that write reminders (首保、续保、生日…), switched and edited by marketing. */
export function ReminderRulesPage() {
  const staff = useCurrentStaff();
  const { message } = App.useApp();
  const canManage = can(staff.role, 'automation.manage');
  const rules = useRemoteData(listReminderRules);
  const [filters, setFilters] = useState<RuleFilters>({ q: '', enabled: 'all' });
  const [editing, setEditing] = useState<ReminderRule>();
  const shown = (rules.data ?? []).filter((rule) => matches(rule, filters));
  const change = (next: Partial<RuleFilters>) => setFilters((current) => ({ ...current, ...next }));

  async function toggle(rule: ReminderRule) {
    try {
      const saved = await updateReminderRule(rule.id, { enabled: !rule.enabled });
      message.success(saved.enabled ? `「${saved.name}」已启用` : `「${saved.name}」已停用`);
      rules.reload();
    } catch (error) {
      message.error(toApiError(error).message);
    }
  }

  let content: ReactNode;
  if (rules.error && !rules.data) {
    content = (
      <LoadError what="提醒规则" error={rules.error} onRetry={rules.reload} data-testid="reminder-rules-error" />
    );
  } else {
    content = (
      <ReminderRuleTable
        rules={shown}
        loading={rules.loading}
        filtered={Boolean(filters.q.trim() || filters.channel) || filters.enabled !== 'all'}
        manage={canManage ? { onEdit: setEditing, onToggle: toggle } : undefined}
      />
    );
  }

  return (
    <Card
      title="自动提醒"
      data-testid="reminder-rules-page"
      extra={
        <Button icon={<ReloadOutlined />} onClick={rules.reload}>
          刷新
        </Button>
      }
    >
      <Flex vertical gap={16}>
        <Alert
          type="info"
          showIcon
          title="规则每天按北京时间自动运行；同一客户的同一件事在同一天只发一次，重复运行或多台服务器同时运行也不会重发。"
          description={`${SMS_QUIET_HOURS_NOTE}；客户退订的渠道不发送（记为「已跳过」）。${canManage ? '' : '如需修改规则，请联系市场部。'}`}
        />
        <Space wrap>
          <Input.Search
            allowClear
            placeholder="规则名称 / 类型 / 内容"
            style={{ width: 260 }}
            onSearch={(q) => change({ q })}
            data-testid="reminder-rule-search"
          />
          <Select<MessageChannel>
            placeholder="全部渠道"
            allowClear
            style={{ width: 160 }}
            options={MESSAGE_CHANNELS.map((value) => ({ value, label: MESSAGE_CHANNEL_LABELS[value] }))}
            value={filters.channel}
            onChange={(channel) => change({ channel })}
            data-testid="reminder-rule-channel-filter"
          />
          <Segmented<EnabledFilter> options={ENABLED_OPTIONS} value={filters.enabled} onChange={(enabled) => change({ enabled })} data-testid="reminder-rule-enabled-filter" />
        </Space>
        {rules.error && rules.data && <Alert type="warning" showIcon title={`刷新失败：${rules.error.message}`} />}
        {content}
      </Flex>
      {editing && (
        <ReminderRuleDrawer
          rule={editing}
          onClose={() => setEditing(undefined)}
          onSaved={() => {
            setEditing(undefined);
            rules.reload();
          }}
        />
      )}
    </Card>
  );
}
