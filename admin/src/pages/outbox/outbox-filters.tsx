import { Button, Select, Space, Tag } from 'antd';
import {
  MESSAGE_CHANNEL_LABELS,
  MESSAGE_CHANNELS,
  OUTBOX_SOURCE_LABELS,
  OUTBOX_SOURCES,
  OUTBOX_STATUS_LABELS,
  OUTBOX_STATUSES,
  type OutboxListQuery,
  type ReminderRule,
} from '../../api/automation';
import { FilterSelect } from '../../components/filter-select';
import type { RemoteData } from '../../hooks/use-remote-data';
import type { OutboxFilters as OutboxFilterValues } from './use-outbox-list-query';

interface OutboxFiltersProps {
  query: OutboxListQuery;
  /** The reminder rules, to filter by one by name. */
  rules: RemoteData<ReminderRule[]>;
  onChange: (filters: Partial<OutboxFilterValues>) => void;
  onReset: () => void;
}

export function OutboxFilters({ query, rules, onChange, onReset }: OutboxFiltersProps) {
  return (
    <Space wrap data-testid="outbox-filters">
      <Select
        data-testid="outbox-status-filter"
        placeholder="全部状态"
        allowClear
        style={{ width: 140 }}
        options={OUTBOX_STATUSES.map((value) => ({ value, label: OUTBOX_STATUS_LABELS[value] }))}
        value={query.status}
        onChange={(status) => onChange({ status })}
      />
      <Select
        data-testid="outbox-channel-filter"
        placeholder="全部渠道"
        allowClear
        style={{ width: 150 }}
        options={MESSAGE_CHANNELS.map((value) => ({ value, label: MESSAGE_CHANNEL_LABELS[value] }))}
        value={query.channel}
        onChange={(channel) => onChange({ channel })}
      />
      <Select
        data-testid="outbox-source-filter"
        placeholder="全部来源"
        allowClear
        style={{ width: 140 }}
        options={OUTBOX_SOURCES.map((value) => ({ value, label: OUTBOX_SOURCE_LABELS[value] }))}
        value={query.source}
        onChange={(source) => onChange({ source, ruleId: source === 'REMINDER' ? query.ruleId : undefined })}
      />
      <FilterSelect
        data-testid="outbox-rule-filter"
        noun="提醒规则"
        source={rules}
        searchable
        width={200}
        options={(rules.data ?? []).map((rule) => ({ value: rule.id, label: rule.name }))}
        value={query.ruleId}
        onChange={(ruleId) => onChange({ ruleId })}
      />
      {query.campaignId && (
        <Tag closable onClose={() => onChange({ campaignId: undefined })} data-testid="outbox-campaign-filter">
          营销活动 #{query.campaignId}
        </Tag>
      )}
      {query.customerId && (
        <Tag closable onClose={() => onChange({ customerId: undefined })} data-testid="outbox-customer-filter">
          客户 #{query.customerId}
        </Tag>
      )}
      <Button onClick={onReset}>重置</Button>
    </Space>
  );
}
