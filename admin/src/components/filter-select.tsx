import { Select, type SelectProps } from 'antd';
import type { Store } from '../api/org';
import type { RemoteData } from '../hooks/use-remote-data';
import { storeOptions } from './org-select-options';

interface FilterSelectProps<Value extends string | number> {
  /** What it picks, in the placeholder: 门店 → 全部门店, or 门店加载失败 when its options could not be loaded. */
  noun: string;
  /** The options' loading state (a `useRemoteData` result or the like); absent for a fixed list. */
  source?: { loading: boolean; error?: unknown };
  options: NonNullable<SelectProps<Value>['options']>;
  value: Value | undefined;
  onChange: (value: Value | undefined) => void;
  width: number;
  /** Type to narrow a long list (stores, consultants). */
  searchable?: boolean;
  'data-testid'?: string;
}

/** A list filter picking one of a set, or all of them when cleared. */
export function FilterSelect<Value extends string | number>({ noun, source, options, value, onChange, width, searchable, 'data-testid': testId }: FilterSelectProps<Value>) {
  return (
    <Select<Value>
      data-testid={testId}
      placeholder={source?.error ? `${noun}加载失败` : `全部${noun}`}
      status={source?.error ? 'warning' : undefined}
      allowClear
      showSearch={searchable ? { optionFilterProp: 'label' } : undefined}
      loading={source?.loading}
      style={{ width }}
      options={options}
      value={value}
      onChange={(next) => onChange(next)}
    />
  );
}

interface StoreFilterProps {
  stores: RemoteData<Store[]>;
  value: number | undefined;
  onChange: (storeId: number | undefined) => void;
  width?: number;
  'data-testid'?: string;
}

/** A list filter on one store, its options grouped by region. */
export function StoreFilter({ stores, value, onChange, width = 180, 'data-testid': testId }: StoreFilterProps) {
  return (
    <FilterSelect
      data-testid={testId}
      noun="门店"
      source={stores}
      searchable
      width={width}
      options={storeOptions(stores.data ?? [])}
      value={value}
      onChange={onChange}
    />
  );
}
