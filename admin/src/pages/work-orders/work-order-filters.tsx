import { Button, DatePicker, Input, Select, Space } from 'antd';
import dayjs from 'dayjs';
import type { Store } from '../../api/org';
import { WORK_ORDER_STATUS_LABELS, WORK_ORDER_STATUSES, type WorkOrderListQuery } from '../../api/service';
import { FilterSelect } from '../../components/filter-select';
import type { RemoteData } from '../../hooks/use-remote-data';
import { storeOptions } from '../staff/org-select-options';
import type { WorkOrderFilters as WorkOrderFilterValues } from './use-work-order-list-query';

const DATE_FORMAT = 'YYYY-MM-DD';
const STATUS_OPTIONS = WORK_ORDER_STATUSES.map((status) => ({ value: status, label: WORK_ORDER_STATUS_LABELS[status] }));

interface WorkOrderFiltersProps {
  query: WorkOrderListQuery;
  /** The stores to filter by; absent for store roles, who only ever see their own store. */
  stores?: RemoteData<Store[]>;
  onChange: (filters: Partial<WorkOrderFilterValues>) => void;
  onReset: () => void;
}

export function WorkOrderFilters({ query, stores, onChange, onReset }: WorkOrderFiltersProps) {
  return (
    <Space wrap data-testid="work-order-filters">
      <Input.Search
        key={query.q ?? ''}
        data-testid="work-order-search"
        defaultValue={query.q}
        placeholder="车牌号 / VIN / 车主手机号"
        allowClear
        enterButton="搜索"
        maxLength={32}
        style={{ width: 300 }}
        onSearch={(value) => onChange({ q: value.trim() || undefined })}
      />
      <Select
        data-testid="work-order-status-filter"
        placeholder="全部状态"
        allowClear
        style={{ width: 120 }}
        options={STATUS_OPTIONS}
        value={query.status}
        onChange={(status) => onChange({ status })}
      />
      {stores && (
        <FilterSelect
          data-testid="work-order-store-filter"
          noun="门店"
          source={stores}
          searchable
          width={180}
          options={storeOptions(stores.data ?? [])}
          value={query.storeId}
          onChange={(storeId) => onChange({ storeId })}
        />
      )}
      <DatePicker.RangePicker
        data-testid="work-order-date-filter"
        placeholder={['接车日期起', '接车日期止']}
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
