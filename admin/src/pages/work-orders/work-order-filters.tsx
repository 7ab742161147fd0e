import type { Store } from '../../api/org';
import { WORK_ORDER_STATUS_LABELS, WORK_ORDER_STATUSES, type WorkOrderListQuery } from '../../api/service';
import { DateRangeFilter } from '../../components/date-range-filter';
import { FilterBar, SearchFilter } from '../../components/filter-bar';
import { FilterSelect, StoreFilter } from '../../components/filter-select';
import type { RemoteData } from '../../hooks/use-remote-data';
import type { WorkOrderFilters as WorkOrderFilterValues } from './use-work-order-list-query';

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
    <FilterBar data-testid="work-order-filters" onReset={onReset}>
      <SearchFilter
        data-testid="work-order-search"
        value={query.q}
        placeholder="车牌号 / VIN / 车主手机号"
        maxLength={32}
        width={300}
        onSearch={(q) => onChange({ q })}
      />
      <FilterSelect data-testid="work-order-status-filter" noun="状态" width={120} options={STATUS_OPTIONS} value={query.status} onChange={(status) => onChange({ status })} />
      {stores && <StoreFilter data-testid="work-order-store-filter" stores={stores} value={query.storeId} onChange={(storeId) => onChange({ storeId })} />}
      <DateRangeFilter data-testid="work-order-date-filter" placeholder={['接车日期起', '接车日期止']} value={query} onChange={onChange} />
    </FilterBar>
  );
}
