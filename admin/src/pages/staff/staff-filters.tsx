import type { Store } from '../../api/org';
import type { StaffListQuery } from '../../api/staff';
import { FilterBar, SearchFilter } from '../../components/filter-bar';
import { FilterSelect, StoreFilter } from '../../components/filter-select';
import { ROLE_OPTIONS } from '../../components/org-select-options';
import type { RemoteData } from '../../hooks/use-remote-data';

const ACTIVE_OPTIONS = [
  { value: 'true', label: '在职' },
  { value: 'false', label: '已停用' },
];

interface StaffFiltersProps {
  query: StaffListQuery;
  stores: RemoteData<Store[]>;
  onChange: (filters: Partial<Omit<StaffListQuery, 'page' | 'pageSize'>>) => void;
  onReset: () => void;
}

export function StaffFilters({ query, stores, onChange, onReset }: StaffFiltersProps) {
  return (
    <FilterBar onReset={onReset}>
      <SearchFilter data-testid="staff-search" value={query.q} placeholder="用户名 / 姓名 / 手机号" width={280} onSearch={(q) => onChange({ q })} />
      <FilterSelect data-testid="staff-role-filter" noun="角色" width={150} options={ROLE_OPTIONS} value={query.role} onChange={(role) => onChange({ role })} />
      <StoreFilter data-testid="staff-store-filter" stores={stores} width={200} value={query.storeId} onChange={(storeId) => onChange({ storeId })} />
      <FilterSelect
        data-testid="staff-active-filter"
        noun="状态"
        width={120}
        options={ACTIVE_OPTIONS}
        value={query.active === undefined ? undefined : String(query.active)}
        onChange={(active) => onChange({ active: active === undefined ? undefined : active === 'true' })}
      />
    </FilterBar>
  );
}
