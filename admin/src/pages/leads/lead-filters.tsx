import type { LeadListQuery } from '../../api/leads';
import type { Store } from '../../api/org';
import type { StaffItem } from '../../api/staff';
import { DateRangeFilter } from '../../components/date-range-filter';
import { FilterBar, SearchFilter } from '../../components/filter-bar';
import { FilterSelect, StoreFilter } from '../../components/filter-select';
import { consultantOptions } from '../../hooks/use-consultants';
import type { RemoteData } from '../../hooks/use-remote-data';
import { SOURCE_OPTIONS, STAGE_OPTIONS } from './lead-select-options';
import type { LeadFilters as LeadFilterValues, LeadView } from './use-lead-list-query';

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
    <FilterBar data-testid="lead-filters" onReset={onReset}>
      <SearchFilter data-testid="lead-search" value={query.q} placeholder="客户姓名 / 手机号" width={260} onSearch={(q) => onChange({ q })} />
      {view === 'table' && (
        <FilterSelect data-testid="lead-stage-filter" noun="阶段" width={120} options={STAGE_OPTIONS} value={query.stage} onChange={(stage) => onChange({ stage })} />
      )}
      <FilterSelect data-testid="lead-source-filter" noun="来源" width={120} options={SOURCE_OPTIONS} value={query.source} onChange={(source) => onChange({ source })} />
      {stores && (
        <StoreFilter
          data-testid="lead-store-filter"
          stores={stores}
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
      <DateRangeFilter data-testid="lead-date-filter" placeholder={['创建日期起', '创建日期止']} value={query} onChange={onChange} />
    </FilterBar>
  );
}
