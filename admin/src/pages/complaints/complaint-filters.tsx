import { Checkbox } from 'antd';
import { COMPLAINT_CATEGORIES, COMPLAINT_CATEGORY_LABELS, COMPLAINT_STATUS_LABELS, COMPLAINT_STATUSES, type ComplaintListQuery } from '../../api/feedback';
import type { Store } from '../../api/org';
import { FilterBar, SearchFilter } from '../../components/filter-bar';
import { FilterSelect, StoreFilter } from '../../components/filter-select';
import type { RemoteData } from '../../hooks/use-remote-data';
import type { ComplaintFilters as ComplaintFilterValues } from './use-complaint-list-query';

const STATUS_OPTIONS = COMPLAINT_STATUSES.map((value) => ({ value, label: COMPLAINT_STATUS_LABELS[value] }));
const CATEGORY_OPTIONS = COMPLAINT_CATEGORIES.map((value) => ({ value, label: COMPLAINT_CATEGORY_LABELS[value] }));

interface ComplaintFiltersProps {
  query: ComplaintListQuery;
  /** The stores to filter by; absent for store roles, who only ever see their own store. */
  stores?: RemoteData<Store[]>;
  onChange: (filters: Partial<ComplaintFilterValues>) => void;
  onReset: () => void;
}

export function ComplaintFilters({ query, stores, onChange, onReset }: ComplaintFiltersProps) {
  return (
    <FilterBar data-testid="complaint-filters" onReset={onReset}>
      <SearchFilter
        data-testid="complaint-search"
        value={query.q}
        placeholder="客户姓名 / 完整手机号 / 投诉内容"
        maxLength={32}
        width={300}
        onSearch={(q) => onChange({ q })}
      />
      <FilterSelect data-testid="complaint-status-filter" noun="状态" width={120} options={STATUS_OPTIONS} value={query.status} onChange={(status) => onChange({ status })} />
      <FilterSelect
        data-testid="complaint-category-filter"
        noun="类型"
        width={130}
        options={CATEGORY_OPTIONS}
        value={query.category}
        onChange={(category) => onChange({ category })}
      />
      {stores && <StoreFilter data-testid="complaint-store-filter" stores={stores} value={query.storeId} onChange={(storeId) => onChange({ storeId })} />}
      <Checkbox
        checked={query.overdue === 'true'}
        onChange={(event) => onChange({ overdue: event.target.checked ? 'true' : undefined })}
        data-testid="complaint-overdue-filter"
      >
        仅看超时
      </Checkbox>
    </FilterBar>
  );
}
