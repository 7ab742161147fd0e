import { Tag } from 'antd';
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
import { FilterBar } from '../../components/filter-bar';
import { FilterSelect } from '../../components/filter-select';
import type { RemoteData } from '../../hooks/use-remote-data';
import type { OutboxFilters as OutboxFilterValues } from './use-outbox-list-query';

const STATUS_OPTIONS = OUTBOX_STATUSES.map((value) => ({ value, label: OUTBOX_STATUS_LABELS[value] }));
const CHANNEL_OPTIONS = MESSAGE_CHANNELS.map((value) => ({ value, label: MESSAGE_CHANNEL_LABELS[value] }));
const SOURCE_OPTIONS = OUTBOX_SOURCES.map((value) => ({ value, label: OUTBOX_SOURCE_LABELS[value] }));

interface OutboxFiltersProps {
  query: OutboxListQuery;
  /** The reminder rules, to filter by one by name. */
  rules: RemoteData<ReminderRule[]>;
  onChange: (filters: Partial<OutboxFilterValues>) => void;
  onReset: () => void;
}

export function OutboxFilters({ query, rules, onChange, onReset }: OutboxFiltersProps) {
  return (
    <FilterBar data-testid="outbox-filters" onReset={onReset}>
      <FilterSelect data-testid="outbox-status-filter" noun="状态" width={140} options={STATUS_OPTIONS} value={query.status} onChange={(status) => onChange({ status })} />
      <FilterSelect data-testid="outbox-channel-filter" noun="渠道" width={150} options={CHANNEL_OPTIONS} value={query.channel} onChange={(channel) => onChange({ channel })} />
      <FilterSelect
        data-testid="outbox-source-filter"
        noun="来源"
        width={140}
        options={SOURCE_OPTIONS}
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
    </FilterBar>
  );
}
