import type { Store } from '../../api/org';
import type { VehicleListQuery, VehicleModel } from '../../api/vehicles';
import { FilterBar, SearchFilter } from '../../components/filter-bar';
import { FilterSelect, StoreFilter } from '../../components/filter-select';
import type { RemoteData } from '../../hooks/use-remote-data';
import { modelOptions } from '../leads/lead-select-options';
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
    <FilterBar data-testid="vehicle-filters" onReset={onReset}>
      <SearchFilter
        data-testid="vehicle-search"
        value={query.q}
        placeholder="VIN（或后 6 位）/ 车牌号 / 车主手机号"
        maxLength={32}
        width={340}
        onSearch={(q) => onChange({ q })}
      />
      {stores && <StoreFilter data-testid="vehicle-store-filter" stores={stores} value={query.storeId} onChange={(storeId) => onChange({ storeId })} />}
      <FilterSelect
        data-testid="vehicle-model-filter"
        noun="车型"
        source={models}
        width={180}
        options={modelOptions(models.data ?? [])}
        value={query.modelId}
        onChange={(modelId) => onChange({ modelId })}
      />
    </FilterBar>
  );
}
