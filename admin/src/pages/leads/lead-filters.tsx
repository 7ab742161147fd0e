import { Button, DatePicker, Input, Select, Space } from 'antd';
import dayjs from 'dayjs';
import type { LeadListQuery } from '../../api/leads';
import type { Store } from '../../api/org';
import type { StaffItem } from '../../api/staff';
import { FilterSelect } from '../../components/filter-select';
import { consultantOptions } from '../../hooks/use-consultants';
import type { RemoteData } from '../../hooks/use-remote-data';
import { storeOptions } from '../staff/org-select-options';
import { SOURCE_OPTIONS, STAGE_OPTIONS } from './lead-select-options';
import type { LeadFilters as LeadFilterValues, LeadView } from './use-lead-list-query';

const DATE_FORMAT = 'YYYY-MM-DD';

interface LeadFiltersProps {
  query: LeadListQuery;
  view: LeadView;
  /** The stores to filter by; absent for store roles, who only ever see their own store. */
  stores?: RemoteData<Store[]>;
  /** The consultants to filter by; absent for consultants, who only see their own leads. */
  consultants?: RemoteData<StaffItem[]>;
  onChange: (filters: Partial<LeadFilterValues>) => void;
  onReset: () => void;
}

export function LeadFilters({ query, view, stores, consultants, onChange, onReset }: LeadFiltersProps) {
  return (
    <Space wrap data-testid="lead-filters">
      <Input.Search
        // Remounts when the URL changes (back button, reset) so the box shows the active search.
        key={query.q ?? ''}
        data-testid="lead-search"
        defaultValue={query.q}
        placeholder="客户姓名 / 手机号"
        allowClear
        enterButton="搜索"
        style={{ width: 260 }}
        onSearch={(value) => onChange({ q: value.trim() || undefined })}
      />
      {view === 'table' && (
        <Select
          data-testid="lead-stage-filter"
          placeholder="全部阶段"
          allowClear
          style={{ width: 120 }}
          options={STAGE_OPTIONS}
          value={query.stage}
          onChange={(stage) => onChange({ stage })}
        />
      )}
      <Select
        data-testid="lead-source-filter"
        placeholder="全部来源"
        allowClear
        style={{ width: 120 }}
        options={SOURCE_OPTIONS}
        value={query.source}
        onChange={(source) => onChange({ source })}
      />
      {stores && (
        <FilterSelect
          data-testid="lead-store-filter"
          noun="门店"
          source={stores}
          searchable
          width={180}
          options={storeOptions(stores.data ?? [])}
          value={query.storeId}
          // A consultant belongs to one store: a new store clears a consultant from another.
          onChange={(storeId) => onChange({ storeId, assigneeId: undefined })}
        />
      )}
      {consultants && (
        <FilterSelect
          data-testid="lead-consultant-filter"
          noun="顾问"
          source={consultants}
          searchable
          width={170}
          options={consultantOptions(consultants.data ?? [])}
          value={query.assigneeId}
          onChange={(assigneeId) => onChange({ assigneeId })}
        />
      )}
      <DatePicker.RangePicker
        data-testid="lead-date-filter"
        placeholder={['创建日期起', '创建日期止']}
        allowEmpty={[true, true]}
        style={{ width: 260 }}
        value={[query.from ? dayjs(query.from) : null, query.to ? dayjs(query.to) : null]}
        onChange={(range) =>
          onChange({ from: range?.[0]?.format(DATE_FORMAT) ?? undefined, to: range?.[1]?.format(DATE_FORMAT) ?? undefined })
        }
      />
      <Button onClick={onReset}>重置</Button>
    </Space>
  );
}
