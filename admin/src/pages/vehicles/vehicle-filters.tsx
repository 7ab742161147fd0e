import { Button, Input, Space } from 'antd';
import type { Store } from '../../api/org';
import type { VehicleListQuery, VehicleModel } from '../../api/vehicles';
import { FilterSelect } from '../../components/filter-select';
import type { RemoteData } from '../../hooks/use-remote-data';
import { modelOptions } from '../leads/lead-select-options';
import { storeOptions } from '../staff/org-select-options';
import type { VehicleFilters as VehicleFilterValues } from './use-vehicle-list-query';

interface VehicleFiltersProps {
  query: VehicleListQuery;
  /** The stores to filter by; absent for store roles, who only ever see their own store. */
  stores?: RemoteData<Store[]>;
  models: RemoteData<VehicleModel[]>;
  onChange: (filters: Partial<VehicleFilterValues>) => void;
  onReset: () => void;
}

export function VehicleFilters({ query, stores, models, onChange, onReset }: VehicleFiltersProps) {
  return (
    <Space wrap data-testid="vehicle-filters">
      <Input.Search
        // Remounts when the URL changes (back button, reset) so the box shows the active search.
        key={query.q ?? ''}
        data-testid="vehicle-search"
        defaultValue={query.q}
        placeholder="VIN（或后 6 位）/ 车牌号 / 车主手机号"
        allowClear
        enterButton="搜索"
        maxLength={32}
        style={{ width: 340 }}
        onSearch={(value) => onChange({ q: value.trim() || undefined })}
      />
      {stores && (
        <FilterSelect
          data-testid="vehicle-store-filter"
          noun="门店"
          source={stores}
          searchable
          width={180}
          options={storeOptions(stores.data ?? [])}
          value={query.storeId}
          onChange={(storeId) => onChange({ storeId })}
        />
      )}
      <FilterSelect
        data-testid="vehicle-model-filter"
        noun="车型"
        source={models}
        width={180}
        options={modelOptions(models.data ?? [])}
        value={query.modelId}
        onChange={(modelId) => onChange({ modelId })}
      />
      <Button onClick={onReset}>重置</Button>
    </Space>
  );
}
