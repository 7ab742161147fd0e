import { Button, Checkbox, Input, Select, Space } from 'antd';
import { COMPLAINT_CATEGORIES, COMPLAINT_CATEGORY_LABELS, COMPLAINT_STATUS_LABELS, COMPLAINT_STATUSES, type ComplaintListQuery } from '../../api/feedback';
import type { Store } from '../../api/org';
import { FilterSelect } from '../../components/filter-select';
import type { RemoteData } from '../../hooks/use-remote-data';
import { storeOptions } from '../staff/org-select-options';
import type { ComplaintFilters as ComplaintFilterValues } from './use-complaint-list-query';

interface ComplaintFiltersProps {
  query: ComplaintListQuery;
  /** The stores to filter by; absent for store roles, who only ever see their own store. */
  stores?: RemoteData<Store[]>;
  onChange: (filters: Partial<ComplaintFilterValues>) => void;
  onReset: () => void;
}

export function ComplaintFilters({ query, stores, onChange, onReset }: ComplaintFiltersProps) {
  return (
    <Space wrap data-testid="complaint-filters">
      <Input.Search
        // Remounts when the URL changes (back button, reset) so the box shows the active search.
        key={query.q ?? ''}
        data-testid="complaint-search"
        defaultValue={query.q}
        placeholder="客户姓名 / 完整手机号 / 投诉内容"
        allowClear
        enterButton="搜索"
        maxLength={32}
        style={{ width: 300 }}
        onSearch={(value) => onChange({ q: value.trim() || undefined })}
      />
      <Select
        data-testid="complaint-status-filter"
        placeholder="全部状态"
        allowClear
        style={{ width: 120 }}
        options={COMPLAINT_STATUSES.map((value) => ({ value, label: COMPLAINT_STATUS_LABELS[value] }))}
        value={query.status}
        onChange={(status) => onChange({ status })}
      />
      <Select
        data-testid="complaint-category-filter"
        placeholder="全部类型"
        allowClear
        style={{ width: 130 }}
        options={COMPLAINT_CATEGORIES.map((value) => ({ value, label: COMPLAINT_CATEGORY_LABELS[value] }))}
        value={query.category}
        onChange={(category) => onChange({ category })}
      />
      {stores && (
        <FilterSelect
          data-testid="complaint-store-filter"
          noun="门店"
          source={stores}
          searchable
          width={180}
          options={storeOptions(stores.data ?? [])}
          value={query.storeId}
          onChange={(storeId) => onChange({ storeId })}
        />
      )}
      <Checkbox
        checked={query.overdue === 'true'}
        onChange={(event) => onChange({ overdue: event.target.checked ? 'true' : undefined })}
        data-testid="complaint-overdue-filter"
      >
        仅看超时
      </Checkbox>
      <Button onClick={onReset}>重置</Button>
    </Space>
  );
}
