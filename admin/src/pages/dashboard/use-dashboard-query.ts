import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { DashboardQuery } from '../../api/analytics';
import { positiveInt } from '../../route-params';
import { defaultPeriod } from './dashboard-period';

export type DashboardFilters = Omit<DashboardQuery, 'from' | 'to'>;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function parseQuery(params: URLSearchParams): DashboardQuery {
  const from = params.get('from');
  const to = params.get('to');
  // Half a period, or one that ends before it starts, is no period: the default stands in for it.
  const period = from && to && DATE.test(from) && DATE.test(to) && from <= to ? { from, to } : defaultPeriod();
  return {
    ...period,
    regionId: positiveInt(params.get('regionId')),
    storeId: positiveInt(params.get('storeId')),
    consultantId: positiveInt(params.get('consultantId')),
  };
}

function toSearchParams(query: DashboardQuery): URLSearchParams {
  const params = new URLSearchParams({ from: query.from, to: query.to });
  if (query.regionId) params.set('regionId', String(query.regionId));
  if (query.storeId) params.set('storeId', String(query.storeId));
  if (query.consultantId) params.set('consultantId', String(query.consultantId));
  return params;
}

/** The dashboard's period and filters, kept in the URL so a reload or a shared link shows the same figures. */
export function useDashboardQuery(): {
  query: DashboardQuery;
  changeQuery: (changes: Partial<DashboardQuery>) => void;
  resetFilters: () => void;
} {
  const [searchParams, setSearchParams] = useSearchParams();
  // The default period moves with the clock, so it is read once per URL, not on every render.
  const query = useMemo(() => parseQuery(searchParams), [searchParams]);
  const changeQuery = useCallback((changes: Partial<DashboardQuery>) => setSearchParams(toSearchParams({ ...query, ...changes })), [query, setSearchParams]);
  const resetFilters = useCallback(() => setSearchParams(toSearchParams(defaultPeriod())), [setSearchParams]);
  return { query, changeQuery, resetFilters };
}
