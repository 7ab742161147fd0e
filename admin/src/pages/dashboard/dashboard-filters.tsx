import { DatePicker } from 'antd';
import type { Dayjs } from 'dayjs';
import type { DashboardQuery } from '../../api/analytics';
import type { Region, Store } from '../../api/org';
import type { StaffItem } from '../../api/staff';
import { FilterBar } from '../../components/filter-bar';
import { FilterSelect } from '../../components/filter-select';
import { consultantOptions } from '../../hooks/use-consultants';
import type { RemoteData } from '../../hooks/use-remote-data';
import { regionOptions, storeOptions } from '../../components/org-select-options';
import { calendarDate, PERIOD_PRESETS, pickerDate } from './dashboard-period';

const RANGE_PRESETS = PERIOD_PRESETS.map(({ label, period }) => {
  const { from, to } = period();
  return { label, value: [pickerDate(from), pickerDate(to)] as [Dayjs, Dayjs] };
});

interface DashboardFiltersProps {
  query: DashboardQuery;
  /** Absent for those who see one region at most. */
  regions?: RemoteData<Region[]>;
  /** Absent for store roles, who only ever see their own store, and for those with company-wide figures only. */
  stores?: RemoteData<Store[]>;
  /** Absent for consultants, who only see their own figures. */
  consultants?: RemoteData<StaffItem[]>;
  onChange: (changes: Partial<DashboardQuery>) => void;
  onReset: () => void;
}

export function DashboardFilters({ query, regions, stores, consultants, onChange, onReset }: DashboardFiltersProps) {
  const storesShown = (stores?.data ?? []).filter((store) => !query.regionId || store.regionId === query.regionId);
  return (
    <FilterBar data-testid="dashboard-filters" onReset={onReset}>
      <DatePicker.RangePicker
        data-testid="dashboard-period"
        allowClear={false}
        // Presets are computed when the page loads: a page left open past midnight keeps yesterday's "today".
        presets={RANGE_PRESETS}
        value={[pickerDate(query.from), pickerDate(query.to)]}
        onChange={(range) => {
          if (range?.[0] && range[1]) onChange({ from: calendarDate(range[0]), to: calendarDate(range[1]) });
        }}
      />
      {regions && (
        <FilterSelect
          data-testid="dashboard-region-filter"
          noun="区域"
          source={regions}
          width={140}
          options={regionOptions(regions.data ?? [])}
          value={query.regionId}
          // A store and a consultant belong to one region: a new region clears them.
          onChange={(regionId) => onChange({ regionId, storeId: undefined, consultantId: undefined })}
        />
      )}
      {stores && (
        <FilterSelect
          data-testid="dashboard-store-filter"
          noun="门店"
          source={stores}
          searchable
          width={180}
          options={storeOptions(storesShown)}
          value={query.storeId}
          // A consultant belongs to one store: a new store clears a consultant from another.
          onChange={(storeId) => onChange({ storeId, consultantId: undefined })}
        />
      )}
      {consultants && (
        <FilterSelect
          data-testid="dashboard-consultant-filter"
          noun="顾问"
          source={consultants}
          searchable
          width={170}
          options={consultantOptions(consultants.data ?? [])}
          value={query.consultantId}
          onChange={(consultantId) => onChange({ consultantId })}
        />
      )}
    </FilterBar>
  );
}
