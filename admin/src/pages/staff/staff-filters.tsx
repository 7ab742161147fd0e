import { Button, Input, Select, Space } from 'antd';
import type { Store } from '../../api/org';
import type { StaffListQuery } from '../../api/staff';
import { FilterSelect } from '../../components/filter-select';
import type { RemoteData } from '../../hooks/use-remote-data';
import { ROLE_OPTIONS, storeOptions } from './org-select-options';

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
    <Space wrap>
      <Input.Search
        // Remounts when the URL changes (back button, reset) so the box shows the active search.
        key={query.q ?? ''}
        data-testid="staff-search"
        defaultValue={query.q}
        placeholder="用户名 / 姓名 / 手机号"
        allowClear
        enterButton="搜索"
        style={{ width: 280 }}
        onSearch={(value) => onChange({ q: value.trim() || undefined })}
      />
      <Select
        data-testid="staff-role-filter"
        placeholder="全部角色"
        allowClear
        style={{ width: 150 }}
        options={ROLE_OPTIONS}
        value={query.role}
        onChange={(role) => onChange({ role })}
      />
      <FilterSelect
        data-testid="staff-store-filter"
        noun="门店"
        source={stores}
        searchable
        width={200}
        options={storeOptions(stores.data ?? [])}
        value={query.storeId}
        onChange={(storeId) => onChange({ storeId })}
      />
      <Select
        data-testid="staff-active-filter"
        placeholder="全部状态"
        allowClear
        style={{ width: 120 }}
        options={ACTIVE_OPTIONS}
        value={query.active === undefined ? undefined : String(query.active)}
        onChange={(active?: string) => onChange({ active: active === undefined ? undefined : active === 'true' })}
      />
      <Button onClick={onReset}>重置</Button>
    </Space>
  );
}
