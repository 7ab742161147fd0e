import { useState } from 'react';
import { Button, Empty, Flex, Popconfirm, Switch, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { REMINDER_KIND_LABELS, SWITCH_ONLY_KINDS, type ReminderRule } from '../../api/automation';
import { ChannelTag } from '../../components/automation-tags';
import { formatPoints } from '../../points-format';
import { previewTemplate, ruleTiming } from './reminder-timing';

interface ReminderRuleTableProps {
  rules: ReminderRule[];
  loading: boolean;
  filtered: boolean;
  /** Present for those who edit the rules; without it the table is read-only. */
  manage?: {
    onEdit: (rule: ReminderRule) => void;
    onToggle: (rule: ReminderRule) => Promise<void>;
  };
}

/** The reminder rules: what each sends, when, through which channel, and what it sent in the last 30 days. */
export function ReminderRuleTable({ rules, loading, filtered, manage }: ReminderRuleTableProps) {
  const columns: TableColumnsType<ReminderRule> = [
    {
      title: '规则',
      dataIndex: 'name',
      width: 190,
      render: (_, rule) => {
        const kind = REMINDER_KIND_LABELS[rule.kind];
        return (
          <Flex vertical gap={2} align="flex-start">
            <Typography.Text strong>{rule.name}</Typography.Text>
            {/* The kind only when the name no longer says it (a marketer renamed the rule). */}
            {!rule.name.startsWith(kind) && <Tag style={{ marginInlineEnd: 0 }}>{kind}</Tag>}
          </Flex>
        );
      },
    },
    { title: '渠道', dataIndex: 'channel', width: 140, render: (_, rule) => <ChannelTag channel={rule.channel} /> },
    { title: '触发时机', key: 'timing', width: 200, render: (_, rule) => <span data-testid="reminder-rule-timing">{ruleTiming(rule)}</span> },
    {
      title: '消息内容',
      dataIndex: 'template',
      render: (_, rule) => (
        <Tooltip title={<span style={{ whiteSpace: 'pre-wrap' }}>{previewTemplate(rule.template)}</span>}>
          <Typography.Text ellipsis style={{ maxWidth: 360 }} type="secondary">
            {rule.template}
          </Typography.Text>
        </Tooltip>
      ),
    },
    {
      title: (
        <Tooltip title="近 30 天生成的消息数 / 其中已发出的条数；点击查看发送记录">
          <span>近 30 天 生成 / 已发</span>
        </Tooltip>
      ),
      key: 'last30Days',
      width: 150,
      align: 'right',
      render: (_, rule) => (
        <Link to={`/automation/outbox?ruleId=${rule.id}`} data-testid={`reminder-rule-sent-${rule.id}`}>
          {formatPoints(rule.last30Days.queued)} / {formatPoints(rule.last30Days.sent)}
        </Link>
      ),
    },
    {
      title: '启用',
      dataIndex: 'enabled',
      width: 90,
      render: (_, rule) =>
        manage ? (
          <EnabledSwitch rule={rule} onToggle={manage.onToggle} />
        ) : rule.enabled ? (
          <Tag color="green">启用</Tag>
        ) : (
          <Tag>停用</Tag>
        ),
    },
  ];

  if (manage) {
    columns.push({
      title: '操作',
      key: 'actions',
      width: 80,
      fixed: 'right',
      render: (_, rule) =>
        SWITCH_ONLY_KINDS.includes(rule.kind) ? (
          <Tooltip title="该规则只能启用或停用：逾期的跟进任务立即通知门店经理（站内通知）">
            <Typography.Text type="secondary">—</Typography.Text>
          </Tooltip>
        ) : (
          <Button type="link" size="small" onClick={() => manage.onEdit(rule)} data-testid={`reminder-rule-edit-${rule.id}`}>
            编辑
          </Button>
        ),
    });
  }

  return (
    <Table<ReminderRule>
      data-testid="reminder-rule-table"
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={rules}
      loading={loading}
      scroll={{ x: 1100 }}
      onRow={(rule) => ({ style: rule.enabled ? undefined : { opacity: 0.6 } })}
      pagination={{ defaultPageSize: 20, hideOnSinglePage: true, showTotal: (total) => `共 ${total} 条规则` }}
      locale={{ emptyText: <Empty description={filtered ? '没有符合条件的规则' : '还没有提醒规则'} /> }}
    />
  );
}

/** Stopping a rule asks first: its customers stop getting the reminder from the next run. Starting it does not. */
function EnabledSwitch({ rule, onToggle }: { rule: ReminderRule; onToggle: (rule: ReminderRule) => Promise<void> }) {
  const [busy, setBusy] = useState(false);
  const toggle = async () => {
    setBusy(true);
    try {
      await onToggle(rule);
    } finally {
      setBusy(false);
    }
  };
  const props = { checked: rule.enabled, loading: busy, checkedChildren: '启用', unCheckedChildren: '停用', 'data-testid': `reminder-rule-enabled-${rule.id}` };
  if (!rule.enabled) return <Switch {...props} onChange={() => void toggle()} />;
  return (
    <Popconfirm
      title={`停用「${rule.name}」？`}
      description="停用后从下一次运行起不再生成这类提醒；已生成、待发送的消息照常发出。"
      okText="停用"
      okButtonProps={{ danger: true, 'data-testid': 'reminder-rule-disable-confirm' }}
      cancelText="取消"
      onConfirm={toggle}
    >
      <Switch {...props} />
    </Popconfirm>
  );
}
